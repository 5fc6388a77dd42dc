/* test_wedge_trig.c - the layered wedge search with the slices' angles
 * computed once per soil by the caller (sp_wedge_layers_trig,
 * sp_wedge_layers_force_near_trig, as beam_load.c's planes at every node
 * pass them) against D-Sheet Piling's [SLIDE PLANE] tables, and the same
 * bits as the search that computes its own angles.
 * Sources: tests/data/dsheet/bm4-13b.shd, right side (surface 0, water -1
 * m, 10 kPa uniform load; layers 0 / -5 / -8 m: gamma 15, c 15 kPa, phi
 * 30 / 35 / 38 deg, delta 24 / 16.6 / 17.2 deg), and bm4-13i.shd, left side
 * (surface -4 m, water -6 m, no load; delta 24 / -33 / -36 deg): Q min (the
 * passive force, kN/m) and theta min (90 deg less the plane's angle).
 * The angles themselves: sin 30 deg = 1/2, cos 60 deg = 1/2 (closed form). */
#include "harness.h"
#include "layered_side.h"

#include <math.h>
#include <string.h>

static void check(const side_t *s, const char *name, double z, double hint_deg, double q_want, double theta_want,
                  sp_wedge_grid_t *grid)
{
	sp_wedge_layer_t sl[3];
	sp_wedge_trig_t trig[3];
	int layer[3], n = layered_slices(s, z, sl, layer);
	for (int k = 0; k < n; k++)
		trig[k] = sp_wedge_layers_trig(s->phi[layer[k]], s->delta[layer[k]]);
	double alpha, q = sp_wedge_layers_force_near_trig(sl, trig, n, NULL, 0, 1, hint_deg, grid, &alpha);
	char label[160];
	snprintf(label, sizeof label, "%s: passive Q at %.1f m, angles given, %.5f vs D-Sheet %.5f kN/m", name, z, q,
	         q_want);
	DBL_REL(q, q_want, 2e-6, label);
	snprintf(label, sizeof label, "%s: theta at %.1f m, angles given, %.3f vs D-Sheet %.3f deg", name, z,
	         90.0 - alpha, theta_want);
	DBL_ABS(90.0 - alpha, theta_want, 0.002, label);
	/* the same bits as the search computing its own angles (Newton from the
	 * hint, and the full search when the hint is 0) */
	double alpha_own, q_own = sp_wedge_layers_force_near(sl, n, NULL, 0, 1, hint_deg, &alpha_own);
	snprintf(label, sizeof label, "%s: at %.1f m Q and angle bit for bit as without given angles", name, z);
	OK(memcmp(&q, &q_own, sizeof q) == 0 && memcmp(&alpha, &alpha_own, sizeof alpha) == 0, label);
}

int main(void)
{
	sp_wedge_trig_t t = sp_wedge_layers_trig(30.0, 30.0);
	DBL_ABS(t.sin_phi, 0.5, 1e-15, "sin 30 deg = 1/2");
	DBL_ABS(t.cos_pd, 0.5, 1e-15, "cos (30 + 30) deg = 1/2");
	DBL_ABS(t.cos_delta, sqrt(3.0) / 2.0, 1e-15, "cos 30 deg = sqrt 3 / 2");
	DBL_ABS(t.phi_rad, acos(-1.0) / 6.0, 1e-15, "30 deg = pi / 6");
	/* one grid kept through every search, as beam_load.c keeps one a side:
	 * -5.5 and -8 m share the range of phi + delta (30 + 24 deg the largest)
	 * and the grid's sines; -11 m (38 + 17.2) and bm4-13i recompute them */
	sp_wedge_grid_t grid = {0};
	side_t b13 = {0.0, -1.0, 10.0, {0, -5, -8}, {30, 35, 38}, {24, 16.6, 17.2}};
	/* hints: D-Sheet's own plane 2 deg off (90 - theta + 2), and 0 (the full search) */
	check(&b13, "bm4-13b right", -5.5, 0.0, 1892.28991, 72.950, &grid);
	check(&b13, "bm4-13b right", -8.0, 0.0, 3076.10239, 72.541, &grid);
	check(&b13, "bm4-13b right", -5.5, 90.0 - 72.950 + 2.0, 1892.28991, 72.950, &grid);
	check(&b13, "bm4-13b right", -11.0, 0.0, 5152.33496, 72.938, &grid);
	check(&b13, "bm4-13b right", -11.0, 90.0 - 72.938 - 2.0, 5152.33496, 72.938, NULL);
	side_t b13i = {-4.0, -6.0, 0.0, {0, -5, -8}, {30, 35, 38}, {24, -33, -36}};
	check(&b13i, "bm4-13i left", -5.5, 90.0 - 71.089 + 2.0, 212.77314, 71.089, &grid);
	check(&b13i, "bm4-13i left", -8.0, 0.0, 450.44958, 66.618, &grid);
	check(&b13i, "bm4-13i left", -11.0, 0.0, 775.12062, 63.969, &grid);
	check(&b13i, "bm4-13i left", -11.0, 90.0 - 63.969 + 2.0, 775.12062, 63.969, &grid);
	return sp_test_done("wedge_trig");
}
