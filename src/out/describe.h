/* describe.h - the one sentence that names a design (describe.c): its
 * profile, grade, length and anchor, as run's summary, report.html, the
 * plots and the batch's index.html show it. */
#ifndef SP_DESCRIBE_H
#define SP_DESCRIBE_H

#include <stddef.h>
#include "candidate.h"
#include "study.h"

/* "AZ 18-700 S355GP, 14.00 m, anchor at 1.50 m" or "..., cantilever" into
 * buf (size bytes, cut short when smaller). */
void sp_describe_design(char *buf, size_t size, const sp_study_t *st, const sp_candidate_t *c);

#endif
