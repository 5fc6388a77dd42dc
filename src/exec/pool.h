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
 * terminated; unfinished jobs stay unfinished). Never prints, never exits.
 *
 * Jobs may be added at any time (sp_pool_add): a search submits each round's
 * jobs, and the studies of a batch share one pool (each job may carry its own
 * solver settings and an owner tag). sp_pool_wait() returns SP_POOL_IDLE after
 * a given time without a finished job, so the caller can show progress. */
#ifndef SP_POOL_H
#define SP_POOL_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "sp.h"

enum { SP_POOL_FINISHED = 1, SP_POOL_EMPTY = 2, SP_POOL_STOPPED = 3, SP_POOL_IDLE = 4 };

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
 * job as SP_JOB_SPAWN. With a gate every job is added before the first
 * sp_pool_next/sp_pool_wait (the claimed positions refer to that order). */
typedef struct {
	void *ctx;
	size_t (*claim)(void *ctx);
	int (*take)(void *ctx);
	void (*give)(void *ctx, int slot);
	int (*prepare)(void *ctx, size_t job);
} sp_pool_gate_t;

typedef struct sp_pool_opts {
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
	const struct sp_pool_opts *opts; /* NULL: the pool's; else this job's timeout, retries and
	                                    licence denial (its slots and stop are ignored) */
	void *owner;                 /* the caller's tag (which study), not used by the pool */
	/* set by the pool */
	sp_job_outcome outcome;
	int code;                    /* exit status, signal number or errno */
	int attempts;                /* attempts started, denials included */
	int denials;
	int slot;                    /* licence slot of the last attempt, 0-based (the gate's slot with a gate) */
	double start_s, end_s;       /* last attempt, seconds since sp_pool_alloc */
	double first_start_s;        /* first attempt */
	double busy_s;               /* sum over the attempts */
} sp_pool_job_t;

typedef struct sp_pool sp_pool_t;

/* The jobs array (n may be 0) is borrowed until sp_pool_free(); its jobs get
 * the indices 0..n-1. NULL and *err on failure. */
sp_pool_t *sp_pool_alloc(const sp_pool_opts_t *o, sp_pool_job_t *jobs, size_t n, sp_err_t *err);

/* Leftover solvers. Every solver runs with SHEETPILE_RUN_TOKEN=<token> in
 * its environment: 128 random bits in hex, one token per sheetpile process.
 * While a job with a workdir runs, workdir/solver.pid (0600) says
 *     sheetpile-solver 1
 *     pid 12345              the job's process, leader of its own group
 *     start 678901           its start time (/proc/PID/stat field 22)
 *     uid 1000               the user who started it
 *     host NAME              gethostname()
 *     boot 0906b04f-5147-47d2-9509-38cd0061d62c   /proc/sys/kernel/random/boot_id
 *     token 32 hex digits
 * and nothing else; it is removed when the job has been reaped (none is
 * written when the token, the host name or the boot id cannot be had). */
#define SP_POOL_TOKEN_BYTES 16
typedef struct {
	pid_t pid;
	unsigned long long start;
	uid_t uid;
	char host[256];
	char boot[37];
	char token[2 * SP_POOL_TOKEN_BYTES + 1];
} sp_pool_record_t;

/* Stop the solvers that a sheetpile killed with SIGKILL left running: for
 * each work_dir/a<ID>/solver.pid, where work_dir, a<ID> and solver.pid are
 * no symbolic links and are owned by this user, written on this host (else
 * left alone: under MPI another node's), a process group is signalled
 * (SIGTERM, SIGKILL after grace_s) only when its leader runs now, as this
 * user, since this boot, with the recorded start time, leads its group and
 * holds SHEETPILE_RUN_TOKEN=<the recorded token> in /proc/PID/environ.
 * Before each signal, and for each file refused, a line on the log
 * (sp_pool_set_log). The files judged are removed. *stopped: how many
 * groups. Linux (/proc). */
int sp_pool_stop_leftovers(const char *work_dir, double grace_s, size_t *stopped);
/* Where sp_pool_stop_leftovers says what it stops and what it ignores; NULL
 * (the default): nowhere. Set once, before any pool runs. */
void sp_pool_set_log(FILE *fp);
/* A solver.pid's text (len bytes): SP_OK and *r, or SP_EDATA with *err
 * naming the line. Every line as above, in that order, nothing more. */
int sp_pool_record_parse(const char *text, size_t len, sp_pool_record_t *r, sp_err_t *err);
/* s is a process id: decimal digits only (no sign, space or leading zero,
 * nothing after), 2..INT_MAX. 1 and *pid, or 0. */
int sp_pool_parse_pid(const char *s, pid_t *pid);
/* One more job (borrowed until sp_pool_free(), its opts too); *index is its
 * index (the next after the previous ones). SP_OK, or SP_EDATA for a bad
 * licence_denied_pattern, SP_ESOFTWARE when out of memory. */
int sp_pool_add(sp_pool_t *p, sp_pool_job_t *job, size_t *index, sp_err_t *err);
sp_pool_job_t *sp_pool_job(const sp_pool_t *p, size_t index);
/* Kills (SIGKILL) and reaps whatever still runs; accepts NULL. */
void sp_pool_free(sp_pool_t *p);

/* Start jobs into free slots, wait until one finishes: SP_POOL_FINISHED with
 * its index in *done, SP_POOL_EMPTY, SP_POOL_STOPPED, or an SP_E* code. */
int sp_pool_next(sp_pool_t *p, size_t *done, sp_err_t *err);
/* As sp_pool_next, but SP_POOL_IDLE when max_wait_s passed without a job finishing. */
int sp_pool_wait(sp_pool_t *p, size_t *done, double max_wait_s, sp_err_t *err);

/* What is left of the jobs of one owner (every job when owner is NULL): the
 * jobs not finished, and their expected remaining time: each job's estimate
 * times the ratio of real to estimated time over the finished jobs (1 before
 * any has finished, calibrated = 0), less what a running job has already run
 * (at least 0). The remaining lower bound is max(sum_s / slots, max_s). */
typedef struct {
	size_t submitted, finished, unfinished;
	double sum_s, max_s;
	int calibrated;
	int slots;
} sp_pool_outlook_t;
void sp_pool_outlook(const sp_pool_t *p, const void *owner, sp_pool_outlook_t *out);

/* Take the owner's jobs not started (or waiting for a retry) out of the
 * pool; they never run and are not handed out. Returns their number. */
size_t sp_pool_cancel(sp_pool_t *p, const void *owner);
/* As sp_pool_cancel, and with running = 1 also the owner's jobs running now
 * (SIGKILL to each process group, reaped, the licence freed at once): none
 * of them is handed out. Returns how many jobs were cancelled. */
size_t sp_pool_cancel_all(sp_pool_t *p, const void *owner, int running);
int sp_pool_slots(const sp_pool_t *p);

double sp_pool_elapsed_s(const sp_pool_t *p);   /* since sp_pool_alloc */
int sp_pool_max_running(const sp_pool_t *p);    /* most processes seen at once */

#endif
