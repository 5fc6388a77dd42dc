/* cmd_analyze.c - sheetpile analyze STUDY.ini: one candidate's results row (and diagrams). */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cli.h"
#include "csv_field.h"
#include "csv_out.h"
#include "beam.h"
#include "designs.h"
#include "dsheet_calc.h"
#include "fixed_wall.h"
#include "kranz.h"
#include "outfile.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A piecewise-linear surcharge at a distance from the wall (0 outside its points). */
static double S_surcharge_at(const sp_wall_surcharge_t *sc, double x)
{
	for (int i = 0; i + 1 < sc->n_points; i++) {
		double x0 = sc->distance_m[i], x1 = sc->distance_m[i + 1];
		if (x >= x0 && x <= x1)
			return x1 > x0 ? sc->value_kPa[i] + (sc->value_kPa[i + 1] - sc->value_kPa[i]) * (x - x0) / (x1 - x0)
			               : sc->value_kPa[i];
	}
	return 0.0;
}

/* The smallest value of a surcharge over [0, d]: the uniform load the Kranz
 * block is given (its ends and the points between). */
static double S_surcharge_min(const sp_wall_surcharge_t *sc, double d)
{
	double v = fmin(S_surcharge_at(sc, 0.0), S_surcharge_at(sc, d));
	for (int i = 0; i < sc->n_points; i++)
		if (sc->distance_m[i] > 0 && sc->distance_m[i] < d)
			v = fmin(v, sc->value_kPa[i]);
	return v;
}

/* A study with a fixed [wall] (an imported D-Sheet Piling file): the beam
 * engine on that wall, one row per stage; with an anchor that has an anchor
 * wall (anchorage_height_m), the Kranz check of the last stage's anchor. */
static int S_fixed_wall(const sp_study_t *st, FILE *out, sp_err_t *err)
{
	const sp_wall_t *w = st->wall;
	sp_dsheet_calc_warn(w, st->path); /* dsheet_calc.c */
	if (w->calc.type == SP_CALC_VERIFY)
		return sp_dsheet_verify_print(w, out, err);
	if (w->calc.type == SP_CALC_DESIGN_LENGTH)
		return sp_dsheet_design_length_print(w, out, NULL, err);
	sp_beam_result_t res;
	int rc = sp_beam_analyse(w, 1, &res, err);
	if (rc != SP_OK) {
		sp_beam_result_free(&res);
		return rc;
	}
	int last = w->n_stages - 1, ai = -1;
	/* a stage the engine could not compute (a plastic hinge, a diaphragm
	 * wall past its diagram) has no results: its row says "failed" with
	 * empty numbers (the engine's moment past the capacity is none), the
	 * warning why; and no diagram for the Kranz check */
	for (int s = 0; s < res.n_stages; s++)
		if (res.stage[s].status != SP_BEAM_OK) {
			char why[256];
			sp_fixed_wall_why_failed(&res.stage[s], why, sizeof why);
			sp_cli_printf(stderr, "[WARNING] %s: stage %d '%s' not computed: %s\n", st->path, s + 1,
			              w->stages[s].name, why);
		}
	/* the elements' allowable moments: a unity check per computed stage */
	int check = sp_moment_check_any(w);
	sp_moment_check_t mc[SP_WALL_MAX_STAGES];
	int checked[SP_WALL_MAX_STAGES] = {0};
	for (int s = 0; check && s < res.n_stages; s++)
		checked[s] = sp_fixed_wall_check_moment(w, s, &res.stage[s], st->path, &mc[s]);
	for (int i = 0; last >= 0 && last < res.n_stages && res.stage[last].status == SP_BEAM_OK && i < w->n_anchors &&
	                ai < 0;
	     i++)
		if (w->stages[last].anchor_on[i] && w->anchors[i].anchorage_height_m > 0)
			ai = i;
	sp_kranz_result_t kr;
	double slip = NAN, force = NAN;
	if (ai >= 0) {
		const sp_wall_stage_t *sg = &w->stages[last];
		const sp_wall_anchor_t *a = &w->anchors[ai];
		const sp_beam_stage_result_t *r = &res.stage[last];
		int side = a->side;
		sp_study_t ks = *st;
		ks.retained_level_m = sg->surface_m[side];
		ks.water_retained_m = sg->water_m[side];
		ks.gamma_w_kN_m3 = w->gamma_water_kN_m3;
		double incl = -a->angle_deg; /* D-Sheet: negative = down into the soil */
		double d = a->length_m * cos(incl * 3.14159265358979323846 / 180.0);
		ks.surcharge_kPa = 0;
		for (int i = 0; i < w->n_uniform_loads; i++)
			if (sg->uniform_load_on[i])
				ks.surcharge_kPa += side == SP_RIGHT ? w->uniform_loads[i].right_kPa : w->uniform_loads[i].left_kPa;
		for (int i = 0; i < w->n_surcharges; i++)
			if (sg->surcharge_on[side][i])
				ks.surcharge_kPa += S_surcharge_min(&w->surcharges[i], d);
		sp_diagram_point_t *dg = calloc(r->n_nodes ? r->n_nodes : 1, sizeof *dg);
		if (dg == NULL) {
			sp_beam_result_free(&res);
			return sp_err_set(err, SP_ESOFTWARE, "out of memory");
		}
		for (size_t i = 0; i < r->n_nodes; i++)
			dg[i] = (sp_diagram_point_t){.level_m = r->nodes[i].level_m, .shear_kN_per_m = r->nodes[i].shear_kN_per_m,
			                             .moment_kNm_per_m = r->nodes[i].moment_kNm_per_m};
		slip = sp_kranz_slip_start_level_m(dg, r->n_nodes, sg->surface_m[1 - side]);
		free(dg);
		sp_kranz_input_t in = {.anchor_level_m = a->level_m, .anchor_inclination_deg = incl,
		                       .anchor_length_m = a->length_m, .anchorage_height_m = a->anchorage_height_m,
		                       .slip_start_level_m = slip};
		if ((rc = sp_kranz_run(&ks, &in, &kr, err)) != SP_OK) {
			sp_beam_result_free(&res);
			return rc;
		}
		force = r->anchor_force_kN_per_m[ai];
	}
	fprintf(out, "stage,stage_name,status,max_moment_kNm_per_m,max_shear_kN_per_m,max_displacement_mm,"
	             "anchor_force_kN_per_m");
	if (ai >= 0)
		fprintf(out, ",kranz_slip_start_level_m,kranz_allowable_short_kN_per_m,kranz_allowable_long_kN_per_m,"
		             "kranz_is_short,kranz_allowable_anchor_force_kN_per_m,util_kranz");
	if (check)
		fprintf(out, ",allowable_moment_kNm_per_m,util_moment");
	fputc('\n', out);
	for (int s = 0; s < res.n_stages; s++) {
		const sp_beam_stage_result_t *r = &res.stage[s];
		double af = 0;
		for (int i = 0; i < w->n_anchors; i++)
			if (w->stages[s].anchor_on[i] && fabs(r->anchor_force_kN_per_m[i]) > fabs(af))
				af = r->anchor_force_kN_per_m[i];
		fprintf(out, "%d,", s + 1);
		sp_csv_field_text(out, w->stages[s].name);
		if (r->status == SP_BEAM_OK)
			fprintf(out, ",ok,%.3f,%.3f,%.3f,%.3f", r->max_moment_kNm_per_m, r->max_shear_kN_per_m,
			        r->max_displacement_mm, af);
		else /* no results: no numbers */
			fprintf(out, ",failed,,,,");
		if (ai >= 0 && s == last)
			fprintf(out, ",%.3f,%.3f,%.3f,%d,%.3f,%.4f", slip, kr.allowable_kranz_kN_per_m, kr.allowable_long_kN_per_m,
			        kr.is_short, kr.allowable_kN_per_m, sp_kranz_utilisation(force, st->kranz_factor, &kr));
		else if (ai >= 0)
			fprintf(out, ",,,,,,");
		if (check && checked[s])
			fprintf(out, ",%.3f,%.4f", mc[s].allowable_moment_kNm_per_m, mc[s].util_moment);
		else if (check)
			fprintf(out, ",,");
		fputc('\n', out);
	}
	sp_beam_result_free(&res);
	return SP_OK;
}

int sp_cmd_analyze(const sp_cli_opts_t *o)
{
	sp_err_t err = {0};
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	int rc, said = 0;
	if ((rc = sp_cli_load(o->study, &st, &cat, &err)) != SP_OK)
		goto out;
	if (st->wall) /* the importer's notes: what it read but does not compute */
		sp_fixed_wall_notes(st->wall, st->path);
	/* a [design] verification checks the search's candidates: analyze one of them */
	if (st->wall_fixed && st->solver == NULL && st->verification == 0 && !o->profile && !o->grade && !o->length &&
	    !o->anchor && !o->outdir) {
		FILE *tmp = tmpfile();
		if (tmp == NULL) {
			rc = sp_err_set(&err, SP_ECANTCREAT, "cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
		if ((rc = S_fixed_wall(st, tmp, &err)) == SP_OK) {
			rewind(tmp);
			if (sp_csv_convert(tmp, stdout, sp_outfile_csv_dialect()) != SP_OK)
				rc = sp_err_set(&err, SP_EIO, "standard output: write error");
		}
		fclose(tmp);
		goto out;
	}
	if ((rc = sp_cli_narrow(st, cat, o, &err)) != SP_OK)
		goto out;
	if ((rc = sp_cli_trust_gate(o->study, st, o->trust_solver)) != SP_OK) { /* said; nothing run or written */
		said = 1;
		goto out;
	}
	sp_result_t r;
	if ((rc = sp_designs_one(st, cat, 0, o->outdir ? SP_CLI_DIAGRAM_STEP_M : 0.0, &a, &r, &err)) != SP_OK)
		goto out;
	if (o->outdir) {
		sp_outfile_t f;
		if ((rc = sp_outdir_prepare(o->outdir, o->force, &err)) || (rc = sp_outfile_open(&f, o->outdir, "diagrams.csv", &err)))
			goto out;
		sp_csv_diagram_header(f.fp);
		sp_csv_diagram_rows(f.fp, 1, 0, &a);
		if ((rc = sp_outfile_commit(&f, &err)) != SP_OK)
			goto out;
	}
	if (sp_outfile_csv_dialect() == SP_CSV_RFC4180) {
		sp_csv_results_header(stdout);
		sp_csv_results_row(stdout, st, &r);
	} else { /* through a temporary file, converted */
		FILE *tmp = tmpfile();
		if (tmp == NULL) {
			rc = sp_err_set(&err, SP_ECANTCREAT, "cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
		sp_csv_results_header(tmp);
		sp_csv_results_row(tmp, st, &r);
		rewind(tmp);
		rc = sp_csv_convert(tmp, stdout, sp_outfile_csv_dialect());
		fclose(tmp);
		if (rc != SP_OK) {
			rc = sp_err_set(&err, SP_EIO, "standard output: write error");
			goto out;
		}
	}
out:
	sp_analysis_free(&a);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc && !said ? sp_cli_fail(&err) : rc;
}
