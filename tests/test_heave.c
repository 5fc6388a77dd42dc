/* test_heave.c - hydraulic heave (engine/heave.c).
 *
 * Sources of the expected values:
 * - the flow around a single sheet pile driven to depth d into a homogeneous,
 *   infinitely deep layer: M. E. Harr, Groundwater and Seepage (McGraw-Hill
 *   1962, Dover 1991), ch. 5; the head at the toe is half the head difference
 *   (the toe lies on the line of symmetry of the flow) and the exit gradient
 *   at the wall is i_E = H / (pi d), the b = 0 case of the exit gradient of a
 *   floor with a cut-off at its downstream end, i_E = H / (pi d sqrt(lambda)),
 *   lambda = (1 + sqrt(1 + (b/d)^2)) / 2 (Khosla, Bose & Taylor 1936, the form
 *   used as i_E(B, h_w, d) in the Bond & Harris example below);
 * - the EN 1997-1 HYD verification of Bond & Harris, Decoding Eurocode 7
 *   (Taylor & Francis 2008), worked example on heave behind a cut-off,
 *   printed values read from the eurocode.us copy (info-wjx.html,
 *   info-trr.html): u_k = 40.6 kPa, sigma_k = 62.4 kPa, S_k = 9.2 kN,
 *   G'_k = 31 kN (A = 1 m2) with gamma_G,dst = 1.35 and gamma_G,stb = 0.9 give
 *   u_d = 54.8 kPa, sigma_d = 56.2 kPa, S_d = 12.4 kN, G'_d = 27.9 kN;
 * - the same book (eurocode.us, v-lwl.html): the HYD factors are "equivalent
 *   to a global factor of 1.5 on the critical hydraulic gradient"
 *   (1.35 / 0.9 = 1.5), so 2.9b is just met at i = i_crit / 1.5.
 * The prism's mean excess head, h_a = 0.353961 H for a prism of depth d and
 * width d/2, is Harr's potential integrated over the prism's base; the test
 * integrates it independently (midpoint rule, 20000 strips). */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "heave.h"
#include "sp.h"
#include "study_read.h"

#include <stdlib.h>

static int S_verbose;

static void test_closed_form(void)
{
	const double d = 4.385; /* penetration, m */
	/* Harr: half the head difference at the toe */
	DBL_ABS(sp_heave_excess_fraction(0.0, d, d), 0.5, 1e-12, "toe: excess head H/2 (Harr)");
	/* below the toe, on the line of symmetry, the head stays H/2 */
	DBL_ABS(sp_heave_excess_fraction(0.0, 2.385 * d, d), 0.5, 1e-12, "below the toe: H/2 on the symmetry line");
	/* Harr: exit gradient H/(pi d) at the wall; 1e-6 m steps give the slope
	 * to about 1e-6 of itself (the head is sin-like there, error ~ (y/d)^2) */
	double dy = 1e-6;
	DBL_REL(sp_heave_excess_fraction(1e-12, dy, d) / dy, 1.0 / (SP_PI * d), 1e-5,
	        "exit gradient at the wall H/(pi d) (Harr; Khosla b = 0)");
	/* the downstream surface is the equipotential of the downstream head */
	DBL_ABS(sp_heave_excess_fraction(2.385, 0.0, d), 0.0, 1e-15, "downstream surface: no excess head");
	/* along the downstream face the same potential reads (1/pi) arcsin(y/d) */
	for (double y = 0.5; y < d; y += 0.75)
		DBL_ABS(sp_heave_excess_fraction(0.0, y, d), asin(y / d) / SP_PI, 1e-12, "face: (1/pi) arcsin(y/d)");
	/* the head is harmonic (Laplace) inside the flow domain */
	double h = 1e-3, x = 1.2385, y = 3.1;
	double lap = (sp_heave_excess_fraction(x + h, y, d) + sp_heave_excess_fraction(x - h, y, d)
	              + sp_heave_excess_fraction(x, y + h, d) + sp_heave_excess_fraction(x, y - h, d)
	              - 4.0 * sp_heave_excess_fraction(x, y, d)) / (h * h);
	DBL_ABS(lap, 0.0, 1e-4, "the potential satisfies Laplace's equation");
	/* scale-free: the same fraction at the same x/d, y/d */
	DBL_ABS(sp_heave_excess_fraction(0.5, 1.0, 1.0), sp_heave_excess_fraction(0.5 * d, d, d), 1e-12,
	        "depends on x/d and y/d only");
	OK(isnan(sp_heave_excess_fraction(0.5, 1.0, 0.0)), "no penetration: NaN");
}

static void test_bond_harris(void)
{
	/* Decoding Eurocode 7, heave at a cut-off: characteristic values in, the
	 * printed design values out; printed to 3 figures: 0.07 covers the
	 * rounding of the inputs (0.05 x 1.35) and of the printed result */
	sp_heave_verify_t v;
	sp_heave_verify(40.6, 62.4, 9.2, 31.0, 1.35, 0.9, &v);
	DBL_ABS(v.u_dst_d_kPa, 54.8, 0.07 + 0.05, "u_dst,d = 54.8 kPa (Bond & Harris)");
	DBL_ABS(v.sigma_stb_d_kPa, 56.2, 0.05 + 0.05, "sigma_stb,d = 56.2 kPa (Bond & Harris)");
	DBL_ABS(v.s_dst_d_kN_per_m, 12.4, 0.07 + 0.05, "S_dst,d = 12.4 kN (Bond & Harris)");
	DBL_ABS(v.g_stb_d_kN_per_m, 27.9, 0.05 + 0.05, "G'_stb,d = 27.9 kN (Bond & Harris)");
	/* the degrees of utilisation from the printed design values */
	DBL_REL(v.util_stress, 54.8 / 56.2, 0.003, "2.9a utilisation 54.8 / 56.2 = 0.975");
	DBL_REL(v.util_force, 12.4 / 27.9, 0.006, "2.9b utilisation 12.4 / 27.9 = 0.444");
	/* a global factor 1.5 on i_crit = gamma'/gamma_w: at i = i_crit / 1.5, 2.9b is just met */
	double gamma_sub = 20.385 - 9.81, i = gamma_sub / 9.81 / 1.5, vol = 2.385;
	sp_heave_verify(0.0, 1.0, 9.81 * i * vol, gamma_sub * vol, 1.35, 0.9, &v);
	DBL_REL(v.util_force, 1.0, 1e-12, "HYD factors = factor 1.5 on the critical gradient (Bond & Harris)");
	sp_heave_verify(0.0, 0.0, 0.0, 0.0, 1.35, 0.9, &v);
	OK(v.util_stress == 0 && v.util_force == 0, "nothing on either side: utilisation 0");
	sp_heave_verify(1.0, 0.0, 1.0, 0.0, 1.35, 0.9, &v);
	OK(isinf(v.util_stress) && isinf(v.util_force), "nothing stabilising: infinite utilisation");
}

/* A study by hand: one or two layers, the levels and water of the case. */
static sp_layer_t S_layers[2];
static sp_study_t S_study(double exc, double w_ret, double w_exc, int two_layers)
{
	sp_study_t st;
	memset(&st, 0, sizeof st);
	memset(S_layers, 0, sizeof S_layers);
	S_layers[0].top_level_m = 0.0, S_layers[0].gamma_kN_m3 = 17.5, S_layers[0].gamma_sat_kN_m3 = 19.85;
	S_layers[1].top_level_m = -7.385, S_layers[1].gamma_kN_m3 = 18.6, S_layers[1].gamma_sat_kN_m3 = 21.2;
	st.layers = S_layers;
	st.n_layers = two_layers ? 2 : 1;
	st.retained_level_m = 0.0;
	st.excavation_level_m = exc;
	st.water_retained_m = w_ret;
	st.water_excavation_m = w_exc;
	st.gamma_w_kN_m3 = 9.81;
	st.hyd_gamma_g_dst = 1.35;
	st.hyd_gamma_g_stb = 0.9;
	return st;
}

/* The prism's mean excess fraction by a midpoint rule over its base. */
static double S_mean_midpoint(double width, double depth, double pen)
{
	const int n = 20000;
	double s = 0;
	for (int k = 0; k < n; k++)
		s += sp_heave_excess_fraction((k + 0.5) * width / n, depth, pen);
	return s / n;
}

static void test_run(void)
{
	const double gw = 9.81;
	/* drained to the excavation level, one layer: D = d = 3.7 m, H = 4.5 m */
	sp_study_t st = S_study(-5.0, -0.5, -5.0, 0);
	sp_heave_result_t r;
	sp_heave_run(&st, -8.7, &r);
	double D = 3.7, H = 4.5;
	INT_EQ(r.applies, 1, "upward seepage: the check applies");
	DBL_REL(r.embedment_m, D, 1e-12, "embedment D");
	DBL_REL(r.penetration_m, D, 1e-12, "penetration d = D when drained to the floor");
	DBL_REL(r.prism_width_m, D / 2, 1e-12, "Terzaghi's prism: width D/2");
	DBL_REL(r.excess_head_toe_m, H / 2, 1e-12, "toe: H/2 (Harr)");
	DBL_REL(r.exit_gradient, H / (SP_PI * D), 1e-12, "exit gradient H/(pi d) (Harr)");
	double frac = S_mean_midpoint(D / 2, D, D);
	/* the midpoint rule converges like the square root at the toe: 1e-5 */
	DBL_REL(r.excess_head_prism_m, H * frac, 1e-5, "prism: mean excess head (midpoint rule)");
	DBL_REL(r.excess_head_prism_m / H, 0.353961, 1e-5, "prism of depth d, width d/2: h_a = 0.353961 H");
	DBL_REL(r.gradient_prism, r.excess_head_prism_m / D, 1e-12, "mean gradient h_a / d");
	double ha = r.excess_head_prism_m;
	DBL_REL(r.u_k_kPa, gw * (D + ha), 1e-12, "u_k = gamma_w (d + h_a)");
	DBL_REL(r.sigma_k_kPa, 19.85 * D, 1e-12, "sigma_k = gamma_sat D");
	DBL_REL(r.s_k_kN_per_m, gw * ha * D / 2, 1e-12, "S_k = gamma_w h_a D/2");
	DBL_REL(r.g_k_kN_per_m, (19.85 - gw) * D * D / 2, 1e-12, "G'_k = gamma' D D/2");
	double ua = 1.35 * gw * (D + ha) / (0.9 * 19.85 * D), ub = 1.35 * gw * ha / (0.9 * (19.85 - gw) * D);
	DBL_REL(r.design.util_stress, ua, 1e-12, "2.9a");
	DBL_REL(r.design.util_force, ub, 1e-12, "2.9b");
	DBL_REL(r.util_heave, fmin(ua, ub), 1e-12, "util_heave: the smaller form (EN 1997-1 2.4.7.5(1): 2.9a or 2.9b)");

	/* two layers in the prism, water standing 1.2 m deep in the excavation:
	 * the layer change at -7.385 is inside the prism (-5 to -9.5) */
	st = S_study(-5.0, -0.5, -3.8, 1);
	sp_heave_run(&st, -9.5, &r);
	D = 4.5, H = 3.3;
	DBL_REL(r.penetration_m, D, 1e-12, "water above the floor: d = D");
	double sigma = gw * 1.2 + 19.85 * 2.385 + 21.2 * (D - 2.385);
	DBL_REL(r.sigma_k_kPa, sigma, 1e-12, "sigma_k: free water + both layers' gamma_sat");
	ha = r.excess_head_prism_m;
	DBL_REL(ha / H, 0.353961, 1e-5, "same prism shape: h_a = 0.353961 H");
	DBL_REL(r.u_k_kPa, gw * (1.2 + D + ha), 1e-12, "u_k with the free water");
	DBL_REL(r.g_k_kN_per_m, (sigma - gw * (1.2 + D)) * D / 2, 1e-12, "G'_k: the free water does not count");

	/* pumped below the floor (wells): d = water level - toe < D, the soil
	 * above the water weighs gamma */
	st = S_study(-5.0, -0.5, -6.1, 1);
	sp_heave_run(&st, -9.5, &r);
	DBL_REL(r.penetration_m, 3.4, 1e-12, "water below the floor: d = water level - toe");
	DBL_REL(r.prism_width_m, 2.25, 1e-12, "the prism keeps the width D/2");
	DBL_REL(r.excess_head_toe_m, 5.6 / 2, 1e-12, "toe: H/2 with H = 5.6 m");
	DBL_REL(r.excess_head_prism_m, 5.6 * S_mean_midpoint(2.25, 3.4, 3.4), 1e-5, "mean over the wider prism");
	sigma = 17.5 * 1.1 + 19.85 * (7.385 - 6.1) + 21.2 * (9.5 - 7.385);
	DBL_REL(r.sigma_k_kPa, sigma, 1e-12, "sigma_k: gamma above the water, gamma_sat below, two layers");

	/* no head difference, flow towards the retained side, toe above the floor */
	st = S_study(-5.0, -5.0, -5.0, 0);
	sp_heave_run(&st, -8.7, &r);
	OK(r.applies == 0 && r.util_heave == 0, "no head difference: util 0");
	st = S_study(-5.0, -6.0, -5.0, 0);
	sp_heave_run(&st, -8.7, &r);
	OK(r.applies == 0 && r.util_heave == 0, "flow towards the retained side: util 0");
	st = S_study(-5.0, -0.5, -5.0, 0);
	sp_heave_run(&st, -4.0, &r);
	OK(r.applies == 0 && r.util_heave == 0, "toe above the excavation: util 0");
	sp_heave_run(&st, NAN, &r);
	OK(isnan(r.util_heave), "a toe level that is no number: util NaN (never a passed check)");
}

/* designs/excavation-below-water-table.ini: heave fails short walls and
 * passes long ones. Hand solution of 2.9b = 1 (the smaller form there): with
 * h_a = 0.353961 H, H = 6 m, the prism in the gravel (gamma_sat 19),
 * 1.35 gw h_a D/2 = 0.9 (19 - gw) D D/2  ->  D = 1.5 gw h_a / (19 - gw)
 * = 3.4006 m for gw = 9.81 (2.9a is 1.23 there: it does not govern). */
static void test_example(void)
{
	sp_err_t err;
	sp_study_t *st = sp_study_read("../designs/excavation-below-water-table.ini", &err);
	OK(st != NULL, "the example study reads");
	if (st == NULL) {
		printf("  %s\n", err.text);
		return;
	}
	sp_heave_result_t r;
	double exc = st->excavation_level_m;
	sp_heave_run(st, exc - 3.0, &r);
	OK(r.util_heave > 1.0, "example: 3 m embedment fails by heave");
	sp_heave_run(st, exc - 4.0, &r);
	OK(r.util_heave < 1.0, "example: 4 m embedment passes");
	double gw = st->gamma_w_kN_m3, ha = 0.353961 * 6.0;
	double d_hand = 1.35 * gw * ha / (0.9 * (19.0 - gw));
	sp_heave_run(st, exc - d_hand, &r);
	OK(r.design.util_stress > 1.0, "example: at the limit 2.9a fails, 2.9b verifies (the standard's 'or')");
	double lo = 2.0, hi = 8.0;
	for (int k = 0; k < 60; k++) {
		double mid = 0.5 * (lo + hi);
		sp_heave_run(st, exc - mid, &r);
		*(r.util_heave > 1.0 ? &lo : &hi) = mid;
	}
	DBL_REL(lo, d_hand, 1e-5, "example: heave needs D = 3.401 m (2.9b by hand)");
	DBL_REL(d_hand, 3.4006, 1e-3, "the hand solution itself");
	if (S_verbose) {
		printf("embedment_m,util_stress,util_force,util_heave\n");
		for (double D = 2.0; D <= 8.0; D += 0.5) {
			sp_heave_run(st, exc - D, &r);
			printf("%.2f,%.3f,%.3f,%.3f\n", D, r.design.util_stress, r.design.util_force, r.util_heave);
		}
	}
	sp_study_free(st);
}

int main(int argc, char **argv)
{
	S_verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	test_closed_form();
	test_bond_harris();
	test_run();
	test_example();
	return sp_test_done("test_heave");
}
