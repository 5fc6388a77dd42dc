/* analyses.c - the analysis phase of an evaluation. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "analyses.h"
#include "block.h"
#include "bestfirst.h"
#include "dist.h"
#include "beam_loads.h"
#include "wedge_memo.h"

#include <omp.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define S_SERIAL_S 0.002 /* analyses that take less in all run on one thread */

struct sp_analyses {
	const sp_plan_t *plan;
	sp_analyses_opts_t opts;           /* outdir set */
	sp_eval_stats_t *stats;            /* the caller's: the fields of the analysis phase */
	sp_analysis_t *analyses;           /* per analysis of the plan */
	unsigned char *analysed;           /* per analysis: run already */
	sp_search_t *search;               /* min-length: the search; NULL: exhaustive */
	size_t *ids;                       /* min-length, finished: the candidates evaluated, ascending */
	sp_bestfirst_t *bf;                /* best-first: the search; NULL otherwise */
	unsigned char *skip;               /* best-first, finished: per candidate, SP_CAND_SKIPPED_* or 0 */
	unsigned char *busy;               /* best-first, exec: per analysis, submitted to the pool */
	/* the steps */
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
	int dist_all;                      /* exec over MPI ranks: every analysis at once (analyse_all) */
	int dist_ran;
	/* built-in engines: each worker thread's memo of layered wedge searches,
	 * kept across the analyses it runs (wedge_memo.h): [omp thread number] */
	sp_wedge_memo_t **memos;
	/* and its memo of stage loadings (beam_loads.h), the same way */
	sp_beam_loads_t **loads;
	int n_memos;
};

/* The memo of the calling worker thread (NULL: none). */
static sp_wedge_memo_t *S_memo(const sp_analyses_t *an)
{
	int tid = omp_get_thread_num();
	return tid >= 0 && tid < an->n_memos ? an->memos[tid] : NULL;
}

/* The memo of stage loadings of the calling worker thread (NULL: none). */
static sp_beam_loads_t *S_loads(const sp_analyses_t *an)
{
	int tid = omp_get_thread_num();
	return tid >= 0 && tid < an->n_memos && an->loads ? an->loads[tid] : NULL;
}

/* The rank of analysis i in the order a built-in engine of sections runs
 * them: the analyses of one pile length and anchor option together, by EI
 * within (sp_plan_analysis_of numbers them EI first), so that a worker's
 * next analysis usually loads its stages as its last did (beam_loads.h).
 * The order changes no result: each analysis is the same wherever it runs. */
static int S_grouped(const sp_analyses_t *an)
{
	return an->plan->engine->batch == NULL && an->plan->engine->uses_section && an->plan->n_ei > 0;
}

static size_t S_group_rank(const sp_analyses_t *an, size_t i)
{
	size_t per_ei = an->plan->st->n_lengths * an->plan->st->n_anchors;
	return (i % per_ei) * an->plan->n_ei + i / per_ei;
}

static size_t S_group_analysis(const sp_analyses_t *an, size_t rank)
{
	size_t per_ei = an->plan->st->n_lengths * an->plan->st->n_anchors;
	return (rank % an->plan->n_ei) * per_ei + rank / an->plan->n_ei;
}

/* Analysis i on this thread, counted in *inflight while it runs (the most
 * seen in *peak, the thread's own); 1 when it ran out of memory. */
static int S_analyse_counted(sp_analyses_t *an, size_t i, int *inflight, int *peak)
{
	int now;
#pragma omp atomic capture
	now = ++*inflight;
	if (now > *peak)
		*peak = now;
	sp_case_t c;
	sp_plan_case(an->plan, i, &c);
	c.wedge_memo = S_memo(an);
	c.beam_loads = S_loads(an);
	int failed = an->plan->engine->analyse(an->plan->st, &c, 0.0, 0, &an->analyses[i]) != SP_OK;
	if (!failed)
		sp_checks_kranz_prepare(an->plan->st, &c, &an->analyses[i]);
#pragma omp atomic
	--*inflight;
	return failed;
}

/* S_run_analyses over the MPI ranks (collective): blocks of `workers`
 * analyses handed out by a shared counter, then every rank gets every result. */
static int S_run_analyses_dist(sp_analyses_t *an, const size_t *list, size_t n, sp_err_t *err)
{
	unsigned char *mine = calloc(an->plan->n_analyses ? an->plan->n_analyses : 1, 1);
	sp_dist_counter_t *next = sp_dist_counter_alloc(err);
	int failed = mine == NULL, inflight = 0, peak = 0;
	size_t block = an->stats->workers > 0 ? (size_t)an->stats->workers : 1;
	while (next && !failed && an->stats->workers > 0) {
		size_t k0 = sp_dist_counter_add(next, block);
		if (k0 >= n)
			break;
		size_t k1 = n - k0 < block ? n : k0 + block;
#pragma omp parallel for schedule(dynamic, 1) num_threads(an->stats->workers) reduction(| : failed) reduction(max : peak)
		for (size_t k = k0; k < k1; k++) {
			size_t i = list ? list[k] : k;
			if (an->analysed[i])
				continue;
			failed |= S_analyse_counted(an, i, &inflight, &peak);
			mine[i] = 1;
		}
	}
	sp_dist_counter_free(next); /* every rank is past its last block */
	failed = (int)sp_dist_max(failed || next == NULL);
	/* at most this many at once: the sum of each rank's most */
	int sum = (int)sp_dist_sum(peak);
	if (sum > an->stats->max_concurrent)
		an->stats->max_concurrent = sum;
	if (!failed && sp_dist_share(an->analyses, sizeof *an->analyses, mine, an->plan->n_analyses, err) != SP_OK)
		failed = 2;
	free(mine);
	if (failed == 2)
		return err->code;
	if (failed)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
	for (size_t k = 0; k < n; k++)
		an->analysed[list ? list[k] : k] = 1;
	an->stats->analyses_run = 0;
	for (size_t i = 0; i < an->plan->n_analyses; i++)
		an->stats->analyses_run += an->analysed[i];
	return SP_OK;
}

/* Run the analyses list[0..n) (all of them when list is NULL) that have not
 * run yet, in parallel, at most `workers` at once (serial: on this thread). */
static int S_run_analyses(sp_analyses_t *an, const size_t *list, size_t n, int serial, sp_err_t *err)
{
	if (sp_dist_size() > 1)
		return S_run_analyses_dist(an, list, n, err);
	int failed = 0, inflight = 0, peak = an->stats->max_concurrent;
	int threads = serial ? 1 : an->stats->workers;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) reduction(| : failed) reduction(max : peak) if (threads > 1)
	for (size_t k = 0; k < n; k++) {
		size_t i = list ? list[k] : k;
		if (an->analysed[i])
			continue;
		failed |= S_analyse_counted(an, i, &inflight, &peak);
		an->analysed[i] = 1;
	}
	an->stats->max_concurrent = peak;
	an->stats->analyses_run = 0;
	for (size_t i = 0; i < an->plan->n_analyses; i++)
		an->stats->analyses_run += an->analysed[i];
	if (failed)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
	return SP_OK;
}

/* Exec over more than one MPI rank (collective): every analysis at once
 * through the engine; the licence pool, the journal and the timeline are
 * the engine's. */
static int S_run_all(sp_analyses_t *an, sp_err_t *err)
{
	const sp_plan_t *plan = an->plan;
	const sp_analyses_opts_t *opts = &an->opts;
	sp_case_t *cases = malloc((plan->n_analyses ? plan->n_analyses : 1) * sizeof *cases);
	if (cases == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < plan->n_analyses; i++)
		sp_plan_case(plan, i, &cases[i]);
	sp_batch_opts_t bo = {opts->outdir, opts->resume, opts->licenses > 0 ? opts->licenses : 1, opts->stop};
	sp_batch_stats_t *b = &an->stats->batch;
	int rc = plan->engine->batch->analyse_all(plan->st, cases, plan->n_analyses, &bo, an->analyses, b, err);
	free(cases);
	if (rc != SP_OK)
		return rc;
	memset(an->analysed, 1, plan->n_analyses);
	an->stats->analyses_done = an->stats->analyses_known = plan->n_analyses;
	an->stats->analyses_run = b->run;
	an->stats->max_concurrent = b->max_running;
	if (b->interrupted)
		return sp_err_set(err, SP_ESTOPPED,
		                  "%zu of %zu analyses are finished and kept in %s/journal.txt "
		                  "(%zu of them from an earlier run)",
		                  b->run + b->resumed, plan->n_analyses, bo.outdir, b->resumed);
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
static int S_fail(sp_analyses_t *an, const sp_err_t *e)
{
	if (!an->error) {
		an->error = 1;
		an->err = *e;
		if (an->err.code == 0)
			an->err.code = SP_ESOFTWARE;
		if (an->pool)
			an->in_flight -= sp_pool_cancel(an->pool, an);
	}
	return an->err.code;
}

/* Min-length: the search's finished state into the stats. */
static int S_search_done(sp_analyses_t *an, sp_err_t *err)
{
	size_t n;
	if ((an->ids = sp_search_evaluated(an->search, &n)) == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	an->stats->to_evaluate = n;
	an->stats->search_rounds = sp_search_rounds(an->search);
	an->stats->search_groups = sp_search_n_groups(an->search);
	for (size_t g = 0; g < an->stats->search_groups; g++) {
		sp_search_group_t q;
		sp_search_group(an->search, g, &q);
		an->stats->search_scanned += q.scanned;
		an->stats->search_no_feasible += q.min_length < 0;
	}
	return SP_OK;
}

/* Best-first: what the search knows into the stats. */
static void S_bf_stats(sp_analyses_t *an)
{
	sp_bestfirst_info_t i;
	sp_bestfirst_info(an->bf, &i);
	sp_eval_stats_t *s = an->stats;
	s->bf_analysed = i.analysed;
	s->bf_dominated = i.dominated;
	s->bf_bound = i.bound;
	s->bf_feasible = i.feasible;
	s->bf_restarts = i.restarts;
	s->bf_proof = (int)i.proof;
	s->bf_feasible_goal = an->plan->st->top_k;
	s->bf_bound_objective = i.bound_objective;
	s->bf_kth_objective = i.kth_objective;
}

/* Best-first, proven: which candidates are skipped, and why. */
static int S_bf_done(sp_analyses_t *an, sp_err_t *err)
{
	size_t n = an->stats->candidates;
	if ((an->skip = malloc(n ? n : 1)) == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	const unsigned char *status = sp_bestfirst_status(an->bf);
	for (size_t id = 0; id < n; id++)
		an->skip[id] = status[id] == SP_BF_DOMINATED ? SP_CAND_SKIPPED_DOMINATED
		               : status[id] == SP_BF_BOUND   ? SP_CAND_SKIPPED_BOUND
		                                             : 0;
	S_bf_stats(an);
	return SP_OK;
}

/* The next list of analyses to run, or *more = 0 when the analysis phase is
 * over. Exhaustive: every analysis not yet done, once. Min-length (search.h):
 * the previous round's candidates are checked and reported, then the
 * analyses the next round's candidates need (each distinct one once). */
static int S_next_list(sp_analyses_t *an, int *more, sp_err_t *err)
{
	const sp_study_t *st = an->plan->st;
	an->n_list = an->pos = 0;
	*more = 1;
	if (an->bf) {
		int proven = sp_bestfirst_advance(an->bf, an->analysed, an->analyses);
		S_bf_stats(an);
		if (proven) {
			*more = 0;
			return S_bf_done(an, err);
		}
		/* the front: as many analyses as run at once (MPI: on every rank).
		 * A list of analyses shorter than S_SERIAL_S in all runs on one
		 * thread (below): best-first then stays serial, as waking the
		 * threads for each short list costs more than it saves (measured:
		 * 2 threads 4x slower on the subgrade example on a loaded machine) */
		size_t max = (size_t)(an->stats->workers > 0 ? an->stats->workers : 1) * (size_t)sp_dist_size();
		an->n_list = sp_bestfirst_front(an->bf, an->analysed, NULL, max, an->list);
		if (an->n_list == 0)
			return sp_err_set(err, SP_ESOFTWARE, "best-first: the front needs no analysis but is not proven");
		an->stats->analyses_known += an->n_list;
		return SP_OK;
	}
	if (st->search != SP_SEARCH_MIN_LENGTH) {
		if (an->listed) {
			*more = 0;
			return SP_OK;
		}
		an->listed = 1;
		int grouped = S_grouped(an);
		for (size_t k = 0; k < an->plan->n_analyses; k++) {
			size_t i = grouped ? S_group_analysis(an, k) : k;
			if (!an->analysed[i])
				an->list[an->n_list++] = i;
		}
		an->stats->analyses_known = an->n_list;
		return SP_OK;
	}
	for (size_t k = 0; k < an->n_round; k++) {
		sp_candidate_t c;
		sp_result_t r;
		sp_candidate_at(st, an->round_ids[k], &c);
		sp_plan_evaluate(an->plan, an->round_ids[k], &an->analyses[sp_plan_analysis_of(an->plan, &c)], &r);
		sp_search_report(an->search, an->round_ids[k], r.status == SP_CAND_OK);
	}
	size_t n;
	const size_t *ids = sp_search_next(an->search, &n);
	an->round_ids = ids;
	an->n_round = ids ? n : 0;
	if (ids == NULL) {
		if (n) /* NULL with n = 1: out of memory */
			return sp_err_set(err, SP_ESOFTWARE, "out of memory");
		*more = 0;
		return S_search_done(an, err);
	}
	for (size_t k = 0; k < n; k++) {
		sp_candidate_t c;
		sp_candidate_at(st, ids[k], &c);
		size_t a = sp_plan_analysis_of(an->plan, &c);
		if (!an->analysed[a] && !an->queued[a]) { /* each distinct analysis once */
			an->queued[a] = 1;
			an->list[an->n_list++] = a;
		}
	}
	for (size_t k = 0; k < an->n_list; k++)
		an->queued[an->list[k]] = 0;
	/* by analysis id (the pool starts the longest first); a built-in engine
	 * of sections: in its grouped order */
	int grouped = S_grouped(an);
	if (grouped)
		for (size_t k = 0; k < an->n_list; k++)
			an->list[k] = S_group_rank(an, an->list[k]);
	qsort(an->list, an->n_list, sizeof *an->list, S_cmp_size);
	if (grouped)
		for (size_t k = 0; k < an->n_list; k++)
			an->list[k] = S_group_analysis(an, an->list[k]);
	an->stats->analyses_known += an->n_list;
	return SP_OK;
}

/* The analysis phase is over: the batch's timeline and stats. */
static int S_phase_done(sp_analyses_t *an, int interrupted, sp_err_t *err)
{
	int rc = SP_OK;
	if (an->batch) {
		sp_batch_stats_t *b = &an->stats->batch;
		rc = an->plan->engine->batch->close(an->batch, interrupted, b, err);
		if (rc == SP_OK && interrupted)
			rc = sp_err_set(err, SP_ESTOPPED,
			                "%zu of %zu analyses are finished and kept in %s/journal.txt "
			                "(%zu of them from an earlier run)",
			                b->run + b->resumed, an->plan->n_analyses, an->opts.outdir, b->resumed);
		an->stats->analyses_run = b->run;
		an->stats->max_concurrent = b->max_running;
	} else if (an->dist_all) { /* S_run_all */
		an->stats->analyses_run = an->stats->batch.run;
	} else {
		an->stats->analyses_run = an->stats->analyses_done;
	}
	an->stats->analysing = 0;
	return rc;
}

/* A job of the pool has finished: into its study's analyses. */
static void S_route(sp_pool_t *pool, size_t k)
{
	sp_pool_job_t *job = sp_pool_job(pool, k);
	sp_analyses_t *o = job->owner;
	o->in_flight--;
	if (o->error)
		return;
	size_t id;
	sp_err_t e = {0, ""};
	if (o->plan->engine->batch->finished(o->batch, job, &id, &e) != SP_OK) {
		S_fail(o, &e);
		return;
	}
	o->analysed[id] = 1;
	o->stats->analyses_done++;
}

/* Wait up to max_s on the pool; SP_OK, or SP_ESTOPPED. */
static int S_wait_pool(sp_analyses_t *an, double max_s, int *stopped, sp_err_t *err)
{
	size_t k;
	*stopped = 0;
	int got = sp_pool_wait(an->pool, &k, max_s > 0 ? max_s : 0, err);
	switch (got) {
	case SP_POOL_FINISHED:
		S_route(an->pool, k);
		return SP_OK;
	case SP_POOL_IDLE:
		return SP_OK;
	case SP_POOL_STOPPED:
		*stopped = 1;
		an->in_flight = 0; /* the running jobs were terminated */
		return SP_OK;
	case SP_POOL_EMPTY:
		if (an->in_flight == 0)
			return SP_OK;
		return sp_err_set(err, SP_ESOFTWARE, "the licence pool lost %zu jobs", an->in_flight);
	default:
		return got;
	}
}

/* Best-first with a licence pool: the next analyses of the front are
 * submitted as licences free up (at most as many in the pool as it has
 * licences, the pool starting the longest expected first); once a result
 * proves the answer, the study's analyses still queued are dropped and its
 * solvers still running are stopped (their licences freed): counted in
 * bf_cancelled. One finished job (or the budget) per call. */
static int S_bf_batch_step(sp_analyses_t *an, double until, int *finished, sp_err_t *e)
{
	int proven = sp_bestfirst_advance(an->bf, an->analysed, an->analyses), rc;
	S_bf_stats(an);
	if (proven) {
		size_t gone = sp_pool_cancel_all(an->pool, an, 1);
		an->in_flight -= gone < an->in_flight ? gone : an->in_flight;
		an->stats->bf_cancelled += gone;
		*finished = 1;
		if ((rc = S_bf_done(an, e)) != SP_OK)
			return rc;
		return S_phase_done(an, 0, e);
	}
	size_t slots = (size_t)sp_pool_slots(an->pool);
	if (an->in_flight < slots) {
		size_t m = sp_bestfirst_front(an->bf, an->analysed, an->busy, slots - an->in_flight, an->list);
		for (size_t k = 0; k < m; k++) {
			if ((rc = an->plan->engine->batch->submit(an->batch, an->list[k], e)) != SP_OK)
				return rc;
			an->busy[an->list[k]] = 1;
			an->in_flight++;
			an->stats->analyses_known++;
		}
	}
	if (an->in_flight == 0)
		return sp_err_set(e, SP_ESOFTWARE, "best-first: the front needs no analysis but is not proven");
	int stopped;
	if ((rc = S_wait_pool(an, until - S_now_s(), &stopped, e)) != SP_OK)
		return rc;
	if (an->error) /* routed here, failed */
		return an->err.code;
	if (stopped) {
		S_phase_done(an, 1, e); /* the timeline; SP_ESTOPPED with what is kept */
		return e->code ? e->code : SP_ESTOPPED;
	}
	return SP_OK;
}

int sp_analyses_step(sp_analyses_t *an, double budget_s, int *finished, sp_err_t *err)
{
	*finished = !an->stats->analysing;
	if (*finished)
		return SP_OK;
	if (an->error) { /* a shared pool: its jobs still running are waited for */
		if (an->in_flight > 0 && !an->own_pool) {
			int stopped;
			if (S_wait_pool(an, budget_s, &stopped, err) == SP_OK)
				return SP_OK;
		}
		*err = an->err;
		return err->code;
	}
	/* more than one MPI rank: the analyses are collective, so the whole
	 * phase is one step (the ranks' steps of several studies cannot interleave) */
	double until = sp_dist_size() > 1 ? INFINITY : S_now_s() + budget_s;
	sp_err_t e = {0, ""};
	if (an->dist_all && !an->dist_ran) { /* collective: every rank is here */
		an->dist_ran = 1;
		if (S_run_all(an, &e) != SP_OK)
			goto failed;
	}
	for (;;) {
		if (an->bf && an->batch) {
			if (S_bf_batch_step(an, until, finished, &e) != SP_OK)
				break;
			return SP_OK; /* progress can be shown, other studies advanced */
		}
		if (an->pos == an->n_list && an->in_flight == 0) { /* this list is done */
			int more;
			if (S_next_list(an, &more, &e) != SP_OK)
				break;
			if (!more) {
				*finished = 1;
				if (S_phase_done(an, 0, &e) != SP_OK)
					break;
				return SP_OK;
			}
			continue;
		}
		if (an->batch) {
			while (an->pos < an->n_list) {
				if (an->plan->engine->batch->submit(an->batch, an->list[an->pos++], &e) != SP_OK)
					goto failed;
				an->in_flight++;
			}
			int stopped;
			if (S_wait_pool(an, until - S_now_s(), &stopped, &e) != SP_OK)
				break;
			if (an->error) /* routed here, failed */
				break;
			if (stopped) {
				S_phase_done(an, 1, &e); /* the timeline; SP_ESTOPPED with what is kept */
				break;
			}
			return SP_OK; /* progress can be shown, other studies advanced */
		}
		/* the first analysis runs on this thread alone and times one; when
		 * what is left takes less than S_SERIAL_S it runs here too (waking
		 * the other threads would cost more), otherwise in parallel slices
		 * of about budget_s, each ended by waiting for its slowest analysis */
		size_t left = an->n_list - an->pos, m = left < an->slice ? left : an->slice;
		int serial = 0;
		if (sp_dist_size() > 1) { /* collective: the same steps on every rank, one per list (round) */
			m = left;
		} else if (an->analysis_s < 0) {
			m = 1, serial = 1;
		} else if (an->analysis_s * (double)left < S_SERIAL_S) {
			m = left, serial = 1;
		}
		double t = S_now_s();
		if (S_run_analyses(an, an->list + an->pos, m, serial, &e) != SP_OK)
			break;
		an->pos += m;
		an->stats->analyses_done += m;
		double dt = S_now_s() - t, workers = serial ? 1.0 : (double)an->stats->workers;
		if (sp_dist_size() == 1 && m > 0) {
			an->analysis_s = dt * workers / (double)m;
			double fit = budget_s * (double)an->stats->workers / (an->analysis_s > 1e-9 ? an->analysis_s : 1e-9);
			an->slice = fit < (double)an->stats->workers ? (size_t)an->stats->workers
			            : fit > (double)((size_t)1 << 20) ? (size_t)1 << 20 : (size_t)fit;
		}
		if (S_now_s() >= until)
			return SP_OK;
	}
failed:
	if (an->error) {
		*err = an->err;
		return err->code;
	}
	*err = e;
	return S_fail(an, err);
}

sp_analyses_t *sp_analyses_open(const sp_plan_t *plan, const sp_analyses_opts_t *opts, sp_eval_stats_t *stats,
                                sp_err_t *err)
{
	size_t na = plan->n_analyses ? plan->n_analyses : 1;
	void *at[5];
	sp_analyses_t *an = sp_block_alloc(sizeof *an, 5, (const sp_block_part_t[]){{na, sizeof *an->analyses},
	                                   {na, sizeof *an->analysed}, {na, sizeof *an->list}, {na, sizeof *an->queued},
	                                   {na, sizeof *an->busy}}, at);
	if (an == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	const sp_study_t *st = plan->st;
	an->plan = plan;
	an->opts = *opts;
	an->opts.outdir = opts->outdir ? opts->outdir : ".";
	an->stats = stats;
	an->analyses = at[0], an->analysed = at[1], an->list = at[2], an->queued = at[3], an->busy = at[4];
	stats->search = st->search;
	stats->analyses_exhaustive = plan->n_analyses;
	stats->to_evaluate = stats->candidates;
	stats->analysing = 1;
	an->slice = (size_t)stats->workers;
	an->analysis_s = -1.0;
	if (st->search == SP_SEARCH_MIN_LENGTH && (an->search = sp_search_alloc(st)) == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto fail;
	}
	if (st->search == SP_SEARCH_BEST_FIRST && (an->bf = sp_bestfirst_alloc(plan)) == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto fail;
	}
	/* an external solver: every analysis is a job of the licence pool, the
	 * journal and the timeline are the engine's; min-length submits only
	 * what each round of the search needs */
	if (sp_dist_size() > 1 && plan->engine->batch) {
		/* more than one MPI rank: every analysis at once, collectively, in
		 * the first step (the licences global over the ranks, dist.h) */
		an->dist_all = 1;
	} else if (plan->engine->batch) {
		int lic = opts->licenses > 0 ? opts->licenses : 1;
		if ((an->cases = malloc(na * sizeof *an->cases)) == NULL) {
			sp_err_set(err, SP_ESOFTWARE, "out of memory");
			goto fail;
		}
		for (size_t i = 0; i < plan->n_analyses; i++)
			sp_plan_case(plan, i, &an->cases[i]);
		if (opts->pool) {
			an->pool = opts->pool;
		} else {
			an->own_pool = 1;
			if ((an->pool = sp_analyses_pool_alloc(lic, st->solver->kill_grace_s, opts->stop, err)) == NULL)
				goto fail;
		}
		sp_batch_opts_t bo = {an->opts.outdir, opts->resume, an->own_pool ? lic : sp_pool_slots(an->pool), NULL};
		an->batch = plan->engine->batch->open(st, an->cases, plan->n_analyses, &bo, an->pool, an, an->analyses,
		                                      an->analysed, err);
		if (an->batch == NULL)
			goto fail;
	} else if (stats->workers > 0) {
		if ((an->memos = calloc((size_t)stats->workers, sizeof *an->memos)) == NULL) {
			sp_err_set(err, SP_ESOFTWARE, "out of memory");
			goto fail;
		}
		an->n_memos = stats->workers;
		if ((an->loads = calloc((size_t)stats->workers, sizeof *an->loads)) == NULL) {
			sp_err_set(err, SP_ESOFTWARE, "out of memory");
			goto fail;
		}
		for (int t = 0; t < an->n_memos; t++)
			if ((an->memos[t] = sp_wedge_memo_alloc(SP_WEDGE_MEMO_DEFAULT)) == NULL ||
			    (an->loads[t] = sp_beam_loads_alloc(SP_BEAM_LOADS_DEFAULT)) == NULL) {
				sp_err_set(err, SP_ESOFTWARE, "out of memory");
				goto fail;
			}
	}
	return an;
fail:
	sp_analyses_free(an);
	return NULL;
}

sp_pool_t *sp_analyses_pool_alloc(int licenses, double kill_grace_s, volatile sig_atomic_t *stop, sp_err_t *err)
{
	sp_pool_opts_t o;
	memset(&o, 0, sizeof o);
	o.slots = licenses > 0 ? licenses : 1;
	o.kill_grace_s = kill_grace_s;
	o.stop = stop;
	return sp_pool_alloc(&o, NULL, 0, err);
}

void sp_analyses_free(sp_analyses_t *an)
{
	if (an == NULL)
		return;
	for (size_t i = 0; i < an->plan->n_analyses; i++)
		sp_analysis_free(&an->analyses[i]);
	sp_search_free(an->search);
	free(an->ids);
	sp_bestfirst_free(an->bf);
	free(an->skip);
	/* exec */
	if (an->own_pool)
		sp_pool_free(an->pool); /* first: kills what still runs, so no job points into the batch */
	else if (an->pool)
		sp_pool_cancel(an->pool, an);
	if (an->batch)
		an->plan->engine->batch->free(an->batch);
	free(an->cases);
	for (int t = 0; t < an->n_memos; t++) {
		sp_wedge_memo_free(an->memos[t]);
		if (an->loads)
			sp_beam_loads_free(an->loads[t]);
	}
	free(an->memos);
	free(an->loads);
	free(an); /* and the arrays per analysis, one block */
}

const sp_analysis_t *sp_analyses_results(const sp_analyses_t *an)
{
	return an->analyses;
}

const size_t *sp_analyses_ids(const sp_analyses_t *an)
{
	return an->ids;
}

const unsigned char *sp_analyses_skip(const sp_analyses_t *an)
{
	return an->skip;
}

const sp_search_t *sp_analyses_search(const sp_analyses_t *an)
{
	return an->search;
}

void sp_analyses_outlook(const sp_analyses_t *an, sp_eval_stats_t *stats)
{
	if (an->pool && an->stats->analysing) {
		sp_pool_outlook_t o;
		sp_pool_outlook(an->pool, an, &o);
		stats->remaining_sum_s = o.sum_s;
		stats->remaining_max_s = o.max_s;
		stats->remaining_known = o.calibrated;
		stats->pool_slots = o.slots;
	}
}
