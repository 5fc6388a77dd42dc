/* engine_beam.c - the beam engine (beam.h) as an engine of studies:
 * method = subgrade. The analysis depends on the section's EI, the pile
 * length and the anchor option (never on the grade), so the evaluator runs
 * it once per distinct (EI, length, anchor). */
#include "beam.h"
#include "engine.h"
#include "study_wall.h"
#include "verify_design.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int B_analyse(const sp_study_t *st, const sp_case_t *c, double step, int want, sp_analysis_t *out)
{
	(void)step;
	memset(out, 0, sizeof *out);
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL)
		return SP_ESOFTWARE;
	sp_study_wall_for_analysis(st, c->ei_kNm2_per_m, c->length_m, &c->anchor, w); /* its stages only */
	sp_beam_result_t r;
	sp_err_t err;
	/* within one study the loading depends on the pile length and the anchor
	 * option alone (sp_study_wall_for_analysis): the key of the memo of
	 * loadings (beam_loads.h), which also compares the walls' nodes */
	unsigned char key[sizeof st + 3 * sizeof(double)]; /* the study too: a memo never serves another study's wall */
	double dims[3] = {c->length_m, c->anchor.anchored ? 1.0 : 0.0, c->anchor.anchored ? c->anchor.level_m : 0.0};
	memcpy(key, &st, sizeof st);
	memcpy(key + sizeof st, dims, sizeof dims);
	sp_beam_memos_t memos = {c->wedge_memo, c->beam_loads, key, sizeof key};
	int rc = sp_beam_analyse_memo(w, want, &memos, &r, &err);
	if (rc == SP_ESOFTWARE) {
		free(w);
		return rc;
	}
	if (rc != SP_OK) {
		snprintf(out->reason, sizeof out->reason, "model: %.50s", err.text);
		free(w);
		return SP_OK;
	}
	out->ok = 1;
	out->has_displacement = 1;
	out->max_moment_level_m = w->top_level_m;
	for (int s = 0; s < r.n_stages; s++) {
		const sp_beam_stage_result_t *rs = &r.stage[s];
		if (rs->status != SP_BEAM_OK) {
			out->ok = 0;
			snprintf(out->reason, sizeof out->reason, "stage %d: %s", s + 1, sp_beam_status_name(rs->status));
			break;
		}
		if (fabs(rs->max_moment_kNm_per_m) > out->max_moment_kNm_per_m)
			out->max_moment_kNm_per_m = fabs(rs->max_moment_kNm_per_m),
			out->max_moment_level_m = rs->max_moment_level_m;
		if (fabs(rs->max_shear_kN_per_m) > out->max_shear_kN_per_m)
			out->max_shear_kN_per_m = fabs(rs->max_shear_kN_per_m);
		if (fabs(rs->max_displacement_mm) > out->max_displacement_mm)
			out->max_displacement_mm = fabs(rs->max_displacement_mm);
		if (fabs(rs->top_displacement_mm) > out->top_displacement_mm)
			out->top_displacement_mm = fabs(rs->top_displacement_mm);
		for (int side = 0; side < 2; side++)
			if (rs->mobilised_pct[side] > out->mobilised_passive_pct)
				out->mobilised_passive_pct = rs->mobilised_pct[side];
		for (int a = 0; a < w->n_anchors; a++) {
			double h = rs->anchor_force_kN_per_m[a] * cos(w->anchors[a].angle_deg * SP_PI / 180.0);
			if (h > out->anchor_force_kN_per_m)
				out->anchor_force_kN_per_m = h;
		}
	}
	if (out->ok && want && r.n_stages > 0) {
		/* the diagram of the final stage (every stage: sp_beam_analyse directly) */
		const sp_beam_stage_result_t *rs = &r.stage[r.n_stages - 1];
		out->diagram = malloc(rs->n_nodes * sizeof *out->diagram);
		if (out->diagram == NULL) {
			sp_beam_result_free(&r);
			free(w);
			return SP_ESOFTWARE;
		}
		for (size_t i = 0; i < rs->n_nodes; i++) {
			const sp_beam_node_t *nd = &rs->nodes[i];
			out->diagram[i].level_m = nd->level_m;
			out->diagram[i].net_pressure_kPa =
			    nd->effective_kPa[SP_LEFT] + nd->water_kPa[SP_LEFT] - nd->effective_kPa[SP_RIGHT] -
			    nd->water_kPa[SP_RIGHT];
			out->diagram[i].shear_kN_per_m = nd->shear_kN_per_m;
			out->diagram[i].moment_kNm_per_m = nd->moment_kNm_per_m;
		}
		out->n_diagram = rs->n_nodes;
	}
	/* [design] verification: the design values of its factored steps */
	if (out->ok && st->verification != 0)
		rc = sp_verify_design_apply(st, w, out);
	sp_beam_result_free(&r);
	free(w);
	return rc == SP_ESOFTWARE ? rc : SP_OK;
}

static const sp_engine_type B_type = {"beam", 1, B_analyse, NULL};
const sp_engine_type *const sp_engine_beam = &B_type;
