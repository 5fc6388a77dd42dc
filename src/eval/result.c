/* result.c - the result of one candidate. */
#include "result.h"

#include <stdio.h>

void sp_result_status(const sp_result_t *r, char *buf, size_t size)
{
	static const char *const words[] = {[SP_CAND_OK] = "ok", [SP_CAND_INFEASIBLE] = "infeasible",
	                                    [SP_CAND_FAILED] = "failed:", [SP_CAND_SKIPPED_DOMINATED] = "skipped:dominated",
	                                    [SP_CAND_SKIPPED_BOUND] = "skipped:bound"};
	snprintf(buf, size, "%s%s", words[r->status], r->status == SP_CAND_FAILED ? r->analysis->reason : "");
}
