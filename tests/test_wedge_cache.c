/* test_wedge_cache.c - the memo of Culmann's wedge forces (engine/wedge_cache.c).
 * Expected values: Coulomb's closed form (phi 30, delta 0: Ka = 1/3, Kp = 3,
 * e.g. Craig's Soil Mechanics, ch. 11) and the wedge forces D-Sheet Piling
 * printed for its benchmarks bm4-4c ([SLIDE PLANE] Q max / Q min with a strip
 * load, tests/data/dsheet/bm4-4c.shd) and bm4-5a (sloping ground, stage 1
 * left side), the same numbers tests/test_surcharge.c checks without the memo.
 * Then what makes the memo exact: an answer from it is the same bits as the
 * function's, a surcharge or ground changed in place (same address, other
 * values) is a new key, and a memo too small for its keys still answers
 * right (it overwrites, it never returns another key's entry). */
#include "harness.h"
#include "wedge_cache.h"

#include <stdint.h>

static int S_same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

static void test_published(void)
{
	sp_wedge_cache_t *c = sp_wedge_cache_alloc(1000);
	OK(c != NULL, "memo allocated");
	long hits, misses;
	double alpha;
	/* Coulomb, phi 30, delta 0, depth 2 m, integral of sigma_v' 36 kN/m: Ka 36 / 3, Kp 36 x 3 */
	for (int round = 0; round < 2; round++) {
		DBL_REL(sp_wedge_cache_force(c, 2.0, 36.0, NULL, 0, 30.0, 0.0, 0.0, 0, &alpha), 12.0, 1e-9,
		        "active: Ka 1/3 through the memo");
		DBL_REL(alpha, 60.0, 1e-6, "active: plane at 45 + phi/2");
		DBL_REL(sp_wedge_cache_force(c, 2.0, 36.0, NULL, 0, 30.0, 0.0, 0.0, 1, &alpha), 108.0, 1e-9,
		        "passive: Kp 3 through the memo");
		DBL_REL(alpha, 30.0, 1e-6, "passive: plane at 45 - phi/2");
	}
	sp_wedge_cache_counts(c, &hits, &misses);
	INT_EQ(misses, 2, "Coulomb: computed once each");
	INT_EQ(hits, 2, "Coulomb: the second round from the memo");
	/* bm4-4c: 16 kPa from 0 to 0.2 m from the wall, falling to 0 at 0.4 m; D-Sheet's Q max, Q min */
	sp_wall_surcharge_t l44 = {.n_points = 3, .distance_m = {0.0, 0.2, 0.4}, .value_kPa = {16.0, 16.0, 0.0}};
	const sp_wall_surcharge_t *l[1] = {&l44};
	for (int round = 0; round < 2; round++) {
		DBL_REL(sp_wedge_cache_force(c, 1.0, 8.0, l, 1, 30.0, 0.0, 0.0, 0, NULL), 6.46349, 2e-6, "bm4-4c: Q max at -1.00");
		DBL_REL(sp_wedge_cache_force(c, 1.0, 8.0, l, 1, 30.0, 0.0, 0.0, 1, NULL), 31.33679, 2e-6, "bm4-4c: Q min at -1.00");
		DBL_REL(sp_wedge_cache_force(c, 2.0, 32.0, l, 1, 30.0, 0.0, 0.0, 0, NULL), 13.85403, 2e-6, "bm4-4c: Q max at -2.00");
	}
	/* bm4-5a stage 1, left side: surface 0 at the wall, +1 m from 0.01 m on; gamma 10, phi 30, delta 0 */
	double gd[] = {0.01, 1000.0}, gl[] = {1.0, 1.0}, bb[] = {-1e30}, gg[] = {10.0};
	sp_ground_t ground = {.wall_level_m = 0.0, .n_points = 2, .distance_m = gd, .level_m = gl, .n_bands = 1,
	                      .band_bottom_m = bb, .band_gamma_kN_m3 = gg};
	for (int round = 0; round < 2; round++) {
		DBL_REL(sp_wedge_cache_ground_force(c, &ground, -1.0, NULL, 0, 30.0, 0.0, 0.0, 0, &alpha), 6.63786, 2e-6,
		        "bm4-5a: Q max at -1 under sloping ground");
		DBL_REL(90.0 - alpha, 30.107, 1e-4, "bm4-5a: theta max at -1");
		DBL_REL(sp_wedge_cache_ground_force(c, &ground, -2.0, NULL, 0, 30.0, 0.0, 0.0, 1, NULL), 134.91337, 2e-6,
		        "bm4-5a: Q min at -2");
	}
	sp_wedge_cache_counts(c, &hits, &misses);
	INT_EQ(misses, 2 + 3 + 2, "every distinct wedge computed once");
	INT_EQ(hits, 2 + 3 + 2, "and found again");
	sp_wedge_cache_free(c);
}

/* Inputs that change in place: the key is the values, not the address. */
static void test_in_place(void)
{
	sp_wedge_cache_t *c = sp_wedge_cache_alloc(64);
	sp_wall_surcharge_t q = {.n_points = 2, .distance_m = {0.5, 3.0}, .value_kPa = {20.0, 20.0}};
	const sp_wall_surcharge_t *l[1] = {&q};
	double before = sp_wedge_cache_force(c, 3.0, 60.0, l, 1, 32.5, 20.0, 2.385, 0, NULL);
	q.value_kPa[1] = 40.0; /* same address, another load */
	double direct = sp_surcharge_wedge_force(3.0, 60.0, l, 1, 32.5, 20.0, 2.385, 0, NULL);
	double memo = sp_wedge_cache_force(c, 3.0, 60.0, l, 1, 32.5, 20.0, 2.385, 0, NULL);
	OK(direct > before, "the heavier load pushes harder (the test can see a stale answer)");
	OK(S_same_bits(memo, direct), "a load changed in place is a new key");
	sp_wall_surcharge_t copy = q; /* another address, the same load: the same key */
	const sp_wall_surcharge_t *lc[1] = {&copy};
	long hits0, hits1, misses;
	sp_wedge_cache_counts(c, &hits0, &misses);
	OK(S_same_bits(sp_wedge_cache_force(c, 3.0, 60.0, lc, 1, 32.5, 20.0, 2.385, 0, NULL), direct),
	   "a copy of the load: the same answer");
	sp_wedge_cache_counts(c, &hits1, &misses);
	INT_EQ(hits1 - hits0, 1, "a copy of the load is found in the memo");
	/* two loads in the other order: another key (their resultants are summed in the call's order) */
	sp_wall_surcharge_t r = {.n_points = 2, .distance_m = {1.0, 1.5}, .value_kPa = {7.0, 0.0}};
	const sp_wall_surcharge_t *qr[2] = {&q, &r}, *rq[2] = {&r, &q};
	OK(S_same_bits(sp_wedge_cache_force(c, 3.0, 60.0, qr, 2, 32.5, 20.0, 2.385, 0, NULL),
	               sp_surcharge_wedge_force(3.0, 60.0, qr, 2, 32.5, 20.0, 2.385, 0, NULL)), "two loads");
	OK(S_same_bits(sp_wedge_cache_force(c, 3.0, 60.0, rq, 2, 32.5, 20.0, 2.385, 0, NULL),
	               sp_surcharge_wedge_force(3.0, 60.0, rq, 2, 32.5, 20.0, 2.385, 0, NULL)), "two loads, other order");
	/* a ground whose band weight changes in its own array */
	double gd[] = {2.0, 6.0}, gl[] = {0.0, 1.5}, bb[] = {-1.2, -1e30}, gg[] = {18.0, 9.5};
	sp_ground_t g = {.wall_level_m = 0.0, .n_points = 2, .distance_m = gd, .level_m = gl, .n_bands = 2,
	                 .band_bottom_m = bb, .band_gamma_kN_m3 = gg, .uniform_kPa = 5.0};
	double g1 = sp_wedge_cache_ground_force(c, &g, -3.0, NULL, 0, 30.0, 20.0, 0.0, 0, NULL);
	gg[1] = 11.0;
	double g2 = sp_wedge_cache_ground_force(c, &g, -3.0, NULL, 0, 30.0, 20.0, 0.0, 0, NULL);
	OK(g2 > g1, "a heavier lower band pushes harder");
	OK(S_same_bits(g2, sp_surcharge_ground_wedge_force(&g, -3.0, NULL, 0, 30.0, 20.0, 0.0, 0, NULL)),
	   "a ground changed in place is a new key");
	OK(S_same_bits(sp_wedge_cache_force(NULL, 3.0, 60.0, l, 1, 32.5, 20.0, 2.385, 1, NULL),
	               sp_surcharge_wedge_force(3.0, 60.0, l, 1, 32.5, 20.0, 2.385, 1, NULL)), "no memo: computed");
	sp_wedge_cache_free(c);
	sp_wedge_cache_free(NULL);
}

/* Many more keys than entries, asked in two passes: every answer the
 * function's bits, and the memo holds no more than its capacity. */
static void test_overfull(void)
{
	sp_wedge_cache_t *c = sp_wedge_cache_alloc(64);
	sp_wall_surcharge_t q = {.n_points = 3, .distance_m = {0.0, 1.0, 4.0}, .value_kPa = {12.0, 30.0, 0.0}};
	const sp_wall_surcharge_t *l[1] = {&q};
	uint64_t s = 2385;
	int bad = 0;
	for (int pass = 0; pass < 2; pass++) {
		s = 2385;
		for (int i = 0; i < 500; i++) {
			s = s * 6364136223846793005u + 1442695040888963407u; /* Knuth's MMIX LCG */
			double d = 0.1 + (double)(s >> 40) / (1 << 24) * 12.0, phi = 20.0 + (double)(s >> 58);
			int n = (int)(s >> 20 & 1), passive = (int)(s >> 21 & 1);
			double wint = 9.5 * d * d, coh = (double)(s >> 22 & 3);
			double want = sp_surcharge_wedge_force(d, wint, l, n, phi, 0.5 * phi, coh, passive, NULL);
			double got = sp_wedge_cache_force(c, d, wint, l, n, phi, 0.5 * phi, coh, passive, NULL);
			bad += !S_same_bits(got, want);
		}
	}
	INT_EQ(bad, 0, "an overfull memo: every answer the function's bits");
	long hits, misses;
	sp_wedge_cache_counts(c, &hits, &misses);
	INT_EQ(hits + misses, 1000, "every look-up counted");
	OK(hits <= 64, "no more found again than the memo holds");
	sp_wedge_cache_free(c);
}

int main(void)
{
	test_published();
	test_in_place();
	test_overfull();
	return sp_test_done("wedge_cache");
}
