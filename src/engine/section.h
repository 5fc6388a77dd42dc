/* section.h - a sheet pile section per metre of wall, reduced by corrosion.
 *
 * The rolled section (catalogue: B, h, t_f, t_w, A, I, W_el, W_pl per m) is
 * idealised as thin plates on a wall of period 2B (two single piles): per
 * single pile one flange (width b, thickness t_f) at distance d/2 = (h -
 * t_f)/2 from the wall's axis, one web (length c, thickness t_w, inclined at
 * alpha with sin(alpha) = d/c) and one interlock, a compact lump of area
 * A_L: on the flange for Z piles (interlocks on the extreme fibres), on the
 * axis for U piles. The flange and web widths satisfy b + d/tan(alpha) = B,
 * and the model is calibrated on the catalogue's A and I:
 *   Z:  A B = b t_f + c t_w + A_L,  I B = (b t_f + A_L) d^2/4 + c t_w d^2/12
 *       (linear in b t_f + A_L and c t_w; then b from the width equation)
 *   U:  I B = b t_f d^2/4 + c t_w d^2/12 with b = B - sqrt(c^2 - d^2)
 *       (c by bisection), A_L = A B - b t_f - c t_w.
 * Corrosion: each plate of the wall has one face on each side, so every
 * plate loses the sum of both faces' losses, t -> t - loss (d is unchanged:
 * both flanges lose the same). The interlock lump is a square with one side
 * on each face: A_L -> A_L - loss sqrt(A_L). A, I, W_el (= I / (d/2 +
 * t_f/2)) and W_pl (flanges and lumps at d/2, webs at d/4) of the model
 * are scaled by the catalogue's values: the corroded value = catalogue x
 * model(loss) / model(0), exact without corrosion. Validated against
 * R. Hartman's corroded PZ 27 properties (docs/validation.md). */
#ifndef SP_SECTION_H
#define SP_SECTION_H

#include "catalogue.h"

typedef struct {
	/* the idealisation, per single pile */
	double width_mm;           /* B */
	double depth_mm;           /* d = h - t_f, between the flanges' mid-planes */
	double flange_width_mm;    /* b */
	double web_length_mm;      /* c */
	double web_angle_deg;      /* alpha */
	double interlock_area_mm2; /* A_L (before corrosion) */
	/* after corrosion */
	double thickness_loss_mm;  /* of each plate: both faces */
	double t_flange_mm, t_web_mm;
	double height_mm;          /* h - loss */
	double area_cm2_per_m, inertia_cm4_per_m, w_el_cm3_per_m;
	double w_pl_cm3_per_m;     /* 0 when the catalogue gives none */
	double webs_per_m;         /* 1 / B: two webs per double pile (period 2B) */
} sp_section_t;

/* The section of p after a thickness loss (mm, both faces together).
 * Returns 0; -1 when p has no t_flange_mm / t_web_mm, when its A and I fit
 * no plate model of its width and height, or when the loss consumes a
 * plate (then *s holds zero properties). */
int sp_section_of(const sp_profile_t *p, double thickness_loss_mm, sp_section_t *s);

/* EN 1993-5 Table 5-1 (limits recalled, checked against the ArcelorMittal
 * classes: docs/validation.md): b/t_f against epsilon = sqrt(235/f_y):
 * Z: <= 45 eps class 2 (1 needs the rotation check of Annex C), <= 66 eps
 * class 3; U: 37 eps and 49 eps; else 4. */
int sp_section_class(const sp_section_t *s, sp_shape shape, double fy_MPa);

#endif
