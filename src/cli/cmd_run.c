/* cmd_run.c - sheetpile run STUDY.ini: every candidate of one study. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "progress.h"
#include "run_study.h"


int sp_cmd_run(const sp_cli_opts_t *o)
{
	sp_run_study_t s;
	if (sp_run_study_load(o, &s) == SP_OK && sp_run_study_plan(o, NULL, &s) == SP_OK) {
		sp_progress_t prog;
		sp_progress_start(&prog, sp_cli_now_s());
		while (!s.finished) {
			sp_run_study_step(&s, o->study, 0.25);
			sp_eval_stats_t stats;
			if (s.ev) {
				sp_eval_stats(s.ev, &stats);
				sp_progress_analyses(&prog, &stats, 1);
			}
		}
		sp_progress_end(&prog);
	}
	return sp_run_study_finish(o, NULL, &s);
}
