/* evaluate.c - the evaluator pool. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "evaluate.h"
#include "dist.h"
#include "drain.h"
#include "drain_dist.h"
#include "plan.h"
#include "workers.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <time.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_DEFAULT_CHUNK 16384
#define S_SERIAL_S 0.002 /* analyses that take less in all run on one thread */

struct sp_eval {
	sp_plan_t plan;
	sp_analysis_t *analyses;           /* per analysis of the plan */
	unsigned char *analysed;           /* per analysis: run already */
	sp_search_t *search;               /* min-length: the finished search; NULL: exhaustive */
	size_t *ids;                       /* min-length: the candidates to hand out, ascending */
	sp_eval_stats_t stats;
	sp_drain_t drain;                  /* the candidate phase */
	sp_drain_dist_t dist;              /* MPI, more than one rank: its chunks go round the ranks */
	/* the analysis phase, in steps (sp_eval_step) */
	int error;                         /* a step failed: err says why (sticky) */
	sp_err_t err;
	int listed;                        /* exhaustive: the list of every analysis was made */
	size_t *list, n_list, pos;         /* analyses of the current round not yet run; pos: next to start */
	unsigned char *queued;             /* per analysis: in the list being made */
	size_t slice;                      /* built-in: analyses per parallel step */
	double analysis_s;                 /* built-in: time of one analysis on one thread; < 0: not known */
	const size_t *round_ids;           /* min-length: the candidates of the current round (the search's) */
	size_t n_round;
	/* engines with batches (exec) */
	sp_case_t *cases;
	sp_pool_t *pool;
	int own_pool;
	sp_batch_t *batch;
	size_t in_flight;                  /* jobs in the pool, not finished */
	const char *outdir;
	int dist_all;                      /* exec over MPI ranks: every analysis at once (analyse_all) */
	int dist_ran;
	sp_eval_opts_t dist_opts;
};

void sp_eval_tune_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20); /* larger blocks are still mapped */
	mallopt(M_TRIM_THRESHOLD, 64 << 20); /* a heap keeps this much free at its top */
#endif
}

/* Analysis i on this thread, counted in *inflight while it runs (the most
 * seen in *peak, the thread's own); 1 when it ran out of memory. */
static int S_analyse_counted(sp_eval_t *ev, size_t i, int *inflight, int *peak)
{
	int now;
#pragma omp atomic capture
	now = ++*inflight;
	if (now > *peak)
		*peak = now;
	sp_case_t c;
	sp_plan_case(&ev->plan, i, &c);
	int failed = ev->plan.engine->analyse(ev->plan.st, &c, 0.0, 0, &ev->analyses[i]) != SP_OK;
#pragma omp atomic
	--*inflight;
	return failed;
}

/* S_run_analyses over the MPI ranks (collective): blocks of `workers`
 * analyses handed out by a shared counter, then every rank gets every result. */
static int S_run_analyses_dist(sp_eval_t *ev, const size_t *list, size_t n, sp_err_t *err)
{
	unsigned char *mine = calloc(ev->plan.n_analyses ? ev->plan.n_analyses : 1, 1);
	sp_dist_counter_t *next = sp_dist_counter_alloc(err);
	int failed = mine == NULL, inflight = 0, peak = 0;
	size_t block = ev->stats.workers > 0 ? (size_t)ev->stats.workers : 1;
	while (next && !failed && ev->stats.workers > 0) {
		size_t k0 = sp_dist_counter_add(next, block);
		if (k0 >= n)
			break;
		size_t k1 = n - k0 < block ? n : k0 + block;
#pragma omp parallel for schedule(dynamic, 1) num_threads(ev->stats.workers) reduction(| : failed) reduction(max : peak)
		for (size_t k = k0; k < k1; k++) {
			size_t i = list ? list[k] : k;
			if (ev->analysed[i])
				continue;
			failed |= S_analyse_counted(ev, i, &inflight, &peak);
			mine[i] = 1;
		}
	}
	sp_dist_counter_free(next); /* every rank is past its last block */
	failed = (int)sp_dist_max(failed || next == NULL);
	/* at most this many at once: the sum of each rank's most */
	int sum = (int)sp_dist_sum(peak);
	if (sum > ev->stats.max_concurrent)
		ev->stats.max_concurrent = sum;
	if (!failed && sp_dist_share(ev->analyses, sizeof *ev->analyses, mine, ev->plan.n_analyses, err) != SP_OK)
		failed = 2;
	free(mine);
	if (failed == 2)
		return err->code;
	if (failed)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
	for (size_t k = 0; k < n; k++)
		ev->analysed[list ? list[k] : k] = 1;
	ev->stats.analyses_run = 0;
	for (size_t i = 0; i < ev->plan.n_analyses; i++)
		ev->stats.analyses_run += ev->analysed[i];
	return SP_OK;
}

/* Run the analyses list[0..n) (all of them when list is NULL) that have not
 * run yet, in parallel, at most `workers` at once (serial: on this thread). */
static int S_run_analyses(sp_eval_t *ev, const size_t *list, size_t n, int serial, sp_err_t *err)
{
	if (sp_dist_size() > 1)
		return S_run_analyses_dist(ev, list, n, err);
	int failed = 0, inflight = 0, peak = ev->stats.max_concurrent;
	int threads = serial ? 1 : ev->stats.workers;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) reduction(| : failed) reduction(max : peak) if (threads > 1)
	for (size_t k = 0; k < n; k++) {
		size_t i = list ? list[k] : k;
		if (ev->analysed[i])
			continue;
		failed |= S_analyse_counted(ev, i, &inflight, &peak);
		ev->analysed[i] = 1;
	}
	ev->stats.max_concurrent = peak;
	ev->stats.analyses_run = 0;
	for (size_t i = 0; i < ev->plan.n_analyses; i++)
		ev->stats.analyses_run += ev->analysed[i];
	if (failed)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
	return SP_OK;
}

/* Exec over more than one MPI rank (collective): every analysis at once
 * through the engine; the licence pool, the journal and the timeline are
 * the engine's. */
static int S_run_all(sp_eval_t *ev, sp_err_t *err)
{
	const sp_eval_opts_t *opts = &ev->dist_opts;
	sp_case_t *cases = malloc((ev->plan.n_analyses ? ev->plan.n_analyses : 1) * sizeof *cases);
	if (cases == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < ev->plan.n_analyses; i++)
		sp_plan_case(&ev->plan, i, &cases[i]);
	sp_batch_opts_t bo = {ev->outdir, opts->resume, opts->licenses > 0 ? opts->licenses : 1, opts->stop};
	sp_batch_stats_t *b = &ev->stats.batch;
	int rc = ev->plan.engine->batch->analyse_all(ev->plan.st, cases, ev->plan.n_analyses, &bo, ev->analyses, b, err);
	free(cases);
	if (rc != SP_OK)
		return rc;
	memset(ev->analysed, 1, ev->plan.n_analyses);
	ev->stats.analyses_done = ev->stats.analyses_known = ev->plan.n_analyses;
	ev->stats.analyses_run = b->run;
	ev->stats.max_concurrent = b->max_running;
	if (b->interrupted)
		return sp_err_set(err, SP_ESTOPPED,
		                  "%zu of %zu analyses are finished and kept in %s/journal.txt "
		                  "(%zu of them from an earlier run)",
		                  b->run + b->resumed, ev->plan.n_analyses, bo.outdir, b->resumed);
	return SP_OK;
}

static int S_cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

static double S_now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* A step failed: keep the error; the study's jobs not started leave the pool. */
static int S_fail(sp_eval_t *ev, const sp_err_t *e)
{
	if (!ev->error) {
		ev->error = 1;
		ev->err = *e;
		if (ev->err.code == 0)
			ev->err.code = SP_ESOFTWARE;
		if (ev->pool)
			ev->in_flight -= sp_pool_cancel(ev->pool, ev);
	}
	return ev->err.code;
}

/* Min-length: the search's finished state into the stats. */
static int S_search_done(sp_eval_t *ev, sp_err_t *err)
{
	size_t n;
	if ((ev->ids = sp_search_evaluated(ev->search, &n)) == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	ev->stats.to_evaluate = n;
	ev->stats.search_rounds = sp_search_rounds(ev->search);
	ev->stats.search_groups = sp_search_n_groups(ev->search);
	for (size_t g = 0; g < ev->stats.search_groups; g++) {
		sp_search_group_t q;
		sp_search_group(ev->search, g, &q);
		ev->stats.search_scanned += q.scanned;
		ev->stats.search_no_feasible += q.min_length < 0;
	}
	return SP_OK;
}

/* The next list of analyses to run, or *more = 0 when the analysis phase is
 * over. Exhaustive: every analysis not yet done, once. Min-length (search.h):
 * the previous round's candidates are checked and reported, then the
 * analyses the next round's candidates need (each distinct one once). */
static int S_next_list(sp_eval_t *ev, int *more, sp_err_t *err)
{
	const sp_study_t *st = ev->plan.st;
	ev->n_list = ev->pos = 0;
	*more = 1;
	if (st->search != SP_SEARCH_MIN_LENGTH) {
		if (ev->listed) {
			*more = 0;
			return SP_OK;
		}
		ev->listed = 1;
		for (size_t i = 0; i < ev->plan.n_analyses; i++)
			if (!ev->analysed[i])
				ev->list[ev->n_list++] = i;
		ev->stats.analyses_known = ev->n_list;
		return SP_OK;
	}
	for (size_t k = 0; k < ev->n_round; k++) {
		sp_candidate_t c;
		sp_result_t r;
		sp_candidate_at(st, ev->round_ids[k], &c);
		sp_plan_evaluate(&ev->plan, ev->round_ids[k], &ev->analyses[sp_plan_analysis_of(&ev->plan, &c)], &r);
		sp_search_report(ev->search, ev->round_ids[k], r.status == SP_CAND_OK);
	}
	size_t n;
	const size_t *ids = sp_search_next(ev->search, &n);
	ev->round_ids = ids;
	ev->n_round = ids ? n : 0;
	if (ids == NULL) {
		if (n) /* NULL with n = 1: out of memory */
			return sp_err_set(err, SP_ESOFTWARE, "out of memory");
		*more = 0;
		return S_search_done(ev, err);
	}
	for (size_t k = 0; k < n; k++) {
		sp_candidate_t c;
		sp_candidate_at(st, ids[k], &c);
		size_t a = sp_plan_analysis_of(&ev->plan, &c);
		if (!ev->analysed[a] && !ev->queued[a]) { /* each distinct analysis once */
			ev->queued[a] = 1;
			ev->list[ev->n_list++] = a;
		}
	}
	for (size_t k = 0; k < ev->n_list; k++)
		ev->queued[ev->list[k]] = 0;
	/* by analysis id (the pool starts the longest first) */
	qsort(ev->list, ev->n_list, sizeof *ev->list, S_cmp_size);
	ev->stats.analyses_known += ev->n_list;
	return SP_OK;
}

/* The analysis phase is over: the batch's timeline and stats. */
static int S_phase_done(sp_eval_t *ev, int interrupted, sp_err_t *err)
{
	int rc = SP_OK;
	if (ev->batch) {
		sp_batch_stats_t *b = &ev->stats.batch;
		rc = ev->plan.engine->batch->close(ev->batch, interrupted, b, err);
		if (rc == SP_OK && interrupted)
			rc = sp_err_set(err, SP_ESTOPPED,
			                "%zu of %zu analyses are finished and kept in %s/journal.txt "
			                "(%zu of them from an earlier run)",
			                b->run + b->resumed, ev->plan.n_analyses, ev->outdir, b->resumed);
		ev->stats.analyses_run = b->run;
		ev->stats.max_concurrent = b->max_running;
	} else if (ev->dist_all) { /* S_run_all */
		ev->stats.analyses_run = ev->stats.batch.run;
	} else {
		ev->stats.analyses_run = ev->stats.analyses_done;
	}
	ev->stats.analysing = 0;
	if (rc == SP_OK) {
		sp_drain_start(&ev->drain, ev->analyses, ev->ids);
		if (sp_dist_size() > 1) /* the chunks go round the ranks (collective) */
			rc = sp_drain_dist_open(&ev->dist, &ev->drain, err);
	}
	return rc;
}

/* A job of the pool has finished: into its study's analyses. */
static void S_route(sp_pool_t *pool, size_t k)
{
	sp_pool_job_t *job = sp_pool_job(pool, k);
	sp_eval_t *o = job->owner;
	o->in_flight--;
	if (o->error)
		return;
	size_t id;
	sp_err_t e = {0, ""};
	if (o->plan.engine->batch->finished(o->batch, job, &id, &e) != SP_OK) {
		S_fail(o, &e);
		return;
	}
	o->analysed[id] = 1;
	o->stats.analyses_done++;
}

/* Wait up to max_s on the pool; SP_OK, or SP_ESTOPPED. */
static int S_wait_pool(sp_eval_t *ev, double max_s, int *stopped, sp_err_t *err)
{
	size_t k;
	*stopped = 0;
	int got = sp_pool_wait(ev->pool, &k, max_s > 0 ? max_s : 0, err);
	switch (got) {
	case SP_POOL_FINISHED:
		S_route(ev->pool, k);
		return SP_OK;
	case SP_POOL_IDLE:
		return SP_OK;
	case SP_POOL_STOPPED:
		*stopped = 1;
		ev->in_flight = 0; /* the running jobs were terminated */
		return SP_OK;
	case SP_POOL_EMPTY:
		if (ev->in_flight == 0)
			return SP_OK;
		return sp_err_set(err, SP_ESOFTWARE, "the licence pool lost %zu jobs", ev->in_flight);
	default:
		return got;
	}
}

int sp_eval_step(sp_eval_t *ev, double budget_s, int *finished, sp_err_t *err)
{
	*finished = !ev->stats.analysing;
	if (*finished)
		return SP_OK;
	if (ev->error) { /* a shared pool: its jobs still running are waited for */
		if (ev->in_flight > 0 && !ev->own_pool) {
			int stopped;
			if (S_wait_pool(ev, budget_s, &stopped, err) == SP_OK)
				return SP_OK;
		}
		*err = ev->err;
		return err->code;
	}
	/* more than one MPI rank: the analyses are collective, so the whole
	 * phase is one step (the ranks' steps of several studies cannot interleave) */
	double until = sp_dist_size() > 1 ? INFINITY : S_now_s() + budget_s;
	sp_err_t e = {0, ""};
	if (ev->dist_all && !ev->dist_ran) { /* collective: every rank is here */
		ev->dist_ran = 1;
		if (S_run_all(ev, &e) != SP_OK)
			goto failed;
	}
	for (;;) {
		if (ev->pos == ev->n_list && ev->in_flight == 0) { /* this list is done */
			int more;
			if (S_next_list(ev, &more, &e) != SP_OK)
				break;
			if (!more) {
				*finished = 1;
				if (S_phase_done(ev, 0, &e) != SP_OK)
					break;
				return SP_OK;
			}
			continue;
		}
		if (ev->batch) {
			while (ev->pos < ev->n_list) {
				if (ev->plan.engine->batch->submit(ev->batch, ev->list[ev->pos++], &e) != SP_OK)
					goto failed;
				ev->in_flight++;
			}
			int stopped;
			if (S_wait_pool(ev, until - S_now_s(), &stopped, &e) != SP_OK)
				break;
			if (ev->error) /* routed here, failed */
				break;
			if (stopped) {
				S_phase_done(ev, 1, &e); /* the timeline; SP_ESTOPPED with what is kept */
				break;
			}
			return SP_OK; /* progress can be shown, other studies advanced */
		}
		/* the first analysis runs on this thread alone and times one; when
		 * what is left takes less than S_SERIAL_S it runs here too (waking
		 * the other threads would cost more), otherwise in parallel slices
		 * of about budget_s, each ended by waiting for its slowest analysis */
		size_t left = ev->n_list - ev->pos, m = left < ev->slice ? left : ev->slice;
		int serial = 0;
		if (sp_dist_size() > 1) { /* collective: the same steps on every rank, one per list (round) */
			m = left;
		} else if (ev->analysis_s < 0) {
			m = 1, serial = 1;
		} else if (ev->analysis_s * (double)left < S_SERIAL_S) {
			m = left, serial = 1;
		}
		double t = S_now_s();
		if (S_run_analyses(ev, ev->list + ev->pos, m, serial, &e) != SP_OK)
			break;
		ev->pos += m;
		ev->stats.analyses_done += m;
		double dt = S_now_s() - t, workers = serial ? 1.0 : (double)ev->stats.workers;
		if (sp_dist_size() == 1 && m > 0) {
			ev->analysis_s = dt * workers / (double)m;
			double fit = budget_s * (double)ev->stats.workers / (ev->analysis_s > 1e-9 ? ev->analysis_s : 1e-9);
			ev->slice = fit < (double)ev->stats.workers ? (size_t)ev->stats.workers
			            : fit > (double)((size_t)1 << 20) ? (size_t)1 << 20 : (size_t)fit;
		}
		if (S_now_s() >= until)
			return SP_OK;
	}
failed:
	if (ev->error) {
		*err = ev->err;
		return err->code;
	}
	*err = e;
	return S_fail(ev, err);
}

sp_eval_t *sp_eval_open(const sp_study_t *st, const sp_catalogue_t *cat, const sp_eval_opts_t *opts,
                        sp_err_t *err)
{
	sp_eval_t *ev = calloc(1, sizeof *ev);
	if (ev == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	if (sp_plan_init(&ev->plan, st, cat, err) != SP_OK)
		goto fail;
	ev->outdir = opts->outdir ? opts->outdir : ".";
	/* exec is wait-bound: the licences bound the solver processes, not the threads */
	ev->stats.exec = ev->plan.engine->batch != NULL;
	ev->stats.workers = sp_workers_count(opts->threads, ev->stats.exec ? 0 : opts->licenses, &ev->stats.clamped);
	ev->stats.candidates = sp_study_n_candidates(st);
	size_t na = ev->plan.n_analyses ? ev->plan.n_analyses : 1;
	ev->analyses = calloc(na, sizeof *ev->analyses);
	ev->analysed = calloc(na, 1);
	ev->list = malloc(na * sizeof *ev->list);
	ev->queued = calloc(na, 1);
	if (!ev->analyses || !ev->analysed || !ev->list || !ev->queued) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto fail;
	}
	ev->stats.search = st->search;
	ev->stats.analyses_exhaustive = ev->plan.n_analyses;
	ev->stats.to_evaluate = ev->stats.candidates;
	ev->stats.analysing = 1;
	ev->slice = (size_t)ev->stats.workers;
	ev->analysis_s = -1.0;
	if (st->search == SP_SEARCH_MIN_LENGTH && (ev->search = sp_search_alloc(st)) == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto fail;
	}
	/* an external solver: every analysis is a job of the licence pool, the
	 * journal and the timeline are the engine's; min-length submits only
	 * what each round of the search needs */
	if (sp_dist_size() > 1 && ev->plan.engine->batch) {
		/* more than one MPI rank: every analysis at once, collectively, in
		 * the first step (the licences global over the ranks, dist.h) */
		ev->dist_all = 1;
		ev->dist_opts = *opts;
	} else if (ev->plan.engine->batch) {
		int lic = opts->licenses > 0 ? opts->licenses : 1;
		if ((ev->cases = malloc(na * sizeof *ev->cases)) == NULL) {
			sp_err_set(err, SP_ESOFTWARE, "out of memory");
			goto fail;
		}
		for (size_t i = 0; i < ev->plan.n_analyses; i++)
			sp_plan_case(&ev->plan, i, &ev->cases[i]);
		if (opts->pool) {
			ev->pool = opts->pool;
		} else {
			ev->own_pool = 1;
			if ((ev->pool = sp_eval_pool_alloc(lic, st->solver->kill_grace_s, opts->stop, err)) == NULL)
				goto fail;
		}
		sp_batch_opts_t bo = {ev->outdir, opts->resume, ev->own_pool ? lic : sp_pool_slots(ev->pool), NULL};
		ev->batch = ev->plan.engine->batch->open(st, ev->cases, ev->plan.n_analyses, &bo, ev->pool, ev, ev->analyses,
		                                   ev->analysed, err);
		if (ev->batch == NULL)
			goto fail;
	}
	sp_drain_init(&ev->drain, &ev->plan, &ev->stats, opts->chunk ? opts->chunk : S_DEFAULT_CHUNK);
	return ev;
fail:
	sp_eval_free(ev);
	return NULL;
}

sp_eval_t *sp_eval_alloc(const sp_study_t *st, const sp_catalogue_t *cat, const sp_eval_opts_t *opts,
                         sp_err_t *err)
{
	sp_eval_t *ev = sp_eval_open(st, cat, opts, err);
	int finished = 0;
	while (ev && !finished)
		if (sp_eval_step(ev, 1.0, &finished, err) != SP_OK) {
			sp_eval_free(ev);
			return NULL;
		}
	return ev;
}

sp_pool_t *sp_eval_pool_alloc(int licenses, double kill_grace_s, volatile sig_atomic_t *stop, sp_err_t *err)
{
	sp_pool_opts_t o;
	memset(&o, 0, sizeof o);
	o.slots = licenses > 0 ? licenses : 1;
	o.kill_grace_s = kill_grace_s;
	o.stop = stop;
	return sp_pool_alloc(&o, NULL, 0, err);
}

void sp_eval_pool_free(sp_pool_t *pool)
{
	sp_pool_free(pool);
}

void sp_eval_free(sp_eval_t *ev)
{
	if (ev == NULL)
		return;
	if (ev->analyses)
		for (size_t i = 0; i < ev->plan.n_analyses; i++)
			sp_analysis_free(&ev->analyses[i]);
	free(ev->analyses);
	free(ev->analysed);
	if (ev->own_pool)
		sp_pool_free(ev->pool); /* first: kills what still runs, so no job points into the batch */
	else if (ev->pool)
		sp_pool_cancel(ev->pool, ev);
	if (ev->batch)
		ev->plan.engine->batch->free(ev->batch);
	free(ev->cases);
	free(ev->list);
	free(ev->queued);
	sp_search_free(ev->search);
	free(ev->ids);
	sp_drain_clear(&ev->drain);
	/* the counter of ev->dist is freed (collectively) after the last chunk;
	 * still here, a rank stopped early and main aborts every rank */
	sp_plan_clear(&ev->plan);
	free(ev);
}

void sp_eval_relink(const sp_eval_t *ev, sp_result_t *rows, size_t n)
{
	sp_plan_relink(&ev->plan, ev->analyses, rows, n);
}

int sp_eval_drain(sp_eval_t *ev, const sp_eval_sink_t *sink)
{
	if (ev->stats.analysing)
		return SP_ESOFTWARE;
	if (sp_drain_dist_pending(&ev->dist))
		return sp_drain_dist_run(&ev->dist, &ev->drain, sink);
	return sp_drain_run(&ev->drain, sink);
}

int sp_eval_slots(const sp_eval_t *ev)
{
	return sp_drain_threads(&ev->drain);
}

void sp_eval_stats(const sp_eval_t *ev, sp_eval_stats_t *stats)
{
	*stats = ev->stats;
	if (ev->pool && ev->stats.analysing) {
		sp_pool_outlook_t o;
		sp_pool_outlook(ev->pool, ev, &o);
		stats->remaining_sum_s = o.sum_s;
		stats->remaining_max_s = o.max_s;
		stats->remaining_known = o.calibrated;
		stats->pool_slots = o.slots;
	}
}

int sp_eval_distributing(const sp_eval_t *ev)
{
	return sp_drain_dist_pending(&ev->dist);
}

const sp_search_t *sp_eval_search(const sp_eval_t *ev)
{
	return ev->search;
}
