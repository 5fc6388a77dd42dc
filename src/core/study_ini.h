/* study_ini.h - internal to the study reader: the typed INI look-ups of
 * study.c, shared with study_wall.c. No other module includes it.
 *
 * Every look-up marks its key (and section) as used, so whatever is never
 * looked up is reported as unknown. The first failure is kept: later calls
 * return their default and sp_ini_status() stays non-zero. Messages name
 * file:line, the section and the key. */
#ifndef SP_STUDY_INI_H
#define SP_STUDY_INI_H

#include <stddef.h>
#include "study.h"

typedef struct sp_ini sp_ini_t;

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

/* study_wall.c: fill st->wall (method = subgrade) from [subgrade], the
 * layers, [wall], the item sections and the stages; SP_OK or the error
 * recorded in c. st's other fields are already read. */
int sp_study_read_wall(sp_ini_t *c, sp_study_t *st);

/* study_solver.c: fill st->solver from [solver] when the section is given
 * (licences default to 1 then); SP_OK or the error recorded in c. */
int sp_study_read_solver(sp_ini_t *c, sp_study_t *st);

#endif
