/* bestfirst.h - the search strategy best-first: the candidates visited in
 * order of increasing objective (known without analysis, sp_cost_of), ties
 * by candidate id, which is the order of the ranking (rank.h); so the first
 * top_k feasible candidates of the order are the top_k of an exhaustive run.
 *
 * The front of the order is resolved candidate by candidate: a candidate
 * whose analysis has run is checked (sp_plan_evaluate); one skipped by the
 * dominance rule needs none; the first one whose analysis has not run stops
 * the walk until it has. The search is proven when top_k feasible
 * candidates are found (every candidate after the k-th in the order has an
 * objective no better than the k-th's, or an equal one and a larger id: it
 * cannot enter the ranking), or when the order is exhausted. The candidates
 * after the proof are skipped by the bound.
 *
 * The dominance rule (premise: feasibility grows with pile length within a
 * group of the same profile, grade and anchor option, as min-length
 * assumes): a candidate is skipped as dominated when a longer candidate of
 * its group was visited before it (a longer pile with an objective no
 * larger) and found infeasible. When a group shows the premise false (a
 * feasible length shorter than an infeasible one, among its analysed
 * candidates), the rule is dropped for that group and the walk starts
 * again from the first candidate (the analyses are kept), so the skipped
 * candidates of that group get analysed. With an objective that grows with
 * length (cost, mass, CO2 per m all do) a longer pile always comes later in
 * the order, so the rule never fires; it matters only for studies where a
 * longer pile costs no more.
 *
 * The equilibrium rule (the built-in beam engine only; premise: whether a
 * wall of a given length and anchor option can find an equilibrium with
 * the soil does not depend on its bending stiffness, and a shorter wall
 * cannot when a longer one cannot): once an analysis finds no equilibrium
 * (its reason holds "no equilibrium") at length L with anchor option a,
 * every candidate with anchor option a and a length <= L, of any profile
 * and grade, is skipped as dominated. When an analysis with anchor option a
 * finds an equilibrium at a length no longer than one that found none, the
 * premise fails: the rule is dropped for the study and, if it had skipped
 * any candidate, the walk starts again (analyses kept). On the subgrade
 * example no-equilibrium depends on (length, anchor) only: every profile
 * of a (length, anchor) pair fails or none does.
 *
 * Which analyses run ahead (sp_bestfirst_front) is up to the caller (threads,
 * licences); the resolved statuses depend only on the analyses' results,
 * never on which ran ahead: results.csv and ranking.csv are the same for any
 * thread, licence or rank count. Pure: never prints. */
#ifndef SP_BESTFIRST_H
#define SP_BESTFIRST_H

#include <stddef.h>
#include "plan.h"

typedef struct sp_bestfirst sp_bestfirst_t;

/* Per candidate, once proven (sp_bestfirst_status). */
enum { SP_BF_UNVISITED = 0, SP_BF_ANALYSED = 1, SP_BF_DOMINATED = 2, SP_BF_BOUND = 3 };

/* Why the search stopped. */
typedef enum {
	SP_BF_PROOF_NONE = 0,     /* not yet proven */
	SP_BF_PROOF_TOP_K = 1,    /* top_k feasible found, the rest no better than the k-th */
	SP_BF_PROOF_ALL = 2       /* every candidate visited (fewer than top_k feasible) */
} sp_bf_proof;

/* The search of plan's study (top_k from it), with every candidate's
 * objective. NULL when out of memory. Free with sp_bestfirst_free(). */
sp_bestfirst_t *sp_bestfirst_alloc(const sp_plan_t *plan);
void sp_bestfirst_free(sp_bestfirst_t *bf); /* accepts NULL */

/* Resolve the front with the analyses run so far (done[a] set: analyses[a]
 * holds analysis a's result). Returns 1 once proven (then every candidate
 * has its status), 0 while an analysis is needed, -1 when out of memory. */
int sp_bestfirst_advance(sp_bestfirst_t *bf, const unsigned char *done, const sp_analysis_t *analyses);

/* Up to max analyses that the front needs next, in visit order: neither
 * done nor busy (busy may be NULL), each once, into out. Returns how many. */
size_t sp_bestfirst_front(const sp_bestfirst_t *bf, const unsigned char *done, const unsigned char *busy,
                          size_t max, size_t *out);

/* Per candidate id: SP_BF_*. Complete once proven. */
const unsigned char *sp_bestfirst_status(const sp_bestfirst_t *bf);

typedef struct {
	sp_bf_proof proof;
	size_t analysed;        /* candidates checked from their analysis */
	size_t dominated;       /* skipped by the dominance rule */
	size_t bound;           /* skipped by the bound (after the proof) */
	size_t feasible;        /* feasible among the analysed */
	size_t restarts;        /* premises seen false (a rule dropped; the walk restarted if it had skipped any) */
	double bound_objective; /* the objective of the next candidate to visit (a lower bound on every unvisited) */
	double kth_objective;   /* proven by top_k: the k-th feasible's objective */
} sp_bestfirst_info_t;

void sp_bestfirst_info(const sp_bestfirst_t *bf, sp_bestfirst_info_t *out);
/* "top_k feasible found; ..." or "every candidate visited; ..." */
const char *sp_bf_proof_name(sp_bf_proof p);

#endif
