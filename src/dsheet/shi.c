/* shi.c - D-Sheet Piling input files (.shi) -> sp_wall_t.
 *
 * The file is a sequence of sections [NAME] ... [END OF NAME]; inside them,
 * "value label" lines, tables with a count line and a header line, and
 * Key=Value blocks. Lines may end in CRLF. Items (soils, surfaces, water
 * levels, anchors, loads, ...) are referred to by name, the rest of a line.
 *
 * Read and mapped: SOIL COLLECTION, RUN IDENTIFICATION (first line = name),
 * MODEL, CPT LIST (Count=0 only), SHEET PILING, ANCHORS, STRUTS, SPRING
 * SUPPORTS, RIGID SUPPORTS, UNIFORM LOADS, SURCHARGE LOADS, HORIZONTAL LINE
 * LOADS, MOMENTS, NORMAL FORCES, WATER, SOIL PROFILES, SURFACES, WATERLEVELS,
 * CONSTRUCTION STAGES, CALCULATION OPTIONS PER STAGE, CALCULATION OPTIONS.
 *
 * Ignored, because they do not change the stage results of a standard
 * calculation: VERSION, VERSION EXTERNALS (program versions); COMBINED WALL
 * (used only with material type "combined", which is refused);
 * VERTICAL BALANCE and "Check vertical balance" (a check done after the
 * beam calculation); SETTLEMENT BY VIBRATION PARAMS (a separate calculation,
 * refused through IsVibrationCalculation); PROBABILISTIC * (refused through
 * "Probabilistic = TRUE"); the PARTIAL FACTORS sets and "Verification = TRUE"
 * (they act only in design/verification calculations: a standard
 * calculation, InputCalculationType=0 with every StageVerify*=0, writes the
 * same single result per stage, PartialFactorSet=4, in the .shd of bm1-11 and
 * bm4-9a as without verification); standard deviations and distribution
 * types (probabilistic only); Permanent/Favourable flags of loads
 * (partial factors only); anchor "Height" (Kranz anchor wall height, used for
 * the Kranz stability check only); SoilLambdaType (how the UI derived
 * SoilLa/Ln/Lp from phi and delta; the derived values are in the file);
 * SoilUseMenard, SoilUseBrinchHansen and SoilHorizontalBehaviourType in the
 * sheet piling model (they belong to the single pile model; bm1-1 has
 * SoilUseMenard=1 with explicit moduli); soil profile X/Y coordinates.
 *
 * Conventions found in the benchmarks (see the report of the reader):
 * - anchor/strut Side 1 = left, 2 = right (GEOLib Side enum; bm3-5a: a left
 *   anchor at angle -30 carries the 20 kN/m line load to the right with
 *   23.09 = 20 / cos 30 kN/m);
 * - stage anchor/strut lines are "ordinal prestress name";
 * - "Displacement top sheet piling" is in m (bm1-2: 0.100 -> 100 mm);
 * - "Use Cur values" = 1 means the three SoilCurKb/Ko are secant moduli at
 *   50, 80 and 100 % of the way to the limit pressure; they are converted to
 *   the tangent moduli of three branches (bm4-6a secant 1000/500/250 equals
 *   bm4-6b tangent 1000/272.73/83.33). */
#include "shi.h"
#include "earth.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_FILE_MAX (64L * 1024 * 1024) /* refuse larger files */
#define S_MAX_NAMED 64                 /* surfaces, water levels */
#define S_MAX_PROFILES 16
#define S_MAX_SURFACE_POINTS 256
#define S_MAX_COLS 8

typedef struct {
	char name[SP_NAME_MAX];
	double level_m;
	int sloping;
	int line;
	int n_points;               /* surfaces: the points after the first */
	double x_m[SP_WALL_MAX_SURFACE_POINTS], z_m[SP_WALL_MAX_SURFACE_POINTS];
} S_named;

typedef struct {
	double kb[5], ko[5];         /* SoilKb0..4, SoilKo0..4 */
	double cur_kb[3], cur_ko[3]; /* SoilCurKb1..3, SoilCurKo1..3 */
	double lam[3];
	double shell_factor;         /* SoilShellFactor: multiplies the moduli (bm1-8/bm1-9 .shd: 4000 x 2.5 = 10000) */
	double menard, brinch_hansen;
	double e_menard, soil_type;  /* SoilEModMenard, SoilSoilType (0 gravel .. 4 peat) */
	int line;
} S_soil_extra;

typedef struct {
	char name[SP_NAME_MAX];
	int n_layers;
	sp_wall_layer_t layers[SP_WALL_MAX_LAYERS];
} S_profile;

typedef struct {
	const char *path;
	char *buf;
	char **lines;
	int n, i;       /* number of lines; index of the next line */
	const char *sec;
	sp_err_t *err;
	sp_wall_t *w;

	int seen_model, seen_soils, seen_piling, seen_profiles, seen_surfaces;
	int seen_water_levels, seen_stages;
	int single_pile;
	int method;     /* [MODEL] 0 Ka Ko Kp, 1 c phi delta, 2 mixed */
	int use_cur;
	int n_stage_options, stage_options_line;

	S_soil_extra soil_x[SP_WALL_MAX_SOILS];
	S_named surfaces[S_MAX_NAMED];
	int n_surfaces;
	S_named water[S_MAX_NAMED];
	int n_water;
	char profile_names[S_MAX_PROFILES][SP_NAME_MAX];
	int n_profiles;
} S_ctx;

/* ---- errors and lines ---------------------------------------------------- */

static int S_fail(S_ctx *c, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int S_fail(S_ctx *c, int line, const char *fmt, ...)
{
	char msg[SP_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->sec != NULL)
		return sp_err_set(c->err, SP_EDATA, "%s:%d: [%s] %s", c->path, line, c->sec, msg);
	return sp_err_set(c->err, SP_EDATA, "%s:%d: %s", c->path, line, msg);
}

/* Line number of the line returned last. */
static int S_lno(const S_ctx *c)
{
	return c->i > 0 ? c->i : 1;
}

static int S_eof(S_ctx *c)
{
	return S_fail(c, c->n, "unexpected end of file (truncated?)");
}

static int S_blank(const char *s)
{
	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* Next line, or NULL at the end of the file. */
static const char *S_get(S_ctx *c)
{
	if (c->i >= c->n)
		return NULL;
	return c->lines[c->i++];
}

static const char *S_get_nonblank(S_ctx *c)
{
	const char *s;
	while ((s = S_get(c)) != NULL && S_blank(s))
		;
	return s;
}

static const char *S_skip_space(const char *s)
{
	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	return s;
}

/* Split the buffer into lines in place: no CR, no trailing white space. */
static int S_split(S_ctx *c, size_t len)
{
	int cap = 0;
	char *p = c->buf, *end = c->buf + len;
	while (p < end) {
		char *q = memchr(p, '\n', (size_t)(end - p));
		char *e = q != NULL ? q : end;
		*e = '\0';
		char *t = e;
		while (t > p && isspace((unsigned char)t[-1]))
			*--t = '\0';
		if (c->n == cap) {
			cap = cap != 0 ? 2 * cap : 1024;
			char **l = realloc(c->lines, (size_t)cap * sizeof *l);
			if (l == NULL)
				return sp_err_set(c->err, SP_ESOFTWARE, "%s: out of memory", c->path);
			c->lines = l;
		}
		c->lines[c->n++] = p;
		p = e + 1;
	}
	return SP_OK;
}

static int S_load(S_ctx *c)
{
	FILE *f = fopen(c->path, "rb");
	if (f == NULL)
		return sp_err_set(c->err, SP_ENOINPUT, "%s: cannot open: %s", c->path, strerror(errno));
	size_t cap = 65536, len = 0;
	c->buf = malloc(cap + 1);
	if (c->buf == NULL) {
		fclose(f);
		return sp_err_set(c->err, SP_ESOFTWARE, "%s: out of memory", c->path);
	}
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)S_FILE_MAX) {
				fclose(f);
				return sp_err_set(c->err, SP_EDATA, "%s: larger than %ld bytes, not a .shi file",
						  c->path, S_FILE_MAX);
			}
			char *b = realloc(c->buf, 2 * cap + 1);
			if (b == NULL) {
				fclose(f);
				return sp_err_set(c->err, SP_ESOFTWARE, "%s: out of memory", c->path);
			}
			c->buf = b;
			cap *= 2;
		}
		size_t got = fread(c->buf + len, 1, cap - len, f);
		len += got;
		if (got == 0 || memchr(c->buf + len - got, '\0', got) != NULL)
			break; /* the end, or a NUL byte (reported below): /dev/zero need not be read to the limit */
	}
	int bad = ferror(f), e = errno;
	fclose(f);
	if (bad)
		return sp_err_set(c->err, SP_ENOINPUT, "%s: cannot read: %s", c->path, strerror(e));
	/* a NUL byte would end a line early; make it a visible error instead */
	if (memchr(c->buf, '\0', len) != NULL)
		return sp_err_set(c->err, SP_EDATA, "%s: contains NUL bytes, not a text file", c->path);
	c->buf[len] = '\0';
	return S_split(c, len);
}

/* ---- numbers, names and small line formats ------------------------------- */

/* Parse a number at *p and move *p past it. */
static int S_dbl(const char **p, double *v)
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

static int S_int(const char **p, int *v)
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

/* Copy a trimmed name; names must fit (they are matched exactly). */
static int S_name(S_ctx *c, int line, const char *s, char *dst, const char *what)
{
	s = S_skip_space(s);
	if (*s == '\0')
		return S_fail(c, line, "missing %s name", what);
	if (strlen(s) >= SP_NAME_MAX)
		return S_fail(c, line, "%s name '%.40s...' is longer than %d characters", what, s,
			      SP_NAME_MAX - 1);
	sp_strlcpy(dst, s, SP_NAME_MAX);
	return SP_OK;
}

/* Index of name among n structs of size stride whose first member is the name. */
static int S_index(const void *base, size_t stride, int n, const char *name)
{
	for (int k = 0; k < n; k++)
		if (strcmp((const char *)base + (size_t)k * stride, name) == 0)
			return k;
	return -1;
}

/* "number label": the number, and the label must contain want. */
static int S_value(S_ctx *c, const char *want, double *v)
{
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	const char *p = S_skip_space(s);
	if (!S_dbl(&p, v) || strstr(p, want) == NULL)
		return S_fail(c, S_lno(c), "expected 'number %s', found '%.60s'", want, s);
	return SP_OK;
}

/* An integral "number label" in lo..hi. */
static int S_count(S_ctx *c, const char *want, int lo, int hi, int *n)
{
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	const char *p = S_skip_space(s);
	if (!S_int(&p, n) || strstr(p, want) == NULL)
		return S_fail(c, S_lno(c), "expected 'integer %s', found '%.60s'", want, s);
	if (*n < lo || *n > hi)
		return S_fail(c, S_lno(c), "%s: %d is out of range %d..%d", want, *n, lo, hi);
	return SP_OK;
}

/* A line holding one number and nothing else. */
static int S_bare(S_ctx *c, const char *what, double *v)
{
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	const char *p = S_skip_space(s);
	if (!S_dbl(&p, v) || *S_skip_space(p) != '\0')
		return S_fail(c, S_lno(c), "expected the %s (one number), found '%.60s'", what, s);
	return SP_OK;
}

static int S_expect(S_ctx *c, const char *line)
{
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_fail(c, c->n, "missing %s (truncated file?)", line);
	if (strcmp(s, line) != 0)
		return S_fail(c, S_lno(c), "expected %s, found '%.60s'", line, s);
	return SP_OK;
}

static int S_expect_end(S_ctx *c)
{
	char end[96];
	snprintf(end, sizeof end, "[END OF %s]", c->sec);
	return S_expect(c, end);
}

/* Skip to the matching [END OF name]; other sections may nest. */
static int S_skip(S_ctx *c, const char *name, int start)
{
	char end[160];
	snprintf(end, sizeof end, "[END OF %s]", name);
	const char *s;
	while ((s = S_get(c)) != NULL)
		if (strcmp(s, end) == 0)
			return SP_OK;
	return S_fail(c, start, "missing %s (truncated file?)", end);
}

/* ---- Key=Value blocks ---------------------------------------------------- */

typedef struct {
	const char *key;
	double *dst;
	int required;
	int seen;
} S_key;

/* Read Key=Value lines up to the line end; keys not in the table are
 * ignored, nested [SECTION]s are skipped when skip_nested is set. */
static int S_block(S_ctx *c, const char *end, S_key *keys, int nkeys, int skip_nested)
{
	int start = S_lno(c);
	const char *s;
	while ((s = S_get(c)) != NULL) {
		if (strcmp(s, end) == 0)
			break;
		if (S_blank(s))
			continue;
		if (s[0] == '[') {
			if (!skip_nested)
				return S_fail(c, S_lno(c), "unexpected %.60s before %s", s, end);
			size_t len = strlen(s);
			if (len < 3 || len > 100 || s[len - 1] != ']' || strncmp(s, "[END OF ", 8) == 0)
				return S_fail(c, S_lno(c), "unexpected %.60s before %s", s, end);
			char name[128];
			memcpy(name, s + 1, len - 2);
			name[len - 2] = '\0';
			int rc = S_skip(c, name, S_lno(c));
			if (rc != SP_OK)
				return rc;
			continue;
		}
		const char *eq = strchr(s, '=');
		if (eq == NULL)
			return S_fail(c, S_lno(c), "expected Key=Value, found '%.60s'", s);
		size_t klen = (size_t)(eq - s);
		for (int k = 0; k < nkeys; k++) {
			if (strlen(keys[k].key) != klen || strncmp(keys[k].key, s, klen) != 0)
				continue;
			const char *p = S_skip_space(eq + 1);
			if (!S_dbl(&p, keys[k].dst) || *S_skip_space(p) != '\0')
				return S_fail(c, S_lno(c), "%s: expected a number, found '%.40s'", keys[k].key, eq + 1);
			keys[k].seen = 1;
		}
	}
	if (s == NULL)
		return S_fail(c, start, "missing %s (truncated file?)", end);
	for (int k = 0; k < nkeys; k++)
		if (keys[k].required && !keys[k].seen)
			return S_fail(c, S_lno(c), "missing %s before %s", keys[k].key, end);
	return SP_OK;
}

static int S_flag(double v)
{
	return v != 0.0;
}

/* ---- tables: count line, header line, rows "Nr numbers... name" ---------- */

typedef struct {
	int n;
	double v[SP_WALL_MAX_ITEMS][S_MAX_COLS];
	char name[SP_WALL_MAX_ITEMS][SP_NAME_MAX];
	int line[SP_WALL_MAX_ITEMS];
} S_table_t;

static int S_table(S_ctx *c, const char *count_label, int ncols, S_table_t *t)
{
	int rc = S_count(c, count_label, 0, SP_WALL_MAX_ITEMS, &t->n);
	if (rc != SP_OK)
		return rc;
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	if (strncmp(S_skip_space(s), "Nr", 2) != 0)
		return S_fail(c, S_lno(c), "expected the column header ' Nr ...', found '%.60s'", s);
	for (int k = 0; k < t->n; k++) {
		if ((s = S_get_nonblank(c)) == NULL)
			return S_eof(c);
		t->line[k] = S_lno(c);
		const char *p = S_skip_space(s);
		int nr;
		if (!S_int(&p, &nr))
			return S_fail(c, S_lno(c), "row %d: expected 'Nr' and %d numbers, found '%.60s'", k + 1,
				      ncols, s);
		for (int j = 0; j < ncols; j++) {
			p = S_skip_space(p);
			if (!S_dbl(&p, &t->v[k][j]))
				return S_fail(c, S_lno(c), "row %d: expected %d numbers after Nr, found '%.60s'",
					      k + 1, ncols, s);
		}
		if ((rc = S_name(c, S_lno(c), p, t->name[k], "item")) != SP_OK)
			return rc;
		for (int j = 0; j < k; j++)
			if (strcmp(t->name[j], t->name[k]) == 0)
				return S_fail(c, S_lno(c), "duplicate name '%s'", t->name[k]);
	}
	return S_expect_end(c);
}

static int S_side(S_ctx *c, int line, const char *name, double v, int *side)
{
	if (v == 1.0)
		*side = SP_LEFT;
	else if (v == 2.0)
		*side = SP_RIGHT;
	else
		return S_fail(c, line, "'%s': Side %g is not supported (1 = left, 2 = right)", name, v);
	return SP_OK;
}

/* ---- sections ------------------------------------------------------------ */

static int S_soils(S_ctx *c)
{
	sp_wall_t *w = c->w;
	int n, rc;
	if ((rc = S_count(c, "= number of items", 1, SP_WALL_MAX_SOILS, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_wall_soil_t *so = &w->soils[k];
		S_soil_extra *x = &c->soil_x[k];
		if ((rc = S_expect(c, "[SOIL]")) != SP_OK)
			return rc;
		const char *s = S_get(c);
		if (s == NULL)
			return S_eof(c);
		x->line = S_lno(c);
		if ((rc = S_name(c, x->line, s, so->name, "soil")) != SP_OK)
			return rc;
		if (S_index(w->soils, sizeof w->soils[0], k, so->name) >= 0)
			return S_fail(c, x->line, "duplicate soil name '%s'", so->name);
		so->ocr = 1.0;
		x->lam[0] = 50, x->lam[1] = 80, x->lam[2] = 90;
		x->shell_factor = 1.0;
		S_key keys[] = {
			{"SoilShellFactor", &x->shell_factor, 0, 0},
			{"SoilGamDry", &so->gamma_dry_kN_m3, 1, 0},
			{"SoilGamWet", &so->gamma_wet_kN_m3, 1, 0},
			{"SoilCohesion", &so->c_kPa, 1, 0},
			{"SoilPhi", &so->phi_deg, 1, 0},
			{"SoilDelta", &so->delta_deg, 1, 0},
			{"SoilOCR", &so->ocr, 0, 0},
			{"SoilLa", &so->ka, 1, 0},
			{"SoilLn", &so->k0, 1, 0},
			{"SoilLp", &so->kp, 1, 0},
			{"SoilLam1", &x->lam[0], 0, 0},
			{"SoilLam2", &x->lam[1], 0, 0},
			{"SoilLam3", &x->lam[2], 0, 0},
			{"SoilKb0", &x->kb[0], 1, 0},
			{"SoilKb1", &x->kb[1], 1, 0},
			{"SoilKb2", &x->kb[2], 1, 0},
			{"SoilKb3", &x->kb[3], 1, 0},
			{"SoilKb4", &x->kb[4], 1, 0},
			{"SoilKo0", &x->ko[0], 1, 0},
			{"SoilKo1", &x->ko[1], 1, 0},
			{"SoilKo2", &x->ko[2], 1, 0},
			{"SoilKo3", &x->ko[3], 1, 0},
			{"SoilKo4", &x->ko[4], 1, 0},
			{"SoilCurKb1", &x->cur_kb[0], 0, 0},
			{"SoilCurKb2", &x->cur_kb[1], 0, 0},
			{"SoilCurKb3", &x->cur_kb[2], 0, 0},
			{"SoilCurKo1", &x->cur_ko[0], 0, 0},
			{"SoilCurKo2", &x->cur_ko[1], 0, 0},
			{"SoilCurKo3", &x->cur_ko[2], 0, 0},
			{"SoilUseMenard", &x->menard, 0, 0},
			{"SoilEModMenard", &x->e_menard, 0, 0},
			{"SoilSoilType", &x->soil_type, 0, 0},
			{"SoilUseBrinchHansen", &x->brinch_hansen, 0, 0},
		};
		if ((rc = S_block(c, "[END OF SOIL]", keys, (int)(sizeof keys / sizeof keys[0]), 0)) != SP_OK)
			return rc;
		if (so->gamma_dry_kN_m3 < 0 || so->gamma_wet_kN_m3 < 0 || so->c_kPa < 0 || so->phi_deg < 0 ||
		    so->phi_deg >= 90 || so->ka < 0 || so->k0 < 0 || so->kp < 0)
			return S_fail(c, x->line, "soil '%s': negative unit weight, cohesion or K, or phi outside 0..90",
				      so->name);
		w->n_soils = k + 1;
	}
	return S_expect_end(c);
}

static int S_run_id(S_ctx *c)
{
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	if (strcmp(s, "[END OF RUN IDENTIFICATION]") == 0)
		return SP_OK;
	sp_strlcpy(c->w->name, S_skip_space(s), SP_NAME_MAX);
	return S_skip(c, "RUN IDENTIFICATION", S_lno(c));
}

static int S_model(S_ctx *c)
{
	const char *s;
	int pos = 0;
	while ((s = S_get(c)) != NULL && strcmp(s, "[END OF MODEL]") != 0) {
		if (S_blank(s))
			continue;
		int line = S_lno(c), v;
		const char *p = S_skip_space(s);
		if (!S_int(&p, &v) || *(p = S_skip_space(p)) != ':')
			return S_fail(c, line, "expected 'value : label', found '%.60s'", s);
		const char *label = S_skip_space(p + 1);
		if (pos == 0) {
			if (v == 1)
				c->single_pile = c->w->single_pile = 1;
			else if (v != 0)
				return S_fail(c, line, "model type %d is not supported", v);
		} else if (pos == 1) {
			if (v < 0 || v > 2)
				return S_fail(c, line, "earth pressure method %d is not supported", v);
			c->method = v;
		} else if (strncmp(label, "Verification", 12) == 0 || strncmp(label, "EC7-SE", 6) == 0 ||
			   strncmp(label, "Check vertical balance", 22) == 0) {
			/* see the top of this file */
		} else if (strncmp(label, "Pile loaded by", 14) == 0) {
			if (v != 0)
				return S_fail(c, line, "single pile loaded by soil displacements is not supported");
		} else if (strncmp(label, "Probabilistic", 13) == 0) {
			if (v != 0)
				return S_fail(c, line, "probabilistic analysis is not supported");
		} else if (strncmp(label, "Trildens", 8) == 0) {
			if (v != 0)
				return S_fail(c, line, "Trildens calculation is not supported");
		} else if (strncmp(label, "Diepwand", 8) == 0) {
			if (v != 0)
				return S_fail(c, line, "Diepwand calculation is not supported");
		} else if (strncmp(label, "Elastic calculation", 19) == 0) {
			if (v != 1)
				return S_fail(c, line, "plastic calculation (Elastic calculation = FALSE) is not supported");
		} else if (strncmp(label, "Wooden sheet piling", 19) == 0) {
			if (v != 0)
				return S_fail(c, line, "wooden sheet piling is not supported");
		} else {
			return S_fail(c, line, "unknown model option '%.60s'", s);
		}
		pos++;
	}
	if (s == NULL)
		return S_fail(c, c->n, "missing [END OF MODEL] (truncated file?)");
	if (pos < 2)
		return S_fail(c, S_lno(c), "model type and earth pressure method missing");
	c->seen_model = 1;
	return SP_OK;
}

static int S_cpt(S_ctx *c)
{
	double count = -1;
	S_key keys[] = {{"Count", &count, 1, 0}};
	int rc = S_block(c, "[END OF CPT LIST]", keys, 1, 1);
	if (rc != SP_OK)
		return rc;
	if (count != 0)
		return S_fail(c, S_lno(c), "CPTs (Count=%g) are not supported", count);
	return SP_OK;
}

static int S_piling(S_ctx *c)
{
	sp_wall_t *w = c->w;
	double kind;
	int n, rc;
	if ((rc = S_bare(c, "sheet piling type", &kind)) != SP_OK)
		return rc;
	if (kind != 0)
		return S_fail(c, S_lno(c), "sheet piling type %g is not supported", kind);
	if ((rc = S_value(c, "Level top sheet piling", &w->top_level_m)) != SP_OK ||
	    (rc = S_value(c, "Length", &w->length_m)) != SP_OK)
		return rc;
	if (!(w->length_m > 0))
		return S_fail(c, S_lno(c), "length %g must be positive", w->length_m);
	if ((rc = S_count(c, "Number of elements", 1, SP_WALL_MAX_ELEMENTS, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_wall_element_t *el = &w->elements[k];
		double type = 0, ei = 0, factor = 1, mom[6] = {0};
		if ((rc = S_expect(c, "[SHEET PILING ELEMENT]")) != SP_OK)
			return rc;
		const char *s = S_get(c);
		if (s == NULL)
			return S_eof(c);
		int line = S_lno(c);
		if ((rc = S_name(c, line, s, el->name, "element")) != SP_OK)
			return rc;
		S_key keys[] = {
			{"SheetPilingElementMaterialType", &type, 1, 0},
			{"SheetPilingElementEI", &ei, 1, 0},
			{"SheetPilingElementWidth", &el->acting_width_m, 1, 0},
			{"SheetPilingElementLevel", &el->bottom_level_m, 1, 0},
			{"SheetPilingElementReductionFactorEI", &factor, 0, 0},
			{"DiaphragmWallPosMomElastic", &mom[0], 0, 0},
			{"DiaphragmWallNegMomElastic", &mom[1], 0, 0},
			{"DiaphragmWallPosMomPlastic", &mom[2], 0, 0},
			{"DiaphragmWallNegMomPlastic", &mom[3], 0, 0},
			{"DiaphragmWallPosMomElastoPlastic", &mom[4], 0, 0},
			{"DiaphragmWallNegMomElastoPlastic", &mom[5], 0, 0},
		};
		if ((rc = S_block(c, "[END OF SHEET PILING ELEMENT]", keys, (int)(sizeof keys / sizeof keys[0]),
				  0)) != SP_OK)
			return rc;
		if (type != 1)
			return S_fail(c, line, "element '%s': material type %g is not supported (only steel, 1)",
				      el->name, type);
		for (int j = 0; j < 6; j++)
			if (mom[j] != 0)
				return S_fail(c, line, "element '%s': diaphragm wall M-kappa diagram is not supported",
					      el->name);
		el->ei_kNm2_per_m = ei * factor;
		if (!(el->ei_kNm2_per_m > 0) || !(el->acting_width_m > 0))
			return S_fail(c, line, "element '%s': EI x reduction factor and width must be positive",
				      el->name);
		double above = k == 0 ? w->top_level_m : w->elements[k - 1].bottom_level_m;
		if (!(el->bottom_level_m < above))
			return S_fail(c, line, "element '%s': level %g is not below %g", el->name, el->bottom_level_m,
				      above);
		w->n_elements = k + 1;
	}
	double bottom = w->top_level_m - w->length_m;
	if (fabs(w->elements[n - 1].bottom_level_m - bottom) > 1e-6 * (1 + fabs(bottom)))
		return S_fail(c, S_lno(c), "the last element ends at %g, but top - length = %g",
			      w->elements[n - 1].bottom_level_m, bottom);
	return S_expect_end(c);
}

static int S_anchors(S_ctx *c, int struts)
{
	sp_wall_t *w = c->w;
	S_table_t t;
	int rc = S_table(c, struts ? "Number of struts" : "Number of anchors", 8, &t);
	if (rc != SP_OK)
		return rc;
	sp_wall_anchor_t *a = struts ? w->struts : w->anchors;
	for (int k = 0; k < t.n; k++) {
		/* Level E A Length Yield(anchor)/Buckling(strut) Angle Height Side */
		sp_strlcpy(a[k].name, t.name[k], SP_NAME_MAX);
		a[k].level_m = t.v[k][0];
		a[k].e_kPa = t.v[k][1];
		a[k].area_m2_per_m = t.v[k][2];
		a[k].length_m = t.v[k][3];
		a[k].yield_force_kN_per_m = t.v[k][4];
		a[k].angle_deg = t.v[k][5];
		if ((rc = S_side(c, t.line[k], t.name[k], t.v[k][7], &a[k].side)) != SP_OK)
			return rc;
		if (!(a[k].e_kPa > 0) || !(a[k].area_m2_per_m > 0) || !(a[k].length_m > 0) ||
		    !(fabs(a[k].angle_deg) < 90))
			return S_fail(c, t.line[k], "'%s': E, cross-section and length must be positive, |angle| < 90",
				      t.name[k]);
	}
	if (struts)
		w->n_struts = t.n;
	else
		w->n_anchors = t.n;
	return SP_OK;
}

static int S_supports(S_ctx *c, int rigid)
{
	sp_wall_t *w = c->w;
	S_table_t t;
	int rc = S_table(c, rigid ? "Number of rigid supports" : "Number of spring supports", 3, &t);
	if (rc != SP_OK)
		return rc;
	sp_wall_support_t *su = rigid ? w->rigid_supports : w->spring_supports;
	for (int k = 0; k < t.n; k++) {
		sp_strlcpy(su[k].name, t.name[k], SP_NAME_MAX);
		su[k].level_m = t.v[k][0];
		if (rigid) {
			for (int j = 1; j <= 2; j++)
				if (t.v[k][j] != 0 && t.v[k][j] != 1)
					return S_fail(c, t.line[k], "'%s': rigid support flags must be 0 or 1",
						      t.name[k]);
			su[k].rot_fixed = (int)t.v[k][1];
			su[k].trans_fixed = (int)t.v[k][2];
		} else {
			if (t.v[k][1] < 0 || t.v[k][2] < 0)
				return S_fail(c, t.line[k], "'%s': negative stiffness", t.name[k]);
			su[k].rot_stiffness_kNm_per_rad_per_m = t.v[k][1];
			su[k].trans_stiffness_kN_per_m_per_m = t.v[k][2];
		}
	}
	if (rigid)
		w->n_rigid_supports = t.n;
	else
		w->n_spring_supports = t.n;
	return SP_OK;
}

static int S_point_loads(S_ctx *c, int moments)
{
	sp_wall_t *w = c->w;
	S_table_t t;
	/* Level Value Permanent Favourable */
	int rc = S_table(c, moments ? "Number of moments" : "Number of horizontal line loads", 4, &t);
	if (rc != SP_OK)
		return rc;
	sp_wall_point_load_t *l = moments ? w->moments : w->line_loads;
	for (int k = 0; k < t.n; k++) {
		sp_strlcpy(l[k].name, t.name[k], SP_NAME_MAX);
		l[k].level_m = t.v[k][0];
		l[k].value = t.v[k][1];
	}
	if (moments)
		w->n_moments = t.n;
	else
		w->n_line_loads = t.n;
	return SP_OK;
}

static int S_normal_forces(S_ctx *c)
{
	sp_wall_t *w = c->w;
	S_table_t t;
	/* FPileTop FSurfLeft FSurfRight FPileToe Permanent Favourable */
	int rc = S_table(c, "Number of normal forces", 6, &t);
	if (rc != SP_OK)
		return rc;
	for (int k = 0; k < t.n; k++) {
		sp_wall_normal_force_t *f = &w->normal_forces[k];
		sp_strlcpy(f->name, t.name[k], SP_NAME_MAX);
		f->at_top_kN = t.v[k][0];
		f->at_surface_left_kN = t.v[k][1];
		f->at_surface_right_kN = t.v[k][2];
		f->at_toe_kN = t.v[k][3];
	}
	w->n_normal_forces = t.n;
	return SP_OK;
}

/* "[LOAD]" then the name line; checks that the name is new. */
static int S_load_head(S_ctx *c, const void *base, size_t stride, int k, char *name)
{
	int rc = S_expect(c, "[LOAD]");
	if (rc != SP_OK)
		return rc;
	const char *s = S_get(c);
	if (s == NULL)
		return S_eof(c);
	if ((rc = S_name(c, S_lno(c), s, name, "load")) != SP_OK)
		return rc;
	if (S_index(base, stride, k, name) >= 0)
		return S_fail(c, S_lno(c), "duplicate load name '%s'", name);
	return SP_OK;
}

static int S_uniform_loads(S_ctx *c)
{
	sp_wall_t *w = c->w;
	int n, rc;
	if ((rc = S_count(c, "= number of items", 0, SP_WALL_MAX_ITEMS, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_wall_uniform_load_t *u = &w->uniform_loads[k];
		if ((rc = S_load_head(c, w->uniform_loads, sizeof *u, k, u->name)) != SP_OK)
			return rc;
		S_key keys[] = {{"UniformLoadLeft", &u->left_kPa, 1, 0}, {"UniformLoadRight", &u->right_kPa, 1, 0}};
		if ((rc = S_block(c, "[END OF LOAD]", keys, 2, 0)) != SP_OK)
			return rc;
		w->n_uniform_loads = k + 1;
	}
	return S_expect_end(c);
}

static int S_surcharges(S_ctx *c)
{
	sp_wall_t *w = c->w;
	int n, rc;
	if ((rc = S_count(c, "= number of items", 0, SP_WALL_MAX_ITEMS, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_wall_surcharge_t *q = &w->surcharges[k];
		if ((rc = S_load_head(c, w->surcharges, sizeof *q, k, q->name)) != SP_OK)
			return rc;
		double np;
		if ((rc = S_bare(c, "number of points", &np)) != SP_OK)
			return rc;
		if (np != floor(np) || np < 1 || np > SP_WALL_MAX_SURCHARGE_POINTS)
			return S_fail(c, S_lno(c), "'%s': number of points %g is out of range 1..%d", q->name, np,
				      SP_WALL_MAX_SURCHARGE_POINTS);
		q->n_points = (int)np;
		for (int j = 0; j < q->n_points; j++) {
			if ((rc = S_expect(c, "[POINT]")) != SP_OK)
				return rc;
			S_key keys[] = {{"SurchargeLoadDistance", &q->distance_m[j], 1, 0},
					{"SurchargeLoadValue", &q->value_kPa[j], 1, 0}};
			if ((rc = S_block(c, "[END OF POINT]", keys, 2, 0)) != SP_OK)
				return rc;
			if (q->distance_m[j] < 0 || (j > 0 && q->distance_m[j] < q->distance_m[j - 1]))
				return S_fail(c, S_lno(c), "'%s': distances must be >= 0 and increasing", q->name);
		}
		if ((rc = S_block(c, "[END OF LOAD]", NULL, 0, 0)) != SP_OK)
			return rc;
		w->n_surcharges = k + 1;
	}
	return S_expect_end(c);
}

static int S_water(S_ctx *c)
{
	int rc = S_value(c, "Unit weight of water", &c->w->gamma_water_kN_m3);
	if (rc != SP_OK)
		return rc;
	if (!(c->w->gamma_water_kN_m3 > 0))
		return S_fail(c, S_lno(c), "unit weight of water must be positive");
	return S_expect_end(c);
}

static int S_profile_read(S_ctx *c, S_profile *pr)
{
	sp_wall_t *w = c->w;
	double xy;
	int rc;
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	if ((rc = S_name(c, S_lno(c), s, pr->name, "soil profile")) != SP_OK)
		return rc;
	if ((rc = S_value(c, "X coordinate", &xy)) != SP_OK || (rc = S_value(c, "Y coordinate", &xy)) != SP_OK ||
	    (rc = S_count(c, "Number of soil layers per soil profile", 1, SP_WALL_MAX_LAYERS, &pr->n_layers)) !=
		    SP_OK)
		return rc;
	if ((s = S_get_nonblank(c)) == NULL)
		return S_eof(c);
	if (strncmp(S_skip_space(s), "Nr", 2) != 0)
		return S_fail(c, S_lno(c), "expected the column header ' Nr ...', found '%.60s'", s);
	for (int k = 0; k < pr->n_layers; k++) {
		sp_wall_layer_t *l = &pr->layers[k];
		char name[SP_NAME_MAX];
		if ((s = S_get_nonblank(c)) == NULL)
			return S_eof(c);
		const char *p = S_skip_space(s);
		int nr;
		if (!S_int(&p, &nr) || !S_dbl((p = S_skip_space(p), &p), &l->top_level_m) ||
		    !S_dbl((p = S_skip_space(p), &p), &l->excess_pore_top_kPa) ||
		    !S_dbl((p = S_skip_space(p), &p), &l->excess_pore_bottom_kPa))
			return S_fail(c, S_lno(c), "expected 'Nr Level WospTop WospBott Material', found '%.60s'", s);
		if ((rc = S_name(c, S_lno(c), p, name, "material")) != SP_OK)
			return rc;
		l->soil = S_index(w->soils, sizeof w->soils[0], w->n_soils, name);
		if (l->soil < 0)
			return S_fail(c, S_lno(c), "unknown soil '%s' (not in [SOIL COLLECTION] before)", name);
		if (k > 0 && !(l->top_level_m < pr->layers[k - 1].top_level_m))
			return S_fail(c, S_lno(c), "layer levels must decrease downwards");
	}
	return SP_OK;
}

static int S_profiles(S_ctx *c)
{
	sp_wall_t *w = c->w;
	double curves, unload, cur;
	int n, rc;
	if ((rc = S_value(c, "Number of spring characteristics curves", &curves)) != SP_OK ||
	    (rc = S_value(c, "Unloading curve", &unload)) != SP_OK)
		return rc;
	if ((curves != 1 && curves != 2 && curves != 3 && curves != 4))
		return S_fail(c, S_lno(c) - 1, "number of spring characteristics curves %g is out of range 1..4",
			      curves);
	if (unload != 0 && unload != 1)
		return S_fail(c, S_lno(c), "unloading curve flag must be 0 or 1");
	if ((rc = S_value(c, "Use Cur values", &cur)) != SP_OK)
		return rc;
	if (cur != 0 && cur != 1)
		return S_fail(c, S_lno(c), "Use Cur values flag must be 0 or 1");
	w->n_branches = (int)curves;
	w->unloading_curve = (int)unload;
	c->use_cur = (int)cur;
	if ((rc = S_count(c, "Number of soil profiles", 1, S_MAX_PROFILES, &n)) != SP_OK)
		return rc;
	S_profile *pr = malloc(sizeof *pr);
	if (pr == NULL)
		return sp_err_set(c->err, SP_ESOFTWARE, "%s: out of memory", c->path);
	for (int k = 0; k < n && rc == SP_OK; k++) {
		int line;
		if ((rc = S_profile_read(c, pr)) != SP_OK)
			break;
		line = S_lno(c);
		if (S_index(c->profile_names, sizeof c->profile_names[0], k, pr->name) >= 0) {
			rc = S_fail(c, line, "duplicate soil profile name '%s'", pr->name);
			break;
		}
		sp_strlcpy(c->profile_names[k], pr->name, SP_NAME_MAX);
		c->n_profiles = k + 1;
		if (k == 0) {
			memcpy(w->layers, pr->layers, (size_t)pr->n_layers * sizeof pr->layers[0]);
			w->n_layers = pr->n_layers;
			continue;
		}
		/* one soil profile for the whole wall: further profiles must repeat it */
		int same = pr->n_layers == w->n_layers;
		for (int j = 0; same && j < pr->n_layers; j++)
			same = pr->layers[j].top_level_m == w->layers[j].top_level_m &&
			       pr->layers[j].soil == w->layers[j].soil &&
			       pr->layers[j].excess_pore_top_kPa == w->layers[j].excess_pore_top_kPa &&
			       pr->layers[j].excess_pore_bottom_kPa == w->layers[j].excess_pore_bottom_kPa;
		if (!same)
			rc = S_fail(c, line, "more than one soil profile ('%s' differs from '%s') is not supported",
				    pr->name, c->profile_names[0]);
	}
	free(pr);
	if (rc != SP_OK)
		return rc;
	return S_expect_end(c);
}

static int S_surfaces(S_ctx *c)
{
	int n, rc;
	if ((rc = S_count(c, "Number of surfaces", 1, S_MAX_NAMED, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		S_named *su = &c->surfaces[k];
		const char *s = S_get_nonblank(c);
		if (s == NULL)
			return S_eof(c);
		su->line = S_lno(c);
		const char *p = S_skip_space(s);
		int nr, np;
		double v;
		if (!S_int(&p, &nr) || !S_int((p = S_skip_space(p), &p), &np))
			return S_fail(c, su->line, "expected 'Nr points name', found '%.60s'", s);
		if ((rc = S_name(c, su->line, p, su->name, "surface")) != SP_OK)
			return rc;
		if (S_index(c->surfaces, sizeof *su, k, su->name) >= 0)
			return S_fail(c, su->line, "duplicate surface name '%s'", su->name);
		if (np < 1 || np > S_MAX_SURFACE_POINTS)
			return S_fail(c, su->line, "surface '%s': %d points is out of range 1..%d", su->name, np,
				      S_MAX_SURFACE_POINTS);
		if ((rc = S_value(c, "Standard deviation", &v)) != SP_OK ||
		    (rc = S_value(c, "Distribution type", &v)) != SP_OK)
			return rc;
		if ((s = S_get_nonblank(c)) == NULL)
			return S_eof(c);
		if (strncmp(S_skip_space(s), "Nr", 2) != 0)
			return S_fail(c, S_lno(c), "expected the column header ' Nr X-coord Value', found '%.60s'", s);
		for (int j = 0; j < np; j++) {
			double x, z;
			if ((s = S_get_nonblank(c)) == NULL)
				return S_eof(c);
			p = S_skip_space(s);
			if (!S_int(&p, &nr) || !S_dbl((p = S_skip_space(p), &p), &x) ||
			    !S_dbl((p = S_skip_space(p), &p), &z) || *S_skip_space(p) != '\0')
				return S_fail(c, S_lno(c), "expected 'Nr X-coord Value', found '%.60s'", s);
			if (j == 0) {
				su->level_m = z;
				su->n_points = 0;
				if (x > 1e-9)
					return S_fail(c, S_lno(c), "surface '%s' starts at X %.3f m, not at the wall (0)",
						      su->name, x);
				continue;
			}
			if (fabs(z - su->level_m) > 1e-9)
				su->sloping = 1;
			if (x <= (su->n_points > 0 ? su->x_m[su->n_points - 1] : 0.0))
				return S_fail(c, S_lno(c), "surface '%s': X coordinates must increase", su->name);
			if (su->n_points >= SP_WALL_MAX_SURFACE_POINTS)
				return S_fail(c, S_lno(c), "surface '%s': more than %d points beyond the wall", su->name,
					      SP_WALL_MAX_SURFACE_POINTS);
			su->x_m[su->n_points] = x;
			su->z_m[su->n_points] = z;
			su->n_points++;
		}
		c->n_surfaces = k + 1;
	}
	return S_expect_end(c);
}

static int S_water_levels(S_ctx *c)
{
	int n, per, rc;
	if ((rc = S_count(c, "Number of Waterlevels", 1, S_MAX_NAMED, &n)) != SP_OK ||
	    (rc = S_count(c, "Number of Data per Waterlevel", 3, 3, &per)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		S_named *wl = &c->water[k];
		double v;
		const char *s = S_get_nonblank(c);
		if (s == NULL)
			return S_eof(c);
		wl->line = S_lno(c);
		if ((rc = S_name(c, wl->line, s, wl->name, "water level")) != SP_OK)
			return rc;
		if (S_index(c->water, sizeof *wl, k, wl->name) >= 0)
			return S_fail(c, wl->line, "duplicate water level name '%s'", wl->name);
		if ((rc = S_bare(c, "water level", &wl->level_m)) != SP_OK ||
		    (rc = S_bare(c, "standard deviation", &v)) != SP_OK ||
		    (rc = S_bare(c, "distribution type", &v)) != SP_OK)
			return rc;
		c->n_water = k + 1;
	}
	return S_expect_end(c);
}

/* A stage line naming a surface, water level or profile. */
static int S_stage_ref(S_ctx *c, const char *stage, const char *what, const void *base, size_t stride, int n,
		       int *idx)
{
	char name[SP_NAME_MAX];
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	int rc = S_name(c, S_lno(c), s, name, what);
	if (rc != SP_OK)
		return rc;
	*idx = S_index(base, stride, n, name);
	if (*idx < 0)
		return S_fail(c, S_lno(c), "stage '%s': unknown %s '%s'", stage, what, name);
	return SP_OK;
}

/* "count label" followed by count lines "ordinal [value] name" naming items
 * of one kind; sets on[index] (and value[index]). */
static int S_stage_items(S_ctx *c, const char *stage, const char *label, const void *base, size_t stride,
			 int n_items, int *on, double *value)
{
	int k, rc;
	if ((rc = S_count(c, label, 0, n_items, &k)) != SP_OK)
		return rc;
	for (int j = 0; j < k; j++) {
		const char *s = S_get_nonblank(c);
		if (s == NULL)
			return S_eof(c);
		const char *p = S_skip_space(s);
		int ord;
		double v = 0;
		char name[SP_NAME_MAX];
		if (!S_int(&p, &ord) || (value != NULL && !S_dbl((p = S_skip_space(p), &p), &v)))
			return S_fail(c, S_lno(c), "stage '%s': expected 'Nr %sname' for %s, found '%.60s'", stage,
				      value != NULL ? "value " : "", label, s);
		if ((rc = S_name(c, S_lno(c), p, name, "item")) != SP_OK)
			return rc;
		int idx = S_index(base, stride, n_items, name);
		if (idx < 0)
			return S_fail(c, S_lno(c), "stage '%s': unknown item '%s' (%s)", stage, name, label);
		if (on[idx])
			return S_fail(c, S_lno(c), "stage '%s': '%s' listed twice", stage, name);
		on[idx] = 1;
		if (value != NULL)
			value[idx] = v;
	}
	return SP_OK;
}

static int S_stage(S_ctx *c, sp_wall_stage_t *st)
{
	sp_wall_t *w = c->w;
	int rc, idx, m[2];
	const char *s = S_get_nonblank(c);
	if (s == NULL)
		return S_eof(c);
	if ((rc = S_name(c, S_lno(c), s, st->name, "stage")) != SP_OK)
		return rc;
	if ((s = S_get_nonblank(c)) == NULL)
		return S_eof(c);
	const char *p = S_skip_space(s);
	if (!S_int(&p, &m[0]) || !S_int((p = S_skip_space(p), &p), &m[1]) || strstr(p, "Method") == NULL)
		return S_fail(c, S_lno(c), "stage '%s': expected 'left right Method ...', found '%.60s'", st->name, s);
	for (int side = 0; side < 2; side++) {
		if (m[side] != 1 && m[side] != 2)
			return S_fail(c, S_lno(c), "stage '%s': earth pressure method %d is not supported", st->name,
				      m[side]);
		if (c->method != 2 && m[side] != c->method + 1)
			return S_fail(c, S_lno(c), "stage '%s': method %d contradicts [MODEL]", st->name, m[side]);
		st->kmethod[side] = m[side] == 1 ? SP_KMETHOD_GIVEN : SP_KMETHOD_CPHID;
	}
	for (int side = 0; side < 2; side++) {
		if ((rc = S_stage_ref(c, st->name, "surface", c->surfaces, sizeof c->surfaces[0], c->n_surfaces,
				      &idx)) != SP_OK)
			return rc;
		const S_named *su = &c->surfaces[idx];
		st->surface_m[side] = su->level_m;
		st->n_surface_points[side] = 0;
		if (su->sloping) {
			if (st->kmethod[side] != SP_KMETHOD_CPHID)
				return S_fail(c, S_lno(c),
					      "stage '%s': sloping surface '%s' (line %d) needs the c, phi, delta method "
					      "on that side",
					      st->name, su->name, su->line);
			st->n_surface_points[side] = su->n_points;
			for (int j = 0; j < su->n_points; j++) {
				st->surface_distance_m[side][j] = su->x_m[j];
				st->surface_level_m[side][j] = su->z_m[j];
			}
		}
	}
	for (int side = 0; side < 2; side++) {
		if ((rc = S_stage_ref(c, st->name, "water level", c->water, sizeof c->water[0], c->n_water, &idx)) !=
		    SP_OK)
			return rc;
		st->water_m[side] = c->water[idx].level_m;
	}
	for (int side = 0; side < 2; side++)
		if ((rc = S_stage_ref(c, st->name, "soil profile", c->profile_names, sizeof c->profile_names[0],
				      c->n_profiles, &idx)) != SP_OK)
			return rc;
	double disp, use;
	if ((rc = S_value(c, "Displacement top sheet piling", &disp)) != SP_OK ||
	    (rc = S_value(c, "Use top displacement", &use)) != SP_OK)
		return rc;
	if (use != 0 && use != 1)
		return S_fail(c, S_lno(c), "stage '%s': Use top displacement must be 0 or 1", st->name);
	st->top_displacement_mm = 1000.0 * disp; /* the file gives m (bm1-2) */
	st->use_top_displacement = (int)use;

	if ((rc = S_stage_items(c, st->name, "Anchors present in stage", w->anchors, sizeof w->anchors[0],
				w->n_anchors, st->anchor_on, st->anchor_prestress_kN_per_m)) != SP_OK ||
	    (rc = S_stage_items(c, st->name, "Struts present in stage", w->struts, sizeof w->struts[0], w->n_struts,
				st->strut_on, st->strut_precompression_kN_per_m)) != SP_OK ||
	    (rc = S_stage_items(c, st->name, "Spring supports present in stage", w->spring_supports,
				sizeof w->spring_supports[0], w->n_spring_supports, st->spring_support_on, NULL)) !=
		    SP_OK ||
	    (rc = S_stage_items(c, st->name, "Rigid supports present in stage", w->rigid_supports,
				sizeof w->rigid_supports[0], w->n_rigid_supports, st->rigid_support_on, NULL)) !=
		    SP_OK ||
	    (rc = S_stage_items(c, st->name, "Uniform loads in stage", w->uniform_loads, sizeof w->uniform_loads[0],
				w->n_uniform_loads, st->uniform_load_on, NULL)) != SP_OK)
		return rc;

	/* "left right Surcharge loads in stage", then the left names, then the right */
	int nq[2];
	if ((s = S_get_nonblank(c)) == NULL)
		return S_eof(c);
	p = S_skip_space(s);
	if (!S_int(&p, &nq[0]) || !S_int((p = S_skip_space(p), &p), &nq[1]) ||
	    strstr(p, "Surcharge loads in stage") == NULL)
		return S_fail(c, S_lno(c), "stage '%s': expected 'left right Surcharge loads in stage', found '%.60s'",
			      st->name, s);
	for (int side = 0; side < 2; side++) {
		if (nq[side] < 0 || nq[side] > w->n_surcharges)
			return S_fail(c, S_lno(c), "stage '%s': %d surcharge loads, but %d are defined", st->name,
				      nq[side], w->n_surcharges);
	}
	for (int side = 0; side < 2; side++) {
		for (int j = 0; j < nq[side]; j++) {
			char name[SP_NAME_MAX];
			int ord;
			if ((s = S_get_nonblank(c)) == NULL)
				return S_eof(c);
			p = S_skip_space(s);
			if (!S_int(&p, &ord))
				return S_fail(c, S_lno(c), "stage '%s': expected 'Nr name', found '%.60s'", st->name, s);
			if ((rc = S_name(c, S_lno(c), p, name, "surcharge")) != SP_OK)
				return rc;
			idx = S_index(w->surcharges, sizeof w->surcharges[0], w->n_surcharges, name);
			if (idx < 0)
				return S_fail(c, S_lno(c), "stage '%s': unknown surcharge load '%s'", st->name, name);
			if (st->surcharge_on[side][idx])
				return S_fail(c, S_lno(c), "stage '%s': '%s' listed twice", st->name, name);
			st->surcharge_on[side][idx] = 1;
		}
	}

	if ((rc = S_stage_items(c, st->name, "Horizontal line loads in stage", w->line_loads,
				sizeof w->line_loads[0], w->n_line_loads, st->line_load_on, NULL)) != SP_OK ||
	    (rc = S_stage_items(c, st->name, "Moments in stage", w->moments, sizeof w->moments[0], w->n_moments,
				st->moment_on, NULL)) != SP_OK ||
	    (rc = S_stage_items(c, st->name, "Normal forces in stage", w->normal_forces, sizeof w->normal_forces[0],
				w->n_normal_forces, st->normal_force_on, NULL)) != SP_OK)
		return rc;
	double passive;
	if ((rc = S_value(c, "Passive side overrule", &passive)) != SP_OK)
		return rc;
	if (passive != 0)
		return S_fail(c, S_lno(c), "stage '%s': passive side overrule (%g) is not supported", st->name, passive);
	return SP_OK;
}

static int S_stages(S_ctx *c)
{
	sp_wall_t *w = c->w;
	int n, rc;
	if (!c->seen_model || !c->seen_surfaces || !c->seen_water_levels || !c->seen_profiles)
		return S_fail(c, S_lno(c), "[MODEL], [SOIL PROFILES], [SURFACES] and [WATERLEVELS] must come first");
	if ((rc = S_count(c, "Number of Construction stages", 1, SP_WALL_MAX_STAGES, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		if ((rc = S_stage(c, &w->stages[k])) != SP_OK)
			return rc;
		w->n_stages = k + 1;
	}
	return S_expect_end(c);
}

static int S_stage_options(S_ctx *c)
{
	int n, rc;
	c->stage_options_line = S_lno(c);
	if ((rc = S_count(c, "= number of items", 0, SP_WALL_MAX_STAGES, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		double v[5] = {0};
		if ((rc = S_expect(c, "[STAGE]")) != SP_OK)
			return rc;
		int line = S_lno(c);
		S_key keys[] = {
			{"StageVerify", &v[0], 0, 0},
			{"StageVerifyEC7NADNL", &v[1], 0, 0},
			{"StageVerifyEC7NADBE", &v[2], 0, 0},
			{"StageVerifyEC7NADB", &v[3], 0, 0},
			{"StageVerifyEC7NADSE", &v[4], 0, 0},
		};
		if ((rc = S_block(c, "[END OF STAGE]", keys, 5, 0)) != SP_OK)
			return rc;
		for (int j = 0; j < 5; j++)
			if (v[j] != 0)
				return S_fail(c, line, "stage %d: %s=%g (design verification with partial factors) is "
						       "not supported",
					      k + 1, keys[j].key, v[j]);
	}
	c->n_stage_options = n;
	return S_expect_end(c);
}

static int S_calc_options(S_ctx *c)
{
	double first = 0, reduce = 1, type = 0, vibration = 0;
	S_key keys[] = {
		{"CalcFirstStageInitial", &first, 0, 0},
		{"CalcReduceDeltas", &reduce, 0, 0},
		{"InputCalculationType", &type, 0, 0},
		{"IsVibrationCalculation", &vibration, 0, 0},
	};
	int line = S_lno(c);
	int rc = S_block(c, "[END OF CALCULATION OPTIONS]", keys, 4, 1);
	if (rc != SP_OK)
		return rc;
	if (first != 0)
		return S_fail(c, line, "CalcFirstStageInitial=%g (first stage as initial state) is not supported",
			      first);
	if (type != 0)
		return S_fail(c, line, "InputCalculationType=%g is not supported (only 0, standard calculation)",
			      type);
	if (vibration != 0)
		return S_fail(c, line, "settlement by vibration calculation is not supported");
	c->w->reduce_delta = S_flag(reduce);
	return SP_OK;
}

static int S_earthquake(S_ctx *c)
{
	const char *s;
	while ((s = S_get(c)) != NULL && strcmp(s, "[END OF EARTH QUAKE]") != 0)
		if (!S_blank(s))
			return S_fail(c, S_lno(c), "earthquake loading is not supported");
	return s == NULL ? S_eof(c) : SP_OK;
}

/* ---- the whole file ------------------------------------------------------ */

static int S_soils_sec(S_ctx *c)
{
	c->seen_soils = 1;
	return S_soils(c);
}
static int S_piling_sec(S_ctx *c)
{
	c->seen_piling = 1;
	return S_piling(c);
}
static int S_profiles_sec(S_ctx *c)
{
	if (!c->seen_soils)
		return S_fail(c, S_lno(c), "[SOIL COLLECTION] must come first");
	c->seen_profiles = 1;
	return S_profiles(c);
}
static int S_surfaces_sec(S_ctx *c)
{
	c->seen_surfaces = 1;
	return S_surfaces(c);
}
static int S_water_levels_sec(S_ctx *c)
{
	c->seen_water_levels = 1;
	return S_water_levels(c);
}
static int S_stages_sec(S_ctx *c)
{
	c->seen_stages = 1;
	return S_stages(c);
}
static int S_anchors_sec(S_ctx *c)
{
	return S_anchors(c, 0);
}
static int S_struts_sec(S_ctx *c)
{
	return S_anchors(c, 1);
}
static int S_spring_sec(S_ctx *c)
{
	return S_supports(c, 0);
}
static int S_rigid_sec(S_ctx *c)
{
	return S_supports(c, 1);
}
static int S_line_loads_sec(S_ctx *c)
{
	return S_point_loads(c, 0);
}
static int S_moments_sec(S_ctx *c)
{
	return S_point_loads(c, 1);
}

typedef struct {
	const char *name;
	int (*read)(S_ctx *c); /* NULL: skipped (see the top of this file) */
} S_section_t;

static const S_section_t S_sections[] = {
	{"VERSION", NULL},
	{"VERSION EXTERNALS", NULL},
	{"SOIL COLLECTION", S_soils_sec},
	{"RUN IDENTIFICATION", S_run_id},
	{"MODEL", S_model},
	{"CPT LIST", S_cpt},
	{"SHEET PILING", S_piling_sec},
	{"COMBINED WALL", NULL},
	{"VERTICAL BALANCE", NULL},
	{"SETTLEMENT BY VIBRATION PARAMS", NULL},
	{"ANCHORS", S_anchors_sec},
	{"STRUTS", S_struts_sec},
	{"SPRING SUPPORTS", S_spring_sec},
	{"RIGID SUPPORTS", S_rigid_sec},
	{"UNIFORM LOADS", S_uniform_loads},
	{"SURCHARGE LOADS", S_surcharges},
	{"HORIZONTAL LINE LOADS", S_line_loads_sec},
	{"MOMENTS", S_moments_sec},
	{"NORMAL FORCES", S_normal_forces},
	{"WATER", S_water},
	{"EARTH QUAKE", S_earthquake},
	{"SOIL PROFILES", S_profiles_sec},
	{"SURFACES", S_surfaces_sec},
	{"WATERLEVELS", S_water_levels_sec},
	{"CONSTRUCTION STAGES", S_stages_sec},
	{"CALCULATION OPTIONS PER STAGE", S_stage_options},
	{"CALCULATION OPTIONS", S_calc_options},
	{"PROBABILISTIC CALCULATION OPTIONS", NULL},
	{"PROBABILISTIC CONTROL PARAMETERS", NULL},
};
#define S_N_SECTIONS ((int)(sizeof S_sections / sizeof S_sections[0]))

/* Single pile, modulus of subgrade reaction after Ménard from the pressuremeter
 * modulus E_M and the rheological factor alpha of the soil type, with R half
 * the acting width of the pile where the soil lies and R0 = 0.3 m:
 *   R >= R0: kh = 3 E_M / (1.3 R0 (2.65 R / R0)^alpha + alpha R)
 *   R <  R0: kh = 3 E_M / ((4/3 2.65^alpha + alpha) R)
 * (D-Sheet Piling bm1-10 .shd: 6.749 for peat, E_M = 5, R = 0.5; 16.54 for
 * peat, R = 0.2). One branch; the same modulus on every branch. */
static int S_menard(S_ctx *c, int k, const S_soil_extra *x)
{
	static const double alpha_of_type[5] = {1.0 / 4.0, 1.0 / 3.0, 1.0 / 2.0, 2.0 / 3.0, 1.0}; /* gravel .. peat */
	sp_wall_t *w = c->w;
	sp_wall_soil_t *so = &w->soils[k];
	int type = (int)x->soil_type;
	if (type != x->soil_type || type < 0 || type > 4)
		return S_fail(c, x->line, "soil '%s': Menard needs SoilSoilType 0..4 (gravel, sand, loam, clay, peat)",
			      so->name);
	if (!(x->e_menard > 0))
		return S_fail(c, x->line, "soil '%s': Menard needs a positive SoilEModMenard", so->name);
	double width = -1.0;
	for (int i = 0; i < w->n_layers; i++) {
		if (w->layers[i].soil != k)
			continue;
		double top = w->layers[i].top_level_m;
		double bottom = i + 1 < w->n_layers ? w->layers[i + 1].top_level_m : w->top_level_m - w->length_m;
		double el_top = w->top_level_m;
		for (int e = 0; e < w->n_elements; e++) { /* every element the layer touches */
			double el_bottom = w->elements[e].bottom_level_m;
			if (el_bottom < top && el_top > bottom) {
				double b = w->elements[e].acting_width_m;
				if (width >= 0 && fabs(b - width) > 1e-12)
					return S_fail(c, x->line,
						      "soil '%s': Menard modulus for piles of different acting widths "
						      "(%g and %g m) is not supported",
						      so->name, width, b);
				width = b;
			}
			el_top = el_bottom;
		}
	}
	if (width < 0) /* the soil lies in no layer along the pile: any modulus will do */
		width = w->n_elements > 0 ? w->elements[0].acting_width_m : 1.0;
	double alpha = alpha_of_type[type], r = width / 2.0, r0 = 0.3;
	double denom = r >= r0 ? 1.3 * r0 * pow(2.65 * r / r0, alpha) + alpha * r
	                       : (4.0 / 3.0 * pow(2.65, alpha) + alpha) * r;
	double kh = 3.0 * x->e_menard / denom;
	for (int j = 0; j < SP_WALL_BRANCHES; j++)
		so->kh_top_kN_m3[j] = so->kh_bottom_kN_m3[j] = kh;
	return SP_OK;
}

/* SoilUseBrinchHansen in the single pile model: per layer, Brinch Hansen's
 * K_q and K_c (earth.h) at the middle of the layer's part between the
 * surface and the toe, over the pile's width there, become the given K_p =
 * K_q and the cohesion c K_c / (2 sqrt K_q), so that K_p sigma'_v +
 * 2 c' sqrt(K_p) = K_q sigma'_v + K_c c. D-Sheet prints the same per layer
 * (bm1-12: K_p 3.09, 10.65, 6.62; cohesion 35.38, 0, 104.58). A soil in
 * several such layers is copied per layer. It needs one level surface on
 * both sides in every stage and the Ka, Ko, Kp method. */
static int S_brinch_hansen(S_ctx *c)
{
	sp_wall_t *w = c->w;
	int first = -1;
	for (int k = 0; k < w->n_soils && first < 0; k++)
		if (S_flag(c->soil_x[k].brinch_hansen))
			first = k;
	if (first < 0 || !c->single_pile)
		return SP_OK;
	double zs = w->stages[0].surface_m[0], toe = w->top_level_m - w->length_m;
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			if (w->stages[s].surface_m[side] != zs || w->stages[s].n_surface_points[side] > 0
			    || w->stages[s].kmethod[side] != SP_KMETHOD_GIVEN)
				return S_fail(c, c->soil_x[first].line,
					      "soil '%s': Brinch-Hansen coefficients (single pile model) need one level "
					      "surface at the same level on both sides in every stage and the Ka, Ko, Kp "
					      "method",
					      w->soils[first].name);
	sp_wall_soil_t orig[SP_WALL_MAX_SOILS];
	memcpy(orig, w->soils, sizeof orig);
	int n_orig = w->n_soils, used[SP_WALL_MAX_SOILS] = {0};
	for (int li = 0; li < w->n_layers; li++) {
		int k = w->layers[li].soil;
		if (k >= n_orig || !S_flag(c->soil_x[k].brinch_hansen))
			continue;
		double top = fmin(w->layers[li].top_level_m, zs);
		double bot = fmax(li + 1 < w->n_layers ? w->layers[li + 1].top_level_m : toe, toe);
		if (!(top > bot))
			continue;
		if (used[k]++) { /* a copy of the soil for this layer */
			if (w->n_soils >= SP_WALL_MAX_SOILS)
				return S_fail(c, c->soil_x[k].line, "soil '%s': more than %d soils with its copies per layer",
					      orig[k].name, SP_WALL_MAX_SOILS);
			w->soils[w->n_soils] = orig[k];
			snprintf(w->soils[w->n_soils].name, sizeof w->soils[0].name, "%.*s %u", SP_NAME_MAX - 5,
				 orig[k].name, (unsigned)used[k] % 1000u);
			w->layers[li].soil = w->n_soils++;
		}
		sp_wall_soil_t *so = &w->soils[w->layers[li].soil];
		double mid = (top + bot) / 2.0, width = 1.0;
		for (int e = 0; e < w->n_elements; e++) {
			width = w->elements[e].acting_width_m;
			if (mid > w->elements[e].bottom_level_m)
				break;
		}
		double kq, kc;
		sp_brinch_hansen(orig[k].phi_deg, (zs - mid) / width, &kq, &kc);
		so->kp = kq;
		so->c_kPa = orig[k].c_kPa * kc / (2.0 * sqrt(kq));
	}
	return SP_OK;
}

/* Moduli of subgrade reaction, and checks that need the whole file. */
static int S_finish(S_ctx *c)
{
	sp_wall_t *w = c->w;
	c->sec = NULL;
	const char *missing = !c->seen_model      ? "[MODEL]"
			      : !c->seen_soils    ? "[SOIL COLLECTION]"
			      : !c->seen_piling   ? "[SHEET PILING]"
			      : !c->seen_profiles ? "[SOIL PROFILES]"
			      : !c->seen_stages   ? "[CONSTRUCTION STAGES]"
						  : NULL;
	if (missing != NULL)
		return S_fail(c, S_lno(c), "missing section %s", missing);
	if (c->stage_options_line > 0 && c->n_stage_options != w->n_stages)
		return S_fail(c, c->stage_options_line, "[CALCULATION OPTIONS PER STAGE] has %d items for %d stages",
			      c->n_stage_options, w->n_stages);
	if (c->use_cur)
		w->n_branches = 3;
	for (int k = 0; k < w->n_soils; k++) {
		sp_wall_soil_t *so = &w->soils[k];
		S_soil_extra *x = &c->soil_x[k];
		c->sec = "SOIL COLLECTION";
		int menard = c->single_pile && S_flag(x->menard);
		so->kh_unload_top_kN_m3 = x->kb[0];
		so->kh_unload_bottom_kN_m3 = x->ko[0];
		if (c->use_cur) {
			/* secant moduli at 50, 80, 100 % -> tangent moduli of 3 branches */
			static const double f[3] = {0.5, 0.8, 1.0};
			for (int side = 0; side < 2; side++) {
				const double *ks = side == 0 ? x->cur_kb : x->cur_ko;
				double *kt = side == 0 ? so->kh_top_kN_m3 : so->kh_bottom_kN_m3;
				double u_prev = 0, f_prev = 0;
				for (int j = 0; j < 3; j++) {
					double u = ks[j] > 0 ? f[j] / ks[j] : 0;
					if (!(ks[j] > 0) || !(u > u_prev))
						return S_fail(c, x->line,
							      "soil '%s': Cur secant moduli must be positive and "
							      "give positive tangent moduli",
							      so->name);
					kt[j] = (f[j] - f_prev) / (u - u_prev);
					u_prev = u, f_prev = f[j];
				}
				kt[3] = 0;
			}
			so->branch_end_pct[0] = 50, so->branch_end_pct[1] = 80, so->branch_end_pct[2] = 100;
		} else {
			for (int j = 0; j < SP_WALL_BRANCHES; j++) {
				so->kh_top_kN_m3[j] = x->kb[j + 1];
				so->kh_bottom_kN_m3[j] = x->ko[j + 1];
			}
			for (int j = 0; j < SP_WALL_BRANCHES - 1; j++)
				so->branch_end_pct[j] = x->lam[j];
		}
		if (!(x->shell_factor > 0))
			return S_fail(c, x->line, "soil '%s': SoilShellFactor must be positive", so->name);
		int rc = menard ? S_menard(c, k, x) : SP_OK;
		if (rc != SP_OK)
			return rc;
		for (int j = 0; j < SP_WALL_BRANCHES; j++)
			so->kh_top_kN_m3[j] *= x->shell_factor, so->kh_bottom_kN_m3[j] *= x->shell_factor;
		so->kh_unload_top_kN_m3 *= x->shell_factor, so->kh_unload_bottom_kN_m3 *= x->shell_factor;
		for (int j = 0; j < w->n_branches; j++)
			if (!(so->kh_top_kN_m3[j] > 0) || !(so->kh_bottom_kN_m3[j] > 0))
				return S_fail(c, x->line, "soil '%s': modulus of subgrade reaction of branch %d must be "
							  "positive",
					      so->name, j + 1);
		for (int j = 0; j + 1 < w->n_branches; j++)
			if (!(so->branch_end_pct[j] > (j > 0 ? so->branch_end_pct[j - 1] : 0)) ||
			    !(so->branch_end_pct[j] < 100))
				return S_fail(c, x->line, "soil '%s': branch ends (SoilLam) must increase within 0..100",
					      so->name);
	}
	return S_brinch_hansen(c);
}

static int S_parse(S_ctx *c)
{
	int seen[S_N_SECTIONS] = {0};
	int in_data = 0;
	const char *s;
	while ((s = S_get(c)) != NULL) {
		if (S_blank(s))
			continue;
		if (s[0] != '[') {
			if (in_data)
				return S_fail(c, S_lno(c), "unexpected text outside a section: '%.60s'", s);
			continue; /* the banner before the data */
		}
		if (strcmp(s, "[INPUT DATA]") == 0) {
			in_data = 1;
			continue;
		}
		if (!in_data && strcmp(s, "[DUMPFILE]") == 0)
			continue; /* a .shd: the input block comes first */
		if (strcmp(s, "[END OF INPUT DATA]") == 0)
			return S_finish(c);
		size_t len = strlen(s);
		int k = 0;
		for (; k < S_N_SECTIONS; k++) {
			size_t n = strlen(S_sections[k].name);
			if (len == n + 2 && s[len - 1] == ']' && strncmp(s + 1, S_sections[k].name, n) == 0)
				break;
		}
		if (k == S_N_SECTIONS)
			return S_fail(c, S_lno(c), "unknown section %.60s", s);
		if (seen[k]++)
			return S_fail(c, S_lno(c), "section %s appears twice", s);
		c->sec = S_sections[k].name;
		int rc = S_sections[k].read != NULL ? S_sections[k].read(c)
						    : S_skip(c, S_sections[k].name, S_lno(c));
		if (rc != SP_OK)
			return rc;
		c->sec = NULL;
	}
	return S_fail(c, c->n, "missing [END OF INPUT DATA] (truncated file?)");
}

int sp_shi_read(const char *path, sp_wall_t *w, sp_err_t *err)
{
	S_ctx *c = calloc(1, sizeof *c);
	if (c == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "%s: out of memory", path);
	c->path = path;
	c->err = err;
	c->w = w;
	int rc = S_load(c);
	if (rc == SP_OK)
		rc = S_parse(c);
	free(c->lines);
	free(c->buf);
	free(c);
	return rc;
}
