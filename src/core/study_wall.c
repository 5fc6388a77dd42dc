/* study_wall.c - the subgrade-reaction wall model in the study file: reader
 * (through the look-ups of ini.h), normaliser, writer, and the wall of
 * one candidate of a search. */
#include "study_wall.h"
#include "ini_numbers.h"
#include "study_notes.h"
#include "study_profile.h"
#include "study_calc.h"
#include "study_wall_lists.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

/* INI section names are cut to this many characters by libinih. */
#define S_SECTION_MAX 49

/* The named sections, in the order they are read. */
enum { K_ELEMENT, K_ANCHOR, K_STRUT, K_SPRING, K_RIGID, K_LINE, K_MOMENT, K_UNIFORM, K_SURCHARGE, K_NORMAL,
       K_STAGE, K_N };

typedef struct {
	const char *section;  /* "anchor-item": sections [anchor-item NAME] */
	const char *stage_key; /* the [stage] key that lists them, NULL if none */
	const char *unnamed;  /* name of an unnamed item: "anchor 3" */
	int max;
	size_t items, stride, count; /* in sp_wall_t: the array (each item's name first), its count */
	size_t load_kind;     /* in an item: the sp_wall_load_kind_t of a load; 0: not a load */
} S_kind;

#define S_ITEMS(arr, n) offsetof(sp_wall_t, arr), sizeof ((sp_wall_t *)0)->arr[0], offsetof(sp_wall_t, n)

static const S_kind S_kinds[K_N] = {
	{"wall-element", NULL, "element", SP_WALL_MAX_ELEMENTS, S_ITEMS(elements, n_elements), 0},
	{"anchor-item", "anchors", "anchor", SP_WALL_MAX_ITEMS, S_ITEMS(anchors, n_anchors), 0},
	{"strut", "struts", "strut", SP_WALL_MAX_ITEMS, S_ITEMS(struts, n_struts), 0},
	{"spring-support", "spring_supports", "spring support", SP_WALL_MAX_ITEMS,
	 S_ITEMS(spring_supports, n_spring_supports), 0},
	{"rigid-support", "rigid_supports", "rigid support", SP_WALL_MAX_ITEMS,
	 S_ITEMS(rigid_supports, n_rigid_supports), 0},
	{"line-load", "line_loads", "line load", SP_WALL_MAX_ITEMS, S_ITEMS(line_loads, n_line_loads),
	 offsetof(sp_wall_point_load_t, kind)},
	{"moment-load", "moment_loads", "moment", SP_WALL_MAX_ITEMS, S_ITEMS(moments, n_moments),
	 offsetof(sp_wall_point_load_t, kind)},
	{"uniform-load", "uniform_loads", "uniform load", SP_WALL_MAX_ITEMS, S_ITEMS(uniform_loads, n_uniform_loads),
	 offsetof(sp_wall_uniform_load_t, kind)},
	{"surcharge", NULL, "surcharge", SP_WALL_MAX_ITEMS, S_ITEMS(surcharges, n_surcharges), /* surcharges_left / surcharges_right */
	 offsetof(sp_wall_surcharge_t, kind)},
	{"normal-force", "normal_forces", "normal force", SP_WALL_MAX_ITEMS, S_ITEMS(normal_forces, n_normal_forces),
	 offsetof(sp_wall_normal_force_t, kind)},
	{"stage", NULL, "stage", SP_WALL_MAX_STAGES, S_ITEMS(stages, n_stages), 0},
};

static const char *const S_yesno[] = {"no", "yes", NULL};
/* sp_wall_load_kind_t: the index is the value (wall.h) */
static const char *const S_load_type_words[] = {"permanent", "variable", NULL};
static const char *const S_favourable_words[] = {"auto", "yes", "no", NULL};
static const char *const S_side_words[] = {"left", "right", NULL};
static const char *const S_kmethod_words[] = {"given", "c-phi-delta", NULL};
static const char *const S_model_words[] = {"sheet-piling", "single-pile", NULL};
static const char *const S_mesh_words[] = {"uniform", "dsheet", NULL}; /* SP_WALL_MESH_* (wall.h) */

/* The name after "PREFIX " or NULL when the section is not of that kind. */
static const char *S_kind_name(const char *section, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(section, prefix, n) != 0 || section[n] != ' ')
		return NULL;
	const char *p = section + n;
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

int sp_study_wall_section(const char *section)
{
	if (strcmp(section, "subgrade") == 0 || strcmp(section, "wall") == 0 || sp_study_notes_section(section) ||
	    sp_study_calc_section(section) ||
	    S_kind_name(section, "soil") ||
	    S_kind_name(section, "soil-profile"))
		return 1;
	for (int k = 0; k < K_N; k++)
		if (S_kind_name(section, S_kinds[k].section))
			return 1;
	return 0;
}

/* ---- reading ------------------------------------------------------------ */

/* Index of the named item among n structs of size stride whose first
 * member is the name; -1 if none. */
static int S_lookup(const void *items, size_t stride, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp((const char *)items + (size_t)i * stride, name) == 0)
			return i;
	return -1;
}

/* A [stage] list of item names; NAME@value when val is not NULL. */
static int S_refs(sp_ini_t *c, const char *sec, const char *key, int kind, const void *items, size_t stride, int n,
                  int *on, double *val)
{
	int line;
	const char *v = sp_ini_value(c, sec, key, &line);
	if (v == NULL)
		return SP_OK;
	const char *p = v;
	while (*p == ' ')
		p++;
	if (*p == '\0') /* an empty list: none */
		return SP_OK;
	for (const char *rest = p; rest != NULL;) {
		char item[256];
		size_t len = sp_ini_list_next(&rest, item, sizeof item, &p);
		if (len == 0 || len >= sizeof item)
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': empty or over-long item in the list '%s'",
			                   sp_ini_path(c), line, sec, key, v);
		double x = 0;
		char *at = strchr(item, '@');
		if (at && val) {
			*at = '\0';
			for (char *e = at; e > item && isspace((unsigned char)e[-1]); e--)
				e[-1] = '\0';
			if (sp_ini_to_double(at + 1, &x) != 0 || x < 0 || x > 1e7)
				return sp_ini_fail(c, SP_EDATA,
				                   "%s:%d: [%s] key '%s': expected NAME or NAME@force in kN/m in [0, 1e+07], "
				                   "got '%s'",
				                   sp_ini_path(c), line, sec, key, p);
		}
		int i = S_lookup(items, stride, n, item);
		if (i < 0)
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': no [%s %s] section", sp_ini_path(c), line,
			                   sec, key, S_kinds[kind].section, item);
		if (on[i])
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': '%s' is listed twice", sp_ini_path(c), line,
			                   sec, key, item);
		on[i] = 1;
		if (val)
			val[i] = x;
	}
	return SP_OK;
}

static const double S_level_lo = SP_STUDY_LEVEL_LO_M, S_level_hi = SP_STUDY_LEVEL_HI_M;

static void S_read_soil(sp_ini_t *c, const char *sec, const sp_layer_t *L, const sp_wall_t *w, sp_wall_soil_t *s,
                        sp_wall_layer_t *wl)
{
	sp_strlcpy(s->name, L->name, sizeof s->name);
	s->gamma_dry_kN_m3 = L->gamma_kN_m3;
	s->gamma_wet_kN_m3 = L->gamma_sat_kN_m3;
	s->c_kPa = L->drainage == SP_UNDRAINED ? L->cu_kPa : L->c_kPa;
	s->phi_deg = L->drainage == SP_UNDRAINED ? 0 : L->phi_deg;
	s->delta_deg = L->delta_deg;
	s->ka = L->ka_given;
	s->kp = L->kp_given;
	s->k0 = sp_ini_num(c, sec, "k0", 0, 0, 0, 0, 10, 0, "neutral coefficient K0 given directly");
	s->ocr = sp_ini_num(c, sec, "ocr", 0, 1, 0, 1, 1000, 0, "over-consolidation ratio");
	int n = sp_ini_numbers(c, sec, "kh_kN_m3", 1, s->kh_top_kN_m3, SP_WALL_BRANCHES, 0, 1e8,
	                  "modulus of subgrade reaction per branch at the layer top, kN/m3");
	if (n < 0)
		return;
	int line;
	if (n < w->n_branches) {
		sp_ini_value(c, sec, "kh_kN_m3", &line);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'kh_kN_m3': %d value(s) given, [subgrade] branches = %d needs %d",
		            sp_ini_path(c), line, sec, n, w->n_branches, w->n_branches);
		return;
	}
	int nb = sp_ini_numbers(c, sec, "kh_bottom_kN_m3", 0, s->kh_bottom_kN_m3, SP_WALL_BRANCHES, 0, 1e8,
	                   "modulus of subgrade reaction per branch at the layer bottom, kN/m3");
	if (nb < 0)
		return;
	if (nb == 0)
		memcpy(s->kh_bottom_kN_m3, s->kh_top_kN_m3, sizeof s->kh_bottom_kN_m3);
	else if (nb != n) {
		sp_ini_value(c, sec, "kh_bottom_kN_m3", &line);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'kh_bottom_kN_m3': %d value(s), but kh_kN_m3 has %d",
		            sp_ini_path(c), line, sec, nb, n);
		return;
	}
	s->kh_unload_top_kN_m3 = sp_ini_num(c, sec, "kh_unload_kN_m3", 0, s->kh_top_kN_m3[0], 0, 0, 1e8, 0,
	                                    "unloading/reloading modulus at the layer top, kN/m3");
	int given = sp_ini_value(c, sec, "kh_unload_kN_m3", NULL) != NULL;
	s->kh_unload_bottom_kN_m3 =
		sp_ini_num(c, sec, "kh_unload_bottom_kN_m3", 0, given ? s->kh_unload_top_kN_m3 : s->kh_bottom_kN_m3[0], 0,
		           0, 1e8, 0, "unloading/reloading modulus at the layer bottom, kN/m3");
	double pct[SP_WALL_BRANCHES - 1] = {50, 80, 90};
	if (sp_ini_numbers(c, sec, "branch_end_pct", 0, pct, SP_WALL_BRANCHES - 1, 0, 100,
	              "end of branches 1..3, % of the way to the limit pressure") < 0)
		return;
	memcpy(s->branch_end_pct, pct, sizeof pct);
	if (wl == NULL) /* a [soil NAME] of the soil profiles: no level */
		return;
	wl->top_level_m = L->top_level_m;
	wl->excess_pore_top_kPa = sp_ini_num(c, sec, "excess_pore_top_kPa", 0, 0, -1e4, 0, 1e4, 0,
	                                     "excess pore pressure at the layer top, kPa");
	wl->excess_pore_bottom_kPa = sp_ini_num(c, sec, "excess_pore_bottom_kPa", 0, 0, -1e4, 0, 1e4, 0,
	                                        "excess pore pressure at the layer bottom, kPa");
}

/* [soil NAME]: a soil that only soil profiles use, with the keys of a
 * [layer NAME] of a subgrade study except its level and pore pressures. */
static void S_read_profile_soil(sp_ini_t *c, const char *sec, const char *name, const sp_wall_t *w, sp_wall_soil_t *s)
{
	sp_layer_t L;
	memset(&L, 0, sizeof L);
	sp_strlcpy(L.name, name, sizeof L.name);
	L.gamma_kN_m3 = sp_ini_num(c, sec, "gamma_kN_m3", 1, 0, 0, 0, 40, 0, "unit weight above water, kN/m3");
	L.gamma_sat_kN_m3 = sp_ini_num(c, sec, "gamma_sat_kN_m3", 0, L.gamma_kN_m3, 0, 0, 40, 0,
	                               "saturated unit weight, kN/m3");
	L.phi_deg = sp_ini_num(c, sec, "phi_deg", 1, 0, 0, 0, 90, 1, "effective friction angle phi', degrees");
	L.c_kPa = sp_ini_num(c, sec, "c_kPa", 0, 0, 0, 0, 1e4, 0, "effective cohesion c', kPa");
	L.delta_deg = sp_ini_num(c, sec, "delta_deg", 0, 0, -90, 1, 90, 1, "wall friction angle delta, degrees");
	L.ka_given = sp_ini_num(c, sec, "ka", 0, 0, 0, 1, 10, 0, "active coefficient Ka given directly");
	L.kp_given = sp_ini_num(c, sec, "kp", 0, 0, 0, 1, 1000, 0, "passive coefficient Kp given directly");
	if (!sp_ini_status(c))
		S_read_soil(c, sec, &L, w, s, NULL);
}

static void S_read_anchor(sp_ini_t *c, const char *sec, sp_wall_anchor_t *a, const char *yield_what)
{
	a->level_m = sp_ini_num(c, sec, "level_m", 1, 0, S_level_lo, 0, S_level_hi, 0, "level, m");
	a->e_kPa = sp_ini_num(c, sec, "e_kPa", 0, 2.1e8, 0, 1, 1e10, 0, "Young's modulus, kPa");
	a->area_m2_per_m = sp_ini_num(c, sec, "area_m2_per_m", 1, 0, 0, 1, 100, 0, "cross-section per m run, m2/m");
	a->length_m = sp_ini_num(c, sec, "length_m", 1, 0, 0, 1, 1e4, 0, "free length, m");
	a->yield_force_kN_per_m = sp_ini_num(c, sec, "yield_force_kN_per_m", 0, 0, 0, 0, 1e8, 0, yield_what);
	a->angle_deg = sp_ini_num(c, sec, "angle_deg", 0, 0, -90, 0, 90, 0, "inclination to the horizontal, degrees");
	a->anchorage_height_m = sp_ini_num(c, sec, "anchorage_height_m", 0, 0, 0, 0, 100, 0,
	                                   "height of the anchor wall for the Kranz check, m (0 = none)");
	a->side = sp_ini_word(c, sec, "side", SP_LEFT, S_side_words);
}

/* One named section of kind k as item i of the wall. */
/* load_type, favourable: how a verification factors the load (wall.h). */
static void S_load_kind(sp_ini_t *c, const char *sec, sp_wall_load_kind_t *kind)
{
	kind->variable = sp_ini_word(c, sec, "load_type", 0, S_load_type_words);
	kind->favourable = sp_ini_word(c, sec, "favourable", SP_LOAD_AUTO, S_favourable_words);
}

/* The keys of item i of kind k, after its name and the kind of a load. */
static void S_read_item(sp_ini_t *c, sp_wall_t *w, int k, int i, const char *sec, int line)
{
	switch (k) {
	case K_ELEMENT: {
		sp_wall_element_t *e = &w->elements[i];
		e->bottom_level_m = sp_ini_num(c, sec, "bottom_level_m", 1, 0, S_level_lo, 0, S_level_hi, 0,
		                               "level of the bottom of the element, m");
		e->ei_kNm2_per_m = sp_ini_num(c, sec, "ei_kNm2_per_m", 1, 0, 0, 1, 1e9, 0, "bending stiffness EI, kNm2/m");
		e->acting_width_m = sp_ini_num(c, sec, "acting_width_m", 0, 1, 0, 1, 100, 0, "acting width, m");
		e->plastic_moment_kNm_per_m = sp_ini_num(c, sec, "plastic_moment_kNm_per_m", 0, 0, 0, 0, 1e9, 0,
		                                         "plastic moment (plastic calculation), kNm/m");
		sp_study_read_diagram(c, sec, e);
		e->allowable_moment_kNm_per_m = sp_ini_num(c, sec, "allowable_moment_kNm_per_m", 0, 0, 0, 0, 1e9, 0,
		                                           "allowable moment, kNm/m (0 = none given)");
		double above = i ? w->elements[i - 1].bottom_level_m : w->top_level_m;
		if (!sp_ini_status(c) && e->bottom_level_m >= above) {
			int at;
			sp_ini_value(c, sec, "bottom_level_m", &at);
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'bottom_level_m': %g m is not below %s (%g m)",
			            sp_ini_path(c), at, sec, e->bottom_level_m,
			            i ? "the bottom of the element before" : "the top of the wall", above);
		}
		break;
	}
	case K_ANCHOR:
		S_read_anchor(c, sec, &w->anchors[i], "yield force, kN/m (0 = none given)");
		break;
	case K_STRUT:
		S_read_anchor(c, sec, &w->struts[i], "largest compression force, kN/m (0 = none given)");
		break;
	case K_SPRING: {
		sp_wall_support_t *s = &w->spring_supports[i];
		s->level_m = sp_ini_num(c, sec, "level_m", 1, 0, S_level_lo, 0, S_level_hi, 0, "level, m");
		s->rot_stiffness_kNm_per_rad_per_m = sp_ini_num(c, sec, "rot_stiffness_kNm_per_rad_per_m", 0, 0, 0, 0, 1e15,
		                                                0, "rotational stiffness, kNm/rad per m");
		s->trans_stiffness_kN_per_m_per_m = sp_ini_num(c, sec, "trans_stiffness_kN_per_m_per_m", 0, 0, 0, 0, 1e15,
		                                               0, "translational stiffness, kN/m per m");
		break;
	}
	case K_RIGID: {
		sp_wall_support_t *s = &w->rigid_supports[i];
		s->level_m = sp_ini_num(c, sec, "level_m", 1, 0, S_level_lo, 0, S_level_hi, 0, "level, m");
		s->rot_fixed = sp_ini_word(c, sec, "fix_rotation", 0, S_yesno);
		s->trans_fixed = sp_ini_word(c, sec, "fix_translation", 1, S_yesno);
		break;
	}
	case K_LINE:
	case K_MOMENT: {
		sp_wall_point_load_t *p = k == K_LINE ? &w->line_loads[i] : &w->moments[i];
		p->level_m = sp_ini_num(c, sec, "level_m", 1, 0, S_level_lo, 0, S_level_hi, 0, "level, m");
		if (k == K_LINE)
			p->value = sp_ini_num(c, sec, "value_kN_per_m", 1, 0, -1e7, 0, 1e7, 0,
			                      "horizontal force, kN/m, positive to the right");
		else
			p->value = sp_ini_num(c, sec, "value_kNm_per_m", 1, 0, -1e7, 0, 1e7, 0, "moment, kNm/m");
		break;
	}
	case K_UNIFORM: {
		sp_wall_uniform_load_t *u = &w->uniform_loads[i];
		u->left_kPa = sp_ini_num(c, sec, "left_kPa", 0, 0, -1e5, 0, 1e5, 0, "vertical load on the left, kPa");
		u->right_kPa = sp_ini_num(c, sec, "right_kPa", 0, 0, -1e5, 0, 1e5, 0, "vertical load on the right, kPa");
		break;
	}
	case K_SURCHARGE: {
		sp_wall_surcharge_t *s = &w->surcharges[i];
		int nd = sp_ini_numbers(c, sec, "distance_m", 1, s->distance_m, SP_WALL_MAX_SURCHARGE_POINTS, 0, 1e4,
		                   "distances from the wall, m");
		int nv = sp_ini_numbers(c, sec, "value_kPa", 1, s->value_kPa, SP_WALL_MAX_SURCHARGE_POINTS, -1e5, 1e5,
		                   "vertical load at each distance, kPa");
		if (sp_ini_status(c))
			break;
		int at;
		sp_ini_value(c, sec, "value_kPa", &at);
		if (nd != nv) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'value_kPa': %d value(s), but distance_m has %d",
			            sp_ini_path(c), at, sec, nv, nd);
			break;
		}
		for (int j = 1; j < nd; j++)
			if (s->distance_m[j] < s->distance_m[j - 1]) {
				sp_ini_value(c, sec, "distance_m", &at);
				sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'distance_m': distances must not decrease (%g after %g)",
				            sp_ini_path(c), at, sec, s->distance_m[j], s->distance_m[j - 1]);
				break;
			}
		s->n_points = nd;
		break;
	}
	case K_NORMAL: {
		sp_wall_normal_force_t *f = &w->normal_forces[i];
		f->at_top_kN = sp_ini_num(c, sec, "at_top_kN", 0, 0, -1e7, 0, 1e7, 0, "normal force at the top, kN/m");
		f->at_surface_left_kN = sp_ini_num(c, sec, "at_surface_left_kN", 0, 0, -1e7, 0, 1e7, 0,
		                                   "normal force at the left surface, kN/m");
		f->at_surface_right_kN = sp_ini_num(c, sec, "at_surface_right_kN", 0, 0, -1e7, 0, 1e7, 0,
		                                    "normal force at the right surface, kN/m");
		f->at_toe_kN = sp_ini_num(c, sec, "at_toe_kN", 0, 0, -1e7, 0, 1e7, 0, "normal force at the toe, kN/m");
		break;
	}
	case K_STAGE: {
		sp_wall_stage_t *s = &w->stages[i];
		s->surface_m[SP_LEFT] = sp_ini_num(c, sec, "left_surface_m", 1, 0, S_level_lo, 0, S_level_hi, 0,
		                                   "surface level on the left, m");
		s->surface_m[SP_RIGHT] = sp_ini_num(c, sec, "right_surface_m", 1, 0, S_level_lo, 0, S_level_hi, 0,
		                                    "surface level on the right, m");
		s->water_m[SP_LEFT] = sp_ini_num(c, sec, "left_water_m", 1, 0, S_level_lo, 0, S_level_hi, 0,
		                                 "water level on the left, m");
		s->water_m[SP_RIGHT] = sp_ini_num(c, sec, "right_water_m", 1, 0, S_level_lo, 0, S_level_hi, 0,
		                                  "water level on the right, m");
		s->kmethod[SP_LEFT] = (sp_kmethod)sp_ini_word(c, sec, "left_method", SP_KMETHOD_CPHID, S_kmethod_words);
		s->kmethod[SP_RIGHT] = (sp_kmethod)sp_ini_word(c, sec, "right_method", SP_KMETHOD_CPHID, S_kmethod_words);
		for (int side = 0; side < 2; side++)
			sp_study_read_surface(c, sec, side, s);
		s->profile[SP_LEFT] = sp_study_profile_of_stage(c, sec, "left_soil_profile", w);
		s->profile[SP_RIGHT] = sp_study_profile_of_stage(c, sec, "right_soil_profile", w);
#define REFS(key, kind, arr, n, on, val) S_refs(c, sec, key, kind, arr, sizeof arr[0], n, on, val)
		REFS("anchors", K_ANCHOR, w->anchors, w->n_anchors, s->anchor_on, s->anchor_prestress_kN_per_m);
		REFS("struts", K_STRUT, w->struts, w->n_struts, s->strut_on, s->strut_precompression_kN_per_m);
		REFS("spring_supports", K_SPRING, w->spring_supports, w->n_spring_supports, s->spring_support_on, NULL);
		REFS("rigid_supports", K_RIGID, w->rigid_supports, w->n_rigid_supports, s->rigid_support_on, NULL);
		REFS("uniform_loads", K_UNIFORM, w->uniform_loads, w->n_uniform_loads, s->uniform_load_on, NULL);
		REFS("surcharges_left", K_SURCHARGE, w->surcharges, w->n_surcharges, s->surcharge_on[SP_LEFT], NULL);
		REFS("surcharges_right", K_SURCHARGE, w->surcharges, w->n_surcharges, s->surcharge_on[SP_RIGHT], NULL);
		REFS("line_loads", K_LINE, w->line_loads, w->n_line_loads, s->line_load_on, NULL);
		REFS("moment_loads", K_MOMENT, w->moments, w->n_moments, s->moment_on, NULL);
		REFS("normal_forces", K_NORMAL, w->normal_forces, w->n_normal_forces, s->normal_force_on, NULL);
#undef REFS
		for (int side = 0; side < 2; side++) {
			const char *key = side == SP_LEFT ? "surcharges_left" : "surcharges_right";
			for (int q = 0; q < w->n_surcharges; q++) {
				int kl = 0;
				if (!s->surcharge_on[side][q] || s->kmethod[side] != SP_KMETHOD_GIVEN)
					continue;
				sp_ini_value(c, sec, key, &kl);
				sp_ini_fail(c, SP_EDATA,
				            "%s:%d: [%s] key '%s': surcharge '%s' needs %s = c-phi-delta (the beam engine "
				            "turns surcharges into earth pressures with Culmann's wedges only)",
				            sp_ini_path(c), kl, sec, key, w->surcharges[q].name,
				            side == SP_LEFT ? "left_method" : "right_method");
				break;
			}
		}
		s->use_top_displacement = sp_ini_value(c, sec, "top_displacement_mm", NULL) != NULL;
		s->top_displacement_mm = sp_ini_num(c, sec, "top_displacement_mm", 0, 0, -1e5, 0, 1e5, 0,
		                                    "prescribed displacement of the top, mm, positive to the right");
		break;
	}
	}
	(void)line;
}

static int *S_count(sp_wall_t *w, int k)
{
	return (int *)((char *)w + S_kinds[k].count);
}

static int S_n_items(const sp_wall_t *w, int k)
{
	return *(const int *)((const char *)w + S_kinds[k].count);
}

/* Item i of kind k; its name is its first member. Like strchr, writable
 * when w is. */
static char *S_item(const sp_wall_t *w, int k, int i)
{
	return (char *)w + S_kinds[k].items + (size_t)i * S_kinds[k].stride;
}

/* The stage of a subgrade search without [stage] sections: retained side
 * left, excavation right, water from [water], [loads] surcharge as a
 * uniform load on the left; every item of the file is on. */
static int S_default_stage(sp_ini_t *c, const sp_study_t *st, sp_wall_t *w)
{
	if (st->surcharge_kPa > 0) {
		if (w->n_uniform_loads == SP_WALL_MAX_ITEMS)
			return sp_ini_fail(c, SP_EDATA,
			                   "%s: [loads] surcharge_kPa: no room for it among %d [uniform-load] sections; "
			                   "give [stage NAME] sections instead",
			                   sp_ini_path(c), SP_WALL_MAX_ITEMS);
		sp_wall_uniform_load_t *u = &w->uniform_loads[w->n_uniform_loads++];
		sp_strlcpy(u->name, "surcharge", sizeof u->name);
		u->left_kPa = st->surcharge_kPa;
	}
	w->n_stages = 1;
	sp_wall_stage_t *s = &w->stages[0];
	sp_strlcpy(s->name, "excavation", sizeof s->name);
	s->surface_m[SP_LEFT] = st->retained_level_m;
	s->surface_m[SP_RIGHT] = st->excavation_level_m;
	s->water_m[SP_LEFT] = st->water_retained_m;
	s->water_m[SP_RIGHT] = st->water_excavation_m;
	s->kmethod[SP_LEFT] = s->kmethod[SP_RIGHT] = SP_KMETHOD_CPHID;
	for (int i = 0; i < SP_WALL_MAX_ITEMS; i++) {
		s->anchor_on[i] = i < w->n_anchors;
		s->strut_on[i] = i < w->n_struts;
		s->spring_support_on[i] = i < w->n_spring_supports;
		s->rigid_support_on[i] = i < w->n_rigid_supports;
		s->uniform_load_on[i] = i < w->n_uniform_loads;
		s->surcharge_on[SP_LEFT][i] = i < w->n_surcharges;
		s->line_load_on[i] = i < w->n_line_loads;
		s->moment_on[i] = i < w->n_moments;
		s->normal_force_on[i] = i < w->n_normal_forces;
	}
	return SP_OK;
}

int sp_study_read_wall(sp_ini_t *c, sp_study_t *st)
{
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL)
		return sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
	sp_wall_init(w);
	st->wall = w;
	sp_strlcpy(w->name, st->name, sizeof w->name);
	const char *path = sp_ini_path(c);

	const char *g = "subgrade";
	w->n_branches = sp_ini_int(c, g, "branches", 1, 1, SP_WALL_BRANCHES, "branches of the subgrade modulus");
	w->unloading_curve = sp_ini_word(c, g, "unloading_curve", 0, S_yesno);
	w->reduce_delta = sp_ini_word(c, g, "reduce_delta", 1, S_yesno);
	w->minor_nodes = sp_ini_word(c, g, "minor_nodes", 1, S_yesno);
	w->first_stage_initial = sp_ini_word(c, g, "first_stage_initial", 0, S_yesno);
	w->diaphragm = sp_ini_word(c, g, "diaphragm", 0, S_yesno);
	w->plastic = sp_ini_word(c, g, "plastic", 0, S_yesno);
	w->mesh = sp_ini_word(c, g, "mesh", SP_WALL_MESH_UNIFORM, S_mesh_words);
	w->max_element_m = sp_ini_num(c, g, "max_element_m", 0, 0.05, 0, 1, 10, 0, "longest beam element, m");
	w->max_iterations = sp_ini_int(c, g, "max_iterations", 500, 1, 10000000, "iterations per stage");
	w->tolerance_kPa = sp_ini_num(c, g, "tolerance_kPa", 0, 1e-4, 0, 1, 1e3, 0,
	                              "convergence tolerance on the spring pressures, kPa");
	w->gamma_water_kN_m3 = sp_ini_num(c, g, "gamma_water_kN_m3", 0, st->gamma_w_kN_m3, 0, 1, 20, 0,
	                                  "unit weight of water, kN/m3");
	sp_study_notes_read(c, w);
	if (sp_ini_status(c))
		return sp_ini_status(c);

	/* layers: one soil each, in the order of study.c's st->layers */
	size_t li = 0;
	for (size_t i = 0; i < sp_ini_n_sections(c) && !sp_ini_status(c); i++) {
		int line;
		const char *sec = sp_ini_section(c, i, &line);
		if (!S_kind_name(sec, "layer"))
			continue;
		if (li == SP_WALL_MAX_SOILS)
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: more than %d layers in a subgrade study", path, line,
			                   sec, SP_WALL_MAX_SOILS);
		w->layers[li].soil = (int)li;
		S_read_soil(c, sec, &st->layers[li], w, &w->soils[li], &w->layers[li]);
		li++;
	}
	w->n_soils = w->n_layers = (int)li;
	if (sp_ini_status(c))
		return sp_ini_status(c);
	/* the soils only soil profiles use, then the profiles */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < sp_ini_n_sections(c) && !sp_ini_status(c); i++) {
			int line;
			const char *sec = sp_ini_section(c, i, &line);
			const char *name = S_kind_name(sec, pass == 0 ? "soil" : "soil-profile");
			if (name == NULL)
				continue;
			sp_ini_use_section(c, i);
			int full = pass == 0 ? w->n_soils == SP_WALL_MAX_SOILS : w->n_profiles == SP_WALL_MAX_PROFILES;
			if (*name == '\0' || strlen(name) >= SP_NAME_MAX || strpbrk(name, ",@") || full)
				return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: %s", path, line, sec,
				                   full ? "too many soils or soil profiles"
				                        : "needs a name of 1 to 39 characters without ',' or '@'");
			if (pass == 0 && S_lookup(w->soils, sizeof w->soils[0], w->n_soils, name) >= 0)
				return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: a layer or soil of that name exists", path, line,
				                   sec);
			if (pass == 1 && S_lookup(w->profiles, sizeof w->profiles[0], w->n_profiles, name) >= 0)
				return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: appears twice", path, line, sec);
			if (pass == 0) {
				sp_strlcpy(w->soils[w->n_soils].name, name, SP_NAME_MAX);
				S_read_profile_soil(c, sec, name, w, &w->soils[w->n_soils]);
				w->n_soils++;
			} else {
				sp_study_profile_read(c, sec, name, w, &w->profiles[w->n_profiles]);
				w->n_profiles++;
			}
		}
	if (sp_ini_status(c))
		return sp_ini_status(c);

	int wall_line = sp_ini_section_line(c, "wall");
	st->wall_fixed = wall_line > 0;
	if (st->wall_fixed) {
		w->top_level_m = sp_ini_num(c, "wall", "top_level_m", 1, 0, S_level_lo, 0, S_level_hi, 0,
		                            "level of the top of the wall, m");
		w->length_m = sp_ini_num(c, "wall", "length_m", 1, 0, 0, 1, 500, 0, "length of the wall, m");
		w->single_pile = sp_ini_word(c, "wall", "model", 0, S_model_words);
		sp_study_read_soil_displacements(c, w);
	} else {
		w->top_level_m = st->top_of_wall_m;
	}
	if (sp_ini_status(c))
		return sp_ini_status(c);

	for (int k = 0; k < K_N && !sp_ini_status(c); k++) {
		int *n = S_count(w, k);
		for (size_t i = 0; i < sp_ini_n_sections(c) && !sp_ini_status(c); i++) {
			int line;
			const char *sec = sp_ini_section(c, i, &line);
			const char *name = S_kind_name(sec, S_kinds[k].section);
			if (name == NULL)
				continue;
			sp_ini_use_section(c, i);
			if (*name == '\0' || strlen(name) >= SP_NAME_MAX)
				return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: needs a name of 1 to %d characters", path, line,
				                   sec, SP_NAME_MAX - 1);
			if (strpbrk(name, ",@") && k != K_ELEMENT && k != K_STAGE)
				return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: a name listed in [stage] sections cannot hold ',' or '@'",
				                   path, line, sec);
			if (k == K_ELEMENT && !st->wall_fixed)
				return sp_ini_fail(c, SP_EDATA,
				                   "%s:%d: [%s]: wall elements need a [wall] section (without it the search "
				                   "sets the wall of each candidate)",
				                   path, line, sec);
			if (*n == S_kinds[k].max)
				return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: more than %d [%s NAME] sections", path, line, sec,
				                   S_kinds[k].max, S_kinds[k].section);
			char *item = S_item(w, k, *n);
			sp_strlcpy(item, name, SP_NAME_MAX);
			if (S_kinds[k].load_kind)
				S_load_kind(c, sec, (sp_wall_load_kind_t *)(item + S_kinds[k].load_kind));
			S_read_item(c, w, k, *n, sec, line);
			(*n)++;
		}
	}
	if (sp_ini_status(c))
		return sp_ini_status(c);

	if (st->wall_fixed && w->n_elements == 0)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [wall]: add at least one [wall-element NAME] section", path,
		                   wall_line);
	if (w->n_stages == 0) {
		if (st->wall_fixed && sp_ini_section_line(c, "geometry") == 0)
			return sp_ini_fail(c, SP_EDATA,
			                   "%s:%d: [wall]: add [stage NAME] sections (or [geometry] for one default stage)",
			                   path, wall_line);
		if (S_default_stage(c, st, w))
			return sp_ini_status(c);
	}
	sp_study_calc_read(c, w); /* [dsheet-calculation] */
	if (sp_ini_status(c))
		return sp_ini_status(c);
	/* a search adds an anchor and a stage per anchored candidate */
	if (!st->wall_fixed)
		for (size_t i = 0; i < st->n_anchors; i++)
			if (st->anchors[i].anchored && (w->n_anchors == SP_WALL_MAX_ITEMS || w->n_stages == SP_WALL_MAX_STAGES))
				return sp_ini_fail(c, SP_EDATA,
				                   "%s: [anchor] levels_m: an anchored candidate needs room for one more "
				                   "anchor (at most %d) and one more stage (at most %d)",
				                   path, SP_WALL_MAX_ITEMS, SP_WALL_MAX_STAGES);
	return SP_OK;
}

/* ---- the wall of one candidate ---------------------------------------- */

/* The candidate's changes to out, a copy of the study's wall (its used
 * stages at least): sp_study_wall_for_case. */
static void S_candidate_wall(const sp_study_t *st, double ei_kNm2_per_m, double length_m,
                             const sp_anchor_option_t *anchor, sp_wall_t *out)
{
	out->top_level_m = st->top_of_wall_m;
	out->length_m = length_m;
	out->n_elements = 1;
	memset(out->elements, 0, sizeof out->elements);
	sp_strlcpy(out->elements[0].name, "wall", SP_NAME_MAX);
	out->elements[0].bottom_level_m = out->top_level_m - length_m;
	out->elements[0].ei_kNm2_per_m = ei_kNm2_per_m;
	out->elements[0].acting_width_m = 1;
	if (anchor == NULL || !anchor->anchored || out->n_anchors == SP_WALL_MAX_ITEMS
	    || out->n_stages == SP_WALL_MAX_STAGES || out->n_stages == 0)
		return;
	int k = out->n_anchors++;
	sp_wall_anchor_t *a = &out->anchors[k];
	memset(a, 0, sizeof *a);
	sp_strlcpy(a->name, "anchor", sizeof a->name);
	a->level_m = anchor->level_m;
	a->e_kPa = 2.1e8;
	a->area_m2_per_m = st->anchor_area_m2_per_m;
	a->length_m = st->anchor_length_m;
	a->angle_deg = st->anchor_inclination_deg;
	a->side = SP_LEFT;
	int f = out->n_stages - 1;
	memmove(&out->stages[f + 1], &out->stages[f], sizeof out->stages[f]);
	out->n_stages++;
	sp_wall_stage_t *pre = &out->stages[f], *fin = &out->stages[f + 1];
	int low = fin->surface_m[SP_LEFT] < fin->surface_m[SP_RIGHT] ? SP_LEFT : SP_RIGHT;
	double z = fmax(anchor->level_m - 0.5, fin->surface_m[low]);
	pre->surface_m[low] = fmin(z, fin->surface_m[1 - low]);
	snprintf(pre->name, sizeof pre->name, "excavation for the anchor");
	pre->anchor_on[k] = 0;
	pre->anchor_prestress_kN_per_m[k] = 0;
	fin->anchor_on[k] = 1;
	fin->anchor_prestress_kN_per_m[k] = 0;
}

void sp_study_wall_for_case(const sp_study_t *st, double ei_kNm2_per_m, double length_m,
                            const sp_anchor_option_t *anchor, sp_wall_t *out)
{
	*out = *st->wall;
	S_candidate_wall(st, ei_kNm2_per_m, length_m, anchor, out);
}

void sp_study_wall_for_analysis(const sp_study_t *st, double ei_kNm2_per_m, double length_m,
                                const sp_anchor_option_t *anchor, sp_wall_t *out)
{
	const sp_wall_t *w = st->wall;
	size_t head = offsetof(sp_wall_t, stages), tail = offsetof(sp_wall_t, n_stages);
	int ns = w->n_stages < 0 ? 0 : w->n_stages > SP_WALL_MAX_STAGES ? SP_WALL_MAX_STAGES : w->n_stages;
	memcpy(out, w, head);
	memcpy(out->stages, w->stages, (size_t)ns * sizeof w->stages[0]);
	memcpy((char *)out + tail, (const char *)w + tail, sizeof *w - tail);
	S_candidate_wall(st, ei_kNm2_per_m, length_m, anchor, out);
}

/* ---- normalising -------------------------------------------------------- */

/* Make a name safe for a section header "[PREFIX NAME]" and for lists. */
static void S_clean_name(char *name, const char *prefix, const char *unnamed, int index)
{
	size_t room = S_SECTION_MAX - strlen(prefix) - 1; /* characters left for the name */
	if (room > SP_NAME_MAX - 1 || prefix[0] == '\0') /* not in a section header */
		room = SP_NAME_MAX - 1;
	char buf[SP_NAME_MAX];
	size_t n = 0;
	for (const char *p = name; *p && n + 1 < sizeof buf; p++) {
		unsigned char ch = (unsigned char)*p;
		buf[n++] = (ch < 0x20 || ch == 0x7f || strchr(",@;[]#", ch)) ? '_' : (char)ch;
	}
	buf[n] = '\0';
	char *b = buf;
	while (*b == ' ')
		b++;
	n = strlen(b);
	if (n > room) {
		n = room;
		/* do not cut a UTF-8 sequence */
		while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80)
			n--;
	}
	while (n > 0 && b[n - 1] == ' ')
		n--;
	b[n] = '\0';
	if (n == 0)
		snprintf(name, SP_NAME_MAX, "%s %d", unnamed, index + 1);
	else
		memmove(name, b, n + 1);
}

/* Clean and make unique n names (first member of structs of size stride). */
static void S_clean_names(void *items, size_t stride, int n, const char *prefix, const char *unnamed)
{
	for (int i = 0; i < n; i++) {
		char *name = (char *)items + (size_t)i * stride;
		S_clean_name(name, prefix, unnamed, i);
		char base[SP_NAME_MAX];
		sp_strlcpy(base, name, sizeof base);
		for (int dup = 2; S_lookup(items, stride, i, name) >= 0; dup++) {
			char tail[16];
			snprintf(tail, sizeof tail, " %d", dup);
			size_t room = S_SECTION_MAX - strlen(prefix) - 1 - strlen(tail);
			size_t keep = strlen(base) < room ? strlen(base) : room;
			while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
				keep--;
			snprintf(name, SP_NAME_MAX, "%.*s%s", (int)keep, base, tail);
		}
		/* no stale bytes after the name */
		size_t len = strlen(name);
		memset(name + len, 0, SP_NAME_MAX - len);
	}
}

#define S_ZERO_TAIL(arr, n) memset(&(arr)[n], 0, sizeof(arr) - (size_t)(n) * sizeof(arr)[0])

int sp_study_wall_normalise(sp_wall_t *w, sp_err_t *err)
{
	struct { int n, max; const char *what; } counts[] = {
		{w->n_elements, SP_WALL_MAX_ELEMENTS, "elements"}, {w->n_soils, SP_WALL_MAX_SOILS, "soils"},
		{w->n_layers, SP_WALL_MAX_LAYERS, "layers"}, {w->n_anchors, SP_WALL_MAX_ITEMS, "anchors"},
		{w->n_struts, SP_WALL_MAX_ITEMS, "struts"}, {w->n_spring_supports, SP_WALL_MAX_ITEMS, "spring supports"},
		{w->n_rigid_supports, SP_WALL_MAX_ITEMS, "rigid supports"}, {w->n_uniform_loads, SP_WALL_MAX_ITEMS, "uniform loads"},
		{w->n_surcharges, SP_WALL_MAX_ITEMS, "surcharges"}, {w->n_line_loads, SP_WALL_MAX_ITEMS, "line loads"},
		{w->n_moments, SP_WALL_MAX_ITEMS, "moments"}, {w->n_normal_forces, SP_WALL_MAX_ITEMS, "normal forces"},
		{w->n_stages, SP_WALL_MAX_STAGES, "stages"},
	};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (counts[i].n < 0 || counts[i].n > counts[i].max)
			return sp_err_set(err, SP_EDATA, "the wall has %d %s (0 to %d possible)", counts[i].n, counts[i].what,
			                  counts[i].max);
	if (w->n_layers > SP_WALL_MAX_SOILS)
		return sp_err_set(err, SP_EDATA,
		                  "the wall has %d layers; a study file holds one soil per layer, at most %d",
		                  w->n_layers, SP_WALL_MAX_SOILS);
	if (w->n_profiles < 0 || w->n_profiles > SP_WALL_MAX_PROFILES)
		return sp_err_set(err, SP_EDATA, "the wall has %d soil profiles (0 to %d possible)", w->n_profiles,
		                  SP_WALL_MAX_PROFILES);
	/* one soil per layer, then the soils that only other soil profiles use */
	sp_wall_soil_t soils[SP_WALL_MAX_SOILS];
	int new_of[SP_WALL_MAX_SOILS]; /* old soil -> new soil */
	memset(soils, 0, sizeof soils);
	for (int s = 0; s < SP_WALL_MAX_SOILS; s++)
		new_of[s] = -1;
	for (int i = 0; i < w->n_layers; i++) {
		int s = w->layers[i].soil;
		if (s < 0 || s >= w->n_soils)
			return sp_err_set(err, SP_EDATA, "layer %d refers to soil %d of %d", i + 1, s + 1, w->n_soils);
		soils[i] = w->soils[s];
		if (new_of[s] < 0)
			new_of[s] = i;
		w->layers[i].soil = i;
	}
	int n_soils = w->n_layers;
	for (int k = 0; k < w->n_profiles; k++) {
		sp_wall_profile_t *p = &w->profiles[k];
		if (p->n_layers < 1 || p->n_layers > SP_WALL_MAX_LAYERS)
			return sp_err_set(err, SP_EDATA, "soil profile %d has %d layers", k + 1, p->n_layers);
		for (int i = 0; i < p->n_layers; i++) {
			int s = p->layers[i].soil;
			if (s < 0 || s >= w->n_soils)
				return sp_err_set(err, SP_EDATA, "soil profile %d refers to soil %d of %d", k + 1, s + 1,
				                  w->n_soils);
			if (new_of[s] < 0) {
				if (n_soils == SP_WALL_MAX_SOILS)
					return sp_err_set(err, SP_EDATA, "the layers and soil profiles use more than %d soils",
					                  SP_WALL_MAX_SOILS);
				soils[n_soils] = w->soils[s];
				new_of[s] = n_soils++;
			}
			p->layers[i].soil = new_of[s];
		}
		S_ZERO_TAIL(p->layers, p->n_layers);
	}
	memcpy(w->soils, soils, sizeof soils);
	w->n_soils = n_soils;
	S_ZERO_TAIL(w->layers, w->n_layers);
	S_ZERO_TAIL(w->profiles, w->n_profiles);
	S_clean_names(w->profiles, sizeof w->profiles[0], w->n_profiles, "soil-profile", "soil profile");

	size_t len = strlen(w->name);
	S_clean_name(w->name, "", "study", 0);
	if (len == 0)
		sp_strlcpy(w->name, "study", sizeof w->name);
	len = strlen(w->name);
	memset(w->name + len, 0, SP_NAME_MAX - len);

#define CLEAN(arr, n, k) (S_ZERO_TAIL(arr, n), S_clean_names(arr, sizeof(arr)[0], n, S_kinds[k].section, S_kinds[k].unnamed))
	S_clean_names(w->soils, sizeof w->soils[0], w->n_soils, "layer", "soil");
	CLEAN(w->elements, w->n_elements, K_ELEMENT);
	CLEAN(w->anchors, w->n_anchors, K_ANCHOR);
	CLEAN(w->struts, w->n_struts, K_STRUT);
	CLEAN(w->spring_supports, w->n_spring_supports, K_SPRING);
	CLEAN(w->rigid_supports, w->n_rigid_supports, K_RIGID);
	CLEAN(w->line_loads, w->n_line_loads, K_LINE);
	CLEAN(w->moments, w->n_moments, K_MOMENT);
	CLEAN(w->uniform_loads, w->n_uniform_loads, K_UNIFORM);
	CLEAN(w->surcharges, w->n_surcharges, K_SURCHARGE);
	CLEAN(w->normal_forces, w->n_normal_forces, K_NORMAL);
	CLEAN(w->stages, w->n_stages, K_STAGE);
#undef CLEAN
	for (int i = 0; i < w->n_anchors; i++)
		w->anchors[i].side = w->anchors[i].side == SP_RIGHT;
	for (int i = 0; i < w->n_struts; i++)
		w->struts[i].side = w->struts[i].side == SP_RIGHT;
	for (int i = 0; i < w->n_spring_supports; i++)
		w->spring_supports[i].rot_fixed = w->spring_supports[i].trans_fixed = 0;
	for (int i = 0; i < w->n_rigid_supports; i++) {
		sp_wall_support_t *r = &w->rigid_supports[i];
		r->rot_stiffness_kNm_per_rad_per_m = r->trans_stiffness_kN_per_m_per_m = 0;
		r->rot_fixed = !!r->rot_fixed;
		r->trans_fixed = !!r->trans_fixed;
	}
	for (int i = 0; i < w->n_surcharges; i++) {
		sp_wall_surcharge_t *s = &w->surcharges[i];
		if (s->n_points < 0 || s->n_points > SP_WALL_MAX_SURCHARGE_POINTS)
			return sp_err_set(err, SP_EDATA, "surcharge '%s' has %d points", s->name, s->n_points);
		S_ZERO_TAIL(s->distance_m, s->n_points);
		S_ZERO_TAIL(s->value_kPa, s->n_points);
	}
	w->unloading_curve = !!w->unloading_curve;
	w->single_pile = !!w->single_pile;
	w->reduce_delta = !!w->reduce_delta;
	w->minor_nodes = !!w->minor_nodes;
	w->first_stage_initial = !!w->first_stage_initial;
	w->diaphragm = !!w->diaphragm;
	w->plastic = !!w->plastic;
	for (int i = 0; i < w->n_stages; i++) {
		sp_wall_stage_t *s = &w->stages[i];
		for (int side = 0; side < 2; side++) {
			s->kmethod[side] = s->kmethod[side] == SP_KMETHOD_GIVEN ? SP_KMETHOD_GIVEN : SP_KMETHOD_CPHID;
			if (s->profile[side] < 0 || s->profile[side] > w->n_profiles)
				return sp_err_set(err, SP_EDATA, "stage '%s' names soil profile %d of %d", s->name,
				                  s->profile[side], w->n_profiles);
			if (s->n_surface_points[side] < 0 || s->n_surface_points[side] > SP_WALL_MAX_SURFACE_POINTS)
				return sp_err_set(err, SP_EDATA, "stage '%s' has %d surface points", s->name,
				                  s->n_surface_points[side]);
			S_ZERO_TAIL(s->surface_distance_m[side], s->n_surface_points[side]);
			S_ZERO_TAIL(s->surface_level_m[side], s->n_surface_points[side]);
		}
		for (int j = 0; j < SP_WALL_MAX_ITEMS; j++) {
			s->anchor_on[j] = j < w->n_anchors && s->anchor_on[j];
			if (!s->anchor_on[j])
				s->anchor_prestress_kN_per_m[j] = 0;
			s->strut_on[j] = j < w->n_struts && s->strut_on[j];
			if (!s->strut_on[j])
				s->strut_precompression_kN_per_m[j] = 0;
			s->spring_support_on[j] = j < w->n_spring_supports && s->spring_support_on[j];
			s->rigid_support_on[j] = j < w->n_rigid_supports && s->rigid_support_on[j];
			s->uniform_load_on[j] = j < w->n_uniform_loads && s->uniform_load_on[j];
			for (int side = 0; side < 2; side++)
				s->surcharge_on[side][j] = j < w->n_surcharges && s->surcharge_on[side][j];
			s->line_load_on[j] = j < w->n_line_loads && s->line_load_on[j];
			s->moment_on[j] = j < w->n_moments && s->moment_on[j];
			s->normal_force_on[j] = j < w->n_normal_forces && s->normal_force_on[j];
		}
		s->use_top_displacement = !!s->use_top_displacement;
		if (!s->use_top_displacement)
			s->top_displacement_mm = 0;
	}
	return SP_OK;
}

/* ---- writing ------------------------------------------------------------ */

/* The shortest form that reads back to the same double: %g, or plain
 * decimals where %g would switch to an exponent for an ordinary number
 * (30, not 3e+01). */
static const char *S_fmt(char buf[32], double v)
{
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, 32, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strchr(buf, 'e') && fabs(v) >= 1e-4 && fabs(v) < 1e15) {
		char f[48];
		for (int d = 0; d <= 20; d++) {
			snprintf(f, sizeof f, "%.*f", d, v);
			if (strtod(f, NULL) == v) {
				if (strlen(f) < 32)
					memcpy(buf, f, strlen(f) + 1);
				break;
			}
		}
	}
	return buf;
}

static void S_put(FILE *fp, const char *key, double v)
{
	char b[32];
	fprintf(fp, "%s = %s\n", key, S_fmt(b, v));
}

/* A comma list, continued on indented lines before it grows too long. */
typedef struct {
	FILE *fp;
	int col, n;
} S_list;

static void S_list_item(S_list *l, const char *key, const char *item)
{
	size_t len = strlen(item);
	if (l->n == 0) {
		l->col = fprintf(l->fp, "%s = %s", key, item);
	} else if (l->col + 2 + (int)len > 100) {
		l->col = fprintf(l->fp, ",\n    %s", item) - 2;
	} else {
		l->col += fprintf(l->fp, ", %s", item);
	}
	l->n++;
}

static void S_list_end(S_list *l)
{
	if (l->n)
		fputc('\n', l->fp);
	l->n = 0;
}

/* The load's kind when it is not the default (permanent, auto). */
static void S_put_load_kind(FILE *fp, const sp_wall_load_kind_t *kind)
{
	if (kind->variable)
		fprintf(fp, "load_type = %s\n", S_load_type_words[1]);
	if (kind->favourable != SP_LOAD_AUTO)
		fprintf(fp, "favourable = %s\n", S_favourable_words[kind->favourable]);
}

static void S_put_list(FILE *fp, const char *key, const double *v, int n)
{
	S_list l = {fp, 0, 0};
	char b[32];
	for (int i = 0; i < n; i++)
		S_list_item(&l, key, S_fmt(b, v[i]));
	S_list_end(&l);
}

static void S_put_refs(FILE *fp, const char *key, const void *items, size_t stride, const int *on, const double *val)
{
	S_list l = {fp, 0, 0};
	for (int i = 0; i < SP_WALL_MAX_ITEMS; i++) {
		if (!on[i])
			continue;
		const char *name = (const char *)items + (size_t)i * stride;
		char item[SP_NAME_MAX + 40], b[32];
		if (val && val[i] != 0)
			snprintf(item, sizeof item, "%s@%s", name, S_fmt(b, val[i]));
		else
			sp_strlcpy(item, name, sizeof item);
		S_list_item(&l, key, item);
	}
	S_list_end(&l);
}

static void S_put_anchor(FILE *fp, const sp_wall_anchor_t *a)
{
	S_put(fp, "level_m", a->level_m);
	S_put(fp, "e_kPa", a->e_kPa);
	S_put(fp, "area_m2_per_m", a->area_m2_per_m);
	S_put(fp, "length_m", a->length_m);
	S_put(fp, "yield_force_kN_per_m", a->yield_force_kN_per_m);
	S_put(fp, "angle_deg", a->angle_deg);
	if (a->anchorage_height_m > 0)
		S_put(fp, "anchorage_height_m", a->anchorage_height_m);
	fprintf(fp, "side = %s\n", a->side == SP_RIGHT ? "right" : "left");
}

/* The keys of item i of kind k (its section and kind of load aside), as
 * S_read_item reads them. */
static void S_put_item(FILE *fp, const sp_wall_t *w, int k, int i)
{
	switch (k) {
	case K_ELEMENT: {
		const sp_wall_element_t *e = &w->elements[i];
		S_put(fp, "bottom_level_m", e->bottom_level_m);
		S_put(fp, "ei_kNm2_per_m", e->ei_kNm2_per_m);
		S_put(fp, "acting_width_m", e->acting_width_m);
		if (e->plastic_moment_kNm_per_m > 0)
			S_put(fp, "plastic_moment_kNm_per_m", e->plastic_moment_kNm_per_m);
		const double *dm = &e->diagram_moment_kNm_per_m[0][0], *de = &e->diagram_ei_kNm2_per_m[0][0];
		int dm_sym = memcmp(dm, dm + 3, 3 * sizeof *dm) == 0, de_sym = memcmp(de, de + 2, 2 * sizeof *de) == 0;
		int any = 0;
		for (int j = 0; j < 6; j++)
			any |= dm[j] != 0.0;
		if (any) {
			S_put_list(fp, "diagram_moment_kNm_per_m", dm, dm_sym ? 3 : 6);
			S_put_list(fp, "diagram_ei_kNm2_per_m", de, de_sym ? 2 : 4);
		}
		if (e->allowable_moment_kNm_per_m > 0)
			S_put(fp, "allowable_moment_kNm_per_m", e->allowable_moment_kNm_per_m);
		break;
	}
	case K_ANCHOR:
	case K_STRUT:
		S_put_anchor(fp, k == K_ANCHOR ? &w->anchors[i] : &w->struts[i]);
		break;
	case K_SPRING:
	case K_RIGID: {
		const sp_wall_support_t *s = k == K_SPRING ? &w->spring_supports[i] : &w->rigid_supports[i];
		S_put(fp, "level_m", s->level_m);
		if (k == K_SPRING) {
			S_put(fp, "rot_stiffness_kNm_per_rad_per_m", s->rot_stiffness_kNm_per_rad_per_m);
			S_put(fp, "trans_stiffness_kN_per_m_per_m", s->trans_stiffness_kN_per_m_per_m);
		} else {
			fprintf(fp, "fix_rotation = %s\nfix_translation = %s\n", s->rot_fixed ? "yes" : "no",
			        s->trans_fixed ? "yes" : "no");
		}
		break;
	}
	case K_LINE:
	case K_MOMENT: {
		const sp_wall_point_load_t *p = k == K_LINE ? &w->line_loads[i] : &w->moments[i];
		S_put(fp, "level_m", p->level_m);
		S_put(fp, k == K_LINE ? "value_kN_per_m" : "value_kNm_per_m", p->value);
		break;
	}
	case K_UNIFORM:
		S_put(fp, "left_kPa", w->uniform_loads[i].left_kPa);
		S_put(fp, "right_kPa", w->uniform_loads[i].right_kPa);
		break;
	case K_SURCHARGE:
		S_put_list(fp, "distance_m", w->surcharges[i].distance_m, w->surcharges[i].n_points);
		S_put_list(fp, "value_kPa", w->surcharges[i].value_kPa, w->surcharges[i].n_points);
		break;
	case K_NORMAL: {
		const sp_wall_normal_force_t *f = &w->normal_forces[i];
		S_put(fp, "at_top_kN", f->at_top_kN);
		S_put(fp, "at_surface_left_kN", f->at_surface_left_kN);
		S_put(fp, "at_surface_right_kN", f->at_surface_right_kN);
		S_put(fp, "at_toe_kN", f->at_toe_kN);
		break;
	}
	case K_STAGE: {
		const sp_wall_stage_t *s = &w->stages[i];
		S_put(fp, "left_surface_m", s->surface_m[SP_LEFT]);
		S_put(fp, "right_surface_m", s->surface_m[SP_RIGHT]);
		S_put(fp, "left_water_m", s->water_m[SP_LEFT]);
		S_put(fp, "right_water_m", s->water_m[SP_RIGHT]);
		fprintf(fp, "left_method = %s\nright_method = %s\n", S_kmethod_words[s->kmethod[SP_LEFT]],
		        S_kmethod_words[s->kmethod[SP_RIGHT]]);
		for (int side = 0; side < 2; side++)
			if (s->profile[side] > 0)
				fprintf(fp, "%s_soil_profile = %s\n", side == SP_LEFT ? "left" : "right",
				        w->profiles[s->profile[side] - 1].name);
		for (int side = 0; side < 2; side++) {
			if (s->n_surface_points[side] == 0)
				continue;
			S_put_list(fp, side == SP_LEFT ? "left_surface_distances_m" : "right_surface_distances_m",
			           s->surface_distance_m[side], s->n_surface_points[side]);
			S_put_list(fp, side == SP_LEFT ? "left_surface_levels_m" : "right_surface_levels_m",
			           s->surface_level_m[side], s->n_surface_points[side]);
		}
#define REFS(key, arr, on, val) S_put_refs(fp, key, w->arr, sizeof w->arr[0], s->on, val)
		REFS("anchors", anchors, anchor_on, s->anchor_prestress_kN_per_m);
		REFS("struts", struts, strut_on, s->strut_precompression_kN_per_m);
		REFS("spring_supports", spring_supports, spring_support_on, NULL);
		REFS("rigid_supports", rigid_supports, rigid_support_on, NULL);
		REFS("uniform_loads", uniform_loads, uniform_load_on, NULL);
		REFS("surcharges_left", surcharges, surcharge_on[SP_LEFT], NULL);
		REFS("surcharges_right", surcharges, surcharge_on[SP_RIGHT], NULL);
		REFS("line_loads", line_loads, line_load_on, NULL);
		REFS("moment_loads", moments, moment_on, NULL);
		REFS("normal_forces", normal_forces, normal_force_on, NULL);
#undef REFS
		if (s->use_top_displacement)
			S_put(fp, "top_displacement_mm", s->top_displacement_mm);
		break;
	}
	}
}

static void S_write(FILE *fp, const sp_wall_t *w, const char *source_name)
{
	char src[128];
	size_t n = 0;
	for (const char *p = source_name ? source_name : "?"; *p && n + 1 < sizeof src; p++)
		src[n++] = ((unsigned char)*p < 0x20) ? '_' : *p;
	src[n] = '\0';
	fprintf(fp, "; Study file imported from %s by sheetpile import-dsheet.\n", src);
	fputs("; It analyses exactly this wall, stage by stage, with the subgrade-reaction method;\n"
	      "; the keys are described in docs/study-file.md (\"Subgrade-reaction studies\").\n"
	      "; Levels in m (upwards positive), forces per m run of wall; left is side 0.\n",
	      fp);
	sp_study_notes_write(fp, w); /* [dsheet] note_N: read back, repeated by analyze and run */
	fprintf(fp, "\n[study]\nname = %s\n\n[design]\nmethod = subgrade\n\n[subgrade]\n", w->name);
	fprintf(fp, "branches = %d\n", w->n_branches);
	fprintf(fp, "unloading_curve = %s\n", w->unloading_curve ? "yes" : "no");
	fprintf(fp, "reduce_delta = %s\n", w->reduce_delta ? "yes" : "no");
	if (!w->minor_nodes)
		fputs("minor_nodes = no\n", fp);
	if (w->first_stage_initial)
		fputs("first_stage_initial = yes\n", fp);
	if (w->diaphragm)
		fputs("diaphragm = yes\n", fp);
	if (w->plastic)
		fputs("plastic = yes\n", fp);
	if (w->mesh == SP_WALL_MESH_DSHEET)
		fputs("mesh = dsheet\n", fp);
	S_put(fp, "max_element_m", w->max_element_m);
	fprintf(fp, "max_iterations = %d\n", w->max_iterations);
	S_put(fp, "tolerance_kPa", w->tolerance_kPa);
	S_put(fp, "gamma_water_kN_m3", w->gamma_water_kN_m3);

	for (int i = 0; i < w->n_soils; i++) {
		const sp_wall_layer_t *L = i < w->n_layers ? &w->layers[i] : NULL;
		const sp_wall_soil_t *s = &w->soils[i];
		if (L) {
			fprintf(fp, "\n[layer %s]\n", s->name);
			S_put(fp, "top_level_m", L->top_level_m);
		} else {
			fprintf(fp, "\n[soil %s]\n", s->name);
		}
		S_put(fp, "gamma_kN_m3", s->gamma_dry_kN_m3);
		S_put(fp, "gamma_sat_kN_m3", s->gamma_wet_kN_m3);
		S_put(fp, "c_kPa", s->c_kPa);
		S_put(fp, "phi_deg", s->phi_deg);
		S_put(fp, "delta_deg", s->delta_deg);
		S_put(fp, "ocr", s->ocr);
		if (s->ka != 0)
			S_put(fp, "ka", s->ka);
		S_put(fp, "k0", s->k0);
		if (s->kp != 0)
			S_put(fp, "kp", s->kp);
		int nb = w->n_branches < 1 ? 1 : w->n_branches;
		for (int b = nb; b < SP_WALL_BRANCHES; b++)
			if (s->kh_top_kN_m3[b] != 0 || s->kh_bottom_kN_m3[b] != 0)
				nb = b + 1;
		S_put_list(fp, "kh_kN_m3", s->kh_top_kN_m3, nb);
		S_put_list(fp, "kh_bottom_kN_m3", s->kh_bottom_kN_m3, nb);
		S_put(fp, "kh_unload_kN_m3", s->kh_unload_top_kN_m3);
		S_put(fp, "kh_unload_bottom_kN_m3", s->kh_unload_bottom_kN_m3);
		S_put_list(fp, "branch_end_pct", s->branch_end_pct, SP_WALL_BRANCHES - 1);
		if (L == NULL)
			continue;
		if (L->excess_pore_top_kPa != 0)
			S_put(fp, "excess_pore_top_kPa", L->excess_pore_top_kPa);
		if (L->excess_pore_bottom_kPa != 0)
			S_put(fp, "excess_pore_bottom_kPa", L->excess_pore_bottom_kPa);
	}
	for (int k = 0; k < w->n_profiles; k++) {
		const sp_wall_profile_t *p = &w->profiles[k];
		double v[3][SP_WALL_MAX_LAYERS];
		int excess = 0;
		fprintf(fp, "\n[soil-profile %s]\n", p->name);
		S_list l = {fp, 0, 0};
		for (int i = 0; i < p->n_layers; i++) {
			S_list_item(&l, "layers", w->soils[p->layers[i].soil].name);
			v[0][i] = p->layers[i].top_level_m;
			v[1][i] = p->layers[i].excess_pore_top_kPa;
			v[2][i] = p->layers[i].excess_pore_bottom_kPa;
			excess = excess || v[1][i] != 0 || v[2][i] != 0;
		}
		S_list_end(&l);
		S_put_list(fp, "top_levels_m", v[0], p->n_layers);
		if (excess) {
			S_put_list(fp, "excess_pore_top_kPa", v[1], p->n_layers);
			S_put_list(fp, "excess_pore_bottom_kPa", v[2], p->n_layers);
		}
	}

	fputs("\n[wall]\n", fp);
	S_put(fp, "top_level_m", w->top_level_m);
	S_put(fp, "length_m", w->length_m);
	if (w->single_pile)
		fputs("model = single-pile\n", fp);
	if (w->n_soil_displacements > 0) {
		S_put_list(fp, "soil_displacement_levels_m", w->soil_displacement_level_m, w->n_soil_displacements);
		S_put_list(fp, "soil_displacements_mm", w->soil_displacement_mm, w->n_soil_displacements);
	}
	for (int k = 0; k < K_N; k++)
		for (int i = 0; i < S_n_items(w, k); i++) {
			const char *item = S_item(w, k, i);
			fprintf(fp, "\n[%s %s]\n", S_kinds[k].section, item);
			S_put_item(fp, w, k, i);
			if (S_kinds[k].load_kind)
				S_put_load_kind(fp, (const sp_wall_load_kind_t *)(item + S_kinds[k].load_kind));
		}
	sp_study_calc_write(fp, w);
}

int sp_study_write_wall(FILE *fp, const sp_wall_t *w, const char *source_name, sp_err_t *err)
{
	sp_wall_t *n = malloc(sizeof *n);
	if (n == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	*n = *w;
	int rc = sp_study_wall_normalise(n, err);
	if (rc == SP_OK) {
		S_write(fp, n, source_name);
		if (ferror(fp))
			rc = sp_err_set(err, SP_EIO, "write error");
	}
	free(n);
	return rc;
}
