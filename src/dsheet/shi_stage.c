/* shi_stage.c - the construction stages of a .shi file (shi_stage.h): the
 * [SURFACES] and [WATERLEVELS] they refer to by name, [CONSTRUCTION STAGES]
 * and [CALCULATION OPTIONS PER STAGE].
 *
 * Stage anchor/strut lines are "ordinal prestress name"; "Displacement top
 * sheet piling" is in m (bm1-2: 0.100 -> 100 mm). The standard deviations and
 * distribution types of surfaces and water levels (probabilistic only) are
 * ignored. */
#include "shi_stage.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S_MAX_SURFACE_POINTS 256

int sp_shi_stage_read_surfaces(sp_shi_stage_t *sg, sp_shi_scan_t *in)
{
	int n, rc;
	if ((rc = sp_shi_scan_count(in, "Number of surfaces", 1, SP_SHI_STAGE_MAX_NAMED, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_shi_stage_named_t *su = &sg->surfaces[k];
		const char *s = sp_shi_scan_get_nonblank(in);
		if (s == NULL)
			return sp_shi_scan_eof(in);
		su->line = sp_shi_scan_lno(in);
		const char *p = sp_shi_scan_skip_space(s);
		int nr, np;
		double v;
		if (!sp_shi_scan_int(&p, &nr) || !sp_shi_scan_int((p = sp_shi_scan_skip_space(p), &p), &np))
			return sp_shi_scan_fail(in, su->line, "expected 'Nr points name', found '%.60s'", s);
		if ((rc = sp_shi_scan_new_name(in, su->line, p, sg->surfaces, sizeof *su, k, su->name, "surface")) != SP_OK)
			return rc;
		if (np < 1 || np > S_MAX_SURFACE_POINTS)
			return sp_shi_scan_fail(in, su->line, "surface '%s': %d points is out of range 1..%d", su->name,
						np, S_MAX_SURFACE_POINTS);
		if ((rc = sp_shi_scan_value(in, "Standard deviation", &v)) != SP_OK ||
		    (rc = sp_shi_scan_value(in, "Distribution type", &v)) != SP_OK)
			return rc;
		if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
			return sp_shi_scan_eof(in);
		if (strncmp(sp_shi_scan_skip_space(s), "Nr", 2) != 0)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"expected the column header ' Nr X-coord Value', found '%.60s'", s);
		for (int j = 0; j < np; j++) {
			double x, z;
			if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
				return sp_shi_scan_eof(in);
			p = sp_shi_scan_skip_space(s);
			if (!sp_shi_scan_int(&p, &nr) || !sp_shi_scan_dbl((p = sp_shi_scan_skip_space(p), &p), &x) ||
			    !sp_shi_scan_dbl((p = sp_shi_scan_skip_space(p), &p), &z) ||
			    *sp_shi_scan_skip_space(p) != '\0')
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"expected 'Nr X-coord Value', found '%.60s'", s);
			if (j == 0) {
				su->level_m = z;
				su->n_points = 0;
				if (x > 1e-9)
					return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
								"surface '%s' starts at X %.3f m, not at the wall (0)",
								su->name, x);
				continue;
			}
			if (fabs(z - su->level_m) > 1e-9)
				su->sloping = 1;
			if (x <= (su->n_points > 0 ? su->x_m[su->n_points - 1] : 0.0))
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"surface '%s': X coordinates must increase", su->name);
			if (su->n_points >= SP_WALL_MAX_SURFACE_POINTS)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"surface '%s': more than %d points beyond the wall", su->name,
							SP_WALL_MAX_SURFACE_POINTS);
			su->x_m[su->n_points] = x;
			su->z_m[su->n_points] = z;
			su->n_points++;
		}
		sg->n_surfaces = k + 1;
	}
	return sp_shi_scan_expect_end(in);
}

int sp_shi_stage_read_water_levels(sp_shi_stage_t *sg, sp_shi_scan_t *in)
{
	int n, per, rc;
	if ((rc = sp_shi_scan_count(in, "Number of Waterlevels", 1, SP_SHI_STAGE_MAX_NAMED, &n)) != SP_OK ||
	    (rc = sp_shi_scan_count(in, "Number of Data per Waterlevel", 3, 3, &per)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_shi_stage_named_t *wl = &sg->water[k];
		double v;
		const char *s = sp_shi_scan_get_nonblank(in);
		if (s == NULL)
			return sp_shi_scan_eof(in);
		wl->line = sp_shi_scan_lno(in);
		if ((rc = sp_shi_scan_new_name(in, wl->line, s, sg->water, sizeof *wl, k, wl->name, "water level"))
		    != SP_OK)
			return rc;
		if ((rc = sp_shi_scan_bare(in, "water level", &wl->level_m)) != SP_OK ||
		    (rc = sp_shi_scan_bare(in, "standard deviation", &v)) != SP_OK ||
		    (rc = sp_shi_scan_bare(in, "distribution type", &v)) != SP_OK)
			return rc;
		sg->n_water = k + 1;
	}
	return sp_shi_scan_expect_end(in);
}

/* A stage line naming a surface, water level or profile. */
static int S_stage_ref(sp_shi_scan_t *in, const char *stage, const char *what, const void *base, size_t stride, int n,
		       int *idx)
{
	char name[SP_NAME_MAX];
	const char *s = sp_shi_scan_get_nonblank(in);
	if (s == NULL)
		return sp_shi_scan_eof(in);
	int rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), s, name, what);
	if (rc != SP_OK)
		return rc;
	*idx = sp_shi_scan_index(base, stride, n, name);
	if (*idx < 0)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "stage '%s': unknown %s '%s'", stage, what, name);
	return SP_OK;
}

/* "count label" followed by count lines "ordinal [value] name" naming items
 * of one kind; sets on[index] (and value[index]). */
static int S_stage_items(sp_shi_scan_t *in, const char *stage, const char *label, const void *base, size_t stride,
			 int n_items, int *on, double *value)
{
	int k, rc;
	if ((rc = sp_shi_scan_count(in, label, 0, n_items, &k)) != SP_OK)
		return rc;
	for (int j = 0; j < k; j++) {
		const char *s = sp_shi_scan_get_nonblank(in);
		if (s == NULL)
			return sp_shi_scan_eof(in);
		const char *p = sp_shi_scan_skip_space(s);
		int ord;
		double v = 0;
		char name[SP_NAME_MAX];
		if (!sp_shi_scan_int(&p, &ord) ||
		    (value != NULL && !sp_shi_scan_dbl((p = sp_shi_scan_skip_space(p), &p), &v)))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"stage '%s': expected 'Nr %sname' for %s, found '%.60s'", stage,
						value != NULL ? "value " : "", label, s);
		if ((rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), p, name, "item")) != SP_OK)
			return rc;
		int idx = sp_shi_scan_index(base, stride, n_items, name);
		if (idx < 0)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "stage '%s': unknown item '%s' (%s)", stage,
						name, label);
		if (on[idx])
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "stage '%s': '%s' listed twice", stage, name);
		on[idx] = 1;
		if (value != NULL)
			value[idx] = v;
	}
	return SP_OK;
}

static int S_stage(const sp_shi_stage_t *sg, sp_shi_scan_t *in, const sp_wall_t *w, int method,
		   const sp_shi_soil_t *soil, sp_wall_stage_t *st)
{
	int rc, idx, m[2];
	const char *s = sp_shi_scan_get_nonblank(in);
	if (s == NULL)
		return sp_shi_scan_eof(in);
	if ((rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), s, st->name, "stage")) != SP_OK)
		return rc;
	if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
		return sp_shi_scan_eof(in);
	const char *p = sp_shi_scan_skip_space(s);
	if (!sp_shi_scan_int(&p, &m[0]) || !sp_shi_scan_int((p = sp_shi_scan_skip_space(p), &p), &m[1]) ||
	    strstr(p, "Method") == NULL)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
					"stage '%s': expected 'left right Method ...', found '%.60s'", st->name, s);
	for (int side = 0; side < 2; side++) {
		if (m[side] != 1 && m[side] != 2)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"stage '%s': earth pressure method %d is not supported", st->name,
						m[side]);
		if (method != 2 && m[side] != method + 1)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "stage '%s': method %d contradicts [MODEL]",
						st->name, m[side]);
		st->kmethod[side] = m[side] == 1 ? SP_KMETHOD_GIVEN : SP_KMETHOD_CPHID;
	}
	for (int side = 0; side < 2; side++) {
		if ((rc = S_stage_ref(in, st->name, "surface", sg->surfaces, sizeof sg->surfaces[0], sg->n_surfaces,
				      &idx)) != SP_OK)
			return rc;
		const sp_shi_stage_named_t *su = &sg->surfaces[idx];
		st->surface_m[side] = su->level_m;
		st->n_surface_points[side] = 0;
		if (su->sloping) {
			if (st->kmethod[side] != SP_KMETHOD_CPHID)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"stage '%s': sloping surface '%s' (line %d) needs the c, phi, "
							"delta method on that side",
							st->name, su->name, su->line);
			st->n_surface_points[side] = su->n_points;
			for (int j = 0; j < su->n_points; j++) {
				st->surface_distance_m[side][j] = su->x_m[j];
				st->surface_level_m[side][j] = su->z_m[j];
			}
		}
	}
	for (int side = 0; side < 2; side++) {
		if ((rc = S_stage_ref(in, st->name, "water level", sg->water, sizeof sg->water[0], sg->n_water,
				      &idx)) != SP_OK)
			return rc;
		st->water_m[side] = sg->water[idx].level_m;
	}
	for (int side = 0; side < 2; side++)
		if ((rc = S_stage_ref(in, st->name, "soil profile", soil->profile_names, sizeof soil->profile_names[0],
				      soil->n_profiles, &st->profile[side])) != SP_OK)
			return rc; /* an index into soil->profiles until sp_shi_soil_assign_profiles */
	double disp, use;
	if ((rc = sp_shi_scan_value(in, "Displacement top sheet piling", &disp)) != SP_OK ||
	    (rc = sp_shi_scan_value(in, "Use top displacement", &use)) != SP_OK)
		return rc;
	if (use != 0 && use != 1)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "stage '%s': Use top displacement must be 0 or 1",
					st->name);
	st->top_displacement_mm = 1000.0 * disp; /* the file gives m (bm1-2) */
	st->use_top_displacement = (int)use;

	if ((rc = S_stage_items(in, st->name, "Anchors present in stage", w->anchors, sizeof w->anchors[0],
				w->n_anchors, st->anchor_on, st->anchor_prestress_kN_per_m)) != SP_OK ||
	    (rc = S_stage_items(in, st->name, "Struts present in stage", w->struts, sizeof w->struts[0], w->n_struts,
				st->strut_on, st->strut_precompression_kN_per_m)) != SP_OK ||
	    (rc = S_stage_items(in, st->name, "Spring supports present in stage", w->spring_supports,
				sizeof w->spring_supports[0], w->n_spring_supports, st->spring_support_on, NULL)) !=
		    SP_OK ||
	    (rc = S_stage_items(in, st->name, "Rigid supports present in stage", w->rigid_supports,
				sizeof w->rigid_supports[0], w->n_rigid_supports, st->rigid_support_on, NULL)) !=
		    SP_OK ||
	    (rc = S_stage_items(in, st->name, "Uniform loads in stage", w->uniform_loads, sizeof w->uniform_loads[0],
				w->n_uniform_loads, st->uniform_load_on, NULL)) != SP_OK)
		return rc;

	/* "left right Surcharge loads in stage", then the left names, then the right */
	int nq[2];
	if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
		return sp_shi_scan_eof(in);
	p = sp_shi_scan_skip_space(s);
	if (!sp_shi_scan_int(&p, &nq[0]) || !sp_shi_scan_int((p = sp_shi_scan_skip_space(p), &p), &nq[1]) ||
	    strstr(p, "Surcharge loads in stage") == NULL)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
					"stage '%s': expected 'left right Surcharge loads in stage', found '%.60s'",
					st->name, s);
	for (int side = 0; side < 2; side++) {
		if (nq[side] < 0 || nq[side] > w->n_surcharges)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"stage '%s': %d surcharge loads, but %d are defined", st->name,
						nq[side], w->n_surcharges);
	}
	for (int side = 0; side < 2; side++) {
		for (int j = 0; j < nq[side]; j++) {
			char name[SP_NAME_MAX];
			int ord;
			if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
				return sp_shi_scan_eof(in);
			p = sp_shi_scan_skip_space(s);
			if (!sp_shi_scan_int(&p, &ord))
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"stage '%s': expected 'Nr name', found '%.60s'", st->name, s);
			if ((rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), p, name, "surcharge")) != SP_OK)
				return rc;
			idx = sp_shi_scan_index(w->surcharges, sizeof w->surcharges[0], w->n_surcharges, name);
			if (idx < 0)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"stage '%s': unknown surcharge load '%s'", st->name, name);
			if (st->surcharge_on[side][idx])
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "stage '%s': '%s' listed twice",
							st->name, name);
			st->surcharge_on[side][idx] = 1;
		}
	}

	if ((rc = S_stage_items(in, st->name, "Horizontal line loads in stage", w->line_loads, sizeof w->line_loads[0],
				w->n_line_loads, st->line_load_on, NULL)) != SP_OK ||
	    (rc = S_stage_items(in, st->name, "Moments in stage", w->moments, sizeof w->moments[0], w->n_moments,
				st->moment_on, NULL)) != SP_OK ||
	    (rc = S_stage_items(in, st->name, "Normal forces in stage", w->normal_forces, sizeof w->normal_forces[0],
				w->n_normal_forces, st->normal_force_on, NULL)) != SP_OK)
		return rc;
	double passive;
	if ((rc = sp_shi_scan_value(in, "Passive side overrule", &passive)) != SP_OK)
		return rc;
	/* which side the verification with partial factors treats as passive
	 * (0 automatic, 1 left, 2 right): a standard calculation does not use it
	 * (bm3-11, bm4-17d: overrule 1, their .shd the ordinary results) */
	if (passive != 0 && passive != 1 && passive != 2)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
					"stage '%s': passive side overrule %g is not 0, 1 or 2", st->name, passive);
	return SP_OK;
}

int sp_shi_stage_read(const sp_shi_stage_t *sg, sp_shi_scan_t *in, sp_wall_t *w, int method, const sp_shi_soil_t *soil)
{
	int n, rc;
	if ((rc = sp_shi_scan_count(in, "Number of Construction stages", 1, SP_WALL_MAX_STAGES, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		if ((rc = S_stage(sg, in, w, method, soil, &w->stages[k])) != SP_OK)
			return rc;
		w->n_stages = k + 1;
	}
	return sp_shi_scan_expect_end(in);
}

int sp_shi_stage_read_options(sp_shi_stage_t *sg, sp_shi_scan_t *in)
{
	int n, rc;
	sg->options_line = sp_shi_scan_lno(in);
	if ((rc = sp_shi_scan_count(in, "= number of items", 0, SP_WALL_MAX_STAGES, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		double v[5] = {0}, set[3] = {0}, factor[2] = {0};
		if ((rc = sp_shi_scan_expect(in, "[STAGE]")) != SP_OK)
			return rc;
		int line = sp_shi_scan_lno(in);
		sp_shi_scan_key_t keys[] = {
			{"StageVerify", &v[0], 0, 0},
			{"StageVerifyEC7NADNL", &v[1], 0, 0},
			{"StageVerifyEC7NADBE", &v[2], 0, 0},
			{"StageVerifyEC7NADB", &v[3], 0, 0},
			{"StageVerifyEC7NADSE", &v[4], 0, 0},
			{"StagePartialFactorSetCUR", &set[0], 0, 0},
			{"StagePartialFactorSetEC7NADNL", &set[1], 0, 0},
			{"StageRiskClassEC7NADBE", &set[2], 0, 0},
			{"StageAnchorFactor", &factor[0], 0, 0},
			{"StageAnchorFactorEC7NADNL", &factor[1], 0, 0},
		};
		if ((rc = sp_shi_scan_block(in, "[END OF STAGE]", keys, 10, 0)) != SP_OK)
			return rc;
		for (int r = 0; r < 3; r++) {
			sg->stage_verify[r][k] = v[r] != 0;
			sg->stage_set[r][k] = (int)set[r];
			sg->stage_anchor_factor[r][k] = r < 2 ? factor[r] : 0;
		}
		sg->stage_line[k] = line;
		for (int j = 0; j < 5 && sg->verify_line == 0; j++)
			if (v[j] != 0) {
				sg->verify_line = line;
				snprintf(sg->verify_what, sizeof sg->verify_what, "stage %d: %s=%g", k + 1, keys[j].key,
					 v[j]);
			}
	}
	sg->n_options = n;
	return sp_shi_scan_expect_end(in);
}
