/* outfile.h - output files written under a temporary name and renamed into
 * place only when complete, so a failed run never leaves a half-written file
 * where a good one was. */
#ifndef SP_OUTFILE_H
#define SP_OUTFILE_H

#include <stdio.h>
#include "sp.h"
#include "csv_dialect.h"

typedef struct {
	FILE *fp;
	char path[4096];     /* final name */
	char tmp[4096 + 16]; /* temporary name in the same directory */
} sp_outfile_t;

/* Open dir/name for writing (as dir/.name.tmp). SP_ECANTCREAT on failure. */
int sp_outfile_open(sp_outfile_t *f, const char *dir, const char *name, sp_err_t *err);
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

#endif
