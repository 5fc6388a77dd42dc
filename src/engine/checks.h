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

/* beta_B of EN 1993-5 for a section; support_levels = structural supports (0 cantilever). */
double sp_checks_beta_b(const sp_study_t *st, const sp_profile_t *p, int support_levels);

void sp_checks_run(const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g, double length_m,
                   const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out);

#endif
