/* batch_summary.c - the files of a batch: summary.csv and index.html. */
#include "batch_summary.h"
#include "csv_field.h"
#include "html.h"
#include "outfile.h"
#include "describe.h"

#include <stdio.h>
#include <string.h>

void sp_batch_summary_row_set(sp_batch_summary_row_t *sum, const sp_study_t *st, const sp_eval_stats_t *stats,
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
	/* as results.csv (csv_out.c): engines with displacements give no required embedment */
	sum->has_embedment = st->method != SP_METHOD_SUBGRADE;
	sum->best.analysis = NULL; /* freed with the run */
	sp_strlcpy(sum->profile, st->profiles[best->cand.profile], sizeof sum->profile);
	sp_strlcpy(sum->grade, st->grades[best->cand.grade], sizeof sum->grade);
	sum->length_m = st->lengths_m[best->cand.length];
	sum->anchor = st->anchors[best->cand.anchor];
	sp_describe_design(sum->design, sizeof sum->design, st, &best->cand);
}

static const char *S_status(const sp_batch_summary_row_t *r)
{
	return r->status ? "failed" : r->has_best ? "ok" : "no-feasible-design";
}

/* The studies of a batch, as the two files list them. */
typedef struct {
	char *const *studies;
	char (*dirs)[256];
	const sp_batch_summary_row_t *r;
	size_t n;
} S_table;

static void S_csv(FILE *fp, const void *table)
{
	const S_table *t = table;
	const sp_batch_summary_row_t *r = t->r;
	fputs("study,study_file,status,exit_code,message,output_dir,candidates,feasible,profile,grade,length_m,"
	      "anchor_level_m,cost_per_m,currency,mass_kg_per_m,co2_kg_per_m,util_bending,util_embedment,util_anchor,"
	      "util_max\r\n",
	      fp);
	for (size_t i = 0; i < t->n; i++) {
		sp_csv_field_text(fp, r[i].name);
		fputc(',', fp);
		sp_csv_field_text(fp, t->studies[i]);
		fprintf(fp, ",%s,%d,", S_status(&r[i]), r[i].status);
		sp_csv_field_text(fp, r[i].message);
		fputc(',', fp);
		sp_csv_field_text(fp, t->dirs[i]);
		if (r[i].status) {
			fputs(",,,,,,,,,,,,,,\r\n", fp);
			continue;
		}
		fprintf(fp, ",%zu,%zu,", r[i].candidates, r[i].feasible);
		if (!r[i].has_best) {
			fputs(",,,,,,,,,,,,\r\n", fp);
			continue;
		}
		const sp_result_t *b = &r[i].best;
		sp_csv_field_text(fp, r[i].profile);
		fputc(',', fp);
		sp_csv_field_text(fp, r[i].grade);
		fprintf(fp, ",%.3f,", r[i].length_m);
		if (r[i].anchor.anchored)
			fprintf(fp, "%.3f", r[i].anchor.level_m);
		fprintf(fp, ",%.2f,", b->cost.cost_per_m);
		sp_csv_field_text(fp, r[i].currency);
		fprintf(fp, ",%.2f,%.2f,%.4f,", b->cost.mass_kg_per_m, b->cost.co2_kg_per_m, b->checks.util_bending);
		if (r[i].has_embedment)
			fprintf(fp, "%.4f", b->checks.util_embedment);
		fprintf(fp, ",%.4f,%.4f\r\n", b->checks.util_anchor, b->checks.util_max);
	}
}

static void S_html(FILE *fp, const void *table)
{
	const S_table *t = table;
	const sp_batch_summary_row_t *r = t->r;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>sheetpile batch</title>\n"
	      "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;margin:1em auto;max-width:1200px;"
	      "padding:0 16px}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}"
	      "th{background:#eef3f8}td.n{text-align:right}.failed{color:#b00000}"
	      "@media print{a{color:inherit}}</style>\n</head>\n<body>\n<h1>sheetpile batch</h1>\n",
	      fp);
	size_t failed = 0;
	for (size_t i = 0; i < t->n; i++)
		failed += r[i].status != 0;
	fprintf(fp, "<p>%zu studies, %zu failed. Every study's files are in its own folder; summary.csv holds this "
	            "table.</p>\n<table>\n<thead><tr><th>study</th><th>file</th><th>status</th><th>best design</th>"
	            "<th>cost per m</th><th>util max</th><th>report</th></tr></thead>\n<tbody>\n",
	        t->n, failed);
	for (size_t i = 0; i < t->n; i++) {
		fputs("<tr><td>", fp);
		sp_html_text(fp, r[i].name);
		fputs("</td><td>", fp);
		sp_html_text(fp, t->studies[i]);
		fprintf(fp, "</td><td class=\"%s\">%s", S_status(&r[i]), S_status(&r[i]));
		if (r[i].status) {
			fputs(": ", fp);
			sp_html_text(fp, r[i].message);
			fputs("</td><td></td><td></td><td></td><td></td></tr>\n", fp);
			continue;
		}
		fputs("</td><td>", fp);
		if (r[i].has_best) {
			sp_html_text(fp, r[i].design);
			fprintf(fp, "</td><td class=\"n\">%.2f ", r[i].best.cost.cost_per_m);
			sp_html_text(fp, r[i].currency);
			fprintf(fp, "</td><td class=\"n\">%.3f</td>", r[i].best.checks.util_max);
		} else {
			fputs("none feasible</td><td></td><td></td>", fp);
		}
		fputs("<td><a href=\"", fp);
		sp_html_text(fp, t->dirs[i]);
		fputs("/report.html\">report</a></td></tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n</body>\n</html>\n", fp);
}

int sp_batch_summary_csv(const char *outdir, char *const *studies, char (*dirs)[256], const sp_batch_summary_row_t *r,
                         size_t n, sp_err_t *err)
{
	return sp_outfile_save(outdir, "summary.csv", S_csv, &(const S_table){studies, dirs, r, n}, err);
}

int sp_batch_summary_html(const char *outdir, char *const *studies, char (*dirs)[256], const sp_batch_summary_row_t *r,
                          size_t n, sp_err_t *err)
{
	return sp_outfile_save(outdir, "index.html", S_html, &(const S_table){studies, dirs, r, n}, err);
}
