/* beam_load.h - what a construction stage puts on the beam of the beam
 * engine (beam.h): the soil springs' limit and neutral pressures and moduli
 * (from the surfaces, water levels, layers, uniform and surcharge loads, a
 * sloping ground), the water pressure, line loads, moments and the normal
 * force of each element. */
#ifndef SP_BEAM_LOAD_H
#define SP_BEAM_LOAD_H

#include "beam_work.h"
#include "wall.h"

/* Set up stage st on b: the springs' pressures, curves and tributary lengths
 * (they keep their plastic shift), b->water, b->f_ext and b->etension. */
void sp_beam_load_stage(sp_beam_work_t *b, const sp_wall_stage_t *st);

#endif
