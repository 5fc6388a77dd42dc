/* cmd_batch.c - sheetpile batch STUDY.ini... -o OUTDIR: many studies, one licence pool, one summary. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "dist.h"
#include "outfile.h"
#include "progress.h"
#include "run_study.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The sub-directory of a study: its file name without .ini, characters other
 * than letters, digits, '-', '_' and '.' replaced by '_', made unique. */
static void batch_dir_name(char *buf, size_t size, const char *study, char (*taken)[256], size_t n_taken)
{
	const char *base = strrchr(study, '/');
	base = base ? base + 1 : study;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	char name[200];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof name; i++) {
		unsigned char ch = (unsigned char)base[i];
		int okc = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'
		          || ch == '_' || ch == '.';
		name[k++] = okc ? (char)ch : '_';
	}
	name[k] = '\0';
	if (k == 0 || name[0] == '.') { /* no hidden or empty name */
		memmove(name + 5, name, k + 1 < sizeof name - 5 ? k + 1 : sizeof name - 5);
		memcpy(name, "study", 5);
		name[sizeof name - 1] = '\0';
	}
	snprintf(buf, size, "%s", name);
	for (int copy = 2;; copy++) {
		int clash = strcmp(buf, "summary.csv") == 0 || strcmp(buf, "index.html") == 0;
		for (size_t i = 0; i < n_taken && !clash; i++)
			clash = strcmp(taken[i], buf) == 0;
		if (!clash)
			return;
		snprintf(buf, size, "%s-%d", name, copy);
	}
}

/* batch STUDY.ini... -o OUTDIR [run options] */
int sp_cmd_batch(int argc, char **argv)
{
	static const char *const valued[] = {"-o", "--profile", "--grade", "--length", "--anchor-level", "--catalogue",
	                                     "--grades", "--licenses", "--licences", "--threads", "-t", "--csv-dialect",
	                                     "--results", NULL};
	char **studies = malloc((size_t)argc * sizeof *studies), **rest = malloc((size_t)argc * sizeof *rest);
	if (!studies || !rest) {
		free(studies);
		free(rest);
		fputs("[ERROR] out of memory\n", stderr);
		return SP_ESOFTWARE;
	}
	int ns = 0, nr = 0;
	for (int i = 2; i < argc; i++) {
		int takes = 0;
		for (int k = 0; valued[k]; k++)
			takes |= strcmp(argv[i], valued[k]) == 0;
		if (takes && i + 1 < argc) {
			rest[nr++] = argv[i];
			rest[nr++] = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rest[nr++] = argv[i];
		} else {
			studies[ns++] = argv[i];
		}
	}
	sp_cli_opts_t o;
	int rc = sp_cli_parse_opts(nr, rest, 0, &o);
	if (rc == 0 && (o.profile || o.grade || o.length || o.anchor || o.catalogue || o.grades))
		rc = sp_cli_usage("%s", "batch takes -o, --licenses, --threads, --csv-dialect, --results, --no-plots, --quiet and --trust-solver");
	else if (rc == 0 && ns == 0)
		rc = sp_cli_usage("%s", "batch needs study files: sheetpile batch STUDY.ini... -o OUTDIR");
	else if (rc == 0 && o.outdir == NULL)
		rc = sp_cli_usage("%s", "batch needs an output directory: sheetpile batch STUDY.ini... -o OUTDIR");
	sp_batch_summary_row_t *sum = rc ? NULL : calloc((size_t)ns, sizeof *sum);
	char(*dirs)[256] = rc ? NULL : calloc((size_t)ns, sizeof *dirs);
	if (rc == 0 && (!sum || !dirs)) {
		fputs("[ERROR] out of memory\n", stderr);
		rc = SP_ESOFTWARE;
	}
	sp_err_t err = {0};
	int first_failure = 0;
	sp_run_study_t *runs = rc ? NULL : calloc((size_t)ns, sizeof *runs);
	sp_cli_opts_t *one = rc ? NULL : calloc((size_t)ns, sizeof *one);
	sp_pool_t *pool = NULL;
	if (rc == 0 && (!runs || !one)) {
		fputs("[ERROR] out of memory\n", stderr);
		rc = SP_ESOFTWARE;
	}
	/* every study is loaded and planned first; the studies with a [solver]
	 * share one licence pool: --licenses, else the smallest licenses of
	 * theirs; their analysis phases run together, so the licences stay
	 * busy across studies; then each study's outputs are written in turn */
	int licenses = o.licenses, n_solver = 0, untrusted = 0;
	double grace_s = 0;
	for (int i = 0; rc == 0 && i < ns; i++) {
		batch_dir_name(dirs[i], sizeof dirs[i], studies[i], dirs, (size_t)i);
		const char *base = strrchr(studies[i], '/');
		sp_strlcpy(sum[i].name, base ? base + 1 : studies[i], sizeof sum[i].name);
		one[i] = o;
		one[i].study = studies[i];
		one[i].outdir = NULL;
		char sub[4096 + 256];
		snprintf(sub, sizeof sub, "%s/%s", o.outdir, dirs[i]);
		if (sp_run_study_load(&one[i], &runs[i]) != SP_OK) {
			if (runs[i].rc == SP_ENOPERM) /* an untrusted [solver] command (said): nothing runs */
				untrusted = SP_ENOPERM;
			continue;
		}
		snprintf(runs[i].outdir, sizeof runs[i].outdir, "%s", sub);
		if (runs[i].st->solver) {
			n_solver++;
			if (o.licenses <= 0 && (licenses <= 0 || runs[i].st->licenses < licenses))
				licenses = runs[i].st->licenses;
			grace_s = fmax(grace_s, runs[i].st->solver->kill_grace_s);
		}
	}
	if (rc == 0 && untrusted)
		rc = untrusted;
	/* every study is loaded and trusted: only now touch the file system */
	if (rc == 0 && sp_dist_is_root() && (rc = sp_outdir_prepare(o.outdir, o.force, &err)) != 0)
		rc = sp_cli_fail(&err);
	sp_dist_barrier();
	if (rc == 0 && n_solver > 1) {
		if ((pool = sp_eval_pool_alloc(licenses, grace_s, &sp_cli_stop_signal, &err)) == NULL)
			rc = sp_cli_fail(&err);
		for (int i = 0; pool && i < ns; i++)
			if (runs[i].st && runs[i].st->solver)
				runs[i].st->licenses = licenses;
	}
	sp_progress_t prog;
	sp_progress_start(&prog, sp_cli_now_s());
	sp_eval_stats_t *stats = rc ? NULL : calloc((size_t)ns, sizeof *stats);
	if (rc == 0 && stats == NULL) {
		fputs("[ERROR] out of memory\n", stderr);
		rc = SP_ESOFTWARE;
	}
	for (int i = 0; rc == 0 && i < ns; i++) {
		one[i].outdir = runs[i].outdir;
		sp_run_study_plan(&one[i], pool, &runs[i]);
	}
	for (int busy = 1; rc == 0 && busy;) {
		busy = 0;
		for (int i = 0; i < ns; i++) {
			if (runs[i].finished)
				continue;
			if (sp_cli_stop_signal && !runs[i].st->solver) { /* Ctrl-C stops the built-in studies too */
				runs[i].rc = sp_err_set(&runs[i].err, 128 + (int)sp_cli_stop_signal, "stopped by signal %d (%s)",
				                        (int)sp_cli_stop_signal, strsignal((int)sp_cli_stop_signal));
				runs[i].finished = 1;
				continue;
			}
			sp_run_study_step(&runs[i], studies[i], 0.05);
			busy |= !runs[i].finished;
		}
		for (int i = 0; i < ns; i++)
			if (runs[i].ev)
				sp_eval_stats(runs[i].ev, &stats[i]);
		sp_progress_analyses(&prog, stats, (size_t)ns);
	}
	sp_progress_end(&prog);
	for (int i = 0; rc != 0 && runs && i < ns; i++) { /* not run: freed */
		sp_eval_free(runs[i].ev);
		sp_catalogue_free(runs[i].cat);
		sp_study_free(runs[i].st);
	}
	for (int i = 0; rc == 0 && i < ns; i++) {
		if (!sp_cli_quiet)
			sp_cli_printf(stdout, "== study %d/%d: %s -> %s\n", i + 1, ns, studies[i], runs[i].outdir);
		fflush(stdout);
		int st = sp_run_study_finish(&one[i], &sum[i], &runs[i]);
		if (st != 0 && sum[i].status == 0) {
			sum[i].status = st;
			snprintf(sum[i].message, sizeof sum[i].message, "exit status %d", st);
		}
		if (st != 0 && first_failure == 0)
			first_failure = st;
	}
	sp_eval_pool_free(pool);
	free(stats);
	free(runs);
	free(one);
	if (rc == 0 && sp_dist_is_root()) { /* MPI: rank 0 writes */
		if ((rc = sp_batch_summary_csv(o.outdir, studies, dirs, sum, (size_t)ns, &err)) == 0)
			rc = sp_batch_summary_html(o.outdir, studies, dirs, sum, (size_t)ns, &err);
		if (rc)
			rc = sp_cli_fail(&err);
		else if (!sp_cli_quiet)
			sp_cli_printf(stdout, "batch      %d studies, %s/summary.csv, %s/index.html\n", ns, o.outdir, o.outdir);
		if (rc == 0)
			rc = first_failure;
	}
	free(sum);
	free(dirs);
	free(studies);
	free(rest);
	return rc;
}
