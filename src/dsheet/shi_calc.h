/* shi_calc.h - the calculation type of a D-Sheet Piling input file: the
 * design of the sheet piling length, the verification (Eurocode 7, its Dutch
 * and Belgian annexes, CUR 166) and the partial factor set they use, read
 * from [CALCULATION OPTIONS] and its [PARTIAL FACTORS ...] sections into
 * w->calc (core/wall_calc.h). */
#ifndef SP_SHI_CALC_H
#define SP_SHI_CALC_H

#include "shi_scan.h"
#include "shi_stage.h"
#include "wall.h"

/* The lines first .. last - 1 of in (0-based, the body of [CALCULATION
 * OPTIONS]) for InputCalculationType type (1 design length, 2
 * verification); sg: the stage options read before (CUR method B's
 * verified stages). SP_OK, or SP_EDATA naming the line (a missing partial
 * factor set, a method not supported). */
int sp_shi_calc_read(sp_shi_scan_t *in, int first, int last, int type, const sp_shi_stage_t *sg, sp_wall_t *w);

#endif
