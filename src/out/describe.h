/* describe.h - the one sentence that names a design (describe.c): its
 * profile, grade, length and anchor, as run's summary, report.html, the
 * plots and the batch's index.html show it. */
#ifndef SP_DESCRIBE_H
#define SP_DESCRIBE_H

#include <stddef.h>
#include "candidate.h"
#include "explain.h"
#include "study.h"

/* "AZ 18-700 S355GP, 14.00 m, anchor at 1.50 m" or "..., cantilever" into
 * buf (size bytes, cut short when smaller). */
void sp_describe_design(char *buf, size_t size, const sp_study_t *st, const sp_candidate_t *c);

/* How much r fails by: "bending 4 % over", "analysis failed", "not analysed
 * by the search". */
void sp_describe_failure(char *buf, size_t size, const sp_result_t *r, int why);

/* The decision in three lines of plain words, each ending in '\n': the
 * chosen design with its governing check and margin; the best alternatives
 * of another kind (series, anchoring, grade) with their cost difference; the
 * cheaper designs and why they fail, and the number of warnings (n_warnings).
 * best NULL: no feasible design (then what excludes the candidates). */
void sp_describe_decision(char *buf, size_t size, const sp_study_t *st, const sp_result_t *best,
                          const sp_explain_t *x, size_t n_warnings);

#endif
