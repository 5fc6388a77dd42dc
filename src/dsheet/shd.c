/* shd.c - reader of D-Sheet Piling result files; see shd.h.
 *
 * The file is read whole and split into lines (CR, trailing blanks dropped).
 * The input part is skipped except for the number of construction stages.
 * From [OUTPUT DATA] on, section headers are kept on a stack that every
 * [END OF X] must match; each [TABLE] is parsed in one go (DataCount, column
 * names, rows) and handed to the section that holds it. */
#include "shd.h"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_BYTES (512L * 1024 * 1024) /* refuse larger files */
#define S_MAX_DEPTH 32
#define S_NAME 64
#define S_MAX_COLS 64
#define S_MAX_FIELDS 64

typedef struct {
	const char *p; /* start of the field, quotes removed */
	size_t n;
} S_field_t;

typedef struct {
	size_t at;    /* line index of [TABLE] */
	size_t count_at; /* line index of DataCount= */
	long count;   /* DataCount */
	char cols[S_MAX_COLS][S_NAME];
	int n_cols;
	size_t row0;  /* line index of the first data row */
} S_table_t;

typedef struct {
	const char *path;
	char *buf;
	char **line;
	size_t n_lines;
	size_t i; /* current line index */
	sp_shd_t *out;
	sp_err_t *err;
	char stack[S_MAX_DEPTH][S_NAME];
	int depth;
	double *levels; /* latest [POINTS ON SHEETPILE] */
	size_t n_levels;
	int stage;      /* index into out->stages, -1 outside a stage */
	int skip_stage; /* a repeated result set of a stage already read */
	int side;       /* SP_SHD_LEFT/RIGHT inside [SIDE], else -1 */
} S_parser_t;

/* ---- text ---------------------------------------------------------------- */

static int S_load(S_parser_t *p)
{
	FILE *fp = fopen(p->path, "rb");
	if (fp == NULL)
		return sp_err_set(p->err, SP_ENOINPUT, "cannot open '%s': %s", p->path,
				  strerror(errno));
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	if (buf == NULL) {
		fclose(fp);
		return sp_err_set(p->err, SP_ESOFTWARE, "%s: out of memory", p->path);
	}
	for (;;) {
		if (cap - len < 2) {
			if (cap >= (size_t)S_MAX_BYTES) {
				free(buf);
				fclose(fp);
				return sp_err_set(p->err, SP_EDATA,
						  "%s: larger than %ld MB, not a result file",
						  p->path, S_MAX_BYTES / (1024 * 1024));
			}
			char *nb = realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				fclose(fp);
				return sp_err_set(p->err, SP_ESOFTWARE, "%s: out of memory", p->path);
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + len, 1, cap - len - 1, fp);
		len += got;
		if (got == 0)
			break;
	}
	int bad = ferror(fp), e = errno;
	fclose(fp);
	if (bad) {
		free(buf);
		return sp_err_set(p->err, SP_ENOINPUT, "cannot read '%s': %s", p->path, strerror(e));
	}
	buf[len] = '\0';
	for (size_t k = 0; k < len; k++) /* a NUL byte would cut a line short */
		if (buf[k] == '\0')
			buf[k] = ' ';

	size_t n = 1;
	for (size_t k = 0; k < len; k++)
		n += buf[k] == '\n';
	p->line = malloc(n * sizeof *p->line);
	if (p->line == NULL) {
		free(buf);
		return sp_err_set(p->err, SP_ESOFTWARE, "%s: out of memory", p->path);
	}
	p->buf = buf;
	p->n_lines = 0;
	char *s = buf;
	for (;;) {
		char *nl = strchr(s, '\n');
		if (nl != NULL)
			*nl = '\0';
		size_t m = strlen(s);
		while (m > 0 && (s[m - 1] == '\r' || s[m - 1] == ' ' || s[m - 1] == '\t'))
			s[--m] = '\0';
		p->line[p->n_lines++] = s;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return SP_OK;
}

/* "[NAME]" -> NAME in name (bounded); 1 if the line is a section header. */
static int S_header(const char *s, char *name, size_t size)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	if (n < 2 || s[0] != '[' || s[n - 1] != ']')
		return 0;
	n -= 2;
	if (n >= size)
		n = size - 1;
	memcpy(name, s + 1, n);
	name[n] = '\0';
	return 1;
}

static int S_data_error(S_parser_t *p, size_t at, const char *what, const char *detail)
{
	return sp_err_set(p->err, SP_EDATA, "%s:%zu: %s%s", p->path, at + 1, what,
			  detail);
}

/* Split a data row into fields; quoted fields ('a b') keep their blanks.
 * Returns the number of fields (at most max). */
static int S_fields(const char *s, S_field_t *f, int max)
{
	int n = 0;
	while (n < max) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		if (*s == '\'') {
			const char *e = strchr(s + 1, '\'');
			size_t len = e ? (size_t)(e - s - 1) : strlen(s + 1);
			f[n].p = s + 1;
			f[n].n = len;
			s = e ? e + 1 : s + 1 + len;
		} else {
			const char *b = s;
			while (*s != '\0' && *s != ' ' && *s != '\t')
				s++;
			f[n].p = b;
			f[n].n = (size_t)(s - b);
		}
		n++;
	}
	return n;
}

/* A number of the results: NULL, or what is wrong with it. Every quantity
 * read (levels in m, forces in kN/m, moments in kNm/m, pressures in kPa,
 * displacements in mm, percentages, stage numbers and statuses) lies within
 * +-1e9: a larger one is no result, and it could not be made an int. */
#define S_NUMBER_MAX 1e9
static const char *S_number(const char *s, size_t n, double *x)
{
	char tmp[64];
	if (n == 0 || n >= sizeof tmp)
		return "not a number";
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	char *end;
	errno = 0;
	double v = strtod(tmp, &end);
	if (end == tmp || *end != '\0' || errno == ERANGE || !isfinite(v))
		return "not a number";
	if (!(fabs(v) <= S_NUMBER_MAX))
		return "out of range (|value| above 1e9)";
	*x = v;
	return NULL;
}

/* ---- tables -------------------------------------------------------------- */

/* Parse the [TABLE] at p->i; leaves p->i on its [END OF TABLE]. */
static int S_table(S_parser_t *p, S_table_t *t)
{
	char name[S_NAME];
	memset(t, 0, sizeof *t);
	t->at = p->i;
	size_t k = p->i + 1;
	while (k < p->n_lines && p->line[k][0] == '\0')
		k++;
	if (k >= p->n_lines)
		return S_data_error(p, p->i, "file ends inside [TABLE] (truncated?)", "");
	const char *s = p->line[k];
	char *end;
	if (strncmp(s, "DataCount=", 10) != 0)
		return S_data_error(p, k, "expected DataCount= after [TABLE], found: ", s);
	errno = 0;
	long count = strtol(s + 10, &end, 10);
	if (end == s + 10 || *end != '\0' || errno == ERANGE || count < 0 ||
	    (size_t)count > p->n_lines)
		return S_data_error(p, k, "bad DataCount: ", s);
	t->count = count;
	t->count_at = k;
	k++;
	if (k < p->n_lines && S_header(p->line[k], name, sizeof name) &&
	    strcmp(name, "COLUMN INDICATION") == 0) {
		for (k++;; k++) {
			if (k >= p->n_lines)
				return S_data_error(p, k - 1,
						    "file ends inside [COLUMN INDICATION] (truncated?)", "");
			if (S_header(p->line[k], name, sizeof name)) {
				if (strcmp(name, "END OF COLUMN INDICATION") == 0)
					break;
				return S_data_error(p, k, "unexpected section in [COLUMN INDICATION]: ",
						    p->line[k]);
			}
			if (t->n_cols < S_MAX_COLS)
				sp_strlcpy(t->cols[t->n_cols++], p->line[k], S_NAME);
		}
		k++;
	}
	size_t rows = 0;
	if (k < p->n_lines && S_header(p->line[k], name, sizeof name) &&
	    strcmp(name, "DATA") == 0) {
		t->row0 = k + 1;
		for (k++;; k++) {
			if (k >= p->n_lines)
				return S_data_error(p, k - 1, "file ends inside [DATA] (truncated?)", "");
			if (S_header(p->line[k], name, sizeof name))
				break;
			rows++;
		}
		if (strcmp(name, "END OF DATA") != 0)
			return S_data_error(p, k, "expected [END OF DATA], found: ", p->line[k]);
		k++;
	}
	if (rows != (size_t)count) {
		char msg[128];
		snprintf(msg, sizeof msg, "DataCount=%ld but the table has %zu data rows", count,
			 rows);
		return S_data_error(p, t->count_at, msg, "");
	}
	if (k >= p->n_lines)
		return S_data_error(p, k - 1, "file ends inside [TABLE] (truncated?)", "");
	if (!S_header(p->line[k], name, sizeof name) || strcmp(name, "END OF TABLE") != 0)
		return S_data_error(p, k, "expected [END OF TABLE], found: ", p->line[k]);
	p->i = k;
	return SP_OK;
}

/* Index of the first column named one of the |-separated names, or -1. */
static int S_col_find(const S_table_t *t, const char *names)
{
	char want[S_NAME];
	while (*names != '\0') {
		size_t n = strcspn(names, "|");
		sp_strlcpy(want, names, n + 1 < sizeof want ? n + 1 : sizeof want);
		for (int c = 0; c < t->n_cols; c++)
			if (strcmp(t->cols[c], want) == 0)
				return c;
		names += n;
		if (*names == '|')
			names++;
	}
	return -1;
}

static int S_col(S_parser_t *p, const S_table_t *t, const char *section, const char *names,
		 int *col)
{
	*col = S_col_find(t, names);
	if (*col >= 0 || t->count == 0)
		return SP_OK;
	return sp_err_set(p->err, SP_EDATA, "%s:%zu: [%s] table has no column '%s'", p->path,
			  t->at + 1, section, names);
}

/* Field col of data row r as a number / as text. */
static int S_cell(S_parser_t *p, const S_table_t *t, size_t r, int col, const char *colname,
		  double *x)
{
	S_field_t f[S_MAX_FIELDS];
	size_t at = t->row0 + r;
	int n = S_fields(p->line[at], f, S_MAX_FIELDS);
	if (col >= n || n != t->n_cols) {
		char msg[160];
		snprintf(msg, sizeof msg,
			 "row has %d fields but [COLUMN INDICATION] names %d columns", n,
			 t->n_cols);
		return S_data_error(p, at, msg, "");
	}
	const char *bad = S_number(f[col].p, f[col].n, x);
	if (bad != NULL) {
		char msg[200], tok[48];
		size_t m = f[col].n < sizeof tok - 1 ? f[col].n : sizeof tok - 1;
		memcpy(tok, f[col].p, m);
		tok[m] = '\0';
		snprintf(msg, sizeof msg, "'%s' is %s (column '%s')", tok, bad, colname);
		return S_data_error(p, at, msg, "");
	}
	return SP_OK;
}

static void S_text_cell(S_parser_t *p, const S_table_t *t, size_t r, int col, char *dst,
			size_t size)
{
	S_field_t f[S_MAX_FIELDS];
	dst[0] = '\0';
	int n = S_fields(p->line[t->row0 + r], f, S_MAX_FIELDS);
	if (col < 0 || col >= n)
		return;
	size_t m = f[col].n < size - 1 ? f[col].n : size - 1;
	memcpy(dst, f[col].p, m);
	dst[m] = '\0';
}

/* ---- stages -------------------------------------------------------------- */

static sp_shd_stage_t *S_cur(S_parser_t *p)
{
	return p->stage >= 0 && !p->skip_stage ? &p->out->stages[p->stage] : NULL;
}

static int S_find_stage(const sp_shd_t *r, int number)
{
	for (int s = 0; s < r->n_stages; s++)
		if (r->stages[s].number == number)
			return s;
	return -1;
}

static int S_stage_begin(S_parser_t *p)
{
	sp_shd_t *r = p->out;
	if (r->n_stages >= 100000)
		return S_data_error(p, p->i, "too many construction stages", "");
	sp_shd_stage_t *ns = realloc(r->stages, (size_t)(r->n_stages + 1) * sizeof *ns);
	if (ns == NULL)
		return sp_err_set(p->err, SP_ESOFTWARE, "%s: out of memory", p->path);
	r->stages = ns;
	sp_shd_stage_t *st = &ns[r->n_stages];
	memset(st, 0, sizeof *st);
	st->number = -1;
	st->mobilised_pct[0] = st->mobilised_pct[1] = NAN;
	st->max_moment = st->max_shear = st->max_displacement = st->max_mobilised_pct = NAN;
	st->n_result_sets = 1;
	p->stage = r->n_stages++;
	p->skip_stage = 0;
	return SP_OK;
}

/* Points of the current stage, created from the latest node levels. */
static int S_stage_points(S_parser_t *p, sp_shd_stage_t *st, const S_table_t *t,
			  const char *section)
{
	if (st->points == NULL) {
		if (p->levels == NULL)
			return sp_err_set(p->err, SP_EDATA,
					  "%s:%zu: [%s] before any [POINTS ON SHEETPILE]", p->path,
					  t->at + 1, section);
		st->points = calloc(p->n_levels, sizeof *st->points);
		if (st->points == NULL)
			return sp_err_set(p->err, SP_ESOFTWARE, "%s: out of memory", p->path);
		st->n_points = p->n_levels;
		for (size_t k = 0; k < p->n_levels; k++) {
			sp_shd_point_t *q = &st->points[k];
			q->level_m = p->levels[k];
			q->moment_kNm_per_m = q->shear_kN_per_m = q->displacement_mm = NAN;
			for (int s = 0; s < 2; s++)
				q->effective_kPa[s] = q->water_kPa[s] = q->passive_kPa[s] =
					q->neutral_kPa[s] = NAN;
		}
	}
	if ((size_t)t->count != st->n_points)
		return sp_err_set(p->err, SP_EDATA,
				  "%s:%zu: [%s] has %ld rows but the stage has %zu points",
				  p->path, t->at + 1, section, t->count, st->n_points);
	return SP_OK;
}

static int S_add_force(S_parser_t *p, sp_shd_stage_t *st, size_t at, const char *name,
		       double level, double force, int kind)
{
	if (st->n_forces >= SP_SHD_MAX_FORCES) {
		char msg[96];
		snprintf(msg, sizeof msg, "more than %d anchors, struts and supports in stage %d",
			 SP_SHD_MAX_FORCES, st->number);
		return S_data_error(p, at, msg, "");
	}
	sp_shd_support_force_t *f = &st->forces[st->n_forces++];
	sp_strlcpy(f->name, name, sizeof f->name);
	f->level_m = level;
	f->force_kN_per_m = force;
	f->kind = kind;
	return SP_OK;
}

/* ---- table handlers ------------------------------------------------------ */

static int S_points(S_parser_t *p, const S_table_t *t)
{
	int c, rc;
	if ((rc = S_col(p, t, "POINTS ON SHEETPILE", "Depth|Level", &c)) != SP_OK)
		return rc;
	double *lv = t->count > 0 ? malloc((size_t)t->count * sizeof *lv) : NULL;
	if (t->count > 0 && lv == NULL)
		return sp_err_set(p->err, SP_ESOFTWARE, "%s: out of memory", p->path);
	for (size_t r = 0; r < (size_t)t->count; r++)
		if ((rc = S_cell(p, t, r, c, t->cols[c], &lv[r])) != SP_OK) {
			free(lv);
			return rc;
		}
	free(p->levels);
	p->levels = lv;
	p->n_levels = (size_t)t->count;
	return SP_OK;
}

static int S_moments(S_parser_t *p, const S_table_t *t)
{
	static const char *sec = "MOMENTS FORCES DISPLACEMENTS";
	sp_shd_stage_t *st = S_cur(p);
	int cm, cv, cd, rc;
	if ((rc = S_col(p, t, sec, "Moment", &cm)) != SP_OK ||
	    (rc = S_col(p, t, sec, "Shear force", &cv)) != SP_OK ||
	    (rc = S_col(p, t, sec, "Displacements|Displacement", &cd)) != SP_OK ||
	    (rc = S_stage_points(p, st, t, sec)) != SP_OK)
		return rc;
	for (size_t r = 0; r < st->n_points; r++) {
		sp_shd_point_t *q = &st->points[r];
		if ((rc = S_cell(p, t, r, cm, "Moment", &q->moment_kNm_per_m)) != SP_OK ||
		    (rc = S_cell(p, t, r, cv, "Shear force", &q->shear_kN_per_m)) != SP_OK ||
		    (rc = S_cell(p, t, r, cd, "Displacements", &q->displacement_mm)) != SP_OK)
			return rc;
	}
	return SP_OK;
}

static int S_pressures(S_parser_t *p, const S_table_t *t)
{
	static const char *sec = "PRESSURES";
	sp_shd_stage_t *st = S_cur(p);
	int ch, cw, cp, cn, rc;
	if (p->side < 0)
		return sp_err_set(p->err, SP_EDATA,
				  "%s:%zu: [PRESSURES] outside a [SIDE] named Leftside or Rightside",
				  p->path, t->at + 1);
	if ((rc = S_col(p, t, sec, "Horizontal pressure", &ch)) != SP_OK ||
	    (rc = S_col(p, t, sec, "Pore pressure", &cw)) != SP_OK ||
	    (rc = S_col(p, t, sec, "Passive pressure", &cp)) != SP_OK ||
	    (rc = S_col(p, t, sec, "Neutral pressure", &cn)) != SP_OK ||
	    (rc = S_stage_points(p, st, t, sec)) != SP_OK)
		return rc;
	int s = p->side;
	for (size_t r = 0; r < st->n_points; r++) {
		sp_shd_point_t *q = &st->points[r];
		if ((rc = S_cell(p, t, r, ch, "Horizontal pressure", &q->effective_kPa[s])) != SP_OK ||
		    (rc = S_cell(p, t, r, cw, "Pore pressure", &q->water_kPa[s])) != SP_OK ||
		    (rc = S_cell(p, t, r, cp, "Passive pressure", &q->passive_kPa[s])) != SP_OK ||
		    (rc = S_cell(p, t, r, cn, "Neutral pressure", &q->neutral_kPa[s])) != SP_OK)
			return rc;
	}
	return SP_OK;
}

/* The columns of a table of forces: its key (Position in a stage's [ANCHOR
 * DATA] and [SUPPORT DATA], StageNumber in the resumes), Force, the type of
 * an anchor (1: strut; none for supports) and the name. */
typedef struct {
	const char *key_name, *type_name;
	int supports;
	int key, force, type, name;
} S_force_cols_t;

/* Row r of a table of forces: its key and force, its kind and its name. */
static int S_force_row(S_parser_t *p, const S_table_t *t, size_t r, const S_force_cols_t *c, double *key,
                       double *force, int *kind, char *name, size_t size)
{
	double type = 0;
	int rc;
	if ((rc = S_cell(p, t, r, c->key, c->key_name, key)) != SP_OK ||
	    (rc = S_cell(p, t, r, c->force, "Force", force)) != SP_OK ||
	    (!c->supports && (rc = S_cell(p, t, r, c->type, c->type_name, &type)) != SP_OK))
		return rc;
	S_text_cell(p, t, r, c->name, name, size);
	*kind = c->supports ? SP_SHD_SUPPORT : type == 1 ? SP_SHD_STRUT : SP_SHD_ANCHOR;
	return SP_OK;
}

/* [ANCHOR DATA] (anchors and struts) and [SUPPORT DATA] of a stage. */
static int S_stage_forces(S_parser_t *p, const S_table_t *t, int supports)
{
	const char *sec = supports ? "SUPPORT DATA" : "ANCHOR DATA";
	sp_shd_stage_t *st = S_cur(p);
	S_force_cols_t c = {"Position", "Type", supports, .type = -1};
	int rc;
	if ((rc = S_col(p, t, sec, c.key_name, &c.key)) != SP_OK || (rc = S_col(p, t, sec, "Force", &c.force)) != SP_OK)
		return rc;
	if (!supports && (rc = S_col(p, t, sec, c.type_name, &c.type)) != SP_OK)
		return rc;
	c.name = S_col_find(t, supports ? "SupportName|Name" : "Name|AnchorName");
	for (size_t r = 0; r < (size_t)t->count; r++) {
		double level, force;
		int kind;
		char name[64];
		if ((rc = S_force_row(p, t, r, &c, &level, &force, &kind, name, sizeof name)) != SP_OK ||
		    (rc = S_add_force(p, st, t->row0 + r, name, level, force, kind)) != SP_OK)
			return rc;
	}
	return SP_OK;
}

static int S_resume(S_parser_t *p, const S_table_t *t)
{
	static const char *sec = "RESUME";
	int cm, cv, cd, cs, rc;
	int cp = S_col_find(t, "PercentageMobilizedResistance");
	if ((rc = S_col(p, t, sec, "Moment", &cm)) != SP_OK ||
	    (rc = S_col(p, t, sec, "ShearForce", &cv)) != SP_OK ||
	    (rc = S_col(p, t, sec, "Displacement", &cd)) != SP_OK ||
	    (rc = S_col(p, t, sec, "StageNumber", &cs)) != SP_OK)
		return rc;
	for (size_t r = 0; r < (size_t)t->count; r++) {
		double m, v, d, num, pct = NAN;
		if ((rc = S_cell(p, t, r, cm, "Moment", &m)) != SP_OK ||
		    (rc = S_cell(p, t, r, cv, "ShearForce", &v)) != SP_OK ||
		    (rc = S_cell(p, t, r, cd, "Displacement", &d)) != SP_OK ||
		    (rc = S_cell(p, t, r, cs, "StageNumber", &num)) != SP_OK ||
		    (cp >= 0 && (rc = S_cell(p, t, r, cp, t->cols[cp], &pct)) != SP_OK))
			return rc;
		int s = S_find_stage(p->out, (int)num);
		if (s < 0)
			return S_data_error(p, t->row0 + r,
					    "[RESUME] row for a stage without results", "");
		sp_shd_stage_t *st = &p->out->stages[s];
		if (!isnan(st->max_moment))
			continue; /* a further verification row: keep the first */
		st->max_moment = m;
		st->max_shear = v;
		st->max_displacement = d;
		st->max_mobilised_pct = pct;
	}
	return SP_OK;
}

/* [ANCHORS AND STRUTS RESUME] / [SUPPORTS RESUME]: per-stage forces by name;
 * they fill in what the stage blocks did not give. */
static int S_forces_resume(S_parser_t *p, const S_table_t *t, int supports)
{
	const char *sec = supports ? "SUPPORTS RESUME" : "ANCHORS AND STRUTS RESUME";
	S_force_cols_t c = {"StageNumber", "AnchorType", supports, .type = -1};
	int rc;
	if ((rc = S_col(p, t, sec, c.key_name, &c.key)) != SP_OK || (rc = S_col(p, t, sec, "Force", &c.force)) != SP_OK ||
	    (rc = S_col(p, t, sec, supports ? "SupportName" : "AnchorName", &c.name)) != SP_OK)
		return rc;
	if (!supports && (rc = S_col(p, t, sec, c.type_name, &c.type)) != SP_OK)
		return rc;
	for (size_t r = 0; r < (size_t)t->count; r++) {
		double num, force;
		int kind;
		char name[64];
		if ((rc = S_force_row(p, t, r, &c, &num, &force, &kind, name, sizeof name)) != SP_OK)
			return rc;
		int s = S_find_stage(p->out, (int)num);
		if (s < 0)
			return S_data_error(p, t->row0 + r, "force for a stage without results", "");
		sp_shd_stage_t *st = &p->out->stages[s];
		int have = 0;
		for (int k = 0; k < st->n_forces; k++)
			have |= st->forces[k].kind == kind && strcmp(st->forces[k].name, name) == 0;
		if (!have && (rc = S_add_force(p, st, t->row0 + r, name, NAN, force, kind)) != SP_OK)
			return rc;
	}
	return SP_OK;
}

static int S_dispatch_table(S_parser_t *p, const S_table_t *t)
{
	const char *sec = p->depth > 0 ? p->stack[p->depth - 1] : "";
	const char *in_stage[] = {"MOMENTS FORCES DISPLACEMENTS", "PRESSURES", "ANCHOR DATA",
				  "SUPPORT DATA"};
	for (size_t k = 0; k < sizeof in_stage / sizeof *in_stage; k++)
		if (strcmp(sec, in_stage[k]) == 0) {
			if (p->stage < 0)
				return sp_err_set(p->err, SP_EDATA,
						  "%s:%zu: [%s] outside a [CONSTRUCTION STAGE]",
						  p->path, t->at + 1, sec);
			if (p->skip_stage)
				return SP_OK;
			if (S_cur(p)->number < 0)
				return sp_err_set(p->err, SP_EDATA,
						  "%s:%zu: [%s] before StageNumber=", p->path,
						  t->at + 1, sec);
		}
	static const struct {
		const char *section;
		int (*read)(S_parser_t *p, const S_table_t *t);
		int (*read_forces)(S_parser_t *p, const S_table_t *t, int supports); /* when read is NULL */
		int supports;
	} readers[] = {
		{"POINTS ON SHEETPILE", S_points, NULL, 0},
		{"MOMENTS FORCES DISPLACEMENTS", S_moments, NULL, 0},
		{"PRESSURES", S_pressures, NULL, 0},
		{"ANCHOR DATA", NULL, S_stage_forces, 0},
		{"SUPPORT DATA", NULL, S_stage_forces, 1},
		{"RESUME", S_resume, NULL, 0},
		{"ANCHORS AND STRUTS RESUME", NULL, S_forces_resume, 0},
		{"SUPPORTS RESUME", NULL, S_forces_resume, 1},
	};
	for (size_t k = 0; k < sizeof readers / sizeof *readers; k++)
		if (strcmp(sec, readers[k].section) == 0)
			return readers[k].read ? readers[k].read(p, t) : readers[k].read_forces(p, t, readers[k].supports);
	if (strcmp(sec, "WARNINGS") == 0)
		p->out->n_warnings += (int)t->count;
	if (strcmp(sec, "ERRORS") == 0) {
		sp_shd_t *r = p->out;
		for (size_t k = 0; k < (size_t)t->count; k++) {
			if (r->n_errors < SP_SHD_MAX_ERRORS) {
				const char *s = p->line[t->row0 + k];
				while (*s == ' ')
					s++;
				sp_strlcpy(r->errors[r->n_errors], s, sizeof r->errors[0]);
			}
			r->n_errors++;
		}
	}
	return SP_OK;
}

/* ---- plain lines --------------------------------------------------------- */

/* the current line holds a number S_number refused */
static int S_line_number_error(S_parser_t *p, const char *bad, const char *line)
{
	char msg[64];
	snprintf(msg, sizeof msg, "%s: ", bad);
	return S_data_error(p, p->i, msg, line);
}

/* "KEY=value" with a numeric value; 1 if the line has that key. */
static int S_keyval(S_parser_t *p, const char *s, const char *key, double *x, int *rc)
{
	size_t n = strlen(key);
	if (strncmp(s, key, n) != 0 || s[n] != '=')
		return 0;
	const char *bad = S_number(s + n + 1, strlen(s + n + 1), x);
	if (bad != NULL)
		*rc = S_line_number_error(p, bad, s);
	return 1;
}

static int S_plain(S_parser_t *p)
{
	const char *sec = p->depth > 0 ? p->stack[p->depth - 1] : "";
	const char *s = p->line[p->i];
	sp_shd_t *r = p->out;
	double x = 0;
	int rc = SP_OK;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return SP_OK;
	if (strcmp(sec, "CALCULATION TYPE") == 0 && p->depth == 2) {
		sp_strlcpy(r->calculation_type, s, sizeof r->calculation_type);
	} else if (strcmp(sec, "CONSTRUCTION STAGE") == 0) {
		sp_shd_stage_t *st = S_cur(p);
		if (st == NULL)
			return SP_OK;
		if (S_keyval(p, s, "StageNumber", &x, &rc)) {
			if (rc != SP_OK)
				return rc;
			int prev = S_find_stage(r, (int)x);
			if (prev >= 0) { /* a further result set of a stage already read */
				r->stages[prev].n_result_sets++;
				r->n_stages--;
				p->stage = prev;
				p->skip_stage = 1;
			} else {
				st->number = (int)x;
			}
		} else if (S_keyval(p, s, "CalculationStatus", &x, &rc)) {
			st->status = (int)x;
		} else if (S_keyval(p, s, "IterationCount", &x, &rc)) {
			st->iterations = (int)x;
		}
	} else if (strcmp(sec, "SIDE") == 0) {
		if (strcmp(s, "Leftside") == 0)
			p->side = SP_SHD_LEFT;
		else if (strcmp(s, "Rightside") == 0)
			p->side = SP_SHD_RIGHT;
		else
			return S_data_error(p, p->i, "expected Leftside or Rightside, found: ", s);
	} else if (strcmp(sec, "SOIL COLLAPSE DATA") == 0) {
		sp_shd_stage_t *st = S_cur(p);
		const char *colon = strchr(s, ':');
		if (st == NULL || colon == NULL)
			return SP_OK;
		const char *label = colon + 1;
		while (*label == ' ')
			label++;
		int side = strcmp(label, "Percentage mobilized resistance left") == 0    ? SP_SHD_LEFT
			   : strcmp(label, "Percentage mobilized resistance right") == 0 ? SP_SHD_RIGHT
											  : -1;
		if (side >= 0) {
			size_t n = (size_t)(colon - s);
			while (n > 0 && s[n - 1] == ' ')
				n--;
			const char *bad = S_number(s, n, &st->mobilised_pct[side]);
			if (bad != NULL)
				return S_line_number_error(p, bad, s);
		}
	} else if (strcmp(sec, "MAXIMUM SUMMARY RESULTS") == 0) {
		if (S_keyval(p, s, "MaximumMoment", &x, &rc))
			r->max_moment_kNm_per_m = x;
		else if (S_keyval(p, s, "MaximumShearForce", &x, &rc))
			r->max_shear_kN_per_m = x;
		else if (S_keyval(p, s, "MaximumDisplacement", &x, &rc))
			r->max_displacement_mm = x;
		else if (S_keyval(p, s, "AllStagesAreStable", &x, &rc))
			r->all_stable = (int)x;
		r->has_summary = 1;
	}
	return rc;
}

/* ---- driver -------------------------------------------------------------- */

static int S_section(S_parser_t *p, const char *name, int *done)
{
	if (strncmp(name, "END OF ", 7) == 0) {
		const char *what = name + 7;
		/* names are kept to S_NAME - 1 characters: an END line that long was
		 * cut 7 characters sooner than the name it closes, so only the part
		 * it kept is compared */
		size_t cut = strlen(name) >= S_NAME - 1 ? strlen(what) : S_NAME;
		if (p->depth == 0 || strncmp(p->stack[p->depth - 1], what, cut) != 0) {
			char msg[200];
			snprintf(msg, sizeof msg, "[%s] does not close the open section [%s]", name,
				 p->depth > 0 ? p->stack[p->depth - 1] : "");
			return S_data_error(p, p->i, msg, "");
		}
		p->depth--;
		if (strcmp(what, "CONSTRUCTION STAGE") == 0) {
			if (S_cur(p) != NULL && S_cur(p)->number < 0)
				return S_data_error(p, p->i, "[CONSTRUCTION STAGE] without StageNumber=",
						    "");
			p->stage = -1;
			p->skip_stage = 0;
		} else if (strcmp(what, "SIDE") == 0) {
			p->side = -1;
		} else if (strcmp(what, "OUTPUT DATA") == 0) {
			*done = 1;
		}
		return SP_OK;
	}
	if (strcmp(name, "TABLE") == 0) {
		S_table_t t;
		int rc = S_table(p, &t);
		return rc != SP_OK ? rc : S_dispatch_table(p, &t);
	}
	if (p->depth >= S_MAX_DEPTH)
		return S_data_error(p, p->i, "sections nested too deeply", "");
	if (strcmp(name, "CONSTRUCTION STAGE") == 0) {
		if (p->stage >= 0)
			return S_data_error(p, p->i, "[CONSTRUCTION STAGE] inside another", "");
		int rc = S_stage_begin(p);
		if (rc != SP_OK)
			return rc;
	}
	sp_strlcpy(p->stack[p->depth++], name, S_NAME);
	return SP_OK;
}

static int S_parse(S_parser_t *p)
{
	sp_shd_t *r = p->out;
	char name[S_NAME];
	size_t start = p->n_lines;
	for (size_t k = 0; k < p->n_lines; k++) {
		if (!S_header(p->line[k], name, sizeof name))
			continue;
		if (strcmp(name, "CONSTRUCTION STAGES") == 0 && k + 1 < p->n_lines) {
			char *end;
			long n = strtol(p->line[k + 1], &end, 10);
			if (end != p->line[k + 1] && n >= 0 && n < 100000)
				r->n_stages_input = (int)n;
		} else if (strcmp(name, "OUTPUT DATA") == 0) {
			start = k;
			break;
		}
	}
	if (start == p->n_lines)
		return sp_err_set(p->err, SP_EDATA,
				  "%s:%zu: no [OUTPUT DATA]: not a D-Sheet Piling result file, "
				  "or the calculation did not run",
				  p->path, p->n_lines);
	int done = 0, rc;
	for (p->i = start; p->i < p->n_lines && !done; p->i++) {
		rc = S_header(p->line[p->i], name, sizeof name) ? S_section(p, name, &done)
								   : S_plain(p);
		if (rc != SP_OK)
			return rc;
	}
	if (!done)
		return sp_err_set(p->err, SP_EDATA,
				  "%s:%zu: file ends inside [%s] (truncated?)", p->path,
				  p->n_lines, p->depth > 0 ? p->stack[p->depth - 1] : "OUTPUT DATA");
	if (r->n_stages == 0)
		return sp_err_set(p->err, SP_EDATA, "%s:%zu: no [CONSTRUCTION STAGE] results",
				  p->path, start + 1);
	if (!r->has_summary) {
		r->max_moment_kNm_per_m = r->max_shear_kN_per_m = r->max_displacement_mm = 0;
		for (int s = 0; s < r->n_stages; s++) {
			const sp_shd_stage_t *st = &r->stages[s];
			if (fabs(st->max_moment) > fabs(r->max_moment_kNm_per_m))
				r->max_moment_kNm_per_m = st->max_moment;
			if (fabs(st->max_shear) > fabs(r->max_shear_kN_per_m))
				r->max_shear_kN_per_m = st->max_shear;
			if (fabs(st->max_displacement) > fabs(r->max_displacement_mm))
				r->max_displacement_mm = st->max_displacement;
		}
	}
	return SP_OK;
}

int sp_shd_read(const char *path, sp_shd_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	out->n_stages_input = -1;
	out->all_stable = -1;
	out->max_moment_kNm_per_m = out->max_shear_kN_per_m = out->max_displacement_mm = NAN;
	S_parser_t p;
	memset(&p, 0, sizeof p);
	p.path = path;
	p.out = out;
	p.err = err;
	p.stage = -1;
	p.side = -1;
	int rc = S_load(&p);
	if (rc == SP_OK)
		rc = S_parse(&p);
	free(p.levels);
	free(p.line);
	free(p.buf);
	return rc;
}

void sp_shd_free(sp_shd_t *r)
{
	if (r == NULL)
		return;
	for (int s = 0; s < r->n_stages; s++)
		free(r->stages[s].points);
	free(r->stages);
	r->stages = NULL;
	r->n_stages = 0;
}

const sp_shd_stage_t *sp_shd_stage(const sp_shd_t *r, int number)
{
	int s = S_find_stage(r, number);
	return s < 0 ? NULL : &r->stages[s];
}

/* ---- summary ------------------------------------------------------------- */

static void S_not_ok(sp_shd_summary_t *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_not_ok(sp_shd_summary_t *out, const char *fmt, ...)
{
	if (!out->ok)
		return; /* the first reason is kept */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->reason, sizeof out->reason, fmt, ap);
	va_end(ap);
	out->ok = 0;
}

/* The anchor (kind SP_SHD_ANCHOR) or strut of w with this name, NULL if none. */
static const sp_wall_anchor_t *S_wall_anchor(const sp_wall_t *w, const char *name, int kind)
{
	const sp_wall_anchor_t *a = kind == SP_SHD_STRUT ? w->struts : w->anchors;
	int n = kind == SP_SHD_STRUT ? w->n_struts : w->n_anchors;
	for (int k = 0; k < n; k++)
		if (strcmp(a[k].name, name) == 0)
			return &a[k];
	return NULL;
}

int sp_shd_summary(const sp_shd_t *r, const sp_wall_t *w, sp_shd_summary_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	out->ok = 1;
	out->max_moment_level_m = NAN;
	out->n_warnings = r->n_warnings;
	if (r->n_stages > SP_WALL_MAX_STAGES)
		return sp_err_set(err, SP_EDATA, "D-Sheet Piling results with %d stages (at most %d)", r->n_stages,
		                  SP_WALL_MAX_STAGES);
	out->n_stages = r->n_stages;
	if (r->n_errors > 0)
		S_not_ok(out, "D-Sheet Piling error: %s", r->errors[0][0] ? r->errors[0] : "(no text)");
	if (w != NULL && r->n_stages != w->n_stages)
		S_not_ok(out, "the results have %d stages, the model %d (results of another model?)", r->n_stages,
		         w->n_stages);
	if (r->n_stages == 0)
		S_not_ok(out, "no construction stage was calculated");
	for (int s = 0; s < r->n_stages; s++) {
		const sp_shd_stage_t *st = &r->stages[s];
		sp_shd_stage_summary_t *o = &out->stage[s];
		o->max_moment_level_m = o->top_displacement_mm = NAN;
		if (st->status != 0)
			S_not_ok(out, "stage %d: calculation status %d", st->number, st->status);
		if (st->points == NULL || st->n_points == 0)
			S_not_ok(out, "stage %d: no results", st->number);
		/* the magnitudes of [RESUME]; from the points when it has no row */
		o->max_moment_kNm_per_m = fabs(st->max_moment);
		o->max_shear_kN_per_m = fabs(st->max_shear);
		o->max_displacement_mm = fabs(st->max_displacement);
		/* a point without its moment, shear or displacement (a stage without
		 * [MOMENTS FORCES DISPLACEMENTS]) is no result: never a NaN passed on */
		double m = 0, v = 0, u = 0;
		int missing = 0;
		for (size_t i = 0; i < st->n_points; i++) {
			const sp_shd_point_t *p = &st->points[i];
			if (isnan(p->moment_kNm_per_m) || isnan(p->shear_kN_per_m) || isnan(p->displacement_mm)) {
				missing = 1;
				continue;
			}
			if (fabs(p->moment_kNm_per_m) > m || i == 0)
				m = fabs(p->moment_kNm_per_m), o->max_moment_level_m = p->level_m;
			if (fabs(p->shear_kN_per_m) > v)
				v = fabs(p->shear_kN_per_m);
			if (fabs(p->displacement_mm) > u)
				u = fabs(p->displacement_mm);
		}
		if (missing)
			S_not_ok(out, "stage %d: no moments, shear forces and displacements", st->number);
		if (st->n_points > 0 && !isnan(st->points[0].displacement_mm))
			o->top_displacement_mm = fabs(st->points[0].displacement_mm);
		if (isnan(o->max_moment_kNm_per_m))
			o->max_moment_kNm_per_m = m;
		if (isnan(o->max_shear_kN_per_m))
			o->max_shear_kN_per_m = v;
		if (isnan(o->max_displacement_mm))
			o->max_displacement_mm = u;
		o->mobilised_pct = 0;
		for (int side = 0; side < 2; side++)
			if (st->mobilised_pct[side] > o->mobilised_pct)
				o->mobilised_pct = st->mobilised_pct[side];
		if (isnan(st->mobilised_pct[0]) && isnan(st->mobilised_pct[1]) && st->max_mobilised_pct > 0)
			o->mobilised_pct = st->max_mobilised_pct;
		for (int k = 0; k < st->n_forces; k++) {
			const sp_shd_support_force_t *f = &st->forces[k];
			if (f->kind == SP_SHD_SUPPORT)
				continue;
			double h = f->force_kN_per_m;
			if (w != NULL) {
				const sp_wall_anchor_t *a = S_wall_anchor(w, f->name, f->kind);
				if (a == NULL) {
					S_not_ok(out, "stage %d: %s '%s' is not in the model", st->number,
					         f->kind == SP_SHD_STRUT ? "strut" : "anchor", f->name);
					continue;
				}
				h = f->force_kN_per_m * cos(a->angle_deg * SP_PI / 180.0);
			}
			if (fabs(h) > o->anchor_force_kN_per_m)
				o->anchor_force_kN_per_m = fabs(h);
		}
		if (o->max_moment_kNm_per_m > out->max_moment_kNm_per_m || s == 0)
			out->max_moment_kNm_per_m = o->max_moment_kNm_per_m, out->max_moment_level_m = o->max_moment_level_m;
		out->max_shear_kN_per_m = fmax(out->max_shear_kN_per_m, o->max_shear_kN_per_m);
		out->max_displacement_mm = fmax(out->max_displacement_mm, o->max_displacement_mm);
		if (!isnan(o->top_displacement_mm))
			out->top_displacement_mm = fmax(out->top_displacement_mm, o->top_displacement_mm);
		out->mobilised_pct = fmax(out->mobilised_pct, o->mobilised_pct);
		out->anchor_force_kN_per_m = fmax(out->anchor_force_kN_per_m, o->anchor_force_kN_per_m);
	}
	if (r->all_stable == 0)
		S_not_ok(out, "not all stages are stable (AllStagesAreStable=0)");
	return SP_OK;
}
