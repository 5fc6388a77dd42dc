/* wedge_layers.h - Culmann's wedge through a layered soil as D-Sheet Piling
 * computes it at its slide planes: one straight slide plane from the wall at
 * the plane's level up to the surface, cut by the layer boundaries into
 * horizontal slices; each slice carries the vertical effective stress on
 * its top over its width and its own weight to its part of the plane, with
 * its own phi, c and wall friction delta; the force on the wall is the sum
 * of the slices' forces, the largest (active) or smallest (passive) over the
 * one angle of the plane. Reproduces D-Sheet's [SLIDE PLANE] Q and theta to
 * the printed digits (bm4-13b right side, bm4-13i left side with delta 24
 * above -33 and -36 deg: tests/test_wedge_layers.c). Pure functions. */
#ifndef SP_WEDGE_LAYERS_H
#define SP_WEDGE_LAYERS_H

#include "wall.h"

/* One slice, between two layer boundaries (or the surface or the plane's level). */
typedef struct {
	double height_m;                 /* > 0 */
	double weight_integral_kN_per_m; /* integral of sigma_v' (kPa) over the slice's height */
	double phi_deg, delta_deg, c_kPa;
} sp_wedge_layer_t;

/* A slice's angles as the search needs them (radians, sines and cosines;
 * pd: phi + delta): what a caller whose slices repeat a few soils computes
 * once per soil (sp_wedge_layers_trig) and passes to
 * sp_wedge_layers_force_near_trig; the same bits as the search's own. */
typedef struct {
	double phi_rad, delta_rad, sin_phi, cos_phi, cos_delta, sin_pd, cos_pd;
} sp_wedge_trig_t;

sp_wedge_trig_t sp_wedge_layers_trig(double phi_deg, double delta_deg);

/* Horizontal force on the wall (kN/m) of the wedge over the n slices (top
 * first; the plane through the foot of the last). A surcharge loads the
 * slice whose part of the plane lies under it (each slice carries the column
 * above its part of the plane). *alpha_deg (may be NULL):
 * the critical plane's angle from the horizontal. 0 without slices. */
double sp_wedge_layers_force(const sp_wedge_layer_t *slices, int n, const sp_wall_surcharge_t *const *loads,
                             int n_loads, int passive, double *alpha_deg);

/* The same force found from a nearby critical angle alpha_hint_deg (the
 * one of a plane just above): Newton's method on the force's slope, a few
 * evaluations instead of sp_wedge_layers_force's search over every angle;
 * that search when there are surcharges (several extremes), when the hint
 * is not positive or Newton's method does not converge to a maximum
 * (active; minimum passive) at least as good as the hint's. */
double sp_wedge_layers_force_near(const sp_wedge_layer_t *slices, int n, const sp_wall_surcharge_t *const *loads,
                                  int n_loads, int passive, double alpha_hint_deg, double *alpha_deg);

#define SP_WEDGE_GRID 240 /* the search's grid: angles tried before the golden-section refinement */

/* The sines and cosines of a search's grid of angles, which depend on the
 * slices' phi and delta alone (its range): kept by a caller between
 * searches whose slices repeat the same soils. set = 0 before the first. */
typedef struct {
	int set;
	double lo, hi; /* the range they are for (radians) */
	double sin_a[SP_WEDGE_GRID + 1], cos_a[SP_WEDGE_GRID + 1];
} sp_wedge_grid_t;

/* sp_wedge_layers_force_near with the slices' angles given: trig[k] =
 * sp_wedge_layers_trig(slices[k].phi_deg, slices[k].delta_deg) (NULL:
 * computed), and the grid's sines and cosines kept in grid (NULL: none
 * kept; when its range differs, recomputed there); the same result bit for
 * bit. */
double sp_wedge_layers_force_near_trig(const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                                       const sp_wall_surcharge_t *const *loads, int n_loads, int passive,
                                       double alpha_hint_deg, sp_wedge_grid_t *grid, double *alpha_deg);

#endif
