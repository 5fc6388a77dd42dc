/* fuzz_shd.c - libFuzzer harness of the D-Sheet Piling .shd result reader
 * and of what a study takes from a read file (sp_shd_summary). */
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
	/* what a study takes from it: magnitudes, never a NaN (a NaN moment once
	 * made a candidate feasible) */
	sp_shd_summary_t *s = rc == 0 ? malloc(sizeof *s) : NULL;
	if (s != NULL) {
		int got = sp_shd_summary(&r, NULL, s, &err);
		fuzz_check_err(got, err.text);
		const double v[] = {s->max_moment_kNm_per_m, s->max_shear_kN_per_m, s->max_displacement_mm,
		                    s->top_displacement_mm,  s->mobilised_pct,      s->anchor_force_kN_per_m};
		for (size_t i = 0; got == 0 && i < sizeof v / sizeof *v; i++)
			if (!(v[i] >= 0 && v[i] <= 1e9))
				FUZZ_FAIL();
		free(s);
	}
	sp_shd_free(&r); /* even on failure (shd.h) */
	return 0;
}
