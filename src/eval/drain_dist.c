/* drain_dist.c - the candidate phase over more than one MPI rank. */
#include "drain_dist.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_DIST_CHUNK 2048 /* rows per chunk (a block of some 400 to 750 kB to the root, still in cache) */

int sp_drain_dist_open(sp_drain_dist_t *dd, sp_drain_t *d, sp_err_t *err)
{
	if (d->chunk > S_DIST_CHUNK)
		d->chunk = S_DIST_CHUNK;
	dd->n_chunks = (d->stats->to_evaluate + d->chunk - 1) / d->chunk;
	if ((dd->chunks = sp_dist_counter_alloc(err)) == NULL)
		return err->code;
	return SP_OK;
}

int sp_drain_dist_pending(const sp_drain_dist_t *dd)
{
	return dd->chunks != NULL;
}

/* Evaluate and prepare candidates [first, first + count) into a slot, on
 * every worker of this rank (blocks of S_BLOCK rows, dynamic schedule; each
 * block prepared into its own part of the slot, then moved together; with
 * one worker the chunk in one go).
 * Returns the prepared bytes. */
#define S_BLOCK 1024
static size_t S_chunk(sp_drain_t *d, size_t first, size_t count, char *slot, const sp_eval_sink_t *sink)
{
	sp_result_t *rows = (sp_result_t *)slot;
	char *out = sp_drain_prepared(slot, count);
	if (d->stats->workers <= 1) { /* one worker: the whole chunk at once, nothing to move together */
		sp_plan_rows(d->plan, d->analyses, d->ids, d->skip, first, count, rows);
		if (d->stats->max_concurrent < 1)
			d->stats->max_concurrent = 1;
		return sink->prepare(sink->data, rows, count, out);
	}
	size_t n_blocks = (count + S_BLOCK - 1) / S_BLOCK, len[64], bytes = 0;
	int inflight = 0, peak = d->stats->max_concurrent;
	for (size_t b0 = 0; b0 < n_blocks; b0 += 64) { /* len[] of 64 blocks at a time */
		size_t nb = n_blocks - b0 < 64 ? n_blocks - b0 : 64;
#pragma omp parallel for schedule(dynamic, 1) num_threads(d->stats->workers) reduction(max : peak) if (nb > 1)
		for (size_t b = 0; b < nb; b++) {
			int now;
#pragma omp atomic capture
			now = ++inflight;
			if (now > peak)
				peak = now;
			size_t j = (b0 + b) * S_BLOCK, n = count - j < S_BLOCK ? count - j : S_BLOCK;
			sp_plan_rows(d->plan, d->analyses, d->ids, d->skip, first + j, n, rows + j);
#pragma omp atomic
			inflight--;
			len[b] = sink->prepare(sink->data, rows + j, n, out + j * sink->bytes_per_row);
		}
		for (size_t b = 0; b < nb; b++) {
			memmove(out + bytes, out + (b0 + b) * S_BLOCK * sink->bytes_per_row, len[b]);
			bytes += len[b];
		}
	}
	d->stats->max_concurrent = peak;
	return bytes;
}

static size_t S_chunk_count(const sp_drain_t *d, size_t k)
{
	size_t first = k * d->chunk, total = d->stats->to_evaluate;
	return total - first < d->chunk ? total - first : d->chunk;
}

/* MPI, more than one rank (every rank calls it): the chunks are taken from
 * the shared counter. A rank other than the root evaluates and prepares
 * each chunk it takes in slot 0 and sends it to the root from a copy in
 * another slot, in the background while it evaluates the next ones (up to
 * S_DIST_SENDS, as few as it can: the root takes a block only at its turn).
 * Slot 0 stays in this core's cache; the root copies a block straight out
 * of this rank's memory (MPI's single copy), which takes its cache lines
 * away from this core, and formatting into such lines stalled on each (a
 * third slower on the 2-core AMD EPYC VM); one memcpy into them does not.
 * A block is its rows and prepared bytes; with the sink's
 * gather, only the chunk's status counts and prepared bytes, the rows
 * gathered here, and at the end the gathered state (pack) in a final
 * block. The root consumes the chunks in order; while the chunk of its turn
 * has not arrived it evaluates chunks of its own, taken from the counter
 * and held until their turn (at most S_DIST_HELD); after the last chunk it
 * unpacks every other rank's final block. After a consumer's error the
 * root still receives every block, so that no rank waits for it, and
 * consumes no more. */
#define S_DIST_SENDS 8
#define S_DIST_HELD 4
int sp_drain_dist_run(sp_drain_dist_t *dd, sp_drain_t *d, const sp_eval_sink_t *sink)
{
	size_t cap = d->chunk * (sizeof(sp_result_t) + sink->bytes_per_row);
	int gathered = sink->gather && sink->pack && sink->unpack, root = sp_dist_is_root();
	sp_err_t err;
	int rc = sp_drain_slots(d, 1 + (root ? S_DIST_HELD : S_DIST_SENDS), cap);
	if (!root) {
		sp_dist_send_t *sending[S_DIST_SENDS] = {NULL};
		size_t sent[S_DIST_SENDS] = {0}; /* the chunk of each send */
		while (rc == SP_OK) {
			size_t k = d->stats->workers > 0 ? sp_dist_counter_add(dd->chunks, 1) : dd->n_chunks;
			if (k >= dd->n_chunks)
				break;
			/* the first slot whose send has finished (still in cache), else
			 * the one of the oldest send, once it has finished */
			int cur = 0, oldest = 0;
			while (cur < S_DIST_SENDS && !sp_dist_send_test(sending[cur])) {
				if (sent[cur] < sent[oldest])
					oldest = cur;
				cur++;
			}
			if (cur == S_DIST_SENDS && sp_dist_send_wait(sending[cur = oldest], &err) != SP_OK)
				rc = SP_ESOFTWARE;
			sending[cur] = NULL;
			char *slot = d->slot[0], *block = slot;
			size_t count = S_chunk_count(d, k), bytes = S_chunk(d, k * d->chunk, count, slot, sink);
			size_t size = count * sizeof(sp_result_t) + bytes;
			if (gathered) { /* the counts right before the prepared bytes, over the last row */
				const sp_result_t *rows = (const sp_result_t *)slot;
				sp_drain_tally_t t = sp_drain_tally(rows, count);
				if (sink->gather(sink->data, rows, count) != SP_OK)
					rc = SP_ESOFTWARE;
				block = sp_drain_prepared(slot, count) - sizeof t;
				memcpy(block, &t, sizeof t);
				size = sizeof t + bytes;
			}
			memcpy(d->slot[1 + cur], block, size);
			if (rc == SP_OK && (sending[cur] = sp_dist_send_root(d->slot[1 + cur], size, k, &err)) == NULL)
				rc = SP_ESOFTWARE;
			sent[cur] = k;
		}
		for (int w = 0; w < S_DIST_SENDS; w++)
			if (sp_dist_send_wait(sending[w], &err) != SP_OK)
				rc = SP_ESOFTWARE;
		if (gathered && rc == SP_OK) {
			char *state = NULL;
			size_t size = 0;
			sp_dist_send_t *final = NULL;
			if (sink->pack(sink->data, &state, &size) != SP_OK ||
			    (final = sp_dist_send_final(state, size, &err)) == NULL || sp_dist_send_wait(final, &err) != SP_OK)
				rc = SP_ESOFTWARE;
			free(state);
		}
	} else {
		size_t held[S_DIST_HELD], held_bytes[S_DIST_HELD]; /* slot 1 + h: chunk held[h], SIZE_MAX: free */
		int n_held = 0, taken_all = d->stats->workers == 0;
		for (int h = 0; h < S_DIST_HELD; h++)
			held[h] = SIZE_MAX;
		for (size_t k = 0; k < dd->n_chunks && rc != SP_ESOFTWARE; k++) {
			size_t count = S_chunk_count(d, k), bytes = 0;
			int h = 0;
			while (h < S_DIST_HELD && held[h] != k)
				h++;
			/* not arrived: evaluate chunks of the counter meanwhile, k itself
			 * when nobody has taken it, else ones to hold until their turn */
			while (h == S_DIST_HELD && !taken_all && n_held < S_DIST_HELD && !sp_dist_ready(k)) {
				size_t c = sp_dist_counter_add(dd->chunks, 1);
				if (c >= dd->n_chunks) {
					taken_all = 1;
					break;
				}
				int f = 0;
				while (held[f] != SIZE_MAX)
					f++;
				held_bytes[f] = S_chunk(d, c * d->chunk, S_chunk_count(d, c), d->slot[1 + f], sink);
				held[f] = c;
				n_held++;
				if (c == k)
					h = f;
			}
			char *slot = d->slot[0];
			sp_result_t *rows = NULL;
			const char *prepared;
			sp_drain_tally_t t;
			if (h < S_DIST_HELD) { /* this rank's */
				slot = d->slot[1 + h], bytes = held_bytes[h];
				held[h] = SIZE_MAX;
				n_held--;
				rows = (sp_result_t *)slot;
				prepared = sp_drain_prepared(slot, count);
				t = sp_drain_tally(rows, count);
			} else {
				size_t got = 0, head = gathered ? sizeof t : count * sizeof *rows;
				if (sp_dist_recv_seq(slot, cap, k, &got, &err) != SP_OK || got < head) {
					rc = SP_ESOFTWARE;
					break;
				}
				bytes = got - head;
				prepared = slot + head;
				if (gathered) {
					memcpy(&t, slot, sizeof t);
				} else {
					rows = (sp_result_t *)slot;
					sp_plan_relink(d->plan, d->analyses, rows, count); /* the analyses of this rank */
					t = sp_drain_tally(rows, count);
				}
			}
			sp_drain_count(d, &t, count);
			if (rc == SP_OK)
				rc = sink->consume(sink->data, rows, count, prepared, bytes);
		}
		/* every other rank's final block, also after a consumer's error */
		for (int r = 1; gathered && r < sp_dist_size() && rc != SP_ESOFTWARE; r++) {
			char *state;
			size_t size;
			if (sp_dist_recv_final(&state, &size, &err) != SP_OK) {
				rc = SP_ESOFTWARE;
				break;
			}
			if (rc == SP_OK)
				rc = sink->unpack(sink->data, state, size);
			free(state);
		}
	}
	if (rc == SP_ESOFTWARE)
		sp_dist_abort(SP_ESOFTWARE); /* an MPI failure: the others cannot go on */
	sp_dist_counter_free(dd->chunks); /* collective: every rank is past its last chunk */
	dd->chunks = NULL;
	return rc;
}
