/* evaluate.c - the evaluator: a study's plan (plan.c), its analysis phase
 * (analyses.c) and its candidate phase (drain.c; over MPI ranks
 * drain_dist.c) behind one object. */
#include "evaluate.h"
#include "analyses.h"
#include "dist.h"
#include "drain.h"
#include "drain_dist.h"
#include "plan.h"
#include "workers.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>

#define S_DEFAULT_CHUNK 16384

struct sp_eval {
	sp_plan_t plan;
	sp_eval_stats_t stats;     /* filled by each part (eval_stats.h) */
	sp_analyses_t *analyses;   /* the analysis phase */
	sp_drain_t drain;          /* the candidate phase */
	sp_drain_dist_t dist;      /* MPI, more than one rank: its chunks go round the ranks */
};

void sp_eval_tune_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20); /* larger blocks are still mapped */
	mallopt(M_TRIM_THRESHOLD, 64 << 20); /* a heap keeps this much free at its top */
#endif
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
	/* exec is wait-bound: the licences bound the solver processes, not the threads */
	ev->stats.exec = ev->plan.engine->batch != NULL;
	ev->stats.workers = sp_workers_count(opts->threads, ev->stats.exec ? 0 : opts->licenses, &ev->stats.clamped);
	ev->stats.candidates = sp_study_n_candidates(st);
	sp_drain_init(&ev->drain, &ev->plan, &ev->stats, opts->chunk ? opts->chunk : S_DEFAULT_CHUNK);
	sp_analyses_opts_t o = {opts->outdir, opts->licenses, opts->resume, opts->stop, opts->pool};
	if ((ev->analyses = sp_analyses_open(&ev->plan, &o, &ev->stats, err)) == NULL)
		goto fail;
	return ev;
fail:
	sp_eval_free(ev);
	return NULL;
}

/* The analysis phase has just finished: the candidate phase can start. */
static int S_analysed(sp_eval_t *ev, sp_err_t *err)
{
	sp_drain_start(&ev->drain, sp_analyses_results(ev->analyses), sp_analyses_ids(ev->analyses),
	               sp_analyses_skip(ev->analyses));
	if (sp_dist_size() > 1) /* the chunks go round the ranks (collective) */
		return sp_drain_dist_open(&ev->dist, &ev->drain, err);
	return SP_OK;
}

int sp_eval_step(sp_eval_t *ev, double budget_s, int *finished, sp_err_t *err)
{
	int analysing = ev->stats.analysing;
	int rc = sp_analyses_step(ev->analyses, budget_s, finished, err);
	if (rc == SP_OK && analysing && *finished)
		rc = S_analysed(ev, err);
	return rc;
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
	return sp_analyses_pool_alloc(licenses, kill_grace_s, stop, err);
}

void sp_eval_pool_free(sp_pool_t *pool)
{
	sp_pool_free(pool);
}

void sp_eval_free(sp_eval_t *ev)
{
	if (ev == NULL)
		return;
	sp_analyses_free(ev->analyses);
	sp_drain_clear(&ev->drain);
	/* the counter of ev->dist is freed (collectively) after the last chunk;
	 * still here, a rank stopped early and main aborts every rank */
	sp_plan_clear(&ev->plan);
	free(ev);
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

void sp_eval_relink(const sp_eval_t *ev, sp_result_t *rows, size_t n)
{
	sp_plan_relink(&ev->plan, sp_analyses_results(ev->analyses), rows, n);
}

void sp_eval_stats(const sp_eval_t *ev, sp_eval_stats_t *stats)
{
	*stats = ev->stats;
	sp_analyses_outlook(ev->analyses, stats);
}

int sp_eval_distributing(const sp_eval_t *ev)
{
	return sp_drain_dist_pending(&ev->dist);
}

int sp_eval_result(const sp_eval_t *ev, size_t id, sp_result_t *r)
{
	const size_t *ids = sp_analyses_ids(ev->analyses);
	const unsigned char *skip = sp_analyses_skip(ev->analyses);
	if (skip && skip[id]) { /* best-first: not analysed */
		sp_plan_skipped(&ev->plan, id, (sp_cand_status)skip[id], r);
		return 0;
	}
	if (ids) { /* the candidates the search evaluated, ascending */
		size_t lo = 0, hi = ev->stats.to_evaluate;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (ids[mid] < id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == ev->stats.to_evaluate || ids[lo] != id) {
			const sp_study_t *st = ev->plan.st;
			sp_candidate_at(st, id, &r->cand);
			sp_cost_of(st, sp_plan_profile(&ev->plan, r->cand.profile), r->cand.grade,
			           st->lengths_m[r->cand.length], &st->anchors[r->cand.anchor], &ev->plan.ref, &r->cost);
			return 0;
		}
	}
	sp_candidate_t c;
	sp_candidate_at(ev->plan.st, id, &c);
	sp_plan_evaluate(&ev->plan, id, &sp_analyses_results(ev->analyses)[sp_plan_analysis_of(&ev->plan, &c)], r);
	return 1;
}

const sp_search_t *sp_eval_search(const sp_eval_t *ev)
{
	return sp_analyses_search(ev->analyses);
}
