/* study_calc.h - a subgrade study's D-Sheet Piling calculation type in the
 * study file: [dsheet-calculation] and its [partial-factors 1|2] sections
 * (docs/study-file.md), read into and written from wall->calc. */
#ifndef SP_STUDY_CALC_H
#define SP_STUDY_CALC_H

#include <stdio.h>
#include "sp_ini.h"
#include "study.h"
#include "wall.h"

/* 1 if the section is one of these. */
int sp_study_calc_section(const char *section);
/* Read them (absent: a standard calculation); errors through c. */
void sp_study_calc_read(sp_ini_t *c, sp_wall_t *w);
/* [design] verification and verification_class of a search, and the
 * [partial-factors N] keys overriding the built-in sets
 * (core/partial_factors.h) into st; after [design] method is read. Errors
 * (file:line, EX_DATAERR) through c. */
void sp_study_calc_read_verification(sp_ini_t *c, sp_study_t *st);
/* Write them (nothing for a standard calculation). */
void sp_study_calc_write(FILE *fp, const sp_wall_t *w);

#endif
