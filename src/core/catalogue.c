/* catalogue.c - sheet pile sections and steel grades from CSV (libcsv).
 *
 * A file is read in two steps. S_table_read() turns the CSV into rows of
 * strings, each with the physical line number it starts on; libcsv does the
 * quoting, S_table_read() feeds it one physical line at a time so the line
 * number is always known. S_load() then maps the header to a record type
 * described by a const column table (name, kind, offset) and converts and
 * checks every cell. Profiles and grades differ only in their column table. */
#include "catalogue.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#define S_MAX_BYTES (64 * 1024 * 1024) /* refuse larger files */

struct sp_catalogue {
	sp_profile_t *profiles;
	size_t n_profiles;
	sp_grade_t *grades;
	size_t n_grades;
};

/* ---- CSV -> rows of strings ---------------------------------------------- */

typedef struct {
	size_t line;  /* physical line the row starts on (1-based) */
	size_t n;     /* number of fields */
	char **f;
} S_row_t;

typedef struct {
	S_row_t *rows;
	size_t n_rows, cap_rows;
	char **cur; /* fields of the row being built */
	size_t n_cur, cap_cur;
	size_t line;     /* physical line being fed to libcsv */
	size_t row_line; /* line the row being built started on */
	int in_row;
	int nomem;
	size_t nul_line; /* first line with a NUL byte inside a field, 0 if none */
} S_table_t;

static void S_fields_free(char **f, size_t n)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < n; ++i)
		free(f[i]);
	free(f);
}

static void S_table_free(S_table_t *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n_rows; ++i)
		S_fields_free(t->rows[i].f, t->rows[i].n);
	free(t->rows);
	S_fields_free(t->cur, t->n_cur);
	memset(t, 0, sizeof *t);
}

/* Grow *p (an array of *cap elements of size sz) so it holds at least need. */
static int S_grow(void **p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / sz)
			return -1;
		c *= 2;
	}
	void *q = realloc(*p, c * sz);
	if (q == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static void S_cb_field(void *data, size_t len, void *ctx)
{
	S_table_t *t = ctx;
	if (t->nomem)
		return;
	if (!t->in_row) { /* a row that began after a lone CR on the same line */
		t->in_row = 1;
		t->row_line = t->line;
	}
	if (data != NULL && memchr(data, '\0', len) != NULL && t->nul_line == 0)
		t->nul_line = t->row_line;
	char *s = malloc(len + 1);
	void *cur = t->cur;
	if (s == NULL || S_grow(&cur, &t->cap_cur, t->n_cur + 1, sizeof *t->cur) != 0) {
		free(s);
		t->nomem = 1;
		return;
	}
	t->cur = cur;
	if (len > 0)
		memcpy(s, data, len);
	s[len] = '\0';
	t->cur[t->n_cur++] = s;
}

static void S_cb_row(int term, void *ctx)
{
	S_table_t *t = ctx;
	(void)term;
	t->in_row = 0;
	if (t->nomem)
		return;
	void *rows = t->rows;
	if (S_grow(&rows, &t->cap_rows, t->n_rows + 1, sizeof *t->rows) != 0) {
		t->nomem = 1;
		return;
	}
	t->rows = rows;
	S_row_t *r = &t->rows[t->n_rows++];
	r->line = t->row_line;
	r->n = t->n_cur;
	r->f = t->cur;
	t->cur = NULL;
	t->n_cur = t->cap_cur = 0;
}

static int S_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Feed one piece of a physical line (it ends at a '\n' or at the end of the
 * chunk). Returns 0, or -1 on a libcsv error. */
static int S_feed(struct csv_parser *p, S_table_t *t, const char *s, size_t len)
{
	if (!t->in_row) {
		/* libcsv skips blanks and empty lines between rows, so the next
		 * row starts on this line exactly when the piece is not blank */
		for (size_t i = 0; i < len; ++i) {
			if (!S_is_blank(s[i])) {
				t->in_row = 1;
				t->row_line = t->line;
				break;
			}
		}
	}
	if (csv_parse(p, s, len, S_cb_field, S_cb_row, t) != len)
		return -1;
	if (len > 0 && s[len - 1] == '\n')
		t->line++;
	return 0;
}

/* Read the whole CSV file at path into *t. On failure *t is left empty. */
static int S_table_read(const char *path, S_table_t *t, sp_err_t *err)
{
	memset(t, 0, sizeof *t);
	t->line = 1;
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return sp_err_set(err, SP_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fclose(fp);
		return sp_err_set(err, SP_ESOFTWARE, "%s: out of memory", path);
	}

	static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
	char buf[16384];
	int first = 1, status = SP_OK;
	size_t n, total = 0;
	while (status == SP_OK && (n = fread(buf, 1, sizeof buf, fp)) > 0) {
		size_t i = 0;
		total += n;
		if (total > S_MAX_BYTES) { /* e.g. /dev/urandom, or a wrong file given */
			status = sp_err_set(err, SP_EDATA, "%s: larger than %d MB, not a catalogue", path,
			                    S_MAX_BYTES / (1024 * 1024));
			break;
		}
		if (first && n >= 3 && memcmp(buf, bom, 3) == 0)
			i = 3;
		first = 0;
		while (i < n) {
			const char *nl = memchr(buf + i, '\n', n - i);
			size_t len = nl ? (size_t)(nl - (buf + i)) + 1 : n - i;
			if (memchr(buf + i, '\0', len) != NULL) { /* stop at once: /dev/zero has no line end */
				status = sp_err_set(err, SP_EDATA, "%s:%zu: a NUL byte: not a text file", path, t->line);
				break;
			}
			if (S_feed(&p, t, buf + i, len) != 0) {
				int e = csv_error(&p);
				if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
					status = sp_err_set(err, SP_ESOFTWARE, "%s:%zu: out of memory", path, t->line);
				else
					status = sp_err_set(err, SP_EDATA, "%s:%zu: malformed CSV (%s; a quote inside an unquoted field, or text after a closing quote)",
							    path, t->line, csv_strerror(e));
				break;
			}
			if (t->nomem) {
				status = sp_err_set(err, SP_ESOFTWARE, "%s:%zu: out of memory", path, t->line);
				break;
			}
			i += len;
		}
	}
	if (status == SP_OK && ferror(fp)) {
		int e = errno;
		status = sp_err_set(err, SP_ENOINPUT, "%s: cannot read: %s", path, strerror(e));
	}
	if (status == SP_OK && csv_fini(&p, S_cb_field, S_cb_row, t) != 0) {
		if (csv_error(&p) == CSV_EPARSE)
			status = sp_err_set(err, SP_EDATA, "%s:%zu: quoted field not closed before the end of the file", path, t->row_line);
		else
			status = sp_err_set(err, SP_ESOFTWARE, "%s: out of memory", path);
	}
	if (status == SP_OK && t->nomem)
		status = sp_err_set(err, SP_ESOFTWARE, "%s: out of memory", path);
	if (status == SP_OK && t->nul_line != 0)
		status = sp_err_set(err, SP_EDATA, "%s:%zu: NUL byte inside a field", path, t->nul_line);
	csv_free(&p);
	fclose(fp);
	if (status != SP_OK)
		S_table_free(t);
	return status;
}

/* ---- rows of strings -> records ------------------------------------------ */

typedef enum {
	S_NAME,    /* text, not empty, unique in the file */
	S_TEXT,    /* text, may be empty */
	S_SOURCE,  /* text, not empty */
	S_SHAPE,   /* Z or U */
	S_POS,     /* number > 0 */
	S_POS_OPT, /* number > 0, or empty for unknown (stored as 0) */
	S_POS_COL_OPT /* as S_POS_OPT, and the whole column may be absent (every row 0) */
} S_kind;

typedef struct {
	const char *name; /* header name */
	S_kind kind;
	size_t off;       /* offset in the record */
	size_t size;      /* buffer size for the text kinds */
} S_col_t;

#define S_TEXT_COL(h, k, type, m) { h, k, offsetof(type, m), sizeof ((type *)0)->m }
#define S_NUM_COL(h, k, type, m) { h, k, offsetof(type, m), 0 }

/* The S_NAME column comes first in each table. */
static const S_col_t S_profile_cols[] = {
	S_TEXT_COL("name", S_NAME, sp_profile_t, name),
	S_TEXT_COL("series", S_TEXT, sp_profile_t, series),
	S_NUM_COL("shape", S_SHAPE, sp_profile_t, shape),
	S_NUM_COL("width_mm", S_POS, sp_profile_t, width_mm),
	S_NUM_COL("height_mm", S_POS, sp_profile_t, height_mm),
	S_NUM_COL("area_cm2_per_m", S_POS, sp_profile_t, area_cm2_per_m),
	S_NUM_COL("mass_kg_per_m2", S_POS, sp_profile_t, mass_kg_per_m2),
	S_NUM_COL("inertia_cm4_per_m", S_POS, sp_profile_t, inertia_cm4_per_m),
	S_NUM_COL("w_el_cm3_per_m", S_POS, sp_profile_t, w_el_cm3_per_m),
	S_NUM_COL("w_pl_cm3_per_m", S_POS_OPT, sp_profile_t, w_pl_cm3_per_m),
	S_NUM_COL("t_flange_mm", S_POS_COL_OPT, sp_profile_t, t_flange_mm),
	S_NUM_COL("t_web_mm", S_POS_COL_OPT, sp_profile_t, t_web_mm),
	S_TEXT_COL("source", S_SOURCE, sp_profile_t, source),
};

static const S_col_t S_grade_cols[] = {
	S_TEXT_COL("name", S_NAME, sp_grade_t, name),
	S_TEXT_COL("standard", S_TEXT, sp_grade_t, standard),
	S_NUM_COL("fy_MPa", S_POS, sp_grade_t, fy_MPa),
	S_NUM_COL("E_MPa", S_POS, sp_grade_t, E_MPa),
	S_TEXT_COL("source", S_SOURCE, sp_grade_t, source),
};

#define S_N_COLS(a) (sizeof (a) / sizeof (a)[0])
#define S_MAX_COLS 16 /* columns per table above, not per file */
_Static_assert(S_N_COLS(S_profile_cols) <= S_MAX_COLS, "S_MAX_COLS too small");
_Static_assert(S_N_COLS(S_grade_cols) <= S_MAX_COLS, "S_MAX_COLS too small");

static int S_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Trim surrounding blanks in place; returns the start and sets *len. */
static const char *S_trim(const char *s, size_t *len)
{
	size_t n = strlen(s);
	while (n > 0 && S_isspace(*s)) {
		s++;
		n--;
	}
	while (n > 0 && S_isspace(s[n - 1]))
		n--;
	*len = n;
	return s;
}

/* A plain decimal number: digits, sign, point, exponent. No hex, inf, nan. */
static int S_number(const char *s, size_t len, double *x)
{
	if (len == 0 || len >= 64)
		return -1;
	char tmp[64];
	for (size_t i = 0; i < len; ++i)
		if (strchr("0123456789+-.eE", s[i]) == NULL)
			return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	char *end;
	errno = 0;
	double v = strtod(tmp, &end);
	if (end != tmp + len || errno == ERANGE || !isfinite(v))
		return -1;
	*x = v;
	return 0;
}

static int S_has_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len; ++i)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	return 0;
}

/* Convert one cell into the record. */
static int S_cell(const char *path, size_t line, const S_col_t *c, const char *raw,
		  char *rec, sp_err_t *err)
{
	size_t len;
	const char *s = S_trim(raw, &len);
	double x = 0.0;
	switch (c->kind) {
	case S_NAME:
	case S_TEXT:
	case S_SOURCE:
		if (len == 0 && c->kind != S_TEXT)
			return sp_err_set(err, SP_EDATA, "%s:%zu: column '%s': expected %s, got ''",
					  path, line, c->name, c->kind == S_NAME ? "a name" : "the source of the values");
		if (len >= c->size)
			return sp_err_set(err, SP_EDATA, "%s:%zu: column '%s': %zu characters, at most %zu allowed, got '%.40s...'",
					  path, line, c->name, len, c->size - 1, s);
		if (S_has_control(s, len))
			return sp_err_set(err, SP_EDATA, "%s:%zu: column '%s': expected text on one line without control characters",
					  path, line, c->name);
		memcpy(rec + c->off, s, len);
		rec[c->off + len] = '\0';
		return SP_OK;
	case S_SHAPE:
		if (len != 1 || (s[0] != 'Z' && s[0] != 'U'))
			return sp_err_set(err, SP_EDATA, "%s:%zu: column '%s': expected Z or U, got '%.*s'",
					  path, line, c->name, (int)(len < 60 ? len : 60), s);
		*(sp_shape *)(void *)(rec + c->off) = s[0] == 'Z' ? SP_SHAPE_Z : SP_SHAPE_U;
		return SP_OK;
	case S_POS:
	case S_POS_OPT:
	case S_POS_COL_OPT:
		if (len == 0 && c->kind != S_POS) {
			x = 0.0;
		} else if (S_number(s, len, &x) != 0 || !(x > 0.0)) {
			return sp_err_set(err, SP_EDATA, "%s:%zu: column '%s': expected a number > 0%s, got '%.*s'",
					  path, line, c->name, c->kind != S_POS ? " or empty" : "",
					  (int)(len < 60 ? len : 60), s);
		}
		memcpy(rec + c->off, &x, sizeof x);
		return SP_OK;
	}
	return sp_err_set(err, SP_ESOFTWARE, "%s: unknown column kind", path);
}

/* Read path and convert it into a new array of records of rec_size bytes,
 * described by cols (cols[0] is the S_NAME column). The caller frees *out. */
static int S_load(const char *path, const S_col_t *cols, size_t n_cols, size_t rec_size,
		  void **out, size_t *n_out, sp_err_t *err)
{
	*out = NULL;
	*n_out = 0;
	S_table_t t;
	int status = S_table_read(path, &t, err);
	if (status != SP_OK)
		return status;
	if (t.n_rows == 0) {
		S_table_free(&t);
		return sp_err_set(err, SP_EDATA, "%s: empty file, expected a header line", path);
	}

	/* header: find each column by name, in any order; extra columns are ignored */
	const S_row_t *h = &t.rows[0];
	size_t idx[S_MAX_COLS];
	for (size_t c = 0; c < n_cols && status == SP_OK; ++c) {
		idx[c] = (size_t)-1;
		for (size_t j = 0; j < h->n; ++j) {
			size_t len;
			const char *s = S_trim(h->f[j], &len);
			if (len != strlen(cols[c].name) || memcmp(s, cols[c].name, len) != 0)
				continue;
			if (idx[c] != (size_t)-1) {
				status = sp_err_set(err, SP_EDATA, "%s:%zu: column '%s' appears twice in the header",
						    path, h->line, cols[c].name);
				break;
			}
			idx[c] = j;
		}
		if (status == SP_OK && idx[c] == (size_t)-1 && cols[c].kind != S_POS_COL_OPT)
			status = sp_err_set(err, SP_EDATA, "%s:%zu: missing column '%s' in the header",
					    path, h->line, cols[c].name);
	}
	if (status == SP_OK && t.n_rows < 2)
		status = sp_err_set(err, SP_EDATA, "%s:%zu: no data rows after the header", path, h->line);

	char *recs = NULL;
	size_t n = t.n_rows - 1;
	if (status == SP_OK) {
		recs = calloc(n, rec_size);
		if (recs == NULL)
			status = sp_err_set(err, SP_ESOFTWARE, "%s: out of memory", path);
	}
	for (size_t i = 0; i < n && status == SP_OK; ++i) {
		const S_row_t *r = &t.rows[i + 1];
		char *rec = recs + i * rec_size;
		if (r->n != h->n) {
			status = sp_err_set(err, SP_EDATA, "%s:%zu: expected %zu fields as in the header (line %zu), got %zu",
					    path, r->line, h->n, h->line, r->n);
			break;
		}
		for (size_t c = 0; c < n_cols && status == SP_OK; ++c)
			if (idx[c] != (size_t)-1) /* an absent optional column stays 0 */
				status = S_cell(path, r->line, &cols[c], r->f[idx[c]], rec, err);
		if (status != SP_OK)
			break;
		const char *name = rec + cols[0].off;
		for (size_t k = 0; k < i; ++k) {
			if (strcmp(recs + k * rec_size + cols[0].off, name) == 0) {
				status = sp_err_set(err, SP_EDATA, "%s:%zu: column '%s': duplicate '%s', first on line %zu",
						    path, r->line, cols[0].name, name, t.rows[k + 1].line);
				break;
			}
		}
	}
	S_table_free(&t);
	if (status != SP_OK) {
		free(recs);
		return status;
	}
	*out = recs;
	*n_out = n;
	return SP_OK;
}

/* ---- public interface ------------------------------------------------------ */

sp_catalogue_t *sp_catalogue_read(const char *profiles_csv, const char *grades_csv, sp_err_t *err)
{
	sp_catalogue_t *cat = calloc(1, sizeof *cat);
	if (cat == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	void *p = NULL, *g = NULL;
	if (S_load(profiles_csv, S_profile_cols, S_N_COLS(S_profile_cols), sizeof(sp_profile_t),
		   &p, &cat->n_profiles, err) != SP_OK ||
	    S_load(grades_csv, S_grade_cols, S_N_COLS(S_grade_cols), sizeof(sp_grade_t),
		   &g, &cat->n_grades, err) != SP_OK) {
		free(p);
		free(cat); /* exception in constructor, avoid memory leak */
		return NULL;
	}
	cat->profiles = p;
	cat->grades = g;
	return cat;
}

void sp_catalogue_free(sp_catalogue_t *cat)
{
	if (cat == NULL)
		return;
	free(cat->profiles);
	free(cat->grades);
	free(cat);
}

size_t sp_catalogue_n_profiles(const sp_catalogue_t *cat)
{
	return cat ? cat->n_profiles : 0;
}

size_t sp_catalogue_n_grades(const sp_catalogue_t *cat)
{
	return cat ? cat->n_grades : 0;
}

const sp_profile_t *sp_catalogue_profile(const sp_catalogue_t *cat, size_t i)
{
	return cat && i < cat->n_profiles ? &cat->profiles[i] : NULL;
}

const sp_grade_t *sp_catalogue_grade(const sp_catalogue_t *cat, size_t i)
{
	return cat && i < cat->n_grades ? &cat->grades[i] : NULL;
}

/* name compared with surrounding blanks ignored */
static int S_name_eq(const char *stored, const char *name)
{
	size_t len;
	const char *s = S_trim(name, &len);
	return strlen(stored) == len && memcmp(stored, s, len) == 0;
}

/* Index of the record named `name` among n records of `size` bytes whose
 * first member is their name (sp_profile_t, sp_grade_t), or -1. */
static long S_find(const void *records, size_t n, size_t size, const char *name)
{
	for (size_t i = 0; records && name && i < n; ++i)
		if (S_name_eq((const char *)records + i * size, name))
			return (long)i;
	return -1;
}

long sp_catalogue_find_profile(const sp_catalogue_t *cat, const char *name)
{
	return cat ? S_find(cat->profiles, cat->n_profiles, sizeof *cat->profiles, name) : -1;
}

long sp_catalogue_find_grade(const sp_catalogue_t *cat, const char *name)
{
	return cat ? S_find(cat->grades, cat->n_grades, sizeof *cat->grades, name) : -1;
}

_Static_assert(offsetof(sp_profile_t, name) == 0 && offsetof(sp_grade_t, name) == 0, "a record opens with its name");

double sp_profile_ei_kNm2_per_m(const sp_profile_t *p)
{
	return 2.1e8 * p->inertia_cm4_per_m * 1e-8; /* kPa x m4/m = kNm2/m */
}
