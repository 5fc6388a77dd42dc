/* major_nodes.c - D-Sheet Piling's major nodes (major_nodes.h). */
#include "major_nodes.h"

#include <math.h>
#include <stdlib.h>

int sp_major_nodes_parts(double length_m, double target_m)
{
	if (!(length_m > 0) || !(target_m > 0))
		return 1;
	/* an exact multiple gets one segment more: bm1-2 (20 m, h = 1 m: 21
	 * segments), bm4-5a (21 m, h = 1.05 m: 21), bm4-15a (h = 0.5 m: -2..-3 m
	 * in 3, -6..-10 m in 9); but an interval of exactly h is one segment:
	 * bm4-15a.shd's 0..-0.5 and -0.5..-1 m (the top, the water level, a
	 * layer), not two */
	double ratio = length_m / target_m;
	if (fabs(ratio - 1.0) <= 1e-9)
		return 1;
	return (int)floor(ratio * (1.0 + 1e-12) + 1e-9) + 1;
}

int sp_major_nodes_levels(const sp_wall_t *w, double *levels_m, int cap)
{
	double key[SP_WALL_MAX_KEY_LEVELS];
	int m = sp_wall_key_levels(w, key);
	double target = w->length_m / (w->plastic ? 100.0 : 20.0);
	int n = 0;
	if (cap > 0)
		levels_m[0] = key[0];
	n = 1;
	for (int i = 0; i + 1 < m; i++) {
		int parts = sp_major_nodes_parts(key[i] - key[i + 1], target);
		for (int j = 1; j <= parts; j++, n++)
			if (n < cap)
				levels_m[n] = j == parts ? key[i + 1] : key[i] - (key[i] - key[i + 1]) * j / parts;
	}
	return n;
}
