/* wedge_layers.c - Culmann's wedge through a layered soil (wedge_layers.h). */
#include "wedge_layers.h"
#include "surcharge.h"

#include <math.h>

#include "sp.h"

#define S_GRID 240 /* angles tried before the golden-section refinement */

typedef struct {
	const sp_wedge_layer_t *sl;
	int n;
	double depth; /* of the plane's foot below the surface */
	const sp_wall_surcharge_t *const *loads;
	int n_loads;
	int passive;
} S_wedge;

/* The force of slice s at angle a (radians), with extra vertical load v_extra on it. */
static double S_slice(const sp_wedge_layer_t *s, double a, double v_extra, int passive)
{
	double phi = s->phi_deg * SP_PI / 180.0, delta = s->delta_deg * SP_PI / 180.0;
	double v = s->weight_integral_kN_per_m / tan(a) + v_extra;
	double cl = s->c_kPa * s->height_m / sin(a) * cos(phi); /* cohesion along the plane, projected */
	if (passive)
		return (v * sin(a + phi) + cl) / cos(a + phi + delta) * cos(delta);
	return (v * sin(a - phi) - cl) / cos(a - phi - delta) * cos(delta);
}

/* The surcharges' resultant on the first width_m of the surface. */
static double S_loads(const S_wedge *w, double width_m)
{
	double r = 0.0;
	for (int i = 0; i < w->n_loads; i++)
		r += sp_surcharge_resultant(w->loads[i], width_m);
	return r;
}

/* The wedge's force at angle a: each slice carries the column above its
 * part of the plane, so a strip load bears on the slice under it (bm4-16a
 * stage 3: the 60 kPa strip from 2 to 5 m on the peat and sand slices). */
static double S_force(const S_wedge *w, double a)
{
	double f = 0.0, below = w->depth, outer = w->n_loads ? S_loads(w, below / tan(a)) : 0.0;
	for (int k = 0; k < w->n; k++) {
		below -= w->sl[k].height_m; /* the plane's height below the slice's bottom */
		double inner = w->n_loads && below > 0.0 ? S_loads(w, below / tan(a)) : 0.0;
		f += S_slice(&w->sl[k], a, outer - inner, w->passive);
		outer = inner;
	}
	return f;
}

/* Angles where every slice's force stays finite: passive a + phi + delta <
 * 90 deg, active a - phi - delta > -90 deg, 0 < a < 90 deg. */
static int S_range(const S_wedge *w, double *lo, double *hi)
{
	*lo = 0.0, *hi = SP_PI / 2.0;
	for (int k = 0; k < w->n; k++) {
		double phi = w->sl[k].phi_deg * SP_PI / 180.0, delta = w->sl[k].delta_deg * SP_PI / 180.0;
		if (w->passive && SP_PI / 2.0 - phi - delta < *hi)
			*hi = SP_PI / 2.0 - phi - delta;
		if (!w->passive && phi + delta - SP_PI / 2.0 > *lo)
			*lo = phi + delta - SP_PI / 2.0;
	}
	double eps = 1e-6 * (*hi - *lo);
	*lo += eps, *hi -= eps;
	return *hi > *lo;
}

double sp_wedge_layers_force(const sp_wedge_layer_t *slices, int n, const sp_wall_surcharge_t *const *loads,
                             int n_loads, int passive, double *alpha_deg)
{
	if (alpha_deg)
		*alpha_deg = 0.0;
	S_wedge w = {slices, n, 0.0, loads, n_loads, passive};
	for (int k = 0; k < n; k++)
		w.depth += slices[k].height_m;
	double lo, hi;
	if (n < 1 || !(w.depth > 0.0) || !S_range(&w, &lo, &hi))
		return 0.0;
	/* a grid over the angle (a strip load or the layers can make several
	 * extremes), refined by golden section in the best cell */
	double sgn = passive ? -1.0 : 1.0, step = (hi - lo) / S_GRID, fbest = -INFINITY;
	int best = 0;
	for (int k = 0; k <= S_GRID; k++) {
		double f = sgn * S_force(&w, lo + k * step);
		if (f > fbest)
			fbest = f, best = k;
	}
	double a = lo + (best > 0 ? best - 1 : 0) * step, b = lo + (best < S_GRID ? best + 1 : S_GRID) * step;
	const double g = (sqrt(5.0) - 1.0) / 2.0;
	double c = b - g * (b - a), d = a + g * (b - a);
	double fc = sgn * S_force(&w, c), fd = sgn * S_force(&w, d);
	for (int it = 0; it < 80 && b - a > 1e-10; it++) {
		if (fc > fd) {
			b = d, d = c, fd = fc;
			c = b - g * (b - a);
			fc = sgn * S_force(&w, c);
		} else {
			a = c, c = d, fc = fd;
			d = a + g * (b - a);
			fd = sgn * S_force(&w, d);
		}
	}
	double am = (a + b) / 2.0, fm = sgn * S_force(&w, am);
	if (fbest > fm)
		fm = fbest, am = lo + best * step;
	if (alpha_deg)
		*alpha_deg = am * 180.0 / SP_PI;
	return sgn * fm;
}
