/* beam_loads.c - a memo of the beam engine's stage loadings across analyses
 * (beam_loads.h). */
#include "beam_loads.h"
#include "beam_side.h"

#include <stdlib.h>
#include <string.h>

/* A spring's moduli as the loading set them (beam_load.c S_spring_moduli). */
typedef struct {
	double k[SP_WALL_BRANCHES], lam[SP_WALL_BRANCHES - 1], k_unload;
	int nb;
} S_moduli_t;

struct sp_beam_loads_entry {
	unsigned char key[SP_BEAM_LOADS_KEY_MAX];
	size_t key_len;
	int n, n_stages;  /* nodes and stages of the wall */
	int complete;     /* every stage recorded: serves later analyses */
	long used;        /* the memo's clock at its last use */
	void *block;      /* the arrays below */
	double *z;        /* n: the nodes' levels */
	/* per stage s at [s * 4n], [s * 2n], [s * n] */
	sp_beam_work_half_t *halves; /* 4n: every half as loaded (before merging) */
	S_moduli_t *moduli;          /* 4n */
	double *water;               /* 2n: left, then right */
	double *f_ext;               /* 2n */
	double *etension;            /* n */
};

struct sp_beam_loads {
	int n_entries;
	sp_beam_loads_entry_t *entries;
	long clock;
	long hits, recorded;
};

sp_beam_loads_t *sp_beam_loads_alloc(int entries)
{
	sp_beam_loads_t *m = calloc(1, sizeof *m);
	if (m == NULL)
		return NULL;
	m->n_entries = entries > 1 ? entries : 1;
	if ((m->entries = calloc((size_t)m->n_entries, sizeof *m->entries)) == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

void sp_beam_loads_free(sp_beam_loads_t *m)
{
	if (m == NULL)
		return;
	for (int i = 0; i < m->n_entries; i++)
		free(m->entries[i].block);
	free(m->entries);
	free(m);
}

void sp_beam_loads_counts(const sp_beam_loads_t *m, long *hits, long *recorded)
{
	*hits = m ? m->hits : 0, *recorded = m ? m->recorded : 0;
}

static int S_same_wall(const sp_beam_loads_entry_t *e, const void *key, size_t len, const sp_beam_work_t *b,
                       int n_stages)
{
	return e->block && e->key_len == len && memcmp(e->key, key, len) == 0 && e->n == b->n &&
	       e->n_stages == n_stages && memcmp(e->z, b->z, (size_t)b->n * sizeof *b->z) == 0;
}

const sp_beam_loads_entry_t *sp_beam_loads_find(sp_beam_loads_t *m, const void *key, size_t len, const sp_beam_work_t *b,
                                                int n_stages)
{
	if (m == NULL || len > SP_BEAM_LOADS_KEY_MAX)
		return NULL;
	for (int i = 0; i < m->n_entries; i++) {
		sp_beam_loads_entry_t *e = &m->entries[i];
		if (e->complete && S_same_wall(e, key, len, b, n_stages)) {
			e->used = ++m->clock;
			m->hits++;
			return e;
		}
	}
	return NULL;
}

sp_beam_loads_entry_t *sp_beam_loads_begin(sp_beam_loads_t *m, const void *key, size_t len, const sp_beam_work_t *b,
                                           int n_stages)
{
	if (m == NULL || len > SP_BEAM_LOADS_KEY_MAX || n_stages < 1)
		return NULL;
	size_t n = (size_t)b->n, ns = (size_t)n_stages;
	size_t bytes = n * sizeof(double) + ns * 5 * n * sizeof(double) /* water 2n, f_ext 2n, etension n */ +
	               ns * 4 * n * (sizeof(sp_beam_work_half_t) + sizeof(S_moduli_t));
	if (bytes > SP_BEAM_LOADS_MAX_BYTES) /* a wall of very many nodes and stages: computed, not kept */
		return NULL;
	/* a slot that serves nothing (empty, or a recording that did not end),
	 * else the least recently used */
	sp_beam_loads_entry_t *e = NULL;
	for (int i = 0; i < m->n_entries && e == NULL; i++)
		if (!m->entries[i].complete)
			e = &m->entries[i];
	if (e == NULL) {
		e = &m->entries[0];
		for (int i = 1; i < m->n_entries; i++)
			if (m->entries[i].used < e->used)
				e = &m->entries[i];
	}
	free(e->block);
	memset(e, 0, sizeof *e);
	char *at = e->block = malloc(bytes);
	if (at == NULL)
		return NULL;
	/* the largest alignments first: every part a multiple of 8 bytes */
	e->z = (double *)(void *)at, at += n * sizeof(double);
	e->water = (double *)(void *)at, at += ns * 2 * n * sizeof(double);
	e->f_ext = (double *)(void *)at, at += ns * 2 * n * sizeof(double);
	e->etension = (double *)(void *)at, at += ns * n * sizeof(double);
	e->halves = (sp_beam_work_half_t *)(void *)at, at += ns * 4 * n * sizeof(sp_beam_work_half_t);
	e->moduli = (S_moduli_t *)(void *)at;
	memcpy(e->z, b->z, n * sizeof(double));
	memcpy(e->key, key, len);
	e->key_len = len, e->n = b->n, e->n_stages = n_stages;
	e->used = ++m->clock;
	return e;
}

void sp_beam_loads_record(sp_beam_loads_entry_t *e, int stage, const sp_beam_work_t *b)
{
	if (e == NULL || stage < 0 || stage >= e->n_stages)
		return;
	size_t n = (size_t)e->n, s = (size_t)stage;
	memcpy(&e->halves[s * 4 * n], b->halves, 4 * n * sizeof *b->halves);
	for (size_t i = 0; i < 4 * n; i++) {
		const sp_beam_spring_t *sp = &b->spr[i];
		S_moduli_t *d = &e->moduli[s * 4 * n + i];
		memcpy(d->k, sp->k, sizeof d->k);
		memcpy(d->lam, sp->lam, sizeof d->lam);
		d->k_unload = sp->k_unload, d->nb = sp->nb;
	}
	memcpy(&e->water[s * 2 * n], b->water[SP_LEFT], n * sizeof(double));
	memcpy(&e->water[s * 2 * n + n], b->water[SP_RIGHT], n * sizeof(double));
	memcpy(&e->f_ext[s * 2 * n], b->f_ext, 2 * n * sizeof(double));
	memcpy(&e->etension[s * n], b->etension, n * sizeof(double));
}

void sp_beam_loads_finish(sp_beam_loads_t *m, sp_beam_loads_entry_t *e, int stages_recorded)
{
	if (m == NULL || e == NULL)
		return;
	e->complete = stages_recorded == e->n_stages;
	if (e->complete)
		m->recorded++;
}

void sp_beam_loads_restore(const sp_beam_loads_entry_t *e, int stage, sp_beam_work_t *b)
{
	size_t n = (size_t)e->n, s = (size_t)stage;
	/* the moduli first: preparing a curve compares them (beam_spring.h) */
	for (size_t i = 0; i < 4 * n; i++) {
		sp_beam_spring_t *sp = &b->spr[i];
		const S_moduli_t *d = &e->moduli[s * 4 * n + i];
		memcpy(sp->k, d->k, sizeof sp->k);
		memcpy(sp->lam, d->lam, sizeof sp->lam);
		sp->k_unload = d->k_unload, sp->nb = d->nb;
	}
	memcpy(b->halves, &e->halves[s * 4 * n], 4 * n * sizeof *b->halves);
	for (int side = 0; side < 2; side++)
		sp_beam_side_set(b, side);
	memcpy(b->water[SP_LEFT], &e->water[s * 2 * n], n * sizeof(double));
	memcpy(b->water[SP_RIGHT], &e->water[s * 2 * n + n], n * sizeof(double));
	memcpy(b->f_ext, &e->f_ext[s * 2 * n], 2 * n * sizeof(double));
	memcpy(b->etension, &e->etension[s * n], n * sizeof(double));
}
