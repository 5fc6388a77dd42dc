/* outfile.h - output files written under a temporary name and renamed into
 * place only when complete, so a failed run never leaves a half-written file
 * where a good one was; and the output directory: the rule (a directory that
 * sheetpile did not make is not filled unless the user forces it), its
 * safety (never a link followed, nothing of another user's, nothing others
 * can write into) and its lock (one run at a time). */
#ifndef SP_OUTFILE_H
#define SP_OUTFILE_H

#include <stdio.h>
#include "sp.h"
#include "csv_dialect.h"

/* The marker file sheetpile leaves in every output directory it fills: a
 * directory that holds it may be written again (a rerun, --resume). A run
 * holds an exclusive lock (flock) on it from sp_outdir_prepare() on. */
#define SP_OUTDIR_MARKER ".sheetpile-run"

typedef struct {
	FILE *fp;
	char path[4096];     /* final name */
	char tmp[4096 + 256]; /* temporary file, a random name in the same directory (a path to read it back) */
	int direct;          /* path is a device or pipe (/dev/full, /dev/stdout): written as is */
	int write_errno;     /* errno of the first failed sp_outfile_write(); 0: none */
	int dirfd;           /* the directory, while open; the names below are relative to it */
	size_t base;         /* the final name: path + base */
	char tmpname[256];   /* the temporary file's name */
} sp_outfile_t;

/* Open dir/name for writing, as a new file of a random name .name.XXXXXXXXXX.tmp
 * in dir (O_CREAT|O_EXCL|O_NOFOLLOW). In an output directory that this process
 * prepared (sp_outdir_prepare, the same directory by any path) or a directory
 * directly inside one, everything is done relative to that directory and
 * whatever dir/name is (a link, a device, a pipe) is replaced, never written
 * through. Elsewhere (a file the user named: -o FILE), when dir/name exists and
 * is not a regular file (a device such as /dev/full, a pipe) it is written
 * directly and nothing is renamed. SP_ECANTCREAT on failure (also when
 * dir/name is a directory). */
int sp_outfile_open(sp_outfile_t *f, const char *dir, const char *name, sp_err_t *err);
/* fwrite n bytes, keeping the errno of a failure for sp_outfile_commit()
 * (errno is per thread, and a worker thread may write). Returns 0, or -1
 * after a write error. */
int sp_outfile_write(sp_outfile_t *f, const void *buf, size_t n);
/* Flush, close and rename into place; SP_EIO on a write error (the
 * temporary file is removed). A name ending in .csv is converted to the
 * dialect set by sp_outfile_set_csv_dialect() on the way. */
int sp_outfile_commit(sp_outfile_t *f, sp_err_t *err);
/* dir/name written whole by body(fp, ctx), opened and committed as above:
 * the status of sp_outfile_open or of sp_outfile_commit. */
typedef void sp_outfile_body_fn(FILE *fp, const void *ctx);
int sp_outfile_save(const char *dir, const char *name, sp_outfile_body_fn *body, const void *ctx, sp_err_t *err);
/* The dialect of every *.csv file committed from now on (default RFC 4180:
 * written as is). A process-wide setting: set it once, before any output
 * and outside parallel regions (main does, from --csv-dialect). */
void sp_outfile_set_csv_dialect(sp_csv_dialect_t d);
sp_csv_dialect_t sp_outfile_csv_dialect(void);

/* Close and remove without renaming (accepts a never-opened file). */
void sp_outfile_abort(sp_outfile_t *f);

/* Make dir ready for output and lock it for the rest of the process:
 * - created (mode 0755) when missing; an existing directory is used when it
 *   is empty or holds SP_OUTDIR_MARKER, or when force is set; otherwise
 *   SP_ECANTCREAT (a directory sheetpile did not create, e.g. a home
 *   directory given by mistake, is never filled);
 * - SP_ECANTCREAT, force or not, when dir, its marker, work/, plots/ or
 *   journal.txt is a symbolic link, belongs to another user or is writable
 *   by its group or others (as ssh refuses such a ~/.ssh);
 * - an exclusive lock (flock) on the marker, held until the process ends:
 *   SP_ETEMPFAIL, naming the holder's pid, when another process holds it.
 * Leaves SP_OUTDIR_MARKER in the directory. SP_ECANTCREAT when it cannot be
 * created or written. Called again for the same directory: SP_OK at once. */
int sp_outdir_prepare(const char *dir, int force, sp_err_t *err);
/* The run into dir is over: its lock is released and its descriptors closed
 * (a batch of many studies keeps two per study open otherwise). Nothing
 * when dir was not prepared. */
void sp_outdir_release(const char *dir);
/* SP_ETEMPFAIL (with the message of sp_outdir_prepare) when another process
 * holds the lock of the output directory dir, else SP_OK; changes nothing. */
int sp_outdir_busy(const char *dir, sp_err_t *err);

/* A new descriptor of directory dir (the caller closes it): a prepared
 * output directory's, or a directory directly inside one (opened relative
 * to it), or dir itself; never through a link as its last component, and
 * only a directory of this user that group and others cannot write (else
 * -1 and SP_ECANTCREAT). make: created (mode 0755) when missing. */
int sp_outdir_open(const char *dir, int make, sp_err_t *err);

/* How sp_outdir_openat() opens a file. None follows a link or opens
 * anything but a regular file (a fifo or device in its place: an error). */
typedef enum {
	SP_OUTDIR_READ,    /* read an existing file */
	SP_OUTDIR_UPDATE,  /* read and write an existing file of this user that group and others cannot write */
	SP_OUTDIR_REPLACE, /* a new empty file (mode 0644): whatever had the name is removed first */
	SP_OUTDIR_APPEND   /* append to an existing file; a new one (mode 0644) when missing; a link in its place is removed */
} sp_outdir_how_t;
/* Open the file name of directory dfd (dir: its path, for messages) ->
 * a descriptor (O_CLOEXEC; the caller closes it), or -1 with errno and
 * *err (SP_ENOINPUT for READ, SP_ECANTCREAT otherwise). */
int sp_outdir_openat(int dfd, const char *dir, const char *name, sp_outdir_how_t how, sp_err_t *err);
/* dir/name afresh: whatever had the name is removed (sp_outdir_remove) and
 * an empty directory (mode 0755) made; dir is opened by sp_outdir_open(). */
int sp_outdir_fresh(const char *dir, const char *name, sp_err_t *err);
/* Remove dir/name and everything under it, never following a link (a link
 * is removed, not what it points to). Errors are ignored. */
void sp_outdir_remove(const char *dir, const char *name);

#endif
