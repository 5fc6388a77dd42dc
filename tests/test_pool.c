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
	char p[1024];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return access(p, F_OK) == 0;
}

/* The pid written by a job into dir/name, or -1. */
static pid_t S_pid(const char *dir, const char *name)
{
	char p[1024];
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

/* sp_pool_cancel_all with running = 1 (best-first's proof): one owner's
 * running job is killed with its process group and its licence goes at
 * once to the other owner's queued job; the third, of the same owner,
 * queued, never starts. Source of the expectation: pool.h's contract. */
static void test_cancel_running(void)
{
	const char *d0 = S_dir("cancel", 0), *d1 = S_dir("cancel", 1), *d2 = S_dir("cancel", 2);
	char slow[512];
	snprintf(slow, sizeof slow, "echo $$ > %s/self; sleep 30", d0);
	char *a0[] = {"/bin/sh", "-c", slow, NULL};
	char *a1[] = {"/bin/sh", "-c", "exit 0", NULL};
	int owner_a, owner_b;
	sp_pool_job_t jobs[3];
	memset(jobs, 0, sizeof jobs);
	jobs[0].argv = a0, jobs[0].workdir = d0, jobs[0].estimate_s = 3, jobs[0].owner = &owner_a;
	jobs[1].argv = a1, jobs[1].workdir = d1, jobs[1].estimate_s = 2, jobs[1].owner = &owner_b;
	jobs[2].argv = a1, jobs[2].workdir = d2, jobs[2].estimate_s = 1, jobs[2].owner = &owner_a;
	sp_pool_opts_t o = {.slots = 1, .kill_grace_s = 0.2};
	sp_err_t err = {0, ""};
	sp_pool_t *p = sp_pool_alloc(&o, jobs, 3, &err);
	size_t k = 99;
	INT_EQ(sp_pool_wait(p, &k, 0.0, &err), SP_POOL_IDLE, "cancel running: the longest job runs, nothing finished");
	for (int i = 0; i < 500 && S_pid(d0, "self") <= 0; i++) { /* job 0 has started: wait for its pid */
		struct timespec ts = {0, 10000000};
		nanosleep(&ts, NULL);
	}
	pid_t pid = S_pid(d0, "self");
	INT_EQ(sp_pool_cancel_all(p, &owner_a, 1), 2, "cancel running: owner A's running and queued jobs cancelled");
	OK(pid > 0 && S_gone(pid), "cancel running: its solver is gone");
	INT_EQ(sp_pool_next(p, &k, &err), SP_POOL_FINISHED, "cancel running: the freed licence runs owner B's job");
	INT_EQ(k, 1, "cancel running: it is job 1");
	INT_EQ(sp_pool_next(p, &k, &err), SP_POOL_EMPTY, "cancel running: nothing else is handed out");
	INT_EQ(jobs[2].attempts, 0, "cancel running: the queued job never started");
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

/* A record as the pool writes it, with pid as given (any text). */
static void S_record(char *buf, size_t size, const char *pid, unsigned long long start, unsigned long uid,
                     const char *host, const char *boot, const char *token)
{
	snprintf(buf, size, "sheetpile-solver 1\npid %s\nstart %llu\nuid %lu\nhost %s\nboot %s\ntoken %s\n", pid, start,
	         uid, host, boot, token);
}

static const char *S_boot = "6f1d2c3b-4a59-4e68-8b7a-9c0d1e2f3a4b"; /* not this machine's */
static const char *S_tok = "00112233445566778899aabbccddeeff";

/* solver.pid's parser: only what the pool writes, a pid in 2..INT_MAX */
static void test_record_parse(void)
{
	/* 4294967297 was kill(-1): every process; 4294967295 pid 1;
	 * 4294967296 our own group; 2147483648 -(pid_t)INT_MIN */
	static const char *bad_pids[] = {"4294967297", "4294967295", "4294967296", "2147483648", "-1", "0", "1", "",
	                                 "+5", " 5", "5 ", "5x", "05", "0x10", "1e3", "5\t", "-2147483648",
	                                 "18446744073709551617", "99999999999999999999999", "12 34"};
	pid_t pid = 0;
	int refused = 0, whole = 0;
	char rec[1024];
	sp_pool_record_t r;
	sp_err_t err = {0, ""};
	for (size_t k = 0; k < sizeof bad_pids / sizeof *bad_pids; k++) {
		int ok = sp_pool_parse_pid(bad_pids[k], &pid);
		S_record(rec, sizeof rec, bad_pids[k], 123, 1000, "node1", S_boot, S_tok);
		int rc = sp_pool_record_parse(rec, strlen(rec), &r, &err);
		refused += !ok;
		whole += rc == SP_EDATA;
		if (ok || rc != SP_EDATA)
			printf("FAIL pid '%s' accepted\n", bad_pids[k]);
	}
	INT_EQ(refused, sizeof bad_pids / sizeof *bad_pids, "parse pid: every bad pid refused");
	INT_EQ(whole, sizeof bad_pids / sizeof *bad_pids, "record: every bad pid refused");
	OK(sp_pool_parse_pid("2", &pid) && pid == 2, "parse pid: 2");
	OK(sp_pool_parse_pid("2147483647", &pid) && pid == 2147483647, "parse pid: INT_MAX");
	S_record(rec, sizeof rec, "4242", 987654321, 1000, "node-1.example", S_boot, S_tok);
	INT_EQ(sp_pool_record_parse(rec, strlen(rec), &r, &err), SP_OK, "record: a good one");
	OK(r.pid == 4242 && r.start == 987654321 && r.uid == 1000 && strcmp(r.host, "node-1.example") == 0 &&
	       strcmp(r.boot, S_boot) == 0 && strcmp(r.token, S_tok) == 0,
	   "record: its fields");
	/* one line changed at a time: each is refused */
	struct {
		const char *what, *from, *to;
	} bad[] = {
		{"the old format", NULL, "4242 987654321\n"},
		{"a line more", "token 00112233445566778899aabbccddeeff\n", "token 00112233445566778899aabbccddeeff\nx\n"},
		{"no newline at the end", "eeff\n", "eeff"},
		{"a NUL byte", "node-1", "node\0001"},
		{"start 0", "start 987654321", "start 0"},
		{"start past 2^64", "start 987654321", "start 18446744073709551616"},
		{"uid -1", "uid 1000", "uid 4294967295"},
		{"uid signed", "uid 1000", "uid -1000"},
		{"a space in the host", "node-1.example", "node 1"},
		{"a short boot id", "9c0d1e2f3a4b", "9c0d1e2f3a4"},
		{"a capital in the token", "00112233", "0011223A"},
		{"a short token", "eeff\n", "eef\n"},
		{"lines swapped", "uid 1000\nhost node-1.example\n", "host node-1.example\nuid 1000\n"},
		{"another version", "sheetpile-solver 1", "sheetpile-solver 2"},
		{"CR LF", "\npid", "\r\npid"},
	};
	int n_refused = 0;
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		char t[1100];
		size_t len;
		if (bad[k].from == NULL) {
			len = strlen(bad[k].to);
			memcpy(t, bad[k].to, len);
		} else {
			const char *at = strstr(rec, bad[k].from);
			size_t a = (size_t)(at - rec), fl = strlen(bad[k].from),
			       tl = strcmp(bad[k].what, "a NUL byte") == 0 ? sizeof "node\0001" - 1 : strlen(bad[k].to);
			memcpy(t, rec, a);
			memcpy(t + a, bad[k].to, tl);
			memcpy(t + a + tl, at + fl, strlen(at + fl));
			len = a + tl + strlen(at + fl);
		}
		int rc = sp_pool_record_parse(t, len, &r, &err);
		n_refused += rc == SP_EDATA;
		if (rc != SP_EDATA)
			printf("FAIL record with %s accepted\n", bad[k].what);
	}
	INT_EQ(n_refused, sizeof bad / sizeof *bad, "record: every bad line refused");
	char big[1100];
	memset(big, 'x', sizeof big);
	INT_EQ(sp_pool_record_parse(big, sizeof big, &r, &err), SP_EDATA, "record: too long");
}

static int S_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return 0;
	fputs(text, f);
	return fclose(f) == 0;
}

static int S_contains(const char *path, const char *what)
{
	char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	return strstr(buf, what) != NULL;
}

static int S_alive(pid_t pid)
{
	return kill(pid, 0) == 0 && !S_zombie(pid);
}

static int S_sh(const char *fmt, const char *a, const char *b)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, fmt, a, b);
	return system(cmd) == 0;
}

/* Does /proc/PID/environ hold the entry exactly? */
static int S_environ_holds(pid_t pid, const char *entry)
{
	char p[64], buf[65536];
	snprintf(p, sizeof p, "/proc/%ld/environ", (long)pid);
	FILE *f = fopen(p, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	for (size_t k = 0; k < n; k += strlen(buf + k) + 1)
		if (strcmp(buf + k, entry) == 0)
			return 1;
	return 0;
}

/* A solver left by a pool that was killed (SIGKILL): a child process runs
 * a pool whose job traps SIGTERM (and copies the log then), and is killed.
 * The solver's pid in *solver; the pool wrote work/a7/solver.pid. */
static pid_t S_killed_pool(const char *dir, const char *log, pid_t *solver)
{
	char script[4096]; /* runs in dir, which is made anew before the solver is stopped */
	snprintf(script, sizeof script, "trap 'cp %s %s/seen; exit 0' TERM; echo $$ > self.tmp; mv self.tmp self; "
	         "sleep 30 & wait", log, dir);
	pid_t child = fork();
	if (child == 0) {
		char *argv[] = {"/bin/sh", "-c", script, NULL};
		sp_pool_job_t job;
		memset(&job, 0, sizeof job);
		job.argv = argv, job.workdir = dir;
		sp_pool_opts_t o = {.slots = 1, .kill_grace_s = 1};
		sp_err_t err = {0, ""};
		sp_pool_t *p = sp_pool_alloc(&o, &job, 1, &err);
		size_t k;
		if (p)
			sp_pool_next(p, &k, &err);
		_exit(1);
	}
	for (int i = 0; i < 500 && S_pid(dir, "self") <= 0; i++) {
		struct timespec ts = {0, 10000000};
		nanosleep(&ts, NULL);
	}
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	*solver = S_pid(dir, "self");
	return child;
}

/* solver.pid left by a killed run: a group is stopped only with proof that
 * it is a solver a pool started (its token in its environment, this user,
 * this host and boot, the recorded start time), and only through files and
 * directories of this user that are no links; said on the log before. */
static void test_leftovers(void)
{
	char work[600], dir[700], path[800], log[700], saved[1024], rec[1024];
	snprintf(work, sizeof work, "%s/work", root);
	snprintf(dir, sizeof dir, "%s/a7", work);
	snprintf(path, sizeof path, "%s/solver.pid", dir);
	snprintf(log, sizeof log, "%s/leftovers.log", root);
	mkdir(work, 0777);
	mkdir(dir, 0777);
	FILE *logf = fopen(log, "w");
	sp_pool_set_log(logf);
	pid_t solver = 0;
	S_killed_pool(dir, log, &solver);
	OK(solver > 0 && S_alive(solver), "leftovers: the killed pool's solver still runs");
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(saved, 1, sizeof saved - 1, f) : 0;
	if (f)
		fclose(f);
	saved[n] = '\0';
	sp_pool_record_t r;
	sp_err_t err = {0, ""};
	INT_EQ(sp_pool_record_parse(saved, n, &r, &err), SP_OK, "leftovers: the pool wrote a solver.pid");
	struct stat sb;
	OK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "leftovers: solver.pid is 0600");
	OK(r.pid == solver && r.start == S_starttime(solver) && r.uid == geteuid(), "leftovers: its pid, start, uid");
	snprintf(rec, sizeof rec, "SHEETPILE_RUN_TOKEN=%s", r.token);
	OK(S_environ_holds(solver, rec), "leftovers: the solver's environment holds the token");
	/* a bystander in its own group, started by this test */
	pid_t by = fork();
	if (by == 0) {
		setpgid(0, 0);
		execlp("sleep", "sleep", "30", (char *)NULL);
		_exit(127);
	}
	setpgid(by, by);
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	char pid_s[32], by_s[32], wrap_s[32], neg_s[32];
	snprintf(pid_s, sizeof pid_s, "%ld", (long)solver);
	snprintf(by_s, sizeof by_s, "%ld", (long)by);
	snprintf(wrap_s, sizeof wrap_s, "%lld", 4294967296LL + by);  /* (pid_t) wraps to the bystander */
	snprintf(neg_s, sizeof neg_s, "%lld", 4294967296LL - by);   /* -(pid_t) is the bystander */
	/* each forgery alone in a7 (the honest record gone), or the honest
	 * record where it must not be trusted: nothing is stopped */
	struct {
		const char *what, *pid;
		unsigned long long start;
		unsigned long uid;
		const char *host, *boot, *token, *setup;
		int kept; /* the file stays: another host's */
	} forged[] = {
		{"another start time (number reused)", pid_s, r.start + 1, r.uid, r.host, r.boot, r.token, NULL, 0},
		{"another token", pid_s, r.start, r.uid, r.host, r.boot, S_tok, NULL, 0},
		{"another host (MPI)", pid_s, r.start, r.uid, "elsewhere", r.boot, r.token, NULL, 1},
		{"another boot", pid_s, r.start, r.uid, r.host, S_boot, r.token, NULL, 0},
		{"another uid", pid_s, r.start, r.uid + 1, r.host, r.boot, r.token, NULL, 0},
		{"the bystander", by_s, S_starttime(by), r.uid, r.host, r.boot, r.token, NULL, 0},
		{"the bystander + 2^32", wrap_s, S_starttime(by), r.uid, r.host, r.boot, r.token, NULL, 0},
		{"2^32 - the bystander", neg_s, S_starttime(by), r.uid, r.host, r.boot, r.token, NULL, 0},
		{"4294967297", "4294967297", r.start, r.uid, r.host, r.boot, r.token, NULL, 0},
		{"a7 a link", pid_s, r.start, r.uid, r.host, r.boot, r.token, "mv a7 a7.real && ln -s a7.real a7", 1},
		{"solver.pid a link", pid_s, r.start, r.uid, r.host, r.boot, r.token,
		 "mv a7/solver.pid a7/real.pid && ln -s real.pid a7/solver.pid", 1},
		{"a7 another user's", pid_s, r.start, r.uid, r.host, r.boot, r.token, "chown nobody a7", 1},
		{"solver.pid another user's", pid_s, r.start, r.uid, r.host, r.boot, r.token, "chown nobody a7/solver.pid", 1},
		{"work another user's", pid_s, r.start, r.uid, r.host, r.boot, r.token, "chown nobody .", 1},
		{"work a link", pid_s, r.start, r.uid, r.host, r.boot, r.token,
		 "cd .. && mv work work.real && ln -s work.real work", 1},
	};
	int root_user = geteuid() == 0;
	for (size_t k = 0; k < sizeof forged / sizeof *forged; k++) {
		if (!root_user && forged[k].setup && strstr(forged[k].setup, "chown")) {
			printf("note: not root: '%s' not tried\n", forged[k].what);
			continue;
		}
		S_sh("rm -rf %s && mkdir -p %s", work, dir);
		S_record(rec, sizeof rec, forged[k].pid, forged[k].start, forged[k].uid, forged[k].host, forged[k].boot,
		         forged[k].token);
		S_write(path, rec);
		if (forged[k].setup && !S_sh("cd %s && %s", work, forged[k].setup))
			printf("FAIL setup of '%s'\n", forged[k].what);
		size_t stopped = 99;
		char name[300];
		sp_pool_stop_leftovers(work, 0.5, &stopped);
		snprintf(name, sizeof name, "leftovers: %s: nothing stopped", forged[k].what);
		INT_EQ(stopped, 0, name);
		snprintf(name, sizeof name, "leftovers: %s: the solver and the bystander still run", forged[k].what);
		OK(S_alive(solver) && S_alive(by), name);
		snprintf(name, sizeof name, "leftovers: %s: the file %s", forged[k].what, forged[k].kept ? "kept" : "removed");
		OK((access(path, F_OK) == 0) == forged[k].kept, name);
		S_sh("rm -rf %s %s.real", work, work);
	}
	/* the honest record, where the pool wrote it: stopped, said before */
	S_sh("rm -rf %s && mkdir -p %s", work, dir);
	S_write(path, saved);
	size_t stopped = 99;
	sp_pool_stop_leftovers(work, 2.0, &stopped);
	INT_EQ(stopped, 1, "leftovers: the killed pool's solver is stopped");
	OK(S_gone(solver), "leftovers: it is gone");
	OK(S_alive(by), "leftovers: the bystander still runs");
	OK(access(path, F_OK) != 0, "leftovers: solver.pid removed");
	char said[300], seen[800];
	snprintf(said, sizeof said, "stopping solver process group %ld", (long)solver);
	snprintf(seen, sizeof seen, "%s/seen", dir);
	OK(S_contains(log, said), "leftovers: the log names the group it stops");
	OK(S_contains(seen, said), "leftovers: ... before the signal (the solver's trap saw it)");
	OK(S_contains(log, "a7: owned by another user") && S_contains(log, "a7: a symbolic link") &&
	       S_contains(log, "work: a symbolic link") && S_contains(log, "left alone: its environment does not hold"),
	   "leftovers: the log says which files were ignored, and why");
	kill(by, SIGKILL);
	waitpid(by, NULL, 0);
	sp_pool_set_log(NULL);
	fclose(logf);
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
	test_cancel_running();
	test_record_parse();
	test_leftovers();
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("note: could not remove %s\n", root);
	printf("%d passed, %d failed\n", sp_test_pass, sp_test_fail);
	return sp_test_fail != 0;
}
