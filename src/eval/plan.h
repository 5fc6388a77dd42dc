/* plan.h - the evaluation plan of a study: its engine, the catalogue entries
 * of its profiles and grades, its cost reference, and the distinct analyses
 * its candidates share. The limit-equilibrium analysis depends on the anchor
 * option only: one per option; the beam analysis also on the section's EI
 * and the length (never the grade): one per (EI, length, anchor option); an
 * external solver, a black box, one per (profile, length, anchor option).
 * A candidate's checks and cost then come from its shared analysis. */
#ifndef SP_PLAN_H
#define SP_PLAN_H

#include <stddef.h>
#include "candidate.h"
#include "catalogue.h"
#include "cost.h"
#include "engine.h"
#include "steel.h"
#include "result.h"
#include "study.h"

typedef struct {
	const sp_study_t *st;
	const sp_catalogue_t *cat;
	const sp_engine_type *engine;      /* sp_engine_exec_or_builtin */
	long *profile_index, *grade_index; /* study axis -> catalogue */
	size_t *ei_class, n_ei;            /* uses_section: study profile -> distinct EI (or profile) */
	size_t n_analyses;                 /* distinct analyses of the study */
	sp_cost_ref_t ref;                 /* objective = weighted */
	sp_steel_t *steel;                 /* profile x grade (grade fastest): EN 1993-5 resistances after corrosion */
	double loss_mm[2];                 /* corrosion of the retained and excavation faces */
} sp_plan_t;

/* The plan of st with the sections and grades of cat: SP_EDATA for a
 * profile or grade not in the catalogue. Clear with sp_plan_clear(), also
 * after a failure. */
int sp_plan_init(sp_plan_t *p, const sp_study_t *st, const sp_catalogue_t *cat, sp_err_t *err);
void sp_plan_clear(sp_plan_t *p);

/* The analysis a candidate uses, in [0, n_analyses). */
size_t sp_plan_analysis_of(const sp_plan_t *p, const sp_candidate_t *c);
/* The case of analysis i (the inverse of sp_plan_analysis_of). */
void sp_plan_case(const sp_plan_t *p, size_t i, sp_case_t *c);

/* The catalogue entries of a study profile and grade. */
const sp_profile_t *sp_plan_profile(const sp_plan_t *p, size_t profile);
const sp_grade_t *sp_plan_grade(const sp_plan_t *p, size_t grade);

/* The resistances of a study profile x grade. */
const sp_steel_t *sp_plan_steel(const sp_plan_t *p, size_t profile, size_t grade);
/* Checks and cost of candidate id from its (shared) analysis a. */
void sp_plan_evaluate(const sp_plan_t *p, size_t id, const sp_analysis_t *a, sp_result_t *r);
/* A candidate not analysed (best-first): its axes, its cost and status
 * (SP_CAND_SKIPPED_*); checks zero, analysis a static one that is not ok. */
void sp_plan_skipped(const sp_plan_t *p, size_t id, sp_cand_status status, sp_result_t *r);
/* Candidates ids[first .. first + count) (first .. first + count when ids
 * is NULL) into rows, each from its analysis in analyses[] (one per
 * analysis of the plan), on this thread; skip (per candidate id, may be
 * NULL): non-zero, the candidate is skipped with that status
 * (sp_plan_skipped). Each candidate writes only its own row: results
 * cannot depend on the thread count or the schedule. */
void sp_plan_rows(const sp_plan_t *p, const sp_analysis_t *analyses, const size_t *ids, const unsigned char *skip,
                  size_t first, size_t count, sp_result_t *rows);
/* Point rows to their analyses in analyses[] (rows from another MPI rank). */
void sp_plan_relink(const sp_plan_t *p, const sp_analysis_t *analyses, sp_result_t *rows, size_t n);

#endif
