/* engine_exec.c - the external solver engine ([solver]): every analysis is
 * one run of a program through the licence pool (pool.h), with its input
 * written and its output read by the formats of solver_io.h.
 *
 * In the output directory:
 *   work/a<ID>/    the job's work directory: input, output, stdout.txt,
 *                  stderr.txt and, when it failed, failure.txt (kept when it
 *                  failed, or always with keep_work = all)
 *   journal.txt    one line per finished analysis, appended, flushed and
 *                  synced (fdatasync) at once; numbers printed with %.17g (read back
 *                  bit for bit); each line ends with a checksum, so a torn
 *                  last line (SIGKILL, power cut) is recognised and dropped
 *   timeline.csv   every finished analysis: slot, start, end; after --resume
 *                  those of the earlier invocations too (from the journal,
 *                  earlier_run = 1), this invocation's times following theirs */
#define _GNU_SOURCE /* mkdtemp, realpath, fsync */
#include "engine_exec.h"
#include "block.h"
#include "csv_field.h"
#include "journal.h"
#include "dist.h"
#include "outfile.h"
#include "pool.h"
#include "solver_io.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define S_TIMELINE "timeline.csv"
#define S_LINE_MAX 4096

/* ---- small helpers ---------------------------------------------------------- */

/* "dir/name" in a new buffer (the caller frees), NULL when out of memory */
static char *S_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s = malloc(a + b + 2);
	if (s) {
		memcpy(s, dir, a);
		s[a] = '/';
		memcpy(s + a + 1, name, b + 1);
	}
	return s;
}

/* The output directory dir locked (it is when the command prepared it: this
 * makes sure) and its work directory: the solvers an earlier run left
 * behind are looked for in it only under the lock, so never those of a run
 * that is still going. */
static int S_work_dir(const char *dir, const char *work, sp_err_t *err)
{
	int rc = sp_outdir_prepare(dir, 0, err);
	int fd = rc == SP_OK ? sp_outdir_open(work, 1, err) : -1;
	if (fd < 0)
		return err->code;
	close(fd);
	return SP_OK;
}

/* ---- durations of an earlier run (longest first) ----------------------------------- */

static void S_estimates(const char *dir, size_t n, double *est)
{
	char line[1024];
	sp_err_t err;
	int dfd = sp_outdir_open(dir, 0, &err);
	int fd = dfd >= 0 ? sp_outdir_openat(dfd, dir, S_TIMELINE, SP_OUTDIR_READ, &err) : -1;
	FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (dfd >= 0)
		close(dfd);
	if (fp == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		char *end;
		unsigned long long id = strtoull(line, &end, 10);
		if (end == line || *end != ',' || id >= n)
			continue;
		double f[4]; /* slot, start_s, end_s, duration_s */
		char *p = end;
		int k = 0;
		for (; k < 4 && *p == ','; k++) {
			f[k] = strtod(p + 1, &end);
			if (end == p + 1)
				break;
			p = end;
		}
		if (k == 4 && f[3] >= 0 && isfinite(f[3]))
			est[id] = f[3];
	}
	fclose(fp);
}

/* ---- running --------------------------------------------------------------------- */

typedef struct {
	size_t id;
	const char *work;  /* the parent of workdir (borrowed) */
	char name[32];     /* workdir's name in it: a<ID> */
	char *workdir, *input, *output;
	char **argv;
} S_job;

static void S_job_free(S_job *j)
{
	free(j->workdir);
	free(j->input);
	free(j->output);
	sp_solver_argv_free(j->argv);
}

/* The work directory and input file of a prepared job. */
static int S_write_input(const sp_study_t *st, const sp_case_t *c, const char *self, const char *study,
                         double diagram_step_m, const S_job *j, sp_err_t *err)
{
	/* a new, empty directory: nothing an earlier run or anyone else left in
	 * it (a link named like a file the solver writes) is used */
	int rc = sp_outdir_fresh(j->work, j->name, err);
	if (rc != SP_OK)
		return rc;
	sp_solver_job_t sj = {st, c, self, study, j->workdir, j->input, j->output, diagram_step_m};
	return sp_solver_input_find(st->solver->input_format)->write(&sj, err);
}

/* Work directory, input file and command of one analysis; lazy: not the
 * files yet (S_write_input, when an MPI rank takes the job). */
static int S_prepare(const sp_study_t *st, const sp_case_t *c, const char *work, const char *self,
                     const char *study, double diagram_step_m, int lazy, S_job *j, sp_err_t *err)
{
	const sp_solver_t *s = st->solver;
	memset(j, 0, sizeof *j);
	j->id = c->id;
	j->work = work;
	snprintf(j->name, sizeof j->name, "a%zu", c->id);
	j->workdir = S_join(work, j->name);
	if (j->workdir == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	j->input = S_join(j->workdir, s->input_file);
	j->output = S_join(j->workdir, s->output_file);
	if (!j->input || !j->output)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	sp_solver_job_t sj = {st, c, self, study, j->workdir, j->input, j->output, diagram_step_m};
	int rc = sp_solver_argv(&sj, s->command, &j->argv, err);
	if (rc == SP_OK && !lazy)
		rc = S_write_input(st, c, self, study, diagram_step_m, j, err);
	return rc;
}

static void S_pool_opts(const sp_study_t *st, int slots, volatile sig_atomic_t *stop, sp_pool_opts_t *o)
{
	const sp_solver_t *s = st->solver;
	*o = (sp_pool_opts_t){slots,           s->timeout_s,      s->kill_grace_s,   s->retries,
	                      s->retry_backoff_s, s->denied_codes, s->n_denied_codes, s->denied_pattern,
	                      s->denied_retries, stop,          NULL};
}

/* The analysis of a finished job: read its output or name its failure.
 * Returns 1 when the solver failed. */
static int S_collect(const sp_study_t *st, const sp_case_t *c, const S_job *j, const sp_pool_job_t *pj,
                     const char *self, const char *study, double diagram_step_m, sp_analysis_t *a)
{
	memset(a, 0, sizeof *a);
	sp_err_t why = {0, ""};
	const char *reason = NULL;
	char buf[SP_REASON_MAX];
	switch (pj->outcome) {
	case SP_JOB_OK: {
		sp_solver_job_t sj = {st, c, self, study, j->workdir, j->input, j->output, diagram_step_m};
		int rc = sp_solver_output_find(st->solver->output_format)->read(&sj, a, &why);
		if (rc == SP_OK)
			return 0;
		reason = rc == SP_ENOINPUT ? "solver-no-output" : "solver-bad-output";
		break;
	}
	case SP_JOB_EXIT:
		snprintf(buf, sizeof buf, "solver-exit-%d", pj->code);
		reason = buf;
		sp_err_set(&why, 0, "exit status %d after %d attempts", pj->code, pj->attempts);
		break;
	case SP_JOB_SIGNAL:
		snprintf(buf, sizeof buf, "solver-signal-%d", pj->code);
		reason = buf;
		sp_err_set(&why, 0, "killed by signal %d (%s) after %d attempts", pj->code, strsignal(pj->code),
		           pj->attempts);
		break;
	case SP_JOB_TIMEOUT:
		reason = "solver-timeout";
		sp_err_set(&why, 0, "over the time limit of %g s in each of %d attempts", st->solver->timeout_s,
		           pj->attempts);
		break;
	case SP_JOB_DENIED:
		reason = "licence-denied";
		sp_err_set(&why, 0, "licence denied %d times", pj->denials);
		break;
	case SP_JOB_SPAWN:
		reason = "solver-not-started";
		sp_err_set(&why, 0, "cannot start '%s': %s", j->argv[0], strerror(pj->code));
		break;
	}
	a->ok = 0;
	sp_strlcpy(a->reason, reason, sizeof a->reason);
	sp_err_t ignored;
	int dfd = sp_outdir_open(j->workdir, 0, &ignored);
	int fd = dfd >= 0 ? sp_outdir_openat(dfd, j->workdir, "failure.txt", SP_OUTDIR_REPLACE, &ignored) : -1;
	FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (fp) {
		fprintf(fp, "%s: %s\n", reason, why.text);
		fclose(fp);
	} else if (fd >= 0) {
		close(fd);
	}
	if (dfd >= 0)
		close(dfd);
	return 1;
}

static const char *S_self(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0)
		return "sheetpile";
	buf[n] = '\0';
	return buf;
}

static void S_status(const sp_analysis_t *a, char *buf, size_t size)
{
	if (a->ok)
		snprintf(buf, size, "ok");
	else
		snprintf(buf, size, "failed:%s", a->reason);
}

static int S_write_timeline(const char *dir, const sp_study_t *st, const sp_case_t *cases, const size_t *ran,
                            size_t n_ran, const sp_pool_job_t *pj, const unsigned char *earlier,
                            const sp_analysis_t *out, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, S_TIMELINE, err);
	if (rc)
		return rc;
	fputs("analysis_id,slot,start_s,end_s,duration_s,attempts,status,profile,length_m,anchor_level_m,earlier_run\r\n",
	      f.fp);
	for (size_t k = 0; k < n_ran; k++) {
		size_t i = ran[k];
		const sp_pool_job_t *j = &pj[k];
		const sp_case_t *c = &cases[i];
		char status[SP_REASON_MAX + 16], anchor[32] = "none";
		S_status(&out[i], status, sizeof status);
		for (char *p = status; *p; p++) /* as before: a reason's quotes and commas as blanks */
			if (*p == '"' || *p == ',')
				*p = ' ';
		if (c->anchor.anchored)
			snprintf(anchor, sizeof anchor, "%.3f", c->anchor.level_m);
		fprintf(f.fp, "%zu,%lld,%.6f,%.6f,%.6f,%d,", i, (long long)j->slot + 1, j->start_s, j->end_s,
		        j->end_s - j->start_s, j->attempts);
		sp_csv_field_text(f.fp, status);
		fputc(',', f.fp);
		sp_csv_field_text(f.fp, st->profiles[c->profile]);
		fprintf(f.fp, ",%.3f,%s,%d\r\n", c->length_m, anchor, earlier[k]);
	}
	return sp_outfile_commit(&f, err);
}

/* ---- over MPI ranks (dist.h) ------------------------------------------------------ */

/* An analysis finished on some rank, shared with every rank afterwards. */
typedef struct {
	sp_analysis_t a;             /* no diagram */
	int ran, failed, attempts, slot;
	double start_s, end_s, busy_s;
} S_record;

typedef struct {
	const sp_study_t *st;
	const sp_case_t *cases;
	const S_job *jobs;
	const char *self, *study;
	sp_dist_counter_t *next;
	sp_dist_licences_t *lic;
} S_gate_ctx;

static size_t S_gate_claim(void *ctx)
{
	return sp_dist_counter_add(((S_gate_ctx *)ctx)->next, 1);
}

static int S_gate_take(void *ctx)
{
	return sp_dist_licence_take(((S_gate_ctx *)ctx)->lic);
}

static void S_gate_give(void *ctx, int slot)
{
	sp_dist_licence_give(((S_gate_ctx *)ctx)->lic, slot);
}

static int S_gate_prepare(void *ctx, size_t k)
{
	S_gate_ctx *g = ctx;
	const S_job *j = &g->jobs[k];
	sp_err_t err;
	return S_write_input(g->st, &g->cases[j->id], g->self, g->study, 0.0, j, &err) == SP_OK ? 0 : EIO;
}

/* E_analyse_all over the ranks: rank 0 reads and writes the journal and the
 * timeline; the analyses not done yet are claimed one by one from a shared
 * counter (longest first), each rank running them in its own pool, and every
 * attempt holds one of the `licenses` global licences (dist.h), so no more
 * solvers run at once over all the ranks. The other ranks' analyses reach
 * the journal when their pools have finished (or were stopped). */
static int S_analyse_all_dist(const sp_study_t *st, const sp_case_t *cases, size_t n, const sp_batch_opts_t *o,
                              sp_analysis_t *out, sp_batch_stats_t *stats, sp_err_t *err)
{
	memset(stats, 0, sizeof *stats);
	char dir[PATH_MAX], study[PATH_MAX], selfbuf[PATH_MAX], work[PATH_MAX + 16];
	int root = sp_dist_is_root(), rc = SP_OK;
	if (realpath(o->outdir, dir) == NULL)
		rc = sp_err_set(err, SP_ECANTCREAT, "%s: %s", o->outdir, strerror(errno));
	else if (realpath(st->path, study) == NULL)
		rc = sp_err_set(err, SP_ENOINPUT, "%s: %s", st->path, strerror(errno));
	const char *self = S_self(selfbuf, sizeof selfbuf);
	snprintf(work, sizeof work, "%s/work", dir);
	if (rc == SP_OK && root)
		rc = S_work_dir(dir, work, err);
	if (rc == SP_OK && root) /* before any rank starts a solver (the licence window's alloc is collective) */
		sp_pool_stop_leftovers(work, st->solver->kill_grace_s, &stats->leftovers_stopped);
	size_t m = n ? n : 1;
	char *done = calloc(m, 1);
	double *est = malloc(m * sizeof *est);
	S_job *jobs = calloc(m, sizeof *jobs);
	sp_pool_job_t *pj = calloc(m, sizeof *pj);
	S_record *rec = calloc(m, sizeof *rec);
	unsigned char *mine = calloc(m, 1);
	sp_journal_entry_t *meta = calloc(m, sizeof *meta);
	double offset_s = 0; /* root: this invocation's times follow the journal's */
	FILE *journal = NULL;
	uint64_t jfp = 0; /* the journal's fingerprint, in each line's checksum */
	sp_pool_t *pool = NULL;
	sp_dist_counter_t *next = NULL;
	sp_dist_licences_t *lic = NULL;
	size_t n_jobs = 0;
	if (rc == SP_OK && (!done || !est || !jobs || !pj || !rec || !mine || !meta))
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
	if (rc == SP_OK && root && (journal = sp_journal_open(dir, st, n, o->resume, out, done, meta, &stats->resumed, &jfp, err)) == NULL)
		rc = err->code;
	for (size_t i = 0; i < n && journal; i++)
		if (done[i] && isfinite(meta[i].end_s))
			offset_s = fmax(offset_s, meta[i].end_s);
	/* every rank stops here when one failed */
	int code = rc;
	long worst = sp_dist_max(rc);
	sp_dist_bcast(&code, sizeof code, NULL);
	if (code != SP_OK || worst != SP_OK) {
		if (rc == SP_OK)
			rc = sp_err_set(err, code ? code : (int)worst, "another MPI rank failed (rank 0 says why)");
		goto out;
	}
	/* what rank 0 found in the journal, and the durations of an earlier run */
	for (size_t i = 0; i < n; i++)
		est[i] = -1;
	if (root)
		S_estimates(dir, n, est);
	if ((rc = sp_dist_bcast(done, n, err)) != SP_OK || (rc = sp_dist_bcast(out, n * sizeof *out, err)) != SP_OK
	    || (rc = sp_dist_bcast(est, n * sizeof *est, err)) != SP_OK
	    || (rc = sp_dist_bcast(&stats->resumed, sizeof stats->resumed, err)) != SP_OK)
		goto out;
	double longest = -1;
	for (size_t i = 0; i < n; i++)
		if (!done[i])
			longest = fmax(longest, est[i]);
	for (size_t i = 0; i < n && rc == SP_OK; i++) {
		if (done[i])
			continue;
		S_job *j = &jobs[n_jobs];
		rc = S_prepare(st, &cases[i], work, self, study, 0.0, 1, j, err);
		sp_pool_job_t *q = &pj[n_jobs++];
		q->argv = j->argv;
		q->workdir = j->workdir;
		q->remove_before = j->output;
		q->estimate_s = longest < 0 ? cases[i].length_m : est[i] >= 0 ? est[i] : longest;
	}
	if (rc != SP_OK) /* out of memory or a bad command: the same on every rank */
		goto out;
	next = sp_dist_counter_alloc(err);
	lic = sp_dist_licences_alloc(o->licenses > 0 ? o->licenses : 1, err);
	if (!next || !lic) {
		rc = err->code;
		goto out;
	}
	S_gate_ctx ctx = {st, cases, jobs, self, study, next, lic};
	sp_pool_gate_t gate = {&ctx, S_gate_claim, S_gate_take, S_gate_give, S_gate_prepare};
	sp_pool_opts_t po;
	S_pool_opts(st, o->licenses, o->stop, &po);
	po.gate = &gate;
	int got = SP_POOL_EMPTY;
	if ((pool = sp_pool_alloc(&po, pj, n_jobs, err)) == NULL)
		rc = err->code;
	size_t k;
	char line[S_LINE_MAX];
	while (pool && (got = sp_pool_next(pool, &k, err)) == SP_POOL_FINISHED) {
		S_job *j = &jobs[k];
		size_t i = j->id;
		int failed = S_collect(st, &cases[i], j, &pj[k], self, study, 0.0, &out[i]);
		rec[i] = (S_record){out[i], 1, failed, pj[k].attempts, pj[k].slot, pj[k].start_s, pj[k].end_s, pj[k].busy_s};
		mine[i] = 1;
		if (root) {
			sp_pool_job_t shifted = pj[k];
			shifted.start_s += offset_s;
			shifted.end_s += offset_s;
			size_t len = sp_journal_line(line, sizeof line, jfp, i, &out[i], &shifted, failed);
			if (fwrite(line, 1, len, journal) != len || fflush(journal) != 0 || fdatasync(fileno(journal)) != 0)
				rc = sp_err_set(err, SP_EIO, "%s/" SP_JOURNAL_FILE ": write error: %s", dir, strerror(errno));
		}
		if (!failed && !st->solver->keep_work)
			sp_outdir_remove(j->work, j->name);
	}
	if (got != SP_POOL_EMPTY && got != SP_POOL_STOPPED && rc == SP_OK)
		rc = got;
	int stopped = got == SP_POOL_STOPPED;
	sp_pool_free(pool); /* every licence of this rank is given back */
	pool = NULL;
	sp_dist_barrier();
	stats->max_running = sp_dist_licence_peak(lic);
	/* every rank's analyses to every rank; rank 0 journals the others' */
	if (sp_dist_share(rec, sizeof *rec, mine, n, err) != SP_OK && rc == SP_OK)
		rc = err->code;
	stats->interrupted = (int)sp_dist_max(stopped);
	size_t *map = malloc(m * sizeof *map);
	sp_pool_job_t *rows = malloc(m * sizeof *rows);
	unsigned char *earlier = calloc(m, 1);
	size_t n_ran = 0, n_rows = 0;
	if ((!map || !rows || !earlier) && rc == SP_OK)
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < n && map && rows && earlier; i++) {
		const S_record *r = &rec[i];
		if (!r->ran) {
			if (root && done[i]) { /* from the journal: an earlier invocation's */
				sp_pool_job_t t = {.attempts = meta[i].attempts, .slot = meta[i].slot,
				                   .start_s = meta[i].start_s, .end_s = meta[i].end_s};
				map[n_rows] = i;
				earlier[n_rows] = 1;
				rows[n_rows++] = t;
			}
			continue;
		}
		out[i] = r->a;
		done[i] = 1;
		sp_pool_job_t t = {.attempts = r->attempts, .slot = r->slot, .start_s = r->start_s + offset_s,
		                   .end_s = r->end_s + offset_s, .busy_s = r->busy_s};
		if (root && !mine[i]) {
			size_t len = sp_journal_line(line, sizeof line, jfp, i, &out[i], &t, r->failed);
			if (fwrite(line, 1, len, journal) != len && rc == SP_OK)
				rc = sp_err_set(err, SP_EIO, "%s/" SP_JOURNAL_FILE ": write error: %s", dir, strerror(errno));
		}
		map[n_rows] = i;
		rows[n_rows++] = t;
		n_ran++;
		stats->solver_failed += (size_t)r->failed;
		stats->sum_s += r->busy_s;
		stats->max_s = fmax(stats->max_s, r->busy_s);
		stats->makespan_s = fmax(stats->makespan_s, r->end_s); /* unshifted: since this pool's start */
	}
	if (root && (fflush(journal) != 0 || fdatasync(fileno(journal)) != 0) && rc == SP_OK)
		rc = sp_err_set(err, SP_EIO, "%s/" SP_JOURNAL_FILE ": write error: %s", dir, strerror(errno));
	stats->run = n_ran;
	stats->lower_bound_s = o->licenses > 0 ? fmax(stats->sum_s / o->licenses, stats->max_s) : stats->sum_s;
	if (root && rc == SP_OK && map && rows && earlier)
		rc = S_write_timeline(dir, st, cases, map, n_rows, rows, earlier, out, err);
	free(map);
	free(rows);
	free(earlier);
out:
	sp_pool_free(pool);
	sp_dist_counter_free(next);
	sp_dist_licences_free(lic);
	if (journal && fclose(journal) != 0 && rc == SP_OK)
		rc = sp_err_set(err, SP_EIO, "%s/" SP_JOURNAL_FILE ": write error", dir);
	for (size_t q = 0; q < n_jobs; q++)
		S_job_free(&jobs[q]);
	free(jobs);
	free(pj);
	free(est);
	free(done);
	free(rec);
	free(mine);
	free(meta);
	return rc;
}

struct sp_batch {
	const sp_study_t *st;
	const sp_case_t *cases;
	size_t n;
	sp_analysis_t *out;
	unsigned char *done;
	sp_pool_t *pool;
	void *owner;
	int licenses;
	sp_pool_opts_t po;
	char dir[PATH_MAX], study[PATH_MAX], selfbuf[PATH_MAX], work[PATH_MAX + 16];
	const char *self;
	FILE *journal;
	uint64_t journal_fp;         /* the journal's fingerprint, in each line's checksum */
	double *est, longest;
	S_job *jobs;                 /* per analysis id, prepared when submitted */
	sp_pool_job_t *pj;           /* per analysis id: what the pool holds */
	unsigned char *submitted;
	sp_journal_entry_t *meta;               /* per analysis id: its journal line (the earlier invocations') */
	double offset_s;             /* added to this invocation's times: the end of the earlier ones */
	sp_batch_stats_t stats;
	double first_start_s;
};

static void E_batch_free(sp_batch_t *b)
{
	if (b == NULL)
		return;
	if (b->journal)
		fclose(b->journal);
	for (size_t i = 0; i < b->n; i++)
		if (b->submitted[i])
			S_job_free(&b->jobs[i]);
	free(b); /* and the arrays per analysis id, one block */
}

static sp_batch_t *E_batch_open(const sp_study_t *st, const sp_case_t *cases, size_t n, const sp_batch_opts_t *o,
                                sp_pool_t *pool, void *owner, sp_analysis_t *out, unsigned char *done,
                                sp_err_t *err)
{
	void *at[5];
	sp_batch_t *b = sp_block_alloc(sizeof *b, 5, (const sp_block_part_t[]){{n, sizeof *b->est}, {n, sizeof *b->jobs},
	                               {n, sizeof *b->pj}, {n, sizeof *b->submitted}, {n, sizeof *b->meta}}, at);
	if (b == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	*b = (sp_batch_t){.st = st, .cases = cases, .n = n, .out = out, .done = done, .pool = pool, .owner = owner,
	                  .licenses = o->licenses > 0 ? o->licenses : 1, .first_start_s = INFINITY,
	                  .est = at[0], .jobs = at[1], .pj = at[2], .submitted = at[3], .meta = at[4]};
	if (realpath(o->outdir, b->dir) == NULL) {
		sp_err_set(err, SP_ECANTCREAT, "%s: %s", o->outdir, strerror(errno));
		goto fail;
	}
	if (realpath(st->path, b->study) == NULL) {
		sp_err_set(err, SP_ENOINPUT, "%s: %s", st->path, strerror(errno));
		goto fail;
	}
	b->self = S_self(b->selfbuf, sizeof b->selfbuf);
	snprintf(b->work, sizeof b->work, "%s/work", b->dir);
	if (S_work_dir(b->dir, b->work, err) != SP_OK)
		goto fail;
	/* solvers an earlier run left behind (killed with SIGKILL) would run
	 * beside ours: more than `licenses` at once */
	sp_pool_stop_leftovers(b->work, st->solver->kill_grace_s, &b->stats.leftovers_stopped);
	if ((b->journal = sp_journal_open(b->dir, st, n, o->resume, out, (char *)done, b->meta, &b->stats.resumed,
	                                 &b->journal_fp, err)) == NULL)
		goto fail;
	/* the times of this invocation follow those of the earlier ones in the
	 * journal: one time line for the whole study, without the pauses between */
	for (size_t i = 0; i < n; i++)
		if (done[i] && isfinite(b->meta[i].end_s))
			b->offset_s = fmax(b->offset_s, b->meta[i].end_s);
	/* longest first: durations of an earlier run where known (unknown ones
	 * count as the longest known), else the pile length as a size measure */
	for (size_t i = 0; i < n; i++)
		b->est[i] = -1;
	S_estimates(b->dir, n, b->est);
	b->longest = -1;
	for (size_t i = 0; i < n; i++)
		if (!done[i])
			b->longest = fmax(b->longest, b->est[i]);
	S_pool_opts(st, b->licenses, NULL, &b->po);
	return b;
fail:
	E_batch_free(b);
	return NULL;
}

static int E_batch_submit(sp_batch_t *b, size_t i, sp_err_t *err)
{
	if (i >= b->n || b->done[i] || b->submitted[i])
		return SP_OK;
	S_job *j = &b->jobs[i];
	b->submitted[i] = 1;
	int rc = S_prepare(b->st, &b->cases[i], b->work, b->self, b->study, 0.0, 0, j, err);
	if (rc != SP_OK)
		return rc;
	sp_pool_job_t *q = &b->pj[i];
	memset(q, 0, sizeof *q);
	q->argv = j->argv;
	q->workdir = j->workdir;
	q->remove_before = j->output;
	q->estimate_s = b->longest < 0 ? b->cases[i].length_m : b->est[i] >= 0 ? b->est[i] : b->longest;
	q->opts = &b->po;
	q->owner = b->owner;
	return sp_pool_add(b->pool, q, NULL, err);
}

static int E_batch_finished(sp_batch_t *b, sp_pool_job_t *q, size_t *id, sp_err_t *err)
{
	size_t i = (size_t)(q - b->pj);
	*id = i;
	if (i >= b->n)
		return sp_err_set(err, SP_ESOFTWARE, "a job of another batch");
	const sp_study_t *st = b->st;
	S_job *j = &b->jobs[i];
	int failed = S_collect(st, &b->cases[i], j, q, b->self, b->study, 0.0, &b->out[i]);
	b->stats.solver_failed += (size_t)failed;
	char line[S_LINE_MAX];
	sp_pool_job_t shifted = *q;
	shifted.start_s += b->offset_s;
	shifted.end_s += b->offset_s;
	size_t len = sp_journal_line(line, sizeof line, b->journal_fp, i, &b->out[i], &shifted, failed);
	if (fwrite(line, 1, len, b->journal) != len || fflush(b->journal) != 0 || fdatasync(fileno(b->journal)) != 0)
		return sp_err_set(err, SP_EIO, "%s/" SP_JOURNAL_FILE ": write error: %s", b->dir, strerror(errno));
	b->done[i] = 1;
	b->stats.run++;
	b->stats.sum_s += q->busy_s;
	b->stats.max_s = fmax(b->stats.max_s, q->busy_s);
	b->first_start_s = fmin(b->first_start_s, q->first_start_s);
	b->stats.makespan_s = fmax(b->stats.makespan_s, q->end_s - b->first_start_s);
	if (!failed && !st->solver->keep_work)
		sp_outdir_remove(j->work, j->name);
	return SP_OK;
}

static int E_batch_close(sp_batch_t *b, int interrupted, sp_batch_stats_t *stats, sp_err_t *err)
{
	sp_batch_stats_t *s = &b->stats;
	s->interrupted = interrupted;
	s->max_running = sp_pool_max_running(b->pool);
	s->lower_bound_s = fmax(s->sum_s / b->licenses, s->max_s);
	*stats = *s;
	/* the timeline of every finished analysis, by analysis id: those of
	 * the earlier invocations (the journal) first in time, then this one's */
	size_t m = 0;
	size_t *map = malloc((b->n ? b->n : 1) * sizeof *map);
	sp_pool_job_t *rows = malloc((b->n ? b->n : 1) * sizeof *rows);
	unsigned char *earlier = malloc(b->n ? b->n : 1);
	int rc;
	if (map && rows && earlier) {
		for (size_t i = 0; i < b->n; i++) {
			if (!b->done[i])
				continue;
			if (b->submitted[i] && b->pj[i].attempts > 0) {
				rows[m] = b->pj[i];
				rows[m].start_s += b->offset_s;
				rows[m].end_s += b->offset_s;
				earlier[m] = 0;
			} else {
				memset(&rows[m], 0, sizeof rows[m]);
				rows[m].slot = b->meta[i].slot;
				rows[m].attempts = b->meta[i].attempts;
				rows[m].start_s = b->meta[i].start_s;
				rows[m].end_s = b->meta[i].end_s;
				earlier[m] = 1;
			}
			map[m++] = i;
		}
		rc = S_write_timeline(b->dir, b->st, b->cases, map, m, rows, earlier, b->out, err);
	} else {
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
	}
	free(map);
	free(rows);
	free(earlier);
	if (b->journal) {
		FILE *fp = b->journal;
		b->journal = NULL;
		if (fclose(fp) != 0 && rc == SP_OK)
			rc = sp_err_set(err, SP_EIO, "%s/" SP_JOURNAL_FILE ": write error", b->dir);
	}
	return rc;
}

/* One analysis on its own (the diagrams of the best designs, analyze): a
 * temporary work directory, one process, no journal. */
static int E_analyse(const sp_study_t *st, const sp_case_t *c, double diagram_step_m, int want_diagram,
                     sp_analysis_t *out)
{
	char tmpl[PATH_MAX], study[PATH_MAX], selfbuf[PATH_MAX];
	const char *tmp = getenv("TMPDIR");
	snprintf(tmpl, sizeof tmpl, "%s/sheetpile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	memset(out, 0, sizeof *out);
	if (mkdtemp(tmpl) == NULL || realpath(st->path, study) == NULL) {
		sp_strlcpy(out->reason, "solver-no-work-directory", sizeof out->reason);
		return SP_OK;
	}
	const char *self = S_self(selfbuf, sizeof selfbuf);
	double step = want_diagram ? diagram_step_m : 0.0;
	S_job j;
	sp_err_t err = {0, ""};
	if (S_prepare(st, c, tmpl, self, study, step, 0, &j, &err) != SP_OK) {
		sp_strlcpy(out->reason, "solver-input", sizeof out->reason);
	} else {
		sp_pool_job_t pj;
		memset(&pj, 0, sizeof pj);
		pj.argv = j.argv;
		pj.workdir = j.workdir;
		pj.remove_before = j.output;
		sp_pool_opts_t po;
		S_pool_opts(st, 1, NULL, &po);
		sp_pool_t *pool = sp_pool_alloc(&po, &pj, 1, &err);
		size_t k;
		if (pool && sp_pool_next(pool, &k, &err) == SP_POOL_FINISHED)
			S_collect(st, c, &j, &pj, self, study, step, out);
		else
			sp_strlcpy(out->reason, "solver-not-started", sizeof out->reason);
		sp_pool_free(pool);
	}
	S_job_free(&j);
	char *slash = strrchr(tmpl, '/');
	*slash = '\0';
	sp_outdir_remove(tmpl, slash + 1);
	return SP_OK;
}

static const sp_engine_batch_t E_batch = {E_batch_open,  E_batch_submit, E_batch_finished,
                                          E_batch_close, E_batch_free,   S_analyse_all_dist};
static const sp_engine_type E_type = {"exec", 2, E_analyse, &E_batch};
const sp_engine_type *const sp_engine_exec = &E_type;

const sp_engine_type *sp_engine_exec_or_builtin(const sp_study_t *st)
{
	return st->solver ? sp_engine_exec : sp_engine_builtin(st);
}
