/* pool.c - the licence pool: posix_spawn, process groups, poll on pidfds. */
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np, SYS_pidfd_open */
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <regex.h>
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
	double deadline, kill_at, ready_at;
} S_run;

struct sp_pool {
	sp_pool_opts_t o;
	sp_pool_job_t *jobs;
	size_t n;
	S_run *run;
	size_t *order, cursor;       /* never-started jobs, longest first */
	size_t *waiting, n_waiting;  /* jobs waiting for a retry */
	size_t *fin, fin_head, fin_tail; /* finished, not yet handed out */
	size_t *slot_job;            /* SIZE_MAX: free */
	int running, max_running;
	size_t done;
	size_t claimed;              /* gate: jobs claimed here */
	int claimed_all, starved;    /* gate: nothing left to claim; no licence free at the last look */
	regex_t re;
	int has_re;
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

typedef struct {
	double est;
	size_t i;
} S_rank;

static int S_cmp_rank(const void *a, const void *b)
{
	const S_rank *x = a, *y = b;
	if (x->est != y->est)
		return x->est > y->est ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
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
	p->jobs = jobs;
	p->n = n;
	size_t m = n ? n : 1;
	p->run = calloc(m, sizeof *p->run);
	p->order = malloc(m * sizeof *p->order);
	p->waiting = malloc(m * sizeof *p->waiting);
	p->fin = malloc(m * sizeof *p->fin);
	p->slot_job = malloc((size_t)p->o.slots * sizeof *p->slot_job);
	S_rank *rank = malloc(m * sizeof *rank);
	if (!p->run || !p->order || !p->waiting || !p->fin || !p->slot_job || !rank) {
		free(rank);
		sp_pool_free(p);
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		rank[i] = (S_rank){jobs[i].estimate_s, i};
		p->run[i].pidfd = -1;
		jobs[i].outcome = SP_JOB_OK;
		jobs[i].code = jobs[i].attempts = jobs[i].denials = jobs[i].slot = 0;
		jobs[i].start_s = jobs[i].end_s = jobs[i].busy_s = 0;
	}
	qsort(rank, n, sizeof *rank, S_cmp_rank);
	for (size_t i = 0; i < n; i++)
		p->order[i] = rank[i].i;
	free(rank);
	for (int s = 0; s < p->o.slots; s++)
		p->slot_job[s] = SIZE_MAX;
	if (o->denied_pattern && o->denied_pattern[0]) {
		int e = regcomp(&p->re, o->denied_pattern, REG_EXTENDED | REG_NOSUB);
		if (e != 0) {
			char msg[200];
			regerror(e, &p->re, msg, sizeof msg);
			sp_err_set(err, SP_EDATA, "licence_denied_pattern: %s", msg);
			sp_pool_free(p);
			return NULL;
		}
		p->has_re = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	return p;
}

static void S_give(sp_pool_t *p, size_t i);

static void S_reap_blocking(sp_pool_t *p, size_t i)
{
	S_run *r = &p->run[i];
	int status;
	while (waitpid(r->pid, &status, 0) < 0 && errno == EINTR)
		;
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
	if (p->has_re)
		regfree(&p->re);
	free(p->run);
	free(p->order);
	free(p->waiting);
	free(p->fin);
	free(p->slot_job);
	free(p);
}

static void S_finish(sp_pool_t *p, size_t i, sp_job_outcome outcome, int code)
{
	p->run[i].state = S_DONE;
	p->jobs[i].outcome = outcome;
	p->jobs[i].code = code;
	p->fin[p->fin_tail++] = i;
	p->done++;
}

static double S_backoff(const sp_pool_t *p, int k)
{
	double b = p->o.backoff_s;
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
		p->o.gate->give(p->o.gate->ctx, p->jobs[i].slot);
}

/* Start job i in local slot s with licence lic. */
static void S_start(sp_pool_t *p, size_t i, int s, int lic)
{
	sp_pool_job_t *j = &p->jobs[i];
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
	posix_spawn_file_actions_addopen(&fa, 1, "stdout.txt", O_WRONLY | O_CREAT | O_TRUNC, 0666);
	posix_spawn_file_actions_addopen(&fa, 2, "stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0666);
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
	j->attempts++;
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
	r->state = S_RUNNING;
	r->term_sent = r->timed_out = 0;
	r->deadline = p->o.timeout_s > 0 ? now + p->o.timeout_s : INFINITY;
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
		return p->cursor < p->n ? p->order[p->cursor++] : SIZE_MAX;
	if (p->claimed_all)
		return SIZE_MAX;
	size_t q = g->claim(g->ctx);
	if (q >= p->n) {
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
static int S_grep(const sp_pool_t *p, const sp_pool_job_t *j, const char *name, char *buf)
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
	return regexec(&p->re, buf, 0, NULL, 0) == 0;
}

static int S_denied(const sp_pool_t *p, const sp_pool_job_t *j, int exited, int code)
{
	if (exited)
		for (size_t k = 0; k < p->o.n_denied_codes; k++)
			if (p->o.denied_codes[k] == code)
				return 1;
	if (!p->has_re)
		return 0;
	char *buf = malloc(S_SCAN_BYTES + 1);
	int hit = buf && (S_grep(p, j, "stdout.txt", buf) || S_grep(p, j, "stderr.txt", buf));
	free(buf);
	return hit;
}

/* Job i's process has been reaped with status. */
static void S_exited(sp_pool_t *p, size_t i, int status)
{
	sp_pool_job_t *j = &p->jobs[i];
	S_run *r = &p->run[i];
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
	if (how != SP_JOB_TIMEOUT && S_denied(p, j, exited, code)) {
		j->denials++;
		if (j->denials > p->o.denied_retries)
			S_finish(p, i, SP_JOB_DENIED, code);
		else
			S_wait_retry(p, i, S_backoff(p, j->denials));
		return;
	}
	if (how == SP_JOB_OK) {
		S_finish(p, i, SP_JOB_OK, 0);
		return;
	}
	r->failures++;
	if (r->failures <= p->o.retries)
		S_wait_retry(p, i, S_backoff(p, r->failures));
	else
		S_finish(p, i, how, how == SP_JOB_TIMEOUT ? 0 : code);
}

/* Wait for an exit, a deadline or a retry time (at most S_POLL_CAP_MS). */
static void S_wait(sp_pool_t *p)
{
	double now = sp_pool_elapsed_s(p), next = now + S_POLL_CAP_MS * 1e-3;
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
			r->kill_at = now + p->o.kill_grace_s;
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

int sp_pool_next(sp_pool_t *p, size_t *done, sp_err_t *err)
{
	(void)err;
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
		if (p->fin_head < p->fin_tail)
			continue;
		S_wait(p);
	}
}
