/* edges.h - the edges of the search space that the best designs lie on.
 *
 * An optimum found on the fence of a study's design space may hide a better
 * design beyond it: the shortest length searched (a shorter pile is cheaper),
 * the lightest or weakest profile offered when the catalogue has a lighter
 * one that was not offered, the weakest grade offered when the catalogue has
 * a weaker one, and the highest or lowest anchor level searched. The longest
 * length, the heaviest profile and the strongest grade are no such fence: a
 * design beyond them costs more. Pure: the caller prints. */
#ifndef SP_EDGES_H
#define SP_EDGES_H

#include <stddef.h>
#include "catalogue.h"
#include "result.h"
#include "study.h"

typedef enum {
	SP_EDGE_SHORTEST_LENGTH = 0,
	SP_EDGE_LIGHTEST_PROFILE,
	SP_EDGE_WEAKEST_GRADE,
	SP_EDGE_HIGHEST_ANCHOR,
	SP_EDGE_LOWEST_ANCHOR,
	SP_EDGE_N
} sp_edge_kind;

typedef struct {
	sp_edge_kind kind;
	const char *axis;   /* the study key: "length_m", "profiles", "grades", "levels_m" */
	const char *edge;   /* "shortest", "lightest or weakest", "weakest", "highest", "lowest" */
	const char *what;   /* "length", "profile", "grade", "anchor level" */
	char value[64];     /* the value on the edge, as the study names it: "8.00 m", "AZ 18-700" */
	char advice[160];   /* what to extend: "try lengths below 8.00 m (length_m = ...)" */
} sp_edge_t;

/* The edges hit by any of best[0..n_best), each once, in sp_edge_kind
 * order, into out (room for SP_EDGE_N). Returns how many. */
size_t sp_edges_find(const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *best, size_t n_best,
                     sp_edge_t out[SP_EDGE_N]);

#endif
