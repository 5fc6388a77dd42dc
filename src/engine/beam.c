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
#include "beam_bending.h"
#include "beam_diagram.h"
#include "beam_load.h"
#include "beam_loads.h"
#include "beam_solve.h"
#include "beam_work.h"
#include "initial_stage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* D-Sheet's initial stage (initial_stage.h): per spring, the first stage's
 * initial-state neutral pressure less the ordinary one (off[4 i + 2 side +
 * half]), found once the first stage is loaded. */
static void S_initial_offsets(const sp_beam_work_t *b, const sp_wall_stage_t *first, double *off)
{
	const sp_wall_t *w = b->w;
	for (int side = 0; side < 2; side++) {
		int nl;
		const sp_wall_layer_t *ls = sp_wall_side_layers(w, first, side, &nl);
		for (int i = 0; i < b->n; i++)
			for (int h = 0; h < 2; h++) {
				const sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
				size_t k = (size_t)i * 4 + (size_t)side * 2 + (size_t)h;
				off[k] = 0.0;
				if ((sp->on || sp->merged) && sp->layer >= 0 && sp->layer < nl)
					off[k] = sp_initial_stage_offset_kPa(w, first, side, b->z[i], &w->soils[ls[sp->layer].soil]);
			}
	}
}

/* Every stage's neutral pressure on top of the initial state's: the spring
 * of a half carried by the other (merged) takes the mean of both, as its
 * pressures (beam_load.c). */
static void S_apply_initial(sp_beam_work_t *b, const double *off)
{
	for (int i = 0; i < b->n; i++)
		for (int side = 0; side < 2; side++) {
			sp_beam_spring_t *up = SP_BEAM_WORK_SPR(b, i, side, 0), *lo = SP_BEAM_WORK_SPR(b, i, side, 1);
			const double *o = &off[(size_t)i * 4 + (size_t)side * 2];
			if (up->on)
				up->sig_n += lo->merged ? (o[0] + o[1]) / 2.0 : o[0];
			if (lo->on)
				lo->sig_n += o[1];
			for (int h = 0; h < 2; h++) {
				sp_beam_spring_t *sp = h ? lo : up;
				if (!sp->on)
					continue;
				if (sp->sig_n > sp->sig_p)
					sp->sig_n = sp->sig_p;
				if (sp->sig_n < sp->sig_a)
					sp->sig_n = sp->sig_a;
				sp_beam_spring_prepare(sp);
			}
		}
}

/* Given soil displacement at a level (m, to the right): linear between the
 * wall's points (levels decreasing), 0 beyond them. */
static double S_soil_displacement_m(const sp_wall_t *w, double level)
{
	int n = w->n_soil_displacements;
	const double *z = w->soil_displacement_level_m, *d = w->soil_displacement_mm;
	for (int k = 0; k + 1 < n; k++)
		if (level <= z[k] && level >= z[k + 1]) {
			double t = z[k] > z[k + 1] ? (z[k] - level) / (z[k] - z[k + 1]) : 0.0;
			return (d[k] + t * (d[k + 1] - d[k])) / 1000.0;
		}
	return n == 1 && fabs(level - z[0]) < 1e-9 ? d[0] / 1000.0 : 0.0;
}

/* The soil of both sides moved by the given displacements: every spring's
 * rest position with it (towards the wall: the left soil moving right, the
 * right soil moving left). */
static void S_move_soil(sp_beam_work_t *b)
{
	for (int i = 0; i < b->n; i++) {
		double d = S_soil_displacement_m(b->w, b->z[i]);
		if (d == 0.0)
			continue;
		for (int side = 0; side < 2; side++)
			for (int h = 0; h < 2; h++)
				sp_beam_spring_move_soil(SP_BEAM_WORK_SPR(b, i, side, h), side == SP_LEFT ? d : -d);
	}
}

int sp_beam_analyse(const sp_wall_t *w, int want_nodes, sp_beam_result_t *out, sp_err_t *err)
{
	return sp_beam_analyse_memo(w, want_nodes, NULL, out, err);
}

int sp_beam_analyse_memo(const sp_wall_t *w, int want_nodes, const sp_beam_memos_t *memos, sp_beam_result_t *out,
                         sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	int rc = S_check(w, err);
	if (rc)
		return rc;
	sp_beam_work_t *b = sp_beam_work_alloc(w);
	if (b == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "beam: out of memory");
	b->layer_memo = memos ? memos->wedges : NULL;
	/* the stages' loadings from the memo, or recorded into it (beam_loads.h) */
	const sp_beam_loads_entry_t *loaded = NULL;
	sp_beam_loads_entry_t *record = NULL;
	if (memos && memos->loads && memos->key &&
	    (loaded = sp_beam_loads_find(memos->loads, memos->key, memos->key_len, b, w->n_stages)) == NULL)
		record = sp_beam_loads_begin(memos->loads, memos->key, memos->key_len, b, w->n_stages);
	b->keep_halves = record != NULL;
	int recorded = 0;
	if (sp_beam_bending_needed(w) && (b->bend = sp_beam_bending_alloc(b)) == NULL) {
		sp_beam_work_free(b);
		return sp_err_set(err, SP_ESOFTWARE, "beam: out of memory");
	}
	double *initial = NULL; /* D-Sheet's first stage as initial stage */
	if (w->first_stage_initial && (initial = malloc(4 * (size_t)b->n * sizeof *initial)) == NULL) {
		sp_beam_bending_free(b->bend);
		sp_beam_work_free(b);
		return sp_err_set(err, SP_ESOFTWARE, "beam: out of memory");
	}
	out->n_stages = w->n_stages;
	for (int s = 0; s < w->n_stages; s++) {
		const sp_wall_stage_t *st = &w->stages[s];
		sp_beam_stage_result_t *res = &out->stage[s];
		if (loaded) {
			sp_beam_loads_restore(loaded, s, b);
		} else {
			sp_beam_load_stage(b, st);
			sp_beam_loads_record(record, s, b);
			recorded++;
		}
		if (initial) {
			if (s == 0)
				S_initial_offsets(b, st, initial);
			S_apply_initial(b, initial);
		}
		if (s == 0 && w->n_soil_displacements > 0)
			S_move_soil(b);
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
		if (s + 1 == w->n_stages) /* no later stage starts from this one's state */
			break;
		sp_beam_solve_commit(b, st);
		if (b->bend)
			sp_beam_bending_commit(b->bend);
	}
	if (record)
		sp_beam_loads_finish(memos->loads, record, rc == SP_OK ? recorded : 0);
	free(initial);
	sp_beam_bending_free(b->bend);
	sp_beam_work_free(b);
	if (rc)
		sp_beam_result_free(out);
	return rc;
}
