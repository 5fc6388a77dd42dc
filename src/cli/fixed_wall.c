/* fixed_wall.c - notes, failures and the moment check of a fixed wall (fixed_wall.h). */
#include "fixed_wall.h"
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void sp_fixed_wall_notes(const sp_wall_t *w, const char *path)
{
	for (const char *p = w->notes; *p;) {
		const char *e = strchr(p, '\n');
		int len = e ? (int)(e - p) : (int)strlen(p);
		if (len > 0)
			sp_cli_printf(stderr, "[WARNING] %s: %.*s\n", path, len, p);
		p += len + (e != NULL);
	}
}

/* The element (index) a level belongs to, the upper one at a boundary. */
static int S_element_at(const sp_wall_t *w, double z)
{
	for (int e = 0; e < w->n_elements; e++)
		if (z >= w->elements[e].bottom_level_m - 1e-9)
			return e;
	return w->n_elements - 1;
}

void sp_fixed_wall_why_failed(const sp_wall_t *w, const sp_beam_stage_result_t *r, char *buf, size_t size)
{
	if (r->status == SP_BEAM_PLASTIC_HINGE) {
		/* the element whose capacity the (elastic, not computed) moment passes:
		 * the plastic moment of a plastic wall, the end of a diaphragm wall's
		 * elastic branch */
		for (size_t i = 0; i < r->n_nodes && w->n_elements > 0; i++) {
			const sp_wall_element_t *el = &w->elements[S_element_at(w, r->nodes[i].level_m)];
			double m = fabs(r->nodes[i].moment_kNm_per_m);
			if (w->plastic && el->plastic_moment_kNm_per_m > 0 && m > el->plastic_moment_kNm_per_m) {
				snprintf(buf, size,
				         "plastic hinge in element '%s' (its plastic moment %.1f kNm/m is reached); the hinge and "
				         "the moment it sheds are not computed: no results for this stage",
				         el->name, el->plastic_moment_kNm_per_m);
				return;
			}
			if (w->diaphragm && el->elastic_moment_kNm_per_m > 0 && m > el->elastic_moment_kNm_per_m) {
				snprintf(buf, size,
				         "diaphragm wall: the moment passes the elastic branch of element '%s' (%.1f kNm/m), "
				         "beyond which its moment-curvature diagram is not computed: no results for this stage",
				         el->name, el->elastic_moment_kNm_per_m);
				return;
			}
		}
		if (r->n_nodes > 0) {
			snprintf(buf, size, "%s: no results for this stage", sp_beam_status_name(r->status));
			return;
		}
	}
	/* the engine's own words: a stage after a failed one, no equilibrium,
	 * not converged (iterations and residual, no result) */
	snprintf(buf, size, "%s", r->reason[0] ? r->reason : sp_beam_status_name(r->status));
}

int sp_fixed_wall_check_moment(const sp_wall_t *w, int stage, const sp_beam_stage_result_t *r, const char *path,
                               sp_moment_check_t *out)
{
	if (r->status != SP_BEAM_OK || !sp_moment_check_stage(w, r->nodes, r->n_nodes, out))
		return 0;
	if (out->util_moment > 1.0)
		sp_cli_printf(stderr,
		              "[WARNING] %s: stage %d '%s': allowable moment exceeded: %.3f kNm/m at %.2f m > %.3f kNm/m "
		              "of element '%s' (unity check %.4f)\n",
		              path, stage + 1, w->stages[stage].name, out->moment_kNm_per_m, out->level_m,
		              out->allowable_moment_kNm_per_m, w->elements[out->element].name, out->util_moment);
	return 1;
}
