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
