/* layered_side.h - the layered soil side of bm4-13b and bm4-13i (D-Sheet
 * Piling development files, tests/data/dsheet) as the wedge tests build it:
 * gamma 15 kN/m3, water 10 kN/m3, three layers; its slices through the
 * layers above a level, each with its weight integral (Simpson), phi, delta
 * and c 15 kPa, for wedge_layers.h. */
#ifndef SP_TEST_LAYERED_SIDE_H
#define SP_TEST_LAYERED_SIDE_H

#include "wedge_layers.h"

typedef struct {
	double surface, water, q;
	double top[3], phi[3], delta[3];
} side_t;

static inline double sigma_v(const side_t *s, double z)
{
	double d = s->surface - z;
	return d < 0 ? 0 : s->q + 15.0 * d - 10.0 * (z < s->water ? s->water - z : 0.0);
}

/* integral of sigma_v' from z0 down to z1 (Simpson, fine enough for the kink at the water level) */
static inline double integral(const side_t *s, double z0, double z1)
{
	int n = 4000;
	double h = (z0 - z1) / n, f = sigma_v(s, z0) + sigma_v(s, z1);
	for (int i = 1; i < n; i++)
		f += (i % 2 ? 4.0 : 2.0) * sigma_v(s, z0 - i * h);
	return f * h / 3.0;
}

/* The slices of the plane through the wall at level z, the layers above it
 * whole, the layer of z down to z (at most 3); their layers' indices in
 * layer[] when not NULL. */
static inline int layered_slices(const side_t *s, double z, sp_wedge_layer_t sl[3], int layer[3])
{
	int n = 0;
	for (int k = 0; k < 3; k++) {
		double top = s->top[k] < s->surface ? s->top[k] : s->surface;
		double bot = k + 1 < 3 ? s->top[k + 1] : -1e9;
		if (bot < z)
			bot = z;
		if (top <= bot)
			continue;
		sl[n].height_m = top - bot;
		sl[n].weight_integral_kN_per_m = integral(s, top, bot);
		sl[n].phi_deg = s->phi[k], sl[n].delta_deg = s->delta[k], sl[n].c_kPa = 15.0;
		if (layer)
			layer[n] = k;
		n++;
	}
	return n;
}

#endif
