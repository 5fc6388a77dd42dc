/* study_wall_lists.c - the lists of numbers of a wall's study file
 * (study_wall_lists.h). */
#include "study_wall_lists.h"
#include "ini_numbers.h"

#include <string.h>

/* A sloping surface: <side>_surface_distances_m and <side>_surface_levels_m. */
void sp_study_read_surface(sp_ini_t *c, const char *sec, int side, sp_wall_stage_t *s)
{
	const char *kd = side == SP_LEFT ? "left_surface_distances_m" : "right_surface_distances_m";
	const char *kl = side == SP_LEFT ? "left_surface_levels_m" : "right_surface_levels_m";
	const char *km = side == SP_LEFT ? "left_method" : "right_method";
	int nd = sp_ini_numbers(c, sec, kd, 0, s->surface_distance_m[side], SP_WALL_MAX_SURFACE_POINTS, 1e-6, 1e4,
	                   "distances from the wall of the surface points, m");
	int nl = sp_ini_numbers(c, sec, kl, 0, s->surface_level_m[side], SP_WALL_MAX_SURFACE_POINTS,
	                        SP_STUDY_LEVEL_LO_M, SP_STUDY_LEVEL_HI_M, "levels of the surface points, m");
	s->n_surface_points[side] = 0;
	if (sp_ini_status(c) || (nd <= 0 && nl <= 0))
		return;
	int at = 0;
	if (nd != nl) {
		sp_ini_value(c, sec, nd > 0 ? kd : kl, &at);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] keys '%s' and '%s' need as many values (%d and %d)", sp_ini_path(c),
		            at, sec, kd, kl, nd > 0 ? nd : 0, nl > 0 ? nl : 0);
		return;
	}
	for (int j = 1; j < nd; j++)
		if (!(s->surface_distance_m[side][j] > s->surface_distance_m[side][j - 1])) {
			sp_ini_value(c, sec, kd, &at);
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': distances must increase (%g after %g)",
			            sp_ini_path(c), at, sec, kd, s->surface_distance_m[side][j],
			            s->surface_distance_m[side][j - 1]);
			return;
		}
	if (s->kmethod[side] == SP_KMETHOD_GIVEN) {
		sp_ini_value(c, sec, kd, &at);
		sp_ini_fail(c, SP_EDATA,
		            "%s:%d: [%s] key '%s': a sloping surface needs %s = c-phi-delta (the beam engine takes "
		            "it into Culmann's wedges)",
		            sp_ini_path(c), at, sec, kd, km);
		return;
	}
	s->n_surface_points[side] = nd;
}

/* Given soil displacements: [wall] soil_displacement_levels_m (decreasing)
 * and soil_displacements_mm, as many of each. */
void sp_study_read_soil_displacements(sp_ini_t *c, sp_wall_t *w)
{
	const char *kl = "soil_displacement_levels_m", *kd = "soil_displacements_mm";
	int nl = sp_ini_numbers(c, "wall", kl, 0, w->soil_displacement_level_m, SP_WALL_MAX_SOIL_DISPLACEMENTS,
	                        SP_STUDY_LEVEL_LO_M, SP_STUDY_LEVEL_HI_M, "levels of the given soil displacements, m");
	int nd = sp_ini_numbers(c, "wall", kd, 0, w->soil_displacement_mm, SP_WALL_MAX_SOIL_DISPLACEMENTS, -1e5, 1e5,
	                        "given soil displacements (to the right), mm");
	w->n_soil_displacements = 0;
	if (sp_ini_status(c) || (nl <= 0 && nd <= 0))
		return;
	int at = 0;
	if (nl != nd) {
		sp_ini_value(c, "wall", nl > 0 ? kl : kd, &at);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [wall] keys '%s' and '%s' need as many values (%d and %d)", sp_ini_path(c),
		            at, kl, kd, nl > 0 ? nl : 0, nd > 0 ? nd : 0);
		return;
	}
	for (int j = 1; j < nl; j++)
		if (!(w->soil_displacement_level_m[j] < w->soil_displacement_level_m[j - 1])) {
			sp_ini_value(c, "wall", kl, &at);
			sp_ini_fail(c, SP_EDATA, "%s:%d: [wall] key '%s': levels must decrease (%g after %g)", sp_ini_path(c),
			            at, kl, w->soil_displacement_level_m[j], w->soil_displacement_level_m[j - 1]);
			return;
		}
	w->n_soil_displacements = nl;
}

/* A diaphragm wall element's moment-curvature diagram (wall.h):
 * diagram_moment_kNm_per_m = elastic, elasto-plastic, plastic moment (3
 * values: both signs; 6: the positive moment's, then the negative's),
 * diagram_ei_kNm2_per_m = EI of the two elasto-plastic branches (2 or 4). */
void sp_study_read_diagram(sp_ini_t *c, const char *sec, sp_wall_element_t *e)
{
	double m[6] = {0}, ei[4] = {0};
	int nm = sp_ini_numbers(c, sec, "diagram_moment_kNm_per_m", 0, m, 6, 0, 1e9,
	                        "elastic, elasto-plastic and plastic moment of the diagram, kNm/m (3, or 6: "
	                        "positive then negative moment)");
	int ne = sp_ini_numbers(c, sec, "diagram_ei_kNm2_per_m", 0, ei, 4, 0, 1e12,
	                        "EI of the two elasto-plastic branches of the diagram, kNm2/m (2, or 4: "
	                        "positive then negative moment)");
	memset(e->diagram_moment_kNm_per_m, 0, sizeof e->diagram_moment_kNm_per_m);
	memset(e->diagram_ei_kNm2_per_m, 0, sizeof e->diagram_ei_kNm2_per_m);
	int line;
	if (nm > 0 && nm != 3 && nm != 6) {
		sp_ini_value(c, sec, "diagram_moment_kNm_per_m", &line);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'diagram_moment_kNm_per_m': 3 or 6 moments, not %d",
		            sp_ini_path(c), line, sec, nm);
		return;
	}
	if (ne > 0 && ne != 2 && ne != 4) {
		sp_ini_value(c, sec, "diagram_ei_kNm2_per_m", &line);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'diagram_ei_kNm2_per_m': 2 or 4 values, not %d",
		            sp_ini_path(c), line, sec, ne);
		return;
	}
	for (int s = 0; s < 2; s++) {
		const double *ms = nm == 6 && s ? m + 3 : m;
		for (int j = 0; j < 3; j++)
			e->diagram_moment_kNm_per_m[s][j] = nm > 0 ? ms[j] : 0.0;
		if (nm > 0 && !(ms[0] <= ms[1] && ms[1] <= ms[2])) {
			sp_ini_value(c, sec, "diagram_moment_kNm_per_m", &line);
			sp_ini_fail(c, SP_EDATA,
			            "%s:%d: [%s] key 'diagram_moment_kNm_per_m': the elastic, elasto-plastic and plastic "
			            "moments must not fall (%g, %g, %g kNm/m)",
			            sp_ini_path(c), line, sec, ms[0], ms[1], ms[2]);
			return;
		}
		const double *es = ne == 4 && s ? ei + 2 : ei;
		for (int j = 0; j < 2; j++)
			e->diagram_ei_kNm2_per_m[s][j] = ne > 0 ? es[j] : 0.0;
	}
}
