/* evaluate.c - the evaluator pool. */
#include "evaluate.h"

#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_DEFAULT_CHUNK 16384

struct sp_eval {
	const sp_study_t *st;
	const sp_catalogue_t *cat;
	const sp_engine_type *engine;
	long *profile_index, *grade_index; /* study axis -> catalogue */
	sp_analysis_t *analyses;           /* LE: one per anchor option; beam: per (EI, length, anchor) */
	size_t n_analyses;
	size_t *ei_class, n_ei;            /* beam: study profile -> distinct EI */
	sp_result_t *rows;
	size_t chunk, next;
	sp_eval_stats_t stats;
};

/* Checks and cost of one candidate from its (shared) analysis. */
static void S_evaluate(const sp_eval_t *ev, size_t id, const sp_analysis_t *a, sp_result_t *r)
{
	const sp_study_t *st = ev->st;
	sp_candidate_at(st, id, &r->cand);
	const sp_profile_t *p = sp_catalogue_profile(ev->cat, (size_t)ev->profile_index[r->cand.profile]);
	const sp_grade_t *g = sp_catalogue_grade(ev->cat, (size_t)ev->grade_index[r->cand.grade]);
	const sp_anchor_option_t *an = &st->anchors[r->cand.anchor];
	double length = st->lengths_m[r->cand.length];
	r->analysis = a;
	sp_checks_run(st, p, g, length, an, a, &r->checks);
	sp_cost_of(st, p, r->cand.grade, length, an, &r->cost);
	r->status = !a->ok ? SP_CAND_FAILED : r->checks.feasible ? SP_CAND_OK : SP_CAND_INFEASIBLE;
}

static int S_workers(const sp_eval_opts_t *o, int *clamped)
{
	int cores = omp_get_num_procs();
	int n = o->threads > 0 ? o->threads : cores;
	*clamped = 0;
	if (o->licenses > 0 && n > o->licenses) {
		n = o->licenses;
		*clamped = 1;
	}
	return n < 1 ? 1 : n;
}

static int S_resolve(sp_eval_t *ev, sp_err_t *err)
{
	const sp_study_t *st = ev->st;
	ev->profile_index = malloc(st->n_profiles * sizeof *ev->profile_index);
	ev->grade_index = malloc(st->n_grades * sizeof *ev->grade_index);
	if (!ev->profile_index || !ev->grade_index)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < st->n_profiles; i++)
		if ((ev->profile_index[i] = sp_catalogue_find_profile(ev->cat, st->profiles[i])) < 0)
			return sp_err_set(err, SP_EDATA, "unknown profile '%s'", st->profiles[i]);
	for (size_t i = 0; i < st->n_grades; i++)
		if ((ev->grade_index[i] = sp_catalogue_find_grade(ev->cat, st->grades[i])) < 0)
			return sp_err_set(err, SP_EDATA, "unknown grade '%s'", st->grades[i]);
	return SP_OK;
}

/* Bending stiffness of a study profile. */
static double S_ei(const sp_eval_t *ev, size_t profile)
{
	return sp_profile_ei_kNm2_per_m(sp_catalogue_profile(ev->cat, (size_t)ev->profile_index[profile]));
}

static int S_ei_classes(sp_eval_t *ev, sp_err_t *err)
{
	const sp_study_t *st = ev->st;
	ev->ei_class = malloc(st->n_profiles * sizeof *ev->ei_class);
	if (ev->ei_class == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	ev->n_ei = 0;
	for (size_t i = 0; i < st->n_profiles; i++) {
		size_t k = ev->n_ei;
		for (size_t j = 0; j < i; j++)
			if (S_ei(ev, j) == S_ei(ev, i)) {
				k = ev->ei_class[j];
				break;
			}
		ev->ei_class[i] = k;
		if (k == ev->n_ei)
			ev->n_ei++;
	}
	return SP_OK;
}

/* The analysis a candidate uses. */
static size_t S_analysis_of(const sp_eval_t *ev, const sp_candidate_t *c)
{
	if (!ev->engine->uses_section)
		return c->anchor;
	return (ev->ei_class[c->profile] * ev->st->n_lengths + c->length) * ev->st->n_anchors + c->anchor;
}

/* The case of analysis i (inverse of S_analysis_of). */
static void S_case_of_analysis(const sp_eval_t *ev, size_t i, sp_case_t *c)
{
	const sp_study_t *st = ev->st;
	memset(c, 0, sizeof *c);
	c->anchor = st->anchors[i % st->n_anchors];
	if (!ev->engine->uses_section)
		return;
	size_t rest = i / st->n_anchors;
	size_t length = rest % st->n_lengths, ei = rest / st->n_lengths;
	c->length_m = st->lengths_m[length];
	for (size_t p = 0; p < st->n_profiles; p++)
		if (ev->ei_class[p] == ei) {
			c->ei_kNm2_per_m = S_ei(ev, p);
			break;
		}
}

sp_eval_t *sp_eval_alloc(const sp_study_t *st, const sp_catalogue_t *cat, const sp_eval_opts_t *opts,
                         sp_err_t *err)
{
	sp_eval_t *ev = calloc(1, sizeof *ev);
	if (ev == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	ev->st = st;
	ev->cat = cat;
	ev->engine = sp_engine_for(st);
	ev->stats.workers = S_workers(opts, &ev->stats.clamped);
	ev->stats.candidates = sp_study_n_candidates(st);
	ev->chunk = opts->chunk ? opts->chunk : S_DEFAULT_CHUNK;
	if (ev->chunk > ev->stats.candidates)
		ev->chunk = ev->stats.candidates ? ev->stats.candidates : 1;
	if (S_resolve(ev, err) != SP_OK)
		goto fail;
	/* the LE analysis depends on the anchor option only: one per option; the
	 * beam analysis also on the section's EI and the length (never the grade) */
	if (ev->engine->uses_section) {
		if (S_ei_classes(ev, err) != SP_OK)
			goto fail;
		ev->n_analyses = ev->n_ei * st->n_lengths * st->n_anchors;
	} else {
		ev->n_analyses = st->n_anchors;
	}
	ev->analyses = calloc(ev->n_analyses, sizeof *ev->analyses);
	ev->rows = malloc(ev->chunk * sizeof *ev->rows);
	if (!ev->analyses || !ev->rows) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto fail;
	}
	int failed = 0, inflight = 0, peak = 0;
#pragma omp parallel for schedule(dynamic, 1) num_threads(ev->stats.workers) reduction(| : failed) reduction(max : peak)
	for (size_t i = 0; i < ev->n_analyses; i++) {
		int now;
#pragma omp atomic capture
		now = ++inflight;
		if (now > peak)
			peak = now;
		sp_case_t c;
		S_case_of_analysis(ev, i, &c);
		failed |= ev->engine->analyse(st, &c, 0.0, 0, &ev->analyses[i]) != SP_OK;
#pragma omp atomic
		inflight--;
	}
	ev->stats.max_concurrent = peak;
	ev->stats.analyses_run = ev->n_analyses;
	if (failed) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
		goto fail;
	}
	return ev;
fail:
	sp_eval_free(ev);
	return NULL;
}

void sp_eval_free(sp_eval_t *ev)
{
	if (ev == NULL)
		return;
	if (ev->analyses)
		for (size_t i = 0; i < ev->n_analyses; i++)
			sp_analysis_free(&ev->analyses[i]);
	free(ev->analyses);
	free(ev->rows);
	free(ev->profile_index);
	free(ev->grade_index);
	free(ev->ei_class);
	free(ev);
}

const sp_result_t *sp_eval_next(sp_eval_t *ev, size_t *n)
{
	size_t total = ev->stats.candidates, first = ev->next;
	if (first >= total) {
		*n = 0;
		return NULL;
	}
	size_t count = total - first < ev->chunk ? total - first : ev->chunk;
	int inflight = 0, peak = ev->stats.max_concurrent;
	/* each candidate writes only its own row: results cannot depend on the
	 * thread count or the schedule */
#pragma omp parallel for schedule(dynamic, 1024) num_threads(ev->stats.workers) reduction(max : peak)
	for (size_t j = 0; j < count; j++) {
		int now;
#pragma omp atomic capture
		now = ++inflight;
		if (now > peak)
			peak = now;
		size_t id = first + j;
		sp_candidate_t c;
		sp_candidate_at(ev->st, id, &c);
		S_evaluate(ev, id, &ev->analyses[S_analysis_of(ev, &c)], &ev->rows[j]);
#pragma omp atomic
		inflight--;
	}
	ev->stats.max_concurrent = peak;
	for (size_t j = 0; j < count; j++) {
		switch (ev->rows[j].status) {
		case SP_CAND_OK:
			ev->stats.feasible++;
			break;
		case SP_CAND_INFEASIBLE:
			ev->stats.infeasible++;
			break;
		case SP_CAND_FAILED:
			ev->stats.failed++;
			break;
		}
	}
	ev->next = first + count;
	ev->stats.evaluated = ev->next;
	*n = count;
	return ev->rows;
}

void sp_eval_stats(const sp_eval_t *ev, sp_eval_stats_t *stats)
{
	*stats = ev->stats;
}

int sp_eval_one(const sp_study_t *st, const sp_catalogue_t *cat, size_t id, double diagram_step_m,
                sp_analysis_t *analysis, sp_result_t *result, sp_err_t *err)
{
	sp_eval_t ev;
	memset(&ev, 0, sizeof ev);
	ev.st = st;
	ev.cat = cat;
	ev.engine = sp_engine_for(st);
	int rc = S_resolve(&ev, err);
	if (rc == SP_OK && ev.engine->uses_section)
		rc = S_ei_classes(&ev, err);
	if (rc == SP_OK) {
		sp_candidate_t c;
		sp_candidate_at(st, id, &c);
		sp_case_t k;
		S_case_of_analysis(&ev, S_analysis_of(&ev, &c), &k);
		if (ev.engine->analyse(st, &k, diagram_step_m, diagram_step_m > 0, analysis) != SP_OK)
			rc = sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
		else
			S_evaluate(&ev, id, analysis, result);
	}
	free(ev.profile_index);
	free(ev.grade_index);
	free(ev.ei_class);
	return rc;
}

void sp_eval_for(int n_threads, size_t n, void (*fn)(void *data, size_t i, int tid), void *data)
{
	if (n_threads <= 1) {
		for (size_t i = 0; i < n; i++)
			fn(data, i, 0);
		return;
	}
#pragma omp parallel for schedule(dynamic, 256) num_threads(n_threads)
	for (size_t i = 0; i < n; i++)
		fn(data, i, omp_get_thread_num());
}

void sp_result_status(const sp_result_t *r, char *buf, size_t size)
{
	switch (r->status) {
	case SP_CAND_OK:
		snprintf(buf, size, "ok");
		break;
	case SP_CAND_INFEASIBLE:
		snprintf(buf, size, "infeasible");
		break;
	case SP_CAND_FAILED:
		snprintf(buf, size, "failed:%s", r->analysis->reason);
		break;
	}
}
