/* outfile.h - output files written under a temporary name and renamed into
 * place only when complete, so a failed run never leaves a half-written file
 * where a good one was; and the output directory rule (a directory that
 * sheetpile did not make is not filled unless the user forces it). */
#ifndef SP_OUTFILE_H
#define SP_OUTFILE_H

#include <stdio.h>
#include "sp.h"
#include "csv_dialect.h"

/* The marker file sheetpile leaves in every output directory it fills: a
 * directory that holds it may be written again (a rerun, --resume). */
#define SP_OUTDIR_MARKER ".sheetpile-run"

typedef struct {
	FILE *fp;
	char path[4096];     /* final name */
	char tmp[4096 + 16]; /* temporary name in the same directory */
	int direct;          /* path is a device or pipe (/dev/full, /dev/stdout): written as is */
	int write_errno;     /* errno of the first failed sp_outfile_write(); 0: none */
} sp_outfile_t;

/* Open dir/name for writing (as dir/.name.tmp). When dir/name already exists
 * and is not a regular file (a device such as /dev/full, a pipe), it is
 * written directly and nothing is renamed. SP_ECANTCREAT on failure (also
 * when dir/name is a directory). */
int sp_outfile_open(sp_outfile_t *f, const char *dir, const char *name, sp_err_t *err);
/* fwrite n bytes, keeping the errno of a failure for sp_outfile_commit()
 * (errno is per thread, and a worker thread may write). Returns 0, or -1
 * after a write error. */
int sp_outfile_write(sp_outfile_t *f, const void *buf, size_t n);
/* Flush, close and rename into place; SP_EIO on a write error (the
 * temporary file is removed). A name ending in .csv is converted to the
 * dialect set by sp_outfile_set_csv_dialect() on the way. */
int sp_outfile_commit(sp_outfile_t *f, sp_err_t *err);
/* The dialect of every *.csv file committed from now on (default RFC 4180:
 * written as is). A process-wide setting: set it once, before any output
 * and outside parallel regions (main does, from --csv-dialect). */
void sp_outfile_set_csv_dialect(sp_csv_dialect_t d);
sp_csv_dialect_t sp_outfile_csv_dialect(void);

/* Close and remove without renaming (accepts a never-opened file). */
void sp_outfile_abort(sp_outfile_t *f);

/* Make dir ready for output: created when missing; an existing directory is
 * used when it is empty or holds SP_OUTDIR_MARKER, or when force is set;
 * otherwise SP_ECANTCREAT (a directory sheetpile did not create, e.g. a home
 * directory given by mistake, is never filled). Leaves SP_OUTDIR_MARKER in
 * the directory. SP_ECANTCREAT when it cannot be created or written. */
int sp_outdir_prepare(const char *dir, int force, sp_err_t *err);

#endif
