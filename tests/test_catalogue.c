/* test_catalogue.c - the catalogue module: the shipped designs/profiles.csv and
 * designs/grades.csv, CSV details (BOM, CRLF, column order, quoted fields over
 * several lines) and one provoked error per kind of bad input.
 * Runs with the working directory tests/. */
#include "catalogue.h"
#include "harness.h"

#include <errno.h>
#include <string.h>

#define PROFILES "../designs/profiles.csv"
#define GRADES "../designs/grades.csv"
#define FIX "data/catalogue/"

/* Read an expected-to-fail pair and check the code and that the message holds
 * each of the (up to three) given pieces. */
static void expect_err(const char *profiles, const char *grades, int code,
		       const char *s1, const char *s2, const char *s3, const char *what)
{
	sp_err_t err = {0, ""};
	sp_catalogue_t *cat = sp_catalogue_read(profiles, grades, &err);
	char name[256];
	snprintf(name, sizeof name, "%s: read fails", what);
	OK(cat == NULL, name);
	sp_catalogue_free(cat);
	snprintf(name, sizeof name, "%s: status code", what);
	INT_EQ(err.code, code, name);
	const char *want[3] = {s1, s2, s3};
	for (int i = 0; i < 3; ++i) {
		if (want[i] == NULL)
			continue;
		snprintf(name, sizeof name, "%s: message has \"%s\"", what, want[i]);
		OK(strstr(err.text, want[i]) != NULL, name);
		if (strstr(err.text, want[i]) == NULL)
			printf("     message was: %s\n", err.text);
	}
}

static void test_shipped(void)
{
	sp_err_t err = {0, ""};
	sp_catalogue_t *cat = sp_catalogue_read(PROFILES, GRADES, &err);
	OK(cat != NULL, "designs/profiles.csv and designs/grades.csv load");
	if (cat == NULL) {
		printf("     error %d: %s\n", err.code, err.text);
		return;
	}
	size_t np = sp_catalogue_n_profiles(cat), ng = sp_catalogue_n_grades(cat);
	OK(np >= 25, "at least 25 profiles");
	INT_EQ(np, 100, "all 100 reference sections with I and W_el");
	INT_EQ(ng, 14, "14 grades");

	/* every row: positive values, a source, and the sanity relations the
	 * reference SOURCES.md checked (W_el ~ I/(h/2) within 2 %, PZ 22 3.5 %;
	 * kg/m2 ~ 0.785 A within 3 %); W_pl, where known, above W_el */
	size_t nz = 0, nu = 0;
	for (size_t i = 0; i < np; ++i) {
		const sp_profile_t *p = sp_catalogue_profile(cat, i);
		char name[160];
		nz += p->shape == SP_SHAPE_Z;
		nu += p->shape == SP_SHAPE_U;
		snprintf(name, sizeof name, "%s: W_el = I/(h/2) within 4 %%", p->name);
		DBL_REL(p->w_el_cm3_per_m, p->inertia_cm4_per_m / (p->height_mm / 20.0), 0.04, name);
		snprintf(name, sizeof name, "%s: mass = 0.785 A within 3 %%", p->name);
		DBL_REL(p->mass_kg_per_m2, 0.785 * p->area_cm2_per_m, 0.03, name);
		snprintf(name, sizeof name, "%s: W_pl empty or > W_el", p->name);
		OK(p->w_pl_cm3_per_m == 0.0 || p->w_pl_cm3_per_m > p->w_el_cm3_per_m, name);
		snprintf(name, sizeof name, "%s: has a source and a series", p->name);
		OK(p->source[0] != '\0' && p->series[0] != '\0', name);
		snprintf(name, sizeof name, "%s: width and height plausible (300..900 mm, 150..800 mm)", p->name);
		OK(p->width_mm > 300 && p->width_mm < 900 && p->height_mm > 150 && p->height_mm < 800, name);
		snprintf(name, sizeof name, "%s: find_profile returns its own index", p->name);
		INT_EQ(sp_catalogue_find_profile(cat, p->name), (long)i, name);
	}
	OK(nz > 0, "has Z profiles");
	OK(nu > 0, "has U profiles");
	INT_EQ(nz + nu, np, "every profile is Z or U");

	/* AZ 18-700, from /work/shared/reference/sheetpile_sections.csv
	 * (sources BP; MADEP, cross-checked yes): b 700, h 420, A 139.2,
	 * 109.3 kg/m2, I 37800, W_el 1800, W_pl 2116 */
	long k = sp_catalogue_find_profile(cat, "AZ 18-700");
	OK(k >= 0, "AZ 18-700 found");
	if (k >= 0) {
		const sp_profile_t *p = sp_catalogue_profile(cat, (size_t)k);
		INT_EQ(p->shape, SP_SHAPE_Z, "AZ 18-700 shape");
		OK(strcmp(p->series, "AZ-700") == 0, "AZ 18-700 series");
		DBL_ABS(p->width_mm, 700, 0, "AZ 18-700 width");
		DBL_ABS(p->height_mm, 420, 0, "AZ 18-700 height");
		DBL_ABS(p->area_cm2_per_m, 139.2, 0, "AZ 18-700 area");
		DBL_ABS(p->mass_kg_per_m2, 109.3, 0, "AZ 18-700 mass");
		DBL_ABS(p->inertia_cm4_per_m, 37800, 0, "AZ 18-700 I");
		DBL_ABS(p->w_el_cm3_per_m, 1800, 0, "AZ 18-700 W_el");
		DBL_ABS(p->w_pl_cm3_per_m, 2116, 0, "AZ 18-700 W_pl");
		OK(strcmp(p->source, "BP; MADEP (cross-checked)") == 0, "AZ 18-700 source");
	}
	/* PU 18, same reference file (BP; MADEP; AMWEB-R, yes): b 600, h 430,
	 * A 163.3, 128.2 kg/m2, I 38650, W_el 1800, W_pl 2134 */
	k = sp_catalogue_find_profile(cat, "  PU 18\t");
	OK(k >= 0, "PU 18 found with surrounding blanks");
	if (k >= 0) {
		const sp_profile_t *p = sp_catalogue_profile(cat, (size_t)k);
		OK(strcmp(p->name, "PU 18") == 0, "PU 18 name");
		INT_EQ(p->shape, SP_SHAPE_U, "PU 18 shape");
		DBL_ABS(p->width_mm, 600, 0, "PU 18 width");
		DBL_ABS(p->height_mm, 430, 0, "PU 18 height");
		DBL_ABS(p->area_cm2_per_m, 163.3, 0, "PU 18 area");
		DBL_ABS(p->mass_kg_per_m2, 128.2, 0, "PU 18 mass");
		DBL_ABS(p->inertia_cm4_per_m, 38650, 0, "PU 18 I");
		DBL_ABS(p->w_el_cm3_per_m, 1800, 0, "PU 18 W_el");
		DBL_ABS(p->w_pl_cm3_per_m, 2134, 0, "PU 18 W_pl");
	}
	/* PZ 27, same reference file (AVATUR; USS1984, partial; converted from
	 * US units): b 457.2, h 304.8, A 168.1, 131.8 kg/m2, I 25154, W_el 1624,
	 * no W_pl */
	k = sp_catalogue_find_profile(cat, "PZ 27");
	OK(k >= 0, "PZ 27 found");
	if (k >= 0) {
		const sp_profile_t *p = sp_catalogue_profile(cat, (size_t)k);
		DBL_ABS(p->width_mm, 457.2, 0, "PZ 27 width");
		DBL_ABS(p->height_mm, 304.8, 0, "PZ 27 height");
		DBL_ABS(p->inertia_cm4_per_m, 25154, 0, "PZ 27 I");
		DBL_ABS(p->w_el_cm3_per_m, 1624, 0, "PZ 27 W_el");
		DBL_ABS(p->w_pl_cm3_per_m, 0, 0, "PZ 27 W_pl unknown -> 0");
	}
	/* JIS Type VL (TOKYO; ROYAL, yes): b 500, h 400 (wall depth = 2 H),
	 * I 63000, W_el 3150 */
	k = sp_catalogue_find_profile(cat, "JIS Type VL");
	OK(k >= 0, "JIS Type VL found");
	if (k >= 0) {
		const sp_profile_t *p = sp_catalogue_profile(cat, (size_t)k);
		INT_EQ(p->shape, SP_SHAPE_U, "JIS Type VL shape");
		DBL_ABS(p->height_mm, 400, 0, "JIS Type VL height");
		DBL_ABS(p->inertia_cm4_per_m, 63000, 0, "JIS Type VL I");
		DBL_ABS(p->w_el_cm3_per_m, 3150, 0, "JIS Type VL W_el");
	}
	/* the quoted series with a comma */
	k = sp_catalogue_find_profile(cat, "AZ 46");
	OK(k >= 0 && strcmp(sp_catalogue_profile(cat, (size_t)k)->series, "AZ (580 mm, discontinued)") == 0,
	   "AZ 46 quoted series with a comma");
	OK(sp_catalogue_find_profile(cat, "AZ 18") != sp_catalogue_find_profile(cat, "AZ 18-700"),
	   "AZ 18 and AZ 18-700 are different profiles");
	INT_EQ(sp_catalogue_find_profile(cat, "az 18-700"), -1, "find_profile is case-sensitive");
	INT_EQ(sp_catalogue_find_profile(cat, "AZ 99-700"), -1, "unknown profile -> -1");
	OK(sp_catalogue_profile(cat, np) == NULL, "profile index out of range -> NULL");

	/* grades, from /work/shared/reference/steel_grades.csv */
	k = sp_catalogue_find_grade(cat, "S355GP");
	OK(k >= 0, "S355GP found");
	if (k >= 0) {
		const sp_grade_t *g = sp_catalogue_grade(cat, (size_t)k);
		DBL_ABS(g->fy_MPa, 355, 0, "S355GP f_y");
		DBL_ABS(g->E_MPa, 210000, 0, "S355GP E");
		OK(strcmp(g->standard, "EN 10248-1") == 0, "S355GP standard");
	}
	static const char *const en[] = {"S240GP", "S270GP", "S320GP", "S355GP", "S390GP",
					 "S430GP", "S460AP", "S460GP", "S500GP"};
	static const double fy[] = {240, 270, 320, 355, 390, 430, 460, 460, 500};
	for (size_t i = 0; i < sizeof en / sizeof en[0]; ++i) {
		char name[80];
		k = sp_catalogue_find_grade(cat, en[i]);
		snprintf(name, sizeof name, "grade %s present with f_y %.0f", en[i], fy[i]);
		OK(k >= 0 && sp_catalogue_grade(cat, (size_t)k)->fy_MPa == fy[i], name);
	}
	k = sp_catalogue_find_grade(cat, "ASTM A572 Gr 50");
	OK(k >= 0 && sp_catalogue_grade(cat, (size_t)k)->fy_MPa == 345, "ASTM A572 Gr 50 f_y 345");
	OK(k >= 0 && strstr(sp_catalogue_grade(cat, (size_t)k)->source, "E per EN 1993-1-1 3.2.6 assumed") != NULL,
	   "ASTM A572 Gr 50: assumed E noted in source");
	for (size_t i = 0; i < ng; ++i) {
		const sp_grade_t *g = sp_catalogue_grade(cat, i);
		char name[160];
		snprintf(name, sizeof name, "%s: f_y in 200..600 MPa, E 210000, source given", g->name);
		OK(g->fy_MPa >= 200 && g->fy_MPa <= 600 && g->E_MPa == 210000 && g->source[0] != '\0', name);
	}
	INT_EQ(sp_catalogue_find_grade(cat, "S999GP"), -1, "unknown grade -> -1");
	OK(sp_catalogue_grade(cat, ng) == NULL, "grade index out of range -> NULL");
	sp_catalogue_free(cat);
}

/* BOM, CRLF, columns in another order, an extra column, a quoted field over
 * two lines, blank lines, an empty W_pl. */
static void test_csv_details(void)
{
	sp_err_t err = {0, ""};
	sp_catalogue_t *cat = sp_catalogue_read(FIX "ok_profiles.csv", FIX "ok_grades.csv", &err);
	OK(cat != NULL, "ok_profiles.csv (BOM, CRLF, order, extra column, multi-line field) loads");
	if (cat == NULL) {
		printf("     error %d: %s\n", err.code, err.text);
		return;
	}
	INT_EQ(sp_catalogue_n_profiles(cat), 3, "ok_profiles.csv: 3 profiles");
	INT_EQ(sp_catalogue_n_grades(cat), 2, "ok_grades.csv: 2 grades");
	const sp_profile_t *p = sp_catalogue_profile(cat, 0);
	OK(p != NULL && strcmp(p->name, "AZ 18-700") == 0, "BOM not part of the first header name");
	OK(p != NULL && strcmp(p->source, "BP; MADEP (cross-checked)") == 0, "quoted source read");
	p = sp_catalogue_profile(cat, 1);
	OK(p != NULL && strcmp(p->name, "PU 18") == 0, "blanks around a name trimmed");
	DBL_ABS(p ? p->w_pl_cm3_per_m : -1, 2134, 0, "value after a multi-line field");
	p = sp_catalogue_profile(cat, 2);
	OK(p != NULL && strcmp(p->name, "PZ 27") == 0, "third row after blank CRLF lines");
	DBL_ABS(p ? p->w_pl_cm3_per_m : -1, 0, 0, "empty last field (W_pl) -> 0");
	DBL_ABS(p ? p->width_mm : -1, 457.2, 0, "PZ 27 width from the reordered columns");
	sp_catalogue_free(cat);
	sp_catalogue_free(NULL); /* accepted */
	INT_EQ(sp_catalogue_n_profiles(NULL), 0, "n_profiles(NULL) = 0");
	INT_EQ(sp_catalogue_find_grade(NULL, "S355GP"), -1, "find_grade(NULL) = -1");
}

static void test_errors(void)
{
	const char *g = FIX "ok_grades.csv", *p = FIX "ok_profiles.csv";

	/* missing or unreadable files: SP_ENOINPUT with strerror */
	expect_err(FIX "no_such_file.csv", g, SP_ENOINPUT, "no_such_file.csv", strerror(ENOENT), NULL,
		   "missing profiles file");
	expect_err(p, FIX "no_such_grades.csv", SP_ENOINPUT, "no_such_grades.csv", strerror(ENOENT), NULL,
		   "missing grades file");
	expect_err(FIX, g, SP_ENOINPUT, "data/catalogue/", strerror(EISDIR), NULL, "directory as profiles file");

	/* exact message form */
	sp_err_t err = {0, ""};
	OK(sp_catalogue_read(FIX "bad_number.csv", g, &err) == NULL, "bad_number.csv fails");
	OK(strcmp(err.text, "data/catalogue/bad_number.csv:3: column 'mass_kg_per_m2': expected a number > 0, got 'abc'") == 0,
	   "bad_number.csv: exact message");
	if (strcmp(err.text, "data/catalogue/bad_number.csv:3: column 'mass_kg_per_m2': expected a number > 0, got 'abc'") != 0)
		printf("     message was: %s\n", err.text);

	/* bad content: SP_EDATA, file:line and column */
	expect_err(FIX "bad_number.csv", g, SP_EDATA, "bad_number.csv:3:", "'mass_kg_per_m2'", "got 'abc'", "non-numeric");
	expect_err(FIX "bad_nan.csv", g, SP_EDATA, "bad_nan.csv:3:", "'inertia_cm4_per_m'", "got 'nan'", "NaN");
	expect_err(FIX "bad_inf.csv", g, SP_EDATA, "bad_inf.csv:2:", "'w_el_cm3_per_m'", "got '1e999'", "overflow to inf");
	expect_err(FIX "bad_zero.csv", g, SP_EDATA, "bad_zero.csv:3:", "'height_mm'", "> 0", "zero height");
	expect_err(FIX "bad_negative.csv", g, SP_EDATA, "bad_negative.csv:2:", "'width_mm'", "got '-700'", "negative width");
	expect_err(FIX "bad_wpl.csv", g, SP_EDATA, "bad_wpl.csv:3:", "'w_pl_cm3_per_m'", "got '-2134'", "negative W_pl");
	expect_err(FIX "bad_shape.csv", g, SP_EDATA, "bad_shape.csv:3:", "'shape'", "got 'W'", "unknown shape");
	expect_err(FIX "bad_empty_name.csv", g, SP_EDATA, "bad_empty_name.csv:3:", "'name'", NULL, "empty name");
	expect_err(FIX "bad_duplicate.csv", g, SP_EDATA, "bad_duplicate.csv:4:", "'PU 18'", "line 3", "duplicate name");
	expect_err(FIX "bad_empty.csv", g, SP_EDATA, "bad_empty.csv", "empty", NULL, "empty file");
	expect_err(FIX "bad_header_only.csv", g, SP_EDATA, "bad_header_only.csv:1:", "no data rows", NULL, "header only");
	expect_err(FIX "bad_short_row.csv", g, SP_EDATA, "bad_short_row.csv:3:", "expected 11 fields", "got 10", "short row");
	expect_err(FIX "bad_long_row.csv", g, SP_EDATA, "bad_long_row.csv:2:", "expected 11 fields", "got 12", "long row");
	expect_err(FIX "bad_missing_column.csv", g, SP_EDATA, "bad_missing_column.csv:1:", "missing column 'mass_kg_per_m2'",
		   NULL, "missing column");
	expect_err(FIX "bad_twice_column.csv", g, SP_EDATA, "bad_twice_column.csv:1:", "'name'", "twice", "column twice");
	expect_err(FIX "bad_long_name.csv", g, SP_EDATA, "bad_long_name.csv:3:", "'name'", "at most 63", "name too long");
	expect_err(FIX "bad_empty_source.csv", g, SP_EDATA, "bad_empty_source.csv:2:", "'source'", NULL, "empty source");
	expect_err(FIX "bad_unterminated.csv", g, SP_EDATA, "bad_unterminated.csv:3:", "quoted field not closed", NULL,
		   "unterminated quote");
	expect_err(FIX "bad_stray_quote.csv", g, SP_EDATA, "bad_stray_quote.csv:3:", "malformed CSV", NULL,
		   "quote inside an unquoted field");
	expect_err(FIX "bad_after_multiline.csv", g, SP_EDATA, "bad_after_multiline.csv:7:", "'area_cm2_per_m'", "got '-1'",
		   "line number after a field over three lines and a blank line");
	expect_err(FIX "bad_multiline_source.csv", g, SP_EDATA, "bad_multiline_source.csv:2:", "'source'", "one line",
		   "line break inside a source");

	/* the grades file */
	expect_err(p, FIX "bad_grade_fy.csv", SP_EDATA, "bad_grade_fy.csv:3:", "'fy_MPa'", "got '0x186'", "hex f_y");
	expect_err(p, FIX "bad_grade_no_E.csv", SP_EDATA, "bad_grade_no_E.csv:1:", "missing column 'E_MPa'", NULL,
		   "grades without E_MPa");
	/* a profiles file given as grades: 'standard' is the first missing column */
	expect_err(p, PROFILES, SP_EDATA, "profiles.csv:1:", "missing column 'standard'", NULL, "files swapped");
	/* a NULL err is allowed */
	OK(sp_catalogue_read(FIX "bad_number.csv", g, NULL) == NULL, "NULL err accepted");
}

int main(void)
{
	test_shipped();
	test_csv_details();
	test_errors();
	return sp_test_done("test_catalogue");
}
