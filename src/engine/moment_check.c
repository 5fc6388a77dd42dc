/* moment_check.c - a fixed wall's moment against its elements' allowable
 * moments (moment_check.h). */
#include "moment_check.h"

#include <math.h>

int sp_moment_check_any(const sp_wall_t *w)
{
	for (int e = 0; e < w->n_elements; e++)
		if (w->elements[e].allowable_moment_kNm_per_m > 0)
			return 1;
	return 0;
}

int sp_moment_check_stage(const sp_wall_t *w, const sp_beam_node_t *nodes, size_t n, sp_moment_check_t *out)
{
	*out = (sp_moment_check_t){.util_moment = NAN, .moment_kNm_per_m = NAN, .allowable_moment_kNm_per_m = NAN,
	                           .level_m = NAN, .element = -1};
	const double tol_m = 1e-9;
	for (size_t i = 0; i < n; i++) {
		double z = nodes[i].level_m, m = nodes[i].moment_kNm_per_m;
		for (int e = 0; e < w->n_elements; e++) {
			const sp_wall_element_t *el = &w->elements[e];
			double top = e ? w->elements[e - 1].bottom_level_m : w->top_level_m;
			if (!(el->allowable_moment_kNm_per_m > 0) || z > top + tol_m || z < el->bottom_level_m - tol_m)
				continue;
			double u = fabs(m) / el->allowable_moment_kNm_per_m;
			if (out->element < 0 || u > out->util_moment)
				*out = (sp_moment_check_t){.util_moment = u, .moment_kNm_per_m = m,
				                           .allowable_moment_kNm_per_m = el->allowable_moment_kNm_per_m,
				                           .level_m = z, .element = e};
		}
	}
	return out->element >= 0;
}
