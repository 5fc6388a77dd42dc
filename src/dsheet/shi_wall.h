/* shi_wall.h - the sections of a .shi file that describe the wall: the sheet
 * piling and its elements, the anchors and struts, the spring and rigid
 * supports. Each reader reads its section after the [NAME] line, up to and
 * including [END OF NAME], into *w, and returns SP_OK or SP_EDATA with
 * "file:line: [SECTION] message" (shi_scan.h). */
#ifndef SP_SHI_WALL_H
#define SP_SHI_WALL_H

#include "shi_scan.h"
#include "wall.h"

/* [SHEET PILING]: top level, length and the elements. wooden_line: the
 * [MODEL] line of "Wooden sheet piling = TRUE", 0 when the option is off
 * (an element is then refused naming its Eurocode 5 wood properties). */
int sp_shi_wall_read_piling(sp_shi_scan_t *in, sp_wall_t *w, int wooden_line);
/* [ANCHORS] (struts 0) or [STRUTS] (struts 1). */
int sp_shi_wall_read_anchors(sp_shi_scan_t *in, sp_wall_t *w, int struts);
/* [SPRING SUPPORTS] (rigid 0) or [RIGID SUPPORTS] (rigid 1). */
int sp_shi_wall_read_supports(sp_shi_scan_t *in, sp_wall_t *w, int rigid);

#endif
