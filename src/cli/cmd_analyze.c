/* cmd_analyze.c - sheetpile analyze STUDY.ini: one candidate's results row (and diagrams). */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cli.h"
#include "csv_out.h"
#include "designs.h"
#include "outfile.h"

#include <errno.h>
#include <string.h>

int sp_cmd_analyze(const sp_cli_opts_t *o)
{
	sp_err_t err = {0};
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	int rc, said = 0;
	if ((rc = sp_cli_load(o->study, &st, &cat, &err)) != SP_OK || (rc = sp_cli_narrow(st, cat, o, &err)) != SP_OK)
		goto out;
	if ((rc = sp_cli_trust_gate(o->study, st, o->trust_solver)) != SP_OK) { /* said; nothing run or written */
		said = 1;
		goto out;
	}
	sp_result_t r;
	if ((rc = sp_designs_one(st, cat, 0, o->outdir ? SP_CLI_DIAGRAM_STEP_M : 0.0, &a, &r, &err)) != SP_OK)
		goto out;
	if (o->outdir) {
		sp_outfile_t f;
		if ((rc = sp_outdir_prepare(o->outdir, o->force, &err)) || (rc = sp_outfile_open(&f, o->outdir, "diagrams.csv", &err)))
			goto out;
		sp_csv_diagram_header(f.fp);
		sp_csv_diagram_rows(f.fp, 1, 0, &a);
		if ((rc = sp_outfile_commit(&f, &err)) != SP_OK)
			goto out;
	}
	if (sp_outfile_csv_dialect() == SP_CSV_RFC4180) {
		sp_csv_results_header(stdout);
		sp_csv_results_row(stdout, st, &r);
	} else { /* through a temporary file, converted */
		FILE *tmp = tmpfile();
		if (tmp == NULL) {
			rc = sp_err_set(&err, SP_ECANTCREAT, "cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
		sp_csv_results_header(tmp);
		sp_csv_results_row(tmp, st, &r);
		rewind(tmp);
		rc = sp_csv_convert(tmp, stdout, sp_outfile_csv_dialect());
		fclose(tmp);
		if (rc != SP_OK) {
			rc = sp_err_set(&err, SP_EIO, "standard output: write error");
			goto out;
		}
	}
out:
	sp_analysis_free(&a);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc && !said ? sp_cli_fail(&err) : rc;
}
