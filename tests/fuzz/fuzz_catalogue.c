/* fuzz_catalogue.c - libFuzzer harness of the catalogue CSV reader: the first
 * byte chooses whether the input is read as the profiles or the grades file,
 * the other one is the good designs file. */
#include "fuzz_common.h"

#include "catalogue.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int as_grades = data[0] & 1;
	const char *path = fuzz_scratch(data + 1, size - 1, ".csv");
	if (path == NULL)
		return 0;
	sp_err_t err = {0, ""};
	sp_catalogue_t *cat = as_grades ? sp_catalogue_read(SP_DATA_DIR "/profiles.csv", path, &err)
	                                : sp_catalogue_read(path, SP_DATA_DIR "/grades.csv", &err);
	if (cat == NULL) {
		fuzz_check_err(err.code ? err.code : -1, err.text);
		return 0;
	}
	for (size_t i = 0; i < sp_catalogue_n_profiles(cat); i++) {
		const sp_profile_t *p = sp_catalogue_profile(cat, i);
		if (sp_catalogue_find_profile(cat, p->name) < 0)
			FUZZ_FAIL(); /* every listed profile is found by its name */
	}
	sp_catalogue_free(cat);
	return 0;
}
