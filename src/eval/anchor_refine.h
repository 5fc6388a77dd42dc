/* anchor_refine.h - [search] refine_anchor: the anchor level between the
 * study's levels. For one anchored design (profile, grade and length kept)
 * the anchor level in [lowest, highest anchored level of the study] that
 * minimises util_max. util_max is sampled at S_REFINE_SAMPLES evenly
 * spaced levels; around the best interior sample GSL's Brent minimiser
 * (gsl_min_fminimizer_brent) refines the level to refine_anchor_tol_m. A
 * best sample at an end of the interval is kept as it is. Serial and
 * deterministic. done = 0 with a note when the design cannot be refined
 * (a cantilever, fewer than two anchor levels, a fixed [wall]). */
#ifndef SP_ANCHOR_REFINE_H
#define SP_ANCHOR_REFINE_H

#include "catalogue.h"
#include "result.h"
#include "study.h"

typedef struct {
	int done;
	double level_m, util_max;        /* refined */
	int feasible;                    /* at the refined level */
	double grid_level_m, grid_util_max; /* the design as ranked */
	int evaluations, iterations;     /* analyses run, Brent iterations */
	char note[128];
} sp_anchor_refine_t;

int sp_anchor_refine(const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *design,
                     sp_anchor_refine_t *out, sp_err_t *err);

#endif
