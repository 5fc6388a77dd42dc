/* shi_scan.h - the text of a D-Sheet Piling input file (.shi) as lines, and
 * its small formats: "value label" lines, count lines, Key=Value blocks and
 * tables with a count line and a header line, read line by line with a
 * cursor. Every error is SP_EDATA with "file:line: [SECTION] message".
 *
 * The section readers (shi_soil, shi_wall, shi_load, shi_stage) and the file
 * reader (shi.h) use it; it knows nothing of the wall model but its limits. */
#ifndef SP_SHI_SCAN_H
#define SP_SHI_SCAN_H

#include "sp.h"
#include "wall.h"

#include <stddef.h>

#define SP_SHI_SCAN_MAX_COLS 8 /* numbers in a table row */

/* The file and the cursor (see sp_shi_scan_open). */
typedef struct {
	const char *path;
	char *buf;      /* the file, split in place (owned) */
	char **lines;   /* owned */
	int n, i;       /* number of lines; index of the next line */
	const char *sec; /* the section being read, for messages (NULL: none) */
	int latin1;     /* the file was not UTF-8: read as Latin-1 (sp_shi_scan_open) */
	sp_err_t *err;
} sp_shi_scan_t;

/* Read path into *in, split into lines (no CR, no trailing white space),
 * the cursor before the first; a file that is not UTF-8 is taken as
 * Latin-1 (D-Sheet Piling's Windows code page) and made UTF-8 (latin1 = 1).
 * Returns SP_OK, SP_ENOINPUT (cannot open or read), SP_EDATA (too large, NUL bytes) or SP_ESOFTWARE, the message in
 * *err, which *in keeps for the errors of its readers. sp_shi_scan_close
 * frees what it allocated, also after a failure. */
int sp_shi_scan_open(sp_shi_scan_t *in, const char *path, sp_err_t *err);
void sp_shi_scan_close(sp_shi_scan_t *in);

/* "path:line: [SECTION] message" into in->err; returns SP_EDATA. */
int sp_shi_scan_fail(sp_shi_scan_t *in, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int sp_shi_scan_eof(sp_shi_scan_t *in); /* "unexpected end of file" */
int sp_shi_scan_lno(const sp_shi_scan_t *in); /* line number of the line returned last */

/* Next line, or NULL at the end of the file. */
const char *sp_shi_scan_get(sp_shi_scan_t *in);
const char *sp_shi_scan_get_nonblank(sp_shi_scan_t *in);

int sp_shi_scan_blank(const char *s);
const char *sp_shi_scan_skip_space(const char *s);
/* A number at *p, ended by white space or the end; moves *p past it. 0 if
 * there is none. */
int sp_shi_scan_dbl(const char **p, double *v);
int sp_shi_scan_int(const char **p, int *v);
int sp_shi_scan_flag(double v); /* a 0/1 value of the file: v != 0 */

/* Copy a trimmed name into dst (SP_NAME_MAX); names must fit, they are
 * matched exactly. */
int sp_shi_scan_name(sp_shi_scan_t *in, int line, const char *s, char *dst, const char *what);
/* Index of name among n structs of size stride whose first member is the
 * name, or -1. */
int sp_shi_scan_index(const void *base, size_t stride, int n, const char *name);
/* s, read on line, as the name of item k (what: "soil", "load", ...) into
 * name, as sp_shi_scan_name does, and new among the k items before it at
 * base (structs as for sp_shi_scan_index). */
int sp_shi_scan_new_name(sp_shi_scan_t *in, int line, const char *s, const void *base, size_t stride, int k,
                         char *name, const char *what);

/* "number label": the number, and the label must contain want. */
int sp_shi_scan_value(sp_shi_scan_t *in, const char *want, double *v);
/* An integral "number label" in lo..hi. */
int sp_shi_scan_count(sp_shi_scan_t *in, const char *want, int lo, int hi, int *n);
/* A line holding one number and nothing else. */
int sp_shi_scan_bare(sp_shi_scan_t *in, const char *what, double *v);
/* The next non-blank line must be line. */
int sp_shi_scan_expect(sp_shi_scan_t *in, const char *line);
int sp_shi_scan_expect_end(sp_shi_scan_t *in); /* [END OF in->sec] */
/* Skip to the matching [END OF name]; other sections may nest. */
int sp_shi_scan_skip(sp_shi_scan_t *in, const char *name, int start);

/* Key=Value blocks */
typedef struct {
	const char *key;
	double *dst;
	int required;
	int seen;
} sp_shi_scan_key_t;

/* Read Key=Value lines up to the line end; keys not in the table are
 * ignored, nested [SECTION]s are skipped when skip_nested is set. */
int sp_shi_scan_block(sp_shi_scan_t *in, const char *end, sp_shi_scan_key_t *keys, int nkeys, int skip_nested);

/* Tables: count line, header line, rows "Nr numbers... name", then the end
 * of the section. */
typedef struct {
	int n;
	double v[SP_WALL_MAX_ITEMS][SP_SHI_SCAN_MAX_COLS];
	char name[SP_WALL_MAX_ITEMS][SP_NAME_MAX];
	int line[SP_WALL_MAX_ITEMS];
} sp_shi_scan_table_t;

int sp_shi_scan_table(sp_shi_scan_t *in, const char *count_label, int ncols, sp_shi_scan_table_t *t);

/* A table of the items at base (structs of stride bytes whose first member
 * is the name, room for SP_WALL_MAX_ITEMS): each row's name copied into its
 * item, then row(in, t, k, item) for the rest of row k; *n set to the number
 * of rows once every row is read. */
typedef int (*sp_shi_scan_row_fn)(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item);
int sp_shi_scan_items(sp_shi_scan_t *in, const char *count_label, int ncols, void *base, size_t stride, int *n,
                      sp_shi_scan_row_fn row);

#endif
