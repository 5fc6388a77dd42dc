/* surcharge.h - vertical surcharge loads on a strip of the ground surface
 * beside the wall (D-Sheet Piling "surcharge loads"): their resultant on a
 * sliding wedge (Culmann) and the horizontal stress they cause on the wall
 * (Boussinesq/Flamant). Pure functions; distances from the wall in m. */
#ifndef SP_SURCHARGE_H
#define SP_SURCHARGE_H

#include "wall.h"

/* Vertical force of the load on the first width_m of the surface (kN/m):
 * the integral of the piecewise-linear load, zero outside its points. */
double sp_surcharge_resultant(const sp_wall_surcharge_t *q, double width_m);

/* Horizontal stress on a rigid wall at depth_m below the surface (kPa): the
 * Flamant line-load solution sigma_x = 2 p x^2 z / (pi (x^2 + z^2)^2)
 * integrated in closed form over the load, doubled for the wall (a smooth
 * rigid wall mirrors the half-space). */
double sp_surcharge_wall_stress(const sp_wall_surcharge_t *q, double depth_m);

/* D-Sheet Piling considers a surcharge up to this many wall lengths from the
 * wall (bm3-1a and bm3-2a, a 7 m wall with 3 kPa from the wall to 100 m and to
 * 10 000 m: identical [LAMBDAS]; their vertical stress falls short of
 * Flamant's by the load beyond 35.00 m, 0.00455 kPa at 6.84 m). */
#define SP_SURCHARGE_REACH 5.0

/* Horizontal stress at rest of a surcharge on a wall of length
 * wall_length_m (kPa), D-Sheet Piling's neutral pressure of the load: the
 * Flamant sigma_x of the load plus that of its mirror image, the image
 * weighted by 1 - x/L within a wall length L of the wall and absent beyond;
 * the load beyond SP_SURCHARGE_REACH L ignored. Read from the .shd files of
 * bm3-7a, bm3-1a, bm4-17d, bm4-44a and Tutorial-16 ([LAMBDAS] neutral
 * pressure less K0 (1 - sin phi) times the vertical stress of soil and
 * uniform load; docs/validation.md). With wall_length_m <= 0 it is
 * sp_surcharge_wall_stress. */
double sp_surcharge_neutral_stress(const sp_wall_surcharge_t *q, double depth_m, double wall_length_m);

/* Horizontal stress of the load in the half-space without a wall, at x = 0
 * and depth_m (kPa): Flamant's sigma_x of the load within SP_SURCHARGE_REACH
 * wall lengths (all of it with wall_length_m <= 0), no mirror image. D-Sheet
 * Piling's neutral pressure of an initial stage (CalcFirstStageInitial,
 * initial_stage.h): bm4-5b.shd stage 1, K0 sigma_v' + this of the 20 kPa on
 * the right and of the 1 m slope on the left, 46.80267 kPa at -6.60 m and
 * 95.02981 at -16.60 on both sides. */
double sp_surcharge_free_stress(const sp_wall_surcharge_t *q, double depth_m, double wall_length_m);

/* Vertical stress at the wall (x = 0) at depth_m below the surface (kPa):
 * Flamant's sigma_z = 2 p z^3 / (pi (x^2 + z^2)^2) integrated in closed form
 * over the load (half the load's intensity at the surface under its edge). */
double sp_surcharge_vertical_stress(const sp_wall_surcharge_t *q, double depth_m);

/* The same of the load within SP_SURCHARGE_REACH wall lengths of the wall
 * (D-Sheet Piling; all of it with wall_length_m <= 0). */
double sp_surcharge_vertical_stress_within(const sp_wall_surcharge_t *q, double depth_m, double wall_length_m);

/* Horizontal earth force on the wall from the surface down to depth_m by
 * Culmann's sliding wedges through the foot of the wall (kN/m):
 * weight_kN_per_m(w) = weight_integral_kN_per_m * w / depth_m is the wedge's
 * effective weight for a surface width w (the integral of the vertical
 * effective stress over the depth), plus the surcharges on that width; the
 * cohesion c_kPa acts along the slide plane (no adhesion on the wall: D-Sheet
 * Piling bm4-8a, [SLIDE PLANE] Q max/Q min with c = 5 kPa). Active:
 * the largest over the slide-plane angle, passive: the smallest. phi and delta
 * in degrees; *alpha_deg (may be NULL) the critical slide-plane angle from the
 * horizontal. */
double sp_surcharge_wedge_force(double depth_m, double weight_integral_kN_per_m, const sp_wall_surcharge_t *const *loads,
                                int n_loads, double phi_deg, double delta_deg, double c_kPa, int passive,
                                double *alpha_deg);

/* What the wedge searches of one phi, delta and direction share, computed
 * once: the angles in radians, the range of slide planes, the closed form's
 * sines and cosines (no surcharges), and the sines and cosines of the planes
 * at the ends of the range and (sp_surcharge_family_grid) on the search's
 * grid. sp_surcharge_family_force gives sp_surcharge_wedge_force's result bit
 * for bit (the same functions of the same arguments), without computing
 * these again (wedge_cache.h keeps a family per soil and direction). */
#define SP_SURCHARGE_GRID 120 /* planes of the search with surcharges (and under a sloping ground) */

typedef struct {
	double tan_a, sin_a;  /* of the plane's angle alpha */
	double sin_f, cos_f;  /* sin(alpha - phi), cos(alpha - phi - delta); passive: + phi, + delta */
} sp_surcharge_plane_t;

typedef struct {
	double phi_deg, delta_deg;
	int passive;
	double phi, delta, cos_phi, cos_delta;              /* radians */
	int in_range;                                       /* some plane gives a finite force */
	double lo, hi;                                      /* the planes' angles (radians) */
	sp_surcharge_plane_t at_lo, at_hi;
	double sin_ph_de, sin_ph, cos_de, sin_de;           /* the closed form's (ph, de: -phi, -delta passive) */
	int has_grid;
	sp_surcharge_plane_t grid[SP_SURCHARGE_GRID + 1];   /* lo + k (hi - lo) / SP_SURCHARGE_GRID */
	double grid_cos_a[SP_SURCHARGE_GRID + 1];           /* their cos(alpha) (sloping ground) */
} sp_surcharge_family_t;

void sp_surcharge_family_init(sp_surcharge_family_t *f, double phi_deg, double delta_deg, int passive);
/* Adds the grid's planes (once). */
void sp_surcharge_family_grid(sp_surcharge_family_t *f);
/* sp_surcharge_wedge_force(depth_m, weight_integral_kN_per_m, loads, n_loads,
 * f->phi_deg, f->delta_deg, c_kPa, f->passive, alpha_deg). */
double sp_surcharge_family_force(const sp_surcharge_family_t *f, double depth_m, double weight_integral_kN_per_m,
                                 const sp_wall_surcharge_t *const *loads, int n_loads, double c_kPa, double *alpha_deg);

/* The same force for one slide-plane angle alpha_deg (from the horizontal).
 * With depth_m = 1 and the vertical effective stress as the weight integral
 * (no surcharges) it is the pressure dP/dz at that angle: by the envelope
 * theorem, the wedge pressure at a depth where alpha_deg is critical. */
double sp_surcharge_wedge_force_at(double alpha_deg, double depth_m, double weight_integral_kN_per_m,
                                   const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg, double delta_deg,
                                   double c_kPa, int passive);

/* The ground beside the wall for wedges under a sloping surface. */
typedef struct {
	double wall_level_m;           /* surface level at the wall */
	int n_points;                  /* the surface beyond it: straight through these points, level after */
	const double *distance_m, *level_m;
	int n_bands;                   /* horizontal bands of constant effective unit weight, top-down */
	const double *band_bottom_m;   /* band i from band_bottom_m[i-1] (the first: no top) to band_bottom_m[i] */
	const double *band_gamma_kN_m3;
	double uniform_kPa;            /* uniform vertical load on the surface */
	/* NULL: the wedge has the soil given to the call. Otherwise each band's
	 * own phi (deg), wall friction delta (deg) and cohesion (kPa): the plane
	 * is cut into slices by the band boundaries, each slice carries the
	 * ground above its part of the plane and acts with its own soil (the
	 * layered wedge of wedge_layers.h under a sloping surface). */
	const double *band_phi_deg, *band_delta_deg, *band_c_kPa;
} sp_ground_t;

/* Horizontal force on the wall above level_m by Culmann's wedges through the
 * wall at level_m (kN/m), the wedge being the ground between the slide plane
 * and the surface up to where the plane leaves the ground: its weight (areas
 * times the bands' unit weights), the uniform load and the surcharges on its
 * width, cohesion along the plane. As sp_surcharge_wedge_force otherwise.
 * With the bands' own soils (g->band_phi_deg) phi_deg, delta_deg and c_kPa
 * are not used. */
double sp_surcharge_ground_wedge_force(const sp_ground_t *g, double level_m, const sp_wall_surcharge_t *const *loads,
                                       int n_loads, double phi_deg, double delta_deg, double c_kPa, int passive,
                                       double *alpha_deg);

/* sp_surcharge_ground_wedge_force(g, level_m, loads, n_loads, f->phi_deg,
 * f->delta_deg, c_kPa, f->passive, alpha_deg), bit for bit, with the family's
 * grid when it has one. */
double sp_surcharge_family_ground_force(const sp_surcharge_family_t *f, const sp_ground_t *g, double level_m,
                                        const sp_wall_surcharge_t *const *loads, int n_loads, double c_kPa,
                                        double *alpha_deg);

#endif
