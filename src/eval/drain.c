/* drain.c - the candidate phase of an evaluation in one process. */
#include "drain.h"

#include <omp.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

void sp_drain_init(sp_drain_t *d, const sp_plan_t *plan, sp_eval_stats_t *stats, size_t chunk)
{
	memset(d, 0, sizeof *d);
	d->plan = plan;
	d->stats = stats;
	d->chunk = chunk;
}

void sp_drain_start(sp_drain_t *d, const sp_analysis_t *analyses, const size_t *ids, const unsigned char *skip)
{
	d->analyses = analyses;
	d->ids = ids;
	d->skip = skip;
	if (d->chunk > d->stats->to_evaluate)
		d->chunk = d->stats->to_evaluate ? d->stats->to_evaluate : 1;
}

void sp_drain_clear(sp_drain_t *d)
{
	for (int w = 0; w < d->n_slots; w++)
		free(d->slot[w]);
	free(d->slot);
	d->slot = NULL;
	d->n_slots = 0;
	d->slot_bytes = 0;
}

int sp_drain_threads(const sp_drain_t *d)
{
	return d->stats->workers > 0 ? d->stats->workers : 1;
}

char *sp_drain_prepared(char *slot, size_t count)
{
	return slot + count * sizeof(sp_result_t);
}

int sp_drain_slots(sp_drain_t *d, int n, size_t bytes)
{
	if (d->slot_bytes < bytes) { /* too small: new ones */
		for (int w = 0; w < d->n_slots; w++) {
			free(d->slot[w]);
			d->slot[w] = NULL;
		}
		d->slot_bytes = bytes;
	}
	if (n > d->n_slots) {
		char **more = realloc(d->slot, (size_t)n * sizeof *more);
		if (more == NULL)
			return SP_ESOFTWARE;
		for (int w = d->n_slots; w < n; w++)
			more[w] = NULL;
		d->slot = more;
		d->n_slots = n;
	}
	for (int w = 0; w < n; w++)
		if (d->slot[w] == NULL && (d->slot[w] = malloc(d->slot_bytes)) == NULL)
			return SP_ESOFTWARE;
	return SP_OK;
}

sp_drain_tally_t sp_drain_tally(const sp_result_t *rows, size_t n)
{
	sp_drain_tally_t t = {0, 0, 0, 0};
	for (size_t j = 0; j < n; j++) {
		switch (rows[j].status) {
		case SP_CAND_OK:
			t.feasible++;
			break;
		case SP_CAND_INFEASIBLE:
			t.infeasible++;
			break;
		case SP_CAND_FAILED:
			t.failed++;
			break;
		case SP_CAND_SKIPPED_DOMINATED:
		case SP_CAND_SKIPPED_BOUND:
			t.skipped++;
			break;
		}
	}
	return t;
}

void sp_drain_count(sp_drain_t *d, const sp_drain_tally_t *t, size_t n)
{
	d->stats->feasible += t->feasible;
	d->stats->infeasible += t->infeasible;
	d->stats->failed += t->failed;
	d->stats->skipped += t->skipped;
	d->next += n;
	d->stats->evaluated = d->next;
}

/* Rows per chunk: about 16 chunks per worker, so the workers take turns at
 * the consumer and finish together; at least 256 (the hand-over costs a few
 * microseconds), at most 4096 and the study's chunk. */
static size_t S_drain_chunk(const sp_drain_t *d)
{
	size_t left = d->stats->to_evaluate > d->next ? d->stats->to_evaluate - d->next : 0;
	size_t slots = (size_t)sp_drain_threads(d), rows = (left + 16 * slots - 1) / (16 * slots);
	if (rows < 256)
		rows = 256;
	if (rows > 4096)
		rows = 4096;
	return rows < d->chunk ? rows : d->chunk;
}

/* Wait until *turn is k: spin, yielding the CPU after a while (more
 * threads than cores, other processes). */
static void S_await(atomic_size_t *turn, size_t k)
{
	for (unsigned spins = 0; atomic_load(turn) != k; spins++)
		if (spins >= 4096)
			sched_yield();
}

int sp_drain_run(sp_drain_t *d, const sp_eval_sink_t *sink)
{
	size_t first = d->next, total = d->stats->to_evaluate;
	if (first >= total)
		return SP_OK;
	int slots = sp_drain_threads(d);
	size_t chunk = S_drain_chunk(d), n_chunks = (total - first + chunk - 1) / chunk;
	if (sp_drain_slots(d, slots, chunk * (sizeof(sp_result_t) + sink->bytes_per_row)) != SP_OK)
		return SP_ESOFTWARE;
	atomic_size_t next = 0, turn = 0;
	atomic_int rc = SP_OK, inflight = 0, peak = d->stats->max_concurrent;
	/* each worker takes the next chunk, evaluates and prepares it, then waits
	 * for its turn to consume it; meanwhile the others evaluate the next
	 * ones. The turn is awaited by spinning, not sleeping: the wait is
	 * shorter than waking a sleeping thread (milliseconds on a virtual
	 * machine whose idle CPU has halted). */
#pragma omp parallel num_threads(slots)
	{
		char *slot = d->slot[omp_get_thread_num()];
		sp_result_t *rows = (sp_result_t *)slot;
		for (;;) {
			size_t k = atomic_fetch_add(&next, 1);
			if (k >= n_chunks)
				break;
			size_t c0 = first + k * chunk, n = total - c0 < chunk ? total - c0 : chunk, bytes = 0;
			sp_drain_tally_t t = {0, 0, 0, 0};
			int go = atomic_load(&rc) == SP_OK;
			if (go) {
				int now = atomic_fetch_add(&inflight, 1) + 1, was = atomic_load(&peak);
				while (now > was && !atomic_compare_exchange_weak(&peak, &was, now))
					;
				sp_plan_rows(d->plan, d->analyses, d->ids, d->skip, c0, n, rows);
				atomic_fetch_sub(&inflight, 1);
				bytes = sink->prepare(sink->data, rows, n, sp_drain_prepared(slot, n));
				t = sp_drain_tally(rows, n);
			}
			S_await(&turn, k);
			if (go && atomic_load(&rc) == SP_OK) {
				sp_drain_count(d, &t, n);
				int got = sink->consume(sink->data, rows, n, sp_drain_prepared(slot, n), bytes);
				if (got)
					atomic_store(&rc, got);
			}
			atomic_store(&turn, k + 1);
		}
	}
	d->stats->max_concurrent = atomic_load(&peak);
	return atomic_load(&rc);
}
