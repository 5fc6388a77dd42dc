/* checks.h - code checks of one candidate -> utilisation ratios (pure).
 *
 * Bending (EN 1993-5 5.2.2, elastic):  M_Ed / M_c,Rd with
 *   M_c,Rd = beta_B W_el f_y / gamma_M0, beta_B = 1 for Z-piles and from
 *   the U-pile table (EN 1993-5 5.2.2(2), values of the reference table) for U-piles.
 * Embedment: required / available below the excavation.
 * Anchor: design force per anchor / anchor capacity (when a capacity is given).
 * Deflection and mobilised passive resistance (beam engine): against their limits. */
#ifndef SP_CHECKS_H
#define SP_CHECKS_H

#include "catalogue.h"
#include "engine.h"
#include "study.h"

#define SP_UTIL_CAP 999.0 /* utilisations are reported up to this value */

typedef struct {
	double beta_b;                         /* EN 1993-5 reduction on W for U-piles */
	double design_moment_kNm_per_m;        /* M_Ed */
	double moment_resistance_kNm_per_m;    /* M_c,Rd */
	double embedment_available_m;          /* below the excavation */
	double toe_level_m;
	double anchor_force_per_anchor_kN;     /* design force along the anchor axis */
	double util_bending, util_embedment, util_anchor, util_max;
	/* engines with displacements (beam): largest displacement against
	 * [design] deflection_limit_mm (0 when no limit), mobilised passive
	 * resistance against [design] mobilised_limit_pct */
	double util_deflection, util_mobilised;
	int feasible;
} sp_checks_t;

/* The nine numbers of an analysis that an external solver gives back (its
 * result file, the journal), in that order, and the range a real analysis
 * lies in: magnitudes (|M|, |V|, |u|, anchor force, mobilised resistance)
 * from 0 to 1e9 in their units, embedments from 0 to 1e4 m, the level of the
 * largest moment within +-1e4 m. Whatever is read from outside is checked
 * against them (sp_checks_number_range) before it is believed. */
#define SP_CHECKS_N_NUMBERS 9
extern const char *const sp_checks_number_names[SP_CHECKS_N_NUMBERS]; /* as in the result file */
/* Number k (0 <= k < SP_CHECKS_N_NUMBERS) of a. */
double *sp_checks_number(sp_analysis_t *a, int k);
/* NULL when v is a value number k can have (finite, within its range), else
 * the range it must lie in, e.g. "a number from 0 to 1e9 (kNm/m)". */
const char *sp_checks_number_range(int k, double v);

/* beta_B of EN 1993-5 for a section; support_levels = structural supports (0 cantilever). */
double sp_checks_beta_b(const sp_study_t *st, const sp_profile_t *p, int support_levels);

/* Utilisations of a candidate. feasible = 1 only when every utilisation is
 * finite and <= 1; a NaN one (a NaN in the analysis) makes util_max NaN and
 * the candidate infeasible, never hidden by a max that drops it. */
void sp_checks_run(const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g, double length_m,
                   const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out);

#endif
