/* cli.c - what every command shares: options, messages, exit codes, the
 * study loaded with its catalogue, the -o FILE of the commands that write one
 * file, and the stop signals. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "csv_dialect.h"
#include "dist.h"
#include "outfile.h"
#include "spreadsheet.h"
#include "study_read.h"
#include "trust.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int sp_cli_quiet;
volatile sig_atomic_t sp_cli_stop_signal;

static void S_on_stop_signal(int sig)
{
	sp_cli_stop_signal = sig;
}

/* Ctrl-C and SIGTERM stop the solvers cleanly (their process groups are
 * terminated, the journal stays whole); only for [solver] studies. */
void sp_cli_catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = S_on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* text[0..n) to fp, every byte that could drive a terminal as \xNN */
static void S_put_escaped(FILE *fp, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < n;) {
		size_t k = s[i] < 0x80 ? 1 : s[i] < 0xE0 ? 2 : s[i] < 0xF0 ? 3 : 4;
		int whole = k == 1 || (i + k <= n && sp_utf8_check(text + i, k) == 1);
		int c1 = k == 2 && whole && s[i] == 0xC2 && s[i + 1] < 0xA0; /* U+0080..U+009F, e.g. CSI */
		if ((s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') || s[i] == 0x7F || !whole || c1) {
			for (size_t j = 0; j < (c1 ? 2 : 1); j++)
				fprintf(fp, "\\x%02X", s[i + j]);
			i += c1 ? 2 : 1;
		} else {
			fwrite(s + i, 1, k, fp);
			i += k;
		}
	}
}

void sp_cli_printf(FILE *fp, const char *fmt, ...)
{
	char small[2048], *buf = small;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small && (buf = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	S_put_escaped(fp, buf ? buf : small, buf ? (size_t)n : sizeof small - 1);
	if (buf != small)
		free(buf);
}

/* Under MPI the ranks meet the same errors in the same input: rank 0 reports
 * them, another rank only what may be its own (internal, I/O). */
int sp_cli_fail(const sp_err_t *e)
{
	int code = e->code ? e->code : SP_ESOFTWARE;
	if (sp_dist_is_root())
		sp_cli_printf(stderr, "[ERROR] %s\n", e->text);
	else if (code == SP_ESOFTWARE || code == SP_EIO)
		sp_cli_printf(stderr, "[ERROR] MPI rank %d: %s\n", sp_dist_rank(), e->text);
	return code;
}

int sp_cli_usage(const char *fmt, const char *arg)
{
	if (!sp_dist_is_root())
		return SP_EUSAGE;
	char msg[SP_MSG_MAX];
	snprintf(msg, sizeof msg, fmt, arg);
	sp_cli_printf(stderr, "[ERROR] %s\n        (sheetpile --help shows the usage)\n", msg);
	return SP_EUSAGE;
}

/* The untrusted command, what it would start and how to agree to it. */
static void S_untrusted(const char *study, const sp_solver_t *s, const sp_trust_fp_t *fp, const char *store,
                        const sp_err_t *why)
{
	sp_cli_printf(stderr,
	              "[ERROR] %s: the study's [solver] command is not trusted: nothing was run.\n"
	              "        A study file can name any program; this one would run, once per analysis:\n"
	              "          command  %s\n"
	              "          program  %s\n",
	              study, s->command, fp->program[0] ? fp->program : "(none)");
	if (strcmp(s->input_format, "template") == 0)
		sp_cli_printf(stderr, "          input    %s (the template is part of what is trusted)\n", s->input_template);
	if (why->code)
		sp_cli_printf(stderr, "        %s\n", why->text);
	sp_cli_printf(stderr,
	              "        If you agree to run it, trust it once (kept in %s):\n"
	              "          sheetpile trust %s\n"
	              "        or add --trust-solver to run it this one time.\n",
	              store[0] ? store : "the trust store", study);
}

int sp_cli_trust_gate(const char *study, const sp_study_t *st, int opt_in)
{
	if (st->solver == NULL || opt_in)
		return SP_OK;
	int trusted = 0;
	if (sp_dist_is_root()) { /* rank 0's store decides for every rank */
		sp_trust_fp_t fp;
		sp_err_t why = {0, ""};
		char store[SP_PATH_MAX + 64] = "";
		sp_trust_store_path(store, sizeof store, NULL);
		if (sp_trust_fingerprint(st->solver, &fp, &why) == SP_OK) /* fp.program is set either way */
			trusted = sp_trust_lookup(&fp, &why) == 1;
		if (!trusted)
			S_untrusted(study, st->solver, &fp, store, &why);
	}
	sp_dist_bcast(&trusted, sizeof trusted, NULL);
	return trusted ? SP_OK : SP_ENOPERM;
}

/* a whole non-negative number */
static int S_parse_count(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > 1000000)
		return -1;
	*out = (int)v;
	return 0;
}

int sp_cli_parse_real(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int sp_cli_parse_opts(int argc, char **argv, int first, sp_cli_opts_t *o)
{
	memset(o, 0, sizeof *o);
	o->licenses = o->threads = -1;
	const char *results = NULL;
	/* each option sets one of: a text (the next argument), a count (the
	 * next argument, a whole number) or a flag */
	const struct {
		const char *name;
		const char **text;
		int *count, *flag;
	} opts[] = {
		{"-o", &o->outdir, NULL, NULL},
		{"--profile", &o->profile, NULL, NULL},
		{"--grade", &o->grade, NULL, NULL},
		{"--length", &o->length, NULL, NULL},
		{"--anchor-level", &o->anchor, NULL, NULL},
		{"--catalogue", &o->catalogue, NULL, NULL},
		{"--candidate", &o->candidate, NULL, NULL},
		{"--grades", &o->grades, NULL, NULL},
		{"--delay", &o->delay, NULL, NULL},
		{"--resume", NULL, NULL, &o->resume},
		{"--licenses", NULL, &o->licenses, NULL},
		{"--licences", NULL, &o->licenses, NULL},
		{"--threads", NULL, &o->threads, NULL},
		{"-t", NULL, &o->threads, NULL},
		{"--csv-dialect", &o->csv_dialect, NULL, NULL},
		{"--results", &results, NULL, NULL},
		{"--no-plots", NULL, NULL, &o->no_plots},
		{"--force", NULL, NULL, &o->force},
		{"--trust-solver", NULL, NULL, &o->trust_solver},
		{"--quiet", NULL, NULL, &sp_cli_quiet},
	};
	const size_t n_opts = sizeof opts / sizeof opts[0];
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		size_t k = 0;
		while (k < n_opts && strcmp(a, opts[k].name) != 0)
			k++;
		if (k == n_opts) {
			if (a[0] == '-' && a[1] != '\0')
				return sp_cli_usage("unknown option '%s'", a);
			if (o->study != NULL)
				return sp_cli_usage("unexpected argument '%s'", a);
			o->study = a;
			continue;
		}
		if (opts[k].flag) {
			*opts[k].flag = 1;
			continue;
		}
		const char **slot = opts[k].text;
		int *count = opts[k].count;
		if (i + 1 >= argc)
			return sp_cli_usage("option '%s' needs a value", a);
		const char *v = argv[++i];
		sp_csv_dialect_t d;
		if (slot == &o->csv_dialect && sp_csv_dialect_from_name(v, &d) != 0)
			return sp_cli_usage("--csv-dialect is rfc4180 or excel-eu, got '%s'", v);
		if (slot == &o->csv_dialect)
			sp_outfile_set_csv_dialect(d);
		sp_results_choice rc;
		if (slot == &results && sp_spreadsheet_results_choice(v, &rc) != 0)
			return sp_cli_usage("--results is all, feasible or none, got '%s'", v);
		if (slot == &results)
			o->results = (int)rc;
		if (slot)
			*slot = v;
		else if (S_parse_count(v, count) != 0 || (count == &o->licenses && *count < 1))
			return sp_cli_usage("option needs a whole number >= 1 (threads: >= 0), got '%s'", v);
	}
	return 0;
}

/* Study + catalogue, resolved. */
int sp_cli_load(const char *path, sp_study_t **st, sp_catalogue_t **cat, sp_err_t *err)
{
	*st = sp_study_read(path, err);
	if (*st == NULL)
		return err->code;
	*cat = sp_catalogue_read((*st)->catalogue_path, (*st)->grades_path, err);
	if (*cat == NULL)
		return err->code;
	return sp_study_resolve(*st, *cat, err);
}

int sp_cli_parse_study(int argc, char **argv, sp_cli_opts_t *o, const char *needs, int candidate_ok)
{
	int rc = sp_cli_parse_opts(argc, argv, 2, o);
	if (rc == 0 && o->study == NULL)
		rc = sp_cli_usage("%s", needs);
	if (rc == 0 && o->candidate && !candidate_ok)
		rc = sp_cli_usage("unknown option '%s' (export-dsheet only)", "--candidate");
	return rc;
}

double sp_cli_now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Narrow the study's axes to the one candidate asked for. */
int sp_cli_narrow(sp_study_t *st, const sp_catalogue_t *cat, const sp_cli_opts_t *o, sp_err_t *err)
{
	int single = sp_study_n_candidates(st) == 1;
	if (!single && !(o->profile && o->grade && o->length))
		return sp_err_set(err, SP_EUSAGE,
		                  "the study holds %zu candidates: give --profile, --grade and --length "
		                  "(and --anchor-level when it has anchor options)",
		                  sp_study_n_candidates(st));
	if (o->profile) {
		if (sp_catalogue_find_profile(cat, o->profile) < 0)
			return sp_err_set(err, SP_EDATA, "--profile: unknown profile '%s' (sheetpile profiles lists them)",
			                  o->profile);
		sp_strlcpy(st->profiles[0], o->profile, SP_NAME_MAX);
		st->n_profiles = 1;
	}
	if (o->grade) {
		size_t g = 0;
		while (g < st->n_grades && strcmp(st->grades[g], o->grade) != 0)
			g++;
		if (g == st->n_grades)
			return sp_err_set(err, SP_EDATA, "--grade: '%s' is not one of the study's grades", o->grade);
		sp_strlcpy(st->grades[0], st->grades[g], SP_NAME_MAX);
		st->steel_price_per_kg[0] = st->steel_price_per_kg[g];
		st->n_grades = 1;
	}
	if (o->length) {
		double L;
		if (sp_cli_parse_real(o->length, &L) != 0 || L <= 0 || L > 200)
			return sp_err_set(err, SP_EUSAGE, "--length: expected a pile length in (0, 200] m, got '%s'", o->length);
		st->lengths_m[0] = L;
		st->n_lengths = 1;
	}
	if (o->anchor) {
		sp_anchor_option_t a = {0, 0.0};
		if (strcmp(o->anchor, "none") != 0) {
			if (sp_cli_parse_real(o->anchor, &a.level_m) != 0)
				return sp_err_set(err, SP_EUSAGE, "--anchor-level: expected a level in m or 'none', got '%s'",
				                  o->anchor);
			if (a.level_m > st->top_of_wall_m || a.level_m <= st->excavation_level_m)
				return sp_err_set(err, SP_EDATA,
				                  "--anchor-level: %g m must lie between the excavation and the top of the wall",
				                  a.level_m);
			a.anchored = 1;
		}
		st->anchors[0] = a;
		st->n_anchors = 1;
	} else if (st->n_anchors > 1) {
		return sp_err_set(err, SP_EUSAGE, "the study has %zu anchor options: give --anchor-level Z or none",
		                  st->n_anchors);
	}
	return SP_OK;
}

int sp_cli_output_file(const char *out, char *dir, size_t size, const char **name)
{
	const char *slash = strrchr(out, '/');
	if (*out == '\0' || (slash && slash[1] == '\0'))
		return sp_cli_usage("-o needs a file name, got '%s'", out);
	snprintf(dir, size, "%.*s", slash ? (int)(slash - out) : 1, slash ? out : ".");
	if (slash == out)
		snprintf(dir, size, "/");
	*name = slash ? slash + 1 : out;
	return SP_OK;
}

FILE *sp_cli_scratch(char *path, sp_err_t *err)
{
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w+") : NULL;
	if (fp == NULL) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			remove(path);
		}
		sp_err_set(err, SP_ECANTCREAT, "%s: cannot create a temporary file: %s", path, strerror(e));
	}
	return fp;
}

void sp_cli_scratch_close(FILE *fp, const char *path)
{
	if (fp == NULL)
		return;
	fclose(fp);
	remove(path);
}

int sp_cli_copy(FILE *fp, const char *path, FILE *to, sp_err_t *err)
{
	rewind(fp);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		fwrite(buf, 1, n, to);
	if (ferror(fp))
		return sp_err_set(err, SP_EIO, "%s: read error", path);
	if (to != stdout) /* an output file: its errors are found when it is committed */
		return SP_OK;
	if (fflush(stdout) != 0 || ferror(stdout))
		return sp_err_set(err, SP_EIO, "standard output: write error: %s", strerror(errno));
	return SP_OK;
}
