/* test_fuzz_regressions.c - every input the fuzzers once crashed on
 * (tests/fuzz/regressions/<parser>/) and every seed (tests/fuzz/<parser>/)
 * run through the six libFuzzer harnesses in an ordinary build, so the
 * release and sanitizer builds replay them: no crash, no leak, and every
 * error comes with a sysexits code and a message. */
#define FUZZ_FAIL() (S_broken++)
static int S_broken;

#define LLVMFuzzerTestOneInput S_one_study
#include "fuzz/fuzz_study.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_one_catalogue
#include "fuzz/fuzz_catalogue.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_one_shi
#include "fuzz/fuzz_shi.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_one_shd
#include "fuzz/fuzz_shd.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_one_journal
#include "fuzz/fuzz_journal.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput S_one_solver_result
#include "fuzz/fuzz_solver_result.c"
#undef LLVMFuzzerTestOneInput

#include "harness.h"

#include <dirent.h>

/* feed every file of dir to one(); returns the number of files, -1 if the
 * directory cannot be read */
static int S_replay(const char *dir, int (*one)(const uint8_t *, size_t))
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *fp = fopen(path, "rb");
		if (fp == NULL)
			continue;
		uint8_t *buf = NULL;
		size_t len = 0, cap = 0, got;
		do {
			if (len == cap) {
				cap = cap ? 2 * cap : 65536;
				uint8_t *b = realloc(buf, cap);
				if (b == NULL)
					break;
				buf = b;
			}
			got = fread(buf + len, 1, cap - len, fp);
			len += got;
		} while (got > 0);
		fclose(fp);
		int before = S_broken;
		one(buf, len);
		if (S_broken != before)
			printf("FAIL %s: an error without a sysexits code or a message\n", path);
		free(buf);
		n++;
	}
	closedir(d);
	return n;
}

int main(void)
{
	static const struct {
		const char *name;
		int (*one)(const uint8_t *, size_t);
	} t[] = {{"study", S_one_study}, {"catalogue", S_one_catalogue}, {"shi", S_one_shi}, {"shd", S_one_shd},
	         {"journal", S_one_journal}, {"solver_result", S_one_solver_result}};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char dir[256];
		snprintf(dir, sizeof dir, "fuzz/%s", t[i].name);
		int seeds = S_replay(dir, t[i].one);
		OK(seeds > 0, "seed corpus replayed");
		snprintf(dir, sizeof dir, "fuzz/regressions/%s", t[i].name);
		int regressions = S_replay(dir, t[i].one);
		OK(regressions >= 0, "regression folder readable");
		printf("%s: %d seeds, %d regression inputs\n", t[i].name, seeds, regressions);
	}
	sp_catalogue_free(S_cat);
	fuzz_scratch_cleanup();
	INT_EQ(S_broken, 0, "every error has a sysexits code and a message");
	return sp_test_done("fuzz_regressions");
}
