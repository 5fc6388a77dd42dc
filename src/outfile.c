/* outfile.c - atomic output files. */
#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int sp_outfile_open(sp_outfile_t *f, const char *dir, const char *name, sp_err_t *err)
{
	memset(f, 0, sizeof *f);
	if ((size_t)snprintf(f->path, sizeof f->path, "%s/%s", dir, name) >= sizeof f->path)
		return sp_err_set(err, SP_ECANTCREAT, "%s/%s: path too long", dir, name);
	snprintf(f->tmp, sizeof f->tmp, "%s/.%s.tmp", dir, name);
	f->fp = fopen(f->tmp, "wb");
	if (f->fp == NULL)
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", f->tmp, strerror(errno));
	return SP_OK;
}

static sp_csv_dialect_t S_dialect = SP_CSV_RFC4180;

void sp_outfile_set_csv_dialect(sp_csv_dialect_t d)
{
	S_dialect = d;
}

sp_csv_dialect_t sp_outfile_csv_dialect(void)
{
	return S_dialect;
}

/* f->tmp (complete, closed) converted to the CSV dialect, replacing it */
static int S_convert(sp_outfile_t *f, sp_err_t *err)
{
	char conv[sizeof f->tmp + 8];
	snprintf(conv, sizeof conv, "%s.conv", f->tmp);
	FILE *in = fopen(f->tmp, "rb"), *out = in ? fopen(conv, "wb") : NULL;
	int e = errno, rc = SP_EIO;
	if (in && out) {
		rc = sp_csv_convert(in, out, S_dialect);
		e = errno;
	}
	if (out && fclose(out) != 0 && rc == SP_OK) {
		rc = SP_EIO;
		e = errno;
	}
	if (in)
		fclose(in);
	if (rc == SP_OK && rename(conv, f->tmp) != 0) {
		rc = SP_EIO;
		e = errno;
	}
	if (rc != SP_OK) {
		remove(conv);
		remove(f->tmp);
		return sp_err_set(err, SP_EIO, "%s: cannot write the %s dialect: %s", f->path,
		                  sp_csv_dialect_name(S_dialect), strerror(e));
	}
	return SP_OK;
}

static int S_is_csv(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && strcmp(path + n - 4, ".csv") == 0;
}

int sp_outfile_commit(sp_outfile_t *f, sp_err_t *err)
{
	int bad = ferror(f->fp) || fflush(f->fp) != 0;
	int e = errno;
	if (fclose(f->fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	f->fp = NULL;
	if (bad) {
		remove(f->tmp);
		return sp_err_set(err, SP_EIO, "%s: write error: %s", f->path, strerror(e));
	}
	int rc;
	if (S_dialect != SP_CSV_RFC4180 && S_is_csv(f->path) && (rc = S_convert(f, err)) != SP_OK)
		return rc;
	if (rename(f->tmp, f->path) != 0) {
		e = errno;
		remove(f->tmp);
		return sp_err_set(err, SP_EIO, "%s: cannot rename into place: %s", f->path, strerror(e));
	}
	return SP_OK;
}

void sp_outfile_abort(sp_outfile_t *f)
{
	if (f->fp) {
		fclose(f->fp);
		f->fp = NULL;
		remove(f->tmp);
	}
}
