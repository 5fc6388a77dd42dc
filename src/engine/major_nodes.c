/* major_nodes.c - D-Sheet Piling's major nodes (major_nodes.h). */
#include "major_nodes.h"

#include <math.h>
#include <stdlib.h>

#define S_EPS_LEVEL 1e-6 /* levels closer than this are one node */

static int S_cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

int sp_major_nodes_parts(double length_m, double target_m)
{
	if (!(length_m > 0) || !(target_m > 0))
		return 1;
	/* an exact multiple gets one segment more: bm1-2 (20 m, h = 1 m: 21
	 * segments), bm4-5a (21 m, h = 1.05 m: 21) */
	return (int)floor(length_m / target_m * (1.0 + 1e-12) + 1e-9) + 1;
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
	for (int i = 0; i < w->n_anchors; i++)
		ADD(w->anchors[i].level_m);
	for (int i = 0; i < w->n_struts; i++)
		ADD(w->struts[i].level_m);
	for (int i = 0; i < w->n_spring_supports; i++)
		ADD(w->spring_supports[i].level_m);
	for (int i = 0; i < w->n_rigid_supports; i++)
		ADD(w->rigid_supports[i].level_m);
	for (int i = 0; i < w->n_line_loads; i++)
		ADD(w->line_loads[i].level_m);
	for (int i = 0; i < w->n_moments; i++)
		ADD(w->moments[i].level_m);
#undef ADD
	return nk;
}

int sp_major_nodes_levels(const sp_wall_t *w, double *levels_m, int cap)
{
	enum { KEYS_MAX = 2 + SP_WALL_MAX_ELEMENTS + SP_WALL_MAX_LAYERS * (1 + SP_WALL_MAX_PROFILES) +
	                  4 * SP_WALL_MAX_STAGES + 6 * SP_WALL_MAX_ITEMS };
	double key[KEYS_MAX];
	int nk = S_keys(w, key);
	qsort(key, (size_t)nk, sizeof *key, S_cmp_desc);
	int m = 0;
	for (int i = 0; i < nk; i++)
		if (m == 0 || key[m - 1] - key[i] > S_EPS_LEVEL)
			key[m++] = key[i];
	double target = w->length_m / (w->plastic ? 100.0 : 20.0);
	int n = 0;
	if (cap > 0)
		levels_m[0] = key[0];
	n = 1;
	for (int i = 0; i + 1 < m; i++) {
		int parts = sp_major_nodes_parts(key[i] - key[i + 1], target);
		for (int j = 1; j <= parts; j++, n++)
			if (n < cap)
				levels_m[n] = j == parts ? key[i + 1] : key[i] - (key[i] - key[i + 1]) * j / parts;
	}
	return n;
}
