/* engine_exec.h - engine exec: every analysis is one run of an external
 * program (the study's [solver]) through the licence pool (pool.h), with its
 * input written and its output read by solver_io.h, journaled for --resume.
 *
 * Besides the in-process interface of engine.h (analyse: one analysis, run
 * at once), its analyses run in batches: the evaluator submits them to a
 * pool shared with other studies and collects them as they finish. */
#ifndef SP_ENGINE_EXEC_H
#define SP_ENGINE_EXEC_H

#include <signal.h>
#include <stddef.h>
#include "engine.h"
#include "pool.h"
#include "study.h"

typedef struct sp_batch sp_batch_t;

/* Engines that run analyses as jobs of a licence pool (exec): where and how. */
typedef struct {
	const char *outdir;          /* journal.txt, timeline.csv and work/ go here (it exists) */
	int resume;                  /* 1: analyses found in the journal are not run again */
	int licenses;                /* solver processes at once (the pool's slots) */
	volatile sig_atomic_t *stop; /* analyse_all only: non-zero (set by a signal handler): stop; may be NULL */
} sp_batch_opts_t;

typedef struct {
	size_t run;                  /* analyses run by this call */
	size_t resumed;              /* analyses taken from the journal */
	size_t solver_failed;        /* failed in the solver: crash, exit status, timeout, no or bad output, denied */
	int interrupted;             /* stopped through *stop: some analyses are missing */
	int max_running;             /* most solver processes at once (of the whole pool) */
	double makespan_s;           /* first start to last end of the analyses run now */
	double sum_s, max_s;         /* their total and longest time (every attempt) */
	double lower_bound_s;        /* max(sum_s / licences, max_s) */
	size_t leftovers_stopped;    /* solvers of an earlier, killed run still running at the start: stopped */
} sp_batch_stats_t;

/* The batch operations of an engine (sp_engine_type.batch). */
struct sp_engine_batch {
	/* the analyses are jobs of a licence pool, in batches:
	 * open: the journal (with o->resume the analyses found in it are loaded
	 *   into out[i] and done[i] is set), work directories; cases[i].id == i;
	 *   the batch's jobs go to pool, tagged with owner. NULL and *err on failure.
	 * submit: analysis id (not done) into the pool (its input written).
	 * finished: a job of this batch (job->owner == owner) has finished:
	 *   read or name its failure into out[*id], journal it. SP_OK also when
	 *   the solver failed (out[*id].ok = 0, counted in the stats).
	 * close: write the timeline, fill *stats (interrupted: stopped through
	 *   the pool's stop flag); free: the batch (after its jobs left the pool) */
	sp_batch_t *(*open)(const sp_study_t *st, const sp_case_t *cases, size_t n, const sp_batch_opts_t *o,
	                    sp_pool_t *pool, void *owner, sp_analysis_t *out, unsigned char *done,
	                    sp_err_t *err);
	int (*submit)(sp_batch_t *b, size_t id, sp_err_t *err);
	int (*finished)(sp_batch_t *b, sp_pool_job_t *job, size_t *id, sp_err_t *err);
	int (*close)(sp_batch_t *b, int interrupted, sp_batch_stats_t *stats, sp_err_t *err);
	void (*free)(sp_batch_t *b); /* accepts NULL */
	/* more than one MPI rank (collective): analyse every case
	 * at once over the ranks (cases[i].id == i), filling out[i] on every rank.
	 * SP_OK also when analyses failed (out[i].ok = 0, counted in stats) or
	 * when stopped (stats->interrupted); an SP_E* code on errors. */
	int (*analyse_all)(const sp_study_t *st, const sp_case_t *cases, size_t n, const sp_batch_opts_t *o,
	                   sp_analysis_t *out, sp_batch_stats_t *stats, sp_err_t *err);
};
typedef struct sp_engine_batch sp_engine_batch_t;

extern const sp_engine_type *const sp_engine_exec; /* [solver]: an external program */

/* The engine a study asks for: exec when it has a [solver], else its
 * built-in one (sp_engine_builtin). */
const sp_engine_type *sp_engine_exec_or_builtin(const sp_study_t *st);

#endif
