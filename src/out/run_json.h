/* run_json.h - run.json, the machine-readable summary of a run (run_json.c):
 * the study, the counts of candidates and analyses, the wall time and rate,
 * threads, MPI ranks and licences, the external solver's figures, the search
 * against exhaustive, the anchor refinement and the best design. */
#ifndef SP_RUN_JSON_H
#define SP_RUN_JSON_H

#include "anchor_refine.h"
#include "edges.h"
#include "explain.h"
#include "evaluate.h"
#include "study.h"


/* What explains the answer: the search-space edges the best designs lie
 * on, why the cheaper designs fail, the alternatives and the decision. */
typedef struct {
	const sp_edge_t *edges;
	size_t n_edges;
	const sp_explain_t *why; /* NULL: not computed */
	const char *decision;    /* the decision's lines (describe.h), or NULL */
} sp_run_json_explain_t;

/* Write dir/run.json (through outfile.h: complete or not at all). best and
 * refine may be NULL (no feasible design; no anchor refinement); ex may be
 * NULL (nothing explained: "search_edges" empty). */
int sp_run_json_write(const char *dir, const sp_study_t *st, const sp_eval_stats_t *s, int licenses, double seconds,
                      const sp_result_t *best, const sp_anchor_refine_t *refine, const sp_run_json_explain_t *ex,
                      sp_err_t *err);

#endif
