/* plot.h - gnuplot plots of a run: data files (.dat) written while results
 * stream past, scripts from the plots/ templates copied next to them, and
 * gnuplot run on each script at the end (PNG and SVG). Without gnuplot the
 * data and scripts are still written and a warning is returned. */
#ifndef SP_PLOT_H
#define SP_PLOT_H

#include <stddef.h>
#include "engine.h"
#include "result.h"
#include "study.h"
#include "beam.h"
#include "explain.h"

typedef struct sp_plot sp_plot_t;

/* Most bytes sp_plot_format_sampled() writes per row. */
#define SP_PLOT_LINE_MAX 1280

/* Create OUTDIR/plots and start the data files. NULL and *err on failure.
 * outdir NULL: no files, only the data that does not depend on the order
 * of the rows (sp_plot_gather), as another MPI rank keeps it for rank 0. */
sp_plot_t *sp_plot_alloc(const sp_study_t *st, const char *outdir, sp_err_t *err);
void sp_plot_free(sp_plot_t *p); /* accepts NULL; removes unfinished files */

/* The data streams in two parts. The scatter plot's lines of every n-th
 * candidate (the failed ones left out), in candidate order: formatted by
 * sp_plot_format_sampled() into out (at least n * SP_PLOT_LINE_MAX bytes;
 * returns the bytes written; pure: safe from any thread), then written by
 * sp_plot_write_sampled(). And, in any order, sp_plot_gather(): per
 * (profile, length) the cheapest feasible cost, and whether the third
 * Pareto criterion is the displacement. */
size_t sp_plot_format_sampled(const sp_plot_t *p, const sp_result_t *rows, size_t n, char *out);
void sp_plot_write_sampled(sp_plot_t *p, const char *lines, size_t bytes);
void sp_plot_gather(sp_plot_t *p, const sp_result_t *rows, size_t n);
/* What sp_plot_gather() kept, as sp_plot_state_bytes() bytes for another
 * MPI rank (pack), and merged from such bytes into p (SP_ESOFTWARE when
 * they are not of the same study). */
size_t sp_plot_state_bytes(const sp_plot_t *p);
void sp_plot_state_pack(const sp_plot_t *p, char *out);
int sp_plot_state_merge(sp_plot_t *p, const char *in, size_t bytes);
/* Write the remaining data, then run gnuplot (drawing into a scratch
 * directory made by mkdtemp in OUTDIR/plots, from which only the plots asked
 * for are renamed into OUTDIR/plots). best/best_analysis may be NULL
 * (no feasible design). warning is set (non-empty) when plots could not be
 * drawn; that is not an error. */
int sp_plot_finish(sp_plot_t *p, const sp_result_t *best, const sp_analysis_t *best_analysis, char *warning,
                   size_t warning_size, sp_err_t *err);

/* The SVG plots sp_plot_finish() drew (file names in OUTDIR/plots, in the
 * order drawn; *n of them): only these belong in the report, never another
 * .svg found in the directory. Valid until sp_plot_free(). */
const char *const *sp_plot_svgs(const sp_plot_t *p, size_t *n);

/* Per-stage diagrams of the best design (beam engine), drawn by
 * sp_plot_finish() as best_stages.png/svg. r is borrowed until then. */
void sp_plot_set_stages(sp_plot_t *p, const sp_beam_result_t *r, const sp_wall_t *w);

/* The Pareto front (rank.h), drawn by sp_plot_finish() as pareto.png/svg
 * with the chosen design marked. front is borrowed until then. */
void sp_plot_set_pareto(sp_plot_t *p, const sp_result_t *front, size_t n);

/* The search space at the best design's grade and anchor option (explain.h),
 * drawn by sp_plot_finish() as search_space.png/svg: length against profile
 * mass, feasible designs in one colour, the others by the check that
 * excludes them, the chosen design (best_id) marked. pts borrowed until then. */
void sp_plot_set_search_space(sp_plot_t *p, const sp_explain_point_t *pts, size_t n, size_t best_id, int has_best);

/* A [solver] run: also draw OUTDIR/timeline.csv as gantt.png/svg (the
 * licence slots) and case_times.png/svg (each analysis, the study in
 * parallel and in series). */
void sp_plot_set_timeline(sp_plot_t *p);

/* The gnuplot template `script` into path (size bytes): in the folder
 * SHEETPILE_PLOTS_DIR, else in plots/ of the data directory (datadir.h).
 * 0, or -1 when it does not fit. */
int sp_plot_template_path(char *path, size_t size, const char *script);

#endif
