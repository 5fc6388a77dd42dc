/* heave.h - hydraulic heave in front of the wall: EN 1997-1 2.4.7.5 (HYD) on
 * Terzaghi's prism, with the excess pore pressure from the closed-form flow
 * around a sheet pile in a homogeneous, isotropic, infinitely deep layer.
 * docs/heave.md gives the model, its assumptions and its sources.
 *
 * Levels are in m (up positive), like the study's. Upstream is the retained
 * side (water level water_retained_m), downstream the excavation side (water
 * level water_excavation_m). The seepage boundary downstream is the lower of
 * the excavation level and the excavation-side water level; the wall reaches
 * d = that level - toe below it. The flow is taken as symmetric about the
 * wall (the same penetration d upstream), which is exact for a wall in open
 * water and on the safe side when the retained ground stands higher (a longer
 * upstream path loses more head before the toe).
 *
 * Pure functions: no allocation, no printing; cheap enough to run for every
 * candidate (a dozen square roots and 8 arccosines). */
#ifndef SP_HEAVE_H
#define SP_HEAVE_H

#include "study.h"

/* Excess head (above the downstream head), as a fraction of the head
 * difference, at a point x_m >= 0 from the wall on the downstream side and
 * depth_m >= 0 below the downstream boundary, for a wall that penetrates
 * penetration_m > 0 into the half-plane:
 *   Phi = Re(arccos(t)) / pi,  t = sqrt(z^2 + d^2) / d,  z = x - i depth
 * (Harr, Groundwater and Seepage, 1962, ch. 5: the single sheet pile; the real
 * part by Abramowitz & Stegun 4.4.37, which reduces to atan2(depth, d Re t)).
 * 1/2 at the toe and below it, 0 on the downstream surface, (1/pi)
 * arcsin(depth/d) along the downstream face. */
double sp_heave_excess_fraction(double x_m, double depth_m, double penetration_m);

/* EN 1997-1 2.4.7.5 from characteristic values, for one soil column or prism:
 * (2.9a) u_dst,d = gamma_dst u_k       <= sigma_stb,d = gamma_stb sigma_k
 * (2.9b) S_dst,d = gamma_dst S_k       <= G'_stb,d    = gamma_stb G'_k
 * util_stress = u_dst,d / sigma_stb,d and util_force = S_dst,d / G'_stb,d
 * (0 when the stabilising value is not positive and the destabilising one is
 * 0; infinity when only the stabilising value is not positive). */
typedef struct {
	double u_dst_d_kPa, sigma_stb_d_kPa;       /* 2.9a */
	double s_dst_d_kN_per_m, g_stb_d_kN_per_m; /* 2.9b, per m run of wall */
	double util_stress, util_force;
} sp_heave_verify_t;

void sp_heave_verify(double u_k_kPa, double sigma_k_kPa, double s_k_kN_per_m, double g_k_kN_per_m,
                     double gamma_g_dst, double gamma_g_stb, sp_heave_verify_t *out);

typedef struct {
	int applies;                  /* 1: upward seepage through a prism below the excavation */
	double head_difference_m;     /* H = water retained - water excavation side, m */
	double embedment_m;           /* D = excavation level - toe level, m */
	double penetration_m;         /* d = seepage boundary downstream - toe level, m */
	double prism_width_m;         /* D / 2 (Terzaghi) */
	double excess_head_toe_m;     /* H / 2 at the toe, m */
	double excess_head_prism_m;   /* h_a: mean excess head on the prism's base, m */
	double gradient_prism;        /* h_a / d: mean vertical gradient in the prism, - */
	double exit_gradient;         /* H / (pi d): at the wall on the downstream boundary, - */
	double u_k_kPa;               /* pore pressure on the prism's base (hydrostatic + gamma_w h_a) */
	double sigma_k_kPa;           /* total vertical stress on the prism's base */
	double s_k_kN_per_m;          /* seepage force on the prism, gamma_w h_a D/2 */
	double g_k_kN_per_m;          /* effective weight of the prism, (sigma_k - u_hydrostatic) D/2 */
	sp_heave_verify_t design;     /* the two forms with the study's HYD factors */
	double util_heave;            /* min(util_stress, util_force) (EN 1997-1 2.4.7.5(1): 2.9a or 2.9b); 0 when it does not apply */
} sp_heave_result_t;

/* The check for the wall with its toe at toe_level_m, with the study's
 * layers (unit weights of the excavation side, gamma above the excavation
 * water level, gamma_sat below), water levels, gamma_w and the HYD factors
 * [design] hyd_gamma_g_dst and hyd_gamma_g_stb. No head difference (or one
 * towards the retained side), or a toe at or above the excavation level or
 * the seepage boundary: applies = 0, util_heave = 0. */
void sp_heave_run(const sp_study_t *st, double toe_level_m, sp_heave_result_t *out);

#endif
