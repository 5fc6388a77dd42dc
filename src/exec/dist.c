/* dist.c - work across MPI ranks, or the serial fallback of one process. */
#include "dist.h"
#include "block.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_TAG_MOD 32767 /* MPI guarantees tags up to 32767: sequenced blocks take 0..32766 */
#define S_TAG_FINAL 32767 /* a rank's final block */

#ifdef SP_MPI
#include <mpi.h>

static int S_rank, S_size = 1, S_on;

int sp_dist_init(int *argc, char ***argv, sp_err_t *err)
{
	int provided;
	if (MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
		return sp_err_set(err, SP_ESOFTWARE, "MPI_Init_thread failed");
	S_on = 1;
	MPI_Comm_rank(MPI_COMM_WORLD, &S_rank);
	MPI_Comm_size(MPI_COMM_WORLD, &S_size);
	if (provided < MPI_THREAD_FUNNELED)
		return sp_err_set(err, SP_ESOFTWARE, "this MPI library has no MPI_THREAD_FUNNELED support");
	return SP_OK;
}

void sp_dist_finalize(void)
{
	if (S_on)
		MPI_Finalize();
	S_on = 0;
}

void sp_dist_abort(int status)
{
	if (S_on && S_size > 1)
		MPI_Abort(MPI_COMM_WORLD, status);
}

int sp_dist_rank(void)
{
	return S_rank;
}

int sp_dist_size(void)
{
	return S_size;
}

int sp_dist_enabled(void)
{
	return 1;
}

void sp_dist_barrier(void)
{
	if (S_size > 1)
		MPI_Barrier(MPI_COMM_WORLD);
}

int sp_dist_bcast(void *buf, size_t bytes, sp_err_t *err)
{
	if (S_size == 1)
		return SP_OK;
	for (size_t off = 0; off < bytes;) { /* counts are ints */
		size_t k = bytes - off < (size_t)INT_MAX ? bytes - off : (size_t)INT_MAX;
		if (MPI_Bcast((char *)buf + off, (int)k, MPI_BYTE, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
			return sp_err_set(err, SP_ESOFTWARE, "MPI_Bcast failed");
		off += k;
	}
	return SP_OK;
}

long sp_dist_max(long v)
{
	long r = v;
	if (S_size > 1)
		MPI_Allreduce(&v, &r, 1, MPI_LONG, MPI_MAX, MPI_COMM_WORLD);
	return r;
}

long sp_dist_sum(long v)
{
	long r = v;
	if (S_size > 1)
		MPI_Allreduce(&v, &r, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
	return r;
}

int sp_dist_share(void *items, size_t item_size, const unsigned char *mine, size_t n, sp_err_t *err)
{
	if (S_size == 1)
		return SP_OK;
	size_t rec = sizeof(uint64_t) + item_size, own = 0;
	for (size_t i = 0; i < n; i++)
		own += mine[i] != 0;
	if (own * rec > (size_t)INT_MAX || n * rec > (size_t)INT_MAX)
		return sp_err_set(err, SP_ESOFTWARE, "too many analyses to share between MPI ranks");
	int *counts = malloc((size_t)S_size * sizeof *counts), *displs = malloc((size_t)S_size * sizeof *displs);
	char *send = malloc(own ? own * rec : 1), *recv = malloc(n ? n * rec : 1);
	int rc = SP_OK;
	if (!counts || !displs || !send || !recv) {
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto out;
	}
	char *p = send;
	for (size_t i = 0; i < n; i++)
		if (mine[i]) {
			uint64_t id = i;
			memcpy(p, &id, sizeof id);
			memcpy(p + sizeof id, (char *)items + i * item_size, item_size);
			p += rec;
		}
	int mybytes = (int)(own * rec);
	MPI_Allgather(&mybytes, 1, MPI_INT, counts, 1, MPI_INT, MPI_COMM_WORLD);
	long total = 0;
	for (int r = 0; r < S_size; r++) {
		displs[r] = (int)total;
		total += counts[r];
	}
	if ((size_t)total > n * rec) {
		rc = sp_err_set(err, SP_ESOFTWARE, "MPI ranks computed the same analysis twice");
		goto out;
	}
	if (MPI_Allgatherv(send, mybytes, MPI_BYTE, recv, counts, displs, MPI_BYTE, MPI_COMM_WORLD) != MPI_SUCCESS) {
		rc = sp_err_set(err, SP_ESOFTWARE, "MPI_Allgatherv failed");
		goto out;
	}
	for (long off = 0; off < total; off += (long)rec) {
		uint64_t id;
		memcpy(&id, recv + off, sizeof id);
		if (id < n)
			memcpy((char *)items + id * item_size, recv + off + sizeof id, item_size);
	}
out:
	free(counts);
	free(displs);
	free(send);
	free(recv);
	return rc;
}

struct sp_dist_send {
	MPI_Request req;
};

static sp_dist_send_t *S_isend_root(const void *buf, size_t bytes, int tag, sp_err_t *err)
{
	sp_dist_send_t *s = malloc(sizeof *s);
	if (s == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	if (bytes > (size_t)INT_MAX) {
		free(s);
		sp_err_set(err, SP_ESOFTWARE, "a block too large for MPI_Isend");
		return NULL;
	}
	if (MPI_Isend(buf, (int)bytes, MPI_BYTE, 0, tag, MPI_COMM_WORLD, &s->req) != MPI_SUCCESS) {
		free(s);
		sp_err_set(err, SP_ESOFTWARE, "MPI_Isend failed");
		return NULL;
	}
	return s;
}

sp_dist_send_t *sp_dist_send_root(const void *buf, size_t bytes, size_t seq, sp_err_t *err)
{
	return S_isend_root(buf, bytes, (int)(seq % S_TAG_MOD), err);
}

sp_dist_send_t *sp_dist_send_final(const void *buf, size_t bytes, sp_err_t *err)
{
	return S_isend_root(buf, bytes, S_TAG_FINAL, err);
}

int sp_dist_send_wait(sp_dist_send_t *s, sp_err_t *err)
{
	if (s == NULL)
		return SP_OK;
	int ok = MPI_Wait(&s->req, MPI_STATUS_IGNORE) == MPI_SUCCESS;
	free(s);
	return ok ? SP_OK : sp_err_set(err, SP_ESOFTWARE, "MPI_Wait failed");
}

int sp_dist_send_test(sp_dist_send_t *s)
{
	int done = 0;
	if (s == NULL)
		return 1;
	if (MPI_Test(&s->req, &done, MPI_STATUS_IGNORE) != MPI_SUCCESS || !done)
		return 0;
	free(s);
	return 1;
}

int sp_dist_ready(size_t seq)
{
	int flag = 0;
	MPI_Iprobe(MPI_ANY_SOURCE, (int)(seq % S_TAG_MOD), MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
	return flag;
}

int sp_dist_recv_seq(void *buf, size_t bytes, size_t seq, size_t *got, sp_err_t *err)
{
	MPI_Status s;
	int count = 0;
	if (bytes > (size_t)INT_MAX)
		return sp_err_set(err, SP_ESOFTWARE, "a block too large for MPI_Recv");
	if (MPI_Recv(buf, (int)bytes, MPI_BYTE, MPI_ANY_SOURCE, (int)(seq % S_TAG_MOD), MPI_COMM_WORLD, &s)
	        != MPI_SUCCESS ||
	    MPI_Get_count(&s, MPI_BYTE, &count) != MPI_SUCCESS || count < 0)
		return sp_err_set(err, SP_ESOFTWARE, "MPI_Recv failed");
	*got = (size_t)count;
	return SP_OK;
}

int sp_dist_recv_final(char **buf, size_t *bytes, sp_err_t *err)
{
	MPI_Status s;
	int count = 0;
	*buf = NULL;
	*bytes = 0;
	if (MPI_Probe(MPI_ANY_SOURCE, S_TAG_FINAL, MPI_COMM_WORLD, &s) != MPI_SUCCESS ||
	    MPI_Get_count(&s, MPI_BYTE, &count) != MPI_SUCCESS || count < 0)
		return sp_err_set(err, SP_ESOFTWARE, "MPI_Probe failed");
	char *b = malloc(count ? (size_t)count : 1);
	if (b == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	if (MPI_Recv(b, count, MPI_BYTE, s.MPI_SOURCE, S_TAG_FINAL, MPI_COMM_WORLD, MPI_STATUS_IGNORE) != MPI_SUCCESS) {
		free(b);
		return sp_err_set(err, SP_ESOFTWARE, "MPI_Recv failed");
	}
	*buf = b;
	*bytes = (size_t)count;
	return SP_OK;
}

/* A window of n elements of `type` at the root, zeroed, in a lock_all epoch. */
typedef struct {
	MPI_Win win;
	void *base;
} S_win;

static int S_win_alloc(S_win *w, MPI_Datatype type, int elem, int n)
{
	MPI_Aint size = S_rank == 0 ? (MPI_Aint)elem * n : 0;
	(void)type;
	if (MPI_Win_allocate(size, elem, MPI_INFO_NULL, MPI_COMM_WORLD, &w->base, &w->win) != MPI_SUCCESS)
		return -1;
	if (S_rank == 0)
		memset(w->base, 0, (size_t)size);
	MPI_Barrier(MPI_COMM_WORLD);
	MPI_Win_lock_all(0, w->win);
	return 0;
}

static void S_win_free(S_win *w)
{
	MPI_Win_unlock_all(w->win);
	MPI_Win_free(&w->win);
}

struct sp_dist_counter {
	S_win w;
};

sp_dist_counter_t *sp_dist_counter_alloc(sp_err_t *err)
{
	sp_dist_counter_t *c = calloc(1, sizeof *c);
	if (c == NULL || S_win_alloc(&c->w, MPI_UINT64_T, (int)sizeof(uint64_t), 1) != 0) {
		free(c);
		sp_err_set(err, SP_ESOFTWARE, "cannot create the MPI window of the work counter");
		return NULL;
	}
	return c;
}

size_t sp_dist_counter_add(sp_dist_counter_t *c, size_t step)
{
	uint64_t add = step, old = 0;
	MPI_Fetch_and_op(&add, &old, MPI_UINT64_T, 0, 0, MPI_SUM, c->w.win);
	MPI_Win_flush(0, c->w.win);
	return (size_t)old;
}

size_t sp_dist_counter_get(sp_dist_counter_t *c)
{
	uint64_t old = 0;
	MPI_Fetch_and_op(NULL, &old, MPI_UINT64_T, 0, 0, MPI_NO_OP, c->w.win);
	MPI_Win_flush(0, c->w.win);
	return (size_t)old;
}

void sp_dist_counter_free(sp_dist_counter_t *c)
{
	if (c == NULL)
		return;
	S_win_free(&c->w);
	free(c);
}

/* slots[0..n) (0 free, 1 taken), then the number held and the peak */
struct sp_dist_licences {
	S_win w;
	int n;
};

sp_dist_licences_t *sp_dist_licences_alloc(int n, sp_err_t *err)
{
	sp_dist_licences_t *l = calloc(1, sizeof *l);
	if (l == NULL || n < 1 || S_win_alloc(&l->w, MPI_INT, (int)sizeof(int), n + 2) != 0) {
		free(l);
		sp_err_set(err, SP_ESOFTWARE, "cannot create the MPI window of the licences");
		return NULL;
	}
	l->n = n;
	return l;
}

int sp_dist_licence_take(sp_dist_licences_t *l)
{
	int one = 1, zero = 0;
	for (int s = 0; s < l->n; s++) {
		int was = 1;
		MPI_Compare_and_swap(&one, &zero, &was, MPI_INT, 0, s, l->w.win);
		MPI_Win_flush(0, l->w.win);
		if (was == 0) {
			int held = 0;
			MPI_Fetch_and_op(&one, &held, MPI_INT, 0, l->n, MPI_SUM, l->w.win);
			MPI_Win_flush(0, l->w.win);
			held++;
			int ignored;
			MPI_Fetch_and_op(&held, &ignored, MPI_INT, 0, l->n + 1, MPI_MAX, l->w.win);
			MPI_Win_flush(0, l->w.win);
			return s;
		}
	}
	return -1;
}

void sp_dist_licence_give(sp_dist_licences_t *l, int slot)
{
	int minus = -1, zero = 0, old;
	MPI_Fetch_and_op(&minus, &old, MPI_INT, 0, l->n, MPI_SUM, l->w.win);
	MPI_Fetch_and_op(&zero, &old, MPI_INT, 0, slot, MPI_REPLACE, l->w.win);
	MPI_Win_flush(0, l->w.win);
}

int sp_dist_licence_peak(sp_dist_licences_t *l)
{
	int peak = 0;
	MPI_Fetch_and_op(NULL, &peak, MPI_INT, 0, l->n + 1, MPI_NO_OP, l->w.win);
	MPI_Win_flush(0, l->w.win);
	return peak;
}

void sp_dist_licences_free(sp_dist_licences_t *l)
{
	if (l == NULL)
		return;
	S_win_free(&l->w);
	free(l);
}

#else /* ---- one process ---------------------------------------------------------- */

int sp_dist_init(int *argc, char ***argv, sp_err_t *err)
{
	(void)argc, (void)argv;
	const char *np = getenv("OMPI_COMM_WORLD_SIZE");
	if (np == NULL)
		np = getenv("PMI_SIZE");
	if (np && atoi(np) > 1)
		return sp_err_set(err, SP_EUSAGE, "started by mpirun with %s processes, but this sheetpile was built "
		                  "without MPI (cmake -DSHEETPILE_MPI=ON)", np);
	return SP_OK;
}

void sp_dist_finalize(void)
{
}

void sp_dist_abort(int status)
{
	(void)status;
}

int sp_dist_rank(void)
{
	return 0;
}

int sp_dist_size(void)
{
	return 1;
}

int sp_dist_enabled(void)
{
	return 0;
}

void sp_dist_barrier(void)
{
}

int sp_dist_bcast(void *buf, size_t bytes, sp_err_t *err)
{
	(void)buf, (void)bytes, (void)err;
	return SP_OK;
}

long sp_dist_max(long v)
{
	return v;
}

long sp_dist_sum(long v)
{
	return v;
}

int sp_dist_share(void *items, size_t item_size, const unsigned char *mine, size_t n, sp_err_t *err)
{
	(void)items, (void)item_size, (void)mine, (void)n, (void)err;
	return SP_OK;
}

sp_dist_send_t *sp_dist_send_root(const void *buf, size_t bytes, size_t seq, sp_err_t *err)
{
	(void)buf, (void)bytes, (void)seq;
	sp_err_set(err, SP_ESOFTWARE, "no other process to send to");
	return NULL;
}

int sp_dist_send_wait(sp_dist_send_t *s, sp_err_t *err)
{
	(void)s, (void)err;
	return SP_OK;
}

int sp_dist_send_test(sp_dist_send_t *s)
{
	(void)s;
	return 1;
}

int sp_dist_ready(size_t seq)
{
	(void)seq;
	return 0;
}

int sp_dist_recv_seq(void *buf, size_t bytes, size_t seq, size_t *got, sp_err_t *err)
{
	(void)buf, (void)bytes, (void)seq;
	*got = 0;
	return sp_err_set(err, SP_ESOFTWARE, "no other process to receive from");
}

sp_dist_send_t *sp_dist_send_final(const void *buf, size_t bytes, sp_err_t *err)
{
	return sp_dist_send_root(buf, bytes, 0, err);
}

int sp_dist_recv_final(char **buf, size_t *bytes, sp_err_t *err)
{
	*buf = NULL;
	*bytes = 0;
	return sp_err_set(err, SP_ESOFTWARE, "no other process to receive from");
}

struct sp_dist_counter {
	size_t value;
};

sp_dist_counter_t *sp_dist_counter_alloc(sp_err_t *err)
{
	sp_dist_counter_t *c = calloc(1, sizeof *c);
	if (c == NULL)
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
	return c;
}

size_t sp_dist_counter_add(sp_dist_counter_t *c, size_t step)
{
	size_t old = c->value;
	c->value += step;
	return old;
}

size_t sp_dist_counter_get(sp_dist_counter_t *c)
{
	return c->value;
}

void sp_dist_counter_free(sp_dist_counter_t *c)
{
	free(c);
}

struct sp_dist_licences {
	int n, held, peak;
	unsigned char *taken;
};

sp_dist_licences_t *sp_dist_licences_alloc(int n, sp_err_t *err)
{
	void *at[1];
	sp_dist_licences_t *l = n < 1 ? NULL : sp_block_alloc(sizeof *l, 1, &(const sp_block_part_t){(size_t)n, 1}, at);
	if (l == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	*l = (sp_dist_licences_t){.n = n, .taken = at[0]};
	return l;
}

int sp_dist_licence_take(sp_dist_licences_t *l)
{
	for (int s = 0; s < l->n; s++)
		if (!l->taken[s]) {
			l->taken[s] = 1;
			if (++l->held > l->peak)
				l->peak = l->held;
			return s;
		}
	return -1;
}

void sp_dist_licence_give(sp_dist_licences_t *l, int slot)
{
	l->taken[slot] = 0;
	l->held--;
}

int sp_dist_licence_peak(sp_dist_licences_t *l)
{
	return l->peak;
}

void sp_dist_licences_free(sp_dist_licences_t *l)
{
	free(l); /* and taken, one block */
}

#endif

int sp_dist_is_root(void)
{
	return sp_dist_rank() == 0;
}

int sp_dist_split(int n)
{
	int size = sp_dist_size(), rank = sp_dist_rank();
	return n / size + (rank < n % size);
}
