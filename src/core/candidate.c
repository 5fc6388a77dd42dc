/* candidate.c - mixed-radix decoding of the search space. */
#include "candidate.h"

void sp_candidate_at(const sp_study_t *st, size_t id, sp_candidate_t *c)
{
	size_t r = id;
	c->id = id;
	c->anchor = r % st->n_anchors;
	r /= st->n_anchors;
	c->length = r % st->n_lengths;
	r /= st->n_lengths;
	c->grade = r % st->n_grades;
	c->profile = r / st->n_grades;
}

size_t sp_candidate_id(const sp_study_t *st, size_t profile, size_t grade, size_t length, size_t anchor)
{
	return ((profile * st->n_grades + grade) * st->n_lengths + length) * st->n_anchors + anchor;
}
