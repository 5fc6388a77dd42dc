/* solver_dsheet.c - D-Sheet Piling as the external solver of engine exec:
 * input_format = dsheet writes the candidate's wall as a .shi file
 * (shi_write.h), output_format = dsheet reads the .shd the D-Sheet Piling
 * console wrote and maps it with sp_shd_summary (shd.h). Both need a
 * method = subgrade study: the wall of a candidate is the one the beam
 * engine would analyse (sp_study_wall_for_case). */
#define _POSIX_C_SOURCE 200809L
#include "shd.h"
#include "shi_write.h"
#include "solver_io.h"
#include "study_wall.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The wall of the job's candidate (malloc'd), NULL with *err set. */
static sp_wall_t *S_wall(const sp_solver_job_t *job, sp_err_t *err)
{
	if (job->st->wall == NULL) {
		sp_err_set(err, SP_EDATA, "the D-Sheet Piling formats need [design] method = subgrade");
		return NULL;
	}
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	sp_study_wall_for_case(job->st, job->c->ei_kNm2_per_m, job->c->length_m, &job->c->anchor, w);
	return w;
}

int sp_solver_dsheet_write(const sp_solver_job_t *job, sp_err_t *err)
{
	sp_wall_t *w = S_wall(job, err);
	if (w == NULL)
		return err->code;
	const sp_case_t *c = job->c;
	char what[SP_PATH_MAX + 256];
	char anchor[64] = "cantilever";
	if (c->anchor.anchored)
		snprintf(anchor, sizeof anchor, "anchor at %g m", c->anchor.level_m);
	snprintf(what, sizeof what, "%s, analysis %zu: %s, %g m, %s", job->study_path, c->id,
	         job->st->profiles[c->profile], c->length_m, anchor);
	FILE *fp = fopen(job->input_path, "wb");
	if (fp == NULL) {
		int rc = sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", job->input_path, strerror(errno));
		free(w);
		return rc;
	}
	int rc = sp_shi_write(fp, w, what, err);
	if ((fclose(fp) != 0 && rc == SP_OK) || rc == SP_EIO)
		rc = sp_err_set(err, SP_EIO, "%s: write error", job->input_path);
	free(w);
	return rc;
}

int sp_solver_dsheet_read(const sp_solver_job_t *job, sp_analysis_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	struct stat sb;
	if (stat(job->output_path, &sb) != 0 || sb.st_size == 0)
		return sp_err_set(err, SP_ENOINPUT, "%s: no D-Sheet Piling results (missing or empty)", job->output_path);
	sp_wall_t *w = S_wall(job, err);
	if (w == NULL)
		return err->code;
	sp_shd_t r;
	sp_shd_summary_t *s = malloc(sizeof *s);
	int rc = s ? sp_shd_read(job->output_path, &r, err) : sp_err_set(err, SP_ESOFTWARE, "out of memory");
	if (rc == SP_OK)
		rc = sp_shd_summary(&r, w, s, err);
	if (rc == SP_OK) {
		out->ok = s->ok;
		if (!s->ok)
			snprintf(out->reason, sizeof out->reason, "%.*s", (int)sizeof out->reason - 1, s->reason);
		out->max_moment_kNm_per_m = s->max_moment_kNm_per_m;
		out->max_moment_level_m = isnan(s->max_moment_level_m) ? w->top_level_m : s->max_moment_level_m;
		out->max_shear_kN_per_m = s->max_shear_kN_per_m;
		out->anchor_force_kN_per_m = s->anchor_force_kN_per_m;
		out->has_displacement = 1;
		out->max_displacement_mm = s->max_displacement_mm;
		out->top_displacement_mm = s->top_displacement_mm;
		out->mobilised_passive_pct = s->mobilised_pct;
		/* the diagrams of the final stage, as the beam engine gives them */
		const sp_shd_stage_t *fin = r.n_stages > 0 ? &r.stages[r.n_stages - 1] : NULL;
		if (s->ok && job->diagram_step_m > 0 && fin != NULL && fin->n_points > 0) {
			out->diagram = malloc(fin->n_points * sizeof *out->diagram);
			if (out->diagram == NULL) {
				rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
			} else {
				for (size_t i = 0; i < fin->n_points; i++) {
					const sp_shd_point_t *p = &fin->points[i];
					out->diagram[i].level_m = p->level_m;
					out->diagram[i].net_pressure_kPa = p->effective_kPa[SP_SHD_LEFT] +
					                                   p->water_kPa[SP_SHD_LEFT] -
					                                   p->effective_kPa[SP_SHD_RIGHT] -
					                                   p->water_kPa[SP_SHD_RIGHT];
					out->diagram[i].shear_kN_per_m = p->shear_kN_per_m;
					out->diagram[i].moment_kNm_per_m = p->moment_kNm_per_m;
				}
				out->n_diagram = fin->n_points;
			}
		}
	}
	if (s != NULL)
		sp_shd_free(&r);
	free(s);
	free(w);
	return rc;
}
