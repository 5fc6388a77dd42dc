/* fake_dsheet_console.c - a stand-in for the D-Sheet Piling console in tests.
 *
 *   fake-dsheet-console [/b] INPUT.shi
 *
 * Like the real console it reads INPUT.shi and writes INPUT.shd next to it.
 * It cannot calculate: it answers with the .shd of the benchmark whose model
 * is the input's. Two models are the same when `sheetpile import-dsheet`
 * makes the same study of them (sp_study_write_wall of each wall read by
 * sp_shi_read), so an exported .shi of an imported benchmark finds its
 * benchmark whatever the names, number formats or line ends.
 *
 * The benchmarks are the NAME.shi / NAME.shd pairs of the directories in
 * FAKE_DSHEET_DATA (':'-separated; default: tests/data/dsheet of the source
 * tree). FAKE_DSHEET_DELAY_S=SECONDS sleeps first (a slow licensed solver).
 *
 * Exit status: 0 with INPUT.shd written; 1 when the input cannot be read or
 * matches no benchmark (a message on stderr and no .shd, as when the real
 * console refuses an input); 2 on a usage error. */
#define _POSIX_C_SOURCE 200809L
#include "shi.h"
#include "study_wall.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef FAKE_DSHEET_DEFAULT_DATA
#define FAKE_DSHEET_DEFAULT_DATA "tests/data/dsheet"
#endif

/* The study text of the model in a .shi (malloc'd), NULL when not readable. */
static char *model_text(const char *path, sp_wall_t *w, sp_err_t *err)
{
	sp_wall_init(w);
	if (sp_shi_read(path, w, err) != SP_OK)
		return NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	if (fp == NULL)
		return NULL;
	int rc = sp_study_write_wall(fp, w, "model", err);
	fclose(fp);
	if (rc != SP_OK) {
		free(text);
		return NULL;
	}
	return text;
}

static int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	if (in == NULL)
		return -1;
	char tmp[8500];
	snprintf(tmp, sizeof tmp, "%s.part", to);
	FILE *out = fopen(tmp, "wb");
	if (out == NULL) {
		fclose(in);
		return -1;
	}
	char buf[65536];
	size_t n;
	int bad = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		bad |= fwrite(buf, 1, n, out) != n;
	bad |= ferror(in);
	fclose(in);
	bad |= fclose(out) != 0;
	if (bad || rename(tmp, to) != 0) {
		remove(tmp);
		return -1;
	}
	return 0;
}

/* Search dir for a NAME.shi whose model is want; its NAME.shd into found. */
static int search_dir(const char *dir, const char *want, sp_wall_t *w, char *found, size_t size)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return 0;
	struct dirent *e;
	int hit = 0;
	while (!hit && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".shi") != 0)
			continue;
		char path[4200];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		sp_err_t err;
		char *text = model_text(path, w, &err);
		if (text != NULL && strcmp(text, want) == 0) {
			snprintf(found, size, "%s/%.*s.shd", dir, (int)(n - 4), e->d_name);
			hit = 1;
		}
		free(text);
	}
	closedir(d);
	return hit;
}

int main(int argc, char **argv)
{
	const char *in = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "/b") == 0 || strcmp(argv[i], "/B") == 0)
			continue;
		if (in != NULL) {
			fprintf(stderr, "usage: fake-dsheet-console [/b] INPUT.shi\n");
			return 2;
		}
		in = argv[i];
	}
	size_t len = in ? strlen(in) : 0;
	if (in == NULL || len < 5 || strcmp(in + len - 4, ".shi") != 0) {
		fprintf(stderr, "usage: fake-dsheet-console [/b] INPUT.shi\n");
		return 2;
	}
	const char *delay = getenv("FAKE_DSHEET_DELAY_S");
	if (delay != NULL && atof(delay) > 0) {
		double s = atof(delay);
		struct timespec t = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
		while (nanosleep(&t, &t) != 0 && errno == EINTR)
			;
	}
	sp_wall_t *w = malloc(sizeof *w);
	if (w == NULL)
		return 1;
	sp_err_t err;
	char *want = model_text(in, w, &err);
	if (want == NULL) {
		fprintf(stderr, "D-Sheet Piling: cannot read the input: %s\n", err.text);
		free(w);
		return 1;
	}
	const char *dirs = getenv("FAKE_DSHEET_DATA");
	char *list = strdup(dirs != NULL && *dirs ? dirs : FAKE_DSHEET_DEFAULT_DATA);
	char found[4200] = "";
	int hit = 0;
	for (char *save = NULL, *dir = strtok_r(list, ":", &save); dir && !hit; dir = strtok_r(NULL, ":", &save))
		hit = search_dir(dir, want, w, found, sizeof found);
	free(list);
	free(want);
	free(w);
	if (!hit) {
		fprintf(stderr, "D-Sheet Piling (stand-in): %s is not a known benchmark model, cannot calculate it\n", in);
		return 1;
	}
	char out[4200];
	snprintf(out, sizeof out, "%.*s.shd", (int)(len - 4), in);
	if (copy_file(found, out) != 0) {
		fprintf(stderr, "D-Sheet Piling (stand-in): cannot write %s: %s\n", out, strerror(errno));
		return 1;
	}
	return 0;
}
