/* solver_io.c - input writers, output readers and placeholders of the exec engine. */
#include "solver_io.h"
#include "checks.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_LINE_MAX 8192
#define S_CANDIDATE_FORMAT "sheetpile-candidate-1"
#define S_RESULT_FORMAT "sheetpile-result-1"
#define S_POINT_MAX 1e9 /* |level|, |pressure|, |shear|, |moment| of a diagram point */

/* ---- placeholders -------------------------------------------------------- */

/* The value of placeholder k into buf (sp_solver_command_value_fn). */
static const char *S_value(void *user, int k, char *buf, size_t size)
{
	const sp_solver_job_t *job = user;
	const sp_case_t *c = job->c;
	switch (k) {
	case 0: return job->self;
	case 1: return job->study_path;
	case 2: return job->input_path;
	case 3: return job->output_path;
	case 4: return job->workdir;
	case 5: snprintf(buf, size, "%zu", c->id); return buf;
	case 6: return job->st->profiles[c->profile];
	case 7: snprintf(buf, size, "%.10g", c->ei_kNm2_per_m); return buf;
	case 8: snprintf(buf, size, "%.10g", c->length_m); return buf;
	case 9: snprintf(buf, size, "%.10g", job->st->top_of_wall_m - c->length_m); return buf;
	case 10:
		if (!c->anchor.anchored)
			return "none";
		snprintf(buf, size, "%.10g", c->anchor.level_m);
		return buf;
	case 11: return c->anchor.anchored ? "1" : "0";
	case 12: snprintf(buf, size, "%.10g", job->diagram_step_m); return buf;
	}
	return "";
}

/* ---- placeholders in a shell script ------------------------------------------
 * The words are given to the program without a shell, but `sh -c SCRIPT`
 * (bash, dash, ...) makes SCRIPT a shell program, and a placeholder in it
 * shell text: a profile named $(touch x) would run touch. There a value of
 * other characters than S_SH_PLAIN is quoted for the place where it lands,
 * found by following the script's quotes and substitutions ('...', "...",
 * $'...', $(...), (...)); a value inside `...` cannot be quoted reliably
 * and is refused. */

#define S_SH_PLAIN "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@%+,-"
#define S_SH_DEPTH 64
enum { Q_PLAIN, Q_PAREN, Q_CMD, Q_SINGLE, Q_DOUBLE, Q_ANSI, Q_BACK };

typedef struct {
	const sp_solver_job_t *job;
	const char *at;                      /* the script's template, followed up to here */
	unsigned char frame[S_SH_DEPTH + 1]; /* frame[depth]: where the shell is at `at` */
	int depth, esc, dollar;              /* a backslash, an unquoted $ just before `at` */
	const char *bad;                     /* why a value was refused */
	char out[S_LINE_MAX];
} S_script;

/* SCRIPT: the word after a -c option cluster (-c, -ec, -lc, ...) of a shell
 * named by an earlier word. */
static int S_is_script(char *const *argv, size_t n)
{
	static const char *const shells[] = {"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "posh", "yash", NULL};
	const char *o = n >= 2 ? argv[n - 1] : "";
	if (o[0] != '-' || o[1] == '-' || o[strspn(o + 1, "abcefhiklmnprstuvxBCEHPT") + 1] != '\0' || !strchr(o, 'c'))
		return 0;
	for (size_t i = 0; i + 1 < n; i++) {
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		for (int k = 0; shells[k]; k++)
			if (strcmp(base, shells[k]) == 0)
				return 1;
	}
	return 0;
}

static void S_sh_push(S_script *s, int f)
{
	if (s->depth == S_SH_DEPTH)
		s->bad = "the shell script nests too deep to follow";
	else
		s->frame[++s->depth] = (unsigned char)f;
}

/* Follow the shell over the character at p (not a placeholder); the bytes taken. */
static size_t S_sh_step(S_script *s, const char *p)
{
	int f = s->frame[s->depth], pop = 0;
	s->dollar = 0;
	if (s->esc) {
		s->esc = 0;
		return 1;
	}
	if (f == Q_SINGLE || f == Q_ANSI) {
		s->esc = f == Q_ANSI && *p == '\\';
		pop = *p == '\'';
	} else if (*p == '\\') {
		s->esc = 1;
	} else if (*p == '$' && p[1] == '(') {
		S_sh_push(s, Q_CMD);
		return 2;
	} else if (*p == '$' && p[1] == '\'' && f != Q_DOUBLE) {
		S_sh_push(s, Q_ANSI);
		return 2;
	} else if (*p == '$') {
		s->dollar = 1;
	} else if (*p == '`') {
		if (f == Q_BACK)
			pop = 1;
		else
			S_sh_push(s, Q_BACK);
	} else if (f == Q_DOUBLE) {
		pop = *p == '"';
	} else if (*p == '\'' || *p == '"' || *p == '(') {
		S_sh_push(s, *p == '\'' ? Q_SINGLE : *p == '"' ? Q_DOUBLE : Q_PAREN);
	} else if (*p == ')') {
		pop = f == Q_PAREN || f == Q_CMD;
	}
	if (pop && s->depth > 0)
		s->depth--;
	return 1;
}

/* The length of the placeholder at p ({name}), 0 if none starts there. */
static size_t S_placeholder_at(const char *p)
{
	size_t n = 1;
	while (*p == '{' && (islower((unsigned char)p[n]) || isdigit((unsigned char)p[n]) || p[n] == '_' || p[n] == 'N'))
		n++;
	return *p == '{' && n > 1 && p[n] == '}' ? n + 1 : 0;
}

/* Append text to s->out at *n, refusing what does not fit. */
static void S_sh_put(S_script *s, size_t *n, const char *text, size_t len)
{
	if (*n + len >= sizeof s->out) {
		s->bad = "a value is too long once quoted for the shell";
		return;
	}
	memcpy(s->out + *n, text, len);
	*n += len;
}

/* v quoted for the shell at s's place into s->out. */
static void S_sh_quote(S_script *s, const char *v)
{
	int f = s->frame[s->depth];
	size_t n = 0;
	s->out[0] = '\0';
	if (!s->dollar && v[strspn(v, S_SH_PLAIN)] == '\0') { /* nothing the shell would read */
		S_sh_put(s, &n, v, strlen(v));
		s->out[n] = '\0';
		return;
	}
	for (int d = 1; d <= s->depth; d++)
		if (s->frame[d] == Q_BACK)
			s->bad = "a placeholder inside `...` of a shell script cannot be quoted safely: use $(...)";
	if (s->esc) /* the backslash before it then escapes only itself */
		S_sh_put(s, &n, "\\", 1);
	if (s->dollar) /* not $'...' nor a variable's name: an empty string first */
		S_sh_put(s, &n, f == Q_DOUBLE ? "\"\"" : "''", 2);
	if (f <= Q_CMD)
		S_sh_put(s, &n, "'", 1);
	for (const char *c = v; *c; c++) {
		if ((f <= Q_CMD || f == Q_SINGLE) && *c == '\'')
			S_sh_put(s, &n, "'\\''", 4); /* close, a quoted ', open again */
		else if ((f == Q_DOUBLE && strchr("$`\"\\", *c)) || (f == Q_ANSI && (*c == '\\' || *c == '\'')))
			S_sh_put(s, &n, "\\", 1), S_sh_put(s, &n, c, 1);
		else
			S_sh_put(s, &n, c, 1);
	}
	if (f <= Q_CMD)
		S_sh_put(s, &n, "'", 1);
	s->out[n] = '\0';
}

/* The value of placeholder k of a script (sp_solver_command_value_fn):
 * the expander asks for them in order, so the script is followed up to it. */
static const char *S_script_value(void *user, int k, char *buf, size_t size)
{
	S_script *s = user;
	size_t len = 0;
	while (*s->at && (len = S_placeholder_at(s->at)) == 0)
		s->at += S_sh_step(s, s->at);
	s->at += len;
	S_sh_quote(s, S_value((void *)s->job, k, buf, size));
	s->esc = s->dollar = 0;
	return s->out;
}

typedef struct {
	const sp_solver_job_t *job;
	char **argv;
	size_t n, cap;
	sp_err_t *err;
} S_words;

static int S_add_word(void *user, const char *word)
{
	S_words *w = user;
	char buf[S_LINE_MAX];
	S_script *sc = NULL;
	if (S_is_script(w->argv, w->n) && (sc = calloc(1, sizeof *sc)) == NULL)
		return sp_err_set(w->err, SP_ESOFTWARE, "out of memory");
	if (sc) {
		sc->job = w->job;
		sc->at = word;
	}
	int rc = sp_solver_command_expand(word, sc ? S_script_value : S_value, sc ? (void *)sc : (void *)w->job, buf,
	                                  sizeof buf, w->err);
	if (rc == SP_OK && sc && sc->bad)
		rc = sp_err_set(w->err, SP_EDATA, "[solver] command: %s (in '%.200s')", sc->bad, word);
	free(sc);
	if (rc != SP_OK)
		return 1;
	if (sp_grow(&w->argv, &w->cap, w->n + 1, sizeof *w->argv, 16) != 0) /* and the NULL after it */
		return sp_err_set(w->err, SP_ESOFTWARE, "out of memory");
	size_t m = strlen(buf) + 1;
	if ((w->argv[w->n] = malloc(m)) == NULL)
		return sp_err_set(w->err, SP_ESOFTWARE, "out of memory");
	memcpy(w->argv[w->n++], buf, m);
	w->argv[w->n] = NULL;
	return 0;
}

void sp_solver_argv_free(char **argv)
{
	if (argv == NULL)
		return;
	for (size_t i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

int sp_solver_argv(const sp_solver_job_t *job, const char *command, char ***argv, sp_err_t *err)
{
	S_words w = {job, NULL, 0, 0, err};
	int n = sp_solver_command_split(command, S_add_word, &w, err);
	if (n <= 0) {
		sp_solver_argv_free(w.argv);
		*argv = NULL;
		return n == 0 ? sp_err_set(err, SP_EDATA, "the command is empty") : (err ? err->code : SP_EDATA);
	}
	*argv = w.argv;
	return SP_OK;
}

/* ---- input writers --------------------------------------------------------- */

static FILE *S_create(const char *path, sp_err_t *err)
{
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", path, strerror(errno));
	return fp;
}

static int S_close(FILE *fp, const char *path, sp_err_t *err)
{
	int bad = ferror(fp) || fflush(fp) != 0;
	if (fclose(fp) != 0)
		bad = 1;
	return bad ? sp_err_set(err, SP_EIO, "%s: write error", path) : SP_OK;
}

static int S_write_candidate(const sp_solver_job_t *job, sp_err_t *err)
{
	FILE *fp = S_create(job->input_path, err);
	if (fp == NULL)
		return SP_ECANTCREAT;
	const sp_case_t *c = job->c;
	fprintf(fp,
	        "# sheetpile candidate: one analysis for an external solver (sheetpile evaluate reads it)\n"
	        "format = " S_CANDIDATE_FORMAT "\nstudy = %s\nanalysis_id = %zu\nprofile = %s\n"
	        "ei_kNm2_per_m = %.17g\nlength_m = %.17g\n",
	        job->study_path, c->id, job->st->profiles[c->profile], c->ei_kNm2_per_m, c->length_m);
	if (c->anchor.anchored)
		fprintf(fp, "anchor_level_m = %.17g\n", c->anchor.level_m);
	else
		fputs("anchor_level_m = none\n", fp);
	fprintf(fp, "diagram_step_m = %.17g\n", job->diagram_step_m);
	return S_close(fp, job->input_path, err);
}

static int S_write_template(const sp_solver_job_t *job, sp_err_t *err)
{
	const char *tpl = job->st->solver->input_template;
	size_t len;
	char *text = sp_solver_command_template_read(tpl, &len);
	if (text == NULL)
		return sp_err_set(err, SP_ENOINPUT, "%s: cannot read the template: %s", tpl, strerror(errno));
	size_t size = 2 * len + 65536;
	char *out = malloc(size);
	int rc = out ? sp_solver_command_expand(text, S_value, (void *)job, out, size, err) : sp_err_set(err, SP_ESOFTWARE, "out of memory");
	free(text);
	FILE *fp = rc == SP_OK ? S_create(job->input_path, err) : NULL;
	if (fp) {
		fputs(out, fp);
		rc = S_close(fp, job->input_path, err);
	} else if (rc == SP_OK) {
		rc = SP_ECANTCREAT;
	}
	free(out);
	return rc;
}

static const sp_solver_input_type S_input_sheetpile = {"sheetpile", S_write_candidate};
static const sp_solver_input_type S_input_template = {"template", S_write_template};
static const sp_solver_input_type S_input_dsheet = {"dsheet", sp_solver_dsheet_write};
const sp_solver_input_type *const sp_solver_inputs[] = {&S_input_sheetpile, &S_input_template, &S_input_dsheet,
                                                        NULL};

/* ---- key = value files ------------------------------------------------------ */

typedef struct {
	const char *path;
	FILE *fp;
	int line;
	char buf[S_LINE_MAX];
	char *key, *value;
} S_kv;

/* Next "key = value" line (comments and blank lines skipped): 1, 0 at the
 * end, -1 on a malformed line (err set). */
static int S_kv_next(S_kv *r, sp_err_t *err)
{
	while (fgets(r->buf, sizeof r->buf, r->fp)) {
		r->line++;
		size_t n = strlen(r->buf);
		if (n && r->buf[n - 1] == '\n')
			r->buf[--n] = '\0';
		else if (!feof(r->fp))
			return sp_err_set(err, SP_EDATA, "%s:%d: line too long", r->path, r->line), -1;
		if (n && r->buf[n - 1] == '\r')
			r->buf[--n] = '\0';
		char *p = r->buf;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		char *eq = strchr(p, '=');
		if (eq == NULL)
			return sp_err_set(err, SP_EDATA, "%s:%d: expected key = value, got '%.80s'", r->path, r->line, p), -1;
		char *k = eq;
		while (k > p && (k[-1] == ' ' || k[-1] == '\t'))
			k--;
		*k = '\0';
		char *v = eq + 1;
		if (*v == ' ')
			v++;
		r->key = p;
		r->value = v;
		return 1;
	}
	return 0;
}

static int S_num(const S_kv *r, double *out, sp_err_t *err)
{
	char *end;
	errno = 0;
	double v = strtod(r->value, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == r->value || *end || errno == ERANGE || !isfinite(v))
		return sp_err_set(err, SP_EDATA, "%s:%d: key '%s': expected a finite number, got '%.40s'", r->path,
		                  r->line, r->key, r->value);
	*out = v;
	return SP_OK;
}

/* ---- the candidate file --------------------------------------------------- */

int sp_solver_candidate_read(const char *path, sp_solver_candidate_t *cand, sp_err_t *err)
{
	memset(cand, 0, sizeof *cand);
	S_kv r = {path, fopen(path, "rb"), 0, "", NULL, NULL};
	if (r.fp == NULL)
		return sp_err_set(err, SP_ENOINPUT, "%s: cannot open the candidate file: %s", path, strerror(errno));
	enum { K_FORMAT, K_STUDY, K_ID, K_PROFILE, K_EI, K_LENGTH, K_ANCHOR, K_STEP, K_N };
	static const char *const keys[K_N] = {"format", "study", "analysis_id", "profile", "ei_kNm2_per_m",
	                                      "length_m", "anchor_level_m", "diagram_step_m"};
	int seen[K_N] = {0}, got, rc = SP_OK;
	while (rc == SP_OK && (got = S_kv_next(&r, err)) == 1) {
		int k = 0;
		while (k < K_N && strcmp(keys[k], r.key) != 0)
			k++;
		if (k == K_N) {
			rc = sp_err_set(err, SP_EDATA, "%s:%d: unknown key '%.40s'", path, r.line, r.key);
			break;
		}
		if (seen[k]++) {
			rc = sp_err_set(err, SP_EDATA, "%s:%d: key '%s' is given twice", path, r.line, r.key);
			break;
		}
		if (k != K_FORMAT && !seen[K_FORMAT]) {
			rc = sp_err_set(err, SP_EDATA, "%s:%d: the first key must be format = " S_CANDIDATE_FORMAT, path, r.line);
			break;
		}
		double v = 0;
		switch (k) {
		case K_FORMAT:
			if (strcmp(r.value, S_CANDIDATE_FORMAT) != 0)
				rc = sp_err_set(err, SP_EDATA, "%s:%d: format '%.40s' is not " S_CANDIDATE_FORMAT, path, r.line,
				                r.value);
			break;
		case K_STUDY:
			if (r.value[0] == '\0' || strlen(r.value) >= sizeof cand->study)
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key 'study': expected the study file's path", path, r.line);
			else
				sp_strlcpy(cand->study, r.value, sizeof cand->study);
			break;
		case K_PROFILE:
			if (r.value[0] == '\0' || strlen(r.value) >= SP_NAME_MAX)
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key 'profile': expected a profile name", path, r.line);
			else
				sp_strlcpy(cand->profile, r.value, sizeof cand->profile);
			break;
		case K_ID:
			if ((rc = S_num(&r, &v, err)) == SP_OK && (v < 0 || v != floor(v) || v > 1e15))
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key 'analysis_id': expected a whole number >= 0", path, r.line);
			if (rc == SP_OK) /* never a cast of a number out of range */
				cand->analysis_id = (size_t)v;
			break;
		case K_EI: /* informative: the catalogue's value is used */
			rc = S_num(&r, &v, err);
			break;
		case K_LENGTH:
			if ((rc = S_num(&r, &cand->length_m, err)) == SP_OK && !(cand->length_m > 0 && cand->length_m <= 200))
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key 'length_m': expected a pile length in (0, 200] m", path,
				                r.line);
			break;
		case K_ANCHOR:
			cand->anchor.anchored = strcmp(r.value, "none") != 0;
			if (cand->anchor.anchored)
				rc = S_num(&r, &cand->anchor.level_m, err);
			break;
		case K_STEP:
			if ((rc = S_num(&r, &cand->diagram_step_m, err)) == SP_OK
			    && !(cand->diagram_step_m == 0 || (cand->diagram_step_m >= 0.001 && cand->diagram_step_m <= 10)))
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key 'diagram_step_m': expected 0 or a step in [0.001, 10] m",
				                path, r.line);
			break;
		}
	}
	if (rc == SP_OK && got < 0)
		rc = SP_EDATA;
	fclose(r.fp);
	for (int k = 0; rc == SP_OK && k < K_N; k++)
		if (!seen[k] && k != K_ID && k != K_EI && k != K_STEP)
			rc = sp_err_set(err, SP_EDATA, "%s: missing key '%s'", path, keys[k]);
	return rc;
}

/* ---- the result file ---------------------------------------------------------- */

/* The numbers of a result, in file order, are those of checks.h, with their
 * names and ranges (sp_checks_number). */
#define S_N_FIELDS SP_CHECKS_N_NUMBERS

void sp_solver_result_write(FILE *fp, const sp_analysis_t *a)
{
	char reason[SP_REASON_MAX];
	sp_strlcpy(reason, a->reason, sizeof reason);
	for (char *p = reason; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	fprintf(fp, "# sheetpile result (output_format sheetpile)\nformat = " S_RESULT_FORMAT "\nok = %d\nreason = %s\n",
	        a->ok, a->ok ? "" : reason);
	for (int k = 0; k < S_N_FIELDS; k++)
		fprintf(fp, "%s = %.17g\n", sp_checks_number_names[k], *sp_checks_number((sp_analysis_t *)a, k));
	fprintf(fp, "has_displacement = %d\ndiagram_points = %zu\n", a->has_displacement, a->n_diagram);
	for (size_t i = 0; i < a->n_diagram; i++) {
		const sp_diagram_point_t *d = &a->diagram[i];
		fprintf(fp, "point = %.17g %.17g %.17g %.17g\n", d->level_m, d->net_pressure_kPa, d->shear_kN_per_m,
		        d->moment_kNm_per_m);
	}
	fputs("end = " S_RESULT_FORMAT "\n", fp);
}

static int S_read_result(const sp_solver_job_t *job, sp_analysis_t *out, sp_err_t *err)
{
	const char *path = job->output_path;
	memset(out, 0, sizeof *out);
	S_kv r = {path, fopen(path, "rb"), 0, "", NULL, NULL};
	if (r.fp == NULL)
		return sp_err_set(err, SP_ENOINPUT, "%s: no output: %s", path, strerror(errno));
	int ch = getc(r.fp);
	if (ch == EOF) {
		fclose(r.fp);
		return sp_err_set(err, SP_ENOINPUT, "%s: the output is empty", path);
	}
	ungetc(ch, r.fp);
	/* format, ok, reason, the numbers, has_displacement, diagram_points, points, end */
	int rc = SP_OK, got, stage = 0;
	size_t points = 0, want_points = 0;
	int want = job->diagram_step_m > 0;
	while (rc == SP_OK && (got = S_kv_next(&r, err)) == 1) {
		double v;
		const char *expect = stage == 0 ? "format" : stage == 1 ? "ok" : stage == 2 ? "reason"
		                   : stage < 3 + S_N_FIELDS ? sp_checks_number_names[stage - 3]
		                   : stage == 3 + S_N_FIELDS ? "has_displacement"
		                   : stage == 4 + S_N_FIELDS ? "diagram_points" : points < want_points ? "point" : "end";
		if (strcmp(r.key, expect) != 0) {
			rc = sp_err_set(err, SP_EDATA, "%s:%d: expected key '%s', got '%.40s'", path, r.line, expect, r.key);
			break;
		}
		if (stage == 0 || strcmp(expect, "end") == 0) {
			if (strcmp(r.value, S_RESULT_FORMAT) != 0)
				rc = sp_err_set(err, SP_EDATA, "%s:%d: expected %s = " S_RESULT_FORMAT, path, r.line, r.key);
			else if (stage != 0)
				break; /* the end */
		} else if (stage == 1 || stage == 3 + S_N_FIELDS) {
			if (strcmp(r.value, "0") != 0 && strcmp(r.value, "1") != 0)
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key '%s': expected 0 or 1", path, r.line, r.key);
			*(stage == 1 ? &out->ok : &out->has_displacement) = r.value[0] == '1';
		} else if (stage == 2) {
			sp_strlcpy(out->reason, r.value, sizeof out->reason);
		} else if (stage < 3 + S_N_FIELDS) {
			const char *range;
			if ((rc = S_num(&r, &v, err)) == SP_OK && (range = sp_checks_number_range(stage - 3, v)) != NULL)
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key '%s': expected %s, got '%.40s'", path, r.line, r.key,
				                range, r.value);
			if (rc == SP_OK)
				*sp_checks_number(out, stage - 3) = v;
		} else if (stage == 4 + S_N_FIELDS) {
			if ((rc = S_num(&r, &v, err)) == SP_OK && (v < 0 || v != floor(v) || v > 1e6))
				rc = sp_err_set(err, SP_EDATA, "%s:%d: key 'diagram_points': expected a count", path, r.line);
			want_points = rc == SP_OK ? (size_t)v : 0;
			if (rc == SP_OK && want && want_points
			    && (out->diagram = calloc(want_points, sizeof *out->diagram)) == NULL)
				rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
		} else {
			double d[4];
			char *p = r.value, *end;
			for (int k = 0; k < 4 && rc == SP_OK; k++, p = end) {
				d[k] = strtod(p, &end);
				if (end == p || !(fabs(d[k]) <= S_POINT_MAX) || (k == 3 && end[strspn(end, " \t")] != '\0'))
					rc = sp_err_set(err, SP_EDATA,
					                "%s:%d: key 'point': expected four numbers from -1e9 to 1e9, got '%.60s'", path,
					                r.line, r.value);
			}
			if (rc == SP_OK && out->diagram)
				out->diagram[out->n_diagram++] = (sp_diagram_point_t){d[0], d[1], d[2], d[3]};
			points++;
		}
		if (stage <= 4 + S_N_FIELDS)
			stage++;
	}
	if (rc == SP_OK && got == 0)
		rc = sp_err_set(err, SP_EDATA, "%s: cut short after line %d (no 'end = " S_RESULT_FORMAT "')", path, r.line);
	else if (rc == SP_OK && got < 0)
		rc = SP_EDATA;
	fclose(r.fp);
	if (rc == SP_OK && !out->ok && out->reason[0] == '\0')
		sp_strlcpy(out->reason, "solver-no-reason", sizeof out->reason);
	if (rc != SP_OK)
		sp_analysis_free(out);
	return rc;
}

static const sp_solver_output_type S_output_sheetpile = {"sheetpile", S_read_result};
static const sp_solver_output_type S_output_dsheet = {"dsheet", sp_solver_dsheet_read};
const sp_solver_output_type *const sp_solver_outputs[] = {&S_output_sheetpile, &S_output_dsheet, NULL};

const sp_solver_input_type *sp_solver_input_find(const char *name)
{
	for (size_t i = 0; sp_solver_inputs[i]; i++)
		if (strcmp(sp_solver_inputs[i]->name, name) == 0)
			return sp_solver_inputs[i];
	return NULL;
}

const sp_solver_output_type *sp_solver_output_find(const char *name)
{
	for (size_t i = 0; sp_solver_outputs[i]; i++)
		if (strcmp(sp_solver_outputs[i]->name, name) == 0)
			return sp_solver_outputs[i];
	return NULL;
}

