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

void sp_fixed_wall_why_failed(const sp_beam_stage_result_t *r, char *buf, size_t size)
{
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
