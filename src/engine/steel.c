/* steel.c - EN 1993-5 5.2 equations and the resistances of one section. */
#include "steel.h"

#include <math.h>

double sp_steel_m_c_rd_kNm(double beta_b, double w_mm3, double fy_MPa, double gamma_M0)
{
	return beta_b * w_mm3 * fy_MPa / gamma_M0 * 1e-6; /* Nmm -> kNm */
}

double sp_steel_shear_area_mm2(double h_mm, double t_f_mm, double t_w_mm)
{
	return t_w_mm * (h_mm - t_f_mm);
}

double sp_steel_v_pl_rd_kN(double a_v_mm2, double fy_MPa, double gamma_M0)
{
	return a_v_mm2 * fy_MPa / (sqrt(3.0) * gamma_M0) * 1e-3;
}

double sp_steel_web_slenderness(double c_mm, double t_w_mm, double fy_MPa, double E_MPa)
{
	return 0.346 * (c_mm / t_w_mm) * sqrt(fy_MPa / E_MPa);
}

double sp_steel_f_bv_MPa(double lambda_w, double fy_MPa)
{
	if (lambda_w <= 0.83)
		return 0.58 * fy_MPa;
	if (lambda_w < 1.40)
		return 0.48 * fy_MPa / lambda_w;
	return 0.67 * fy_MPa / (lambda_w * lambda_w);
}

double sp_steel_v_b_rd_kN(double h_mm, double t_f_mm, double t_w_mm, double f_bv_MPa, double gamma_M0)
{
	return (h_mm - t_f_mm) * t_w_mm * f_bv_MPa / gamma_M0 * 1e-3;
}

double sp_steel_rho(double v_ed, double v_pl_rd)
{
	double r = 2 * v_ed / v_pl_rd - 1;
	return r * r;
}

double sp_steel_m_v_rd_kNm(double beta_b, double w_pl_mm3, double rho, double a_v_mm2, double t_w_mm,
                           double alpha_deg, double fy_MPa, double gamma_M0, double m_c_rd_kNm)
{
	double sin_a = sin(alpha_deg * SP_PI / 180.0);
	double m = (beta_b * w_pl_mm3 - rho * a_v_mm2 * a_v_mm2 / (4 * t_w_mm * sin_a)) * fy_MPa / gamma_M0 * 1e-6;
	return m < m_c_rd_kNm ? m : m_c_rd_kNm;
}

double sp_steel_n_cr_N(double E_MPa, double i_mm4, double beta_d, double l_mm)
{
	return E_MPa * i_mm4 * beta_d * SP_PI * SP_PI / (l_mm * l_mm);
}

double sp_steel_chi(double n_pl, double n_cr, double alpha)
{
	double lam = sqrt(n_pl / n_cr);
	double phi = 0.5 * (1 + alpha * (lam - 0.2) + lam * lam);
	double chi = 1.0 / (phi + sqrt(phi * phi - lam * lam));
	return chi < 1.0 ? chi : 1.0;
}

double sp_steel_buckling_interaction(double n_ed, double chi, double n_pl_rd, double m_ed, double m_c_rd,
                                     double gamma_M0, double gamma_M1)
{
	double k = gamma_M0 / gamma_M1;
	return n_ed / (chi * n_pl_rd * k) + 1.15 * m_ed / (m_c_rd * k);
}

double sp_steel_m_n_rd(sp_shape shape, int section_class, double m_c_rd, double n_ed, double n_pl_rd)
{
	double n = n_ed / n_pl_rd;
	if (section_class <= 2) {
		if (n <= (shape == SP_SHAPE_Z ? 0.10 : 0.25))
			return m_c_rd; /* (5.17), (5.18) */
		double m = (shape == SP_SHAPE_Z ? 1.11 : 1.33) * m_c_rd * (1 - n); /* (5.20), (5.21) */
		return m < m_c_rd ? m : m_c_rd;
	}
	if (n <= 0.10)
		return m_c_rd; /* (5.19) */
	return m_c_rd * (1 - n); /* (5.22) */
}

void sp_steel_init(sp_steel_t *s, const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g,
                   double thickness_loss_mm)
{
	*s = (sp_steel_t){0};
	s->shape = p->shape;
	s->fy_MPa = g->fy_MPa;
	s->E_MPa = g->E_MPa;
	s->epsilon = sqrt(235.0 / g->fy_MPa);
	s->section_ok = sp_section_of(p, thickness_loss_mm, &s->sec) == 0;
	if (!s->section_ok) {
		s->section_class = 4;
		return; /* zero resistances: every check with them fails */
	}
	const sp_section_t *c = &s->sec;
	s->section_class = sp_section_class(c, p->shape, g->fy_MPa);
	s->plastic = st->resistance == SP_RESIST_PLASTIC && s->section_class <= 2 && c->w_pl_cm3_per_m > 0;
	s->w_bending_cm3_per_m = s->section_class == 4 ? 0.0 : s->plastic ? c->w_pl_cm3_per_m : c->w_el_cm3_per_m;
	/* shear per web; the height h - loss less t_f - loss is d, unchanged */
	double a_v = sp_steel_shear_area_mm2(c->height_mm, c->t_flange_mm, c->t_web_mm);
	double v_pl = sp_steel_v_pl_rd_kN(a_v, g->fy_MPa, st->gamma_M0);
	s->v_pl_rd_kN_per_m = v_pl * c->webs_per_m;
	s->v_rd_kN_per_m = s->v_pl_rd_kN_per_m;
	s->shear_buckling = c->web_length_mm / c->t_web_mm > 72.0 * s->epsilon; /* EN 1993-5 5.2.2(6) */
	if (s->shear_buckling) {
		double lam = sp_steel_web_slenderness(c->web_length_mm, c->t_web_mm, g->fy_MPa, g->E_MPa);
		double v_b = sp_steel_v_b_rd_kN(c->height_mm, c->t_flange_mm, c->t_web_mm, sp_steel_f_bv_MPa(lam, g->fy_MPa),
		                                st->gamma_M0) * c->webs_per_m;
		if (v_b < s->v_rd_kN_per_m)
			s->v_rd_kN_per_m = v_b;
	}
	double sin_a = sin(c->web_angle_deg * SP_PI / 180.0);
	s->web_term_kNm_per_m = a_v * a_v / (4 * c->t_web_mm * sin_a) * g->fy_MPa / st->gamma_M0 * 1e-6 * c->webs_per_m;
	s->n_pl_rd_kN_per_m = c->area_cm2_per_m * 100 * g->fy_MPa / st->gamma_M0 * 1e-3;
	s->ei_kNm2_per_m = g->E_MPa * 1e3 * c->inertia_cm4_per_m * 1e-8; /* kPa x m4 */
}
