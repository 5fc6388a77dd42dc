/* wedge_layers.c - Culmann's wedge through a layered soil (wedge_layers.h). */
#include "wedge_layers.h"
#include "surcharge.h"

#include <math.h>
#include <string.h>

#include "sp.h"

#define S_GRID SP_WEDGE_GRID /* angles tried before the golden-section refinement */

#define S_TRIG_CAP SP_WALL_MAX_LAYERS

typedef struct {
	const sp_wedge_layer_t *sl;
	int n;
	double depth; /* of the plane's foot below the surface */
	const sp_wall_surcharge_t *const *loads;
	int n_loads;
	int passive;
	const sp_wedge_trig_t *trig; /* the slices' angles: the caller's, or own */
	sp_wedge_trig_t own[S_TRIG_CAP]; /* the first min(n, S_TRIG_CAP) slices' when the caller gives none */
} S_wedge;

sp_wedge_trig_t sp_wedge_layers_trig(double phi_deg, double delta_deg)
{
	double phi = phi_deg * SP_PI / 180.0, delta = delta_deg * SP_PI / 180.0;
	sp_wedge_trig_t t = {phi, delta, sin(phi), cos(phi), cos(delta), sin(phi + delta), cos(phi + delta)};
	return t;
}

/* Slice k's angles. */
static sp_wedge_trig_t S_trig(const S_wedge *w, int k)
{
	if (w->trig)
		return w->trig[k];
	return k < S_TRIG_CAP ? w->own[k] : sp_wedge_layers_trig(w->sl[k].phi_deg, w->sl[k].delta_deg);
}

/* The force of slice s (angles t) at the angle whose sine and cosine are
 * sa, ca, with extra vertical load v_extra on it: sin(a -+ phi) and
 * cos(a -+ (phi + delta)) by the addition formulas. */
static double S_slice(const sp_wedge_layer_t *s, const sp_wedge_trig_t *t, double sa, double ca, double v_extra, int passive)
{
	double v = s->weight_integral_kN_per_m * ca / sa + v_extra;
	double cl = s->c_kPa * s->height_m / sa * t->cos_phi; /* cohesion along the plane, projected */
	if (passive)
		return (v * (sa * t->cos_phi + ca * t->sin_phi) + cl) / (ca * t->cos_pd - sa * t->sin_pd) * t->cos_delta;
	return (v * (sa * t->cos_phi - ca * t->sin_phi) - cl) / (ca * t->cos_pd + sa * t->sin_pd) * t->cos_delta;
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
static double S_force_at(const S_wedge *w, double sa, double ca)
{
	double cot = ca / sa;
	double f = 0.0, below = w->depth, outer = w->n_loads ? S_loads(w, below * cot) : 0.0;
	for (int k = 0; k < w->n; k++) {
		below -= w->sl[k].height_m; /* the plane's height below the slice's bottom */
		double inner = w->n_loads && below > 0.0 ? S_loads(w, below * cot) : 0.0;
		sp_wedge_trig_t t = S_trig(w, k);
		f += S_slice(&w->sl[k], &t, sa, ca, outer - inner, w->passive);
		outer = inner;
	}
	return f;
}

static void S_sincos(double a, double *sa, double *ca)
{
	*sa = sin(a), *ca = cos(a);
}

static double S_force(const S_wedge *w, double a)
{
	double sa, ca;
	S_sincos(a, &sa, &ca);
	return S_force_at(w, sa, ca);
}

/* Angles where every slice's force stays finite: passive a + phi + delta <
 * 90 deg, active a - phi - delta > -90 deg, 0 < a < 90 deg. */
static int S_range(const S_wedge *w, double *lo, double *hi)
{
	*lo = 0.0, *hi = SP_PI / 2.0;
	for (int k = 0; k < w->n; k++) {
		sp_wedge_trig_t t = S_trig(w, k);
		double phi = t.phi_rad, delta = t.delta_rad;
		if (w->passive && SP_PI / 2.0 - phi - delta < *hi)
			*hi = SP_PI / 2.0 - phi - delta;
		if (!w->passive && phi + delta - SP_PI / 2.0 > *lo)
			*lo = phi + delta - SP_PI / 2.0;
	}
	double eps = 1e-6 * (*hi - *lo);
	*lo += eps, *hi -= eps;
	return *hi > *lo;
}

static void S_wedge_init(S_wedge *w, const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                         const sp_wall_surcharge_t *const *loads, int n_loads, int passive)
{
	w->sl = slices, w->n = n, w->depth = 0.0, w->loads = loads, w->n_loads = n_loads, w->passive = passive;
	w->trig = trig;
	for (int k = 0; k < n; k++) {
		w->depth += slices[k].height_m;
		if (!trig && k < S_TRIG_CAP)
			w->own[k] = sp_wedge_layers_trig(slices[k].phi_deg, slices[k].delta_deg);
	}
}

/* Newton's method on the force's slope from the angle a (central
 * differences): the critical angle when it converges inside (lo, hi) to a
 * maximum of sgn * force no lower than at a; NAN otherwise. */
static double S_newton(const S_wedge *w, double a, double lo, double hi, double sgn, double *f_at)
{
	const double h = 1e-5;
	double f0 = sgn * S_force(w, a), f_start = f0;
	for (int it = 0; it < 8; it++) {
		if (!(a - h > lo && a + h < hi))
			return NAN;
		double fp = sgn * S_force(w, a + h), fm = sgn * S_force(w, a - h);
		double d1 = (fp - fm) / (2.0 * h), d2 = (fp - 2.0 * f0 + fm) / (h * h);
		if (!(d2 < 0.0))
			return NAN;
		double step = -d1 / d2;
		if (fabs(step) > 0.02)
			step = step > 0 ? 0.02 : -0.02;
		a += step;
		f0 = sgn * S_force(w, a);
		/* within 1e-3 rad the step leaves the angle about step^2 (1e-6 rad)
		 * from the extreme, where the force is stationary */
		if (fabs(step) < 1e-3) {
			if (!(f0 >= f_start) || !(a > lo && a < hi))
				return NAN;
			*f_at = f0;
			return a;
		}
	}
	return NAN;
}

static double S_search(const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                       const sp_wall_surcharge_t *const *loads, int n_loads, int passive, sp_wedge_grid_t *grid,
                       double *alpha_deg);

double sp_wedge_layers_force_near(const sp_wedge_layer_t *slices, int n, const sp_wall_surcharge_t *const *loads,
                                  int n_loads, int passive, double alpha_hint_deg, double *alpha_deg)
{
	return sp_wedge_layers_force_near_trig(slices, NULL, n, loads, n_loads, passive, alpha_hint_deg, NULL, alpha_deg);
}

double sp_wedge_layers_force_near_trig(const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                                       const sp_wall_surcharge_t *const *loads, int n_loads, int passive,
                                       double alpha_hint_deg, sp_wedge_grid_t *grid, double *alpha_deg)
{
	S_wedge w;
	S_wedge_init(&w, slices, trig, n, loads, n_loads, passive);
	double lo, hi, f;
	if (n_loads == 0 && alpha_hint_deg > 0.0 && n >= 1 && w.depth > 0.0 && S_range(&w, &lo, &hi)) {
		double sgn = passive ? -1.0 : 1.0;
		double a = S_newton(&w, alpha_hint_deg * SP_PI / 180.0, lo, hi, sgn, &f);
		if (!isnan(a)) {
			if (alpha_deg)
				*alpha_deg = a * 180.0 / SP_PI;
			return sgn * f;
		}
	}
	return S_search(slices, trig, n, loads, n_loads, passive, grid, alpha_deg);
}

double sp_wedge_layers_force(const sp_wedge_layer_t *slices, int n, const sp_wall_surcharge_t *const *loads,
                             int n_loads, int passive, double *alpha_deg)
{
	return S_search(slices, NULL, n, loads, n_loads, passive, NULL, alpha_deg);
}

/* sp_wedge_layers_force with the slices' angles trig (NULL: computed) and
 * the grid's sines and cosines kept in grid (NULL: computed). */
static double S_search(const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                       const sp_wall_surcharge_t *const *loads, int n_loads, int passive, sp_wedge_grid_t *grid,
                       double *alpha_deg)
{
	if (alpha_deg)
		*alpha_deg = 0.0;
	S_wedge w;
	S_wedge_init(&w, slices, trig, n, loads, n_loads, passive);
	double lo, hi;
	if (n < 1 || !(w.depth > 0.0) || !S_range(&w, &lo, &hi))
		return 0.0;
	/* a grid over the angle (a strip load or the layers can make several
	 * extremes), refined by golden section in the best cell */
	double sgn = passive ? -1.0 : 1.0, step = (hi - lo) / S_GRID, fbest = -INFINITY;
	int best = 0;
	/* the grid's angles depend on lo and hi alone: their sines and cosines
	 * kept for the next search with the same bits of lo and hi */
	if (grid && !(grid->set && memcmp(&grid->lo, &lo, sizeof lo) == 0 && memcmp(&grid->hi, &hi, sizeof hi) == 0)) {
		for (int k = 0; k <= S_GRID; k++)
			S_sincos(lo + k * step, &grid->sin_a[k], &grid->cos_a[k]);
		grid->lo = lo, grid->hi = hi, grid->set = 1;
	}
	for (int k = 0; k <= S_GRID; k++) {
		double f = sgn * (grid ? S_force_at(&w, grid->sin_a[k], grid->cos_a[k]) : S_force(&w, lo + k * step));
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
