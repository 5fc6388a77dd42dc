/* beam_result.c - the results of the beam engine (beam_result.h): freeing
 * them. They are computed per stage by beam_diagram.c. */
#include "beam_result.h"

#include <stdlib.h>

void sp_beam_result_free(sp_beam_result_t *r)
{
	if (r == NULL)
		return;
	for (int s = 0; s < SP_WALL_MAX_STAGES; s++) {
		free(r->stage[s].nodes);
		r->stage[s].nodes = NULL;
		r->stage[s].n_nodes = 0;
	}
}

const char *sp_beam_status_name(sp_beam_status status)
{
	switch (status) {
	case SP_BEAM_NO_EQUILIBRIUM:
		return "no equilibrium";
	case SP_BEAM_PLASTIC_HINGE:
		return "plastic hinge (not computed)";
	default:
		return "not converged";
	}
}
