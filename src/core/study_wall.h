/* study_wall.h - the subgrade-reaction wall model (wall.h) in the study
 * file: the sections read when [design] method = subgrade, the study writer
 * used by `sheetpile import-dsheet`, and the wall of one candidate of a
 * search.
 *
 * The format is in docs/study-file.md ("Subgrade-reaction studies"). A study
 * holds one soil per [layer NAME] (soil name = layer name) and names every
 * item; sp_study_wall_normalise() brings any wall into that form, and
 * sp_study_write_wall() writes its normalised form, so that reading what it
 * wrote gives back exactly sp_study_wall_normalise(w). */
#ifndef SP_STUDY_WALL_H
#define SP_STUDY_WALL_H

#include <stdio.h>
#include "sp_ini.h"
#include "study.h"
#include "wall.h"

/* Fill st->wall (method = subgrade) from [subgrade], the layers, [wall],
 * the item sections and the stages; SP_OK or the error recorded in c.
 * st's other fields are already read. */
int sp_study_read_wall(sp_ini_t *c, sp_study_t *st);

/* 1 when a section name belongs to the subgrade model: "subgrade", "wall"
 * or one of the NAME sections ("stage NAME", "anchor-item NAME", ...). */
int sp_study_wall_section(const char *section);

/* Bring a wall into the form a study file holds: one soil per layer, named
 * after it; names made safe for section headers and lists (no , @ ; [ ] #,
 * no control characters, no blanks at either end, short enough for a
 * section header) and unique within their kind; an empty name becomes
 * "KIND N"; unused entries, flags of absent items and the fields a kind does
 * not have (stiffness of rigid supports, fixities of springs) set to 0.
 * SP_EDATA when the wall has more layers than SP_WALL_MAX_SOILS. */
int sp_study_wall_normalise(sp_wall_t *w, sp_err_t *err);

/* Write a complete study file for w (normalised on a copy) to fp: a comment
 * header naming source_name, [study], [design] method = subgrade,
 * [subgrade], the layers, [wall] and its elements, the items and the stages.
 * Numbers are written in the shortest form that reads back to the same
 * double. SP_EDATA when the wall cannot be normalised, SP_EIO on a write
 * error, SP_ESOFTWARE when out of memory. */
int sp_study_write_wall(FILE *fp, const sp_wall_t *w, const char *source_name, sp_err_t *err);

/* The wall of one candidate of a subgrade search: a copy of st->wall with
 * one element from the top of the wall (st->top_of_wall_m) over length_m of
 * bending stiffness ei_kNm2_per_m and acting width 1. When anchor is
 * anchored, an anchor "anchor" is added at its level (E 2.1e8 kPa, [anchor]
 * area_m2_per_m and length_m, angle [anchor] inclination_deg, left side), and
 * a stage is inserted before the final one that excavates the final stage's
 * lower side to 0.5 m below the anchor (not below the final level); the
 * anchor is on in the final stage. sp_study_read() has checked that there is
 * room for the anchor and the stage. */
void sp_study_wall_for_case(const sp_study_t *st, double ei_kNm2_per_m, double length_m,
                            const sp_anchor_option_t *anchor, sp_wall_t *out);
/* The same wall for an analysis that reads only the wall's stages (the beam
 * engine, engine_beam.c): the stages beyond out->n_stages are not copied
 * (left as out held them), about a third of the copy of sp_study_wall_for_case
 * (a wall of SP_WALL_MAX_STAGES stages is 230 kB). */
void sp_study_wall_for_analysis(const sp_study_t *st, double ei_kNm2_per_m, double length_m,
                                const sp_anchor_option_t *anchor, sp_wall_t *out);

#endif
