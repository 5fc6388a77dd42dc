/* heave.c - hydraulic heave (EN 1997-1 HYD) on Terzaghi's prism; see heave.h
 * and docs/heave.md. */
#include "heave.h"

#include <math.h>
#include <string.h>

#include "sp.h"

/* 8-point Gauss-Legendre on [-1, 1] (Abramowitz & Stegun, Table 25.4) */
static const double S_gl_x[4] = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
static const double S_gl_w[4] = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

double sp_heave_excess_fraction(double x_m, double depth_m, double penetration_m)
{
	double d = penetration_m;
	if (!(d > 0) || !(x_m >= 0) || !(depth_m >= 0))
		return NAN;
	/* z^2 + d^2 = a + i b with z = x - i depth; d Re(t) = Re sqrt(a + i b) */
	double a = x_m * x_m - depth_m * depth_m + d * d;
	double b = -2.0 * x_m * depth_m;
	double re_dt = sqrt(fmax(0.0, 0.5 * (hypot(a, b) + a)));
	/* Re arccos(t) = arccos(beta), beta = (|t + 1| - |t - 1|) / 2 (A&S 4.4.37);
	 * beta = Re(t) / alpha and sqrt(1 - beta^2) = (depth / d) / alpha, so
	 * Re arccos(t) = atan2(depth, d Re t): no cancellation near the surface */
	return atan2(depth_m, re_dt) / SP_PI;
}

/* Mean of the excess fraction over 0 <= x <= width at depth, with x = s^2
 * so that the square-root behaviour at the toe is integrated exactly. */
static double S_mean_fraction(double width_m, double depth_m, double penetration_m)
{
	double s_max = sqrt(width_m), sum = 0.0;
	for (int k = 0; k < 8; k++) {
		double xi = k < 4 ? S_gl_x[k] : -S_gl_x[k - 4];
		double w = S_gl_w[k < 4 ? k : k - 4];
		double s = 0.5 * s_max * (xi + 1.0);
		sum += w * 0.5 * s_max * 2.0 * s * sp_heave_excess_fraction(s * s, depth_m, penetration_m);
	}
	return sum / width_m;
}

static double S_util(double dst, double stb)
{
	if (stb > 0)
		return dst / stb;
	return dst > 0 ? INFINITY : 0.0;
}

void sp_heave_verify(double u_k_kPa, double sigma_k_kPa, double s_k_kN_per_m, double g_k_kN_per_m,
                     double gamma_g_dst, double gamma_g_stb, sp_heave_verify_t *out)
{
	out->u_dst_d_kPa = gamma_g_dst * u_k_kPa;
	out->sigma_stb_d_kPa = gamma_g_stb * sigma_k_kPa;
	out->s_dst_d_kN_per_m = gamma_g_dst * s_k_kN_per_m;
	out->g_stb_d_kN_per_m = gamma_g_stb * g_k_kN_per_m;
	out->util_stress = S_util(out->u_dst_d_kPa, out->sigma_stb_d_kPa);
	out->util_force = S_util(out->s_dst_d_kN_per_m, out->g_stb_d_kN_per_m);
}

/* Total vertical stress from the unit weights of the layers between the
 * levels top_m > bottom_m, gamma above water_m and gamma_sat below it. */
static double S_soil_stress(const sp_study_t *st, double top_m, double bottom_m, double water_m)
{
	double sigma = 0.0;
	for (size_t i = 0; i < st->n_layers; i++) {
		const sp_layer_t *l = &st->layers[i];
		double hi = fmin(top_m, l->top_level_m);
		double lo = i + 1 < st->n_layers ? fmax(bottom_m, st->layers[i + 1].top_level_m) : bottom_m;
		if (hi <= lo)
			continue;
		double dry = fmax(0.0, hi - fmax(lo, water_m)); /* part above the water level */
		double wet = (hi - lo) - dry;
		sigma += l->gamma_kN_m3 * dry + l->gamma_sat_kN_m3 * wet;
	}
	return sigma;
}

void sp_heave_run(const sp_study_t *st, double toe_level_m, sp_heave_result_t *out)
{
	memset(out, 0, sizeof *out);
	if (!isfinite(toe_level_m)) { /* no number: never a passed check */
		out->util_heave = NAN;
		return;
	}
	double gw = st->gamma_w_kN_m3;
	double we = st->water_excavation_m, exc = st->excavation_level_m;
	double h = st->water_retained_m - we;
	double boundary = fmin(exc, we); /* the downstream seepage boundary */
	out->head_difference_m = h;
	out->embedment_m = exc - toe_level_m;
	out->penetration_m = boundary - toe_level_m;
	if (!(h > 0) || !(out->embedment_m > 0) || !(out->penetration_m > 0))
		return;
	out->applies = 1;
	double d = out->penetration_m, b = 0.5 * out->embedment_m;
	out->prism_width_m = b;
	out->excess_head_toe_m = h * sp_heave_excess_fraction(0.0, d, d);
	out->excess_head_prism_m = h * S_mean_fraction(b, d, d);
	out->gradient_prism = out->excess_head_prism_m / d;
	out->exit_gradient = h / (SP_PI * d);
	double u_hydro = gw * (we - toe_level_m);
	out->u_k_kPa = u_hydro + gw * out->excess_head_prism_m;
	out->sigma_k_kPa = gw * fmax(0.0, we - exc) + S_soil_stress(st, exc, toe_level_m, we);
	out->s_k_kN_per_m = gw * out->excess_head_prism_m * b;
	out->g_k_kN_per_m = (out->sigma_k_kPa - u_hydro) * b;
	sp_heave_verify(out->u_k_kPa, out->sigma_k_kPa, out->s_k_kN_per_m, out->g_k_kN_per_m, st->hyd_gamma_g_dst,
	                st->hyd_gamma_g_stb, &out->design);
	/* EN 1997-1 2.4.7.5(1) asks for 2.9a *or* 2.9b: the form that verifies
	 * is enough, so the smaller governs (2.9a factors the whole hydrostatic
	 * pore pressure by gamma_G,dst / gamma_G,stb = 1.5 and fails any prism
	 * under deep standing water whatever the seepage; 2.9b, Terzaghi's
	 * force form, does not). NaN when either is (fmin would drop it). */
	double ua = out->design.util_stress, ub = out->design.util_force;
	out->util_heave = isnan(ua) || isnan(ub) ? NAN : ua < ub ? ua : ub;
}
