/* test_dist.c - dist.h in one process (its serial fallback, or an MPI build
 * run as a single rank) and the licence pool driven through a gate: the
 * shared counter hands out each job once, a gate with 2 licences keeps a pool
 * of 4 slots to 2 processes at once (counted by the jobs themselves in a lock
 * directory), prepare runs once per job and its failure fails only that job,
 * and every licence is given back. */
#define _POSIX_C_SOURCE 200809L
#include "dist.h"
#include "harness.h"
#include "pool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];

static void test_serial(void)
{
	INT_EQ(sp_dist_size(), 1, "one process: size 1");
	INT_EQ(sp_dist_rank(), 0, "one process: rank 0");
	OK(sp_dist_is_root(), "one process: the root");
	/* 7 split over 1 rank: all 7 */
	INT_EQ(sp_dist_split(7), 7, "split: everything to the only rank");
	sp_err_t err = {0, ""};
	sp_dist_counter_t *c = sp_dist_counter_alloc(&err);
	OK(c != NULL, "counter: alloc");
	/* fetch-and-add: the values before each addition 0, 3, 4 */
	INT_EQ((long)sp_dist_counter_add(c, 3), 0, "counter: first add returns 0");
	INT_EQ((long)sp_dist_counter_add(c, 1), 3, "counter: then 3");
	INT_EQ((long)sp_dist_counter_get(c), 4, "counter: get 4");
	sp_dist_counter_free(c);
	sp_dist_licences_t *l = sp_dist_licences_alloc(2, &err);
	OK(l != NULL, "licences: alloc");
	int a = sp_dist_licence_take(l), b = sp_dist_licence_take(l), none = sp_dist_licence_take(l);
	OK(a == 0 && b == 1, "licences: slots 0 and 1");
	INT_EQ(none, -1, "licences: a third is refused");
	sp_dist_licence_give(l, a);
	INT_EQ(sp_dist_licence_take(l), 0, "licences: a given-back slot is taken again");
	INT_EQ(sp_dist_licence_peak(l), 2, "licences: peak 2");
	sp_dist_licences_free(l);
	OK(sp_dist_licences_alloc(0, &err) == NULL, "licences: 0 licences refused");
}

typedef struct {
	sp_dist_counter_t *next;
	sp_dist_licences_t *lic;
	int prepared[8];
	int held, most; /* licences held now, most at once (seen by the gate) */
} S_ctx;

static size_t S_claim(void *ctx)
{
	return sp_dist_counter_add(((S_ctx *)ctx)->next, 1);
}

static int S_take(void *ctx)
{
	S_ctx *c = ctx;
	int s = sp_dist_licence_take(c->lic);
	if (s >= 0 && ++c->held > c->most)
		c->most = c->held;
	return s;
}

static void S_give(void *ctx, int slot)
{
	S_ctx *c = ctx;
	c->held--;
	sp_dist_licence_give(c->lic, slot);
}

static int S_prepare(void *ctx, size_t job)
{
	S_ctx *c = ctx;
	c->prepared[job]++;
	return job == 5 ? ENOSPC : 0; /* job 5 cannot write its input */
}

static void test_gate(void)
{
	char lock[300], script[2048];
	snprintf(lock, sizeof lock, "%s/locks", root);
	mkdir(lock, 0777);
	/* each job takes the first free slotK; finding slot1 and slot2 taken means
	 * a third job runs at once */
	snprintf(script, sizeof script,
	         "k=1; while [ $k -le 4 ]; do mkdir %s/slot$k 2>/dev/null && break; k=$((k+1)); done; "
	         "[ $k -le 2 ] || touch %s/over; sleep 0.03; rmdir %s/slot$k 2>/dev/null; exit 0",
	         lock, lock, lock);
	enum { N = 8 };
	char *argv[] = {"/bin/sh", "-c", script, NULL};
	sp_pool_job_t jobs[N];
	memset(jobs, 0, sizeof jobs);
	for (int i = 0; i < N; i++) {
		jobs[i].argv = argv;
		jobs[i].workdir = root;
		jobs[i].estimate_s = 1.0;
	}
	sp_err_t err = {0, ""};
	S_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.next = sp_dist_counter_alloc(&err);
	ctx.lic = sp_dist_licences_alloc(2, &err);
	sp_pool_gate_t gate = {&ctx, S_claim, S_take, S_give, S_prepare};
	sp_pool_opts_t o = {.slots = 4, .kill_grace_s = 1, .gate = &gate};
	sp_pool_t *p = sp_pool_alloc(&o, jobs, N, &err);
	OK(p != NULL, "gate: pool");
	size_t k;
	int rc, finished = 0;
	while (p && (rc = sp_pool_next(p, &k, &err)) == SP_POOL_FINISHED)
		finished++;
	int peak = p ? sp_pool_max_running(p) : -1;
	sp_pool_free(p);
	INT_EQ(finished, N, "gate: every job is handed back once");
	char over[400];
	snprintf(over, sizeof over, "%s/over", lock);
	OK(access(over, F_OK) != 0, "gate: never a third job at once with 2 licences on 4 slots (lock directory)");
	OK(peak <= 2 && ctx.most <= 2, "gate: at most 2 processes and 2 licences at once");
	int once = 1, slots = 1;
	for (int i = 0; i < N; i++) {
		once &= ctx.prepared[i] == 1;
		if (i != 5)
			slots &= jobs[i].outcome == SP_JOB_OK && jobs[i].slot >= 0 && jobs[i].slot < 2;
	}
	OK(once, "gate: prepare runs once per job");
	OK(slots, "gate: the other jobs ran in licence slots 0..1");
	OK(jobs[5].outcome == SP_JOB_SPAWN && jobs[5].code == ENOSPC, "gate: a failed prepare fails that job only");
	INT_EQ(ctx.held, 0, "gate: every licence is given back");
	INT_EQ((long)sp_dist_counter_get(ctx.next), N + 1, "gate: each job claimed once, then one look past the end");
	sp_dist_counter_free(ctx.next);
	sp_dist_licences_free(ctx.lic);
}

int main(int argc, char **argv)
{
	sp_err_t err = {0, ""};
	if (sp_dist_init(&argc, &argv, &err) != SP_OK) {
		fprintf(stderr, "%s\n", err.text);
		return 1;
	}
	snprintf(root, sizeof root, "%s/sp-test-dist-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL)
		return 1;
	test_serial();
	test_gate();
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", root);
	int rc = sp_test_done("dist");
	sp_dist_finalize();
	return rc;
}
