/* checks.c - utilisation ratios. */
#include "checks.h"

#include <math.h>

/* beta_B for U-piles by unit (singles / crimped doubles), number of support
 * levels (0, 1, >1) and ground condition (highly unfavourable, unfavourable,
 * favourable): shared/reference/en1993_5_u_pile_reduction_factors.csv, from the
 * GEO5 help's table of EN 1993-5 recommended values (nationally determined). */
static const double S_beta_b[2][3][3] = {
	/* singles or uncrimped doubles */
	{{0.40, 0.50, 0.60}, {0.55, 0.60, 0.70}, {0.65, 0.70, 0.80}},
	/* crimped or welded doubles */
	{{0.70, 0.75, 0.80}, {0.80, 0.85, 0.90}, {0.90, 0.95, 1.00}},
};

double sp_checks_beta_b(const sp_study_t *st, const sp_profile_t *p, int support_levels)
{
	if (p->shape == SP_SHAPE_Z)
		return 1.0; /* interlocks on the extreme fibres: no reduction */
	int s = support_levels < 0 ? 0 : support_levels > 2 ? 2 : support_levels;
	return S_beta_b[st->upile_unit][s][st->upile_condition];
}

/* ---- the numbers of an analysis from outside ---------------------------------- */

const char *const sp_checks_number_names[SP_CHECKS_N_NUMBERS] = {
	"embedment_required_m", "embedment_equilibrium_m", "max_moment_kNm_per_m", "max_moment_level_m",
	"max_shear_kN_per_m",   "anchor_force_kN_per_m",   "max_displacement_mm",  "top_displacement_mm",
	"mobilised_passive_pct"};

static const struct {
	double lo, hi;
	const char *range;
} S_range[SP_CHECKS_N_NUMBERS] = {
	{0, 1e4, "a number from 0 to 1e4 (m)"},          {0, 1e4, "a number from 0 to 1e4 (m)"},
	{0, 1e9, "a number from 0 to 1e9 (kNm/m)"},      {-1e4, 1e4, "a number from -1e4 to 1e4 (m)"},
	{0, 1e9, "a number from 0 to 1e9 (kN/m)"},       {0, 1e9, "a number from 0 to 1e9 (kN/m)"},
	{0, 1e9, "a number from 0 to 1e9 (mm)"},         {0, 1e9, "a number from 0 to 1e9 (mm)"},
	{0, 1e9, "a number from 0 to 1e9 (%)"},
};

double *sp_checks_number(sp_analysis_t *a, int k)
{
	double *f[SP_CHECKS_N_NUMBERS] = {&a->embedment_required_m, &a->embedment_equilibrium_m,
	                                  &a->max_moment_kNm_per_m, &a->max_moment_level_m,
	                                  &a->max_shear_kN_per_m,   &a->anchor_force_kN_per_m,
	                                  &a->max_displacement_mm,  &a->top_displacement_mm,
	                                  &a->mobilised_passive_pct};
	return f[k];
}

const char *sp_checks_number_range(int k, double v)
{
	return v >= S_range[k].lo && v <= S_range[k].hi ? NULL : S_range[k].range; /* false for NaN */
}

/* ---- utilisations ----------------------------------------------------------------- */

static double S_ratio(double need, double have)
{
	if (isnan(need) || isnan(have))
		return NAN; /* never a number made up for it */
	if (need <= 0)
		return 0.0;
	if (have <= 0 || need / have > SP_UTIL_CAP)
		return SP_UTIL_CAP;
	return need / have;
}

void sp_checks_run(const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g, double length_m,
                   const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out)
{
	out->beta_b = sp_checks_beta_b(st, p, anchor->anchored ? 1 : 0);
	/* W [cm3/m] x f_y [MPa] = 1e-6 m3 x 1e3 kPa = 1e-3 kNm */
	out->moment_resistance_kNm_per_m = out->beta_b * p->w_el_cm3_per_m * g->fy_MPa * 1e-3 / st->gamma_M0;
	out->toe_level_m = st->top_of_wall_m - length_m;
	out->embedment_available_m = st->excavation_level_m - out->toe_level_m;
	if (!a->ok) {
		out->design_moment_kNm_per_m = 0;
		out->anchor_force_per_anchor_kN = 0;
		out->util_bending = out->util_embedment = out->util_anchor = out->util_max = 0;
		out->util_deflection = out->util_mobilised = 0;
		out->feasible = 0;
		return;
	}
	out->design_moment_kNm_per_m = st->moment_factor * a->max_moment_kNm_per_m;
	out->util_bending = S_ratio(out->design_moment_kNm_per_m, out->moment_resistance_kNm_per_m);
	out->util_embedment = S_ratio(a->embedment_required_m, out->embedment_available_m);
	out->anchor_force_per_anchor_kN = 0;
	out->util_anchor = 0;
	if (anchor->anchored) {
		out->anchor_force_per_anchor_kN = st->anchor_force_factor * a->anchor_force_kN_per_m * st->anchor_spacing_m
		                                  / cos(st->anchor_inclination_deg * SP_PI / 180.0);
		if (st->anchor_capacity_kN > 0)
			out->util_anchor = S_ratio(out->anchor_force_per_anchor_kN, st->anchor_capacity_kN);
	}
	out->util_deflection = out->util_mobilised = 0;
	if (a->has_displacement) {
		if (st->deflection_limit_mm > 0)
			out->util_deflection = S_ratio(a->max_displacement_mm, st->deflection_limit_mm);
		out->util_mobilised = S_ratio(a->mobilised_passive_pct, st->mobilised_limit_pct);
	}
	/* the largest utilisation, NaN when one is (fmax would drop it); feasible
	 * only when every one is finite and <= 1 */
	const double u[] = {out->util_bending, out->util_embedment, out->util_anchor, out->util_deflection,
	                    out->util_mobilised};
	out->util_max = u[0];
	out->feasible = 1;
	for (size_t i = 0; i < sizeof u / sizeof *u; i++) {
		if (isnan(u[i]) || u[i] > out->util_max)
			out->util_max = u[i];
		if (!(isfinite(u[i]) && u[i] <= 1.0))
			out->feasible = 0;
	}
}
