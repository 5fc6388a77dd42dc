/* analyses.h - the analysis phase of an evaluation: which of the plan's
 * distinct analyses the study needs, and running them. Exhaustive: every
 * analysis, once. Min-length: round by round, the analyses the next
 * candidates of the search need, once each; the candidates of a round are
 * checked and reported to the search (search.h) before the next round.
 * Best-first (bestfirst.h): the analyses the front of the objective order
 * needs, as many at once as there are threads (times MPI ranks) or
 * licences, until the answer is proven; with a licence pool the proof
 * cancels the study's jobs still queued or running.
 *
 * The built-in engines run in this process, in parallel slices of about a
 * step's budget (over more than one MPI rank: collectively, a round at a
 * time, dist.h). An external solver (exec) runs each analysis as a job of
 * a licence pool, the study's own or one shared by the studies of a batch;
 * over more than one MPI rank every analysis at once through the engine
 * (the licences global over the ranks). Never prints. */
#ifndef SP_ANALYSES_H
#define SP_ANALYSES_H

#include <stddef.h>
#include "engine_exec.h"
#include "eval_stats.h"
#include "plan.h"
#include "search.h"

typedef struct sp_analyses sp_analyses_t;

typedef struct {
	/* engines that run all analyses at once (exec, a [solver] study) */
	const char *outdir;          /* existing output directory: journal, timeline, work/; NULL: "." */
	int licenses;                /* solver processes at once */
	int resume;                  /* 1: take the analyses found in the journal */
	volatile sig_atomic_t *stop; /* set by a signal handler: stop the solvers; may be NULL */
	sp_pool_t *pool;             /* a licence pool shared with other studies (batch), from
	                                sp_analyses_pool_alloc(); NULL: the study's own */
} sp_analyses_opts_t;

/* The analysis phase of plan (which must outlive it); no analysis runs yet
 * (exec: the journal is opened, with resume its analyses are taken).
 * stats (the caller's, outliving the phase too): workers and candidates are
 * read; the fields of the analysis phase are set and kept up to date
 * (search, analysing, analyses_*, to_evaluate, search_*, batch,
 * max_concurrent). NULL and *err on failure. Free with sp_analyses_free(). */
sp_analyses_t *sp_analyses_open(const sp_plan_t *plan, const sp_analyses_opts_t *opts, sp_eval_stats_t *stats,
                                sp_err_t *err);
/* Advance the phase for about budget_s: sp_eval_step() (evaluate.h). */
int sp_analyses_step(sp_analyses_t *an, double budget_s, int *finished, sp_err_t *err);
void sp_analyses_free(sp_analyses_t *an); /* accepts NULL */

/* A licence pool of `licenses` solver processes: sp_eval_pool_alloc(). */
sp_pool_t *sp_analyses_pool_alloc(int licenses, double kill_grace_s, volatile sig_atomic_t *stop, sp_err_t *err);

/* Once finished: one analysis per analysis of the plan (owned by an). */
const sp_analysis_t *sp_analyses_results(const sp_analyses_t *an);
/* Once finished, min-length: the candidates the search evaluated, ascending
 * (stats->to_evaluate of them; owned by an); NULL: exhaustive, every one. */
const size_t *sp_analyses_ids(const sp_analyses_t *an);
/* Once finished, best-first: per candidate id, SP_CAND_SKIPPED_DOMINATED,
 * SP_CAND_SKIPPED_BOUND or 0 (analysed; owned by an); NULL otherwise. */
const unsigned char *sp_analyses_skip(const sp_analyses_t *an);
/* The min-length search (its groups), or NULL for exhaustive. */
const sp_search_t *sp_analyses_search(const sp_analyses_t *an);
/* While an external solver's jobs run in a pool: what is left of them
 * (stats->remaining_*, pool_slots; sp_pool_outlook). */
void sp_analyses_outlook(const sp_analyses_t *an, sp_eval_stats_t *stats);

#endif
