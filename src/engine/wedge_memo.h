/* wedge_memo.h - a memo of layered wedge searches (wedge_layers.h) kept
 * across analyses: the subgrade example's 1,034,364 searches are 2,448
 * distinct inputs over the whole run, but repeat only 0.08 % within one
 * analysis (docs/performance.md), so the memo belongs to an evaluation's
 * worker thread and is passed down explicitly to every analysis it runs
 * (sp_case_t.wedge_memo -> sp_beam_analyse_memo -> beam_load.c).
 *
 * Exact: the key is every input's bytes (the number of slices, each
 * slice's height, weight integral, phi, delta and c, the direction and the
 * starting angle); the value is the force and the angle the search returned,
 * bit for bit. The slices' angles (trig) are not in the key: by
 * sp_wedge_layers_force_near_trig's contract they are
 * sp_wedge_layers_trig of the slices' phi and delta, and the grid of angles
 * only keeps sines the search would compute to the same bits. Searches with
 * surcharges (pointers) or more than SP_WEDGE_MEMO_SLICES slices are
 * computed and not kept.
 *
 * Bounded: capacity entries (360 bytes each, allocated at the first store);
 * once an entry's probe window is full, new inputs are computed and not kept
 * (a full memo is no memo, never a different result). One memo, one thread:
 * not locked. */
#ifndef SP_WEDGE_MEMO_H
#define SP_WEDGE_MEMO_H

#include "wedge_layers.h"

#define SP_WEDGE_MEMO_SLICES 8     /* slices at most in a kept search */
#define SP_WEDGE_MEMO_DEFAULT 4096 /* entries of an evaluation worker's memo (1.4 MB) */

typedef struct sp_wedge_memo sp_wedge_memo_t;

/* An empty memo of capacity entries (rounded up to a power of two, at least
 * 1); NULL when out of memory. sp_wedge_memo_free accepts NULL. */
sp_wedge_memo_t *sp_wedge_memo_alloc(int capacity);
void sp_wedge_memo_free(sp_wedge_memo_t *m);

/* sp_wedge_layers_force_near_trig through the memo m (NULL: computed, no
 * memo): the same force and *alpha_deg, bit for bit. */
double sp_wedge_memo_force_near(sp_wedge_memo_t *m, const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                                const sp_wall_surcharge_t *const *loads, int n_loads, int passive,
                                double alpha_hint_deg, sp_wedge_grid_t *grid, double *alpha_deg);

/* Searches answered from the memo, computed and kept, computed and not kept
 * (not memoisable, or the memo full). */
void sp_wedge_memo_counts(const sp_wedge_memo_t *m, long *hits, long *kept, long *unkept);

#endif
