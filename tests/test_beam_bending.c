/* test_beam_bending.c - the beam engine's nonlinear bending
 * (engine/beam_bending.h): plastic hinges and a multilinear
 * moment-curvature diagram against closed forms.
 *
 * The walls here carry no soil (both surfaces below the toe, no water):
 * beams on their supports, whose answers are textbook ones.
 * - Propped cantilever (fixed at the top, a rigid support at the toe) under
 *   a uniform load w: elastic, the fixed-end moment is w L^2 / 8 and the
 *   prop carries 3 w L / 8; once the fixed end holds its plastic moment Mp
 *   the beam is a simply supported one with an end moment Mp
 *   (superposition): prop reaction w L / 2 - Mp / L, midspan deflection
 *   5 w L^4 / (384 EI) - Mp L^2 / (16 EI); collapse with a second hinge in
 *   the span at w = 2 (3 + 2 sqrt 2) Mp / L^2 = 11.657 Mp / L^2 (B. G.
 *   Neal, The Plastic Methods of Structural Analysis, 3rd ed., 1977, the
 *   propped cantilever under a distributed load; J. M. Gere, Mechanics of
 *   Materials, propped cantilever and end-moment tables).
 * - Cantilever with a tip load P: the root moment P L is statically
 *   determinate: past Mp no equilibrium (a mechanism), reported as a failed
 *   stage with its reason.
 * - Cantilever with a tip load on a multilinear M-kappa diagram: the tip
 *   deflection is the moment-area integral of the curvature, delta =
 *   integral_0^L kappa(P x) x dx (second moment-area theorem, Gere), with
 *   kappa(M) piecewise linear: closed form per branch. */
#include "beam.h"
#include "beam_bending.h"
#include "beam_diagram.h"
#include "beam_load.h"
#include "beam_solve.h"
#include "beam_work.h"
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define L_M 6.4        /* span */
#define EI 23850.0     /* kNm2/m */
#define MP 137.5       /* kNm/m */
#define H_M (L_M / 128) /* the beam elements */

/* A wall of length L_M from level 0, one element, no soil acting on it. */
static void S_bare_wall(sp_wall_t *w)
{
	memset(w, 0, sizeof *w);
	snprintf(w->name, sizeof w->name, "beam");
	w->top_level_m = 0.0;
	w->length_m = L_M;
	w->n_elements = 1;
	snprintf(w->elements[0].name, sizeof w->elements[0].name, "E1");
	w->elements[0].bottom_level_m = -L_M;
	w->elements[0].ei_kNm2_per_m = EI;
	w->elements[0].acting_width_m = 1.0;
	w->n_soils = 1;
	snprintf(w->soils[0].name, sizeof w->soils[0].name, "sand");
	w->soils[0].gamma_dry_kN_m3 = 18, w->soils[0].gamma_wet_kN_m3 = 20, w->soils[0].phi_deg = 30;
	w->soils[0].ka = 0.33, w->soils[0].k0 = 0.5, w->soils[0].kp = 3.0;
	w->soils[0].kh_top_kN_m3[0] = w->soils[0].kh_bottom_kN_m3[0] = 1e4;
	w->n_layers = 1;
	w->layers[0].top_level_m = -100.0;
	w->n_branches = 1;
	w->gamma_water_kN_m3 = 10.0;
	w->mesh = SP_WALL_MESH_UNIFORM;
	w->max_element_m = H_M;
	w->n_stages = 1;
	sp_wall_stage_t *st = &w->stages[0];
	snprintf(st->name, sizeof st->name, "stage 1");
	for (int s = 0; s < 2; s++)
		st->surface_m[s] = -100.0, st->water_m[s] = -100.0, st->kmethod[s] = SP_KMETHOD_GIVEN;
}

/* A cantilever fixed at the toe with a tip load P at the top. */
static void S_cantilever(sp_wall_t *w, double p_kN)
{
	S_bare_wall(w);
	w->n_rigid_supports = 1;
	w->rigid_supports[0].level_m = -L_M;
	w->rigid_supports[0].rot_fixed = w->rigid_supports[0].trans_fixed = 1;
	w->stages[0].rigid_support_on[0] = 1;
	w->n_line_loads = 1;
	w->line_loads[0].level_m = 0.0;
	w->line_loads[0].value = p_kN;
	w->stages[0].line_load_on[0] = 1;
}

/* Moment-area: the integral of kappa(M) M dM over [a, b] for a branch
 * kappa = k0 + (M - m0) / ei. */
static double S_branch(double k0, double m0, double ei, double a, double b)
{
	double c = k0 - m0 / ei; /* kappa = c + M / ei */
	return c * (b * b - a * a) / 2.0 + (b * b * b - a * a * a) / (3.0 * ei);
}

static void test_law(void)
{
	sp_beam_bending_law_t law;
	const double m[3] = {MP, MP, MP}, e[2] = {0, 0};
	sp_beam_bending_law_set(&law, 0, EI, m, e);
	sp_beam_bending_law_set(&law, 1, EI, m, e);
	double ky = MP / EI;
	/* elastic-perfectly plastic: below Mp no plastic curvature; past it
	 * kappa - Mp / EI; unloading elastic from a plastic curvature */
	DBL_ABS(sp_beam_bending_law_return(&law, 0.9 * ky, 0.0), 0.0, 0, "EPP: elastic below Mp");
	DBL_REL(sp_beam_bending_law_return(&law, 2.5 * ky, 0.0), 1.5 * ky, 1e-12, "EPP: kappa_p = kappa - Mp/EI");
	DBL_REL(sp_beam_bending_law_return(&law, 1.0 * ky, 1.5 * ky), 1.5 * ky, 1e-12, "EPP: unloading elastic (-0.5 Mp)");
	/* reversed: EI (kappa - kp) = -2.1 Mp yields at -Mp: kp = kappa + Mp / EI */
	DBL_REL(sp_beam_bending_law_return(&law, -0.6 * ky, 1.5 * ky), 0.4 * ky, 1e-12, "EPP: reversed past -Mp");
}

/* The multilinear law against its skeleton, loading from zero: M(kappa)
 * on each branch, and beyond the plastic moment. */
static void test_law_multilinear(void)
{
	sp_beam_bending_law_t law;
	const double m[3] = {41.5, 83.0, 207.0}, e[2] = {EI / 4, EI / 10};
	for (int s = 0; s < 2; s++)
		sp_beam_bending_law_set(&law, s, EI, m, e);
	double k1 = m[0] / EI, k2 = k1 + (m[1] - m[0]) / e[0], k3 = k2 + (m[2] - m[1]) / e[1];
	const double kap[] = {0.5 * k1, 0.5 * (k1 + k2), 0.5 * (k2 + k3), 1.7 * k3};
	const double want[] = {0.5 * m[0], 0.5 * (m[0] + m[1]), 0.5 * (m[1] + m[2]), m[2]};
	for (int i = 0; i < 4; i++) {
		char label[100];
		for (int sg = -1; sg <= 1; sg += 2) {
			double kp = sp_beam_bending_law_return(&law, sg * kap[i], 0.0);
			snprintf(label, sizeof label, "multilinear law: moment on branch %d, sign %d", i + 1, sg);
			DBL_REL(EI * (sg * kap[i] - kp), sg * want[i], 1e-12, label);
		}
	}
	/* unloading from branch 3 is elastic with EI */
	double kp3 = sp_beam_bending_law_return(&law, kap[2], 0.0);
	DBL_REL(sp_beam_bending_law_return(&law, kap[2] - 0.5 * want[2] / EI, kp3), kp3, 1e-12,
	        "multilinear law: unloading elastic");
}

static void test_cantilever_plastic(void)
{
	static sp_wall_t w;
	sp_err_t err;
	sp_beam_result_t res;
	/* below Mp: elastic, tip deflection P L^3 / (3 EI) */
	double p = 0.8 * MP / L_M;
	S_cantilever(&w, p);
	w.plastic = 1;
	w.elements[0].plastic_moment_kNm_per_m = MP;
	INT_EQ(sp_beam_analyse(&w, 1, &res, &err), SP_OK, "cantilever below Mp: beam runs");
	INT_EQ(res.stage[0].status, SP_BEAM_OK, "cantilever below Mp: computed");
	DBL_REL(fabs(res.stage[0].max_displacement_mm), 1000 * p * pow(L_M, 3) / (3 * EI), 1e-6,
	        "cantilever below Mp: tip deflection P L^3 / (3 EI)");
	/* the largest moment the engine reports is at the node above the
	 * clamped one (the clamped node's holds its reaction): P (L - h) */
	DBL_REL(fabs(res.stage[0].max_moment_kNm_per_m), p * (L_M - H_M), 1e-7, "cantilever below Mp: root moment P (L - h)");
	sp_beam_result_free(&res);
	/* past Mp: the root moment P L is statically determinate, no equilibrium */
	S_cantilever(&w, 1.2 * MP / L_M);
	w.plastic = 1;
	w.elements[0].plastic_moment_kNm_per_m = MP;
	INT_EQ(sp_beam_analyse(&w, 0, &res, &err), SP_OK, "cantilever past Mp: beam runs (no crash)");
	char label[300];
	snprintf(label, sizeof label, "cantilever past Mp: failed stage with its reason (%s)", res.stage[0].reason);
	OK(res.stage[0].status == SP_BEAM_NO_EQUILIBRIUM && strstr(res.stage[0].reason, "mechanism") != NULL, label);
	sp_beam_result_free(&res);
}

static void test_cantilever_multilinear(void)
{
	static sp_wall_t w;
	sp_err_t err;
	sp_beam_result_t res;
	const double m1 = 41.5, m2 = 83.0, m3 = 207.0, ei1 = EI / 4.0, ei2 = EI / 10.0, p = 121.7 / L_M;
	S_cantilever(&w, p);
	w.diaphragm = 1;
	for (int s = 0; s < 2; s++) {
		double *m = w.elements[0].diagram_moment_kNm_per_m[s], *e = w.elements[0].diagram_ei_kNm2_per_m[s];
		m[0] = m1, m[1] = m2, m[2] = m3, e[0] = ei1, e[1] = ei2;
	}
	INT_EQ(sp_beam_analyse(&w, 1, &res, &err), SP_OK, "multilinear cantilever: beam runs");
	INT_EQ(res.stage[0].status, SP_BEAM_OK, "multilinear cantilever: computed");
	/* delta = (1 / P^2) integral_0^{PL} kappa(M) M dM, branch by branch */
	double k1 = m1 / EI, k2 = k1 + (m2 - m1) / ei1, mr = p * L_M;
	double delta = (S_branch(0, 0, EI, 0, m1) + S_branch(k1, m1, ei1, m1, m2) + S_branch(k2, m2, ei2, m2, mr)) / (p * p);
	char label[200];
	snprintf(label, sizeof label, "multilinear cantilever: tip deflection by the moment-area theorem (elastic: %.2f mm)",
	         1000 * p * pow(L_M, 3) / (3 * EI));
	DBL_REL(fabs(res.stage[0].max_displacement_mm), 1000 * delta, 1e-4, label);
	DBL_REL(fabs(res.stage[0].max_moment_kNm_per_m), p * (L_M - H_M), 1e-7, "multilinear cantilever: root moment P (L - h)");
	sp_beam_result_free(&res);
	/* a second stage without the load: the plastic curvature stays, the
	 * wall unloads elastically: the tip keeps delta - P L^3 / (3 EI) */
	w.n_stages = 2;
	w.stages[1] = w.stages[0];
	snprintf(w.stages[1].name, sizeof w.stages[1].name, "unloaded");
	w.stages[1].line_load_on[0] = 0;
	INT_EQ(sp_beam_analyse(&w, 0, &res, &err), SP_OK, "multilinear cantilever, unloaded: beam runs");
	INT_EQ(res.stage[1].status, SP_BEAM_OK, "multilinear cantilever, unloaded: computed");
	DBL_REL(fabs(res.stage[1].max_displacement_mm), 1000 * (delta - p * pow(L_M, 3) / (3 * EI)), 1e-4,
	        "multilinear cantilever, unloaded: the permanent tip deflection delta - P L^3 / (3 EI)");
	DBL_ABS(res.stage[1].max_moment_kNm_per_m, 0.0, 1e-6, "multilinear cantilever, unloaded: no moment");
	sp_beam_result_free(&res);
}

/* The propped cantilever (fixed at the top, propped at the toe) under a
 * uniform load w_kN_m on the beam, solved stage-wise as sp_beam_analyse
 * does, the load as the consistent nodal forces of each element. */
static void S_propped(double w_kN_m, sp_beam_stage_result_t *res)
{
	static sp_wall_t w;
	S_bare_wall(&w);
	w.plastic = 1;
	w.elements[0].plastic_moment_kNm_per_m = MP;
	w.n_rigid_supports = 2;
	w.rigid_supports[0].level_m = 0.0;
	w.rigid_supports[0].rot_fixed = w.rigid_supports[0].trans_fixed = 1;
	w.rigid_supports[1].level_m = -L_M;
	w.rigid_supports[1].trans_fixed = 1;
	w.stages[0].rigid_support_on[0] = w.stages[0].rigid_support_on[1] = 1;
	memset(res, 0, sizeof *res);
	sp_beam_work_t *b = sp_beam_work_alloc(&w);
	if (b == NULL || (b->bend = sp_beam_bending_alloc(b)) == NULL) {
		res->status = SP_BEAM_NOT_CONVERGED;
		sp_beam_work_free(b);
		return;
	}
	sp_beam_load_stage(b, &w.stages[0]);
	for (int e = 0; e + 1 < b->n; e++) {
		double h = b->elen[e];
		b->f_ext[2 * e] += w_kN_m * h / 2, b->f_ext[2 * e + 1] += w_kN_m * h * h / 12;
		b->f_ext[2 * e + 2] += w_kN_m * h / 2, b->f_ext[2 * e + 3] -= w_kN_m * h * h / 12;
	}
	if (sp_beam_solve_stage(b, &w.stages[0], res) != SP_OK ||
	    sp_beam_diagram_stage(b, &w.stages[0], 1, res) != SP_OK)
		res->status = SP_BEAM_NOT_CONVERGED;
	sp_beam_bending_free(b->bend);
	sp_beam_work_free(b);
}

/* The node of res at level z. */
static const sp_beam_node_t *S_node(const sp_beam_stage_result_t *res, double z)
{
	const sp_beam_node_t *best = NULL;
	for (size_t i = 0; i < res->n_nodes; i++)
		if (best == NULL || fabs(res->nodes[i].level_m - z) < fabs(best->level_m - z))
			best = &res->nodes[i];
	return best;
}

static void test_propped_cantilever(void)
{
	sp_beam_stage_result_t res;
	const double L = L_M;
	/* elastic: w L^2 / 8 = 0.75 Mp at the fixed end, midspan w L^4 / (192 EI) */
	double w = 6.0 * MP / (L * L);
	S_propped(w, &res);
	INT_EQ(res.status, SP_BEAM_OK, "propped cantilever, w = 6 Mp/L^2: computed");
	if (res.nodes) {
		/* the moment just below the top node: less that node's consistent
		 * load moment w h^2 / 12 */
		DBL_ABS(fabs(S_node(&res, 0.0)->moment_kNm_per_m), w * L * L / 8, 1.01 * w * H_M * H_M / 12,
		        "propped cantilever, elastic: fixed-end moment w L^2 / 8");
		DBL_REL(fabs(S_node(&res, -L / 2)->displacement_mm), 1000 * w * pow(L, 4) / (192 * EI), 1e-4,
		        "propped cantilever, elastic: midspan deflection w L^4 / (192 EI)");
	}
	/* the shear just below the top node: less that node's load w h / 2 */
	DBL_ABS(fabs(res.max_shear_kN_per_m), 5 * w * L / 8, 1.01 * w * H_M / 2,
	        "propped cantilever, elastic: fixed-end reaction 5 w L / 8");
	free(res.nodes);
	/* between first yield (8 Mp / L^2) and collapse (11.657): the hinge at
	 * the fixed end, the beam simply supported with an end moment Mp */
	w = 10.0 * MP / (L * L);
	S_propped(w, &res);
	char label[300];
	snprintf(label, sizeof label, "propped cantilever, w = 10 Mp/L^2: computed (%s, %d iterations)", res.reason,
	         res.iterations);
	OK(res.status == SP_BEAM_OK, label);
	if (res.nodes) {
		DBL_REL(fabs(S_node(&res, 0.0)->moment_kNm_per_m), MP, 1e-6, "propped cantilever, hinge: fixed-end moment Mp");
		DBL_REL(fabs(S_node(&res, -L / 2)->moment_kNm_per_m), w * L * L / 8 - MP / 2, 1e-4,
		        "propped cantilever, hinge: midspan moment w L^2 / 8 - Mp / 2");
		DBL_REL(fabs(S_node(&res, -L / 2)->displacement_mm),
		        1000 * (5 * w * pow(L, 4) / (384 * EI) - MP * L * L / (16 * EI)), 5e-3,
		        "propped cantilever, hinge: midspan deflection 5 w L^4 / (384 EI) - Mp L^2 / (16 EI)");
	}
	DBL_ABS(fabs(res.max_shear_kN_per_m), w * L / 2 + MP / L, 1.01 * w * H_M / 2,
	        "propped cantilever, hinge: fixed-end reaction w L / 2 + Mp / L (prop w L / 2 - Mp / L)");
	DBL_REL(fabs(res.max_moment_kNm_per_m), MP, 1e-6, "propped cantilever, hinge: no moment beyond Mp");
	free(res.nodes);
	/* past collapse (11.657 Mp / L^2): a mechanism, no equilibrium */
	w = 12.0 * MP / (L * L);
	S_propped(w, &res);
	snprintf(label, sizeof label, "propped cantilever, w = 12 Mp/L^2 > 11.657: a failed stage with its reason (%s)",
	         res.reason);
	OK(res.status == SP_BEAM_NO_EQUILIBRIUM && strstr(res.reason, "mechanism") != NULL, label);
	free(res.nodes);
}

int main(void)
{
	test_law();
	test_law_multilinear();
	test_cantilever_plastic();
	test_cantilever_multilinear();
	test_propped_cantilever();
	return sp_test_done("beam_bending");
}
