/* eval_sink.h - the consumer of the candidate phase of an evaluation
 * (sp_eval_drain(), evaluate.h): the producer/consumer pipeline. The
 * caller implements it; drain.c and, over MPI ranks, drain_dist.c call it. */
#ifndef SP_EVAL_SINK_H
#define SP_EVAL_SINK_H

#include <stddef.h>
#include "result.h"

typedef struct {
	size_t bytes_per_row; /* most bytes prepare writes per row */
	/* On the worker (or MPI rank) that evaluated the chunk, in parallel with
	 * the others: turn rows into bytes for consume, such as formatting
	 * them, into out (n * bytes_per_row bytes); returns the bytes written. */
	size_t (*prepare)(void *data, const sp_result_t *rows, size_t n, char *out);
	/* In candidate order, one chunk at a time, while the workers go on
	 * evaluating: writing, ranking. Non-zero stops the drain. With MPI, on
	 * the root only. */
	int (*consume)(void *data, const sp_result_t *rows, size_t n, const char *prepared, size_t bytes);
	void *data;
	/* Optional, for more than one MPI rank (all three, or none: then every
	 * rank sends its chunks' rows to the root and consume sees them all).
	 * gather: on the rank that evaluated the chunk, in the order the rank
	 * takes its chunks: the work that does not depend on the order of the
	 * rows (ranking, Pareto front); non-zero stops every rank. Then only the
	 * prepared bytes of a chunk go to the root, and consume gets rows ==
	 * NULL for the chunks of the other ranks (prepare must put there
	 * everything consume needs in candidate order). pack: a rank's gathered
	 * state as bytes in *buf (malloc'd, freed by the caller), sent once at
	 * the end; unpack: on the root, after the last chunk, merges one rank's
	 * state (rows in it point to the sender's analyses: sp_eval_relink). */
	int (*gather)(void *data, const sp_result_t *rows, size_t n);
	int (*pack)(void *data, char **buf, size_t *bytes);
	int (*unpack)(void *data, char *buf, size_t bytes);
} sp_eval_sink_t;

#endif
