/* pool.h - a licence pool of external processes: at most `slots` run at
 * once, a freed slot is given to the next job at once (longest estimate
 * first), every job runs in its own process group (posix_spawn), a timeout
 * kills the whole group (SIGTERM, then SIGKILL after a grace time), failed
 * attempts are retried with a doubling back-off, and a "licence denied"
 * answer (exit code or a regular expression on stdout/stderr) is retried
 * without counting as a failure.
 *
 * One thread drives every process (no thread per job): the caller loops
 *     while ((rc = sp_pool_next(p, &i, err)) == SP_POOL_FINISHED) { ... job i is done ... }
 * and sp_pool_next() returns SP_POOL_EMPTY when every job has finished,
 * SP_POOL_STOPPED when *stop became non-zero (the running process groups are
 * terminated; unfinished jobs stay unfinished). Never prints, never exits. */
#ifndef SP_POOL_H
#define SP_POOL_H

#include <signal.h>
#include <stddef.h>
#include "sp.h"

enum { SP_POOL_FINISHED = 1, SP_POOL_EMPTY = 2, SP_POOL_STOPPED = 3 };

typedef enum {
	SP_JOB_OK = 0,       /* exited with status 0 */
	SP_JOB_EXIT,         /* non-zero exit status (code) after every attempt */
	SP_JOB_SIGNAL,       /* killed by signal (code) */
	SP_JOB_TIMEOUT,      /* over the time limit */
	SP_JOB_DENIED,       /* licence denied more often than allowed */
	SP_JOB_SPAWN         /* could not be started (code = errno) */
} sp_job_outcome;

/* Optional, for pools on several processes (MPI ranks, dist.h) that share
 * the jobs and the licences: before a job starts the pool takes a licence
 * (take: its slot, or -1 when none is free now: the pool looks again a few ms
 * later) and claims the next never-started job (claim: its position in the
 * longest-first order, the same on every process; >= n when none is left);
 * a finished or stopped attempt gives its licence back. prepare runs before
 * a job's first attempt (writing its input); a non-zero errno value fails the
 * job as SP_JOB_SPAWN. */
typedef struct {
	void *ctx;
	size_t (*claim)(void *ctx);
	int (*take)(void *ctx);
	void (*give)(void *ctx, int slot);
	int (*prepare)(void *ctx, size_t job);
} sp_pool_gate_t;

typedef struct {
	int slots;                   /* processes at once (licences), >= 1 */
	double timeout_s;            /* per attempt; 0 = none */
	double kill_grace_s;         /* SIGTERM -> SIGKILL */
	int retries;                 /* further attempts after a failed one */
	double backoff_s;            /* wait before a retry (and after a denial), doubled each time, at most 60 s */
	const int *denied_codes;     /* exit codes meaning "licence denied" */
	size_t n_denied_codes;
	const char *denied_pattern;  /* POSIX ERE on stdout/stderr, NULL or "" = none */
	int denied_retries;          /* most licence-denied attempts of one job */
	volatile sig_atomic_t *stop; /* set by a signal handler: stop; may be NULL */
	const sp_pool_gate_t *gate;  /* NULL: every job here, `slots` licences of our own */
} sp_pool_opts_t;

typedef struct {
	/* set by the caller, borrowed by the pool */
	char *const *argv;           /* argv[0] is looked up in PATH */
	const char *workdir;         /* the job runs there; stdout.txt and stderr.txt are written there */
	const char *remove_before;   /* a file removed before each attempt (the output), or NULL */
	double estimate_s;           /* expected duration; larger ones start first */
	/* set by the pool */
	sp_job_outcome outcome;
	int code;                    /* exit status, signal number or errno */
	int attempts;                /* attempts started, denials included */
	int denials;
	int slot;                    /* licence slot of the last attempt, 0-based (the gate's slot with a gate) */
	double start_s, end_s;       /* last attempt, seconds since sp_pool_alloc */
	double busy_s;               /* sum over the attempts */
} sp_pool_job_t;

typedef struct sp_pool sp_pool_t;

/* The jobs array is borrowed until sp_pool_free(). NULL and *err on failure. */
sp_pool_t *sp_pool_alloc(const sp_pool_opts_t *o, sp_pool_job_t *jobs, size_t n, sp_err_t *err);
/* Kills (SIGKILL) and reaps whatever still runs; accepts NULL. */
void sp_pool_free(sp_pool_t *p);

/* Start jobs into free slots, wait until one finishes: SP_POOL_FINISHED with
 * its index in *done, SP_POOL_EMPTY, SP_POOL_STOPPED, or an SP_E* code. */
int sp_pool_next(sp_pool_t *p, size_t *done, sp_err_t *err);

double sp_pool_elapsed_s(const sp_pool_t *p);   /* since sp_pool_alloc */
int sp_pool_max_running(const sp_pool_t *p);    /* most processes seen at once */

#endif
