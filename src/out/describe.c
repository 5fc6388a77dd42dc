/* describe.c - the one sentence that names a design. */
#include "describe.h"

#include <stdio.h>

void sp_describe_design(char *buf, size_t size, const sp_study_t *st, const sp_candidate_t *c)
{
	const sp_anchor_option_t *an = &st->anchors[c->anchor];
	char anchor[48] = "cantilever";
	if (an->anchored)
		snprintf(anchor, sizeof anchor, "anchor at %.2f m", an->level_m);
	snprintf(buf, size, "%s %s, %.2f m, %s", st->profiles[c->profile], st->grades[c->grade],
	         st->lengths_m[c->length], anchor);
}
