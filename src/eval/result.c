/* result.c - the result of one candidate. */
#include "result.h"

#include <stdio.h>

void sp_result_status(const sp_result_t *r, char *buf, size_t size)
{
	switch (r->status) {
	case SP_CAND_OK:
		snprintf(buf, size, "ok");
		break;
	case SP_CAND_INFEASIBLE:
		snprintf(buf, size, "infeasible");
		break;
	case SP_CAND_FAILED:
		snprintf(buf, size, "failed:%s", r->analysis->reason);
		break;
	case SP_CAND_SKIPPED_DOMINATED:
		snprintf(buf, size, "skipped:dominated");
		break;
	case SP_CAND_SKIPPED_BOUND:
		snprintf(buf, size, "skipped:bound");
		break;
	}
}
