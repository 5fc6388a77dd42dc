/* wall.c - defaults of the subgrade-reaction wall model, the soil profile of a side. */
#include "wall.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sp_wall_init(sp_wall_t *w)
{
	memset(w, 0, sizeof *w);
	w->n_branches = 1;
	w->gamma_water_kN_m3 = 10.0;
	w->reduce_delta = 1;
	w->minor_nodes = 1;
	w->max_element_m = 0.05;
	w->max_iterations = 500;
	w->tolerance_kPa = 1e-4;
}

const sp_wall_layer_t *sp_wall_side_layers(const sp_wall_t *w, const sp_wall_stage_t *st, int side, int *n_layers)
{
	int k = st->profile[side];
	if (k > 0 && k <= w->n_profiles) {
		*n_layers = w->profiles[k - 1].n_layers;
		return w->profiles[k - 1].layers;
	}
	*n_layers = w->n_layers;
	return w->layers;
}

void sp_wall_note(sp_wall_t *w, const char *fmt, ...)
{
	size_t n = strlen(w->notes);
	if (n + 2 >= sizeof w->notes)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(w->notes + n, sizeof w->notes - n - 1, fmt, ap);
	va_end(ap);
	n = k < 0 ? n : strlen(w->notes);
	w->notes[n] = '\n';
	w->notes[n + 1] = '\0';
}
