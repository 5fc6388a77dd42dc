/* study_wall_lists.h - the keys of a wall's study file that hold lists of
 * numbers, read for study_wall.c: a stage's sloping surface, the given
 * soil displacements and a diaphragm wall element's moment-curvature
 * diagram (docs/study-file.md). Errors go into c as
 * "file:line: [section] key 'x': ...". */
#ifndef SP_STUDY_WALL_LISTS_H
#define SP_STUDY_WALL_LISTS_H

#include "sp_ini.h"
#include "wall.h"

/* The range of every level of a study file, m. */
#define SP_STUDY_LEVEL_LO_M (-1e4)
#define SP_STUDY_LEVEL_HI_M 1e4

/* A sloping surface of one side of a stage: <side>_surface_distances_m and
 * <side>_surface_levels_m of section sec (as many of each, distances
 * increasing; c, phi, delta only) into s. */
void sp_study_read_surface(sp_ini_t *c, const char *sec, int side, sp_wall_stage_t *s);

/* Given soil displacements: [wall] soil_displacement_levels_m (decreasing)
 * and soil_displacements_mm, as many of each, into w. */
void sp_study_read_soil_displacements(sp_ini_t *c, sp_wall_t *w);

/* A wall element's diagram_moment_kNm_per_m (3 moments for both signs, or
 * 6: positive then negative; rising) and diagram_ei_kNm2_per_m (2 or 4)
 * into e's diagram (wall.h); absent: none. */
void sp_study_read_diagram(sp_ini_t *c, const char *sec, sp_wall_element_t *e);

#endif
