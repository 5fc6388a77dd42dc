/* fuzz_shd.c - libFuzzer harness of the D-Sheet Piling .shd result reader. */
#include "fuzz_common.h"

#include "shd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch(data, size, ".shd");
	if (path == NULL)
		return 0;
	sp_err_t err = {0, ""};
	sp_shd_t r;
	memset(&r, 0, sizeof r);
	int rc = sp_shd_read(path, &r, &err);
	fuzz_check_err(rc, err.text);
	if (rc == 0)
		for (int i = 0; i < r.n_stages; i++)
			(void)sp_shd_stage(&r, r.stages[i].number);
	sp_shd_free(&r); /* even on failure (shd.h) */
	return 0;
}
