/* outfile.c - atomic output files. */
#include "outfile.h"

#include <errno.h>
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
