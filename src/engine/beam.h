/* beam.h - engine 'beam': a wall on elastoplastic soil springs, stage by stage
 * (the subgrade-reaction model of D-Sheet Piling).
 *
 * sp_beam_analyse() solves every construction stage of an sp_wall_t in turn;
 * each stage starts from the spring states the previous one left. Sign
 * conventions are those of wall.h (positive to the right). The engine never
 * prints or exits; a stage that does not converge or has no equilibrium gets
 * a status and a reason, never a NaN. */
#ifndef SP_BEAM_H
#define SP_BEAM_H

#include "beam_result.h"
#include "wall.h"

/* Analyse all stages. want_nodes: fill the per-node results of every stage.
 * Returns SP_OK (stage statuses tell convergence), SP_EDATA for a wall that
 * cannot be modelled (the message says why), SP_ESOFTWARE when out of memory. */
int sp_beam_analyse(const sp_wall_t *w, int want_nodes, sp_beam_result_t *out, sp_err_t *err);

/* The same with the caller's memo of layered wedge searches (wedge_memo.h;
 * NULL: none), kept across the analyses one thread runs: the same results,
 * bit for bit. The memo is not locked: one thread's at a time. */
struct sp_wedge_memo;
int sp_beam_analyse_memo(const sp_wall_t *w, int want_nodes, struct sp_wedge_memo *memo, sp_beam_result_t *out,
                         sp_err_t *err);

#endif
