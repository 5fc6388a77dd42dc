/* kranz.h - stability of an anchorage in the deep slip plane (Kranz), as
 * EAU 2012 R 10 (section 8.5) and D-Sheet Piling's "Allowable Anchor Force"
 * calculation do it. Theory, assumptions and sources: docs/kranz.md.
 *
 * The soil block between the wall and the anchorage: bounded by the vertical
 * plane of the wall (retained surface down to the level where the deep slip
 * plane leaves the wall), the straight deep slip plane from there up to the
 * foot of the anchorage, and the vertical plane through the anchorage
 * (surface down to its foot). Forces on it, all per m run:
 *   G    weight (effective below the water level) plus the surcharge on it;
 *   E_a  active earth pressure on the wall plane, surcharge included;
 *   E_1  active earth pressure on the anchorage plane, surcharge included;
 *   Q    the reaction on the slip plane, at phi' to its normal;
 *   C    cohesion on the slip plane (its horizontal part, c' x distance);
 *   A    the anchor force, at the anchor's inclination.
 * Earth pressures on the vertical planes are Rankine's (delta = 0: soil
 * against soil), integrated over the layers without a tension cut-off.
 *
 * Everything is closed form: no root finding, no allocation, a few dozen
 * flops per layer. Pure: no printing, no files. */
#ifndef SP_KRANZ_H
#define SP_KRANZ_H

#include <stddef.h>
#include "engine.h"
#include "study.h"

/* What a candidate knows about its anchor. Levels in m (up positive). */
typedef struct {
	double anchor_level_m;          /* the anchor's head at the wall */
	double anchor_inclination_deg;  /* below horizontal (down into the soil positive) */
	double anchor_length_m;         /* from the wall to the centre of the anchorage, along the tendon */
	double anchorage_height_m;      /* height of the anchor wall / deadman, centred on the tendon's end;
	                                   0: a point (e.g. the centre of a grout body) */
	double slip_start_level_m;      /* where the deep slip plane leaves the wall: the point of zero
	                                   shear of the fixing moment, or the toe (sp_kranz_slip_start_level_m) */
} sp_kranz_input_t;

typedef struct {
	/* geometry */
	double anchorage_distance_m;    /* horizontal, wall to anchorage */
	double anchorage_top_level_m, anchorage_bottom_level_m;
	double slip_angle_deg;          /* inclination of the deep slip plane to the horizontal, theta */
	double slip_phi_deg;            /* phi' of the layer at the anchorage end of the slip plane */
	int is_short;                   /* 1: the passive wedge of the anchorage meets the wall's active wedge */
	/* forces, kN/m */
	double weight_kN_per_m;                /* G, surcharge included */
	double active_force_wall_kN_per_m;     /* E_a on the wall plane, surcharge included */
	double horizontal_force_kN_per_m;      /* sum over the block's slices of G_i tan(theta - phi_i) */
	double active_force_anchorage_kN_per_m;  /* E_1 */
	double passive_force_anchorage_kN_per_m; /* E_p in front of the anchorage, surface to its foot */
	double cohesive_force_kN_per_m;        /* horizontal: sum of c'_i x horizontal extent i */
	double inclination_factor;             /* cos(alpha) - sin(alpha) tan(theta - phi) */
	/* the allowable anchor forces (along the anchor), kN/m; D-Sheet's names */
	double allowable_kranz_kN_per_m;       /* AllowableAnchorForceKranz: (E_a - H - E_1 + C) / factor */
	double allowable_long_kN_per_m;        /* AllowableAnchorForceLong: E_p - E_1 */
	double allowable_kN_per_m;             /* AllowableAnchorForceDecisive: Kranz for a short
	                                          anchorage, the smaller of both for a long one */
} sp_kranz_result_t;

/* The Kranz check of the anchorage `in` in the soil of the study's retained
 * side: [layer] sections, retained_level_m, water_retained_m, gamma_w_kN_m3
 * and surcharge_kPa (uniform, on the whole block). Undrained layers enter
 * with phi = 0 and c = c_u. Returns SP_OK, or SP_EDATA (with `err`, which
 * may be NULL) when there are no layers, the anchorage does not lie behind
 * the wall (length x cos(inclination) <= 0, height < 0), or its foot or the
 * slip plane's start is not below the retained surface. */
int sp_kranz_run(const sp_study_t *st, const sp_kranz_input_t *in, sp_kranz_result_t *out, sp_err_t *err);

/* Where the deep slip plane leaves the wall (EAU R 10): with a fixing moment
 * below the excavation (the moment changes sign below excavation_level_m),
 * the point of zero shear below that change of sign; otherwise the toe (the
 * last point). The diagram runs from the top of the wall to the toe. */
double sp_kranz_slip_start_level_m(const sp_diagram_point_t *d, size_t n, double excavation_level_m);

/* Utilisation of the anchorage: design anchor force (along the anchor, kN/m)
 * x kranz_factor / allowable force; <= 1 passes. kranz_factor is the global
 * safety EAU asks of the possible anchor force (1.5). An allowable force of
 * zero or less gives HUGE_VAL (fails) unless the force is zero too. */
double sp_kranz_utilisation(double anchor_force_kN_per_m, double kranz_factor, const sp_kranz_result_t *r);

#endif
