/* explain.h - why the best design is the best: the candidates whose
 * objective is better than the best feasible design's, counted by the check
 * that excludes each (its governing failed check, a failed analysis, or not
 * analysed by the search), the cheapest few of them with their margin, and
 * the best feasible alternatives that differ in kind from the best design
 * (another profile series, the other anchoring, another grade).
 *
 * One pass over every candidate after the run, from the analyses already run
 * (sp_eval_result: no analysis runs again), in parallel; the result does not
 * depend on the thread count (every merge is a sum or a minimum under the
 * total order (objective, candidate id)). */
#ifndef SP_EXPLAIN_H
#define SP_EXPLAIN_H

#include <stddef.h>
#include "evaluate.h"

/* Why a candidate is not feasible: the governing check's names of checks.h,
 * then these two. */
typedef enum {
	SP_WHY_ANALYSIS_FAILED = SP_CHECK_N,
	SP_WHY_NOT_ANALYSED,
	SP_WHY_N
} sp_why;

#define SP_EXPLAIN_CHEAPEST 5 /* cheaper infeasible candidates listed */

typedef enum { SP_ALT_SERIES = 0, SP_ALT_ANCHORING, SP_ALT_GRADE, SP_ALT_N } sp_alt_kind;

typedef struct {
	int has_best;                 /* a feasible design exists */
	double best_objective;
	size_t n_cheaper;             /* candidates with an objective better than the best's (all when none is feasible) */
	size_t by_why[SP_WHY_N];      /* n_cheaper by why they are not feasible; sums to n_cheaper */
	sp_result_t cheapest[SP_EXPLAIN_CHEAPEST]; /* the cheapest of them, by (objective, id) */
	int cheapest_why[SP_EXPLAIN_CHEAPEST];
	size_t n_cheapest;
	sp_result_t alt[SP_ALT_N];    /* the best feasible design of another kind than the best */
	int has_alt[SP_ALT_N];
} sp_explain_t;

/* "bending" ... "mobilised", "analysis-failed", "not-analysed" */
const char *sp_why_name(int why);
/* Why r is not feasible (r from sp_eval_result; not for a feasible one). */
int sp_why_of(const sp_result_t *r);
/* Fill *x for the run of ev whose best feasible design is best (NULL: none).
 * threads: as the study's workers. Returns SP_OK or SP_ESOFTWARE (out of
 * memory). */
int sp_explain_run(const sp_eval_t *ev, const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *best,
                   int threads, sp_explain_t *x);

/* One design of the search-space plot: a profile at a length, with the
 * grade and anchor option of the best design. */
typedef struct {
	size_t id;             /* candidate id */
	double length_m;
	double mass_kg_per_m2; /* the profile's */
	int why;               /* -1: feasible; else as sp_why_of */
} sp_explain_point_t;

/* Every profile at every length with the grade and anchor option of best
 * (of the first grade and anchor option when best is NULL), in candidate
 * order, every k-th length only when profiles x lengths would exceed
 * max_points (the chosen design's length always kept): *n points, malloc'd
 * (the caller frees), NULL when out of memory. */
sp_explain_point_t *sp_explain_grid(const sp_eval_t *ev, const sp_study_t *st, const sp_catalogue_t *cat,
                                    const sp_result_t *best, size_t max_points, size_t *n);

#endif
