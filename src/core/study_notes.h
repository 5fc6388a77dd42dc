/* study_notes.h - the importer's notes in the study file: what
 * `sheetpile import-dsheet` read but does not compute (a CPT-interpreted
 * profile, the settlement by vibration), kept as keys of a [dsheet] section
 *
 *   [dsheet]
 *   note_1 = settlement by vibration (Trildens): ...
 *   note_2 = ...
 *
 * so that the study reader keeps them (sp_wall_t notes, one a line) and
 * analyze and run repeat them as warnings. A long note is written over
 * indented continuation lines (sp_ini.h), which read back as one line. */
#ifndef SP_STUDY_NOTES_H
#define SP_STUDY_NOTES_H

#include <stdio.h>
#include "sp_ini.h"
#include "wall.h"

/* The most notes a study holds (note_1 .. note_SP_STUDY_NOTES_MAX). */
#define SP_STUDY_NOTES_MAX 16

/* 1 for the section name "dsheet". */
int sp_study_notes_section(const char *section);

/* [dsheet] note_1, note_2, ... (consecutive from 1) appended to w->notes;
 * any other key of the section is left unused (reported as unknown). */
void sp_study_notes_read(sp_ini_t *c, sp_wall_t *w);

/* The [dsheet] section of w->notes, nothing when w has none: control
 * characters become blanks and a ';' after a blank (an inline comment to
 * the INI reader) a ','; lines broken at blanks after 100 characters. */
void sp_study_notes_write(FILE *fp, const sp_wall_t *w);

#endif
