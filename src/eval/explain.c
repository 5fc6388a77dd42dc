/* explain.c - why the best design is the best (explain.h). */
#include "explain.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

const char *sp_why_name(int why)
{
	if (why == SP_WHY_ANALYSIS_FAILED)
		return "analysis-failed";
	if (why == SP_WHY_NOT_ANALYSED)
		return "not-analysed";
	return sp_check_names[why];
}

int sp_why_of(const sp_result_t *r)
{
	return r->status == SP_CAND_FAILED ? SP_WHY_ANALYSIS_FAILED : (int)r->checks.governing;
}

/* the total order of the ranking: objective, then candidate id */
static int S_before(const sp_result_t *a, const sp_result_t *b)
{
	return a->cost.objective < b->cost.objective || (a->cost.objective == b->cost.objective && a->cand.id < b->cand.id);
}

/* keep r among the SP_EXPLAIN_CHEAPEST first of x->cheapest (sorted) */
static void S_keep_cheapest(sp_explain_t *x, const sp_result_t *r, int why)
{
	size_t n = x->n_cheapest;
	if (n == SP_EXPLAIN_CHEAPEST && !S_before(r, &x->cheapest[n - 1]))
		return;
	size_t i = n < SP_EXPLAIN_CHEAPEST ? n : n - 1;
	while (i > 0 && S_before(r, &x->cheapest[i - 1])) {
		x->cheapest[i] = x->cheapest[i - 1];
		x->cheapest_why[i] = x->cheapest_why[i - 1];
		i--;
	}
	x->cheapest[i] = *r;
	x->cheapest_why[i] = why;
	if (n < SP_EXPLAIN_CHEAPEST)
		x->n_cheapest = n + 1;
}

static void S_keep_alt(sp_explain_t *x, int k, const sp_result_t *r)
{
	if (!x->has_alt[k] || S_before(r, &x->alt[k]))
		x->alt[k] = *r, x->has_alt[k] = 1;
}

static void S_merge(sp_explain_t *into, const sp_explain_t *part)
{
	into->n_cheaper += part->n_cheaper;
	for (int w = 0; w < SP_WHY_N; w++)
		into->by_why[w] += part->by_why[w];
	for (size_t i = 0; i < part->n_cheapest; i++)
		S_keep_cheapest(into, &part->cheapest[i], part->cheapest_why[i]);
	for (int k = 0; k < SP_ALT_N; k++)
		if (part->has_alt[k])
			S_keep_alt(into, k, &part->alt[k]);
}

int sp_explain_run(const sp_eval_t *ev, const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *best,
                   int threads, sp_explain_t *x)
{
	memset(x, 0, sizeof *x);
	x->has_best = best != NULL;
	x->best_objective = best ? best->cost.objective : 0;
	const char *best_series = NULL;
	if (best) {
		long pi = sp_catalogue_find_profile(cat, st->profiles[best->cand.profile]);
		best_series = pi >= 0 ? sp_catalogue_profile(cat, (size_t)pi)->series : "";
	}
	const size_t n = sp_study_n_candidates(st);
	if (threads < 1)
		threads = 1;
	sp_explain_t *part = calloc((size_t)threads, sizeof *part);
	if (part == NULL)
		return SP_ESOFTWARE;
	/* series of every profile of the study, looked up once */
	const char **series = calloc(st->n_profiles ? st->n_profiles : 1, sizeof *series);
	if (series == NULL) {
		free(part);
		return SP_ESOFTWARE;
	}
	for (size_t i = 0; i < st->n_profiles; i++) {
		long pi = sp_catalogue_find_profile(cat, st->profiles[i]);
		series[i] = pi >= 0 ? sp_catalogue_profile(cat, (size_t)pi)->series : "";
	}
#pragma omp parallel for num_threads(threads) schedule(static)
	for (size_t id = 0; id < n; id++) {
		sp_explain_t *p = &part[omp_get_thread_num()];
		sp_result_t r;
		int analysed = sp_eval_result(ev, id, &r);
		if (analysed && r.status == SP_CAND_OK) {
			if (best && r.cand.id != best->cand.id) {
				if (strcmp(series[r.cand.profile], best_series) != 0)
					S_keep_alt(p, SP_ALT_SERIES, &r);
				if (st->anchors[r.cand.anchor].anchored != st->anchors[best->cand.anchor].anchored)
					S_keep_alt(p, SP_ALT_ANCHORING, &r);
				if (r.cand.grade != best->cand.grade)
					S_keep_alt(p, SP_ALT_GRADE, &r);
			}
			continue;
		}
		if (best && !S_before(&r, best))
			continue;
		int why = analysed ? sp_why_of(&r) : SP_WHY_NOT_ANALYSED;
		p->n_cheaper++;
		p->by_why[why]++;
		S_keep_cheapest(p, &r, why);
	}
	for (int t = 0; t < threads; t++)
		S_merge(x, &part[t]);
	free(part);
	free(series);
	return SP_OK;
}

sp_explain_point_t *sp_explain_grid(const sp_eval_t *ev, const sp_study_t *st, const sp_catalogue_t *cat,
                                    const sp_result_t *best, size_t max_points, size_t *n)
{
	size_t per_profile = max_points / (st->n_profiles ? st->n_profiles : 1);
	size_t stride = per_profile && st->n_lengths > per_profile ? (st->n_lengths + per_profile - 1) / per_profile : 1;
	sp_explain_point_t *pts = malloc((st->n_profiles * (st->n_lengths / stride + 2) + 1) * sizeof *pts);
	if (pts == NULL)
		return NULL;
	const size_t grade = best ? best->cand.grade : 0, anchor = best ? best->cand.anchor : 0;
	size_t k = 0;
	for (size_t i = 0; i < st->n_profiles; i++) {
		long pi = sp_catalogue_find_profile(cat, st->profiles[i]);
		double mass = pi >= 0 ? sp_catalogue_profile(cat, (size_t)pi)->mass_kg_per_m2 : 0;
		for (size_t j = 0; j < st->n_lengths; j++) {
			if (j % stride != 0 && !(best && j == best->cand.length))
				continue;
			sp_result_t r;
			size_t id = sp_candidate_id(st, i, grade, j, anchor);
			int analysed = sp_eval_result(ev, id, &r);
			pts[k++] = (sp_explain_point_t){id, st->lengths_m[j], mass,
			                                !analysed                ? SP_WHY_NOT_ANALYSED
			                                : r.status == SP_CAND_OK ? -1
			                                                         : sp_why_of(&r)};
		}
	}
	*n = k;
	return pts;
}
