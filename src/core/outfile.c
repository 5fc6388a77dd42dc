/* outfile.c - atomic output files and the output directory rule. */
#define _POSIX_C_SOURCE 200809L
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>


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

int sp_outfile_open(sp_outfile_t *f, const char *dir, const char *name, sp_err_t *err)
{
	memset(f, 0, sizeof *f);
	if ((size_t)snprintf(f->path, sizeof f->path, "%s/%s", dir, name) >= sizeof f->path)
		return sp_err_set(err, SP_ECANTCREAT, "%s/%s: path too long", dir, name);
	struct stat sb;
	if (stat(f->path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot write the file: it is a directory", f->path);
	if (stat(f->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* a device or a pipe cannot be replaced by a rename: write to it */
		if (S_dialect != SP_CSV_RFC4180 && S_is_csv(f->path))
			return sp_err_set(err, SP_ECANTCREAT, "%s: not a regular file: the %s CSV dialect cannot be "
			                  "written to it (use --csv-dialect rfc4180)", f->path, sp_csv_dialect_name(S_dialect));
		f->direct = 1;
		snprintf(f->tmp, sizeof f->tmp, "%s", f->path);
		f->fp = fopen(f->path, "wb");
		if (f->fp == NULL)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot open for writing: %s", f->path, strerror(errno));
		return SP_OK;
	}
	snprintf(f->tmp, sizeof f->tmp, "%s/.%s.tmp", dir, name);
	f->fp = fopen(f->tmp, "wb");
	if (f->fp == NULL)
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", f->tmp, strerror(errno));
	return SP_OK;
}

int sp_outfile_write(sp_outfile_t *f, const void *buf, size_t n)
{
	if (fwrite(buf, 1, n, f->fp) == n)
		return 0;
	if (f->write_errno == 0)
		f->write_errno = errno ? errno : EIO;
	return -1;
}

int sp_outfile_commit(sp_outfile_t *f, sp_err_t *err)
{
	int bad = f->write_errno || ferror(f->fp) || fflush(f->fp) != 0;
	int e = f->write_errno ? f->write_errno : errno;
	if (fclose(f->fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	f->fp = NULL;
	if (bad) {
		if (!f->direct)
			remove(f->tmp);
		return sp_err_set(err, SP_EIO, "%s: write error: %s", f->path, e ? strerror(e) : "unknown error");
	}
	if (f->direct)
		return SP_OK;
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
		if (!f->direct)
			remove(f->tmp);
	}
}

/* 1 when dir holds nothing but . and .., 0 otherwise, -1 when unreadable */
static int S_dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	int empty = 1;
	struct dirent *e;
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

int sp_outdir_prepare(const char *dir, int force, sp_err_t *err)
{
	struct stat sb;
	char marker[4096 + sizeof SP_OUTDIR_MARKER];
	if ((size_t)snprintf(marker, sizeof marker, "%s/%s", dir, SP_OUTDIR_MARKER) >= sizeof marker)
		return sp_err_set(err, SP_ECANTCREAT, "%s: path too long", dir);
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return sp_err_set(err, SP_ECANTCREAT, "%s: exists and is not a directory", dir);
		if (stat(marker, &sb) == 0)
			return SP_OK; /* written by sheetpile before */
		int empty = S_dir_empty(dir);
		if (empty < 0)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot read the output directory: %s", dir,
			                  strerror(errno));
		if (!empty && !force)
			return sp_err_set(err, SP_ECANTCREAT,
			                  "%s: the output directory is not empty and was not made by sheetpile "
			                  "(no %s in it); choose another -o DIR or add --force to write into it",
			                  dir, SP_OUTDIR_MARKER);
	} else if (mkdir(dir, 0777) != 0) {
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create the output directory: %s", dir, strerror(errno));
	}
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, SP_OUTDIR_MARKER, err);
	if (rc != SP_OK)
		return rc;
	fputs("sheetpile " SP_VERSION " output directory: sheetpile may write into it again\n", f.fp);
	return sp_outfile_commit(&f, err);
}
