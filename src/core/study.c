/* study.c - INI study file -> sp_study_t.
 *
 * Two passes. libinih reads the file into a table of (section, key, value,
 * line) entries: libinih's Debian build passes no line numbers, so our reader
 * counts lines; it also rejects duplicates (inih accepts them silently) and
 * joins indented continuation lines into one value. The second pass looks
 * every known key up, converts and checks it; whatever was never looked up is
 * an unknown key or section. */
#include "study.h"
#include "catalogue.h"
#include "study_ini.h"
#include "study_wall.h"

#ifndef SP_DATA_DIR
#define SP_DATA_DIR "designs"
#endif

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *section, *key, *value;
	int line, used;
} S_entry;

typedef struct {
	char *name;
	int line, used;
} S_section;

typedef struct {
	const char *path;
	FILE *fp;
	int line;            /* line of the text being handed to inih */
	int at_line_start;   /* the next read starts a new line */
	int continuation;    /* the current line starts with blank space */
	int too_long;        /* line number of an over-long line, 0 if none */
	S_entry *e;
	size_t n, cap;
	S_section *s;
	size_t ns, caps;
	int bad;             /* first error, recorded by the handler */
	sp_err_t *err;
	int last_entry;      /* index of the previous entry, -1 at start */
	int header_line;     /* line of the latest [section] header, 0 before any */
	int header_keys;     /* keys seen under it */
	int empty_line;      /* first header with no key under it, 0 if none */
	char header_name[64], empty_name[64];
	int nul_line;        /* first line holding a NUL byte, 0 if none */
	int utf8_line;       /* first line that is not UTF-8 text, 0 if none */
} S_reader;

static char *S_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* inih's reader: fgets that knows the line number. */
static char *S_read_line(char *str, int num, void *stream)
{
	S_reader *r = stream;
	if (r->too_long)
		return NULL;
	char *got = fgets(str, num, r->fp);
	if (got == NULL)
		return NULL;
	size_t len = strlen(str);
	if (r->at_line_start)
		r->line++;
	int utf8 = sp_utf8_check(str, len);
	if (utf8 == 0 || (utf8 == 2 && len + 1 < (size_t)num)) { /* a full buffer may cut a character */
		r->utf8_line = r->line;
		return NULL;
	}
	if (r->at_line_start) {
		r->continuation = (str[0] == ' ' || str[0] == '\t');
		const char *p = str;
		if (r->line == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '[') {
			if (r->header_line && !r->header_keys && !r->empty_line) {
				r->empty_line = r->header_line;
				memcpy(r->empty_name, r->header_name, sizeof r->empty_name);
			}
			r->header_line = r->line;
			r->header_keys = 0;
			size_t k = 0;
			for (p++; *p && *p != ']' && k + 1 < sizeof r->header_name; p++)
				r->header_name[k++] = *p;
			r->header_name[k] = '\0';
		}
	}
	r->at_line_start = (len > 0 && str[len - 1] == '\n');
	if (!r->at_line_start && !feof(r->fp)) {
		if (len + 1 < (size_t)num) { /* stopped before the end of the buffer: a NUL byte */
			r->nul_line = r->line;
			return NULL;
		}
		/* a full buffer: fine if the line end (or the end of the file) follows */
		int ch = getc(r->fp);
		if (ch == '\r')
			ch = getc(r->fp);
		if (ch == '\n' || ch == EOF) {
			r->at_line_start = 1;
			return got;
		}
		r->too_long = r->line;
		return NULL;
	}
	return got;
}

static int S_add_section(S_reader *r, const char *section)
{
	for (size_t i = 0; i < r->ns; i++)
		if (strcmp(r->s[i].name, section) == 0)
			return r->s[i].line;
	if (r->ns == r->caps) {
		size_t cap = r->caps ? 2 * r->caps : 16;
		S_section *s = realloc(r->s, cap * sizeof *s);
		if (s == NULL)
			return -1;
		r->s = s;
		r->caps = cap;
	}
	r->s[r->ns].name = S_strdup(section);
	if (r->s[r->ns].name == NULL)
		return -1;
	r->s[r->ns].line = r->header_line;
	r->s[r->ns].used = 0;
	r->ns++;
	return 0;
}

static int S_handler(void *user, const char *section, const char *name, const char *value)
{
	S_reader *r = user;
	if (r->bad)
		return 0;
	/* an indented line continues the previous key's value */
	if (r->continuation && r->last_entry >= 0 && strcmp(r->e[r->last_entry].section, section) == 0
	    && strcmp(r->e[r->last_entry].key, name) == 0) {
		S_entry *p = &r->e[r->last_entry];
		size_t n = strlen(p->value), m = strlen(value);
		char *v = realloc(p->value, n + m + 2);
		if (v == NULL)
			goto nomem;
		v[n] = ' ';
		memcpy(v + n + 1, value, m + 1);
		/* inih keeps inline comments of continuation lines: cut them here */
		for (char *q = v + n + 1; *q; q++)
			if (*q == ';' && (q[-1] == ' ' || q[-1] == '\t')) {
				*q = '\0';
				break;
			}
		for (size_t k = strlen(v); k > 0 && (v[k - 1] == ' ' || v[k - 1] == '\t'); k--)
			v[k - 1] = '\0';
		p->value = v;
		return 1;
	}
	/* a section header seen again after other sections is a duplicate */
	r->header_keys = 1;
	int first = S_add_section(r, section);
	if (first < 0)
		goto nomem;
	if (first > 0 && first != r->header_line) {
		r->bad = sp_err_set(r->err, SP_EDATA, "%s:%d: section [%s] is given twice (first at line %d)", r->path,
		                    r->header_line, section, first);
		return 0;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (strcmp(r->e[i].section, section) == 0 && strcmp(r->e[i].key, name) == 0) {
			r->bad = sp_err_set(r->err, SP_EDATA, "%s:%d: [%s] key '%s' is given twice (first at line %d)",
			                    r->path, r->line, section, name, r->e[i].line);
			return 0;
		}
	}
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64;
		S_entry *e = realloc(r->e, cap * sizeof *e);
		if (e == NULL)
			goto nomem;
		r->e = e;
		r->cap = cap;
	}
	S_entry *e = &r->e[r->n];
	e->section = S_strdup(section);
	e->key = S_strdup(name);
	e->value = S_strdup(value);
	e->line = r->line;
	e->used = 0;
	if (!e->section || !e->key || !e->value) {
		free(e->section), free(e->key), free(e->value);
		goto nomem;
	}
	r->last_entry = (int)r->n++;
	return 1;
nomem:
	r->bad = sp_err_set(r->err, SP_ESOFTWARE, "%s: out of memory", r->path);
	return 0;
}

static void S_reader_free(S_reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->e[i].section), free(r->e[i].key), free(r->e[i].value);
	for (size_t i = 0; i < r->ns; i++)
		free(r->s[i].name);
	free(r->e);
	free(r->s);
}

/* ---- second pass: typed look-ups -------------------------------------- */

typedef struct sp_ini {
	S_reader *r;
	sp_err_t *err;
	int status;          /* first error */
} S_ctx;

static S_section *S_find_section(S_ctx *c, const char *section)
{
	for (size_t i = 0; i < c->r->ns; i++)
		if (strcmp(c->r->s[i].name, section) == 0)
			return &c->r->s[i];
	return NULL;
}

static S_entry *S_find(S_ctx *c, const char *section, const char *key)
{
	S_section *s = S_find_section(c, section);
	if (s)
		s->used = 1;
	for (size_t i = 0; i < c->r->n; i++) {
		S_entry *e = &c->r->e[i];
		if (strcmp(e->section, section) == 0 && strcmp(e->key, key) == 0) {
			e->used = 1;
			return e;
		}
	}
	return NULL;
}

static int S_fail(S_ctx *c, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int S_fail(S_ctx *c, int code, const char *fmt, ...)
{
	if (c->status)
		return c->status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err->text, sizeof c->err->text, fmt, ap);
	va_end(ap);
	c->err->code = code;
	c->status = code;
	return code;
}

/* Edits (insert, delete, substitute, swap two neighbours) that turn a into
 * b, counted up to limit + 1. */
static int S_edits(const char *a, const char *b, int limit)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 63 || m > 63 || (n > m ? n - m : m - n) > (size_t)limit)
		return limit + 1;
	int d[64][64];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m] <= limit ? d[n][m] : limit + 1;
}

/* A key of the section that nothing has read yet and that looks like `key`
 * misspelt: `key` without its unit (phi for phi_deg), `key` with more after
 * it (phi_degrees), or at least 4 letters at most two edits away (phi_dge).
 * Per-grade keys (steel_price_per_kg.S355GP) are not taken. NULL if none.
 * A known key not read yet may be taken (c_kPa for cu_kPa): the message
 * only asks. */
static const S_entry *S_misspelt(S_ctx *c, const char *section, const char *key)
{
	size_t klen = strlen(key);
	for (size_t i = 0; i < c->r->n; i++) {
		const S_entry *x = &c->r->e[i];
		if (x->used || strcmp(x->section, section) != 0 || strchr(x->key, '.'))
			continue;
		size_t xlen = strlen(x->key);
		if ((xlen < klen && strncmp(key, x->key, xlen) == 0 && key[xlen] == '_')
		    || (xlen > klen && strncmp(x->key, key, klen) == 0)
		    || (xlen >= 4 && klen >= 4 && S_edits(x->key, key, 2) <= 2))
			return x;
	}
	return NULL;
}

static int S_missing(S_ctx *c, const char *section, const char *key, const char *what)
{
	S_section *s = S_find_section(c, section);
	const S_entry *x = s ? S_misspelt(c, section, key) : NULL;
	if (x)
		return S_fail(c, SP_EDATA, "%s:%d: [%s]: missing required key '%s' (%s); is '%s' on line %d meant to be '%s'?",
		              c->r->path, s->line, section, key, what, x->key, x->line, key);
	if (s)
		return S_fail(c, SP_EDATA, "%s:%d: [%s]: missing required key '%s' (%s)", c->r->path, s->line,
		              section, key, what);
	return S_fail(c, SP_EDATA, "%s: missing section [%s] with required key '%s' (%s)", c->r->path, section,
	              key, what);
}

/* Parse a finite double occupying all of s (blanks around allowed). */
static int S_to_double(const char *s, double *out)
{
	char *end;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0' || errno == ERANGE || !isfinite(v))
		return -1;
	/* refuse hexadecimal and the words inf/nan that strtod accepts */
	for (const char *p = s; p < end; p++)
		if (isalpha((unsigned char)*p) && *p != 'e' && *p != 'E')
			return -1;
	*out = v;
	return 0;
}

/* Number with range [lo, hi] (open ends when lo_open/hi_open). */
static double S_num(S_ctx *c, const char *section, const char *key, int required, double def, double lo,
                    int lo_open, double hi, int hi_open, const char *what)
{
	S_entry *e = S_find(c, section, key);
	if (e == NULL) {
		if (required)
			S_missing(c, section, key, what);
		return def;
	}
	double v;
	char range[96];
	snprintf(range, sizeof range, "%s%g, %g%s", lo_open ? "(" : "[", lo, hi, hi_open ? ")" : "]");
	if (isinf(hi))
		snprintf(range, sizeof range, "%s%g, inf)", lo_open ? "(" : "[", lo);
	if (S_to_double(e->value, &v) != 0) {
		S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected a number (%s) in %s, got '%s'", c->r->path,
		       e->line, section, key, what, range, e->value);
		return def;
	}
	if (v < lo || (lo_open && v == lo) || v > hi || (hi_open && v == hi)) {
		S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': %g is out of range; expected %s in %s", c->r->path,
		       e->line, section, key, v, what, range);
		return def;
	}
	return v;
}

static int S_int(S_ctx *c, const char *section, const char *key, int def, int lo, int hi, const char *what)
{
	S_entry *e = S_find(c, section, key);
	if (e == NULL)
		return def;
	char *end;
	errno = 0;
	long v = strtol(e->value, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (end == e->value || *end != '\0' || errno == ERANGE || v < lo || v > hi) {
		S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected a whole number (%s) in [%d, %d], got '%s'",
		       c->r->path, e->line, section, key, what, lo, hi, e->value);
		return def;
	}
	return (int)v;
}

/* One of a list of words; returns its index. */
static int S_word(S_ctx *c, const char *section, const char *key, int def, const char *const *words)
{
	S_entry *e = S_find(c, section, key);
	if (e == NULL)
		return def;
	for (int i = 0; words[i]; i++)
		if (strcmp(e->value, words[i]) == 0)
			return i;
	char list[256] = "";
	for (int i = 0; words[i]; i++) {
		strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
		strncat(list, words[i], sizeof list - strlen(list) - 1);
	}
	S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected one of %s, got '%s'", c->r->path, e->line, section,
	       key, list, e->value);
	return def;
}

static void S_text(S_ctx *c, const char *section, const char *key, char *dst, size_t size, const char *def)
{
	S_entry *e = S_find(c, section, key);
	const char *v = e ? e->value : def;
	if (strlen(v) >= size) {
		S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': text longer than %zu characters", c->r->path,
		       e ? e->line : 0, section, key, size - 1);
		return;
	}
	sp_strlcpy(dst, v, size);
}

/* Split a comma-separated list into trimmed items; calls fn for each. */
typedef int (*S_item_fn)(S_ctx *c, S_entry *e, const char *item, void *user);
static int S_split(S_ctx *c, S_entry *e, S_item_fn fn, void *user)
{
	const char *p = e->value;
	int count = 0;
	for (;;) {
		const char *q = strchr(p, ',');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		char item[256];
		while (n > 0 && isspace((unsigned char)*p))
			p++, n--;
		while (n > 0 && isspace((unsigned char)p[n - 1]))
			n--;
		if (n >= sizeof item)
			return S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': list item longer than %zu characters",
			              c->r->path, e->line, e->section, e->key, sizeof item - 1);
		memcpy(item, p, n);
		item[n] = '\0';
		if (n == 0)
			return S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': empty item in the list '%s'", c->r->path,
			              e->line, e->section, e->key, e->value);
		if (fn(c, e, item, user) != 0)
			return c->status;
		count++;
		if (q == NULL)
			break;
		p = q + 1;
	}
	return 0;
}

typedef struct {
	char (*names)[SP_NAME_MAX];
	size_t n, cap;
} S_names;

static int S_add_name(S_ctx *c, S_entry *e, const char *item, void *user)
{
	S_names *l = user;
	if (strlen(item) >= SP_NAME_MAX)
		return S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': name '%s' is longer than %d characters", c->r->path,
		              e->line, e->section, e->key, item, SP_NAME_MAX - 1);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->names[i], item) == 0)
			return S_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': '%s' is listed twice", c->r->path, e->line,
			              e->section, e->key, item);
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		void *p = realloc(l->names, cap * sizeof *l->names);
		if (p == NULL)
			return S_fail(c, SP_ESOFTWARE, "out of memory");
		l->names = p;
		l->cap = cap;
	}
	sp_strlcpy(l->names[l->n++], item, SP_NAME_MAX);
	return 0;
}

typedef struct {
	double *v;
	size_t n, cap;
} S_doubles;

static int S_push(S_ctx *c, S_doubles *d, double v)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		double *p = realloc(d->v, cap * sizeof *p);
		if (p == NULL)
			return S_fail(c, SP_ESOFTWARE, "out of memory");
		d->v = p;
		d->cap = cap;
	}
	d->v[d->n++] = v;
	return 0;
}

#define SP_MAX_AXIS 100000 /* points on one search axis */

/* "start:step:stop" or a single length */
static int S_add_length(S_ctx *c, S_entry *e, const char *item, void *user)
{
	S_doubles *d = user;
	char buf[256];
	sp_strlcpy(buf, item, sizeof buf);
	char *c1 = strchr(buf, ':');
	if (c1 == NULL) {
		double v;
		if (S_to_double(buf, &v) != 0 || v <= 0 || v > 200)
			return S_fail(c, SP_EDATA,
			              "%s:%d: [search] key 'length_m': expected a pile length in (0, 200] m or "
			              "start:step:stop, got '%s'",
			              c->r->path, e->line, item);
		return S_push(c, d, v);
	}
	char *c2 = strchr(c1 + 1, ':');
	double a, s, b;
	if (c2 == NULL)
		goto bad;
	*c1 = *c2 = '\0';
	if (S_to_double(buf, &a) || S_to_double(c1 + 1, &s) || S_to_double(c2 + 1, &b))
		goto bad;
	if (a <= 0 || b > 200 || s <= 0 || b < a)
		return S_fail(c, SP_EDATA,
		              "%s:%d: [search] key 'length_m': range '%s' must have 0 < start <= stop <= 200 m "
		              "and step > 0",
		              c->r->path, e->line, item);
	double steps = floor((b - a) / s + 1e-9);
	if (steps + 1 > SP_MAX_AXIS)
		return S_fail(c, SP_EDATA, "%s:%d: [search] key 'length_m': range '%s' has more than %d lengths",
		              c->r->path, e->line, item, SP_MAX_AXIS);
	for (long i = 0; i <= (long)steps; i++)
		if (S_push(c, d, a + (double)i * s))
			return c->status;
	return 0;
bad:
	return S_fail(c, SP_EDATA, "%s:%d: [search] key 'length_m': expected start:step:stop in m, got '%s'",
	              c->r->path, e->line, item);
}

typedef struct {
	sp_anchor_option_t *a;
	size_t n, cap;
} S_anchors;

static int S_add_anchor(S_ctx *c, S_entry *e, const char *item, void *user)
{
	S_anchors *l = user;
	sp_anchor_option_t opt = {0, 0.0};
	if (strcmp(item, "none") != 0) {
		if (S_to_double(item, &opt.level_m) != 0)
			return S_fail(c, SP_EDATA,
			              "%s:%d: [anchor] key 'levels_m': expected 'none' or an anchor level in m, got '%s'",
			              c->r->path, e->line, item);
		opt.anchored = 1;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->a[i].anchored == opt.anchored && (!opt.anchored || l->a[i].level_m == opt.level_m))
			return S_fail(c, SP_EDATA, "%s:%d: [anchor] key 'levels_m': '%s' is listed twice", c->r->path,
			              e->line, item);
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		void *p = realloc(l->a, cap * sizeof *l->a);
		if (p == NULL)
			return S_fail(c, SP_ESOFTWARE, "out of memory");
		l->a = p;
		l->cap = cap;
	}
	l->a[l->n++] = opt;
	return 0;
}

/* ---- the look-ups for study_wall.c (study_ini.h) ---------------------- */

const char *sp_ini_path(const sp_ini_t *c) { return c->r->path; }
int sp_ini_status(const sp_ini_t *c) { return c->status; }
int sp_ini_to_double(const char *s, double *out) { return S_to_double(s, out); }

int sp_ini_fail(sp_ini_t *c, int code, const char *fmt, ...)
{
	if (c->status)
		return c->status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err->text, sizeof c->err->text, fmt, ap);
	va_end(ap);
	c->err->code = code;
	c->status = code;
	return code;
}

int sp_ini_missing(sp_ini_t *c, const char *section, const char *key, const char *what)
{
	return S_missing(c, section, key, what);
}

double sp_ini_num(sp_ini_t *c, const char *section, const char *key, int required, double def, double lo,
                  int lo_open, double hi, int hi_open, const char *what)
{
	return S_num(c, section, key, required, def, lo, lo_open, hi, hi_open, what);
}

int sp_ini_int(sp_ini_t *c, const char *section, const char *key, int def, int lo, int hi, const char *what)
{
	return S_int(c, section, key, def, lo, hi, what);
}

int sp_ini_word(sp_ini_t *c, const char *section, const char *key, int def, const char *const *words)
{
	return S_word(c, section, key, def, words);
}

const char *sp_ini_value(sp_ini_t *c, const char *section, const char *key, int *line)
{
	S_entry *e = S_find(c, section, key);
	if (line)
		*line = e ? e->line : 0;
	return e ? e->value : NULL;
}

size_t sp_ini_n_sections(const sp_ini_t *c) { return c->r->ns; }

const char *sp_ini_section(const sp_ini_t *c, size_t i, int *line)
{
	if (line)
		*line = c->r->s[i].line;
	return c->r->s[i].name;
}

void sp_ini_use_section(sp_ini_t *c, size_t i) { c->r->s[i].used = 1; }

int sp_ini_section_line(sp_ini_t *c, const char *section)
{
	S_section *s = S_find_section(c, section);
	if (s == NULL)
		return 0;
	s->used = 1;
	return s->line;
}

/* ---- the study -------------------------------------------------------- */

static const char *const S_sens_keys[SP_SENS_N] = {"phi_deg", "c_kPa", "gamma_kN_m3", "cu_kPa",
                                                   "water_retained_m", "water_excavation_m", "surcharge_kPa"};

const char *sp_sens_param_key(sp_sens_param p)
{
	return (unsigned)p < SP_SENS_N ? S_sens_keys[p] : "?";
}

/* [sensitivity]: optional; at least one amount when given. */
static void S_read_sensitivity(S_ctx *c, sp_study_t *st)
{
	static const double hi[SP_SENS_N] = {20, 1000, 10, 1000, 100, 100, 1000};
	static const char *const what[SP_SENS_N] = {
		"change or standard deviation of phi', deg", "change or standard deviation of c', kPa",
		"change or standard deviation of the unit weights, kN/m3", "change or standard deviation of c_u, kPa",
		"change or standard deviation of the retained-side water level, m",
		"change or standard deviation of the excavation-side water level, m",
		"change or standard deviation of the surcharge, kPa"};
	const char *k = "sensitivity";
	sp_sensitivity_t *s = &st->sensitivity;
	s->line = sp_ini_section_line(c, k);
	s->enabled = s->line > 0;
	s->top = S_int(c, k, "top", 3, 1, 20, "best designs studied");
	s->samples = S_int(c, k, "samples", 0, 0, 100000, "Monte Carlo samples, 0 = one parameter at a time");
	s->seed = (unsigned long)S_int(c, k, "seed", 1, 0, 2147483647, "seed of the Monte Carlo samples");
	for (int i = 0; i < SP_SENS_N; i++)
		s->amount[i] = S_num(c, k, S_sens_keys[i], 0, 0, 0, 0, hi[i], 0, what[i]);
}

/* After the unknown keys (a misspelt amount is reported as such). */
static void S_check_sensitivity(S_ctx *c, const sp_study_t *st)
{
	const sp_sensitivity_t *s = &st->sensitivity;
	int any = 0;
	for (int i = 0; i < SP_SENS_N; i++)
		any |= s->amount[i] > 0;
	if (s->enabled && !any && !c->status)
		S_fail(c, SP_EDATA,
		       "%s:%d: [sensitivity]: give at least one amount > 0 (phi_deg, c_kPa, gamma_kN_m3, cu_kPa, "
		       "water_retained_m, water_excavation_m, surcharge_kPa)",
		       c->r->path, s->line);
}

static const char *const S_safety_words[] = {"kp-factor", "embedment-factor", "ec7-da1-c2", NULL};
static const char *const S_objective_words[] = {"cost", "mass", "co2", "weighted", NULL};
static const char *const S_search_words[] = {"exhaustive", "min-length", NULL};
static const char *const S_cantilever_words[] = {"full", "blum", NULL};
static const char *const S_theory_words[] = {"rankine", "coulomb", "ec7", NULL};
static const char *const S_method_words[] = {"le", "subgrade", NULL};
static const char *const S_drainage_words[] = {"drained", "undrained", NULL};
static const char *const S_action_words[] = {"variable", "permanent", NULL};
static const char *const S_upile_words[] = {"singles", "crimped-doubles", NULL};
static const char *const S_yesno_words[] = {"no", "yes", NULL};
static const char *const S_condition_words[] = {"highly-unfavourable", "unfavourable", "favourable", NULL};

const char *sp_safety_name(sp_safety s) { return S_safety_words[s]; }
const char *sp_objective_name(sp_objective o) { return S_objective_words[o]; }
const char *sp_search_name(sp_search_strategy s) { return S_search_words[s]; }
const char *sp_cantilever_name(sp_cantilever_method m) { return S_cantilever_words[m]; }

/* [objective] weight_cost, weight_mass, weight_co2: only with minimise =
 * weighted; normalised to sum 1. */
static void S_read_weights(S_ctx *c, sp_study_t *st)
{
	const char *o = "objective", *keys[] = {"weight_cost", "weight_mass", "weight_co2"};
	double *w[] = {&st->weight_cost, &st->weight_mass, &st->weight_co2};
	int weighted = st->objective == SP_OBJ_WEIGHTED;
	double sum = 0;
	for (int i = 0; i < 3 && !c->status; i++) {
		int line;
		const char *v = sp_ini_value(c, o, keys[i], &line);
		if (v && !weighted) {
			S_fail(c, SP_EDATA, "%s:%d: [objective] key '%s': weights are used only with minimise = weighted",
			       c->r->path, line, keys[i]);
			return;
		}
		*w[i] = S_num(c, o, keys[i], 0, i == 0 ? 1.0 : 0.0, 0, 0, 1e6, 0, "weight of this quantity (>= 0)");
		sum += *w[i];
	}
	if (c->status)
		return;
	if (weighted && !(sum > 0)) {
		S_fail(c, SP_EDATA, "%s:%d: [objective]: minimise = weighted needs a weight_cost, weight_mass or "
		       "weight_co2 above 0", c->r->path, sp_ini_section_line(c, o));
		return;
	}
	for (int i = 0; i < 3; i++)
		*w[i] /= sum;
}

static void S_read_layers(S_ctx *c, sp_study_t *st, int subgrade)
{
	size_t n = 0;
	for (size_t i = 0; i < c->r->ns; i++)
		if (strncmp(c->r->s[i].name, "layer ", 6) == 0)
			n++;
	if (n == 0) {
		S_fail(c, SP_EDATA, "%s: no soil layer: add at least one [layer NAME] section", c->r->path);
		return;
	}
	st->layers = calloc(n, sizeof *st->layers);
	if (st->layers == NULL) {
		S_fail(c, SP_ESOFTWARE, "out of memory");
		return;
	}
	for (size_t i = 0; i < c->r->ns && !c->status; i++) {
		S_section *s = &c->r->s[i];
		if (strncmp(s->name, "layer ", 6) != 0)
			continue;
		s->used = 1;
		sp_layer_t *L = &st->layers[st->n_layers];
		const char *nm = s->name + 6;
		while (isspace((unsigned char)*nm))
			nm++;
		if (*nm == '\0' || strlen(nm) >= SP_NAME_MAX) {
			S_fail(c, SP_EDATA, "%s:%d: [%s]: a layer needs a name of 1 to %d characters", c->r->path,
			       s->line, s->name, SP_NAME_MAX - 1);
			return;
		}
		sp_strlcpy(L->name, nm, sizeof L->name);
		L->line = s->line;
		const char *sec = s->name;
		L->top_level_m = S_num(c, sec, "top_level_m", 1, 0, -1e4, 0, 1e4, 0, "level of the layer top, m");
		/* subgrade (D-Sheet) models take wider ranges: weightless soil, phi up to 90 */
		L->gamma_kN_m3 = S_num(c, sec, "gamma_kN_m3", 1, 0, 0, !subgrade, 40, 0, "unit weight above water, kN/m3");
		L->gamma_sat_kN_m3 =
			S_num(c, sec, "gamma_sat_kN_m3", 0, L->gamma_kN_m3, 0, !subgrade, 40, 0, "saturated unit weight, kN/m3");
		L->drainage = (sp_drainage)S_word(c, sec, "drainage", SP_DRAINED, S_drainage_words);
		int undrained = L->drainage == SP_UNDRAINED;
		L->phi_deg = S_num(c, sec, "phi_deg", !undrained, 0, 0, 0, subgrade ? 90 : 50, 1,
		                   "effective friction angle phi', degrees");
		L->c_kPa = S_num(c, sec, "c_kPa", 0, 0, 0, 0, subgrade ? 1e4 : 1000, 0, "effective cohesion c', kPa");
		L->delta_deg = S_num(c, sec, "delta_deg", 0, 0, subgrade ? -90 : 0, subgrade, subgrade ? 90 : 50, 1,
		                     "wall friction angle delta, degrees");
		L->cu_kPa = S_num(c, sec, "cu_kPa", undrained, 0, 0, 1, 2000, 0, "undrained shear strength c_u, kPa");
		if (!subgrade) /* subgrade: a list of branch moduli, read by study_wall.c */
			L->kh_kN_m3 = S_num(c, sec, "kh_kN_m3", 0, 0, 0, 0, 1e7, 0, "modulus of subgrade reaction, kN/m3");
		L->ka_given = S_num(c, sec, "ka", 0, 0, 0, 1, subgrade ? 10 : 1, 0, "active coefficient Ka given directly");
		L->kp_given = S_num(c, sec, "kp", 0, 0, subgrade ? 0 : 1, subgrade, subgrade ? 1000 : 100, 0,
		                    "passive coefficient Kp given directly");
		if (c->status)
			return;
		if (L->delta_deg > L->phi_deg && !undrained && !subgrade) {
			S_entry *e = S_find(c, sec, "delta_deg");
			S_fail(c, SP_EDATA, "%s:%d: [%s] key 'delta_deg': wall friction %g deg exceeds phi' = %g deg",
			       c->r->path, e ? e->line : s->line, sec, L->delta_deg, L->phi_deg);
			return;
		}
		if (L->gamma_sat_kN_m3 < L->gamma_kN_m3 * 0.5) {
			S_entry *e = S_find(c, sec, "gamma_sat_kN_m3");
			S_fail(c, SP_EDATA, "%s:%d: [%s] key 'gamma_sat_kN_m3': %g is less than half of gamma_kN_m3",
			       c->r->path, e ? e->line : s->line, sec, L->gamma_sat_kN_m3);
			return;
		}
		if (st->n_layers > 0 && L->top_level_m >= st->layers[st->n_layers - 1].top_level_m) {
			S_entry *e = S_find(c, sec, "top_level_m");
			S_fail(c, SP_EDATA,
			       "%s:%d: [%s] key 'top_level_m': layers must be given top-down; %g m is not below "
			       "the top of layer '%s' (%g m)",
			       c->r->path, e ? e->line : s->line, sec, L->top_level_m,
			       st->layers[st->n_layers - 1].name, st->layers[st->n_layers - 1].top_level_m);
			return;
		}
		st->n_layers++;
	}
}

static void S_resolve_path(char *dst, size_t size, const char *study_path, const char *rel)
{
	if (rel[0] == '/') {
		sp_strlcpy(dst, rel, size);
		return;
	}
	const char *slash = strrchr(study_path, '/');
	if (slash == NULL) {
		sp_strlcpy(dst, rel, size);
		return;
	}
	size_t dir = (size_t)(slash - study_path) + 1; /* keep the slash */
	if (dir >= size) {
		sp_strlcpy(dst, rel, size);
		return;
	}
	memcpy(dst, study_path, dir);
	sp_strlcpy(dst + dir, rel, size - dir);
}

void sp_ini_resolve_path(const sp_ini_t *c, char *dst, size_t size, const char *rel)
{
	S_resolve_path(dst, size, c->r->path, rel);
}

static void S_read_all(S_ctx *c, sp_study_t *st)
{
	S_text(c, "study", "name", st->name, sizeof st->name, "study");
	S_text(c, "study", "description", st->description, sizeof st->description, "");

	/* method = subgrade with a [wall]: the study analyses that wall, and
	 * [geometry], [search] and [cost] become optional */
	S_entry *m = S_find(c, "design", "method");
	int subgrade = m && strcmp(m->value, "subgrade") == 0;
	int fixed = subgrade && S_find_section(c, "wall") != NULL;
	int geometry = !fixed || S_find_section(c, "geometry") != NULL;

	const char *g = "geometry";
	if (!geometry)
		goto layers;
	st->top_of_wall_m = S_num(c, g, "top_of_wall_m", 1, 0, -1e4, 0, 1e4, 0, "level of the top of the wall, m");
	st->retained_level_m = S_num(c, g, "retained_level_m", 1, 0, -1e4, 0, 1e4, 0, "retained ground level, m");
	st->excavation_level_m = S_num(c, g, "excavation_level_m", 1, 0, -1e4, 0, 1e4, 0, "excavation level, m");
	if (c->status)
		return;
	if (st->excavation_level_m >= st->retained_level_m) {
		S_entry *e = S_find(c, g, "excavation_level_m");
		S_fail(c, SP_EDATA,
		       "%s:%d: [geometry] key 'excavation_level_m': the excavation (%g m) must be below the "
		       "retained ground level (%g m)",
		       c->r->path, e->line, st->excavation_level_m, st->retained_level_m);
		return;
	}
	if (st->top_of_wall_m < st->retained_level_m) {
		S_entry *e = S_find(c, g, "top_of_wall_m");
		S_fail(c, SP_EDATA,
		       "%s:%d: [geometry] key 'top_of_wall_m': the top of the wall (%g m) must not be below the "
		       "retained ground level (%g m)",
		       c->r->path, e->line, st->top_of_wall_m, st->retained_level_m);
		return;
	}

layers:
	S_read_layers(c, st, subgrade);
	if (c->status)
		return;
	if (!fixed && st->layers[0].top_level_m < st->retained_level_m) {
		S_fail(c, SP_EDATA,
		       "%s:%d: [layer %s] key 'top_level_m': the first layer must start at or above the retained "
		       "ground level (%g m), not at %g m",
		       c->r->path, st->layers[0].line, st->layers[0].name, st->retained_level_m, st->layers[0].top_level_m);
		return;
	}

	const char *w = "water";
	double below = st->excavation_level_m - 1e3;
	st->water_retained_m = S_num(c, w, "level_retained_m", 0, below, -1e4, 0, 1e4, 0, "water level, retained side, m");
	st->water_excavation_m = S_num(c, w, "level_excavation_m", 0, below, -1e4, 0, 1e4, 0, "water level, excavation side, m");
	st->gamma_w_kN_m3 = S_num(c, w, "gamma_w_kN_m3", 0, 9.81, 9, 0, 11, 0, "unit weight of water, kN/m3");

	st->surcharge_kPa = S_num(c, "loads", "surcharge_kPa", 0, 0, 0, 0, 1000, 0, "uniform surcharge, kPa");
	st->surcharge_variable = S_word(c, "loads", "surcharge_action", 0, S_action_words) == 0;

	const char *a = "anchor";
	S_anchors an = {0};
	S_entry *e = S_find(c, a, "levels_m");
	if (e)
		S_split(c, e, S_add_anchor, &an);
	else
		S_add_anchor(c, NULL, "none", &an);
	st->anchors = an.a;
	st->n_anchors = an.n;
	for (size_t i = 0; i < an.n && !c->status; i++)
		if (an.a[i].anchored && (an.a[i].level_m > st->top_of_wall_m || an.a[i].level_m <= st->excavation_level_m))
			S_fail(c, SP_EDATA,
			       "%s:%d: [anchor] key 'levels_m': anchor level %g m must lie between the excavation "
			       "(%g m, excluded) and the top of the wall (%g m)",
			       c->r->path, e->line, an.a[i].level_m, st->excavation_level_m, st->top_of_wall_m);
	st->anchor_inclination_deg = S_num(c, a, "inclination_deg", 0, 0, 0, 0, 60, 0, "anchor inclination below horizontal, degrees");
	st->anchor_spacing_m = S_num(c, a, "spacing_m", 0, 2.5, 0, 1, 20, 0, "horizontal anchor spacing, m");
	st->anchor_capacity_kN = S_num(c, a, "capacity_kN", 0, 0, 0, 0, 1e5, 0, "design resistance of one anchor, kN");
	st->anchor_area_m2_per_m = 1e-3;
	st->anchor_length_m = 10;
	if (subgrade) {
		st->anchor_area_m2_per_m = S_num(c, a, "area_m2_per_m", 0, 1e-3, 0, 1, 1, 0, "tendon cross-section per m run, m2/m");
		st->anchor_length_m = S_num(c, a, "length_m", 0, 10, 0, 1, 200, 0, "free length of the tendon, m");
	}
	if (c->status)
		return;

	int search = !fixed || S_find_section(c, "search") != NULL;
	int cost = !fixed || S_find_section(c, "cost") != NULL;

	const char *s = "search";
	S_names pr = {0}, gr = {0};
	e = S_find(c, s, "profiles");
	if (!search)
		;
	else if (e == NULL)
		S_missing(c, s, "profiles", "'all' or a comma-separated list of catalogue profiles");
	else if (strcmp(e->value, "all") == 0)
		st->all_profiles = 1, st->profiles_line = e->line;
	else
		S_split(c, e, S_add_name, &pr), st->profiles_line = e->line;
	st->profiles = pr.names;
	st->n_profiles = pr.n;
	e = S_find(c, s, "grades");
	if (e == NULL && !c->status && search)
		S_missing(c, s, "grades", "comma-separated list of steel grades, e.g. S355GP");
	else if (e)
		S_split(c, e, S_add_name, &gr), st->grades_line = e->line;
	st->grades = gr.names;
	st->n_grades = gr.n;
	S_doubles len = {0};
	e = S_find(c, s, "length_m");
	if (e == NULL && !c->status && search)
		S_missing(c, s, "length_m", "pile lengths, m: start:step:stop or a list");
	else if (e)
		S_split(c, e, S_add_length, &len);
	st->lengths_m = len.v;
	st->n_lengths = len.n;
	st->search = (sp_search_strategy)S_word(c, s, "strategy", SP_SEARCH_EXHAUSTIVE, S_search_words);
	st->refine_anchor = S_word(c, s, "refine_anchor", 0, S_yesno_words);
	st->refine_anchor_tol_m = S_num(c, s, "refine_anchor_tol_m", 0, 0.01, 1e-4, 0, 1, 0,
	                                "tolerance on the refined anchor level, m");
	if (c->status)
		return;

	const char *d = "design";
	st->method = (sp_method)S_word(c, d, "method", SP_METHOD_LE, S_method_words);
	st->earth_pressure = (sp_earth_theory)S_word(c, d, "earth_pressure", SP_EARTH_EC7, S_theory_words);
	st->cantilever_method = (sp_cantilever_method)S_word(c, d, "cantilever_method", SP_CANTILEVER_FULL, S_cantilever_words);
	st->safety = (sp_safety)S_word(c, d, "safety", SP_SAFETY_KP_FACTOR, S_safety_words);
	st->kp_factor = S_num(c, d, "kp_factor", 0, 1.5, 1, 0, 5, 0, "factor dividing Kp");
	st->embedment_factor = S_num(c, d, "embedment_factor", 0, 1.2, 1, 0, 3, 0, "factor on the equilibrium embedment");
	st->blum_toe_extension = S_num(c, d, "blum_toe_extension", 0, 0.2, 0, 0, 1, 0, "Blum toe extension, fraction of the depth to the point of rotation");
	st->gamma_phi = S_num(c, d, "gamma_phi", 0, 1.25, 1, 0, 3, 0, "EC7 M2 factor on tan(phi')");
	st->gamma_c = S_num(c, d, "gamma_c", 0, 1.25, 1, 0, 3, 0, "EC7 M2 factor on c'");
	st->gamma_cu = S_num(c, d, "gamma_cu", 0, 1.4, 1, 0, 3, 0, "EC7 M2 factor on c_u");
	st->gamma_q = S_num(c, d, "gamma_q", 0, 1.3, 1, 0, 3, 0, "EC7 A2 factor on variable actions");
	st->moment_factor = S_num(c, d, "moment_factor", 0, 1.0, 1, 0, 3, 0, "factor from analysed to design bending moment");
	st->anchor_force_factor = S_num(c, d, "anchor_force_factor", 0, 1.0, 1, 0, 3, 0, "factor from analysed to design anchor force");
	st->gamma_M0 = S_num(c, d, "gamma_M0", 0, 1.0, 1, 0, 2, 0, "EN 1993-5 partial factor gamma_M0");
	st->upile_unit = (sp_upile_unit)S_word(c, d, "u_pile_unit", SP_UPILE_CRIMPED, S_upile_words);
	st->upile_condition = (sp_ground_condition)S_word(c, d, "u_pile_ground_condition", SP_COND_UNFAVOURABLE, S_condition_words);
	st->tension_cut_off = S_word(c, d, "tension_cut_off", 1, S_yesno_words);
	st->deflection_limit_mm = S_num(c, d, "deflection_limit_mm", 0, 0, 0, 0, 1e4, 0, "deflection limit, mm (0 = none)");
	st->mobilised_limit_pct = S_num(c, d, "mobilised_limit_pct", 0, 100.0, 0, 1, 100, 0,
	                                "largest mobilised passive resistance, % (beam engine)");
	st->max_embedment_m = S_num(c, d, "max_embedment_m", 0, 60, 1, 0, 500, 0, "deepest embedment searched, m");
	st->embedment_tol_m = S_num(c, d, "embedment_tol_m", 0, 1e-5, 1e-9, 0, 0.01, 0, "tolerance on the embedment root, m");
	st->max_iterations = S_int(c, d, "max_iterations", 200, 10, 100000, "root-finder iteration limit");

	const char *k = "cost";
	st->steel_price_per_kg = calloc(st->n_grades ? st->n_grades : 1, sizeof *st->steel_price_per_kg);
	if (st->steel_price_per_kg == NULL) {
		S_fail(c, SP_ESOFTWARE, "out of memory");
		return;
	}
	double price = S_num(c, k, "steel_price_per_kg", cost, 0, 0, 1, 1e4, 0, "steel price per kg (all grades)");
	for (size_t i = 0; i < st->n_grades && !c->status; i++) {
		char key[SP_NAME_MAX + 32];
		snprintf(key, sizeof key, "steel_price_per_kg.%s", st->grades[i]);
		st->steel_price_per_kg[i] = S_num(c, k, key, 0, price, 0, 1, 1e4, 0, "steel price per kg of this grade");
	}
	st->installation_per_m2 = S_num(c, k, "installation_per_m2", 0, 0, 0, 0, 1e5, 0, "installation cost per m2 of wall");
	st->anchor_cost_each = S_num(c, k, "anchor_cost_each", 0, 0, 0, 0, 1e7, 0, "cost of one anchor");
	st->co2_kg_per_kg_steel = S_num(c, k, "co2_kg_per_kg_steel", cost, 0, 0, 0, 100, 0, "embodied CO2 of the steel, kg CO2e per kg (from your supplier's EPD)");
	S_text(c, k, "currency", st->currency, sizeof st->currency, "EUR");
	st->objective = (sp_objective)S_word(c, "objective", "minimise", SP_OBJ_COST, S_objective_words);
	S_read_weights(c, st);

	const char *r = "run";
	st->licenses = S_int(c, r, "licenses", 1024, 1, 1000000, "licences: evaluations running at once");
	st->threads = S_int(c, r, "threads", 0, 0, 4096, "threads, 0 = all cores");
	st->top_k = S_int(c, r, "top_k", 20, 1, 1000000, "designs in ranking.csv");
	/* catalogue files relative to the study's folder; absent: the built-in ones */
	char rel[SP_PATH_MAX];
	S_text(c, r, "catalogue", rel, sizeof rel, SP_DATA_DIR "/profiles.csv");
	S_resolve_path(st->catalogue_path, sizeof st->catalogue_path, st->path, rel);
	S_text(c, r, "grades", rel, sizeof rel, SP_DATA_DIR "/grades.csv");
	S_resolve_path(st->grades_path, sizeof st->grades_path, st->path, rel);
	S_read_sensitivity(c, st);
	if (c->status)
		return;

	if (st->method == SP_METHOD_SUBGRADE) {
		sp_study_read_wall(c, st);
		if (c->status)
			return;
		if (!geometry) { /* from the wall: its top and the final stage's surfaces */
			const sp_wall_stage_t *fin = &st->wall->stages[st->wall->n_stages - 1];
			st->top_of_wall_m = st->wall->top_level_m;
			st->retained_level_m = fmax(fin->surface_m[SP_LEFT], fin->surface_m[SP_RIGHT]);
			st->excavation_level_m = fmin(fin->surface_m[SP_LEFT], fin->surface_m[SP_RIGHT]);
		}
	}

	sp_study_read_solver(c, st);
	if (c->status)
		return;

	/* every grade priced with its own key must be a grade of the search */
	for (size_t i = 0; i < c->r->n && !c->status; i++) {
		S_entry *x = &c->r->e[i];
		if (x->used || strcmp(x->section, "cost") != 0 || strncmp(x->key, "steel_price_per_kg.", 19) != 0)
			continue;
		S_fail(c, SP_EDATA, "%s:%d: [cost] key '%s': grade '%s' is not in [search] grades", c->r->path,
		       x->line, x->key, x->key + 19);
	}
	/* unknown sections and keys, in file order */
	for (size_t i = 0; i < c->r->n && !c->status; i++) {
		S_entry *x = &c->r->e[i];
		if (x->used)
			continue;
		if (x->section[0] == '\0')
			S_fail(c, SP_EDATA, "%s:%d: key '%s' before the first [section]", c->r->path, x->line, x->key);
		else if (!S_find_section(c, x->section)->used && st->method != SP_METHOD_SUBGRADE
		         && sp_study_wall_section(x->section))
			S_fail(c, SP_EDATA, "%s:%d: section [%s] is used only with [design] method = subgrade",
			       c->r->path, S_find_section(c, x->section)->line, x->section);
		else if (!S_find_section(c, x->section)->used)
			S_fail(c, SP_EDATA, "%s:%d: unknown section [%s] (known: study, geometry, layer NAME, water, "
			       "loads, anchor, search, design, cost, objective, run, sensitivity, solver; with method = subgrade also "
			       "subgrade, wall, wall-element NAME, anchor-item NAME, strut NAME, spring-support NAME, "
			       "rigid-support NAME, line-load NAME, moment-load NAME, uniform-load NAME, surcharge NAME, "
			       "normal-force NAME, stage NAME)",
			       c->r->path, S_find_section(c, x->section)->line, x->section);
		else
			S_fail(c, SP_EDATA, "%s:%d: [%s]: unknown key '%s' (see docs/study-file.md)", c->r->path,
			       x->line, x->section, x->key);
	}
	for (size_t i = 0; i < c->r->ns && !c->status; i++)
		if (!c->r->s[i].used && strcmp(c->r->s[i].name, "") != 0)
			S_fail(c, SP_EDATA, "%s:%d: section [%s] is empty or unknown", c->r->path, c->r->s[i].line,
			       c->r->s[i].name);
	S_check_sensitivity(c, st);
}

sp_study_t *sp_study_read(const char *path, sp_err_t *err)
{
	sp_err_t scratch;
	if (err == NULL)
		err = &scratch; /* the caller does not want the message */
	S_reader r = {0};
	r.path = path;
	r.err = err;
	r.at_line_start = 1;
	r.last_entry = -1;
	r.fp = fopen(path, "rb");
	if (r.fp == NULL) {
		sp_err_set(err, SP_ENOINPUT, "%s: cannot open the study file: %s", path, strerror(errno));
		return NULL;
	}
	int rc = ini_parse_stream(S_read_line, &r, S_handler, &r);
	int read_error = ferror(r.fp);
	fclose(r.fp);
	if (read_error) {
		sp_err_set(err, SP_ENOINPUT, "%s: cannot read the study file (is it a directory?)", path);
		S_reader_free(&r);
		return NULL;
	}
	if (rc > 0 && !r.bad &&
	    ((r.nul_line && rc < r.nul_line) || (r.too_long && rc < r.too_long) || (r.utf8_line && rc < r.utf8_line)))
		r.nul_line = r.too_long = r.utf8_line = 0; /* an earlier line is already not INI: report that */
	if (r.utf8_line) {
		sp_err_set(err, SP_EDATA,
		           "%s:%d: not UTF-8 text (a Windows-1252 or Latin-1 character such as a degree sign or an "
		           "accented letter?); save the file as UTF-8",
		           path, r.utf8_line);
		S_reader_free(&r);
		return NULL;
	}
	if (r.nul_line) {
		sp_err_set(err, SP_EDATA, "%s:%d: a NUL byte: not a text file", path, r.nul_line);
		S_reader_free(&r);
		return NULL;
	}
	if (r.too_long) {
		sp_err_set(err, SP_EDATA,
		           "%s:%d: line longer than %d characters; split a long list over several lines, "
		           "indenting the continuation lines",
		           path, r.too_long, INI_MAX_LINE - 1);
		S_reader_free(&r);
		return NULL;
	}
	if (r.bad) {
		S_reader_free(&r);
		return NULL;
	}
	if (rc > 0) {
		sp_err_set(err, SP_EDATA, "%s:%d: not a valid INI line (expected [section], key = value or a comment)",
		           path, rc);
		S_reader_free(&r);
		return NULL;
	}
	if (!r.empty_line && r.header_line && !r.header_keys) {
		r.empty_line = r.header_line;
		memcpy(r.empty_name, r.header_name, sizeof r.empty_name);
	}
	if (rc == 0 && !r.bad && r.empty_line) {
		sp_err_set(err, SP_EDATA, "%s:%d: section [%s] is empty or unknown", path, r.empty_line, r.empty_name);
		S_reader_free(&r);
		return NULL;
	}
	if (r.n == 0) {
		sp_err_set(err, SP_EDATA, "%s: the study file holds no settings", path);
		S_reader_free(&r);
		return NULL;
	}

	sp_study_t *st = calloc(1, sizeof *st);
	if (st == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		S_reader_free(&r);
		return NULL;
	}
	sp_strlcpy(st->path, path, sizeof st->path);
	S_ctx c = {&r, err, 0};
	S_read_all(&c, st);
	S_reader_free(&r);
	if (c.status) {
		sp_study_free(st);
		return NULL;
	}
	return st;
}

void sp_study_free(sp_study_t *st)
{
	if (st == NULL)
		return;
	free(st->layers);
	free(st->anchors);
	free(st->profiles);
	free(st->grades);
	free(st->lengths_m);
	free(st->steel_price_per_kg);
	free(st->wall);
	free(st->solver);
	free(st);
}

int sp_study_resolve(sp_study_t *st, const sp_catalogue_t *cat, sp_err_t *err)
{
	if (st->all_profiles) {
		size_t n = sp_catalogue_n_profiles(cat);
		free(st->profiles);
		st->profiles = calloc(n ? n : 1, sizeof *st->profiles);
		if (st->profiles == NULL)
			return sp_err_set(err, SP_ESOFTWARE, "out of memory");
		for (size_t i = 0; i < n; i++)
			sp_strlcpy(st->profiles[i], sp_catalogue_profile(cat, i)->name, SP_NAME_MAX);
		st->n_profiles = n;
	}
	for (size_t i = 0; i < st->n_profiles; i++)
		if (sp_catalogue_find_profile(cat, st->profiles[i]) < 0)
			return sp_err_set(err, SP_EDATA,
			                  "%s:%d: [search] key 'profiles': unknown profile '%s' (not in %s; "
			                  "'sheetpile profiles' lists them)",
			                  st->path, st->profiles_line, st->profiles[i], st->catalogue_path);
	for (size_t i = 0; i < st->n_grades; i++)
		if (sp_catalogue_find_grade(cat, st->grades[i]) < 0)
			return sp_err_set(err, SP_EDATA, "%s:%d: [search] key 'grades': unknown steel grade '%s' (not in %s)",
			                  st->path, st->grades_line, st->grades[i], st->grades_path);
	if (sp_study_n_candidates(st) == 0 && !st->wall_fixed) /* a fixed wall needs no search */
		return sp_err_set(err, SP_EDATA, "%s:%d: [search]: the search space is empty", st->path,
		                  st->profiles_line);
	return SP_OK;
}

size_t sp_study_n_candidates(const sp_study_t *st)
{
	return st->n_profiles * st->n_grades * st->n_lengths * st->n_anchors;
}
