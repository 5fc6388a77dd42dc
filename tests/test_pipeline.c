/* test_pipeline.c - the library pipeline on the example quay study:
 * results.csv parses back as RFC 4180 with libcsv (every row as wide as the
 * header, text fields intact, numbers finite), the ranking is sorted by the
 * objective with ties broken by candidate id, top-k keeps exactly the k best
 * feasible rows, results do not depend on the thread count or chunk size, the
 * licence bound holds, and the LE analysis runs once per anchor option. */
#include "harness.h"

#include "candidate.h"
#include "csv_out.h"
#include "evaluate.h"
#include "rank.h"
#include "study.h"
#include "study_read.h"

#include <csv.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>

typedef struct {
	size_t field, row, width;
	int bad_width;
	char header[64][64];
	int col_profile, col_cost;
	char profile[128];
	double cost;
	int bad_number;
	size_t rows;
} S_parse;

static void S_field(void *s, size_t len, void *data)
{
	S_parse *p = data;
	char buf[256];
	size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (p->row == 0 && p->field < 64)
		snprintf(p->header[p->field], sizeof p->header[0], "%.63s", buf);
	if (p->row > 0 && (int)p->field == p->col_profile)
		snprintf(p->profile, sizeof p->profile, "%.127s", buf);
	if (p->row > 0 && (int)p->field == p->col_cost) {
		char *end;
		p->cost = strtod(buf, &end);
		if (*end || !isfinite(p->cost))
			p->bad_number = 1;
	}
	p->field++;
}

static void S_row(int c, void *data)
{
	(void)c;
	S_parse *p = data;
	if (p->row == 0) {
		p->width = p->field;
		for (size_t i = 0; i < p->width; i++) {
			if (strcmp(p->header[i], "profile") == 0)
				p->col_profile = (int)i;
			if (strcmp(p->header[i], "cost_per_m") == 0)
				p->col_cost = (int)i;
		}
	} else {
		if (p->field != p->width)
			p->bad_width = 1;
		p->rows++;
	}
	p->row++;
	p->field = 0;
}

/* sp_eval_drain: a sink that formats in prepare and appends in consume,
 * checking what it is handed; stop_at > 0: consume fails at that call */
typedef struct {
	const sp_study_t *st;
	FILE *fp;
	sp_rank_t *rk;
	int bad_order, stop_at, calls;
	size_t next_id;
	double *obj; /* objectives of the feasible rows, or NULL */
	size_t n_obj;
} S_sink;

static size_t S_prepare(void *data, const sp_result_t *rows, size_t n, char *out)
{
	const S_sink *k = data;
	return sp_csv_results_format_rows(out, k->st, rows, n);
}

static int S_consume(void *data, const sp_result_t *rows, size_t n, const char *text, size_t bytes)
{
	S_sink *k = data;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].cand.id != k->next_id++)
			k->bad_order = 1;
		if (k->obj && rows[i].status == SP_CAND_OK)
			k->obj[k->n_obj++] = rows[i].cost.objective;
	}
	fwrite(text, 1, bytes, k->fp);
	if (k->rk)
		sp_rank_add(k->rk, rows, n);
	return ++k->calls == k->stop_at ? SP_EIO : SP_OK;
}

/* the whole file of a tmpfile, NUL-terminated; closes it */
static char *S_slurp(FILE *fp, size_t *len)
{
	long size = ftell(fp);
	char *buf = malloc((size_t)size + 1);
	rewind(fp);
	*len = fread(buf, 1, (size_t)size, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

/* results.csv and ranking.csv of a whole run (sp_eval_drain) into memory;
 * *rc the drain's return, *k what the sink saw */
static char *S_run(const sp_study_t *st, const sp_catalogue_t *cat, int threads, int licenses, size_t chunk,
                   int stop_at, size_t *len, sp_eval_stats_t *stats, char **ranking, int *rc, S_sink *k)
{
	sp_err_t err;
	sp_eval_opts_t o = {.threads = threads, .licenses = licenses, .chunk = chunk};
	sp_eval_t *ev = sp_eval_alloc(st, cat, &o, &err);
	memset(k, 0, sizeof *k);
	k->st = st;
	k->fp = tmpfile();
	k->rk = sp_rank_alloc((size_t)st->top_k);
	k->stop_at = stop_at;
	FILE *rf = tmpfile();
	sp_csv_results_header(k->fp);
	sp_eval_sink_t sink = {.bytes_per_row = SP_CSV_ROW_MAX, .prepare = S_prepare, .consume = S_consume, .data = k};
	*rc = sp_eval_drain(ev, &sink);
	sp_eval_stats(ev, stats);
	size_t nb;
	const sp_result_t *best = sp_rank_best(k->rk, &nb);
	sp_csv_ranking_header(rf);
	for (size_t i = 0; i < nb; i++)
		sp_csv_ranking_row(rf, st, i + 1, &best[i]);
	size_t rlen;
	*ranking = S_slurp(rf, &rlen);
	sp_rank_free(k->rk);
	k->rk = NULL;
	sp_eval_free(ev);
	return S_slurp(k->fp, len);
}

int main(void)
{
	gsl_set_error_handler_off();
	sp_err_t err;
	sp_study_t *st = sp_study_read("../designs/anchored-quay-wall.ini", &err);
	OK(st != NULL, "example quay study reads");
	if (!st) {
		printf("%s\n", err.text);
		return sp_test_done("test_pipeline");
	}
	sp_catalogue_t *cat = sp_catalogue_read(st->catalogue_path, st->grades_path, &err);
	OK(cat != NULL && sp_study_resolve(st, cat, &err) == SP_OK, "catalogue and resolve");
	size_t ncand = sp_study_n_candidates(st);

	/* decoding is a bijection */
	int bij = 1;
	for (size_t id = 0; id < ncand; id++) {
		sp_candidate_t c;
		sp_candidate_at(st, id, &c);
		if (sp_candidate_id(st, c.profile, c.grade, c.length, c.anchor) != id)
			bij = 0;
	}
	OK(bij, "candidate index <-> axes round trip");

	size_t len1, len2, len3;
	sp_eval_stats_t s1, s2, s3;
	char *r1, *r2, *r3;
	int rc1, rc2, rc3;
	S_sink sk1, sk2, sk3;
	char *a = S_run(st, cat, 1, 1000, 0, 0, &len1, &s1, &r1, &rc1, &sk1);
	char *b = S_run(st, cat, 2, 1000, 37, 0, &len2, &s2, &r2, &rc2, &sk2);
	char *c = S_run(st, cat, 4, 1, 1000, 0, &len3, &s3, &r3, &rc3, &sk3);
	OK(rc1 == SP_OK && rc2 == SP_OK && rc3 == SP_OK, "three runs drain");
	OK(!sk1.bad_order && !sk2.bad_order && !sk3.bad_order && sk1.next_id == ncand && sk2.next_id == ncand,
	   "rows handed over in candidate order, every one once");
	OK(sk2.calls > 1 && (size_t)sk2.calls >= ncand / 37, "chunk 37: chunks of at most 37 rows");
	OK(len1 == len2 && memcmp(a, b, len1) == 0, "results identical: 1 thread vs 2 threads, chunk 37");
	OK(len1 == len3 && memcmp(a, c, len1) == 0, "results identical: 1 licence");
	OK(strcmp(r1, r2) == 0 && strcmp(r1, r3) == 0, "ranking identical for any thread/licence count");
	INT_EQ(s3.workers, 1, "1 licence: 1 worker");
	OK(s3.max_concurrent <= 1, "1 licence: never more than one evaluation at once");
	OK(s2.max_concurrent <= 2, "2 threads: at most two at once");
	INT_EQ(s1.analyses_run, st->n_anchors, "LE analysis once per anchor option");
	INT_EQ(s1.evaluated, ncand, "every candidate evaluated");
	INT_EQ(s1.feasible + s1.infeasible + s1.failed, ncand, "statuses add up");

	/* the pipeline on 1-4 threads and 3 licences: the same bytes, rows in
	 * candidate order, at most one evaluation per licence; a consumer's
	 * error stops it */
	for (int threads = 1; threads <= 4; threads++) {
		S_sink k;
		size_t dlen;
		int rc;
		sp_eval_stats_t ds;
		char *rr, what[96];
		char *d = S_run(st, cat, threads, threads == 4 ? 3 : 1000, 0, 0, &dlen, &ds, &rr, &rc, &k);
		snprintf(what, sizeof what, "drain on %d threads: results and ranking identical to 1 thread", threads);
		OK(rc == SP_OK && dlen == len1 && memcmp(a, d, len1) == 0 && strcmp(rr, r1) == 0, what);
		snprintf(what, sizeof what, "drain on %d threads: rows in candidate order, counted", threads);
		OK(!k.bad_order && k.next_id == ncand && ds.evaluated == ncand && ds.feasible == s1.feasible, what);
		snprintf(what, sizeof what, "drain on %d threads: more than one chunk", threads);
		OK(k.calls > 1, what);
		if (threads == 4) {
			INT_EQ(ds.workers, 3, "3 licences: 3 workers");
			OK(ds.max_concurrent <= 3, "drain, 3 licences: never more than 3 evaluations at once");
		}
		free(d), free(rr);
		d = S_run(st, cat, threads, 1000, 0, 2, &dlen, &ds, &rr, &rc, &k);
		snprintf(what, sizeof what, "drain on %d threads: a consumer's error is returned", threads);
		INT_EQ(rc, SP_EIO, what);
		snprintf(what, sizeof what, "drain on %d threads: nothing consumed after the error", threads);
		OK(k.calls == 2 && ds.evaluated == k.next_id && ds.evaluated < ncand, what);
		free(d), free(rr);
	}

	/* RFC 4180 parse back with libcsv (strict) */
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	S_parse ps;
	memset(&ps, 0, sizeof ps);
	ps.col_profile = ps.col_cost = -1;
	size_t used = csv_parse(&p, a, len1, S_field, S_row, &ps);
	OK(used == len1, "libcsv parses the whole results.csv");
	OK(csv_fini(&p, S_field, S_row, &ps) == 0, "libcsv: no unterminated field");
	csv_free(&p);
	INT_EQ(ps.rows, ncand, "one row per candidate");
	OK(!ps.bad_width, "every row as wide as the header");
	OK(!ps.bad_number, "cost_per_m parses as a finite number");
	OK(ps.col_profile == 1 && ps.col_cost > 0, "profile and cost_per_m columns found");
	OK(strcmp(ps.profile, st->profiles[st->n_profiles - 1]) == 0, "profile name with a space survives quoting");
	const char *stable[] = {"candidate_id", "profile", "grade", "length_m", "anchor_level_m", "status", "feasible",
	                        "embedment_required_m", "max_moment_kNm_per_m", "max_shear_kN_per_m",
	                        "max_displacement_mm", "anchor_force_kN_per_m", "util_bending", "util_embedment",
	                        "util_max", "mass_kg_per_m", "co2_kg_per_m", "cost_per_m"};
	for (size_t i = 0; i < sizeof stable / sizeof *stable; i++) {
		int found = 0;
		for (size_t j = 0; j < ps.width; j++)
			found |= strcmp(ps.header[j], stable[i]) == 0;
		OK(found, stable[i]);
	}

	/* ranking: sorted, ties by id, exactly the k best feasible */
	sp_eval_opts_t o = {.threads = 2, .licenses = 1000};
	sp_eval_t *ev = sp_eval_alloc(st, cat, &o, &err);
	sp_rank_t *rk = sp_rank_alloc(7);
	double *obj = malloc(ncand * sizeof *obj);
	S_sink ks = {st, tmpfile(), rk, 0, 0, 0, 0, obj, 0};
	sp_eval_sink_t sink = {.bytes_per_row = SP_CSV_ROW_MAX, .prepare = S_prepare, .consume = S_consume, .data = &ks};
	OK(sp_eval_drain(ev, &sink) == SP_OK, "drain for the ranking");
	fclose(ks.fp);
	size_t nfeas = ks.n_obj;
	size_t nb;
	const sp_result_t *best = sp_rank_best(rk, &nb);
	INT_EQ(nb, 7, "top-k keeps k rows");
	int sorted = 1, all_ok = 1;
	for (size_t i = 0; i < nb; i++) {
		all_ok &= best[i].status == SP_CAND_OK;
		if (i && (best[i].cost.objective < best[i - 1].cost.objective
		          || (best[i].cost.objective == best[i - 1].cost.objective && best[i].cand.id < best[i - 1].cand.id)))
			sorted = 0;
	}
	OK(sorted, "ranking sorted by objective, ties by candidate id");
	OK(all_ok, "ranking holds feasible designs only");
	size_t better = 0; /* feasible rows strictly cheaper than the 7th */
	for (size_t i = 0; i < nfeas; i++)
		better += obj[i] < best[nb - 1].cost.objective;
	OK(better <= 6, "no feasible design cheaper than the 7th is left out");
	free(obj);
	sp_rank_free(rk);
	sp_eval_free(ev);

	/* top-k over an unsorted stream: objectives 5, 1, 3, 4 with k = 3 must
	 * keep 1, 3, 4 (the 3 best), whatever order they arrive in */
	{
		sp_result_t in[4];
		memset(in, 0, sizeof in);
		double v[4] = {5, 1, 3, 4};
		for (size_t i = 0; i < 4; i++) {
			in[i].status = SP_CAND_OK;
			in[i].cand.id = i;
			in[i].cost.objective = v[i];
		}
		sp_rank_t *r3k = sp_rank_alloc(3);
		sp_rank_add(r3k, in, 4);
		size_t k3;
		const sp_result_t *t = sp_rank_best(r3k, &k3);
		INT_EQ(k3, 3, "top-3 of 4 keeps 3");
		OK(k3 == 3 && t[0].cost.objective == 1 && t[1].cost.objective == 3 && t[2].cost.objective == 4,
		   "top-3 of (5, 1, 3, 4) is (1, 3, 4)");
		sp_rank_free(r3k);
	}

	free(a), free(b), free(c), free(r1), free(r2), free(r3);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return sp_test_done("test_pipeline");
}
