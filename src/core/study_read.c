/* study_read.c - INI study file -> sp_study_t.
 *
 * Two passes. The INI layer (sp_ini.c) reads the file into a table of
 * (section, key, value, line) entries. The second pass, here, looks every
 * known key up, converts and checks it; whatever was never looked up is an
 * unknown key or section. */
#include "study_read.h"
#include "datadir.h"
#include "sp_ini.h"
#include "study_calc.h"
#include "study_solver.h"
#include "study_wall.h"


#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


typedef struct {
	char (*names)[SP_NAME_MAX];
	size_t n, cap;
} S_names;

/* A name goes into messages, the summary and files: a control character
 * (bytes below 0x20, DEL) in it could drive a terminal, so it is refused. */
static int S_has_control(const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 1;
	return 0;
}

static int S_add_name(sp_ini_t *c, sp_ini_entry_t *e, const char *item, void *user)
{
	S_names *l = user;
	if (strlen(item) >= SP_NAME_MAX)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': name '%s' is longer than %d characters", sp_ini_path(c),
		              e->line, e->section, e->key, item, SP_NAME_MAX - 1);
	if (S_has_control(item))
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': name '%s' holds a control character", sp_ini_path(c),
		                   e->line, e->section, e->key, item);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->names[i], item) == 0)
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': '%s' is listed twice", sp_ini_path(c), e->line,
			              e->section, e->key, item);
	if (sp_grow(&l->names, &l->cap, l->n, sizeof *l->names, 16) != 0)
		return sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
	sp_strlcpy(l->names[l->n++], item, SP_NAME_MAX);
	return 0;
}

typedef struct {
	double *v;
	size_t n, cap;
} S_doubles;

static int S_push(sp_ini_t *c, S_doubles *d, double v)
{
	if (sp_grow(&d->v, &d->cap, d->n, sizeof *d->v, 16) != 0)
		return sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
	d->v[d->n++] = v;
	return 0;
}

#define SP_MAX_AXIS 100000 /* points on one search axis */

/* "start:step:stop" or a single length */
static int S_add_length(sp_ini_t *c, sp_ini_entry_t *e, const char *item, void *user)
{
	S_doubles *d = user;
	char buf[256];
	sp_strlcpy(buf, item, sizeof buf);
	char *c1 = strchr(buf, ':');
	if (c1 == NULL) {
		double v;
		if (sp_ini_to_double(buf, &v) != 0 || v <= 0 || v > 200)
			return sp_ini_fail(c, SP_EDATA,
			              "%s:%d: [search] key 'length_m': expected a pile length in (0, 200] m or "
			              "start:step:stop, got '%s'",
			              sp_ini_path(c), e->line, item);
		return S_push(c, d, v);
	}
	char *c2 = strchr(c1 + 1, ':');
	double a, s, b;
	if (c2 == NULL)
		goto bad;
	*c1 = *c2 = '\0';
	if (sp_ini_to_double(buf, &a) || sp_ini_to_double(c1 + 1, &s) || sp_ini_to_double(c2 + 1, &b))
		goto bad;
	if (a <= 0 || b > 200 || s <= 0 || b < a)
		return sp_ini_fail(c, SP_EDATA,
		              "%s:%d: [search] key 'length_m': range '%s' must have 0 < start <= stop <= 200 m "
		              "and step > 0",
		              sp_ini_path(c), e->line, item);
	double steps = floor((b - a) / s + 1e-9);
	if (steps + 1 > SP_MAX_AXIS)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [search] key 'length_m': range '%s' has more than %d lengths",
		              sp_ini_path(c), e->line, item, SP_MAX_AXIS);
	for (long i = 0; i <= (long)steps; i++)
		if (S_push(c, d, a + (double)i * s))
			return sp_ini_status(c);
	return 0;
bad:
	return sp_ini_fail(c, SP_EDATA, "%s:%d: [search] key 'length_m': expected start:step:stop in m, got '%s'",
	              sp_ini_path(c), e->line, item);
}

typedef struct {
	sp_anchor_option_t *a;
	size_t n, cap;
} S_anchors;

static int S_add_anchor(sp_ini_t *c, sp_ini_entry_t *e, const char *item, void *user)
{
	S_anchors *l = user;
	sp_anchor_option_t opt = {0, 0.0};
	if (strcmp(item, "none") != 0) {
		if (sp_ini_to_double(item, &opt.level_m) != 0)
			return sp_ini_fail(c, SP_EDATA,
			              "%s:%d: [anchor] key 'levels_m': expected 'none' or an anchor level in m, got '%s'",
			              sp_ini_path(c), e->line, item);
		opt.anchored = 1;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->a[i].anchored == opt.anchored && (!opt.anchored || l->a[i].level_m == opt.level_m))
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [anchor] key 'levels_m': '%s' is listed twice", sp_ini_path(c),
			              e->line, item);
	if (sp_grow(&l->a, &l->cap, l->n, sizeof *l->a, 8) != 0)
		return sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
	l->a[l->n++] = opt;
	return 0;
}

/* ---- the study -------------------------------------------------------- */

/* [sensitivity]: optional; at least one amount when given. */
static void S_read_sensitivity(sp_ini_t *c, sp_study_t *st)
{
	static const double hi[SP_SENS_N] = {20, 1000, 10, 1000, 100, 100, 1000};
	static const char *const what[SP_SENS_N] = {
		"change or standard deviation of phi', deg", "change or standard deviation of c', kPa",
		"change or standard deviation of the unit weights, kN/m3", "change or standard deviation of c_u, kPa",
		"change or standard deviation of the retained-side water level, m",
		"change or standard deviation of the excavation-side water level, m",
		"change or standard deviation of the surcharge, kPa"};
	const char *k = "sensitivity";
	sp_sensitivity_t *s = &st->sensitivity;
	s->line = sp_ini_section_line(c, k);
	s->enabled = s->line > 0;
	s->top = sp_ini_int(c, k, "top", 3, 1, 20, "best designs studied");
	s->samples = sp_ini_int(c, k, "samples", 0, 0, 100000, "Monte Carlo samples, 0 = one parameter at a time");
	s->seed = (unsigned long)sp_ini_int(c, k, "seed", 1, 0, 2147483647, "seed of the Monte Carlo samples");
	for (int i = 0; i < SP_SENS_N; i++)
		s->amount[i] = sp_ini_num(c, k, sp_study_sens_keys[i], 0, 0, 0, 0, hi[i], 0, what[i]);
}

/* [durability] (EN 1993-5 4.4): per face either an exposure of Tables
 * 4.1/4.2 (then design_life_years is required) or the loss given directly
 * in mm, never both. Absent: no corrosion allowance. */
static void S_read_durability(sp_ini_t *c, sp_study_t *st)
{
	static const char *const face_key[2][2] = {{"exposure_retained", "loss_retained_mm"},
	                                          {"exposure_excavation", "loss_excavation_mm"}};
	const char *k = "durability";
	sp_durability_t *d = &st->durability;
	d->line = sp_ini_section_line(c, k);
	d->enabled = d->line > 0;
	d->exposure[0] = d->exposure[1] = -1;
	d->loss_given_mm[0] = d->loss_given_mm[1] = -1;
	if (!d->enabled)
		return;
	int named = 0;
	for (int f = 0; f < 2 && !sp_ini_status(c); f++) {
		int le = 0, ll = 0;
		sp_ini_value(c, k, face_key[f][0], &le);
		sp_ini_value(c, k, face_key[f][1], &ll);
		if (le && ll) {
			sp_ini_fail(c, SP_EDATA,
			            "%s:%d: [durability] key '%s': not allowed together with '%s' (line %d): give the "
			            "exposure of EN 1993-5 Table 4.1/4.2 or the loss in mm, not both",
			            sp_ini_path(c), le > ll ? le : ll, le > ll ? face_key[f][0] : face_key[f][1],
			            le > ll ? face_key[f][1] : face_key[f][0], le > ll ? ll : le);
			return;
		}
		if (!le && !ll) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [durability]: missing key '%s' or '%s' (the corrosion of the %s face)",
			            sp_ini_path(c), d->line, face_key[f][0], face_key[f][1], f == 0 ? "retained" : "excavation");
			return;
		}
		if (le) {
			d->exposure[f] = sp_ini_word(c, k, face_key[f][0], 0, sp_study_exposure_words);
			named = 1;
		} else {
			d->loss_given_mm[f] = sp_ini_num(c, k, face_key[f][1], 1, 0, 0, 0, 20, 0,
			                                 "loss of thickness of this face over the design life, mm");
		}
	}
	int ll = 0;
	sp_ini_value(c, k, "design_life_years", &ll);
	if (named || ll)
		d->design_life_years = sp_ini_num(c, k, "design_life_years", named, 0, 5, 0, 100, 0,
		                                  "design life, years (EN 1993-5 Tables 4.1/4.2: 5 to 100, linear in between)");
}

/* After the unknown keys (a misspelt amount is reported as such). */
static void S_check_sensitivity(sp_ini_t *c, const sp_study_t *st)
{
	const sp_sensitivity_t *s = &st->sensitivity;
	int any = 0;
	for (int i = 0; i < SP_SENS_N; i++)
		any |= s->amount[i] > 0;
	if (s->enabled && !any && !sp_ini_status(c))
		sp_ini_fail(c, SP_EDATA,
		       "%s:%d: [sensitivity]: give at least one amount > 0 (phi_deg, c_kPa, gamma_kN_m3, cu_kPa, "
		       "water_retained_m, water_excavation_m, surcharge_kPa)",
		       sp_ini_path(c), s->line);
}

/* [objective] weight_cost, weight_mass, weight_co2: only with minimise =
 * weighted; normalised to sum 1. */
static void S_read_weights(sp_ini_t *c, sp_study_t *st)
{
	const char *o = "objective", *keys[] = {"weight_cost", "weight_mass", "weight_co2"};
	double *w[] = {&st->weight_cost, &st->weight_mass, &st->weight_co2};
	int weighted = st->objective == SP_OBJ_WEIGHTED;
	double sum = 0;
	for (int i = 0; i < 3 && !sp_ini_status(c); i++) {
		int line;
		const char *v = sp_ini_value(c, o, keys[i], &line);
		if (v && !weighted) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [objective] key '%s': weights are used only with minimise = weighted",
			       sp_ini_path(c), line, keys[i]);
			return;
		}
		*w[i] = sp_ini_num(c, o, keys[i], 0, i == 0 ? 1.0 : 0.0, 0, 0, 1e6, 0, "weight of this quantity (>= 0)");
		sum += *w[i];
	}
	if (sp_ini_status(c))
		return;
	if (weighted && !(sum > 0)) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [objective]: minimise = weighted needs a weight_cost, weight_mass or "
		       "weight_co2 above 0", sp_ini_path(c), sp_ini_section_line(c, o));
		return;
	}
	for (int i = 0; i < 3; i++)
		*w[i] /= sum;
}

static void S_read_layers(sp_ini_t *c, sp_study_t *st, int subgrade)
{
	size_t n = 0;
	for (size_t i = 0; i < sp_ini_n_sections(c); i++)
		if (strncmp(sp_ini_section_at(c, i)->name, "layer ", 6) == 0)
			n++;
	if (n == 0) {
		sp_ini_fail(c, SP_EDATA, "%s: no soil layer: add at least one [layer NAME] section", sp_ini_path(c));
		return;
	}
	st->layers = calloc(n, sizeof *st->layers);
	if (st->layers == NULL) {
		sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
		return;
	}
	for (size_t i = 0; i < sp_ini_n_sections(c) && !sp_ini_status(c); i++) {
		sp_ini_section_t *s = sp_ini_section_at(c, i);
		if (strncmp(s->name, "layer ", 6) != 0)
			continue;
		s->used = 1;
		sp_layer_t *L = &st->layers[st->n_layers];
		const char *nm = s->name + 6;
		while (isspace((unsigned char)*nm))
			nm++;
		if (*nm == '\0' || strlen(nm) >= SP_NAME_MAX || S_has_control(nm)) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: a layer needs a name of 1 to %d characters, no control "
			            "characters", sp_ini_path(c), s->line, s->name, SP_NAME_MAX - 1);
			return;
		}
		sp_strlcpy(L->name, nm, sizeof L->name);
		L->line = s->line;
		const char *sec = s->name;
		L->top_level_m = sp_ini_num(c, sec, "top_level_m", 1, 0, -1e4, 0, 1e4, 0, "level of the layer top, m");
		/* subgrade (D-Sheet) models take wider ranges: weightless soil, phi up to 90 */
		L->gamma_kN_m3 = sp_ini_num(c, sec, "gamma_kN_m3", 1, 0, 0, !subgrade, 40, 0, "unit weight above water, kN/m3");
		L->gamma_sat_kN_m3 =
			sp_ini_num(c, sec, "gamma_sat_kN_m3", 0, L->gamma_kN_m3, 0, !subgrade, 40, 0, "saturated unit weight, kN/m3");
		L->drainage = (sp_drainage)sp_ini_word(c, sec, "drainage", SP_DRAINED, sp_study_drainage_words);
		int undrained = L->drainage == SP_UNDRAINED;
		L->phi_deg = sp_ini_num(c, sec, "phi_deg", !undrained, 0, 0, 0, subgrade ? 90 : 50, 1,
		                   "effective friction angle phi', degrees");
		L->c_kPa = sp_ini_num(c, sec, "c_kPa", 0, 0, 0, 0, subgrade ? 1e4 : 1000, 0, "effective cohesion c', kPa");
		L->delta_deg = sp_ini_num(c, sec, "delta_deg", 0, 0, subgrade ? -90 : 0, subgrade, subgrade ? 90 : 50, 1,
		                     "wall friction angle delta, degrees");
		L->cu_kPa = sp_ini_num(c, sec, "cu_kPa", undrained, 0, 0, 1, 2000, 0, "undrained shear strength c_u, kPa");
		if (!subgrade) /* subgrade: a list of branch moduli, read by study_wall.c */
			L->kh_kN_m3 = sp_ini_num(c, sec, "kh_kN_m3", 0, 0, 0, 0, 1e7, 0, "modulus of subgrade reaction, kN/m3");
		L->ka_given = sp_ini_num(c, sec, "ka", 0, 0, 0, 1, subgrade ? 10 : 1, 0, "active coefficient Ka given directly");
		L->kp_given = sp_ini_num(c, sec, "kp", 0, 0, subgrade ? 0 : 1, subgrade, subgrade ? 1000 : 100, 0,
		                    "passive coefficient Kp given directly");
		if (sp_ini_status(c))
			return;
		if (L->delta_deg > L->phi_deg && !undrained && !subgrade) {
			sp_ini_entry_t *e = sp_ini_find(c, sec, "delta_deg");
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'delta_deg': wall friction %g deg exceeds phi' = %g deg",
			       sp_ini_path(c), e ? e->line : s->line, sec, L->delta_deg, L->phi_deg);
			return;
		}
		if (L->gamma_sat_kN_m3 < L->gamma_kN_m3 * 0.5) {
			sp_ini_entry_t *e = sp_ini_find(c, sec, "gamma_sat_kN_m3");
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'gamma_sat_kN_m3': %g is less than half of gamma_kN_m3",
			       sp_ini_path(c), e ? e->line : s->line, sec, L->gamma_sat_kN_m3);
			return;
		}
		if (st->n_layers > 0 && L->top_level_m >= st->layers[st->n_layers - 1].top_level_m) {
			sp_ini_entry_t *e = sp_ini_find(c, sec, "top_level_m");
			sp_ini_fail(c, SP_EDATA,
			       "%s:%d: [%s] key 'top_level_m': layers must be given top-down; %g m is not below "
			       "the top of layer '%s' (%g m)",
			       sp_ini_path(c), e ? e->line : s->line, sec, L->top_level_m,
			       st->layers[st->n_layers - 1].name, st->layers[st->n_layers - 1].top_level_m);
			return;
		}
		st->n_layers++;
	}
}


static void S_read_all(sp_ini_t *c, sp_study_t *st)
{
	sp_ini_text(c, "study", "name", st->name, sizeof st->name, "study");
	sp_ini_entry_t *name = sp_ini_find(c, "study", "name");
	if (name && S_has_control(st->name)) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [study] key 'name': '%s' holds a control character", sp_ini_path(c),
		            name->line, st->name);
		return;
	}
	sp_ini_text(c, "study", "description", st->description, sizeof st->description, "");

	/* method = subgrade with a [wall]: the study analyses that wall, and
	 * [geometry], [search] and [cost] become optional */
	sp_ini_entry_t *m = sp_ini_find(c, "design", "method");
	int subgrade = m && strcmp(m->value, "subgrade") == 0;
	int fixed = subgrade && sp_ini_find_section(c, "wall") != NULL;
	int geometry = !fixed || sp_ini_find_section(c, "geometry") != NULL;

	const char *g = "geometry";
	if (!geometry)
		goto layers;
	st->top_of_wall_m = sp_ini_num(c, g, "top_of_wall_m", 1, 0, -1e4, 0, 1e4, 0, "level of the top of the wall, m");
	st->retained_level_m = sp_ini_num(c, g, "retained_level_m", 1, 0, -1e4, 0, 1e4, 0, "retained ground level, m");
	st->excavation_level_m = sp_ini_num(c, g, "excavation_level_m", 1, 0, -1e4, 0, 1e4, 0, "excavation level, m");
	if (sp_ini_status(c))
		return;
	/* the excavation below the retained ground level, the top of the wall not below it */
	const struct {
		const char *key, *what, *rule;
		double level_m;
		int wrong;
	} order[] = {
		{"excavation_level_m", "the excavation", "must be below", st->excavation_level_m,
		 st->excavation_level_m >= st->retained_level_m},
		{"top_of_wall_m", "the top of the wall", "must not be below", st->top_of_wall_m,
		 st->top_of_wall_m < st->retained_level_m},
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (order[i].wrong) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [geometry] key '%s': %s (%g m) %s the retained ground level (%g m)",
			            sp_ini_path(c), sp_ini_find(c, g, order[i].key)->line, order[i].key, order[i].what,
			            order[i].level_m, order[i].rule, st->retained_level_m);
			return;
		}
	}

layers:
	S_read_layers(c, st, subgrade);
	if (sp_ini_status(c))
		return;
	if (!fixed && st->layers[0].top_level_m < st->retained_level_m) {
		sp_ini_fail(c, SP_EDATA,
		       "%s:%d: [layer %s] key 'top_level_m': the first layer must start at or above the retained "
		       "ground level (%g m), not at %g m",
		       sp_ini_path(c), st->layers[0].line, st->layers[0].name, st->retained_level_m, st->layers[0].top_level_m);
		return;
	}

	const char *w = "water";
	double below = st->excavation_level_m - 1e3;
	st->water_retained_m = sp_ini_num(c, w, "level_retained_m", 0, below, -1e4, 0, 1e4, 0, "water level, retained side, m");
	st->water_excavation_m = sp_ini_num(c, w, "level_excavation_m", 0, below, -1e4, 0, 1e4, 0, "water level, excavation side, m");
	st->gamma_w_kN_m3 = sp_ini_num(c, w, "gamma_w_kN_m3", 0, 9.81, 9, 0, 11, 0, "unit weight of water, kN/m3");

	st->surcharge_kPa = sp_ini_num(c, "loads", "surcharge_kPa", 0, 0, 0, 0, 1000, 0, "uniform surcharge, kPa");
	st->surcharge_variable = sp_ini_word(c, "loads", "surcharge_action", 0, sp_study_action_words) == 0;

	const char *a = "anchor";
	S_anchors an = {0};
	sp_ini_entry_t *e = sp_ini_find(c, a, "levels_m");
	if (e)
		sp_ini_split(c, e, S_add_anchor, &an);
	else
		S_add_anchor(c, NULL, "none", &an);
	st->anchors = an.a;
	st->n_anchors = an.n;
	for (size_t i = 0; i < an.n && !sp_ini_status(c); i++)
		if (an.a[i].anchored && (an.a[i].level_m > st->top_of_wall_m || an.a[i].level_m <= st->excavation_level_m))
			sp_ini_fail(c, SP_EDATA,
			       "%s:%d: [anchor] key 'levels_m': anchor level %g m must lie between the excavation "
			       "(%g m, excluded) and the top of the wall (%g m)",
			       sp_ini_path(c), e->line, an.a[i].level_m, st->excavation_level_m, st->top_of_wall_m);
	st->anchor_inclination_deg = sp_ini_num(c, a, "inclination_deg", 0, 0, 0, 0, 60, 0, "anchor inclination below horizontal, degrees");
	st->anchor_spacing_m = sp_ini_num(c, a, "spacing_m", 0, 2.5, 0, 1, 20, 0, "horizontal anchor spacing, m");
	st->anchor_capacity_kN = sp_ini_num(c, a, "capacity_kN", 0, 0, 0, 0, 1e5, 0, "design resistance of one anchor, kN");
	st->anchor_area_m2_per_m = 1e-3;
	if (subgrade)
		st->anchor_area_m2_per_m = sp_ini_num(c, a, "area_m2_per_m", 0, 1e-3, 0, 1, 1, 0, "tendon cross-section per m run, m2/m");
	st->kranz_checked = sp_ini_find(c, a, "length_m") != NULL;
	st->anchor_length_m = sp_ini_num(c, a, "length_m", 0, 10, 0, 1, 200, 0, "free length of the tendon, m");
	st->anchorage_height_m = sp_ini_num(c, a, "anchorage_height_m", 0, 0, 0, 0, 100, 0,
	                                    "height of the anchor wall for the Kranz check, m (0 = a point)");
	if (sp_ini_status(c))
		return;

	int search = !fixed || sp_ini_find_section(c, "search") != NULL;
	int cost = !fixed || sp_ini_find_section(c, "cost") != NULL;

	const char *s = "search";
	S_names pr = {0}, gr = {0};
	e = sp_ini_find(c, s, "profiles");
	if (!search)
		;
	else if (e == NULL)
		sp_ini_missing(c, s, "profiles", "'all' or a comma-separated list of catalogue profiles");
	else if (strcmp(e->value, "all") == 0)
		st->all_profiles = 1, st->profiles_line = e->line;
	else
		sp_ini_split(c, e, S_add_name, &pr), st->profiles_line = e->line;
	st->profiles = pr.names;
	st->n_profiles = pr.n;
	e = sp_ini_find(c, s, "grades");
	if (e == NULL && !sp_ini_status(c) && search)
		sp_ini_missing(c, s, "grades", "comma-separated list of steel grades, e.g. S355GP");
	else if (e)
		sp_ini_split(c, e, S_add_name, &gr), st->grades_line = e->line;
	st->grades = gr.names;
	st->n_grades = gr.n;
	S_doubles len = {0};
	e = sp_ini_find(c, s, "length_m");
	if (e == NULL && !sp_ini_status(c) && search)
		sp_ini_missing(c, s, "length_m", "pile lengths, m: start:step:stop or a list");
	else if (e)
		sp_ini_split(c, e, S_add_length, &len);
	st->lengths_m = len.v;
	st->n_lengths = len.n;
	st->search = (sp_search_strategy)sp_ini_word(c, s, "strategy", SP_SEARCH_EXHAUSTIVE, sp_study_search_words);
	st->refine_anchor = sp_ini_word(c, s, "refine_anchor", 0, sp_study_yesno_words);
	st->refine_anchor_tol_m = sp_ini_num(c, s, "refine_anchor_tol_m", 0, 0.01, 1e-4, 0, 1, 0,
	                                "tolerance on the refined anchor level, m");
	if (sp_ini_status(c))
		return;

	const char *d = "design";
	st->method = (sp_method)sp_ini_word(c, d, "method", SP_METHOD_LE, sp_study_method_words);
	st->earth_pressure = (sp_earth_theory)sp_ini_word(c, d, "earth_pressure", SP_EARTH_EC7, sp_study_theory_words);
	st->cantilever_method = (sp_cantilever_method)sp_ini_word(c, d, "cantilever_method", SP_CANTILEVER_FULL, sp_study_cantilever_words);
	st->safety = (sp_safety)sp_ini_word(c, d, "safety", SP_SAFETY_KP_FACTOR, sp_study_safety_words);
	st->kp_factor = sp_ini_num(c, d, "kp_factor", 0, 1.5, 1, 0, 5, 0, "factor dividing Kp");
	st->embedment_factor = sp_ini_num(c, d, "embedment_factor", 0, 1.2, 1, 0, 3, 0, "factor on the equilibrium embedment");
	st->blum_toe_extension = sp_ini_num(c, d, "blum_toe_extension", 0, 0.2, 0, 0, 1, 0, "Blum toe extension, fraction of the depth to the point of rotation");
	/* EN 1997-1 Annex A recommended values (Tables A.3, A.4, A.13) as defaults */
	st->gamma_phi = sp_ini_num(c, d, "gamma_phi", 0, 1.25, 1, 0, 3, 0, "EC7 M2 factor on tan(phi')");
	st->gamma_c = sp_ini_num(c, d, "gamma_c", 0, 1.25, 1, 0, 3, 0, "EC7 M2 factor on c'");
	st->gamma_cu = sp_ini_num(c, d, "gamma_cu", 0, 1.4, 1, 0, 3, 0, "EC7 M2 factor on c_u");
	st->gamma_gamma = sp_ini_num(c, d, "gamma_gamma", 0, 1.0, 1, 0, 3, 0, "EC7 M2 factor on the weight density");
	st->gamma_g = sp_ini_num(c, d, "gamma_g", 0, 1.35, 1, 0, 3, 0, "EC7 A1 factor on permanent actions");
	st->gamma_q_a1 = sp_ini_num(c, d, "gamma_q_a1", 0, 1.5, 1, 0, 3, 0, "EC7 A1 factor on variable actions");
	st->gamma_g_a2 = sp_ini_num(c, d, "gamma_g_a2", 0, 1.0, 1, 0, 3, 0, "EC7 A2 factor on permanent actions");
	st->gamma_q = sp_ini_num(c, d, "gamma_q", 0, 1.3, 1, 0, 3, 0, "EC7 A2 factor on variable actions");
	st->gamma_r_e_r1 = sp_ini_num(c, d, "gamma_r_e_r1", 0, 1.0, 1, 0, 3, 0, "EC7 R1 factor on earth resistance");
	st->gamma_r_e = sp_ini_num(c, d, "gamma_r_e", 0, 1.4, 1, 0, 3, 0, "EC7 R2 factor on earth resistance (DA2)");
	st->gamma_r_e_r3 = sp_ini_num(c, d, "gamma_r_e_r3", 0, 1.0, 1, 0, 3, 0, "EC7 R3 factor on earth resistance");
	st->moment_factor = sp_ini_num(c, d, "moment_factor", 0, 1.0, 1, 0, 3, 0, "factor from analysed to design bending moment");
	st->anchor_force_factor = sp_ini_num(c, d, "anchor_force_factor", 0, 1.0, 1, 0, 3, 0, "factor from analysed to design anchor force");
	st->kranz_factor = sp_ini_num(c, d, "kranz_factor", 0, 1.5, 1, 0, 3, 0,
	                              "safety on the allowable anchor force of the Kranz check");
	st->gamma_M0 = sp_ini_num(c, d, "gamma_M0", 0, 1.0, 1, 0, 2, 0, "EN 1993-5 partial factor gamma_M0");
	st->hyd_gamma_g_dst = sp_ini_num(c, d, "hyd_gamma_g_dst", 0, 1.35, 1, 0, 3, 0,
	                             "EN 1997-1 HYD factor on destabilising permanent actions");
	st->hyd_gamma_g_stb = sp_ini_num(c, d, "hyd_gamma_g_stb", 0, 0.9, 0, 1, 1, 0,
	                             "EN 1997-1 HYD factor on stabilising permanent actions");
	st->gamma_M1 = sp_ini_num(c, d, "gamma_M1", 0, 1.1, 1, 0, 2, 0, "EN 1993-5 partial factor gamma_M1 (buckling)");
	sp_study_calc_read_verification(c, st); /* [design] verification, [partial-factors N] */
	st->resistance = (sp_resistance)sp_ini_word(c, d, "resistance", SP_RESIST_ELASTIC, sp_study_resistance_words);
	st->upile_unit = (sp_upile_unit)sp_ini_word(c, d, "u_pile_unit", SP_UPILE_CRIMPED, sp_study_upile_words);
	st->upile_condition = (sp_ground_condition)sp_ini_word(c, d, "u_pile_ground_condition", SP_COND_UNFAVOURABLE, sp_study_condition_words);
	st->tension_cut_off = sp_ini_word(c, d, "tension_cut_off", 1, sp_study_yesno_words);
	st->deflection_limit_mm = sp_ini_num(c, d, "deflection_limit_mm", 0, 0, 0, 0, 1e4, 0, "deflection limit, mm (0 = none)");
	st->mobilised_limit_pct = sp_ini_num(c, d, "mobilised_limit_pct", 0, 100.0, 0, 1, 100, 0,
	                                "largest mobilised passive resistance, % (beam engine)");
	st->max_embedment_m = sp_ini_num(c, d, "max_embedment_m", 0, 60, 1, 0, 500, 0, "deepest embedment searched, m");
	st->embedment_tol_m = sp_ini_num(c, d, "embedment_tol_m", 0, 1e-5, 1e-9, 0, 0.01, 0, "tolerance on the embedment root, m");
	st->max_iterations = sp_ini_int(c, d, "max_iterations", 200, 10, 100000, "root-finder iteration limit");

	const char *k = "cost";
	st->steel_price_per_kg = calloc(st->n_grades ? st->n_grades : 1, sizeof *st->steel_price_per_kg);
	if (st->steel_price_per_kg == NULL) {
		sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
		return;
	}
	double price = sp_ini_num(c, k, "steel_price_per_kg", cost, 0, 0, 1, 1e4, 0, "steel price per kg (all grades)");
	for (size_t i = 0; i < st->n_grades && !sp_ini_status(c); i++) {
		char key[SP_NAME_MAX + 32];
		snprintf(key, sizeof key, "steel_price_per_kg.%s", st->grades[i]);
		st->steel_price_per_kg[i] = sp_ini_num(c, k, key, 0, price, 0, 1, 1e4, 0, "steel price per kg of this grade");
	}
	st->installation_per_m2 = sp_ini_num(c, k, "installation_per_m2", 0, 0, 0, 0, 1e5, 0, "installation cost per m2 of wall");
	st->anchor_cost_each = sp_ini_num(c, k, "anchor_cost_each", 0, 0, 0, 0, 1e7, 0, "cost of one anchor");
	st->co2_kg_per_kg_steel = sp_ini_num(c, k, "co2_kg_per_kg_steel", cost, 0, 0, 0, 100, 0, "embodied CO2 of the steel, kg CO2e per kg (from your supplier's EPD)");
	sp_ini_text(c, k, "currency", st->currency, sizeof st->currency, "EUR");
	st->objective = (sp_objective)sp_ini_word(c, "objective", "minimise", SP_OBJ_COST, sp_study_objective_words);
	S_read_weights(c, st);

	const char *r = "run";
	st->licenses = sp_ini_int(c, r, "licenses", 1024, 1, 1000000, "licences: evaluations running at once");
	st->threads = sp_ini_int(c, r, "threads", 0, 0, 4096, "threads, 0 = all cores");
	st->top_k = sp_ini_int(c, r, "top_k", 20, 1, 1000000, "designs in ranking.csv");
	/* catalogue files relative to the study's folder; absent: the built-in ones */
	char rel[SP_PATH_MAX], def[SP_PATH_MAX];
	sp_datadir_path(def, sizeof def, "profiles.csv"); /* datadir.h: never the source tree */
	sp_ini_text(c, r, "catalogue", rel, sizeof rel, def);
	sp_ini_resolve_path(c, st->catalogue_path, sizeof st->catalogue_path, rel);
	sp_datadir_path(def, sizeof def, "grades.csv");
	sp_ini_text(c, r, "grades", rel, sizeof rel, def);
	sp_ini_resolve_path(c, st->grades_path, sizeof st->grades_path, rel);
	S_read_sensitivity(c, st);
	S_read_durability(c, st);
	if (sp_ini_status(c))
		return;

	if (st->method == SP_METHOD_SUBGRADE) {
		sp_study_read_wall(c, st);
		if (sp_ini_status(c))
			return;
		if (!geometry) { /* from the wall: its top and the final stage's surfaces */
			const sp_wall_stage_t *fin = &st->wall->stages[st->wall->n_stages - 1];
			st->top_of_wall_m = st->wall->top_level_m;
			st->retained_level_m = fmax(fin->surface_m[SP_LEFT], fin->surface_m[SP_RIGHT]);
			st->excavation_level_m = fmin(fin->surface_m[SP_LEFT], fin->surface_m[SP_RIGHT]);
		}
	}

	sp_study_read_solver(c, st);
	if (sp_ini_status(c))
		return;

	/* every grade priced with its own key must be a grade of the search */
	for (size_t i = 0; i < sp_ini_n_entries(c) && !sp_ini_status(c); i++) {
		sp_ini_entry_t *x = sp_ini_entry_at(c, i);
		if (x->used || strcmp(x->section, "cost") != 0 || strncmp(x->key, "steel_price_per_kg.", 19) != 0)
			continue;
		sp_ini_fail(c, SP_EDATA, "%s:%d: [cost] key '%s': grade '%s' is not in [search] grades", sp_ini_path(c),
		       x->line, x->key, x->key + 19);
	}
	/* unknown sections and keys, in file order */
	for (size_t i = 0; i < sp_ini_n_entries(c) && !sp_ini_status(c); i++) {
		sp_ini_entry_t *x = sp_ini_entry_at(c, i);
		if (x->used)
			continue;
		if (x->section[0] == '\0')
			sp_ini_fail(c, SP_EDATA, "%s:%d: key '%s' before the first [section]", sp_ini_path(c), x->line, x->key);
		else if (!sp_ini_find_section(c, x->section)->used && st->method != SP_METHOD_SUBGRADE
		         && sp_study_wall_section(x->section))
			sp_ini_fail(c, SP_EDATA, "%s:%d: section [%s] is used only with [design] method = subgrade",
			       sp_ini_path(c), sp_ini_find_section(c, x->section)->line, x->section);
		else if (!sp_ini_find_section(c, x->section)->used)
			sp_ini_fail(c, SP_EDATA, "%s:%d: unknown section [%s] (known: study, geometry, layer NAME, water, "
			       "loads, anchor, search, design, cost, objective, run, sensitivity, durability, solver; with method = subgrade also "
			       "subgrade, wall, wall-element NAME, anchor-item NAME, strut NAME, spring-support NAME, "
			       "rigid-support NAME, line-load NAME, moment-load NAME, uniform-load NAME, surcharge NAME, "
			       "normal-force NAME, stage NAME, dsheet)",
			       sp_ini_path(c), sp_ini_find_section(c, x->section)->line, x->section);
		else
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: unknown key '%s' (see docs/study-file.md)", sp_ini_path(c),
			       x->line, x->section, x->key);
	}
	for (size_t i = 0; i < sp_ini_n_sections(c) && !sp_ini_status(c); i++)
		if (!sp_ini_section_at(c, i)->used && strcmp(sp_ini_section_at(c, i)->name, "") != 0)
			sp_ini_fail(c, SP_EDATA, "%s:%d: section [%s] is empty or unknown", sp_ini_path(c), sp_ini_section_at(c, i)->line,
			       sp_ini_section_at(c, i)->name);
	S_check_sensitivity(c, st);
}

sp_study_t *sp_study_read(const char *path, sp_err_t *err)
{
	sp_err_t scratch;
	if (err == NULL)
		err = &scratch; /* the caller does not want the message */
	sp_ini_t *c = sp_ini_read(path, err);
	if (c == NULL)
		return NULL;
	sp_study_t *st = calloc(1, sizeof *st);
	if (st == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		sp_ini_free(c);
		return NULL;
	}
	sp_strlcpy(st->path, path, sizeof st->path);
	S_read_all(c, st);
	int status = sp_ini_status(c);
	sp_ini_free(c);
	if (status) {
		sp_study_free(st);
		return NULL;
	}
	return st;
}

