/* wall.c - defaults of the subgrade-reaction wall model. */
#include "wall.h"

#include <string.h>

void sp_wall_init(sp_wall_t *w)
{
	memset(w, 0, sizeof *w);
	w->n_branches = 1;
	w->gamma_water_kN_m3 = 10.0;
	w->reduce_delta = 1;
	w->max_element_m = 0.05;
	w->max_iterations = 500;
	w->tolerance_kPa = 1e-4;
}
