/* sand_given_k.h - the sand of the beam tests with Ka, K0, Kp given
 * (test_beam_stage_reuse.c, test_beam_loads.c): its unit weights, the
 * coefficients, sigma_v' worked by hand, and a stage's node at a level. The engine's limits are these
 * products (EN 1997-1:2004 Annex C.1, eq. C.1 with c' = 0: sigma_a = Ka
 * sigma_v', sigma_p = Kp sigma_v'; at rest K0 sigma_v', EN 1997-1 9.5.2;
 * D-Sheet Piling manual, "Ka, K0, Kp given"). */
#ifndef SP_TEST_SAND_GIVEN_K_H
#define SP_TEST_SAND_GIVEN_K_H

#include "beam.h"

#include <math.h>

#define G_DRY 18.0 /* kN/m3 above the water */
#define G_WET 20.0 /* kN/m3 below it */
#define G_W 10.0   /* water, kN/m3 */
#define KA 0.3
#define K0 0.5
#define KP 3.3

/* sigma_v' at level z below the surface zs with water at zw (zw <= zs) and a
 * uniform load q: dry soil down to the water, submerged below */
static inline double sigma_v(double z, double zs, double zw, double q)
{
	double dry = zs - (z > zw ? z : zw), wet = z < zw ? zw - z : 0.0;
	return q + G_DRY * dry + (G_WET - G_W) * wet;
}

/* The node of a stage's results at level (NULL: none). */
static inline const sp_beam_node_t *node_at(const sp_beam_stage_result_t *r, double level)
{
	for (size_t i = 0; i < r->n_nodes; i++)
		if (fabs(r->nodes[i].level_m - level) < 1e-9)
			return &r->nodes[i];
	return NULL;
}

#endif
