/* fuzz_study.c - libFuzzer harness of the study INI reader: read, then
 * resolve against the designs catalogue, as `sheetpile check` does. */
#include "fuzz_common.h"

#include "catalogue.h"
#include "study.h"
#include "study_read.h"

static sp_catalogue_t *S_cat; /* loaded once */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (S_cat == NULL) {
		S_cat = sp_catalogue_read(SP_DATA_DIR "/profiles.csv", SP_DATA_DIR "/grades.csv", NULL);
		if (S_cat == NULL) {
			FUZZ_FAIL();
			return 0;
		}
	}
	const char *path = fuzz_scratch(data, size, ".ini");
	if (path == NULL)
		return 0;
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read(path, &err);
	if (st == NULL) {
		fuzz_check_err(err.code ? err.code : -1, err.text);
		return 0;
	}
	int rc = sp_study_resolve(st, S_cat, &err);
	fuzz_check_err(rc, err.text);
	(void)sp_study_n_candidates(st);
	sp_study_free(st);
	return 0;
}
