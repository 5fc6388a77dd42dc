/* test_beam_loads.c - the memo of stage loadings (engine/beam_loads.h): a
 * wall whose stages are set from another analysis' record (the same wall
 * with another EI) gets the results of its own analysis without the memo,
 * bit for bit, and the earth and water pressures worked by hand; a wall with
 * other nodes or another key is a miss, never another wall's loading.
 *
 * The pressures are checked against the closed forms the engine's limits are
 * defined by (EN 1997-1:2004 Annex C.1, eq. C.1 with c' = 0: sigma_a = Ka
 * sigma_v', sigma_p = Kp sigma_v'; at rest K0 sigma_v', EN 1997-1 9.5.2;
 * D-Sheet Piling manual, "Ka, K0, Kp given"), sigma_v' worked by hand from
 * the wall's unit weights, water levels and uniform load. The comparison
 * with the analysis without the memo is the memo's contract (exact), not a
 * value of this code. */
#include "beam.h"
#include "beam_loads.h"
#include "harness.h"

#include "sand_given_k.h"

#include <stdlib.h>
#include <string.h>

/* A wall of `length` m in one sand (two branches of the subgrade modulus),
 * an anchor at -1 m from stage 2, 10 kPa behind from stage 3:
 *   1 both surfaces at 0, water at -3 on both sides
 *   2 right side excavated to -2, the anchor in
 *   3 right side excavated to -4 and its water lowered to -4, 10 kPa on the left
 *   4 right water lowered to -4.5 */
static void wall(sp_wall_t *w, double length, double ei)
{
	sp_wall_init(w);
	w->top_level_m = 0.0, w->length_m = length, w->max_element_m = 0.1;
	w->gamma_water_kN_m3 = G_W;
	w->n_elements = 1;
	snprintf(w->elements[0].name, SP_NAME_MAX, "sheet");
	w->elements[0].bottom_level_m = -length, w->elements[0].ei_kNm2_per_m = ei, w->elements[0].acting_width_m = 1;
	w->n_branches = 2;
	w->n_soils = 1;
	sp_wall_soil_t *s = &w->soils[0];
	snprintf(s->name, SP_NAME_MAX, "sand");
	s->gamma_dry_kN_m3 = G_DRY, s->gamma_wet_kN_m3 = G_WET, s->phi_deg = 30;
	s->ka = KA, s->k0 = K0, s->kp = KP, s->ocr = 1.0;
	s->kh_top_kN_m3[0] = 20000, s->kh_bottom_kN_m3[0] = 40000;
	s->kh_top_kN_m3[1] = 10000, s->kh_bottom_kN_m3[1] = 20000;
	s->branch_end_pct[0] = 50;
	w->n_layers = 1;
	w->layers[0].top_level_m = 0.0, w->layers[0].soil = 0;
	w->n_anchors = 1;
	sp_wall_anchor_t *a = &w->anchors[0];
	snprintf(a->name, SP_NAME_MAX, "anchor");
	a->level_m = -1.0, a->e_kPa = 2.1e8, a->area_m2_per_m = 5e-4, a->length_m = 10, a->yield_force_kN_per_m = 1000;
	a->angle_deg = 0, a->side = SP_LEFT;
	w->n_uniform_loads = 1;
	w->uniform_loads[0].left_kPa = 10.0;
	w->n_stages = 4;
	for (int k = 0; k < 4; k++) {
		sp_wall_stage_t *st = &w->stages[k];
		snprintf(st->name, SP_NAME_MAX, "stage %d", k + 1);
		st->surface_m[SP_LEFT] = 0.0, st->surface_m[SP_RIGHT] = k == 0 ? 0.0 : k == 1 ? -2.0 : -4.0;
		st->water_m[SP_LEFT] = -3.0, st->water_m[SP_RIGHT] = k == 3 ? -4.5 : k == 2 ? -4.0 : -3.0;
		st->anchor_on[0] = k >= 1;
		st->uniform_load_on[0] = k >= 2;
	}
}

/* Two results bit for bit: every stage's fields and nodes. */
static int same(const sp_beam_result_t *a, const sp_beam_result_t *b)
{
	if (a->n_stages != b->n_stages)
		return 0;
	for (int s = 0; s < a->n_stages; s++) {
		sp_beam_stage_result_t x = a->stage[s], y = b->stage[s];
		if (x.n_nodes != y.n_nodes || (x.n_nodes && memcmp(x.nodes, y.nodes, x.n_nodes * sizeof *x.nodes) != 0))
			return 0;
		x.nodes = y.nodes = NULL;
		if (memcmp(&x, &y, sizeof x) != 0)
			return 0;
	}
	return 1;
}

/* w analysed with the memo under key, and without: the same bits. */
static void check(sp_beam_loads_t *m, const double *key, const sp_wall_t *w, const char *what)
{
	sp_beam_memos_t memos = {NULL, m, key, 3 * sizeof *key};
	sp_beam_result_t with, without;
	sp_err_t err;
	int rc1 = sp_beam_analyse_memo(w, 1, &memos, &with, &err), rc2 = sp_beam_analyse(w, 1, &without, &err);
	INT_EQ(rc1, SP_OK, what);
	INT_EQ(rc2, SP_OK, what);
	if (rc1 != SP_OK || rc2 != SP_OK)
		return;
	char text[160];
	snprintf(text, sizeof text, "%s: the same results with and without the memo, bit for bit", what);
	OK(same(&with, &without), text);
	/* and the pressures worked by hand at -6 m (below the water on both sides) */
	const double z = -6.0;
	for (int k = 0; k < with.n_stages; k++) {
		const sp_wall_stage_t *st = &w->stages[k];
		const sp_beam_node_t *nd = node_at(&with.stage[k], z);
		snprintf(text, sizeof text, "%s: stage %d converges, a node at -6 m", what, k + 1);
		OK(with.stage[k].status == SP_BEAM_OK && nd != NULL, text);
		if (nd == NULL)
			continue;
		for (int side = 0; side < 2; side++) {
			double q = side == SP_LEFT && st->uniform_load_on[0] ? 10.0 : 0.0;
			double sv = sigma_v(z, st->surface_m[side], st->water_m[side], q);
			snprintf(text, sizeof text, "%s: stage %d %s: Ka, K0, Kp sigma_v' and gamma_w (zw - z)", what, k + 1,
			         side ? "right" : "left");
			OK(fabs(nd->active_kPa[side] - KA * sv) < 1e-9 && fabs(nd->neutral_kPa[side] - K0 * sv) < 1e-9 &&
			       fabs(nd->passive_kPa[side] - KP * sv) < 1e-9 &&
			       fabs(nd->water_kPa[side] - G_W * (st->water_m[side] - z)) < 1e-9,
			   text);
		}
	}
	sp_beam_result_free(&with);
	sp_beam_result_free(&without);
}

int main(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	sp_beam_loads_t *m = sp_beam_loads_alloc(2);
	if (w == NULL || m == NULL)
		return 1;
	long hits, recorded;
	double key12[3] = {12.0, 1.0, -1.0}, key10[3] = {10.0, 1.0, -1.0}, other[3] = {12.0, 0.0, 0.0};

	wall(w, 12.0, 1e5);
	check(m, key12, w, "12 m, EI 1e5 (recorded)");
	sp_beam_loads_counts(m, &hits, &recorded);
	INT_EQ((int)hits, 0, "the first wall: no hit");
	INT_EQ((int)recorded, 1, "the first wall: recorded");

	wall(w, 12.0, 4e5);
	check(m, key12, w, "12 m, EI 4e5 (set from the record)");
	sp_beam_loads_counts(m, &hits, &recorded);
	INT_EQ((int)hits, 1, "the same wall with another EI: set from the record");

	/* the 4th hand check: stage 3 left at -6 m, 10 + 18 x 3 + 10 x 3 = 94 kPa */
	DBL_ABS(sigma_v(-6.0, 0.0, -3.0, 10.0), 94.0, 1e-12, "sigma_v' by hand, stage 3 left at -6 m");

	wall(w, 10.0, 4e5); /* other nodes under the 12 m wall's key: a miss */
	check(m, key12, w, "10 m under the 12 m wall's key (other nodes)");
	sp_beam_loads_counts(m, &hits, &recorded);
	INT_EQ((int)hits, 1, "a wall with other nodes is never set from another wall's record");
	INT_EQ((int)recorded, 2, "... it is recorded under that key instead");

	wall(w, 10.0, 2e5);
	check(m, key10, w, "10 m, its own key");
	wall(w, 12.0, 2e5);
	check(m, other, w, "12 m under another key");
	sp_beam_loads_counts(m, &hits, &recorded);
	INT_EQ((int)hits, 1, "another key: a miss");
	INT_EQ((int)recorded, 4, "two more walls recorded (the memo keeps two, the least recently used replaced)");
	wall(w, 12.0, 3e5);
	check(m, key12, w, "12 m, its key: replaced by now");
	sp_beam_loads_counts(m, &hits, &recorded);
	INT_EQ((int)hits, 1, "the least recently used wall was replaced: a miss");

	sp_beam_loads_free(m);
	free(w);
	return sp_test_done("beam_loads");
}
