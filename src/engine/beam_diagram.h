/* beam_diagram.h - the results of a solved stage of the beam engine
 * (beam.h): moment, shear, displacement and pressures along the wall, their
 * extremes, the anchor and strut forces and the mobilised passive
 * resistance. */
#ifndef SP_BEAM_DIAGRAM_H
#define SP_BEAM_DIAGRAM_H

#include "beam_result.h"
#include "beam_work.h"

/* Fill *res (but its status) from the state of b after sp_beam_solve_stage;
 * with want_nodes, res->nodes too (owned by res, see sp_beam_result_free).
 * Uses b->resid (the solution's residuals) as its scratch. Returns SP_OK, or
 * SP_ESOFTWARE when out of memory. */
int sp_beam_diagram_stage(sp_beam_work_t *b, const sp_wall_stage_t *st, int want_nodes, sp_beam_stage_result_t *res);

#endif
