/* designs.c - designs evaluated on their own. */
#include "designs.h"
#include "plan.h"
#include "workers.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	const sp_plan_t *plan;
	const size_t *analysis; /* per design: its analysis */
	const size_t *run;      /* designs whose analysis runs */
	sp_analysis_t *out;
	double step;
	int failed;
} S_designs_job;

static void S_design_run(void *data, size_t k, int tid)
{
	(void)tid;
	S_designs_job *j = data;
	size_t i = j->run[k];
	sp_case_t c;
	sp_plan_case(j->plan, j->analysis[i], &c);
	if (j->plan->engine->analyse(j->plan->st, &c, j->step, j->step > 0, &j->out[i]) != SP_OK) {
#pragma omp atomic write
		j->failed = 1;
	}
}

int sp_designs_eval(const sp_study_t *st, const sp_catalogue_t *cat, const size_t *ids, size_t n,
                    double diagram_step_m, sp_analysis_t *analyses, sp_result_t *results, sp_err_t *err)
{
	sp_plan_t plan;
	memset(&plan, 0, sizeof plan);
	memset(analyses, 0, n * sizeof *analyses);
	/* per design its analysis and the design that runs it (the first with it) */
	size_t *analysis = malloc((n ? n : 1) * sizeof *analysis), *src = malloc((n ? n : 1) * sizeof *src);
	size_t *run = malloc((n ? n : 1) * sizeof *run), n_run = 0;
	int rc = analysis && src && run ? sp_plan_init(&plan, st, cat, err)
	                                : sp_err_set(err, SP_ESOFTWARE, "out of memory");
	if (rc == SP_OK) {
		for (size_t i = 0; i < n; i++) {
			sp_candidate_t c;
			sp_candidate_at(st, ids[i], &c);
			analysis[i] = sp_plan_analysis_of(&plan, &c);
			src[i] = i;
			for (size_t k = 0; k < n_run && src[i] == i; k++)
				if (analysis[run[k]] == analysis[i])
					src[i] = run[k];
			if (src[i] == i)
				run[n_run++] = i;
		}
		/* an external solver: one process per licence; built in: threads */
		int clamped, at_once = plan.engine->batch ? (st->licenses > 0 ? st->licenses : 1)
		                                        : sp_workers_count(st->threads, st->licenses, &clamped);
		S_designs_job j = {&plan, analysis, run, analyses, diagram_step_m, 0};
		sp_workers_for(at_once < (int)n_run ? at_once : (int)n_run, n_run, S_design_run, &j);
		if (j.failed)
			rc = sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
	}
	for (size_t i = 0; rc == SP_OK && i < n; i++) {
		if (src[i] != i) { /* a copy of the design that ran it */
			const sp_analysis_t *a = &analyses[src[i]];
			analyses[i] = *a;
			analyses[i].diagram = NULL;
			if (a->n_diagram) {
				if ((analyses[i].diagram = malloc(a->n_diagram * sizeof *a->diagram)) == NULL) {
					analyses[i].n_diagram = 0;
					rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
					break;
				}
				memcpy(analyses[i].diagram, a->diagram, a->n_diagram * sizeof *a->diagram);
			}
		}
		sp_plan_evaluate(&plan, ids[i], &analyses[i], &results[i]);
	}
	free(analysis);
	free(src);
	free(run);
	sp_plan_clear(&plan);
	return rc;
}

int sp_designs_one(const sp_study_t *st, const sp_catalogue_t *cat, size_t id, double diagram_step_m,
                   sp_analysis_t *analysis, sp_result_t *result, sp_err_t *err)
{
	return sp_designs_eval(st, cat, &id, 1, diagram_step_m, analysis, result, err);
}

int sp_designs_case(const sp_study_t *st, const sp_catalogue_t *cat, sp_case_t *c, double diagram_step_m,
                    sp_analysis_t *out, sp_err_t *err)
{
	long p = c->profile < st->n_profiles ? sp_catalogue_find_profile(cat, st->profiles[c->profile]) : -1;
	if (p < 0)
		return sp_err_set(err, SP_EDATA, "unknown profile");
	c->ei_kNm2_per_m = sp_profile_ei_kNm2_per_m(sp_catalogue_profile(cat, (size_t)p));
	if (sp_engine_builtin(st)->analyse(st, c, diagram_step_m, diagram_step_m > 0, out) != SP_OK)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory in an analysis");
	return SP_OK;
}
