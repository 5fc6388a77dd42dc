/* test_study.c - the study-file reader (study.c): a complete study with its
 * values checked, the minimal study with every default, file-format details
 * (CRLF, UTF-8 BOM, continuation lines, the line-length limit) and one fixture
 * per kind of bad input, each checked for its status code and for a message
 * that names the file, the line ("file:LINE:") and the key at fault. Then
 * sp_study_resolve() against the shipped catalogue.
 * Runs with the working directory tests/; fixtures in tests/data/study/. */
#include "catalogue.h"
#include "harness.h"
#include "study.h"

#include <string.h>

#define FIX "data/study/"
#define PROFILES "../designs/profiles.csv"
#define GRADES "../designs/grades.csv"
#include "study_checks.h"
#include "study_read.h"

/* A fixture that must fail with `code` (study_checks.h). */
static void expect_err(const char *fixture, int code, int line, const char *s1, const char *s2, const char *what)
{
	expect_err_code(fixture, code, line, s1, s2, what);
}

/* ---- good studies ------------------------------------------------------ */

/* Only the required keys: every default of study.c. */
static void check_minimal(const sp_study_t *st, const char *what)
{
	char n[200];
#define NAME(s) (snprintf(n, sizeof n, "%s: %s", what, s), n)
	OK(strcmp(st->name, "study") == 0, NAME("[study] name defaults to 'study'"));
	OK(strcmp(st->description, "") == 0, NAME("description defaults to empty"));
	DBL_ABS(st->top_of_wall_m, 0.5, 0, NAME("top_of_wall_m"));
	DBL_ABS(st->retained_level_m, 0.0, 0, NAME("retained_level_m"));
	DBL_ABS(st->excavation_level_m, -4.0, 0, NAME("excavation_level_m"));
	INT_EQ(st->n_layers, 1, NAME("one layer"));
	if (st->n_layers == 1) {
		const sp_layer_t *L = &st->layers[0];
		OK(strcmp(L->name, "sand") == 0, NAME("layer name from [layer sand]"));
		DBL_ABS(L->top_level_m, 0.0, 0, NAME("layer top_level_m"));
		DBL_ABS(L->gamma_kN_m3, 18, 0, NAME("layer gamma"));
		DBL_ABS(L->gamma_sat_kN_m3, 18, 0, NAME("gamma_sat defaults to gamma"));
		DBL_ABS(L->phi_deg, 30, 0, NAME("phi'"));
		DBL_ABS(L->c_kPa, 0, 0, NAME("c' defaults to 0"));
		DBL_ABS(L->delta_deg, 0, 0, NAME("delta defaults to 0"));
		INT_EQ(L->drainage, SP_DRAINED, NAME("drainage defaults to drained"));
		DBL_ABS(L->cu_kPa, 0, 0, NAME("cu defaults to 0"));
		DBL_ABS(L->kh_kN_m3, 0, 0, NAME("kh defaults to 0 (not given)"));
		DBL_ABS(L->ka_given, 0, 0, NAME("ka not given"));
		DBL_ABS(L->kp_given, 0, 0, NAME("kp not given"));
	}
	/* no [water]: both levels 1000 m below the excavation (dry) */
	DBL_ABS(st->water_retained_m, -1004.0, 1e-9, NAME("no water on the retained side"));
	DBL_ABS(st->water_excavation_m, -1004.0, 1e-9, NAME("no water on the excavation side"));
	DBL_ABS(st->gamma_w_kN_m3, 9.81, 0, NAME("gamma_w defaults to 9.81"));
	DBL_ABS(st->surcharge_kPa, 0, 0, NAME("no surcharge"));
	INT_EQ(st->surcharge_variable, 1, NAME("surcharge_action defaults to variable"));
	INT_EQ(st->n_anchors, 1, NAME("no [anchor]: one option"));
	if (st->n_anchors == 1)
		INT_EQ(st->anchors[0].anchored, 0, NAME("the option is a cantilever"));
	DBL_ABS(st->anchor_inclination_deg, 0, 0, NAME("inclination defaults to 0"));
	DBL_ABS(st->anchor_spacing_m, 2.5, 0, NAME("spacing defaults to 2.5 m"));
	DBL_ABS(st->anchor_capacity_kN, 0, 0, NAME("capacity defaults to 0 (unchecked)"));
	INT_EQ(st->all_profiles, 0, NAME("not profiles = all"));
	INT_EQ(st->n_profiles, 1, NAME("one profile"));
	if (st->n_profiles == 1)
		OK(strcmp(st->profiles[0], "AZ 18-700") == 0, NAME("profile name"));
	INT_EQ(st->n_grades, 1, NAME("one grade"));
	if (st->n_grades == 1)
		OK(strcmp(st->grades[0], "S355GP") == 0, NAME("grade name"));
	INT_EQ(st->profiles_line, 13, NAME("profiles_line"));
	INT_EQ(st->grades_line, 14, NAME("grades_line"));
	INT_EQ(st->n_lengths, 5, NAME("8:0.5:10 gives 5 lengths"));
	for (size_t i = 0; i < st->n_lengths && i < 5; i++)
		DBL_ABS(st->lengths_m[i], 8.0 + 0.5 * (double)i, 1e-12, NAME("length value"));
	INT_EQ(st->method, SP_METHOD_LE, NAME("method defaults to le"));
	INT_EQ(st->earth_pressure, SP_EARTH_EC7, NAME("earth_pressure defaults to ec7"));
	INT_EQ(st->cantilever_method, SP_CANTILEVER_FULL, NAME("cantilever_method defaults to full"));
	INT_EQ(st->safety, SP_SAFETY_KP_FACTOR, NAME("safety defaults to kp-factor"));
	DBL_ABS(st->kp_factor, 1.5, 0, NAME("kp_factor defaults to 1.5"));
	DBL_ABS(st->embedment_factor, 1.2, 0, NAME("embedment_factor defaults to 1.2"));
	DBL_ABS(st->blum_toe_extension, 0.2, 0, NAME("blum_toe_extension defaults to 0.2"));
	DBL_ABS(st->gamma_phi, 1.25, 0, NAME("gamma_phi defaults to 1.25"));
	DBL_ABS(st->gamma_c, 1.25, 0, NAME("gamma_c defaults to 1.25"));
	DBL_ABS(st->gamma_cu, 1.4, 0, NAME("gamma_cu defaults to 1.4"));
	DBL_ABS(st->gamma_q, 1.3, 0, NAME("gamma_q defaults to 1.3"));
	DBL_ABS(st->moment_factor, 1.0, 0, NAME("moment_factor defaults to 1"));
	DBL_ABS(st->anchor_force_factor, 1.0, 0, NAME("anchor_force_factor defaults to 1"));
	DBL_ABS(st->gamma_M0, 1.0, 0, NAME("gamma_M0 defaults to 1"));
	INT_EQ(st->upile_unit, SP_UPILE_CRIMPED, NAME("u_pile_unit defaults to crimped-doubles"));
	INT_EQ(st->upile_condition, SP_COND_UNFAVOURABLE, NAME("u_pile_ground_condition defaults to unfavourable"));
	DBL_ABS(st->deflection_limit_mm, 0, 0, NAME("deflection_limit_mm defaults to 0"));
	DBL_ABS(st->max_embedment_m, 60, 0, NAME("max_embedment_m defaults to 60"));
	DBL_ABS(st->embedment_tol_m, 1e-5, 0, NAME("embedment_tol_m defaults to 1e-5"));
	INT_EQ(st->max_iterations, 200, NAME("max_iterations defaults to 200"));
	if (st->n_grades == 1)
		DBL_ABS(st->steel_price_per_kg[0], 1.1, 0, NAME("grade priced at steel_price_per_kg"));
	DBL_ABS(st->installation_per_m2, 0, 0, NAME("installation defaults to 0"));
	DBL_ABS(st->anchor_cost_each, 0, 0, NAME("anchor cost defaults to 0"));
	DBL_ABS(st->co2_kg_per_kg_steel, 0.8, 0, NAME("co2_kg_per_kg_steel"));
	OK(strcmp(st->currency, "EUR") == 0, NAME("currency defaults to EUR"));
	INT_EQ(st->objective, SP_OBJ_COST, NAME("objective defaults to cost"));
	INT_EQ(st->licenses, 1024, NAME("licenses defaults to 1024"));
	INT_EQ(st->threads, 0, NAME("threads defaults to 0 (all cores)"));
	INT_EQ(st->top_k, 20, NAME("top_k defaults to 20"));
	size_t lc = strlen(st->catalogue_path), lg = strlen(st->grades_path);
	OK(lc >= 13 && strcmp(st->catalogue_path + lc - 13, "/profiles.csv") == 0,
	   NAME("catalogue defaults to the shipped profiles.csv"));
	OK(lg >= 11 && strcmp(st->grades_path + lg - 11, "/grades.csv") == 0,
	   NAME("grades defaults to the shipped grades.csv"));
	INT_EQ(sp_study_n_candidates(st), 5, NAME("1 x 1 x 5 x 1 candidates"));
#undef NAME
}

static void test_minimal(void)
{
	const char *files[] = {FIX "ok_minimal.ini",          FIX "ok_crlf.ini",     FIX "ok_bom.ini",
	                       FIX "ok_bom_crlf.ini",         FIX "ok_line_198.ini", FIX "ok_line_199.ini",
	                       FIX "ok_no_final_newline.ini"};
	const char *what[] = {"minimal study",      "CRLF line ends",         "UTF-8 BOM",       "BOM and CRLF",
	                      "a 198-character line", "a 199-character line (the limit)", "no final newline"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		sp_study_t *st = read_ok(files[i], what[i]);
		if (st == NULL)
			continue;
		OK(strcmp(st->path, files[i]) == 0, "path kept as given");
		/* ok_bom_crlf.ini has no leading comment line: its lines are one less */
		if (i != 3)
			check_minimal(st, what[i]);
		else {
			INT_EQ(st->n_lengths, 5, "BOM and CRLF: 5 lengths");
			INT_EQ(st->profiles_line, 12, "BOM and CRLF: profiles line (BOM on line 1)");
			DBL_ABS(st->top_of_wall_m, 0.5, 0, "BOM and CRLF: first key after the BOM");
			OK(st->n_profiles == 1 && strcmp(st->profiles[0], "AZ 18-700") == 0,
			   "BOM and CRLF: no \\r left in values");
		}
		sp_study_free(st);
	}
}

static void test_full(void)
{
	const char *path = FIX "ok_full.ini";
	sp_study_t *st = read_ok(path, "full study");
	if (st == NULL)
		return;
	OK(strcmp(st->name, "Full test study") == 0, "full: name");
	OK(strcmp(st->description, "every section given") == 0, "full: inline ; comment stripped");
	DBL_ABS(st->excavation_level_m, -4.0, 0, "full: excavation with inline comment");

	INT_EQ(st->n_layers, 3, "full: three layers");
	if (st->n_layers == 3) {
		const sp_layer_t *f = &st->layers[0], *c = &st->layers[1], *s = &st->layers[2];
		OK(strcmp(f->name, "fill") == 0 && strcmp(c->name, "soft clay") == 0
		           && strcmp(s->name, "dense sand") == 0,
		   "full: layer names, in file order, with a blank inside");
		DBL_ABS(f->top_level_m, 0.5, 0, "full: first layer may start above the retained ground");
		DBL_ABS(f->gamma_sat_kN_m3, 20, 0, "full: gamma_sat");
		DBL_ABS(f->c_kPa, 2, 0, "full: c'");
		DBL_ABS(f->delta_deg, 20, 0, "full: delta");
		DBL_ABS(f->kh_kN_m3, 20000, 0, "full: kh");
		INT_EQ(f->line, 14, "full: line of [layer fill]");
		INT_EQ(c->drainage, SP_UNDRAINED, "full: undrained clay");
		DBL_ABS(c->cu_kPa, 40, 0, "full: cu");
		DBL_ABS(c->phi_deg, 0, 0, "full: undrained layer without phi' has phi' = 0");
		DBL_ABS(c->gamma_sat_kN_m3, 17, 0, "full: clay gamma_sat defaults to its gamma");
		DBL_ABS(s->top_level_m, -6, 0, "full: integer level");
		DBL_ABS(s->delta_deg, 23.3, 0, "full: delta 23.3");
		DBL_ABS(s->ka_given, 0.25, 0, "full: ka given");
		DBL_ABS(s->kp_given, 5.5, 0, "full: kp given");
	}
	DBL_ABS(st->water_retained_m, -1.0, 0, "full: water retained");
	DBL_ABS(st->water_excavation_m, -4.5, 0, "full: water excavation");
	DBL_ABS(st->gamma_w_kN_m3, 10, 0, "full: gamma_w");
	DBL_ABS(st->surcharge_kPa, 10, 0, "full: surcharge");
	INT_EQ(st->surcharge_variable, 0, "full: permanent surcharge");

	INT_EQ(st->n_anchors, 2, "full: 'none, -1.5' gives two anchor options");
	if (st->n_anchors == 2) {
		INT_EQ(st->anchors[0].anchored, 0, "full: first option cantilever");
		INT_EQ(st->anchors[1].anchored, 1, "full: second option anchored");
		DBL_ABS(st->anchors[1].level_m, -1.5, 0, "full: anchor level");
	}
	DBL_ABS(st->anchor_inclination_deg, 10, 0, "full: inclination");
	DBL_ABS(st->anchor_spacing_m, 2.4, 0, "full: spacing");
	DBL_ABS(st->anchor_capacity_kN, 900, 0, "full: capacity");

	/* three physical lines, the last tab-indented with an inline comment */
	static const char *const prof[] = {"AZ 12-770", "AZ 13-770", "AZ 14-770", "AZ 12-700", "AZ 13-700",
	                                   "AZ 14-700", "AZ 17-700", "AZ 18-700", "AZ 19-700", "AZ 20-700",
	                                   "AZ 24-700", "AZ 26-700", "AZ 28-700", "PU 12",     "PU 18",
	                                   "PU 22"};
	INT_EQ(st->n_profiles, 16, "full: continuation lines join into one list of 16 profiles");
	int same = st->n_profiles == 16;
	for (size_t i = 0; same && i < 16; i++)
		same = strcmp(st->profiles[i], prof[i]) == 0;
	OK(same, "full: profile names across the continuation lines");
	INT_EQ(st->profiles_line, 54, "full: profiles line is the key's line");
	INT_EQ(st->grades_line, 57, "full: grades line (after the continuation lines)");
	INT_EQ(st->n_grades, 2, "full: two grades");
	INT_EQ(st->n_lengths, 6, "full: '8:0.5:10, 12' gives 6 lengths");
	if (st->n_lengths == 6) {
		DBL_ABS(st->lengths_m[4], 10.0, 1e-12, "full: range includes its stop");
		DBL_ABS(st->lengths_m[5], 12.0, 0, "full: single length after the range");
	}

	INT_EQ(st->earth_pressure, SP_EARTH_COULOMB, "full: coulomb");
	INT_EQ(st->cantilever_method, SP_CANTILEVER_BLUM, "full: blum");
	INT_EQ(st->safety, SP_SAFETY_EC7_DA1_C2, "full: ec7-da1-c2");
	DBL_ABS(st->kp_factor, 2, 0, "full: kp_factor");
	DBL_ABS(st->embedment_factor, 1.3, 0, "full: embedment_factor");
	DBL_ABS(st->blum_toe_extension, 0.25, 0, "full: blum_toe_extension");
	DBL_ABS(st->gamma_phi, 1.3, 0, "full: gamma_phi");
	DBL_ABS(st->gamma_c, 1.4, 0, "full: gamma_c");
	DBL_ABS(st->gamma_cu, 1.5, 0, "full: gamma_cu");
	DBL_ABS(st->gamma_q, 1.35, 0, "full: gamma_q");
	DBL_ABS(st->moment_factor, 1.1, 0, "full: moment_factor");
	DBL_ABS(st->anchor_force_factor, 1.35, 0, "full: anchor_force_factor");
	DBL_ABS(st->gamma_M0, 1.05, 0, "full: gamma_M0");
	INT_EQ(st->upile_unit, SP_UPILE_SINGLES, "full: singles");
	INT_EQ(st->upile_condition, SP_COND_FAVOURABLE, "full: favourable");
	DBL_ABS(st->deflection_limit_mm, 50, 0, "full: deflection limit");
	DBL_ABS(st->max_embedment_m, 30, 0, "full: max_embedment_m");
	DBL_ABS(st->embedment_tol_m, 1e-4, 0, "full: embedment_tol_m");
	INT_EQ(st->max_iterations, 500, "full: max_iterations");

	if (st->n_grades == 2) {
		DBL_ABS(st->steel_price_per_kg[0], 1.10, 0, "full: S355GP at the general price");
		DBL_ABS(st->steel_price_per_kg[1], 1.20, 0, "full: S430GP at its own price");
	}
	DBL_ABS(st->installation_per_m2, 35, 0, "full: installation");
	DBL_ABS(st->anchor_cost_each, 2800, 0, "full: anchor cost");
	OK(strcmp(st->currency, "GBP") == 0, "full: currency");
	INT_EQ(st->objective, SP_OBJ_CO2, "full: minimise co2");
	INT_EQ(st->licenses, 8, "full: licenses");
	INT_EQ(st->threads, 2, "full: threads");
	INT_EQ(st->top_k, 25, "full: top_k");
	OK(strcmp(st->catalogue_path, FIX "../../../designs/profiles.csv") == 0,
	   "full: relative catalogue resolved against the study's folder");
	OK(strcmp(st->grades_path, "/abs/grades.csv") == 0, "full: absolute grades path kept");
	INT_EQ(sp_study_n_candidates(st), 16 * 2 * 6 * 2, "full: 16 x 2 x 6 x 2 candidates");

	OK(strcmp(sp_safety_name(st->safety), "ec7-da1-c2") == 0, "sp_safety_name");
	OK(strcmp(sp_objective_name(st->objective), "co2") == 0, "sp_objective_name");
	OK(strcmp(sp_cantilever_name(st->cantilever_method), "blum") == 0, "sp_cantilever_name");
	sp_study_free(st);
	sp_study_free(NULL); /* accepted */

	/* an inline comment on a continuation line is a comment, not part of the list */
	st = read_ok(FIX "ok_continuation_comment.ini", "inline comments on continuation lines");
	if (st) {
		INT_EQ(st->n_profiles, 2, "continuation comment: two profiles");
		if (st->n_profiles == 2) {
			OK(strcmp(st->profiles[0], "AZ 18-700") == 0, "continuation comment: comment after the key's line stripped");
			OK(strcmp(st->profiles[1], "AZ 20-700") == 0,
			   "continuation comment: comment on the continuation line stripped");
			if (strcmp(st->profiles[1], "AZ 20-700") != 0)
				printf("     second profile was '%s'\n", st->profiles[1]);
		}
		sp_study_free(st);
	}

	st = read_ok(FIX "ok_undrained.ini", "undrained layer without phi'");
	if (st) {
		INT_EQ(st->layers[0].drainage, SP_UNDRAINED, "undrained: drainage");
		DBL_ABS(st->layers[0].cu_kPa, 50, 0, "undrained: cu");
		sp_study_free(st);
	}
}

/* ---- bad studies ------------------------------------------------------- */

static void test_bad(void)
{
	/* names and sections */
	expect_err("bad_unknown_key.ini", SP_EDATA, 6, "'wall_top_m'", "[geometry]", "unknown key");
	/* [durability] (docs/study-file.md) */
	expect_err("bad_durability_both.ini", SP_EDATA, 24, "'loss_retained_mm'", "exposure_retained", "exposure and loss of one face");
	expect_err("bad_durability_life.ini", SP_EDATA, 21, "'design_life_years'", NULL, "exposure without a design life");
	expect_err("bad_durability_word.ini", SP_EDATA, 23, "'exposure_retained'", "sea-water-temperate-immersion", "unknown exposure");
	expect_err("bad_durability_face.ini", SP_EDATA, 21, "'exposure_excavation'", "loss_excavation_mm", "a face without either");
	expect_err("bad_unknown_section.ini", SP_EDATA, 21, "[anchors]", NULL, "unknown section (line of its header)");
	expect_err("bad_key_outside_section.ini", SP_EDATA, 2, "'name'", NULL, "key before any section");
	expect_err("bad_missing_key.ini", SP_EDATA, 7, "'gamma_kN_m3'", "[layer sand]",
	           "missing required key (line of the section header)");
	expect_err("bad_missing_phi.ini", SP_EDATA, 7, "'phi_deg'", "[layer sand]", "drained layer without phi'");
	expect_err("bad_missing_cu.ini", SP_EDATA, 7, "'cu_kPa'", "[layer clay]", "undrained layer without cu");
	expect_err("bad_missing_section.ini", SP_EDATA, 0, "[cost]", "'steel_price_per_kg'", "missing section");
	expect_err("bad_no_layer.ini", SP_EDATA, 0, "[layer NAME]", NULL, "no layer");
	expect_err("bad_duplicate_key.ini", SP_EDATA, 11, "'phi_deg'", "first at line 10", "duplicate key");
	expect_err("bad_duplicate_section.ini", SP_EDATA, 20, "[geometry]", NULL,
	           "duplicate section with different keys");
	expect_err("bad_duplicate_layer.ini", SP_EDATA, 21, "[layer sand]", NULL, "a layer given twice");
	expect_err("bad_empty_section.ini", SP_EDATA, 21, "[foo]", NULL, "unknown section with no key");
	{
		/* a repeated section repeating a key: either error names the second [geometry] */
		sp_err_t err = {0, ""};
		sp_study_t *st = sp_study_read(FIX "bad_duplicate_section_key.ini", &err);
		OK(st == NULL, "duplicate section repeating a key: read fails");
		sp_study_free(st);
		INT_EQ(err.code, SP_EDATA, "duplicate section repeating a key: status code");
		OK(strstr(err.text, FIX "bad_duplicate_section_key.ini:21:") != NULL
		           || strstr(err.text, FIX "bad_duplicate_section_key.ini:22:") != NULL,
		   "duplicate section repeating a key: line 21 or 22");
		has(err.text, "geometry", "duplicate section repeating a key");
	}

	/* numbers */
	expect_err("bad_text_number.ini", SP_EDATA, 4, "'retained_level_m'", "'zero'", "text where a number belongs");
	expect_err("bad_number_unit.ini", SP_EDATA, 3, "'top_of_wall_m'", NULL, "number with a unit after it");
	expect_err("bad_nan.ini", SP_EDATA, 10, "'phi_deg'", NULL, "nan");
	expect_err("bad_inf.ini", SP_EDATA, 9, "'gamma_kN_m3'", NULL, "inf");
	expect_err("bad_1e400.ini", SP_EDATA, 3, "'top_of_wall_m'", NULL, "1e400");
	expect_err("bad_hex.ini", SP_EDATA, 9, "'gamma_kN_m3'", NULL, "hexadecimal");
	expect_err("bad_phi_50.ini", SP_EDATA, 10, "'phi_deg'", "[0, 50)", "phi' = 50");
	expect_err("bad_phi_neg.ini", SP_EDATA, 10, "'phi_deg'", "[0, 50)", "phi' = -1");
	expect_err("bad_gamma_zero.ini", SP_EDATA, 9, "'gamma_kN_m3'", "(0, 40]", "gamma = 0");
	expect_err("bad_gamma_neg.ini", SP_EDATA, 9, "'gamma_kN_m3'", "(0, 40]", "gamma < 0");
	expect_err("bad_gamma_sat.ini", SP_EDATA, 10, "'gamma_sat_kN_m3'", NULL, "gamma_sat < gamma / 2");
	expect_err("bad_delta_phi.ini", SP_EDATA, 11, "'delta_deg'", NULL, "delta > phi'");
	expect_err("bad_int.ini", SP_EDATA, 22, "'max_iterations'", "[10, 100000]", "whole number out of range");
	expect_err("bad_int_text.ini", SP_EDATA, 22, "'threads'", NULL, "2.5 for a whole number");
	expect_err("bad_word.ini", SP_EDATA, 22, "'safety'", "kp-factor", "unknown word");

	/* geometry and layers */
	expect_err("bad_layers_order.ini", SP_EDATA, 13, "'top_level_m'", "[layer clay]", "layers not top-down");
	expect_err("bad_layers_equal.ini", SP_EDATA, 13, "'top_level_m'", "[layer clay]", "two layers at one level");
	expect_err("bad_first_layer_low.ini", SP_EDATA, 7, "'top_level_m'", "[layer sand]",
	           "first layer below the retained ground (line of its header)");
	expect_err("bad_excavation_above.ini", SP_EDATA, 5, "'excavation_level_m'", NULL, "excavation above ground");
	expect_err("bad_excavation_equal.ini", SP_EDATA, 5, "'excavation_level_m'", NULL, "excavation at ground");
	expect_err("bad_wall_below_ground.ini", SP_EDATA, 3, "'top_of_wall_m'", NULL, "top of wall below ground");

	/* lists */
	expect_err("bad_empty_item.ini", SP_EDATA, 13, "'profiles'", "empty item", "empty list item");
	expect_err("bad_trailing_comma.ini", SP_EDATA, 14, "'grades'", "empty item", "trailing comma");
	expect_err("bad_twice_profile.ini", SP_EDATA, 13, "'profiles'", "'AZ 18-700'", "profile listed twice");
	expect_err("bad_range_stop.ini", SP_EDATA, 15, "'length_m'", "10:0.5:8", "length range stop < start");
	expect_err("bad_range_step.ini", SP_EDATA, 15, "'length_m'", "8:0:10", "length range step 0");
	expect_err("bad_range_form.ini", SP_EDATA, 15, "'length_m'", "8:10", "length range of two fields");
	expect_err("bad_length_zero.ini", SP_EDATA, 15, "'length_m'", "'0'", "length 0");
	expect_err("bad_anchor_below.ini", SP_EDATA, 22, "'levels_m'", "-5", "anchor below the excavation");
	expect_err("bad_anchor_at_excavation.ini", SP_EDATA, 22, "'levels_m'", "-4", "anchor at the excavation");
	expect_err("bad_anchor_above_wall.ini", SP_EDATA, 22, "'levels_m'", NULL, "anchor above the wall");
	expect_err("bad_anchor_word.ini", SP_EDATA, 22, "'levels_m'", "'top'", "anchor level not a number");
	expect_err("bad_anchor_twice.ini", SP_EDATA, 22, "'levels_m'", "'none'", "anchor option twice");
	expect_err("bad_grade_price.ini", SP_EDATA, 19, "'steel_price_per_kg.S460GP'", NULL,
	           "price of a grade not searched");

	/* file format */
	expect_err("bad_no_equals.ini", SP_EDATA, 10, NULL, NULL, "line without '='");
	expect_err("bad_bracket.ini", SP_EDATA, 12, NULL, NULL, "section header without ']'");
	expect_err("bad_long_line.ini", SP_EDATA, 13, "199", NULL, "over-long line");
	expect_err("bad_line_200.ini", SP_EDATA, 1, "199", NULL, "a 200-character line");
	expect_err("does_not_exist.ini", SP_ENOINPUT, 0, NULL, NULL, "missing file");
	expect_err("", SP_ENOINPUT, 0, NULL, NULL, "a directory given as the study file");
	expect_err("bad_empty.ini", SP_EDATA, 0, NULL, NULL, "empty file");
	expect_err("bad_comments_only.ini", SP_EDATA, 0, NULL, NULL, "only comments");
	expect_err("bad_binary.ini", SP_EDATA, 1, NULL, NULL, "binary garbage with NUL bytes");
	expect_err("bad_binary_nonul.ini", SP_EDATA, 1, NULL, NULL, "binary garbage without NUL bytes");

	/* no message wanted: still NULL, no crash */
	OK(sp_study_read(FIX "bad_phi_50.ini", NULL) == NULL, "bad study with err = NULL: NULL");
	OK(sp_study_read(FIX "does_not_exist.ini", NULL) == NULL, "missing study with err = NULL: NULL");
}

/* ---- sp_study_resolve --------------------------------------------------- */

static void expect_resolve_err(const sp_catalogue_t *cat, const char *fixture, int line, const char *key,
                               const char *item, const char *what)
{
	char path[256], name[320], at[300];
	snprintf(path, sizeof path, FIX "%s", fixture);
	sp_study_t *st = read_ok(path, what);
	if (st == NULL)
		return;
	sp_err_t err = {0, ""};
	int rc = sp_study_resolve(st, cat, &err);
	snprintf(name, sizeof name, "%s (%s): resolve status", what, fixture);
	INT_EQ(rc, SP_EDATA, name);
	INT_EQ(err.code, SP_EDATA, name);
	snprintf(name, sizeof name, "%s (%s)", what, fixture);
	snprintf(at, sizeof at, "%s:%d:", path, line);
	has(err.text, at, name);
	has(err.text, key, name);
	has(err.text, item, name);
	sp_study_free(st);
}

static void test_resolve(void)
{
	sp_err_t err = {0, ""};
	sp_catalogue_t *cat = sp_catalogue_read(PROFILES, GRADES, &err);
	OK(cat != NULL, "resolve: the shipped catalogue loads");
	if (cat == NULL) {
		printf("     error %d: %s\n", err.code, err.text);
		return;
	}
	expect_resolve_err(cat, "bad_resolve_profile.ini", 13, "'profiles'", "'AZ 99-700'", "unknown profile");
	expect_resolve_err(cat, "bad_resolve_profile_cont.ini", 13, "'profiles'", "'AZ 99-700'",
	                   "unknown profile on a continuation line (named at the key's line)");
	expect_resolve_err(cat, "bad_resolve_grade.ini", 14, "'grades'", "'S999GP'", "unknown grade");

	sp_study_t *st = read_ok(FIX "ok_durability.ini", "[durability]");
	if (st) {
		OK(st->durability.enabled && st->durability.design_life_years == 60, "durability: 60 years");
		OK(st->durability.exposure[SP_FACE_RETAINED] == SP_EXP_COMPACTED_FILL
		   && st->durability.exposure[SP_FACE_EXCAVATION] == SP_EXP_SEA_WATER_IMMERSION, "durability: both exposures");
		sp_study_free(st);
	}
	st = read_ok(FIX "ok_all_profiles.ini", "profiles = all");
	if (st) {
		INT_EQ(st->all_profiles, 1, "all: flag set by the reader");
		INT_EQ(st->n_profiles, 0, "all: not expanded by the reader");
		INT_EQ(sp_study_resolve(st, cat, &err), SP_OK, "all: resolves");
		/* every catalogue profile with a flange and web thickness (the EN 1993-5
		 * checks need them; the 11 JIS rows have no web thickness) */
		size_t n = 0, k = 0;
		for (size_t i = 0; i < sp_catalogue_n_profiles(cat); i++)
			n += sp_catalogue_profile(cat, i)->t_flange_mm > 0 && sp_catalogue_profile(cat, i)->t_web_mm > 0;
		INT_EQ(st->n_profiles, n, "all: every catalogue profile with both thicknesses");
		INT_EQ(n, sp_catalogue_n_profiles(cat) - 11, "all: all but the 11 JIS rows");
		int same = st->n_profiles == n;
		for (size_t i = 0; same && i < sp_catalogue_n_profiles(cat); i++) {
			const sp_profile_t *p = sp_catalogue_profile(cat, i);
			if (p->t_flange_mm > 0 && p->t_web_mm > 0)
				same = strcmp(st->profiles[k++], p->name) == 0;
		}
		OK(same, "all: in catalogue order");
		INT_EQ(sp_study_n_candidates(st), n * 5, "all: n x 1 x 5 x 1 candidates");
		sp_study_free(st);
	}
	st = read_ok(FIX "ok_full.ini", "full study");
	if (st) {
		INT_EQ(sp_study_resolve(st, cat, &err), SP_OK, "full: every profile and grade is in the catalogue");
		INT_EQ(st->n_profiles, 16, "full: resolve keeps an explicit list");
		sp_study_free(st);
	}
	sp_catalogue_free(cat);
}

int main(void)
{
	test_minimal();
	test_full();
	test_bad();
	test_resolve();
	return sp_test_done("test_study");
}
