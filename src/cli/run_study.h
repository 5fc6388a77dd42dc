/* run_study.h - one study's run (run_study.c), what `run` and `batch`
 * share. A batch loads and plans every study first, steps their analysis
 * phases together (one licence pool), then finishes each in turn. */
#ifndef SP_RUN_STUDY_H
#define SP_RUN_STUDY_H

#include "batch_summary.h"
#include "catalogue.h"
#include "cli.h"
#include "evaluate.h"
#include "study.h"

/* One study up to the end of its analysis phase: what run and batch share.
 * A batch opens every study first, then steps their analysis phases
 * together (one licence pool), then writes each study's outputs. */
typedef struct {
	sp_study_t *st;
	sp_catalogue_t *cat;
	sp_eval_t *ev;
	char outdir[4400];
	double t0;
	int finished;        /* the analysis phase is over (rc says how) */
	int rc;
	sp_err_t err;
} sp_run_study_t;

/* Load o->study into s (s->rc and s->err on failure) and set its output
 * directory (o->outdir, else STUDY-results). */
int sp_run_study_load(const sp_cli_opts_t *o, sp_run_study_t *s);
/* Plan the evaluation of a loaded study, no analysis yet; pool: a licence
 * pool shared with other studies, or NULL. */
int sp_run_study_plan(const sp_cli_opts_t *o, sp_pool_t *pool, sp_run_study_t *s);
/* One step of the analysis phase (at most about budget_s); sets
 * s->finished (and s->rc; study names the file in a message). */
void sp_run_study_step(sp_run_study_t *s, const char *study, double budget_s);
/* The candidates and every output of a study whose analysis phase is over
 * (pre is taken over and freed); sum (batch) may be NULL. The exit code,
 * its message printed. */
int sp_run_study_finish(const sp_cli_opts_t *opts, sp_batch_summary_row_t *sum, sp_run_study_t *pre);

#endif
