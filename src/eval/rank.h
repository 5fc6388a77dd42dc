/* rank.h - the best feasible designs: keeps the top k by objective while
 * results stream past, ties broken by candidate id (gsl_heapsort is not
 * stable, so the comparator makes the order total). */
#ifndef SP_RANK_H
#define SP_RANK_H

#include <stddef.h>
#include "result.h"

typedef struct sp_rank sp_rank_t;

sp_rank_t *sp_rank_alloc(size_t k);  /* NULL when out of memory */
void sp_rank_free(sp_rank_t *r);     /* accepts NULL */
/* Offer rows; keeps copies of the feasible ones among the best k. */
int sp_rank_add(sp_rank_t *r, const sp_result_t *rows, size_t n);
/* Sort and return the kept rows, best first. Valid until the next add. */
const sp_result_t *sp_rank_best(sp_rank_t *r, size_t *n);

#endif
