/* steel.h - EN 1993-5 5.2 resistances of a sheet pile section (pure).
 *
 * The equations one by one (units: mm, N/mm2 = MPa, kN, kNm), and the
 * resistances of one profile x grade after corrosion (sp_steel_init),
 * computed once per pair so that a candidate needs closed forms only. */
#ifndef SP_STEEL_H
#define SP_STEEL_H

#include "catalogue.h"
#include "section.h"
#include "study.h"

#define SP_STEEL_CURVE_D_ALPHA 0.76 /* imperfection factor of buckling curve d, EN 1993-1-1 Table 6.1 */

/* (5.2)/(5.3) M_c,Rd = beta_B W f_y / gamma_M0 (W in mm3) -> kNm */
double sp_steel_m_c_rd_kNm(double beta_b, double w_mm3, double fy_MPa, double gamma_M0);
/* (5.6) A_v = t_w (h - t_f), mm2, per web */
double sp_steel_shear_area_mm2(double h_mm, double t_f_mm, double t_w_mm);
/* (5.5) V_pl,Rd = A_v f_y / (sqrt(3) gamma_M0) -> kN, per web */
double sp_steel_v_pl_rd_kN(double a_v_mm2, double fy_MPa, double gamma_M0);
/* (5.8) lambda = 0.346 (c / t_w) sqrt(f_y / E) */
double sp_steel_web_slenderness(double c_mm, double t_w_mm, double fy_MPa, double E_MPa);
/* EN 1993-1-3 Table 6.1, web without stiffening at the support: f_bv, MPa */
double sp_steel_f_bv_MPa(double lambda_w, double fy_MPa);
/* (5.7) V_b,Rd = (h - t_f) t_w f_bv / gamma_M0 -> kN, per web */
double sp_steel_v_b_rd_kN(double h_mm, double t_f_mm, double t_w_mm, double f_bv_MPa, double gamma_M0);
/* (5.10) rho = (2 V_Ed / V_pl,Rd - 1)^2, used when V_Ed > V_pl,Rd / 2 (5.2.2(9)) */
double sp_steel_rho(double v_ed, double v_pl_rd);
/* (5.9) M_V,Rd = (beta_B W_pl - rho A_v^2 / (4 t_w sin alpha)) f_y / gamma_M0 <= M_c,Rd -> kNm */
double sp_steel_m_v_rd_kNm(double beta_b, double w_pl_mm3, double rho, double a_v_mm2, double t_w_mm,
                           double alpha_deg, double fy_MPa, double gamma_M0, double m_c_rd_kNm);
/* (5.12) N_cr = E I beta_D pi^2 / l^2 (E MPa, I mm4, l mm) -> N */
double sp_steel_n_cr_N(double E_MPa, double i_mm4, double beta_d, double l_mm);
/* EN 1993-1-1 6.3.1.2: chi of the relative slenderness sqrt(N_pl / N_cr), curve alpha */
double sp_steel_chi(double n_pl, double n_cr, double alpha);
/* (5.13) left side: N_Ed / (chi N_pl,Rd gamma_M0/gamma_M1) + 1.15 M_Ed / (M_c,Rd gamma_M0/gamma_M1) */
double sp_steel_buckling_interaction(double n_ed, double chi, double n_pl_rd, double m_ed, double m_c_rd,
                                     double gamma_M0, double gamma_M1);
/* (5.17)-(5.22) M_N,Rd: M_c,Rd when N_Ed / N_pl,Rd is at most 0.10 (Z, class
 * 1-2; class 3) or 0.25 (U, class 1-2); else 1.11 (Z) or 1.33 (U) M_c,Rd
 * (1 - N_Ed/N_pl,Rd) <= M_c,Rd for class 1-2, M_c,Rd (1 - N_Ed/N_pl,Rd) for class 3. */
double sp_steel_m_n_rd(sp_shape shape, int section_class, double m_c_rd, double n_ed, double n_pl_rd);

/* One profile x grade after corrosion: what every candidate shares. */
typedef struct {
	sp_shape shape;
	sp_section_t sec;           /* corroded section */
	int section_ok;             /* 0: no thickness or no plate model: resistances 0 */
	int section_class;          /* 2 (1 or 2), 3 or 4 (infeasible: no effective section) */
	double fy_MPa, E_MPa, epsilon;
	int plastic;                /* 1: bending with W_pl (resistance = plastic, class <= 2, W_pl known) */
	double w_bending_cm3_per_m; /* W of M_c,Rd before beta_B; 0 for class 4 */
	double v_pl_rd_kN_per_m;    /* (5.5) x webs per m */
	double v_rd_kN_per_m;       /* shear resistance: min with (5.7) when c/t_w > 72 eps */
	int shear_buckling;         /* 1: c/t_w > 72 eps */
	double web_term_kNm_per_m;  /* A_v^2 / (4 t_w sin alpha) f_y / gamma_M0 x webs per m, of (5.9) */
	double n_pl_rd_kN_per_m;    /* (5.16) A f_y / gamma_M0 */
	double ei_kNm2_per_m;       /* E I of the corroded section */
} sp_steel_t;

/* The resistances of p in grade g after a thickness loss (mm, both faces). */
void sp_steel_init(sp_steel_t *s, const sp_study_t *st, const sp_profile_t *p, const sp_grade_t *g,
                   double thickness_loss_mm);

#endif
