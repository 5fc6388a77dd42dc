/* moment_check.h - the unity check of a fixed wall's moment against the
 * allowable moment of its elements (sp_wall_element_t
 * allowable_moment_kNm_per_m: D-Sheet Piling's "maximum allowed elastic
 * moment including reduction factor"), per construction stage: at every node
 * of the stage's result |M| / the allowable moment of each element the node
 * belongs to (a node on the boundary of two elements belongs to both); the
 * largest ratio is the stage's. D-Sheet Piling reports a stage past it as
 * "Allowable moment exceeded" (bm4-44a.shd). Elements without an allowable
 * moment (0) are not checked. Pure: no printing. */
#ifndef SP_MOMENT_CHECK_H
#define SP_MOMENT_CHECK_H

#include <stddef.h>
#include "beam_result.h"
#include "wall.h"

typedef struct {
	double util_moment;               /* largest |M| / allowable moment (NAN when nothing is checked) */
	double moment_kNm_per_m;          /* the moment there, signed */
	double allowable_moment_kNm_per_m; /* the allowable moment of that element */
	double level_m;                   /* the node's level */
	int element;                      /* index of that element in w->elements; -1 when nothing is checked */
} sp_moment_check_t;

/* 1 when an element of w has an allowable moment. */
int sp_moment_check_any(const sp_wall_t *w);

/* The check over the n nodes of one stage's result; returns 1 when a node
 * was checked (out filled), 0 when none was (no allowable moment, no nodes;
 * out->util_moment NAN, out->element -1). */
int sp_moment_check_stage(const sp_wall_t *w, const sp_beam_node_t *nodes, size_t n, sp_moment_check_t *out);

#endif
