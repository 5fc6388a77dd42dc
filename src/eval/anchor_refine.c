/* anchor_refine.c - the continuous anchor level of a design (GSL Brent). */
#include "anchor_refine.h"
#include "checks.h"
#include "plan.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define S_REFINE_SAMPLES 9
#define S_REFINE_MAX_ITER 100
#define S_FAILED_UTIL 1e6 /* util_max of a level without equilibrium: never the minimum */

typedef struct {
	const sp_plan_t *plan;
	sp_candidate_t cand;
	int evaluations, feasible, failed;
} S_refine;

/* util_max of the design with its anchor at level z */
static double S_util_at(double z, void *data)
{
	S_refine *q = data;
	const sp_plan_t *plan = q->plan;
	const sp_study_t *st = plan->st;
	sp_case_t c;
	sp_plan_case(plan, sp_plan_analysis_of(plan, &q->cand), &c);
	c.anchor.anchored = 1;
	c.anchor.level_m = z;
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	q->evaluations++;
	if (plan->engine->analyse(st, &c, 0.0, 0, &a) != SP_OK) {
		q->failed = 1;
		return S_FAILED_UTIL;
	}
	double u = S_FAILED_UTIL;
	q->feasible = 0;
	if (a.ok) {
		sp_checks_t k;
		const sp_profile_t *p = sp_plan_profile(plan, q->cand.profile);
		const sp_grade_t *g = sp_plan_grade(plan, q->cand.grade);
		sp_checks_run(st, p, g, st->lengths_m[q->cand.length], &c.anchor, &a, &k);
		u = k.util_max;
		q->feasible = k.feasible;
	}
	sp_analysis_free(&a);
	return u;
}

int sp_anchor_refine(const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *design,
                          sp_anchor_refine_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	const sp_anchor_option_t *an = &st->anchors[design->cand.anchor];
	out->grid_level_m = out->level_m = an->level_m;
	out->grid_util_max = out->util_max = design->checks.util_max;
	out->feasible = design->status == SP_CAND_OK;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < st->n_anchors; i++)
		if (st->anchors[i].anchored) {
			lo = fmin(lo, st->anchors[i].level_m);
			hi = fmax(hi, st->anchors[i].level_m);
		}
	if (!an->anchored) {
		snprintf(out->note, sizeof out->note, "a cantilever: no anchor level to refine");
		return SP_OK;
	}
	if (st->wall_fixed || !(hi > lo)) {
		snprintf(out->note, sizeof out->note, "%s", st->wall_fixed ? "the [wall] is fixed"
		                                                              : "fewer than two anchor levels");
		return SP_OK;
	}
	sp_plan_t plan;
	int rc = sp_plan_init(&plan, st, cat, err);
	if (rc != SP_OK)
		goto out;
	S_refine q = {&plan, design->cand, 0, 0, 0};
	double x[S_REFINE_SAMPLES], f[S_REFINE_SAMPLES];
	size_t best = 0;
	for (size_t i = 0; i < S_REFINE_SAMPLES; i++) {
		x[i] = lo + (hi - lo) * (double)i / (S_REFINE_SAMPLES - 1);
		f[i] = S_util_at(x[i], &q);
		if (f[i] < f[best])
			best = i;
	}
	double xb = x[best], fb = f[best];
	if (best > 0 && best < S_REFINE_SAMPLES - 1 && f[best] < f[best - 1] && f[best] < f[best + 1]) {
		gsl_min_fminimizer *m = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
		gsl_function fn = {S_util_at, &q};
		if (m == NULL) {
			rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
			goto out;
		}
		int status = gsl_min_fminimizer_set_with_values(m, &fn, xb, fb, x[best - 1], f[best - 1], x[best + 1],
		                                                f[best + 1]);
		while (status == GSL_SUCCESS && out->iterations < S_REFINE_MAX_ITER) {
			out->iterations++;
			status = gsl_min_fminimizer_iterate(m);
			if (status != GSL_SUCCESS)
				break;
			double a = gsl_min_fminimizer_x_lower(m), b = gsl_min_fminimizer_x_upper(m);
			if (gsl_min_test_interval(a, b, st->refine_anchor_tol_m, 0.0) == GSL_SUCCESS)
				break;
		}
		if (gsl_min_fminimizer_f_minimum(m) < fb) {
			xb = gsl_min_fminimizer_x_minimum(m);
			fb = gsl_min_fminimizer_f_minimum(m);
		}
		gsl_min_fminimizer_free(m);
		snprintf(out->note, sizeof out->note, "Brent");
	} else {
		snprintf(out->note, sizeof out->note, "best sample %s", best == 0 || best == S_REFINE_SAMPLES - 1
		                                                         ? "at an end of the interval" : "not bracketed");
	}
	if (q.failed) {
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
		goto out;
	}
	/* keep the ranked level when nothing better was found */
	if (fb < out->grid_util_max) {
		out->level_m = xb;
		out->util_max = fb;
		S_util_at(xb, &q); /* the feasibility at the refined level */
		out->feasible = q.feasible;
	}
	out->evaluations = q.evaluations;
	out->done = 1;
out:
	sp_plan_clear(&plan);
	return rc;
}
