/* journal.c - journal.txt of engine exec: one line per finished analysis,
 * with a checksum, so that --resume keeps what an interrupted run finished;
 * a line is taken only when its numbers are those a solver run can give. */
#define _GNU_SOURCE /* fsync, ftruncate */
#include "journal.h"
#include "outfile.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#define S_JOURNAL_MAGIC "sheetpile-journal-2"
#define S_JOURNAL_FAMILY "sheetpile-journal-"
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

/* FNV-1a (32 bits) of the header's fingerprint, as its 16 hex digits, and
 * then of the line: a line of another study's journal does not match. */
uint32_t sp_journal_checksum(uint64_t fingerprint, const char *s, size_t n)
{
	char seed[24];
	snprintf(seed, sizeof seed, "%016llx", (unsigned long long)fingerprint);
	uint32_t h = 2166136261u;
	for (size_t i = 0; seed[i]; i++) {
		h ^= (unsigned char)seed[i];
		h *= 16777619u;
	}
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* One journal line (with its newline) into buf. */
size_t sp_journal_line(char *buf, size_t size, uint64_t fingerprint, size_t id, const sp_analysis_t *a,
                       const sp_pool_job_t *j, int solver_failed)
{
	size_t n = (size_t)snprintf(buf, size, "%zu %d %d", id, a->ok, a->has_displacement);
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
		n += (size_t)snprintf(buf + n, size - n, " %.17g", *sp_checks_number((sp_analysis_t *)a, k));
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
	n += (size_t)snprintf(buf + n, size - n, " #%08x\n", (unsigned)sp_journal_checksum(fingerprint, buf, n));
	return n;
}

/* ---- reading a line back ------------------------------------------------------------ */

/* id ok has_displacement, the numbers, attempts slot start_s end_s solver_failed reason */
#define S_N_FIELDS (3 + SP_CHECKS_N_NUMBERS + 6)
#define S_ATTEMPTS_MAX (1 + 100 + 1000000) /* [solver] retries <= 100, licence_denied_retries <= 1e6 */
#define S_SLOTS_MAX 1000000                /* [run] licenses and --licenses are at most 1e6 */
#define S_TIME_MAX 1e9                     /* s, about 32 years */

static int S_bad(char *why, size_t size, const char *field, const char *want, const char *got)
{
	snprintf(why, size, "%s: expected %s, got '%.40s'", field, want, got);
	return SP_JOURNAL_BAD;
}

/* digits only, at most hi: 0, else -1 */
static int S_whole(const char *t, unsigned long long hi, unsigned long long *v)
{
	size_t len = strlen(t);
	if (len == 0 || len > 19 || strspn(t, "0123456789") != len)
		return -1;
	*v = strtoull(t, NULL, 10);
	return *v <= hi ? 0 : -1;
}

/* a finite number in [lo, hi] as %.17g or %.6f writes it (no nan, inf or
 * hexadecimal): 0, else -1 */
static int S_real(const char *t, double lo, double hi, double *v)
{
	size_t len = strlen(t);
	char *end;
	if (len == 0 || strspn(t, "0123456789+-.eE") != len)
		return -1;
	*v = strtod(t, &end);
	return end == t + len && isfinite(*v) && *v >= lo && *v <= hi ? 0 : -1;
}

static int S_hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The reason as sp_journal_line escapes it ("-" for none) into out: 0, or -1
 * for anything it does not write. */
static int S_reason(const char *t, char *out, size_t size)
{
	size_t k = 0;
	out[0] = '\0';
	if (strcmp(t, "-") == 0)
		return 0;
	for (const char *p = t; *p; p++) {
		int ch = (unsigned char)*p;
		if (ch == '%') {
			int hi = S_hex(p[1]), lo = hi < 0 ? -1 : S_hex(p[2]);
			if (lo < 0 || (ch = hi * 16 + lo) == 0)
				return -1;
			p += 2;
		} else if (ch <= ' ' || ch >= 0x7f || (ch == '-' && p == t)) {
			return -1;
		}
		if (k + 1 >= size)
			return -1;
		out[k++] = (char)ch;
	}
	out[k] = '\0';
	return 0;
}

/* Parse a journal line: whole, torn or impossible. */
int sp_journal_parse(char *line, size_t n_analyses, uint64_t fingerprint, size_t *id, sp_journal_entry_t *e,
                     char *why, size_t why_size)
{
	snprintf(why, why_size, "torn");
	memset(e, 0, sizeof *e);
	/* whole: " #", the 8 hex digits of the right checksum, the line end */
	size_t len = strlen(line);
	if (len < 12 || line[len - 1] != '\n' || line[len - 11] != ' ' || line[len - 10] != '#'
	    || strspn(line + len - 9, "0123456789abcdef") != 8
	    || (uint32_t)strtoul(line + len - 9, NULL, 16) != sp_journal_checksum(fingerprint, line, len - 11))
		return SP_JOURNAL_TORN;
	line[len - 11] = '\0';
	char *f[S_N_FIELDS];
	int nf = 0;
	for (char *p = line; p != NULL; nf++) {
		if (nf == S_N_FIELDS)
			return S_bad(why, why_size, "the line", "18 fields", "more");
		f[nf] = p;
		if ((p = strchr(p, ' ')) != NULL)
			*p++ = '\0';
	}
	if (nf != S_N_FIELDS)
		return S_bad(why, why_size, "the line", "18 fields", "fewer");
	unsigned long long u;
	if (n_analyses == 0 || S_whole(f[0], n_analyses - 1, &u) != 0)
		return S_bad(why, why_size, "analysis id", "an analysis of this study", f[0]);
	*id = (size_t)u;
	static const char *const flags[] = {"ok", "has_displacement"};
	for (int k = 0; k < 2; k++) {
		if (S_whole(f[1 + k], 1, &u) != 0)
			return S_bad(why, why_size, flags[k], "0 or 1", f[1 + k]);
		*(k == 0 ? &e->ok : &e->has_displacement) = (int)u;
	}
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
		if (S_real(f[3 + k], -INFINITY, INFINITY, &e->v[k]) != 0 || sp_checks_number_range(k, e->v[k]) != NULL)
			return S_bad(why, why_size, sp_checks_number_names[k], sp_checks_number_range(k, NAN), f[3 + k]);
	char **g = f + 3 + SP_CHECKS_N_NUMBERS; /* attempts slot start_s end_s solver_failed reason */
	if (S_whole(g[0], S_ATTEMPTS_MAX, &u) != 0)
		return S_bad(why, why_size, "attempts", "a count from 0 to 1000101", g[0]);
	e->attempts = (int)u;
	if (S_whole(g[1], S_SLOTS_MAX - 1, &u) != 0)
		return S_bad(why, why_size, "slot", "a licence slot from 0 to 999999", g[1]);
	e->slot = (int)u;
	if (S_real(g[2], 0, S_TIME_MAX, &e->start_s) != 0)
		return S_bad(why, why_size, "start_s", "a time from 0 to 1e9 s", g[2]);
	if (S_real(g[3], e->start_s, S_TIME_MAX, &e->end_s) != 0)
		return S_bad(why, why_size, "end_s", "a time from start_s to 1e9 s", g[3]);
	if (S_whole(g[4], 1, &u) != 0)
		return S_bad(why, why_size, "solver_failed", "0 or 1", g[4]);
	e->solver_failed = (int)u;
	if (S_reason(g[5], e->reason, sizeof e->reason) != 0)
		return S_bad(why, why_size, "reason", "printable text with %XX escapes, under 64 bytes", g[5]);
	if (e->ok && (e->solver_failed || e->reason[0]))
		return S_bad(why, why_size, "ok", "0 with a solver failure or a reason", f[1]);
	if (e->attempts == 0 && !e->solver_failed)
		return S_bad(why, why_size, "attempts", "at least 1 for a solver that gave a result", g[0]);
	return SP_JOURNAL_WHOLE;
}

/* Open the journal: a fresh one, or (resume) the old one with its whole
 * lines loaded into out[] and done[], a torn tail cut off. */
FILE *sp_journal_open(const char *dir, const sp_study_t *st, size_t n, int resume, sp_analysis_t *out,
                      char *done, sp_journal_entry_t *meta, size_t *resumed, uint64_t *fingerprint, sp_err_t *err)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/" SP_JOURNAL_FILE, dir);
	uint64_t fp_now = S_fingerprint(st, n);
	*fingerprint = fp_now;
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
		char line[S_LINE_MAX], header[128], why[160];
		snprintf(header, sizeof header, S_JOURNAL_MAGIC " %016llx %zu\n", (unsigned long long)fp_now, n);
		const char *wrong = NULL;
		if (fgets(line, sizeof line, fp) == NULL || strncmp(line, S_JOURNAL_FAMILY, strlen(S_JOURNAL_FAMILY)) != 0)
			wrong = "not a sheetpile journal";
		else if (strncmp(line, S_JOURNAL_MAGIC " ", strlen(S_JOURNAL_MAGIC " ")) != 0)
			wrong = "written by another version of sheetpile";
		else if (strcmp(line, header) != 0)
			wrong = "written for another version of the study, its catalogue or its solver command";
		if (wrong) {
			fclose(fp);
			sp_err_set(err, SP_EDATA, "%s: %s; run without --resume to start again", path, wrong);
			return NULL;
		}
		long good = ftell(fp);
		for (int lineno = 2; fgets(line, sizeof line, fp); lineno++) {
			size_t id;
			sp_journal_entry_t e;
			int got = sp_journal_parse(line, n, fp_now, &id, &e, why, sizeof why);
			if (got == SP_JOURNAL_TORN)
				break; /* a torn line: it and whatever follows is run again */
			if (got == SP_JOURNAL_BAD) {
				fclose(fp);
				sp_err_set(err, SP_EDATA,
				           "%s:%d: %s: not a line a solver run writes (the journal was changed); run without "
				           "--resume to start again",
				           path, lineno, why);
				return NULL;
			}
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
			for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
				*sp_checks_number(a, k) = e.v[k];
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
