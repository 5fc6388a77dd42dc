/* catalogue.h - sheet pile sections and steel grades, read from CSV (libcsv).
 *
 * Sections: designs/profiles.csv, properties per metre of wall.
 * Grades:   designs/grades.csv.
 * Every row carries its source. */
#ifndef SP_CATALOGUE_H
#define SP_CATALOGUE_H

#include <stddef.h>
#include "sp.h"

typedef enum { SP_SHAPE_Z = 0, SP_SHAPE_U = 1 } sp_shape;

typedef struct {
	char name[SP_NAME_MAX];     /* "AZ 18-700" */
	char series[SP_NAME_MAX];   /* "AZ-700" */
	sp_shape shape;             /* Z or U (U-piles get the EN 1993-5 beta_B reduction) */
	double width_mm;            /* system width of one pile */
	double height_mm;           /* wall depth h */
	double area_cm2_per_m;      /* steel area per m of wall */
	double mass_kg_per_m2;      /* mass per m2 of wall */
	double inertia_cm4_per_m;   /* I per m of wall */
	double w_el_cm3_per_m;      /* elastic section modulus per m */
	double w_pl_cm3_per_m;      /* plastic section modulus per m; 0 when unknown */
	double t_flange_mm;         /* flange thickness t_f; 0 when unknown (optional column) */
	double t_web_mm;            /* web thickness t_w; 0 when unknown (optional column) */
	char source[160];
} sp_profile_t;

typedef struct {
	char name[SP_NAME_MAX];     /* "S355GP" */
	char standard[SP_NAME_MAX]; /* "EN 10248-1" */
	double fy_MPa;              /* yield strength */
	double E_MPa;               /* Young's modulus */
	char source[160];
} sp_grade_t;

typedef struct sp_catalogue sp_catalogue_t; /* opaque */

/* Read both files. Returns NULL and fills *err (SP_ENOINPUT for a missing or
 * unreadable file, SP_EDATA for bad content, with file:line and column name)
 * on failure. The caller frees the result with sp_catalogue_free(). */
sp_catalogue_t *sp_catalogue_read(const char *profiles_csv, const char *grades_csv, sp_err_t *err);
void sp_catalogue_free(sp_catalogue_t *cat); /* accepts NULL */

/* Bending stiffness per m of wall, E = 210 GPa (EN 1993-5 3.2.1(6)) times I. */
double sp_profile_ei_kNm2_per_m(const sp_profile_t *p);

size_t sp_catalogue_n_profiles(const sp_catalogue_t *cat);
size_t sp_catalogue_n_grades(const sp_catalogue_t *cat);
const sp_profile_t *sp_catalogue_profile(const sp_catalogue_t *cat, size_t i);
const sp_grade_t *sp_catalogue_grade(const sp_catalogue_t *cat, size_t i);
/* Index of the profile/grade with this exact name (case-sensitive, surrounding
 * blanks ignored), or -1. */
long sp_catalogue_find_profile(const sp_catalogue_t *cat, const char *name);
long sp_catalogue_find_grade(const sp_catalogue_t *cat, const char *name);

#endif
