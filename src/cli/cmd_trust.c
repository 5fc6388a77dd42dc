/* cmd_trust.c - sheetpile trust STUDY.ini: the user agrees to run the
 * study's [solver] command (core/trust.h); run, batch and analyze start an
 * external program only when its fingerprint is in the user's trust store. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cmd.h"
#include "cli.h"
#include "study_read.h"
#include "trust.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int sp_cmd_trust(const sp_cli_opts_t *o)
{
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read(o->study, &err);
	if (st == NULL)
		return sp_cli_fail(&err);
	if (st->solver == NULL) {
		sp_cli_printf(stdout, "%s has no [solver] section: it runs no external program, nothing to trust\n", o->study);
		sp_study_free(st);
		return 0;
	}
	sp_trust_fp_t fp;
	char store[SP_PATH_MAX + 64], abs[PATH_MAX];
	int added = 0, rc;
	if (realpath(o->study, abs) == NULL)
		sp_strlcpy(abs, o->study, sizeof abs);
	if ((rc = sp_trust_store_path(store, sizeof store, &err)) == SP_OK
	    && (rc = sp_trust_fingerprint(st->solver, &fp, &err)) == SP_OK
	    && (rc = sp_trust_add(&fp, st->solver->command, abs, &added, &err)) == SP_OK) {
		sp_cli_printf(stdout, "%s: the [solver] command of %s\n  command  %s\n  program  %s\n",
		              added ? "trusted" : "already trusted", o->study, st->solver->command,
		              fp.program[0] ? fp.program : "(none)");
		if (strcmp(st->solver->input_format, "template") == 0)
			sp_cli_printf(stdout, "  input    %s (as it is now: a changed template must be trusted again)\n",
			              st->solver->input_template);
		sp_cli_printf(stdout, "kept in %s (sha256 %s); delete that line to withdraw it\n", store, fp.hex);
	}
	sp_study_free(st);
	return rc ? sp_cli_fail(&err) : 0;
}
