/* edges.c - the edges of the search space that the best designs lie on. */
#include "edges.h"

#include <stdio.h>

static const sp_profile_t *S_profile(const sp_study_t *st, const sp_catalogue_t *cat, size_t i)
{
	return sp_catalogue_profile(cat, (size_t)sp_catalogue_find_profile(cat, st->profiles[i]));
}

static const sp_grade_t *S_grade(const sp_study_t *st, const sp_catalogue_t *cat, size_t i)
{
	return sp_catalogue_grade(cat, (size_t)sp_catalogue_find_grade(cat, st->grades[i]));
}

/* 1 when no profile offered is lighter (mass per m2) than p, or none is
 * weaker (W_el), and the catalogue has a lighter profile that was not offered */
static int S_lightest_profile(const sp_study_t *st, const sp_catalogue_t *cat, const sp_profile_t *p)
{
	int lightest = 1, weakest = 1;
	for (size_t i = 0; i < st->n_profiles; i++) {
		const sp_profile_t *q = S_profile(st, cat, i);
		if (q == NULL)
			continue;
		if (q->mass_kg_per_m2 < p->mass_kg_per_m2)
			lightest = 0;
		if (q->w_el_cm3_per_m < p->w_el_cm3_per_m)
			weakest = 0;
	}
	if (!lightest && !weakest)
		return 0;
	for (size_t j = 0; j < sp_catalogue_n_profiles(cat); j++) {
		const sp_profile_t *q = sp_catalogue_profile(cat, j);
		/* a profile the checks can use (profiles = all leaves out those without thicknesses) */
		if (q->mass_kg_per_m2 < p->mass_kg_per_m2 && q->t_flange_mm > 0 && q->t_web_mm > 0) {
			int offered = 0;
			for (size_t i = 0; i < st->n_profiles && !offered; i++)
				offered = S_profile(st, cat, i) == q;
			if (!offered)
				return 1;
		}
	}
	return 0;
}

/* 1 when no grade offered is weaker (f_y) than g and the catalogue has a weaker one not offered */
static int S_weakest_grade(const sp_study_t *st, const sp_catalogue_t *cat, const sp_grade_t *g)
{
	for (size_t i = 0; i < st->n_grades; i++) {
		const sp_grade_t *q = S_grade(st, cat, i);
		if (q != NULL && q->fy_MPa < g->fy_MPa)
			return 0;
	}
	for (size_t j = 0; j < sp_catalogue_n_grades(cat); j++) {
		const sp_grade_t *q = sp_catalogue_grade(cat, j);
		int offered = 0;
		for (size_t i = 0; i < st->n_grades && !offered; i++)
			offered = S_grade(st, cat, i) == q;
		if (!offered && q->fy_MPa < g->fy_MPa)
			return 1;
	}
	return 0;
}

size_t sp_edges_find(const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *best, size_t n_best,
                     sp_edge_t out[SP_EDGE_N])
{
	if (n_best == 0 || st->n_lengths == 0)
		return 0; /* no best design (or no search space: a fixed wall): no edge */
	int hit[SP_EDGE_N] = {0};
	const sp_result_t *at[SP_EDGE_N] = {0}; /* the first best design on each edge */
	double shortest_m = st->lengths_m[0];
	for (size_t i = 1; i < st->n_lengths; i++)
		if (st->lengths_m[i] < shortest_m)
			shortest_m = st->lengths_m[i];
	double highest_m = 0, lowest_m = 0;
	int anchored = 0;
	for (size_t i = 0; i < st->n_anchors; i++) {
		const sp_anchor_option_t *a = &st->anchors[i];
		if (!a->anchored)
			continue;
		if (!anchored || a->level_m > highest_m)
			highest_m = a->level_m;
		if (!anchored || a->level_m < lowest_m)
			lowest_m = a->level_m;
		anchored = 1;
	}
	const double retained_height_m = st->top_of_wall_m - st->excavation_level_m;
	for (size_t k = 0; k < n_best; k++) {
		const sp_candidate_t *c = &best[k].cand;
		int on[SP_EDGE_N] = {0};
		const double length_m = st->lengths_m[c->length];
		on[SP_EDGE_SHORTEST_LENGTH] = length_m == shortest_m && length_m > retained_height_m;
		const sp_profile_t *p = S_profile(st, cat, c->profile);
		on[SP_EDGE_LIGHTEST_PROFILE] = p != NULL && S_lightest_profile(st, cat, p);
		const sp_grade_t *g = S_grade(st, cat, c->grade);
		on[SP_EDGE_WEAKEST_GRADE] = g != NULL && S_weakest_grade(st, cat, g);
		const sp_anchor_option_t *a = &st->anchors[c->anchor];
		on[SP_EDGE_HIGHEST_ANCHOR] = a->anchored && a->level_m == highest_m && a->level_m < st->top_of_wall_m;
		on[SP_EDGE_LOWEST_ANCHOR] = a->anchored && a->level_m == lowest_m && a->level_m > st->excavation_level_m;
		for (int e = 0; e < SP_EDGE_N; e++)
			if (on[e] && !hit[e])
				hit[e] = 1, at[e] = &best[k];
	}

	size_t n = 0;
	for (int e = 0; e < SP_EDGE_N; e++) {
		if (!hit[e])
			continue;
		/* the words of each edge, and its value: a level (m) or a name */
		static const struct {
			const char *axis, *edge, *what, *advice; /* advice: "%s" takes the value */
		} words[SP_EDGE_N] = {
			{"length_m", "shortest", "length", "try lengths below %s ([search] length_m)"},
			{"profiles", "lightest or weakest", "profile", "the catalogue has lighter profiles: add them to [search] profiles"},
			{"grades", "weakest", "grade", "the catalogue has weaker grades: add them to [search] grades"},
			{"levels_m", "highest", "anchor level", "try anchor levels above %s ([anchor] levels_m)"},
			{"levels_m", "lowest", "anchor level", "try anchor levels below %s ([anchor] levels_m)"},
		};
		const sp_candidate_t *c = &at[e]->cand;
		const double level_m[SP_EDGE_N] = {shortest_m, 0, 0, highest_m, lowest_m};
		sp_edge_t *o = &out[n++];
		*o = (sp_edge_t){.kind = (sp_edge_kind)e, .axis = words[e].axis, .edge = words[e].edge, .what = words[e].what};
		if (e == SP_EDGE_LIGHTEST_PROFILE || e == SP_EDGE_WEAKEST_GRADE)
			snprintf(o->value, sizeof o->value, "%s",
			         e == SP_EDGE_LIGHTEST_PROFILE ? st->profiles[c->profile] : st->grades[c->grade]);
		else
			snprintf(o->value, sizeof o->value, "%.2f m", level_m[e]);
		snprintf(o->advice, sizeof o->advice, words[e].advice, o->value);
	}
	return n;
}
