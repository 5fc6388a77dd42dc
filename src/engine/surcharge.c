/* surcharge.c - surcharge strips: wedge resultants and wall stresses. */
#include "surcharge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sp.h"

/* Integral of the linear load between points k and k+1 over [x0, x1]: the
 * load is a + b x there. */
static void S_segment(const sp_wall_surcharge_t *q, int k, double *a, double *b)
{
	double x0 = q->distance_m[k], x1 = q->distance_m[k + 1];
	double p0 = q->value_kPa[k], p1 = q->value_kPa[k + 1];
	*b = x1 > x0 ? (p1 - p0) / (x1 - x0) : 0.0;
	*a = p0 - *b * x0;
}

/* The integral over the load, up to reach_m from the wall, of q(x) times a
 * kernel whose antiderivatives in x, for q's constant and linear parts, are
 * f_a and f_b (at depth z). */
static double S_over_load(const sp_wall_surcharge_t *q, double depth_m, double (*f_a)(double, double),
                          double (*f_b)(double, double), double reach_m)
{
	double z = depth_m > 1e-9 ? depth_m : 1e-9;
	double s = 0.0;
	for (int k = 0; k + 1 < q->n_points; k++) {
		double x0 = q->distance_m[k], x1 = fmin(q->distance_m[k + 1], reach_m);
		if (x1 <= x0)
			continue;
		double a, b;
		S_segment(q, k, &a, &b);
		s += a * (f_a(x1, z) - f_a(x0, z)) + b * (f_b(x1, z) - f_b(x0, z));
	}
	return s;
}

/* S_over_load up to width_m with the antiderivatives of 1 and x (x and
 * x^2 / 2), written out: the wedge search asks for it at every plane. */
double sp_surcharge_resultant(const sp_wall_surcharge_t *q, double width_m)
{
	double s = 0.0;
	for (int k = 0; k + 1 < q->n_points; k++) {
		double x0 = q->distance_m[k], x1 = fmin(q->distance_m[k + 1], width_m);
		if (x1 <= x0)
			continue;
		double a, b;
		S_segment(q, k, &a, &b);
		s += a * (x1 - x0) + b * (x1 * x1 / 2.0 - x0 * x0 / 2.0);
	}
	return s;
}

/* Antiderivatives of x^2 z / (x^2 + z^2)^2 and x^3 z / (x^2 + z^2)^2 in x. */
static double S_f1(double x, double z)
{
	return 0.5 * (atan(x / z) - x * z / (x * x + z * z));
}

static double S_f2(double x, double z)
{
	double t = x * x + z * z;
	return 0.5 * z * (log(t) + z * z / t);
}

double sp_surcharge_wall_stress(const sp_wall_surcharge_t *q, double depth_m)
{
	return 2.0 * (2.0 / SP_PI) * S_over_load(q, depth_m, S_f1, S_f2, INFINITY);
}

/* Antiderivative of x^4 z / (x^2 + z^2)^2 in x. */
static double S_f3(double x, double z)
{
	return z * (x - 1.5 * z * atan(x / z) + z * z * x / (2.0 * (x * x + z * z)));
}

/* The integral over [lo, hi] of p(x) (c0 + c1 x) x^2 z / (x^2 + z^2)^2, p the
 * load (a + b x per segment): the antiderivatives S_f1, S_f2, S_f3. */
static double S_sigma_x_weighted(const sp_wall_surcharge_t *q, double z, double lo, double hi, double c0, double c1)
{
	double s = 0.0;
	for (int k = 0; k + 1 < q->n_points; k++) {
		double x0 = fmax(q->distance_m[k], lo), x1 = fmin(q->distance_m[k + 1], hi);
		if (x1 <= x0)
			continue;
		double a, b;
		S_segment(q, k, &a, &b);
		s += a * c0 * (S_f1(x1, z) - S_f1(x0, z)) + (a * c1 + b * c0) * (S_f2(x1, z) - S_f2(x0, z)) +
		     b * c1 * (S_f3(x1, z) - S_f3(x0, z));
	}
	return s;
}

double sp_surcharge_neutral_stress(const sp_wall_surcharge_t *q, double depth_m, double wall_length_m)
{
	double z = depth_m > 1e-9 ? depth_m : 1e-9, l = wall_length_m;
	if (!(l > 0.0)) /* no length: the rigid wall's mirror everywhere */
		return sp_surcharge_wall_stress(q, depth_m);
	/* (2 - x / L) sigma_x within L of the wall, sigma_x from L to 5 L */
	double near = S_sigma_x_weighted(q, z, 0.0, l, 2.0, -1.0 / l);
	double far = S_sigma_x_weighted(q, z, l, SP_SURCHARGE_REACH * l, 1.0, 0.0);
	return (2.0 / SP_PI) * (near + far);
}

double sp_surcharge_free_stress(const sp_wall_surcharge_t *q, double depth_m, double wall_length_m)
{
	double z = depth_m > 1e-9 ? depth_m : 1e-9;
	double reach = wall_length_m > 0.0 ? SP_SURCHARGE_REACH * wall_length_m : INFINITY;
	return (2.0 / SP_PI) * S_sigma_x_weighted(q, z, 0.0, reach, 1.0, 0.0);
}

/* Antiderivatives of z^3 / (x^2 + z^2)^2 and x z^3 / (x^2 + z^2)^2 in x. */
static double S_g1(double x, double z)
{
	return 0.5 * (atan(x / z) + x * z / (x * x + z * z));
}

static double S_g2(double x, double z)
{
	return -0.5 * z * z * z / (x * x + z * z);
}

double sp_surcharge_vertical_stress(const sp_wall_surcharge_t *q, double depth_m)
{
	return (2.0 / SP_PI) * S_over_load(q, depth_m, S_g1, S_g2, INFINITY);
}

double sp_surcharge_vertical_stress_within(const sp_wall_surcharge_t *q, double depth_m, double wall_length_m)
{
	if (!(wall_length_m > 0.0))
		return sp_surcharge_vertical_stress(q, depth_m);
	return (2.0 / SP_PI) * S_over_load(q, depth_m, S_g1, S_g2, SP_SURCHARGE_REACH * wall_length_m);
}

/* A family of wedges through the wall at one point: level ground (ground
 * NULL: depth and the integral of sigma_v' over it) or the ground of a sloping
 * surface (through level), with the surcharges on top. Angles in radians. */
typedef struct {
	const sp_ground_t *ground;
	double depth, wint, level;
	const sp_wall_surcharge_t *const *loads;
	int n_loads;
	double phi, delta, c;
	int passive;
	double cos_phi, cos_delta; /* of phi and delta: the same for every plane (S_wedges_set) */
	const sp_surcharge_family_t *fam; /* level ground: what the planes of phi, delta share (NULL: computed) */
} S_wedges;

/* The family's angles in radians from degrees, and their cosines. */
static void S_wedges_set(S_wedges *w, double phi_deg, double delta_deg)
{
	w->phi = phi_deg * SP_PI / 180.0, w->delta = delta_deg * SP_PI / 180.0;
	w->cos_phi = cos(w->phi), w->cos_delta = cos(w->delta);
}

static double S_ground_weight(const sp_ground_t *g, double level, double t, double *width);
static double S_ground_layered(const S_wedges *w, double alpha);

/* The plane alpha's sines and cosines that S_force takes. */
static sp_surcharge_plane_t S_plane(const S_wedges *w, double alpha)
{
	sp_surcharge_plane_t t;
	double phi = w->phi, delta = w->delta;
	t.tan_a = tan(alpha), t.sin_a = sin(alpha);
	if (w->passive)
		t.sin_f = sin(alpha + phi), t.cos_f = cos(alpha + phi + delta);
	else
		t.sin_f = sin(alpha - phi), t.cos_f = cos(alpha - phi - delta);
	return t;
}

/* The horizontal force from the wedge's vertical load v and the length len
 * of its slide plane: cohesion c len along the plane against the wall,
 * D-Sheet's Culmann wedge without adhesion. */
static double S_plane_force(const S_wedges *w, double v, double len, double sin_f, double cos_f)
{
	double cl = w->c * len * w->cos_phi; /* cohesion along the plane, projected */
	if (w->passive)
		return (v * sin_f + cl) / cos_f * w->cos_delta;
	return (v * sin_f - cl) / cos_f * w->cos_delta;
}

/* The force of the level-ground wedge whose plane has the sines and cosines t. */
static double S_level_plane_force(const S_wedges *w, const sp_surcharge_plane_t *t)
{
	double width = w->depth / t->tan_a;
	double v = w->wint / w->depth * width;
	double len = w->depth / t->sin_a;
	for (int i = 0; i < w->n_loads; i++)
		v += sp_surcharge_resultant(w->loads[i], width);
	return S_plane_force(w, v, len, t->sin_f, t->cos_f);
}

/* The force of the wedge under a sloping ground whose plane has tan_a, its
 * angle's cosine cos_a, and sin_f, cos_f (sp_surcharge_plane_t). */
static double S_ground_plane_force(const S_wedges *w, double tan_a, double cos_a, double sin_f, double cos_f)
{
	double width, v = S_ground_weight(w->ground, w->level, tan_a, &width);
	if (!(width > 0.0))
		return 0.0;
	v += w->ground->uniform_kPa * width;
	double len = width / cos_a;
	for (int i = 0; i < w->n_loads; i++)
		v += sp_surcharge_resultant(w->loads[i], width);
	return S_plane_force(w, v, len, sin_f, cos_f);
}

/* Horizontal force of the wedge with slide plane alpha: its vertical load V
 * and cohesion along the plane (S_plane_force). */
static double S_force(const S_wedges *w, double alpha)
{
	if (!w->ground) {
		sp_surcharge_plane_t t = S_plane(w, alpha);
		return S_level_plane_force(w, &t);
	}
	if (w->ground->band_phi_deg)
		return S_ground_layered(w, alpha);
	double phi = w->phi, delta = w->delta;
	if (w->passive)
		return S_ground_plane_force(w, tan(alpha), cos(alpha), sin(alpha + phi), cos(alpha + phi + delta));
	return S_ground_plane_force(w, tan(alpha), cos(alpha), sin(alpha - phi), cos(alpha - phi - delta));
}

/* Slide-plane angles where the force stays finite; 0 when there are none. */
static int S_range(const S_wedges *w, double *lo, double *hi)
{
	*lo = w->passive ? 0.0 : w->phi;
	*hi = w->passive ? SP_PI / 2.0 - w->phi - w->delta : SP_PI / 2.0;
	double eps = 1e-6 * (*hi - *lo);
	*lo += eps, *hi -= eps;
	return *hi > *lo;
}

/* The same for the bands' own soils, those above level (the plane crosses
 * them): as wedge_layers.c, passive alpha + phi + delta < 90 deg, active
 * alpha - phi - delta > -90 deg in every one. */
static int S_range_bands(const sp_ground_t *g, double level, int passive, double *lo, double *hi)
{
	*lo = 0.0, *hi = SP_PI / 2.0;
	for (int b = 0; b < g->n_bands; b++) {
		if (b > 0 && !(g->band_bottom_m[b - 1] > level))
			break;
		double phi = g->band_phi_deg[b] * SP_PI / 180.0, delta = g->band_delta_deg[b] * SP_PI / 180.0;
		if (passive && SP_PI / 2.0 - phi - delta < *hi)
			*hi = SP_PI / 2.0 - phi - delta;
		if (!passive && phi + delta - SP_PI / 2.0 > *lo)
			*lo = phi + delta - SP_PI / 2.0;
	}
	double eps = 1e-6 * (*hi - *lo);
	*lo += eps, *hi -= eps;
	return *hi > *lo;
}

/* The critical wedge by search: the largest active (smallest passive) force
 * on a grid of the angle, refined by golden section in the best grid cell. */
static double S_search(const S_wedges *w, double lo, double hi, int grid, double *alpha)
{
	double sgn = w->passive ? -1.0 : 1.0; /* maximise sgn * force */
	int best = 0;
	double fbest = -INFINITY, step = (hi - lo) / grid;
	/* the grid's planes of the family, computed once (sp_surcharge_family_grid) */
	const sp_surcharge_plane_t *planes = w->fam && w->fam->has_grid && grid == SP_SURCHARGE_GRID ? w->fam->grid : NULL;
	for (int k = 0; k <= grid; k++) {
		const sp_surcharge_plane_t *t = planes ? &planes[k] : NULL;
		double f = sgn * (!t              ? S_force(w, lo + k * step)
		                  : !w->ground ? S_level_plane_force(w, t)
		                               : S_ground_plane_force(w, t->tan_a, w->fam->grid_cos_a[k], t->sin_f, t->cos_f));
		if (f > fbest)
			fbest = f, best = k;
	}
	double a = lo + (best > 0 ? best - 1 : 0) * step, b = lo + (best < grid ? best + 1 : grid) * step;
	const double g = (sqrt(5.0) - 1.0) / 2.0;
	double c = b - g * (b - a), d = a + g * (b - a);
	double fc = sgn * S_force(w, c), fd = sgn * S_force(w, d);
	for (int it = 0; it < 60 && b - a > 1e-9; it++) {
		if (fc > fd) {
			b = d, d = c, fd = fc;
			c = b - g * (b - a);
			fc = sgn * S_force(w, c);
		} else {
			a = c, c = d, fc = fd;
			d = a + g * (b - a);
			fd = sgn * S_force(w, d);
		}
	}
	double am = (a + b) / 2.0, fm = sgn * S_force(w, am);
	if (fbest > fm)
		fm = fbest, am = lo + best * step;
	*alpha = am;
	return sgn * fm;
}

/* Without surcharges the extreme has a closed form. With s = sin(phi + delta),
 * u = 2 alpha - phi - delta, A = wint, B = wint sin(phi) + 2 c depth cos(phi),
 * the force is proportional to (A sin(u + delta) - B) / (sin u + s), stationary
 * where (A s cos(delta) + B) cos u - A s sin(delta) sin u = A sin(delta); passive
 * is the same with -phi, -delta, -c. The stationary angles and the ends of the
 * range are compared; returns NaN when none is usable. */
static double S_closed_form(const S_wedges *w, double lo, double hi, double *alpha)
{
	double depth = w->depth, wint = w->wint, phi = w->phi, delta = w->delta, c = w->c;
	int passive = w->passive;
	const sp_surcharge_family_t *fam = w->fam;
	double ph = passive ? -phi : phi, de = passive ? -delta : delta;
	double sin_ph_de = fam ? fam->sin_ph_de : sin(ph + de), sin_ph = fam ? fam->sin_ph : sin(ph);
	double cos_de = fam ? fam->cos_de : cos(de), sin_de = fam ? fam->sin_de : sin(de);
	double s = sin_ph_de, a = wint, b = wint * sin_ph + 2.0 * (passive ? -c : c) * depth * w->cos_phi;
	double p = a * s * cos_de + b, q = a * s * sin_de, r = a * sin_de;
	double h = hypot(p, q);
	double cand[6];
	int n = 0;
	cand[n++] = lo, cand[n++] = hi;
	if (h > 0 && fabs(r) <= h) {
		double psi = atan2(q, p), ac = acos(r / h);
		double roots[2] = {ac - psi, -ac - psi};
		for (int i = 0; i < 2; i++)
			for (int k = -1; k <= 1; k++) {
				double al = (roots[i] + 2.0 * SP_PI * k + ph + de) / 2.0;
				if (al > lo && al < hi && n < 6)
					cand[n++] = al;
			}
	}
	if (n == 2)
		return NAN;
	double sgn = passive ? -1.0 : 1.0, best = -INFINITY;
	for (int i = 0; i < n; i++) {
		/* the ends of the range: the family's planes */
		double f = sgn * (fam && i < 2 ? S_level_plane_force(w, i == 0 ? &fam->at_lo : &fam->at_hi)
		                               : S_force(w, cand[i]));
		if (f > best)
			best = f, *alpha = cand[i];
	}
	return sgn * best;
}

/* sp_surcharge_wedge_force, with the family fam of phi_deg, delta_deg and
 * passive or (fam NULL) without. */
static double S_level_force(const sp_surcharge_family_t *fam, double depth_m, double weight_integral_kN_per_m,
                            const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg, double delta_deg,
                            double c_kPa, int passive, double *alpha_deg)
{
	if (alpha_deg)
		*alpha_deg = 0.0;
	S_wedges w = {NULL, depth_m, weight_integral_kN_per_m, 0.0, loads, n_loads, 0.0, 0.0, c_kPa, passive, 0.0, 0.0, fam};
	double lo, hi, am = 0.0, f = NAN;
	if (fam) {
		w.phi = fam->phi, w.delta = fam->delta, w.cos_phi = fam->cos_phi, w.cos_delta = fam->cos_delta;
		lo = fam->lo, hi = fam->hi;
		if (!(depth_m > 0.0) || !fam->in_range)
			return 0.0;
	} else {
		S_wedges_set(&w, phi_deg, delta_deg);
		if (!(depth_m > 0.0) || !S_range(&w, &lo, &hi))
			return 0.0;
	}
	if (n_loads == 0)
		f = S_closed_form(&w, lo, hi, &am);
	/* a strip load can make several extremes in the angle: a fine grid finds the global one */
	if (!isfinite(f))
		f = S_search(&w, lo, hi, n_loads > 0 ? SP_SURCHARGE_GRID : 16, &am);
	if (alpha_deg)
		*alpha_deg = am * 180.0 / SP_PI;
	return f;
}

double sp_surcharge_wedge_force(double depth_m, double weight_integral_kN_per_m, const sp_wall_surcharge_t *const *loads,
                                int n_loads, double phi_deg, double delta_deg, double c_kPa, int passive, double *alpha_deg)
{
	return S_level_force(NULL, depth_m, weight_integral_kN_per_m, loads, n_loads, phi_deg, delta_deg, c_kPa, passive,
	                     alpha_deg);
}

void sp_surcharge_family_init(sp_surcharge_family_t *f, double phi_deg, double delta_deg, int passive)
{
	S_wedges w;
	memset(&w, 0, sizeof w);
	w.passive = passive;
	S_wedges_set(&w, phi_deg, delta_deg);
	f->phi_deg = phi_deg, f->delta_deg = delta_deg, f->passive = passive;
	f->phi = w.phi, f->delta = w.delta, f->cos_phi = w.cos_phi, f->cos_delta = w.cos_delta;
	f->in_range = S_range(&w, &f->lo, &f->hi);
	f->at_lo = S_plane(&w, f->lo), f->at_hi = S_plane(&w, f->hi);
	double ph = passive ? -w.phi : w.phi, de = passive ? -w.delta : w.delta; /* as S_closed_form */
	f->sin_ph_de = sin(ph + de), f->sin_ph = sin(ph), f->cos_de = cos(de), f->sin_de = sin(de);
	f->has_grid = 0;
}

void sp_surcharge_family_grid(sp_surcharge_family_t *f)
{
	if (f->has_grid)
		return;
	S_wedges w;
	memset(&w, 0, sizeof w);
	w.passive = f->passive, w.phi = f->phi, w.delta = f->delta;
	double lo = f->lo, step = (f->hi - lo) / SP_SURCHARGE_GRID; /* as S_search */
	for (int k = 0; k <= SP_SURCHARGE_GRID; k++) {
		double alpha = lo + k * step;
		f->grid[k] = S_plane(&w, alpha);
		f->grid_cos_a[k] = cos(alpha);
	}
	f->has_grid = 1;
}

double sp_surcharge_family_force(const sp_surcharge_family_t *f, double depth_m, double weight_integral_kN_per_m,
                                 const sp_wall_surcharge_t *const *loads, int n_loads, double c_kPa, double *alpha_deg)
{
	return S_level_force(f, depth_m, weight_integral_kN_per_m, loads, n_loads, f->phi_deg, f->delta_deg, c_kPa,
	                     f->passive, alpha_deg);
}

double sp_surcharge_wedge_force_at(double alpha_deg, double depth_m, double weight_integral_kN_per_m,
                                   const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg, double delta_deg,
                                   double c_kPa, int passive)
{
	if (!(depth_m > 0.0))
		return 0.0;
	S_wedges w = {NULL, depth_m, weight_integral_kN_per_m, 0.0, loads, n_loads, 0.0, 0.0, c_kPa, passive, 0.0, 0.0, NULL};
	S_wedges_set(&w, phi_deg, delta_deg);
	return S_force(&w, alpha_deg * SP_PI / 180.0);
}

/* ---- wedges under a sloping surface ------------------------------------- */

/* Surface level at distance x. */
static double S_surface(const sp_ground_t *g, double x)
{
	double xa = 0.0, za = g->wall_level_m;
	for (int k = 0; k < g->n_points; k++) {
		double xb = g->distance_m[k], zb = g->level_m[k];
		if (x <= xb)
			return za + (zb - za) * (x - xa) / (xb - xa);
		xa = xb, za = zb;
	}
	return za;
}

/* Where the plane level + x t first leaves the ground (x > 0); 0 if at once. */
static double S_exit(const sp_ground_t *g, double level, double t)
{
	double xa = 0.0, za = g->wall_level_m;
	if (za - level <= 0.0)
		return 0.0;
	for (int k = 0; k <= g->n_points; k++) {
		double fa = za - (level + xa * t);
		if (k == g->n_points) /* level ground after the last point */
			return xa + fa / t;
		double xb = g->distance_m[k], zb = g->level_m[k];
		double fb = zb - (level + xb * t);
		if (fb <= 0.0)
			return xa + fa / (fa - fb) * (xb - xa);
		xa = xb, za = zb;
	}
	return xa;
}

static void S_add_point(double *pts, int *n, int cap, double x, double x_start, double x_end)
{
	if (x > x_start && x < x_end && *n < cap)
		pts[(*n)++] = x;
}

/* pts in ascending order: a few points, all above 0 but the first (0), no
 * NaN, so the order is unique and this insertion sort gives qsort's array. */
static void S_sort(double *pts, int n)
{
	for (int i = 1; i < n; i++) {
		double x = pts[i];
		int j = i;
		for (; j > 0 && pts[j - 1] > x; j--)
			pts[j] = pts[j - 1];
		pts[j] = x;
	}
}

enum { S_PTS_CAP = 4 + SP_WALL_MAX_SURFACE_POINTS * 8 + 64, S_BANDS_CAP = 2 * SP_WALL_MAX_LAYERS + 2 };

/* The distances between xa and xb where the ground's area changes slope
 * under the slide plane level + x t (the surface's points, where the plane
 * or the surface crosses a band boundary), with xa and xb, sorted. */
static int S_breakpoints(const sp_ground_t *g, double level, double t, double xa, double xb, double *pts)
{
	int n = 0;
	pts[n++] = xa;
	for (int k = 0; k < g->n_points; k++)
		S_add_point(pts, &n, S_PTS_CAP, g->distance_m[k], xa, xb);
	for (int b = 0; b + 1 < g->n_bands; b++) {
		double y = g->band_bottom_m[b];
		S_add_point(pts, &n, S_PTS_CAP, (y - level) / t, xa, xb); /* the plane crosses y */
		double xp = 0.0, za = g->wall_level_m;                     /* the surface crosses y */
		for (int k = 0; k < g->n_points; k++) {
			double xq = g->distance_m[k], zb = g->level_m[k];
			if ((za - y) * (zb - y) < 0.0)
				S_add_point(pts, &n, S_PTS_CAP, xp + (y - za) / (zb - za) * (xq - xp), xa, xb);
			xp = xq, za = zb;
		}
	}
	pts[n++] = xb;
	S_sort(pts, n);
	return n;
}

/* Effective weight of the ground above the slide plane level + x tan(alpha)
 * between the distances xa and xb from the wall (kN/m), up to the surface. */
static double S_ground_column(const sp_ground_t *g, double level, double t, double xa, double xb)
{
	double pts[S_PTS_CAP];
	int n = S_breakpoints(g, level, t, xa, xb, pts);
	double weight = 0.0;
	for (int b = 0; b < g->n_bands; b++) {
		double hi = b > 0 ? g->band_bottom_m[b - 1] : INFINITY;
		double lo = b + 1 < g->n_bands ? g->band_bottom_m[b] : -INFINITY;
		double area = 0.0, h_prev = 0.0;
		for (int i = 0; i < n; i++) {
			double x = pts[i];
			double top = fmin(S_surface(g, x), hi), bot = fmax(level + x * t, lo);
			double h = top > bot ? top - bot : 0.0;
			if (i > 0)
				area += (h + h_prev) / 2.0 * (x - pts[i - 1]);
			h_prev = h;
		}
		weight += g->band_gamma_kN_m3[b] * area;
	}
	return weight;
}

/* Effective weight of the wedge with slide plane alpha through level (kN/m),
 * and its width at the surface. */
static double S_ground_weight(const sp_ground_t *g, double level, double t, double *width)
{
	double x_end = S_exit(g, level, t);
	*width = x_end;
	if (!(x_end > 0.0))
		return 0.0;
	return S_ground_column(g, level, t, 0.0, x_end);
}

/* The wedge with slide plane alpha through the bands' own soils: the sum
 * of the slices' forces, slice b the part of the plane within band b with
 * the ground, the uniform load and the surcharges above it. The ground
 * above the plane in one pass over the breakpoints: each interval between
 * two lies above one band's part of the plane (the plane's crossings of the
 * band boundaries are breakpoints). */
static double S_ground_layered(const S_wedges *w, double alpha)
{
	const sp_ground_t *g = w->ground;
	double t = tan(alpha), x_end = S_exit(g, w->level, t);
	if (!(x_end > 0.0) || g->n_bands > S_BANDS_CAP)
		return 0.0;
	double pts[S_PTS_CAP], column[S_BANDS_CAP], h_prev[S_BANDS_CAP];
	int n = S_breakpoints(g, w->level, t, 0.0, x_end, pts);
	for (int b = 0; b < g->n_bands; b++)
		column[b] = 0.0;
	for (int i = 0; i < n; i++) {
		double x = pts[i], surface = S_surface(g, x), plane = w->level + x * t, area = 0.0;
		for (int b = 0; b < g->n_bands; b++) {
			double hi = b > 0 ? g->band_bottom_m[b - 1] : INFINITY;
			double lo = b + 1 < g->n_bands ? g->band_bottom_m[b] : -INFINITY;
			double top = fmin(surface, hi), bot = fmax(plane, lo);
			double h = top > bot ? top - bot : 0.0;
			if (i > 0)
				area += g->band_gamma_kN_m3[b] * (h + h_prev[b]) / 2.0 * (x - pts[i - 1]);
			h_prev[b] = h;
		}
		if (i == 0)
			continue;
		double y_mid = w->level + (x + pts[i - 1]) / 2.0 * t; /* the plane under the interval */
		int band = 0;
		while (band + 1 < g->n_bands && !(g->band_bottom_m[band] < y_mid))
			band++;
		column[band] += area;
	}
	double f = 0.0;
	for (int b = 0; b < g->n_bands; b++) {
		double hi = b > 0 ? g->band_bottom_m[b - 1] : INFINITY;
		double lo = b + 1 < g->n_bands ? g->band_bottom_m[b] : -INFINITY;
		double xa = fmax((lo - w->level) / t, 0.0), xb = fmin((hi - w->level) / t, x_end);
		if (!(xb > xa))
			continue;
		double v = column[b] + g->uniform_kPa * (xb - xa);
		for (int i = 0; i < w->n_loads; i++)
			v += sp_surcharge_resultant(w->loads[i], xb) - sp_surcharge_resultant(w->loads[i], xa);
		double phi = g->band_phi_deg[b] * SP_PI / 180.0, delta = g->band_delta_deg[b] * SP_PI / 180.0;
		double cl = g->band_c_kPa[b] * (xb - xa) / cos(alpha) * cos(phi);
		if (w->passive)
			f += (v * sin(alpha + phi) + cl) / cos(alpha + phi + delta) * cos(delta);
		else
			f += (v * sin(alpha - phi) - cl) / cos(alpha - phi - delta) * cos(delta);
	}
	return f;
}

/* sp_surcharge_ground_wedge_force with the family fam or (NULL) without. */
static double S_ground_force(const sp_surcharge_family_t *fam, const sp_ground_t *g, double level_m,
                             const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg, double delta_deg,
                             double c_kPa, int passive, double *alpha_deg)
{
	if (alpha_deg)
		*alpha_deg = 0.0;
	S_wedges w = {g, 0.0, 0.0, level_m, loads, n_loads, 0.0, 0.0, c_kPa, passive, 0.0, 0.0, fam};
	double lo, hi, am;
	if (g->band_phi_deg)
		w.fam = NULL; /* each band's own phi and delta: no shared family */
	if (w.fam) {
		w.phi = fam->phi, w.delta = fam->delta, w.cos_phi = fam->cos_phi, w.cos_delta = fam->cos_delta;
		lo = fam->lo, hi = fam->hi;
		if (!(g->wall_level_m > level_m) || !fam->in_range)
			return 0.0;
	} else {
		S_wedges_set(&w, phi_deg, delta_deg);
		if (!(g->wall_level_m > level_m) || !(g->band_phi_deg ? S_range_bands(g, level_m, passive, &lo, &hi)
		                                                       : S_range(&w, &lo, &hi)))
			return 0.0;
	}
	double f = S_search(&w, lo, hi, g->band_phi_deg ? 2 * SP_SURCHARGE_GRID : SP_SURCHARGE_GRID, &am);
	if (alpha_deg)
		*alpha_deg = am * 180.0 / SP_PI;
	return f;
}

double sp_surcharge_ground_wedge_force(const sp_ground_t *g, double level_m, const sp_wall_surcharge_t *const *loads,
                                       int n_loads, double phi_deg, double delta_deg, double c_kPa, int passive,
                                       double *alpha_deg)
{
	return S_ground_force(NULL, g, level_m, loads, n_loads, phi_deg, delta_deg, c_kPa, passive, alpha_deg);
}

double sp_surcharge_family_ground_force(const sp_surcharge_family_t *f, const sp_ground_t *g, double level_m,
                                        const sp_wall_surcharge_t *const *loads, int n_loads, double c_kPa,
                                        double *alpha_deg)
{
	return S_ground_force(f, g, level_m, loads, n_loads, f->phi_deg, f->delta_deg, c_kPa, f->passive, alpha_deg);
}
