/* sp_ini.c - the INI layer of the study file: libinih reads the file into a
 * table of (section, key, value, line) entries; typed look-ups convert and
 * check them.
 *
 * libinih's Debian build passes no line numbers, so our reader counts lines;
 * it also rejects duplicates (inih accepts them silently) and joins indented
 * continuation lines into one value. Every look-up marks its key (and
 * section) as used, so whatever is never looked up can be reported as
 * unknown by the caller. */
#include "sp_ini.h"
#include "block.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *path;
	FILE *fp;
	int line;            /* line of the text being handed to inih */
	int at_line_start;   /* the next read starts a new line */
	int continuation;    /* the current line starts with blank space */
	int too_long;        /* line number of an over-long line, 0 if none */
	sp_ini_entry_t *e;
	size_t n, cap;
	sp_ini_section_t *s;
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
	if (sp_grow(&r->s, &r->caps, r->ns, sizeof *r->s, 16) != 0)
		return -1;
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
		sp_ini_entry_t *p = &r->e[r->last_entry];
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
	if (sp_grow(&r->e, &r->cap, r->n, sizeof *r->e, 64) != 0)
		goto nomem;
	sp_ini_entry_t *e = &r->e[r->n];
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

struct sp_ini {
	S_reader *r;
	sp_err_t *err;
	int status;          /* first error */
};

sp_ini_section_t *sp_ini_find_section(sp_ini_t *c, const char *section)
{
	for (size_t i = 0; i < c->r->ns; i++)
		if (strcmp(c->r->s[i].name, section) == 0)
			return &c->r->s[i];
	return NULL;
}

sp_ini_entry_t *sp_ini_find(sp_ini_t *c, const char *section, const char *key)
{
	sp_ini_section_t *s = sp_ini_find_section(c, section);
	if (s)
		s->used = 1;
	for (size_t i = 0; i < c->r->n; i++) {
		sp_ini_entry_t *e = &c->r->e[i];
		if (strcmp(e->section, section) == 0 && strcmp(e->key, key) == 0) {
			e->used = 1;
			return e;
		}
	}
	return NULL;
}

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
static const sp_ini_entry_t *S_misspelt(sp_ini_t *c, const char *section, const char *key)
{
	size_t klen = strlen(key);
	for (size_t i = 0; i < c->r->n; i++) {
		const sp_ini_entry_t *x = &c->r->e[i];
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

int sp_ini_missing(sp_ini_t *c, const char *section, const char *key, const char *what)
{
	sp_ini_section_t *s = sp_ini_find_section(c, section);
	const sp_ini_entry_t *x = s ? S_misspelt(c, section, key) : NULL;
	if (x)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: missing required key '%s' (%s); is '%s' on line %d meant to be '%s'?",
		              c->r->path, s->line, section, key, what, x->key, x->line, key);
	if (s)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: missing required key '%s' (%s)", c->r->path, s->line,
		              section, key, what);
	return sp_ini_fail(c, SP_EDATA, "%s: missing section [%s] with required key '%s' (%s)", c->r->path, section,
	              key, what);
}

/* Parse a finite double occupying all of s (blanks around allowed). */
int sp_ini_to_double(const char *s, double *out)
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
double sp_ini_num(sp_ini_t *c, const char *section, const char *key, int required, double def, double lo,
                    int lo_open, double hi, int hi_open, const char *what)
{
	sp_ini_entry_t *e = sp_ini_find(c, section, key);
	if (e == NULL) {
		if (required)
			sp_ini_missing(c, section, key, what);
		return def;
	}
	double v;
	char range[96];
	snprintf(range, sizeof range, "%s%g, %g%s", lo_open ? "(" : "[", lo, hi, hi_open ? ")" : "]");
	if (isinf(hi))
		snprintf(range, sizeof range, "%s%g, inf)", lo_open ? "(" : "[", lo);
	if (sp_ini_to_double(e->value, &v) != 0) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected a number (%s) in %s, got '%s'", c->r->path,
		       e->line, section, key, what, range, e->value);
		return def;
	}
	if (v < lo || (lo_open && v == lo) || v > hi || (hi_open && v == hi)) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': %g is out of range; expected %s in %s", c->r->path,
		       e->line, section, key, v, what, range);
		return def;
	}
	return v;
}

int sp_ini_int(sp_ini_t *c, const char *section, const char *key, int def, int lo, int hi, const char *what)
{
	sp_ini_entry_t *e = sp_ini_find(c, section, key);
	if (e == NULL)
		return def;
	char *end;
	errno = 0;
	long v = strtol(e->value, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (end == e->value || *end != '\0' || errno == ERANGE || v < lo || v > hi) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected a whole number (%s) in [%d, %d], got '%s'",
		       c->r->path, e->line, section, key, what, lo, hi, e->value);
		return def;
	}
	return (int)v;
}

/* One of a list of words; returns its index. */
int sp_ini_word(sp_ini_t *c, const char *section, const char *key, int def, const char *const *words)
{
	sp_ini_entry_t *e = sp_ini_find(c, section, key);
	if (e == NULL)
		return def;
	for (int i = 0; words[i]; i++)
		if (strcmp(e->value, words[i]) == 0)
			return i;
	char list[512] = "";
	for (int i = 0; words[i]; i++) {
		strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
		strncat(list, words[i], sizeof list - strlen(list) - 1);
	}
	sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected one of %s, got '%s'", c->r->path, e->line, section,
	       key, list, e->value);
	return def;
}

void sp_ini_text(sp_ini_t *c, const char *section, const char *key, char *dst, size_t size, const char *def)
{
	sp_ini_entry_t *e = sp_ini_find(c, section, key);
	const char *v = e ? e->value : def;
	if (strlen(v) >= size) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': text longer than %zu characters", c->r->path,
		       e ? e->line : 0, section, key, size - 1);
		return;
	}
	sp_strlcpy(dst, v, size);
}

size_t sp_ini_list_next(const char **p, char *item, size_t size, const char **start)
{
	const char *s = *p, *q = strchr(s, ',');
	size_t n = q ? (size_t)(q - s) : strlen(s);
	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	item[0] = '\0';
	if (n < size) {
		memcpy(item, s, n);
		item[n] = '\0';
	}
	if (start)
		*start = s;
	*p = q ? q + 1 : NULL;
	return n;
}

/* Split a comma-separated list into trimmed items; calls fn for each. */
int sp_ini_split(sp_ini_t *c, sp_ini_entry_t *e, sp_ini_item_fn fn, void *user)
{
	for (const char *p = e->value; p != NULL;) {
		char item[256];
		size_t n = sp_ini_list_next(&p, item, sizeof item, NULL);
		if (n >= sizeof item)
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': list item longer than %zu characters",
			              c->r->path, e->line, e->section, e->key, sizeof item - 1);
		if (n == 0)
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': empty item in the list '%s'", c->r->path,
			              e->line, e->section, e->key, e->value);
		if (fn(c, e, item, user) != 0)
			return c->status;
	}
	return 0;
}

/* ---- exported look-ups ---------------------------------------------- */

const char *sp_ini_path(const sp_ini_t *c) { return c->r->path; }
int sp_ini_status(const sp_ini_t *c) { return c->status; }

const char *sp_ini_value(sp_ini_t *c, const char *section, const char *key, int *line)
{
	sp_ini_entry_t *e = sp_ini_find(c, section, key);
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
	sp_ini_section_t *s = sp_ini_find_section(c, section);
	if (s == NULL)
		return 0;
	s->used = 1;
	return s->line;
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

/* ---- the reader -------------------------------------------------------- */

sp_ini_t *sp_ini_read(const char *path, sp_err_t *err)
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

	void *at[1];
	sp_ini_t *c = sp_block_alloc(sizeof *c, 1, &(const sp_block_part_t){1, sizeof r}, at);
	if (c == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		S_reader_free(&r);
		return NULL;
	}
	*c = (sp_ini_t){at[0], err, 0};
	*c->r = r;
	return c;
}

void sp_ini_free(sp_ini_t *c)
{
	if (c == NULL)
		return;
	S_reader_free(c->r);
	free(c); /* and c->r, one block */
}

size_t sp_ini_n_entries(const sp_ini_t *c) { return c->r->n; }
sp_ini_entry_t *sp_ini_entry_at(sp_ini_t *c, size_t i) { return &c->r->e[i]; }
sp_ini_section_t *sp_ini_section_at(sp_ini_t *c, size_t i) { return &c->r->s[i]; }
