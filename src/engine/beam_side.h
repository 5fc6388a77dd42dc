/* beam_side.h - a side's loading that a later stage repeats: the stage's
 * inputs for one side (its key), the half springs as the loading set them,
 * and setting them again (beam_load.c calls these; beam_side.c). */
#ifndef SP_BEAM_SIDE_H
#define SP_BEAM_SIDE_H

#include "beam_work.h"

/* The uniform load on side in stage st (kPa): the sum of the loads on. */
double sp_beam_side_q_kPa(const sp_wall_t *w, const sp_wall_stage_t *st, int side);

/* Whether stage st loads side as the last stage did, which kept its halves
 * (the same side key; ls the side's layers, q its uniform load): 1 to set
 * the springs again with sp_beam_side_replay. Otherwise *keep says whether
 * the loading is to keep its halves (sp_beam_side_keep): the next stage of
 * the wall loads the side alike. */
int sp_beam_side_unchanged(sp_beam_work_t *b, const sp_wall_stage_t *st, int side, const sp_wall_layer_t *ls,
                           double q, int *keep);

/* Keep node i's half springs on side as the loading just set them (before
 * they merge). */
void sp_beam_side_keep(sp_beam_work_t *b, int i, int side);

/* Set every half spring of side again from what the last loading kept, its
 * curve prepared, the halves of each node merged again; nothing to do where
 * the springs hold that loading still (no initial stage's offsets, no node
 * whose halves the merge may join now). */
void sp_beam_side_replay(sp_beam_work_t *b, int side);

/* Every half spring of side set from b->halves (as a loading keeps them),
 * its curve prepared, the halves of each node merged (by their present
 * states): the replay's work, and a stage set from a memo (beam_loads.c). */
void sp_beam_side_set(sp_beam_work_t *b, int side);

/* Both halves of node i on side in the same layer and state: one spring
 * with both lengths (the lower one off, marked merged). */
void sp_beam_side_merge(sp_beam_work_t *b, int i, int side);

#endif
