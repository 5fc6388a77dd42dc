/* pool.c - the licence pool: posix_spawn, process groups, poll on pidfds. */
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np, SYS_pidfd_open */
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <dirent.h>
#include <regex.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define S_POLL_CAP_MS 100            /* the stop flag is looked at this often at least */
#define S_BACKOFF_MAX_S 60.0
#define S_SCAN_BYTES (1 << 20)       /* of stdout/stderr searched for the denial pattern */

enum { S_PENDING = 0, S_RUNNING, S_WAITING, S_DONE };

typedef struct {
	int state;
	int local;          /* index into slot_job while running */
	pid_t pid;
	int pidfd;          /* -1: poll by sleeping */
	int failures;
	int term_sent, timed_out;
	long re;            /* index into the regex cache, -1: none */
	double deadline, kill_at, ready_at;
} S_run;

typedef struct {
	const sp_pool_opts_t *key;
	regex_t re;
} S_regex;

struct sp_pool {
	sp_pool_opts_t o;
	sp_pool_job_t **jobs;
	size_t n, cap;
	S_run *run;
	size_t *heap, n_heap;        /* never-started jobs: a max-heap, longest first */
	size_t *waiting, n_waiting;  /* jobs waiting for a retry */
	size_t *fin, fin_head, fin_tail; /* finished, not yet handed out */
	size_t *slot_job;            /* SIZE_MAX: free */
	int running, max_running;
	size_t done;
	size_t *order, n_order;      /* gate: every job in longest-first order (the heap emptied at the first claim) */
	size_t claimed;              /* gate: jobs claimed here */
	int claimed_all, starved;    /* gate: nothing left to claim; no licence free at the last look */
	S_regex *res;                /* compiled licence_denied_pattern per opts */
	size_t n_res;
	struct timespec t0;
};

double sp_pool_elapsed_s(const sp_pool_t *p)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - p->t0.tv_sec) + 1e-9 * (double)(t.tv_nsec - p->t0.tv_nsec);
}

int sp_pool_max_running(const sp_pool_t *p)
{
	return p->max_running;
}

/* Heap order: a longer estimate first, then the lower index. */
static int S_before(const sp_pool_t *p, size_t a, size_t b)
{
	double x = p->jobs[a]->estimate_s, y = p->jobs[b]->estimate_s;
	if (x != y)
		return x > y;
	return a < b;
}

static void S_heap_push(sp_pool_t *p, size_t i)
{
	size_t k = p->n_heap++;
	while (k > 0 && S_before(p, i, p->heap[(k - 1) / 2])) {
		p->heap[k] = p->heap[(k - 1) / 2];
		k = (k - 1) / 2;
	}
	p->heap[k] = i;
}

static size_t S_heap_pop(sp_pool_t *p)
{
	size_t top = p->heap[0], last = p->heap[--p->n_heap], k = 0;
	for (;;) {
		size_t c = 2 * k + 1;
		if (c >= p->n_heap)
			break;
		if (c + 1 < p->n_heap && S_before(p, p->heap[c + 1], p->heap[c]))
			c++;
		if (!S_before(p, p->heap[c], last))
			break;
		p->heap[k] = p->heap[c];
		k = c;
	}
	if (p->n_heap)
		p->heap[k] = last;
	return top;
}

static const sp_pool_opts_t *S_opts(const sp_pool_t *p, size_t i)
{
	return p->jobs[i]->opts ? p->jobs[i]->opts : &p->o;
}

/* The compiled pattern of o (compiled once per opts), -1 without one. */
static int S_regex_of(sp_pool_t *p, const sp_pool_opts_t *o, long *index, sp_err_t *err)
{
	*index = -1;
	if (o->denied_pattern == NULL || o->denied_pattern[0] == '\0')
		return SP_OK;
	for (size_t k = 0; k < p->n_res; k++)
		if (p->res[k].key == o) {
			*index = (long)k;
			return SP_OK;
		}
	S_regex *r = realloc(p->res, (p->n_res + 1) * sizeof *r);
	if (r == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	p->res = r;
	int e = regcomp(&r[p->n_res].re, o->denied_pattern, REG_EXTENDED | REG_NOSUB);
	if (e != 0) {
		char msg[200];
		regerror(e, &r[p->n_res].re, msg, sizeof msg);
		return sp_err_set(err, SP_EDATA, "licence_denied_pattern: %s", msg);
	}
	r[p->n_res].key = o;
	*index = (long)p->n_res++;
	return SP_OK;
}

static int S_grow(sp_pool_t *p, size_t want, sp_err_t *err)
{
	if (want <= p->cap)
		return SP_OK;
	size_t cap = p->cap ? p->cap : 64;
	while (cap < want)
		cap *= 2;
	sp_pool_job_t **jobs = realloc(p->jobs, cap * sizeof *jobs);
	if (jobs)
		p->jobs = jobs;
	S_run *run = jobs ? realloc(p->run, cap * sizeof *run) : NULL;
	if (run)
		p->run = run;
	size_t *heap = run ? realloc(p->heap, cap * sizeof *heap) : NULL;
	if (heap)
		p->heap = heap;
	size_t *waiting = heap ? realloc(p->waiting, cap * sizeof *waiting) : NULL;
	if (waiting)
		p->waiting = waiting;
	size_t *fin = waiting ? realloc(p->fin, cap * sizeof *fin) : NULL;
	if (fin == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	p->fin = fin;
	p->cap = cap;
	return SP_OK;
}

int sp_pool_add(sp_pool_t *p, sp_pool_job_t *job, size_t *index, sp_err_t *err)
{
	int rc = S_grow(p, p->n + 1, err);
	if (rc != SP_OK)
		return rc;
	size_t i = p->n;
	long re = -1;
	if ((rc = S_regex_of(p, job->opts ? job->opts : &p->o, &re, err)) != SP_OK)
		return rc;
	p->jobs[i] = job;
	memset(&p->run[i], 0, sizeof p->run[i]);
	p->run[i].pidfd = -1;
	p->run[i].re = re;
	job->outcome = SP_JOB_OK;
	job->code = job->attempts = job->denials = job->slot = 0;
	job->start_s = job->end_s = job->busy_s = job->first_start_s = 0;
	p->n++;
	S_heap_push(p, i);
	if (index)
		*index = i;
	return SP_OK;
}

sp_pool_job_t *sp_pool_job(const sp_pool_t *p, size_t index)
{
	return index < p->n ? p->jobs[index] : NULL;
}

sp_pool_t *sp_pool_alloc(const sp_pool_opts_t *o, sp_pool_job_t *jobs, size_t n, sp_err_t *err)
{
	sp_pool_t *p = calloc(1, sizeof *p);
	if (p == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	p->o = *o;
	if (p->o.slots < 1)
		p->o.slots = 1;
	p->slot_job = malloc((size_t)p->o.slots * sizeof *p->slot_job);
	if (p->slot_job == NULL || S_grow(p, n, err) != SP_OK) {
		sp_pool_free(p);
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	for (int s = 0; s < p->o.slots; s++)
		p->slot_job[s] = SIZE_MAX;
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	for (size_t i = 0; i < n; i++)
		if (sp_pool_add(p, &jobs[i], NULL, err) != SP_OK) {
			sp_pool_free(p);
			return NULL;
		}
	if (n == 0) { /* a bad pattern is reported at once */
		long re;
		if (S_regex_of(p, &p->o, &re, err) != SP_OK) {
			sp_pool_free(p);
			return NULL;
		}
	}
	return p;
}

/* ---- the solver's process group on disk --------------------------------
 * A started job leaves "PGID STARTTIME" in workdir/solver.pid until it has
 * been reaped, so that a later run in the same directory can stop the
 * solvers of a sheetpile that was killed (SIGKILL) before it could. */
#define S_PIDFILE "solver.pid"

/* The start time of process pid (clock ticks after boot, /proc/PID/stat
 * field 22), or 0 when it does not exist. */
static unsigned long long S_start_time(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')'); /* the command may hold spaces and parentheses */
	unsigned long long t = 0;
	for (int field = 2; p && field < 22; field++)
		p = strchr(p + 1, ' ');
	if (p)
		t = strtoull(p + 1, NULL, 10);
	return t;
}

static void S_pidfile(const sp_pool_job_t *j, pid_t pid, int write)
{
	char path[4200];
	if (j->workdir == NULL) /* the caller's directory: not ours to write */
		return;
	snprintf(path, sizeof path, "%s/" S_PIDFILE, j->workdir);
	if (!write) {
		unlink(path);
		return;
	}
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return; /* only a later clean-up is lost */
	fprintf(f, "%ld %llu\n", (long)pid, S_start_time(pid));
	fclose(f);
}

int sp_pool_stop_leftovers(const char *work_dir, double grace_s, size_t *stopped)
{
	*stopped = 0;
	DIR *d = opendir(work_dir);
	if (d == NULL)
		return SP_OK;
	pid_t groups[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < sizeof groups / sizeof *groups) {
		if (e->d_name[0] == '.')
			continue;
		char path[4400];
		snprintf(path, sizeof path, "%s/%s/" S_PIDFILE, work_dir, e->d_name);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			continue;
		long pg = 0;
		unsigned long long t = 0;
		int ok = fscanf(f, "%ld %llu", &pg, &t) == 2;
		fclose(f);
		unlink(path);
		if (!ok || pg <= 1 || pg == (long)getpgrp())
			continue;
		/* the leader alive with another start time: its number was reused */
		unsigned long long now_t = S_start_time((pid_t)pg);
		if (now_t != 0 ? now_t != t : kill(-(pid_t)pg, 0) != 0)
			continue;
		if (kill(-(pid_t)pg, SIGTERM) == 0)
			groups[n++] = (pid_t)pg;
	}
	closedir(d);
	struct timespec t0, tn;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t k = 0; k < n; k++) {
		for (;;) { /* a group ends when its last member has gone */
			if (kill(-groups[k], 0) != 0)
				break;
			clock_gettime(CLOCK_MONOTONIC, &tn);
			if ((double)(tn.tv_sec - t0.tv_sec) + 1e-9 * (double)(tn.tv_nsec - t0.tv_nsec) >= grace_s) {
				kill(-groups[k], SIGKILL);
				break;
			}
			struct timespec ts = {0, 5000000};
			nanosleep(&ts, NULL);
		}
	}
	*stopped = n;
	return SP_OK;
}

static void S_give(sp_pool_t *p, size_t i);

static void S_reap_blocking(sp_pool_t *p, size_t i)
{
	S_run *r = &p->run[i];
	int status;
	while (waitpid(r->pid, &status, 0) < 0 && errno == EINTR)
		;
	S_pidfile(p->jobs[i], r->pid, 0);
	if (r->pidfd >= 0)
		close(r->pidfd);
	r->pidfd = -1;
}

void sp_pool_free(sp_pool_t *p)
{
	if (p == NULL)
		return;
	if (p->run && p->slot_job)
		for (int s = 0; s < p->o.slots; s++) {
			size_t i = p->slot_job[s];
			if (i == SIZE_MAX)
				continue;
			kill(-p->run[i].pid, SIGKILL);
			S_reap_blocking(p, i);
			S_give(p, i);
		}
	for (size_t k = 0; k < p->n_res; k++)
		regfree(&p->res[k].re);
	free(p->res);
	free(p->jobs);
	free(p->run);
	free(p->heap);
	free(p->order);
	free(p->waiting);
	free(p->fin);
	free(p->slot_job);
	free(p);
}

static void S_finish(sp_pool_t *p, size_t i, sp_job_outcome outcome, int code)
{
	p->run[i].state = S_DONE;
	p->jobs[i]->outcome = outcome;
	p->jobs[i]->code = code;
	p->fin[p->fin_tail++] = i;
	p->done++;
}

static double S_backoff(const sp_pool_t *p, size_t i, int k)
{
	double b = S_opts(p, i)->backoff_s;
	for (int j = 1; j < k && b < S_BACKOFF_MAX_S; j++)
		b *= 2;
	return b < S_BACKOFF_MAX_S ? b : S_BACKOFF_MAX_S;
}

static void S_wait_retry(sp_pool_t *p, size_t i, double delay)
{
	p->run[i].state = S_WAITING;
	p->run[i].ready_at = sp_pool_elapsed_s(p) + delay;
	p->waiting[p->n_waiting++] = i;
}

/* Give back the licence of job i's attempt (gate). */
static void S_give(sp_pool_t *p, size_t i)
{
	if (p->o.gate)
		p->o.gate->give(p->o.gate->ctx, p->jobs[i]->slot);
}

/* Start job i in local slot s with licence lic. */
static void S_start(sp_pool_t *p, size_t i, int s, int lic)
{
	sp_pool_job_t *j = p->jobs[i];
	S_run *r = &p->run[i];
	if (p->o.gate && j->attempts == 0 && p->o.gate->prepare) {
		int e = p->o.gate->prepare(p->o.gate->ctx, i);
		if (e != 0) {
			j->slot = lic;
			S_give(p, i);
			S_finish(p, i, SP_JOB_SPAWN, e);
			return;
		}
	}
	if (j->remove_before)
		unlink(j->remove_before);
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	if (j->workdir)
		posix_spawn_file_actions_addchdir_np(&fa, j->workdir);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "stdout.txt", O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0666);
	posix_spawn_file_actions_addopen(&fa, 2, "stderr.txt", O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0666);
	sigset_t none, dfl;
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGTERM);
	sigaddset(&dfl, SIGPIPE);
	sigaddset(&dfl, SIGHUP);
	sigaddset(&dfl, SIGQUIT);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setpgroup(&at, 0); /* its own process group: a timeout kills the whole group */
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	double now = sp_pool_elapsed_s(p);
	if (j->attempts++ == 0)
		j->first_start_s = now;
	j->slot = lic;
	r->local = s;
	j->start_s = j->end_s = now;
	int e = posix_spawnp(&r->pid, j->argv[0], &fa, &at, j->argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (e != 0) { /* a missing program or work directory: no retry helps */
		S_give(p, i);
		S_finish(p, i, SP_JOB_SPAWN, e);
		return;
	}
	S_pidfile(j, r->pid, 1);
	r->state = S_RUNNING;
	r->term_sent = r->timed_out = 0;
	r->deadline = S_opts(p, i)->timeout_s > 0 ? now + S_opts(p, i)->timeout_s : INFINITY;
	r->kill_at = INFINITY;
#ifdef SYS_pidfd_open
	r->pidfd = (int)syscall(SYS_pidfd_open, r->pid, 0);
#else
	r->pidfd = -1;
#endif
	p->slot_job[s] = i;
	if (++p->running > p->max_running)
		p->max_running = p->running;
}

/* The next job to start: a ready retry, else the longest never-started one. */
static size_t S_pick(sp_pool_t *p, double now)
{
	for (size_t k = 0; k < p->n_waiting; k++) {
		size_t i = p->waiting[k];
		if (p->run[i].ready_at <= now) {
			p->waiting[k] = p->waiting[--p->n_waiting];
			return i;
		}
	}
	const sp_pool_gate_t *g = p->o.gate;
	if (g == NULL)
		return p->n_heap ? S_heap_pop(p) : SIZE_MAX;
	if (p->claimed_all)
		return SIZE_MAX;
	if (p->order == NULL) { /* the same order on every process: longest first, then the lower index */
		if ((p->order = malloc((p->n ? p->n : 1) * sizeof *p->order)) == NULL) {
			p->claimed_all = 1; /* out of memory: claim nothing here, the other processes run the jobs */
			return SIZE_MAX;
		}
		while (p->n_heap)
			p->order[p->n_order++] = S_heap_pop(p);
	}
	size_t q = g->claim(g->ctx);
	if (q >= p->n_order) {
		p->claimed_all = 1;
		return SIZE_MAX;
	}
	p->claimed++;
	return p->order[q];
}

static void S_fill(sp_pool_t *p)
{
	double now = sp_pool_elapsed_s(p);
	const sp_pool_gate_t *g = p->o.gate;
	p->starved = 0;
	for (int s = 0; s < p->o.slots; s++) {
		if (p->slot_job[s] != SIZE_MAX)
			continue;
		int lic = s;
		if (g) {
			if (p->n_waiting == 0 && p->claimed_all)
				return;
			if ((lic = g->take(g->ctx)) < 0) {
				p->starved = 1;
				return;
			}
		}
		size_t i = S_pick(p, now);
		if (i == SIZE_MAX) {
			if (g)
				g->give(g->ctx, lic);
			return;
		}
		S_start(p, i, s, lic);
	}
}

/* Does the pattern occur in the first bytes of workdir/name? */
static int S_grep(const regex_t *re, const sp_pool_job_t *j, const char *name, char *buf)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", j->workdir ? j->workdir : ".", name);
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return 0;
	size_t n = fread(buf, 1, S_SCAN_BYTES, fp);
	fclose(fp);
	buf[n] = '\0';
	for (size_t k = 0; k < n; k++) /* a NUL byte would hide the rest */
		if (buf[k] == '\0')
			buf[k] = ' ';
	return regexec(re, buf, 0, NULL, 0) == 0;
}

static int S_denied(const sp_pool_t *p, size_t i, int exited, int code)
{
	const sp_pool_opts_t *o = S_opts(p, i);
	const sp_pool_job_t *j = p->jobs[i];
	if (exited)
		for (size_t k = 0; k < o->n_denied_codes; k++)
			if (o->denied_codes[k] == code)
				return 1;
	if (p->run[i].re < 0)
		return 0;
	const regex_t *re = &p->res[p->run[i].re].re;
	char *buf = malloc(S_SCAN_BYTES + 1);
	int hit = buf && (S_grep(re, j, "stdout.txt", buf) || S_grep(re, j, "stderr.txt", buf));
	free(buf);
	return hit;
}

/* Job i's process has been reaped with status. */
static void S_exited(sp_pool_t *p, size_t i, int status)
{
	sp_pool_job_t *j = p->jobs[i];
	const sp_pool_opts_t *o = S_opts(p, i);
	S_run *r = &p->run[i];
	S_pidfile(j, r->pid, 0);
	if (r->pidfd >= 0)
		close(r->pidfd);
	r->pidfd = -1;
	if (r->timed_out)
		kill(-r->pid, SIGKILL); /* whatever of the group is left */
	p->slot_job[r->local] = SIZE_MAX;
	p->running--;
	S_give(p, i);
	j->end_s = sp_pool_elapsed_s(p);
	j->busy_s += j->end_s - j->start_s;
	int exited = WIFEXITED(status), code = exited ? WEXITSTATUS(status) : WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	sp_job_outcome how = r->timed_out ? SP_JOB_TIMEOUT : exited ? (code ? SP_JOB_EXIT : SP_JOB_OK) : SP_JOB_SIGNAL;
	if (how != SP_JOB_TIMEOUT && S_denied(p, i, exited, code)) {
		j->denials++;
		if (j->denials > o->denied_retries)
			S_finish(p, i, SP_JOB_DENIED, code);
		else
			S_wait_retry(p, i, S_backoff(p, i, j->denials));
		return;
	}
	if (how == SP_JOB_OK) {
		S_finish(p, i, SP_JOB_OK, 0);
		return;
	}
	r->failures++;
	if (r->failures <= o->retries)
		S_wait_retry(p, i, S_backoff(p, i, r->failures));
	else
		S_finish(p, i, how, how == SP_JOB_TIMEOUT ? 0 : code);
}

/* Wait for an exit, a deadline or a retry time (at most S_POLL_CAP_MS, and
 * not past until). */
static void S_wait(sp_pool_t *p, double until)
{
	double now = sp_pool_elapsed_s(p), next = fmin(now + S_POLL_CAP_MS * 1e-3, until);
	struct pollfd fds[256];
	nfds_t nfds = 0;
	int sleepers = 0;
	for (int s = 0; s < p->o.slots; s++) {
		size_t i = p->slot_job[s];
		if (i == SIZE_MAX)
			continue;
		S_run *r = &p->run[i];
		next = fmin(next, fmin(r->deadline, r->kill_at));
		if (r->pidfd >= 0 && nfds < sizeof fds / sizeof *fds)
			fds[nfds++] = (struct pollfd){r->pidfd, POLLIN, 0};
		else
			sleepers = 1;
	}
	for (size_t k = 0; k < p->n_waiting; k++)
		next = fmin(next, p->run[p->waiting[k]].ready_at);
	if (sleepers) /* no pidfd: look again in 1 ms */
		next = fmin(next, now + 1e-3);
	if (p->starved) /* gate: every licence was taken elsewhere; look again soon */
		next = fmin(next, now + 5e-3);
	int ms = next > now ? (int)ceil((next - now) * 1e3) : 0;
	if (ms > 0)
		poll(fds, nfds, ms); /* EINTR: a signal, looked at by the caller */
	now = sp_pool_elapsed_s(p);
	for (int s = 0; s < p->o.slots; s++) {
		size_t i = p->slot_job[s];
		if (i == SIZE_MAX)
			continue;
		S_run *r = &p->run[i];
		int status;
		pid_t got = waitpid(r->pid, &status, WNOHANG);
		if (got == r->pid) {
			S_exited(p, i, status);
			continue;
		}
		if (now >= r->deadline && !r->term_sent) {
			kill(-r->pid, SIGTERM);
			r->term_sent = r->timed_out = 1;
			r->kill_at = now + S_opts(p, i)->kill_grace_s;
			r->deadline = INFINITY;
		} else if (now >= r->kill_at) {
			kill(-r->pid, SIGKILL);
			r->kill_at = INFINITY;
		}
	}
}

/* Terminate every running process group: SIGTERM, SIGKILL after the grace time. */
static void S_stop_all(sp_pool_t *p)
{
	double until = sp_pool_elapsed_s(p) + p->o.kill_grace_s;
	for (int s = 0; s < p->o.slots; s++)
		if (p->slot_job[s] != SIZE_MAX)
			kill(-p->run[p->slot_job[s]].pid, SIGTERM);
	while (p->running > 0 && sp_pool_elapsed_s(p) < until) {
		for (int s = 0; s < p->o.slots; s++) {
			size_t i = p->slot_job[s];
			int status;
			if (i != SIZE_MAX && waitpid(p->run[i].pid, &status, WNOHANG) == p->run[i].pid) {
				S_pidfile(p->jobs[i], p->run[i].pid, 0);
				if (p->run[i].pidfd >= 0)
					close(p->run[i].pidfd);
				p->run[i].pidfd = -1;
				kill(-p->run[i].pid, SIGKILL);
				p->run[i].state = S_PENDING;
				p->slot_job[s] = SIZE_MAX;
				p->running--;
				S_give(p, i);
			}
		}
		struct timespec ts = {0, 2000000};
		nanosleep(&ts, NULL);
	}
	for (int s = 0; s < p->o.slots; s++) {
		size_t i = p->slot_job[s];
		if (i == SIZE_MAX)
			continue;
		kill(-p->run[i].pid, SIGKILL);
		S_reap_blocking(p, i);
		p->run[i].state = S_PENDING;
		p->slot_job[s] = SIZE_MAX;
		p->running--;
		S_give(p, i);
	}
}

int sp_pool_wait(sp_pool_t *p, size_t *done, double max_wait_s, sp_err_t *err)
{
	(void)err;
	double until = sp_pool_elapsed_s(p) + max_wait_s;
	for (;;) {
		if (p->o.stop && *p->o.stop) {
			S_stop_all(p);
			return SP_POOL_STOPPED;
		}
		S_fill(p); /* freed slots first: the caller's work on a finished job runs while they do */
		if (p->fin_head < p->fin_tail) {
			*done = p->fin[p->fin_head++];
			return SP_POOL_FINISHED;
		}
		if (p->done == p->n || (p->o.gate && p->claimed_all && p->done == p->claimed))
			return SP_POOL_EMPTY;
		if (sp_pool_elapsed_s(p) >= until)
			return SP_POOL_IDLE;
		S_wait(p, until);
	}
}

int sp_pool_next(sp_pool_t *p, size_t *done, sp_err_t *err)
{
	return sp_pool_wait(p, done, INFINITY, err);
}

/* The jobs of owner in list[0..*n) are done (never started); the others
 * stay, in their order. Returns how many were dropped. */
static size_t S_drop_owner(sp_pool_t *p, size_t *list, size_t *n, const void *owner)
{
	size_t m = 0;
	for (size_t k = 0; k < *n; k++) {
		size_t i = list[k];
		if (p->jobs[i]->owner == owner) {
			p->run[i].state = S_DONE;
			p->done++;
		} else {
			list[m++] = i;
		}
	}
	size_t gone = *n - m;
	*n = m;
	return gone;
}

size_t sp_pool_cancel(sp_pool_t *p, const void *owner)
{
	size_t m = p->n_heap;
	size_t gone = S_drop_owner(p, p->heap, &m, owner);
	p->n_heap = 0;
	for (size_t k = 0; k < m; k++) /* rebuilt */
		S_heap_push(p, p->heap[k]);
	return gone + S_drop_owner(p, p->waiting, &p->n_waiting, owner);
}

int sp_pool_slots(const sp_pool_t *p)
{
	return p->o.slots;
}

void sp_pool_outlook(const sp_pool_t *p, const void *owner, sp_pool_outlook_t *out)
{
	memset(out, 0, sizeof *out);
	out->slots = p->o.slots;
	double real = 0, est = 0;
	for (size_t i = 0; i < p->n; i++) {
		const sp_pool_job_t *j = p->jobs[i];
		if (j->owner != owner && owner != NULL)
			continue;
		if (p->run[i].state == S_DONE && j->estimate_s > 0) {
			real += j->busy_s;
			est += j->estimate_s;
		}
	}
	double scale = est > 0 ? real / est : 1.0;
	out->calibrated = est > 0;
	double now = sp_pool_elapsed_s(p);
	for (size_t i = 0; i < p->n; i++) {
		const sp_pool_job_t *j = p->jobs[i];
		if (j->owner != owner && owner != NULL)
			continue;
		out->submitted++;
		if (p->run[i].state == S_DONE) {
			out->finished++;
			continue;
		}
		out->unfinished++;
		double left = j->estimate_s * scale - (p->run[i].state == S_RUNNING ? now - j->start_s : 0.0);
		left = left > 0 ? left : 0.0;
		out->sum_s += left;
		out->max_s = fmax(out->max_s, left);
	}
}
