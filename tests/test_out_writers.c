/* test_out_writers.c - the writers that left the command line: run.json
 * (out/run_json.c), the batch's summary.csv and index.html
 * (out/batch_summary.c), the one HTML escaper (out/html.c) and the one
 * sentence naming a design (out/describe.c).
 * Expected text: JSON strings escaped as RFC 8259 section 7 requires (" and
 * \ escaped, control characters as \u00XX); CSV fields as RFC 4180 section 2
 * (a quote inside a quoted field doubled, CRLF line ends, the same number of
 * fields on every line); HTML text with the five characters of the HTML
 * standard's "escaping a string" (& < > " ') as references. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "batch_summary.h"
#include "csv_out.h"
#include "describe.h"
#include "html.h"
#include "run_json.h"
#include "study_read.h"

#include <stdlib.h>
#include <unistd.h>

static char *slurp(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static int fields(const char *line, size_t len)
{
	int n = 1, quoted = 0;
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (line[i] == ',' && !quoted)
			n++;
	}
	return n;
}

static sp_result_t best_of(void)
{
	sp_result_t r;
	memset(&r, 0, sizeof r);
	r.cand.id = 17, r.cand.profile = 0, r.cand.grade = 0, r.cand.length = 0, r.cand.anchor = 0;
	r.cost.cost_per_m = 2385.126, r.cost.mass_kg_per_m = 1234.56, r.cost.co2_kg_per_m = 987.65;
	r.checks.util_bending = 0.8125, r.checks.util_embedment = 0.5, r.checks.util_anchor = 0.25;
	r.checks.util_max = 0.8125;
	return r;
}

static void test_html(void)
{
	FILE *fp = tmpfile();
	sp_html_text(fp, "<a href=\"x\">Tom's & Jerry's</a>");
	rewind(fp);
	char buf[256] = "";
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	OK(strcmp(buf, "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;") == 0, "the five characters escaped");
}

static void test_run_json(const char *dir, sp_study_t *st)
{
	sp_eval_stats_t s;
	memset(&s, 0, sizeof s);
	s.candidates = 7308, s.evaluated = 7308, s.feasible = 5208, s.infeasible = 2100, s.analyses_run = 4;
	s.analyses_exhaustive = 4, s.workers = 2, s.max_concurrent = 2;
	sp_strlcpy(st->name, "Quay \"B\"\\\tnorth", sizeof st->name);
	sp_result_t b = best_of();
	sp_err_t err = {0, ""};
	INT_EQ(sp_run_json_write(dir, st, &s, 4, 0.5, &b, NULL, NULL, &err), SP_OK, "run.json written");
	const char *j = slurp(dir, "run.json");
	OK(j && strstr(j, "\"study\": \"Quay \\\"B\\\"\\\\\\u0009north\",\n"), "the name escaped as a JSON string");
	OK(j && strstr(j, "\"candidates\": 7308,\n"), "candidates");
	OK(j && strstr(j, "\"evaluations_per_s\": 14616,\n"), "7308 evaluations in 0.5 s");
	OK(j && strstr(j, "\"licenses\": 4,\n"), "licences");
	OK(j && strstr(j, "\"candidate_id\": 17,\n"), "the best design's id");
	OK(j && strstr(j, "\"cost_per_m\": 2385.13,\n"), "its cost, 2 decimals");
	OK(j && strstr(j, "\"util_max\": 0.8125\n  }\n}\n"), "its util_max, the file closed");
	int depth = 0, ok = 1;
	for (const char *p = j; p && *p; p++) { /* braces balance outside strings */
		if (*p == '"')
			for (p++; *p && *p != '"'; p++)
				p += *p == '\\';
		else
			depth += (*p == '{') - (*p == '}');
		ok &= depth >= 0;
	}
	OK(j && ok && depth == 0, "braces balance");
	INT_EQ(sp_run_json_write(dir, st, &s, 4, 0.5, NULL, NULL, NULL, &err), SP_OK, "without a best design");
	j = slurp(dir, "run.json");
	OK(j && strstr(j, "\"best\": null\n}\n"), "best is null");
}

static void test_batch(const char *dir, sp_study_t *st)
{
	sp_batch_summary_row_t r[2];
	memset(r, 0, sizeof r);
	r[0].status = SP_EDATA;
	sp_strlcpy(r[0].name, "bad, \"one\"", sizeof r[0].name);
	sp_strlcpy(r[0].message, "bad.ini:3: unknown key", sizeof r[0].message);
	sp_eval_stats_t s;
	memset(&s, 0, sizeof s);
	s.candidates = 72, s.feasible = 40;
	sp_result_t b = best_of();
	sp_strlcpy(st->name, "<script>x</script>", sizeof st->name);
	sp_batch_summary_row_set(&r[1], st, &s, &b);
	char *studies[2] = {"a/bad.ini", "b/good.ini"};
	char dirs[2][256] = {"bad", "good"};
	sp_err_t err = {0, ""};
	INT_EQ(sp_batch_summary_csv(dir, studies, dirs, r, 2, &err), SP_OK, "summary.csv written");
	const char *c = slurp(dir, "summary.csv");
	OK(c && strncmp(c, "study,study_file,status,exit_code,", 34) == 0, "the header");
	OK(c && strstr(c, "\r\n\"bad, \"\"one\"\"\",\"a/bad.ini\",failed,65,\"bad.ini:3: unknown key\",\"bad\","),
	   "a failed study: quotes doubled, its exit code and message");
	int lines = 0, same = 1, header = 0;
	for (const char *p = c; p && *p;) {
		const char *e = strstr(p, "\r\n");
		if (e == NULL)
			break;
		int f = fields(p, (size_t)(e - p));
		if (lines++ == 0)
			header = f;
		same &= f == header;
		p = e + 2;
	}
	INT_EQ(lines, 3, "a header and two rows, CRLF");
	INT_EQ(header, 20, "20 fields");
	OK(same, "every row has the header's 20 fields");
	INT_EQ(sp_batch_summary_html(dir, studies, dirs, r, 2, &err), SP_OK, "index.html written");
	const char *h = slurp(dir, "index.html");
	OK(h && strstr(h, "<td>&lt;script&gt;x&lt;/script&gt;</td>") && !strstr(h, "<script>"), "a name is text, not markup");
	OK(h && strstr(h, "<a href=\"good/report.html\">report</a>"), "a link to the study's report");
	/* candidate 0 of designs/anchored-quay-wall.ini: its first profile,
	 * grade, length (10:0.5:24) and anchor level (2.0, ...) */
	OK(h && strstr(h, "<td>AZ 13-700 S355GP, 10.00 m, anchor at 2.00 m</td>"), "the design in the one sentence");
	OK(h && strstr(h, "<p>2 studies, 1 failed."), "the count of failures");
}

static void test_describe(const sp_study_t *st)
{
	sp_candidate_t c = {0};
	char buf[128];
	/* designs/anchored-quay-wall.ini: 13 profiles, 3 grades, 29 lengths, anchor levels 2.0, 1.5, 1.0, 0.5 */
	sp_candidate_at(st, 0, &c);
	c.profile = 3, c.grade = 2, c.length = 8, c.anchor = 3;
	sp_describe_design(buf, sizeof buf, st, &c);
	OK(strcmp(buf, "AZ 18-700 S460AP, 14.00 m, anchor at 0.50 m") == 0, "profile, grade, length and anchor");
	sp_describe_design(buf, 12, st, &c);
	OK(strcmp(buf, "AZ 18-700 S") == 0, "cut short to the buffer");
}

/* issue 14 finding 8: a solver's reason of 63 quotes (SP_REASON_MAX - 1) in
 * the status field; RFC 4180 section 2: the row has the header's fields,
 * every quote inside a field doubled, nothing after the last field */
static void test_long_reason(const sp_study_t *st)
{
	sp_analysis_t a;
	memset(&a, 0, sizeof a);
	memset(a.reason, '"', SP_REASON_MAX - 1);
	sp_result_t r = best_of();
	r.status = SP_CAND_FAILED;
	r.analysis = &a;
	static char row[SP_CSV_ROW_MAX];
	memset(row, 0x7f, sizeof row); /* what was not written stays DEL */
	size_t n = sp_csv_results_format(row, st, &r);
	OK(n > 0 && n < SP_CSV_ROW_MAX, "the row fits its room");
	int fine = 1;
	for (size_t i = 0; i < n; i++)
		fine &= row[i] != 0x7f && row[i] != '\0';
	OK(fine, "no byte of the row left unwritten");
	OK(n >= 2 && row[n - 2] == '\r' && row[n - 1] == '\n', "the row ends with CRLF");
	const char *st_field = strstr(row, ",\"failed:");
	int quotes = 0;
	for (const char *q = st_field ? st_field + 1 : row; st_field && q < row + n && *q != '\r'; q++)
		quotes += *q == '"';
	OK(st_field && quotes % 2 == 0, "the quotes of the row balance");
	FILE *fp = tmpfile();
	sp_csv_results_header(fp);
	rewind(fp);
	char head[2048] = "";
	if (fgets(head, sizeof head, fp) == NULL)
		head[0] = '\0';
	fclose(fp);
	INT_EQ(fields(row, n - 2), fields(head, strlen(head) - 2), "the row has the header's fields");
}

int main(void)
{
	char dir[] = "/tmp/sp-test-out-XXXXXX";
	if (mkdtemp(dir) == NULL)
		return 1;
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read("../designs/anchored-quay-wall.ini", &err);
	OK(st != NULL, "the example study reads");
	test_html();
	if (st) {
		test_describe(st);
		test_long_reason(st);
		test_run_json(dir, st);
		test_batch(dir, st);
	}
	sp_study_free(st);
	const char *names[] = {"run.json", "summary.csv", "index.html", ".sheetpile-run"};
	for (size_t i = 0; i < 4; i++) {
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
	return sp_test_done("test_out_writers");
}
