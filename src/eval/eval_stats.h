/* eval_stats.h - the counters of an evaluation (sp_eval_stats(),
 * evaluate.h). Each part fills its own: evaluate.c the workers and the
 * search space, analyses.c the analysis phase (with the min-length search),
 * drain.c and drain_dist.c the candidate phase (evaluated, feasible,
 * infeasible, failed; max_concurrent with the analysis phase). */
#ifndef SP_EVAL_STATS_H
#define SP_EVAL_STATS_H

#include <stddef.h>
#include "engine_exec.h"
#include "study.h"

typedef struct {
	int workers;             /* threads used */
	int clamped;             /* 1 when threads were reduced to the licence count */
	int max_concurrent;      /* most evaluations seen running at once */
	size_t analyses_run;     /* distinct analyses run */
	size_t analyses_exhaustive; /* distinct analyses an exhaustive search runs */
	size_t candidates;       /* candidates in the search space */
	size_t to_evaluate;      /* candidates the strategy evaluates (= candidates when exhaustive) */
	size_t evaluated;        /* handed out so far */
	sp_search_strategy search;
	size_t search_groups;    /* min-length: (profile, grade, anchor option) groups */
	size_t search_scanned;   /* min-length: groups not monotone, scanned in full */
	size_t search_no_feasible; /* min-length: groups without a feasible length */
	size_t search_rounds;    /* min-length: rounds of the bisection */
	size_t feasible, infeasible, failed;
	size_t skipped;          /* best-first: rows handed out skipped (dominated or bound), not analysed */
	/* best-first (bestfirst.h), set once the analysis phase has finished
	 * (bf_bound_objective and bf_feasible also while it runs) */
	size_t bf_analysed;      /* candidates checked from their analysis */
	size_t bf_dominated;     /* skipped by the dominance rule */
	size_t bf_bound;         /* skipped by the bound */
	size_t bf_feasible;      /* feasible found (at most top_k) */
	size_t bf_restarts;      /* groups whose premise failed (the rule dropped for them) */
	size_t bf_cancelled;     /* analyses under way when the proof came, stopped (exec: solver killed,
	                            licence freed) or never started */
	int bf_proof;            /* sp_bf_proof */
	int bf_feasible_goal;    /* top_k */
	double bf_bound_objective; /* objective of the next candidate to visit (lower bound on the unvisited) */
	double bf_kth_objective; /* the k-th feasible's objective (NaN: fewer than top_k) */
	int exec;                /* 1: an external solver did the analyses (then batch is set) */
	sp_batch_stats_t batch;
	/* the analysis phase, for progress (sp_eval_step): the analyses of this
	 * invocation (not those taken from a journal) */
	int analysing;           /* 1 until the analysis phase has finished */
	size_t analyses_done;    /* finished */
	size_t analyses_known;   /* to run, as far as known (min-length: grows round by round) */
	/* exec, while analysing: this study's solver jobs not finished, their
	 * expected remaining time (sp_pool_outlook: estimates scaled by the
	 * finished jobs; remaining_known = 0 before the first has finished) and
	 * the pool's licences. Remaining lower bound: max(sum / slots, max). */
	double remaining_sum_s, remaining_max_s;
	int remaining_known, pool_slots;
} sp_eval_stats_t;

#endif
