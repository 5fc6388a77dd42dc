/* beam_loads.h - a memo of the beam engine's stage loadings across analyses.
 *
 * What sp_beam_load_stage (beam_load.c) puts on the beam in each stage - every
 * half spring's pressures, tributary length, layer and moduli as the loading
 * set them (before the halves merge), the water pressures, the nodal loads
 * and the normal forces - depends on the wall and its nodes, never on the
 * wall's bending stiffness nor on the springs' states. The analyses of one
 * study that differ only in the section's EI (the candidates of one pile
 * length and anchor option) load their stages alike: the first records them,
 * the others set their stages from the record (engine_beam.c keys an entry
 * by the length and the anchor option; an evaluation's worker thread owns a
 * memo, eval/analyses.c).
 *
 * Exact: a stage set from an entry is the stage its loading would set, bit
 * for bit. The halves are merged again from the springs' present states
 * (beam_side.c, as a replayed side), the curves prepared as the loading
 * prepares them, and an entry serves only a wall with the same number of
 * stages and the same nodes (their levels compared as bytes): a key given
 * to two walls with other nodes is a miss, never another wall's loading.
 * Only an analysis that loaded every stage leaves an entry. Bounded: the
 * memo keeps at most `entries` walls of at most SP_BEAM_LOADS_MAX_BYTES each,
 * the least recently used replaced. One memo, one thread: not locked. */
#ifndef SP_BEAM_LOADS_H
#define SP_BEAM_LOADS_H

#include "beam_work.h"

#include <stddef.h>

#define SP_BEAM_LOADS_KEY_MAX 48 /* bytes of a key */
#define SP_BEAM_LOADS_DEFAULT 2  /* walls an evaluation worker's memo keeps (about 0.5 MB each, 205 nodes, 4 stages) */
#define SP_BEAM_LOADS_MAX_BYTES ((size_t)16 << 20) /* a larger wall's loadings are not kept (its analyses computed) */

typedef struct sp_beam_loads sp_beam_loads_t;
typedef struct sp_beam_loads_entry sp_beam_loads_entry_t;

/* An empty memo of `entries` walls (at least 1); NULL when out of memory.
 * sp_beam_loads_free accepts NULL. */
sp_beam_loads_t *sp_beam_loads_alloc(int entries);
void sp_beam_loads_free(sp_beam_loads_t *m);

/* Analyses whose stages were set from the memo, and analyses recorded. */
void sp_beam_loads_counts(const sp_beam_loads_t *m, long *hits, long *recorded);

/* beam.c: the complete entry of key (len bytes) for the wall of b with
 * n_stages stages (the same nodes), or NULL. */
const sp_beam_loads_entry_t *sp_beam_loads_find(sp_beam_loads_t *m, const void *key, size_t len, const sp_beam_work_t *b,
                                                int n_stages);

/* Stage `stage` of b set from the entry, as sp_beam_load_stage would set it. */
void sp_beam_loads_restore(const sp_beam_loads_entry_t *e, int stage, sp_beam_work_t *b);

/* An entry to record the stages of b into under key (an empty or
 * unfinished one, else the least recently used, cleared); NULL when out of
 * memory or too large (nothing is recorded). */
sp_beam_loads_entry_t *sp_beam_loads_begin(sp_beam_loads_t *m, const void *key, size_t len, const sp_beam_work_t *b,
                                           int n_stages);

/* Stage `stage` of b as sp_beam_load_stage just set it (b->halves: every
 * half as loaded, b->keep_halves set). */
void sp_beam_loads_record(sp_beam_loads_entry_t *e, int stage, const sp_beam_work_t *b);

/* The recording is over: the entry serves later analyses only when every
 * stage was recorded. */
void sp_beam_loads_finish(sp_beam_loads_t *m, sp_beam_loads_entry_t *e, int stages_recorded);

#endif
