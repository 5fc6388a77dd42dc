/* section.c - plate model of a sheet pile section, corroded. */
#include "section.h"

#include <math.h>
#include <string.h>

#define S_BISECT_STEPS 200 /* bisection on c: the interval shrinks below 1e-30 of B */

/* A, I, W_el, W_pl of the model per single pile (mm2, mm4, mm3, mm3). */
typedef struct {
	double a, i, w_el, w_pl;
} S_props;

static int S_props_of(const sp_section_t *s, sp_shape shape, double tf, double tw, double loss, S_props *o)
{
	double d = s->depth_mm, al = s->interlock_area_mm2;
	double al_c = al - loss * sqrt(al); /* square lump, one side on each face */
	if (!(tf > 0 && tw > 0 && al_c >= 0))
		return -1;
	double flange = s->flange_width_mm * tf + (shape == SP_SHAPE_Z ? al_c : 0.0);
	double web = s->web_length_mm * tw;
	o->a = s->flange_width_mm * tf + web + al_c;
	o->i = flange * d * d / 4 + web * d * d / 12;
	o->w_el = o->i / (d / 2 + tf / 2);
	o->w_pl = flange * d / 2 + web * d / 4;
	return 0;
}

/* Z: linear in (b t_f + A_L) and c t_w; b from the width. */
static int S_fit_z(sp_section_t *s, double tf, double tw, double a_pile, double i_pile)
{
	double d = s->depth_mm, B = s->width_mm;
	double web = 1.5 * a_pile - 6 * i_pile / (d * d); /* c t_w */
	double flange = a_pile - web;                     /* b t_f + A_L */
	double c = web / tw;
	if (!(c > d && flange > 0))
		return -1;
	double b = B - sqrt(c * c - d * d);
	if (!(b > 0))
		return -1;
	double al = flange - b * tf;
	if (al < 0) { /* no lump: the flange is as wide as its area says */
		al = 0;
		b = flange / tf;
	}
	s->flange_width_mm = b, s->web_length_mm = c, s->interlock_area_mm2 = al;
	return 0;
}

/* U: I B = b t_f d^2/4 + c t_w d^2/12, b = B - sqrt(c^2 - d^2), decreasing in c. */
static double S_u_residual(double c, double d, double B, double tf, double tw, double i_pile)
{
	return (B - sqrt(c * c - d * d)) * tf * d * d / 4 + tw * c * d * d / 12 - i_pile;
}

static int S_fit_u(sp_section_t *s, double tf, double tw, double a_pile, double i_pile)
{
	double d = s->depth_mm, B = s->width_mm;
	double lo = d, hi = sqrt(d * d + B * B);
	if (!(S_u_residual(lo, d, B, tf, tw, i_pile) >= 0 && S_u_residual(hi, d, B, tf, tw, i_pile) <= 0))
		return -1;
	for (int k = 0; k < S_BISECT_STEPS && hi - lo > 0; k++) {
		double m = 0.5 * (lo + hi);
		if (S_u_residual(m, d, B, tf, tw, i_pile) > 0)
			lo = m;
		else
			hi = m;
	}
	double c = 0.5 * (lo + hi), b = B - sqrt(c * c - d * d);
	double al = a_pile - b * tf - c * tw;
	if (!(b > 0 && al >= 0))
		return -1;
	s->flange_width_mm = b, s->web_length_mm = c, s->interlock_area_mm2 = al;
	return 0;
}

int sp_section_of(const sp_profile_t *p, double thickness_loss_mm, sp_section_t *s)
{
	memset(s, 0, sizeof *s);
	double tf = p->t_flange_mm, tw = p->t_web_mm, loss = thickness_loss_mm > 0 ? thickness_loss_mm : 0;
	s->thickness_loss_mm = loss;
	if (!(tf > 0 && tw > 0 && p->height_mm > tf))
		return -1;
	s->width_mm = p->width_mm;
	s->depth_mm = p->height_mm - tf;
	double b_m = p->width_mm * 1e-3;
	double a_pile = p->area_cm2_per_m * 100 * b_m, i_pile = p->inertia_cm4_per_m * 1e4 * b_m;
	int rc = p->shape == SP_SHAPE_Z ? S_fit_z(s, tf, tw, a_pile, i_pile) : S_fit_u(s, tf, tw, a_pile, i_pile);
	if (rc != 0)
		return -1;
	s->web_angle_deg = asin(s->depth_mm / s->web_length_mm) * 180.0 / SP_PI;
	s->webs_per_m = 1.0 / b_m;
	S_props p0, pc;
	if (S_props_of(s, p->shape, tf, tw, 0, &p0) != 0)
		return -1;
	s->t_flange_mm = tf - loss, s->t_web_mm = tw - loss, s->height_mm = p->height_mm - loss;
	if (S_props_of(s, p->shape, tf - loss, tw - loss, loss, &pc) != 0) {
		s->t_flange_mm = s->t_web_mm = 0; /* consumed: zero properties */
		return -1;
	}
	s->area_cm2_per_m = p->area_cm2_per_m * pc.a / p0.a;
	s->inertia_cm4_per_m = p->inertia_cm4_per_m * pc.i / p0.i;
	s->w_el_cm3_per_m = p->w_el_cm3_per_m * pc.w_el / p0.w_el;
	s->w_pl_cm3_per_m = p->w_pl_cm3_per_m * pc.w_pl / p0.w_pl;
	return 0;
}

int sp_section_class(const sp_section_t *s, sp_shape shape, double fy_MPa)
{
	if (!(s->t_flange_mm > 0))
		return 4;
	double eps = sqrt(235.0 / fy_MPa), r = s->flange_width_mm / s->t_flange_mm;
	double lim2 = shape == SP_SHAPE_Z ? 45.0 : 37.0, lim3 = shape == SP_SHAPE_Z ? 66.0 : 49.0;
	return r <= lim2 * eps ? 2 : r <= lim3 * eps ? 3 : 4;
}
