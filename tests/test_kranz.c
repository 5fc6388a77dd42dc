/* test_kranz.c - the deep slip plane check of an anchorage (engine/kranz.c).
 *
 * Source of the expected values: D-Sheet Piling 24.1's benchmarks bm3-1a
 * ("Anchor wall stability for a short anchorage") and bm3-2a ("... long
 * anchorage"), calculation type "Allowable Anchor Force"; tests/data/dsheet
 * holds the input (.shi) and the results D-Sheet wrote (.shd, section
 * [KRANZ CALCULATION]); from Deltares' GEOLib (MIT licence).
 *
 * The input, as the .shi gives it: one soil (phi' 25, c' 2 kPa, unit weight
 * 15 kN/m3 dry and wet), surface and water at 0.00 on the retained side,
 * gamma_w 10, a uniform load of 3 kPa plus a surcharge of 3 kPa from the wall
 * to 100 m (10 km in bm3-2a) behind it: 6 kPa on the block; a wall from 0 to
 * -7; the anchor at -2.00, inclined 5 deg down into the soil, length 5 m
 * (bm3-1a) or 10 m (bm3-2a), anchor wall height 1 m. The slip plane starts
 * at the level D-Sheet prints as ClashAxis (-7.000, the toe), and
 * sp_kranz_slip_start_level_m must find the same level from the moment and
 * shear D-Sheet printed for the stage.
 *
 * Every force is compared within 1 %. A test of the closed form on its own
 * (two layers, the slices) would need numbers we computed ourselves, so the
 * layered case is checked only for what must hold whatever the numbers: one
 * soil cut into two identical layers gives the same result. */
#include "harness.h"
#include "kranz.h"
#include "shd.h"

#include <stdlib.h>
#include <string.h>

#define DIR "data/dsheet/"

static sp_layer_t S_layer(const char *name, double top)
{
	sp_layer_t L;
	memset(&L, 0, sizeof L);
	snprintf(L.name, sizeof L.name, "%s", name);
	L.top_level_m = top;
	L.gamma_kN_m3 = L.gamma_sat_kN_m3 = 15.0;
	L.phi_deg = 25.0;
	L.c_kPa = 2.0;
	return L;
}

static void S_study(sp_study_t *st, sp_layer_t *layers, size_t n)
{
	memset(st, 0, sizeof *st);
	st->top_of_wall_m = st->retained_level_m = 0.0;
	st->excavation_level_m = -4.5;
	st->layers = layers;
	st->n_layers = n;
	st->water_retained_m = st->water_excavation_m = 0.0;
	st->gamma_w_kN_m3 = 10.0;
	st->surcharge_kPa = 6.0; /* uniform load 3 + surcharge 3 */
}

/* The slip plane's start from the moments and shear forces of the .shd. */
static double S_start_from_shd(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, DIR "%s.shd", name);
	sp_shd_t r;
	sp_err_t err = {0};
	double level = NAN;
	if (sp_shd_read(path, &r, &err) != SP_OK || r.n_stages < 1 || r.stages[0].n_points < 2) {
		printf("FAIL %s: %s\n", path, err.text);
		sp_shd_free(&r);
		return NAN;
	}
	const sp_shd_stage_t *s = &r.stages[0];
	sp_diagram_point_t *d = calloc(s->n_points, sizeof *d);
	for (size_t i = 0; d && i < s->n_points; i++) {
		d[i].level_m = s->points[i].level_m;
		d[i].shear_kN_per_m = s->points[i].shear_kN_per_m;
		d[i].moment_kNm_per_m = s->points[i].moment_kNm_per_m;
	}
	if (d)
		level = sp_kranz_slip_start_level_m(d, s->n_points, -4.5);
	free(d);
	sp_shd_free(&r);
	return level;
}

typedef struct {
	const char *name;
	double length_m;
	/* [KRANZ CALCULATION] of the .shd */
	double ea_noload, h_noload, ep_noload; /* ...WithoutLoad */
	double bottom, top, ea_wall, h_force, e1, ep, cohesive, factor, kranz, lng, decisive;
	int is_short;
} S_case;

static const S_case CASES[] = {
	{"bm3-1a", 5.0, 31.870, 31.336, 71.536, -2.936, -1.936, 48.913, 38.906, 8.410, 114.416, 9.962, 0.974, 11.867, 106.006, 11.867, 1},
	{"bm3-2a", 10.0, 31.870, -22.539, 91.206, -3.372, -2.372, 48.913, -27.754, 11.148, 141.058, 19.924, 1.004, 85.120, 129.909, 85.120, 0},
};

int main(int argc, char **argv)
{
	int verbose = argc > 1 && strcmp(argv[1], "-v") == 0; /* the table of docs/validation.md */
	sp_layer_t one[1] = {S_layer("Soil 1", 0.0)};
	sp_study_t st;
	S_study(&st, one, 1);
	for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
		const S_case *c = &CASES[k];
		char what[128];
		double start = S_start_from_shd(c->name);
		snprintf(what, sizeof what, "%s: slip plane starts at the toe (ClashAxis)", c->name);
		DBL_ABS(start, -7.0, 1e-9, what);

		sp_kranz_input_t in = {.anchor_level_m = -2.0, .anchor_inclination_deg = 5.0, .anchor_length_m = c->length_m,
				       .anchorage_height_m = 1.0, .slip_start_level_m = -7.0};
		sp_kranz_result_t r;
		sp_err_t err = {0};
		snprintf(what, sizeof what, "%s: sp_kranz_run", c->name);
		INT_EQ(sp_kranz_run(&st, &in, &r, &err), SP_OK, what);
#define REL(field, want, label)                                                  \
	snprintf(what, sizeof what, "%s: %s", c->name, label);                   \
	if (verbose)                                                             \
		printf("| %s | %s | %.3f | %.3f | %+.2f %% |\n", c->name, label, r.field, want, \
		       100 * (r.field - (want)) / (want));                       \
	DBL_REL(r.field, want, 0.01, what)
		DBL_ABS(r.anchorage_bottom_level_m, c->bottom, 0.0005, "AnchorWallBottom");
		DBL_ABS(r.anchorage_top_level_m, c->top, 0.0005, "AnchorWallTop");
		REL(active_force_wall_kN_per_m, c->ea_wall, "ActiveForceSheetPilingWithLoad");
		REL(horizontal_force_kN_per_m, c->h_force, "HorizontalForceWithLoad");
		REL(active_force_anchorage_kN_per_m, c->e1, "ActiveForceAnchorWall");
		REL(passive_force_anchorage_kN_per_m, c->ep, "PassiveForceAnchorWallWithLoad");
		REL(cohesive_force_kN_per_m, c->cohesive, "HorizontalCohesiveForce");
		REL(inclination_factor, c->factor, "AnchorInclinationFactor");
		REL(allowable_kranz_kN_per_m, c->kranz, "AllowableAnchorForceKranz");
		REL(allowable_long_kN_per_m, c->lng, "AllowableAnchorForceLong");
		REL(allowable_kN_per_m, c->decisive, "AllowableAnchorForceDecisive");
		snprintf(what, sizeof what, "%s: IsShortAnchor", c->name);
		INT_EQ(r.is_short, c->is_short, what);

		/* without the loads: D-Sheet's ...WithoutLoad */
		sp_study_t st0 = st;
		st0.surcharge_kPa = 0;
		sp_kranz_result_t r0;
		sp_kranz_run(&st0, &in, &r0, NULL);
		snprintf(what, sizeof what, "%s: without load", c->name);
		DBL_REL(r0.active_force_wall_kN_per_m, c->ea_noload, 0.01, what);
		DBL_REL(r0.horizontal_force_kN_per_m, c->h_noload, 0.01, what);
		DBL_REL(r0.passive_force_anchorage_kN_per_m, c->ep_noload, 0.01, what);

		/* the same soil as two layers (cut at -3.3, which the slip plane
		 * crosses): the same forces */
		sp_layer_t two[2] = {S_layer("upper", 0.0), S_layer("lower", -3.3)};
		sp_study_t st2;
		S_study(&st2, two, 2);
		sp_kranz_result_t r2;
		snprintf(what, sizeof what, "%s: two identical layers", c->name);
		INT_EQ(sp_kranz_run(&st2, &in, &r2, NULL), SP_OK, what);
		DBL_REL(r2.allowable_kranz_kN_per_m, r.allowable_kranz_kN_per_m, 1e-9, what);
		DBL_REL(r2.weight_kN_per_m, r.weight_kN_per_m, 1e-9, what);
		DBL_REL(r2.allowable_long_kN_per_m, r.allowable_long_kN_per_m, 1e-9, what);

		/* utilisation: D-Sheet's anchor force x 1.5 over the decisive force */
		double force = k == 0 ? 17.98004 : 15.03884; /* [ANCHOR DATA] of the .shd */
		snprintf(what, sizeof what, "%s: utilisation = force x factor / allowable", c->name);
		DBL_REL(sp_kranz_utilisation(force, 1.5, &r), force * 1.5 / c->decisive, 0.01, what);
	}
	/* a stronger lower layer below the anchorage raises the allowable force */
	sp_layer_t strong[2] = {S_layer("upper", 0.0), S_layer("lower", -4.0)};
	strong[1].phi_deg = 32.5;
	sp_study_t st3;
	S_study(&st3, strong, 2);
	sp_kranz_input_t in = {-2.0, 5.0, 5.0, 1.0, -7.0};
	sp_kranz_result_t a, b;
	sp_kranz_run(&st, &in, &a, NULL);
	sp_kranz_run(&st3, &in, &b, NULL);
	OK(b.allowable_kranz_kN_per_m > a.allowable_kranz_kN_per_m, "a stronger layer on the slip plane helps");

	/* refused input */
	in.anchor_length_m = 0;
	INT_EQ(sp_kranz_run(&st, &in, &a, NULL), SP_EDATA, "an anchorage at the wall is refused");
	in.anchor_length_m = 5;
	in.slip_start_level_m = 1.0;
	INT_EQ(sp_kranz_run(&st, &in, &a, NULL), SP_EDATA, "a slip plane starting above the surface is refused");
	double zero_factor = sp_kranz_utilisation(10.0, 1.5, &(sp_kranz_result_t){.allowable_kN_per_m = -1});
	OK(zero_factor > 1e300, "no allowable force: the check fails");
	return sp_test_done("test_kranz");
}
