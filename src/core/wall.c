/* wall.c - defaults of the subgrade-reaction wall model, the soil profile of a side. */
#include "wall.h"

#include <stdarg.h>
#include <stdlib.h>
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

#define S_EPS_LEVEL 1e-6 /* levels closer than this are one */

static int S_cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

/* The key levels within the wall (top and toe included), unsorted; returns their count. */
static int S_keys(const sp_wall_t *w, double *key)
{
	double top = w->top_level_m, toe = w->top_level_m - w->length_m;
	int nk = 0;
#define ADD(v)                                                                                               \
	do {                                                                                                 \
		double v_ = (v);                                                                             \
		if (v_ < top - S_EPS_LEVEL && v_ > toe + S_EPS_LEVEL)                                        \
			key[nk++] = v_;                                                                      \
	} while (0)
	key[nk++] = top;
	key[nk++] = toe;
	for (int i = 0; i < w->n_elements; i++)
		ADD(w->elements[i].bottom_level_m);
	for (int i = 0; i < w->n_layers; i++)
		ADD(w->layers[i].top_level_m);
	for (int k = 0; k < w->n_profiles; k++)
		for (int i = 0; i < w->profiles[k].n_layers; i++)
			ADD(w->profiles[k].layers[i].top_level_m);
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++) {
			ADD(w->stages[s].surface_m[side]);
			ADD(w->stages[s].water_m[side]);
		}
#define ADD_ITEMS(items, n)                                                                                  \
	for (int i = 0; i < (n); i++)                                                                        \
		ADD((items)[i].level_m)
	ADD_ITEMS(w->anchors, w->n_anchors);
	ADD_ITEMS(w->struts, w->n_struts);
	ADD_ITEMS(w->spring_supports, w->n_spring_supports);
	ADD_ITEMS(w->rigid_supports, w->n_rigid_supports);
	ADD_ITEMS(w->line_loads, w->n_line_loads);
	ADD_ITEMS(w->moments, w->n_moments);
#undef ADD_ITEMS
#undef ADD
	return nk;
}

int sp_wall_key_levels(const sp_wall_t *w, double levels_m[SP_WALL_MAX_KEY_LEVELS])
{
	int nk = S_keys(w, levels_m);
	qsort(levels_m, (size_t)nk, sizeof *levels_m, S_cmp_desc);
	int m = 0;
	for (int i = 0; i < nk; i++)
		if (m == 0 || levels_m[m - 1] - levels_m[i] > S_EPS_LEVEL)
			levels_m[m++] = levels_m[i];
	return m;
}
