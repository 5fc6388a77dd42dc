/* verify.c - a wall analysed with a partial factor set (verify.h).
 *
 * What the factored wall is (D-Sheet Piling manual, "Verification" and
 * "Partial factors"; the numbers are those of the file's set, printed by
 * D-Sheet in [FACTORS FOR VERIFICATION]):
 * - every soil: c / cohesion_factor, tan(phi) / tan_phi_factor, tan(delta) /
 *   tan_phi_factor; typed-in Ka, K0, Kp are kept;
 * - the modulus of subgrade reaction (every branch, loading and unloading):
 *   CUR's "low" steps take k x min(f, 1/f), the "high" steps k x max(f, 1/f);
 *   the factored EC7 run takes k / f;
 * - every stage whose sides differ in surface level (the lower is the
 *   passive side): the passive surface lowered by passive_surface_drop_m plus
 *   the excavation allowance min(retaining_height_inc_pct % of the retained
 *   height, retaining_height_inc_max_m); the active water level raised by
 *   active_water_rise_m; the passive water level raised ("high") or lowered
 *   ("low") by passive_water_delta_m, never above the active one;
 * - the effects (moments, forces) multiplied by effect_factor.
 * Not applied (known gaps, docs/dsheet-verification.md): load factors (the
 * importer does not carry the permanent/favourable flags of loads), the
 * resistance factor on the passive pressure. */
#include "verify.h"
#include "beam.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double S_factored_angle(double deg, double factor)
{
	const double rad = 3.14159265358979323846 / 180.0;
	return atan(tan(deg * rad) / factor) / rad;
}

void sp_verify_wall(const sp_wall_t *w, const sp_factor_set_t *f, sp_verify_step step, sp_wall_t *out)
{
	*out = *w;
	double k_mult = 1.0 / f->subgrade_factor;
	if (step != SP_STEP_FACTORED) {
		double lo = fmin(f->subgrade_factor, 1.0 / f->subgrade_factor);
		int low = step == SP_STEP_LOW_K_HIGH_WATER || step == SP_STEP_LOW_K_LOW_WATER;
		k_mult = low ? lo : 1.0 / lo;
	}
	for (int i = 0; i < out->n_soils; i++) {
		sp_wall_soil_t *s = &out->soils[i];
		s->c_kPa /= f->cohesion_factor;
		s->phi_deg = S_factored_angle(s->phi_deg, f->tan_phi_factor);
		s->delta_deg = (s->delta_deg < 0 ? -1 : 1) * S_factored_angle(fabs(s->delta_deg), f->tan_phi_factor);
		for (int b = 0; b < SP_WALL_BRANCHES; b++) {
			s->kh_top_kN_m3[b] *= k_mult;
			s->kh_bottom_kN_m3[b] *= k_mult;
		}
		s->kh_unload_top_kN_m3 *= k_mult;
		s->kh_unload_bottom_kN_m3 *= k_mult;
	}
	int high = step == SP_STEP_LOW_K_HIGH_WATER || step == SP_STEP_HIGH_K_HIGH_WATER;
	for (int i = 0; i < out->n_stages; i++) {
		sp_wall_stage_t *sg = &out->stages[i];
		if (sg->surface_m[0] == sg->surface_m[1])
			continue;
		int pas = sg->surface_m[0] < sg->surface_m[1] ? 0 : 1, act = 1 - pas;
		double retained = sg->surface_m[act] - sg->surface_m[pas];
		double allowance = fmin(f->retaining_height_inc_pct / 100.0 * retained, f->retaining_height_inc_max_m);
		double drop = f->passive_surface_drop_m + allowance;
		sg->surface_m[pas] -= drop;
		for (int k = 0; k < sg->n_surface_points[pas]; k++)
			sg->surface_level_m[pas][k] -= drop;
		sg->water_m[act] += f->active_water_rise_m;
		if (step != SP_STEP_FACTORED) {
			sg->water_m[pas] += high ? f->passive_water_delta_m : -f->passive_water_delta_m;
			if (sg->water_m[pas] > sg->water_m[act])
				sg->water_m[pas] = sg->water_m[act];
		}
	}
}

void sp_verify_wall_length(sp_wall_t *w, double length_m)
{
	double toe = w->top_level_m - length_m;
	w->length_m = length_m;
	int n = 0;
	while (n < w->n_elements && w->elements[n].bottom_level_m > toe)
		n++;
	if (n < w->n_elements)
		n++; /* the element holding the toe */
	w->n_elements = n > 0 ? n : 1;
	w->elements[w->n_elements - 1].bottom_level_m = toe;
}

static int S_run(const sp_wall_t *w, double effect, sp_verify_stage_t out[SP_WALL_MAX_STAGES], sp_err_t *err)
{
	sp_beam_result_t res;
	int rc = sp_beam_analyse(w, 1, &res, err);
	if (rc != SP_OK) {
		sp_beam_result_free(&res);
		return rc;
	}
	for (int s = 0; s < res.n_stages; s++) {
		const sp_beam_stage_result_t *r = &res.stage[s];
		sp_verify_stage_t *o = &out[s];
		memset(o, 0, sizeof *o);
		o->ok = r->status == SP_BEAM_OK;
		for (size_t i = 0; i < r->n_nodes; i++) {
			o->max_moment_kNm_per_m = fmax(o->max_moment_kNm_per_m, r->nodes[i].moment_kNm_per_m * effect);
			o->min_moment_kNm_per_m = fmin(o->min_moment_kNm_per_m, r->nodes[i].moment_kNm_per_m * effect);
		}
		o->moment_kNm_per_m = r->max_moment_kNm_per_m * effect;
		o->displacement_mm = r->max_displacement_mm;
		o->mobilised_pct = fmax(r->mobilised_pct[0], r->mobilised_pct[1]);
		const double rad = 3.14159265358979323846 / 180.0;
		for (int i = 0; i < w->n_anchors; i++)
			if (w->stages[s].anchor_on[i]) {
				double h = r->anchor_force_kN_per_m[i] * cos(w->anchors[i].angle_deg * rad) * effect;
				if (fabs(h) > fabs(o->anchor_force_kN_per_m))
					o->anchor_force_kN_per_m = h;
			}
		for (int i = 0; i < w->n_struts; i++)
			if (w->stages[s].strut_on[i]) {
				double h = r->strut_force_kN_per_m[i] * cos(w->struts[i].angle_deg * rad) * effect;
				if (fabs(h) > fabs(o->anchor_force_kN_per_m))
					o->anchor_force_kN_per_m = h;
			}
	}
	sp_beam_result_free(&res);
	return SP_OK;
}

int sp_verify_run(const sp_wall_t *w, const sp_factor_set_t *f, sp_verify_step step,
                  sp_verify_stage_t out[SP_WALL_MAX_STAGES], sp_err_t *err)
{
	sp_wall_t *fw = malloc(sizeof *fw); /* too large for a worker thread's stack */
	if (fw == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	sp_verify_wall(w, f, step, fw);
	int rc = S_run(fw, f->effect_factor, out, err);
	free(fw);
	return rc;
}

int sp_verify_run_plain(const sp_wall_t *w, sp_verify_stage_t out[SP_WALL_MAX_STAGES], sp_err_t *err)
{
	return S_run(w, 1.0, out, err);
}
