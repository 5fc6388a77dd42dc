/* fuzz_journal.c - libFuzzer harness of the journal.txt reader
 * (src/exec/journal.c): what --resume takes from a journal.
 *
 * The first byte chooses how the lines are used: even, each line of the rest
 * is the text of a journal line and the harness adds the right checksum (a
 * forger can: it is no secret), so the fields are what gets fuzzed; odd, the
 * lines are taken as they are (torn lines, wrong checksums). The lines go
 * (1) one by one to sp_journal_parse: a line it takes has every number in
 * its range and reads back the same after sp_journal_line writes it again;
 * a line it refuses says why; and (2) after the header of a fresh journal of
 * designs/licensed-solver.ini to sp_journal_open with --resume: a journal or
 * an error with a sysexits code and a message, never a crash. */
#include "fuzz_common.h"

#include "journal.h"
#include "study_read.h"

#include <math.h>

#define S_JN_N 24 /* analyses of the fuzzed journal */

static sp_study_t *S_jn_st;
static char S_jn_dir[256];
static uint64_t S_jn_fp;

static void S_jn_cleanup(void)
{
	char path[300];
	snprintf(path, sizeof path, "%s/" SP_JOURNAL_FILE, S_jn_dir);
	remove(path);
	rmdir(S_jn_dir);
	sp_study_free(S_jn_st);
}

/* the study, a scratch directory and the header's fingerprint, once */
static int S_jn_init(void)
{
	static int done, good;
	if (done++)
		return good;
	sp_err_t err = {0, ""};
	S_jn_st = sp_study_read(SP_DATA_DIR "/licensed-solver.ini", &err);
	const char *tmp = getenv("TMPDIR");
	snprintf(S_jn_dir, sizeof S_jn_dir, "%s/sheetpile-fuzz-journal-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (S_jn_st == NULL || S_jn_st->solver == NULL || mkdtemp(S_jn_dir) == NULL)
		return 0;
	atexit(S_jn_cleanup);
	static sp_analysis_t out[S_JN_N];
	static sp_journal_entry_t meta[S_JN_N];
	char done_[S_JN_N] = {0};
	size_t resumed;
	FILE *fp = sp_journal_open(S_jn_dir, S_jn_st, S_JN_N, 0, out, done_, meta, &resumed, &S_jn_fp, &err);
	if (fp == NULL)
		return 0;
	fclose(fp);
	return good = 1;
}

/* a whole line: every field in range, and written again it reads back the same */
static void S_jn_check_whole(size_t id, const sp_journal_entry_t *e)
{
	if (id >= S_JN_N || (e->ok != 0 && e->ok != 1) || (e->has_displacement != 0 && e->has_displacement != 1)
	    || (e->solver_failed != 0 && e->solver_failed != 1) || (e->ok && e->solver_failed)
	    || e->attempts < 0 || e->attempts > 1 + 100 + 1000000 || e->slot < 0 || e->slot >= 1000000
	    || !(e->start_s >= 0 && e->start_s <= e->end_s && e->end_s <= 1e9)
	    || strlen(e->reason) >= sizeof e->reason)
		FUZZ_FAIL();
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	a.ok = e->ok;
	a.has_displacement = e->has_displacement;
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++) {
		if (!isfinite(e->v[k]) || sp_checks_number_range(k, e->v[k]) != NULL)
			FUZZ_FAIL();
		*sp_checks_number(&a, k) = e->v[k];
	}
	sp_strlcpy(a.reason, e->reason, sizeof a.reason);
	sp_pool_job_t j;
	memset(&j, 0, sizeof j);
	j.attempts = e->attempts, j.slot = e->slot, j.start_s = e->start_s, j.end_s = e->end_s;
	char line[4096], why[160];
	sp_journal_line(line, sizeof line, S_jn_fp, id, &a, &j, e->solver_failed);
	size_t id2;
	sp_journal_entry_t e2;
	if (sp_journal_parse(line, S_JN_N, S_jn_fp, &id2, &e2, why, sizeof why) != SP_JOURNAL_WHOLE || id2 != id
	    || memcmp(e2.v, e->v, sizeof e->v) != 0 || strcmp(e2.reason, e->reason) != 0 || e2.ok != e->ok
	    || e2.attempts != e->attempts || e2.slot != e->slot)
		FUZZ_FAIL();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 65536 || !S_jn_init())
		return 0;
	int seal = (data[0] & 1) == 0;
	data++, size--;
	/* the journal: the header, then each line (sealed or as it is) */
	size_t cap = 64 + 2 * size + 16 * (size + 1);
	char *text = malloc(cap), *line = malloc(size + 32);
	if (text == NULL || line == NULL) {
		free(text);
		free(line);
		return 0;
	}
	size_t n = (size_t)snprintf(text, cap, "sheetpile-journal-2 %016llx %d\n", (unsigned long long)S_jn_fp, S_JN_N);
	for (size_t at = 0; at < size;) {
		const uint8_t *nl = memchr(data + at, '\n', size - at);
		size_t len = nl ? (size_t)(nl - (data + at)) : size - at;
		memcpy(line, data + at, len);
		at += len + (nl != NULL);
		if (seal)
			len += (size_t)snprintf(line + len, 16, " #%08x\n",
			                        (unsigned)sp_journal_checksum(S_jn_fp, line, len));
		else if (nl)
			line[len++] = '\n';
		line[len] = '\0';
		memcpy(text + n, line, len);
		n += len;
		/* (1) the line alone (a NUL inside ends it early, as fgets would not: both are fine) */
		size_t id;
		sp_journal_entry_t e;
		char why[160] = "";
		int got = sp_journal_parse(line, S_JN_N, S_jn_fp, &id, &e, why, sizeof why);
		if (got == SP_JOURNAL_WHOLE)
			S_jn_check_whole(id, &e);
		else if ((got != SP_JOURNAL_TORN && got != SP_JOURNAL_BAD) || why[0] == '\0')
			FUZZ_FAIL();
	}
	free(line);
	/* (2) the whole journal through sp_journal_open --resume */
	const char *path = fuzz_scratch((const uint8_t *)text, n, ".txt");
	free(text);
	char dst[300];
	snprintf(dst, sizeof dst, "%s/" SP_JOURNAL_FILE, S_jn_dir);
	if (path == NULL || rename(path, dst) != 0)
		return 0;
	static sp_analysis_t out[S_JN_N];
	static sp_journal_entry_t meta[S_JN_N];
	char done[S_JN_N] = {0};
	size_t resumed = 0;
	uint64_t fp;
	sp_err_t err = {0, ""};
	FILE *j = sp_journal_open(S_jn_dir, S_jn_st, S_JN_N, 1, out, done, meta, &resumed, &fp, &err);
	if (j == NULL) {
		fuzz_check_err(err.code ? err.code : 1, err.text);
		return 0;
	}
	size_t taken = 0;
	for (int i = 0; i < S_JN_N; i++)
		if (done[i]) {
			taken++;
			for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
				if (sp_checks_number_range(k, *sp_checks_number(&out[i], k)) != NULL)
					FUZZ_FAIL();
		}
	if (taken != resumed || fp != S_jn_fp)
		FUZZ_FAIL();
	fclose(j);
	return 0;
}
