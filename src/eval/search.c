/* search.c - the search strategy min-length: bisection over the lengths of
 * each (profile, grade, anchor option) group. */
#include "search.h"
#include "block.h"
#include "candidate.h"

#include <stdlib.h>

enum { S_UNKNOWN = 0, S_PENDING = 1, S_INFEASIBLE = 2, S_FEASIBLE = 3 };
enum { S_INIT, S_BISECT, S_VERIFY, S_SCAN, S_DONE };

typedef struct {
	int phase;
	size_t lo, hi;     /* positions: lo infeasible, hi feasible (S_BISECT, S_VERIFY) */
	int scanned;
} S_group;

struct sp_search {
	const sp_study_t *st;
	size_t n_groups, n_cand, rounds;
	size_t *order;           /* position -> length index, ascending length (ties: index) */
	unsigned char *state;    /* per candidate id */
	S_group *g;
	size_t *ids, n_ids, cap;
};

sp_search_t *sp_search_alloc(const sp_study_t *st)
{
	size_t n_groups = st->n_profiles * st->n_grades * st->n_anchors, n_cand = sp_study_n_candidates(st);
	void *at[3];
	sp_search_t *s = sp_block_alloc(sizeof *s, 3, (const sp_block_part_t[]){{st->n_lengths, sizeof *s->order},
	                                {n_cand, sizeof *s->state}, {n_groups, sizeof *s->g}}, at);
	if (s == NULL)
		return NULL;
	*s = (sp_search_t){.st = st, .n_groups = n_groups, .n_cand = n_cand,
	                   .order = at[0], .state = at[1], .g = at[2]};
	/* lengths ascending, ties by index: an insertion sort (a small grid, and no
	 * comparator state shared through a global) */
	const double *len = st->lengths_m;
	for (size_t i = 0; i < st->n_lengths; i++) {
		size_t j = i;
		s->order[j] = i;
		while (j > 0 && len[s->order[j - 1]] > len[s->order[j]]) {
			size_t t = s->order[j - 1];
			s->order[j - 1] = s->order[j];
			s->order[j] = t;
			j--;
		}
	}
	return s;
}

void sp_search_free(sp_search_t *s)
{
	if (s == NULL)
		return;
	free(s->ids);
	free(s); /* and its arrays, one block */
}

/* candidate id of group g at length position pos */
static size_t S_id(const sp_search_t *s, size_t g, size_t pos)
{
	const sp_study_t *st = s->st;
	size_t anchor = g % st->n_anchors, rest = g / st->n_anchors;
	return sp_candidate_id(st, rest / st->n_grades, rest % st->n_grades, s->order[pos], anchor);
}

static unsigned char S_at(const sp_search_t *s, size_t g, size_t pos)
{
	return s->state[S_id(s, g, pos)];
}

/* monotone on the evaluated points: no feasible length below an infeasible one */
static int S_monotone(const sp_search_t *s, size_t g)
{
	int seen_feasible = 0;
	for (size_t pos = 0; pos < s->st->n_lengths; pos++) {
		unsigned char v = S_at(s, g, pos);
		if (v == S_FEASIBLE)
			seen_feasible = 1;
		else if (v == S_INFEASIBLE && seen_feasible)
			return 0;
	}
	return 1;
}

static int S_push(sp_search_t *s, size_t g, size_t pos)
{
	size_t id = S_id(s, g, pos);
	if (s->state[id] != S_UNKNOWN)
		return 0;
	if (s->n_ids == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;
		size_t *ids = realloc(s->ids, cap * sizeof *ids);
		if (ids == NULL)
			return -1;
		s->ids = ids;
		s->cap = cap;
	}
	s->state[id] = S_PENDING;
	s->ids[s->n_ids++] = id;
	return 1;
}

/* Advance group g after its last round; push its next probes. <0: out of memory. */
static int S_step(sp_search_t *s, size_t g)
{
	S_group *q = &s->g[g];
	size_t n = s->st->n_lengths, last = n - 1;
	int pushed = 0, rc;
	for (;;) {
		if (q->phase != S_DONE && q->phase != S_SCAN && q->phase != S_INIT && !S_monotone(s, g))
			q->phase = S_SCAN;
		switch (q->phase) {
		case S_INIT:
			if (S_at(s, g, 0) == S_UNKNOWN) {
				if (S_push(s, g, 0) < 0 || S_push(s, g, last) < 0)
					return -1;
				return 1;
			}
			if (!S_monotone(s, g)) {
				q->phase = S_SCAN;
				continue;
			}
			if (S_at(s, g, last) != S_FEASIBLE) { /* none feasible (the shortest checked too) */
				q->phase = S_DONE;
				continue;
			}
			q->hi = 0;
			if (S_at(s, g, 0) == S_FEASIBLE) {
				q->phase = S_VERIFY;
				continue;
			}
			q->lo = 0;
			q->hi = last;
			q->phase = S_BISECT;
			continue;
		case S_BISECT: {
			/* the last probe moved lo or hi */
			for (size_t pos = q->lo + 1; pos < q->hi; pos++) {
				unsigned char v = S_at(s, g, pos);
				if (v == S_INFEASIBLE)
					q->lo = pos;
				else if (v == S_FEASIBLE) {
					q->hi = pos;
					break;
				}
			}
			if (q->hi - q->lo > 1) {
				if ((rc = S_push(s, g, q->lo + (q->hi - q->lo) / 2)) < 0)
					return -1;
				return 1;
			}
			q->phase = S_VERIFY;
			continue;
		}
		case S_VERIFY:
			if (q->hi + 1 < n && S_at(s, g, q->hi + 1) == S_UNKNOWN) {
				if (S_push(s, g, q->hi + 1) < 0)
					return -1;
				return 1; /* checked for monotony on the next step */
			}
			q->phase = S_DONE;
			continue;
		case S_SCAN:
			q->scanned = 1;
			for (size_t pos = 0; pos < n; pos++)
				if ((rc = S_push(s, g, pos)) < 0)
					return -1;
				else
					pushed |= rc;
			if (pushed)
				return 1;
			q->phase = S_DONE;
			continue;
		default:
			return 0;
		}
	}
}

static int S_cmp_id(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

const size_t *sp_search_next(sp_search_t *s, size_t *n)
{
	s->n_ids = 0;
	if (s->st->n_lengths > 0)
		for (size_t g = 0; g < s->n_groups; g++)
			if (S_step(s, g) < 0) {
				*n = 1;
				return NULL;
			}
	*n = s->n_ids;
	if (s->n_ids == 0)
		return NULL;
	s->rounds++;
	qsort(s->ids, s->n_ids, sizeof *s->ids, S_cmp_id);
	return s->ids;
}

void sp_search_report(sp_search_t *s, size_t id, int feasible)
{
	s->state[id] = feasible ? S_FEASIBLE : S_INFEASIBLE;
}

size_t sp_search_n_groups(const sp_search_t *s)
{
	return s->n_groups;
}

size_t sp_search_rounds(const sp_search_t *s)
{
	return s->rounds;
}

void sp_search_group(const sp_search_t *s, size_t g, sp_search_group_t *out)
{
	const sp_study_t *st = s->st;
	out->anchor = g % st->n_anchors;
	out->grade = g / st->n_anchors % st->n_grades;
	out->profile = g / st->n_anchors / st->n_grades;
	out->min_length = -1;
	out->evaluated = 0;
	out->scanned = s->g[g].scanned;
	for (size_t pos = 0; pos < st->n_lengths; pos++) {
		unsigned char v = S_at(s, g, pos);
		if (v == S_FEASIBLE || v == S_INFEASIBLE)
			out->evaluated++;
		if (v == S_FEASIBLE && out->min_length < 0)
			out->min_length = (long)s->order[pos];
	}
}

size_t *sp_search_evaluated(const sp_search_t *s, size_t *n)
{
	size_t m = 0;
	for (size_t i = 0; i < s->n_cand; i++)
		m += s->state[i] >= S_INFEASIBLE;
	*n = m;
	size_t *ids = malloc((m ? m : 1) * sizeof *ids);
	if (ids == NULL)
		return NULL;
	m = 0;
	for (size_t i = 0; i < s->n_cand; i++)
		if (s->state[i] >= S_INFEASIBLE)
			ids[m++] = i;
	return ids;
}
