/* dsheet_calc.c - design length and verification of an imported D-Sheet
 * Piling calculation (dsheet_calc.h). */
#include "dsheet_calc.h"
#include "cli.h"
#include "verify.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const S_step_names[SP_STEP_N] = {"6.1 low k high passive water", "6.2 high k high passive water",
                                                    "6.3 low k low passive water", "6.4 high k low passive water",
                                                    "factored"};

/* the steps of the verification's rule */
static int S_steps(const sp_wall_calc_t *c, sp_verify_step steps[SP_STEP_N])
{
	if (sp_calc_cur_procedure(c->verify)) {
		steps[0] = SP_STEP_LOW_K_HIGH_WATER;
		steps[1] = SP_STEP_HIGH_K_HIGH_WATER;
		steps[2] = SP_STEP_LOW_K_LOW_WATER;
		steps[3] = SP_STEP_HIGH_K_LOW_WATER;
		return 4;
	}
	steps[0] = SP_STEP_FACTORED;
	return 1;
}

/* A row; one whose stage the engine did not compute (no equilibrium, a
 * plastic hinge) says "failed" with empty numbers: they are no results */
static void S_row(FILE *out, int stage, const char *set, const char *step, const sp_verify_stage_t *r)
{
	if (!r->ok) {
		fprintf(out, "%d,%s,%s,failed,,,,,\n", stage + 1, set, step);
		return;
	}
	fprintf(out, "%d,%s,%s,ok,%.3f,%.3f,%.3f,%.3f,%.3f\n", stage + 1, set, step, r->moment_kNm_per_m,
	        r->displacement_mm, r->anchor_force_kN_per_m, r->mobilised_pct, r->max_moment_kNm_per_m);
}

/* The design values of the rows so far (D-Sheet's [MAXIMUM SUMMARY
 * RESULTS]): the moment and anchor force of every row, the displacement of
 * the serviceability rows, the mobilisation of the unmultiplied rows. */
typedef struct {
	double moment, displacement, anchor, mobilised;
	int all_ok;
} S_design;

static void S_take(S_design *d, const sp_verify_stage_t *r, int serviceability, int multiplied)
{
	if (!r->ok) { /* not computed: no values to take, and not every stage ok */
		d->all_ok = 0;
		return;
	}
	if (fabs(r->moment_kNm_per_m) > fabs(d->moment))
		d->moment = r->moment_kNm_per_m;
	if (serviceability && fabs(r->displacement_mm) > fabs(d->displacement))
		d->displacement = r->displacement_mm;
	d->anchor = fmax(d->anchor, fabs(r->anchor_force_kN_per_m));
	if (!multiplied) {
		d->mobilised = fmax(d->mobilised, r->mobilised_pct);
		d->all_ok &= r->ok;
	}
}

/* Method B (bm4-17a.shd, CUR 166): only the verified stages are reported,
 * each by the characteristic run (step 6.5), 6.5 x the stage's factor
 * (StageAnchorFactor 1.200: "6.5 multiplied by factor", moment and anchor
 * force x 1.2) and the steps of sp_verify_run_b (the stages before it
 * characteristic, it factored): CUR's 6.1 .. 6.4, the annexes' factored run
 * per set; the design values are theirs. */
static int S_verify_b(const sp_wall_t *w, FILE *out, sp_err_t *err)
{
	const sp_wall_calc_t *c = &w->calc;
	sp_verify_stage_t *r = calloc(SP_WALL_MAX_STAGES, sizeof *r);
	if (r == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	S_design d = {0, 0, 0, 0, 1};
	int rc = sp_verify_run_plain(w, r, err);
	for (int s = 0; rc == SP_OK && s < w->n_stages; s++) {
		if (!c->stage_verified[s])
			continue;
		S_row(out, s, "characteristic", "serviceability", &r[s]);
		S_take(&d, &r[s], 1, 0);
		const double rep = c->stage_rep_factor[s];
		if (rep > 0) {
			sp_verify_stage_t x = r[s];
			char step[32];
			snprintf(step, sizeof step, "6.5 x %.3f", rep);
			x.moment_kNm_per_m *= rep;
			x.max_moment_kNm_per_m *= rep;
			x.min_moment_kNm_per_m *= rep;
			x.anchor_force_kN_per_m *= rep;
			S_row(out, s, "characteristic", step, &x);
			S_take(&d, &x, 0, 1);
		}
	}
	sp_verify_step steps[SP_STEP_N];
	int n_steps = S_steps(c, steps);
	for (int s = 0; rc == SP_OK && s < w->n_stages; s++)
		for (int k = 0; c->stage_verified[s] && rc == SP_OK && k < c->n_sets; k++)
			for (int j = 0; rc == SP_OK && j < n_steps; j++) {
				if ((rc = sp_verify_run_b(w, &c->sets[k], steps[j], s, r, err)) != SP_OK)
					break;
				S_row(out, s, c->sets[k].name, S_step_names[steps[j]], &r[s]);
				S_take(&d, &r[s], 0, 0);
			}
	if (rc == SP_OK)
		fprintf(out, "\nmax_moment_kNm_per_m,max_displacement_mm,anchor_force_kN_per_m,"
		             "max_mobilised_resistance_pct,all_stages_ok\n%.3f,%.3f,%.3f,%.3f,%d\n",
		        d.moment, d.displacement, d.anchor, d.mobilised, d.all_ok);
	free(r);
	return rc;
}

int sp_dsheet_verify_print(const sp_wall_t *w, FILE *out, sp_err_t *err)
{
	if (w->calc.method_b) {
		fputs("stage,partial_factor_set,step,status,moment_kNm_per_m,displacement_mm,anchor_force_kN_per_m,"
		      "mobilised_pct,max_positive_moment_kNm_per_m\n",
		      out);
		return S_verify_b(w, out, err);
	}

	sp_verify_stage_t *r = calloc(SP_WALL_MAX_STAGES, sizeof *r);
	if (r == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	fputs("stage,partial_factor_set,step,status,moment_kNm_per_m,displacement_mm,anchor_force_kN_per_m,"
	      "mobilised_pct,max_positive_moment_kNm_per_m\n",
	      out);
	double dm = 0, dd = 0, da = 0, dp = 0;
	int all_ok = 1;
	int rc = sp_verify_run_plain(w, r, err);
	for (int s = 0; rc == SP_OK && s < w->n_stages; s++) {
		S_row(out, s, "characteristic", "serviceability", &r[s]);
		if (fabs(r[s].displacement_mm) > fabs(dd))
			dd = r[s].displacement_mm; /* D-Sheet: the displacement of the serviceability run */
		if (fabs(r[s].moment_kNm_per_m) > fabs(dm))
			dm = r[s].moment_kNm_per_m;
		da = fmax(da, fabs(r[s].anchor_force_kN_per_m));
		dp = fmax(dp, r[s].mobilised_pct);
		all_ok &= r[s].ok;
	}
	/* CUR step 6.5 x the representative factor (bm4-19a.shd [RESUME]
	 * VerificationType 14, RepresentativeFactor 1.200: the moment and the
	 * anchor force of the characteristic run x 1.2, stage 2 -180.00 and 96.00
	 * of -150.00 and 80.00, the displacement and mobilisation unchanged);
	 * its moments and anchor forces enter the design values (D-Sheet's
	 * MAXIMUM ANCHOR FORCE 96.00) */
	const double rep = sp_calc_cur_procedure(w->calc.verify) && w->calc.n_sets > 0 ? w->calc.sets[0].representative_factor : 0;
	if (rc == SP_OK && rep > 0) {
		sp_verify_stage_t *x = calloc(SP_WALL_MAX_STAGES, sizeof *x);
		if (x == NULL)
			rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
		if (x != NULL && (rc = sp_verify_run_plain(w, x, err)) == SP_OK) {
			char step[32];
			snprintf(step, sizeof step, "6.5 x %.3f", rep);
			for (int s = 0; s < w->n_stages; s++) {
				x[s].moment_kNm_per_m *= rep;
				x[s].max_moment_kNm_per_m *= rep;
				x[s].min_moment_kNm_per_m *= rep;
				x[s].anchor_force_kN_per_m *= rep;
				S_row(out, s, "characteristic", step, &x[s]);
				if (fabs(x[s].moment_kNm_per_m) > fabs(dm))
					dm = x[s].moment_kNm_per_m;
				da = fmax(da, fabs(x[s].anchor_force_kN_per_m));
			}
		}
		free(x);
	}
	sp_verify_step steps[SP_STEP_N];
	int n_steps = S_steps(&w->calc, steps);
	for (int k = 0; rc == SP_OK && k < w->calc.n_sets; k++)
		for (int j = 0; rc == SP_OK && j < n_steps; j++) {
			if ((rc = sp_verify_run(w, &w->calc.sets[k], steps[j], r, err)) != SP_OK)
				break;
			for (int s = 0; s < w->n_stages; s++) {
				S_row(out, s, w->calc.sets[k].name, S_step_names[steps[j]], &r[s]);
				if (fabs(r[s].moment_kNm_per_m) > fabs(dm))
					dm = r[s].moment_kNm_per_m;
				da = fmax(da, fabs(r[s].anchor_force_kN_per_m));
				dp = fmax(dp, r[s].mobilised_pct);
				all_ok &= r[s].ok;
			}
		}
	if (rc == SP_OK)
		fprintf(out, "\nmax_moment_kNm_per_m,max_displacement_mm,anchor_force_kN_per_m,"
		             "max_mobilised_resistance_pct,all_stages_ok\n%.3f,%.3f,%.3f,%.3f,%d\n",
		        dm, dd, da, dp, all_ok);
	free(r);
	return rc;
}

int sp_dsheet_design_length_print(const sp_wall_t *w, FILE *out, double *designed_m, sp_err_t *err)
{
	const sp_wall_calc_t *c = &w->calc;
	sp_wall_t *lw = malloc(sizeof *lw);
	sp_verify_stage_t *r = calloc(SP_WALL_MAX_STAGES, sizeof *r);
	if (lw == NULL || r == NULL) {
		free(lw);
		free(r);
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	}
	/* the step the design takes: CUR method A's 6.3 (low modulus, low
	 * passive water: bm4-20a's rows are bm4-19a's step 6.3 at 14 m), the
	 * factored run otherwise; the first set where there are two */
	sp_verify_step step = sp_calc_cur_procedure(c->verify) ? SP_STEP_LOW_K_LOW_WATER : SP_STEP_FACTORED;
	fputs("length_m,displacement_mm,max_moment_kNm_per_m,min_moment_kNm_per_m,anchor_force_kN_per_m,"
	      "mobilisation_pct,status\n",
	      out);
	double designed = NAN;
	int rc = SP_OK;
	int n = (int)floor((c->design_from_m - c->design_to_m) / c->design_step_m + 1e-6);
	for (int i = 0; i <= n; i++) {
		double len = c->design_from_m - i * c->design_step_m;
		*lw = *w;
		sp_verify_wall_length(lw, len);
		/* method B: the stages before the design stage characteristic */
		rc = c->method_b ? sp_verify_run_b(lw, &c->sets[0], step, c->design_stage, r, err)
		                 : sp_verify_run(lw, &c->sets[0], step, r, err);
		if (rc != SP_OK)
			break;
		const sp_verify_stage_t *d = &r[c->design_stage];
		int ok = d->ok && d->mobilised_pct < 100.0;
		/* D-Sheet's [DESIGN SHEETPILE LENGTH] prints the anchor force of a
		 * tensioned anchor negative (bm4-20a -38.086, Tutorial-15a -266.142
		 * kN/m, both anchors on the right); ours is positive in tension */
		if (!d->ok) /* not computed at this length: no numbers */
			fprintf(out, "%.3f,,,,,,failed\n", len);
		else
			fprintf(out, "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%s\n", len, d->displacement_mm, d->max_moment_kNm_per_m,
			        d->min_moment_kNm_per_m, d->anchor_force_kN_per_m == 0 ? 0.0 : -d->anchor_force_kN_per_m,
			        d->mobilised_pct, ok ? "ok" : "failed");
		if (!ok)
			break;
		designed = len;
	}
	if (designed_m != NULL)
		*designed_m = designed;
	if (rc == SP_OK) {
		fputs("\ndesigned_length_m\n", out);
		if (isnan(designed))
			fputs("none\n", out);
		else
			fprintf(out, "%.3f\n", designed);
	}
	free(lw);
	free(r);
	return rc;
}

/* Every development file of these types now matches D-Sheet Piling's
 * results (docs/validation.md, issue 20: bm4-16a, bm4-17a, bm4-19a, bm4-20a,
 * bm4-21a, bm4-25a, Tutorial-15a): CUR method A and B, EC7 DA1 and DA2, the
 * Belgian annex by method A. What no development file covers is said on
 * stderr: the Dutch annex (its CUR 166 procedure is inferred, not measured)
 * and method B under an annex (only its first stage is measured). */
void sp_dsheet_calc_warn(const sp_wall_t *w, const char *path)
{
	const sp_wall_calc_t *c = &w->calc;
	if (c->type != SP_CALC_VERIFY && c->type != SP_CALC_DESIGN_LENGTH)
		return;
	const char *what = NULL;
	if (c->verify == SP_VERIFY_EC7_NL)
		what = "the Dutch annex (EC7 NL)";
	else if (c->method_b && c->verify == SP_VERIFY_EC7_BE)
		what = "method B of the Belgian annex (EC7 BE)";
	if (what == NULL)
		return;
	sp_cli_printf(stderr, "[WARNING] %s: D-Sheet Piling's %s by %s is not measured against D-Sheet's results "
	              "(docs/dsheet-verification.md): check these numbers before using them for design\n", path,
	              c->type == SP_CALC_VERIFY ? "verification" : "design of the sheet piling length", what);
}
