/* candidate.h - the search space: candidate index <-> (profile, grade, length,
 * anchor option). A candidate is decoded from its index as a mixed-radix number,
 * profile slowest and anchor option fastest, so no list of candidates is ever
 * stored. */
#ifndef SP_CANDIDATE_H
#define SP_CANDIDATE_H

#include <stddef.h>
#include "study.h"

typedef struct {
	size_t id;                  /* 0 .. n-1, the candidate_id column */
	size_t profile, grade, length, anchor; /* indices into the study's axes */
} sp_candidate_t;

/* Decode candidate id (id < sp_study_n_candidates(st)). */
void sp_candidate_at(const sp_study_t *st, size_t id, sp_candidate_t *c);

/* Encode axis indices back into an id. */
size_t sp_candidate_id(const sp_study_t *st, size_t profile, size_t grade, size_t length, size_t anchor);

#endif
