/* shi_scan.c - the lines of a .shi file and its small formats (shi_scan.h).
 *
 * The file is a sequence of sections [NAME] ... [END OF NAME]; inside them,
 * "value label" lines, tables with a count line and a header line, and
 * Key=Value blocks. Lines may end in CRLF. Items (soils, surfaces, water
 * levels, anchors, loads, ...) are referred to by name, the rest of a line. */
#include "shi_scan.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_FILE_MAX (64L * 1024 * 1024) /* refuse larger files */

/* ---- errors and lines ---------------------------------------------------- */

int sp_shi_scan_fail(sp_shi_scan_t *in, int line, const char *fmt, ...)
{
	char msg[SP_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (in->sec != NULL)
		return sp_err_set(in->err, SP_EDATA, "%s:%d: [%s] %s", in->path, line, in->sec, msg);
	return sp_err_set(in->err, SP_EDATA, "%s:%d: %s", in->path, line, msg);
}

int sp_shi_scan_lno(const sp_shi_scan_t *in)
{
	return in->i > 0 ? in->i : 1;
}

int sp_shi_scan_eof(sp_shi_scan_t *in)
{
	return sp_shi_scan_fail(in, in->n, "unexpected end of file (truncated?)");
}

int sp_shi_scan_blank(const char *s)
{
	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

const char *sp_shi_scan_get(sp_shi_scan_t *in)
{
	if (in->i >= in->n)
		return NULL;
	return in->lines[in->i++];
}

const char *sp_shi_scan_get_nonblank(sp_shi_scan_t *in)
{
	const char *s;
	while ((s = sp_shi_scan_get(in)) != NULL && sp_shi_scan_blank(s))
		;
	return s;
}

const char *sp_shi_scan_skip_space(const char *s)
{
	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	return s;
}

/* Split the buffer into lines in place: no CR, no trailing white space. */
static int S_split(sp_shi_scan_t *in, size_t len)
{
	int cap = 0;
	char *p = in->buf, *end = in->buf + len;
	while (p < end) {
		char *q = memchr(p, '\n', (size_t)(end - p));
		char *e = q != NULL ? q : end;
		*e = '\0';
		char *t = e;
		while (t > p && isspace((unsigned char)t[-1]))
			*--t = '\0';
		if (in->n == cap) {
			cap = cap != 0 ? 2 * cap : 1024;
			char **l = realloc(in->lines, (size_t)cap * sizeof *l);
			if (l == NULL)
				return sp_err_set(in->err, SP_ESOFTWARE, "%s: out of memory", in->path);
			in->lines = l;
		}
		in->lines[in->n++] = p;
		p = e + 1;
	}
	return SP_OK;
}

/* 1 when the n bytes at s are UTF-8 text. */
static int S_is_utf8(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 1 : (c & 0xF0) == 0xE0 ? 2
		                       : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 3 : 9;
		if (k == 9 || i + k >= n + (k == 0))
			return 0;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
		i += k + 1;
	}
	return 1;
}

/* A file that is not UTF-8 was written by D-Sheet Piling on Windows in its
 * code page (ComplexProjects24: the element "Mur embou\xe9"): each byte
 * from 0xA0 as the Latin-1 character, 0x80..0x9F (Windows-1252's quotes and
 * dashes) as '?'. Returns the new buffer (NULL: out of memory). */
static char *S_latin1_to_utf8(const char *buf, size_t len, size_t *out_len)
{
	char *o = malloc(2 * len + 1);
	if (o == NULL)
		return NULL;
	size_t m = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c < 0x80)
			o[m++] = (char)c;
		else if (c < 0xA0)
			o[m++] = '?';
		else
			o[m++] = (char)(0xC0 | (c >> 6)), o[m++] = (char)(0x80 | (c & 0x3F));
	}
	o[m] = '\0';
	*out_len = m;
	return o;
}

int sp_shi_scan_open(sp_shi_scan_t *in, const char *path, sp_err_t *err)
{
	*in = (sp_shi_scan_t){.path = path, .err = err};
	FILE *f = fopen(in->path, "rb");
	if (f == NULL)
		return sp_err_set(in->err, SP_ENOINPUT, "%s: cannot open: %s", in->path, strerror(errno));
	size_t cap = 65536, len = 0;
	in->buf = malloc(cap + 1);
	if (in->buf == NULL) {
		fclose(f);
		return sp_err_set(in->err, SP_ESOFTWARE, "%s: out of memory", in->path);
	}
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)S_FILE_MAX) {
				fclose(f);
				return sp_err_set(in->err, SP_EDATA, "%s: larger than %ld bytes, not a .shi file",
						  in->path, S_FILE_MAX);
			}
			char *b = realloc(in->buf, 2 * cap + 1);
			if (b == NULL) {
				fclose(f);
				return sp_err_set(in->err, SP_ESOFTWARE, "%s: out of memory", in->path);
			}
			in->buf = b;
			cap *= 2;
		}
		size_t got = fread(in->buf + len, 1, cap - len, f);
		len += got;
		if (got == 0 || memchr(in->buf + len - got, '\0', got) != NULL)
			break; /* the end, or a NUL byte (reported below): /dev/zero need not be read to the limit */
	}
	int bad = ferror(f), e = errno;
	fclose(f);
	if (bad)
		return sp_err_set(in->err, SP_ENOINPUT, "%s: cannot read: %s", in->path, strerror(e));
	/* a NUL byte would end a line early; make it a visible error instead */
	if (memchr(in->buf, '\0', len) != NULL)
		return sp_err_set(in->err, SP_EDATA, "%s: contains NUL bytes, not a text file", in->path);
	in->buf[len] = '\0';
	if (!S_is_utf8((const unsigned char *)in->buf, len)) {
		size_t n8;
		char *b = S_latin1_to_utf8(in->buf, len, &n8);
		if (b == NULL)
			return sp_err_set(in->err, SP_ESOFTWARE, "%s: out of memory", in->path);
		free(in->buf);
		in->buf = b, len = n8;
		in->latin1 = 1;
	}
	return S_split(in, len);
}

void sp_shi_scan_close(sp_shi_scan_t *in)
{
	if (in == NULL)
		return;
	free(in->lines);
	free(in->buf);
	in->lines = NULL;
	in->buf = NULL;
	in->n = in->i = 0;
}

/* ---- numbers, names and small line formats ------------------------------- */

int sp_shi_scan_dbl(const char **p, double *v)
{
	char *end;
	errno = 0;
	double x = strtod(*p, &end);
	if (end == *p || errno == ERANGE || !isfinite(x))
		return 0;
	if (*end != '\0' && !isspace((unsigned char)*end))
		return 0;
	*v = x;
	*p = end;
	return 1;
}

int sp_shi_scan_int(const char **p, int *v)
{
	char *end;
	errno = 0;
	long x = strtol(*p, &end, 10);
	if (end == *p || errno == ERANGE || x < -1000000000L || x > 1000000000L)
		return 0;
	if (*end != '\0' && !isspace((unsigned char)*end))
		return 0;
	*v = (int)x;
	*p = end;
	return 1;
}

int sp_shi_scan_name(sp_shi_scan_t *in, int line, const char *s, char *dst, const char *what)
{
	s = sp_shi_scan_skip_space(s);
	if (*s == '\0')
		return sp_shi_scan_fail(in, line, "missing %s name", what);
	if (strlen(s) >= SP_NAME_MAX)
		return sp_shi_scan_fail(in, line, "%s name '%.40s...' is longer than %d characters", what, s,
					SP_NAME_MAX - 1);
	sp_strlcpy(dst, s, SP_NAME_MAX);
	return SP_OK;
}

int sp_shi_scan_index(const void *base, size_t stride, int n, const char *name)
{
	for (int k = 0; k < n; k++)
		if (strcmp((const char *)base + (size_t)k * stride, name) == 0)
			return k;
	return -1;
}

int sp_shi_scan_new_name(sp_shi_scan_t *in, int line, const char *s, const void *base, size_t stride, int k,
                         char *name, const char *what)
{
	int rc = sp_shi_scan_name(in, line, s, name, what);
	if (rc == SP_OK && sp_shi_scan_index(base, stride, k, name) >= 0)
		return sp_shi_scan_fail(in, line, "duplicate %s name '%s'", what, name);
	return rc;
}

/* The next non-blank line (*line), *p at its first non-blank character:
 * SP_OK, or the error of sp_shi_scan_eof. */
static int S_number_line(sp_shi_scan_t *in, const char **line, const char **p)
{
	if ((*line = sp_shi_scan_get_nonblank(in)) == NULL)
		return sp_shi_scan_eof(in);
	*p = sp_shi_scan_skip_space(*line);
	return SP_OK;
}

int sp_shi_scan_value(sp_shi_scan_t *in, const char *want, double *v)
{
	const char *s, *p;
	int rc = S_number_line(in, &s, &p);
	if (rc == SP_OK && (!sp_shi_scan_dbl(&p, v) || strstr(p, want) == NULL))
		rc = sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected 'number %s', found '%.60s'", want, s);
	return rc;
}

int sp_shi_scan_count(sp_shi_scan_t *in, const char *want, int lo, int hi, int *n)
{
	const char *s, *p;
	int rc = S_number_line(in, &s, &p);
	if (rc == SP_OK && (!sp_shi_scan_int(&p, n) || strstr(p, want) == NULL))
		rc = sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected 'integer %s', found '%.60s'", want, s);
	else if (rc == SP_OK && (*n < lo || *n > hi))
		rc = sp_shi_scan_fail(in, sp_shi_scan_lno(in), "%s: %d is out of range %d..%d", want, *n, lo, hi);
	return rc;
}

int sp_shi_scan_bare(sp_shi_scan_t *in, const char *what, double *v)
{
	const char *s, *p;
	int rc = S_number_line(in, &s, &p);
	if (rc == SP_OK && (!sp_shi_scan_dbl(&p, v) || *sp_shi_scan_skip_space(p) != '\0'))
		rc = sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected the %s (one number), found '%.60s'", what, s);
	return rc;
}

int sp_shi_scan_expect(sp_shi_scan_t *in, const char *line)
{
	const char *s = sp_shi_scan_get_nonblank(in);
	if (s == NULL)
		return sp_shi_scan_fail(in, in->n, "missing %s (truncated file?)", line);
	if (strcmp(s, line) != 0)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected %s, found '%.60s'", line, s);
	return SP_OK;
}

int sp_shi_scan_expect_end(sp_shi_scan_t *in)
{
	char end[96];
	snprintf(end, sizeof end, "[END OF %s]", in->sec);
	return sp_shi_scan_expect(in, end);
}

int sp_shi_scan_skip(sp_shi_scan_t *in, const char *name, int start)
{
	char end[160];
	snprintf(end, sizeof end, "[END OF %s]", name);
	const char *s;
	while ((s = sp_shi_scan_get(in)) != NULL)
		if (strcmp(s, end) == 0)
			return SP_OK;
	return sp_shi_scan_fail(in, start, "missing %s (truncated file?)", end);
}

/* ---- Key=Value blocks ---------------------------------------------------- */

int sp_shi_scan_block(sp_shi_scan_t *in, const char *end, sp_shi_scan_key_t *keys, int nkeys, int skip_nested)
{
	int start = sp_shi_scan_lno(in);
	const char *s;
	while ((s = sp_shi_scan_get(in)) != NULL) {
		if (strcmp(s, end) == 0)
			break;
		if (sp_shi_scan_blank(s))
			continue;
		if (s[0] == '[') {
			if (!skip_nested)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "unexpected %.60s before %s", s, end);
			size_t len = strlen(s);
			if (len < 3 || len > 100 || s[len - 1] != ']' || strncmp(s, "[END OF ", 8) == 0)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "unexpected %.60s before %s", s, end);
			char name[128];
			memcpy(name, s + 1, len - 2);
			name[len - 2] = '\0';
			int rc = sp_shi_scan_skip(in, name, sp_shi_scan_lno(in));
			if (rc != SP_OK)
				return rc;
			continue;
		}
		const char *eq = strchr(s, '=');
		if (eq == NULL)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected Key=Value, found '%.60s'", s);
		size_t klen = (size_t)(eq - s);
		for (int k = 0; k < nkeys; k++) {
			if (strlen(keys[k].key) != klen || strncmp(keys[k].key, s, klen) != 0)
				continue;
			const char *p = sp_shi_scan_skip_space(eq + 1);
			if (!sp_shi_scan_dbl(&p, keys[k].dst) || *sp_shi_scan_skip_space(p) != '\0')
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "%s: expected a number, found '%.40s'",
							keys[k].key, eq + 1);
			keys[k].seen = 1;
		}
	}
	if (s == NULL)
		return sp_shi_scan_fail(in, start, "missing %s (truncated file?)", end);
	for (int k = 0; k < nkeys; k++)
		if (keys[k].required && !keys[k].seen)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "missing %s before %s", keys[k].key, end);
	return SP_OK;
}

int sp_shi_scan_flag(double v)
{
	return v != 0.0;
}

/* ---- tables: count line, header line, rows "Nr numbers... name" ---------- */

int sp_shi_scan_table(sp_shi_scan_t *in, const char *count_label, int ncols, sp_shi_scan_table_t *t)
{
	int rc = sp_shi_scan_count(in, count_label, 0, SP_WALL_MAX_ITEMS, &t->n);
	if (rc != SP_OK)
		return rc;
	const char *s = sp_shi_scan_get_nonblank(in);
	if (s == NULL)
		return sp_shi_scan_eof(in);
	if (strncmp(sp_shi_scan_skip_space(s), "Nr", 2) != 0)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected the column header ' Nr ...', found '%.60s'",
					s);
	for (int k = 0; k < t->n; k++) {
		if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
			return sp_shi_scan_eof(in);
		t->line[k] = sp_shi_scan_lno(in);
		const char *p = sp_shi_scan_skip_space(s);
		int nr;
		if (!sp_shi_scan_int(&p, &nr))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"row %d: expected 'Nr' and %d numbers, found '%.60s'", k + 1, ncols, s);
		for (int j = 0; j < ncols; j++) {
			p = sp_shi_scan_skip_space(p);
			if (!sp_shi_scan_dbl(&p, &t->v[k][j]))
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"row %d: expected %d numbers after Nr, found '%.60s'", k + 1,
							ncols, s);
		}
		if ((rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), p, t->name[k], "item")) != SP_OK)
			return rc;
		for (int j = 0; j < k; j++)
			if (strcmp(t->name[j], t->name[k]) == 0)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "duplicate name '%s'", t->name[k]);
	}
	return sp_shi_scan_expect_end(in);
}

int sp_shi_scan_items(sp_shi_scan_t *in, const char *count_label, int ncols, void *base, size_t stride, int *n,
                      sp_shi_scan_row_fn row)
{
	sp_shi_scan_table_t t;
	int rc = sp_shi_scan_table(in, count_label, ncols, &t);
	for (int k = 0; rc == SP_OK && k < t.n; k++) {
		char *item = (char *)base + (size_t)k * stride;
		sp_strlcpy(item, t.name[k], SP_NAME_MAX);
		rc = row(in, &t, k, item);
	}
	if (rc == SP_OK)
		*n = t.n;
	return rc;
}
