/* verify_design.c - design values of a search candidate under the study's
 * verification (verify_design.h). The steps are those the import path runs
 * (cli/dsheet_calc.c): CUR 166 method A's 6.1 .. 6.4 per set, method B's
 * 6.1 .. 6.4 per set and stage (each stage verified, the stages before it
 * characteristic), or one factored run per Eurocode set; the factored wall
 * is verify.c's. */
#include "verify_design.h"
#include "beam.h"
#include "partial_factors.h"
#include "verify.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const S_step_names[SP_STEP_N] = {"6.1", "6.2", "6.3", "6.4", ""};

/* The largest values of one analysed wall, effects times effect: the same
 * quantities B_analyse (engine_beam.c) takes from the characteristic run. */
typedef struct {
	double moment_kNm_per_m, shear_kN_per_m, anchor_force_kN_per_m, mobilised_pct;
	int failed_stage; /* 0-based; -1 every stage reached equilibrium */
	sp_beam_status status;
} S_extremes;

static void S_extremes_of(const sp_wall_t *w, const sp_beam_result_t *r, int from, double effect, S_extremes *x)
{
	x->failed_stage = -1;
	for (int s = from; s < r->n_stages; s++) {
		const sp_beam_stage_result_t *rs = &r->stage[s];
		if (rs->status != SP_BEAM_OK) {
			x->failed_stage = s;
			x->status = rs->status;
			return;
		}
		x->moment_kNm_per_m = fmax(x->moment_kNm_per_m, fabs(rs->max_moment_kNm_per_m) * effect);
		x->shear_kN_per_m = fmax(x->shear_kN_per_m, fabs(rs->max_shear_kN_per_m) * effect);
		for (int side = 0; side < 2; side++)
			x->mobilised_pct = fmax(x->mobilised_pct, rs->mobilised_pct[side]);
		for (int a = 0; a < w->n_anchors; a++) {
			double h = rs->anchor_force_kN_per_m[a] * cos(w->anchors[a].angle_deg * SP_PI / 180.0) * effect;
			x->anchor_force_kN_per_m = fmax(x->anchor_force_kN_per_m, h);
		}
	}
}

int sp_verify_design_apply(const sp_study_t *st, const sp_wall_t *w, sp_analysis_t *out)
{
	if (st->verification == 0 || st->n_verification_sets == 0)
		return SP_OK;
	const sp_verify_step cur[] = {SP_STEP_LOW_K_HIGH_WATER, SP_STEP_HIGH_K_HIGH_WATER, SP_STEP_LOW_K_LOW_WATER,
	                              SP_STEP_HIGH_K_LOW_WATER};
	const sp_verify_step ec7[] = {SP_STEP_FACTORED};
	const int is_cur = sp_partial_factors_cur(st->verification);
	const sp_verify_step *steps = is_cur ? cur : ec7;
	const int n_steps = is_cur ? 4 : 1;
	/* CUR 166 method B: every stage (or the final one, verification_stages)
	 * verified in turn, the stages before it characteristic
	 * (sp_verify_wall_b, as bm4-17a's verified stage); its result only, the
	 * stages before are the characteristic run's */
	const int method_b = st->verification == SP_VERIFICATION_CUR_B;
	const int n_runs = method_b ? w->n_stages : 1;
	const int first_run = method_b && st->verification_final_only ? w->n_stages - 1 : 0;
	const char *word = sp_partial_factors_words[st->verification];
	sp_wall_t *fw = malloc(sizeof *fw); /* too large for a worker thread's stack */
	if (fw == NULL)
		return SP_ESOFTWARE;
	/* the characteristic run's values are the floor (as D-Sheet's summary) */
	S_extremes d = {out->max_moment_kNm_per_m, out->max_shear_kN_per_m, out->anchor_force_kN_per_m, 0, -1, 0};
	/* CUR step 6.5 x representative_factor (a set's FactorRepValuesMDPmax;
	 * bm4-19a.shd: the characteristic moment and anchor force x 1.2) */
	for (int k = 0; k < st->n_verification_sets; k++) {
		const double rep = is_cur ? st->verification_sets[k].representative_factor : 0;
		if (rep > 1) {
			d.moment_kNm_per_m = fmax(d.moment_kNm_per_m, rep * out->max_moment_kNm_per_m);
			d.shear_kN_per_m = fmax(d.shear_kN_per_m, rep * out->max_shear_kN_per_m);
			d.anchor_force_kN_per_m = fmax(d.anchor_force_kN_per_m, rep * out->anchor_force_kN_per_m);
		}
	}
	int rc = SP_OK;
	for (int k = 0; k < st->n_verification_sets && rc == SP_OK && out->ok; k++)
		for (int v = first_run; v < n_runs && rc == SP_OK && out->ok; v++)
			for (int j = 0; j < n_steps && out->ok; j++) {
				const sp_factor_set_t *f = &st->verification_sets[k];
				char step[24];
				if (is_cur)
					snprintf(step, sizeof step, "%s %s", word, S_step_names[steps[j]]);
				else if (st->n_verification_sets > 1)
					snprintf(step, sizeof step, "%s set %d", word, k + 1);
				else
					snprintf(step, sizeof step, "%s", word);
				sp_err_t err;
				sp_beam_result_t r;
				rc = method_b ? sp_verify_wall_b(w, f, steps[j], v, fw, &err)
				              : sp_verify_wall(w, f, steps[j], fw, &err);
				if (rc != SP_OK) {
					snprintf(out->reason, sizeof out->reason, "%.20s: %.40s", step, err.text);
					out->ok = 0;
					rc = SP_OK;
					break;
				}
				rc = sp_beam_analyse(fw, 0, &r, &err);
				if (rc != SP_OK)
					sp_beam_result_free(&r); /* zeroed by sp_beam_analyse, partly filled */
				if (rc == SP_ESOFTWARE)
					break;
				if (rc != SP_OK) {
					snprintf(out->reason, sizeof out->reason, "%.20s: model: %.34s", step, err.text);
					out->ok = 0;
					rc = SP_OK;
					break;
				}
				S_extremes_of(fw, &r, method_b ? v : 0, f->effect_factor, &d);
				sp_beam_result_free(&r);
				if (d.failed_stage >= 0) {
					out->ok = 0;
					snprintf(out->reason, sizeof out->reason, "stage %d: %s (%s)", d.failed_stage + 1,
					         sp_beam_status_name(d.status), step);
				}
			}
	free(fw);
	if (rc != SP_OK)
		return rc;
	out->max_moment_kNm_per_m = d.moment_kNm_per_m;
	out->max_shear_kN_per_m = d.shear_kN_per_m;
	out->anchor_force_kN_per_m = d.anchor_force_kN_per_m;
	out->mobilised_passive_pct = d.mobilised_pct;
	return SP_OK;
}
