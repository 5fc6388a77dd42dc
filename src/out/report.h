/* report.h - report.html of a run: one self-contained HTML page (no scripts,
 * no external files; the run's SVG plots are copied into it inline) that
 * echoes the study, ranks the best designs, shows the plots, the sensitivity
 * of the best designs, the warnings and the run statistics, and prints to
 * PDF cleanly from a browser (print CSS with page breaks). */
#ifndef SP_REPORT_H
#define SP_REPORT_H

#include <stdio.h>
#include "eval_stats.h"
#include "explain.h"
#include "result.h"
#include "sensitivity.h"
#include "study.h"

#define SP_REPORT_MAX_ROWS 50 /* best designs listed; ranking.csv holds them all */

typedef struct {
	const sp_study_t *st;
	const sp_result_t *best;      /* ranked designs, best first */
	size_t n_best;
	const sp_eval_stats_t *stats;
	double seconds;               /* wall time of the evaluation */
	const sp_sens_t *sens;        /* NULL or empty: no sensitivity section */
	const char *plots_dir;        /* OUTDIR/plots; NULL when plots were not drawn */
	const char *warnings;         /* the run's warnings, one per line; "" for none */
	const char *const *svgs;      /* the SVG plots this run drew, names in plots_dir (sp_plot_svgs) */
	size_t n_svgs;
	const char *decision;         /* the decision in plain words (describe.h), or NULL */
	const sp_explain_t *why;      /* why the cheaper designs fail (explain.h), or NULL */
} sp_report_t;

/* The plots a report shows: only those of svgs (never another .svg found in
 * plots_dir), these in this order first, then the others by name. */
typedef struct {
	const char *file;             /* e.g. "pareto.svg" */
	const char *title;
} sp_report_plot_t;
extern const sp_report_plot_t sp_report_plots[];
extern const size_t sp_report_n_plots;

/* Write the page to fp. SP_OK, or SP_EIO when a plot cannot be read. The
 * number of plots embedded is stored in *n_plots when not NULL. */
int sp_report_write(FILE *fp, const sp_report_t *r, size_t *n_plots, sp_err_t *err);

#endif
