/* pareto.h - the Pareto front of the feasible designs.
 *
 * The feasible designs that no other feasible design beats on every
 * criterion: cost_per_m, co2_kg_per_m, and max_displacement_mm when the
 * engine gives displacements, else util_max (all minimised). Streaming: only
 * the front is kept. Design a dominates b when a is no worse on every
 * criterion and better on one, or equal on all and of a smaller candidate id;
 * that is a strict order, so the front does not depend on the order in which
 * rows are offered (nor on the thread count). */
#ifndef SP_PARETO_H
#define SP_PARETO_H

#include <stddef.h>
#include "result.h"

typedef struct sp_pareto sp_pareto_t;

sp_pareto_t *sp_pareto_alloc(void); /* NULL when out of memory */
void sp_pareto_free(sp_pareto_t *p); /* accepts NULL */
/* Offer rows (feasible ones are considered). SP_ESOFTWARE when out of memory. */
int sp_pareto_add(sp_pareto_t *p, const sp_result_t *rows, size_t n);
/* The front by cost, then CO2, then the third criterion, then candidate id.
 * Valid until the next add. */
const sp_result_t *sp_pareto_front(sp_pareto_t *p, size_t *n);

/* The three criteria of a row; returns 1 when the third is the displacement. */
int sp_pareto_criteria(const sp_result_t *r, double c[3]);
/* 1 when a (id ia) dominates b (id ib) on n criteria. */
int sp_pareto_dominates(const double *a, size_t ia, const double *b, size_t ib, int n);

#endif
