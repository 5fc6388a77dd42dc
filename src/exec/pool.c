/* pool.c - the licence pool: posix_spawn, process groups, poll on pidfds. */
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np, SYS_pidfd_open */
#include "pool.h"
#include "block.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <regex.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
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

/* The per-job arrays (jobs, run, heap, waiting, fin) for at least want jobs:
 * one block, that jobs starts. Out of memory, the pool stays as it was. */
static int S_grow(sp_pool_t *p, size_t want, sp_err_t *err)
{
	if (want <= p->cap)
		return SP_OK;
	size_t cap = p->cap ? p->cap : 64;
	while (cap < want)
		cap *= 2;
	const sp_block_part_t part[] = {{cap, sizeof *p->jobs}, {cap, sizeof *p->run}, {cap, sizeof *p->heap},
	                                {cap, sizeof *p->waiting}, {cap, sizeof *p->fin}};
	void *at[5];
	if (sp_block_grow(5, part, (void *[]){p->jobs, p->run, p->heap, p->waiting, p->fin}, p->cap, at) == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	p->jobs = at[0], p->run = at[1], p->heap = at[2], p->waiting = at[3], p->fin = at[4];
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
	int slots = o->slots < 1 ? 1 : o->slots;
	void *at[1];
	sp_pool_t *p = sp_block_alloc(sizeof *p, 1, &(const sp_block_part_t){(size_t)slots, sizeof *p->slot_job}, at);
	if (p == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	p->o = *o;
	p->o.slots = slots;
	p->slot_job = at[0];
	if (S_grow(p, n, err) != SP_OK) {
		sp_pool_free(p);
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
 * A started job leaves a record of its process group in workdir/solver.pid
 * (pool.h) until it has been reaped, so that a later run in the same
 * directory can stop the solvers of a sheetpile that was killed (SIGKILL)
 * before it could. The record is only believed with proof: the leader still
 * runs, as this user, on this machine since this boot, with the start time
 * recorded, and its environment holds this run's random token. */
#define S_PIDFILE "solver.pid"
#define S_TOKEN_ENV "SHEETPILE_RUN_TOKEN"
#define S_RECORD_MAGIC "sheetpile-solver 1"
#define S_RECORD_MAX 1024           /* bytes of a solver.pid */
#define S_ENVIRON_MAX (64L << 20)   /* bytes of /proc/PID/environ looked at */

static FILE *S_log;

void sp_pool_set_log(FILE *fp)
{
	S_log = fp;
}

/* What every record of this process says, made once: the token (empty
 * when no random bytes could be had: then no solver.pid is written), the
 * environment entry that carries it, this machine's host name and boot id. */
static struct {
	char token[2 * SP_POOL_TOKEN_BYTES + 1];
	char entry[sizeof S_TOKEN_ENV + 2 * SP_POOL_TOKEN_BYTES + 1];
	char host[256];
	char boot[37];
} S_me;
static pthread_once_t S_me_once = PTHREAD_ONCE_INIT;

static size_t S_random(unsigned char *b, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = getrandom(b + got, n - got, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	if (got < n) {
		int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		ssize_t k = fd >= 0 ? read(fd, b, n) : -1;
		got = k == (ssize_t)n ? n : 0;
		if (fd >= 0)
			close(fd);
	}
	return got;
}

static void S_me_init(void)
{
	unsigned char b[SP_POOL_TOKEN_BYTES];
	snprintf(S_me.entry, sizeof S_me.entry, "%s=", S_TOKEN_ENV);
	if (gethostname(S_me.host, sizeof S_me.host - 1) != 0)
		S_me.host[0] = '\0';
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
	if (f == NULL || fscanf(f, "%36s", S_me.boot) != 1)
		S_me.boot[0] = '\0';
	if (f)
		fclose(f);
	if (S_random(b, sizeof b) != sizeof b)
		return;
	for (size_t k = 0; k < sizeof b; k++)
		snprintf(S_me.token + 2 * k, 3, "%02x", b[k]);
	sp_strlcpy(S_me.entry + sizeof S_TOKEN_ENV, S_me.token, sizeof S_me.token);
}

/* This process's token (empty when no random bytes could be had). */
static const char *S_run_token(void)
{
	pthread_once(&S_me_once, S_me_init);
	return S_me.token;
}

/* environ with this run's token instead of any SHEETPILE_RUN_TOKEN it
 * inherited (none when there is no token). The array is the caller's to
 * free, not its strings. */
static char **S_solver_environ(void)
{
	size_t n = 0;
	const char *token = S_run_token();
	for (char **e = environ; *e; e++)
		n++;
	char **env = malloc((n + 2) * sizeof *env);
	if (env == NULL)
		return NULL;
	size_t m = 0;
	for (char **e = environ; *e; e++)
		if (strncmp(*e, S_me.entry, sizeof S_TOKEN_ENV) != 0)
			env[m++] = *e;
	if (token[0])
		env[m++] = S_me.entry;
	env[m] = NULL;
	return env;
}

/* /proc/PID/WHAT into buf as text (size bytes at most, NUL-terminated); 0
 * when pid does not exist. */
static int S_proc_read(pid_t pid, const char *what, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/%s", (long)pid, what);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return 1;
}

/* Fields 3, 5 and 22 of /proc/PID/stat: state, process group, start time
 * (clock ticks after boot). 0 when pid does not exist. */
static int S_proc_stat(pid_t pid, char *state, long *pgrp, unsigned long long *start)
{
	char buf[1024];
	if (!S_proc_read(pid, "stat", buf, sizeof buf))
		return 0;
	char *p = strrchr(buf, ')'), *field[23] = {0}; /* the command may hold spaces and parentheses */
	for (int k = 3; p && k <= 22; k++)
		if ((p = strchr(p, ' ')) != NULL)
			field[k] = ++p;
	if (field[22] == NULL)
		return 0;
	*state = field[3][0];
	*pgrp = strtol(field[5], NULL, 10);
	*start = strtoull(field[22], NULL, 10);
	return 1;
}

static unsigned long long S_start_time(pid_t pid)
{
	char state;
	long pgrp;
	unsigned long long t;
	return S_proc_stat(pid, &state, &pgrp, &t) ? t : 0;
}

/* The record of a job's solver, as sp_pool_record_parse reads it; 0 when
 * this run has no token, host name or boot id (nothing could prove it). */
static int S_record_format(char *buf, size_t size, pid_t pid)
{
	unsigned long long t = S_start_time(pid);
	if (!S_run_token()[0] || !S_me.host[0] || strlen(S_me.boot) != 36 || t == 0)
		return 0;
	int n = snprintf(buf, size, S_RECORD_MAGIC "\npid %ld\nstart %llu\nuid %lu\nhost %s\nboot %s\ntoken %s\n",
	                 (long)pid, t, (unsigned long)geteuid(), S_me.host, S_me.boot, S_me.token);
	return n > 0 && (size_t)n < size ? n : 0;
}

static void S_pidfile(const sp_pool_job_t *j, pid_t pid, int create)
{
	char path[4200], rec[S_RECORD_MAX];
	if (j->workdir == NULL) /* the caller's directory: not ours to write */
		return;
	snprintf(path, sizeof path, "%s/" S_PIDFILE, j->workdir);
	unlink(path); /* whatever is there (a link, a planted file) is not written through */
	int n = create ? S_record_format(rec, sizeof rec, pid) : 0;
	if (n == 0)
		return;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return; /* only a later clean-up is lost */
	if (write(fd, rec, (size_t)n) != n)
		unlink(path);
	close(fd);
}

/* s[0..n) is a decimal number without sign, space or leading zero, at most max. */
static int S_number(const char *s, size_t n, unsigned long long max, unsigned long long *v)
{
	if (n == 0 || n > 20 || (s[0] == '0' && n > 1))
		return 0;
	unsigned long long x = 0;
	for (size_t k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return 0;
		unsigned d = (unsigned)(s[k] - '0');
		if (x > (max - d) / 10)
			return 0;
		x = 10 * x + d;
	}
	*v = x;
	return 1;
}

static int S_pid_of(const char *s, size_t n, pid_t *pid)
{
	unsigned long long v;
	if (!S_number(s, n, INT_MAX, &v) || v < 2)
		return 0;
	*pid = (pid_t)v;
	return 1;
}

int sp_pool_parse_pid(const char *s, pid_t *pid)
{
	return S_pid_of(s, strlen(s), pid);
}

/* s[0..n) has n in [lo, hi] characters, each one of those in set (or any
 * printable one but space when set is NULL). */
static int S_word(const char *s, size_t n, size_t lo, size_t hi, const char *set)
{
	if (n < lo || n > hi)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (set ? s[k] == '\0' || strchr(set, s[k]) == NULL : s[k] <= ' ' || s[k] > '~')
			return 0;
	return 1;
}

int sp_pool_record_parse(const char *text, size_t len, sp_pool_record_t *r, sp_err_t *err)
{
	static const char *const keys[] = {S_RECORD_MAGIC, "pid ", "start ", "uid ", "host ", "boot ", "token "};
	static const char hex[] = "0123456789abcdef";
	memset(r, 0, sizeof *r);
	if (len > S_RECORD_MAX)
		return sp_err_set(err, SP_EDATA, "longer than %d bytes", S_RECORD_MAX);
	const char *p = text, *end = text + len;
	unsigned long long v = 0;
	for (int line = 1; line <= 7; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *key = keys[line - 1];
		size_t kn = strlen(key);
		if (nl == NULL)
			return sp_err_set(err, SP_EDATA, "line %d: missing or not ended by a newline", line);
		if ((size_t)(nl - p) < kn || memcmp(p, key, kn) != 0)
			return sp_err_set(err, SP_EDATA, "line %d: expected '%s'", line, key);
		const char *val = p + kn;
		size_t vn = (size_t)(nl - val);
		int ok = 1;
		switch (line) {
		case 1: ok = vn == 0; break;
		case 2: ok = S_pid_of(val, vn, &r->pid); break;
		case 3: ok = S_number(val, vn, ULLONG_MAX, &r->start) && r->start > 0; break;
		case 4: ok = S_number(val, vn, (uid_t)-2, &v); r->uid = (uid_t)v; break;
		case 5: ok = S_word(val, vn, 1, sizeof r->host - 1, NULL); break;
		case 6: ok = S_word(val, vn, 36, 36, "0123456789abcdef-"); break;
		case 7: ok = S_word(val, vn, 2 * SP_POOL_TOKEN_BYTES, 2 * SP_POOL_TOKEN_BYTES, hex); break;
		}
		if (ok && line == 5)
			memcpy(r->host, val, vn);
		if (ok && line == 6)
			memcpy(r->boot, val, vn);
		if (ok && line == 7)
			memcpy(r->token, val, vn);
		if (!ok)
			return sp_err_set(err, SP_EDATA, "line %d: bad value for '%.*s'", line, (int)kn - 1, key);
		p = nl + 1;
	}
	if (p != end)
		return sp_err_set(err, SP_EDATA, "line 8: more than a solver.pid holds");
	return SP_OK;
}

/* The real and effective user of pid (/proc/PID/status), 0 when unknown. */
static int S_proc_uids(pid_t pid, unsigned long *ruid, unsigned long *euid)
{
	char buf[4096];
	if (!S_proc_read(pid, "status", buf, sizeof buf))
		return 0;
	const char *u = strstr(buf, "\nUid:");
	return u && sscanf(u + 5, "%lu %lu", ruid, euid) == 2;
}

/* Does /proc/PID/environ hold the entry NAME=VALUE exactly? */
static int S_environ_has(pid_t pid, const char *entry)
{
	char path[64], buf[8192];
	snprintf(path, sizeof path, "/proc/%ld/environ", (long)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t want = strlen(entry) + 1, pos = 0; /* the entry with its NUL */
	int same = 1, found = 0;
	long total = 0;
	ssize_t n;
	while (!found && total < S_ENVIRON_MAX && (n = read(fd, buf, sizeof buf)) > 0) {
		total += n;
		for (ssize_t k = 0; k < n && !found; k++) {
			if (same && buf[k] == entry[pos])
				found = ++pos == want;
			else
				same = 0;
			if (buf[k] == '\0')
				pos = 0, same = 1;
		}
	}
	close(fd);
	return found;
}

enum { S_GONE, S_NOT_OURS, S_PROVEN };

/* Is r's leader a solver that a pool of this user on this machine started
 * in this boot? S_GONE: it has ended (or its number is another process's
 * now); S_NOT_OURS with *why; S_PROVEN: its group may be signalled. */
static int S_proof(const sp_pool_record_t *r, const char **why)
{
	char state;
	long pgrp;
	unsigned long long t;
	unsigned long ruid, euid;
	char entry[sizeof S_TOKEN_ENV + sizeof r->token];
	*why = "";
	if (r->pid == getpid() || r->pid == getpgrp()) {
		*why = "it is this sheetpile";
		return S_NOT_OURS;
	}
#ifdef SYS_pidfd_open /* holds the number: it is not given to another process while we look */
	int pidfd = (int)syscall(SYS_pidfd_open, r->pid, 0);
	if (pidfd < 0 && errno == ESRCH)
		return S_GONE;
#else
	int pidfd = -1;
#endif
	int verdict = S_NOT_OURS;
	if (!S_proc_stat(r->pid, &state, &pgrp, &t) || t != r->start || state == 'Z' || state == 'X')
		verdict = S_GONE;
	else if (r->uid != geteuid() || !S_proc_uids(r->pid, &ruid, &euid) || ruid != r->uid || euid != r->uid)
		*why = "it runs as another user";
	else if (pgrp != (long)r->pid)
		*why = "it does not lead its process group";
	else if (snprintf(entry, sizeof entry, S_TOKEN_ENV "=%s", r->token) <= 0 || !S_environ_has(r->pid, entry))
		*why = "its environment does not hold the token of the run that wrote solver.pid";
	else
		verdict = S_PROVEN;
	if (pidfd >= 0) {
		struct pollfd pf = {pidfd, POLLIN, 0};
		if (verdict == S_PROVEN && poll(&pf, 1, 0) != 0) /* it ended while we looked */
			verdict = S_GONE;
		close(pidfd);
	}
	return verdict;
}

/* s on the log with control characters shown as \xNN (a folder handed over
 * may name anything). */
static void S_log_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			fprintf(S_log, "\\x%02x", (unsigned)(unsigned char)*s);
		else
			fputc(*s, S_log);
}

/* "[WARNING] WORK/NAME: what" on the log, flushed (it is said before the
 * signal is sent). */
static void S_say(const char *work_dir, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void S_say(const char *work_dir, const char *name, const char *fmt, ...)
{
	if (S_log == NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("[WARNING] ", S_log);
	S_log_text(work_dir);
	if (name)
		fprintf(S_log, "/%s", name);
	fputs(": ", S_log);
	vfprintf(S_log, fmt, ap);
	fputc('\n', S_log);
	fflush(S_log);
	va_end(ap);
}

/* A job's work directory is a<ID> (engine_exec.c): other names are not ours. */
static int S_job_dir_name(const char *s)
{
	size_t n = strlen(s);
	return n >= 2 && n <= 24 && s[0] == 'a' && strspn(s + 1, "0123456789") == n - 1;
}

/* work/NAME/solver.pid: the process group to stop, or 0 (not ours, gone,
 * another host's, or no such file). The file is removed once judged, but
 * left where another host wrote it or where it is not the user's. */
static pid_t S_leftover(int wfd, const char *work_dir, const char *name)
{
	struct stat sb;
	uid_t me = geteuid();
	if (fstatat(wfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !(S_ISDIR(sb.st_mode) || S_ISLNK(sb.st_mode)))
		return 0;
	if (S_ISLNK(sb.st_mode)) {
		S_say(work_dir, name, "a symbolic link, not a directory: ignored");
		return 0;
	}
	int afd = openat(wfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (afd >= 0 && (fstat(afd, &sb) != 0 || sb.st_uid != me)) {
		S_say(work_dir, name, "owned by another user: its " S_PIDFILE " is ignored");
		close(afd);
		return 0;
	}
	if (afd < 0) /* replaced by a link since: ignored */
		return 0;
	char text[S_RECORD_MAX + 1];
	ssize_t n = -1;
	int fd = openat(afd, S_PIDFILE, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), garbage = 0;
	const char *bad = NULL;
	if (fd < 0 && errno != ENOENT)
		bad = errno == ELOOP ? "a symbolic link" : strerror(errno);
	else if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)))
		bad = "not a regular file";
	else if (fd >= 0 && sb.st_uid != me)
		bad = "owned by another user";
	else if (fd >= 0 && (n = read(fd, text, sizeof text)) < 0)
		bad = strerror(errno);
	if (fd >= 0)
		close(fd);
	sp_pool_record_t r;
	sp_err_t err = {0, ""};
	if (bad == NULL && fd >= 0 && sp_pool_record_parse(text, (size_t)n, &r, &err) != SP_OK)
		bad = err.text, garbage = 1; /* ours, but not what a pool writes: removed */
	if (bad)
		S_say(work_dir, name, S_PIDFILE " ignored: %s", bad);
	if (garbage)
		unlinkat(afd, S_PIDFILE, 0);
	if (bad || fd < 0) {
		close(afd);
		return 0;
	}
	pid_t pg = 0;
	const char *why;
	S_run_token(); /* this machine's host name and boot id */
	if (strcmp(r.host, S_me.host) != 0) { /* another node's (MPI): its numbers mean nothing here */
		close(afd);
		return 0;
	}
	int verdict = strcmp(r.boot, S_me.boot) == 0 ? S_proof(&r, &why) : S_GONE;
	if (verdict == S_NOT_OURS)
		S_say(work_dir, name, "process %ld left alone: %s", (long)r.pid, why);
	if (verdict == S_PROVEN) {
		S_say(work_dir, name, "stopping solver process group %ld, left running by an earlier sheetpile run",
		      (long)r.pid);
		if (kill(-r.pid, SIGTERM) == 0)
			pg = r.pid;
	}
	unlinkat(afd, S_PIDFILE, 0);
	close(afd);
	return pg;
}

int sp_pool_stop_leftovers(const char *work_dir, double grace_s, size_t *stopped)
{
	*stopped = 0;
	struct stat sb;
	if (lstat(work_dir, &sb) == 0 && S_ISLNK(sb.st_mode))
		S_say(work_dir, NULL, "a symbolic link: the " S_PIDFILE " files in it are ignored");
	int wfd = open(work_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (wfd < 0)
		return SP_OK;
	if (fstat(wfd, &sb) != 0 || sb.st_uid != geteuid()) {
		S_say(work_dir, NULL, "owned by another user: the " S_PIDFILE " files in it are ignored");
		close(wfd);
		return SP_OK;
	}
	DIR *d = fdopendir(wfd);
	if (d == NULL) {
		close(wfd);
		return SP_OK;
	}
	pid_t groups[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < sizeof groups / sizeof *groups)
		if (S_job_dir_name(e->d_name) && (groups[n] = S_leftover(dirfd(d), work_dir, e->d_name)) > 0)
			n++;
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

/* Job i's process has been reaped: its pid file and descriptor go. */
static void S_reaped(sp_pool_t *p, size_t i)
{
	S_run *r = &p->run[i];
	S_pidfile(p->jobs[i], r->pid, 0);
	if (r->pidfd >= 0)
		close(r->pidfd);
	r->pidfd = -1;
}

static void S_reap_blocking(sp_pool_t *p, size_t i)
{
	int status;
	while (waitpid(p->run[i].pid, &status, 0) < 0 && errno == EINTR)
		;
	S_reaped(p, i);
}

/* Job i, stopped and reaped, leaves slot s and its licence: pending again. */
static void S_requeue(sp_pool_t *p, int s, size_t i)
{
	p->run[i].state = S_PENDING;
	p->slot_job[s] = SIZE_MAX;
	p->running--;
	S_give(p, i);
}

/* SIGKILL to every running job's process group, each reaped and requeued. */
static void S_kill_running(sp_pool_t *p)
{
	for (int s = 0; s < p->o.slots; s++) {
		size_t i = p->slot_job[s];
		if (i == SIZE_MAX)
			continue;
		kill(-p->run[i].pid, SIGKILL);
		S_reap_blocking(p, i);
		S_requeue(p, s, i);
	}
}

void sp_pool_free(sp_pool_t *p)
{
	if (p == NULL)
		return;
	if (p->run)
		S_kill_running(p);
	for (size_t k = 0; k < p->n_res; k++)
		regfree(&p->res[k].re);
	free(p->res);
	free(p->jobs); /* the block of the per-job arrays */
	free(p->order);
	free(p); /* and slot_job */
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
	char **env = S_solver_environ(); /* SHEETPILE_RUN_TOKEN: how a later run knows its solvers */
	int e = env ? posix_spawnp(&r->pid, j->argv[0], &fa, &at, j->argv, env) : ENOMEM;
	free(env);
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
	S_reaped(p, i);
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
				S_reaped(p, i);
				kill(-p->run[i].pid, SIGKILL);
				S_requeue(p, s, i);
			}
		}
		struct timespec ts = {0, 2000000};
		nanosleep(&ts, NULL);
	}
	S_kill_running(p);
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

size_t sp_pool_cancel_all(sp_pool_t *p, const void *owner, int running)
{
	size_t m = p->n_heap, done = p->done;
	for (int s = 0; running && s < p->o.slots; s++) {
		size_t i = p->slot_job[s];
		if (i != SIZE_MAX && p->jobs[i]->owner == owner) { /* SIGKILL to its group, reaped; slot and licence freed */
			kill(-p->run[i].pid, SIGKILL), S_reap_blocking(p, i), S_requeue(p, s, i);
			p->run[i].state = S_DONE, p->done++; /* never handed out */
		}
	}
	S_drop_owner(p, p->heap, &m, owner), p->n_heap = 0;
	for (size_t k = 0; k < m; k++) /* the heap rebuilt */
		S_heap_push(p, p->heap[k]);
	S_drop_owner(p, p->waiting, &p->n_waiting, owner);
	return p->done - done;
}

size_t sp_pool_cancel(sp_pool_t *p, const void *owner)
{
	return sp_pool_cancel_all(p, owner, 0);
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
