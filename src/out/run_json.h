/* run_json.h - run.json, the machine-readable summary of a run (run_json.c):
 * the study, the counts of candidates and analyses, the wall time and rate,
 * threads, MPI ranks and licences, the external solver's figures, the search
 * against exhaustive, the anchor refinement and the best design. */
#ifndef SP_RUN_JSON_H
#define SP_RUN_JSON_H

#include "anchor_refine.h"
#include "edges.h"
#include "evaluate.h"
#include "study.h"


/* Write dir/run.json (through outfile.h: complete or not at all). best and
 * refine may be NULL (no feasible design; no anchor refinement); edges are
 * the search-space edges the best designs lie on ("search_edges"). */
int sp_run_json_write(const char *dir, const sp_study_t *st, const sp_eval_stats_t *s, int licenses, double seconds,
                      const sp_result_t *best, const sp_anchor_refine_t *refine, const sp_edge_t *edges,
                      size_t n_edges, sp_err_t *err);

#endif
