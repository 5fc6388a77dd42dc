/* csv_out.h - results rows as CSV (RFC 4180: text fields quoted through
 * libcsv, numbers plain, CRLF line ends). Column names carry their units; the
 * stable names of DESIGN.md are never renamed. */
#ifndef SP_CSV_OUT_H
#define SP_CSV_OUT_H

#include <stdio.h>
#include "beam.h"
#include "engine.h"
#include "result.h"
#include "search.h"
#include "study.h"

/* Longest results row that sp_csv_results_format() writes, bytes. */
#define SP_CSV_ROW_MAX 1280

void sp_csv_results_header(FILE *fp);
/* Format one results row (with CRLF, no NUL) into buf of at least
 * SP_CSV_ROW_MAX bytes; returns its length. Pure: safe from any thread. */
size_t sp_csv_results_format(char *buf, const sp_study_t *st, const sp_result_t *r);
/* One row; rank 0 means "not ranked" (results.csv has no rank column). */
void sp_csv_results_row(FILE *fp, const sp_study_t *st, const sp_result_t *r);

/* Format n rows one after the other into text (at least n * SP_CSV_ROW_MAX
 * bytes, the caller's); returns the bytes written. Pure: safe from any
 * thread, so each worker formats its own chunk (sp_eval_drain). */
size_t sp_csv_results_format_rows(char *text, const sp_study_t *st, const sp_result_t *rows, size_t n);

void sp_csv_ranking_header(FILE *fp);
void sp_csv_ranking_row(FILE *fp, const sp_study_t *st, size_t rank, const sp_result_t *r);

/* pareto.csv: the results columns after "chosen" (1 for the design ranked
 * first by the objective, 0 otherwise). */
void sp_csv_pareto_header(FILE *fp);
void sp_csv_pareto_row(FILE *fp, const sp_study_t *st, int chosen, const sp_result_t *r);

void sp_csv_diagram_header(FILE *fp);
void sp_csv_diagram_rows(FILE *fp, size_t rank, size_t candidate_id, const sp_analysis_t *a);

/* Per-stage diagrams of the beam engine (best_stages.csv): one row per node
 * and stage, units in every column name. */
void sp_csv_stages_header(FILE *fp);
void sp_csv_stage_rows(FILE *fp, int stage, const char *stage_name, const sp_beam_node_t *nodes, size_t n);

/* search.csv of the min-length strategy: one row per (profile, grade, anchor
 * option) group: its shortest feasible length (empty when none), the
 * candidates evaluated, and whether the group was scanned in full because
 * feasibility was not monotone in length on the evaluated points. */
void sp_csv_search(FILE *fp, const sp_study_t *st, const sp_search_t *s);

#endif
