/* test_search.c - the min-length search strategy (eval/search.h) on a made-up
 * feasibility function whose answers are stated by hand, so no engine runs:
 * lengths 6..15 m given out of order, one profile, one grade, four "anchor
 * options" that stand for four groups with different behaviour. */
#include "harness.h"

#include "candidate.h"
#include "search.h"
#include "study.h"

#include <stdlib.h>

static double S_len[] = {12, 6, 10, 8, 14, 7, 9, 11, 13, 15}; /* unsorted on purpose */

/* feasibility of group (anchor option) a at length L, by hand */
static int S_feasible(size_t a, double L)
{
	switch (a) {
	case 0: return L >= 10.5;             /* monotone: shortest feasible 11 m */
	case 1: return 0;                     /* never feasible */
	case 2: return L >= 8 && L != 9;      /* not monotone just above the bisection's answer (8 m) */
	default: return 1;                    /* always feasible: 6 m */
	}
}

/* Run the whole search; reports in reverse order when reverse is set. */
static sp_search_t *S_run(const sp_study_t *st, int reverse, size_t *evaluations)
{
	sp_search_t *s = sp_search_alloc(st);
	OK(s != NULL, "alloc");
	const size_t *ids;
	size_t n;
	*evaluations = 0;
	while ((ids = sp_search_next(s, &n)) != NULL) {
		for (size_t k = 1; k < n; k++)
			OK(ids[k - 1] < ids[k], "a round's ids ascend");
		for (size_t j = 0; j < n; j++) {
			size_t k = reverse ? n - 1 - j : j;
			sp_candidate_t c;
			sp_candidate_at(st, ids[k], &c);
			sp_search_report(s, ids[k], S_feasible(c.anchor, st->lengths_m[c.length]));
		}
		*evaluations += n;
	}
	INT_EQ(n, 0, "finished, not out of memory");
	return s;
}

int main(void)
{
	sp_study_t st;
	memset(&st, 0, sizeof st);
	sp_anchor_option_t an[4] = {{1, 1.0}, {1, 0.5}, {1, 0.0}, {0, 0.0}};
	st.n_profiles = st.n_grades = 1;
	st.lengths_m = S_len;
	st.n_lengths = sizeof S_len / sizeof *S_len;
	st.anchors = an;
	st.n_anchors = 4;

	size_t evals;
	sp_search_t *s = S_run(&st, 0, &evals);
	INT_EQ(sp_search_n_groups(s), 4, "one group per anchor option");
	sp_search_group_t g[4];
	for (size_t i = 0; i < 4; i++) {
		sp_search_group(s, i, &g[i]);
		INT_EQ(g[i].anchor, i, "group order: anchor fastest");
	}
	/* group 0: sorted 6..15; probes 6 (no), 15 (yes); bisection 10 (no), 12 (yes),
	 * 11 (yes) -> 11; the check above it, 12, is known already: 5 evaluations */
	OK(g[0].min_length >= 0 && S_len[g[0].min_length] == 11, "monotone group: 11 m");
	INT_EQ(g[0].evaluated, 5, "monotone group: 5 of 10 lengths evaluated");
	INT_EQ(g[0].scanned, 0, "monotone group not scanned");
	/* group 1: 6 and 15 infeasible -> none, 2 evaluations */
	INT_EQ(g[1].min_length, -1, "infeasible group: no length");
	INT_EQ(g[1].evaluated, 2, "infeasible group: shortest and longest only");
	/* group 2: bisection finds 8 m (7 no, 8 yes), the check at 9 m fails:
	 * scanned in full; the shortest feasible stays 8 m */
	OK(g[2].min_length >= 0 && S_len[g[2].min_length] == 8, "non-monotone group: 8 m");
	INT_EQ(g[2].scanned, 1, "non-monotone group scanned");
	INT_EQ(g[2].evaluated, 10, "non-monotone group: every length evaluated");
	/* group 3: 6 yes, 15 yes, check at 7 yes: 3 evaluations */
	OK(g[3].min_length >= 0 && S_len[g[3].min_length] == 6, "always feasible: 6 m");
	INT_EQ(g[3].evaluated, 3, "always feasible: shortest, longest and the one above");
	INT_EQ(evals, 5 + 2 + 10 + 3, "evaluations = sum over the groups");
	size_t n;
	size_t *ids = sp_search_evaluated(s, &n);
	INT_EQ(n, evals, "evaluated list holds every evaluation once");
	for (size_t k = 1; ids && k < n; k++)
		OK(ids[k - 1] < ids[k], "evaluated list ascends");

	/* the order of the reports does not matter */
	size_t evals2;
	sp_search_t *r = S_run(&st, 1, &evals2);
	INT_EQ(evals2, evals, "reverse reports: same evaluations");
	INT_EQ(sp_search_rounds(r), sp_search_rounds(s), "reverse reports: same rounds");
	size_t n2;
	size_t *ids2 = sp_search_evaluated(r, &n2);
	OK(n2 == n && ids && ids2 && memcmp(ids, ids2, n * sizeof *ids) == 0, "reverse reports: same candidates");

	/* a single length: evaluated once */
	double one = 9.0;
	st.lengths_m = &one;
	st.n_lengths = 1;
	size_t evals3;
	sp_search_t *u = S_run(&st, 0, &evals3);
	INT_EQ(evals3, 4, "one length: one evaluation per group");
	sp_search_group(u, 2, &g[2]);
	INT_EQ(g[2].min_length, -1, "one length, group 2 at 9 m: infeasible");
	sp_search_group(u, 0, &g[0]);
	INT_EQ(g[0].min_length, -1, "one length, group 0 at 9 m: infeasible");
	sp_search_group(u, 3, &g[3]);
	INT_EQ(g[3].min_length, 0, "one length, group 3: feasible");

	free(ids);
	free(ids2);
	sp_search_free(s);
	sp_search_free(r);
	sp_search_free(u);
	sp_search_free(NULL);
	return sp_test_done("search");
}
