/* dsheet_calc.h - analyze of an imported D-Sheet Piling design-length or
 * verification calculation (docs/dsheet-verification.md). */
#ifndef SP_DSHEET_CALC_H
#define SP_DSHEET_CALC_H

#include <stdio.h>
#include "sp.h"
#include "wall.h"

/* Verification: one row per stage and step (the characteristic run, then
 * the factored steps), then the design values (the largest over the rows,
 * as D-Sheet's [MAXIMUM SUMMARY RESULTS]). CSV on out. */
int sp_dsheet_verify_print(const sp_wall_t *w, FILE *out, sp_err_t *err);

/* Design of the length: the verification of the design stage at each
 * length from design_from_m down by design_step_m to design_to_m, stopping
 * after the first length that fails; rows with D-Sheet's columns, then the
 * designed length (the shortest that passed; NaN none, also in *designed_m
 * unless NULL). CSV on out: `analyze` prints it, `run` writes it to
 * dsheet_design_length.csv. */
int sp_dsheet_design_length_print(const sp_wall_t *w, FILE *out, double *designed_m, sp_err_t *err);

/* The stderr warning for the rules no development file measures (the Dutch
 * annex, method B of the Belgian annex; docs/dsheet-verification.md), for
 * the study at path; nothing for the others. */
void sp_dsheet_calc_warn(const sp_wall_t *w, const char *path);

#endif
