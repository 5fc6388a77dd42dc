/* fuzz_common.h - the parsers read files by path: each libFuzzer input is
 * written to one scratch file per process, whose path the harness passes on. */
#ifndef SP_FUZZ_COMMON_H
#define SP_FUZZ_COMMON_H
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Remove this process's scratch files. */
static inline void fuzz_scratch_cleanup(void)
{
	static const char *const suffix[] = {".ini", ".csv", ".shi", ".shi.ini", ".shd", ".res", ".txt"};
	const char *dir = getenv("TMPDIR");
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/sheetpile-fuzz-%ld%s", dir && *dir ? dir : "/tmp", (long)getpid(), suffix[i]);
		remove(path);
	}
}

/* Write data to a per-process scratch file with the given suffix; returns its
 * path (static storage) or NULL when the file cannot be written. */
static const char *fuzz_scratch(const uint8_t *data, size_t size, const char *suffix)
{
	static char path[256];
	static int registered;
	if (!registered)
		registered = atexit(fuzz_scratch_cleanup) == 0;
	const char *dir = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/sheetpile-fuzz-%ld%s", dir && *dir ? dir : "/tmp", (long)getpid(), suffix);
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		return NULL;
	int bad = size > 0 && fwrite(data, 1, size, fp) != size;
	if (fclose(fp) != 0 || bad)
		return NULL;
	return path;
}

/* What a broken promise of a parser does: abort() under libFuzzer (a
 * finding); tests/test_fuzz_regressions.c counts it instead. */
#ifndef FUZZ_FAIL
#define FUZZ_FAIL() abort()
#endif

/* A parser's error must carry a status code and a message. */
static void fuzz_check_err(int rc, const char *text)
{
	if (rc != 0 && (text[0] == '\0' || rc < 64 || rc > 78))
		FUZZ_FAIL();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
