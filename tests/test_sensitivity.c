/* test_sensitivity.c - [sensitivity] of the study file and sp_sens_run on the
 * example cantilever in sand (limit equilibrium, EC7 DA1-C2):
 * - the keys read back, and bad sections are reported with file:line;
 * - one parameter at a time, the direction of each change is known from
 *   the physics of a cantilever in sand (below);
 * - the row of the unchanged study equals an independent sp_designs_one;
 * - Monte Carlo gives the same numbers on 1 and 3 threads and for the same
 *   seed, other numbers for another seed, and numbers that collapse onto the
 *   unchanged design when the standard deviation is tiny. */
#define _XOPEN_SOURCE 700
#include "harness.h"

#include "candidate.h"
#include "catalogue.h"
#include "designs.h"
#include "sensitivity.h"
#include "study.h"
#include "study_read.h"

#include <gsl/gsl_errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

static char S_design[8192];

/* The cantilever study with absolute catalogue paths and `extra` appended,
 * written to a temporary file; returns its path (static buffer). */
static const char *S_study(const char *extra)
{
	static char path[64];
	char cat[PATH_MAX], gr[PATH_MAX];
	if (!realpath("../designs/profiles.csv", cat) || !realpath("../designs/grades.csv", gr))
		return NULL;
	snprintf(path, sizeof path, "/tmp/test_sensitivity_XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	FILE *fp = fdopen(fd, "w");
	const char *p = S_design;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p + 1) : strlen(p);
		if (strncmp(p, "catalogue = ", 12) == 0)
			fprintf(fp, "catalogue = %s\n", cat);
		else if (strncmp(p, "grades = grades.csv", 19) == 0)
			fprintf(fp, "grades = %s\n", gr);
		else
			fwrite(p, 1, n, fp);
		p += n;
	}
	fprintf(fp, "\n%s", extra);
	fclose(fp);
	return path;
}

static sp_study_t *S_read(const char *extra, sp_catalogue_t **cat, sp_err_t *err)
{
	const char *path = S_study(extra);
	if (path == NULL)
		return NULL;
	sp_study_t *st = sp_study_read(path, err);
	remove(path);
	if (st && cat) {
		*cat = sp_catalogue_read(st->catalogue_path, st->grades_path, err);
		if (*cat == NULL || sp_study_resolve(st, *cat, err) != SP_OK) {
			sp_study_free(st);
			return NULL;
		}
	}
	return st;
}

static size_t S_axis(char (*names)[SP_NAME_MAX], size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return n;
}

/* the row of design k for a parameter and sign (0 for summary rows) */
static const sp_sens_row_t *S_find(const sp_sens_t *s, size_t k, const char *param, int sign)
{
	for (size_t i = 0; i < s->n; i++) {
		const sp_sens_row_t *r = &s->rows[i];
		if (r->design == k && strcmp(r->parameter, param) == 0
		    && (sign == 0 || (sign < 0 ? r->change < 0 : r->change > 0)))
			return r;
	}
	return NULL;
}

static int S_same(const sp_sens_t *a, const sp_sens_t *b)
{
	return a->n == b->n && a->n > 0 && memcmp(a->rows, b->rows, a->n * sizeof *a->rows) == 0;
}

int main(void)
{
	gsl_set_error_handler_off();
	FILE *fp = fopen("../designs/cantilever-excavation-sand.ini", "r");
	OK(fp != NULL, "example cantilever study opens");
	if (fp == NULL)
		return sp_test_done("test_sensitivity");
	S_design[fread(S_design, 1, sizeof S_design - 1, fp)] = '\0';
	fclose(fp);
	sp_err_t err = {0, ""};

	/* ---- the study file ---- */
	sp_study_t *st = S_read("", NULL, &err);
	OK(st && !st->sensitivity.enabled, "no [sensitivity]: not enabled");
	sp_study_free(st);
	st = S_read("[sensitivity]\ntop = 2\nsamples = 50\nseed = 7\nphi_deg = 2.5\nwater_excavation_m = 0.25\n", NULL,
	            &err);
	OK(st != NULL, "[sensitivity] reads");
	if (st) {
		OK(st->sensitivity.enabled, "enabled");
		INT_EQ(st->sensitivity.top, 2, "top");
		INT_EQ(st->sensitivity.samples, 50, "samples");
		INT_EQ(st->sensitivity.seed, 7, "seed");
		DBL_ABS(st->sensitivity.amount[SP_SENS_PHI], 2.5, 0, "phi_deg");
		DBL_ABS(st->sensitivity.amount[SP_SENS_WATER_EXCAVATION], 0.25, 0, "water_excavation_m");
		DBL_ABS(st->sensitivity.amount[SP_SENS_C], 0, 0, "c_kPa not given: 0");
	}
	sp_study_free(st);
	st = S_read("[sensitivity]\ntop = 2\n", NULL, &err);
	OK(st == NULL && err.code == SP_EDATA && strstr(err.text, "give at least one amount"),
	   "[sensitivity] without an amount is an error");
	/* the example has 65 lines, then a blank line: the header is line 67 */
	OK(st == NULL && strstr(err.text, ":67: [sensitivity]") != NULL, "... naming the header's line (67)");
	st = S_read("[sensitivity]\nphi_deg = 25\n", NULL, &err);
	OK(st == NULL && strstr(err.text, "key 'phi_deg'") && strstr(err.text, "out of range"),
	   "phi_deg beyond 20 deg is out of range");
	st = S_read("[sensitivity]\nphi = 2\n", NULL, &err);
	OK(st == NULL && strstr(err.text, "unknown key 'phi'"), "an unknown key is named");
	st = S_read("[sensitivity]\nphi_deg = 2\ntop = 0\n", NULL, &err);
	OK(st == NULL && strstr(err.text, "key 'top'"), "top = 0 is an error");

	/* ---- one parameter at a time ---- */
	sp_catalogue_t *cat = NULL;
	st = S_read("[sensitivity]\ntop = 2\nphi_deg = 2\nc_kPa = 3\nsurcharge_kPa = 10\nwater_retained_m = 0.5\n", &cat,
	            &err);
	OK(st != NULL, "study with one-at-a-time sensitivity reads");
	if (st == NULL) {
		printf("%s\n", err.text);
		return sp_test_done("test_sensitivity");
	}
	/* two designs, picked by hand: AZ 18-700 S355GP 10 m and PU 22 S270GP 9 m (cantilevers) */
	size_t ids[2] = {
		sp_candidate_id(st, S_axis(st->profiles, st->n_profiles, "AZ 18-700"),
		                S_axis(st->grades, st->n_grades, "S355GP"), (size_t)((10.0 - 6.0) / 0.25), 0),
		sp_candidate_id(st, S_axis(st->profiles, st->n_profiles, "PU 22"), S_axis(st->grades, st->n_grades, "S270GP"),
		                (size_t)((9.0 - 6.0) / 0.25), 0)};
	sp_result_t best[2];
	sp_analysis_t a[2];
	memset(a, 0, sizeof a);
	for (int i = 0; i < 2; i++)
		OK(sp_designs_one(st, cat, ids[i], 0, &a[i], &best[i], &err) == SP_OK, "the designs evaluate");
	OK(strcmp(st->profiles[best[0].cand.profile], "AZ 18-700") == 0 && st->lengths_m[best[0].cand.length] == 10.0,
	   "design 1 is AZ 18-700, 10 m");
	OK(best[0].checks.util_bending > 0.05, "design 1 is loaded in bending");
	sp_sens_t s1 = {0}, s3 = {0};
	OK(sp_sens_run(st, cat, best, 2, 1, &s1, &err) == SP_OK, "one at a time runs");
	/* per design: none, 4 parameters x (-, +), all */
	INT_EQ(s1.n, 2 * (1 + 8 + 1), "rows: none, 8 changes and all per design");
	INT_EQ(s1.analyses, 2 * 9, "analyses: 2 designs x (8 changes + unchanged)");
	for (size_t k = 0; k < 2; k++) {
		const sp_sens_row_t *none = S_find(&s1, k, "none", 0);
		OK(none != NULL, "row 'none'");
		if (none == NULL)
			continue;
		/* the unchanged study gives the design's own utilisations */
		DBL_ABS(none->base[SP_SENS_U_BENDING], best[k].checks.util_bending, 1e-12, "base bending = sp_designs_one");
		DBL_ABS(none->base[SP_SENS_U_EMBEDMENT], best[k].checks.util_embedment, 1e-12, "base embedment = sp_designs_one");
		DBL_ABS(none->base[SP_SENS_U_MAX], best[k].checks.util_max, 1e-12, "base util_max = sp_designs_one");
		/* Physics of a cantilever in sand: a larger phi' lowers Ka and raises Kp,
		 * so the active load falls and the passive resistance grows: the
		 * moment and the embedment needed fall. A larger c' lowers the active
		 * and raises the passive pressure (same direction). More surcharge
		 * and a higher water level behind the wall (net water pressure) load
		 * the wall more: both go up. */
		double b = none->base[SP_SENS_U_BENDING], e = none->base[SP_SENS_U_EMBEDMENT];
		const sp_sens_row_t *r;
		OK((r = S_find(&s1, k, "phi_deg", +1)) && r->mean[SP_SENS_U_BENDING] < b, "phi' + 2: bending falls");
		OK(r && r->mean[SP_SENS_U_EMBEDMENT] < e, "phi' + 2: embedment falls");
		OK(r && fabs(r->change - 2) < 1e-12 && r->samples == 1, "phi' + 2: change and samples");
		OK((r = S_find(&s1, k, "phi_deg", -1)) && r->mean[SP_SENS_U_BENDING] > b, "phi' - 2: bending rises");
		OK((r = S_find(&s1, k, "c_kPa", +1)) && r->mean[SP_SENS_U_BENDING] < b, "c' + 3: bending falls");
		OK((r = S_find(&s1, k, "c_kPa", -1)) && fabs(r->mean[SP_SENS_U_BENDING] - b) < 1e-12,
		   "c' - 3 from c' = 0: clamped at 0, no change");
		OK((r = S_find(&s1, k, "surcharge_kPa", +1)) && r->mean[SP_SENS_U_BENDING] > b, "surcharge + 10: bending rises");
		OK((r = S_find(&s1, k, "surcharge_kPa", -1)) && r->mean[SP_SENS_U_BENDING] < b, "surcharge - 10: bending falls");
		OK((r = S_find(&s1, k, "water_retained_m", +1)) && r->mean[SP_SENS_U_BENDING] >= b,
		   "retained water + 0.5 m: bending does not fall");
		const sp_sens_row_t *all = S_find(&s1, k, "all", 0);
		OK(all && all->samples == 8, "row 'all' over 8 changes");
		OK(all && all->min[SP_SENS_U_BENDING] <= S_find(&s1, k, "phi_deg", +1)->mean[SP_SENS_U_BENDING]
		       && all->max[SP_SENS_U_BENDING] >= S_find(&s1, k, "phi_deg", -1)->mean[SP_SENS_U_BENDING],
		   "'all' spans the changes");
		OK(all && all->fail_fraction >= 0 && all->fail_fraction <= 1, "fail fraction in [0, 1]");
	}
	OK(sp_sens_run(st, cat, best, 2, 3, &s3, &err) == SP_OK && S_same(&s1, &s3), "one at a time: 1 and 3 threads agree");
	sp_sens_free(&s1);
	sp_sens_free(&s3);

	/* ---- Monte Carlo ---- */
	st->sensitivity.samples = 64;
	st->sensitivity.seed = 12345;
	sp_sens_t m1 = {0}, m3 = {0}, again = {0}, other = {0};
	OK(sp_sens_run(st, cat, best, 2, 1, &m1, &err) == SP_OK, "Monte Carlo, 1 thread");
	OK(sp_sens_run(st, cat, best, 2, 3, &m3, &err) == SP_OK, "Monte Carlo, 3 threads");
	OK(S_same(&m1, &m3), "Monte Carlo: identical numbers on 1 and 3 threads");
	OK(sp_sens_run(st, cat, best, 2, 2, &again, &err) == SP_OK && S_same(&m1, &again), "same seed, same numbers");
	st->sensitivity.seed = 54321;
	OK(sp_sens_run(st, cat, best, 2, 1, &other, &err) == SP_OK && !S_same(&m1, &other), "another seed, other numbers");
	INT_EQ(m1.n, 2 * 2, "rows: none and monte-carlo per design");
	const sp_sens_row_t *mc = S_find(&m1, 0, "monte-carlo", 0);
	OK(mc && mc->samples == 64, "64 samples");
	OK(mc && mc->min[SP_SENS_U_BENDING] < mc->base[SP_SENS_U_BENDING]
	       && mc->max[SP_SENS_U_BENDING] > mc->base[SP_SENS_U_BENDING],
	   "the samples spread on both sides of the unchanged design");
	sp_sens_free(&m1);
	sp_sens_free(&m3);
	sp_sens_free(&again);
	sp_sens_free(&other);
	/* a tiny standard deviation: every sample is the unchanged design */
	for (int p = 0; p < SP_SENS_N; p++)
		st->sensitivity.amount[p] = p == SP_SENS_PHI ? 1e-9 : 0;
	OK(sp_sens_run(st, cat, best, 2, 2, &m1, &err) == SP_OK, "Monte Carlo, tiny deviation");
	mc = S_find(&m1, 1, "monte-carlo", 0);
	OK(mc && fabs(mc->min[SP_SENS_U_MAX] - mc->base[SP_SENS_U_MAX]) < 1e-6
	       && fabs(mc->max[SP_SENS_U_MAX] - mc->base[SP_SENS_U_MAX]) < 1e-6,
	   "tiny deviation: min and max equal the unchanged design");
	OK(mc && mc->fail_fraction == (best[1].status == SP_CAND_OK ? 0.0 : 1.0),
	   "tiny deviation: fails exactly when the unchanged design fails");
	sp_sens_free(&m1);

	/* disabled: nothing */
	st->sensitivity.enabled = 0;
	OK(sp_sens_run(st, cat, best, 2, 2, &m1, &err) == SP_OK && m1.n == 0, "not enabled: no rows");
	for (int i = 0; i < 2; i++)
		sp_analysis_free(&a[i]);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return sp_test_done("test_sensitivity");
}
