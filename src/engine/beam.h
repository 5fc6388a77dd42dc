/* beam.h - engine 'beam': a wall on elastoplastic soil springs, stage by stage
 * (the subgrade-reaction model of D-Sheet Piling).
 *
 * sp_beam_analyse() solves every construction stage of an sp_wall_t in turn;
 * each stage starts from the spring states the previous one left. Sign
 * conventions are those of wall.h (positive to the right). The engine never
 * prints or exits; a stage that does not converge or has no equilibrium gets
 * a status and a reason, never a NaN. */
#ifndef SP_BEAM_H
#define SP_BEAM_H

#include "beam_result.h"
#include "wall.h"

/* Analyse all stages. want_nodes: fill the per-node results of every stage.
 * Returns SP_OK (stage statuses tell convergence), SP_EDATA for a wall that
 * cannot be modelled (the message says why), SP_ESOFTWARE when out of memory. */
int sp_beam_analyse(const sp_wall_t *w, int want_nodes, sp_beam_result_t *out, sp_err_t *err);

/* The memos one thread keeps across the analyses it runs (a NULL field:
 * none): layered wedge searches (wedge_memo.h) and stage loadings
 * (beam_loads.h) under the caller's key, the bytes that tell this wall's
 * loading from the other walls the memo sees (engine_beam.c: a study's pile
 * length and anchor option). Not locked: one thread's at a time. */
struct sp_wedge_memo;
struct sp_beam_loads;
typedef struct {
	struct sp_wedge_memo *wedges;
	struct sp_beam_loads *loads;
	const void *key;
	size_t key_len;
} sp_beam_memos_t;

/* The same with the caller's memos (NULL: none): the same results, bit for
 * bit. */
int sp_beam_analyse_memo(const sp_wall_t *w, int want_nodes, const sp_beam_memos_t *memos, sp_beam_result_t *out,
                         sp_err_t *err);

#endif
