/* progress.h - progress on stderr (progress.c). */
#ifndef SP_PROGRESS_H
#define SP_PROGRESS_H

#include <stddef.h>
#include "evaluate.h"

/* Progress on stderr while candidates are evaluated: a bar on a terminal,
 * plain lines (every 10 % or 2 s) otherwise, nothing with --quiet. The command
 * polls the evaluator's counters (sp_eval_stats) between chunks. */
typedef struct {
	int mode;            /* 0 off, 1 terminal bar, 2 plain lines */
	double t0, last_s;   /* start, time of the last plain line */
	int last_tenth;      /* last 10 % step printed */
	int drawn;           /* a bar is on the terminal's last line */
	size_t shown_done, shown_total; /* what the bar shows */
} sp_progress_t;

/* Start a phase at time t0 (sp_cli_now_s): off with --quiet, a bar when
 * stderr is a terminal, plain lines otherwise. */
void sp_progress_start(sp_progress_t *p, double t0);
/* The end of a phase: the bar's line is finished. */
void sp_progress_end(sp_progress_t *p);
/* One report of `what` (analyses or candidates); eta_s < 0: from the rate. */
void sp_progress_show(sp_progress_t *p, const char *what, size_t done, size_t total, double eta_s);
/* The candidates evaluated of the total. */
void sp_progress_update(sp_progress_t *p, size_t done, size_t total);
/* The analyses of n studies (a batch), from their evaluators' statistics. */
void sp_progress_analyses(sp_progress_t *p, const sp_eval_stats_t *s, size_t n);

#endif
