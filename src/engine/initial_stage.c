/* initial_stage.c - the neutral pressure of D-Sheet Piling's initial stage
 * (initial_stage.h). */
#include "initial_stage.h"
#include "surcharge.h"

#include <math.h>
#include <string.h>

/* Weight of the soil between levels lo and hi of a side's layers (kPa):
 * dry above the water level zw, wet below; soil above the top layer's top
 * does not count (as beam_load.c's vertical stress). */
static double S_column_kPa(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double lo, double hi, double zw)
{
	double s = 0.0;
	for (int i = 0; i < nl; i++) {
		double lt = fmin(ls[i].top_level_m, hi);
		double lb = fmax(i + 1 < nl ? ls[i + 1].top_level_m : -1e30, lo);
		if (lt <= lb)
			continue;
		const sp_wall_soil_t *so = &w->soils[ls[i].soil];
		double wl = fmin(fmax(zw, lb), lt); /* the water level within [lb, lt] */
		s += so->gamma_dry_kN_m3 * (lt - wl) + so->gamma_wet_kN_m3 * (wl - lb);
	}
	return s;
}

/* Free water above a surface at level zs (kPa). */
static double S_free_water_kPa(const sp_wall_t *w, double zs, double zw)
{
	return zw > zs ? w->gamma_water_kN_m3 * (zw - zs) : 0.0;
}

/* A sloping surface of a side as a strip load on the wall's level: the
 * change of the vertical effective stress at the surface's level at the wall
 * that the ground at each point adds (below: takes away), as beam_load.c
 * puts it for the ordinary neutral pressure. */
static void S_ground_load(const sp_wall_t *w, const sp_wall_stage_t *st, int side, sp_wall_surcharge_t *l)
{
	int nl;
	const sp_wall_layer_t *ls = sp_wall_side_layers(w, st, side, &nl);
	double zs = st->surface_m[side], zw = st->water_m[side];
	memset(l, 0, sizeof *l);
	l->distance_m[0] = 0.0, l->value_kPa[0] = 0.0, l->n_points = 1;
	for (int j = 0; j < st->n_surface_points[side] && l->n_points < SP_WALL_MAX_SURCHARGE_POINTS - 1; j++) {
		double zj = st->surface_level_m[side][j], p;
		double water_zj = zw > zj ? w->gamma_water_kN_m3 * (zw - zj) : 0.0;
		double water_zs = zw > zs ? w->gamma_water_kN_m3 * (zw - zs) : 0.0;
		if (zj >= zs)
			p = S_column_kPa(w, ls, nl, zs, zj, zw) + S_free_water_kPa(w, zj, zw) - S_free_water_kPa(w, zs, zw);
		else
			p = -(S_column_kPa(w, ls, nl, zj, zs, zw) - water_zj + water_zs);
		l->distance_m[l->n_points] = st->surface_distance_m[side][j], l->value_kPa[l->n_points++] = p;
	}
	l->distance_m[l->n_points] = l->distance_m[l->n_points - 1] + 1e4;
	l->value_kPa[l->n_points] = l->value_kPa[l->n_points - 1];
	l->n_points++;
}

/* The loads of one side's surface in the first stage: its surcharges and
 * (on a c, phi, delta side) its sloping ground; returns their count. */
static int S_side_loads(const sp_wall_t *w, const sp_wall_stage_t *st, int side, sp_wall_surcharge_t *ground,
                        const sp_wall_surcharge_t **loads, int *has_ground)
{
	int n = 0;
	for (int k = 0; k < w->n_surcharges; k++)
		if (st->surcharge_on[side][k])
			loads[n++] = &w->surcharges[k];
	*has_ground = st->n_surface_points[side] > 0 && st->kmethod[side] != SP_KMETHOD_GIVEN;
	if (*has_ground) {
		S_ground_load(w, st, side, ground);
		loads[n++] = ground;
	}
	return n;
}

double sp_initial_stage_offset_kPa(const sp_wall_t *w, const sp_wall_stage_t *first, int side, double level_m,
                                   const sp_wall_soil_t *soil)
{
	double l = w->length_m, off = 0.0;
	double depth = first->surface_m[side] - level_m;
	if (depth <= 1e-9)
		return 0.0;
	sp_wall_surcharge_t ground;
	const sp_wall_surcharge_t *loads[SP_WALL_MAX_ITEMS + 1];
	int has_ground;
	/* the other side's loads reach this side through the soil */
	int other = 1 - side;
	double depth_other = first->surface_m[other] - level_m;
	int n = S_side_loads(w, first, other, &ground, loads, &has_ground);
	if (depth_other > 1e-9)
		for (int k = 0; k < n; k++)
			off += sp_surcharge_free_stress(loads[k], depth_other, l);
	/* the side's own loads: without the mirror image of the wall, where
	 * beam_load.c adds the neutral stress of the loads (c, phi, delta; not
	 * c = phi = 0 on level ground, which takes the vertical stress) */
	n = S_side_loads(w, first, side, &ground, loads, &has_ground);
	int own_neutral = first->kmethod[side] != SP_KMETHOD_GIVEN &&
	                  !(soil->phi_deg == 0.0 && soil->c_kPa == 0.0 && !has_ground);
	if (own_neutral)
		for (int k = 0; k < n; k++)
			off += sp_surcharge_free_stress(loads[k], depth, l) - sp_surcharge_neutral_stress(loads[k], depth, l);
	return off;
}
