/* cmd_export_dsheet.c - sheetpile export-dsheet STUDY.ini: a candidate as a D-Sheet Piling input file. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "candidate.h"
#include "cli.h"
#include "outfile.h"
#include "shi.h"
#include "shi_write.h"
#include "study_wall.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The .shi just written must read back: the writer and the reader agree. */
static int export_check(const char *written, sp_err_t *err)
{
	sp_err_t why = {0, ""};
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	sp_wall_init(w);
	int rc = sp_shi_read(written, w, &why);
	free(w);
	if (rc == SP_OK)
		return SP_OK;
	return sp_err_set(err, SP_ESOFTWARE, "the written D-Sheet Piling file does not read back: %s", why.text);
}

/* export-dsheet STUDY.ini [--candidate ID | --profile P --grade G --length L [--anchor-level Z]] [-o FILE.shi] */
int sp_cmd_export_dsheet(const sp_cli_opts_t *o)
{
	const char *out = o->outdir;
	char dir[4096];
	const char *name = NULL;
	if (out && sp_cli_output_file(out, dir, sizeof dir, &name) != SP_OK)
		return SP_EUSAGE;
	int by_axes = o->profile || o->grade || o->length || o->anchor;
	if (o->candidate && by_axes)
		return sp_cli_usage("%s", "give either --candidate ID or --profile/--grade/--length/--anchor-level, not both");
	sp_err_t err = {0, ""};
	int rc;
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_wall_t *w = malloc(sizeof *w);
	char what[4800];
	if (w == NULL) {
		rc = sp_err_set(&err, SP_ESOFTWARE, "out of memory");
		goto out;
	}
	if ((rc = sp_cli_load(o->study, &st, &cat, &err)) != SP_OK)
		goto out;
	if (st->method != SP_METHOD_SUBGRADE || st->wall == NULL) {
		rc = sp_err_set(&err, SP_EDATA, "%s: export-dsheet needs a study with [design] method = subgrade "
		                "(D-Sheet Piling's model)", st->path);
		goto out;
	}
	if (st->wall_fixed) {
		if (o->candidate || by_axes) {
			rc = sp_err_set(&err, SP_EUSAGE, "%s: the study analyses the wall of its [wall] section; "
			                "it has no candidates to choose", st->path);
			goto out;
		}
		*w = *st->wall;
		snprintf(what, sizeof what, "%s", st->path);
	} else {
		size_t id = 0;
		if (o->candidate) {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(o->candidate, &end, 10);
			if (end == o->candidate || *end || errno || o->candidate[0] == '-' ||
			    v >= (unsigned long long)sp_study_n_candidates(st)) {
				rc = sp_err_set(&err, SP_EUSAGE, "--candidate: expected a candidate id from 0 to %zu, got '%s'",
				                sp_study_n_candidates(st) - 1, o->candidate);
				goto out;
			}
			id = (size_t)v;
		} else if ((rc = sp_cli_narrow(st, cat, o, &err)) != SP_OK) {
			goto out;
		}
		sp_candidate_t c;
		sp_candidate_at(st, id, &c);
		long pi = sp_catalogue_find_profile(cat, st->profiles[c.profile]);
		if (pi < 0) {
			rc = sp_err_set(&err, SP_EDATA, "unknown profile '%s'", st->profiles[c.profile]);
			goto out;
		}
		const sp_anchor_option_t *an = &st->anchors[c.anchor];
		sp_study_wall_for_case(st, sp_profile_ei_kNm2_per_m(sp_catalogue_profile(cat, (size_t)pi)),
		                       st->lengths_m[c.length], an, w);
		char anchor[64] = "cantilever";
		if (an->anchored)
			snprintf(anchor, sizeof anchor, "anchor at %g m", an->level_m);
		if (o->candidate)
			snprintf(what, sizeof what, "%s, candidate %zu: %s %s, %g m, %s", st->path, id, st->profiles[c.profile],
			         st->grades[c.grade], st->lengths_m[c.length], anchor);
		else
			snprintf(what, sizeof what, "%s: %s %s, %g m, %s", st->path, st->profiles[c.profile],
			         st->grades[c.grade], st->lengths_m[c.length], anchor);
	}
	if (out) { /* written under a temporary name, renamed when complete and checked */
		sp_outfile_t f = {0};
		rc = sp_outfile_open(&f, dir, name, &err);
		if (rc == SP_OK)
			rc = sp_shi_write(f.fp, w, what, &err);
		if (rc == SP_OK && fflush(f.fp) != 0)
			rc = sp_err_set(&err, SP_EIO, "%s: write error: %s", f.tmp, strerror(errno));
		if (rc == SP_OK)
			rc = export_check(f.tmp, &err);
		if (rc == SP_OK)
			rc = sp_outfile_commit(&f, &err);
		else
			sp_outfile_abort(&f);
	} else {
		char tmp[] = "/tmp/sheetpile-export-XXXXXX";
		FILE *fp = sp_cli_scratch(tmp, &err);
		if (fp == NULL)
			rc = err.code;
		if (rc == SP_OK)
			rc = sp_shi_write(fp, w, what, &err);
		if (rc == SP_OK)
			rc = export_check(tmp, &err);
		if (rc == SP_OK)
			rc = sp_cli_copy(fp, tmp, stdout, &err);
		sp_cli_scratch_close(fp, tmp);
	}
out:
	free(w);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? sp_cli_fail(&err) : 0;
}
