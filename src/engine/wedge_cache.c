/* wedge_cache.c - an exact memo of Culmann's wedge forces (wedge_cache.h).
 *
 * An open-addressing hash table of fixed size: the key is the function's
 * numbers as bytes, which kind of wedge it is (level or sloping ground),
 * active or passive, and the surcharges and the ground as small ids into two
 * tables of their copies (a surcharge is the same when its points and values
 * are; a ground when its surface, bands and uniform load are). A look-up tries S_PROBES slots from the key's hash; a
 * new entry takes the first empty one, or the first of them when none is. */
#include "wedge_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { S_LEVEL = 1, S_GROUND = 2 };

#define S_PROBES 8
#define S_KEY_LOADS 8                          /* loads a key holds (one byte each) */
#define S_LOADS SP_WALL_MAX_ITEMS              /* distinct surcharges the memo keeps */
#define S_GROUNDS SP_WEDGE_CACHE_GROUNDS         /* distinct sloping grounds */
#define S_FAMILIES SP_WEDGE_CACHE_FAMILIES       /* phi, delta, direction: what their searches share */
#define S_BANDS (2 * SP_WALL_MAX_LAYERS + 2)   /* bands of a ground (beam_load.c: two per layer at most) */

typedef struct {
	double x[5];    /* the numbers of the call, as bytes (unused ones zero) */
	uint64_t loads; /* the surcharges' ids + 1, one byte each, in the call's order */
	uint32_t meta;  /* kind | passive << 2 | n_loads << 3 | (ground id + 1) << 8 */
	uint32_t zero;
} S_key_t;
_Static_assert(sizeof(S_key_t) == 7 * sizeof(uint64_t), "a key without padding: compared as bytes");

typedef struct sp_wedge_cache_entry {
	S_key_t key;
	double force, alpha_deg;
} S_entry_t;

/* What sp_surcharge_* read of a surcharge: its first n_points points. */
typedef struct sp_wedge_cache_load {
	int n_points;
	double distance_m[SP_WALL_MAX_SURCHARGE_POINTS], value_kPa[SP_WALL_MAX_SURCHARGE_POINTS];
} S_load_t;

/* What they read of a ground. */
typedef struct sp_wedge_cache_ground {
	double wall_level_m, uniform_kPa;
	int n_points, n_bands;
	double distance_m[SP_WALL_MAX_SURFACE_POINTS], level_m[SP_WALL_MAX_SURFACE_POINTS];
	double band_bottom_m[S_BANDS], band_gamma_kN_m3[S_BANDS];
	int has_soils; /* the bands' own soils (sp_ground_t band_phi_deg): */
	double band_phi_deg[S_BANDS], band_delta_deg[S_BANDS], band_c_kPa[S_BANDS];
} S_ground_t;


sp_wedge_cache_t *sp_wedge_cache_alloc(int capacity)
{
	sp_wedge_cache_t *c = malloc(sizeof *c);
	if (c)
		sp_wedge_cache_init(c, capacity);
	return c;
}

void sp_wedge_cache_free(sp_wedge_cache_t *c)
{
	sp_wedge_cache_release(c);
	free(c);
}

void sp_wedge_cache_init(sp_wedge_cache_t *c, int capacity)
{
	size_t cap = 64;
	while (cap < (size_t)capacity && cap < SP_WEDGE_CACHE_MAX)
		cap *= 2;
	c->mask = cap - 1;
	c->table = NULL, c->used = NULL, c->table_failed = 0;
	c->hits = c->misses = 0;
	c->n_loads = 0, c->n_grounds = 0, c->n_families = 0;
	c->loads = NULL;
}

void sp_wedge_cache_release(sp_wedge_cache_t *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < c->n_grounds; i++)
		free(c->grounds[i]);
	for (int i = 0; i < c->n_families; i++)
		free(c->families[i]);
	free(c->table);
	free(c->used);
	free(c->loads);
	c->table = NULL, c->used = NULL, c->loads = NULL;
	c->n_loads = c->n_grounds = c->n_families = 0;
}

void sp_wedge_cache_counts(const sp_wedge_cache_t *c, long *hits, long *misses)
{
	*hits = c ? c->hits : 0;
	*misses = c ? c->misses : 0;
}

/* The id of surcharge q in the memo's table (added when new); -1 when it is
 * full or q has more points than a surcharge may. */
static int S_load_id(sp_wedge_cache_t *c, const sp_wall_surcharge_t *q)
{
	int n = q->n_points;
	if (n < 0 || n > SP_WALL_MAX_SURCHARGE_POINTS)
		return -1;
	size_t bytes = (size_t)n * sizeof(double);
	for (int i = 0; i < c->n_loads; i++) {
		const S_load_t *l = &c->loads[i];
		if (l->n_points == n && memcmp(l->distance_m, q->distance_m, bytes) == 0 &&
		    memcmp(l->value_kPa, q->value_kPa, bytes) == 0)
			return i;
	}
	if (c->n_loads == S_LOADS || (c->loads == NULL && (c->loads = malloc(S_LOADS * sizeof *c->loads)) == NULL))
		return -1;
	S_load_t *l = &c->loads[c->n_loads];
	l->n_points = n;
	memcpy(l->distance_m, q->distance_m, bytes);
	memcpy(l->value_kPa, q->value_kPa, bytes);
	return c->n_loads++;
}

/* The id of ground g (added when new); -1 when the table is full or g has
 * more points or bands than it keeps. */
static int S_ground_id(sp_wedge_cache_t *c, const sp_ground_t *g)
{
	int np = g->n_points, nb = g->n_bands;
	if (np < 0 || np > SP_WALL_MAX_SURFACE_POINTS || nb < 0 || nb > S_BANDS)
		return -1;
	size_t pb = (size_t)np * sizeof(double), bb = (size_t)nb * sizeof(double);
	for (int i = 0; i < c->n_grounds; i++) {
		const S_ground_t *h = c->grounds[i];
		if (h->n_points == np && h->n_bands == nb &&
		    memcmp(&h->wall_level_m, &g->wall_level_m, sizeof(double)) == 0 &&
		    memcmp(&h->uniform_kPa, &g->uniform_kPa, sizeof(double)) == 0 &&
		    memcmp(h->distance_m, g->distance_m, pb) == 0 && memcmp(h->level_m, g->level_m, pb) == 0 &&
		    memcmp(h->band_bottom_m, g->band_bottom_m, bb) == 0 &&
		    memcmp(h->band_gamma_kN_m3, g->band_gamma_kN_m3, bb) == 0 && h->has_soils == (g->band_phi_deg != NULL) &&
		    (!h->has_soils || (memcmp(h->band_phi_deg, g->band_phi_deg, bb) == 0 &&
		                       memcmp(h->band_delta_deg, g->band_delta_deg, bb) == 0 &&
		                       memcmp(h->band_c_kPa, g->band_c_kPa, bb) == 0)))
			return i;
	}
	if (c->n_grounds == S_GROUNDS)
		return -1;
	S_ground_t *h = malloc(sizeof *h);
	if (h == NULL)
		return -1;
	h->n_points = np, h->n_bands = nb;
	memcpy(&h->wall_level_m, &g->wall_level_m, sizeof(double));
	memcpy(&h->uniform_kPa, &g->uniform_kPa, sizeof(double));
	memcpy(h->distance_m, g->distance_m, pb), memcpy(h->level_m, g->level_m, pb);
	memcpy(h->band_bottom_m, g->band_bottom_m, bb), memcpy(h->band_gamma_kN_m3, g->band_gamma_kN_m3, bb);
	h->has_soils = g->band_phi_deg != NULL;
	if (h->has_soils)
		memcpy(h->band_phi_deg, g->band_phi_deg, bb), memcpy(h->band_delta_deg, g->band_delta_deg, bb),
		    memcpy(h->band_c_kPa, g->band_c_kPa, bb);
	c->grounds[c->n_grounds] = h;
	return c->n_grounds++;
}

/* The family of phi, delta and direction (surcharge.h; added when new), with
 * the planes of the search's grid when grid; NULL when the table is full. */
static const sp_surcharge_family_t *S_family(sp_wedge_cache_t *c, double phi_deg, double delta_deg, int passive,
                                             int grid)
{
	sp_surcharge_family_t *f = NULL;
	for (int i = 0; i < c->n_families && f == NULL; i++) {
		sp_surcharge_family_t *h = c->families[i];
		if (h->passive == passive && memcmp(&h->phi_deg, &phi_deg, sizeof phi_deg) == 0 &&
		    memcmp(&h->delta_deg, &delta_deg, sizeof delta_deg) == 0)
			f = h;
	}
	if (f == NULL) {
		if (c->n_families == S_FAMILIES || (f = malloc(sizeof *f)) == NULL)
			return NULL;
		sp_surcharge_family_init(f, phi_deg, delta_deg, passive);
		c->families[c->n_families++] = f;
	}
	if (grid)
		sp_surcharge_family_grid(f);
	return f;
}

/* The key of a call: 0 when the memo cannot hold it. x: the call's numbers. */
static int S_make_key(sp_wedge_cache_t *c, S_key_t *k, int kind, const double *x, int nx, int ground_id,
                      const sp_wall_surcharge_t *const *loads, int n_loads, int passive)
{
	if (n_loads < 0 || n_loads > S_KEY_LOADS || ground_id < -1)
		return 0;
	memset(k, 0, sizeof *k);
	memcpy(k->x, x, (size_t)nx * sizeof(double));
	for (int i = 0; i < n_loads; i++) {
		int id = S_load_id(c, loads[i]);
		if (id < 0)
			return 0;
		k->loads |= (uint64_t)(id + 1) << (8 * i);
	}
	k->meta = (uint32_t)kind | (uint32_t)(passive != 0) << 2 | (uint32_t)n_loads << 3 | (uint32_t)(ground_id + 1) << 8;
	return 1;
}

static size_t S_hash(const S_key_t *k)
{
	uint64_t w[sizeof *k / sizeof(uint64_t)], h = 0x243F6A8885A308D3u;
	memcpy(w, k, sizeof w);
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		h = (h ^ w[i]) * 0x9E3779B97F4A7C15u;
		h ^= h >> 32;
	}
	return (size_t)(h ^ h >> 29);
}

/* The entry of key k: found (*hit = 1) or the slot a new one goes to (NULL
 * when there is no table). */
static S_entry_t *S_slot(sp_wedge_cache_t *c, const S_key_t *k, int *hit)
{
	*hit = 0;
	if (c->table == NULL) {
		if (c->table_failed)
			return NULL;
		c->table = malloc((c->mask + 1) * sizeof *c->table);
		c->used = calloc(c->mask + 1, 1);
		if (c->table == NULL || c->used == NULL) {
			free(c->table), free(c->used);
			c->table = NULL, c->used = NULL;
			c->table_failed = 1;
			return NULL;
		}
	}
	size_t h = S_hash(k);
	S_entry_t *first = &c->table[h & c->mask];
	for (size_t p = 0; p < S_PROBES; p++) {
		size_t i = (h + p) & c->mask;
		S_entry_t *e = &c->table[i];
		if (!c->used[i]) {
			c->used[i] = 1;
			return e;
		}
		if (memcmp(&e->key, k, sizeof *k) == 0) {
			*hit = 1;
			return e;
		}
	}
	return first;
}

/* The memo's answer for key k: 1 (a hit) with *force and *alpha_deg (when
 * asked) set from the entry; 0 (a miss) with *slot the entry a computed
 * force goes to (NULL when there is no table). */
static int S_probe(sp_wedge_cache_t *c, const S_key_t *k, S_entry_t **slot, double *force, double *alpha_deg)
{
	int hit;
	S_entry_t *e = S_slot(c, k, &hit);
	if (!hit) {
		*slot = e;
		return 0;
	}
	c->hits++;
	if (alpha_deg)
		*alpha_deg = e->alpha_deg;
	*force = e->force;
	return 1;
}

/* A miss's computed force f (critical plane alpha), kept in slot e for key k
 * and returned (alpha in *alpha_deg when asked). */
static double S_keep(sp_wedge_cache_t *c, S_entry_t *e, const S_key_t *k, double f, double alpha, double *alpha_deg)
{
	c->misses++;
	if (alpha_deg)
		*alpha_deg = alpha;
	if (e)
		e->key = *k, e->force = f, e->alpha_deg = alpha;
	return f;
}

double sp_wedge_cache_force(sp_wedge_cache_t *c, double depth_m, double weight_integral_kN_per_m,
                            const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg, double delta_deg,
                            double c_kPa, int passive, double *alpha_deg)
{
	S_key_t k;
	double x[5] = {depth_m, weight_integral_kN_per_m, phi_deg, delta_deg, c_kPa};
	if (c == NULL || !S_make_key(c, &k, S_LEVEL, x, 5, -1, loads, n_loads, passive))
		return sp_surcharge_wedge_force(depth_m, weight_integral_kN_per_m, loads, n_loads, phi_deg, delta_deg, c_kPa,
		                                passive, alpha_deg);
	S_entry_t *e;
	double f, alpha;
	if (S_probe(c, &k, &e, &f, alpha_deg))
		return f;
	const sp_surcharge_family_t *fam = S_family(c, phi_deg, delta_deg, passive, n_loads > 0);
	f = fam ? sp_surcharge_family_force(fam, depth_m, weight_integral_kN_per_m, loads, n_loads, c_kPa, &alpha)
	        : sp_surcharge_wedge_force(depth_m, weight_integral_kN_per_m, loads, n_loads, phi_deg, delta_deg, c_kPa,
	                                   passive, &alpha);
	return S_keep(c, e, &k, f, alpha, alpha_deg);
}

double sp_wedge_cache_ground_force(sp_wedge_cache_t *c, const sp_ground_t *g, double level_m,
                                   const sp_wall_surcharge_t *const *loads, int n_loads, double phi_deg,
                                   double delta_deg, double c_kPa, int passive, double *alpha_deg)
{
	S_key_t k;
	double x[4] = {level_m, phi_deg, delta_deg, c_kPa};
	int gid = c ? S_ground_id(c, g) : -1;
	if (c == NULL || gid < 0 || !S_make_key(c, &k, S_GROUND, x, 4, gid, loads, n_loads, passive))
		return sp_surcharge_ground_wedge_force(g, level_m, loads, n_loads, phi_deg, delta_deg, c_kPa, passive,
		                                       alpha_deg);
	S_entry_t *e;
	double f, alpha;
	if (S_probe(c, &k, &e, &f, alpha_deg))
		return f;
	const sp_surcharge_family_t *fam = S_family(c, phi_deg, delta_deg, passive, 1);
	f = fam ? sp_surcharge_family_ground_force(fam, g, level_m, loads, n_loads, c_kPa, &alpha)
	        : sp_surcharge_ground_wedge_force(g, level_m, loads, n_loads, phi_deg, delta_deg, c_kPa, passive, &alpha);
	return S_keep(c, e, &k, f, alpha, alpha_deg);
}
