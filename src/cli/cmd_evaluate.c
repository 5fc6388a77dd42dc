/* cmd_evaluate.c - sheetpile evaluate CANDIDATE -o RESULT: sheetpile as its own external solver. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cli.h"
#include "designs.h"
#include "outfile.h"
#include "solver_io.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

/* evaluate CANDIDATE -o RESULT [--delay SECONDS]: one analysis of a
 * [solver] run with the study's built-in engine (sheetpile as the solver). */
int sp_cmd_evaluate(const sp_cli_opts_t *o)
{
	if (o->study == NULL || o->outdir == NULL)
		return sp_cli_usage("%s", "evaluate needs a candidate file and a result file: "
		                         "sheetpile evaluate CANDIDATE -o RESULT [--delay SECONDS]");
	double delay = 0;
	if (o->delay && (sp_cli_parse_real(o->delay, &delay) != 0 || delay < 0 || delay > 86400))
		return sp_cli_usage("--delay: expected seconds in [0, 86400], got '%s'", o->delay);
	char dir[4096];
	const char *name;
	if (sp_cli_output_file(o->outdir, dir, sizeof dir, &name) != SP_OK)
		return SP_EUSAGE;
	sp_err_t err = {0, ""};
	int rc;
	sp_solver_candidate_t cand;
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	if ((rc = sp_solver_candidate_read(o->study, &cand, &err)) != SP_OK
	    || (rc = sp_cli_load(cand.study, &st, &cat, &err)) != SP_OK)
		goto out;
	sp_case_t c;
	memset(&c, 0, sizeof c);
	while (c.profile < st->n_profiles && strcmp(st->profiles[c.profile], cand.profile) != 0)
		c.profile++;
	if (c.profile == st->n_profiles) {
		rc = sp_err_set(&err, SP_EDATA, "%s: profile '%s' is not one of the study's profiles (%s)", o->study,
		                cand.profile, cand.study);
		goto out;
	}
	c.id = cand.analysis_id;
	c.length_m = cand.length_m;
	c.anchor = cand.anchor;
	if ((rc = sp_designs_case(st, cat, &c, cand.diagram_step_m, &a, &err)) != SP_OK)
		goto out;
	if (delay > 0) { /* a stand-in for a slow licensed program */
		struct timespec ts = {(time_t)delay, (long)((delay - floor(delay)) * 1e9)};
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
	sp_outfile_t f;
	if ((rc = sp_outfile_open(&f, dir, name, &err)) != SP_OK)
		goto out;
	sp_solver_result_write(f.fp, &a);
	rc = sp_outfile_commit(&f, &err);
out:
	sp_analysis_free(&a);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? sp_cli_fail(&err) : 0;
}
