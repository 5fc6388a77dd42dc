/* verify_design.h - a search candidate verified as D-Sheet Piling verifies
 * a wall ([design] verification, docs/dsheet-verification.md): its wall
 * analysed again under every step of every partial factor set of the study
 * (verify.h), and the checks given the design values. Pure. */
#ifndef SP_VERIFY_DESIGN_H
#define SP_VERIFY_DESIGN_H

#include "engine.h"

/* out holds the characteristic analysis of w (the candidate's wall); with
 * st->verification set, it is given the design values:
 * - max_moment_kNm_per_m, max_shear_kN_per_m: the largest |M|, |V| of the
 *   characteristic run and of every step, a step's times its set's
 *   effect_factor (D-Sheet's design moment, [MAXIMUM SUMMARY RESULTS]);
 * - anchor_force_kN_per_m: likewise, the horizontal anchor force;
 * - mobilised_passive_pct: the largest of the factored steps;
 * - displacements, the diagram and the moment's level stay those of the
 *   characteristic run (serviceability).
 * With cur-b (CUR 166 method B) each verified stage (every stage, or the
 * final one with verification_stages = final) is its own run of
 * sp_verify_wall_b, the stages before it characteristic, and only that
 * stage's result enters the design values.
 * A stage of a step without equilibrium fails the candidate (out->ok = 0,
 * the reason names the stage and the step). SP_OK, or SP_ESOFTWARE. */
int sp_verify_design_apply(const sp_study_t *st, const sp_wall_t *w, sp_analysis_t *out);

#endif
