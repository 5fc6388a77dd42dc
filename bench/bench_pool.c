/* bench_pool.c - the licence pool with a fake solver (`sleep SECONDS`):
 *  1. 40 skewed jobs (37 short of 0.05-0.12 s, 3 long of 0.4-1.0 s, the long
 *     ones submitted last) on 4 licences, longest first (the estimates are the
 *     durations, as from an earlier run's timeline.csv): makespan over the
 *     lower bound max(sum t / licences, max t), target <= 1.05;
 *  2. the overhead per job with a no-op solver (`true`), target <= 5 ms;
 *  3. the same 40 jobs through Python's ThreadPoolExecutor(max_workers=4) in
 *     submission order (bench/pool_baseline.py): the speed-up, target >= 1.2.
 * Usage: bench_pool [path/to/pool_baseline.py] */
#define _POSIX_C_SOURCE 200809L
#include "pool.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

/* The floor: a bare posix_spawnp + waitpid of `true`, seconds per process. */
static double bare_spawn_s(int n)
{
	struct timespec a, b;
	char *av[] = {"true", NULL};
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < n; i++) {
		pid_t pid;
		int st;
		if (posix_spawnp(&pid, "true", NULL, NULL, av, environ) == 0)
			waitpid(pid, &st, 0);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec)) / n;
}

#define N_JOBS 40
#define N_NOOP 400
#define LICENCES 4

/* a fixed, skewed set: 37 short jobs, then 3 long ones */
static void durations(double *d)
{
	unsigned s = 2385u;
	for (int i = 0; i < N_JOBS - 3; i++) {
		s = s * 1103515245u + 12345u;
		d[i] = 0.05 + 0.07 * (double)((s >> 16) % 1000) / 999.0;
	}
	d[N_JOBS - 3] = 0.4, d[N_JOBS - 2] = 0.7, d[N_JOBS - 1] = 1.0;
}

static int run(sp_pool_job_t *jobs, size_t n, int slots, double *makespan)
{
	sp_err_t err = {0, ""};
	sp_pool_opts_t o = {.slots = slots, .kill_grace_s = 1};
	sp_pool_t *p = sp_pool_alloc(&o, jobs, n, &err);
	if (p == NULL) {
		fprintf(stderr, "[ERROR] %s\n", err.text);
		return 1;
	}
	size_t k;
	int rc;
	while ((rc = sp_pool_next(p, &k, &err)) == SP_POOL_FINISHED)
		if (jobs[k].outcome != SP_JOB_OK) {
			fprintf(stderr, "[ERROR] job %zu failed (outcome %d, code %d)\n", k, jobs[k].outcome, jobs[k].code);
			rc = -1;
			break;
		}
	*makespan = sp_pool_elapsed_s(p);
	sp_pool_free(p);
	return rc == SP_POOL_EMPTY ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *baseline = argc > 1 ? argv[1] : "bench/pool_baseline.py";
	char dir[] = "/tmp/sheetpile-bench-pool-XXXXXX";
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	double d[N_JOBS];
	durations(d);
	static char text[N_JOBS][32];
	static char *argvs[N_JOBS][3];
	sp_pool_job_t jobs[N_NOOP];
	memset(jobs, 0, sizeof jobs);
	double sum = 0, max = 0;
	for (int i = 0; i < N_JOBS; i++) {
		snprintf(text[i], sizeof text[i], "%.3f", d[i]);
		argvs[i][0] = "sleep", argvs[i][1] = text[i], argvs[i][2] = NULL;
		jobs[i].argv = argvs[i];
		jobs[i].workdir = dir;
		jobs[i].estimate_s = d[i];
	}
	double makespan;
	if (run(jobs, N_JOBS, LICENCES, &makespan))
		return 1;
	for (int i = 0; i < N_JOBS; i++) {
		sum += jobs[i].busy_s;
		max = jobs[i].busy_s > max ? jobs[i].busy_s : max;
	}
	double lb = sum / LICENCES > max ? sum / LICENCES : max;
	printf("skewed jobs      %d jobs (0.05-1.0 s), %d licences, longest first\n", N_JOBS, LICENCES);
	printf("makespan         %.3f s, lower bound max(sum t / %d, max t) %.3f s: ratio %.3f (target <= 1.05)\n",
	       makespan, LICENCES, lb, makespan / lb);

	static char *noop[] = {"true", NULL};
	for (int i = 0; i < N_NOOP; i++) {
		memset(&jobs[i], 0, sizeof jobs[i]);
		jobs[i].argv = noop;
		jobs[i].workdir = dir;
	}
	double t1, t4, bare = bare_spawn_s(N_NOOP);
	if (run(jobs, N_NOOP, 1, &t1) || run(jobs, N_NOOP, LICENCES, &t4))
		return 1;
	bare = 0.5 * (bare + bare_spawn_s(N_NOOP)); /* before and after: the machine's load drifts */
	printf("no-op solver     %d jobs of `true`: %.2f ms per job on 1 licence, process start included "
	       "(%.2f ms wall per job on %d; target <= 5 ms);\n"
	       "                 a bare posix_spawnp + waitpid of `true` takes %.2f ms on this machine now:\n"
	       "                 the pool adds about %.2f ms per job\n",
	       N_NOOP, 1e3 * t1 / N_NOOP, 1e3 * t4 / N_NOOP, LICENCES, 1e3 * bare, 1e3 * (t1 / N_NOOP - bare));

	char cmd[8192];
	int n = snprintf(cmd, sizeof cmd, "python3 '%s' %d", baseline, LICENCES);
	for (int i = 0; i < N_JOBS; i++)
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s", text[i]);
	FILE *fp = popen(cmd, "r");
	double py = 0;
	if (fp == NULL || fscanf(fp, "%lf", &py) != 1 || py <= 0) {
		printf("python baseline  skipped (python3 or %s not found)\n", baseline);
	} else {
		printf("python baseline  ThreadPoolExecutor(max_workers=%d), submission order: %.3f s; "
		       "sheetpile %.2fx faster (target >= 1.2)\n", LICENCES, py, py / makespan);
	}
	if (fp)
		pclose(fp);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}
