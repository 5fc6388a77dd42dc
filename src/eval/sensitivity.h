/* sensitivity.h - how the best designs react to changed ground, water and
 * loads ([sensitivity] of the study file).
 *
 * Each of the best designs is analysed and checked again with a modified
 * study: one parameter at a time by +-amount (samples = 0), or by Monte Carlo
 * with samples drawn from normal distributions (standard deviation = amount)
 * with a GSL generator (gsl_rng_mt19937) seeded per sample index from the
 * study's seed, so the numbers do not depend on the thread count. The same
 * variations are used for every design.
 *
 * What a change does (clamped to the study file's ranges):
 *   phi_deg      phi' of every drained layer (delta kept in proportion to phi')
 *   c_kPa        c' of every drained layer (never below 0)
 *   gamma_kN_m3  both unit weights of every layer (never below 1 kN/m3)
 *   cu_kPa       c_u of every undrained layer (never below 1 kPa; limit equilibrium only)
 *   water_retained_m, water_excavation_m  the water level of that side (subgrade:
 *                the left / right level of every stage)
 *   surcharge_kPa  the surcharge (subgrade: the uniform load named "surcharge")
 * Monte Carlo draws one change per layer (soil parameters), per side (water)
 * and one for the surcharge, in that order. */
#ifndef SP_SENSITIVITY_H
#define SP_SENSITIVITY_H

#include <stddef.h>
#include <stdio.h>
#include "catalogue.h"
#include "result.h"
#include "study.h"

/* The utilisations followed: every check of checks.h (a new check is
 * followed without a change here), then util_max. */
enum {
	SP_SENS_U_BENDING = SP_CHECK_BENDING,
	SP_SENS_U_SHEAR = SP_CHECK_SHEAR,
	SP_SENS_U_EMBEDMENT = SP_CHECK_EMBEDMENT,
	SP_SENS_U_ANCHOR = SP_CHECK_ANCHOR,
	SP_SENS_U_MAX = SP_CHECK_N,
	SP_SENS_NU
};

/* One row of sensitivity.csv: a design under one change (one at a time) or
 * under every variation of a kind ("all": every one-at-a-time change;
 * "monte-carlo": every sample). Utilisation statistics are over the
 * variations whose analysis found an equilibrium. */
typedef struct {
	size_t design;              /* index into the best designs (rank - 1) */
	char parameter[32];         /* "none" (the design as ranked), a key such as "phi_deg", "all", "monte-carlo" */
	double change;              /* one at a time: the signed change in the key's unit; else 0 */
	size_t samples;             /* variations in the row */
	double base[SP_SENS_NU];    /* utilisations of the unchanged study */
	double min[SP_SENS_NU], mean[SP_SENS_NU], max[SP_SENS_NU];
	double fail_fraction;       /* variations in which any check fails or the analysis fails */
	double failed_fraction;     /* variations in which the analysis finds no equilibrium */
} sp_sens_row_t;

typedef struct {
	sp_sens_row_t *rows;        /* owned */
	size_t n;
	size_t n_designs;
	size_t analyses;            /* re-analyses run (designs x variations, the base included) */
	int monte_carlo;            /* 1: Monte Carlo samples, 0: one at a time */
} sp_sens_t;

/* Run the study's [sensitivity] on the best n_best designs (best first; at
 * most st->sensitivity.top are used) on n_threads threads. *out is filled
 * (free with sp_sens_free); SP_OK, or an error in *err. */
int sp_sens_run(const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *best, size_t n_best,
                int n_threads, sp_sens_t *out, sp_err_t *err);
void sp_sens_free(sp_sens_t *s); /* accepts a zeroed or freed struct */

/* sensitivity.csv: header and rows; best[] as given to sp_sens_run. */
void sp_sens_write_csv(FILE *fp, const sp_study_t *st, const sp_result_t *best, const sp_sens_t *s);

#endif
