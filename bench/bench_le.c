/* bench_le.c - candidates evaluated per second by the limit-equilibrium
 * pipeline (analyses shared, checks and cost per candidate), for 1 and 2
 * threads, without and with writing results.csv, and peak memory.
 * Usage: bench_le STUDY.ini [repeats] */
#define _POSIX_C_SOURCE 200809L
#include "csv_out.h"
#include "evaluate.h"
#include "rank.h"
#include "study.h"
#include "study_read.h"

#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static long peak_rss_kb(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss;
}

typedef struct {
	const sp_study_t *st;
	FILE *csv;    /* NULL: no results.csv */
	sp_rank_t *rk;
	size_t total;
} sink_t;

static size_t prepare(void *data, const sp_result_t *rows, size_t n, char *out)
{
	sink_t *s = data;
	return s->csv ? sp_csv_results_format_rows(out, s->st, rows, n) : 0;
}

static int consume(void *data, const sp_result_t *rows, size_t n, const char *text, size_t bytes)
{
	sink_t *s = data;
	if (s->csv)
		fwrite(text, 1, bytes, s->csv);
	sp_rank_add(s->rk, rows, n);
	s->total += n;
	return 0;
}

/* one pass over the study, as `sheetpile run` does it; returns seconds */
static double pass(const sp_study_t *st, const sp_catalogue_t *cat, int threads, FILE *csv, size_t *n_out)
{
	sp_err_t err;
	sp_eval_opts_t o = {.threads = threads, .licenses = 1024};
	double t0 = now_s();
	sp_eval_t *ev = sp_eval_alloc(st, cat, &o, &err);
	sp_rank_t *rk = sp_rank_alloc((size_t)st->top_k);
	if (!ev || !rk) {
		fprintf(stderr, "bench: %s\n", err.text);
		exit(1);
	}
	sink_t s = {st, csv, rk, 0};
	sp_eval_sink_t sink = {.bytes_per_row = SP_CSV_ROW_MAX, .prepare = prepare, .consume = consume, .data = &s};
	if (sp_eval_drain(ev, &sink) != 0)
		exit(1);
	size_t nb;
	sp_rank_best(rk, &nb);
	double sec = now_s() - t0;
	sp_rank_free(rk);
	sp_eval_free(ev);
	*n_out = s.total;
	return sec;
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off();
	sp_eval_tune_memory();
	const char *path = argc > 1 ? argv[1] : "bench/data/large-quay.ini";
	int repeats = argc > 2 ? atoi(argv[2]) : 3;
	sp_err_t err;
	sp_study_t *st = sp_study_read(path, &err);
	sp_catalogue_t *cat = st ? sp_catalogue_read(st->catalogue_path, st->grades_path, &err) : NULL;
	if (!st || !cat || sp_study_resolve(st, cat, &err) != SP_OK) {
		fprintf(stderr, "bench: %s\n", err.text);
		return 1;
	}
	printf("study %s: %zu candidates, %zu distinct analyses, best of %d runs\n", path, sp_study_n_candidates(st),
	       st->n_anchors, repeats);
	printf("%-34s %8s %14s %10s\n", "pass", "threads", "candidates/s", "speedup");
	double base[2] = {0, 0};
	for (int w = 0; w < 2; w++) {
		for (int threads = 1; threads <= 2; threads++) {
			double best = 1e30;
			size_t n = 0;
			for (int r = 0; r < repeats; r++) {
				FILE *csv = w ? fopen("/dev/null", "w") : NULL;
				double s = pass(st, cat, threads, csv, &n);
				if (csv)
					fclose(csv);
				if (s < best)
					best = s;
			}
			double rate = (double)n / best;
			if (threads == 1)
				base[w] = rate;
			printf("%-34s %8d %14.0f %9.2fx\n", w ? "evaluate + rank + write results.csv" : "evaluate + rank",
			       threads, rate, rate / base[w]);
		}
	}
	printf("peak RSS %.1f MB\n", (double)peak_rss_kb() / 1024.0);
	sp_catalogue_free(cat);
	sp_study_free(st);
	return 0;
}
