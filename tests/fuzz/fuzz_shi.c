/* fuzz_shi.c - libFuzzer harness of the D-Sheet Piling .shi importer: read
 * the wall, write it as a study file and read that back, as
 * `sheetpile import-dsheet` does. */
#include "fuzz_common.h"

#include "shi.h"
#include "study.h"
#include "study_wall.h"
#include "study_read.h"

static sp_wall_t S_wall; /* large: not on the stack */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch(data, size, ".shi");
	if (path == NULL)
		return 0;
	char shi[256], ini[300];
	snprintf(shi, sizeof shi, "%s", path);
	snprintf(ini, sizeof ini, "%s.ini", shi);
	sp_err_t err = {0, ""};
	sp_wall_init(&S_wall);
	int rc = sp_shi_read(shi, &S_wall, &err);
	fuzz_check_err(rc, err.text);
	if (rc != 0)
		return 0;
	FILE *fp = fopen(ini, "wb");
	if (fp == NULL)
		return 0;
	rc = sp_study_write_wall(fp, &S_wall, "fuzz.shi", &err);
	if (fclose(fp) != 0)
		return 0;
	fuzz_check_err(rc, err.text);
	if (rc == 0) {
		sp_study_t *st = sp_study_read(ini, &err);
		if (st == NULL)
			fuzz_check_err(err.code ? err.code : -1, err.text);
		sp_study_free(st);
	}
	remove(ini);
	return 0;
}
