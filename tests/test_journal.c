/* test_journal.c - journal.txt (exec/journal.c): what --resume takes from it.
 *
 * A line sheetpile writes reads back bit for bit; a torn one (no line end, a
 * checksum that does not match, a line of another study's journal) is run
 * again; a whole line with a correct checksum whose numbers no solver run
 * writes (nan, inf, 1e300, a negative embedment, an id out of range, a slot
 * beyond the licences, ...) is refused, and sp_journal_open names its line.
 * The checksum is computed here from the format (FNV-1a, 32 bits, of the
 * header's fingerprint as 16 hex digits and the line), as a forger would:
 * it is no protection, the ranges are. */
#define _GNU_SOURCE
#include "harness.h"
#include "journal.h"
#include "study_read.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define FP 0x0123456789abcdefULL
#define N 12

/* body + " #checksum\n", as sp_journal_line ends a line of journal fp */
static const char *S_seal(const char *body, uint64_t fp)
{
	static char line[4096];
	char seed[17];
	snprintf(seed, sizeof seed, "%016llx", (unsigned long long)fp);
	uint32_t h = 2166136261u;
	for (const char *p = seed; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (const char *p = body; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	snprintf(line, sizeof line, "%s #%08x\n", body, (unsigned)h);
	return line;
}

static sp_analysis_t S_analysis(void)
{
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	a.ok = 1;
	a.has_displacement = 1;
	a.embedment_required_m = 2.385;
	a.embedment_equilibrium_m = 1.9875;
	a.max_moment_kNm_per_m = 412.38512345678901;
	a.max_moment_level_m = -6.1;
	a.max_shear_kN_per_m = 1e-7;
	a.anchor_force_kN_per_m = 238.5;
	a.max_displacement_mm = 23.85;
	a.top_displacement_mm = 11.9;
	a.mobilised_passive_pct = 42.0;
	return a;
}

static sp_pool_job_t S_job(void)
{
	return (sp_pool_job_t){.attempts = 2, .slot = 3, .start_s = 1.25, .end_s = 3.5};
}

/* parse a copy of line; the result, with why */
static int S_parse(const char *line, uint64_t fp, size_t *id, sp_journal_entry_t *e, char *why, size_t size)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", line);
	return sp_journal_parse(buf, N, fp, id, e, why, size);
}

static void test_round_trip(void)
{
	char line[4096], why[160];
	sp_analysis_t a = S_analysis();
	sp_pool_job_t j = S_job();
	size_t len = sp_journal_line(line, sizeof line, FP, 7, &a, &j, 0);
	INT_EQ(len, strlen(line), "the line's length");
	size_t id = 0;
	sp_journal_entry_t e;
	INT_EQ(S_parse(line, FP, &id, &e, why, sizeof why), SP_JOURNAL_WHOLE, "a line sheetpile writes is whole");
	INT_EQ(id, 7, "its id");
	int same = 1;
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
		same &= memcmp(&e.v[k], sp_checks_number(&a, k), sizeof(double)) == 0;
	OK(same, "the nine numbers read back bit for bit");
	OK(e.ok == 1 && e.has_displacement == 1 && e.attempts == 2 && e.slot == 3 && e.solver_failed == 0,
	   "ok, has_displacement, attempts, slot, solver_failed");
	OK(e.start_s == 1.25 && e.end_s == 3.5 && e.reason[0] == '\0', "times and no reason");
	/* a failed analysis with a reason that needs every escape */
	a.ok = 0;
	snprintf(a.reason, sizeof a.reason, "-solver said: 100%% \"bad\"\t#1");
	j.attempts = 0; /* never started */
	sp_journal_line(line, sizeof line, FP, 11, &a, &j, 1);
	INT_EQ(S_parse(line, FP, &id, &e, why, sizeof why), SP_JOURNAL_WHOLE, "a failed analysis' line is whole");
	OK(strcmp(e.reason, a.reason) == 0, "its reason reads back (blanks, %, tab, a leading '-', '#')");
	OK(e.attempts == 0 && e.solver_failed == 1 && id == 11, "a solver never started: 0 attempts");
	/* the same line written as the forger's S_seal writes it */
	a = S_analysis();
	j = S_job();
	sp_journal_line(line, sizeof line, FP, 0, &a, &j, 0);
	char body[4096];
	snprintf(body, sizeof body, "%.*s", (int)(strlen(line) - 11), line);
	OK(strcmp(S_seal(body, FP), line) == 0, "the checksum is FNV-1a of the fingerprint's 16 hex digits and the line");
}

static void test_torn(void)
{
	char line[4096], why[160];
	sp_analysis_t a = S_analysis();
	sp_pool_job_t j = S_job();
	size_t len = sp_journal_line(line, sizeof line, FP, 1, &a, &j, 0);
	size_t id;
	sp_journal_entry_t e;
	line[len - 1] = '\0';
	INT_EQ(S_parse(line, FP, &id, &e, why, sizeof why), SP_JOURNAL_TORN, "no line end: torn");
	line[len - 1] = '\n';
	line[len - 12] = line[len - 12] == '-' ? 'x' : '-';
	INT_EQ(S_parse(line, FP, &id, &e, why, sizeof why), SP_JOURNAL_TORN, "a byte changed: torn");
	sp_journal_line(line, sizeof line, FP, 1, &a, &j, 0);
	INT_EQ(S_parse(line, FP ^ 1, &id, &e, why, sizeof why), SP_JOURNAL_TORN,
	       "a line of another study's journal (another fingerprint): not taken");
	sp_journal_line(line, sizeof line, FP, 1, &a, &j, 0);
	line[len - 3] = (char)(line[len - 3] == 'a' ? 'A' : 'F'); /* uppercase is not how it is written */
	INT_EQ(S_parse(line, FP, &id, &e, why, sizeof why), SP_JOURNAL_TORN, "a checksum not in lowercase hex: torn");
	INT_EQ(S_parse("", FP, &id, &e, why, sizeof why), SP_JOURNAL_TORN, "an empty line: torn");
}

/* a line of the writer with one thing changed: refused, why naming field */
static void S_refused(const char *what, const char *line, const char *field)
{
	char why[160], name[320];
	size_t id;
	sp_journal_entry_t e;
	int got = S_parse(line, FP, &id, &e, why, sizeof why);
	snprintf(name, sizeof name, "%s: refused (got %d: %s)", what, got, why);
	INT_EQ(got, SP_JOURNAL_BAD, name);
	snprintf(name, sizeof name, "%s: the refusal names %s (%s)", what, field, why);
	OK(strstr(why, field) != NULL, name);
}

static void test_impossible_numbers(void)
{
	char line[4096];
	sp_pool_job_t j = S_job();
	static const struct {
		const char *what;
		int k;
		double v;
	} nums[] = {
		{"a NaN moment", 2, NAN},        {"an infinite moment", 2, INFINITY},
		{"a moment of 1e300", 2, 1e300}, {"a negative moment", 2, -500},
		{"a negative embedment", 0, -2.5}, {"a NaN mobilised resistance", 8, NAN},
		{"a level of -1e300", 3, -1e300}, {"a negative anchor force", 5, -238.5},
	};
	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
		sp_analysis_t a = S_analysis();
		*sp_checks_number(&a, nums[i].k) = nums[i].v;
		sp_journal_line(line, sizeof line, FP, 4, &a, &j, 0);
		S_refused(nums[i].what, line, sp_checks_number_names[nums[i].k]);
	}
	sp_analysis_t a = S_analysis();
	sp_journal_line(line, sizeof line, FP, N, &a, &j, 0);
	S_refused("an id out of range", line, "analysis id");
	a.ok = 2;
	sp_journal_line(line, sizeof line, FP, 4, &a, &j, 0);
	S_refused("ok = 2", line, "ok");
	a = S_analysis();
	sp_journal_line(line, sizeof line, FP, 4, &a, &j, 1);
	S_refused("ok with a failed solver", line, "ok");
	static const struct {
		const char *what, *field;
		int attempts, slot;
		double start, end;
	} jobs[] = {
		{"no attempt for a result", "attempts", 0, 0, 1, 2},
		{"2^31 - 1 attempts", "attempts", 2147483647, 0, 1, 2},
		{"a slot beyond the licences", "slot", 1, 1000000, 1, 2},
		{"a negative slot", "slot", 1, -1, 1, 2},
		{"a negative start", "start_s", 1, 0, -1, 2},
		{"a NaN start", "start_s", 1, 0, NAN, 2},
		{"an end before the start", "end_s", 1, 0, 5, 2},
		{"an end of 1e300 s", "end_s", 1, 0, 1, 1e300},
	};
	for (size_t i = 0; i < sizeof jobs / sizeof *jobs; i++) {
		sp_pool_job_t q = S_job();
		q.attempts = jobs[i].attempts, q.slot = jobs[i].slot, q.start_s = jobs[i].start, q.end_s = jobs[i].end;
		sp_journal_line(line, sizeof line, FP, 4, &a, &q, 0);
		S_refused(jobs[i].what, line, jobs[i].field);
	}
	/* lines the writer never writes, sealed with a correct checksum */
	const char *good = "4 1 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0 -";
	char why[160];
	size_t id;
	sp_journal_entry_t e;
	INT_EQ(S_parse(S_seal(good, FP), FP, &id, &e, why, sizeof why), SP_JOURNAL_WHOLE, "a sealed good line is whole");
	static const struct {
		const char *what, *body, *field;
	} text[] = {
		{"a hexadecimal number", "4 1 1 0x1p1 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0 -",
		 "embedment_required_m"},
		{"nan in lowercase", "4 1 1 2.385 1.9875 nan -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0 -",
		 "max_moment_kNm_per_m"},
		{"INF", "4 1 1 2.385 1.9875 412.5 -6.1 100 INF 23.85 11.9 42 2 3 1.250000 3.500000 0 -",
		 "anchor_force_kN_per_m"},
		{"a blank too many", "4 1 1 2.385  1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0 -",
		 "the line"},
		{"a field too few", "4 1 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0",
		 "the line"},
		{"a negative id", "-1 1 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0 -",
		 "analysis id"},
		{"an id of 2^64", "18446744073709551616 1 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.25 3.5 0 -",
		 "analysis id"},
		{"a reason with %00", "4 0 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 1 a%00b",
		 "reason"},
		{"a reason with %zz", "4 0 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 1 a%zz",
		 "reason"},
		{"a reason of 70 bytes",
		 "4 0 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 1 "
		 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		 "reason"},
		{"ok with a reason", "4 1 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 0 why",
		 "ok"},
		{"solver_failed = 2", "4 0 1 2.385 1.9875 412.5 -6.1 100 238.5 23.85 11.9 42 2 3 1.250000 3.500000 2 why",
		 "solver_failed"},
	};
	for (size_t i = 0; i < sizeof text / sizeof *text; i++)
		S_refused(text[i].what, S_seal(text[i].body, FP), text[i].field);
}

/* the whole file: sp_journal_open with --resume */
static void test_open(const sp_study_t *st)
{
	char dir[] = "/tmp/sp-test-journal-XXXXXX", path[256];
	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/journal.txt", dir);
	sp_analysis_t out[N];
	sp_journal_entry_t meta[N];
	char done[N];
	size_t resumed = 0;
	uint64_t fp = 0, fp2 = 1;
	sp_err_t err = {0, ""};
	memset(done, 0, sizeof done);
	FILE *j = sp_journal_open(dir, st, N, 0, out, done, meta, &resumed, &fp, &err);
	OK(j != NULL, "a fresh journal");
	if (j == NULL)
		return;
	sp_analysis_t a = S_analysis();
	sp_pool_job_t q = S_job();
	char line[4096];
	for (size_t i = 0; i < 3; i++) {
		sp_journal_line(line, sizeof line, fp, i, &a, &q, 0);
		fputs(line, j);
	}
	fclose(j);
	/* resume: three lines taken */
	j = sp_journal_open(dir, st, N, 1, out, done, meta, &resumed, &fp2, &err);
	OK(j != NULL && resumed == 3 && done[0] && done[2] && !done[3] && fp2 == fp, "resume takes the three lines");
	OK(j && out[1].max_moment_kNm_per_m == a.max_moment_kNm_per_m, "with their numbers");
	/* a fourth line of impossible numbers, with a correct checksum */
	a.max_moment_kNm_per_m = NAN;
	sp_journal_line(line, sizeof line, fp, 3, &a, &q, 0);
	if (j) {
		fputs(line, j);
		fclose(j);
	}
	memset(done, 0, sizeof done);
	j = sp_journal_open(dir, st, N, 1, out, done, meta, &resumed, &fp2, &err);
	OK(j == NULL, "a journal with a NaN moment is refused");
	INT_EQ(err.code, SP_EDATA, "with EX_DATAERR");
	OK(strstr(err.text, "journal.txt:5: max_moment_kNm_per_m") != NULL, "naming the line (5: the header is 1) and the key");
	OK(strstr(err.text, "without --resume") != NULL, "and how to start again");
	if (j)
		fclose(j);
	/* the refused journal is left as it was (nothing cut) */
	FILE *r = fopen(path, "rb");
	int lines = 0, ch;
	while (r && (ch = getc(r)) != EOF)
		lines += ch == '\n';
	if (r)
		fclose(r);
	INT_EQ(lines, 5, "the refused journal is not cut");
	/* the same line torn instead (a crash while appending): cut off, the rest taken */
	if (truncate(path, 0) == 0 && (r = fopen(path, "wb")) != NULL) {
		fprintf(r, "sheetpile-journal-2 %016llx %d\n", (unsigned long long)fp, N);
		a = S_analysis();
		sp_journal_line(line, sizeof line, fp, 5, &a, &q, 0);
		fputs(line, r);
		sp_journal_line(line, sizeof line, fp, 6, &a, &q, 0);
		fwrite(line, 1, strlen(line) - 3, r);
		fclose(r);
	}
	memset(done, 0, sizeof done);
	j = sp_journal_open(dir, st, N, 1, out, done, meta, &resumed, &fp2, &err);
	OK(j != NULL && resumed == 1 && done[5] && !done[6], "a torn last line is run again, the whole one taken");
	if (j) {
		fseek(j, 0, SEEK_END);
		OK(ftell(j) == (long)(21 + 16 + 3 + strlen(line)), "the torn line is cut off");
		fclose(j);
	}
	/* a journal of the format before (its checksums without the fingerprint) */
	if ((r = fopen(path, "wb")) != NULL) {
		fprintf(r, "sheetpile-journal-1 %016llx %d\n", (unsigned long long)fp, N);
		fclose(r);
	}
	j = sp_journal_open(dir, st, N, 1, out, done, meta, &resumed, &fp2, &err);
	OK(j == NULL && strstr(err.text, "another version of sheetpile") != NULL, "a journal of the format before: refused");
	if (j)
		fclose(j);
	remove(path);
	rmdir(dir);
}

int main(void)
{
	test_round_trip();
	test_torn();
	test_impossible_numbers();
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read("../designs/licensed-solver.ini", &err);
	OK(st != NULL && st->solver != NULL, "the licensed-solver study reads");
	if (st && st->solver)
		test_open(st);
	sp_study_free(st);
	return sp_test_done("journal");
}
