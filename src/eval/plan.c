/* plan.c - the evaluation plan of a study. */
#include "plan.h"
#include "checks.h"
#include "corrosion.h"
#include "engine_exec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int S_resolve(sp_plan_t *p, sp_err_t *err)
{
	const sp_study_t *st = p->st;
	p->profile_index = malloc(st->n_profiles * sizeof *p->profile_index);
	p->grade_index = malloc(st->n_grades * sizeof *p->grade_index);
	if (!p->profile_index || !p->grade_index)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < st->n_profiles; i++)
		if ((p->profile_index[i] = sp_catalogue_find_profile(p->cat, st->profiles[i])) < 0)
			return sp_err_set(err, SP_EDATA, "unknown profile '%s'", st->profiles[i]);
	for (size_t i = 0; i < st->n_grades; i++)
		if ((p->grade_index[i] = sp_catalogue_find_grade(p->cat, st->grades[i])) < 0)
			return sp_err_set(err, SP_EDATA, "unknown grade '%s'", st->grades[i]);
	const sp_profile_t **prof = malloc((st->n_profiles ? st->n_profiles : 1) * sizeof *prof);
	if (prof == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < st->n_profiles; i++)
		prof[i] = sp_plan_profile(p, i);
	sp_cost_reference(st, prof, &p->ref);
	free(prof);
	/* EN 1993-5 section, class and resistances once per profile x grade */
	double loss = sp_corrosion_study_loss_mm(st, p->loss_mm);
	size_t n = st->n_profiles * st->n_grades;
	p->steel = malloc((n ? n : 1) * sizeof *p->steel);
	if (p->steel == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < st->n_profiles; i++)
		for (size_t j = 0; j < st->n_grades; j++)
			sp_steel_init(&p->steel[i * st->n_grades + j], st, sp_plan_profile(p, i), sp_plan_grade(p, j), loss);
	return SP_OK;
}

/* Bending stiffness of a study profile. */
static double S_ei(const sp_plan_t *p, size_t profile)
{
	return sp_profile_ei_kNm2_per_m(sp_plan_profile(p, profile));
}

static int S_ei_classes(sp_plan_t *p, sp_err_t *err)
{
	const sp_study_t *st = p->st;
	p->ei_class = malloc((st->n_profiles ? st->n_profiles : 1) * sizeof *p->ei_class);
	if (p->ei_class == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	p->n_ei = 0;
	if (p->engine->uses_section == 2) { /* a black box: one class per profile */
		for (size_t i = 0; i < st->n_profiles; i++)
			p->ei_class[i] = p->n_ei++;
		return SP_OK;
	}
	for (size_t i = 0; i < st->n_profiles; i++) {
		size_t k = p->n_ei;
		for (size_t j = 0; j < i; j++)
			if (S_ei(p, j) == S_ei(p, i)) {
				k = p->ei_class[j];
				break;
			}
		p->ei_class[i] = k;
		if (k == p->n_ei)
			p->n_ei++;
	}
	return SP_OK;
}

int sp_plan_init(sp_plan_t *p, const sp_study_t *st, const sp_catalogue_t *cat, sp_err_t *err)
{
	memset(p, 0, sizeof *p);
	p->st = st;
	p->cat = cat;
	p->engine = sp_engine_exec_or_builtin(st);
	int rc = S_resolve(p, err);
	if (rc != SP_OK)
		return rc;
	if (!p->engine->uses_section) {
		p->n_analyses = st->n_anchors;
		return SP_OK;
	}
	if ((rc = S_ei_classes(p, err)) == SP_OK)
		p->n_analyses = p->n_ei * st->n_lengths * st->n_anchors;
	return rc;
}

void sp_plan_clear(sp_plan_t *p)
{
	free(p->profile_index);
	free(p->grade_index);
	free(p->ei_class);
	free(p->steel);
	p->steel = NULL;
	p->profile_index = p->grade_index = NULL;
	p->ei_class = NULL;
}

size_t sp_plan_analysis_of(const sp_plan_t *p, const sp_candidate_t *c)
{
	if (!p->engine->uses_section)
		return c->anchor;
	return (p->ei_class[c->profile] * p->st->n_lengths + c->length) * p->st->n_anchors + c->anchor;
}

void sp_plan_case(const sp_plan_t *p, size_t i, sp_case_t *c)
{
	const sp_study_t *st = p->st;
	memset(c, 0, sizeof *c);
	c->id = i;
	c->anchor = st->anchors[i % st->n_anchors];
	if (!p->engine->uses_section)
		return;
	size_t rest = i / st->n_anchors;
	size_t length = rest % st->n_lengths, ei = rest / st->n_lengths;
	c->length_m = st->lengths_m[length];
	for (size_t k = 0; k < st->n_profiles; k++)
		if (p->ei_class[k] == ei) {
			c->ei_kNm2_per_m = S_ei(p, k);
			c->profile = k;
			break;
		}
}

const sp_profile_t *sp_plan_profile(const sp_plan_t *p, size_t profile)
{
	return sp_catalogue_profile(p->cat, (size_t)p->profile_index[profile]);
}

const sp_steel_t *sp_plan_steel(const sp_plan_t *p, size_t profile, size_t grade)
{
	return &p->steel[profile * p->st->n_grades + grade];
}

const sp_grade_t *sp_plan_grade(const sp_plan_t *p, size_t grade)
{
	return sp_catalogue_grade(p->cat, (size_t)p->grade_index[grade]);
}

void sp_plan_evaluate(const sp_plan_t *p, size_t id, const sp_analysis_t *a, sp_result_t *r)
{
	const sp_study_t *st = p->st;
	sp_candidate_at(st, id, &r->cand);
	const sp_profile_t *prof = sp_plan_profile(p, r->cand.profile);
	const sp_anchor_option_t *an = &st->anchors[r->cand.anchor];
	double length = st->lengths_m[r->cand.length];
	r->analysis = a;
	sp_checks_run_steel(st, sp_plan_steel(p, r->cand.profile, r->cand.grade), prof, length, an, a, &r->checks);
	sp_cost_of(st, prof, r->cand.grade, length, an, &p->ref, &r->cost);
	r->status = !a->ok ? SP_CAND_FAILED : r->checks.feasible ? SP_CAND_OK : SP_CAND_INFEASIBLE;
}

void sp_plan_skipped(const sp_plan_t *p, size_t id, sp_cand_status status, sp_result_t *r)
{
	static const sp_analysis_t not_analysed; /* ok = 0, no diagram */
	const sp_study_t *st = p->st;
	memset(r, 0, sizeof *r);
	sp_candidate_at(st, id, &r->cand);
	r->analysis = &not_analysed;
	r->status = status;
	r->checks.util_max = NAN;
	sp_cost_of(st, sp_plan_profile(p, r->cand.profile), r->cand.grade, st->lengths_m[r->cand.length],
	           &st->anchors[r->cand.anchor], &p->ref, &r->cost);
}

void sp_plan_rows(const sp_plan_t *p, const sp_analysis_t *analyses, const size_t *ids, const unsigned char *skip,
                  size_t first, size_t count, sp_result_t *rows)
{
	for (size_t j = 0; j < count; j++) {
		size_t id = ids ? ids[first + j] : first + j;
		if (skip && skip[id]) {
			sp_plan_skipped(p, id, (sp_cand_status)skip[id], &rows[j]);
			continue;
		}
		sp_candidate_t c;
		sp_candidate_at(p->st, id, &c);
		sp_plan_evaluate(p, id, &analyses[sp_plan_analysis_of(p, &c)], &rows[j]);
	}
}

void sp_plan_relink(const sp_plan_t *p, const sp_analysis_t *analyses, sp_result_t *rows, size_t n)
{
	for (size_t j = 0; j < n; j++)
		rows[j].analysis = &analyses[sp_plan_analysis_of(p, &rows[j].cand)];
}
