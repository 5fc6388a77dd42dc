/* cost.c - cost per m of wall. */
#include "cost.h"

void sp_cost_of(const sp_study_t *st, const sp_profile_t *p, size_t grade_index, double length_m,
                const sp_anchor_option_t *anchor, sp_cost_t *out)
{
	out->mass_kg_per_m = p->mass_kg_per_m2 * length_m;
	out->co2_kg_per_m = out->mass_kg_per_m * st->co2_kg_per_kg_steel;
	out->cost_per_m = out->mass_kg_per_m * st->steel_price_per_kg[grade_index]
	                  + st->installation_per_m2 * length_m
	                  + (anchor->anchored ? st->anchor_cost_each / st->anchor_spacing_m : 0.0);
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
	}
}
