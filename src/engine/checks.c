/* checks.c - utilisation ratios. */
#include "checks.h"
#include "heave.h"
#include "kranz.h"
#include "corrosion.h"

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

const char *const sp_check_names[SP_CHECK_N] = {"bending", "shear",      "embedment", "anchor",
                                                 "kranz",   "heave",      "deflection", "mobilised"};
_Static_assert(sizeof(((sp_checks_t *)0)->util) == 8 * sizeof(double) && SP_CHECK_N == 8,
               "one util member per check kind");

double sp_checks_beta_d(const sp_study_t *st, const sp_profile_t *p, int support_levels)
{
	return sp_checks_beta_b(st, p, support_levels); /* the reference table gives beta_B and beta_D together */
}

const char *sp_checks_governing_name(const sp_checks_t *k)
{
	return k->governing == SP_CHECK_FAILED ? "analysis-failed" : sp_check_names[k->governing];
}

/* Where the free-earth span of an anchored wall ends: the equilibrium toe
 * (limit equilibrium, free earth support: EAU's theoretical toe), else the
 * wall's toe. The beam engine's point of zero shear below a fixing moment
 * would need its diagram, which an external solver does not return: the toe
 * keeps the built-in and the solver path alike (docs/kranz.md). */
static double S_fixing_level_m(const sp_study_t *st, const sp_analysis_t *a, double toe_level_m)
{
	return a->embedment_equilibrium_m > 0 ? st->excavation_level_m - a->embedment_equilibrium_m : toe_level_m;
}

/* Bending after shear, axial force and buckling: the governing utilisation. */
static void S_bending(const sp_study_t *st, const sp_steel_t *s, const sp_profile_t *p,
                      const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out)
{
	double m_ed = out->design_moment_kNm_per_m;
	double m_c = out->moment_resistance_kNm_per_m, m_rd = m_c;
	double v_ed = out->design_shear_kN_per_m;
	if (v_ed > 0.5 * s->v_pl_rd_kN_per_m) /* (5.9), (5.10): on W_pl or W_el as chosen */
		m_rd = fmin(m_c, m_c - sp_steel_rho(v_ed, s->v_pl_rd_kN_per_m) * s->web_term_kNm_per_m);
	double n_ed = out->axial_force_kN_per_m;
	out->buckling_interaction = 0;
	if (n_ed > 0 && s->n_pl_rd_kN_per_m > 0) {
		m_rd = sp_steel_m_n_rd(s->shape, s->section_class, m_rd, n_ed, s->n_pl_rd_kN_per_m);
		/* buckling length (Fig. 5-3, docs/validation.md): from the anchor to the
		 * toe of the equilibrium embedment, the free-earth span; not the
		 * candidate's toe, so that a longer wall never buckles sooner */
		double l_m = anchor->level_m - S_fixing_level_m(st, a, out->toe_level_m);
		double n_cr = sp_steel_n_cr_N(s->E_MPa, s->sec.inertia_cm4_per_m * 1e4,
		                              sp_checks_beta_d(st, p, 1), l_m * 1e3) * 1e-3; /* kN per m */
		if (l_m > 0 && n_ed / n_cr > 0.04 && m_c > 0) { /* (5.11) */
			double chi = sp_steel_chi(s->n_pl_rd_kN_per_m * st->gamma_M0, n_cr, SP_STEEL_CURVE_D_ALPHA);
			out->buckling_interaction = sp_steel_buckling_interaction(n_ed, chi, s->n_pl_rd_kN_per_m, m_ed, m_c,
			                                                          st->gamma_M0, st->gamma_M1);
		}
	}
	out->bending_resistance_kNm_per_m = m_rd > 0 ? m_rd : 0;
	out->util_bending = S_ratio(m_ed, out->bending_resistance_kNm_per_m);
	if (out->buckling_interaction > out->util_bending || isnan(out->buckling_interaction))
		out->util_bending = isnan(out->buckling_interaction) ? NAN : fmin(out->buckling_interaction, SP_UTIL_CAP);
}

/* Kranz: an anchored wall whose study gives [anchor] length_m. The deep slip
 * plane leaves the wall at its fixing level (S_fixing_level_m). An anchorage
 * the check cannot model (its foot not below the retained surface) gives a
 * NaN utilisation: never a pass. */
/* The allowable force of the anchorage of an anchored wall whose free-earth
 * span ends at S_fixing_level_m: 1, or -1 when it cannot be modelled. */
static int S_kranz_allowable(const sp_study_t *st, const sp_anchor_option_t *anchor, const sp_analysis_t *a,
                             double toe_level_m, double *allowable_kN_per_m)
{
	sp_kranz_input_t in = {.anchor_level_m = anchor->level_m, .anchor_inclination_deg = st->anchor_inclination_deg,
	                       .anchor_length_m = st->anchor_length_m, .anchorage_height_m = st->anchorage_height_m,
	                       .slip_start_level_m = S_fixing_level_m(st, a, toe_level_m)};
	sp_kranz_result_t kr;
	if (sp_kranz_run(st, &in, &kr, NULL) != SP_OK)
		return -1;
	*allowable_kN_per_m = kr.allowable_kN_per_m;
	return 1;
}

void sp_checks_kranz_prepare(const sp_study_t *st, const sp_case_t *c, sp_analysis_t *a)
{
	a->kranz_state = 0;
	/* only where every candidate of the analysis shares the slip plane: an
	 * equilibrium toe, or the case's own length (engines that use it) */
	if (!a->ok || !c->anchor.anchored || !st->kranz_checked || !(a->embedment_equilibrium_m > 0 || c->length_m > 0))
		return;
	a->kranz_state = S_kranz_allowable(st, &c->anchor, a, st->top_of_wall_m - c->length_m, &a->kranz_allowable_kN_per_m);
}

static void S_kranz(const sp_study_t *st, const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out)
{
	out->util_kranz = 0;
	out->kranz_allowable_anchor_force_kN_per_m = NAN;
	if (!anchor->anchored || !st->kranz_checked)
		return;
	sp_kranz_result_t kr;
	int state = a->kranz_state;
	if (state != 0)
		kr.allowable_kN_per_m = a->kranz_allowable_kN_per_m;
	else
		state = S_kranz_allowable(st, anchor, a, out->toe_level_m, &kr.allowable_kN_per_m);
	if (state < 0) {
		out->util_kranz = NAN; /* no block to check: never a pass */
		return;
	}
	double incl = st->anchor_inclination_deg * SP_PI / 180.0;
	double force = st->anchor_force_factor * a->anchor_force_kN_per_m / cos(incl); /* along the anchor */
	out->kranz_allowable_anchor_force_kN_per_m = kr.allowable_kN_per_m;
	double u = sp_kranz_utilisation(force, st->kranz_factor, &kr);
	out->util_kranz = isnan(u) ? NAN : fmin(u, SP_UTIL_CAP);
}

void sp_checks_run(const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g, double length_m,
                   const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out)
{
	double loss[2];
	sp_steel_t s;
	sp_steel_init(&s, st, p, g, sp_corrosion_study_loss_mm(st, loss));
	sp_checks_run_steel(st, &s, p, length_m, anchor, a, out);
}

void sp_checks_run_steel(const sp_study_t *st, const sp_steel_t *s, const sp_profile_t *p, double length_m,
                         const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out)
{
	out->beta_b = sp_checks_beta_b(st, p, anchor->anchored ? 1 : 0);
	/* W [cm3/m] x f_y [MPa] = 1e-6 m3 x 1e3 kPa = 1e-3 kNm */
	out->moment_resistance_kNm_per_m = out->beta_b * s->w_bending_cm3_per_m * s->fy_MPa * 1e-3 / st->gamma_M0;
	out->thickness_loss_mm = s->sec.thickness_loss_mm;
	out->section_class = s->section_class;
	out->shear_resistance_kN_per_m = s->v_rd_kN_per_m;
	out->toe_level_m = st->top_of_wall_m - length_m;
	out->embedment_available_m = st->excavation_level_m - out->toe_level_m;
	if (!a->ok) {
		out->design_moment_kNm_per_m = out->design_shear_kN_per_m = out->axial_force_kN_per_m = 0;
		out->bending_resistance_kNm_per_m = out->moment_resistance_kNm_per_m;
		out->buckling_interaction = 0;
		out->kranz_allowable_anchor_force_kN_per_m = NAN;
		out->anchor_force_per_anchor_kN = 0;
		for (int k = 0; k < SP_CHECK_N; k++)
			out->util[k] = 0;
		out->util_max = 0;
		out->governing = SP_CHECK_FAILED;
		out->feasible = 0;
		return;
	}
	out->design_moment_kNm_per_m = st->moment_factor * a->max_moment_kNm_per_m;
	out->design_shear_kN_per_m = st->moment_factor * a->max_shear_kN_per_m;
	out->util_shear = S_ratio(out->design_shear_kN_per_m, s->v_rd_kN_per_m);
	out->anchor_force_per_anchor_kN = 0;
	out->util_anchor = 0;
	out->axial_force_kN_per_m = 0;
	if (anchor->anchored) {
		double incl = st->anchor_inclination_deg * SP_PI / 180.0;
		out->anchor_force_per_anchor_kN = st->anchor_force_factor * a->anchor_force_kN_per_m * st->anchor_spacing_m
		                                  / cos(incl);
		out->axial_force_kN_per_m = st->anchor_force_factor * a->anchor_force_kN_per_m * tan(incl);
		if (st->anchor_capacity_kN > 0)
			out->util_anchor = S_ratio(out->anchor_force_per_anchor_kN, st->anchor_capacity_kN);
	}
	S_bending(st, s, p, anchor, a, out);
	S_kranz(st, anchor, a, out);
	sp_heave_result_t hv;
	sp_heave_run(st, out->toe_level_m, &hv);
	out->util_heave = isnan(hv.util_heave) ? NAN : fmin(hv.util_heave, SP_UTIL_CAP);
	out->util_embedment = S_ratio(a->embedment_required_m, out->embedment_available_m);
	out->util_deflection = out->util_mobilised = 0;
	if (a->has_displacement) {
		if (st->deflection_limit_mm > 0)
			out->util_deflection = S_ratio(a->max_displacement_mm, st->deflection_limit_mm);
		out->util_mobilised = S_ratio(a->mobilised_passive_pct, st->mobilised_limit_pct);
	}
	/* the largest utilisation, NaN when one is (fmax would drop it); feasible
	 * only when every one is finite and <= 1 */
	out->util_max = out->util[0];
	out->governing = 0;
	out->feasible = 1;
	for (int k = 0; k < SP_CHECK_N; k++) {
		double u = out->util[k];
		if (!isnan(out->util_max) && (isnan(u) || u > out->util_max)) {
			out->util_max = u;
			out->governing = k;
		}
		if (!(isfinite(u) && u <= 1.0))
			out->feasible = 0;
	}
}
