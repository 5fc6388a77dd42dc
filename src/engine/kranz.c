/* kranz.c - the deep slip plane check of an anchorage (Kranz, EAU R 10) in
 * D-Sheet Piling's form. See kranz.h and docs/kranz.md. */
#include "kranz.h"
#include "earth.h"

#include <math.h>
#include <stdlib.h>

#define S_RAD (3.14159265358979323846 / 180.0)
#define S_MAX_BREAKS (2 * SP_WALL_MAX_LAYERS + 8)

/* Strength of a layer: drained c'-phi', undrained c_u with phi = 0. */
static double S_phi(const sp_layer_t *L) { return L->drainage == SP_UNDRAINED ? 0.0 : L->phi_deg; }
static double S_c(const sp_layer_t *L) { return L->drainage == SP_UNDRAINED ? L->cu_kPa : L->c_kPa; }

/* The layer at a level (the first one above its top). */
static const sp_layer_t *S_layer_at(const sp_study_t *st, double level_m)
{
	size_t i = 0;
	while (i + 1 < st->n_layers && st->layers[i + 1].top_level_m >= level_m)
		i++;
	return &st->layers[i];
}

/* Effective unit weight in the band just below level_m. */
static double S_gamma_eff(const sp_study_t *st, const sp_layer_t *L, double upper_m, double lower_m)
{
	double mid = 0.5 * (upper_m + lower_m);
	return mid < st->water_retained_m ? L->gamma_sat_kN_m3 - st->gamma_w_kN_m3 : L->gamma_kN_m3;
}

static int S_cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

static int S_cmp_asc(const void *a, const void *b) { return -S_cmp_desc(a, b); }

/* The levels where something changes, from the surface down to `bottom`
 * (a layer top, the water level, the extra levels), sorted top-down. */
static size_t S_breaks(const sp_study_t *st, double surface, double bottom, const double *extra, size_t n_extra,
		       double *out)
{
	size_t n = 0;
	out[n++] = surface;
	out[n++] = bottom;
	for (size_t i = 0; i < st->n_layers; i++)
		if (st->layers[i].top_level_m < surface && st->layers[i].top_level_m > bottom)
			out[n++] = st->layers[i].top_level_m;
	if (st->water_retained_m < surface && st->water_retained_m > bottom)
		out[n++] = st->water_retained_m;
	for (size_t i = 0; i < n_extra; i++)
		if (extra[i] < surface && extra[i] > bottom)
			out[n++] = extra[i];
	qsort(out, n, sizeof *out, S_cmp_desc);
	return n;
}

/* Horizontal earth pressure force on a vertical plane from the surface down
 * to `bottom`: the integral of K sigma'_v -/+ Kc c (Rankine, delta = 0, no
 * tension cut-off), with sigma'_v from the surcharge q and the effective
 * weights. passive = 0 active, 1 passive. */
static double S_earth_force(const sp_study_t *st, double surface, double q, double bottom, int passive)
{
	if (bottom >= surface)
		return 0.0;
	double lv[S_MAX_BREAKS];
	size_t n = S_breaks(st, surface, bottom, NULL, 0, lv);
	double sv = q, force = 0.0;
	for (size_t k = 0; k + 1 < n; k++) {
		double a = lv[k], b = lv[k + 1], h = a - b;
		if (h <= 0)
			continue;
		const sp_layer_t *L = S_layer_at(st, 0.5 * (a + b));
		double phi = S_phi(L), c = S_c(L);
		double K = passive ? sp_kp_rankine(phi) : sp_ka_rankine(phi);
		double sv_b = sv + S_gamma_eff(st, L, a, b) * h;
		force += K * 0.5 * (sv + sv_b) * h + (passive ? 1.0 : -1.0) * 2.0 * sqrt(K) * c * h;
		sv = sv_b;
	}
	return force;
}

/* Horizontal width at level y of {x in [x1, x2] : plane(x) <= y}, the plane
 * running straight from (0, zs) to (d, zb). */
static double S_width(double y, double zs, double zb, double d, double x1, double x2)
{
	if (zb == zs)
		return y >= zs ? x2 - x1 : 0.0;
	double t = (y - zs) / (zb - zs) * d; /* where the plane is at level y */
	double lo = x1, hi = x2;
	if (zb > zs) { /* rising: below the level for x <= t */
		if (t < hi)
			hi = t;
	} else if (t > lo) {
		lo = t;
	}
	return hi > lo ? hi - lo : 0.0;
}

/* Weight of the part x in [x1, x2] of the block above the slip plane, with
 * the surcharge on it. */
static double S_block_weight(const sp_study_t *st, double surface, double q, double zs, double zb, double d,
			     double x1, double x2)
{
	double extra[2] = {zs, zb};
	double bottom = zs < zb ? zs : zb;
	double lv[S_MAX_BREAKS];
	size_t n = S_breaks(st, surface, bottom, extra, 2, lv);
	double g = q * (x2 - x1);
	for (size_t k = 0; k + 1 < n; k++) {
		double a = lv[k], b = lv[k + 1], h = a - b;
		if (h <= 0)
			continue;
		const sp_layer_t *L = S_layer_at(st, 0.5 * (a + b));
		double wa = S_width(a, zs, zb, d, x1, x2), wb = S_width(b, zs, zb, d, x1, x2);
		g += S_gamma_eff(st, L, a, b) * 0.5 * (wa + wb) * h;
	}
	return g;
}

int sp_kranz_run(const sp_study_t *st, const sp_kranz_input_t *in, sp_kranz_result_t *out, sp_err_t *err)
{
	*out = (sp_kranz_result_t){0};
	if (st->n_layers == 0)
		return sp_err_set(err, SP_EDATA, "Kranz check: the study has no soil layers");
	double alpha = in->anchor_inclination_deg * S_RAD;
	double surface = st->retained_level_m, q = st->surcharge_kPa;
	double d = in->anchor_length_m * cos(alpha);
	double centre = in->anchor_level_m - in->anchor_length_m * sin(alpha);
	double zb = centre - 0.5 * in->anchorage_height_m, zs = in->slip_start_level_m;
	if (!(d > 0) || !(in->anchorage_height_m >= 0))
		return sp_err_set(err, SP_EDATA,
				  "Kranz check: the anchorage must lie behind the wall (length %g m, inclination %g deg, "
				  "height %g m)",
				  in->anchor_length_m, in->anchor_inclination_deg, in->anchorage_height_m);
	if (!(zb < surface) || !(zs < surface))
		return sp_err_set(err, SP_EDATA,
				  "Kranz check: the anchorage's foot (%g m) and the slip plane's start (%g m) must lie "
				  "below the retained surface (%g m)",
				  zb, zs, surface);
	out->anchorage_distance_m = d;
	out->anchorage_bottom_level_m = zb;
	out->anchorage_top_level_m = centre + 0.5 * in->anchorage_height_m;
	double theta = atan2(zb - zs, d);
	out->slip_angle_deg = theta / S_RAD;

	/* The block in slices, cut where the slip plane crosses a layer top:
	 * each slice's base has one phi' and one c'; between slices only
	 * horizontal forces. */
	double cuts[SP_WALL_MAX_LAYERS + 2];
	size_t nc = 0;
	cuts[nc++] = 0.0;
	for (size_t i = 0; i < st->n_layers && nc < SP_WALL_MAX_LAYERS; i++) {
		double y = st->layers[i].top_level_m;
		if (zb != zs && ((y > zs && y < zb) || (y < zs && y > zb)))
			cuts[nc++] = (y - zs) / (zb - zs) * d;
	}
	cuts[nc++] = d;
	qsort(cuts, nc, sizeof *cuts, S_cmp_asc);
	double hforce = 0.0, cforce = 0.0, weight = 0.0, phi_last = 0.0;
	for (size_t k = 0; k + 1 < nc; k++) {
		double x1 = cuts[k], x2 = cuts[k + 1];
		if (x2 <= x1)
			continue;
		const sp_layer_t *L = S_layer_at(st, zs + (zb - zs) * 0.5 * (x1 + x2) / d);
		double g = S_block_weight(st, surface, q, zs, zb, d, x1, x2);
		weight += g;
		phi_last = S_phi(L);
		hforce += g * tan(theta - phi_last * S_RAD);
		cforce += S_c(L) * (x2 - x1);
	}
	out->weight_kN_per_m = weight;
	out->horizontal_force_kN_per_m = hforce;
	out->cohesive_force_kN_per_m = cforce;
	out->slip_phi_deg = phi_last;

	out->active_force_wall_kN_per_m = fmax(0.0, S_earth_force(st, surface, q, zs, 0));
	out->active_force_anchorage_kN_per_m = fmax(0.0, S_earth_force(st, surface, q, zb, 0));
	out->passive_force_anchorage_kN_per_m = S_earth_force(st, surface, q, zb, 1);
	out->inclination_factor = cos(alpha) - sin(alpha) * tan(theta - phi_last * S_RAD);

	/* Horizontal equilibrium of the block with the slip plane's reaction at
	 * its limit; the anchor's vertical part acts on the last slice. */
	double ah = out->active_force_wall_kN_per_m - hforce - out->active_force_anchorage_kN_per_m + cforce;
	out->allowable_kranz_kN_per_m = out->inclination_factor > 0 ? ah / out->inclination_factor : HUGE_VAL;
	out->allowable_long_kN_per_m =
		out->passive_force_anchorage_kN_per_m - out->active_force_anchorage_kN_per_m;

	/* Short: the passive wedge in front of the anchorage (at 45 - phi/2 to
	 * the horizontal) reaches the wall's active wedge (45 + phi/2). */
	double phi_s = S_phi(S_layer_at(st, zs)) * S_RAD, phi_b = S_phi(S_layer_at(st, zb)) * S_RAD;
	double quarter = 0.25 * 3.14159265358979323846;
	double reach = (surface - zs) * tan(quarter - 0.5 * phi_s) + (surface - zb) * tan(quarter + 0.5 * phi_b);
	out->is_short = reach > d;
	out->allowable_kN_per_m = out->is_short ? out->allowable_kranz_kN_per_m
						: fmin(out->allowable_kranz_kN_per_m, out->allowable_long_kN_per_m);
	return SP_OK;
}

double sp_kranz_slip_start_level_m(const sp_diagram_point_t *d, size_t n, double excavation_level_m)
{
	if (n == 0)
		return NAN;
	/* the first change of sign of the moment below the excavation */
	size_t k = 0;
	while (k < n && d[k].level_m > excavation_level_m)
		k++;
	size_t turn = n;
	for (size_t i = k; i + 1 < n; i++)
		if (d[i].moment_kNm_per_m * d[i + 1].moment_kNm_per_m < 0) {
			turn = i + 1;
			break;
		}
	/* below it, the point of zero shear (the largest fixing moment) */
	for (size_t i = turn; i + 1 < n; i++) {
		double v0 = d[i].shear_kN_per_m, v1 = d[i + 1].shear_kN_per_m;
		if (v0 == 0)
			return d[i].level_m;
		if (v0 * v1 < 0)
			return d[i].level_m + (d[i + 1].level_m - d[i].level_m) * v0 / (v0 - v1);
	}
	return d[n - 1].level_m;
}

double sp_kranz_utilisation(double anchor_force_kN_per_m, double kranz_factor, const sp_kranz_result_t *r)
{
	double demand = fabs(anchor_force_kN_per_m) * kranz_factor;
	if (r->allowable_kN_per_m <= 0)
		return demand > 0 ? HUGE_VAL : 0.0;
	return demand / r->allowable_kN_per_m;
}
