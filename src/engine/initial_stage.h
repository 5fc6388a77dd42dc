/* initial_stage.h - D-Sheet Piling's "first stage as initial stage"
 * (CalcFirstStageInitial=1, sp_wall_t first_stage_initial): the first stage
 * is the soil before the wall is placed.
 *
 * Without the wall the horizontal stress is the same on both sides of its
 * line: K0 sigma_v' plus Flamant's sigma_x of the surcharges and sloping
 * ground of BOTH sides, without the mirror image a wall adds
 * (sp_surcharge_free_stress). The wall placed in that soil does not move in
 * the first stage. Every later stage takes its neutral pressure by the
 * ordinary rule (beam_load.c) plus the same difference, at each spring, as
 * in the first stage: the initial state stays the base, the stages change it
 * as they change the ordinary neutral pressure. Active and passive pressures
 * are the ordinary ones.
 *
 * Source: bm4-5b.shd (D-Sheet Piling 24.1; the bm4-5a project with the
 * option), [PRESSURES] neutral column, phi 30 (K0 0.5), gamma 10, 21 m wall:
 * - stage 1 (left: 1 m slope from 0.01 m; right: 20 kPa to 500 m), both
 *   sides 46.80267 kPa at -6.60 m and 95.02981 at -16.60 (= 33 + 9.2018 +
 *   4.6009 and 83 + 8.0198 + 4.0099); the wall's largest moment 0.009 kNm/m,
 *   displacement 0.00015 mm;
 * - stage 2 (the slope removed, 10 kPa on both sides), right: 40.58112 at
 *   -6.60 and 90.55364 at -16.60 (stage 1's less the ordinary neutral stress
 *   of the 10 kPa taken off, 6.2215 and 4.4762); left unchanged 46.80267,
 *   95.02981 (its slope off and 10 kPa on: the same ordinary stress);
 * - stage 3 (right excavated to -1 m), right: 35.88899 at -6.60, 85.66673
 *   at -16.60 (stage 2's plus the ordinary change, -5 + 0.3079 and -5 +
 *   0.1131).
 * Not covered by bm4-5b (documented choices): loads of the other side act at
 * their depth below that side's surface; a uniform load acts as K0 q on its
 * own side only, as in the ordinary rule; excess pore pressure is ignored in
 * the weight of sloping ground. */
#ifndef SP_INITIAL_STAGE_H
#define SP_INITIAL_STAGE_H

#include "wall.h"

/* The initial-state neutral pressure less the ordinary one (kPa) at level_m
 * on one side of the first stage, where the spring's soil is soil: Flamant's
 * free sigma_x of the other side's loads, less the mirror-image part of the
 * side's own (on a c, phi, delta side, where the ordinary rule adds it). 0 at
 * and above the side's surface. */
double sp_initial_stage_offset_kPa(const sp_wall_t *w, const sp_wall_stage_t *first, int side, double level_m,
                                   const sp_wall_soil_t *soil);

#endif
