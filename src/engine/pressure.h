/* pressure.h - depth-wise horizontal pressures on both faces of a wall in a
 * layered soil with a water level on each side and a uniform surcharge.
 *
 * The wall runs from the top of the wall down to `bottom_level_m`. Between
 * breakpoints (top of wall, ground levels, layer tops, water levels, anchor
 * level, tension cut-off points) every pressure is linear in the level, so a
 * profile is a list of segments with the four limit pressures at each end:
 *   active_ret   retained side, soil moving towards the excavation (active)
 *   passive_ret  retained side, wall pushed into the retained soil (passive)
 *   active_exc   excavation side, wall moving away from it (active)
 *   passive_exc  excavation side, wall pushed into it (passive)
 * each the TOTAL horizontal pressure in kPa: effective earth pressure plus pore
 * water pressure for drained layers, sigma_v -/+ 2 c_u for undrained ones.
 * Hydrostatic water on each side, no seepage. */
#ifndef SP_PRESSURE_H
#define SP_PRESSURE_H

#include <stddef.h>
#include "study.h"

/* Strength and load factors of a safety convention, applied while building,
 * and the factor on the analysis' action effects.
 *
 * The EN 1997-1 conventions (ec7-*) factor the effects of actions (eq. 2.6b)
 * with the single-source principle (section 2.4.2(9) NOTE): all earth and water
 * pressures that push, on either face, are one permanent action whose net
 * effect is multiplied by gamma_G; a variable surcharge by gamma_Q; the
 * effective passive earth pressure is the earth resistance, divided by
 * gamma_R;e (eq. 2.7b). The analysis runs with everything divided by gamma_G:
 * surcharge x gamma_Q / gamma_G, earth resistance / (gamma_G gamma_R;e); its
 * equilibrium is the design equilibrium, and its moments, shears, anchor
 * force and pressures times effect_factor (= gamma_G) are design values. */
typedef struct {
	double passive_divisor;   /* divides passive earth pressure (not water); 1 = none */
	double tan_phi_divisor;   /* divides tan(phi') and tan(delta) */
	double c_divisor;         /* divides c' */
	double cu_divisor;        /* divides c_u */
	double surcharge_factor;  /* multiplies the surcharge */
	double weight_divisor;    /* divides the soil's unit weights (gamma_gamma) */
	double resistance_divisor;/* divides the earth resistance: drained Kp sigma'_v + Kpc c',
	                             undrained its strength term 2 c_u (as passive_divisor) */
	double effect_factor;     /* multiplies moments, shears, anchor force and pressures */
} sp_factors_t;

/* The number of combinations of factors the study's safety convention
 * analyses: 2 for ec7-da1 (combination 1, then combination 2), else 1. */
size_t sp_factors_n(const sp_study_t *st);
/* The factors of combination i (0 <= i < sp_factors_n(st)). */
sp_factors_t sp_factors_at(const sp_study_t *st, size_t i);
/* The factors of the first combination (the only one but for ec7-da1). */
sp_factors_t sp_factors_of(const sp_study_t *st);

typedef struct {
	double z_top_m, z_bot_m;          /* levels, z_top_m > z_bot_m */
	double active_ret[2], passive_ret[2], active_exc[2], passive_exc[2]; /* kPa at top [0] and bottom [1] */
	double water_ret[2], water_exc[2];/* pore water pressure part, kPa */
} sp_segment_t;

typedef struct {
	sp_segment_t *seg;
	size_t n, cap;
} sp_pressure_t;

/* Build the profile from the top of the wall down to bottom_level_m, with an
 * extra breakpoint at extra_level_m (e.g. the anchor) when it lies inside.
 * Returns SP_OK, or SP_ESOFTWARE when out of memory. The caller frees with
 * sp_pressure_free(). */
int sp_pressure_build(sp_pressure_t *pr, const sp_study_t *st, const sp_factors_t *f, double bottom_level_m,
                     double extra_level_m);
void sp_pressure_free(sp_pressure_t *pr);

#endif
