/* beam_side.c - a side's loading that a later stage repeats (beam_side.h).
 *
 * sp_beam_load_stage (beam_load.c) computes each side's earth pressures per
 * half spring from the stage's surface, water, loads and soil profile; the
 * retained side of an excavation usually keeps all of them from one stage to
 * the next. The side's key (beam_work.h sp_beam_work_side_key_t) says so,
 * compared as bytes; the halves as the loading set them are kept in the work
 * area when the next stage of the wall has the same key, and that stage sets
 * its springs again from them: the same numbers, bit for bit. */
#include "beam_side.h"

#include <string.h>

/* Both halves of node i on side in the same layer: one spring with both
 * lengths (the lower one off, marked merged). */
void sp_beam_side_merge(sp_beam_work_t *b, int i, int side)
{
	sp_beam_spring_t *up = SP_BEAM_WORK_SPR(b, i, side, 0), *lo = SP_BEAM_WORK_SPR(b, i, side, 1);
	lo->merged = 0;
	if (up->on && lo->on && up->layer == lo->layer && up->shift_m == lo->shift_m &&
	    up->has_turn == lo->has_turn && up->s_turn == lo->s_turn && up->p_turn == lo->p_turn) {
		double tu = up->trib_m, tl = lo->trib_m, t = tu + tl;
		if (up->sig_a != lo->sig_a || up->sig_n != lo->sig_n || up->sig_p != lo->sig_p) {
			/* surcharges: the halves' pressures differ; the spring carries their mean */
			up->sig_a = (up->sig_a * tu + lo->sig_a * tl) / t;
			up->sig_n = (up->sig_n * tu + lo->sig_n * tl) / t;
			up->sig_p = (up->sig_p * tu + lo->sig_p * tl) / t;
			sp_beam_spring_prepare(up);
		}
		up->trib_m = t;
		lo->on = 0;
		lo->merged = 1;
	}
}

/* The uniform load on side in stage st (kPa). */
double sp_beam_side_q_kPa(const sp_wall_t *w, const sp_wall_stage_t *st, int side)
{
	double q = 0.0;
	for (int i = 0; i < w->n_uniform_loads; i++)
		if (st->uniform_load_on[i])
			q += side == SP_LEFT ? w->uniform_loads[i].left_kPa : w->uniform_loads[i].right_kPa;
	return q;
}

/* The key of side's loading in stage st (beam_work.h; q its uniform load,
 * ls its layers); 0 when it cannot hold the stage's points. */
static int S_side_key(const sp_wall_t *w, const sp_wall_stage_t *st, int side, const sp_wall_layer_t *ls, double q,
                      sp_beam_work_side_key_t *k)
{
	int np = st->n_surface_points[side];
	if (np < 0 || np > SP_WALL_MAX_SURFACE_POINTS || w->n_surcharges < 0 || w->n_surcharges > SP_WALL_MAX_ITEMS)
		return 0;
	memset(k, 0, sizeof *k);
	k->q_kPa = q, k->surface_m = st->surface_m[side], k->water_m = st->water_m[side];
	memcpy(k->surface_distance_m, st->surface_distance_m[side], (size_t)np * sizeof(double));
	memcpy(k->surface_level_m, st->surface_level_m[side], (size_t)np * sizeof(double));
	k->layers = ls;
	k->kmethod = (int)st->kmethod[side], k->n_surface_points = np;
	for (int j = 0; j < w->n_surcharges; j++)
		k->surcharge_on[j] = st->surcharge_on[side][j] != 0;
	return 1;
}

/* Whether stage st loads side as the last stage did, which kept its halves
 * (the same side key): 1 to set the springs again from them
 * (sp_beam_side_replay). Otherwise *keep says whether the side's loading is to
 * keep its halves: the next stage of the wall loads the side alike. */
int sp_beam_side_unchanged(sp_beam_work_t *b, const sp_wall_stage_t *st, int side, const sp_wall_layer_t *ls,
                           double q, int *keep)
{
	const sp_wall_t *w = b->w;
	sp_beam_work_side_key_t k, next_k;
	*keep = 0;
	if (!S_side_key(w, st, side, ls, q, &k)) {
		b->side_key_valid[side] = 0;
		return 0;
	}
	if (b->side_key_valid[side] && b->side_kept[side] && memcmp(&k, &b->side_key[side], sizeof k) == 0)
		return 1;
	b->side_key[side] = k;
	b->side_key_valid[side] = 1;
	int s = 0;
	while (s < w->n_stages && &w->stages[s] != st)
		s++;
	if (s + 1 < w->n_stages) {
		const sp_wall_stage_t *next = &w->stages[s + 1];
		int nl_next;
		const sp_wall_layer_t *ls_next = sp_wall_side_layers(w, next, side, &nl_next);
		*keep = S_side_key(w, next, side, ls_next, sp_beam_side_q_kPa(w, next, side), &next_k) &&
		        memcmp(&k, &next_k, sizeof k) == 0;
	}
	b->side_kept[side] = *keep;
	return 0;
}

/* Node i's half springs on side as just loaded, kept for a later stage that
 * loads the side alike (sp_beam_side_replay). */
void sp_beam_side_keep(sp_beam_work_t *b, int i, int side)
{
	for (int h = 0; h < 2; h++) {
		const sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
		sp_beam_work_half_t *k = &b->halves[sp - b->spr];
		k->on = sp->on, k->trib_m = sp->trib_m;
		if (sp->on)
			k->layer = sp->layer, k->sig_a = sp->sig_a, k->sig_n = sp->sig_n, k->sig_p = sp->sig_p;
	}
}

/* A side loaded as in the last stage (sp_beam_side_unchanged): every half spring
 * set again from what that stage kept and its curve prepared as the loading
 * prepares it, the halves merged again (their states may have changed). The
 * side's water pressures are those of that stage still, and so are the
 * springs' moduli (S_spring_moduli: set for the same profile and layer). */
void sp_beam_side_replay(sp_beam_work_t *b, int side)
{
	/* the springs still hold that loading as merged, unless an initial stage
	 * has added its offsets since (beam.c) or a node has two halves on in one
	 * layer, which the merge may join now that their states agree: only the
	 * stage's solution changed their states (shift, turning point, commit) */
	int as_loaded = !b->w->first_stage_initial;
	for (int i = 0; i < b->n && as_loaded; i++) {
		const sp_beam_spring_t *up = SP_BEAM_WORK_SPR(b, i, side, 0), *lo = SP_BEAM_WORK_SPR(b, i, side, 1);
		as_loaded = !(up->on && lo->on && up->layer == lo->layer);
	}
	if (!as_loaded)
		sp_beam_side_set(b, side);
}

/* Every half spring of side set from b->halves, its curve prepared, the
 * halves merged. */
void sp_beam_side_set(sp_beam_work_t *b, int side)
{
	for (int i = 0; i < b->n; i++) {
		for (int h = 0; h < 2; h++) {
			sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
			const sp_beam_work_half_t *k = &b->halves[sp - b->spr];
			sp->on = k->on, sp->trib_m = k->trib_m;
			if (!k->on)
				continue;
			sp->layer = k->layer;
			sp->sig_a = k->sig_a, sp->sig_n = k->sig_n, sp->sig_p = k->sig_p;
			sp_beam_spring_prepare(sp);
		}
		sp_beam_side_merge(b, i, side);
	}
}

