/* shi_load.c - the loads of a .shi file (shi_load.h): [UNIFORM LOADS],
 * [SURCHARGE LOADS], [HORIZONTAL LINE LOADS], [MOMENTS] and [NORMAL FORCES].
 * Their Permanent/Favourable flags act only through the partial factors of a
 * verification (engine/verify.c): Permanent 0 permanent, 1 variable;
 * Favourable 0 decided by D-Sheet (the stage's passive side), 1 favourable,
 * 2 unfavourable (bm4-16a.shd prints a uniform load with UniformLoadPermanent=0
 * as "Is permanent 1"; bm4-21a's loads marked 2 as "Is favorable 0"). */
#include "shi_load.h"

#include <math.h>

/* The flags as read (doubles) into kind; line is where they were. */
static int S_kind(sp_shi_scan_t *in, int line, const char *name, double permanent, double favourable,
                  sp_wall_load_kind_t *kind)
{
	if (permanent != 0 && permanent != 1)
		return sp_shi_scan_fail(in, line, "load '%s': Permanent %g is not 0 (permanent) or 1 (variable)", name,
		                        permanent);
	if (favourable != 0 && favourable != 1 && favourable != 2)
		return sp_shi_scan_fail(in, line, "load '%s': Favourable %g is not 0 (automatic), 1 or 2", name,
		                        favourable);
	kind->variable = (int)permanent;
	kind->favourable = (int)favourable;
	return SP_OK;
}

/* Level Value Permanent Favourable */
static int S_point_row(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item)
{
	sp_wall_point_load_t *l = item;
	l->level_m = t->v[k][0];
	l->value = t->v[k][1];
	return S_kind(in, sp_shi_scan_lno(in), l->name, t->v[k][2], t->v[k][3], &l->kind);
}

int sp_shi_load_read_point(sp_shi_scan_t *in, sp_wall_t *w, int moments)
{
	sp_wall_point_load_t *l = moments ? w->moments : w->line_loads;
	return sp_shi_scan_items(in, moments ? "Number of moments" : "Number of horizontal line loads", 4, l, sizeof *l,
	                         moments ? &w->n_moments : &w->n_line_loads, S_point_row);
}

/* FPileTop FSurfLeft FSurfRight FPileToe Permanent Favourable */
static int S_normal_force_row(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item)
{
	sp_wall_normal_force_t *f = item;
	f->at_top_kN = t->v[k][0];
	f->at_surface_left_kN = t->v[k][1];
	f->at_surface_right_kN = t->v[k][2];
	f->at_toe_kN = t->v[k][3];
	return S_kind(in, sp_shi_scan_lno(in), f->name, t->v[k][4], t->v[k][5], &f->kind);
}

int sp_shi_load_read_normal_forces(sp_shi_scan_t *in, sp_wall_t *w)
{
	return sp_shi_scan_items(in, "Number of normal forces", 6, w->normal_forces, sizeof w->normal_forces[0],
	                         &w->n_normal_forces, S_normal_force_row);
}

/* A list of [LOAD] items at base (structs of stride bytes, the name first):
 * the count, then for each "[LOAD]", its name (new) and what read reads up
 * to its [END OF LOAD]; then the end of the section. *n counts the loads
 * read. */
static int S_loads(sp_shi_scan_t *in, void *base, size_t stride, int *n, int (*read)(sp_shi_scan_t *in, void *load))
{
	int count, rc;
	if ((rc = sp_shi_scan_count(in, "= number of items", 0, SP_WALL_MAX_ITEMS, &count)) != SP_OK)
		return rc;
	for (int k = 0; k < count; k++) {
		char *load = (char *)base + (size_t)k * stride;
		if ((rc = sp_shi_scan_expect(in, "[LOAD]")) != SP_OK)
			return rc;
		const char *s = sp_shi_scan_get(in);
		if (s == NULL)
			return sp_shi_scan_eof(in);
		if ((rc = sp_shi_scan_new_name(in, sp_shi_scan_lno(in), s, base, stride, k, load, "load")) != SP_OK ||
		    (rc = read(in, load)) != SP_OK)
			return rc;
		*n = k + 1;
	}
	return sp_shi_scan_expect_end(in);
}

static int S_uniform(sp_shi_scan_t *in, void *load)
{
	sp_wall_uniform_load_t *u = load;
	double permanent = 0, favourable = 0;
	sp_shi_scan_key_t keys[] = {{"UniformLoadLeft", &u->left_kPa, 1, 0},
				    {"UniformLoadRight", &u->right_kPa, 1, 0},
				    {"UniformLoadPermanent", &permanent, 0, 0},
				    {"UniformLoadFavourable", &favourable, 0, 0}};
	int rc = sp_shi_scan_block(in, "[END OF LOAD]", keys, 4, 0);
	return rc != SP_OK ? rc : S_kind(in, sp_shi_scan_lno(in), u->name, permanent, favourable, &u->kind);
}

int sp_shi_load_read_uniform(sp_shi_scan_t *in, sp_wall_t *w)
{
	return S_loads(in, w->uniform_loads, sizeof w->uniform_loads[0], &w->n_uniform_loads, S_uniform);
}

static int S_surcharge(sp_shi_scan_t *in, void *load)
{
	sp_wall_surcharge_t *q = load;
	int rc;
	double np;
	if ((rc = sp_shi_scan_bare(in, "number of points", &np)) != SP_OK)
		return rc;
	if (np != floor(np) || np < 1 || np > SP_WALL_MAX_SURCHARGE_POINTS)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
					"'%s': number of points %g is out of range 1..%d", q->name, np,
					SP_WALL_MAX_SURCHARGE_POINTS);
	q->n_points = (int)np;
	for (int j = 0; j < q->n_points; j++) {
		if ((rc = sp_shi_scan_expect(in, "[POINT]")) != SP_OK)
			return rc;
		sp_shi_scan_key_t keys[] = {{"SurchargeLoadDistance", &q->distance_m[j], 1, 0},
				{"SurchargeLoadValue", &q->value_kPa[j], 1, 0}};
		if ((rc = sp_shi_scan_block(in, "[END OF POINT]", keys, 2, 0)) != SP_OK)
			return rc;
		if (q->distance_m[j] < 0 || (j > 0 && q->distance_m[j] < q->distance_m[j - 1]))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"'%s': distances must be >= 0 and increasing", q->name);
	}
	double permanent = 0, favourable = 0;
	sp_shi_scan_key_t keys[] = {{"SurchargeLoadPermanent", &permanent, 0, 0},
				    {"SurchargeLoadFavourable", &favourable, 0, 0}};
	if ((rc = sp_shi_scan_block(in, "[END OF LOAD]", keys, 2, 0)) != SP_OK)
		return rc;
	return S_kind(in, sp_shi_scan_lno(in), q->name, permanent, favourable, &q->kind);
}

int sp_shi_load_read_surcharges(sp_shi_scan_t *in, sp_wall_t *w)
{
	return S_loads(in, w->surcharges, sizeof w->surcharges[0], &w->n_surcharges, S_surcharge);
}

