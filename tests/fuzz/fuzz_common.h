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

/* Write data to a per-process scratch file with the given suffix; returns its
 * path (static storage) or NULL when the file cannot be written. */
static const char *fuzz_scratch(const uint8_t *data, size_t size, const char *suffix)
{
	static char path[256];
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

/* A parser's error must carry a status code and a message. */
static void fuzz_check_err(int rc, const char *text)
{
	if (rc != 0 && (text[0] == '\0' || rc < 64 || rc > 78))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
