/* test_study_wall.c - the subgrade-reaction wall in the study file
 * (study_wall.c): a fixed wall with every section kind, read and checked
 * value by value; a subgrade search with its default stage and the wall of
 * one candidate; one fixture per kind of bad input with file:line and key in
 * the message; the writer's round trip read(write(w)) == normalise(w), exact,
 * for a wall built here with every feature and for every D-Sheet file of
 * tests/data/dsheet/ that sp_shi_read() accepts.
 * Runs with the working directory tests/; fixtures in tests/data/study-wall/. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "shi.h"
#include "study.h"
#include "study_wall.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIX "data/study-wall/"
#include "study_checks.h"
#include "study_read.h"

/* A fixture that must fail with SP_EDATA (study_checks.h). */
static void expect_err(const char *fixture, int line, const char *s1, const char *s2, const char *what)
{
	expect_err_code(fixture, SP_EDATA, line, s1, s2, what);
}

/* ---- exact comparison of two walls -------------------------------------- */

static int n_diff;
static char diff_what[256];

#define EQ_D(a, b, field)                                                                             \
	do {                                                                                          \
		if (!((a) == (b))) {                                                                  \
			if (n_diff++ < 5)                                                             \
				printf("     %s: %s differs: %.17g vs %.17g\n", diff_what, field,       \
				       (double)(a), (double)(b));                                     \
		}                                                                                     \
	} while (0)
#define EQ_S(a, b, field)                                                                             \
	do {                                                                                          \
		if (strcmp((a), (b)) != 0) {                                                          \
			if (n_diff++ < 5)                                                             \
				printf("     %s: %s differs: '%s' vs '%s'\n", diff_what, field, (a), (b)); \
		}                                                                                     \
	} while (0)

static void cmp_anchor(const sp_wall_anchor_t *a, const sp_wall_anchor_t *b)
{
	EQ_S(a->name, b->name, "anchor name");
	EQ_D(a->level_m, b->level_m, "anchor level");
	EQ_D(a->e_kPa, b->e_kPa, "anchor E");
	EQ_D(a->area_m2_per_m, b->area_m2_per_m, "anchor area");
	EQ_D(a->length_m, b->length_m, "anchor length");
	EQ_D(a->yield_force_kN_per_m, b->yield_force_kN_per_m, "anchor yield");
	EQ_D(a->angle_deg, b->angle_deg, "anchor angle");
	EQ_D(a->side, b->side, "anchor side");
}

static void cmp_support(const sp_wall_support_t *a, const sp_wall_support_t *b)
{
	EQ_S(a->name, b->name, "support name");
	EQ_D(a->level_m, b->level_m, "support level");
	EQ_D(a->rot_stiffness_kNm_per_rad_per_m, b->rot_stiffness_kNm_per_rad_per_m, "rot stiffness");
	EQ_D(a->trans_stiffness_kN_per_m_per_m, b->trans_stiffness_kN_per_m_per_m, "trans stiffness");
	EQ_D(a->rot_fixed, b->rot_fixed, "rot fixed");
	EQ_D(a->trans_fixed, b->trans_fixed, "trans fixed");
}

static void cmp_kind(const sp_wall_load_kind_t *a, const sp_wall_load_kind_t *b)
{
	EQ_D(a->variable, b->variable, "load_type");
	EQ_D(a->favourable, b->favourable, "favourable");
}

static void cmp_point(const sp_wall_point_load_t *a, const sp_wall_point_load_t *b)
{
	EQ_S(a->name, b->name, "load name");
	EQ_D(a->level_m, b->level_m, "load level");
	EQ_D(a->value, b->value, "load value");
	cmp_kind(&a->kind, &b->kind);
}

/* Number of differing fields (the first few printed). */
static int wall_diff(const sp_wall_t *a, const sp_wall_t *b, const char *what)
{
	n_diff = 0;
	snprintf(diff_what, sizeof diff_what, "%s", what);
	EQ_S(a->name, b->name, "name");
	EQ_D(a->top_level_m, b->top_level_m, "top_level_m");
	EQ_D(a->length_m, b->length_m, "length_m");
	EQ_D(a->n_elements, b->n_elements, "n_elements");
	for (int i = 0; i < SP_WALL_MAX_ELEMENTS; i++) {
		EQ_S(a->elements[i].name, b->elements[i].name, "element name");
		EQ_D(a->elements[i].bottom_level_m, b->elements[i].bottom_level_m, "element bottom");
		EQ_D(a->elements[i].ei_kNm2_per_m, b->elements[i].ei_kNm2_per_m, "element EI");
		EQ_D(a->elements[i].acting_width_m, b->elements[i].acting_width_m, "element width");
		for (int sg = 0; sg < 2; sg++) {
			for (int j = 0; j < 3; j++)
				EQ_D(a->elements[i].diagram_moment_kNm_per_m[sg][j], b->elements[i].diagram_moment_kNm_per_m[sg][j],
				     "element diagram moment");
			for (int j = 0; j < 2; j++)
				EQ_D(a->elements[i].diagram_ei_kNm2_per_m[sg][j], b->elements[i].diagram_ei_kNm2_per_m[sg][j],
				     "element diagram EI");
		}
	}
	EQ_D(a->n_soils, b->n_soils, "n_soils");
	for (int i = 0; i < SP_WALL_MAX_SOILS; i++) {
		const sp_wall_soil_t *s = &a->soils[i], *t = &b->soils[i];
		EQ_S(s->name, t->name, "soil name");
		EQ_D(s->gamma_dry_kN_m3, t->gamma_dry_kN_m3, "gamma dry");
		EQ_D(s->gamma_wet_kN_m3, t->gamma_wet_kN_m3, "gamma wet");
		EQ_D(s->c_kPa, t->c_kPa, "c");
		EQ_D(s->phi_deg, t->phi_deg, "phi");
		EQ_D(s->delta_deg, t->delta_deg, "delta");
		EQ_D(s->ocr, t->ocr, "ocr");
		EQ_D(s->ka, t->ka, "ka");
		EQ_D(s->k0, t->k0, "k0");
		EQ_D(s->kp, t->kp, "kp");
		for (int j = 0; j < SP_WALL_BRANCHES; j++) {
			EQ_D(s->kh_top_kN_m3[j], t->kh_top_kN_m3[j], "kh top");
			EQ_D(s->kh_bottom_kN_m3[j], t->kh_bottom_kN_m3[j], "kh bottom");
		}
		EQ_D(s->kh_unload_top_kN_m3, t->kh_unload_top_kN_m3, "kh unload top");
		EQ_D(s->kh_unload_bottom_kN_m3, t->kh_unload_bottom_kN_m3, "kh unload bottom");
		for (int j = 0; j < SP_WALL_BRANCHES - 1; j++)
			EQ_D(s->branch_end_pct[j], t->branch_end_pct[j], "branch end");
	}
	EQ_D(a->n_layers, b->n_layers, "n_layers");
	for (int i = 0; i < SP_WALL_MAX_LAYERS; i++) {
		EQ_D(a->layers[i].top_level_m, b->layers[i].top_level_m, "layer top");
		EQ_D(a->layers[i].soil, b->layers[i].soil, "layer soil");
		EQ_D(a->layers[i].excess_pore_top_kPa, b->layers[i].excess_pore_top_kPa, "excess pore top");
		EQ_D(a->layers[i].excess_pore_bottom_kPa, b->layers[i].excess_pore_bottom_kPa, "excess pore bottom");
	}
	EQ_D(a->n_branches, b->n_branches, "n_branches");
	EQ_D(a->unloading_curve, b->unloading_curve, "unloading_curve");
	EQ_D(a->gamma_water_kN_m3, b->gamma_water_kN_m3, "gamma water");
	EQ_D(a->n_anchors, b->n_anchors, "n_anchors");
	EQ_D(a->n_struts, b->n_struts, "n_struts");
	EQ_D(a->n_spring_supports, b->n_spring_supports, "n_spring_supports");
	EQ_D(a->n_rigid_supports, b->n_rigid_supports, "n_rigid_supports");
	EQ_D(a->n_uniform_loads, b->n_uniform_loads, "n_uniform_loads");
	EQ_D(a->n_surcharges, b->n_surcharges, "n_surcharges");
	EQ_D(a->n_line_loads, b->n_line_loads, "n_line_loads");
	EQ_D(a->n_moments, b->n_moments, "n_moments");
	EQ_D(a->n_normal_forces, b->n_normal_forces, "n_normal_forces");
	for (int i = 0; i < SP_WALL_MAX_ITEMS; i++) {
		cmp_anchor(&a->anchors[i], &b->anchors[i]);
		cmp_anchor(&a->struts[i], &b->struts[i]);
		cmp_support(&a->spring_supports[i], &b->spring_supports[i]);
		cmp_support(&a->rigid_supports[i], &b->rigid_supports[i]);
		EQ_S(a->uniform_loads[i].name, b->uniform_loads[i].name, "uniform name");
		EQ_D(a->uniform_loads[i].left_kPa, b->uniform_loads[i].left_kPa, "uniform left");
		EQ_D(a->uniform_loads[i].right_kPa, b->uniform_loads[i].right_kPa, "uniform right");
		cmp_kind(&a->uniform_loads[i].kind, &b->uniform_loads[i].kind);
		const sp_wall_surcharge_t *s = &a->surcharges[i], *t = &b->surcharges[i];
		EQ_S(s->name, t->name, "surcharge name");
		EQ_D(s->n_points, t->n_points, "surcharge points");
		for (int j = 0; j < SP_WALL_MAX_SURCHARGE_POINTS; j++) {
			EQ_D(s->distance_m[j], t->distance_m[j], "surcharge distance");
			EQ_D(s->value_kPa[j], t->value_kPa[j], "surcharge value");
		}
		cmp_kind(&s->kind, &t->kind);
		cmp_point(&a->line_loads[i], &b->line_loads[i]);
		cmp_point(&a->moments[i], &b->moments[i]);
		const sp_wall_normal_force_t *f = &a->normal_forces[i], *g = &b->normal_forces[i];
		EQ_S(f->name, g->name, "normal force name");
		EQ_D(f->at_top_kN, g->at_top_kN, "N top");
		EQ_D(f->at_surface_left_kN, g->at_surface_left_kN, "N left");
		EQ_D(f->at_surface_right_kN, g->at_surface_right_kN, "N right");
		EQ_D(f->at_toe_kN, g->at_toe_kN, "N toe");
		cmp_kind(&f->kind, &g->kind);
	}
	EQ_D(a->n_stages, b->n_stages, "n_stages");
	for (int i = 0; i < SP_WALL_MAX_STAGES; i++) {
		const sp_wall_stage_t *s = &a->stages[i], *t = &b->stages[i];
		EQ_S(s->name, t->name, "stage name");
		for (int side = 0; side < 2; side++) {
			EQ_D(s->surface_m[side], t->surface_m[side], "surface");
			EQ_D(s->water_m[side], t->water_m[side], "water");
			EQ_D(s->kmethod[side], t->kmethod[side], "kmethod");
			EQ_D(s->n_surface_points[side], t->n_surface_points[side], "surface points");
			for (int j = 0; j < s->n_surface_points[side]; j++) {
				EQ_D(s->surface_distance_m[side][j], t->surface_distance_m[side][j], "surface distance");
				EQ_D(s->surface_level_m[side][j], t->surface_level_m[side][j], "surface level");
			}
		}
		for (int j = 0; j < SP_WALL_MAX_ITEMS; j++) {
			EQ_D(s->anchor_on[j], t->anchor_on[j], "anchor_on");
			EQ_D(s->anchor_prestress_kN_per_m[j], t->anchor_prestress_kN_per_m[j], "prestress");
			EQ_D(s->strut_on[j], t->strut_on[j], "strut_on");
			EQ_D(s->strut_precompression_kN_per_m[j], t->strut_precompression_kN_per_m[j], "precompression");
			EQ_D(s->spring_support_on[j], t->spring_support_on[j], "spring_on");
			EQ_D(s->rigid_support_on[j], t->rigid_support_on[j], "rigid_on");
			EQ_D(s->uniform_load_on[j], t->uniform_load_on[j], "uniform_on");
			EQ_D(s->surcharge_on[0][j], t->surcharge_on[0][j], "surcharge_on left");
			EQ_D(s->surcharge_on[1][j], t->surcharge_on[1][j], "surcharge_on right");
			EQ_D(s->line_load_on[j], t->line_load_on[j], "line_on");
			EQ_D(s->moment_on[j], t->moment_on[j], "moment_on");
			EQ_D(s->normal_force_on[j], t->normal_force_on[j], "normal_on");
		}
		EQ_D(s->use_top_displacement, t->use_top_displacement, "use top displacement");
		EQ_D(s->top_displacement_mm, t->top_displacement_mm, "top displacement");
	}
	EQ_D(a->reduce_delta, b->reduce_delta, "reduce_delta");
	EQ_D(a->minor_nodes, b->minor_nodes, "minor_nodes");
	EQ_D(a->first_stage_initial, b->first_stage_initial, "first_stage_initial");
	EQ_D(a->diaphragm, b->diaphragm, "diaphragm");
	EQ_D(a->n_soil_displacements, b->n_soil_displacements, "n_soil_displacements");
	for (int k = 0; k < a->n_soil_displacements && k < SP_WALL_MAX_SOIL_DISPLACEMENTS; k++) {
		EQ_D(a->soil_displacement_level_m[k], b->soil_displacement_level_m[k], "soil_displacement_level_m");
		EQ_D(a->soil_displacement_mm[k], b->soil_displacement_mm[k], "soil_displacement_mm");
	}
	EQ_D(a->mesh, b->mesh, "mesh");
	EQ_D(a->max_element_m, b->max_element_m, "max_element_m");
	EQ_D(a->max_iterations, b->max_iterations, "max_iterations");
	EQ_D(a->tolerance_kPa, b->tolerance_kPa, "tolerance_kPa");
	return n_diff;
}

/* ---- a fixed wall with every section kind ------------------------------- */

static void test_fixed(void)
{
	sp_study_t *st = read_ok(FIX "ok_fixed.ini", "fixed wall");
	if (st == NULL)
		return;
	const sp_wall_t *w = st->wall;
	INT_EQ(st->method, SP_METHOD_SUBGRADE, "method = subgrade");
	OK(w != NULL, "wall read");
	INT_EQ(st->wall_fixed, 1, "wall_fixed");
	INT_EQ(st->n_profiles + st->n_grades + st->n_lengths, 0, "no [search] needed");
	OK(strcmp(w->name, "quay wall 7") == 0, "wall name = study name");
	/* [geometry] from the wall and the final stage */
	DBL_ABS(st->top_of_wall_m, 3.1, 0, "top_of_wall_m from [wall]");
	DBL_ABS(st->retained_level_m, 2.385, 0, "retained level from the final stage");
	DBL_ABS(st->excavation_level_m, -8.4, 0, "excavation level from the final stage");
	/* [subgrade] */
	INT_EQ(w->n_branches, 3, "branches");
	INT_EQ(w->unloading_curve, 1, "unloading_curve");
	INT_EQ(w->reduce_delta, 0, "reduce_delta");
	DBL_ABS(w->max_element_m, 0.025, 0, "max_element_m");
	INT_EQ(w->mesh, SP_WALL_MESH_UNIFORM, "mesh: uniform unless the study says dsheet");
	INT_EQ(w->max_iterations, 800, "max_iterations");
	DBL_ABS(w->tolerance_kPa, 2.5e-5, 0, "tolerance_kPa");
	DBL_ABS(w->gamma_water_kN_m3, 10.05, 0, "gamma_water_kN_m3");
	/* layers */
	INT_EQ(w->n_layers, 3, "3 layers");
	INT_EQ(w->n_soils, 3, "one soil per layer");
	for (int i = 0; i < 3; i++)
		INT_EQ(w->layers[i].soil, i, "layer i has soil i");
	const sp_wall_soil_t *s = &w->soils[0];
	OK(strcmp(s->name, "made ground") == 0, "soil name = layer name");
	DBL_ABS(w->layers[0].top_level_m, 2.385, 0, "layer top");
	DBL_ABS(s->gamma_dry_kN_m3, 17.5, 0, "gamma dry");
	DBL_ABS(s->gamma_wet_kN_m3, 19.25, 0, "gamma wet");
	DBL_ABS(s->phi_deg, 27.5, 0, "phi");
	DBL_ABS(s->c_kPa, 1.5, 0, "c");
	DBL_ABS(s->delta_deg, -18.25, 0, "delta may be negative in a subgrade study");
	DBL_ABS(s->ocr, 1.35, 0, "ocr");
	DBL_ABS(s->ka, 0.3125, 0, "ka");
	DBL_ABS(s->k0, 0.5375, 0, "k0");
	DBL_ABS(s->kp, 3.875, 0, "kp");
	DBL_ABS(s->kh_top_kN_m3[0], 4000, 0, "kh top 1");
	DBL_ABS(s->kh_top_kN_m3[2], 800, 0, "kh top 3");
	DBL_ABS(s->kh_top_kN_m3[3], 0, 0, "kh top 4 not given");
	DBL_ABS(s->kh_bottom_kN_m3[1], 3000, 0, "kh bottom 2");
	DBL_ABS(s->kh_unload_top_kN_m3, 9000, 0, "kh unload top");
	DBL_ABS(s->kh_unload_bottom_kN_m3, 12500, 0, "kh unload bottom");
	DBL_ABS(s->branch_end_pct[0], 45, 0, "branch end 1");
	DBL_ABS(s->branch_end_pct[2], 92.5, 0, "branch end 3");
	DBL_ABS(w->layers[0].excess_pore_top_kPa, 1.25, 0, "excess pore top");
	DBL_ABS(w->layers[0].excess_pore_bottom_kPa, 3.5, 0, "excess pore bottom");
	s = &w->soils[1];
	DBL_ABS(s->gamma_wet_kN_m3, 15.5, 0, "gamma wet defaults to gamma dry");
	DBL_ABS(s->ocr, 1, 0, "ocr defaults to 1");
	DBL_ABS(s->ka + s->k0 + s->kp, 0, 0, "ka, k0, kp default to 0 (not given)");
	DBL_ABS(s->kh_bottom_kN_m3[1], 750, 0, "kh bottom defaults to kh top");
	DBL_ABS(s->kh_unload_top_kN_m3, 1500, 0, "kh unload defaults to kh top branch 1");
	DBL_ABS(s->kh_unload_bottom_kN_m3, 1500, 0, "kh unload bottom defaults to kh bottom branch 1");
	DBL_ABS(s->branch_end_pct[0] + s->branch_end_pct[1] + s->branch_end_pct[2], 220, 0, "branch ends 50, 80, 90");
	DBL_ABS(w->layers[1].excess_pore_top_kPa, 0, 0, "excess pore defaults to 0");
	DBL_ABS(w->soils[2].kh_top_kN_m3[3], 1234, 0, "a 4th branch modulus is kept");
	/* wall */
	DBL_ABS(w->top_level_m, 3.1, 0, "[wall] top_level_m");
	INT_EQ(w->single_pile, 1, "[wall] model = single-pile");
	DBL_ABS(w->length_m, 17.85, 0, "[wall] length_m");
	INT_EQ(w->n_elements, 2, "2 elements");
	OK(strcmp(w->elements[1].name, "lower AZ 18") == 0, "element name with blanks");
	DBL_ABS(w->elements[1].bottom_level_m, -14.75, 0, "element bottom");
	DBL_ABS(w->elements[1].ei_kNm2_per_m, 72450.5, 0, "element EI");
	DBL_ABS(w->elements[1].acting_width_m, 0.85, 0, "element width");
	/* items */
	INT_EQ(w->n_anchors, 2, "2 anchors");
	const sp_wall_anchor_t *a = &w->anchors[0];
	OK(strcmp(a->name, "tie rod A") == 0, "anchor name");
	DBL_ABS(a->level_m, 1.25, 0, "anchor level");
	DBL_ABS(a->e_kPa, 2.05e8, 0, "anchor E");
	DBL_ABS(a->area_m2_per_m, 0.00125, 0, "anchor area");
	DBL_ABS(a->length_m, 22.5, 0, "anchor length");
	DBL_ABS(a->yield_force_kN_per_m, 385.5, 0, "anchor yield force");
	DBL_ABS(a->angle_deg, 12.5, 0, "anchor angle");
	INT_EQ(a->side, SP_LEFT, "anchor side");
	a = &w->anchors[1];
	DBL_ABS(a->e_kPa, 2.1e8, 0, "anchor E defaults to 2.1e8");
	DBL_ABS(a->yield_force_kN_per_m + a->angle_deg, 0, 0, "yield and angle default to 0");
	INT_EQ(a->side, SP_LEFT, "side defaults to left");
	INT_EQ(w->n_struts, 1, "1 strut");
	INT_EQ(w->struts[0].side, SP_RIGHT, "strut side right");
	DBL_ABS(w->struts[0].e_kPa, 3.1e7, 0, "strut E");
	DBL_ABS(w->struts[0].yield_force_kN_per_m, 1250, 0, "strut largest force");
	INT_EQ(w->n_spring_supports, 1, "1 spring support");
	DBL_ABS(w->spring_supports[0].level_m, -2.5, 0, "spring level");
	DBL_ABS(w->spring_supports[0].rot_stiffness_kNm_per_rad_per_m, 1500, 0, "spring rot stiffness");
	DBL_ABS(w->spring_supports[0].trans_stiffness_kN_per_m_per_m, 25000, 0, "spring trans stiffness");
	INT_EQ(w->n_rigid_supports, 2, "2 rigid supports");
	INT_EQ(w->rigid_supports[0].rot_fixed, 0, "toe: rotation free");
	INT_EQ(w->rigid_supports[0].trans_fixed, 1, "toe: translation fixed");
	INT_EQ(w->rigid_supports[1].rot_fixed, 1, "head: rotation fixed");
	INT_EQ(w->rigid_supports[1].trans_fixed, 0, "head: translation free");
	INT_EQ(w->n_line_loads, 1, "1 line load");
	DBL_ABS(w->line_loads[0].level_m, 2.75, 0, "line load level");
	DBL_ABS(w->line_loads[0].value, -35.5, 0, "line load value");
	INT_EQ(w->n_moments, 1, "1 moment");
	DBL_ABS(w->moments[0].value, 12.25, 0, "moment value");
	INT_EQ(w->n_uniform_loads, 1, "1 uniform load");
	DBL_ABS(w->uniform_loads[0].left_kPa, 20, 0, "uniform left");
	DBL_ABS(w->uniform_loads[0].right_kPa, 2.5, 0, "uniform right");
	INT_EQ(w->n_surcharges, 1, "1 surcharge");
	INT_EQ(w->surcharges[0].n_points, 4, "surcharge points");
	DBL_ABS(w->surcharges[0].distance_m[2], 2.5, 0, "surcharge distance (a step)");
	DBL_ABS(w->surcharges[0].value_kPa[2], 60.5, 0, "surcharge value");
	INT_EQ(w->n_normal_forces, 1, "1 normal force");
	DBL_ABS(w->normal_forces[0].at_top_kN, 150, 0, "N top");
	DBL_ABS(w->normal_forces[0].at_surface_left_kN, 120.5, 0, "N left");
	DBL_ABS(w->normal_forces[0].at_surface_right_kN, 80, 0, "N right");
	DBL_ABS(w->normal_forces[0].at_toe_kN, 10, 0, "N toe");
	/* stages in file order */
	INT_EQ(w->n_stages, 3, "3 stages");
	const sp_wall_stage_t *g = &w->stages[0];
	OK(strcmp(g->name, "initial") == 0, "stage 1 name");
	INT_EQ(g->kmethod[SP_LEFT], SP_KMETHOD_CPHID, "method defaults to c-phi-delta");
	INT_EQ(g->anchor_on[0] + g->uniform_load_on[0] + g->use_top_displacement, 0, "stage 1: nothing on");
	g = &w->stages[1];
	OK(strcmp(g->name, "excavate to -1") == 0, "stage 2 name");
	DBL_ABS(g->surface_m[SP_RIGHT], -1, 0, "stage 2 right surface");
	DBL_ABS(g->water_m[SP_RIGHT], -1, 0, "stage 2 right water");
	INT_EQ(g->kmethod[SP_LEFT], SP_KMETHOD_CPHID, "left_method = c-phi-delta");
	INT_EQ(g->kmethod[SP_RIGHT], SP_KMETHOD_GIVEN, "right_method = given");
	INT_EQ(g->uniform_load_on[0], 1, "stage 2 uniform load on");
	INT_EQ(g->surcharge_on[SP_LEFT][0], 1, "stage 2 surcharge left");
	INT_EQ(g->surcharge_on[SP_RIGHT][0], 0, "stage 2 no surcharge right");
	g = &w->stages[2];
	DBL_ABS(g->surface_m[SP_RIGHT], -8.4, 0, "stage 3 right surface");
	DBL_ABS(g->water_m[SP_LEFT], 0.75, 0, "stage 3 left water");
	INT_EQ(g->anchor_on[0] + g->anchor_on[1], 2, "stage 3 both anchors");
	DBL_ABS(g->anchor_prestress_kN_per_m[0], 150.5, 0, "prestress of tie rod A");
	DBL_ABS(g->anchor_prestress_kN_per_m[1], 0, 0, "no prestress of tie rod B");
	INT_EQ(g->strut_on[0], 1, "strut on");
	DBL_ABS(g->strut_precompression_kN_per_m[0], 20, 0, "precompression");
	INT_EQ(g->spring_support_on[0], 1, "spring on");
	INT_EQ(g->rigid_support_on[0] + g->rigid_support_on[1], 2, "rigid supports on");
	INT_EQ(g->surcharge_on[SP_RIGHT][0], 1, "surcharge right");
	INT_EQ(g->n_surface_points[SP_RIGHT], 2, "stage 3: a sloping surface on the right, 2 points");
	INT_EQ(g->n_surface_points[SP_LEFT], 0, "stage 3: level on the left");
	DBL_ABS(g->surface_distance_m[SP_RIGHT][1], 6, 0, "sloping surface: second distance");
	DBL_ABS(g->surface_level_m[SP_RIGHT][0], -8.4, 0, "sloping surface: first level");
	INT_EQ(g->line_load_on[0] + g->moment_on[0] + g->normal_force_on[0], 3, "line, moment, normal on");
	INT_EQ(g->use_top_displacement, 1, "top displacement prescribed");
	DBL_ABS(g->top_displacement_mm, -12.5, 0, "top displacement");

	/* writing the study read gives the same wall */
	char path[] = "/tmp/sp_study_wall_XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	OK(fp != NULL, "temporary file");
	if (fp) {
		sp_err_t err = {0, ""};
		INT_EQ(sp_study_write_wall(fp, w, "ok_fixed.ini", &err), SP_OK, "write the fixture's wall");
		fclose(fp);
		sp_study_t *back = read_ok(path, "fixture written back");
		if (back)
			INT_EQ(wall_diff(back->wall, w, "fixture round trip"), 0, "fixture round trip: equal walls");
		sp_study_free(back);
		remove(path);
	}
	sp_study_free(st);
}

/* ---- a search: default stage, the wall of one candidate ------------------ */

static void test_search(void)
{
	sp_study_t *st = read_ok(FIX "ok_search.ini", "subgrade search");
	if (st == NULL)
		return;
	const sp_wall_t *w = st->wall;
	INT_EQ(st->wall_fixed, 0, "not a fixed wall");
	INT_EQ(sp_study_n_candidates(st), 6, "3 lengths x 2 anchor options");
	INT_EQ(w->n_elements, 0, "no elements before the candidate");
	DBL_ABS(w->top_level_m, 0.5, 0, "wall top from [geometry]");
	DBL_ABS(w->gamma_water_kN_m3, 9.81, 0, "gamma water from [water]");
	DBL_ABS(st->anchor_area_m2_per_m, 0.0015, 0, "[anchor] area_m2_per_m");
	DBL_ABS(st->anchor_length_m, 12.5, 0, "[anchor] length_m");
	INT_EQ(w->n_stages, 1, "one default stage");
	const sp_wall_stage_t *g = &w->stages[0];
	OK(strcmp(g->name, "excavation") == 0, "default stage name");
	DBL_ABS(g->surface_m[SP_LEFT], 0, 0, "left = retained level");
	DBL_ABS(g->surface_m[SP_RIGHT], -5.5, 0, "right = excavation level");
	DBL_ABS(g->water_m[SP_LEFT], -1.5, 0, "left water");
	DBL_ABS(g->water_m[SP_RIGHT], -5.5, 0, "right water");
	INT_EQ(w->n_uniform_loads, 1, "surcharge as a uniform load");
	DBL_ABS(w->uniform_loads[0].left_kPa, 10, 0, "surcharge on the left");
	DBL_ABS(w->uniform_loads[0].right_kPa, 0, 0, "nothing on the right");
	INT_EQ(g->uniform_load_on[0], 1, "surcharge on in the default stage");
	INT_EQ(g->line_load_on[0], 1, "items of the file on in the default stage");
	DBL_ABS(w->soils[0].kh_top_kN_m3[0], 20000, 0, "kh");
	DBL_ABS(st->layers[0].kh_kN_m3, 0, 0, "layer kh_kN_m3 (LE field) untouched");

	sp_wall_t *c = malloc(sizeof *c);
	sp_study_wall_for_case(st, 60000, 11, &st->anchors[0], c);
	INT_EQ(c->n_elements, 1, "cantilever: one element");
	DBL_ABS(c->elements[0].bottom_level_m, -10.5, 0, "element to the toe");
	DBL_ABS(c->elements[0].ei_kNm2_per_m, 60000, 0, "element EI");
	DBL_ABS(c->elements[0].acting_width_m, 1, 0, "element width");
	DBL_ABS(c->length_m, 11, 0, "length");
	INT_EQ(c->n_anchors, 0, "cantilever: no anchor");
	INT_EQ(c->n_stages, 1, "cantilever: one stage");
	sp_study_wall_for_case(st, 60000, 11, &st->anchors[1], c);
	INT_EQ(c->n_anchors, 1, "anchored: one anchor");
	DBL_ABS(c->anchors[0].level_m, -1, 0, "anchor level");
	DBL_ABS(c->anchors[0].e_kPa, 2.1e8, 0, "anchor E");
	DBL_ABS(c->anchors[0].area_m2_per_m, 0.0015, 0, "anchor area");
	DBL_ABS(c->anchors[0].length_m, 12.5, 0, "anchor length");
	DBL_ABS(c->anchors[0].angle_deg, 15, 0, "anchor angle");
	INT_EQ(c->anchors[0].side, SP_LEFT, "anchor on the left");
	INT_EQ(c->n_stages, 2, "anchored: two stages");
	DBL_ABS(c->stages[0].surface_m[SP_RIGHT], -1.5, 0, "stage 1: 0.5 m below the anchor");
	DBL_ABS(c->stages[0].surface_m[SP_LEFT], 0, 0, "stage 1: retained side unchanged");
	INT_EQ(c->stages[0].anchor_on[0], 0, "stage 1: no anchor");
	INT_EQ(c->stages[0].uniform_load_on[0], 1, "stage 1: surcharge on");
	DBL_ABS(c->stages[1].surface_m[SP_RIGHT], -5.5, 0, "stage 2: final excavation");
	INT_EQ(c->stages[1].anchor_on[0], 1, "stage 2: anchor on");
	OK(strcmp(c->stages[1].name, "excavation") == 0, "stage 2 keeps the final stage's name");
	sp_anchor_option_t deep = {1, -5.25};
	sp_study_wall_for_case(st, 60000, 11, &deep, c);
	DBL_ABS(c->stages[0].surface_m[SP_RIGHT], -5.5, 0, "stage 1 not below the final level");
	/* the engine's copy (sp_study_wall_for_analysis, not a physical rule: the
	 * same wall) into memory full of garbage: every field the same as
	 * sp_study_wall_for_case's once the stages it leaves out are filled in */
	const sp_anchor_option_t *opts[3] = {&st->anchors[0], &st->anchors[1], &deep};
	sp_wall_t *lean = malloc(sizeof *lean);
	for (int k = 0; k < 3; k++) {
		sp_study_wall_for_case(st, 60000, 11, opts[k], c);
		memset(lean, 0xA5, sizeof *lean);
		sp_study_wall_for_analysis(st, 60000, 11, opts[k], lean);
		INT_EQ(lean->n_stages, c->n_stages, "analysis copy: its stages");
		if (lean->n_stages == c->n_stages && c->n_stages >= 0 && c->n_stages <= SP_WALL_MAX_STAGES)
			memcpy(&lean->stages[c->n_stages], &c->stages[c->n_stages],
			       (size_t)(SP_WALL_MAX_STAGES - c->n_stages) * sizeof c->stages[0]);
		INT_EQ(wall_diff(c, lean, "analysis copy"), 0, "the analysis copy is the candidate's wall");
	}
	free(lean);
	free(c);
	sp_study_free(st);
}

/* ---- bad input ---------------------------------------------------------- */

static void test_bad(void)
{
	expect_err("bad_unknown_anchor.ini", 31, "[stage dig] key 'anchors': no [anchor-item A2] section", NULL,
	           "unknown anchor in a stage");
	expect_err("bad_surface_lengths.ini", 154, "[stage anchor and dredge] keys 'right_surface_distances_m' and 'right_surface_levels_m'",
	           "(3 and 2)", "sloping surface: as many levels as distances");
	expect_err("bad_surface_order.ini", 154, "[stage anchor and dredge] key 'right_surface_distances_m': distances must increase",
	           NULL, "sloping surface: increasing distances");
	expect_err("bad_surface_given.ini", 155, "[stage anchor and dredge] key 'right_surface_distances_m': a sloping surface",
	           "right_method = c-phi-delta", "sloping surface on a Ka/K0/Kp side");
	expect_err("bad_surcharge_given.ini", 139, "[stage excavate to -1] key 'surcharges_left': surcharge 'crane rail'",
	           "left_method = c-phi-delta", "surcharge on a side with Ka, K0, Kp given");
	expect_err("bad_load_type.ini", 107, "[line-load bollard] key 'load_type'", "permanent, variable",
	           "a load's type is permanent or variable");
	expect_err("bad_side.ini", 25, "[anchor-item A1] key 'side'", "left, right", "bad side word");
	expect_err("bad_prestress.ini", 31, "[stage dig] key 'anchors'", "NAME@force", "bad prestress");
	expect_err("bad_listed_twice.ini", 31, "[stage dig] key 'anchors'", "listed twice", "name listed twice");
	expect_err("bad_surcharge_lengths.ini", 28, "[surcharge rail] key 'value_kPa'", "distance_m has 3",
	           "lists of different length");
	expect_err("bad_kh_bottom_lengths.ini", 12, "[layer sand] key 'kh_bottom_kN_m3'", "kh_kN_m3 has 2",
	           "kh lists of different length");
	expect_err("bad_branches.ini", 14, "[layer sand] key 'kh_kN_m3'", "branches = 2", "too few branch moduli");
	expect_err("bad_kh_missing.ini", 7, "[layer sand]", "'kh_kN_m3'", "kh required in a subgrade study");
	expect_err("bad_element_order.ini", 27, "[wall-element lower] key 'bottom_level_m'", "not below",
	           "elements top-down");
	expect_err("bad_element_without_wall.ini", 15, "[wall-element pile]", "[wall]", "element without [wall]");
	expect_err("bad_no_stage.ini", 13, "[wall]", "[stage NAME]", "fixed wall without stages");
	expect_err("bad_stage_in_le.ini", 14, "[stage dig]", "method = subgrade", "stage in an LE study");
	expect_err("bad_too_many_stages.ini", 410, "[stage s65]", "more than 64", "too many stages");
	expect_err("bad_too_many_anchors.ini", 181, "[anchor-item X31]", "more than 32", "too many anchors");
	expect_err("bad_missing_water.ini", 26, "[stage dig]", "'right_water_m'", "missing stage key");
	expect_err("bad_diagram_count.ini", 20, "[wall-element pile] key 'diagram_moment_kNm_per_m'", "3 or 6 moments, not 4",
	           "a diaphragm wall's diagram: 3 or 6 moments");
	expect_err("bad_diagram_order.ini", 20, "[wall-element pile] key 'diagram_moment_kNm_per_m'", "must not fall",
	           "a diaphragm wall's diagram: rising moments");
	expect_err("bad_mesh_word.ini", 12, "[subgrade] key 'mesh'", "uniform, dsheet", "bad mesh word");
	expect_err("bad_method_word.ini", 31, "[stage dig] key 'left_method'", "given, c-phi-delta", "bad method word");
}

/* ---- round trips --------------------------------------------------------- */

/* Write w, read it back; the wall read must equal sp_study_wall_normalise(w). */
static void round_trip(const sp_wall_t *w, const char *what)
{
	char name[320];
	sp_wall_t *want = malloc(sizeof *want);
	*want = *w;
	sp_err_t err = {0, ""};
	snprintf(name, sizeof name, "%s: normalise", what);
	INT_EQ(sp_study_wall_normalise(want, &err), SP_OK, name);
	char path[] = "/tmp/sp_study_wall_XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	snprintf(name, sizeof name, "%s: temporary file", what);
	OK(fp != NULL, name);
	if (fp == NULL) {
		free(want);
		return;
	}
	snprintf(name, sizeof name, "%s: write", what);
	INT_EQ(sp_study_write_wall(fp, w, what, &err), SP_OK, name);
	fclose(fp);
	snprintf(name, sizeof name, "%s: read back", what);
	sp_study_t *st = sp_study_read(path, &err);
	OK(st != NULL, name);
	if (st == NULL) {
		printf("     error %d: %s (kept %s)\n", err.code, err.text, path);
		free(want);
		return;
	}
	snprintf(name, sizeof name, "%s: read(write(w)) == normalise(w)", what);
	INT_EQ(wall_diff(st->wall, want, what), 0, name);
	snprintf(name, sizeof name, "%s: wall_fixed", what);
	INT_EQ(st->wall_fixed, 1, name);
	/* writing again gives the same wall (normalise is idempotent) */
	sp_wall_t *again = malloc(sizeof *again);
	*again = *st->wall;
	INT_EQ(sp_study_wall_normalise(again, &err), SP_OK, "normalise again");
	snprintf(name, sizeof name, "%s: normalise is idempotent", what);
	INT_EQ(wall_diff(again, st->wall, what), 0, name);
	free(again);
	sp_study_free(st);
	free(want);
	remove(path);
}

/* A wall with every feature and awkward numbers and names. */
static void build_wall(sp_wall_t *w)
{
	sp_wall_init(w);
	sp_strlcpy(w->name, "Quay; wall [B]#2", sizeof w->name);
	w->top_level_m = 2.385;
	w->length_m = 0.1 + 0.2 + 17; /* not a short decimal */
	w->n_branches = 4;
	w->unloading_curve = 1;
	w->reduce_delta = 0;
	w->minor_nodes = 0; /* D-Sheet CalcMinorNodesOn=0 */
	w->max_element_m = 1.0 / 30;
	w->mesh = SP_WALL_MESH_DSHEET;
	w->max_iterations = 1234;
	w->tolerance_kPa = 3.3e-7;
	w->gamma_water_kN_m3 = 9.80665;
	w->n_elements = 3;
	for (int i = 0; i < 3; i++) {
		snprintf(w->elements[i].name, SP_NAME_MAX, "%s", i == 1 ? "  " : "AZ 26-700");
		w->elements[i].bottom_level_m = 2.385 - (i + 1) * 5.7 / 3;
		w->elements[i].ei_kNm2_per_m = 1e5 / (i + 3);
		w->elements[i].acting_width_m = 1 - i * 0.05;
	}
	/* a diaphragm wall's M-kappa diagram: the same for both signs on the
	 * first element, its own per sign on the second */
	w->diaphragm = 1;
	for (int sg = 0; sg < 2; sg++) {
		for (int j = 0; j < 3; j++) {
			w->elements[0].diagram_moment_kNm_per_m[sg][j] = 123.4 * (j + 1);
			w->elements[1].diagram_moment_kNm_per_m[sg][j] = 98.76 * (j + 1) + 11.1 * sg;
		}
		for (int j = 0; j < 2; j++) {
			w->elements[0].diagram_ei_kNm2_per_m[sg][j] = 2.385e4 / (j + 2);
			w->elements[1].diagram_ei_kNm2_per_m[sg][j] = 1.7e4 / (j + 2) + 3.3 * sg;
		}
	}
	/* 3 soils used by 5 layers, one soil unused */
	w->n_soils = 4;
	for (int s = 0; s < 4; s++) {
		sp_wall_soil_t *o = &w->soils[s];
		if (s == 2)
			sp_strlcpy(o->name, "a very long soil name that cannot fit in a section header, really", SP_NAME_MAX);
		else
			snprintf(o->name, SP_NAME_MAX, "soil %c", 'A' + s);
		o->gamma_dry_kN_m3 = 16 + s / 3.0;
		o->gamma_wet_kN_m3 = 18 + s / 7.0;
		o->c_kPa = s * 1.1;
		o->phi_deg = 20 + s * 3.3;
		o->delta_deg = s == 1 ? -(10 + s / 3.0) : 2 * o->phi_deg / 3;
		o->ocr = 1 + s / 9.0;
		o->ka = s == 0 ? 0 : 0.3 + s / 100.0;
		o->k0 = 0.5 + s / 11.0;
		o->kp = s == 0 ? 0 : 3 + s / 7.0;
		for (int b = 0; b < SP_WALL_BRANCHES; b++) {
			o->kh_top_kN_m3[b] = (s == 3 && b == 3) ? 0 : 1e4 / (b + 1) + s / 3.0;
			o->kh_bottom_kN_m3[b] = 2e4 / (b + 1) + s / 7.0;
		}
		o->kh_unload_top_kN_m3 = 3e4 + s;
		o->kh_unload_bottom_kN_m3 = 4e4 + s / 3.0;
		o->branch_end_pct[0] = 50.5;
		o->branch_end_pct[1] = 80 + 1.0 / 3;
		o->branch_end_pct[2] = 90;
	}
	w->n_layers = 5;
	int soil_of[5] = {0, 1, 0, 2, 3};
	for (int i = 0; i < 5; i++) {
		w->layers[i].top_level_m = 2.385 - i * 2.1;
		w->layers[i].soil = soil_of[i];
		w->layers[i].excess_pore_top_kPa = i == 2 ? 1.0 / 3 : 0;
		w->layers[i].excess_pore_bottom_kPa = i == 2 ? 2.0 / 3 : 0;
	}
	w->n_anchors = 2;
	w->n_struts = 1;
	for (int i = 0; i < 2; i++) {
		sp_wall_anchor_t *a = &w->anchors[i];
		snprintf(a->name, SP_NAME_MAX, i ? "tie, rod @ -1" : "tie rod");
		a->level_m = 1.1 - i;
		a->e_kPa = 2.1e8 - i * 1e6;
		a->area_m2_per_m = 1.0 / 700;
		a->length_m = 22.5 + i / 3.0;
		a->yield_force_kN_per_m = 385.5 * i;
		a->angle_deg = 12.5 - 25 * i;
		a->side = i;
	}
	w->struts[0] = w->anchors[1];
	sp_strlcpy(w->struts[0].name, "tie rod", SP_NAME_MAX); /* same name as an anchor: another kind */
	w->n_spring_supports = 2;
	for (int i = 0; i < 2; i++) {
		sp_wall_support_t *s = &w->spring_supports[i];
		sp_strlcpy(s->name, "spring", SP_NAME_MAX); /* duplicate names */
		s->level_m = -1.0 / 3 - i;
		s->rot_stiffness_kNm_per_rad_per_m = 1e3 / 3;
		s->trans_stiffness_kN_per_m_per_m = 2.5e4 * (i + 1);
		s->rot_fixed = 1; /* a spring has no fixity: normalised to 0 */
	}
	w->n_rigid_supports = 1;
	sp_strlcpy(w->rigid_supports[0].name, "toe", SP_NAME_MAX);
	w->rigid_supports[0].level_m = -15.3;
	w->rigid_supports[0].rot_fixed = 1;
	w->rigid_supports[0].trans_fixed = 1;
	w->n_line_loads = 1;
	w->line_loads[0] = (sp_wall_point_load_t){"bollard", 2.0 / 3, -35.5, {1, SP_LOAD_UNFAVOURABLE}};
	w->n_moments = 1;
	w->moments[0] = (sp_wall_point_load_t){"beam", 2.385, 1.0 / 7, {0, SP_LOAD_FAVOURABLE}};
	w->n_uniform_loads = 2;
	w->uniform_loads[0] = (sp_wall_uniform_load_t){"traffic", 20.0 / 3, 0, {1, SP_LOAD_AUTO}};
	w->uniform_loads[1] = (sp_wall_uniform_load_t){"", -1.5, 2.5, {0, SP_LOAD_AUTO}};
	w->n_surcharges = 2;
	for (int i = 0; i < 2; i++) {
		sp_wall_surcharge_t *s = &w->surcharges[i];
		snprintf(s->name, SP_NAME_MAX, "rail %d", i);
		s->n_points = i ? SP_WALL_MAX_SURCHARGE_POINTS : 2;
		for (int j = 0; j < s->n_points; j++) {
			s->distance_m[j] = j / 3.0 + 0.1;
			s->value_kPa[j] = (j % 3) * 12.345678901234567;
		}
		s->kind = (sp_wall_load_kind_t){i, i ? SP_LOAD_UNFAVOURABLE : SP_LOAD_AUTO};
	}
	w->n_normal_forces = 1;
	w->normal_forces[0] = (sp_wall_normal_force_t){"deck", 150.1, 120.5, 80.0 / 3, -10, {1, SP_LOAD_FAVOURABLE}};
	w->n_stages = 4;
	for (int i = 0; i < 4; i++) {
		sp_wall_stage_t *g = &w->stages[i];
		snprintf(g->name, SP_NAME_MAX, i == 3 ? "stage 1" : "stage %d", i + 1); /* the 4th repeats a name */
		g->surface_m[0] = 2.385;
		g->surface_m[1] = 2.385 - i * 2.8;
		g->water_m[0] = 0.5 + i / 3.0;
		g->water_m[1] = -0.1 * i;
		g->kmethod[0] = i % 2 ? SP_KMETHOD_GIVEN : SP_KMETHOD_CPHID;
		g->kmethod[1] = SP_KMETHOD_CPHID;
		if (i >= 1) {
			g->anchor_on[0] = g->anchor_on[1] = 1;
			g->anchor_prestress_kN_per_m[0] = i * 50.0 / 3;
			g->strut_on[0] = 1;
			g->strut_precompression_kN_per_m[0] = 0.1 * i;
			g->spring_support_on[i % 2] = 1;
			g->rigid_support_on[0] = 1;
			g->uniform_load_on[0] = g->uniform_load_on[1] = 1;
			g->surcharge_on[0][0] = g->kmethod[0] == SP_KMETHOD_CPHID; /* surcharges need c-phi-delta */
			g->surcharge_on[1][1] = 1;
			g->line_load_on[0] = 1;
			g->moment_on[0] = 1;
			g->normal_force_on[0] = 1;
		}
		g->anchor_prestress_kN_per_m[5] = 99; /* an absent anchor: normalised to 0 */
		g->use_top_displacement = i == 2;
		g->top_displacement_mm = i == 2 ? -12.5 / 3 : 7; /* 7 unused: normalised to 0 */
	}
}

static void test_round_trip(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	build_wall(w);
	round_trip(w, "built wall");

	sp_wall_t *n = malloc(sizeof *n);
	*n = *w;
	sp_err_t err = {0, ""};
	sp_study_wall_normalise(n, &err);
	INT_EQ(n->n_soils, 5, "normalise: one soil per layer");
	OK(strcmp(n->soils[0].name, "soil A") == 0, "normalise: soil name kept");
	OK(strcmp(n->soils[2].name, "soil A 2") == 0, "normalise: a soil used twice gets a second name");
	OK(strlen(n->soils[3].name) <= 43, "normalise: long name cut for [layer NAME]");
	OK(strcmp(n->name, "Quay_ wall _B__2") == 0, "normalise: wall name made safe");
	OK(strcmp(n->elements[1].name, "element 2") == 0, "normalise: blank name replaced");
	OK(strcmp(n->anchors[1].name, "tie_ rod _ -1") == 0, "normalise: ',' and '@' replaced");
	OK(strcmp(n->spring_supports[1].name, "spring 2") == 0, "normalise: duplicate names numbered");
	OK(strcmp(n->stages[3].name, "stage 1 2") == 0, "normalise: duplicate stage names numbered");
	OK(strcmp(n->uniform_loads[1].name, "uniform load 2") == 0, "normalise: empty name");
	INT_EQ(n->spring_supports[0].rot_fixed, 0, "normalise: no fixity on a spring");
	DBL_ABS(n->stages[0].top_displacement_mm, 0, 0, "normalise: unused top displacement");
	DBL_ABS(n->stages[0].anchor_prestress_kN_per_m[5], 0, 0, "normalise: prestress of an absent anchor");

	/* the extreme counts */
	sp_wall_t *m = malloc(sizeof *m);
	*m = *w;
	m->n_stages = SP_WALL_MAX_STAGES;
	for (int i = 4; i < SP_WALL_MAX_STAGES; i++) {
		m->stages[i] = m->stages[i % 4];
		snprintf(m->stages[i].name, SP_NAME_MAX, "stage %d", i + 1);
	}
	m->n_anchors = SP_WALL_MAX_ITEMS;
	for (int i = 2; i < SP_WALL_MAX_ITEMS; i++) {
		m->anchors[i] = m->anchors[i % 2];
		snprintf(m->anchors[i].name, SP_NAME_MAX, "anchor with a rather long name number %d", i);
		m->stages[3].anchor_on[i] = 1;
		m->stages[3].anchor_prestress_kN_per_m[i] = i / 3.0;
	}
	round_trip(m, "the most stages and anchors (SP_WALL_MAX_STAGES, SP_WALL_MAX_ITEMS)");

	m->n_layers = SP_WALL_MAX_SOILS + 1;
	for (int i = 5; i < m->n_layers; i++) {
		m->layers[i] = m->layers[4];
		m->layers[i].top_level_m = m->layers[i - 1].top_level_m - 1;
	}
	FILE *fp = tmpfile();
	INT_EQ(sp_study_write_wall(fp, m, "x", &err), SP_EDATA, "33 layers cannot be written (one soil per layer)");
	has(err.text, "33 layers", "33 layers");
	if (fp)
		fclose(fp);
	free(m);
	free(n);
	free(w);
}

/* Every .shi that sp_shi_read() accepts: shi -> wall -> INI -> study -> wall. */
static void test_dsheet(void)
{
	const char *dir = "data/dsheet";
	DIR *d = opendir(dir);
	if (d == NULL) {
		printf("     note: no %s/: D-Sheet round trips skipped\n", dir);
		return;
	}
	char *names[512];
	int n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL && n < 512;) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".shi") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	int accepted = 0;
	sp_wall_t *w = malloc(sizeof *w);
	for (int i = 0; i < n; i++) {
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		sp_wall_init(w);
		sp_err_t err = {0, ""};
		if (sp_shi_read(path, w, &err) == SP_OK) {
			accepted++;
			round_trip(w, path);
		}
		free(names[i]);
	}
	printf("     %d of %d D-Sheet files accepted by sp_shi_read and round-tripped\n", accepted, n);
	free(w);
}

int main(void)
{
	test_fixed();
	test_search();
	test_bad();
	test_round_trip();
	test_dsheet();
	return sp_test_done("test_study_wall");
}
