/* checks.h - code checks of one candidate -> utilisation ratios (pure).
 *
 * Bending and shear (EN 1993-5 5.2, steel.h), beta_B = 1 for Z-piles and
 *   from the U-pile table (EN 1993-5 5.2.2(2), values of the reference table) for U-piles.
 * Embedment: required / available below the excavation.
 * Anchor: design force per anchor / anchor capacity (when a capacity is given).
 * Deflection and mobilised passive resistance (beam engine): against their limits. */
#ifndef SP_CHECKS_H
#define SP_CHECKS_H

#include "catalogue.h"
#include "engine.h"
#include "steel.h"
#include "study.h"

#define SP_UTIL_CAP 999.0 /* utilisations are reported up to this value */

/* The checks of a candidate, in the order of their utilisations in
 * sp_checks_t: a new check is one enum entry, one name and one member. */
typedef enum {
	SP_CHECK_BENDING = 0, /* EN 1993-5 5.2.2-5.2.3: bending, with shear, axial force and buckling */
	SP_CHECK_SHEAR,       /* EN 1993-5 5.2.2(4)-(6): V_Ed / V_Rd */
	SP_CHECK_EMBEDMENT,   /* required / available embedment */
	SP_CHECK_ANCHOR,      /* design force per anchor / capacity */
	SP_CHECK_KRANZ,       /* EAU R 10 / D-Sheet: design anchor force x kranz_factor / allowable (kranz.h) */
	SP_CHECK_HEAVE,       /* EN 1997-1 HYD: hydraulic heave of Terzaghi's prism (heave.h) */
	SP_CHECK_DEFLECTION,  /* beam engine: largest displacement / limit */
	SP_CHECK_MOBILISED,   /* beam engine: mobilised passive resistance / limit */
	SP_CHECK_N
} sp_check_kind;
/* "bending", "shear", ... as in the governing_check column */
extern const char *const sp_check_names[SP_CHECK_N];
#define SP_CHECK_FAILED (-1) /* governing of a failed analysis: "analysis-failed" */

typedef struct {
	double beta_b;                         /* EN 1993-5 reduction on W for U-piles */
	double design_moment_kNm_per_m;        /* M_Ed */
	double moment_resistance_kNm_per_m;    /* M_c,Rd (before shear and axial force) */
	double embedment_available_m;          /* below the excavation */
	double toe_level_m;
	double anchor_force_per_anchor_kN;     /* design force along the anchor axis */
	/* EN 1993-5 (steel.h) */
	double thickness_loss_mm;              /* corrosion of both faces (0 without [durability]) */
	int section_class;                     /* Table 5-1 of the corroded section: 2 (1 or 2), 3, 4 */
	double axial_force_kN_per_m;           /* N_Ed: vertical component of the design anchor force */
	double design_shear_kN_per_m;          /* V_Ed */
	double shear_resistance_kN_per_m;      /* V_Rd */
	double bending_resistance_kNm_per_m;   /* M_c,Rd reduced by shear (5.9) and axial force (5.20-5.22) */
	double buckling_interaction;           /* left side of (5.13); 0 when not needed */
	/* Kranz (kranz.h): the decisive allowable anchor force, kN/m along the
	 * anchor; NaN when not checked (cantilever, no [anchor] length_m) */
	double kranz_allowable_anchor_force_kN_per_m;
	union { /* the utilisations, by sp_check_kind or by name */
		double util[SP_CHECK_N];
		struct {
			double util_bending, util_shear, util_embedment, util_anchor;
			/* anchored walls with [anchor] length_m: the anchorage's deep slip
			 * plane (0 when not checked); with a water level difference: heave */
			double util_kranz, util_heave;
			/* engines with displacements (beam): largest displacement against
			 * [design] deflection_limit_mm (0 when no limit), mobilised passive
			 * resistance against [design] mobilised_limit_pct */
			double util_deflection, util_mobilised;
		};
	};
	double util_max;
	int governing;                         /* sp_check_kind of util_max, or SP_CHECK_FAILED */
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

/* beta_D of EN 1993-5 6.4 for (5.12): 1 for Z-piles, the beta_B table for U-piles. */
double sp_checks_beta_d(const sp_study_t *st, const sp_profile_t *p, int support_levels);

/* Utilisations of a candidate whose profile x grade is s (sp_steel_init
 * with the study's corrosion: computed once per pair by the plan).
 * feasible = 1 only when every utilisation is finite and <= 1; a NaN one (a
 * NaN in the analysis) makes util_max NaN and the candidate infeasible,
 * never hidden by a max that drops it; governing names the largest (the
 * first NaN). Bending (EN 1993-5 5.2): M_Ed = moment_factor x max moment
 * against M_c,Rd = beta_B W f_y / gamma_M0 (W_pl with resistance = plastic
 * and class 1-2, else W_el; class 4: 0, infeasible), reduced for shear by
 * (5.9)-(5.10) when V_Ed > V_pl,Rd / 2 and for the axial force N_Ed (design
 * anchor force x tan(inclination)) by (5.17)-(5.22); with N_Ed / N_cr >
 * 0.04 also (5.13) with l = anchor level - toe of the equilibrium
 * embedment (docs/validation.md). */
void sp_checks_run_steel(const sp_study_t *st, const sp_steel_t *s, const sp_profile_t *p, double length_m,
                         const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out);
/* The same with the profile x grade computed here (one candidate at a time). */
void sp_checks_run(const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g, double length_m,
                   const sp_anchor_option_t *anchor, const sp_analysis_t *a, sp_checks_t *out);
/* Kranz's allowable force once for analysis a of case c (a->kranz_state),
 * where every candidate of the analysis shares it: the evaluator calls it
 * after each analysis, so the checks do not compute it per candidate. */
void sp_checks_kranz_prepare(const sp_study_t *st, const sp_case_t *c, sp_analysis_t *a);
/* "bending" ... or "analysis-failed" */
const char *sp_checks_governing_name(const sp_checks_t *k);

#endif
