/* cost.h - cost, steel mass and embodied carbon per m of wall; the objective (pure). */
#ifndef SP_COST_H
#define SP_COST_H

#include "catalogue.h"
#include "study.h"

typedef struct {
	double mass_kg_per_m;   /* steel per m of wall */
	double co2_kg_per_m;    /* embodied CO2e of that steel */
	double cost_per_m;      /* steel + installation + anchors, per m of wall */
	double objective;       /* the value the study minimises */
} sp_cost_t;

/* References of the weighted objective: the smallest cost, mass and CO2 per m
 * over the whole search space (feasible or not; they need no analysis). A
 * reference that is 0 is replaced by 1 (its quantity is then 0 everywhere). */
typedef struct {
	double cost_per_m, mass_kg_per_m, co2_kg_per_m;
} sp_cost_ref_t;

/* profiles[i] is the catalogue section of the study's i-th profile. */
void sp_cost_reference(const sp_study_t *st, const sp_profile_t *const *profiles, sp_cost_ref_t *ref);

/* Cost of one candidate. ref is used by objective = weighted only (may be
 * NULL otherwise): objective = w_cost cost/ref_cost + w_mass mass/ref_mass +
 * w_co2 co2/ref_co2, the weights summing to 1 (1 at a design that is the
 * cheapest, lightest and lowest-carbon of the search space at once). */
void sp_cost_of(const sp_study_t *st, const sp_profile_t *p, size_t grade_index, double length_m,
                const sp_anchor_option_t *anchor, const sp_cost_ref_t *ref, sp_cost_t *out);

#endif
