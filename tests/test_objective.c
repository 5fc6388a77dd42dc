/* test_objective.c - objectives and the Pareto front, against values worked
 * out by hand in the comments: the study keys ([search] strategy, [objective]
 * minimise = weighted and its weights), the weighted objective of cost.c, and
 * the streaming Pareto front of rank.c on a small hand-made point set. */
#include "harness.h"

#define FIX "data/objective/"
#include "study_checks.h"

#include "cost.h"
#include "pareto.h"

#include <stdlib.h>

static void test_keys(void)
{
	sp_study_t *st = read_ok(FIX "ok_weighted.ini", "weighted objective");
	if (st) {
		INT_EQ(st->objective, SP_OBJ_WEIGHTED, "minimise = weighted");
		INT_EQ(st->search, SP_SEARCH_MIN_LENGTH, "strategy = min-length");
		/* weights 2, 1, 1 normalised to sum 1 */
		DBL_REL(st->weight_cost, 0.5, 1e-15, "weight_cost 2/4");
		DBL_REL(st->weight_mass, 0.25, 1e-15, "weight_mass 1/4");
		DBL_REL(st->weight_co2, 0.25, 1e-15, "weight_co2 1/4");
		OK(strcmp(sp_objective_name(st->objective), "weighted") == 0, "objective name");
		OK(strcmp(sp_search_name(st->search), "min-length") == 0, "search name");
		sp_study_free(st);
	}
	st = read_ok("data/study/ok_minimal.ini", "defaults");
	if (st) {
		INT_EQ(st->search, SP_SEARCH_EXHAUSTIVE, "strategy defaults to exhaustive");
		INT_EQ(st->refine_anchor, 0, "refine_anchor defaults to no");
		DBL_REL(st->refine_anchor_tol_m, 0.01, 0, "refine_anchor_tol_m defaults to 0.01 m");
		sp_study_free(st);
	}
	expect_err_code("bad_weight_not_weighted.ini", SP_EDATA, 23, "'weight_co2'", "weighted",
	                "a weight without minimise = weighted");
	expect_err_code("bad_weights_zero.ini", SP_EDATA, 21, "[objective]", "weight", "weights summing to 0");
	expect_err_code("bad_weight_negative.ini", SP_EDATA, 23, "'weight_cost'", NULL, "a negative weight");
	expect_err_code("bad_strategy.ini", SP_EDATA, 16, "'strategy'", "'bisect'", "an unknown strategy");
	expect_err_code("bad_refine_anchor.ini", SP_EDATA, 16, "'refine_anchor'", "'maybe'", "refine_anchor not yes/no");
	expect_err_code("bad_refine_tol.ini", SP_EDATA, 17, "'refine_anchor_tol_m'", NULL, "tolerance out of range");
}

static void test_weighted(void)
{
	/* two profiles (100 and 150 kg/m2), two grades (1.0 and 1.2 per kg),
	 * lengths 10 and 12 m, cantilever or anchored (2500 per anchor every
	 * 2.5 m = 1000 per m), installation 50 per m2, 0.8 kg CO2 per kg steel */
	sp_profile_t pr[2];
	memset(pr, 0, sizeof pr);
	pr[0].mass_kg_per_m2 = 100;
	pr[1].mass_kg_per_m2 = 150;
	const sp_profile_t *pp[2] = {&pr[0], &pr[1]};
	double price[2] = {1.0, 1.2}, len[2] = {12, 10};
	sp_anchor_option_t an[2] = {{1, -1.0}, {0, 0}};
	sp_study_t st;
	memset(&st, 0, sizeof st);
	st.n_profiles = st.n_grades = st.n_lengths = st.n_anchors = 2;
	st.lengths_m = len;
	st.anchors = an;
	st.steel_price_per_kg = price;
	st.installation_per_m2 = 50;
	st.anchor_cost_each = 2500;
	st.anchor_spacing_m = 2.5;
	st.co2_kg_per_kg_steel = 0.8;
	st.objective = SP_OBJ_WEIGHTED;
	st.weight_cost = 0.5, st.weight_mass = 0.25, st.weight_co2 = 0.25;
	sp_cost_ref_t ref;
	sp_cost_reference(&st, pp, &ref);
	/* smallest: 100 kg/m2 x 10 m = 1000 kg/m, 800 kg CO2/m, 1000 x 1.0 + 50 x 10 = 1500 per m */
	DBL_REL(ref.mass_kg_per_m, 1000, 1e-15, "reference mass");
	DBL_REL(ref.co2_kg_per_m, 800, 1e-15, "reference CO2");
	DBL_REL(ref.cost_per_m, 1500, 1e-15, "reference cost");
	/* 150 kg/m2, 1.2 per kg, 12 m, anchored: mass 1800, CO2 1440, cost
	 * 1800 x 1.2 + 600 + 1000 = 3760; 0.5 x 3760/1500 + 0.25 x 1.8 + 0.25 x 1.8 */
	sp_cost_t c;
	sp_cost_of(&st, &pr[1], 1, 12, &an[0], &ref, &c);
	DBL_REL(c.cost_per_m, 3760, 1e-15, "cost");
	DBL_REL(c.objective, 0.5 * 3760.0 / 1500 + 0.45 + 0.45, 1e-14, "weighted objective");
	/* the cheapest, lightest design scores exactly 1 */
	sp_cost_of(&st, &pr[0], 0, 10, &an[1], &ref, &c);
	DBL_REL(c.objective, 1.0, 1e-15, "weighted objective of the smallest design");
	/* no carbon factor: the CO2 reference falls back to 1, the term is 0 */
	st.co2_kg_per_kg_steel = 0;
	sp_cost_reference(&st, pp, &ref);
	DBL_REL(ref.co2_kg_per_m, 1.0, 0, "zero CO2: reference 1");
	sp_cost_of(&st, &pr[0], 0, 10, &an[1], &ref, &c);
	DBL_REL(c.objective, 0.75, 1e-15, "zero CO2: only cost and mass terms");
}

/* (cost, co2, util_max) of a hand-made point set; the front by hand:
 *   id0 (10, 5, 0.90)   front
 *   id1 (12, 4, 0.90)   dominated by id8 (same cost and CO2, lower util)
 *   id2 (11, 6, 0.95)   dominated by id0
 *   id3 (10, 5, 0.90)   equal to id0, larger id: dominated
 *   id4 (15, 7, 0.50)   front (lowest util)
 *   id5 ( 9, 8, 1.00)   front (cheapest)
 *   id6 ( 1, 1, 0.10)   infeasible: never on the front
 *   id7 (16, 7, 0.50)   dominated by id4
 *   id8 (12, 4, 0.80)   front (lowest CO2)
 * front by cost: id5, id0, id8, id4 */
static const double S_pts[9][3] = {{10, 5, 0.9}, {12, 4, 0.9}, {11, 6, 0.95}, {10, 5, 0.9}, {15, 7, 0.5},
                                   {9, 8, 1.0},  {1, 1, 0.1},  {16, 7, 0.5},  {12, 4, 0.8}};

static void S_row(sp_result_t *r, size_t id)
{
	memset(r, 0, sizeof *r);
	r->cand.id = id;
	r->status = id == 6 ? SP_CAND_INFEASIBLE : SP_CAND_OK;
	r->cost.cost_per_m = S_pts[id][0];
	r->cost.co2_kg_per_m = S_pts[id][1];
	r->checks.util_max = S_pts[id][2];
}

static void S_front_is(const sp_result_t *rows, size_t n, int with_displacement, const char *what)
{
	static const size_t want[] = {5, 0, 8, 4};
	sp_pareto_t *p = sp_pareto_alloc();
	OK(p != NULL, "pareto alloc");
	if (p == NULL)
		return;
	/* offered in chunks of 2, to exercise the streaming */
	for (size_t i = 0; i < n; i += 2)
		INT_EQ(sp_pareto_add(p, rows + i, n - i < 2 ? n - i : 2), SP_OK, "add");
	size_t m;
	const sp_result_t *f = sp_pareto_front(p, &m);
	char name[128];
	snprintf(name, sizeof name, "%s: front of 4", what);
	INT_EQ(m, 4, name);
	for (size_t i = 0; i < m && i < 4; i++) {
		snprintf(name, sizeof name, "%s: front[%zu] is id %zu", what, i, want[i]);
		INT_EQ(f[i].cand.id, want[i], name);
		double c[3];
		snprintf(name, sizeof name, "%s: third criterion", what);
		INT_EQ(sp_pareto_criteria(&f[i], c), with_displacement, name);
	}
	sp_pareto_free(p);
}

static void test_pareto(void)
{
	double a[3] = {1, 2, 3}, b[3] = {1, 2, 4}, c[3] = {0, 3, 3};
	OK(sp_pareto_dominates(a, 5, b, 1, 3), "better on one, equal on the rest: dominates");
	OK(!sp_pareto_dominates(b, 1, a, 5, 3), "worse on one: does not dominate");
	OK(!sp_pareto_dominates(a, 0, c, 1, 3) && !sp_pareto_dominates(c, 1, a, 0, 3), "trade-off: neither");
	OK(sp_pareto_dominates(a, 2, a, 3, 3) && !sp_pareto_dominates(a, 3, a, 2, 3), "equal: smaller id wins");
	OK(!sp_pareto_dominates(a, 2, a, 2, 3), "a point does not dominate itself");

	sp_result_t rows[9], rev[9];
	for (size_t i = 0; i < 9; i++) {
		S_row(&rows[i], i);
		S_row(&rev[8 - i], i);
	}
	S_front_is(rows, 9, 0, "in id order");
	S_front_is(rev, 9, 0, "in reverse order");
	/* interleaved order: 4, 7, 1, 8, 3, 0, 2, 5, 6 */
	static const size_t mix[9] = {4, 7, 1, 8, 3, 0, 2, 5, 6};
	sp_result_t mixed[9];
	for (size_t i = 0; i < 9; i++)
		S_row(&mixed[i], mix[i]);
	S_front_is(mixed, 9, 0, "interleaved");
	/* with displacements the third criterion is max_displacement_mm, here set
	 * to 100 x util: the same front */
	sp_analysis_t an[9];
	memset(an, 0, sizeof an);
	for (size_t i = 0; i < 9; i++) {
		an[i].ok = 1;
		an[i].has_displacement = 1;
		an[i].max_displacement_mm = 100 * S_pts[i][2];
		rows[i].analysis = &an[i];
		rows[i].checks.util_max = 0.5; /* no longer a criterion */
	}
	S_front_is(rows, 9, 1, "displacement");
	sp_pareto_free(NULL);
}

int main(void)
{
	test_keys();
	test_weighted();
	test_pareto();
	return sp_test_done("objective");
}
