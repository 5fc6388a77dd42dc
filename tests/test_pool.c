/* test_pool.c - the licence pool with /bin/sh jobs: the licence bound,
 * longest first, timeouts that kill the whole process group, retries,
 * licence denials, crashes, a missing program and a stop request.
 * No check depends on how long anything takes. */
#define _GNU_SOURCE
#include "harness.h"
#include "pool.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char root[] = "/tmp/sheetpile-test-pool-XXXXXX";

/* A work directory for job k of a test. */
static const char *S_dir(const char *test, int k)
{
	static char buf[64][256];
	static int next;
	char *d = buf[next++ % 64];
	snprintf(d, 256, "%s/%s-%d", root, test, k);
	mkdir(d, 0777);
	return d;
}

static int S_exists(const char *dir, const char *name)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return access(p, F_OK) == 0;
}

/* The pid written by a job into dir/name, or -1. */
static pid_t S_pid(const char *dir, const char *name)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *fp = fopen(p, "r");
	long v = -1;
	if (fp) {
		if (fscanf(fp, "%ld", &v) != 1)
			v = -1;
		fclose(fp);
	}
	return (pid_t)v;
}

/* A zombie waiting for its parent (init in a container may never reap). */
static int S_zombie(pid_t pid)
{
	char p[64], buf[256];
	snprintf(p, sizeof p, "/proc/%ld/stat", (long)pid);
	FILE *fp = fopen(p, "r");
	if (fp == NULL)
		return 1;
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	const char *r = strrchr(buf, ')');
	return r && r[1] == ' ' && (r[2] == 'Z' || r[2] == 'X');
}

/* Gone within 5 s (a killed orphan is reaped by init a moment later). */
static int S_gone(pid_t pid)
{
	for (int i = 0; i < 500; i++) {
		if ((kill(pid, 0) != 0 && errno == ESRCH) || S_zombie(pid))
			return 1;
		struct timespec ts = {0, 10000000};
		nanosleep(&ts, NULL);
	}
	return 0;
}

/* Run every job to the end; returns the number of FINISHED answers. */
static int S_run(const sp_pool_opts_t *o, sp_pool_job_t *jobs, size_t n, int *max_running)
{
	sp_err_t err = {0, ""};
	sp_pool_t *p = sp_pool_alloc(o, jobs, n, &err);
	if (p == NULL)
		return -1;
	size_t k;
	int rc, finished = 0;
	while ((rc = sp_pool_next(p, &k, &err)) == SP_POOL_FINISHED)
		finished++;
	if (max_running)
		*max_running = sp_pool_max_running(p);
	sp_pool_free(p);
	return rc == SP_POOL_EMPTY ? finished : -1;
}

static void test_licences(void)
{
	/* a lock-directory counter: each job takes the first free slotK; a job
	 * that finds slot1..slot3 taken has more than 3 companions running */
	char lock[300];
	snprintf(lock, sizeof lock, "%s/locks", root);
	mkdir(lock, 0777);
	char script[2048];
	snprintf(script, sizeof script,
	         "k=1; while [ $k -le 4 ]; do mkdir %s/slot$k 2>/dev/null && break; k=$((k+1)); done; "
	         "[ $k -le 3 ] || touch %s/over; sleep 0.02; rmdir %s/slot$k 2>/dev/null; exit 0",
	         lock, lock, lock);
	enum { N = 12 };
	char *argv[] = {"/bin/sh", "-c", script, NULL};
	sp_pool_job_t jobs[N];
	memset(jobs, 0, sizeof jobs);
	for (int i = 0; i < N; i++) {
		jobs[i].argv = argv;
		jobs[i].workdir = S_dir("lic", i);
		jobs[i].estimate_s = i == 7 ? 5.0 : 1.0; /* job 7 is the longest */
	}
	sp_pool_opts_t o = {.slots = 3, .kill_grace_s = 1};
	int peak = 0;
	INT_EQ(S_run(&o, jobs, N, &peak), N, "licences: every job finishes once");
	OK(!S_exists(lock, "over"), "licences: never more than 3 jobs at once (lock-directory counter)");
	/* the pool fills all 3 slots before it waits for anything */
	INT_EQ(peak, 3, "licences: 3 jobs run at once");
	int ok = 1;
	for (int i = 0; i < N; i++)
		ok &= jobs[i].outcome == SP_JOB_OK && jobs[i].attempts == 1 && jobs[i].slot >= 0 && jobs[i].slot < 3
		      && S_exists(jobs[i].workdir, "stdout.txt") && S_exists(jobs[i].workdir, "stderr.txt");
	OK(ok, "licences: all ok, one attempt, slots 0..2, stdout/stderr captured");
	/* longest first: job 7 is started first, into slot 0 */
	INT_EQ(jobs[7].slot, 0, "longest first: the longest job takes the first slot");
	int first = 1;
	for (int i = 0; i < N; i++)
		first &= jobs[7].start_s <= jobs[i].start_s;
	OK(first, "longest first: the longest job starts first");
}

static void test_faults(void)
{
	enum { EXIT3, CRASH, HANG, STUBBORN, MISSING, N };
	char hang[512], stubborn[512];
	const char *dir[N];
	for (int i = 0; i < N; i++)
		dir[i] = S_dir("fault", i);
	/* a hanging job with a grandchild in its process group: both must go */
	snprintf(hang, sizeof hang, "sleep 30 & echo $! > %s/child; wait", dir[HANG]);
	/* ignores SIGTERM: needs the SIGKILL after the grace time */
	snprintf(stubborn, sizeof stubborn, "trap '' TERM; echo $$ > %s/self; sleep 30 & wait; sleep 30", dir[STUBBORN]);
	char *a_exit[] = {"/bin/sh", "-c", "echo out; echo err >&2; exit 3", NULL};
	char *a_crash[] = {"/bin/sh", "-c", "kill -SEGV $$", NULL};
	char *a_hang[] = {"/bin/sh", "-c", hang, NULL};
	char *a_stub[] = {"/bin/sh", "-c", stubborn, NULL};
	char *a_missing[] = {"/nonexistent/solver", NULL};
	char **argv[N] = {a_exit, a_crash, a_hang, a_stub, a_missing};
	sp_pool_job_t jobs[N];
	memset(jobs, 0, sizeof jobs);
	for (int i = 0; i < N; i++) {
		jobs[i].argv = argv[i];
		jobs[i].workdir = dir[i];
	}
	/* a time limit long enough for the shells to write their pid files on a loaded machine */
	sp_pool_opts_t o = {.slots = 2, .timeout_s = 0.8, .kill_grace_s = 0.2, .retries = 1, .backoff_s = 0.01};
	INT_EQ(S_run(&o, jobs, N, NULL), N, "faults: every job comes back once");
	INT_EQ(jobs[EXIT3].outcome, SP_JOB_EXIT, "exit 3: failed");
	INT_EQ(jobs[EXIT3].code, 3, "exit 3: the code");
	INT_EQ(jobs[EXIT3].attempts, 2, "exit 3: 1 + 1 retry");
	OK(S_exists(dir[EXIT3], "stdout.txt") && S_exists(dir[EXIT3], "stderr.txt"), "exit 3: stdout and stderr kept");
	INT_EQ(jobs[CRASH].outcome, SP_JOB_SIGNAL, "crash: killed by a signal");
	INT_EQ(jobs[CRASH].code, SIGSEGV, "crash: SIGSEGV");
	INT_EQ(jobs[HANG].outcome, SP_JOB_TIMEOUT, "hang: timeout");
	INT_EQ(jobs[HANG].attempts, 2, "hang: retried");
	pid_t child = S_pid(dir[HANG], "child");
	OK(child > 0 && S_gone(child), "hang: the grandchild in its process group is killed too");
	INT_EQ(jobs[STUBBORN].outcome, SP_JOB_TIMEOUT, "SIGTERM ignored: timeout all the same (SIGKILL)");
	pid_t self = S_pid(dir[STUBBORN], "self");
	OK(self > 0 && S_gone(self), "SIGTERM ignored: the process is gone");
	INT_EQ(jobs[MISSING].outcome, SP_JOB_SPAWN, "missing program: not started");
	INT_EQ(jobs[MISSING].attempts, 1, "missing program: no retry");
}

static void test_denied(void)
{
	/* denied twice (exit 9 / the message), then a success: with retries = 0
	 * the denials must not count as failures */
	const char *d1 = S_dir("denied", 0), *d2 = S_dir("denied", 1), *d3 = S_dir("denied", 2);
	char *a1[] = {"/bin/sh", "-c", "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; [ $n -ge 2 ] || exit 9", NULL};
	char *a2[] = {"/bin/sh", "-c",
	              "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; "
	              "if [ $n -lt 2 ]; then echo 'Error: no license available' >&2; fi; exit 0", NULL};
	char *a3[] = {"/bin/sh", "-c", "exit 9", NULL}; /* never gets a licence */
	sp_pool_job_t jobs[3];
	memset(jobs, 0, sizeof jobs);
	jobs[0].argv = a1, jobs[0].workdir = d1;
	jobs[1].argv = a2, jobs[1].workdir = d2;
	jobs[2].argv = a3, jobs[2].workdir = d3;
	int codes[] = {9};
	sp_pool_opts_t o = {.slots = 2, .kill_grace_s = 1, .retries = 0, .backoff_s = 0.01, .denied_codes = codes,
	                    .n_denied_codes = 1, .denied_pattern = "[Nn]o licen[cs]e", .denied_retries = 5};
	INT_EQ(S_run(&o, jobs, 3, NULL), 3, "denied: every job comes back");
	INT_EQ(jobs[0].outcome, SP_JOB_OK, "denied by exit code twice, then ok");
	INT_EQ(jobs[0].denials, 2, "exit code: 2 denials");
	INT_EQ(jobs[0].attempts, 3, "exit code: 3 attempts with retries = 0");
	INT_EQ(jobs[1].outcome, SP_JOB_OK, "denied by the message twice, then ok");
	INT_EQ(jobs[1].denials, 2, "message: 2 denials");
	INT_EQ(jobs[2].outcome, SP_JOB_DENIED, "always denied: gives up");
	INT_EQ(jobs[2].attempts, 6, "always denied: 1 + licence_denied_retries attempts");
}

static void test_stop(void)
{
	const char *d0 = S_dir("stop", 0), *d1 = S_dir("stop", 1);
	char slow[512];
	snprintf(slow, sizeof slow, "echo $$ > %s/self; sleep 30", d1);
	char *a0[] = {"/bin/sh", "-c", "exit 0", NULL};
	char *a1[] = {"/bin/sh", "-c", slow, NULL};
	sp_pool_job_t jobs[2];
	memset(jobs, 0, sizeof jobs);
	jobs[0].argv = a0, jobs[0].workdir = d0, jobs[0].estimate_s = 1;
	jobs[1].argv = a1, jobs[1].workdir = d1, jobs[1].estimate_s = 2;
	volatile sig_atomic_t stop = 0;
	sp_pool_opts_t o = {.slots = 2, .kill_grace_s = 0.5, .stop = &stop};
	sp_err_t err = {0, ""};
	sp_pool_t *p = sp_pool_alloc(&o, jobs, 2, &err);
	size_t k = 99;
	int rc = sp_pool_next(p, &k, &err);
	INT_EQ(rc, SP_POOL_FINISHED, "stop: the quick job finishes");
	INT_EQ(k, 0, "stop: it is job 0");
	for (int i = 0; i < 500 && S_pid(d1, "self") <= 0; i++) { /* job 1 has started: wait for its pid */
		struct timespec ts = {0, 10000000};
		nanosleep(&ts, NULL);
	}
	stop = 1;
	INT_EQ(sp_pool_next(p, &k, &err), SP_POOL_STOPPED, "stop: the pool stops");
	pid_t pid = S_pid(d1, "self");
	OK(pid > 0 && S_gone(pid), "stop: the running job is terminated");
	sp_pool_free(p);
}

/* Jobs added to a running pool, two owners, per-job settings, cancel,
 * outlook and the IDLE answer. The owner-A jobs wait for a "go" file made
 * when the job with its own time limit has been stopped, so the order in
 * which they finish does not depend on timing. */
static void test_dynamic(void)
{
	char go[300], wait_go[600];
	snprintf(go, sizeof go, "%s/go", root);
	snprintf(wait_go, sizeof wait_go, "while [ ! -e %s ]; do sleep 0.01; done; exit 0", go);
	char *aw[] = {"/bin/sh", "-c", wait_go, NULL};
	char *ah[] = {"/bin/sh", "-c", "sleep 30", NULL};
	int owner_a, owner_b;
	sp_pool_opts_t o = {.slots = 2, .kill_grace_s = 0.2};
	sp_pool_opts_t quick = {.timeout_s = 0.3, .kill_grace_s = 0.2}; /* one job's own time limit */
	sp_err_t err = {0, ""};
	sp_pool_t *p = sp_pool_alloc(&o, NULL, 0, &err);
	OK(p != NULL, "dynamic: a pool without jobs");
	if (p == NULL)
		return;
	size_t k = 99;
	INT_EQ(sp_pool_wait(p, &k, 0.0, &err), SP_POOL_EMPTY, "dynamic: empty at first");
	sp_pool_job_t a[2], b[2], h;
	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	memset(&h, 0, sizeof h);
	h.argv = ah, h.workdir = S_dir("dyn-h", 0), h.estimate_s = 20, h.opts = &quick, h.owner = &owner_a;
	INT_EQ(sp_pool_add(p, &h, &k, &err), SP_OK, "dynamic: a job with its own settings added");
	INT_EQ(k, 0, "dynamic: it is index 0");
	a[0].argv = aw, a[0].workdir = S_dir("dyn-a", 0), a[0].estimate_s = 10, a[0].owner = &owner_a;
	sp_pool_add(p, &a[0], &k, &err);
	INT_EQ(k, 1, "dynamic: indices in the order of adding");
	/* two slots: both run, and neither can have finished */
	INT_EQ(sp_pool_wait(p, &k, 0.0, &err), SP_POOL_IDLE, "dynamic: nothing finished yet: IDLE");
	a[1].argv = aw, a[1].workdir = S_dir("dyn-a", 1), a[1].estimate_s = 11, a[1].owner = &owner_a;
	sp_pool_add(p, &a[1], NULL, &err);
	for (int i = 0; i < 2; i++) {
		b[i].argv = aw, b[i].workdir = S_dir("dyn-b", i), b[i].estimate_s = 1, b[i].owner = &owner_b;
		sp_pool_add(p, &b[i], NULL, &err);
	}
	sp_pool_outlook_t ol;
	sp_pool_outlook(p, &owner_a, &ol);
	OK(ol.submitted == 3 && ol.unfinished == 3 && ol.finished == 0 && !ol.calibrated && ol.slots == 2,
	   "dynamic: outlook of owner A (3 submitted, none finished, not calibrated)");
	/* not calibrated: estimates as they are; the waiting job counts 11, the
	 * running ones their estimate less what they have run (20 and 10 at most) */
	OK(ol.max_s >= 11.0 && ol.max_s <= 20.0 && ol.sum_s >= 11.0 && ol.sum_s <= 41.0,
	   "dynamic: A's remaining time from the estimates");
	INT_EQ(sp_pool_cancel(p, &owner_b), 2, "dynamic: owner B's 2 waiting jobs cancelled");
	sp_pool_outlook(p, NULL, &ol);
	INT_EQ(ol.unfinished, 3, "dynamic: 3 jobs left over all owners");
	int finished = 0, rc, first = -1;
	while ((rc = sp_pool_next(p, &k, &err)) == SP_POOL_FINISHED) {
		if (finished++ == 0) { /* only the limited job can finish before "go" exists */
			first = (int)k;
			FILE *fp = fopen(go, "w");
			if (fp)
				fclose(fp);
		}
	}
	INT_EQ(rc, SP_POOL_EMPTY, "dynamic: every job done");
	INT_EQ(finished, 3, "dynamic: A's 3 jobs finished, B's cancelled never ran");
	INT_EQ(first, 0, "dynamic: the limited job finished first");
	INT_EQ(h.outcome, SP_JOB_TIMEOUT, "dynamic: a job's own timeout_s applies");
	OK(b[0].attempts == 0 && b[1].attempts == 0, "dynamic: cancelled jobs never started");
	OK(a[0].outcome == SP_JOB_OK && a[1].outcome == SP_JOB_OK, "dynamic: the other jobs ok");
	sp_pool_outlook(p, &owner_a, &ol);
	OK(ol.unfinished == 0 && ol.finished == 3 && ol.calibrated, "dynamic: outlook at the end");
	sp_pool_free(p);
}

/* The start time of pid, /proc/PID/stat field 22 (proc(5)), 0 if none. */
static unsigned long long S_starttime(pid_t pid)
{
	char p[64], buf[1024];
	snprintf(p, sizeof p, "/proc/%ld/stat", (long)pid);
	FILE *fp = fopen(p, "r");
	if (fp == NULL)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	const char *r = strrchr(buf, ')');
	unsigned long long t = 0;
	/* after ") " come fields 3, 4, ...: skip 19 to reach field 22 */
	for (int k = 0; r && k < 20; k++)
		r = strchr(r + 1, ' ');
	if (r)
		t = strtoull(r + 1, NULL, 10);
	return t;
}

/* solver.pid left by a killed run: a group is stopped only when its leader
 * has the recorded start time (a reused number is left alone) */
static void test_leftovers(void)
{
	char work[600], dir[700], path[800];
	snprintf(work, sizeof work, "%s/work", root);
	snprintf(dir, sizeof dir, "%s/a7", work);
	mkdir(work, 0777);
	mkdir(dir, 0777);
	snprintf(path, sizeof path, "%s/solver.pid", dir);
	pid_t child = fork();
	if (child == 0) {
		setpgid(0, 0);
		execlp("sleep", "sleep", "30", (char *)NULL);
		_exit(127);
	}
	setpgid(child, child);
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	unsigned long long t = S_starttime(child);
	OK(t > 0, "leftovers: the child's start time");
	FILE *f = fopen(path, "w");
	fprintf(f, "%ld %llu\n", (long)child, t + 1); /* another start time: the number was reused */
	fclose(f);
	size_t stopped = 99;
	sp_pool_stop_leftovers(work, 0.5, &stopped);
	INT_EQ(stopped, 0, "leftovers: a group whose leader started at another time is left alone");
	OK(kill(child, 0) == 0 && !S_zombie(child), "leftovers: that process still runs");
	f = fopen(path, "w");
	fprintf(f, "%ld %llu\n", (long)child, t);
	fclose(f);
	sp_pool_stop_leftovers(work, 0.5, &stopped);
	INT_EQ(stopped, 1, "leftovers: the recorded group is stopped");
	int status = 0;
	OK(waitpid(child, &status, 0) == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	   "leftovers: by SIGTERM");
	OK(access(path, F_OK) != 0, "leftovers: solver.pid removed");
}

int main(void)
{
	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_licences();
	test_faults();
	test_denied();
	test_stop();
	test_dynamic();
	test_leftovers();
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("note: could not remove %s\n", root);
	printf("%d passed, %d failed\n", sp_test_pass, sp_test_fail);
	return sp_test_fail != 0;
}
