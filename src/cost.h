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

void sp_cost_of(const sp_study_t *st, const sp_profile_t *p, size_t grade_index, double length_m,
                const sp_anchor_option_t *anchor, sp_cost_t *out);

#endif
