/* bestfirst.c - the search strategy best-first (bestfirst.h). */
#include "bestfirst.h"
#include "block.h"
#include "candidate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_NO_EQUILIBRIUM "no equilibrium" /* in the reason of a beam analysis that found none */

#define S_LOOKAHEAD 100000 /* candidates past the front scanned for analyses to run ahead */

typedef struct {
	double objective;
	size_t id;
} S_entry;

typedef struct {
	double longest_infeasible_m; /* longest visited infeasible length; -inf: none */
	double shortest_feasible_m;  /* shortest visited feasible length; +inf: none */
	size_t dominated;            /* candidates skipped by the rule in this walk */
	int dropped;                 /* the premise failed: the rule is not used for this group */
} S_group;

/* The equilibrium rule, per anchor option. */
typedef struct {
	double longest_no_eq_m;  /* longest visited length whose analysis found no equilibrium; -inf: none */
	double shortest_eq_m;    /* shortest visited length whose analysis found one; +inf: none */
} S_anchor;

struct sp_bestfirst {
	const sp_plan_t *plan;
	size_t n, pos, k, n_groups;
	S_anchor *anchor;        /* per anchor option */
	int eq_rule;             /* 1: the equilibrium rule is used (beam engine, premise not seen false) */
	size_t eq_dominated;     /* candidates it skipped in this walk */
	S_entry *order;          /* visit order: objective ascending, ties by id */
	unsigned char *status;   /* per candidate id: SP_BF_* */
	S_group *g;
	sp_bestfirst_info_t info;
};

static int S_cmp(const void *a, const void *b)
{
	const S_entry *x = a, *y = b;
	if (x->objective < y->objective)
		return -1;
	if (x->objective > y->objective)
		return 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* A new walk from the first candidate: every status and group record
 * forgotten, except which groups dropped the rule. */
static void S_restart(sp_bestfirst_t *bf)
{
	memset(bf->status, SP_BF_UNVISITED, bf->n ? bf->n : 1);
	for (size_t g = 0; g < bf->n_groups; g++) {
		bf->g[g].longest_infeasible_m = -INFINITY;
		bf->g[g].shortest_feasible_m = INFINITY;
		bf->g[g].dominated = 0;
	}
	for (size_t a = 0; a < bf->plan->st->n_anchors; a++)
		bf->anchor[a] = (S_anchor){-INFINITY, INFINITY};
	bf->eq_dominated = 0;
	size_t restarts = bf->info.restarts;
	memset(&bf->info, 0, sizeof bf->info);
	bf->info.restarts = restarts;
	bf->info.bound_objective = bf->n ? bf->order[0].objective : NAN;
	bf->info.kth_objective = NAN;
	bf->pos = 0;
}

sp_bestfirst_t *sp_bestfirst_alloc(const sp_plan_t *plan)
{
	const sp_study_t *st = plan->st;
	size_t n = sp_study_n_candidates(st), n_groups = st->n_profiles * st->n_grades * st->n_anchors;
	void *at[4];
	sp_bestfirst_t *bf = sp_block_alloc(sizeof *bf, 4, (const sp_block_part_t[]){{n, sizeof *bf->order},
	                                    {n, sizeof *bf->status}, {n_groups, sizeof *bf->g},
	                                    {st->n_anchors, sizeof *bf->anchor}}, at);
	if (bf == NULL)
		return NULL;
	*bf = (sp_bestfirst_t){.plan = plan, .n = n, .k = st->top_k > 0 ? (size_t)st->top_k : 1, .n_groups = n_groups,
	                       .order = at[0], .status = at[1], .g = at[2], .anchor = at[3]};
	/* the built-in beam engine: its reason names a missing equilibrium */
	bf->eq_rule = plan->engine->uses_section == 1 && plan->engine->batch == NULL;
	for (size_t id = 0; id < bf->n; id++) {
		sp_candidate_t c;
		sp_cost_t cost;
		sp_candidate_at(st, id, &c);
		/* exactly what sp_plan_evaluate computes, so the ranking's order */
		sp_cost_of(st, sp_plan_profile(plan, c.profile), c.grade, st->lengths_m[c.length], &st->anchors[c.anchor],
		           &plan->ref, &cost);
		bf->order[id] = (S_entry){cost.objective, id};
	}
	qsort(bf->order, bf->n, sizeof *bf->order, S_cmp);
	S_restart(bf);
	return bf;
}

void sp_bestfirst_free(sp_bestfirst_t *bf)
{
	free(bf); /* and its arrays, one block */
}

static size_t S_group_of(const sp_study_t *st, const sp_candidate_t *c)
{
	return (c->profile * st->n_grades + c->grade) * st->n_anchors + c->anchor;
}

/* The rule skips candidate c (of group q, length_m): a longer one of its
 * group was visited and infeasible. */
static int S_dominated(const S_group *q, double length_m)
{
	return !q->dropped && length_m < q->longest_infeasible_m;
}

/* The equilibrium rule skips a candidate of anchor option an, length_m:
 * an analysis of a length at least as long with that anchor found no
 * equilibrium. */
static int S_no_equilibrium(const sp_bestfirst_t *bf, size_t an, double length_m)
{
	return bf->eq_rule && length_m <= bf->anchor[an].longest_no_eq_m;
}

/* Everything after the proof is skipped by the bound. */
static void S_proven(sp_bestfirst_t *bf, sp_bf_proof why)
{
	bf->info.proof = why;
	for (size_t p = bf->pos; p < bf->n; p++)
		bf->status[bf->order[p].id] = SP_BF_BOUND;
	bf->info.bound = bf->n - bf->pos;
	bf->info.bound_objective = bf->pos < bf->n ? bf->order[bf->pos].objective : INFINITY;
}

int sp_bestfirst_advance(sp_bestfirst_t *bf, const unsigned char *done, const sp_analysis_t *analyses)
{
	const sp_plan_t *plan = bf->plan;
	const sp_study_t *st = plan->st;
	if (bf->info.proof != SP_BF_PROOF_NONE)
		return 1;
	while (bf->pos < bf->n) {
		const S_entry *e = &bf->order[bf->pos];
		sp_candidate_t c;
		sp_candidate_at(st, e->id, &c);
		S_group *q = &bf->g[S_group_of(st, &c)];
		double length_m = st->lengths_m[c.length];
		bf->info.bound_objective = e->objective;
		int by_eq = S_no_equilibrium(bf, c.anchor, length_m);
		if (by_eq || S_dominated(q, length_m)) {
			bf->status[e->id] = SP_BF_DOMINATED;
			bf->info.dominated++;
			if (by_eq)
				bf->eq_dominated++;
			else
				q->dominated++;
			bf->pos++;
			continue;
		}
		size_t a = sp_plan_analysis_of(plan, &c);
		if (!done[a])
			return 0;
		sp_result_t r;
		sp_plan_evaluate(plan, e->id, &analyses[a], &r);
		S_anchor *an = &bf->anchor[c.anchor];
		int no_eq = !analyses[a].ok && strstr(analyses[a].reason, S_NO_EQUILIBRIUM) != NULL;
		if (bf->eq_rule && no_eq && an->shortest_eq_m <= length_m) {
			/* an equilibrium was found for a length no longer than this one
			 * with the same anchor: the premise fails; the rule is dropped
			 * and what it skipped is visited again */
			bf->eq_rule = 0;
			bf->info.restarts++;
			if (bf->eq_dominated > 0) {
				S_restart(bf);
				continue;
			}
		}
		if (no_eq && length_m > an->longest_no_eq_m)
			an->longest_no_eq_m = length_m;
		else if (analyses[a].ok && length_m < an->shortest_eq_m)
			an->shortest_eq_m = length_m;
		if (r.status == SP_CAND_INFEASIBLE && !q->dropped && q->shortest_feasible_m < length_m) {
			/* a feasible length shorter than this infeasible one: the premise
			 * fails for this group; its skipped candidates are visited again */
			q->dropped = 1;
			bf->info.restarts++;
			if (q->dominated > 0) {
				S_restart(bf);
				continue;
			}
		}
		bf->status[e->id] = SP_BF_ANALYSED;
		bf->info.analysed++;
		bf->pos++;
		if (r.status == SP_CAND_OK) {
			if (length_m < q->shortest_feasible_m)
				q->shortest_feasible_m = length_m;
			if (++bf->info.feasible == bf->k) {
				bf->info.kth_objective = e->objective;
				S_proven(bf, SP_BF_PROOF_TOP_K);
				return 1;
			}
		} else if (r.status == SP_CAND_INFEASIBLE && length_m > q->longest_infeasible_m) {
			q->longest_infeasible_m = length_m;
		}
	}
	S_proven(bf, SP_BF_PROOF_ALL);
	return 1;
}

size_t sp_bestfirst_front(const sp_bestfirst_t *bf, const unsigned char *done, const unsigned char *busy,
                          size_t max, size_t *out)
{
	const sp_plan_t *plan = bf->plan;
	const sp_study_t *st = plan->st;
	size_t m = 0;
	if (bf->info.proof != SP_BF_PROOF_NONE)
		return 0;
	for (size_t p = bf->pos; p < bf->n && p - bf->pos < S_LOOKAHEAD && m < max; p++) {
		sp_candidate_t c;
		sp_candidate_at(st, bf->order[p].id, &c);
		/* what the rules would skip now (they may not later: then it is needed) */
		if (S_no_equilibrium(bf, c.anchor, st->lengths_m[c.length])
		    || S_dominated(&bf->g[S_group_of(st, &c)], st->lengths_m[c.length]))
			continue;
		size_t a = sp_plan_analysis_of(plan, &c), k;
		if (done[a] || (busy && busy[a]))
			continue;
		for (k = 0; k < m && out[k] != a; k++)
			;
		if (k == m)
			out[m++] = a;
	}
	return m;
}

const unsigned char *sp_bestfirst_status(const sp_bestfirst_t *bf)
{
	return bf->status;
}

void sp_bestfirst_info(const sp_bestfirst_t *bf, sp_bestfirst_info_t *out)
{
	*out = bf->info;
}

const char *sp_bf_proof_name(sp_bf_proof p)
{
	static const char *const names[] = {
		[SP_BF_PROOF_NONE] = "not proven",
		[SP_BF_PROOF_TOP_K] = ("top_k feasible found; every candidate not visited has an objective no better than "
		                       "the k-th"),
		[SP_BF_PROOF_ALL] = "every candidate visited (fewer than top_k feasible)"};
	return (unsigned)p < sizeof names / sizeof *names ? names[p] : names[SP_BF_PROOF_NONE];
}
