/* rank.c - top-k of the feasible designs. */
#include "rank.h"
#include "block.h"

#include <gsl/gsl_heapsort.h>
#include <stdlib.h>

struct sp_rank {
	size_t k, n, cap;   /* cap = 2k: sort and cut when full */
	int sorted;         /* rows[0..n) sorted and cut to k since the last add */
	sp_result_t *rows;
};

static int S_cmp(const void *a, const void *b)
{
	const sp_result_t *x = a, *y = b;
	if (x->cost.objective < y->cost.objective)
		return -1;
	if (x->cost.objective > y->cost.objective)
		return 1;
	return (x->cand.id > y->cand.id) - (x->cand.id < y->cand.id);
}

sp_rank_t *sp_rank_alloc(size_t k)
{
	k = k ? k : 1;
	void *at[1];
	sp_rank_t *r = sp_block_alloc(sizeof *r, 1, &(const sp_block_part_t){2 * k, sizeof *r->rows}, at);
	if (r != NULL)
		*r = (sp_rank_t){.k = k, .cap = 2 * k, .rows = at[0]};
	return r;
}

void sp_rank_free(sp_rank_t *r)
{
	free(r); /* and its rows, one block */
}

static void S_cut(sp_rank_t *r)
{
	gsl_heapsort(r->rows, r->n, sizeof *r->rows, S_cmp);
	if (r->n > r->k)
		r->n = r->k;
	r->sorted = 1;
}

int sp_rank_add(sp_rank_t *r, const sp_result_t *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].status != SP_CAND_OK)
			continue;
		if (r->n == r->cap)
			S_cut(r);
		/* right after a cut rows[k-1] is the k-th best: a row no better never enters */
		if (r->sorted && r->n == r->k && S_cmp(&rows[i], &r->rows[r->k - 1]) >= 0)
			continue;
		r->rows[r->n++] = rows[i];
		r->sorted = 0;
	}
	return 0;
}

const sp_result_t *sp_rank_best(sp_rank_t *r, size_t *n)
{
	S_cut(r);
	*n = r->n;
	return r->rows;
}
