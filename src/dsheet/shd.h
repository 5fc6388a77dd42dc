/* shd.h - reader of D-Sheet Piling result files (.shd, "DUMP FILE FOR
 * D-SHEET PILING").
 *
 * A .shd file repeats the input and then holds [OUTPUT DATA]: per
 * [CONSTRUCTION STAGE] the nodes ([POINTS ON SHEETPILE], printed before the
 * stage), [MOMENTS FORCES DISPLACEMENTS], one [SIDE] block per side with
 * [PRESSURES], [SOIL COLLAPSE DATA], [ANCHOR DATA] / [SUPPORT DATA]; and at the
 * end [RESUME], [ANCHORS AND STRUTS RESUME], [SUPPORTS RESUME],
 * [MAXIMUM SUMMARY RESULTS], [WARNINGS] and [ERRORS]. Tables are read by the
 * names in their [COLUMN INDICATION], so a change of column order is harmless.
 *
 * Units as in the file: m, kN/m, kNm/m, kPa; displacements in mm.
 * Index 0 of a two-sided array is the left side, 1 the right side (the file
 * prints Rightside first; the reader maps by the side's name). */
#ifndef SP_SHD_H
#define SP_SHD_H

#include <stddef.h>
#include "sp.h"
#include "wall.h"

#define SP_SHD_MAX_FORCES 16
#define SP_SHD_MAX_ERRORS 4

enum { SP_SHD_LEFT = 0, SP_SHD_RIGHT = 1 };

/* kind of a support force */
enum { SP_SHD_ANCHOR = 0, SP_SHD_STRUT = 1, SP_SHD_SUPPORT = 2 };

typedef struct {
	double level_m;
	double moment_kNm_per_m, shear_kN_per_m, displacement_mm;
	double effective_kPa[2]; /* "Horizontal pressure", [left, right] */
	double water_kPa[2];     /* "Pore pressure" */
	double passive_kPa[2];   /* "Passive pressure" */
	double neutral_kPa[2];   /* "Neutral pressure" */
} sp_shd_point_t;

typedef struct {
	char name[64];
	double level_m;        /* NAN when only the resume table gave the force */
	double force_kN_per_m; /* anchor/strut force; support reaction */
	int kind;              /* SP_SHD_ANCHOR, SP_SHD_STRUT or SP_SHD_SUPPORT */
} sp_shd_support_force_t;

typedef struct {
	int number, status, iterations; /* StageNumber, CalculationStatus, IterationCount */
	sp_shd_point_t *points;         /* NULL when the stage has no results */
	size_t n_points;
	double mobilised_pct[2]; /* percentage mobilised resistance [left, right]; NAN if absent */
	sp_shd_support_force_t forces[SP_SHD_MAX_FORCES];
	int n_forces;
	/* from [RESUME] (signed, as printed); NAN when the stage has no row */
	double max_moment, max_shear, max_displacement, max_mobilised_pct;
	int n_result_sets; /* [CONSTRUCTION STAGE] blocks with this number; the first is kept */
} sp_shd_stage_t;

typedef struct {
	sp_shd_stage_t *stages;
	int n_stages;
	int n_stages_input; /* "Number of Construction stages" of the input part; -1 if absent */
	char calculation_type[64]; /* [CALCULATION TYPE], e.g. "Standard" */
	/* [MAXIMUM SUMMARY RESULTS] (signed, as printed). Files without that
	 * section (single pile) get the largest |value| over the [RESUME] rows
	 * and has_summary = 0. */
	double max_moment_kNm_per_m, max_shear_kN_per_m, max_displacement_mm;
	int has_summary;
	int all_stable; /* AllStagesAreStable; -1 if not reported */
	char errors[SP_SHD_MAX_ERRORS][256]; /* first data rows of [ERRORS] */
	int n_errors;   /* DataCount of [ERRORS] */
	int n_warnings; /* DataCount of [WARNINGS] */
} sp_shd_t;

/* Read path into *out (zeroed first; free with sp_shd_free even on failure).
 * SP_OK; SP_ENOINPUT when the file cannot be opened or read; SP_EDATA with
 * "file:line: ..." when it is not a complete D-Sheet Piling result file. */
int sp_shd_read(const char *path, sp_shd_t *out, sp_err_t *err);
void sp_shd_free(sp_shd_t *r); /* accepts NULL */

/* The stage with this StageNumber, or NULL. */
const sp_shd_stage_t *sp_shd_stage(const sp_shd_t *r, int number);

/* ---- what a study needs from a D-Sheet Piling run ----------------------- */

typedef struct {
	double max_moment_kNm_per_m;  /* largest |M| of the stage ([RESUME]) */
	double max_moment_level_m;    /* where (the point of largest |M|; NAN without points) */
	double max_shear_kN_per_m;    /* largest |V| */
	double max_displacement_mm;   /* largest |u| */
	double top_displacement_mm;   /* |u| at the top point; NAN without points */
	double mobilised_pct;         /* largest mobilised resistance of the two sides, % */
	double anchor_force_kN_per_m; /* largest horizontal anchor or strut force (see sp_shd_summary) */
} sp_shd_stage_summary_t;

typedef struct {
	int ok;                /* 1: every stage calculated, stable, no [ERRORS] */
	char reason[256];      /* why not ok, e.g. "D-Sheet Piling error: ..." or "stage 2: calculation status 3" */
	int n_stages;
	sp_shd_stage_summary_t stage[SP_WALL_MAX_STAGES];
	/* over all stages (the largest |value|, >= 0) */
	double max_moment_kNm_per_m, max_moment_level_m, max_shear_kN_per_m, max_displacement_mm;
	double top_displacement_mm, mobilised_pct, anchor_force_kN_per_m;
	int n_warnings;
} sp_shd_summary_t;

/* Map the results of a D-Sheet Piling run to what a study records for a
 * candidate: per stage and over all stages the largest |moment|, |shear|,
 * |displacement| (and at the top), the mobilised resistance and the largest
 * anchor/strut force; ok = 0 with a reason when D-Sheet Piling reported an
 * error, a stage was not calculated (CalculationStatus != 0, no results) or
 * not all stages are stable (AllStagesAreStable=0).
 *
 * w is the model that was calculated (may be NULL). With it, anchor and
 * strut forces are found by name and made horizontal (force x cos angle, as
 * the beam engine reports them), and a result of another model is refused:
 * another number of stages, or a force of an anchor or strut w does not
 * have. Without w, forces are taken as printed (along the anchor).
 * Returns SP_OK (also when ok = 0), or SP_EDATA when r holds more stages
 * than a wall can (SP_WALL_MAX_STAGES). */
int sp_shd_summary(const sp_shd_t *r, const sp_wall_t *w, sp_shd_summary_t *out, sp_err_t *err);

#endif
