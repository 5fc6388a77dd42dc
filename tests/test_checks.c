/* test_checks.c - the code checks (engine/checks.c) with numbers that are no
 * result: a NaN in any utilisation never makes a candidate feasible (fmax,
 * which drops a NaN, once let it), the ranges an analysis' numbers from
 * outside must lie in, and what results.csv makes of a NaN or 1e300 (an
 * empty field or the number, never a float-to-integer conversion that does
 * not fit: undefined behaviour, caught by -fsanitize=float-cast-overflow).
 *
 * The design: the subgrade quay study (anchor capacity 900 kN, deflection
 * limit 60 mm, mobilised limit 70 %), a Z-pile with W_el = 2385 cm3/m of
 * S355 (M_c,Rd = 2385 x 355e-3 / gamma_M0 kNm/m) and numbers well inside
 * every limit, so that each check can only fail through the NaN put in. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "checks.h"
#include "csv_out.h"
#include "study_read.h"

#include <stddef.h>
#include <stdlib.h>

static const sp_study_t *S_st;
static sp_profile_t S_p;
static sp_grade_t S_g;
static sp_anchor_option_t S_anchor;
static double S_length;

static sp_analysis_t S_good(void)
{
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	a.ok = 1;
	a.has_displacement = 1;
	a.embedment_required_m = a.embedment_equilibrium_m = 1.2385;
	a.max_moment_kNm_per_m = 123.85;
	a.max_moment_level_m = -2.385;
	a.max_shear_kN_per_m = 98.7;
	a.anchor_force_kN_per_m = 23.85;
	a.max_displacement_mm = a.top_displacement_mm = 12.385;
	a.mobilised_passive_pct = 23.85;
	return a;
}

static void S_run(const sp_analysis_t *a, sp_checks_t *k)
{
	memset(k, 0, sizeof *k);
	sp_checks_run(S_st, &S_p, &S_g, S_length, &S_anchor, a, k);
}

static void test_nan_never_feasible(void)
{
	sp_checks_t k;
	sp_analysis_t a = S_good();
	S_run(&a, &k);
	INT_EQ(k.feasible, 1, "the design inside every limit is feasible");
	OK(isfinite(k.util_max) && k.util_max > 0 && k.util_max <= 1, "its util_max is a number in (0, 1]");
	OK(k.util_bending > 0 && k.util_embedment > 0 && k.util_anchor > 0 && k.util_deflection > 0
	   && k.util_mobilised > 0, "each of the five checks is made");
	/* each utilisation NaN in turn, through the analysis number it is made of */
	static const struct {
		const char *name;
		int field; /* sp_checks_number */
		size_t util; /* offset of the utilisation */
	} t[] = {
		{"bending (max_moment NaN)", 2, offsetof(sp_checks_t, util_bending)},
		{"embedment (embedment_required NaN)", 0, offsetof(sp_checks_t, util_embedment)},
		{"anchor (anchor_force NaN)", 5, offsetof(sp_checks_t, util_anchor)},
		{"deflection (max_displacement NaN)", 6, offsetof(sp_checks_t, util_deflection)},
		{"mobilised (mobilised_passive NaN)", 8, offsetof(sp_checks_t, util_mobilised)},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char name[160];
		a = S_good();
		*sp_checks_number(&a, t[i].field) = NAN;
		S_run(&a, &k);
		double u = *(const double *)((const char *)&k + t[i].util);
		snprintf(name, sizeof name, "NaN utilisation of %s: the utilisation is NaN", t[i].name);
		OK(isnan(u), name);
		snprintf(name, sizeof name, "NaN utilisation of %s: util_max is NaN, not the largest of the others",
		         t[i].name);
		OK(isnan(k.util_max), name);
		snprintf(name, sizeof name, "NaN utilisation of %s: not feasible", t[i].name);
		INT_EQ(k.feasible, 0, name);
	}
	/* an infinite or negative-infinite moment: capped or zero, never feasible by a NaN */
	a = S_good();
	a.max_moment_kNm_per_m = INFINITY;
	S_run(&a, &k);
	INT_EQ(k.feasible, 0, "an infinite moment is not feasible");
	DBL_ABS(k.util_bending, SP_UTIL_CAP, 0, "an infinite moment: util_bending at the cap");
	/* the same NaN as the last utilisation only (the order of the max) */
	a = S_good();
	a.mobilised_passive_pct = NAN;
	a.max_moment_kNm_per_m = 1e6; /* util_bending at the cap: larger than the NaN's neighbours */
	S_run(&a, &k);
	OK(isnan(k.util_max) && k.feasible == 0, "a NaN after the largest utilisation is not dropped either");
}

static void test_number_ranges(void)
{
	INT_EQ(SP_CHECKS_N_NUMBERS, 9, "nine numbers");
	OK(strcmp(sp_checks_number_names[2], "max_moment_kNm_per_m") == 0, "names in the result file's order");
	sp_analysis_t a = S_good();
	OK(sp_checks_number(&a, 7) == &a.top_displacement_mm, "number 7 is the top displacement");
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++) {
		char name[96];
		snprintf(name, sizeof name, "%s: the good design's value is in range", sp_checks_number_names[k]);
		OK(sp_checks_number_range(k, *sp_checks_number(&a, k)) == NULL, name);
		snprintf(name, sizeof name, "%s: NaN, inf, -inf, 1e300 and -1e300 are not", sp_checks_number_names[k]);
		OK(sp_checks_number_range(k, NAN) && sp_checks_number_range(k, INFINITY)
		   && sp_checks_number_range(k, -INFINITY) && sp_checks_number_range(k, 1e300)
		   && sp_checks_number_range(k, -1e300), name);
	}
	OK(sp_checks_number_range(0, -0.5) != NULL, "a negative required embedment is refused");
	OK(sp_checks_number_range(2, -123.85) != NULL, "a negative largest |moment| is refused (it would check as 0)");
	OK(sp_checks_number_range(5, -1) != NULL, "a negative anchor force is refused (it would check as 0)");
	OK(sp_checks_number_range(2, 1e9) == NULL && sp_checks_number_range(2, 1.000001e9) != NULL,
	   "|moment| up to 1e9 kNm/m");
	OK(sp_checks_number_range(3, -1e4) == NULL && sp_checks_number_range(3, -10001) != NULL,
	   "the level of the largest moment within +-1e4 m");
	OK(sp_checks_number_range(0, 0) == NULL && sp_checks_number_range(0, -0.0) == NULL, "an embedment of 0 is one");
	OK(strstr(sp_checks_number_range(2, NAN), "1e9") != NULL, "the refusal says the range");
}

/* field i of a CSV row without commas inside quotes, into buf */
static const char *S_field(const char *row, int i, char *buf, size_t size)
{
	while (i-- > 0 && (row = strchr(row, ',')) != NULL)
		row++;
	size_t n = row ? strcspn(row, ",\r") : 0;
	n = n < size - 1 ? n : size - 1;
	memcpy(buf, row ? row : "", n);
	buf[n] = '\0';
	return buf;
}

/* results.csv's row of a result whose numbers are NaN or out of the
 * fixed-point range: fields, not garbage, and no undefined behaviour */
static void test_csv_row(void)
{
	sp_analysis_t a = S_good();
	a.max_moment_kNm_per_m = 1e300;
	a.max_shear_kN_per_m = -1e300;
	sp_result_t r;
	memset(&r, 0, sizeof r);
	r.analysis = &a;
	S_run(&a, &r.checks);
	r.checks.util_max = NAN;
	r.checks.util_anchor = INFINITY;
	r.status = SP_CAND_INFEASIBLE;
	char buf[SP_CSV_ROW_MAX + 1];
	size_t n = sp_csv_results_format(buf, S_st, &r);
	OK(n > 0 && n < SP_CSV_ROW_MAX, "the row fits");
	buf[n] = '\0';
	OK(strstr(buf, ",1.0000000000000001e+300,") != NULL, "a moment of 1e300 is written as the number it is");
	OK(strstr(buf, ",-1.0000000000000001e+300,") != NULL, "so is a shear of -1e300");
	int commas = 0;
	for (const char *p = buf; *p; p++)
		commas += *p == ',';
	INT_EQ(commas, 39, "40 fields, as the header (the last three: Kranz allowable force, util_kranz, util_heave)");
	char f[32];
	OK(strcmp(S_field(buf, 11, f, sizeof f), "1.0000000000000001e+300") == 0, "max_moment_kNm_per_m: 1e300");
	OK(strcmp(S_field(buf, 16, f, sizeof f), "-1.0000000000000001e+300") == 0, "max_shear_kN_per_m: -1e300");
	OK(strcmp(S_field(buf, 20, f, sizeof f), "999.0000") == 0, "util_bending at the cap");
	OK(strcmp(S_field(buf, 22, f, sizeof f), "") == 0, "an infinite util_anchor: an empty field");
	OK(strcmp(S_field(buf, 23, f, sizeof f), "") == 0, "a NaN util_max: an empty field");
	OK(strcmp(S_field(buf, 24, f, sizeof f), "0.0") == 0, "the field after them where it belongs");
	OK(strstr(buf, "nan") == NULL && strstr(buf, ",inf") == NULL && strstr(buf, ",-inf") == NULL, "no nan or inf text");
}

int main(void)
{
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read("../designs/anchored-quay-wall-subgrade.ini", &err);
	OK(st != NULL, "the subgrade quay study reads");
	if (st == NULL)
		return sp_test_done("checks");
	S_st = st;
	S_p.shape = SP_SHAPE_Z;
	S_p.w_el_cm3_per_m = 2385;
	/* the geometry of AZ 26-700 (designs/profiles.csv), for the shear check and the class */
	S_p.width_mm = 700, S_p.height_mm = 460, S_p.area_cm2_per_m = 187.2, S_p.inertia_cm4_per_m = 59720;
	S_p.t_flange_mm = S_p.t_web_mm = 12.2;
	S_g.fy_MPa = 355;
	S_g.E_MPa = 210000;
	S_anchor.anchored = 1;
	S_anchor.level_m = st->top_of_wall_m - 1.5;
	S_length = st->top_of_wall_m - st->excavation_level_m + 6.0; /* 6 m below the excavation */
	OK(st->anchor_capacity_kN > 0 && st->deflection_limit_mm > 0 && st->mobilised_limit_pct > 0,
	   "the study has an anchor capacity, a deflection and a mobilised limit");
	test_nan_never_feasible();
	test_number_ranges();
	test_csv_row();
	sp_study_free(st);
	return sp_test_done("checks");
}
