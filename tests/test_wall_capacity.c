/* test_wall_capacity.c - the wall's moment capacity of an imported D-Sheet
 * Piling project, and the importer's notes in the study file (issue 19
 * point 2: "user-defined and wooden wall materials (the wall's EI and
 * moment capacities as given)").
 *
 * Sources:
 * - every development file of tests/data/dsheet (D-Sheet Piling 24.1 .shi
 *   and the .shd it wrote, Deltares' GEOLib, MIT licence) that the importer
 *   reads: each element's allowable moment must be the .shd's "Maximum
 *   allowed elastic moment including reduction factor" ([SHEET PILE
 *   ELEMENTS], 6th column, printed to 0.001 kNm/m), read from the .shd here.
 *   Non-zero in 11 files, among them bm4-44a (a user-defined material:
 *   610.6 kNm/m characteristic, width 0.70, kmod 0.85, material factor 1.20,
 *   reduction factor 1.15: 348.169) and ComplexProjects24 (concrete: 44000 /
 *   1.10 = 40000.000);
 * - the unity check of the moment (engine/moment_check.h) on a hand-made
 *   two-element result: closed form, |M| / allowable moment of the element
 *   a node belongs to (both at a boundary);
 * - the notes: Tutorial-16 (settlement by vibration) and Tutorial-2a (CPT)
 *   written to a study and read back, and a note with a ';' after a blank
 *   and longer than an INI line. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "moment_check.h"
#include "shi.h"
#include "study.h"
#include "study_read.h"
#include "study_wall.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DATA "data/dsheet/"

/* The 6th column of every row of the .shd's [SHEET PILE ELEMENTS] table;
 * the count, -1 when the table is not found. */
static int shd_allowed_moments(const char *path, double *out, int max)
{
	FILE *fp = fopen(path, "r");
	if (fp == NULL)
		return -1;
	char line[1024];
	int in_table = 0, in_data = 0, n = -1;
	while (fgets(line, sizeof line, fp)) {
		if (strncmp(line, "[SHEET PILE ELEMENTS]", 21) == 0)
			in_table = 1;
		else if (in_table && strncmp(line, "[DATA]", 6) == 0)
			in_data = 1, n = 0;
		else if (in_data && strncmp(line, "[END OF DATA]", 13) == 0)
			break;
		else if (in_data && n < max) {
			double v[6];
			if (sscanf(line, "%lf %lf %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) == 6)
				out[n++] = v[5];
		}
	}
	fclose(fp);
	return n;
}

static void test_allowable_moments(void)
{
	DIR *d = opendir(DATA);
	OK(d != NULL, "the development files");
	if (d == NULL)
		return;
	int files = 0, nonzero = 0;
	struct dirent *e;
	sp_wall_t *w = malloc(sizeof *w);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".shi") != 0)
			continue;
		char shi[512], shd[512], name[600];
		snprintf(shi, sizeof shi, DATA "%s", e->d_name);
		snprintf(shd, sizeof shd, DATA "%.*s.shd", (int)(len - 4), e->d_name);
		sp_err_t err = {0, ""};
		sp_wall_init(w);
		if (sp_shi_read(shi, w, &err) != SP_OK)
			continue; /* refused by name: test_shi and tests/dsheet.sh */
		double want[SP_WALL_MAX_ELEMENTS];
		int n = shd_allowed_moments(shd, want, SP_WALL_MAX_ELEMENTS);
		snprintf(name, sizeof name, "%s: the .shd has one element row per element", e->d_name);
		INT_EQ(n, w->n_elements, name);
		files++;
		int any = 0;
		for (int k = 0; k < n && k < w->n_elements; k++) {
			snprintf(name, sizeof name, "%s element %d: allowable moment = the .shd's %.3f kNm/m", e->d_name, k + 1,
			         want[k]);
			DBL_ABS(w->elements[k].allowable_moment_kNm_per_m, want[k], 0.0005 + 1e-9 * want[k], name);
			any |= want[k] > 0;
		}
		nonzero += any;
	}
	closedir(d);
	free(w);
	OK(files >= 50, "at least 50 development files read");
	printf("     %d files, %d with an allowable moment\n", files, nonzero);
	OK(nonzero >= 10, "at least 10 of them with an allowable moment");
}

static void test_moment_check(void)
{
	sp_wall_t *w = calloc(1, sizeof *w);
	w->top_level_m = 0.0;
	w->n_elements = 2;
	w->elements[0] = (sp_wall_element_t){.name = "upper", .bottom_level_m = -5.0, .allowable_moment_kNm_per_m = 120.5};
	w->elements[1] = (sp_wall_element_t){.name = "lower", .bottom_level_m = -10.0, .allowable_moment_kNm_per_m = 48.25};
	sp_beam_node_t nodes[4] = {{.level_m = 0.0, .moment_kNm_per_m = 10.0},
	                           {.level_m = -2.5, .moment_kNm_per_m = 100.0},
	                           {.level_m = -5.0, .moment_kNm_per_m = -60.0},
	                           {.level_m = -7.5, .moment_kNm_per_m = 40.0}};
	sp_moment_check_t mc;
	INT_EQ(sp_moment_check_any(w), 1, "moment check: an element has an allowable moment");
	INT_EQ(sp_moment_check_stage(w, nodes, 4, &mc), 1, "moment check: nodes checked");
	/* at -5 m: 60 / 120.5 = 0.498 for the upper element, 60 / 48.25 = 1.2435 for the lower */
	DBL_REL(mc.util_moment, 60.0 / 48.25, 1e-12, "moment check: the boundary node counts for the lower element");
	INT_EQ(mc.element, 1, "moment check: the lower element governs");
	DBL_ABS(mc.level_m, -5.0, 0, "moment check: at -5 m");
	DBL_ABS(mc.moment_kNm_per_m, -60.0, 0, "moment check: the signed moment there");
	DBL_ABS(mc.allowable_moment_kNm_per_m, 48.25, 0, "moment check: the lower element's allowable moment");
	/* the lower element unchecked: 100 / 120.5 at -2.5 m governs */
	w->elements[1].allowable_moment_kNm_per_m = 0;
	sp_moment_check_stage(w, nodes, 4, &mc);
	DBL_REL(mc.util_moment, 100.0 / 120.5, 1e-12, "moment check: an element without one is not checked");
	w->elements[0].allowable_moment_kNm_per_m = 0;
	INT_EQ(sp_moment_check_any(w), 0, "moment check: no allowable moment");
	INT_EQ(sp_moment_check_stage(w, nodes, 4, &mc), 0, "moment check: nothing checked");
	OK(isnan(mc.util_moment) && mc.element == -1, "moment check: NAN and element -1 when nothing is checked");
	free(w);
}

/* w written as a study and read back: the notes and allowable moments the same */
static void round_trip(sp_wall_t *w, const char *what)
{
	char path[] = "/tmp/sp_wall_capacity_XXXXXX", name[600];
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	OK(fp != NULL, "temporary file");
	if (fp == NULL)
		return;
	sp_err_t err = {0, ""};
	snprintf(name, sizeof name, "%s: write", what);
	INT_EQ(sp_study_write_wall(fp, w, what, &err), SP_OK, name);
	fclose(fp);
	sp_study_t *st = sp_study_read(path, &err);
	snprintf(name, sizeof name, "%s: read back (%.200s)", what, st ? "" : err.text);
	OK(st != NULL, name);
	if (st) {
		snprintf(name, sizeof name, "%s: the notes read back ('%.120s')", what, st->wall->notes);
		OK(strcmp(st->wall->notes, w->notes) == 0, name);
		for (int k = 0; k < w->n_elements; k++) {
			snprintf(name, sizeof name, "%s: element %d's allowable moment read back", what, k + 1);
			DBL_ABS(st->wall->elements[k].allowable_moment_kNm_per_m, w->elements[k].allowable_moment_kNm_per_m, 0,
			        name);
		}
		sp_study_free(st);
	}
	remove(path);
}

static void test_notes(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	sp_err_t err = {0, ""};
	sp_wall_init(w);
	INT_EQ(sp_shi_read(DATA "Tutorial-16.shi", w, &err), SP_OK, "Tutorial-16 imports");
	OK(strstr(w->notes, "settlement by vibration") != NULL, "Tutorial-16: the settlement-by-vibration note");
	DBL_ABS(w->elements[0].allowable_moment_kNm_per_m, 834.0, 0.0005, "Tutorial-16: allowable moment 834 (its .shd)");
	round_trip(w, "Tutorial-16");
	sp_wall_init(w);
	INT_EQ(sp_shi_read(DATA "Tutorial-2a.shi", w, &err), SP_OK, "Tutorial-2a imports");
	OK(strstr(w->notes, "CPT 'CPT 01'") != NULL, "Tutorial-2a: the note names the CPT");
	/* a second note, over an INI line (200 characters), with no ' ;' (an inline comment to the reader) */
	sp_wall_note(w, "a long note: %s", "the quick brown fox jumps over the lazy dog; it does so again and again, "
	                                    "with 2.385 m between jumps, until the text is well over two hundred "
	                                    "characters long, which a single INI line could not hold");
	round_trip(w, "Tutorial-2a and a long note");
	/* a ';' after a blank would cut the value short: written as ',' */
	sp_wall_init(w);
	sp_shi_read(DATA "Tutorial-1.shi", w, &err);
	OK(w->notes[0] == '\0', "Tutorial-1: no note");
	sp_wall_note(w, "one ; two");
	char path[] = "/tmp/sp_wall_capacity_XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (fp) {
		sp_study_write_wall(fp, w, "semicolon", &err);
		fclose(fp);
		sp_study_t *st = sp_study_read(path, &err);
		OK(st != NULL && strcmp(st->wall->notes, "one , two\n") == 0, "a ' ;' in a note reads back as ' ,'");
		sp_study_free(st);
		remove(path);
	}
	free(w);
}

int main(void)
{
	test_allowable_moments();
	test_moment_check();
	test_notes();
	return sp_test_done("test_wall_capacity");
}
