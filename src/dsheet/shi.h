/* shi.h - reader of D-Sheet Piling input files (.shi) into the wall model.
 *
 * The input block of a D-Sheet Piling results file (.shd) is the same as the
 * .shi file, so a .shd can be read as well: reading stops at
 * [END OF INPUT DATA].
 *
 * Every feature of the file that changes the analysis but that sp_wall_t
 * cannot represent is an error that names it (never silently dropped), for
 * example "bm1-10.shi:90: [SOIL COLLECTION] soil 'Peat (top)': modulus of
 * subgrade reaction after Menard (single pile model) is not supported".
 * What is ignored, and why, is listed at the top of shi.c. */
#ifndef SP_SHI_H
#define SP_SHI_H

#include "sp.h"
#include "wall.h"

/* Read a D-Sheet Piling .shi file into *w (call sp_wall_init first; fields
 * the file does not set keep their defaults). Returns SP_OK, SP_ENOINPUT
 * (cannot open or read the file) or SP_EDATA with "file:line: [SECTION]
 * message" in *err. On error *w is partly filled and must not be used. */
int sp_shi_read(const char *path, sp_wall_t *w, sp_err_t *err);

#endif
