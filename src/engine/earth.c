/* earth.c - earth-pressure coefficients for a vertical wall and horizontal
 * ground: Jaky K0, Rankine, Coulomb (plane wedge) and EN 1997-1:2004 Annex C.2
 * (curved failure surface). Degrees in the interface, radians inside.
 *
 * Input limits (see earth.h): phi is taken in [0, S_PHI_MAX_DEG], delta in
 * [0, phi]; phi below S_PHI_ZERO_DEG is the undrained case phi = 0. Nothing
 * here returns NaN or inf for finite angles; only an unknown theory gives NaN. */
#include "earth.h"

#include <math.h>

/* phi at or above 90 degrees makes tan(45 + phi/2) infinite */
static const double S_PHI_MAX_DEG = 89.0;
/* below this phi (degrees) cot(phi) is meaningless: treat as phi = 0 */
static const double S_PHI_ZERO_DEG = 1e-9;
/* Coulomb passive: smallest 1 - sqrt(.) kept, so Kp,h <= cos^2(phi) * 1e6 */
static const double S_COULOMB_GAP_MIN = 1e-3;

static double S_rad(double deg)
{
	return deg * (acos(-1.0) / 180.0);
}

/* phi limited to [0, S_PHI_MAX_DEG]; 0 for phi below S_PHI_ZERO_DEG */
static double S_phi(double phi_deg)
{
	if (!(phi_deg >= S_PHI_ZERO_DEG)) /* also NaN -> 0 */
		return 0.0;
	return phi_deg > S_PHI_MAX_DEG ? S_PHI_MAX_DEG : phi_deg;
}

/* delta limited to [0, phi] (phi already limited) */
static double S_delta(double delta_deg, double phi_deg)
{
	if (!(delta_deg > 0.0))
		return 0.0;
	return delta_deg > phi_deg ? phi_deg : delta_deg;
}

/* acos with its argument clamped to [-1, 1]: sin d / sin phi may exceed 1 by
 * rounding when delta is phi */
static double S_acos(double x)
{
	return acos(x > 1.0 ? 1.0 : (x < -1.0 ? -1.0 : x));
}

const char *sp_earth_theory_name(sp_earth_theory t)
{
	switch (t) {
	case SP_EARTH_RANKINE:
		return "rankine";
	case SP_EARTH_COULOMB:
		return "coulomb";
	case SP_EARTH_EC7:
		return "ec7";
	}
	return "unknown";
}

/* The reduced wall friction angle D-Sheet Piling prints ("Angle of wall
 * friction (reduced)" of [SOIL PROFILE FOR SHEET PILING MODEL], c-phi-delta
 * sides with CalcReduceDeltas=1): phi 31 and 35 deg give 16.6 (bm4-16a,
 * Tutorial-16 from delta 24 and 27, bm4-13a from 33), phi 36.91, 37, 38 and
 * 43.29 give 17.2 (bm4-17d, bm4-16a, bm4-13a from 28.57, 24, 36 and 28.08);
 * phi 30 keeps delta 24 (bm4-13a), delta 10.9 below 16.6 is kept
 * (ComplexProjects24, phi 33), negative deltas are kept (bm4-13i: -33, -36).
 * bm4-13b, the same wall with 16.6 and 17.2 typed in and the option off, has
 * bm4-13a's results to the digit. */
double sp_delta_cur166(double phi_deg, double delta_deg)
{
	if (!(phi_deg > 30.0) || !(delta_deg > 0.0))
		return delta_deg;
	double limit = phi_deg > 35.0 ? 17.2 : 16.6;
	return delta_deg > limit ? limit : delta_deg;
}

/* Jaky (1944), normally consolidated: K0 = 1 - sin(phi) */
double sp_k0_jaky(double phi_deg)
{
	return 1.0 - sin(S_rad(S_phi(phi_deg)));
}

/* Rankine: Ka = tan^2(45 - phi/2) = (1 - sin phi)/(1 + sin phi) */
double sp_ka_rankine(double phi_deg)
{
	double s = sin(S_rad(S_phi(phi_deg)));
	return (1.0 - s) / (1.0 + s);
}

/* Rankine: Kp = tan^2(45 + phi/2) = (1 + sin phi)/(1 - sin phi) */
double sp_kp_rankine(double phi_deg)
{
	double s = sin(S_rad(S_phi(phi_deg)));
	return (1.0 + s) / (1.0 - s);
}

/* Coulomb, vertical wall (alpha = 90), horizontal ground (beta = 0), wall
 * friction delta acting upwards on the wedge (soil settles along the wall):
 *   Ka = cos^2 phi / (cos d [1 + sqrt(sin(phi + d) sin phi / cos d)]^2)
 * horizontal component Ka cos d = cos^2 phi / [1 + sqrt(.)]^2. */
double sp_ka_coulomb(double phi_deg, double delta_deg)
{
	double pd = S_phi(phi_deg);
	double p = S_rad(pd), d = S_rad(S_delta(delta_deg, pd));
	double r = sqrt(sin(p + d) * sin(p) / cos(d));
	double c = cos(p);
	return c * c / ((1.0 + r) * (1.0 + r));
}

/* Coulomb passive, same geometry, wall friction acting downwards on the wedge
 * (soil heaves along the wall):
 *   Kp = cos^2 phi / (cos d [1 - sqrt(sin(phi + d) sin phi / cos d)]^2)
 * horizontal component Kp cos d = cos^2 phi / [1 - sqrt(.)]^2.
 * The plane wedge has no finite minimum once sin(phi + d) sin phi >= cos d
 * (phi >= 45 with d near phi); 1 - sqrt(.) is kept >= S_COULOMB_GAP_MIN. */
double sp_kp_coulomb(double phi_deg, double delta_deg)
{
	double pd = S_phi(phi_deg);
	double p = S_rad(pd), d = S_rad(S_delta(delta_deg, pd));
	double gap = 1.0 - sqrt(sin(p + d) * sin(p) / cos(d));
	double c = cos(p);
	if (gap < S_COULOMB_GAP_MIN)
		gap = S_COULOMB_GAP_MIN;
	return c * c / (gap * gap);
}

/* EN 1997-1:2004 Annex C.2, passive, for theta = 0 (vertical wall), beta = 0
 * (horizontal ground, so beta0 = 0 for a vertical surcharge):
 *   (C.3) cos(2 mt + phi + beta) = -sin beta / sin phi
 *   (C.4) cos(2 mw + phi + d)    =  sin d / sin phi
 *   (C.5) nu = mt + beta - mw - theta
 *   (C.6) Kn = (1 + sin phi sin(2 mw + phi)) / (1 - sin phi sin(2 mt + phi))
 *              * exp(2 nu tan phi)
 * Kn is the normal (= horizontal) component. With beta = 0: 2 mt = 90 - phi.
 * The active case is the same with phi -> -phi and d -> -d:
 *   2 mt = 90 + phi, 2 mw = acos(sin d / sin phi) + phi + d,
 *   Kn = (1 - sin phi sin(2 mw - phi)) / (1 + sin phi sin(2 mt - phi))
 *        * exp(-2 nu tan phi).
 * Both reduce to Rankine for d = 0, and the passive one equals Lancellotta's
 * (2002) lower-bound Kp. Requires phi > 0 (checked by the callers). */
static double S_kn_ec7(double p, double d, int passive)
{
	double sp = sin(p), half_pi = 0.5 * acos(-1.0);
	double two_mt, two_mw, nu;
	if (passive) {
		two_mt = half_pi - p;
		two_mw = S_acos(sin(d) / sp) - p - d;
		nu = 0.5 * (two_mt - two_mw);
		return (1.0 + sp * sin(two_mw + p)) / (1.0 - sp * sin(two_mt + p))
		       * exp(2.0 * nu * tan(p));
	}
	two_mt = half_pi + p;
	two_mw = S_acos(sin(d) / sp) + p + d;
	nu = 0.5 * (two_mt - two_mw);
	return (1.0 - sp * sin(two_mw - p)) / (1.0 + sp * sin(two_mt - p))
	       * exp(-2.0 * nu * tan(p));
}

double sp_ka_ec7(double phi_deg, double delta_deg)
{
	double pd = S_phi(phi_deg);
	if (pd == 0.0)
		return 1.0;
	return S_kn_ec7(S_rad(pd), S_rad(S_delta(delta_deg, pd)), 0);
}

double sp_kp_ec7(double phi_deg, double delta_deg)
{
	double pd = S_phi(phi_deg);
	if (pd == 0.0)
		return 1.0;
	return S_kn_ec7(S_rad(pd), S_rad(S_delta(delta_deg, pd)), 1);
}

/* Ka (passive = 0) or Kp (passive = 1) of a theory; NaN for an unknown one. */
static double S_k(sp_earth_theory t, double phi_deg, double delta_deg, int passive)
{
	switch (t) {
	case SP_EARTH_RANKINE:
		return passive ? sp_kp_rankine(phi_deg) : sp_ka_rankine(phi_deg);
	case SP_EARTH_COULOMB:
		return passive ? sp_kp_coulomb(phi_deg, delta_deg) : sp_ka_coulomb(phi_deg, delta_deg);
	case SP_EARTH_EC7:
		return passive ? sp_kp_ec7(phi_deg, delta_deg) : sp_ka_ec7(phi_deg, delta_deg);
	}
	return NAN;
}

double sp_ka(sp_earth_theory t, double phi_deg, double delta_deg)
{
	return S_k(t, phi_deg, delta_deg, 0);
}

double sp_kp(sp_earth_theory t, double phi_deg, double delta_deg)
{
	return S_k(t, phi_deg, delta_deg, 1);
}

/* Cohesion coefficients, no wall adhesion unless the theory implies one:
 *   Rankine (Bell):  Kac = 2 sqrt(Ka),   Kpc = 2 sqrt(Kp)
 *   Coulomb:         the same with the horizontal Coulomb K, i.e. the
 *                    2 sqrt(K (1 + a/c)) of Smith, Elements of Soil
 *                    Mechanics, with adhesion a = 0
 *   EC7 Annex C.2:   (C.8) Kc = (Kn - 1) cot phi (passive), and with
 *                    phi -> -phi for the active case Kac = (1 - Kn) cot phi.
 *                    This is Caquot's corresponding-states result and holds
 *                    exactly for adhesion a = c tan d / tan phi (a = 0 for
 *                    d = 0, where it equals 2 sqrt(K)).
 *   phi = 0:         2 for every theory (undrained, a = 0). */
/* Kac (passive = 0) or Kpc (passive = 1). */
static double S_kc(sp_earth_theory t, double phi_deg, double delta_deg, int passive)
{
	double pd = S_phi(phi_deg);
	if (pd == 0.0)
		return (t == SP_EARTH_RANKINE || t == SP_EARTH_COULOMB || t == SP_EARTH_EC7)
		       ? 2.0 : NAN;
	if (t == SP_EARTH_EC7)
		return (passive ? sp_kp_ec7(pd, delta_deg) - 1.0 : 1.0 - sp_ka_ec7(pd, delta_deg)) / tan(S_rad(pd));
	return 2.0 * sqrt(S_k(t, pd, delta_deg, passive));
}

double sp_kac(sp_earth_theory t, double phi_deg, double delta_deg)
{
	return S_kc(t, phi_deg, delta_deg, 0);
}

double sp_kpc(sp_earth_theory t, double phi_deg, double delta_deg)
{
	return S_kc(t, phi_deg, delta_deg, 1);
}

void sp_brinch_hansen(double phi_deg, double depth_over_width, double *k_q, double *k_c)
{
	const double pi = acos(-1.0);
	double f = S_rad(phi_deg > 1e-4 ? (phi_deg < 89.0 ? phi_deg : 89.0) : 1e-4);
	double zd = depth_over_width > 0 ? depth_over_width : 0.0;
	double up = exp((pi / 2 + f) * tan(f)) * cos(f) * tan(pi / 4 + f / 2);
	double down = exp(-(pi / 2 - f) * tan(f)) * cos(f) * tan(pi / 4 - f / 2);
	double kq0 = up - down, kc0 = (up - 1.0) / tan(f);
	double nc = (exp(pi * tan(f)) * pow(tan(pi / 4 + f / 2), 2) - 1.0) / tan(f);
	double kc_inf = nc * (1.58 + 4.09 * pow(tan(f), 4)), k0 = 1.0 - sin(f), kq_inf = kc_inf * k0 * tan(f);
	double aq = kq0 / (kq_inf - kq0) * k0 * sin(f) / sin(pi / 4 + f / 2);
	double ac = kc0 / (kc_inf - kc0) * 2.0 * sin(pi / 4 + f / 2);
	*k_q = (kq0 + kq_inf * aq * zd) / (1.0 + aq * zd);
	*k_c = (kc0 + kc_inf * ac * zd) / (1.0 + ac * zd);
}
