/* batch_summary.h - the files of `sheetpile batch` (batch_summary.c):
 * OUTDIR/summary.csv, one row per study, and OUTDIR/index.html linking every
 * study's report. */
#ifndef SP_BATCH_SUMMARY_H
#define SP_BATCH_SUMMARY_H

#include <stddef.h>
#include "evaluate.h"
#include "study.h"

/* What a batch keeps of one study's run. */
typedef struct {
	int status;                  /* exit code, 0 ok */
	char message[SP_MSG_MAX];    /* the error when status != 0 */
	char name[SP_NAME_MAX], currency[16];
	size_t candidates, feasible;
	int has_best;
	int has_embedment;           /* the engine computes a required embedment (limit equilibrium): else util_embedment is empty, as in results.csv */
	sp_result_t best;
	char profile[SP_NAME_MAX], grade[SP_NAME_MAX], design[3 * SP_NAME_MAX];
	double length_m;
	sp_anchor_option_t anchor;
} sp_batch_summary_row_t;

/* The study's name, counts and best design (best may be NULL) into sum. */
void sp_batch_summary_row_set(sp_batch_summary_row_t *sum, const sp_study_t *st, const sp_eval_stats_t *stats,
                              const sp_result_t *best);

/* OUTDIR/summary.csv and OUTDIR/index.html for n studies: their files
 * (studies[i]), their folders under outdir (dirs[i]) and their rows. */
int sp_batch_summary_csv(const char *outdir, char *const *studies, char (*dirs)[256],
                         const sp_batch_summary_row_t *r, size_t n, sp_err_t *err);
int sp_batch_summary_html(const char *outdir, char *const *studies, char (*dirs)[256],
                          const sp_batch_summary_row_t *r, size_t n, sp_err_t *err);

#endif
