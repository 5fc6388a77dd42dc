/* dist.h - work across MPI ranks (mpirun -np N sheetpile run ...), built with
 * cmake -DSHEETPILE_MPI=ON; without it every function is the serial fallback
 * of one process (rank 0 of 1), so callers need no #ifdef.
 *
 * Only the main thread calls these (MPI_THREAD_FUNNELED); OpenMP threads
 * work inside each rank. Rank 0 (the root) reads the journal and writes
 * every output; the other ranks evaluate and send their results to it.
 *
 * One-sided objects live in a window at the root, reached with passive
 * target operations (MPI_Fetch_and_op, MPI_Compare_and_swap), so that no
 * rank has to answer the others:
 *   counter   a shared fetch-and-add counter: dynamic work distribution;
 *   licences  `n` licence slots taken by compare-and-swap: across every rank
 *             never more than `n` evaluations at once.
 * Their alloc and free are collective (every rank calls them, in the same
 * order). Never prints, never exits (sp_dist_abort excepted, for main). */
#ifndef SP_DIST_H
#define SP_DIST_H

#include <stddef.h>
#include "sp.h"

/* Start (MPI_Init_thread) and stop (MPI_Finalize). Without MPI: SP_EUSAGE
 * when started by mpirun with more than one process (each would write the
 * same outputs), else SP_OK. */
int sp_dist_init(int *argc, char ***argv, sp_err_t *err);
void sp_dist_finalize(void);
/* Stop every rank with this exit status (MPI_Abort): for a failure on one
 * rank while the others wait for it. Returns without MPI or with one rank. */
void sp_dist_abort(int status);

int sp_dist_rank(void);   /* 0 without MPI */
int sp_dist_size(void);   /* 1 without MPI */
int sp_dist_is_root(void);
int sp_dist_enabled(void); /* 1 when built with MPI */

/* Everyone waits for everyone. */
void sp_dist_barrier(void);
/* bytes from the root to every rank */
int sp_dist_bcast(void *buf, size_t bytes, sp_err_t *err);
/* The largest (or sum) of v over the ranks, on every rank. */
long sp_dist_max(long v);
long sp_dist_sum(long v);

/* Share items computed on different ranks: item i (of item_size bytes) is
 * valid on the rank where mine[i] is 1 (on exactly one rank); afterwards it
 * is valid on every rank. */
int sp_dist_share(void *items, size_t item_size, const unsigned char *mine, size_t n, sp_err_t *err);

/* Point to point, for ordered results: a block of bytes sent to the root
 * with a sequence number in the background (buf stays untouched until
 * sp_dist_send_wait, which frees the handle; NULL on failure); the root's
 * receive of sequence number `seq` from whichever rank sent it, into buf of
 * `bytes` (*got: the block's size); and whether that block has arrived (its
 * receive will not wait). */
typedef struct sp_dist_send sp_dist_send_t;
sp_dist_send_t *sp_dist_send_root(const void *buf, size_t bytes, size_t seq, sp_err_t *err);
int sp_dist_send_wait(sp_dist_send_t *s, sp_err_t *err); /* accepts NULL */
/* 1 when the send has finished (the handle is freed, as by sp_dist_send_wait;
 * also for NULL), 0 while it goes on (or when the test failed: then
 * sp_dist_send_wait says why). */
int sp_dist_send_test(sp_dist_send_t *s);
int sp_dist_ready(size_t seq);
int sp_dist_recv_seq(void *buf, size_t bytes, size_t seq, size_t *got, sp_err_t *err);
/* A rank's final block (what it gathered over every chunk), sent to the
 * root once, after its last sequenced block, in the background like
 * sp_dist_send_root; the root's receive of one such block from whichever
 * rank sent it, of any size, into *buf (malloc'd: the caller frees it). */
sp_dist_send_t *sp_dist_send_final(const void *buf, size_t bytes, sp_err_t *err);
int sp_dist_recv_final(char **buf, size_t *bytes, sp_err_t *err);

/* ---- the shared counter ---- */
typedef struct sp_dist_counter sp_dist_counter_t;
sp_dist_counter_t *sp_dist_counter_alloc(sp_err_t *err); /* collective; starts at 0 */
/* Add step; returns the value before (fetch-and-add). */
size_t sp_dist_counter_add(sp_dist_counter_t *c, size_t step);
size_t sp_dist_counter_get(sp_dist_counter_t *c);
void sp_dist_counter_free(sp_dist_counter_t *c); /* collective; accepts NULL */

/* ---- global licences ---- */
typedef struct sp_dist_licences sp_dist_licences_t;
sp_dist_licences_t *sp_dist_licences_alloc(int n, sp_err_t *err); /* collective */
/* Take a free licence: its slot in [0, n), or -1 when all n are taken now. */
int sp_dist_licence_take(sp_dist_licences_t *l);
void sp_dist_licence_give(sp_dist_licences_t *l, int slot);
/* Most licences held at once so far, over every rank. */
int sp_dist_licence_peak(sp_dist_licences_t *l);
void sp_dist_licences_free(sp_dist_licences_t *l); /* collective; accepts NULL */

/* The share of n (threads or licences) of this rank when n is split over
 * the ranks: n / size, one more for the first n % size ranks. */
int sp_dist_split(int n);

#endif
