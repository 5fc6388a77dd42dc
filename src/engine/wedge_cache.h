/* wedge_cache.h - a memo of Culmann's wedge forces (surcharge.h) for one
 * analysis: a construction stage asks again for the wedges of a side whose
 * surface, water, soil and loads did not change, and the search for the
 * critical slide plane is the costly part of a c, phi, delta side.
 *
 * Exact, not approximate: an entry is found only when every input of the
 * function is the same bit for bit (the numbers compared as bytes, a
 * surcharge by its points and values, a sloping ground by its surface and
 * bands), and it holds what the function returned, so a result is the same
 * with or without the memo. Bounded: the number of entries is set at
 * allocation (73 bytes each, the table allocated at the first store; a new
 * entry overwrites an old one when the slots its key may take are full), and
 * it keeps copies of at most 32 surcharges and 16 sloping grounds (8 kB in
 * the memo, 2.3 kB a ground). A force it computes on level ground takes the
 * sines and cosines its soil's slide planes share from a family
 * (sp_surcharge_family_t, 4 kB, at most 16), computed once. Not shared: one memo belongs to one analysis
 * on one thread. */
#ifndef SP_WEDGE_CACHE_H
#define SP_WEDGE_CACHE_H

#include "surcharge.h"

#define SP_WEDGE_CACHE_MAX 16384   /* entries at most */
#define SP_WEDGE_CACHE_GROUNDS 16
#define SP_WEDGE_CACHE_FAMILIES 16

/* The memo's fields are its own (wedge_cache.c); the struct is public so
 * that a work area can hold one without another allocation. */
typedef struct sp_wedge_cache {
	size_t mask;                        /* capacity - 1 */
	struct sp_wedge_cache_entry *table; /* capacity entries, allocated at the first store */
	unsigned char *used;                /* per entry: it holds a key (1 byte an entry to clear) */
	int table_failed;                   /* its allocation failed: compute everything */
	long hits, misses;
	int n_loads;
	struct sp_wedge_cache_load *loads;  /* SP_WALL_MAX_ITEMS copies, allocated at the first surcharge */
	int n_grounds;
	struct sp_wedge_cache_ground *grounds[SP_WEDGE_CACHE_GROUNDS];
	int n_families;
	sp_surcharge_family_t *families[SP_WEDGE_CACHE_FAMILIES];
} sp_wedge_cache_t;

/* An empty memo of at most capacity entries (rounded up to a power of two,
 * at least 64, at most SP_WEDGE_CACHE_MAX); nothing allocated yet.
 * sp_wedge_cache_release frees what it allocated since (a memo of zeros
 * accepted). */
void sp_wedge_cache_init(sp_wedge_cache_t *c, int capacity);
void sp_wedge_cache_release(sp_wedge_cache_t *c);

/* The same on the heap: NULL when out of memory; sp_wedge_cache_free
 * accepts NULL. */
sp_wedge_cache_t *sp_wedge_cache_alloc(int capacity);
void sp_wedge_cache_free(sp_wedge_cache_t *c);

/* sp_surcharge_wedge_force and sp_surcharge_ground_wedge_force through the
 * memo c (NULL: computed, no memo). Inputs it cannot hold (more than 8 loads, more distinct surcharges
 * or grounds than its tables keep) are computed and not kept. */
double sp_wedge_cache_force(sp_wedge_cache_t *c, double depth_m, double weight_integral_kN_per_m,
                            const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg, double delta_deg,
                            double c_kPa, int passive, double *alpha_deg);
double sp_wedge_cache_ground_force(sp_wedge_cache_t *c, const sp_ground_t *g, double level_m,
                                   const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg,
                                   double delta_deg, double c_kPa, int passive, double *alpha_deg);

/* Look-ups answered from the memo and look-ups computed (kept or not). */
void sp_wedge_cache_counts(const sp_wedge_cache_t *c, long *hits, long *misses);

#endif
