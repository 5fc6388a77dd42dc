/* search.h - the search strategy min-length.
 *
 * For every group (profile, grade, anchor option) the shortest feasible
 * length of the study's length grid, by bisection over the lengths in
 * ascending order, relying on feasibility growing with length:
 *   1. the shortest and the longest length are evaluated;
 *   2. shortest infeasible, longest feasible: bisection keeps an infeasible
 *      length below and a feasible one above until they are neighbours; the
 *      feasible one is the group's minimum length;
 *   3. the length after the minimum is evaluated too (when not yet known).
 * Whenever the evaluated points of a group are not monotone (a feasible
 * length shorter than an infeasible one), every remaining length of that
 * group is evaluated (a full scan) and the group is flagged. A group whose
 * longest length is infeasible has no feasible length (its shortest is
 * evaluated as well, as a check).
 *
 * The driver works in rounds: sp_search_next() hands out the candidates of
 * one round; every one must be reported with sp_search_report() before the
 * next call. The rounds and their contents depend only on the reported
 * outcomes, never on the order of the reports: the search is the same for
 * any thread count. */
#ifndef SP_SEARCH_H
#define SP_SEARCH_H

#include <stddef.h>
#include "study.h"

typedef struct sp_search sp_search_t;

typedef struct {
	size_t profile, grade, anchor; /* axis indices of the group */
	long min_length;               /* index into lengths_m of the shortest feasible length; -1: none */
	size_t evaluated;              /* candidates evaluated in the group */
	int scanned;                   /* 1: not monotone on the evaluated points, every length evaluated */
} sp_search_group_t;

/* NULL when out of memory. Free with sp_search_free(). */
sp_search_t *sp_search_alloc(const sp_study_t *st);
void sp_search_free(sp_search_t *s); /* accepts NULL */

/* The candidate ids of the next round, ascending, or NULL (*n = 0) when the
 * search is finished. Owned by s; valid until the next call. NULL with
 * *n = 1 when out of memory. */
const size_t *sp_search_next(sp_search_t *s, size_t *n);
/* The outcome of a candidate of the current round. */
void sp_search_report(sp_search_t *s, size_t id, int feasible);

size_t sp_search_n_groups(const sp_search_t *s);
void sp_search_group(const sp_search_t *s, size_t g, sp_search_group_t *out);
size_t sp_search_rounds(const sp_search_t *s);
/* Every candidate evaluated so far, ascending, into a malloc'ed array the
 * caller frees (NULL when out of memory or none: see *n). */
size_t *sp_search_evaluated(const sp_search_t *s, size_t *n);

#endif
