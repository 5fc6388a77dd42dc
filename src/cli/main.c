/* main.c - the sheetpile command line: options, messages, exit codes.
 * The only file that prints freely or exits. */
#define _POSIX_C_SOURCE 200809L
#include "anchor_refine.h"
#include "beam.h"
#include "earth.h"
#include "candidate.h"
#include "catalogue.h"
#include "csv_out.h"
#include "designs.h"
#include "dist.h"
#include "evaluate.h"
#include "outfile.h"
#include "pareto.h"
#include "plot.h"
#include "rank.h"
#include "report.h"
#include "search.h"
#include "sensitivity.h"
#include "shi.h"
#include "shi_write.h"
#include "study.h"
#include "study_wall.h"

#include "solver_io.h"
#include "study_read.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <signal.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define N_BEST_DIAGRAMS 5
#define DIAGRAM_STEP_M 0.1

static int quiet;
static volatile sig_atomic_t stop_signal; /* SIGINT or SIGTERM during a [solver] run */

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

/* Ctrl-C and SIGTERM stop the solvers cleanly (their process groups are
 * terminated, the journal stays whole); only for [solver] studies. */
static void catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Under MPI the ranks meet the same errors in the same input: rank 0 reports
 * them, another rank only what may be its own (internal, I/O). */
static int fail(const sp_err_t *e)
{
	int code = e->code ? e->code : SP_ESOFTWARE;
	if (sp_dist_is_root())
		fprintf(stderr, "[ERROR] %s\n", e->text);
	else if (code == SP_ESOFTWARE || code == SP_EIO)
		fprintf(stderr, "[ERROR] MPI rank %d: %s\n", sp_dist_rank(), e->text);
	return code;
}

static int usage_error(const char *fmt, const char *arg)
{
	if (!sp_dist_is_root())
		return SP_EUSAGE;
	fprintf(stderr, "[ERROR] ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n        (sheetpile --help shows the usage)\n");
	return SP_EUSAGE;
}

static void help(FILE *fp)
{
	fputs("sheetpile " SP_VERSION " - find the best steel sheet pile wall for an excavation or quay\n"
	      "\n"
	      "Usage:\n"
	      "  sheetpile run STUDY.ini [-o OUTDIR] [--licenses N] [--threads N] [--resume] [--no-plots] [--quiet]\n"
	      "      evaluate every candidate of the study; write results.csv, ranking.csv,\n"
	      "      best_diagrams.csv, run.json, report.html, plots/ (and sensitivity.csv with a\n"
	      "      [sensitivity] section) into OUTDIR [STUDY-results]; a study with a [solver]\n"
	      "      also journal.txt, timeline.csv and work/\n"
	      "  sheetpile batch STUDY.ini... -o OUTDIR [--licenses N] [--threads N] [--csv-dialect D] [--no-plots] [--quiet]\n"
	      "      run every study into OUTDIR/<study>/; write OUTDIR/summary.csv (one row per study)\n"
	      "      and OUTDIR/index.html (links to each report.html); exit status of the first failing study\n"
	      "  sheetpile check STUDY.ini\n"
	      "      validate the study and print a summary of its search space\n"
	      "  sheetpile analyze STUDY.ini [--profile P --grade G --length L [--anchor-level Z|none]] [-o DIR]\n"
	      "      one candidate: prints its results.csv header and row; with -o also its diagrams\n"
	      "      (no flags needed when the study holds a single candidate)\n"
	      "  sheetpile import-dsheet FILE.shi [-o STUDY.ini]\n"
	      "      convert a D-Sheet Piling input file into a study file (stdout without -o)\n"
	      "  sheetpile export-dsheet STUDY.ini [--candidate ID | --profile P --grade G --length L\n"
	      "                         [--anchor-level Z|none]] [-o FILE.shi]\n"
	      "      write the D-Sheet Piling input file of one candidate of a subgrade study\n"
	      "      (stdout without -o; no candidate options for a study with a [wall])\n"
	      "  sheetpile evaluate CANDIDATE -o RESULT [--delay SECONDS]\n"
	      "      one analysis from a candidate file written by a [solver] run, with the study's\n"
	      "      built-in engine; writes the result file the run reads back (sheetpile as a solver)\n"
	      "  sheetpile profiles [--catalogue FILE] [--grades FILE]\n"
	      "      list the sheet pile sections and steel grades of a catalogue\n"
	      "  sheetpile --help | --version\n"
	      "\n"
	      "Options:\n"
	      "  -o DIR          output directory\n"
	      "  --licenses N    evaluations allowed at once [study's [run] licenses]\n"
	      "  --threads N     worker threads, 0 = all cores [study's [run] threads]\n"
	      "  --csv-dialect D rfc4180 (comma, decimal point) or excel-eu (UTF-8 BOM, ';',\n"
	      "                  decimal comma) for every CSV written [rfc4180]\n"
	      "  --resume        [solver] studies: keep the analyses in OUTDIR/journal.txt, run the rest\n"
	      "  --delay S       evaluate: wait S seconds first (a stand-in for a slow licensed solver)\n"
	      "  --no-plots      do not run gnuplot\n"
	      "  --quiet         no summary on stdout, no progress on stderr\n"
	      "  --force         write into an existing non-empty directory that sheetpile did not make\n"
	      "\n"
	      "Exit codes (sysexits.h): 0 ok, 64 usage, 65 bad input data, 66 missing input,\n"
	      "70 internal error, 73 cannot create output, 74 I/O error (disk full), 75 the run finished but the\n"
	      "external solver failed on some analyses, 128+N stopped by signal N (--resume continues).\n"
	      "The study file is described in docs/study-file.md.\n",
	      fp);
}

/* a whole non-negative number */
static int parse_count(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > 1000000)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_real(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

typedef struct {
	const char *study, *outdir, *profile, *grade, *length, *anchor, *catalogue, *grades, *csv_dialect, *delay, *candidate;
	int licenses, threads, no_plots, resume, force;
} opts_t;

static int parse_opts(int argc, char **argv, int first, opts_t *o)
{
	memset(o, 0, sizeof *o);
	o->licenses = o->threads = -1;
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		int *count = NULL;
		if (strcmp(a, "-o") == 0)
			slot = &o->outdir;
		else if (strcmp(a, "--profile") == 0)
			slot = &o->profile;
		else if (strcmp(a, "--grade") == 0)
			slot = &o->grade;
		else if (strcmp(a, "--length") == 0)
			slot = &o->length;
		else if (strcmp(a, "--anchor-level") == 0)
			slot = &o->anchor;
		else if (strcmp(a, "--catalogue") == 0)
			slot = &o->catalogue;
		else if (strcmp(a, "--candidate") == 0)
			slot = &o->candidate;
		else if (strcmp(a, "--grades") == 0)
			slot = &o->grades;
		else if (strcmp(a, "--delay") == 0)
			slot = &o->delay;
		else if (strcmp(a, "--resume") == 0)
			o->resume = 1;
		else if (strcmp(a, "--licenses") == 0 || strcmp(a, "--licences") == 0)
			count = &o->licenses;
		else if (strcmp(a, "--threads") == 0 || strcmp(a, "-t") == 0)
			count = &o->threads;
		else if (strcmp(a, "--csv-dialect") == 0)
			slot = &o->csv_dialect;
		else if (strcmp(a, "--no-plots") == 0)
			o->no_plots = 1;
		else if (strcmp(a, "--force") == 0)
			o->force = 1;
		else if (strcmp(a, "--quiet") == 0)
			quiet = 1;
		else if (a[0] == '-' && a[1] != '\0')
			return usage_error("unknown option '%s'", a);
		else if (o->study == NULL)
			o->study = a;
		else
			return usage_error("unexpected argument '%s'", a);
		if (slot || count) {
			if (i + 1 >= argc)
				return usage_error("option '%s' needs a value", a);
			const char *v = argv[++i];
			sp_csv_dialect_t d;
			if (slot == &o->csv_dialect && sp_csv_dialect_from_name(v, &d) != 0)
				return usage_error("--csv-dialect is rfc4180 or excel-eu, got '%s'", v);
			if (slot == &o->csv_dialect)
				sp_outfile_set_csv_dialect(d);
			if (slot)
				*slot = v;
			else if (parse_count(v, count) != 0 || (count == &o->licenses && *count < 1))
				return usage_error("option needs a whole number >= 1 (threads: >= 0), got '%s'", v);
		}
	}
	return 0;
}

/* Study + catalogue, resolved. */
static int load(const char *path, sp_study_t **st, sp_catalogue_t **cat, sp_err_t *err)
{
	*st = sp_study_read(path, err);
	if (*st == NULL)
		return err->code;
	*cat = sp_catalogue_read((*st)->catalogue_path, (*st)->grades_path, err);
	if (*cat == NULL)
		return err->code;
	return sp_study_resolve(*st, *cat, err);
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(fp, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(fp, "\\u%04x", ch);
		else
			fputc(ch, fp);
	}
	fputc('"', fp);
}

/* run.json: the search strategy and what it saved against exhaustive */
static void write_search_json(FILE *fp, const sp_study_t *st, const sp_eval_stats_t *s,
                              const sp_anchor_refine_t *r)
{
	fprintf(fp, "\"search\": {\n    \"strategy\": \"%s\",\n    \"candidates_evaluated\": %zu,\n"
	        "    \"candidates_exhaustive\": %zu,\n    \"analyses_run\": %zu,\n    \"analyses_exhaustive\": %zu",
	        sp_search_name(st->search), s->evaluated, s->candidates, s->analyses_run, s->analyses_exhaustive);
	if (st->search == SP_SEARCH_MIN_LENGTH)
		fprintf(fp, ",\n    \"groups\": %zu,\n    \"groups_full_scan\": %zu,\n    \"groups_without_feasible\": %zu,"
		        "\n    \"rounds\": %zu", s->search_groups, s->search_scanned, s->search_no_feasible, s->search_rounds);
	if (r) {
		fprintf(fp, ",\n    \"anchor_refinement\": {\n      \"refined\": %s,\n      \"note\": ", r->done ? "true" : "false");
		json_string(fp, r->note);
		fprintf(fp, ",\n      \"grid_anchor_level_m\": %.4f,\n      \"grid_util_max\": %.4f,\n"
		        "      \"anchor_level_m\": %.4f,\n      \"util_max\": %.4f,\n      \"feasible\": %s,\n"
		        "      \"analyses\": %d,\n      \"brent_iterations\": %d\n    }", r->grid_level_m, r->grid_util_max,
		        r->level_m, r->util_max, r->feasible ? "true" : "false", r->evaluations, r->iterations);
	}
	fputs("\n  },\n  \"best\": ", fp);
}

static int write_run_json(const char *dir, const sp_study_t *st, const sp_eval_stats_t *s, int licenses,
                          double seconds, const sp_result_t *best, const sp_anchor_refine_t *refine, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, "run.json", err);
	if (rc)
		return rc;
	FILE *fp = f.fp;
	fputs("{\n  \"program\": \"sheetpile " SP_VERSION "\",\n  \"study\": ", fp);
	json_string(fp, st->name);
	fputs(",\n  \"study_file\": ", fp);
	json_string(fp, st->path);
	fprintf(fp,
	        ",\n  \"method\": \"%s\",\n  \"earth_pressure\": \"%s\",\n  \"safety\": \"%s\",\n"
	        "  \"objective\": \"%s\",\n  \"currency\": ",
	        st->method == SP_METHOD_SUBGRADE ? "subgrade" : "le", sp_earth_theory_name(st->earth_pressure), sp_safety_name(st->safety), sp_objective_name(st->objective));
	json_string(fp, st->currency);
	fprintf(fp,
	        ",\n  \"candidates\": %zu,\n  \"analyses_run\": %zu,\n  \"evaluated\": %zu,\n  \"feasible\": %zu,\n"
	        "  \"infeasible\": %zu,\n  \"failed\": %zu,\n  \"wall_time_s\": %.6f,\n  \"evaluations_per_s\": %.0f,\n"
	        "  \"threads\": %d,\n  \"mpi_ranks\": %d,\n  \"licenses\": %d,\n  \"max_concurrent_evaluations\": %d,\n",
	        s->candidates, s->analyses_run, s->evaluated, s->feasible, s->infeasible, s->failed, seconds,
	        seconds > 0 ? (double)s->evaluated / seconds : 0.0, s->workers, sp_dist_size(), licenses,
	        s->max_concurrent);
	if (s->exec) {
		const sp_batch_stats_t *b = &s->batch;
		fprintf(fp,
		        "  \"engine\": \"exec\",\n  \"analyses_resumed\": %zu,\n  \"solver_failed\": %zu,\n"
		        "  \"leftover_solvers_stopped\": %zu,\n"
		        "  \"max_concurrent_solvers\": %d,\n  \"makespan_s\": %.6f,\n  \"lower_bound_s\": %.6f,\n"
		        "  \"makespan_over_lower_bound\": ",
		        b->resumed, b->solver_failed, b->leftovers_stopped, b->max_running, b->makespan_s, b->lower_bound_s);
		if (b->lower_bound_s > 0)
			fprintf(fp, "%.4f", b->makespan_s / b->lower_bound_s);
		else
			fputs("null", fp);
		fputs(",\n", fp);
	}
	fputs("  ", fp);
	write_search_json(fp, st, s, refine);
	if (best) {
		const sp_anchor_option_t *an = &st->anchors[best->cand.anchor];
		fprintf(fp, "{\n    \"candidate_id\": %zu,\n    \"profile\": ", best->cand.id);
		json_string(fp, st->profiles[best->cand.profile]);
		fputs(",\n    \"grade\": ", fp);
		json_string(fp, st->grades[best->cand.grade]);
		fprintf(fp, ",\n    \"length_m\": %.3f,\n    \"anchor_level_m\": ", st->lengths_m[best->cand.length]);
		if (an->anchored)
			fprintf(fp, "%.3f", an->level_m);
		else
			fputs("null", fp);
		fprintf(fp,
		        ",\n    \"cost_per_m\": %.2f,\n    \"mass_kg_per_m\": %.1f,\n    \"co2_kg_per_m\": %.1f,\n"
		        "    \"util_max\": %.4f\n  }\n}\n",
		        best->cost.cost_per_m, best->cost.mass_kg_per_m, best->cost.co2_kg_per_m, best->checks.util_max);
	} else {
		fputs("null\n}\n", fp);
	}
	return sp_outfile_commit(&f, err);
}

static int write_pareto_csv(const char *dir, const sp_study_t *st, const sp_result_t *front, size_t n,
                            const sp_result_t *best, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, "pareto.csv", err);
	if (rc == SP_OK) {
		sp_csv_pareto_header(f.fp);
		for (size_t i = 0; i < n; i++)
			sp_csv_pareto_row(f.fp, st, best && front[i].cand.id == best->cand.id, &front[i]);
		rc = sp_outfile_commit(&f, err);
	}
	return rc;
}

static int write_search_csv(const char *dir, const sp_study_t *st, const sp_search_t *s, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, "search.csv", err);
	if (rc == SP_OK) {
		sp_csv_search(f.fp, st, s);
		rc = sp_outfile_commit(&f, err);
	}
	return rc;
}

/* Progress on stderr while candidates are evaluated: a bar on a terminal,
 * plain lines (every 10 % or 2 s) otherwise, nothing with --quiet. main.c
 * polls the evaluator's counters (sp_eval_stats) between chunks. */
typedef struct {
	int mode;            /* 0 off, 1 terminal bar, 2 plain lines */
	double t0, last_s;   /* start, time of the last plain line */
	int last_tenth;      /* last 10 % step printed */
	int drawn;           /* a bar is on the terminal's last line */
	size_t shown_done, shown_total; /* what the bar shows */
} progress_t;

static void progress_start(progress_t *p, double t0)
{
	p->mode = quiet ? 0 : isatty(2) ? 1 : 2;
	p->t0 = p->last_s = t0;
	p->last_tenth = 0;
	p->drawn = 0;
}

/* The end of a phase: the bar's line is finished. */
static void progress_end(progress_t *p)
{
	if (p->drawn)
		fputc('\n', stderr);
	p->drawn = 0;
}

static void progress_eta(char *buf, size_t size, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

/* One progress report of `what` (analyses or candidates); eta_s < 0: from
 * the rate since progress_start. A terminal bar is redrawn at most every
 * 0.1 s (and at the end). */
static void progress_show(progress_t *p, const char *what, size_t done, size_t total, double eta_s)
{
	if (p->mode == 0 || total == 0)
		return;
	double t = now_s(), el = t - p->t0;
	double rate = el > 0 ? (double)done / el : 0.0;
	double frac = (double)done / (double)total;
	char eta[32] = "--:--";
	if (eta_s >= 0)
		progress_eta(eta, sizeof eta, eta_s);
	else if (rate > 0)
		progress_eta(eta, sizeof eta, (double)(total - done) / rate);
	if (p->mode == 1) {
		if ((t - p->last_s < 0.1 && done != total) || (p->drawn && done == p->shown_done && total == p->shown_total))
			return;
		p->shown_done = done;
		p->shown_total = total;
		p->last_s = t;
		char bar[31];
		int full = (int)(frac * 30);
		for (int i = 0; i < 30; i++)
			bar[i] = i < full ? '#' : '.';
		bar[30] = '\0';
		fprintf(stderr, "\r[%s] %zu/%zu %s %5.1f%%  %.*f/s  ETA %s ", bar, done, total, what, 100 * frac,
		        rate < 10 ? 1 : 0, rate, eta);
		p->drawn = 1;
		fflush(stderr);
		return;
	}
	int tenth = (int)(frac * 10);
	if (tenth > p->last_tenth || t - p->last_s >= 2.0 || done == total) {
		fprintf(stderr, "progress %zu/%zu %s (%.0f%%), %.*f/s, ETA %s\n", done, total, what, 100 * frac,
		        rate < 10 ? 1 : 0, rate, eta);
		p->last_tenth = tenth;
		p->last_s = t;
	}
}

static void progress_update(progress_t *p, size_t done, size_t total)
{
	progress_show(p, "candidates", done, total, -1.0);
}

/* Progress of the analysis phase of one or more studies (a batch). With an
 * external solver the ETA is the remaining lower bound max(remaining sum of
 * the solver jobs' expected times / licences, longest remaining job), the
 * expected times being the pool's estimates scaled by the finished jobs. */
static void progress_analyses(progress_t *p, const sp_eval_stats_t *s, size_t n)
{
	size_t done = 0, total = 0;
	double sum = 0, max = 0;
	int slots = 1, lb = 1, any = 0;
	for (size_t i = 0; i < n; i++) {
		if (!s[i].analysing && s[i].analyses_known == 0)
			continue;
		any = 1;
		done += s[i].analyses_done;
		total += s[i].analyses_known;
		if (!s[i].analysing)
			continue;
		if (!s[i].exec || !s[i].remaining_known)
			lb = 0;
		sum += s[i].remaining_sum_s;
		max = fmax(max, s[i].remaining_max_s);
		slots = s[i].pool_slots > 0 ? s[i].pool_slots : 1;
	}
	if (any)
		progress_show(p, "analyses", done, total, lb ? fmax(sum / slots, max) : -1.0);
}

/* The output directory: created when missing; an existing one only when
 * sheetpile made it (its .sheetpile-run marker, e.g. for --resume), it is
 * empty, or --force (outfile.h). */
static int make_outdir(const char *dir, int force, sp_err_t *err)
{
	return sp_outdir_prepare(dir, force, err);
}

static void default_outdir(char *buf, size_t size, const char *study)
{
	const char *base = strrchr(study, '/');
	base = base ? base + 1 : study;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	snprintf(buf, size, "%.*s-results", (int)n, base);
}

/* [sensitivity]: the best designs again under changed ground, water and
 * loads -> OUTDIR/sensitivity.csv; sens is filled for the report. */
static int write_sensitivity(const char *outdir, const sp_study_t *st, const sp_catalogue_t *cat,
                             const sp_result_t *best, size_t nbest, int workers, sp_sens_t *sens, sp_err_t *err)
{
	if (!st->sensitivity.enabled || nbest == 0)
		return SP_OK;
	int rc = sp_sens_run(st, cat, best, nbest, workers, sens, err);
	if (rc != SP_OK)
		return rc;
	sp_outfile_t f;
	if ((rc = sp_outfile_open(&f, outdir, "sensitivity.csv", err)) != SP_OK)
		return rc;
	sp_sens_write_csv(f.fp, st, best, sens);
	return sp_outfile_commit(&f, err);
}

/* The run's warnings, one per line (without the [WARNING] tag). */
static void run_warnings(char *buf, size_t size, const sp_eval_stats_t *stats, const char *plot_warning,
                         const char *outdir)
{
	size_t n = 0;
	buf[0] = '\0';
	if (stats->clamped)
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "threads limited to the licence count: %d\n",
		                      stats->workers);
	if (plot_warning[0] && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s\n", plot_warning);
	if (stats->failed && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%zu candidates failed (status failed:<reason> in results.csv)\n",
		                      stats->failed);
	if (stats->exec && stats->batch.leftovers_stopped && n < size)
		n += (size_t)snprintf(buf + n, size - n,
		                      "stopped %zu solver process group(s) that an earlier, killed run had left running "
		                      "(their analyses ran again)\n",
		                      stats->batch.leftovers_stopped);
	if (stats->exec && stats->batch.solver_failed && n < size)
		snprintf(buf + n, size - n,
		         "the solver failed on %zu analyses: see failure.txt, stdout.txt and stderr.txt in "
		         "%.3000s/work/a<analysis_id>/ (timeline.csv lists them)\n",
		         stats->batch.solver_failed, outdir);
}

/* OUTDIR/report.html, after the plots are drawn. */
static int write_report(const char *outdir, const sp_report_t *r, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, outdir, "report.html", err);
	if (rc != SP_OK)
		return rc;
	if ((rc = sp_report_write(f.fp, r, NULL, err)) != SP_OK) {
		sp_outfile_abort(&f);
		return rc;
	}
	return sp_outfile_commit(&f, err);
}

/* What batch needs to know of one study's run. */
typedef struct {
	int status;                  /* exit code, 0 ok */
	char message[SP_MSG_MAX];    /* the error when status != 0 */
	char name[SP_NAME_MAX], currency[16];
	size_t candidates, feasible;
	int has_best;
	sp_result_t best;
	char profile[SP_NAME_MAX], grade[SP_NAME_MAX];
	double length_m;
	sp_anchor_option_t anchor;
} run_summary_t;

static void run_summary_best(run_summary_t *sum, const sp_study_t *st, const sp_eval_stats_t *stats,
                             const sp_result_t *best)
{
	sp_strlcpy(sum->name, st->name, sizeof sum->name);
	sp_strlcpy(sum->currency, st->currency, sizeof sum->currency);
	sum->candidates = stats->candidates;
	sum->feasible = stats->feasible;
	sum->has_best = best != NULL;
	if (best == NULL)
		return;
	sum->best = *best;
	sum->best.analysis = NULL; /* freed with the run */
	sp_strlcpy(sum->profile, st->profiles[best->cand.profile], sizeof sum->profile);
	sp_strlcpy(sum->grade, st->grades[best->cand.grade], sizeof sum->grade);
	sum->length_m = st->lengths_m[best->cand.length];
	sum->anchor = st->anchors[best->cand.anchor];
}

/* One study up to the end of its analysis phase: what run and batch share.
 * A batch opens every study first, then steps their analysis phases
 * together (one licence pool), then writes each study's outputs. */
typedef struct {
	sp_study_t *st;
	sp_catalogue_t *cat;
	sp_eval_t *ev;
	char outdir[4400];
	double t0;
	int finished;        /* the analysis phase is over (rc says how) */
	int rc;
	sp_err_t err;
} study_t;

/* By Ctrl-C or SIGTERM: the journal keeps what is done. */
static void stopped_message(study_t *s, const char *study)
{
	char what[SP_MSG_MAX];
	sp_strlcpy(what, s->err.text, sizeof what);
	s->rc = sp_err_set(&s->err, 128 + (int)stop_signal,
	                   "stopped by signal %d (%s); the running solvers were terminated.\n        %s\n"
	                   "        continue with: sheetpile run %s --resume -o %s",
	                   (int)stop_signal, strsignal((int)stop_signal), what, study, s->outdir);
}

/* Load the study (s->rc on failure). */
static int study_load(const opts_t *o, study_t *s)
{
	memset(s, 0, sizeof *s);
	if ((s->rc = load(o->study, &s->st, &s->cat, &s->err)) != SP_OK) {
		s->finished = 1;
		return s->rc;
	}
	sp_study_t *st = s->st;
	if (o->threads >= 0)
		st->threads = o->threads;
	if (o->licenses > 0)
		st->licenses = o->licenses;
	if (o->outdir)
		snprintf(s->outdir, sizeof s->outdir, "%s", o->outdir);
	else
		default_outdir(s->outdir, sizeof s->outdir, o->study);
	return SP_OK;
}

/* Plan the evaluation of a loaded study (no analysis yet); s->rc on failure.
 * pool: a licence pool shared with other studies, or NULL. */
static int study_plan(const opts_t *o, sp_pool_t *pool, study_t *s)
{
	if (s->rc != SP_OK)
		return s->rc;
	sp_study_t *st = s->st;
	s->t0 = now_s();
	/* chunks small enough for progress steps, never larger than the default */
	size_t total = sp_study_n_candidates(st), chunk = total / 20 < 4096 ? 4096 : total / 20;
	sp_eval_opts_t eo = {st->threads, st->licenses, chunk < 16384 ? chunk : 16384, s->outdir, o->resume,
	                     &stop_signal, st->solver ? pool : NULL};
	if (st->solver) { /* the solver's work directories, journal and timeline go there from the start */
		if (sp_dist_is_root() && (s->rc = make_outdir(s->outdir, o->force, &s->err)) != SP_OK) {
			s->finished = 1;
			return s->rc;
		}
		sp_dist_barrier(); /* MPI: the other ranks' solvers work in it too */
		catch_stop_signals();
	}
	if ((s->ev = sp_eval_open(st, s->cat, &eo, &s->err)) == NULL)
		s->rc = s->err.code ? s->err.code : SP_ESOFTWARE;
	if (s->rc)
		s->finished = 1;
	return s->rc;
}

/* One step of a study's analysis phase; sets s->finished (and s->rc). */
static void study_step(study_t *s, const char *study, double budget_s)
{
	if (s->finished)
		return;
	if (s->rc == SP_OK && sp_eval_step(s->ev, budget_s, &s->finished, &s->err) != SP_OK) {
		s->rc = s->err.code ? s->err.code : SP_ESOFTWARE;
		if (s->rc == SP_ESTOPPED)
			stopped_message(s, study);
	}
	if (s->rc)
		s->finished = 1;
}

static int run_study(const opts_t *opts, run_summary_t *sum, study_t *pre);

static int cmd_run(int argc, char **argv)
{
	opts_t o;
	int rc = parse_opts(argc, argv, 2, &o);
	if (rc)
		return rc;
	if (o.study == NULL)
		return usage_error("%s", "run needs a study file: sheetpile run STUDY.ini");
	if (o.candidate)
		return usage_error("unknown option '%s' (export-dsheet only)", "--candidate");
	study_t s;
	if (study_load(&o, &s) == SP_OK && study_plan(&o, NULL, &s) == SP_OK) {
		progress_t prog;
		progress_start(&prog, now_s());
		while (!s.finished) {
			study_step(&s, o.study, 0.25);
			sp_eval_stats_t stats;
			if (s.ev) {
				sp_eval_stats(s.ev, &stats);
				progress_analyses(&prog, &stats, 1);
			}
		}
		progress_end(&prog);
	}
	return run_study(&o, NULL, &s);
}

/* results.csv, the ranking, the Pareto front and the plot data, fed by the
 * evaluator's workers (sp_eval_drain): each worker (or MPI rank) formats
 * its own chunk's rows, then the chunks are written and ranked in candidate
 * order while the other workers evaluate. Under MPI the other ranks rank
 * their own chunks (results_gather; the ranking, the Pareto front and the
 * plot's cheapest costs do not depend on the order of the rows) and send
 * rank 0 only the bytes it writes, then once what they kept (results_pack),
 * which rank 0 merges (results_unpack). */
typedef struct {
	const sp_study_t *st;
	sp_outfile_t *res;  /* NULL on the other MPI ranks */
	sp_rank_t *rank;
	sp_pareto_t *front;
	sp_plot_t *plot;    /* NULL: no plots */
	sp_eval_t *ev;
	progress_t *prog;   /* NULL on the other MPI ranks */
	sp_err_t *err;
} results_sink_t;

/* What prepare makes of some rows, in sections: the lengths of the results
 * text and of the plot's lines, then the text, then the lines. */
typedef struct {
	uint64_t text, lines;
} results_section_t;

static size_t results_bytes_per_row(const results_sink_t *rs)
{
	return sizeof(results_section_t) + SP_CSV_ROW_MAX + (rs->plot ? SP_PLOT_LINE_MAX : 0);
}

static size_t results_prepare(void *data, const sp_result_t *rows, size_t n, char *out)
{
	const results_sink_t *rs = data;
	results_section_t sec;
	char *text = out + sizeof sec;
	sec.text = sp_csv_results_format_rows(text, rs->st, rows, n);
	sec.lines = rs->plot ? sp_plot_format_sampled(rs->plot, rows, n, text + sec.text) : 0;
	memcpy(out, &sec, sizeof sec);
	return sizeof sec + sec.text + sec.lines;
}

static int results_gather(void *data, const sp_result_t *rows, size_t n)
{
	results_sink_t *rs = data;
	sp_rank_add(rs->rank, rows, n);
	if (sp_pareto_add(rs->front, rows, n) != SP_OK)
		return sp_err_set(rs->err, SP_ESOFTWARE, "out of memory");
	if (rs->plot)
		sp_plot_gather(rs->plot, rows, n);
	return SP_OK;
}

/* rows NULL: another MPI rank's chunk, gathered there */
static int results_consume(void *data, const sp_result_t *rows, size_t n, const char *prepared, size_t bytes)
{
	results_sink_t *rs = data;
	for (size_t at = 0; at + sizeof(results_section_t) <= bytes;) {
		results_section_t sec;
		memcpy(&sec, prepared + at, sizeof sec);
		at += sizeof sec;
		if (sp_outfile_write(rs->res, prepared + at, sec.text) != 0)
			return SP_EIO; /* the cause: sp_outfile_commit */
		if (rs->plot)
			sp_plot_write_sampled(rs->plot, prepared + at + sec.text, sec.lines);
		at += sec.text + sec.lines;
	}
	int rc;
	if (rows && (rc = results_gather(data, rows, n)) != SP_OK)
		return rc;
	sp_eval_stats_t stats;
	sp_eval_stats(rs->ev, &stats);
	progress_update(rs->prog, stats.evaluated, stats.to_evaluate);
	return SP_OK;
}

/* Another MPI rank's best rows, its Pareto front and the plot's cheapest
 * costs: their counts and the plot's bytes, then the rows, then the plot's. */
static int results_pack(void *data, char **buf, size_t *bytes)
{
	results_sink_t *rs = data;
	size_t nbest, nfront;
	const sp_result_t *best = sp_rank_best(rs->rank, &nbest);
	const sp_result_t *front = sp_pareto_front(rs->front, &nfront);
	uint64_t head[3] = {nbest, nfront, rs->plot ? sp_plot_state_bytes(rs->plot) : 0};
	size_t rows = (nbest + nfront) * sizeof *best;
	char *b = malloc(sizeof head + rows + head[2]);
	if (b == NULL)
		return sp_err_set(rs->err, SP_ESOFTWARE, "out of memory");
	memcpy(b, head, sizeof head);
	if (nbest) /* an empty front may be NULL */
		memcpy(b + sizeof head, best, nbest * sizeof *best);
	if (nfront)
		memcpy(b + sizeof head + nbest * sizeof *best, front, nfront * sizeof *front);
	if (rs->plot)
		sp_plot_state_pack(rs->plot, b + sizeof head + rows);
	*buf = b;
	*bytes = sizeof head + rows + head[2];
	return SP_OK;
}

static int results_unpack(void *data, char *buf, size_t bytes)
{
	results_sink_t *rs = data;
	uint64_t head[3];
	if (bytes < sizeof head)
		return sp_err_set(rs->err, SP_ESOFTWARE, "a short block from an MPI rank");
	memcpy(head, buf, sizeof head);
	size_t max = (bytes - sizeof head) / sizeof(sp_result_t);
	if (head[0] > max || head[1] > max - head[0] ||
	    sizeof head + (head[0] + head[1]) * sizeof(sp_result_t) + head[2] != bytes)
		return sp_err_set(rs->err, SP_ESOFTWARE, "a malformed block from an MPI rank");
	sp_result_t *rows = (sp_result_t *)(void *)(buf + sizeof head); /* malloc'd: aligned */
	sp_eval_relink(rs->ev, rows, head[0] + head[1]);
	sp_rank_add(rs->rank, rows, head[0]);
	if (sp_pareto_add(rs->front, rows + head[0], head[1]) != SP_OK)
		return sp_err_set(rs->err, SP_ESOFTWARE, "out of memory");
	if (rs->plot && sp_plot_state_merge(rs->plot, (const char *)(rows + head[0] + head[1]), head[2]) != SP_OK)
		return sp_err_set(rs->err, SP_ESOFTWARE, "plot data of another study from an MPI rank");
	return SP_OK;
}

/* The outputs of one study whose analysis phase is over (pre, taken over
 * and freed here); sum (batch) may be NULL */
static int run_study(const opts_t *opts, run_summary_t *sum, study_t *pre)
{
	opts_t o = *opts;
	int rc = pre->rc;
	sp_err_t err = pre->err;
	sp_study_t *st = pre->st;
	sp_catalogue_t *cat = pre->cat;
	sp_eval_t *ev = pre->ev;
	sp_rank_t *rank = NULL;
	sp_pareto_t *front = NULL;
	sp_plot_t *plot = NULL;
	sp_outfile_t res = {0}, rk = {0}, dg = {0}, sg = {0};
	sp_wall_t *best_wall = NULL;
	sp_beam_result_t stages;
	memset(&stages, 0, sizeof stages);
	sp_analysis_t diag[N_BEST_DIAGRAMS];
	memset(diag, 0, sizeof diag);
	sp_sens_t sens = {0};
	results_sink_t rs = {0};
	sp_eval_sink_t sink = {0, results_prepare, results_consume, &rs, results_gather, results_pack, results_unpack};
	const char *outdir = pre->outdir;
	double t0 = pre->t0;
	if (rc != SP_OK)
		goto out;
	if ((rank = sp_rank_alloc((size_t)st->top_k)) == NULL || (front = sp_pareto_alloc()) == NULL) {
		rc = sp_err_set(&err, SP_ESOFTWARE, "out of memory");
		goto out;
	}
	if (!sp_dist_is_root()) { /* MPI: this rank evaluates, formats and ranks chunks for rank 0, which writes */
		if (!o.no_plots && (plot = sp_plot_alloc(st, NULL, &err)) == NULL) {
			rc = err.code;
			goto out;
		}
		rs = (results_sink_t){st, NULL, rank, front, plot, ev, NULL, &err};
		sink.bytes_per_row = results_bytes_per_row(&rs);
		rc = sp_eval_drain(ev, &sink);
		goto out;
	}
	/* everything is checked: only now touch the file system */
	if ((rc = make_outdir(outdir, o.force, &err)) != SP_OK || (rc = sp_outfile_open(&res, outdir, "results.csv", &err)))
		goto out;
	if (!o.no_plots && (plot = sp_plot_alloc(st, outdir, &err)) == NULL) {
		rc = err.code;
		goto out;
	}
	sp_csv_results_header(res.fp);
	sp_eval_stats_t stats;
	progress_t prog;
	progress_start(&prog, now_s());
	rs = (results_sink_t){st, &res, rank, front, plot, ev, &prog, &err};
	sink.bytes_per_row = results_bytes_per_row(&rs);
	if ((rc = sp_eval_drain(ev, &sink)) != SP_OK) {
		if (rc == SP_EIO && res.write_errno) /* results.csv: its message, the temporary file removed */
			rc = sp_outfile_commit(&res, &err);
		else if (err.code == 0)
			rc = sp_err_set(&err, rc, "out of memory");
		goto out;
	}
	progress_end(&prog);
	double seconds = now_s() - t0;
	sp_eval_stats(ev, &stats);
	if ((rc = sp_outfile_commit(&res, &err)) != SP_OK)
		goto out;

	size_t nbest;
	const sp_result_t *best = sp_rank_best(rank, &nbest);
	if ((rc = sp_outfile_open(&rk, outdir, "ranking.csv", &err)) != SP_OK)
		goto out;
	sp_csv_ranking_header(rk.fp);
	for (size_t i = 0; i < nbest; i++)
		sp_csv_ranking_row(rk.fp, st, i + 1, &best[i]);
	if ((rc = sp_outfile_commit(&rk, &err)) != SP_OK)
		goto out;
	size_t nfront;
	const sp_result_t *pareto = sp_pareto_front(front, &nfront);
	if ((rc = write_pareto_csv(outdir, st, pareto, nfront, nbest ? &best[0] : NULL, &err)) != SP_OK)
		goto out;
	if (plot)
		sp_plot_set_pareto(plot, pareto, nfront);
	if (sp_eval_search(ev) && (rc = write_search_csv(outdir, st, sp_eval_search(ev), &err)) != SP_OK)
		goto out;

	/* diagrams of the best designs, analysed again with diagrams on */
	if ((rc = sp_outfile_open(&dg, outdir, "best_diagrams.csv", &err)) != SP_OK)
		goto out;
	sp_csv_diagram_header(dg.fp);
	size_t ndiag = nbest < N_BEST_DIAGRAMS ? nbest : N_BEST_DIAGRAMS, diag_ids[N_BEST_DIAGRAMS];
	sp_result_t diag_rows[N_BEST_DIAGRAMS];
	for (size_t i = 0; i < ndiag; i++)
		diag_ids[i] = best[i].cand.id;
	if (stop_signal) /* a [solver] study: the diagrams run the solver again, at once */
		goto stopped;
	if ((rc = sp_designs_eval(st, cat, diag_ids, ndiag, DIAGRAM_STEP_M, diag, diag_rows, &err)) != SP_OK)
		goto out;
	if (stop_signal)
		goto stopped;
	for (size_t i = 0; i < ndiag; i++)
		sp_csv_diagram_rows(dg.fp, i + 1, best[i].cand.id, &diag[i]);
	if ((rc = sp_outfile_commit(&dg, &err)) != SP_OK)
		goto out;
	/* subgrade studies: every construction stage of the best design */
	if (st->method == SP_METHOD_SUBGRADE && nbest) {
		const sp_candidate_t *c = &best[0].cand;
		long pi = sp_catalogue_find_profile(cat, st->profiles[c->profile]);
		best_wall = malloc(sizeof *best_wall);
		if (best_wall == NULL || pi < 0) {
			rc = sp_err_set(&err, SP_ESOFTWARE, "out of memory");
			goto out;
		}
		sp_study_wall_for_case(st, sp_profile_ei_kNm2_per_m(sp_catalogue_profile(cat, (size_t)pi)),
		                       st->lengths_m[c->length], &st->anchors[c->anchor], best_wall);
		if ((rc = sp_beam_analyse(best_wall, 1, &stages, &err)) != SP_OK)
			goto out;
		if ((rc = sp_outfile_open(&sg, outdir, "best_stages.csv", &err)) != SP_OK)
			goto out;
		sp_csv_stages_header(sg.fp);
		for (int s = 0; s < stages.n_stages; s++)
			sp_csv_stage_rows(sg.fp, s + 1, best_wall->stages[s].name, stages.stage[s].nodes,
			                  stages.stage[s].n_nodes);
		if ((rc = sp_outfile_commit(&sg, &err)) != SP_OK)
			goto out;
		if (plot)
			sp_plot_set_stages(plot, &stages, best_wall);
	}
	sp_anchor_refine_t refine;
	if (st->refine_anchor && nbest && (rc = sp_anchor_refine(st, cat, &best[0], &refine, &err)) != SP_OK)
		goto out;
	if ((rc = write_sensitivity(outdir, st, cat, best, nbest, stats.workers, &sens, &err)) != SP_OK)
		goto out;
	if (plot && stats.exec)
		sp_plot_set_timeline(plot);
	if ((rc = write_run_json(outdir, st, &stats, st->licenses, seconds, nbest ? &best[0] : NULL,
	                         st->refine_anchor && nbest ? &refine : NULL, &err)))
		goto out;
	char warning[4400] = "";
	if (plot && (rc = sp_plot_finish(plot, nbest ? &best[0] : NULL, nbest ? &diag[0] : NULL, warning,
	                                 sizeof warning, &err)) != SP_OK)
		goto out;
	char warnings[6000];
	run_warnings(warnings, sizeof warnings, &stats, warning, outdir);
	char plots_dir[4500];
	snprintf(plots_dir, sizeof plots_dir, "%s/plots", outdir);
	sp_report_t rep = {st, best, nbest, &stats, seconds, &sens, plot ? plots_dir : NULL, warnings};
	if ((rc = write_report(outdir, &rep, &err)) != SP_OK)
		goto out;
	for (const char *w = warnings; *w;) {
		const char *e = strchr(w, '\n');
		fprintf(stderr, "[WARNING] %.*s\n", (int)(e - w), w);
		w = e + 1;
	}
	if (!quiet) {
		printf("study      %s (%s)\n", st->name, st->path);
		printf("candidates %zu: %zu feasible, %zu infeasible, %zu failed; %zu distinct analyses\n",
		       stats.candidates, stats.feasible, stats.infeasible, stats.failed, stats.analyses_run);
		if (st->search == SP_SEARCH_MIN_LENGTH)
			printf("search     min-length: %zu of %zu candidates and %zu of %zu analyses evaluated; "
			       "%zu of %zu groups scanned in full (not monotone in length)\n", stats.evaluated,
			       stats.candidates, stats.analyses_run, stats.analyses_exhaustive, stats.search_scanned,
			       stats.search_groups);
		char ranks[48] = "";
		if (sp_dist_size() > 1)
			snprintf(ranks, sizeof ranks, " (rank 0) on %d MPI ranks", sp_dist_size());
		printf("time       %.3f s, %.0f evaluations/s, %d threads%s, %d licences\n", seconds,
		       seconds > 0 ? (double)stats.evaluated / seconds : 0.0, stats.workers, ranks, st->licenses);
		if (stats.exec)
			printf("solver     %zu analyses run, %zu from the journal, %zu failed; makespan %.3f s, "
			       "lower bound %.3f s\n", stats.batch.run, stats.batch.resumed, stats.batch.solver_failed,
			       stats.batch.makespan_s, stats.batch.lower_bound_s);
		if (nbest) {
			const sp_result_t *b = &best[0];
			const sp_anchor_option_t *an = &st->anchors[b->cand.anchor];
			printf("best       %s %s, length %.2f m, ", st->profiles[b->cand.profile], st->grades[b->cand.grade],
			       st->lengths_m[b->cand.length]);
			if (an->anchored)
				printf("anchor at %.2f m", an->level_m);
			else
				printf("cantilever");
			printf(": %.2f %s/m, util_max %.3f\n", b->cost.cost_per_m, st->currency, b->checks.util_max);
		} else {
			printf("best       no feasible design\n");
		}
		if (st->refine_anchor && nbest)
			printf("anchor     %s: level %.3f m, util_max %.3f (ranked: %.3f m, %.3f)%s%s\n",
			       refine.done ? "refined" : "not refined", refine.level_m, refine.util_max, refine.grid_level_m,
			       refine.grid_util_max, refine.done ? "" : ": ", refine.done ? "" : refine.note);
		printf("results    %s/ (results.csv, ranking.csv, pareto.csv, best_diagrams.csv,%s%s%s run.json, report.html%s%s)\n",
		       outdir, st->method == SP_METHOD_SUBGRADE ? " best_stages.csv," : "",
		       st->search == SP_SEARCH_MIN_LENGTH ? " search.csv," : "", sens.n ? " sensitivity.csv," : "",
		       stats.exec ? ", journal.txt, timeline.csv" : "", plot ? ", plots/" : "");
	}
	if (sum)
		run_summary_best(sum, st, &stats, nbest ? &best[0] : NULL);
	rc = SP_OK;
	if (stats.exec && stats.batch.solver_failed) /* every output is written; the warning said why */
		rc = sp_err_set(&err, SP_ETEMPFAIL, "the solver failed on %zu analyses (see %s/work/)",
		                stats.batch.solver_failed, outdir);
	if (0) {
stopped: /* every analysis is in the journal: --resume writes the outputs */
		rc = sp_err_set(&err, 128 + (int)stop_signal, "stopped by signal %d (%s) while writing the outputs; continue with: "
		                "sheetpile run %s --resume -o %s", (int)stop_signal, strsignal((int)stop_signal), o.study,
		                outdir);
	}
out:
	if (rc && ev && sp_eval_distributing(ev)) { /* MPI: the other ranks wait for this one */
		fail(&err);
		fflush(NULL);
		sp_dist_abort(rc);
	}
	if (sum && rc) {
		sum->status = err.code ? err.code : SP_ESOFTWARE;
		sp_strlcpy(sum->message, err.text, sizeof sum->message);
	}
	sp_outfile_abort(&res);
	sp_outfile_abort(&rk);
	sp_outfile_abort(&dg);
	sp_outfile_abort(&sg);
	sp_beam_result_free(&stages);
	sp_sens_free(&sens);
	free(best_wall);
	for (size_t i = 0; i < N_BEST_DIAGRAMS; i++)
		sp_analysis_free(&diag[i]);
	sp_plot_free(plot);
	sp_rank_free(rank);
	sp_pareto_free(front);
	sp_eval_free(ev);
	sp_catalogue_free(cat);
	sp_study_free(st);
	if (rc && err.code == 0)
		return rc; /* stopped, or solver failures: already reported */
	return rc ? fail(&err) : 0;
}

/* ---- batch: many studies, one summary ------------------------------------ */

/* The sub-directory of a study: its file name without .ini, characters other
 * than letters, digits, '-', '_' and '.' replaced by '_', made unique. */
static void batch_dir_name(char *buf, size_t size, const char *study, char (*taken)[256], size_t n_taken)
{
	const char *base = strrchr(study, '/');
	base = base ? base + 1 : study;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	char name[200];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof name; i++) {
		unsigned char ch = (unsigned char)base[i];
		int okc = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'
		          || ch == '_' || ch == '.';
		name[k++] = okc ? (char)ch : '_';
	}
	name[k] = '\0';
	if (k == 0 || name[0] == '.') { /* no hidden or empty name */
		memmove(name + 5, name, k + 1 < sizeof name - 5 ? k + 1 : sizeof name - 5);
		memcpy(name, "study", 5);
		name[sizeof name - 1] = '\0';
	}
	snprintf(buf, size, "%s", name);
	for (int copy = 2;; copy++) {
		int clash = strcmp(buf, "summary.csv") == 0 || strcmp(buf, "index.html") == 0;
		for (size_t i = 0; i < n_taken && !clash; i++)
			clash = strcmp(taken[i], buf) == 0;
		if (!clash)
			return;
		snprintf(buf, size, "%s-%d", name, copy);
	}
}

static void csv_text(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void html_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", fp);
		else if (*s == '>')
			fputs("&gt;", fp);
		else if (*s == '&')
			fputs("&amp;", fp);
		else if (*s == '"')
			fputs("&quot;", fp);
		else
			fputc(*s, fp);
	}
}

static const char *batch_status(const run_summary_t *r)
{
	return r->status ? "failed" : r->has_best ? "ok" : "no-feasible-design";
}

static int batch_summary_csv(const char *outdir, char *const *studies, char (*dirs)[256], const run_summary_t *r,
                             size_t n, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, outdir, "summary.csv", err);
	if (rc)
		return rc;
	fputs("study,study_file,status,exit_code,message,output_dir,candidates,feasible,profile,grade,length_m,"
	      "anchor_level_m,cost_per_m,currency,mass_kg_per_m,co2_kg_per_m,util_bending,util_embedment,util_anchor,"
	      "util_max\r\n",
	      f.fp);
	for (size_t i = 0; i < n; i++) {
		csv_text(f.fp, r[i].name);
		fputc(',', f.fp);
		csv_text(f.fp, studies[i]);
		fprintf(f.fp, ",%s,%d,", batch_status(&r[i]), r[i].status);
		csv_text(f.fp, r[i].message);
		fputc(',', f.fp);
		csv_text(f.fp, dirs[i]);
		if (r[i].status) {
			fputs(",,,,,,,,,,,,,,\r\n", f.fp);
			continue;
		}
		fprintf(f.fp, ",%zu,%zu,", r[i].candidates, r[i].feasible);
		if (!r[i].has_best) {
			fputs(",,,,,,,,,,,,\r\n", f.fp);
			continue;
		}
		const sp_result_t *b = &r[i].best;
		csv_text(f.fp, r[i].profile);
		fputc(',', f.fp);
		csv_text(f.fp, r[i].grade);
		fprintf(f.fp, ",%.3f,", r[i].length_m);
		if (r[i].anchor.anchored)
			fprintf(f.fp, "%.3f", r[i].anchor.level_m);
		fprintf(f.fp, ",%.2f,", b->cost.cost_per_m);
		csv_text(f.fp, r[i].currency);
		fprintf(f.fp, ",%.2f,%.2f,%.4f,%.4f,%.4f,%.4f\r\n", b->cost.mass_kg_per_m, b->cost.co2_kg_per_m,
		        b->checks.util_bending, b->checks.util_embedment, b->checks.util_anchor, b->checks.util_max);
	}
	return sp_outfile_commit(&f, err);
}

static int batch_index_html(const char *outdir, char *const *studies, char (*dirs)[256], const run_summary_t *r,
                            size_t n, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, outdir, "index.html", err);
	if (rc)
		return rc;
	FILE *fp = f.fp;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>sheetpile batch</title>\n"
	      "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;margin:1em auto;max-width:1200px;"
	      "padding:0 16px}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}"
	      "th{background:#eef3f8}td.n{text-align:right}.failed{color:#b00000}"
	      "@media print{a{color:inherit}}</style>\n</head>\n<body>\n<h1>sheetpile batch</h1>\n",
	      fp);
	size_t failed = 0;
	for (size_t i = 0; i < n; i++)
		failed += r[i].status != 0;
	fprintf(fp, "<p>%zu studies, %zu failed. Every study's files are in its own folder; summary.csv holds this "
	            "table.</p>\n<table>\n<thead><tr><th>study</th><th>file</th><th>status</th><th>best design</th>"
	            "<th>cost per m</th><th>util max</th><th>report</th></tr></thead>\n<tbody>\n",
	        n, failed);
	for (size_t i = 0; i < n; i++) {
		fputs("<tr><td>", fp);
		html_text(fp, r[i].name);
		fputs("</td><td>", fp);
		html_text(fp, studies[i]);
		fprintf(fp, "</td><td class=\"%s\">%s", batch_status(&r[i]), batch_status(&r[i]));
		if (r[i].status) {
			fputs(": ", fp);
			html_text(fp, r[i].message);
			fputs("</td><td></td><td></td><td></td><td></td></tr>\n", fp);
			continue;
		}
		fputs("</td><td>", fp);
		if (r[i].has_best) {
			html_text(fp, r[i].profile);
			fputc(' ', fp);
			html_text(fp, r[i].grade);
			fprintf(fp, ", %.2f m, ", r[i].length_m);
			if (r[i].anchor.anchored)
				fprintf(fp, "anchor at %.2f m", r[i].anchor.level_m);
			else
				fputs("cantilever", fp);
			fprintf(fp, "</td><td class=\"n\">%.2f ", r[i].best.cost.cost_per_m);
			html_text(fp, r[i].currency);
			fprintf(fp, "</td><td class=\"n\">%.3f</td>", r[i].best.checks.util_max);
		} else {
			fputs("none feasible</td><td></td><td></td>", fp);
		}
		fputs("<td><a href=\"", fp);
		html_text(fp, dirs[i]);
		fputs("/report.html\">report</a></td></tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n</body>\n</html>\n", fp);
	return sp_outfile_commit(&f, err);
}

/* batch STUDY.ini... -o OUTDIR [run options] */
static int cmd_batch(int argc, char **argv)
{
	static const char *const valued[] = {"-o", "--profile", "--grade", "--length", "--anchor-level", "--catalogue",
	                                     "--grades", "--licenses", "--licences", "--threads", "-t", "--csv-dialect", NULL};
	char **studies = malloc((size_t)argc * sizeof *studies), **rest = malloc((size_t)argc * sizeof *rest);
	if (!studies || !rest) {
		free(studies);
		free(rest);
		fputs("[ERROR] out of memory\n", stderr);
		return SP_ESOFTWARE;
	}
	int ns = 0, nr = 0;
	for (int i = 2; i < argc; i++) {
		int takes = 0;
		for (int k = 0; valued[k]; k++)
			takes |= strcmp(argv[i], valued[k]) == 0;
		if (takes && i + 1 < argc) {
			rest[nr++] = argv[i];
			rest[nr++] = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rest[nr++] = argv[i];
		} else {
			studies[ns++] = argv[i];
		}
	}
	opts_t o;
	int rc = parse_opts(nr, rest, 0, &o);
	if (rc == 0 && (o.profile || o.grade || o.length || o.anchor || o.catalogue || o.grades))
		rc = usage_error("%s", "batch takes -o, --licenses, --threads, --csv-dialect, --no-plots and --quiet");
	else if (rc == 0 && ns == 0)
		rc = usage_error("%s", "batch needs study files: sheetpile batch STUDY.ini... -o OUTDIR");
	else if (rc == 0 && o.outdir == NULL)
		rc = usage_error("%s", "batch needs an output directory: sheetpile batch STUDY.ini... -o OUTDIR");
	run_summary_t *sum = rc ? NULL : calloc((size_t)ns, sizeof *sum);
	char(*dirs)[256] = rc ? NULL : calloc((size_t)ns, sizeof *dirs);
	if (rc == 0 && (!sum || !dirs)) {
		fputs("[ERROR] out of memory\n", stderr);
		rc = SP_ESOFTWARE;
	}
	sp_err_t err = {0};
	if (rc == 0 && sp_dist_is_root() && (rc = make_outdir(o.outdir, o.force, &err)) != 0)
		rc = fail(&err);
	sp_dist_barrier();
	int first_failure = 0;
	study_t *runs = rc ? NULL : calloc((size_t)ns, sizeof *runs);
	opts_t *one = rc ? NULL : calloc((size_t)ns, sizeof *one);
	sp_pool_t *pool = NULL;
	if (rc == 0 && (!runs || !one)) {
		fputs("[ERROR] out of memory\n", stderr);
		rc = SP_ESOFTWARE;
	}
	/* every study is loaded and planned first; the studies with a [solver]
	 * share one licence pool: --licenses, else the smallest licenses of
	 * theirs; their analysis phases run together, so the licences stay
	 * busy across studies; then each study's outputs are written in turn */
	int licenses = o.licenses, n_solver = 0;
	double grace_s = 0;
	for (int i = 0; rc == 0 && i < ns; i++) {
		batch_dir_name(dirs[i], sizeof dirs[i], studies[i], dirs, (size_t)i);
		const char *base = strrchr(studies[i], '/');
		sp_strlcpy(sum[i].name, base ? base + 1 : studies[i], sizeof sum[i].name);
		one[i] = o;
		one[i].study = studies[i];
		one[i].outdir = NULL;
		char sub[4096 + 256];
		snprintf(sub, sizeof sub, "%s/%s", o.outdir, dirs[i]);
		if (study_load(&one[i], &runs[i]) != SP_OK)
			continue;
		snprintf(runs[i].outdir, sizeof runs[i].outdir, "%s", sub);
		if (runs[i].st->solver) {
			n_solver++;
			if (o.licenses <= 0 && (licenses <= 0 || runs[i].st->licenses < licenses))
				licenses = runs[i].st->licenses;
			grace_s = fmax(grace_s, runs[i].st->solver->kill_grace_s);
		}
	}
	if (rc == 0 && n_solver > 1) {
		if ((pool = sp_eval_pool_alloc(licenses, grace_s, &stop_signal, &err)) == NULL)
			rc = fail(&err);
		for (int i = 0; pool && i < ns; i++)
			if (runs[i].st && runs[i].st->solver)
				runs[i].st->licenses = licenses;
	}
	progress_t prog;
	progress_start(&prog, now_s());
	sp_eval_stats_t *stats = rc ? NULL : calloc((size_t)ns, sizeof *stats);
	if (rc == 0 && stats == NULL) {
		fputs("[ERROR] out of memory\n", stderr);
		rc = SP_ESOFTWARE;
	}
	for (int i = 0; rc == 0 && i < ns; i++) {
		one[i].outdir = runs[i].outdir;
		study_plan(&one[i], pool, &runs[i]);
	}
	for (int busy = 1; rc == 0 && busy;) {
		busy = 0;
		for (int i = 0; i < ns; i++) {
			if (runs[i].finished)
				continue;
			if (stop_signal && !runs[i].st->solver) { /* Ctrl-C stops the built-in studies too */
				runs[i].rc = sp_err_set(&runs[i].err, 128 + (int)stop_signal, "stopped by signal %d (%s)",
				                        (int)stop_signal, strsignal((int)stop_signal));
				runs[i].finished = 1;
				continue;
			}
			study_step(&runs[i], studies[i], 0.05);
			busy |= !runs[i].finished;
		}
		for (int i = 0; i < ns; i++)
			if (runs[i].ev)
				sp_eval_stats(runs[i].ev, &stats[i]);
		progress_analyses(&prog, stats, (size_t)ns);
	}
	progress_end(&prog);
	for (int i = 0; rc != 0 && runs && i < ns; i++) { /* not run: freed */
		sp_eval_free(runs[i].ev);
		sp_catalogue_free(runs[i].cat);
		sp_study_free(runs[i].st);
	}
	for (int i = 0; rc == 0 && i < ns; i++) {
		if (!quiet)
			printf("== study %d/%d: %s -> %s\n", i + 1, ns, studies[i], runs[i].outdir);
		fflush(stdout);
		int st = run_study(&one[i], &sum[i], &runs[i]);
		if (st != 0 && sum[i].status == 0) {
			sum[i].status = st;
			snprintf(sum[i].message, sizeof sum[i].message, "exit status %d", st);
		}
		if (st != 0 && first_failure == 0)
			first_failure = st;
	}
	sp_eval_pool_free(pool);
	free(stats);
	free(runs);
	free(one);
	if (rc == 0 && sp_dist_is_root()) { /* MPI: rank 0 writes */
		if ((rc = batch_summary_csv(o.outdir, studies, dirs, sum, (size_t)ns, &err)) == 0)
			rc = batch_index_html(o.outdir, studies, dirs, sum, (size_t)ns, &err);
		if (rc)
			rc = fail(&err);
		else if (!quiet)
			printf("batch      %d studies, %s/summary.csv, %s/index.html\n", ns, o.outdir, o.outdir);
		if (rc == 0)
			rc = first_failure;
	}
	free(sum);
	free(dirs);
	free(studies);
	free(rest);
	return rc;
}

static int cmd_check(int argc, char **argv)
{
	opts_t o;
	int rc = parse_opts(argc, argv, 2, &o);
	if (rc)
		return rc;
	if (o.study == NULL)
		return usage_error("%s", "check needs a study file: sheetpile check STUDY.ini");
	sp_err_t err = {0};
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	if ((rc = load(o.study, &st, &cat, &err)) == SP_OK) {
		printf("study %s: %s\n", o.study, st->name);
		printf("geometry: top of wall %.2f m, retained ground %.2f m, excavation %.2f m (retained height %.2f m)\n",
		       st->top_of_wall_m, st->retained_level_m, st->excavation_level_m,
		       st->retained_level_m - st->excavation_level_m);
		printf("layers (top-down):\n");
		for (size_t i = 0; i < st->n_layers; i++) {
			const sp_layer_t *L = &st->layers[i];
			printf("  %-16s top %8.2f m  gamma %5.1f/%5.1f kN/m3  ", L->name, L->top_level_m, L->gamma_kN_m3,
			       L->gamma_sat_kN_m3);
			if (L->drainage == SP_UNDRAINED)
				printf("undrained c_u %.1f kPa\n", L->cu_kPa);
			else
				printf("phi' %.1f deg  c' %.1f kPa  delta %.1f deg\n", L->phi_deg, L->c_kPa, L->delta_deg);
		}
		printf("water: retained side %.2f m, excavation side %.2f m; surcharge %.1f kPa\n", st->water_retained_m,
		       st->water_excavation_m, st->surcharge_kPa);
		printf("search space: %zu profiles x %zu grades x %zu lengths x %zu anchor options = %zu candidates\n",
		       st->n_profiles, st->n_grades, st->n_lengths, st->n_anchors, sp_study_n_candidates(st));
		printf("search strategy: %s\n", sp_search_name(st->search));
		if (st->solver)
			printf("analyses: %zu distinct, one solver run per (profile, length, anchor option), at most %d at "
			       "once (licences)\nsolver: %s\n",
			       st->n_profiles * st->n_lengths * st->n_anchors, st->licenses, st->solver->command);
		else
			printf("analyses: %zu distinct (limit equilibrium depends on the anchor option only)\n", st->n_anchors);
		printf("method: limit equilibrium, %s earth pressure, safety %s, cantilever method %s, objective %s\n",
		       sp_earth_theory_name(st->earth_pressure), sp_safety_name(st->safety),
		       sp_cantilever_name(st->cantilever_method), sp_objective_name(st->objective));
		printf("ok\n");
	}
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? fail(&err) : 0;
}

/* Narrow the study's axes to the one candidate asked for. */
static int narrow(sp_study_t *st, const sp_catalogue_t *cat, const opts_t *o, sp_err_t *err)
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
		if (parse_real(o->length, &L) != 0 || L <= 0 || L > 200)
			return sp_err_set(err, SP_EUSAGE, "--length: expected a pile length in (0, 200] m, got '%s'", o->length);
		st->lengths_m[0] = L;
		st->n_lengths = 1;
	}
	if (o->anchor) {
		sp_anchor_option_t a = {0, 0.0};
		if (strcmp(o->anchor, "none") != 0) {
			if (parse_real(o->anchor, &a.level_m) != 0)
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

static int cmd_analyze(int argc, char **argv)
{
	opts_t o;
	int rc = parse_opts(argc, argv, 2, &o);
	if (rc)
		return rc;
	if (o.study == NULL)
		return usage_error("%s", "analyze needs a study file: sheetpile analyze STUDY.ini --profile P ...");
	if (o.candidate)
		return usage_error("unknown option '%s' (export-dsheet only)", "--candidate");
	sp_err_t err = {0};
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	if ((rc = load(o.study, &st, &cat, &err)) != SP_OK || (rc = narrow(st, cat, &o, &err)) != SP_OK)
		goto out;
	sp_result_t r;
	if ((rc = sp_designs_one(st, cat, 0, o.outdir ? DIAGRAM_STEP_M : 0.0, &a, &r, &err)) != SP_OK)
		goto out;
	if (o.outdir) {
		sp_outfile_t f;
		if ((rc = make_outdir(o.outdir, o.force, &err)) || (rc = sp_outfile_open(&f, o.outdir, "diagrams.csv", &err)))
			goto out;
		sp_csv_diagram_header(f.fp);
		sp_csv_diagram_rows(f.fp, 1, 0, &a);
		if ((rc = sp_outfile_commit(&f, &err)) != SP_OK)
			goto out;
	}
	if (sp_outfile_csv_dialect() == SP_CSV_RFC4180) {
		sp_csv_results_header(stdout);
		sp_csv_results_row(stdout, st, &r);
	} else { /* through a temporary file, converted */
		FILE *tmp = tmpfile();
		if (tmp == NULL) {
			rc = sp_err_set(&err, SP_ECANTCREAT, "cannot create a temporary file: %s", strerror(errno));
			goto out;
		}
		sp_csv_results_header(tmp);
		sp_csv_results_row(tmp, st, &r);
		rewind(tmp);
		rc = sp_csv_convert(tmp, stdout, sp_outfile_csv_dialect());
		fclose(tmp);
		if (rc != SP_OK) {
			rc = sp_err_set(&err, SP_EIO, "standard output: write error");
			goto out;
		}
	}
out:
	sp_analysis_free(&a);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? fail(&err) : 0;
}

static int cmd_profiles(int argc, char **argv)
{
	opts_t o;
	int rc = parse_opts(argc, argv, 2, &o);
	if (rc)
		return rc;
	sp_err_t err = {0};
	sp_catalogue_t *cat = sp_catalogue_read(o.catalogue ? o.catalogue : SP_DATA_DIR "/profiles.csv",
	                                        o.grades ? o.grades : SP_DATA_DIR "/grades.csv", &err);
	if (cat == NULL)
		return fail(&err);
	printf("%-20s %-6s %5s %9s %9s %14s %14s %14s %14s\n", "profile", "shape", "", "width_mm", "height_mm",
	       "mass_kg_per_m2", "I_cm4_per_m", "W_el_cm3_per_m", "W_pl_cm3_per_m");
	for (size_t i = 0; i < sp_catalogue_n_profiles(cat); i++) {
		const sp_profile_t *p = sp_catalogue_profile(cat, i);
		printf("%-20s %-6s %5s %9.0f %9.1f %14.1f %14.0f %14.0f ", p->name, p->shape == SP_SHAPE_Z ? "Z" : "U",
		       "", p->width_mm, p->height_mm, p->mass_kg_per_m2, p->inertia_cm4_per_m, p->w_el_cm3_per_m);
		if (p->w_pl_cm3_per_m > 0)
			printf("%14.0f\n", p->w_pl_cm3_per_m);
		else
			printf("%14s\n", "-");
	}
	printf("\n%-16s %-24s %8s %8s\n", "grade", "standard", "fy_MPa", "E_MPa");
	for (size_t i = 0; i < sp_catalogue_n_grades(cat); i++) {
		const sp_grade_t *g = sp_catalogue_grade(cat, i);
		printf("%-16s %-24s %8.0f %8.0f\n", g->name, g->standard, g->fy_MPa, g->E_MPa);
	}
	sp_catalogue_free(cat);
	return 0;
}

/* The study written for a D-Sheet file must read back: a value beyond the
 * study file's ranges is reported here, not when the study is run. */
static int import_check(const char *written, const char *shi, sp_err_t *err)
{
	sp_err_t why = {0, ""};
	sp_study_t *st = sp_study_read(written, &why);
	if (st != NULL) {
		sp_study_free(st);
		return SP_OK;
	}
	return sp_err_set(err, why.code == SP_ENOINPUT ? SP_EIO : SP_EDATA,
	                  "%s: cannot be written as a study file: %s", shi, why.text);
}

/* import-dsheet FILE.shi [-o STUDY.ini] */
static int cmd_import_dsheet(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0) {
			if (i + 1 >= argc)
				return usage_error("option '%s' needs a value", argv[i]);
			out = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return usage_error("unknown option '%s'", argv[i]);
		} else if (in == NULL) {
			in = argv[i];
		} else {
			return usage_error("unexpected argument '%s'", argv[i]);
		}
	}
	if (in == NULL)
		return usage_error("%s", "import-dsheet needs a D-Sheet Piling file: sheetpile import-dsheet FILE.shi [-o STUDY.ini]");
	const char *slash = out ? strrchr(out, '/') : NULL;
	if (out && (*out == '\0' || (slash && slash[1] == '\0')))
		return usage_error("-o needs a file name, got '%s'", out);
	sp_err_t err = {0, ""};
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL) {
		sp_err_set(&err, SP_ESOFTWARE, "out of memory");
		return fail(&err);
	}
	sp_wall_init(w);
	const char *base = strrchr(in, '/') ? strrchr(in, '/') + 1 : in;
	int rc = sp_shi_read(in, w, &err);
	/* written to a scratch file and checked first; then copied to stdout or,
	 * under a temporary name renamed when complete, to the -o file */
	char tmp[] = "/tmp/sheetpile-import-XXXXXX";
	int fd = rc == SP_OK ? mkstemp(tmp) : -1;
	FILE *fp = fd >= 0 ? fdopen(fd, "w+") : NULL;
	if (rc == SP_OK && fp == NULL)
		rc = sp_err_set(&err, SP_ECANTCREAT, "%s: cannot create a temporary file: %s", tmp, strerror(errno));
	if (rc == SP_OK)
		rc = sp_study_write_wall(fp, w, base, &err);
	if (rc == SP_OK && fflush(fp) != 0)
		rc = sp_err_set(&err, SP_EIO, "%s: write error: %s", tmp, strerror(errno));
	if (rc == SP_OK)
		rc = import_check(tmp, in, &err);
	sp_outfile_t f = {0};
	if (rc == SP_OK && out) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - out) : 1, slash ? out : ".");
		if (slash == out)
			snprintf(dir, sizeof dir, "/");
		rc = sp_outfile_open(&f, dir, slash ? slash + 1 : out, &err);
	}
	if (rc == SP_OK) {
		FILE *dst = out ? f.fp : stdout;
		rewind(fp);
		char buf[8192];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
			fwrite(buf, 1, n, dst);
		if (ferror(fp))
			rc = sp_err_set(&err, SP_EIO, "%s: read error", tmp);
		else if (out)
			rc = sp_outfile_commit(&f, &err);
		else if (fflush(stdout) != 0 || ferror(stdout))
			rc = sp_err_set(&err, SP_EIO, "standard output: write error: %s", strerror(errno));
	}
	sp_outfile_abort(&f);
	if (fp)
		fclose(fp);
	else if (fd >= 0)
		close(fd);
	if (fd >= 0)
		remove(tmp);
	free(w);
	return rc ? fail(&err) : 0;
}

/* evaluate CANDIDATE -o RESULT [--delay SECONDS]: one analysis of a
 * [solver] run with the study's built-in engine (sheetpile as the solver). */
static int cmd_evaluate(int argc, char **argv)
{
	opts_t o;
	int rc = parse_opts(argc, argv, 2, &o);
	if (rc)
		return rc;
	if (o.study == NULL || o.outdir == NULL)
		return usage_error("%s", "evaluate needs a candidate file and a result file: "
		                         "sheetpile evaluate CANDIDATE -o RESULT [--delay SECONDS]");
	double delay = 0;
	if (o.delay && (parse_real(o.delay, &delay) != 0 || delay < 0 || delay > 86400))
		return usage_error("--delay: expected seconds in [0, 86400], got '%s'", o.delay);
	const char *slash = strrchr(o.outdir, '/');
	if (*o.outdir == '\0' || (slash && slash[1] == '\0'))
		return usage_error("-o needs a file name, got '%s'", o.outdir);
	sp_err_t err = {0, ""};
	sp_solver_candidate_t cand;
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	if ((rc = sp_solver_candidate_read(o.study, &cand, &err)) != SP_OK
	    || (rc = load(cand.study, &st, &cat, &err)) != SP_OK)
		goto out;
	sp_case_t c;
	memset(&c, 0, sizeof c);
	while (c.profile < st->n_profiles && strcmp(st->profiles[c.profile], cand.profile) != 0)
		c.profile++;
	if (c.profile == st->n_profiles) {
		rc = sp_err_set(&err, SP_EDATA, "%s: profile '%s' is not one of the study's profiles (%s)", o.study,
		                cand.profile, cand.study);
		goto out;
	}
	c.id = cand.analysis_id;
	c.length_m = cand.length_m;
	c.anchor = cand.anchor;
	if ((rc = sp_designs_case(st, cat, &c, cand.diagram_step_m, &a, &err)) != SP_OK)
		goto out;
	if (delay > 0) { /* a stand-in for a slow licensed program */
		struct timespec ts = {(time_t)delay, (long)((delay - floor(delay)) * 1e9)};
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
	char dir[4096];
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - o.outdir) : 1, slash ? o.outdir : ".");
	if (slash == o.outdir)
		snprintf(dir, sizeof dir, "/");
	sp_outfile_t f;
	if ((rc = sp_outfile_open(&f, dir, slash ? slash + 1 : o.outdir, &err)) != SP_OK)
		goto out;
	sp_solver_result_write(f.fp, &a);
	rc = sp_outfile_commit(&f, &err);
out:
	sp_analysis_free(&a);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? fail(&err) : 0;
}

/* The .shi just written must read back: the writer and the reader agree. */
static int export_check(const char *written, sp_err_t *err)
{
	sp_err_t why = {0, ""};
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	sp_wall_init(w);
	int rc = sp_shi_read(written, w, &why);
	free(w);
	if (rc == SP_OK)
		return SP_OK;
	return sp_err_set(err, SP_ESOFTWARE, "the written D-Sheet Piling file does not read back: %s", why.text);
}

/* export-dsheet STUDY.ini [--candidate ID | --profile P --grade G --length L [--anchor-level Z]] [-o FILE.shi] */
static int cmd_export_dsheet(int argc, char **argv)
{
	opts_t o;
	int rc = parse_opts(argc, argv, 2, &o);
	if (rc)
		return rc;
	if (o.study == NULL)
		return usage_error("%s", "export-dsheet needs a study file: sheetpile export-dsheet STUDY.ini "
		                         "[--candidate ID | --profile P --grade G --length L] [-o FILE.shi]");
	const char *out = o.outdir;
	const char *slash = out ? strrchr(out, '/') : NULL;
	if (out && (*out == '\0' || (slash && slash[1] == '\0')))
		return usage_error("-o needs a file name, got '%s'", out);
	int by_axes = o.profile || o.grade || o.length || o.anchor;
	if (o.candidate && by_axes)
		return usage_error("%s", "give either --candidate ID or --profile/--grade/--length/--anchor-level, not both");
	sp_err_t err = {0, ""};
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	sp_wall_t *w = malloc(sizeof *w);
	char what[4800];
	if (w == NULL) {
		rc = sp_err_set(&err, SP_ESOFTWARE, "out of memory");
		goto out;
	}
	if ((rc = load(o.study, &st, &cat, &err)) != SP_OK)
		goto out;
	if (st->method != SP_METHOD_SUBGRADE || st->wall == NULL) {
		rc = sp_err_set(&err, SP_EDATA, "%s: export-dsheet needs a study with [design] method = subgrade "
		                "(D-Sheet Piling's model)", st->path);
		goto out;
	}
	if (st->wall_fixed) {
		if (o.candidate || by_axes) {
			rc = sp_err_set(&err, SP_EUSAGE, "%s: the study analyses the wall of its [wall] section; "
			                "it has no candidates to choose", st->path);
			goto out;
		}
		*w = *st->wall;
		snprintf(what, sizeof what, "%s", st->path);
	} else {
		size_t id = 0;
		if (o.candidate) {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(o.candidate, &end, 10);
			if (end == o.candidate || *end || errno || o.candidate[0] == '-' ||
			    v >= (unsigned long long)sp_study_n_candidates(st)) {
				rc = sp_err_set(&err, SP_EUSAGE, "--candidate: expected a candidate id from 0 to %zu, got '%s'",
				                sp_study_n_candidates(st) - 1, o.candidate);
				goto out;
			}
			id = (size_t)v;
		} else if ((rc = narrow(st, cat, &o, &err)) != SP_OK) {
			goto out;
		}
		sp_candidate_t c;
		sp_candidate_at(st, id, &c);
		long pi = sp_catalogue_find_profile(cat, st->profiles[c.profile]);
		if (pi < 0) {
			rc = sp_err_set(&err, SP_EDATA, "unknown profile '%s'", st->profiles[c.profile]);
			goto out;
		}
		const sp_anchor_option_t *an = &st->anchors[c.anchor];
		sp_study_wall_for_case(st, sp_profile_ei_kNm2_per_m(sp_catalogue_profile(cat, (size_t)pi)),
		                       st->lengths_m[c.length], an, w);
		char anchor[64] = "cantilever";
		if (an->anchored)
			snprintf(anchor, sizeof anchor, "anchor at %g m", an->level_m);
		if (o.candidate)
			snprintf(what, sizeof what, "%s, candidate %zu: %s %s, %g m, %s", st->path, id, st->profiles[c.profile],
			         st->grades[c.grade], st->lengths_m[c.length], anchor);
		else
			snprintf(what, sizeof what, "%s: %s %s, %g m, %s", st->path, st->profiles[c.profile],
			         st->grades[c.grade], st->lengths_m[c.length], anchor);
	}
	if (out) { /* written under a temporary name, renamed when complete and checked */
		char dir[4096];
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - out) : 1, slash ? out : ".");
		if (slash == out)
			snprintf(dir, sizeof dir, "/");
		sp_outfile_t f = {0};
		rc = sp_outfile_open(&f, dir, slash ? slash + 1 : out, &err);
		if (rc == SP_OK)
			rc = sp_shi_write(f.fp, w, what, &err);
		if (rc == SP_OK && fflush(f.fp) != 0)
			rc = sp_err_set(&err, SP_EIO, "%s: write error: %s", f.tmp, strerror(errno));
		if (rc == SP_OK)
			rc = export_check(f.tmp, &err);
		if (rc == SP_OK)
			rc = sp_outfile_commit(&f, &err);
		else
			sp_outfile_abort(&f);
	} else {
		char tmp[] = "/tmp/sheetpile-export-XXXXXX";
		int fd = mkstemp(tmp);
		FILE *fp = fd >= 0 ? fdopen(fd, "w+") : NULL;
		if (fp == NULL)
			rc = sp_err_set(&err, SP_ECANTCREAT, "%s: cannot create a temporary file: %s", tmp, strerror(errno));
		if (rc == SP_OK)
			rc = sp_shi_write(fp, w, what, &err);
		if (rc == SP_OK)
			rc = export_check(tmp, &err);
		if (rc == SP_OK) {
			rewind(fp);
			char buf[8192];
			size_t n;
			while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
				fwrite(buf, 1, n, stdout);
			if (fflush(stdout) != 0 || ferror(stdout))
				rc = sp_err_set(&err, SP_EIO, "standard output: write error: %s", strerror(errno));
		}
		if (fp)
			fclose(fp);
		else if (fd >= 0)
			close(fd);
		if (fd >= 0)
			remove(tmp);
	}
out:
	free(w);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? fail(&err) : 0;
}

static int dispatch(int argc, char **argv);

int main(int argc, char **argv)
{
	gsl_set_error_handler_off(); /* every GSL status is checked */
	sp_eval_tune_memory();
	/* MPI (cmake -DSHEETPILE_MPI=ON) for run and batch only: `sheetpile
	 * evaluate`, started as a solver by a rank, must not join the MPI job */
	int mpi = argc >= 2 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "batch") == 0);
	if (mpi) {
		sp_err_t err = {0, ""};
		if (sp_dist_init(&argc, &argv, &err) != SP_OK) {
			fprintf(stderr, "[ERROR] %s\n", err.text);
			return err.code;
		}
		if (!sp_dist_is_root())
			quiet = 1;
	}
	int rc = dispatch(argc, argv);
	if (mpi) {
		if (rc == SP_ESOFTWARE || rc == SP_EIO) { /* this rank's own failure: the others may wait for it */
			fflush(NULL);
			sp_dist_abort(rc);
		}
		sp_dist_finalize();
	}
	return rc;
}

static int dispatch(int argc, char **argv)
{
	if (argc < 2) {
		help(stderr);
		return SP_EUSAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		help(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("sheetpile %s\n", SP_VERSION);
		return 0;
	}
	if (strcmp(cmd, "run") == 0)
		return cmd_run(argc, argv);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc, argv);
	if (strcmp(cmd, "batch") == 0)
		return cmd_batch(argc, argv);
	if (strcmp(cmd, "analyze") == 0 || strcmp(cmd, "analyse") == 0)
		return cmd_analyze(argc, argv);
	if (strcmp(cmd, "profiles") == 0)
		return cmd_profiles(argc, argv);
	if (strcmp(cmd, "import-dsheet") == 0)
		return cmd_import_dsheet(argc, argv);
	if (strcmp(cmd, "export-dsheet") == 0)
		return cmd_export_dsheet(argc, argv);
	if (strcmp(cmd, "evaluate") == 0)
		return cmd_evaluate(argc, argv);
	return usage_error("unknown command '%s'", cmd);
}
