/* test_earth.c - earth-pressure coefficients (earth.c) against published
 * values and published closed forms. Every expected number below is copied
 * from the source named next to it, or computed here from a published formula
 * written out independently of earth.c; none comes from running earth.c.
 *
 * Sources:
 *  [BOWLES]  Rankine Ka table (beta = 0 row), Cress Help B24 "Active, passive
 *            and neutral soil pressure", kennisbank-waterbouw.nl/CressHelp/B24/
 *            B24.htm, after Bowles, Foundation Analysis and Design, 5th ed.
 *  [SMITH84] Smith, Elements of Soil Mechanics, 9th ed., Exercise 8.4
 *            spreadsheet (I. Smith, June 2014): phi = 29, Ka = 0.347, Kp = 2.882.
 *  [SMITH78] Smith, Elements of Soil Mechanics, Example 7.8 "Coulomb Ka"
 *            (phi 20, delta 10, vertical wall, level ground): Ka = 0.4467, for
 *            horizontal pressure 0.4467 cos 10 = 0.44, and with c_w = c:
 *            Kac = 2 sqrt(0.44 (1 + 10/10)) = 1.88.
 *  [DAS]     Das, Principios de ingenieria de cimentaciones, Table 6.4 p. 353
 *            (Coulomb Ka, vertical wall, level ground), as quoted in xcfem/xc
 *            verif/tests/geotechnics/soil_mechanics/test_coulomb.py.
 *  [CEB]     Coulomb Kp, civilengineeringbible.com/subtopics.php?i=8, as quoted
 *            in the same xcfem/xc test (vertical wall, level ground).
 *  [CWS]     Coulomb passive calculator example table, Case A,
 *            calculatorsweb.site/eng/coulomb_passive_earth_pressure.html.
 *  [LANC]    Lancellotta, R. (2002) Analytical solution of passive earth
 *            pressure, Geotechnique 52(8) 617-619, eqs (1)-(2): the lower-bound
 *            Kp that EN 1997-1 Annex C.2 gives for a vertical wall and level
 *            ground.
 *  [CK]      Caquot & Kerisel (1948) passive coefficients, Table 19.13 of Look,
 *            Geotechnical Investigation and Design Tables (resultant Kp, slope
 *            i = 0), two significant figures.
 *  [C11]     EN 1997-1:2004 Figure C.1.1 (Ka, horizontal component, beta = 0),
 *            chart values as digitized (6th-order fits per delta/phi) in the
 *            public source of the midas "moapy" plugin earthpressure_coefficient.
 * Coulomb and Caquot-Kerisel tables give the resultant coefficient, inclined at
 * delta; earth.c returns the horizontal one, so those values are compared
 * after multiplying by cos(delta). */
#include "earth.h"
#include "harness.h"

#include <math.h>
#include <string.h>

#define CLOSED 1e-9 /* relative tolerance for closed forms */

static double rad(double deg)
{
	return deg * (acos(-1.0) / 180.0);
}

/* [LANC] eqs (1)-(2): Kp = cos d / (1 - sin phi) (cos d + sqrt(sin^2 phi -
 * sin^2 d)) exp(2 theta tan phi), 2 theta = asin(sin d / sin phi) + d */
static double lancellotta_kp(double phi_deg, double delta_deg)
{
	double p = rad(phi_deg), d = rad(delta_deg);
	double r = sin(d) / sin(p);
	double two_theta = asin(r > 1.0 ? 1.0 : r) + d;
	double root = sqrt(fmax(0.0, sin(p) * sin(p) - sin(d) * sin(d)));
	return cos(d) / (1.0 - sin(p)) * (cos(d) + root) * exp(two_theta * tan(p));
}

static void test_names(void)
{
	OK(strcmp(sp_earth_theory_name(SP_EARTH_RANKINE), "rankine") == 0, "name rankine");
	OK(strcmp(sp_earth_theory_name(SP_EARTH_COULOMB), "coulomb") == 0, "name coulomb");
	OK(strcmp(sp_earth_theory_name(SP_EARTH_EC7), "ec7") == 0, "name ec7");
}

/* Closed forms, 1e-9 relative. */
static void test_closed_forms(void)
{
	DBL_REL(sp_k0_jaky(30.0), 0.5, CLOSED, "Jaky K0(30) = 1 - sin 30 = 0.5");
	DBL_REL(sp_ka_rankine(30.0), 1.0 / 3.0, CLOSED, "Rankine Ka(30) = 1/3");
	DBL_REL(sp_kp_rankine(30.0), 3.0, CLOSED, "Rankine Kp(30) = 3");
	/* tan^2(22.5) = (sqrt 2 - 1)^2 = 3 - 2 sqrt 2 */
	DBL_REL(sp_ka_rankine(45.0), 3.0 - 2.0 * sqrt(2.0), CLOSED, "Rankine Ka(45) = 3 - 2 sqrt 2");
	DBL_REL(sp_kp_rankine(45.0), 3.0 + 2.0 * sqrt(2.0), CLOSED, "Rankine Kp(45) = 3 + 2 sqrt 2");

	/* with no wall friction, Coulomb and Annex C.2 are Rankine */
	double phi = 23.85, t = tan(rad(45.0 - phi / 2.0));
	DBL_REL(sp_ka_coulomb(phi, 0.0), t * t, CLOSED, "Coulomb Ka(23.85, 0) = tan^2(45 - phi/2)");
	DBL_REL(sp_kp_coulomb(phi, 0.0), 1.0 / (t * t), CLOSED, "Coulomb Kp(23.85, 0) = tan^2(45 + phi/2)");
	DBL_REL(sp_ka_ec7(phi, 0.0), t * t, CLOSED, "EC7 C.2 Ka(23.85, 0) = Rankine");
	DBL_REL(sp_kp_ec7(phi, 0.0), 1.0 / (t * t), CLOSED, "EC7 C.2 Kp(23.85, 0) = Rankine");

	/* Annex C.2 passive = [LANC] eq (1) for theta = beta = 0 */
	DBL_REL(sp_kp_ec7(30.0, 20.0), lancellotta_kp(30.0, 20.0), CLOSED, "EC7 Kp(30, 20) = [LANC] eq 1");
	DBL_REL(sp_kp_ec7(35.0, 35.0 * 2.0 / 3.0), lancellotta_kp(35.0, 35.0 * 2.0 / 3.0), CLOSED,
		"EC7 Kp(35, 2/3 phi) = [LANC] eq 1");
	DBL_REL(sp_kp_ec7(31.7, 31.7), lancellotta_kp(31.7, 31.7), CLOSED, "EC7 Kp(31.7, phi) = [LANC] eq 1");
	DBL_REL(sp_kp_ec7(23.85, 11.2), lancellotta_kp(23.85, 11.2), CLOSED, "EC7 Kp(23.85, 11.2) = [LANC] eq 1");
	/* [LANC] for delta = phi = 30: 2 theta = 90 + 30, so Kp = 1.5 exp(2 pi/3 tan 30) */
	DBL_REL(sp_kp_ec7(30.0, 30.0), 1.5 * exp(2.0 * acos(-1.0) / 3.0 * tan(rad(30.0))), CLOSED,
		"EC7 Kp(30, 30) = 1.5 exp(2 pi/3 tan 30) [LANC]");

	/* cohesion: Bell 2 sqrt(K); Annex C.2 (C.8) Kc = (Kn - 1) cot phi */
	DBL_REL(sp_kac(SP_EARTH_RANKINE, 30.0, 0.0), 2.0 * sqrt(1.0 / 3.0), CLOSED, "Rankine Kac(30) = 2 sqrt(1/3)");
	DBL_REL(sp_kpc(SP_EARTH_RANKINE, 30.0, 0.0), 2.0 * sqrt(3.0), CLOSED, "Rankine Kpc(30) = 2 sqrt 3");
	/* (1 - Ka) cot phi = 2 cos phi / (1 + sin phi) = 2 sqrt(Ka) for delta = 0 */
	double p = rad(27.3);
	DBL_REL(sp_kac(SP_EARTH_EC7, 27.3, 0.0), 2.0 * cos(p) / (1.0 + sin(p)), CLOSED,
		"EC7 Kac(27.3, 0) = 2 cos phi/(1 + sin phi) (Bell)");
	DBL_REL(sp_kpc(SP_EARTH_EC7, 27.3, 0.0), 2.0 * cos(p) / (1.0 - sin(p)), CLOSED,
		"EC7 Kpc(27.3, 0) = 2 cos phi/(1 - sin phi) (Bell)");
	DBL_REL(sp_kpc(SP_EARTH_EC7, 30.0, 20.0), (lancellotta_kp(30.0, 20.0) - 1.0) / tan(rad(30.0)), CLOSED,
		"EC7 Kpc(30, 20) = (Kn - 1) cot phi (C.8)");
}

/* Published tables and worked examples: within the table's rounding. */
static void test_published(void)
{
	/* [BOWLES] Rankine Ka, beta = 0 row, 4 decimals */
	static const double phi[] = {26, 28, 30, 32, 34, 36, 38, 40, 42};
	static const double ka[] = {0.3905, 0.3610, 0.3333, 0.3073, 0.2827, 0.2596, 0.2379, 0.2174, 0.1982};
	for (size_t i = 0; i < sizeof phi / sizeof phi[0]; ++i) {
		char name[96];
		snprintf(name, sizeof name, "[BOWLES] Rankine Ka(%g) = %.4f", phi[i], ka[i]);
		DBL_ABS(sp_ka_rankine(phi[i]), ka[i], 0.5e-4, name);
	}

	/* [SMITH84] 3 decimals */
	DBL_ABS(sp_ka_rankine(29.0), 0.347, 0.5e-3, "[SMITH84] Rankine Ka(29) = 0.347");
	DBL_ABS(sp_kp_rankine(29.0), 2.882, 0.5e-3, "[SMITH84] Rankine Kp(29) = 2.882");

	/* [DAS] Table 6.4, Coulomb Ka (resultant), 4 decimals */
	DBL_ABS(sp_ka_coulomb(28.0, 0.0), 0.3610, 0.5e-4, "[DAS] T6.4 Coulomb Ka(28, 0) = 0.3610");
	DBL_ABS(sp_ka_coulomb(30.0, 5.0), 0.3189 * cos(rad(5.0)), 0.5e-4,
		"[DAS] T6.4 Coulomb Ka(30, 5) = 0.3189 (x cos 5)");
	DBL_ABS(sp_ka_coulomb(32.0, 10.0), 0.2853 * cos(rad(10.0)), 0.5e-4,
		"[DAS] T6.4 Coulomb Ka(32, 10) = 0.2853 (x cos 10)");

	/* [SMITH78] */
	DBL_ABS(sp_ka_coulomb(20.0, 10.0), 0.4467 * cos(rad(10.0)), 0.5e-4,
		"[SMITH78] Coulomb Ka(20, 10) = 0.4467 (x cos 10)");
	DBL_ABS(sp_ka_coulomb(20.0, 10.0), 0.44, 0.005, "[SMITH78] Coulomb Ka,h(20, 10) = 0.44");
	/* Kac with c_w = c is sqrt(1 + c_w/c) times ours (a = 0) */
	DBL_ABS(sqrt(2.0) * sp_kac(SP_EARTH_COULOMB, 20.0, 10.0), 1.88, 0.005,
		"[SMITH78] Coulomb Kac(20, 10; c_w = c) = 1.88");

	/* [CEB] Coulomb Kp (resultant), 3 decimals */
	DBL_ABS(sp_kp_coulomb(26.0, 0.0), 2.561, 0.5e-3, "[CEB] Coulomb Kp(26, 0) = 2.561");
	DBL_ABS(sp_kp_coulomb(30.0, 22.0), 6.675 * cos(rad(22.0)), 0.5e-3 * cos(rad(22.0)),
		"[CEB] Coulomb Kp(30, 22) = 6.675 (x cos 22)");
	/* [CWS] Case A, 4 decimals */
	DBL_ABS(sp_kp_coulomb(30.0, 10.0), 4.1433 * cos(rad(10.0)), 0.5e-4 * cos(rad(10.0)) + 1e-9,
		"[CWS] Coulomb Kp(30, 10) = 4.1433 (x cos 10)");
}

/* [CK] Caquot-Kerisel resultant Kp, i = 0, delta = phi/3 and phi/2. A
 * different theory (log spiral) from Annex C.2 (lower bound) with two
 * significant figures: agreement within 5 % is expected, not 1 %. */
static void test_caquot_kerisel(void)
{
	static const struct {
		double phi, third, half;
	} ck[] = {{20, 2.3, 2.6}, {25, 3.0, 3.4}, {30, 4.0, 4.5}, {35, 5.4, 6.0}, {40, 7.5, 9.0}};
	for (size_t i = 0; i < sizeof ck / sizeof ck[0]; ++i) {
		char name[96];
		double d3 = ck[i].phi / 3.0, d2 = ck[i].phi / 2.0;
		snprintf(name, sizeof name, "[CK] EC7 Kp(%g, phi/3) ~ %.1f (x cos d, 5 %%)", ck[i].phi, ck[i].third);
		DBL_REL(sp_kp_ec7(ck[i].phi, d3), ck[i].third * cos(rad(d3)), 0.05, name);
		snprintf(name, sizeof name, "[CK] EC7 Kp(%g, phi/2) ~ %.1f (x cos d, 5 %%)", ck[i].phi, ck[i].half);
		DBL_REL(sp_kp_ec7(ck[i].phi, d2), ck[i].half * cos(rad(d2)), 0.05, name);
	}
}

/* [C11] EN 1997-1 Figure C.1.1, horizontal Ka for level ground, curves
 * delta/phi = 0.66 and 1, read at phi = 20, 30, 40. The chart (Kerisel-Absi)
 * and the C.2 procedure agree closely on the active side; 3 % covers reading
 * the chart (the same fit is 2.5 % off the exact Rankine curve). */
static void test_ec7_active_chart(void)
{
	static const struct {
		double phi, ratio, ka;
	} c11[] = {{20, 0.66, 0.4354}, {30, 0.66, 0.2867}, {40, 0.66, 0.1836},
		   {20, 1.0, 0.4195},  {30, 1.0, 0.2727},  {40, 1.0, 0.1707}};
	for (size_t i = 0; i < sizeof c11 / sizeof c11[0]; ++i) {
		char name[96];
		snprintf(name, sizeof name, "[C11] EC7 Ka(%g, %.2f phi) ~ %.4f (3 %%)", c11[i].phi, c11[i].ratio,
			 c11[i].ka);
		DBL_REL(sp_ka_ec7(c11[i].phi, c11[i].ratio * c11[i].phi), c11[i].ka, 0.03, name);
	}
	/* (C.8) with phi -> -phi: Kac = (1 - Kn) cot phi, here from the chart value */
	DBL_REL(sp_kac(SP_EARTH_EC7, 30.0, 19.8), (1.0 - 0.2867) / tan(rad(30.0)), 0.03,
		"[C11] EC7 Kac(30, 0.66 phi) ~ (1 - 0.2867) cot 30 (3 %)");
	DBL_REL(sp_kac(SP_EARTH_EC7, 33.3, 21.7), (1.0 - sp_ka_ec7(33.3, 21.7)) / tan(rad(33.3)), CLOSED,
		"EC7 Kac(33.3, 21.7) = (1 - Kn) cot phi (C.8 active)");
}

/* phi = 0, delta > phi, extreme angles, dispatch and the sign of delta. */
static void test_limits(void)
{
	static const sp_earth_theory th[] = {SP_EARTH_RANKINE, SP_EARTH_COULOMB, SP_EARTH_EC7};
	for (size_t i = 0; i < 3; ++i) {
		char name[96];
		const char *n = sp_earth_theory_name(th[i]);
		snprintf(name, sizeof name, "%s phi = 0: Ka = 1", n);
		DBL_REL(sp_ka(th[i], 0.0, 0.0), 1.0, CLOSED, name);
		snprintf(name, sizeof name, "%s phi = 0: Kp = 1", n);
		DBL_REL(sp_kp(th[i], 0.0, 0.0), 1.0, CLOSED, name);
		snprintf(name, sizeof name, "%s phi = 0: Kac = 2", n);
		DBL_REL(sp_kac(th[i], 0.0, 0.0), 2.0, CLOSED, name);
		snprintf(name, sizeof name, "%s phi = 0, delta = 10: Kpc = 2", n);
		DBL_REL(sp_kpc(th[i], 0.0, 10.0), 2.0, CLOSED, name);
	}

	/* delta > phi is delta = phi */
	OK(sp_kp_coulomb(30.0, 40.0) == sp_kp_coulomb(30.0, 30.0), "Coulomb Kp: delta 40 > phi 30 clamped to 30");
	OK(sp_ka_coulomb(30.0, 40.0) == sp_ka_coulomb(30.0, 30.0), "Coulomb Ka: delta clamped to phi");
	OK(sp_kp_ec7(30.0, 45.0) == sp_kp_ec7(30.0, 30.0), "EC7 Kp: delta 45 > phi 30 clamped to 30");
	OK(sp_ka_ec7(30.0, 45.0) == sp_ka_ec7(30.0, 30.0), "EC7 Ka: delta clamped to phi");
	OK(isfinite(sp_kpc(SP_EARTH_EC7, 25.0, 60.0)), "EC7 Kpc(25, 60) finite");
	OK(sp_kp_ec7(30.0, -10.0) == sp_kp_ec7(30.0, 0.0), "negative delta taken as 0");

	/* the plane wedge has no finite passive minimum for phi = delta >= 45 */
	OK(isfinite(sp_kp_coulomb(45.0, 45.0)) && sp_kp_coulomb(45.0, 45.0) > 1.0,
	   "Coulomb Kp(45, 45) finite (capped)");
	OK(isfinite(sp_kp_coulomb(50.0, 50.0)), "Coulomb Kp(50, 50) finite (capped)");
	/* the cap documented in earth.h: 1 - sqrt(.) >= 1e-3, so Kp,h = cos^2 phi * 1e6 */
	DBL_REL(sp_kp_coulomb(50.0, 50.0), cos(rad(50.0)) * cos(rad(50.0)) * 1e6, CLOSED,
		"Coulomb Kp(50, 50) = cos^2 50 * 1e6 (cap)");
	OK(sp_kp_coulomb(44.0, 44.0) > 1000.0 && sp_kp_coulomb(44.0, 44.0) < sp_kp_coulomb(50.0, 50.0),
	   "Coulomb Kp(44, 44) large, below the cap");
	OK(isfinite(sp_kp_rankine(95.0)) && isfinite(sp_kp_ec7(95.0, 95.0)), "phi >= 90 limited, finite");
	OK(sp_ka_rankine(-5.0) == 1.0, "negative phi taken as 0");

	/* physically right sign of delta: friction lowers Ka, raises Kp */
	OK(sp_ka_ec7(30.0, 20.0) < sp_ka_ec7(30.0, 10.0) && sp_ka_ec7(30.0, 10.0) < sp_ka_rankine(30.0),
	   "EC7 Ka falls with delta");
	OK(sp_kp_ec7(30.0, 20.0) > sp_kp_ec7(30.0, 10.0) && sp_kp_ec7(30.0, 10.0) > sp_kp_rankine(30.0),
	   "EC7 Kp rises with delta");
	OK(sp_kp_ec7(35.0, 23.0) < sp_kp_coulomb(35.0, 23.0),
	   "EC7 (curved) Kp below Coulomb (plane) Kp, EN 1997-1 9.5.3(2)");

	/* dispatch; Rankine ignores delta */
	DBL_REL(sp_ka(SP_EARTH_RANKINE, 30.0, 20.0), 1.0 / 3.0, CLOSED, "sp_ka rankine ignores delta");
	OK(sp_kp(SP_EARTH_COULOMB, 31.7, 12.4) == sp_kp_coulomb(31.7, 12.4), "sp_kp dispatches coulomb");
	OK(sp_ka(SP_EARTH_EC7, 31.7, 12.4) == sp_ka_ec7(31.7, 12.4), "sp_ka dispatches ec7");
	OK(isnan(sp_ka((sp_earth_theory)7, 30.0, 0.0)), "unknown theory gives NaN");
	OK(strcmp(sp_earth_theory_name((sp_earth_theory)7), "unknown") == 0, "unknown theory name");
}

/* Brinch Hansen (1961): the limits of his formulas for phi = 0 (closed forms:
 * K_c = pi/2 + 1 = 2.57 at the surface, N_c d_c = (pi + 2) 1.58 = 8.12 at
 * great depth, the 2.57 and 8.14 of his chart), K_q = 0 for phi = 0; and
 * D-Sheet Piling's own values in bm1-12.shd (K_q = K_p printed per layer:
 * phi 20 at z/D = 1/0.6 gives 3.09, phi 32 at 2.75/0.6 gives 10.65; the
 * adapted cohesion 35.38 = 10 K_c / (2 sqrt K_q)). */
static void test_brinch_hansen(void)
{
	double kq, kc;
	sp_brinch_hansen(0.0, 0.0, &kq, &kc);
	DBL_REL(kc, acos(-1.0) / 2 + 1, 1e-5, "Brinch Hansen phi 0: K_c at the surface = pi/2 + 1");
	DBL_ABS(kq, 0.0, 1e-3, "Brinch Hansen phi 0: K_q = 0");
	sp_brinch_hansen(0.0, 1e9, &kq, &kc);
	DBL_REL(kc, (acos(-1.0) + 2) * 1.58, 1e-5, "Brinch Hansen phi 0: K_c at great depth = (pi + 2) 1.58");
	sp_brinch_hansen(20.0, 1.0 / 0.6, &kq, &kc);
	DBL_ABS(kq, 3.09, 0.005, "Brinch Hansen phi 20, z/D 1.67: K_q (D-Sheet bm1-12)");
	DBL_ABS(10.0 * kc / (2 * sqrt(kq)), 35.38, 0.005, "Brinch Hansen phi 20, z/D 1.67: adapted c (D-Sheet bm1-12)");
	sp_brinch_hansen(32.0, 2.75 / 0.6, &kq, &kc);
	DBL_ABS(kq, 10.65, 0.005, "Brinch Hansen phi 32, z/D 4.58: K_q (D-Sheet bm1-12)");
	double kq1, kc1; /* between the surface and depth values, growing with depth */
	sp_brinch_hansen(30.0, 0.0, &kq, &kc);
	sp_brinch_hansen(30.0, 5.0, &kq1, &kc1);
	OK(kq1 > kq && kc1 > kc, "Brinch Hansen: K_q and K_c grow with depth");
}

/* D-Sheet Piling's CUR 166 reduction of delta (CalcReduceDeltas=1), as its
 * .shd files print it in [SOIL PROFILE FOR SHEET PILING MODEL], columns
 * "Angle of wall friction (reduced)" / "(not reduced)" / "Angle of internal
 * friction": bm4-13a.shd 24.00/24.00/30.00, 16.60/33.00/35.00,
 * 17.20/36.00/38.00; bm4-16a.shd 16.60/24.00/31.00, 17.20/24.00/37.00;
 * bm4-17d.shd 17.20/28.57/36.91, 17.20/28.08/43.29; Tutorial-16.shd
 * 16.60/27.00/35.00; bm4-21a.shd 16.60/20.16/31.08; ComplexProjects24.shd
 * 10.90/10.90/33.00; bm4-13i.shd -33.00/-33.00/35.00. */
static void test_delta_cur166(void)
{
	static const double rows[][3] = {{24.0, 24.0, 30.0},   {16.6, 33.0, 35.0},  {17.2, 36.0, 38.0},
	                                 {16.6, 24.0, 31.0},   {17.2, 24.0, 37.0},  {17.2, 28.57, 36.91},
	                                 {17.2, 28.08, 43.29}, {16.6, 27.0, 35.0},  {16.6, 20.16, 31.08},
	                                 {10.9, 10.9, 33.0},   {-33.0, -33.0, 35.0}};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char name[96];
		snprintf(name, sizeof name, "CUR 166 delta: phi %.2f, delta %.2f -> %.2f", rows[i][2], rows[i][1],
		         rows[i][0]);
		DBL_ABS(sp_delta_cur166(rows[i][2], rows[i][1]), rows[i][0], 1e-12, name);
	}
}

int main(void)
{
	test_names();
	test_delta_cur166();
	test_brinch_hansen();
	test_closed_forms();
	test_published();
	test_caquot_kerisel();
	test_ec7_active_chart();
	test_limits();
	return sp_test_done("test_earth");
}
