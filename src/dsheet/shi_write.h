/* shi_write.h - writer of D-Sheet Piling input files (.shi) from the wall
 * model: the inverse of shi.h.
 *
 * The file has the sections, fixed column layouts, key order and line ends
 * (CRLF) of the files D-Sheet Piling 24.1 writes (tests/data/dsheet), so that
 * its console can calculate it: a standard calculation (no verification,
 * no design of the length), the sheet piling (or single pile) model, elastic;
 * moduli after Menard are written as the moduli they gave. Numbers are
 * printed as D-Sheet Piling prints them (e.g. levels with 2 decimals) when
 * that reads back to the same double, and otherwise in the shortest form
 * that does, so sp_shi_read() of the written file gives back the same wall
 * (tests/test_shi_write.c checks this field by field on the benchmarks).
 *
 * Written in the model's own form: moduli of subgrade reaction as the
 * tangent moduli of each branch (Kb/Ko, never the "Cur" secant values),
 * SoilShellFactor 1 and EI reduction factor 1 (already applied), one soil
 * profile for both sides, one surface per distinct surface of the stages
 * (level at the wall and, when sloping, the points beyond it) and one water
 * level per distinct phreatic level.
 *
 * Not written, because they are settings of sheetpile's own beam engine and
 * not of the model (D-Sheet Piling chooses its own discretisation and
 * convergence): max_element_m, max_iterations and tolerance_kPa.
 *
 * Whatever the file format cannot hold exactly is an error that names the
 * item and the reason, and nothing is written: an empty name, a name with
 * blanks at either end or a control character or starting with '[', two
 * items of one kind with the same name, a number that is not finite, layers
 * or wall elements out of order, a wall whose last element does not end at
 * top - length, a top displacement that has no exact value in m, and a
 * sloping surface that D-Sheet Piling would read otherwise (points not
 * beyond the wall in increasing order, points all at the wall's level, or a
 * side without the c, phi, delta method). */
#ifndef SP_SHI_WRITE_H
#define SP_SHI_WRITE_H

#include <stdio.h>
#include "sp.h"
#include "wall.h"

/* Write the complete .shi file of w to fp. source_name (may be NULL) is
 * named in the banner. Returns SP_OK; SP_EDATA with the reason in *err when
 * w cannot be written exactly (fp untouched); SP_EIO on a write error;
 * SP_ESOFTWARE when out of memory. Thread-safe (no static state). */
int sp_shi_write(FILE *fp, const sp_wall_t *w, const char *source_name, sp_err_t *err);

#endif
