/* run_json.c - run.json: the run's counts, times, search and best design. */
#include "run_json.h"
#include "dist.h"
#include "earth.h"
#include "outfile.h"
#include "partial_factors.h"

#include <math.h>
#include <stdio.h>

/* a number, or null when it is not finite (JSON has no NaN) */
static void S_json_num(FILE *fp, const char *fmt, double v)
{
	if (isfinite(v))
		fprintf(fp, fmt, v);
	else
		fputs("null", fp);
}

static void S_json_string(FILE *fp, const char *s)
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
static void S_search(FILE *fp, const sp_study_t *st, const sp_eval_stats_t *s,
                              const sp_anchor_refine_t *r)
{
	fprintf(fp, "\"search\": {\n    \"strategy\": \"%s\",\n    \"candidates_evaluated\": %zu,\n"
	        "    \"candidates_exhaustive\": %zu,\n    \"analyses_run\": %zu,\n    \"analyses_exhaustive\": %zu",
	        sp_search_name(st->search), s->evaluated - s->skipped, s->candidates, s->analyses_run,
	        s->analyses_exhaustive);
	if (st->search == SP_SEARCH_BEST_FIRST) {
		fprintf(fp, ",\n    \"candidates_skipped\": %zu,\n    \"candidates_skipped_dominated\": %zu,\n"
		        "    \"candidates_skipped_bound\": %zu,\n    \"analyses_cancelled\": %zu,\n"
		        "    \"premises_failed\": %zu,\n    \"feasible_found\": %zu,\n    \"top_k\": %d,\n",
		        s->skipped, s->bf_dominated, s->bf_bound, s->bf_cancelled, s->bf_restarts, s->bf_feasible, st->top_k);
		fputs("    \"kth_objective\": ", fp);
		if (s->bf_kth_objective == s->bf_kth_objective) /* not NaN */
			fprintf(fp, "%.6g", s->bf_kth_objective);
		else
			fputs("null", fp);
		fputs(",\n    \"bound_objective\": ", fp);
		if (s->bf_bound_objective == s->bf_bound_objective && s->bf_bound_objective < 1e300)
			fprintf(fp, "%.6g", s->bf_bound_objective);
		else
			fputs("null", fp);
		fprintf(fp, ",\n    \"proof\": \"%s\",\n    \"pareto\": \"over the analysed candidates only: a front "
		        "member that was skipped by the bound is not in pareto.csv\"",
		        s->bf_proof == 1 ? "top_k" : s->bf_proof == 2 ? "exhausted" : "none");
	}
	if (st->search == SP_SEARCH_MIN_LENGTH)
		fprintf(fp, ",\n    \"groups\": %zu,\n    \"groups_full_scan\": %zu,\n    \"groups_without_feasible\": %zu,"
		        "\n    \"rounds\": %zu", s->search_groups, s->search_scanned, s->search_no_feasible, s->search_rounds);
	if (r) {
		fprintf(fp, ",\n    \"anchor_refinement\": {\n      \"refined\": %s,\n      \"note\": ", r->done ? "true" : "false");
		S_json_string(fp, r->note);
		fprintf(fp, ",\n      \"grid_anchor_level_m\": %.4f,\n      \"grid_util_max\": ", r->grid_level_m);
		S_json_num(fp, "%.4f", r->grid_util_max);
		fprintf(fp, ",\n      \"anchor_level_m\": %.4f,\n      \"util_max\": ", r->level_m);
		S_json_num(fp, "%.4f", r->util_max);
		fprintf(fp, ",\n      \"feasible\": %s,\n      \"analyses\": %d,\n      \"brent_iterations\": %d\n    }",
		        r->feasible ? "true" : "false", r->evaluations, r->iterations);
	}
	fputs("\n  },\n  \"best\": ", fp);
}

/* "cheaper_infeasible_by_check", the cheapest of them and the alternatives */
static void S_why(FILE *fp, const sp_study_t *st, const sp_explain_t *x)
{
	fprintf(fp, "  \"cheaper_infeasible\": %zu,\n  \"cheaper_infeasible_by_check\": {", x->n_cheaper);
	for (int w = 0, first = 1; w < SP_WHY_N; w++)
		if (x->by_why[w]) {
			fprintf(fp, "%s\"%s\": %zu", first ? "" : ", ", sp_why_name(w), x->by_why[w]);
			first = 0;
		}
	fputs("},\n  \"cheapest_infeasible\": [", fp);
	for (size_t i = 0; i < x->n_cheapest; i++) {
		const sp_result_t *r = &x->cheapest[i];
		fprintf(fp, "%s\n    {\"candidate_id\": %zu, \"cost_per_m\": %.2f, \"objective\": %.6g, \"check\": \"%s\", "
		        "\"util_max\": ", i ? "," : "", r->cand.id, r->cost.cost_per_m, r->cost.objective,
		        sp_why_name(x->cheapest_why[i]));
		if (x->cheapest_why[i] < SP_CHECK_N)
			S_json_num(fp, "%.4f", r->checks.util_max), fputc('}', fp);
		else
			fputs("null}", fp);
	}
	fputs(x->n_cheapest ? "\n  ],\n  \"alternatives\": [" : "],\n  \"alternatives\": [", fp);
	static const char *const kind[SP_ALT_N] = {"another_series", "other_anchoring", "another_grade"};
	int any = 0;
	for (int k = 0; k < SP_ALT_N; k++) {
		if (!x->has_alt[k])
			continue;
		const sp_result_t *a = &x->alt[k];
		fprintf(fp, "%s\n    {\"kind\": \"%s\", \"candidate_id\": %zu, \"profile\": ", any ? "," : "", kind[k],
		        a->cand.id);
		S_json_string(fp, st->profiles[a->cand.profile]);
		fputs(", \"grade\": ", fp);
		S_json_string(fp, st->grades[a->cand.grade]);
		fprintf(fp, ", \"length_m\": %.3f, \"cost_per_m\": %.2f, \"util_max\": %.4f}", st->lengths_m[a->cand.length],
		        a->cost.cost_per_m, a->checks.util_max);
		any = 1;
	}
	fputs(any ? "\n  ],\n" : "],\n", fp);
}

int sp_run_json_write(const char *dir, const sp_study_t *st, const sp_eval_stats_t *s, int licenses,
                          double seconds, const sp_result_t *best, const sp_anchor_refine_t *refine,
                          const sp_run_json_explain_t *ex, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, "run.json", err);
	if (rc)
		return rc;
	FILE *fp = f.fp;
	fputs("{\n  \"program\": \"sheetpile " SP_VERSION "\",\n  \"study\": ", fp);
	S_json_string(fp, st->name);
	fputs(",\n  \"study_file\": ", fp);
	S_json_string(fp, st->path);
	fprintf(fp,
	        ",\n  \"method\": \"%s\",\n  \"earth_pressure\": \"%s\",\n  \"safety\": \"%s\",\n"
	        "  \"objective\": \"%s\",\n  \"currency\": ",
	        st->method == SP_METHOD_SUBGRADE ? "subgrade" : "le", sp_earth_theory_name(st->earth_pressure), sp_safety_name(st->safety), sp_objective_name(st->objective));
	S_json_string(fp, st->currency);
	/* [design] verification: which, its class and the partial factor sets used */
	const char *const *classes = sp_partial_factors_classes(st->verification);
	fprintf(fp, ",\n  \"verification\": \"%s\",\n  \"verification_class\": \"%s\",\n  \"partial_factor_sets\": [",
	        sp_partial_factors_words[st->verification],
	        classes && st->verification_class >= 0 ? classes[st->verification_class] : "");
	for (int i = 0; i < st->n_verification_sets; i++) {
		fputs(i ? ", " : "", fp);
		S_json_string(fp, st->verification_sets[i].name);
	}
	fputc(']', fp);
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
	const sp_edge_t *edges = ex ? ex->edges : NULL;
	size_t n_edges = ex ? ex->n_edges : 0;
	if (ex && ex->decision) {
		fputs("  \"decision\": ", fp);
		S_json_string(fp, ex->decision);
		fputs(",\n", fp);
	}
	if (ex && ex->why)
		S_why(fp, st, ex->why);
	fputs("  \"search_edges\": [", fp);
	for (size_t i = 0; i < n_edges; i++) {
		fprintf(fp, "%s\n    {\"axis\": ", i ? "," : "");
		S_json_string(fp, edges[i].axis);
		fputs(", \"edge\": ", fp);
		S_json_string(fp, edges[i].edge);
		fputs(", \"value\": ", fp);
		S_json_string(fp, edges[i].value);
		fputs(", \"advice\": ", fp);
		S_json_string(fp, edges[i].advice);
		fputc('}', fp);
	}
	fputs(n_edges ? "\n  ],\n  " : "],\n  ", fp);
	S_search(fp, st, s, refine);
	if (best) {
		const sp_anchor_option_t *an = &st->anchors[best->cand.anchor];
		fprintf(fp, "{\n    \"candidate_id\": %zu,\n    \"profile\": ", best->cand.id);
		S_json_string(fp, st->profiles[best->cand.profile]);
		fputs(",\n    \"grade\": ", fp);
		S_json_string(fp, st->grades[best->cand.grade]);
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
