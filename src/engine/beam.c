/* beam.c - engine 'beam': the wall as Euler-Bernoulli beam elements on
 * elastoplastic soil springs, solved stage by stage (see beam.h, wall.h).
 *
 * The engine in modules: the wall discretised into nodes and elements, with
 * the state carried from stage to stage (beam_work.c); the soil spring and
 * its curve (beam_spring.c); what a stage puts on the beam: earth and water
 * pressures, loads (beam_load.c); the Newton solution of a stage
 * (beam_solve.c); the moments, shears and pressures of its result
 * (beam_diagram.c, into the types of beam_result.h). This file checks the
 * wall and runs the stages: each starts from the state the previous one
 * left. */
#include "beam.h"
#include "beam_diagram.h"
#include "beam_load.h"
#include "beam_solve.h"
#include "beam_work.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int S_check(const sp_wall_t *w, sp_err_t *err)
{
	if (!(w->length_m > 0) || !isfinite(w->top_level_m))
		return sp_err_set(err, SP_EDATA, "beam: the wall needs a top level and a positive length");
	if (w->n_elements < 1)
		return sp_err_set(err, SP_EDATA, "beam: the wall needs at least one element with its EI");
	for (int i = 0; i < w->n_elements; i++)
		if (!(w->elements[i].ei_kNm2_per_m > 0))
			return sp_err_set(err, SP_EDATA, "beam: element '%s' needs a positive EI",
			                  w->elements[i].name);
	if (w->n_stages < 1)
		return sp_err_set(err, SP_EDATA, "beam: the wall needs at least one construction stage");
	if (w->n_branches < 1 || w->n_branches > SP_WALL_BRANCHES)
		return sp_err_set(err, SP_EDATA, "beam: 1 to %d branches of the subgrade modulus, not %d",
		                  SP_WALL_BRANCHES, w->n_branches);
	if (w->n_profiles < 0 || w->n_profiles > SP_WALL_MAX_PROFILES)
		return sp_err_set(err, SP_EDATA, "beam: %d soil profiles (at most %d)", w->n_profiles, SP_WALL_MAX_PROFILES);
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			if (w->stages[s].profile[side] < 0 || w->stages[s].profile[side] > w->n_profiles)
				return sp_err_set(err, SP_EDATA, "beam: stage '%s' names soil profile %d of %d",
				                  w->stages[s].name, w->stages[s].profile[side], w->n_profiles);
	for (int p = 0; p <= w->n_profiles; p++) { /* the wall's layers, then every other profile */
		const sp_wall_layer_t *ls = p ? w->profiles[p - 1].layers : w->layers;
		int nl = p ? w->profiles[p - 1].n_layers : w->n_layers;
		for (int i = 0; i < nl; i++) {
			if (ls[i].soil < 0 || ls[i].soil >= w->n_soils)
				return sp_err_set(err, SP_EDATA, "beam: a layer refers to soil %d of %d", ls[i].soil + 1,
				                  w->n_soils);
			const sp_wall_soil_t *so = &w->soils[ls[i].soil];
			for (int k = 0; k < w->n_branches; k++)
				if (!(so->kh_top_kN_m3[k] > 0) || !(so->kh_bottom_kN_m3[k] > 0))
					return sp_err_set(err, SP_EDATA,
					                  "beam: soil '%s' needs a positive modulus of subgrade reaction "
					                  "for branch %d",
					                  so->name, k + 1);
		}
	}
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			for (int k = 0; k < w->n_surcharges; k++)
				if (w->stages[s].surcharge_on[side][k] && w->stages[s].kmethod[side] == SP_KMETHOD_GIVEN)
					return sp_err_set(err, SP_EDATA,
					                  "beam: stage '%s': surcharge '%s' on the %s side needs the c, phi, "
					                  "delta method there (with Ka, K0, Kp given it is not supported)",
					                  w->stages[s].name, w->surcharges[k].name, side == SP_LEFT ? "left" : "right");
	return SP_OK;
}

int sp_beam_analyse(const sp_wall_t *w, int want_nodes, sp_beam_result_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	int rc = S_check(w, err);
	if (rc)
		return rc;
	sp_beam_work_t *b = sp_beam_work_alloc(w);
	if (b == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "beam: out of memory");
	out->n_stages = w->n_stages;
	for (int s = 0; s < w->n_stages; s++) {
		const sp_wall_stage_t *st = &w->stages[s];
		sp_beam_stage_result_t *res = &out->stage[s];
		sp_beam_load_stage(b, st);
		rc = sp_beam_solve_stage(b, st, res);
		if (rc) {
			sp_err_set(err, rc, "beam: out of memory");
			break;
		}
		rc = sp_beam_diagram_stage(b, st, want_nodes, res);
		if (rc) {
			sp_err_set(err, rc, "beam: out of memory");
			break;
		}
		if (res->status != SP_BEAM_OK) {
			/* later stages cannot start from a state that does not exist */
			for (int t = s + 1; t < w->n_stages; t++) {
				out->stage[t].status = res->status;
				snprintf(out->stage[t].reason, sizeof out->stage[t].reason, "stage %d failed", s + 1);
			}
			break;
		}
		sp_beam_solve_commit(b, st);
	}
	sp_beam_work_free(b);
	if (rc)
		sp_beam_result_free(out);
	return rc;
}
