/* cost.c - cost per m of wall. */
#include "cost.h"

#include <math.h>

static void S_quantities(const sp_study_t *st, const sp_profile_t *p, size_t grade_index, double length_m,
                         const sp_anchor_option_t *anchor, sp_cost_t *out)
{
	out->mass_kg_per_m = p->mass_kg_per_m2 * length_m;
	out->co2_kg_per_m = out->mass_kg_per_m * st->co2_kg_per_kg_steel;
	out->cost_per_m = out->mass_kg_per_m * st->steel_price_per_kg[grade_index]
	                  + st->installation_per_m2 * length_m
	                  + (anchor->anchored ? st->anchor_cost_each / st->anchor_spacing_m : 0.0);
}

/* Mass, CO2 and cost grow with the length (their coefficients are not
 * negative: the study checks them) and rounding is monotone, so each
 * minimum over the design space is taken at the shortest length: only the
 * profiles, grades and anchor options at that length are tried, not every
 * candidate (10^7 of them take 60 ms). */
void sp_cost_reference(const sp_study_t *st, const sp_profile_t *const *profiles, sp_cost_ref_t *ref)
{
	ref->cost_per_m = ref->mass_kg_per_m = ref->co2_kg_per_m = INFINITY;
	size_t shortest = 0;
	for (size_t l = 1; l < st->n_lengths; l++)
		if (st->lengths_m[l] < st->lengths_m[shortest])
			shortest = l;
	for (size_t p = 0; st->n_lengths && p < st->n_profiles; p++)
		for (size_t g = 0; g < st->n_grades; g++)
			for (size_t a = 0; a < st->n_anchors; a++) {
				sp_cost_t c;
				S_quantities(st, profiles[p], g, st->lengths_m[shortest], &st->anchors[a], &c);
				ref->cost_per_m = fmin(ref->cost_per_m, c.cost_per_m);
				ref->mass_kg_per_m = fmin(ref->mass_kg_per_m, c.mass_kg_per_m);
				ref->co2_kg_per_m = fmin(ref->co2_kg_per_m, c.co2_kg_per_m);
			}
	double *v[] = {&ref->cost_per_m, &ref->mass_kg_per_m, &ref->co2_kg_per_m};
	for (int i = 0; i < 3; i++)
		if (!(*v[i] > 0) || !isfinite(*v[i]))
			*v[i] = 1.0;
}

void sp_cost_of(const sp_study_t *st, const sp_profile_t *p, size_t grade_index, double length_m,
                const sp_anchor_option_t *anchor, const sp_cost_ref_t *ref, sp_cost_t *out)
{
	S_quantities(st, p, grade_index, length_m, anchor, out);
	switch (st->objective) {
	case SP_OBJ_COST:
		out->objective = out->cost_per_m;
		break;
	case SP_OBJ_MASS:
		out->objective = out->mass_kg_per_m;
		break;
	case SP_OBJ_CO2:
		out->objective = out->co2_kg_per_m;
		break;
	case SP_OBJ_WEIGHTED:
		out->objective = st->weight_cost * out->cost_per_m / ref->cost_per_m
		                 + st->weight_mass * out->mass_kg_per_m / ref->mass_kg_per_m
		                 + st->weight_co2 * out->co2_kg_per_m / ref->co2_kg_per_m;
		break;
	}
}
