/* study_read.h - read and check a study file (INI, docs/study-file.md). */
#ifndef SP_STUDY_READ_H
#define SP_STUDY_READ_H

#include "study.h"

/* Read and check a study. [search] and [cost] are required, except in a
 * subgrade study with a [wall] section (wall_fixed), where they and
 * [geometry] are optional. Returns NULL and fills *err on failure:
 * SP_ENOINPUT when the file cannot be opened, SP_EDATA for bad content. The
 * profile and grade names are not checked against a catalogue here: see
 * sp_study_resolve(). Free with sp_study_free(). */
sp_study_t *sp_study_read(const char *path, sp_err_t *err);

#endif
