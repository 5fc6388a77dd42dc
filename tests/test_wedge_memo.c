/* test_wedge_memo.c - the memo of layered wedge searches kept across
 * analyses (wedge_memo.h): a miss and a hit return the force and angle of
 * D-Sheet Piling's [SLIDE PLANE] tables and the same bits as the search
 * without a memo; inputs one bit apart, another hint or the other direction
 * are not answered from another's entry; a full memo computes (and does not
 * keep) what it cannot hold, with the same bits.
 * Sources: tests/data/dsheet/bm4-13b.shd, right side (surface 0, water -1
 * m, 10 kPa uniform load; layers 0 / -5 / -8 m: gamma 15, c 15 kPa, phi
 * 30 / 35 / 38 deg, delta 24 / 16.6 / 17.2 deg): Q min 1892.28991 /
 * 3076.10239 / 5152.33496 kN/m at -5.5 / -8 / -11 m, theta min 72.950 /
 * 72.541 / 72.938 deg; bm4-13i.shd, left side (surface -4 m, water -6 m;
 * delta 24 / -33 / -36 deg): Q min 775.12062 kN/m, theta 63.969 deg at -11 m. */
#include "harness.h"
#include "layered_side.h"
#include "wedge_memo.h"

#include <math.h>
#include <string.h>

typedef struct {
	sp_wedge_layer_t sl[3];
	sp_wedge_trig_t trig[3];
	int n;
} plane_t;

static plane_t plane_at(const side_t *s, double z)
{
	plane_t p;
	int layer[3];
	p.n = layered_slices(s, z, p.sl, layer);
	for (int k = 0; k < p.n; k++)
		p.trig[k] = sp_wedge_layers_trig(s->phi[layer[k]], s->delta[layer[k]]);
	return p;
}

static int same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

/* Through memo m (expecting a hit or not): the same bits as without a memo,
 * and D-Sheet's Q and theta when q_want > 0. */
static void check(sp_wedge_memo_t *m, const plane_t *p, int passive, double hint_deg, int want_hit, double q_want,
                  double theta_want, const char *name)
{
	long h0, k0, u0, h1, k1, u1;
	sp_wedge_memo_counts(m, &h0, &k0, &u0);
	double alpha, q = sp_wedge_memo_force_near(m, p->sl, p->trig, p->n, NULL, 0, passive, hint_deg, NULL, &alpha);
	sp_wedge_memo_counts(m, &h1, &k1, &u1);
	double alpha_plain, q_plain =
	    sp_wedge_layers_force_near_trig(p->sl, p->trig, p->n, NULL, 0, passive, hint_deg, NULL, &alpha_plain);
	char label[200];
	snprintf(label, sizeof label, "%s: %s", name, want_hit ? "answered from the memo" : "computed");
	OK((h1 - h0 == 1) == (want_hit != 0) && h1 + k1 + u1 == h0 + k0 + u0 + (m != NULL), label);
	snprintf(label, sizeof label, "%s: Q and angle bit for bit as the search without a memo", name);
	OK(same_bits(q, q_plain) && same_bits(alpha, alpha_plain), label);
	if (q_want > 0.0) {
		snprintf(label, sizeof label, "%s: Q %.5f vs D-Sheet %.5f kN/m", name, q, q_want);
		DBL_REL(q, q_want, 2e-6, label);
		snprintf(label, sizeof label, "%s: theta %.3f vs D-Sheet %.3f deg", name, 90.0 - alpha, theta_want);
		DBL_ABS(90.0 - alpha, theta_want, 0.002, label);
	}
}

int main(void)
{
	side_t b13 = {0.0, -1.0, 10.0, {0, -5, -8}, {30, 35, 38}, {24, 16.6, 17.2}};
	side_t b13i = {-4.0, -6.0, 0.0, {0, -5, -8}, {30, 35, 38}, {24, -33, -36}};
	plane_t p55 = plane_at(&b13, -5.5), p8 = plane_at(&b13, -8.0), p11 = plane_at(&b13, -11.0);
	plane_t q11 = plane_at(&b13i, -11.0);
	double hint = 90.0 - 72.950 + 2.0; /* D-Sheet's plane 2 deg off: Newton's method */

	sp_wedge_memo_t *m = sp_wedge_memo_alloc(64);
	OK(m != NULL, "a memo of 64 entries");
	check(m, &p55, 1, 0.0, 0, 1892.28991, 72.950, "bm4-13b -5.5 m, full search, miss");
	check(m, &p55, 1, 0.0, 1, 1892.28991, 72.950, "bm4-13b -5.5 m, full search, hit");
	check(m, &p55, 1, hint, 0, 1892.28991, 72.950, "bm4-13b -5.5 m, another hint, miss");
	check(m, &p55, 1, hint, 1, 1892.28991, 72.950, "bm4-13b -5.5 m, another hint, hit");
	check(m, &p55, 0, 0.0, 0, 0.0, 0.0, "bm4-13b -5.5 m, active, miss");
	check(m, &p8, 1, 0.0, 0, 3076.10239, 72.541, "bm4-13b -8 m, miss");
	check(m, &p11, 1, 0.0, 0, 5152.33496, 72.938, "bm4-13b -11 m, miss");
	check(m, &q11, 1, 0.0, 0, 775.12062, 63.969, "bm4-13i -11 m, miss");
	check(m, &p8, 1, 0.0, 1, 3076.10239, 72.541, "bm4-13b -8 m, hit");
	check(m, &q11, 1, 0.0, 1, 775.12062, 63.969, "bm4-13i -11 m, hit");
	/* one bit of one slice's cohesion apart: its own entry, not -11 m's */
	plane_t p11c = p11;
	p11c.sl[2].c_kPa = nextafter(p11c.sl[2].c_kPa, 100.0);
	check(m, &p11c, 1, 0.0, 0, 0.0, 0.0, "bm4-13b -11 m, c one bit larger, miss");
	check(m, &p11c, 1, 0.0, 1, 0.0, 0.0, "bm4-13b -11 m, c one bit larger, hit");
	/* a search with surcharges is computed, not kept */
	sp_wall_surcharge_t load;
	memset(&load, 0, sizeof load);
	const sp_wall_surcharge_t *loads[1] = {&load};
	long h, k, u;
	sp_wedge_memo_counts(m, &h, &k, &u);
	double a_m, f_m = sp_wedge_memo_force_near(m, p8.sl, p8.trig, p8.n, loads, 1, 1, 0.0, NULL, &a_m);
	double a_p, f_p = sp_wedge_layers_force_near_trig(p8.sl, p8.trig, p8.n, loads, 1, 1, 0.0, NULL, &a_p);
	long h2, k2, u2;
	sp_wedge_memo_counts(m, &h2, &k2, &u2);
	OK(u2 == u + 1 && h2 == h && k2 == k, "with a surcharge: computed and not kept");
	OK(same_bits(f_m, f_p) && same_bits(a_m, a_p), "with a surcharge: the same bits as without a memo");
	sp_wedge_memo_free(m);

	/* a memo of one entry: full after the first, then no memo */
	m = sp_wedge_memo_alloc(1);
	check(m, &p55, 1, 0.0, 0, 1892.28991, 72.950, "1 entry: -5.5 m kept");
	check(m, &p8, 1, 0.0, 0, 3076.10239, 72.541, "1 entry, full: -8 m computed");
	check(m, &p8, 1, 0.0, 0, 3076.10239, 72.541, "1 entry, full: -8 m computed again");
	check(m, &p55, 1, 0.0, 1, 1892.28991, 72.950, "1 entry, full: -5.5 m still answered");
	sp_wedge_memo_counts(m, &h, &k, &u);
	OK(h == 1 && k == 1 && u == 2, "1 entry: 1 hit, 1 kept, 2 not kept");
	sp_wedge_memo_free(m);
	/* no memo: computed */
	check(NULL, &p11, 1, 0.0, 0, 5152.33496, 72.938, "no memo");
	sp_wedge_memo_free(NULL);
	return sp_test_done("wedge_memo");
}
