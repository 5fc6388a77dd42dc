/* sp_ini.h - the INI layer of the study file (study.c, study_wall.c,
 * study_solver.c): the file read into entries, then typed look-ups.
 *
 * Every look-up marks its key (and section) as used, so whatever is never
 * looked up is reported as unknown. The first failure is kept: later calls
 * return their default and sp_ini_status() stays non-zero. Messages name
 * file:line, the section and the key. */
#ifndef SP_INI_H
#define SP_INI_H

#include <stddef.h>
#include "sp.h"

typedef struct sp_ini sp_ini_t;

/* One key = value of the file, and one [section] header. */
typedef struct {
	char *section, *key, *value;
	int line, used;
} sp_ini_entry_t;

typedef struct {
	char *name;
	int line, used;
} sp_ini_section_t;

/* Read the file: a NUL byte, a line too long, text that is not UTF-8, a
 * duplicate key or section, a line that is not INI, an empty section or a
 * file without settings fail with *err (file:line). Free with sp_ini_free. */
sp_ini_t *sp_ini_read(const char *path, sp_err_t *err);
void sp_ini_free(sp_ini_t *c); /* accepts NULL */

/* The entries and sections in file order. */
size_t sp_ini_n_entries(const sp_ini_t *c);
sp_ini_entry_t *sp_ini_entry_at(sp_ini_t *c, size_t i);
sp_ini_section_t *sp_ini_section_at(sp_ini_t *c, size_t i);
/* Look-ups that mark the key (and its section) used; NULL when absent. */
sp_ini_entry_t *sp_ini_find(sp_ini_t *c, const char *section, const char *key);
sp_ini_section_t *sp_ini_find_section(sp_ini_t *c, const char *section); /* marks nothing */

const char *sp_ini_path(const sp_ini_t *c);
int sp_ini_status(const sp_ini_t *c);   /* first error, SP_OK if none */
int sp_ini_fail(sp_ini_t *c, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int sp_ini_missing(sp_ini_t *c, const char *section, const char *key, const char *what);
/* A finite decimal number filling all of s (blanks around allowed); 0 or -1. */
int sp_ini_to_double(const char *s, double *out);

/* A number in [lo, hi] (open ends with lo_open / hi_open); def when absent
 * (an error first when required). */
double sp_ini_num(sp_ini_t *c, const char *section, const char *key, int required, double def, double lo,
                  int lo_open, double hi, int hi_open, const char *what);
int sp_ini_int(sp_ini_t *c, const char *section, const char *key, int def, int lo, int hi, const char *what);
/* Index of the value in the NULL-terminated words; def when absent. */
int sp_ini_word(sp_ini_t *c, const char *section, const char *key, int def, const char *const *words);
/* Text of at most size - 1 characters into dst; def when absent. */
void sp_ini_text(sp_ini_t *c, const char *section, const char *key, char *dst, size_t size, const char *def);
/* A comma-separated list: fn is called with each trimmed item (empty items
 * and items over 255 characters fail); stops at fn's first non-zero. */
typedef int (*sp_ini_item_fn)(sp_ini_t *c, sp_ini_entry_t *e, const char *item, void *user);
int sp_ini_split(sp_ini_t *c, sp_ini_entry_t *e, sp_ini_item_fn fn, void *user);
/* The next item of the comma-separated list at *p, trimmed, copied into item
 * (size bytes) when it fits; *p moves past its comma, to NULL after the last
 * item; *start (when not NULL) gets where the trimmed item begins. Returns
 * its length: size or more when it did not fit (item then empty). */
size_t sp_ini_list_next(const char **p, char *item, size_t size, const char **start);
/* The raw value and its line, or NULL (and *line = 0). */
const char *sp_ini_value(sp_ini_t *c, const char *section, const char *key, int *line);

/* A path relative to the study file's folder (absolute paths as they are). */
void sp_ini_resolve_path(const sp_ini_t *c, char *dst, size_t size, const char *rel);

/* Sections in file order. */
size_t sp_ini_n_sections(const sp_ini_t *c);
const char *sp_ini_section(const sp_ini_t *c, size_t i, int *line);
void sp_ini_use_section(sp_ini_t *c, size_t i);
/* Line of a section's header (and marks it used); 0 when absent. */
int sp_ini_section_line(sp_ini_t *c, const char *section);

#endif
