/* wedge_memo.c - a memo of layered wedge searches across analyses (wedge_memo.h). */
#include "wedge_memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(sp_wedge_layer_t) == 5 * sizeof(double), "a slice without padding: hashed and compared as bytes");

#define S_PROBES 16 /* slots an input may take, from its hash on */

typedef struct {
	uint64_t hash;
	int n; /* 0: a free slot */
	int passive;
	double hint_deg;
	sp_wedge_layer_t sl[SP_WEDGE_MEMO_SLICES];
	double force_kN_per_m, alpha_deg;
} S_entry;

struct sp_wedge_memo {
	size_t mask; /* capacity - 1 */
	S_entry *table; /* allocated at the first store */
	int table_failed;
	long hits, kept, unkept;
};

sp_wedge_memo_t *sp_wedge_memo_alloc(int capacity)
{
	sp_wedge_memo_t *m = calloc(1, sizeof *m);
	if (m == NULL)
		return NULL;
	size_t cap = 1;
	while (cap < (size_t)(capacity > 1 ? capacity : 1))
		cap *= 2;
	m->mask = cap - 1;
	return m;
}

void sp_wedge_memo_free(sp_wedge_memo_t *m)
{
	if (m == NULL)
		return;
	free(m->table);
	free(m);
}

/* A hash of size bytes (a multiple of 8: the key's doubles and ints)
 * continued from h, a 64-bit word at a time. */
static uint64_t S_mix(uint64_t h, const void *p, size_t size)
{
	const unsigned char *b = p;
	for (size_t i = 0; i + 8 <= size; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, sizeof w);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	return h;
}

static int S_same(const S_entry *e, uint64_t hash, const sp_wedge_layer_t *sl, int n, int passive, double hint)
{
	return e->hash == hash && e->n == n && e->passive == passive && memcmp(&e->hint_deg, &hint, sizeof hint) == 0 &&
	       memcmp(e->sl, sl, (size_t)n * sizeof *sl) == 0;
}

double sp_wedge_memo_force_near(sp_wedge_memo_t *m, const sp_wedge_layer_t *slices, const sp_wedge_trig_t *trig, int n,
                                const sp_wall_surcharge_t *const *loads, int n_loads, int passive,
                                double alpha_hint_deg, sp_wedge_grid_t *grid, double *alpha_deg)
{
	if (m == NULL || n_loads != 0 || n < 1 || n > SP_WEDGE_MEMO_SLICES) {
		if (m)
			m->unkept++;
		return sp_wedge_layers_force_near_trig(slices, trig, n, loads, n_loads, passive, alpha_hint_deg, grid,
		                                       alpha_deg);
	}
	int dir = passive != 0; /* the search reads passive as a truth value */
	uint64_t head[2] = {(uint64_t)n << 1 | (uint64_t)dir, 0};
	memcpy(&head[1], &alpha_hint_deg, sizeof alpha_hint_deg);
	uint64_t h = S_mix(14695981039346656037u, head, sizeof head);
	h = S_mix(h, slices, (size_t)n * sizeof *slices);
	S_entry *free_slot = NULL;
	if (m->table)
		for (size_t k = 0; k < S_PROBES && k <= m->mask; k++) {
			S_entry *e = &m->table[(h + k) & m->mask];
			if (e->n == 0) {
				free_slot = e;
				break; /* an input is stored in the first free slot of its window */
			}
			if (S_same(e, h, slices, n, dir, alpha_hint_deg)) {
				m->hits++;
				if (alpha_deg)
					*alpha_deg = e->alpha_deg;
				return e->force_kN_per_m;
			}
		}
	double alpha;
	double f = sp_wedge_layers_force_near_trig(slices, trig, n, loads, n_loads, passive, alpha_hint_deg, grid, &alpha);
	if (alpha_deg)
		*alpha_deg = alpha;
	if (m->table == NULL && !m->table_failed) {
		m->table = calloc(m->mask + 1, sizeof *m->table);
		m->table_failed = m->table == NULL;
		if (m->table)
			free_slot = &m->table[h & m->mask];
	}
	if (free_slot == NULL) {
		m->unkept++; /* its window is full (or no table) */
		return f;
	}
	free_slot->hash = h, free_slot->n = n, free_slot->passive = dir, free_slot->hint_deg = alpha_hint_deg;
	memcpy(free_slot->sl, slices, (size_t)n * sizeof *slices);
	free_slot->force_kN_per_m = f, free_slot->alpha_deg = alpha;
	m->kept++;
	return f;
}

void sp_wedge_memo_counts(const sp_wedge_memo_t *m, long *hits, long *kept, long *unkept)
{
	*hits = m ? m->hits : 0, *kept = m ? m->kept : 0, *unkept = m ? m->unkept : 0;
}
