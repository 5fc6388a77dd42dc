/* cmd_profiles.c - sheetpile profiles: the sections and steel grades of a catalogue. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cli.h"
#include "datadir.h"


int sp_cmd_profiles(const sp_cli_opts_t *o)
{
	sp_err_t err = {0};
	char profiles[SP_PATH_MAX], grades[SP_PATH_MAX]; /* the installed catalogue (datadir.h) by default */
	sp_datadir_path(profiles, sizeof profiles, "profiles.csv");
	sp_datadir_path(grades, sizeof grades, "grades.csv");
	sp_catalogue_t *cat = sp_catalogue_read(o->catalogue ? o->catalogue : profiles, o->grades ? o->grades : grades, &err);
	if (cat == NULL)
		return sp_cli_fail(&err);
	printf("%-20s %-6s %5s %9s %9s %14s %14s %14s %14s\n", "profile", "shape", "", "width_mm", "height_mm",
	       "mass_kg_per_m2", "I_cm4_per_m", "W_el_cm3_per_m", "W_pl_cm3_per_m");
	for (size_t i = 0; i < sp_catalogue_n_profiles(cat); i++) {
		const sp_profile_t *p = sp_catalogue_profile(cat, i);
		printf("%-20s %-6s %5s %9.0f %9.1f %14.1f %14.0f %14.0f ", p->name, p->shape == SP_SHAPE_Z ? "Z" : "U",
		       "", p->width_mm, p->height_mm, p->mass_kg_per_m2, p->inertia_cm4_per_m, p->w_el_cm3_per_m);
		if (p->w_pl_cm3_per_m > 0)
			printf("%14.0f\n", p->w_pl_cm3_per_m);
		else
			printf("%14s\n", "-");
	}
	printf("\n%-16s %-24s %8s %8s\n", "grade", "standard", "fy_MPa", "E_MPa");
	for (size_t i = 0; i < sp_catalogue_n_grades(cat); i++) {
		const sp_grade_t *g = sp_catalogue_grade(cat, i);
		printf("%-16s %-24s %8.0f %8.0f\n", g->name, g->standard, g->fy_MPa, g->E_MPa);
	}
	sp_catalogue_free(cat);
	return 0;
}
