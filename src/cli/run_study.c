/* run_study.c - one study's run, what `run` and `batch` share: load and
 * plan it, step its analysis phase, then evaluate every candidate into
 * results.csv (formatted by the evaluator's workers, written and ranked in
 * candidate order), rank, draw and write every output file. */
#define _POSIX_C_SOURCE 200809L
#include "run_study.h"
#include "spreadsheet.h"
#include "anchor_refine.h"
#include "beam.h"
#include "cli.h"
#include "csv_out.h"
#include "describe.h"
#include "edges.h"
#include "explain.h"
#include "designs.h"
#include "dsheet_calc.h"
#include "fixed_wall.h"
#include "dist.h"
#include "outfile.h"
#include "pareto.h"
#include "plot.h"
#include "progress.h"
#include "rank.h"
#include "report.h"
#include "run_json.h"
#include "search.h"
#include "sensitivity.h"
#include "study_wall.h"

#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_BEST_DIAGRAMS 5 /* designs whose diagrams are written */
#define S_SPACE_POINTS 20000 /* points of the search-space plot at most */

static int S_write_pareto_csv(const char *dir, const sp_study_t *st, const sp_result_t *front, size_t n,
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

static int S_write_search_csv(const char *dir, const sp_study_t *st, const sp_search_t *s, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, "search.csv", err);
	if (rc == SP_OK) {
		sp_csv_search(f.fp, st, s);
		rc = sp_outfile_commit(&f, err);
	}
	return rc;
}

static void S_default_outdir(char *buf, size_t size, const char *study)
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
static int S_write_sensitivity(const char *outdir, const sp_study_t *st, const sp_catalogue_t *cat,
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

/* The run's warnings, one per line (without the [WARNING] tag); returns how many. */
static size_t S_run_warnings(char *buf, size_t size, const sp_eval_stats_t *stats, const char *plot_warning,
                         const char *rows_warning, const char *outdir, const sp_edge_t *edges, size_t n_edges)
{
	size_t n = 0;
	buf[0] = '\0';
	if (rows_warning[0]) /* a spreadsheet would cut results.csv (spreadsheet.h) */
		n += (size_t)snprintf(buf, size, "%s\n", rows_warning);
	for (size_t i = 0; i < n_edges && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "a best design uses the %s %s searched (%s): %s\n",
		                      edges[i].edge, edges[i].what, edges[i].value, edges[i].advice);
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
		n += (size_t)snprintf(buf + n, size - n,
		         "the solver failed on %zu analyses: see failure.txt, stdout.txt and stderr.txt in "
		         "%.3000s/work/a<analysis_id>/ (timeline.csv lists them)\n",
		         stats->batch.solver_failed, outdir);
	size_t lines = 0;
	for (const char *c = buf; *c; c++)
		lines += *c == '\n';
	return lines;
}

/* OUTDIR/report.html, after the plots are drawn. */
static int S_write_report(const char *outdir, const sp_report_t *r, sp_err_t *err)
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

/* By Ctrl-C or SIGTERM: the journal keeps what is done. */
static void S_stopped_message(sp_run_study_t *s, const char *study)
{
	char what[SP_MSG_MAX];
	sp_strlcpy(what, s->err.text, sizeof what);
	s->rc = sp_err_set(&s->err, 128 + (int)sp_cli_stop_signal,
	                   "stopped by signal %d (%s); the running solvers were terminated.\n        %s\n"
	                   "        continue with: sheetpile run %s --resume -o %s",
	                   (int)sp_cli_stop_signal, strsignal((int)sp_cli_stop_signal), what, study, s->outdir);
}

/* Load the study (s->rc on failure). */
int sp_run_study_load(const sp_cli_opts_t *o, sp_run_study_t *s)
{
	memset(s, 0, sizeof *s);
	if ((s->rc = sp_cli_load(o->study, &s->st, &s->cat, &s->err)) != SP_OK) {
		s->finished = 1;
		return s->rc;
	}
	sp_study_t *st = s->st;
	if (st->wall) /* the importer's notes: what it read but does not compute */
		sp_fixed_wall_notes(st->wall, st->path);
	if ((s->rc = sp_cli_trust_gate(o->study, st, o->trust_solver)) != SP_OK) { /* said; nothing touched */
		s->err.code = 0;
		s->finished = 1;
		return s->rc;
	}
	if (o->threads >= 0)
		st->threads = o->threads;
	if (o->licenses > 0)
		st->licenses = o->licenses;
	if (o->outdir)
		snprintf(s->outdir, sizeof s->outdir, "%s", o->outdir);
	else
		S_default_outdir(s->outdir, sizeof s->outdir, o->study);
	return SP_OK;
}

/* Plan the evaluation of a loaded study (no analysis yet); s->rc on failure.
 * pool: a licence pool shared with other studies, or NULL. */
int sp_run_study_plan(const sp_cli_opts_t *o, sp_pool_t *pool, sp_run_study_t *s)
{
	if (s->rc != SP_OK)
		return s->rc;
	sp_study_t *st = s->st;
	s->t0 = sp_cli_now_s();
	/* chunks small enough for progress steps, never larger than the default */
	size_t total = sp_study_n_candidates(st), chunk = total / 20 < 4096 ? 4096 : total / 20;
	sp_eval_opts_t eo = {st->threads, st->licenses, chunk < 16384 ? chunk : 16384, s->outdir, o->resume,
	                     &sp_cli_stop_signal, st->solver ? pool : NULL};
	if (st->solver) { /* the solver's work directories, journal and timeline go there from the start */
		if (sp_dist_is_root() && (s->rc = sp_outdir_prepare(s->outdir, o->force, &s->err)) != SP_OK) {
			s->finished = 1;
			return s->rc;
		}
		sp_dist_barrier(); /* MPI: the other ranks' solvers work in it too */
		sp_cli_catch_stop_signals();
	} else if (sp_dist_is_root() && (s->rc = sp_outdir_busy(s->outdir, &s->err)) != SP_OK) {
		s->finished = 1; /* another run writes into it: say so now, not when this one is done */
		return s->rc;
	}
	if ((s->ev = sp_eval_open(st, s->cat, &eo, &s->err)) == NULL)
		s->rc = s->err.code ? s->err.code : SP_ESOFTWARE;
	if (s->rc)
		s->finished = 1;
	return s->rc;
}

/* One step of a study's analysis phase; sets s->finished (and s->rc). */
void sp_run_study_step(sp_run_study_t *s, const char *study, double budget_s)
{
	if (s->finished)
		return;
	if (s->rc == SP_OK && sp_eval_step(s->ev, budget_s, &s->finished, &s->err) != SP_OK) {
		s->rc = s->err.code ? s->err.code : SP_ESOFTWARE;
		if (s->rc == SP_ESTOPPED)
			S_stopped_message(s, study);
	}
	if (s->rc)
		s->finished = 1;
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
	sp_progress_t *prog;   /* NULL on the other MPI ranks */
	sp_err_t *err;
	sp_results_choice results; /* --results: which rows results.csv holds (res NULL: none) */
	size_t rows;           /* rows written to results.csv, the header not counted */
} S_results_sink;

/* What prepare makes of some rows, in sections: the lengths of the results
 * text and of the plot's lines, then the text, then the lines. */
typedef struct {
	uint64_t text, lines, rows;
} S_results_section;

static size_t S_results_bytes_per_row(const S_results_sink *rs)
{
	return sizeof(S_results_section) + SP_CSV_ROW_MAX + (rs->plot ? SP_PLOT_LINE_MAX : 0);
}

static size_t S_results_prepare(void *data, const sp_result_t *rows, size_t n, char *out)
{
	const S_results_sink *rs = data;
	S_results_section sec;
	char *text = out + sizeof sec;
	sec.rows = rs->results == SP_RESULTS_ALL ? n : 0;
	if (rs->results == SP_RESULTS_ALL)
		sec.text = sp_csv_results_format_rows(text, rs->st, rows, n);
	else /* --results feasible: those rows only; none: no text */
		for (size_t i = sec.text = 0; rs->results == SP_RESULTS_FEASIBLE && i < n; i++)
			if (rows[i].status == SP_CAND_OK) {
				sec.text += sp_csv_results_format_rows(text + sec.text, rs->st, &rows[i], 1);
				sec.rows++;
			}
	sec.lines = rs->plot ? sp_plot_format_sampled(rs->plot, rows, n, text + sec.text) : 0;
	memcpy(out, &sec, sizeof sec);
	return sizeof sec + sec.text + sec.lines;
}

static int S_results_gather(void *data, const sp_result_t *rows, size_t n)
{
	S_results_sink *rs = data;
	sp_rank_add(rs->rank, rows, n);
	if (sp_pareto_add(rs->front, rows, n) != SP_OK)
		return sp_err_set(rs->err, SP_ESOFTWARE, "out of memory");
	if (rs->plot)
		sp_plot_gather(rs->plot, rows, n);
	return SP_OK;
}

/* rows NULL: another MPI rank's chunk, gathered there */
static int S_results_consume(void *data, const sp_result_t *rows, size_t n, const char *prepared, size_t bytes)
{
	S_results_sink *rs = data;
	for (size_t at = 0; at + sizeof(S_results_section) <= bytes;) {
		S_results_section sec;
		memcpy(&sec, prepared + at, sizeof sec);
		at += sizeof sec;
		if (rs->res && sp_outfile_write(rs->res, prepared + at, sec.text) != 0)
			return SP_EIO; /* the cause: sp_outfile_commit */
		rs->rows += sec.rows;
		if (rs->plot)
			sp_plot_write_sampled(rs->plot, prepared + at + sec.text, sec.lines);
		at += sec.text + sec.lines;
	}
	int rc;
	if (rows && (rc = S_results_gather(data, rows, n)) != SP_OK)
		return rc;
	sp_eval_stats_t stats;
	sp_eval_stats(rs->ev, &stats);
	sp_progress_update(rs->prog, stats.evaluated, stats.to_evaluate);
	return SP_OK;
}

/* Another MPI rank's best rows, its Pareto front and the plot's cheapest
 * costs: their counts and the plot's bytes, then the rows, then the plot's. */
static int S_results_pack(void *data, char **buf, size_t *bytes)
{
	S_results_sink *rs = data;
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

static int S_results_unpack(void *data, char *buf, size_t bytes)
{
	S_results_sink *rs = data;
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

/* The run's summary on stdout. */
static void S_print_summary(const sp_study_t *st, const sp_eval_stats_t *stats, double seconds, const sp_result_t *best,
                            size_t nbest, const sp_anchor_refine_t *refine, const char *outdir, int has_sensitivity,
                            int plots, int results, const char *decision)
{
	sp_cli_printf(stdout, "study      %s (%s)\n", st->name, st->path);
	sp_cli_printf(stdout, "candidates %zu: %zu feasible, %zu infeasible, %zu failed; %zu distinct analyses\n",
	              stats->candidates, stats->feasible, stats->infeasible, stats->failed, stats->analyses_run);
	if (st->search == SP_SEARCH_MIN_LENGTH)
		sp_cli_printf(stdout, "search     min-length: %zu of %zu candidates and %zu of %zu analyses evaluated; "
		              "%zu of %zu groups scanned in full (not monotone in length)\n", stats->evaluated,
		              stats->candidates, stats->analyses_run, stats->analyses_exhaustive, stats->search_scanned,
		              stats->search_groups);
	if (st->search == SP_SEARCH_BEST_FIRST)
		sp_cli_printf(stdout, "search     best-first: %zu of %zu analyses run (%zu cancelled), %zu candidates "
		              "checked, %zu skipped (%zu by the bound, %zu dominated); proof: %s\n", stats->analyses_run,
		              stats->analyses_exhaustive, stats->bf_cancelled, stats->bf_analysed, stats->skipped,
		              stats->bf_bound, stats->bf_dominated,
		              stats->bf_proof == 1 ? "top_k feasible found, every other candidate no better than the k-th"
		              : "every candidate visited");
	char ranks[48] = "";
	if (sp_dist_size() > 1)
		snprintf(ranks, sizeof ranks, " (rank 0) on %d MPI ranks", sp_dist_size());
	sp_cli_printf(stdout, "time       %.3f s, %.0f evaluations/s, %d threads%s, %d licences\n", seconds,
	              seconds > 0 ? (double)stats->evaluated / seconds : 0.0, stats->workers, ranks, st->licenses);
	if (stats->exec)
		sp_cli_printf(stdout, "solver     %zu analyses run, %zu from the journal, %zu failed; makespan %.3f s, "
		              "lower bound %.3f s\n", stats->batch.run, stats->batch.resumed, stats->batch.solver_failed,
		              stats->batch.makespan_s, stats->batch.lower_bound_s);
	if (nbest) {
		const sp_result_t *b = &best[0];
		char design[3 * SP_NAME_MAX];
		sp_describe_design(design, sizeof design, st, &b->cand);
		sp_cli_printf(stdout, "best       %s: %.2f %s/m, util_max %.3f\n", design, b->cost.cost_per_m, st->currency, b->checks.util_max);
	} else if (sp_study_fixed_wall_only(st)) {
		sp_cli_printf(stdout, "best       none ranked: the study's own wall, no search space (its stages below)\n");
	} else {
		sp_cli_printf(stdout, "best       no feasible design\n");
	}
	if (refine)
		sp_cli_printf(stdout, "anchor     %s: level %.3f m, util_max %.3f (ranked: %.3f m, %.3f)%s%s\n",
		              refine->done ? "refined" : "not refined", refine->level_m, refine->util_max, refine->grid_level_m,
		              refine->grid_util_max, refine->done ? "" : ": ", refine->done ? "" : refine->note);
	sp_cli_printf(stdout, "results    %s/ (%sranking.csv, pareto.csv, best_diagrams.csv,%s%s%s run.json, report.html%s%s)\n",
	              outdir, results ? "results.csv, " : "", st->method == SP_METHOD_SUBGRADE ? " best_stages.csv," : "",
	              st->search == SP_SEARCH_MIN_LENGTH ? " search.csv," : "", has_sensitivity ? " sensitivity.csv," : "",
	              stats->exec ? ", journal.txt, timeline.csv" : "", plots ? ", plots/" : "");
	sp_cli_printf(stdout, "%s", decision);
}

/* The outputs of one study whose analysis phase is over (pre, taken over
 * and freed here); sum (batch) may be NULL */
int sp_run_study_finish(const sp_cli_opts_t *opts, sp_batch_summary_row_t *sum, sp_run_study_t *pre)
{
	sp_cli_opts_t o = *opts;
	int rc = pre->rc;
	sp_err_t err = pre->err;
	sp_study_t *st = pre->st;
	sp_catalogue_t *cat = pre->cat;
	sp_eval_t *ev = pre->ev;
	sp_rank_t *rank = NULL;
	sp_pareto_t *front = NULL;
	sp_plot_t *plot = NULL;
	sp_outfile_t res = {0}, rk = {0}, dg = {0}, sg = {0}, dl = {0};
	sp_wall_t *best_wall = NULL;
	sp_explain_t why;
	sp_explain_point_t *space = NULL;
	size_t n_space = 0;
	sp_beam_result_t stages;
	memset(&stages, 0, sizeof stages);
	/* per stage of the wall: why it failed, its moment check (fixed_wall.h) */
	char stage_why[SP_WALL_MAX_STAGES][256];
	sp_moment_check_t stage_check[SP_WALL_MAX_STAGES];
	int stage_checked[SP_WALL_MAX_STAGES] = {0};
	sp_analysis_t diag[S_BEST_DIAGRAMS];
	memset(diag, 0, sizeof diag);
	sp_sens_t sens = {0};
	S_results_sink rs = {0};
	sp_eval_sink_t sink = {0, S_results_prepare, S_results_consume, &rs, S_results_gather, S_results_pack, S_results_unpack};
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
		rs = (S_results_sink){st, NULL, rank, front, plot, ev, NULL, &err, (sp_results_choice)o.results, 0};
		sink.bytes_per_row = S_results_bytes_per_row(&rs);
		rc = sp_eval_drain(ev, &sink);
		goto out;
	}
	/* everything is checked: only now touch the file system */
	int with_results = o.results != SP_RESULTS_NONE; /* --results none: no results.csv */
	if ((rc = sp_outdir_prepare(outdir, o.force, &err)) != SP_OK
	    || (with_results && (rc = sp_outfile_open(&res, outdir, "results.csv", &err))))
		goto out;
	if (!o.no_plots && (plot = sp_plot_alloc(st, outdir, &err)) == NULL) {
		rc = err.code;
		goto out;
	}
	if (with_results)
		sp_csv_results_header(res.fp);
	sp_eval_stats_t stats;
	sp_progress_t prog;
	sp_progress_start(&prog, sp_cli_now_s());
	rs = (S_results_sink){st, with_results ? &res : NULL, rank, front, plot, ev, &prog, &err, (sp_results_choice)o.results, 0};
	sink.bytes_per_row = S_results_bytes_per_row(&rs);
	if ((rc = sp_eval_drain(ev, &sink)) != SP_OK) {
		if (rc == SP_EIO && res.write_errno) /* results.csv: its message, the temporary file removed */
			rc = sp_outfile_commit(&res, &err);
		else if (err.code == 0)
			rc = sp_err_set(&err, rc, "out of memory");
		goto out;
	}
	sp_progress_end(&prog);
	double seconds = sp_cli_now_s() - t0;
	sp_eval_stats(ev, &stats);
	if (with_results && (rc = sp_outfile_commit(&res, &err)) != SP_OK)
		goto out;
	char rows_warning[512];
	sp_spreadsheet_warning(rows_warning, sizeof rows_warning, rs.rows + 1, rs.results);

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
	if ((rc = S_write_pareto_csv(outdir, st, pareto, nfront, nbest ? &best[0] : NULL, &err)) != SP_OK)
		goto out;
	if (plot)
		sp_plot_set_pareto(plot, pareto, nfront);
	if (sp_eval_search(ev) && (rc = S_write_search_csv(outdir, st, sp_eval_search(ev), &err)) != SP_OK)
		goto out;

	/* diagrams of the best designs, analysed again with diagrams on */
	if ((rc = sp_outfile_open(&dg, outdir, "best_diagrams.csv", &err)) != SP_OK)
		goto out;
	sp_csv_diagram_header(dg.fp);
	size_t ndiag = nbest < S_BEST_DIAGRAMS ? nbest : S_BEST_DIAGRAMS, diag_ids[S_BEST_DIAGRAMS];
	sp_result_t diag_rows[S_BEST_DIAGRAMS];
	for (size_t i = 0; i < ndiag; i++)
		diag_ids[i] = best[i].cand.id;
	if (sp_cli_stop_signal) /* a [solver] study: the diagrams run the solver again, at once */
		goto stopped;
	if ((rc = sp_designs_eval(st, cat, diag_ids, ndiag, SP_CLI_DIAGRAM_STEP_M, diag, diag_rows, &err)) != SP_OK)
		goto out;
	if (sp_cli_stop_signal)
		goto stopped;
	for (size_t i = 0; i < ndiag; i++)
		sp_csv_diagram_rows(dg.fp, i + 1, best[i].cand.id, &diag[i]);
	if ((rc = sp_outfile_commit(&dg, &err)) != SP_OK)
		goto out;
	/* subgrade studies: every construction stage of the best design; a study
	 * of a fixed wall without a search space (an imported D-Sheet Piling
	 * project): every stage of that wall */
	int fixed_only = sp_study_fixed_wall_only(st);
	if ((st->method == SP_METHOD_SUBGRADE && nbest) || fixed_only) {
		best_wall = malloc(sizeof *best_wall);
		if (best_wall == NULL) {
			rc = sp_err_set(&err, SP_ESOFTWARE, "out of memory");
			goto out;
		}
		if (fixed_only) {
			*best_wall = *st->wall;
		} else {
			const sp_candidate_t *c = &best[0].cand;
			long pi = sp_catalogue_find_profile(cat, st->profiles[c->profile]);
			if (pi < 0) {
				rc = sp_err_set(&err, SP_ESOFTWARE, "the best design's profile is not in the catalogue");
				goto out;
			}
			sp_study_wall_for_case(st, sp_profile_ei_kNm2_per_m(sp_catalogue_profile(cat, (size_t)pi)),
			                       st->lengths_m[c->length], &st->anchors[c->anchor], best_wall);
		}
		if ((rc = sp_beam_analyse(best_wall, 1, &stages, &err)) != SP_OK)
			goto out;
		/* a stage the engine could not compute has no results: why, then
		 * its nodes dropped (no rows in best_stages.csv, none plotted); the
		 * moment of a computed one against the allowable moments */
		for (int s = 0; s < stages.n_stages; s++) {
			sp_beam_stage_result_t *r = &stages.stage[s];
			if (r->status == SP_BEAM_OK) {
				stage_checked[s] = sp_fixed_wall_check_moment(best_wall, s, r, st->path, &stage_check[s]);
				continue;
			}
			sp_fixed_wall_why_failed(r, stage_why[s], sizeof stage_why[s]);
			sp_cli_printf(stderr, "[WARNING] %s: stage %d '%s' not computed: %s\n", st->path, s + 1,
			              best_wall->stages[s].name, stage_why[s]);
			free(r->nodes);
			r->nodes = NULL;
			r->n_nodes = 0;
		}
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
	/* an imported D-Sheet Piling design of the sheet piling length: its
	 * lengths with D-Sheet's columns (dsheet_calc.c) */
	double designed_m = NAN;
	int design_length = fixed_only && st->wall->calc.type == SP_CALC_DESIGN_LENGTH;
	if (design_length) {
		sp_dsheet_calc_warn(st->wall, st->path);
		if ((rc = sp_outfile_open(&dl, outdir, "dsheet_design_length.csv", &err)) != SP_OK)
			goto out;
		if ((rc = sp_dsheet_design_length_print(st->wall, dl.fp, &designed_m, &err)) != SP_OK)
			goto out;
		if ((rc = sp_outfile_commit(&dl, &err)) != SP_OK)
			goto out;
	}
	sp_anchor_refine_t refine;
	if (st->refine_anchor && nbest && (rc = sp_anchor_refine(st, cat, &best[0], &refine, &err)) != SP_OK)
		goto out;
	if ((rc = S_write_sensitivity(outdir, st, cat, best, nbest, stats.workers, &sens, &err)) != SP_OK)
		goto out;
	if (plot && stats.exec)
		sp_plot_set_timeline(plot);
	/* what explains the answer: edges, why the cheaper designs fail, alternatives */
	sp_edge_t edges[SP_EDGE_N];
	size_t n_edges = sp_edges_find(st, cat, best, nbest, edges);
	if (sp_explain_run(ev, st, cat, nbest ? &best[0] : NULL, stats.workers, &why) != SP_OK) {
		rc = sp_err_set(&err, SP_ESOFTWARE, "out of memory");
		goto out;
	}
	/* the search-space plot's points (thinned as the scatter plot is); without
	 * the memory for them the plot is not drawn, nothing else is lost */
	if (plot && (space = sp_explain_grid(ev, st, cat, nbest ? &best[0] : NULL, S_SPACE_POINTS, &n_space)) != NULL)
		sp_plot_set_search_space(plot, space, n_space, nbest ? best[0].cand.id : 0, nbest > 0);
	char warning[4400] = "";
	if (plot && (rc = sp_plot_finish(plot, nbest ? &best[0] : NULL, nbest ? &diag[0] : NULL, warning,
	                                 sizeof warning, &err)) != SP_OK)
		goto out;
	char warnings[6000], decision[2048];
	size_t n_warnings = S_run_warnings(warnings, sizeof warnings, &stats, warning, rows_warning, outdir, edges, n_edges);
	if (fixed_only) { /* no search: the wall's stages instead of a decision */
		size_t n = 0;
		n += (size_t)snprintf(decision + n, sizeof decision - n,
		                      "The study's own wall (no search space): its stages in best_stages.csv.\n");
		for (int s = 0; s < stages.n_stages && n < sizeof decision; s++) {
			const sp_beam_stage_result_t *r = &stages.stage[s];
			if (r->status != SP_BEAM_OK) /* no numbers: the stage has no results */
				n += (size_t)snprintf(decision + n, sizeof decision - n, "Stage %d: failed, not computed: %s.\n",
				                      s + 1, stage_why[s]);
			else if (stage_checked[s])
				n += (size_t)snprintf(decision + n, sizeof decision - n,
				                      "Stage %d: ok, max moment %.2f kNm/m, max shear %.2f kN/m, max displacement "
				                      "%.2f mm; moment unity check %.3f (allowable moment %.2f kNm/m)%s.\n",
				                      s + 1, r->max_moment_kNm_per_m, r->max_shear_kN_per_m, r->max_displacement_mm,
				                      stage_check[s].util_moment, stage_check[s].allowable_moment_kNm_per_m,
				                      stage_check[s].util_moment > 1.0 ? ", allowable moment exceeded" : "");
			else
				n += (size_t)snprintf(decision + n, sizeof decision - n,
				                      "Stage %d: ok, max moment %.2f kNm/m, max shear %.2f kN/m, max displacement "
				                      "%.2f mm.\n",
				                      s + 1, r->max_moment_kNm_per_m, r->max_shear_kN_per_m, r->max_displacement_mm);
		}
		if (design_length && n < sizeof decision) {
			if (isnan(designed_m))
				snprintf(decision + n, sizeof decision - n,
				         "Design of the sheet piling length: no length passed (dsheet_design_length.csv).\n");
			else
				snprintf(decision + n, sizeof decision - n,
				         "Design of the sheet piling length: %.2f m (dsheet_design_length.csv).\n", designed_m);
		}
	} else {
		sp_describe_decision(decision, sizeof decision, st, nbest ? &best[0] : NULL, &why, n_warnings);
	}
	sp_run_json_explain_t ex = {edges, n_edges, &why, decision};
	if ((rc = sp_run_json_write(outdir, st, &stats, st->licenses, seconds, nbest ? &best[0] : NULL,
	                         st->refine_anchor && nbest ? &refine : NULL, &ex, &err)))
		goto out;
	char plots_dir[4500];
	snprintf(plots_dir, sizeof plots_dir, "%s/plots", outdir);
	size_t n_svgs = 0;
	const char *const *svgs = plot ? sp_plot_svgs(plot, &n_svgs) : NULL; /* only the plots this run drew */
	sp_report_t rep = {st,       best, nbest, &stats, seconds, &sens, plot ? plots_dir : NULL,
	                   warnings, svgs, n_svgs, decision, &why};
	if ((rc = S_write_report(outdir, &rep, &err)) != SP_OK)
		goto out;
	for (const char *w = warnings; *w;) {
		const char *e = strchr(w, '\n');
		sp_cli_printf(stderr, "[WARNING] %.*s\n", (int)(e - w), w);
		w = e + 1;
	}
	if (!sp_cli_quiet)
		S_print_summary(st, &stats, seconds, best, nbest, st->refine_anchor && nbest ? &refine : NULL,
		                outdir, sens.n, plot != NULL, with_results, decision);
	if (sum)
		sp_batch_summary_row_set(sum, st, &stats, nbest ? &best[0] : NULL);
	rc = SP_OK;
	if (stats.exec && stats.batch.solver_failed) /* every output is written; the warning said why */
		rc = sp_err_set(&err, SP_ETEMPFAIL, "the solver failed on %zu analyses (see %s/work/)",
		                stats.batch.solver_failed, outdir);
	if (0) {
stopped: /* every analysis is in the journal: --resume writes the outputs */
		rc = sp_err_set(&err, 128 + (int)sp_cli_stop_signal, "stopped by signal %d (%s) while writing the outputs; continue with: "
		                "sheetpile run %s --resume -o %s", (int)sp_cli_stop_signal, strsignal((int)sp_cli_stop_signal), o.study,
		                outdir);
	}
out:
	if (rc && ev && sp_eval_distributing(ev)) { /* MPI: the other ranks wait for this one */
		sp_cli_fail(&err);
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
	sp_outfile_abort(&dl);
	sp_beam_result_free(&stages);
	sp_sens_free(&sens);
	free(best_wall);
	free(space);
	for (size_t i = 0; i < S_BEST_DIAGRAMS; i++)
		sp_analysis_free(&diag[i]);
	sp_plot_free(plot);
	sp_rank_free(rank);
	sp_pareto_free(front);
	sp_eval_free(ev); /* first: its solvers are gone before the lock is */
	sp_outdir_release(outdir);
	sp_catalogue_free(cat);
	sp_study_free(st);
	if (rc && err.code == 0)
		return rc; /* stopped, or solver failures: already reported */
	return rc ? sp_cli_fail(&err) : 0;
}
