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

/* Strength and load factors of a safety convention, applied while building. */
typedef struct {
	double passive_divisor;   /* divides passive earth pressure (not water); 1 = none */
	double tan_phi_divisor;   /* divides tan(phi') and tan(delta) */
	double c_divisor;         /* divides c' */
	double cu_divisor;        /* divides c_u */
	double surcharge_factor;  /* multiplies the surcharge */
} sp_factors_t;

/* The factors the study's safety convention applies to the analysis. */
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
