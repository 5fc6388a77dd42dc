/* test_shi.c - the D-Sheet Piling .shi reader (shi.c).
 *
 * Data: the 39 D-Sheet Piling 24.1 benchmark input files (.shi) and their
 * results files (.shd) in data/dsheet/, from Deltares (GEOLib test data, MIT
 * licence, data/dsheet/LICENSE-GEOLib.txt). Every expected number below is
 * copied from the text of the .shi file named next to it, except the Cur
 * secant -> tangent check, whose expected values are the tangent moduli that
 * bm4-6b ("Comparison of tangent and secant modulus") gives for the secant
 * moduli of bm4-6a.
 *
 * Each benchmark either reads (SP_OK) or is refused with SP_EDATA naming
 * file:line and the feature; the .shd of each reads to the same result.
 * Malformed files are written to $TMPDIR (or /tmp) from bm1-1.shi. */
#include "shi.h"
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DIR "data/dsheet/"
#define REL 1e-9

static sp_wall_t w, w2; /* large: not on the stack */

static const struct {
	const char *name;
	const char *refused; /* NULL: supported; else a piece of the message */
} BENCH[] = {
	{"bm1-1", NULL},
	{"bm1-10", NULL},
	{"bm1-11", NULL},
	{"bm1-12", NULL},
	{"bm1-2", NULL},
	{"bm1-3", NULL},
	{"bm1-4", NULL},
	{"bm1-5", NULL},
	{"bm1-7", NULL},
	{"bm1-8", NULL},
	{"bm1-9", NULL},
	{"bm2-1", NULL},
	{"bm3-3", NULL},
	{"bm3-4", NULL},
	{"bm3-5a", NULL},
	{"bm3-5b", NULL},
	{"bm3-6", NULL},
	{"bm3-7a", NULL},
	{"bm3-7b", NULL},
	{"bm3-9", NULL},
	{"bm4-11a", NULL},
	{"bm4-11b", NULL},
	{"bm4-12a", NULL},
	{"bm4-12b", NULL},
	{"bm4-1a", NULL},
	{"bm4-1b", NULL},
	{"bm4-2a", NULL},
	{"bm4-2b", NULL},
	{"bm4-4a", NULL},
	{"bm4-4b", NULL},
	{"bm4-4c", NULL},
	{"bm4-5a", NULL},
	{"bm4-5b", NULL}, /* CalcFirstStageInitial=1: read since branch h-import2 */
	{"bm4-6a", NULL},
	{"bm4-6b", NULL},
	{"bm4-8a", NULL},
	{"bm4-8b", NULL},
	{"bm4-9a", NULL},
	{"bm4-9b", NULL},
};
#define N_BENCH ((int)(sizeof BENCH / sizeof BENCH[0]))

static int read_bench(const char *name, const char *ext, sp_wall_t *m, sp_err_t *err)
{
	char path[256];
	snprintf(path, sizeof path, DIR "%s.%s", name, ext);
	sp_wall_init(m);
	memset(err, 0, sizeof *err);
	return sp_shi_read(path, m, err);
}

/* err->text starts with "path:<digits>:" */
static int names_file_line(const sp_err_t *err, const char *path)
{
	size_t n = strlen(path);
	if (strncmp(err->text, path, n) != 0 || err->text[n] != ':')
		return 0;
	const char *p = err->text + n + 1;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == ':';
}

static void test_all_benchmarks(void)
{
	for (int k = 0; k < N_BENCH; k++) {
		sp_err_t err;
		char path[256], what[SP_MSG_MAX + 100];
		snprintf(path, sizeof path, DIR "%s.shi", BENCH[k].name);
		int rc = read_bench(BENCH[k].name, "shi", &w, &err);
		snprintf(what, sizeof what, "%s: %s", BENCH[k].name, rc == SP_OK ? "reads" : err.text);
		if (BENCH[k].refused == NULL) {
			INT_EQ(rc, SP_OK, what);
			OK(w.n_stages >= 1 && w.n_elements >= 1 && w.n_layers >= 1, what);
		} else {
			INT_EQ(rc, SP_EDATA, what);
			OK(names_file_line(&err, path), what);
			OK(strstr(err.text, BENCH[k].refused) != NULL, what);
		}
		/* the .shd starts with the same input block */
		sp_err_t err2;
		int rc2 = read_bench(BENCH[k].name, "shd", &w2, &err2);
		snprintf(what, sizeof what, "%s.shd reads as the .shi", BENCH[k].name);
		INT_EQ(rc2, rc, what);
		if (rc == SP_OK && rc2 == SP_OK) {
			OK(memcmp(&w.stages, &w2.stages, sizeof w.stages) == 0, what);
			OK(memcmp(&w.soils, &w2.soils, sizeof w.soils) == 0, what);
			OK(w.top_level_m == w2.top_level_m && w.n_layers == w2.n_layers, what);
		}
	}
}

/* SoilLambdaType 1 (Mueller-Breslau): D-Sheet computes Ka, K0, Kp from phi
 * and delta at full precision, the file holds them rounded. Tutorial-1.shd
 * (right side, clay phi 17, delta 11, gamma' 16 - 9.81 = 6.19 kN/m3): active
 * pressure rising 2.99880 kPa/m (Ka 0.48446), passive 14.44267 (Kp 2.33329),
 * neutral 4.38020 (K0 0.70763); the file: 0.48, 2.33, 0.71. bm4-33a.shd
 * (sand phi 30, delta 20, gamma' 10): passive 57.37452 kPa/m (Kp 5.73745),
 * file 5.74. Type 2 (Koetter) likewise from EN 1997-1 Annex C.2. Values
 * typed in are kept, but a typed Ka that is the two-decimal rounding of 1 / Kp
 * is 1 / Kp: bm4-10a (type 1, phi 30, delta 0, c 2 kPa) holds Ka 0.22, Kp
 * 4.50; its .shd's left side at -1.00 m (sigma_v' 14 kPa, dry above the
 * water) carries the active pressure 1.22549 kPa = Ka 14 - 2 c sqrt(Ka) with
 * Ka = 1 / 4.5 (0.22 would give 1.2038) and the passive 71.48528 = 4.5 x 14
 * + 2 c sqrt(4.5). A Ka that is no such rounding stays: bm1-12's sand (type
 * 1, delta 0, Ka 0.00, Kp 5.00) carries no active pressure in its .shd
 * (-2.10 m: 0 kPa beside a passive 117.13184); bm1-8 (type 1) keeps 0.14 (its
 * .shd's active pressure at -0.20 m, 0.14030 kPa at sigma_v' 1 kPa, is no 1 / 9.31);
 * type 0 as given: bm4-1a's Ka 0.33 with Kp 3.00, whose .shd carries 5.28 kPa
 * at -1.00 m (sigma_v' 16) = 0.33 x 16. */
static void test_lambda_types(void)
{
	sp_err_t err;
	INT_EQ(read_bench("Tutorial-1", "shi", &w, &err), SP_OK, "Tutorial-1 reads");
	DBL_REL(w.soils[0].ka, 2.99880 / 6.19, 2e-4, "Tutorial-1 clay: Ka 0.48446 as D-Sheet's active pressures");
	DBL_REL(w.soils[0].kp, 14.44267 / 6.19, 2e-4, "Tutorial-1 clay: Kp 2.33329 as D-Sheet's passive pressures");
	DBL_REL(w.soils[0].k0, 4.38020 / 6.19, 2e-4, "Tutorial-1 clay: K0 0.70763 as D-Sheet's neutral pressures");
	/* type 2 (Koetter): EN 1997-1 Annex C.2's Kn; D-Sheet used Ka 0.22456, Kp
	 * 6.8396 for Tutorial-1's sand (phi 35, delta 27; file 0.22, 6.84) */
	DBL_REL(w.soils[2].kp, 6.8396, 2e-5, "Tutorial-1 sand (Koetter, type 2): Kp 6.8396 as D-Sheet used");
	DBL_REL(w.soils[2].ka, 0.22456, 5e-5, "Tutorial-1 sand (Koetter, type 2): Ka 0.22456 as D-Sheet used");
	INT_EQ(read_bench("bm4-33a", "shi", &w, &err), SP_OK, "bm4-33a reads");
	DBL_REL(w.soils[1].kp, 57.37452 / 10.0, 2e-4, "bm4-33a sand: Kp 5.73745 as D-Sheet's passive pressures");
	INT_EQ(read_bench("bm4-10a", "shi", &w, &err), SP_OK, "bm4-10a reads");
	double ka = w.soils[0].ka;
	DBL_REL(ka * 14.0 - 2.0 * 2.0 * sqrt(ka), 1.22549, 1e-4,
	        "bm4-10a: Ka 0.22 typed in, the rounding of 1 / Kp: the .shd's active pressure at -1.00 m (1 / 4.5)");
	DBL_REL(w.soils[1].ka, 1.0 / 6.0, 1e-9, "bm4-10a Mat 2: Ka 0.17 typed in is 1 / 6.00");
	DBL_REL(w.soils[2].ka, 1.0 / 7.5, 1e-9, "bm4-10a Mat 3: Ka 0.13 typed in is 1 / 7.50");
	DBL_REL(w.soils[0].kp, 4.50, REL, "bm4-10a: Kp typed in kept");
	DBL_REL(w.soils[0].kp * 14.0 + 2.0 * 2.0 * sqrt(w.soils[0].kp), 71.48528, 1e-6,
	        "bm4-10a: the .shd's passive pressure at -1.00 m with Kp 4.50");
	INT_EQ(read_bench("bm1-12", "shi", &w, &err), SP_OK, "bm1-12 reads");
	DBL_ABS(w.soils[1].ka, 0.0, 0.0, "bm1-12 sand: Ka 0.00 (no rounding of 1 / 5.00) kept: no active pressure");
	INT_EQ(read_bench("bm1-8", "shi", &w, &err), SP_OK, "bm1-8 reads");
	DBL_REL(w.soils[0].ka, 0.14, REL, "bm1-8: Ka 0.14 typed in (not 1 / 9.31) kept");
	INT_EQ(read_bench("bm4-1a", "shi", &w, &err), SP_OK, "bm4-1a reads");
	DBL_REL(w.soils[0].ka * 16.0, 5.28, 1e-9, "bm4-1a (type 0): Ka 0.33 as given, the .shd's 5.28 kPa at -1.00 m");
}

static void test_bm1_1(void)
{
	sp_err_t err;
	INT_EQ(read_bench("bm1-1", "shi", &w, &err), SP_OK, "bm1-1 reads");
	OK(strcmp(w.name, "Benchmark D-Sheet Piling 1-1") == 0, "bm1-1 name");
	DBL_REL(w.top_level_m, 10.0, REL, "bm1-1 top");
	DBL_REL(w.length_m, 20.0, REL, "bm1-1 length");
	INT_EQ(w.n_elements, 1, "bm1-1 elements");
	DBL_REL(w.elements[0].ei_kNm2_per_m, 1042.0, REL, "bm1-1 EI");
	DBL_REL(w.elements[0].bottom_level_m, -10.0, REL, "bm1-1 element level");
	DBL_REL(w.elements[0].acting_width_m, 1.0, REL, "bm1-1 width");
	INT_EQ(w.n_soils, 1, "bm1-1 soils");
	const sp_wall_soil_t *s = &w.soils[0];
	OK(strcmp(s->name, "Springs") == 0, "bm1-1 soil name");
	DBL_REL(s->gamma_dry_kN_m3, 1.5, REL, "bm1-1 gamma dry");
	DBL_REL(s->gamma_wet_kN_m3, 1.8, REL, "bm1-1 gamma wet");
	DBL_REL(s->c_kPa, 100.0, REL, "bm1-1 c");
	DBL_REL(s->phi_deg, 40.0, REL, "bm1-1 phi");
	DBL_ABS(s->delta_deg, 0.0, 0.0, "bm1-1 delta");
	DBL_REL(s->ka, 0.1, REL, "bm1-1 Ka");
	DBL_REL(s->k0, 5.0, REL, "bm1-1 K0");
	DBL_REL(s->kp, 17.0, REL, "bm1-1 Kp");
	INT_EQ(w.n_branches, 1, "bm1-1 branches");
	DBL_REL(s->kh_top_kN_m3[0], 5.0, REL, "bm1-1 kh top");
	DBL_REL(s->kh_bottom_kN_m3[0], 5.0, REL, "bm1-1 kh bottom");
	DBL_REL(s->kh_unload_top_kN_m3, 1e4, REL, "bm1-1 kh unload (Kb0)");
	INT_EQ(w.n_layers, 1, "bm1-1 layers");
	DBL_REL(w.layers[0].top_level_m, 10.0, REL, "bm1-1 layer level");
	INT_EQ(w.layers[0].soil, 0, "bm1-1 layer soil");
	DBL_REL(w.gamma_water_kN_m3, 10.0, REL, "bm1-1 water unit weight");
	INT_EQ(w.n_line_loads, 1, "bm1-1 line loads");
	DBL_ABS(w.line_loads[0].level_m, 0.0, 0.0, "bm1-1 line load level");
	DBL_REL(w.line_loads[0].value, 10.0, REL, "bm1-1 line load value");
	INT_EQ(w.n_stages, 1, "bm1-1 stages");
	const sp_wall_stage_t *st = &w.stages[0];
	OK(strcmp(st->name, "Only stage benchmark 1-1") == 0, "bm1-1 stage name");
	INT_EQ(st->kmethod[SP_LEFT], SP_KMETHOD_GIVEN, "bm1-1 method left");
	INT_EQ(st->kmethod[SP_RIGHT], SP_KMETHOD_GIVEN, "bm1-1 method right");
	DBL_REL(st->surface_m[SP_LEFT], 10.0, REL, "bm1-1 surface left");
	DBL_REL(st->surface_m[SP_RIGHT], 10.0, REL, "bm1-1 surface right");
	DBL_REL(st->water_m[SP_LEFT], -11.0, REL, "bm1-1 water left");
	DBL_REL(st->water_m[SP_RIGHT], -11.0, REL, "bm1-1 water right");
	INT_EQ(st->line_load_on[0], 1, "bm1-1 line load on");
	INT_EQ(st->use_top_displacement, 0, "bm1-1 no top displacement");
	INT_EQ(w.reduce_delta, 1, "bm1-1 CalcReduceDeltas");
	INT_EQ(w.minor_nodes, 1, "bm1-1 CalcMinorNodesOn=1");
	/* bm4-13a.shi [CALCULATION OPTIONS]: CalcMinorNodesOn=0 */
	INT_EQ(read_bench("bm4-13a", "shi", &w, &err), SP_OK, "bm4-13a reads");
	INT_EQ(w.minor_nodes, 0, "bm4-13a CalcMinorNodesOn=0: slide planes at the major nodes only");
}

static void test_bm4_11a(void)
{
	sp_err_t err;
	INT_EQ(read_bench("bm4-11a", "shi", &w, &err), SP_OK, "bm4-11a reads (CRLF)");
	INT_EQ(w.n_anchors, 1, "bm4-11a anchors");
	const sp_wall_anchor_t *a = &w.anchors[0];
	OK(strcmp(a->name, "Pre-stressed anchor") == 0, "bm4-11a anchor name");
	DBL_REL(a->level_m, -10.0, REL, "bm4-11a anchor level");
	DBL_REL(a->e_kPa, 2.1e8, REL, "bm4-11a anchor E");
	DBL_REL(a->area_m2_per_m, 1e-4, REL, "bm4-11a anchor A");
	DBL_REL(a->length_m, 10.0, REL, "bm4-11a anchor length");
	DBL_REL(a->yield_force_kN_per_m, 500.0, REL, "bm4-11a anchor yield");
	DBL_REL(a->angle_deg, 60.0, REL, "bm4-11a anchor angle");
	INT_EQ(a->side, SP_LEFT, "bm4-11a anchor side 1 = left");
	INT_EQ(w.n_stages, 4, "bm4-11a stages");
	static const char *const load[4] = {NULL, "Force 50 kN", "Force 100 kN", "Force 200 kN"};
	for (int k = 0; k < 4; k++) {
		const sp_wall_stage_t *st = &w.stages[k];
		INT_EQ(st->anchor_on[0], 1, "bm4-11a anchor on");
		DBL_REL(st->anchor_prestress_kN_per_m[0], 200.0, REL, "bm4-11a prestress");
		int n_on = 0;
		for (int j = 0; j < w.n_line_loads; j++)
			if (st->line_load_on[j]) {
				n_on++;
				OK(load[k] != NULL && strcmp(w.line_loads[j].name, load[k]) == 0, "bm4-11a stage load");
			}
		INT_EQ(n_on, load[k] != NULL, "bm4-11a loads per stage");
	}
	OK(strcmp(w.stages[0].name, "Stage 1: Pre-tensionning") == 0, "bm4-11a stage 1 name");
	DBL_REL(w.stages[0].water_m[SP_LEFT], -20.0, REL, "bm4-11a water");
}

static void test_branches(void)
{
	sp_err_t err;
	INT_EQ(read_bench("bm3-3", "shi", &w, &err), SP_OK, "bm3-3 reads");
	INT_EQ(w.n_branches, 4, "bm3-3 branches");
	static const double kh[4] = {100, 500, 250, 400}, lam[3] = {25, 50, 75};
	for (int j = 0; j < 4; j++) {
		DBL_REL(w.soils[0].kh_top_kN_m3[j], kh[j], REL, "bm3-3 kh top");
		DBL_REL(w.soils[0].kh_bottom_kN_m3[j], kh[j], REL, "bm3-3 kh bottom");
	}
	for (int j = 0; j < 3; j++)
		DBL_REL(w.soils[0].branch_end_pct[j], lam[j], REL, "bm3-3 branch end");

	/* Cur (secant) moduli of bm4-6a equal the tangent moduli of bm4-6b */
	INT_EQ(read_bench("bm4-6a", "shi", &w, &err), SP_OK, "bm4-6a reads");
	INT_EQ(read_bench("bm4-6b", "shi", &w2, &err), SP_OK, "bm4-6b reads");
	INT_EQ(w.n_branches, 3, "bm4-6a branches");
	INT_EQ(w2.n_branches, 3, "bm4-6b branches");
	for (int j = 0; j < 3; j++) {
		DBL_REL(w.soils[0].kh_top_kN_m3[j], w2.soils[0].kh_top_kN_m3[j], 1e-4, "bm4-6a secant = bm4-6b tangent");
		DBL_REL(w.soils[0].kh_bottom_kN_m3[j], w2.soils[0].kh_bottom_kN_m3[j], 1e-4,
			"bm4-6a secant = bm4-6b tangent (bottom)");
	}
	DBL_REL(w.soils[0].branch_end_pct[0], 50, REL, "bm4-6a branch 1 end");
	DBL_REL(w.soils[0].branch_end_pct[1], 80, REL, "bm4-6a branch 2 end");
	DBL_REL(w2.soils[0].branch_end_pct[1], 80, REL, "bm4-6b branch 2 end");

	INT_EQ(read_bench("bm3-4", "shi", &w, &err), SP_OK, "bm3-4 reads");
	INT_EQ(w.unloading_curve, 1, "bm3-4 unloading curve");
	DBL_REL(w.soils[0].kh_unload_top_kN_m3, 50, REL, "bm3-4 Kb0");
	DBL_REL(w.soils[0].kh_unload_bottom_kN_m3, 50, REL, "bm3-4 Ko0");
	DBL_REL(w.soils[0].kh_top_kN_m3[0], 100, REL, "bm3-4 Kb1");
}

static void test_loads(void)
{
	sp_err_t err;
	INT_EQ(read_bench("bm1-4", "shi", &w, &err), SP_OK, "bm1-4 reads");
	INT_EQ(w.n_uniform_loads, 1, "bm1-4 uniform loads");
	OK(strcmp(w.uniform_loads[0].name, "Uniform load = 10 kN/m2") == 0, "bm1-4 uniform load name");
	DBL_REL(w.uniform_loads[0].left_kPa, 10.0, REL, "bm1-4 uniform left");
	DBL_REL(w.uniform_loads[0].right_kPa, 10.0, REL, "bm1-4 uniform right");
	for (int k = 0; k < w.n_stages; k++)
		INT_EQ(w.stages[k].uniform_load_on[0], 1, "bm1-4 uniform load on");

	INT_EQ(read_bench("bm3-7a", "shi", &w, &err), SP_OK, "bm3-7a reads");
	INT_EQ(w.n_surcharges, 1, "bm3-7a surcharges");
	INT_EQ(w.surcharges[0].n_points, 2, "bm3-7a points");
	DBL_ABS(w.surcharges[0].distance_m[0], 0.0, 0.0, "bm3-7a distance 1");
	DBL_REL(w.surcharges[0].value_kPa[0], 20.0, REL, "bm3-7a value 1");
	DBL_REL(w.surcharges[0].distance_m[1], 5.0, REL, "bm3-7a distance 2");
	DBL_ABS(w.surcharges[0].value_kPa[1], 0.0, 0.0, "bm3-7a value 2");
	INT_EQ(w.stages[0].surcharge_on[SP_LEFT][0], 1, "bm3-7a surcharge left");
	INT_EQ(w.stages[0].surcharge_on[SP_RIGHT][0], 1, "bm3-7a surcharge right");
	INT_EQ(w.stages[0].kmethod[SP_LEFT], SP_KMETHOD_CPHID, "bm3-7a c phi delta");

	INT_EQ(read_bench("bm1-3", "shi", &w, &err), SP_OK, "bm1-3 reads");
	INT_EQ(w.n_spring_supports, 1, "bm1-3 spring supports");
	DBL_REL(w.spring_supports[0].level_m, -5.0, REL, "bm1-3 spring level");
	DBL_ABS(w.spring_supports[0].rot_stiffness_kNm_per_rad_per_m, 0.0, 0.0, "bm1-3 spring rot");
	DBL_REL(w.spring_supports[0].trans_stiffness_kN_per_m_per_m, 10.0, REL, "bm1-3 spring trans");
	INT_EQ(w.n_rigid_supports, 1, "bm1-3 rigid supports");
	DBL_REL(w.rigid_supports[0].level_m, -10.0, REL, "bm1-3 rigid level");
	INT_EQ(w.rigid_supports[0].rot_fixed, 0, "bm1-3 rigid rot");
	INT_EQ(w.rigid_supports[0].trans_fixed, 1, "bm1-3 rigid trans");
	INT_EQ(w.n_moments, 1, "bm1-3 moments");
	DBL_ABS(w.moments[0].level_m, 0.0, 0.0, "bm1-3 moment level");
	DBL_REL(w.moments[0].value, 1.0, REL, "bm1-3 moment value");
	OK(strcmp(w.moments[0].name, "Moment = 1 kNm/m'") == 0, "bm1-3 moment name");
	INT_EQ(w.stages[0].spring_support_on[0], 1, "bm1-3 spring on");
	INT_EQ(w.stages[0].rigid_support_on[0], 1, "bm1-3 rigid on");
	INT_EQ(w.stages[0].moment_on[0], 1, "bm1-3 moment on");

	INT_EQ(read_bench("bm1-5", "shi", &w, &err), SP_OK, "bm1-5 reads");
	INT_EQ(w.n_normal_forces, 1, "bm1-5 normal forces");
	DBL_REL(w.normal_forces[0].at_top_kN, 10000.0, REL, "bm1-5 N top");
	DBL_REL(w.normal_forces[0].at_surface_left_kN, 10000.0, REL, "bm1-5 N left");
	DBL_REL(w.normal_forces[0].at_surface_right_kN, 10000.0, REL, "bm1-5 N right");
	DBL_REL(w.normal_forces[0].at_toe_kN, 8000.0, REL, "bm1-5 N toe");
	INT_EQ(w.stages[0].normal_force_on[0], 1, "bm1-5 normal force on");
	DBL_REL(w.stages[0].top_displacement_mm, 500.0, REL, "bm1-5 displacement 0.500 m");
	INT_EQ(w.stages[0].use_top_displacement, 0, "bm1-5 displacement not used");

	INT_EQ(read_bench("bm1-2", "shi", &w, &err), SP_OK, "bm1-2 reads");
	DBL_REL(w.stages[0].top_displacement_mm, 100.0, REL, "bm1-2 displacement 0.100 m");
	INT_EQ(w.stages[0].use_top_displacement, 1, "bm1-2 displacement used");
}

static void test_stages_and_sides(void)
{
	sp_err_t err;
	INT_EQ(read_bench("bm2-1", "shi", &w, &err), SP_OK, "bm2-1 reads (two equal profiles)");
	INT_EQ(w.n_stages, 4, "bm2-1 stages");
	static const double left[4] = {6, 4, 2, 0};
	for (int k = 0; k < 4; k++) {
		DBL_ABS(w.stages[k].water_m[SP_LEFT], left[k], 0.0, "bm2-1 water left");
		DBL_REL(w.stages[k].water_m[SP_RIGHT], 6.0, REL, "bm2-1 water right");
		INT_EQ(w.stages[k].uniform_load_on[0], 1, "bm2-1 uniform load on");
	}

	INT_EQ(read_bench("bm4-9a", "shi", &w, &err), SP_OK, "bm4-9a reads (Verification = TRUE)");
	INT_EQ(w.anchors[0].side, SP_RIGHT, "bm4-9a anchor side 2 = right");
	DBL_REL(w.anchors[0].angle_deg, -5.0, REL, "bm4-9a anchor angle");
	INT_EQ(read_bench("bm4-9b", "shi", &w, &err), SP_OK, "bm4-9b reads");
	DBL_REL(w.elements[0].acting_width_m, 2.0, REL, "bm4-9b acting width");

	INT_EQ(read_bench("bm3-5b", "shi", &w, &err), SP_OK, "bm3-5b reads");
	INT_EQ(w.n_struts, 1, "bm3-5b struts");
	DBL_REL(w.struts[0].yield_force_kN_per_m, 500.0, REL, "bm3-5b buckling force");
	DBL_REL(w.struts[0].angle_deg, -30.0, REL, "bm3-5b strut angle");
	INT_EQ(w.struts[0].side, SP_RIGHT, "bm3-5b strut side");
	INT_EQ(w.stages[0].strut_on[0], 1, "bm3-5b strut on");
	INT_EQ(read_bench("bm4-12a", "shi", &w, &err), SP_OK, "bm4-12a reads");
	DBL_REL(w.stages[0].strut_precompression_kN_per_m[0], 200.0, REL, "bm4-12a pre-compression");

	INT_EQ(read_bench("bm4-4c", "shi", &w, &err), SP_OK, "bm4-4c reads (mixed)");
	DBL_ABS(w.stages[0].surface_m[SP_LEFT], 0.0, 0.0, "bm4-4c surface left");
	DBL_REL(w.stages[0].surface_m[SP_RIGHT], -2.0, REL, "bm4-4c surface right");
	INT_EQ(w.stages[0].kmethod[SP_RIGHT], SP_KMETHOD_CPHID, "bm4-4c method");
	INT_EQ(w.stages[0].surcharge_on[SP_LEFT][0], 1, "bm4-4c surcharge left");
	INT_EQ(w.stages[0].surcharge_on[SP_RIGHT][0], 0, "bm4-4c no surcharge right");

	INT_EQ(read_bench("bm1-11", "shi", &w, &err), SP_OK, "bm1-11 reads (single pile)");
	/* Menard: D-Sheet's own moduli in bm1-10.shd [MODULUS OF SUBGRADE REACTION] */
	INT_EQ(read_bench("bm1-10", "shi", &w, &err), SP_OK, "bm1-10 reads (Menard)");
	INT_EQ(w.single_pile, 1, "bm1-10 is a single pile");
	static const double menard_kh[10] = {6.74916, 10.84454, 14.02369, 18.59789, 21.72725,
	                                     16.54412, 23.29213, 28.08453, 34.42836, 38.43828};
	for (int i = 0; i < 10 && i < w.n_layers; i++)
		DBL_REL(w.soils[w.layers[i].soil].kh_top_kN_m3[0], menard_kh[i], 1e-6, "bm1-10 Menard modulus of a layer");
	/* Brinch-Hansen: D-Sheet's own per-layer coefficients and adapted
	 * cohesion, bm1-12.shd [SOIL PROFILE FOR SINGLE PILE MODEL] (2 decimals) */
	INT_EQ(read_bench("bm1-12", "shi", &w, &err), SP_OK, "bm1-12 reads (Brinch-Hansen)");
	static const double bh_kp[3] = {3.09, 10.65, 6.62}, bh_c[3] = {35.38, 0.00, 104.58};
	INT_EQ(w.n_layers, 3, "bm1-12 has 3 layers");
	for (int i = 0; i < 3 && i < w.n_layers; i++) {
		const sp_wall_soil_t *so = &w.soils[w.layers[i].soil];
		DBL_ABS(so->kp, bh_kp[i], 0.005, "bm1-12 Brinch-Hansen K_p of a layer (D-Sheet, 2 decimals)");
		DBL_ABS(so->c_kPa, bh_c[i], 0.005, "bm1-12 Brinch-Hansen adapted cohesion of a layer (D-Sheet, 2 decimals)");
	}
}

/* ---- malformed files ----------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	if (b != NULL && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	if (b != NULL)
		b[n] = '\0', *len = (size_t)n;
	return b;
}

static char tmp_path[512];

static void write_tmp(const char *name, const char *text, size_t len)
{
	const char *dir = getenv("TMPDIR");
	/* the process id: two builds' suites (release and sanitizer) may run at once */
	snprintf(tmp_path, sizeof tmp_path, "%s/sp_test_shi_%ld_%s.shi", dir != NULL && *dir ? dir : "/tmp", (long)getpid(),
	         name);
	FILE *f = fopen(tmp_path, "wb");
	if (f == NULL)
		return;
	fwrite(text, 1, len, f);
	fclose(f);
}

/* Replace the first `from` in bm1-1.shi by `to`, read it, expect SP_EDATA
 * with "path:line:" (the line of the change when at_change) and `want`. */
static void provoke(const char *base, const char *name, const char *from, const char *to, const char *want,
		    int at_change)
{
	size_t len;
	char label[SP_MSG_MAX + 300];
	char *text = slurp(base, &len);
	OK(text != NULL, "read base file");
	if (text == NULL)
		return;
	char *at = strstr(text, from);
	snprintf(label, sizeof label, "%s: pattern present", name);
	OK(at != NULL, label);
	if (at == NULL) {
		free(text);
		return;
	}
	int line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	size_t nf = strlen(from), nt = strlen(to);
	char *out = malloc(len - nf + nt + 1);
	memcpy(out, text, (size_t)(at - text));
	memcpy(out + (at - text), to, nt);
	memcpy(out + (at - text) + nt, at + nf, len - (size_t)(at - text) - nf);
	write_tmp(name, out, len - nf + nt);
	free(out);
	free(text);

	sp_err_t err = {0};
	sp_wall_init(&w);
	int rc = sp_shi_read(tmp_path, &w, &err);
	snprintf(label, sizeof label, "%s: SP_EDATA (%s)", name, err.text);
	INT_EQ(rc, SP_EDATA, label);
	OK(names_file_line(&err, tmp_path), label);
	OK(strstr(err.text, want) != NULL, label);
	if (at_change) {
		char where[600];
		snprintf(where, sizeof where, "%s:%d:", tmp_path, line);
		OK(strncmp(err.text, where, strlen(where)) == 0, label);
	}
	remove(tmp_path);
}

static void test_malformed(void)
{
	const char *b = DIR "bm1-1.shi";
	provoke(b, "unknown_soil", "0.00 Springs\n", "0.00 Sprongs\n", "unknown soil 'Sprongs'", 1);
	provoke(b, "no_end_soil", "[END OF SOIL]\n", "", "[END OF SOIL]", 0);
	provoke(b, "no_end_model", "[END OF MODEL]\n", "", "[MODEL]", 0);
	provoke(b, "elements_99", "  1 Number of elements", " 99 Number of elements", "out of range 1..64", 1);
	provoke(b, "soils_0", "    1 = number of items\n[SOIL]", "    0 = number of items\n[SOIL]", "out of range", 1);
	provoke(b, "anchor_not_defined", "0              Anchors present", "1              Anchors present",
		"out of range 0..0", 1);
	provoke(b, "unknown_surface", "Surface 1\nSurface 2\nLevel", "Surface 1\nSurface 9\nLevel",
		"unknown surface 'Surface 9'", 0);
	provoke(b, "unknown_load", "         1 Line load\n", "         1 Line lode\n", "unknown item 'Line lode'", 1);
	provoke(b, "sloping",
		"  1     1 Surface 1\n0.00  Standard deviation\n  2  Distribution type\n"
		" Nr     X-coord     Value\n  1       0.00      10.00\n",
		"  1     2 Surface 1\n0.00  Standard deviation\n  2  Distribution type\n"
		" Nr     X-coord     Value\n  1       0.00      10.00\n  2       5.00      11.00\n",
		"sloping surface 'Surface 1' (line 209) needs the c, phi, delta method", 0);
	provoke(b, "sloping_back",
		"  1     1 Surface 1\n0.00  Standard deviation\n  2  Distribution type\n"
		" Nr     X-coord     Value\n  1       0.00      10.00\n",
		"  1     3 Surface 1\n0.00  Standard deviation\n  2  Distribution type\n"
		" Nr     X-coord     Value\n  1       0.00      10.00\n  2       5.00      11.00\n  3       4.00      11.00\n",
		"X coordinates must increase", 0);
	provoke(b, "two_points_count", "  1     1 Surface 1", "  1     2 Surface 1", "expected", 0);
	provoke(b, "bad_number", "SoilPhi=40.00", "SoilPhi=forty", "SoilPhi", 1);
	/* a plastic calculation is read since issue 19 (bm4-44a); a diaphragm wall's M-kappa diagram
	 * with its elasto-plastic branches since h-plastic-1 (engine/beam_bending.h); a diagram whose
	 * moments fall (plastic below elastic) is refused by name */
	provoke(DIR "ComplexProjects24.shi", "diepwand", "DiaphragmWallPosMomPlastic=44000.00",
		"DiaphragmWallPosMomPlastic=40000.00", "diaphragm wall positive moments must not be negative or fall", 0);
	/* per-stage verification acts only with Verification = TRUE (bm4-9a has it;
	 * bm3-11 and bm4-17d set StageVerify=1 without it and are read) */
	provoke(DIR "bm4-9a.shi", "verify_stage", "StageVerify=0", "StageVerify=1", "StageVerify=1 with Verification = TRUE",
		0);
	/* a design-length file with DesignType=0 (GEOLib's DesignType.REPRESENTATIVE: a
	 * design with representative values) is refused by name */
	provoke(b, "calc_type", "InputCalculationType=0", "InputCalculationType=1",
		"DesignType=0, a design of the length with representative values", 0);
	/* a design down to 0 m names the lengths */
	provoke(DIR "Tutorial-15a.shi", "design_to", "DesignPileLengthTo=12.00", "DesignPileLengthTo=0.00", "design lengths",
		0);
	provoke(b, "cpt", "Count=0", "Count=2", "CPT", 0);
	provoke(DIR "bm1-10.shi", "menard_type", "SoilSoilType=4", "SoilSoilType=7", "Menard needs SoilSoilType 0..4", 0);
	provoke(DIR "bm1-12.shi", "brinch_hansen_method", "         1          1 Method Left",
	        "         2          1 Method Left", "need one level surface at the same level on both sides", 0);

	provoke(b, "passive", "0              Passive side overrule", "3              Passive side overrule",
		"passive side overrule 3 is not 0, 1 or 2", 1);
	/* a combined wall (material 5) and the Wooden sheet piling option: D-Sheet computes
	 * them, but how it turns their properties into the beam's EI and moments is not in
	 * the sources at hand (the D-Sheet Piling manual's text on them could not be read;
	 * EN 1995-1-1 2.3.2.2 and 2.4.1 do not say which second moment of area, nor what
	 * kmod,E does): refused, naming the feature, the element and what to give instead */
	provoke(b, "material", "SheetPilingElementMaterialType=1", "SheetPilingElementMaterialType=5",
		"material type 5, a combined wall, is not supported", 0);
	provoke(b, "material_combined_named", "SheetPilingElementMaterialType=1", "SheetPilingElementMaterialType=5",
		"[COMBINED WALL]", 0);
	provoke(b, "material_combined_instead", "SheetPilingElementMaterialType=1", "SheetPilingElementMaterialType=5",
		"give the wall as user-defined elements (0)", 0);
	provoke(b, "material_6", "SheetPilingElementMaterialType=1", "SheetPilingElementMaterialType=6",
		"material type 6 is not one of D-Sheet Piling's", 0);
	/* the option refused at its [MODEL] line (at_change 1), naming the element
	 * and its wood properties as bm4-33a holds them (lines 180-188:
	 * WoodenSheetPilingElementKSys=1.15 ... KModE=0.80) */
	provoke(DIR "bm4-33a.shi", "wooden", "0 : Wooden sheet piling = FALSE", "1 : Wooden sheet piling = TRUE",
		"[MODEL] wooden sheet piling is not supported", 1);
	provoke(DIR "bm4-33a.shi", "wooden_values", "0 : Wooden sheet piling = FALSE",
		"1 : Wooden sheet piling = TRUE",
		"element 'Length 6000 x Thickness 60 (D50)', line 153: WoodenSheetPilingElementE=100000, "
		"CharacFlexuralStrength=0, KSys=1.15, KDef=2, Psi2Eff=1, MaterialFactor=1.3, KModFShort=0.65, "
		"KModFLong=0.5, KModE=0.8", 0);
	provoke(DIR "bm4-33a.shi", "wooden_unknown", "0 : Wooden sheet piling = FALSE", "1 : Wooden sheet piling = TRUE",
		"how D-Sheet Piling turns these into the beam's EI and allowable moment", 0);
	provoke(b, "unknown_section", "[WATER]\n", "[WATTER]\n", "unknown section [WATTER]", 1);
	provoke(b, "twice", "[WATER]\n", "[CPT LIST]\nCount=0\n[END OF CPT LIST]\n[WATER]\n", "appears twice", 1);
	provoke(b, "no_end_input", "[END OF INPUT DATA]", "", "[END OF INPUT DATA]", 0);
	provoke(b, "garbage_row", "  1       0.00      10.00      0          0     Line load",
		"  1       zero      10.00      0          0     Line load", "row 1", 1);
	provoke(DIR "bm3-5a.shi", "side_3", "2.00      1 Anchor", "2.00      3 Anchor", "Side 3 is not supported", 1);
	provoke(DIR "Tutorial-10.shi", "unknown_profile", "Right\n     0.000             Displacement",
		"Middle\n     0.000             Displacement",
		"unknown soil profile 'Middle'", 1);

	/* truncated: the first half of bm1-1.shi */
	size_t len;
	char *text = slurp(b, &len);
	if (text != NULL) {
		sp_err_t err = {0};
		for (size_t cut = 0; cut < len; cut += len / 97 + 1) {
			write_tmp("truncated", text, cut);
			sp_wall_init(&w);
			int rc = sp_shi_read(tmp_path, &w, &err);
			if (rc != SP_EDATA || !names_file_line(&err, tmp_path)) {
				INT_EQ(rc, SP_EDATA, "truncated file");
				OK(names_file_line(&err, tmp_path), err.text);
			} else {
				OK(1, "truncated file");
			}
		}
		/* CRLF line endings read the same */
		char *crlf = malloc(2 * len + 1);
		size_t n = 0;
		for (size_t k = 0; k < len; k++) {
			if (text[k] == '\n')
				crlf[n++] = '\r';
			crlf[n++] = text[k];
		}
		write_tmp("crlf", crlf, n);
		sp_wall_init(&w);
		INT_EQ(sp_shi_read(tmp_path, &w, &err), SP_OK, "CRLF bm1-1 reads");
		sp_wall_init(&w2);
		INT_EQ(sp_shi_read(b, &w2, &err), SP_OK, "bm1-1 reads");
		OK(memcmp(&w.soils, &w2.soils, sizeof w.soils) == 0 &&
			   memcmp(&w.stages, &w2.stages, sizeof w.stages) == 0,
		   "CRLF reads as LF");
		free(crlf);
		/* bytes that are not a .shi at all */
		for (size_t k = 0; k < len; k++)
			text[k] = (char)(((k * 2654435761u) >> 7) & 0x7f) | 1;
		write_tmp("garbage", text, len);
		sp_wall_init(&w);
		INT_EQ(sp_shi_read(tmp_path, &w, &err), SP_EDATA, "garbage refused");
		write_tmp("empty", text, 0);
		INT_EQ(sp_shi_read(tmp_path, &w, &err), SP_EDATA, "empty file refused");
		remove(tmp_path);
		free(text);
	}
	sp_err_t err = {0};
	INT_EQ(sp_shi_read(DIR "no-such-file.shi", &w, &err), SP_ENOINPUT, "missing file");
	OK(strstr(err.text, "no-such-file.shi") != NULL, "missing file named");
}

/* Tutorial-10.shi: a soil profile per side, "Left" (4 layers, the excess pore
 * pressure under the left side) and "Right"; the first stage's left profile
 * becomes the wall's layers, the right one its only other profile. */
static void test_profiles(void)
{
	sp_err_t err;
	INT_EQ(read_bench("Tutorial-10", "shi", &w, &err), SP_OK, "Tutorial-10 reads");
	INT_EQ(w.n_layers, 4, "Tutorial-10: the left profile's 4 layers are the wall's");
	DBL_REL(w.layers[2].excess_pore_bottom_kPa, 32.73, REL, "Tutorial-10: left layer 3 Wosp bottom 32.73");
	INT_EQ(w.n_profiles, 1, "Tutorial-10: one other profile");
	OK(strcmp(w.profiles[0].name, "Right") == 0, "Tutorial-10: named Right");
	INT_EQ(w.profiles[0].n_layers, 4, "Tutorial-10: Right has 4 layers");
	DBL_REL(w.profiles[0].layers[1].top_level_m, -1.0, REL, "Tutorial-10: Right layer 2 at -1.00");
	DBL_REL(w.profiles[0].layers[2].excess_pore_top_kPa, -30.0, REL, "Tutorial-10: Right layer 3 Wosp top -30");
	OK(strcmp(w.soils[w.profiles[0].layers[3].soil].name, "Sand") == 0, "Tutorial-10: Right layer 4 Sand");
	INT_EQ(w.stages[0].profile[SP_LEFT], 0, "Tutorial-10: stage 1 left on the wall's layers");
	INT_EQ(w.stages[0].profile[SP_RIGHT], 1, "Tutorial-10: stage 1 right on profile Right");
}

int main(void)
{
	test_all_benchmarks();
	test_bm1_1();
	test_lambda_types();
	test_bm4_11a();
	test_branches();
	test_loads();
	test_stages_and_sides();
	test_profiles();
	test_malformed();
	return sp_test_done("shi");
}
