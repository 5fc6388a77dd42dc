/* beam_solve.h - one construction stage of the beam engine (beam.h) solved:
 * the beam's stiffness, the soil springs, ties and supports assembled into
 * a band in GSL's lower band storage, Newton iterations with the tangent stiffness, an
 * exact line search, and the state a stage hands on to the next. This is
 * the engine's hot path (compiled with -O3, see src/CMakeLists.txt). */
#ifndef SP_BEAM_SOLVE_H
#define SP_BEAM_SOLVE_H

#include "beam_result.h"
#include "beam_work.h"

/* Solve stage st, set up by sp_beam_load_stage, from the state b holds:
 * b->u and the ties' forces. Sets res->status, reason and iterations.
 * Returns SP_OK, or SP_ESOFTWARE when out of memory. */
int sp_beam_solve_stage(sp_beam_work_t *b, const sp_wall_stage_t *st, sp_beam_stage_result_t *res);

/* End of a solved stage: ties keep their force, springs their plastic shift. */
void sp_beam_solve_commit(sp_beam_work_t *b, const sp_wall_stage_t *st);

/* Beam internal force K u (2n entries in out), with the geometric stiffness
 * of the normal force when with_normal is set. */
void sp_beam_solve_beam_force(const sp_beam_work_t *b, const double *u, int with_normal, double *out);

#endif
