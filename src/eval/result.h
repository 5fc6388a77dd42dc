/* result.h - what the evaluation of one candidate gives: its axes, its
 * status, the analysis it shares with the other candidates of that
 * analysis, its checks and its cost. */
#ifndef SP_RESULT_H
#define SP_RESULT_H

#include <stddef.h>
#include "candidate.h"
#include "checks.h"
#include "cost.h"
#include "engine.h"

/* best-first (bestfirst.h): a candidate not analysed, skipped by the
 * dominance rule or by the bound; only its axes and cost are known */
typedef enum {
	SP_CAND_OK = 0,
	SP_CAND_INFEASIBLE = 1,
	SP_CAND_FAILED = 2,
	SP_CAND_SKIPPED_DOMINATED = 3,
	SP_CAND_SKIPPED_BOUND = 4
} sp_cand_status;

typedef struct {
	sp_candidate_t cand;
	sp_cand_status status;
	const sp_analysis_t *analysis; /* shared by every candidate with the same analysis */
	sp_checks_t checks;
	sp_cost_t cost;
} sp_result_t;

/* "ok", "infeasible", "failed:<reason>", "skipped:dominated" or "skipped:bound" */
void sp_result_status(const sp_result_t *r, char *buf, size_t size);

#endif
