/* designs.h - designs evaluated on their own, outside the candidate phase
 * of the evaluator: the best designs with their diagrams, one candidate
 * (`sheetpile evaluate`, the sensitivity), one case of the built-in engine. */
#ifndef SP_DESIGNS_H
#define SP_DESIGNS_H

#include <stddef.h>
#include "catalogue.h"
#include "engine.h"
#include "result.h"
#include "study.h"

/* Evaluate one candidate on its own, with diagrams when diagram_step_m > 0.
 * The caller frees *analysis with sp_analysis_free(); result->analysis points
 * to it. */
int sp_designs_one(const sp_study_t *st, const sp_catalogue_t *cat, size_t id, double diagram_step_m,
                   sp_analysis_t *analysis, sp_result_t *result, sp_err_t *err);

/* sp_designs_one for n candidates (the best designs, their diagrams): the
 * distinct analyses among them run at once, as many as the study's
 * licences (and, for the built-in engines, its threads and the cores)
 * allow; a candidate that shares another's analysis (another grade) gets a
 * copy of it. The caller frees each analyses[i]; results[i].analysis
 * points to analyses[i]. */
int sp_designs_eval(const sp_study_t *st, const sp_catalogue_t *cat, const size_t *ids, size_t n,
                    double diagram_step_m, sp_analysis_t *analyses, sp_result_t *results, sp_err_t *err);

/* One analysis of a study with its built-in engine ([design] method, also
 * when the study has a [solver]): what `sheetpile evaluate` runs. c->profile
 * names the study profile; its EI is taken from the catalogue. The caller
 * frees *out with sp_analysis_free(). */
int sp_designs_case(const sp_study_t *st, const sp_catalogue_t *cat, sp_case_t *c, double diagram_step_m,
                    sp_analysis_t *out, sp_err_t *err);

#endif
