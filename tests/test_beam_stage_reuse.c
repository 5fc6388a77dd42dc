/* test_beam_stage_reuse.c - a stage that loads a side as the stage before
 * did sets that side's springs again from what the earlier stage computed
 * (beam_load.c S_side_unchanged / S_side_replay); a stage that changes the
 * side's uniform load or water level computes it anew.
 *
 * Checked against the closed forms the beam engine's limits are defined by
 * (EN 1997-1:2004 Annex C.1, eq. C.1 with c' = 0: sigma_a = Ka sigma_v',
 * sigma_p = Kp sigma_v'; at rest K0 sigma_v', EN 1997-1 9.5.2; D-Sheet
 * Piling manual, "Ka, K0, Kp given": the same products), with sigma_v' the
 * weight of the soil above less the hydrostatic pore pressure gamma_w (zw - z)
 * plus the uniform load on the surface. The numbers below are worked by hand
 * from the wall's data: they do not come from this code. */
#include "beam.h"
#include "harness.h"

#include "sand_given_k.h"

#include <stdlib.h>

/* A 10 m wall in one sand, 5 stages:
 *   1 both surfaces at 0, water at -3 on both sides, no load
 *   2 right side excavated to -2 (the left side as in stage 1: reused)
 *   3 10 kPa on the left surface (left computed anew; right reused)
 *   4 as stage 3 (both sides reused)
 *   5 left water raised to -1 (left computed anew) */
static void wall(sp_wall_t *w)
{
	sp_wall_init(w);
	w->top_level_m = 0.0, w->length_m = 10.0, w->max_element_m = 0.1;
	w->gamma_water_kN_m3 = G_W;
	w->n_elements = 1;
	snprintf(w->elements[0].name, SP_NAME_MAX, "sheet");
	w->elements[0].bottom_level_m = -10.0, w->elements[0].ei_kNm2_per_m = 1e5, w->elements[0].acting_width_m = 1;
	w->n_branches = 1;
	w->n_soils = 1;
	sp_wall_soil_t *s = &w->soils[0];
	snprintf(s->name, SP_NAME_MAX, "sand");
	s->gamma_dry_kN_m3 = G_DRY, s->gamma_wet_kN_m3 = G_WET, s->phi_deg = 30;
	s->ka = KA, s->k0 = K0, s->kp = KP, s->ocr = 1.0;
	s->kh_top_kN_m3[0] = s->kh_bottom_kN_m3[0] = 20000;
	w->n_layers = 1;
	w->layers[0].top_level_m = 0.0, w->layers[0].soil = 0;
	w->n_uniform_loads = 1;
	w->uniform_loads[0].left_kPa = 10.0;
	w->n_stages = 5;
	for (int k = 0; k < 5; k++) {
		sp_wall_stage_t *st = &w->stages[k];
		snprintf(st->name, SP_NAME_MAX, "stage %d", k + 1);
		st->surface_m[SP_LEFT] = 0.0, st->surface_m[SP_RIGHT] = k >= 1 ? -2.0 : 0.0;
		st->water_m[SP_LEFT] = k >= 4 ? -1.0 : -3.0, st->water_m[SP_RIGHT] = -3.0;
		st->uniform_load_on[0] = k >= 2;
	}
}

int main(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL)
		return 1;
	wall(w);
	sp_beam_result_t r;
	sp_err_t err;
	int rc = sp_beam_analyse(w, 1, &r, &err);
	INT_EQ(rc, SP_OK, "the wall is analysed");
	if (rc != SP_OK)
		return sp_test_done("beam_stage_reuse");
	const double z = -5.0; /* below the water on both sides */
	for (int k = 0; k < 5; k++) {
		const sp_wall_stage_t *st = &w->stages[k];
		INT_EQ(r.stage[k].status, SP_BEAM_OK, "stage converges");
		const sp_beam_node_t *nd = node_at(&r.stage[k], z);
		OK(nd != NULL, "a node at -5 m");
		if (nd == NULL)
			continue;
		for (int side = 0; side < 2; side++) {
			double q = side == SP_LEFT && st->uniform_load_on[0] ? 10.0 : 0.0;
			double zs = st->surface_m[side], zw = st->water_m[side];
			double sv = sigma_v(z, zs, zw, q);
			char what[96];
			snprintf(what, sizeof what, "stage %d %s: active Ka sigma_v'", k + 1, side ? "right" : "left");
			DBL_ABS(nd->active_kPa[side], KA * sv, 1e-9, what);
			snprintf(what, sizeof what, "stage %d %s: neutral K0 sigma_v'", k + 1, side ? "right" : "left");
			DBL_ABS(nd->neutral_kPa[side], K0 * sv, 1e-9, what);
			snprintf(what, sizeof what, "stage %d %s: passive Kp sigma_v'", k + 1, side ? "right" : "left");
			DBL_ABS(nd->passive_kPa[side], KP * sv, 1e-9, what);
			snprintf(what, sizeof what, "stage %d %s: water gamma_w (zw - z)", k + 1, side ? "right" : "left");
			DBL_ABS(nd->water_kPa[side], G_W * (zw - z), 1e-9, what);
		}
	}
	/* the hand-worked values of the left side, for the record: 22.2 kPa
	 * (stages 1, 2: 18 x 3 + 10 x 2 = 74 kPa), 25.2 (stages 3, 4: + 10 kPa),
	 * 20.4 (stage 5: 10 + 18 x 1 + 10 x 4 = 68 kPa) */
	DBL_ABS(node_at(&r.stage[1], z)->active_kPa[SP_LEFT], 22.2, 1e-9, "stage 2 left active 22.2 kPa");
	DBL_ABS(node_at(&r.stage[3], z)->active_kPa[SP_LEFT], 25.2, 1e-9, "stage 4 left active 25.2 kPa");
	DBL_ABS(node_at(&r.stage[4], z)->active_kPa[SP_LEFT], 20.4, 1e-9, "stage 5 left active 20.4 kPa");
	DBL_ABS(node_at(&r.stage[4], z)->water_kPa[SP_LEFT], 40.0, 1e-9, "stage 5 left water 40 kPa");
	sp_beam_result_free(&r);
	free(w);
	return sp_test_done("beam_stage_reuse");
}
