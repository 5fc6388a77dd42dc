/* describe.c - the one sentence that names a design. */
#include "describe.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void sp_describe_design(char *buf, size_t size, const sp_study_t *st, const sp_candidate_t *c)
{
	const sp_anchor_option_t *an = &st->anchors[c->anchor];
	char anchor[48] = "cantilever";
	if (an->anchored)
		snprintf(anchor, sizeof anchor, "anchor at %.2f m", an->level_m);
	snprintf(buf, size, "%s %s, %.2f m, %s", st->profiles[c->profile], st->grades[c->grade],
	         st->lengths_m[c->length], anchor);
}

void sp_describe_failure(char *buf, size_t size, const sp_result_t *r, int why)
{
	if (why == SP_WHY_ANALYSIS_FAILED)
		snprintf(buf, size, "analysis failed");
	else if (why == SP_WHY_NOT_ANALYSED)
		snprintf(buf, size, "not analysed by the search");
	else if (isnan(r->checks.util_max))
		snprintf(buf, size, "%s could not be computed (%s)", sp_why_name(why),
		         why == SP_CHECK_KRANZ ? "the anchorage's foot is not below the retained surface" : "not a number");
	else if (r->checks.util_max >= SP_UTIL_CAP)
		snprintf(buf, size, "%s fails (%s)", sp_why_name(why),
		         why != SP_CHECK_BENDING      ? "nothing resists it"
		         : r->checks.section_class == 4 ? "a class-4 section"
		                                        : "no resistance left after corrosion, shear and axial force");
	else
		snprintf(buf, size, "%s %.0f %% over", sp_why_name(why), 100.0 * (r->checks.util_max - 1.0));
}

/* append to buf[0..size) at *n, never past its end */
#define S_ADD(...)                                                                                               \
	do {                                                                                                       \
		if (*n < size)                                                                                     \
			*n += (size_t)snprintf(buf + *n, size - *n, __VA_ARGS__);                                  \
	} while (0)

static void S_alternatives(char *buf, size_t size, size_t *n, const sp_study_t *st, const sp_result_t *best,
                           const sp_explain_t *x)
{
	static const char *const kind[SP_ALT_N] = {"another profile series", "", "another grade"};
	const int anchored = st->anchors[best->cand.anchor].anchored;
	int any = 0;
	for (int k = 0; k < SP_ALT_N; k++) {
		if (!x->has_alt[k])
			continue;
		const sp_result_t *a = &x->alt[k];
		int again = 0; /* one design of two kinds is named once, by its first */
		for (int j = 0; j < k; j++)
			again |= x->has_alt[j] && x->alt[j].cand.id == a->cand.id;
		if (again)
			continue;
		char design[160];
		sp_describe_design(design, sizeof design, st, &a->cand);
		double d = a->cost.cost_per_m - best->cost.cost_per_m;
		S_ADD("%s%s (%s: %+.2f %s/m, %+.1f %%)", any ? "; " : "Alternatives: ", design,
		      k == SP_ALT_ANCHORING ? (anchored ? "a cantilever" : "an anchored wall") : kind[k], d, st->currency,
		      best->cost.cost_per_m > 0 ? 100.0 * d / best->cost.cost_per_m : 0.0);
		any = 1;
	}
	if (any)
		S_ADD(".\n");
	else
		S_ADD("Alternatives: no feasible design of another profile series, anchoring or grade.\n");
}

void sp_describe_decision(char *buf, size_t size, const sp_study_t *st, const sp_result_t *best,
                          const sp_explain_t *x, size_t n_warnings)
{
	size_t used = 0, *n = &used;
	buf[0] = '\0';
	if (best) {
		char design[160];
		sp_describe_design(design, sizeof design, st, &best->cand);
		const double u = best->checks.util_max;
		S_ADD("Chosen: %s, %.2f %s/m; %s governs, utilisation %.3f (%.1f %% margin).\n", design,
		      best->cost.cost_per_m, st->currency, sp_why_name(best->checks.governing), u, 100.0 * (1.0 - u));
		S_alternatives(buf, size, n, st, best, x);
	} else {
		S_ADD("Chosen: none; no design of the search space passes every check.\n");
		S_ADD("Alternatives: none.\n");
	}
	/* "cheaper" when the objective is the cost; else the objective named */
	char better[64];
	if (st->objective == SP_OBJ_COST)
		snprintf(better, sizeof better, "Cheaper designs");
	else
		snprintf(better, sizeof better, "Designs of a better objective (%s)", sp_objective_name(st->objective));
	if (x->n_cheaper == 0) {
		S_ADD("%s: none in the search space", better);
	} else if (best) {
		S_ADD("%s that fail: %zu (", better, x->n_cheaper);
	} else {
		S_ADD("Designs that fail: %zu (", x->n_cheaper);
	}
	if (x->n_cheaper) {
		int first = 1;
		for (int w = 0; w < SP_WHY_N; w++)
			if (x->by_why[w]) {
				S_ADD("%s%s %zu", first ? "" : ", ", sp_why_name(w), x->by_why[w]);
				first = 0;
			}
		S_ADD(")");
		if (x->n_cheapest) {
			char fail[128];
			sp_describe_failure(fail, sizeof fail, &x->cheapest[0], x->cheapest_why[0]);
			S_ADD("; the %s, at %.2f %s/m: %s", st->objective == SP_OBJ_COST ? "cheapest" : "best of them",
			      x->cheapest[0].cost.cost_per_m, st->currency, fail);
		}
	}
	S_ADD("; %zu warning%s.\n", n_warnings, n_warnings == 1 ? "" : "s");
}
