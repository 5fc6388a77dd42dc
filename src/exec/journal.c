/* journal.c - journal.txt of engine exec: one line per finished analysis,
 * with a checksum, so that --resume keeps what an interrupted run finished. */
#define _GNU_SOURCE /* fsync, ftruncate */
#include "journal.h"
#include "outfile.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#define S_JOURNAL_MAGIC "sheetpile-journal-1"
#define S_LINE_MAX 4096

static uint64_t S_fnv64(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static uint64_t S_fnv64_file(uint64_t h, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return S_fnv64(h, path, strlen(path));
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		h = S_fnv64(h, buf, n);
	fclose(fp);
	return h;
}

/* What the journal's analyses depend on: the study, its catalogue, the
 * solver's command and template, and the number of analyses. */
static uint64_t S_fingerprint(const sp_study_t *st, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	h = S_fnv64_file(h, st->path);
	h = S_fnv64_file(h, st->catalogue_path);
	h = S_fnv64_file(h, st->grades_path);
	if (st->solver->input_template[0])
		h = S_fnv64_file(h, st->solver->input_template);
	h = S_fnv64(h, st->solver->command, strlen(st->solver->command));
	return S_fnv64(h, &n, sizeof n);
}

static uint32_t S_crc(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}


static double *S_num(sp_analysis_t *a, int k)
{
	double *f[9] = {&a->embedment_required_m, &a->embedment_equilibrium_m, &a->max_moment_kNm_per_m,
	                &a->max_moment_level_m, &a->max_shear_kN_per_m, &a->anchor_force_kN_per_m,
	                &a->max_displacement_mm, &a->top_displacement_mm, &a->mobilised_passive_pct};
	return f[k];
}

/* One journal line (with its newline) into buf. */
size_t sp_journal_line(char *buf, size_t size, size_t id, const sp_analysis_t *a, const sp_pool_job_t *j,
                       int solver_failed)
{
	size_t n = (size_t)snprintf(buf, size, "%zu %d %d", id, a->ok, a->has_displacement);
	for (int k = 0; k < 9; k++)
		n += (size_t)snprintf(buf + n, size - n, " %.17g", *S_num((sp_analysis_t *)a, k));
	n += (size_t)snprintf(buf + n, size - n, " %d %d %.6f %.6f %d ", j->attempts, j->slot, j->start_s, j->end_s,
	                      solver_failed);
	/* the reason, escaped: no blank, no control byte, no '%' */
	const char *r0 = a->ok ? "" : a->reason;
	if (*r0 == '\0')
		n += (size_t)snprintf(buf + n, size - n, "-");
	for (const char *r = r0; *r; r++) {
		unsigned char ch = (unsigned char)*r;
		if (ch <= ' ' || ch == '%' || ch >= 0x7f || (ch == '-' && r == r0))
			n += (size_t)snprintf(buf + n, size - n, "%%%02X", ch);
		else
			buf[n++] = (char)ch;
	}
	n += (size_t)snprintf(buf + n, size - n, " #%08x\n", (unsigned)S_crc(buf, n));
	return n;
}

/* Parse a journal line; 0 when it is whole and its checksum is right. */
int sp_journal_parse(char *line, size_t n_analyses, size_t *id, sp_journal_entry_t *e)
{
	size_t len = strlen(line);
	if (len < 12 || line[len - 1] != '\n')
		return -1;
	char *hash = strrchr(line, '#');
	if (hash == NULL || hash == line || hash[-1] != ' ')
		return -1;
	unsigned long crc = strtoul(hash + 1, NULL, 16);
	if ((uint32_t)crc != S_crc(line, (size_t)(hash - 1 - line)))
		return -1;
	hash[-1] = '\0';
	char *p = line, *end;
	unsigned long long v = strtoull(p, &end, 10);
	if (end == p || v >= n_analyses)
		return -1;
	*id = (size_t)v;
	long ints[2];
	for (int k = 0; k < 2; k++) {
		p = end;
		ints[k] = strtol(p, &end, 10);
		if (end == p)
			return -1;
	}
	e->ok = ints[0] != 0;
	e->has_displacement = ints[1] != 0;
	for (int k = 0; k < 9; k++) {
		p = end;
		e->v[k] = strtod(p, &end);
		if (end == p)
			return -1;
	}
	long a[2];
	for (int k = 0; k < 2; k++) {
		p = end;
		a[k] = strtol(p, &end, 10);
		if (end == p)
			return -1;
	}
	e->attempts = (int)a[0];
	e->slot = (int)a[1];
	p = end;
	e->start_s = strtod(p, &end);
	p = end;
	e->end_s = strtod(p, &end);
	p = end;
	e->solver_failed = (int)strtol(p, &end, 10);
	if (end == p || *end != ' ')
		return -1;
	p = end + 1;
	size_t k = 0;
	if (strcmp(p, "-") != 0)
		for (; *p && k + 1 < sizeof e->reason; p++) {
			unsigned x;
			if (*p == '%' && sscanf(p + 1, "%2x", &x) == 1) {
				e->reason[k++] = (char)x;
				p += 2;
			} else {
				e->reason[k++] = *p;
			}
		}
	e->reason[k] = '\0';
	return 0;
}

/* Open the journal: a fresh one, or (resume) the old one with its whole
 * lines loaded into out[] and done[], a torn tail cut off. */
FILE *sp_journal_open(const char *dir, const sp_study_t *st, size_t n, int resume, sp_analysis_t *out,
                      char *done, sp_journal_entry_t *meta, size_t *resumed, sp_err_t *err)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/" SP_JOURNAL_FILE, dir);
	uint64_t fp_now = S_fingerprint(st, n);
	*resumed = 0;
	/* never through a link, nor another user's journal (outfile.h) */
	int dfd = sp_outdir_open(dir, 0, err), fd = -1;
	if (dfd < 0)
		return NULL;
	if (resume && (fd = sp_outdir_openat(dfd, dir, SP_JOURNAL_FILE, SP_OUTDIR_UPDATE, err)) < 0 && errno != ENOENT) {
		close(dfd);
		return NULL;
	}
	FILE *fp = fd >= 0 ? fdopen(fd, "r+b") : NULL;
	if (fd >= 0 && fp == NULL) {
		sp_err_set(err, SP_EIO, "%s: %s", path, strerror(errno));
		close(fd);
		close(dfd);
		return NULL;
	}
	if (fp) {
		close(dfd);
		char line[S_LINE_MAX];
		char magic[64];
		unsigned long long fp_old = 0;
		size_t n_old = 0;
		if (fgets(line, sizeof line, fp) == NULL
		    || sscanf(line, "%63s %llx %zu", magic, &fp_old, &n_old) != 3 || strcmp(magic, S_JOURNAL_MAGIC) != 0) {
			fclose(fp);
			sp_err_set(err, SP_EDATA, "%s: not a sheetpile journal (run without --resume to start again)", path);
			return NULL;
		}
		if (fp_old != fp_now || n_old != n) {
			fclose(fp);
			sp_err_set(err, SP_EDATA,
			           "%s: written for another version of the study, its catalogue or its solver command; "
			           "run without --resume to start again",
			           path);
			return NULL;
		}
		long good = ftell(fp);
		while (fgets(line, sizeof line, fp)) {
			size_t id;
			sp_journal_entry_t e;
			if (sp_journal_parse(line, n, &id, &e) != 0)
				break; /* a torn line: it and whatever follows is run again */
			good = ftell(fp);
			if (done[id])
				continue;
			done[id] = 1;
			meta[id] = e;
			(*resumed)++;
			sp_analysis_t *a = &out[id];
			memset(a, 0, sizeof *a);
			a->ok = e.ok;
			a->has_displacement = e.has_displacement;
			for (int k = 0; k < 9; k++)
				*S_num(a, k) = e.v[k];
			sp_strlcpy(a->reason, e.reason, sizeof a->reason);
		}
		if (fflush(fp) != 0 || ftruncate(fileno(fp), good) != 0 || fseek(fp, good, SEEK_SET) != 0) {
			fclose(fp);
			sp_err_set(err, SP_EIO, "%s: cannot cut the journal after its last whole line: %s", path,
			           strerror(errno));
			return NULL;
		}
		return fp;
	}
	fd = sp_outdir_openat(dfd, dir, SP_JOURNAL_FILE, SP_OUTDIR_REPLACE, err);
	close(dfd);
	if (fd < 0)
		return NULL;
	if ((fp = fdopen(fd, "wb")) == NULL) {
		sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	fprintf(fp, S_JOURNAL_MAGIC " %016llx %zu\n", (unsigned long long)fp_now, n);
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		fclose(fp);
		sp_err_set(err, SP_EIO, "%s: write error: %s", path, strerror(errno));
		return NULL;
	}
	return fp;
}

