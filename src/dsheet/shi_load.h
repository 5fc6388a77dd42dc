/* shi_load.h - the sections of a .shi file that define loads: uniform and
 * surcharge loads, horizontal line loads, moments and normal forces (which
 * stages apply them is read with the stages, shi_stage.h). Each reader reads
 * its section after the [NAME] line, up to and including [END OF NAME], into
 * *w, and returns SP_OK or SP_EDATA with "file:line: [SECTION] message"
 * (shi_scan.h). */
#ifndef SP_SHI_LOAD_H
#define SP_SHI_LOAD_H

#include "shi_scan.h"
#include "wall.h"

/* [UNIFORM LOADS]: left and right per load. */
int sp_shi_load_read_uniform(sp_shi_scan_t *in, sp_wall_t *w);
/* [SURCHARGE LOADS]: the points (distance, value) of each load. */
int sp_shi_load_read_surcharges(sp_shi_scan_t *in, sp_wall_t *w);
/* [HORIZONTAL LINE LOADS] (moments 0) or [MOMENTS] (moments 1). */
int sp_shi_load_read_point(sp_shi_scan_t *in, sp_wall_t *w, int moments);
/* [NORMAL FORCES]: at the top, the surfaces and the toe. */
int sp_shi_load_read_normal_forces(sp_shi_scan_t *in, sp_wall_t *w);

#endif
