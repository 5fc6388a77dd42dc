/* drain.h - the candidate phase of an evaluation in one process: the checks
 * and cost of every candidate to hand out, each from its shared analysis,
 * handed to the sink (eval_sink.h) in candidate order, one chunk at a time,
 * so the consumer writes and ranks serially and memory does not grow with
 * the number of candidates. A producer/consumer pipeline: each worker takes
 * the next chunk, evaluates and prepares it on its own, then waits for its
 * turn to hand it to consume, while the others go on evaluating. What
 * consume sees does not depend on the number of workers. The slots, tally
 * and counters are shared with the MPI distribution (drain_dist.h). */
#ifndef SP_DRAIN_H
#define SP_DRAIN_H

#include <stddef.h>
#include <stdint.h>
#include "eval_sink.h"
#include "eval_stats.h"
#include "plan.h"

typedef struct {
	const sp_plan_t *plan;
	const sp_analysis_t *analyses; /* per analysis of the plan, every one run */
	const size_t *ids;             /* min-length: the candidates to hand out, ascending; NULL: every one */
	const unsigned char *skip;     /* best-first: per candidate id, SP_CAND_SKIPPED_* or 0 (analysed); may be NULL */
	sp_eval_stats_t *stats;        /* the caller's: reads workers and to_evaluate; counts evaluated,
	                                  feasible, infeasible, failed and max_concurrent */
	size_t chunk, next;            /* rows per chunk (at most); next to hand out */
	char **slot;                   /* a chunk's rows, then its prepared bytes: per worker (MPI:
	                                  per chunk held or sent) */
	int n_slots;
	size_t slot_bytes;
} sp_drain_t;

/* Before the analysis phase: chunk rows per chunk at most. plan and stats
 * outlive d. Clear with sp_drain_clear(). */
void sp_drain_init(sp_drain_t *d, const sp_plan_t *plan, sp_eval_stats_t *stats, size_t chunk);
/* After it: the analyses and the candidates to hand out (stats->to_evaluate
 * of them; NULL: 0, 1, ...); the chunk is cut to them. */
void sp_drain_start(sp_drain_t *d, const sp_analysis_t *analyses, const size_t *ids, const unsigned char *skip);
void sp_drain_clear(sp_drain_t *d);

/* Hand out every candidate not yet handed out: sp_eval_drain() in one
 * process. SP_OK, SP_ESOFTWARE when out of memory, or consume's first
 * non-zero return. */
int sp_drain_run(sp_drain_t *d, const sp_eval_sink_t *sink);
int sp_drain_threads(const sp_drain_t *d); /* workers of this rank, at least 1 */

/* At least n slots of at least `bytes` each (kept for later drains). */
int sp_drain_slots(sp_drain_t *d, int n, size_t bytes);
/* Where a chunk of count rows keeps its prepared bytes in a slot: right
 * after its rows, so that rows and bytes go to another rank as one block. */
char *sp_drain_prepared(char *slot, size_t count);

/* The statuses of a chunk's rows: what is counted, also of a chunk whose
 * rows stay on the MPI rank that evaluated it (sent as they are). */
typedef struct {
	uint64_t feasible, infeasible, failed, skipped;
} sp_drain_tally_t;

sp_drain_tally_t sp_drain_tally(const sp_result_t *rows, size_t n);
/* A chunk of n rows handed out, in candidate order: the counters. */
void sp_drain_count(sp_drain_t *d, const sp_drain_tally_t *t, size_t n);

#endif
