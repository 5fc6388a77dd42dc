/* drain_dist.h - the candidate phase over more than one MPI rank (dist.h):
 * the chunks go round the ranks through a shared counter; every rank
 * evaluates and prepares the chunks it takes, the other ranks send them to
 * the root, and the root hands them to the sink in candidate order (with
 * the sink's gather, pack and unpack only the prepared bytes travel, and
 * each rank's gathered state once at the end). What consume sees does not
 * depend on the number of ranks. Both calls are collective. */
#ifndef SP_DRAIN_DIST_H
#define SP_DRAIN_DIST_H

#include <stddef.h>
#include "dist.h"
#include "drain.h"
#include "eval_sink.h"

typedef struct {
	sp_dist_counter_t *chunks; /* the next chunk to take; NULL: not open, or drained */
	size_t n_chunks;
} sp_drain_dist_t;

/* After sp_drain_start(): the chunks of d (cut to a size that travels well)
 * and the shared counter. SP_OK, or *err. */
int sp_drain_dist_open(sp_drain_dist_t *dd, sp_drain_t *d, sp_err_t *err);
/* sp_eval_drain() over the ranks; frees the counter after the last chunk
 * (a rank that does not get there leaves the others waiting: then abort
 * them all). An MPI failure aborts every rank (sp_dist_abort). */
int sp_drain_dist_run(sp_drain_dist_t *dd, sp_drain_t *d, const sp_eval_sink_t *sink);
/* 1 from sp_drain_dist_open() until sp_drain_dist_run() has finished. */
int sp_drain_dist_pending(const sp_drain_dist_t *dd);

#endif
