/* cmd_import_dsheet.c - sheetpile import-dsheet FILE.shi: a D-Sheet Piling input file as a study. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cli.h"
#include "outfile.h"
#include "shi.h"
#include "study_read.h"
#include "study_wall.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The study written for a D-Sheet file must read back: a value beyond the
 * study file's ranges is reported here, not when the study is run. */
static int import_check(const char *written, const char *shi, sp_err_t *err)
{
	sp_err_t why = {0, ""};
	sp_study_t *st = sp_study_read(written, &why);
	if (st != NULL) {
		sp_study_free(st);
		return SP_OK;
	}
	return sp_err_set(err, why.code == SP_ENOINPUT ? SP_EIO : SP_EDATA,
	                  "%s: cannot be written as a study file: %s", shi, why.text);
}

/* import-dsheet FILE.shi [-o STUDY.ini] */
int sp_cmd_import_dsheet(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0) {
			if (i + 1 >= argc)
				return sp_cli_usage("option '%s' needs a value", argv[i]);
			out = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return sp_cli_usage("unknown option '%s'", argv[i]);
		} else if (in == NULL) {
			in = argv[i];
		} else {
			return sp_cli_usage("unexpected argument '%s'", argv[i]);
		}
	}
	if (in == NULL)
		return sp_cli_usage("%s", "import-dsheet needs a D-Sheet Piling file: sheetpile import-dsheet FILE.shi [-o STUDY.ini]");
	char dir[4096];
	const char *name = NULL;
	if (out && sp_cli_output_file(out, dir, sizeof dir, &name) != SP_OK)
		return SP_EUSAGE;
	sp_err_t err = {0, ""};
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL) {
		sp_err_set(&err, SP_ESOFTWARE, "out of memory");
		return sp_cli_fail(&err);
	}
	sp_wall_init(w);
	const char *base = strrchr(in, '/') ? strrchr(in, '/') + 1 : in;
	int rc = sp_shi_read(in, w, &err);
	/* written to a scratch file and checked first; then copied to stdout or,
	 * under a temporary name renamed when complete, to the -o file */
	char tmp[] = "/tmp/sheetpile-import-XXXXXX";
	FILE *fp = rc == SP_OK ? sp_cli_scratch(tmp, &err) : NULL;
	if (rc == SP_OK && fp == NULL)
		rc = err.code;
	if (rc == SP_OK)
		rc = sp_study_write_wall(fp, w, base, &err);
	if (rc == SP_OK && fflush(fp) != 0)
		rc = sp_err_set(&err, SP_EIO, "%s: write error: %s", tmp, strerror(errno));
	if (rc == SP_OK)
		rc = import_check(tmp, in, &err);
	for (const char *p = rc == SP_OK ? w->notes : ""; *p;) {
		const char *e = strchr(p, '\n');
		int len = e ? (int)(e - p) : (int)strlen(p);
		fprintf(stderr, "sheetpile: warning: %s: %.*s\n", in, len, p);
		p += len + (e != NULL);
	}
	sp_outfile_t f = {0};
	if (rc == SP_OK && out)
		rc = sp_outfile_open(&f, dir, name, &err);
	if (rc == SP_OK)
		rc = sp_cli_copy(fp, tmp, out ? f.fp : stdout, &err);
	if (rc == SP_OK && out)
		rc = sp_outfile_commit(&f, &err);
	sp_outfile_abort(&f);
	sp_cli_scratch_close(fp, tmp);
	free(w);
	return rc ? sp_cli_fail(&err) : 0;
}
