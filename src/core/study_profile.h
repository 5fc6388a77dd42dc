/* study_profile.h - the soil profiles of a subgrade study file: a
 * [soil-profile NAME] section (layers = soil names top-down, top_levels_m,
 * optional excess_pore_top_kPa / excess_pore_bottom_kPa per layer) and a
 * [stage]'s left_soil_profile / right_soil_profile (docs/study-file.md). */
#ifndef SP_STUDY_PROFILE_H
#define SP_STUDY_PROFILE_H

#include "sp_ini.h"
#include "wall.h"

/* Read section sec ([soil-profile name]) into p; the soils are w's. Errors
 * are recorded in c. */
void sp_study_profile_read(sp_ini_t *c, const char *sec, const char *name, const sp_wall_t *w, sp_wall_profile_t *p);
/* A stage's key naming a profile: 0 when absent (the [layer] sections), else
 * the profile's number (1 + its index in w->profiles); an unknown name is
 * recorded in c. */
int sp_study_profile_of_stage(sp_ini_t *c, const char *sec, const char *key, const sp_wall_t *w);

#endif
