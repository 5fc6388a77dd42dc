/* evaluate.h - the evaluator of a study: runs the distinct analyses once
 * (analyses.h), then evaluates candidates in parallel (OpenMP) and hands them
 * back in candidate order, one chunk at a time, so the consumer writes and
 * ranks serially and memory does not grow with the number of candidates
 * (sp_eval_drain: the workers take turns at the consumer while the others
 * evaluate, drain.h; over MPI ranks, drain_dist.h).
 *
 * Licence bound: at most `licenses` evaluations run at once: the number of
 * workers is min(threads, licenses, cores) and at least 1 (workers.h). */
#ifndef SP_EVALUATE_H
#define SP_EVALUATE_H

#include <stddef.h>
#include "catalogue.h"
#include "engine_exec.h"
#include "eval_sink.h"
#include "eval_stats.h"
#include "result.h"
#include "search.h"
#include "study.h"

typedef struct {
	int threads;        /* requested; 0 = all cores */
	int licenses;       /* evaluations allowed at once */
	size_t chunk;       /* candidates per chunk; 0 = default */
	/* engines that run all analyses at once (exec, a [solver] study) */
	const char *outdir;          /* existing output directory: journal, timeline, work/ */
	int resume;                  /* 1: take the analyses found in the journal */
	volatile sig_atomic_t *stop; /* set by a signal handler: stop the solvers; may be NULL */
	sp_pool_t *pool;             /* a licence pool shared with other studies (batch), from
	                                sp_eval_pool_alloc(); NULL: the study's own */
} sp_eval_opts_t;

typedef struct sp_eval sp_eval_t;

/* Once, at the start of the program (before any thread): keep the blocks
 * of a few hundred kB that every beam analysis allocates and frees in the
 * heap of its thread, for the next analysis to reuse. glibc would otherwise
 * map them afresh each time (zeroed pages faulted in one by one) and unmap
 * them, and unmapping in a threaded process interrupts the other cores:
 * 7 % more CPU time on two threads for the subgrade example. No effect with other C libraries. */
void sp_eval_tune_memory(void);

/* Plan the workers and run the analyses: sp_eval_open(), then
 * sp_eval_step() until finished. Returns NULL and fills *err on failure;
 * SP_ESTOPPED when *opts->stop stopped an external solver's run (the
 * finished analyses are in the journal). Free with sp_eval_free(). */
sp_eval_t *sp_eval_alloc(const sp_study_t *st, const sp_catalogue_t *cat, const sp_eval_opts_t *opts,
                         sp_err_t *err);
/* Plan the workers; no analysis runs yet (exec: the journal is opened, with
 * --resume its analyses are taken). NULL and *err on failure. */
sp_eval_t *sp_eval_open(const sp_study_t *st, const sp_catalogue_t *cat, const sp_eval_opts_t *opts,
                        sp_err_t *err);
/* Advance the analysis phase for about budget_s (built-in engines: slices
 * of analyses in parallel; exec: until a solver job of the pool has
 * finished, or budget_s passed), so the caller can poll sp_eval_stats()
 * between steps for progress. *finished = 1 once every analysis (and, for
 * min-length, the whole search) is done; then sp_eval_drain() hands out the
 * results. An error is kept: later steps return it again. With a shared
 * pool, a step may finish other studies' jobs (they are routed to them);
 * a failed study's jobs still running are waited for before its error is
 * returned, so free a study of a shared pool only once its step returned
 * finished or an error. */
int sp_eval_step(sp_eval_t *ev, double budget_s, int *finished, sp_err_t *err);
void sp_eval_free(sp_eval_t *ev); /* accepts NULL */

/* A licence pool for the studies of a batch (sp_eval_opts_t.pool): at most
 * `licenses` solver processes of all of them at once. Free it after the
 * studies' analysis phases. */
sp_pool_t *sp_eval_pool_alloc(int licenses, double kill_grace_s, volatile sig_atomic_t *stop, sp_err_t *err);
void sp_eval_pool_free(sp_pool_t *pool); /* accepts NULL */

/* Evaluate every candidate not yet handed out (with the min-length
 * strategy: those the search evaluated) and hand the results to the sink
 * in candidate order, chunk by chunk: each worker evaluates and prepares a
 * chunk on its own, then hands it to consume in its turn, so the serial
 * consumer overlaps the evaluation of the next chunks instead of waiting
 * for it. What consume sees does not depend on the number of workers,
 * licences or ranks. Returns SP_OK or consume's first non-zero return.
 * With more than one MPI rank every rank calls it: the other ranks
 * evaluate and prepare chunks and send them to the root, which consumes. */
int sp_eval_drain(sp_eval_t *ev, const sp_eval_sink_t *sink);
int sp_eval_slots(const sp_eval_t *ev); /* workers of this rank */

/* Rows from another MPI rank: point their analysis to this rank's (the
 * same analyses, dist.h). */
void sp_eval_relink(const sp_eval_t *ev, sp_result_t *rows, size_t n);

void sp_eval_stats(const sp_eval_t *ev, sp_eval_stats_t *stats);

/* MPI (dist.h): 1 until sp_eval_drain() has exchanged the chunks between
 * the ranks (a rank that stops before leaves the others waiting); 0 without
 * MPI. */
int sp_eval_distributing(const sp_eval_t *ev);

/* Once the analysis phase has finished: the result of candidate id from the
 * analyses already run (no analysis runs, no counter moves). Returns 1, or
 * 0 when the search strategy did not evaluate the candidate (min-length,
 * best-first): then only r->cand and r->cost are set (they need no
 * analysis; best-first also sets the skipped status). */
int sp_eval_result(const sp_eval_t *ev, size_t id, sp_result_t *r);
/* The finished min-length search (its groups), or NULL for exhaustive. */
const sp_search_t *sp_eval_search(const sp_eval_t *ev);

#endif
