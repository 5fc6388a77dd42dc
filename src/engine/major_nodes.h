/* major_nodes.h - D-Sheet Piling's major nodes of a wall: the levels at which it
 * computes its slide planes when "calculation of the minor nodes" is off
 * (CalcMinorNodesOn=0, sp_wall_t minor_nodes = 0).
 *
 * The rule, read from the [POINTS ON SHEETPILE] of the 59 development .shd
 * files that print them and that the importer reads (docs/validation.md): the key levels (top and toe,
 * element bottoms, layer tops of every soil profile, surfaces and water
 * levels of every stage and side, anchors, struts, supports, line loads and
 * moments) cut the wall into intervals; with the target length h = L/20
 * (L the wall's length; L/100 for a plastic calculation, bm4-44a) an interval
 * of length d is split into floor(d/h) + 1 equal major segments (one when d
 * is exactly h: bm4-15a). Each major
 * segment holds 5 equal minor segments in the .shd (1 for a plastic or
 * diaphragm wall): the beam's nodes of an imported wall (wall.h
 * SP_WALL_MESH_DSHEET, beam_work.c); a native study's uniform mesh is finer
 * and independent of them. */
#ifndef SP_MAJOR_NODES_H
#define SP_MAJOR_NODES_H

#include "wall.h"

/* The major levels of w, top-down, from the top of the wall to its toe, into
 * levels_m (at most cap of them). Returns how many there are (more than cap:
 * only the first cap were written). */
int sp_major_nodes_levels(const sp_wall_t *w, double *levels_m, int cap);

/* Segments of an interval of length_m with the target segment length
 * target_m: floor(length_m / target_m) + 1, 1 when length_m is target_m
 * (D-Sheet Piling, see above). */
int sp_major_nodes_parts(double length_m, double target_m);

#endif
