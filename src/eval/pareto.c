/* pareto.c - the Pareto front of the feasible designs. */
#include "pareto.h"
#include "block.h"

#include <gsl/gsl_heapsort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct sp_pareto {
	size_t n, cap;
	sp_result_t *rows;
	double (*crit)[3]; /* criteria of rows[i] */
};

sp_pareto_t *sp_pareto_alloc(void)
{
	return calloc(1, sizeof(sp_pareto_t));
}

void sp_pareto_free(sp_pareto_t *p)
{
	if (p == NULL)
		return;
	free(p->rows); /* and crit, one block */
	free(p);
}

/* x to the decimals results.csv prints it with (csv_out.c) */
static double S_printed(double x, double scale)
{
	return round(x * scale) / scale;
}

/* The criteria as results.csv prints them (cost 0.01, CO2 0.1, displacement
 * 0.01 mm, utilisation 0.0001): a difference below the printed digits (two
 * lengths of one profile 0.001 mm apart in displacement) does not keep a
 * costlier design on the front that its own file shows dominated. */
int sp_pareto_criteria(const sp_result_t *r, double c[3])
{
	int disp = r->analysis && r->analysis->has_displacement;
	c[0] = S_printed(r->cost.cost_per_m, 100.0);
	c[1] = S_printed(r->cost.co2_kg_per_m, 10.0);
	c[2] = disp ? S_printed(r->analysis->max_displacement_mm, 100.0) : S_printed(r->checks.util_max, 1e4);
	return disp;
}

int sp_pareto_dominates(const double *a, size_t ia, const double *b, size_t ib, int n)
{
	int better = 0;
	for (int k = 0; k < n; k++) {
		if (a[k] > b[k])
			return 0;
		if (a[k] < b[k])
			better = 1;
	}
	return better || ia < ib;
}

int sp_pareto_add(sp_pareto_t *p, const sp_result_t *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const sp_result_t *r = &rows[i];
		if (r->status != SP_CAND_OK)
			continue;
		double c[3];
		sp_pareto_criteria(r, c);
		size_t k, m = 0;
		for (k = 0; k < p->n; k++)
			if (sp_pareto_dominates(p->crit[k], p->rows[k].cand.id, c, r->cand.id, 3))
				break;
		if (k < p->n)
			continue; /* dominated: by transitivity it dominates none of the front */
		for (k = 0; k < p->n; k++) /* drop what the new row dominates */
			if (!sp_pareto_dominates(c, r->cand.id, p->crit[k], p->rows[k].cand.id, 3)) {
				p->rows[m] = p->rows[k];
				memcpy(p->crit[m], p->crit[k], sizeof c);
				m++;
			}
		p->n = m;
		if (p->n == p->cap) {
			size_t cap = p->cap ? 2 * p->cap : 64;
			void *at[2];
			if (sp_block_grow(2, (const sp_block_part_t[]){{cap, sizeof *p->rows}, {cap, sizeof *p->crit}},
			                  (void *[]){p->rows, p->crit}, p->n, at) == NULL)
				return SP_ESOFTWARE;
			p->rows = at[0], p->crit = at[1], p->cap = cap;
		}
		p->rows[p->n] = *r;
		memcpy(p->crit[p->n], c, sizeof c);
		p->n++;
	}
	return SP_OK;
}

static int S_cmp_front(const void *a, const void *b)
{
	double x[3], y[3];
	sp_pareto_criteria(a, x);
	sp_pareto_criteria(b, y);
	for (int k = 0; k < 3; k++)
		if (x[k] != y[k])
			return x[k] < y[k] ? -1 : 1;
	size_t i = ((const sp_result_t *)a)->cand.id, j = ((const sp_result_t *)b)->cand.id;
	return (i > j) - (i < j);
}

const sp_result_t *sp_pareto_front(sp_pareto_t *p, size_t *n)
{
	/* crit is rebuilt after the sort, so later adds stay consistent */
	gsl_heapsort(p->rows, p->n, sizeof *p->rows, S_cmp_front);
	for (size_t k = 0; k < p->n; k++)
		sp_pareto_criteria(&p->rows[k], p->crit[k]);
	*n = p->n;
	return p->rows;
}
