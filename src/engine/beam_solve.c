/* beam_solve.c - one stage of the beam engine solved (beam_solve.h).
 *
 * Newton iterations with the tangent stiffness (a plastic spring keeps 1e-9
 * of its first-branch stiffness so that the matrix stays positive definite),
 * a banded LDL^T factorisation, twisted for 16 dofs and more (S_twisted_*:
 * eliminated from the top and from the bottom at once, two independent
 * chains of divisions; S_ldlt_band_*: GSL's algorithm for smaller systems),
 * reused while no spring or tie changes branch, and an exact line search on
 * the potential energy when the full step overshoots. The beam's own band
 * (bending, normal force, spring supports, constrained dofs) is assembled
 * once per stage (b->kbeam); the factorisation reads it and adds the springs
 * and ties on the diagonal as it goes. The soil forces are piecewise linear
 * in the displacement (beam_spring.h), so Newton ends exactly once the branch
 * of every spring is right. */
#include "beam_solve.h"
#include "beam_bending.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_DISPLACEMENT 50.0 /* m: beyond this the wall has no equilibrium */
#define S_TDA (SP_BEAM_WORK_BAND + 1) /* doubles per row of a band */

/* Adds v to A(i, j) of a symmetric band in lower storage (row j: A(j,j),
 * A(j+1,j), ..., A(j+p,j)). */
static void S_band_add(double *k, size_t i, size_t j, double v)
{
	if (j > i) {
		size_t t = i;
		i = j;
		j = t;
	}
	k[j * S_TDA + (i - j)] += v;
}

/* Row r of the matrix to factorise: the stage's band a plus diag[r] on the
 * diagonal. */
static inline void S_row_init(double *d, const double *a, const double *diag, size_t r)
{
	double *o = &d[r * S_TDA];
	const double *i = &a[r * S_TDA];
	o[0] = i[0] + diag[r], o[1] = i[1], o[2] = i[2], o[3] = i[3];
}

/* Column j of a banded LDL^T in GSL's order: the lenv entries below the
 * pivot scaled by 1/pivot, then the rank-one update of the rows below.
 * *inv_out (when not NULL) gets 1/pivot. -1 on a zero pivot. */
static int S_column(double *d, size_t tda, size_t j, size_t lenv, double *inv_out)
{
	double ajj = d[j * tda];
	if (ajj == 0.0)
		return -1;
	double *v = &d[j * tda + 1], inv = 1.0 / ajj;
	for (size_t k = 0; k < lenv; k++)
		v[k] *= inv;
	for (size_t i = 0; i < lenv; i++) {
		double tmp = -ajj * v[i];
		double *row = &d[(j + 1 + i) * tda];
		for (size_t k = i; k < lenv; k++)
			row[k - i] += v[k] * tmp;
	}
	if (inv_out)
		*inv_out = inv;
	return 0;
}

/* LDL^T of the symmetric band a + diag (n rows, bandwidth 3, lower storage as
 * S_band_add's) into d: D on the diagonal, the unit lower L below. The
 * operations and their order are those of GSL 2.7's
 * gsl_linalg_ldlt_band_decomp (scale the column by 1/d_j, then the rank-one
 * update of the trailing block row by row as its dsyr does); each row of d is
 * set from a and diag just before the first column that updates it, so a
 * is read once and never copied. Returns 0, or -1 for a zero pivot
 * (singular). */
static int S_ldlt_band_decomp(double *d, const double *a, const double *diag, size_t n)
{
	const size_t p = SP_BEAM_WORK_BAND, tda = S_TDA;
	for (size_t r = 0; r < n && r < p; r++)
		S_row_init(d, a, diag, r);
	size_t j = 0;
	for (; j + 4 < n; j++) { /* lenv = 3: the operations unrolled */
		S_row_init(d, a, diag, j + 3);
		double *c = &d[j * tda], ajj = c[0];
		if (ajj == 0.0)
			return -1;
		/* the next pivot waits for this one: its update is a_10^2 / a_00,
		 * one division and one multiplication after the pivot (GSL's
		 * -a_00 (a_10 / a_00)^2 takes two more) */
		double c1 = c[1], c2 = c[2], c3 = c[3], inv = 1.0 / ajj;
		double v0 = c1 * inv, v1 = c2 * inv, v2 = c3 * inv;
		c[1] = v0, c[2] = v1, c[3] = v2;
		double *r0 = c + tda, *r1 = r0 + tda, *r2 = r1 + tda;
		r0[0] -= (c1 * c1) * inv, r0[1] -= v1 * c1, r0[2] -= v2 * c1;
		r1[0] -= v1 * c2, r1[1] -= v2 * c2;
		r2[0] -= v2 * c3;
	}
	if (j + 3 < n) /* the last row not set yet */
		S_row_init(d, a, diag, j + 3);
	for (; j + 1 < n; j++)
		if (S_column(d, tda, j, p < n - j - 1 ? p : n - j - 1, NULL) != 0)
			return -1;
	return n > 0 && d[(n - 1) * tda] == 0.0 ? -1 : 0;
}

/* Solve L D L^T x = x with the factors of S_ldlt_band_decomp (n rows), in the
 * order of gsl_linalg_ldlt_band_svx (forward and back substitution each
 * summing from the lowest index up). */
static void S_ldlt_band_solve(const double *d, size_t n, double *x)
{
	const size_t p = SP_BEAM_WORK_BAND, tda = S_TDA;
	if (n > 6) { /* the operations unrolled */
		for (size_t i = 1; i < 3; i++) {
			double t = x[i];
			for (size_t j = 0; j < i; j++)
				t -= d[j * tda + (i - j)] * x[j];
			x[i] = t;
		}
		for (size_t i = 3; i < n; i++) {
			double t = x[i];
			t -= d[(i - 3) * tda + 3] * x[i - 3];
			t -= d[(i - 2) * tda + 2] * x[i - 2];
			t -= d[(i - 1) * tda + 1] * x[i - 1];
			x[i] = t;
		}
		for (size_t i = 0; i < n; i++)
			x[i] /= d[i * tda];
		for (size_t i = n - 1; i-- > n - 4;) {
			double t = x[i];
			for (size_t j = i + 1; j < n; j++)
				t -= d[i * tda + (j - i)] * x[j];
			x[i] = t;
		}
		for (size_t i = n - 4; i-- > 0;) { /* x[i + 1], known last, subtracted last */
			const double *c = &d[i * tda];
			double t = x[i];
			t -= c[3] * x[i + 3];
			t -= c[2] * x[i + 2];
			t -= c[1] * x[i + 1];
			x[i] = t;
		}
		return;
	}
	for (size_t i = 1; i < n; i++) {
		double t = x[i];
		for (size_t j = i > p ? i - p : 0; j < i; j++)
			t -= d[j * tda + (i - j)] * x[j];
		x[i] = t;
	}
	for (size_t i = 0; i < n; i++)
		x[i] /= d[i * tda];
	for (size_t i = n - 1; i-- > 0;) {
		double t = x[i];
		size_t last = i + p < n - 1 ? i + p : n - 1;
		for (size_t j = i + 1; j <= last; j++)
			t -= d[i * tda + (j - i)] * x[j];
		x[i] = t;
	}
}

/* The twisted factorisation of the same band (n rows, n >= S_TWIST_MIN):
 * columns 0..m-1 eliminated from the top (L D L^T) and n-1..m+3 from the
 * bottom (U D U^T) in one loop, two independent chains of divisions that
 * the processor overlaps, then the 3 x 3 block m..m+2 between them. The
 * same storage: below the diagonal of row j the multipliers of a top
 * column j, and of a bottom column j those of A(j-k, j) in row j-k. Any
 * symmetric elimination order of a positive definite matrix is as stable.
 * The diagonal holds 1 / D (the solve multiplies). Returns 0, or -1 for a
 * zero pivot (singular). */
#define S_TWIST_MIN 16
static size_t S_twist_split(size_t n)
{
	return (n - 3) / 2;
}

/* An entry A(i, j) = A(j, i) of the band to factorise (|i - j| <= 3): the
 * stage's band a plus diag on the diagonal. */
static inline double S_entry(const double *a, const double *diag, size_t i, size_t j)
{
	size_t lo = i < j ? i : j, hi = i < j ? j : i;
	return a[lo * S_TDA + (hi - lo)] + (hi == lo ? diag[lo] : 0.0);
}

/* The pending rows of one chain of S_twisted_decomp: p (3), q (2), w. */
typedef struct {
	double p0, p1, p2, q0, q1, w0;
} S_chain_t;

/* The top chain's column j (row j+3 <= m+2). 0, or -1 for a zero pivot. */
static inline int S_top_column(double *d, const double *a, const double *diag, size_t j, S_chain_t *t)
{
	const size_t tda = S_TDA;
	const double *r3 = &a[j * tda];
	double c1 = t->p1, c2 = t->p2, c3 = r3[3], ajj = t->p0;
	if (ajj == 0.0)
		return -1;
	double inv = 1.0 / ajj, v1 = c2 * inv, v2 = c3 * inv;
	double *o = &d[j * tda];
	o[0] = inv, o[1] = c1 * inv, o[2] = v1, o[3] = v2;
	double n0 = t->q0 - (c1 * c1) * inv, n1 = t->q1 - v1 * c1;
	double n2 = a[(j + 1) * tda + 2] - v2 * c1;
	double m0 = t->w0 - v1 * c2, m1 = a[(j + 2) * tda + 1] - v2 * c2;
	double k0 = a[(j + 3) * tda] + diag[j + 3] - v2 * c3;
	t->p0 = n0, t->p1 = n1, t->p2 = n2, t->q0 = m0, t->q1 = m1, t->w0 = k0;
	return 0;
}

/* The bottom chain's column j: rows j-1..j-3 (j-3 >= m); in_block: row j-3
 * is in the block m..m+2 (its entries with the block start at zero). */
static inline int S_bottom_column(double *d, const double *a, const double *diag, size_t j, size_t m, int in_block,
                                  S_chain_t *b)
{
	const size_t tda = S_TDA, r = j - 3;
	int blk = in_block && r <= m + 2;
	double c1 = b->p1, c2 = b->p2, c3 = a[r * tda + 3], ajj = b->p0;
	if (ajj == 0.0)
		return -1;
	double inv = 1.0 / ajj, v2 = c2 * inv, v3 = c3 * inv;
	d[j * tda] = inv, d[(j - 1) * tda + 1] = c1 * inv, d[(j - 2) * tda + 2] = v2, d[r * tda + 3] = v3;
	double a2 = blk && j - 1 <= m + 2 ? 0.0 : a[r * tda + 2];
	double a1 = blk && j - 2 <= m + 2 ? 0.0 : a[r * tda + 1];
	double a0 = blk ? 0.0 : a[r * tda] + diag[r];
	double n0 = b->q0 - (c1 * c1) * inv, n1 = b->q1 - v2 * c1, n2 = a2 - v3 * c1;
	double m0 = b->w0 - v2 * c2, m1 = a1 - v3 * c2;
	double k0 = a0 - v3 * c3;
	b->p0 = n0, b->p1 = n1, b->p2 = n2, b->q0 = m0, b->q1 = m1, b->w0 = k0;
	return 0;
}

static int S_twisted_decomp(double *d, const double *a, const double *diag, size_t n)
{
	const size_t m = S_twist_split(n), nb = n - 3 - m;
	/* each chain carries its three pending rows in registers: the top's
	 * rows j..j+2 (p: A(j,j), A(j+1,j), A(j+2,j); q: A(j+1,j+1), A(j+2,j+1);
	 * w: A(j+2,j+2)) as updated so far, and reads row j+3 from a as it
	 * reaches it; the bottom mirrors it. The block m..m+2 starts from a in
	 * the top chain and from zero in the bottom one (its updates alone). */
	S_chain_t top = {S_entry(a, diag, 0, 0), S_entry(a, diag, 1, 0), S_entry(a, diag, 2, 0),
	                 S_entry(a, diag, 1, 1), S_entry(a, diag, 2, 1), S_entry(a, diag, 2, 2)};
	size_t e = n - 1;
	S_chain_t bot = {S_entry(a, diag, e, e),         S_entry(a, diag, e - 1, e), S_entry(a, diag, e - 2, e),
	                 S_entry(a, diag, e - 1, e - 1), S_entry(a, diag, e - 2, e - 1), S_entry(a, diag, e - 2, e - 2)};
	/* both chains, the bottom's row j-3 below the block (n - 1 - s - 3 > m + 2):
	 * no test in the loop; then the last steps as they come */
	size_t s = 0, both = n - 6 - m < m ? n - 6 - m : m;
	for (; s < both; s++)
		if (S_top_column(d, a, diag, s, &top) || S_bottom_column(d, a, diag, n - 1 - s, m, 0, &bot))
			return -1;
	for (; s < nb; s++) {
		if (s < m && S_top_column(d, a, diag, s, &top))
			return -1;
		if (S_bottom_column(d, a, diag, n - 1 - s, m, 1, &bot))
			return -1;
	}
	double tp0 = top.p0, tp1 = top.p1, tp2 = top.p2, tq0 = top.q0, tq1 = top.q1, tw0 = top.w0;
	double bp0 = bot.p0, bp1 = bot.p1, bp2 = bot.p2, bq0 = bot.q0, bq1 = bot.q1, bw0 = bot.w0;
	const size_t tda = S_TDA;
	/* the block m..m+2: the top's rows plus the bottom's updates (the
	 * bottom's p is row m+2 from below: A(m+2,m+2), A(m+1,m+2), A(m,m+2)) */
	double *b0 = &d[m * tda], *b1 = b0 + tda, *b2 = b1 + tda;
	b0[0] = tp0 + bw0, b0[1] = tp1 + bq1, b0[2] = tp2 + bp2;
	b1[0] = tq0 + bq0, b1[1] = tq1 + bp1;
	b2[0] = tw0 + bp0;
	for (size_t j = m; j < m + 3; j++) {
		double inv;
		if (S_column(d, tda, j, m + 2 - j, &inv) != 0)
			return -1;
		d[j * tda] = inv;
	}
	return 0;
}

/* Solve A x = x with the factors of S_twisted_decomp: the substitutions in
 * its order of elimination and back, top and bottom together, each chain's
 * pending values in registers (the bottom's for the block start at zero),
 * the scaling by 1 / D inside the back substitution. */
static void S_twisted_solve(const double *d, size_t n, double *x)
{
	const size_t tda = S_TDA, m = S_twist_split(n), nb = n - 3 - m;
	double t0 = x[0], t1 = x[1], t2 = x[2];
	double b0 = x[n - 1], b1 = x[n - 2], b2 = x[n - 3];
	/* both chains with the bottom's row j-3 below the block first (no test),
	 * as S_twisted_decomp */
	size_t s = 0, both = n - 6 - m < m ? n - 6 - m : m;
	for (; s < both; s++) {
		const double *c = &d[s * tda];
		double xt = t0;
		x[s] = xt;
		t0 = t1 - c[1] * xt, t1 = t2 - c[2] * xt, t2 = x[s + 3] - c[3] * xt;
		size_t j = n - 1 - s, r = j - 3;
		double xj = b0;
		x[j] = xj;
		b0 = b1 - d[(j - 1) * tda + 1] * xj, b1 = b2 - d[(j - 2) * tda + 2] * xj;
		b2 = x[r] - d[r * tda + 3] * xj;
	}
	for (; s < nb; s++) {
		if (s < m) {
			const double *c = &d[s * tda];
			double xj = t0;
			x[s] = xj;
			t0 = t1 - c[1] * xj, t1 = t2 - c[2] * xj, t2 = x[s + 3] - c[3] * xj;
		}
		size_t j = n - 1 - s, r = j - 3;
		double xj = b0;
		x[j] = xj;
		b0 = b1 - d[(j - 1) * tda + 1] * xj, b1 = b2 - d[(j - 2) * tda + 2] * xj;
		b2 = (r <= m + 2 ? 0.0 : x[r]) - d[r * tda + 3] * xj;
	}
	/* the block m..m+2 */
	double x0 = t0 + b2, x1 = t1 + b1, x2 = t2 + b0;
	const double *k0 = &d[m * tda], *k1 = k0 + tda, *k2 = k1 + tda;
	x1 -= k0[1] * x0, x2 -= k0[2] * x0;
	x2 -= k1[1] * x1;
	x0 *= k0[0], x1 *= k1[0], x2 *= k2[0];
	x1 -= k1[1] * x2;
	x0 -= k0[2] * x2, x0 -= k0[1] * x1;
	x[m] = x0, x[m + 1] = x1, x[m + 2] = x2;
	double y1 = x0, y2 = x1, y3 = x2; /* the top's x[j+1], x[j+2], x[j+3] */
	double z1 = x2, z2 = x1, z3 = x0; /* the bottom's x[j-1], x[j-2], x[j-3] */
	for (s = 0; s < nb; s++) {
		if (s < m) { /* every step but the last (nb - m <= 1) */
			size_t j = m - 1 - s;
			const double *c = &d[j * tda];
			double t = x[j] * c[0];
			t -= c[3] * y3;
			t -= c[2] * y2;
			t -= c[1] * y1;
			x[j] = t;
			y3 = y2, y2 = y1, y1 = t;
		}
		size_t j = m + 3 + s;
		double t = x[j] * d[j * tda];
		t -= d[(j - 3) * tda + 3] * z3;
		t -= d[(j - 2) * tda + 2] * z2;
		t -= d[(j - 1) * tda + 1] * z1;
		x[j] = t;
		z3 = z2, z2 = z1, z1 = t;
	}
}

/* Element stiffness: bending (EI) plus, with a normal force T, the consistent
 * geometric stiffness T/(30 L) [36 3L -36 3L; 3L 4L^2 -3L -L^2; ...]
 * (second-order effect; Przemieniecki, Theory of Matrix Structural Analysis). */
static void S_beam_element(const sp_beam_work_t *b, int e, double ke[4][4])
{
	double L = b->elen[e], c = b->ecoef[e], g = b->etension[e] / (30.0 * L);
	double a = 12 * c + 36 * g, bb = 6 * L * c + 3 * L * g;
	double d4 = 4 * L * L * (c + g), d2 = 2 * L * L * c - L * L * g;
	ke[0][0] = a, ke[0][1] = bb, ke[0][2] = -a, ke[0][3] = bb;
	ke[1][0] = bb, ke[1][1] = d4, ke[1][2] = -bb, ke[1][3] = d2;
	ke[2][0] = -a, ke[2][1] = -bb, ke[2][2] = a, ke[2][3] = -bb;
	ke[3][0] = bb, ke[3][1] = d2, ke[3][2] = -bb, ke[3][3] = d4;
}

/* Elongation of an anchor (kind 0) or shortening of a strut (kind 1) at
 * displacement u, along its axis: anchors lengthen when the wall moves away
 * from their side, struts shorten when it moves towards theirs. */
static double S_tie_stretch(const sp_beam_work_t *b, const sp_wall_anchor_t *a, int kind, const double *u)
{
	double side_sign = a->side == SP_LEFT ? -1.0 : 1.0;
	return (kind == 0 ? -side_sign : side_sign) * u[2 * sp_beam_work_node_at(b, a->level_m)] *
	       cos(a->angle_deg * SP_PI / 180.0);
}

/* The ties: anchors (kind 0) and struts (kind 1), how many of a kind. */
static int S_n_ties(const sp_wall_t *w, int kind)
{
	return kind == 0 ? w->n_anchors : w->n_struts;
}

/* Tie i of a kind in stage st. */
typedef struct {
	const sp_wall_anchor_t *a; /* its input */
	sp_beam_work_tie_t *t;     /* its state */
	int on;                    /* in place in the stage */
	double pre_kN_per_m;       /* its prestress (anchor) or precompression (strut) in the stage */
} S_tie_t;

static S_tie_t S_tie(sp_beam_work_t *b, const sp_wall_stage_t *st, int kind, int i)
{
	const sp_wall_t *w = b->w;
	if (kind == 0)
		return (S_tie_t){&w->anchors[i], &b->anchors[i], st->anchor_on[i], st->anchor_prestress_kN_per_m[i]};
	return (S_tie_t){&w->struts[i], &b->struts[i], st->strut_on[i], st->strut_precompression_kN_per_m[i]};
}

/* Tie `tie` (in place) at displacement u: its node, its force along its axis
 * (kept in its state) and stiffness, and the horizontal force on the wall. */
static double S_tie_force(sp_beam_work_t *b, S_tie_t tie, int kind, const double *u, int *node_out, double *stiff_out)
{
	const sp_wall_anchor_t *a = tie.a;
	sp_beam_work_tie_t *t = tie.t;
	double pre = tie.pre_kN_per_m;
	int node = sp_beam_work_node_at(b, a->level_m);
	double cs = cos(a->angle_deg * SP_PI / 180.0);
	/* D-Sheet Piling: the input is per m of wall, the wall acts over its
	 * acting width (bm4-9b: width 2 m, same displacement as bm4-9a) */
	double width = sp_beam_work_node_width(b, node);
	double yield = a->yield_force_kN_per_m * width;
	double force, stiff;
	pre *= width;
	if (pre > 0.0) {
		force = pre, stiff = 0.0;
	} else {
		/* from the state of its last stage, or of its installation */
		double kax = a->length_m > 0 ? a->e_kPa * a->area_m2_per_m / a->length_m : 0.0;
		kax *= width;
		force = t->ref_force + kax * (S_tie_stretch(b, a, kind, u) - t->ref_elong);
		stiff = kax;
		if (force < 0.0)
			force = 0.0, stiff = 0.0;
		if (yield > 0 && force > yield)
			force = yield, stiff = 0.0;
	}
	t->tension = force;
	*node_out = node, *stiff_out = stiff;
	/* horizontal force on the wall: anchors pull towards their side, struts push away */
	double side_sign = a->side == SP_LEFT ? -1.0 : 1.0;
	return (kind == 0 ? side_sign : -side_sign) * force * cs;
}

/* Internal forces of ties at displacement u: adds to f and (if want_k) sets
 * their stiffnesses in b->tangent after the nodes'. */
static void S_ties(sp_beam_work_t *b, const sp_wall_stage_t *st, const double *u, double *f, int want_k)
{
	for (int kind = 0; kind < 2; kind++) {
		for (int i = 0; i < S_n_ties(b->w, kind); i++) {
			S_tie_t tie = S_tie(b, st, kind, i);
			if (!tie.on)
				continue;
			int node;
			double stiff, fx = S_tie_force(b, tie, kind, u, &node, &stiff);
			if (want_k)
				b->tangent[b->n + kind * SP_WALL_MAX_ITEMS + i] = stiff;
			f[2 * node] += fx;
		}
	}
}

/* The work of the soil springs and ties at u along dx: sum of their forces
 * times dx. */
static double S_soil_ties_work(sp_beam_work_t *b, const sp_wall_stage_t *st, const double *u, const double *dx)
{
	double sum = sp_beam_spring_work(b->spr, b->piece, b->n, u, dx);
	for (int kind = 0; kind < 2; kind++)
		for (int i = 0; i < S_n_ties(b->w, kind); i++) {
			S_tie_t tie = S_tie(b, st, kind, i);
			if (!tie.on)
				continue;
			int node;
			double stiff, fx = S_tie_force(b, tie, kind, u, &node, &stiff);
			sum += fx * dx[2 * node];
		}
	return sum;
}

/* The diagonal the factorisation adds to the stage's band (2n entries, zero
 * at the rotations): per node the soil tangent and the ties' stiffness
 * (b->tangent), none at a constrained displacement. */
static void S_diagonal(sp_beam_work_t *b, const sp_wall_stage_t *st)
{
	for (int i = 0; i < b->n; i++)
		b->kdiag[2 * i] = b->tangent[i], b->kdiag[2 * i + 1] = 0.0;
	for (int kind = 0; kind < 2; kind++)
		for (int i = 0; i < S_n_ties(b->w, kind); i++) {
			S_tie_t tie = S_tie(b, st, kind, i);
			if (!tie.on)
				continue;
			int node = sp_beam_work_node_at(b, tie.a->level_m);
			double cs = cos(tie.a->angle_deg * SP_PI / 180.0);
			b->kdiag[2 * node] += b->tangent[b->n + kind * SP_WALL_MAX_ITEMS + i] * cs * cs;
		}
	for (int k = 0; k < b->n_fixed; k++)
		b->kdiag[b->fixed_list[k]] = 0.0;
}

static void S_supports(sp_beam_work_t *b, const sp_wall_stage_t *st, const double *u, double *f)
{
	const sp_wall_t *w = b->w;
	for (int i = 0; i < w->n_spring_supports; i++) {
		if (!st->spring_support_on[i])
			continue;
		const sp_wall_support_t *s = &w->spring_supports[i];
		int node = sp_beam_work_node_at(b, s->level_m);
		double width = sp_beam_work_node_width(b, node);
		double kt = s->trans_stiffness_kN_per_m_per_m * width, kr = s->rot_stiffness_kNm_per_rad_per_m * width;
		f[2 * node] -= kt * u[2 * node];
		f[2 * node + 1] -= kr * u[2 * node + 1];
	}
}

void sp_beam_solve_beam_force(const sp_beam_work_t *b, const double *u, int with_normal, double *out)
{
	memset(out, 0, 2 * (size_t)b->n * sizeof *out);
	for (int e = 0; e + 1 < b->n; e++) {
		double L = b->elen[e], c = b->ecoef[e];
		const double *ue = &u[2 * e];
		double dw = ue[0] - ue[2], ts = ue[1] + ue[3];
		double v = c * (12 * dw + 6 * L * ts);
		out[2 * e] += v;
		out[2 * e + 1] += c * L * (6 * dw + 4 * L * ue[1] + 2 * L * ue[3]);
		out[2 * e + 2] -= v;
		out[2 * e + 3] += c * L * (6 * dw + 2 * L * ue[1] + 4 * L * ue[3]);
		if (with_normal && b->etension[e] != 0.0) {
			double g = b->etension[e] / (30.0 * L);
			double vg = g * (36 * dw + 3 * L * ts);
			out[2 * e] += vg;
			out[2 * e + 1] += g * L * (3 * dw + 4 * L * ue[1] - L * ue[3]);
			out[2 * e + 2] -= vg;
			out[2 * e + 3] += g * L * (3 * dw - L * ue[1] + 4 * L * ue[3]);
		}
	}
}

/* r = f_ext - K_beam u, element by element in one pass: the arithmetic of
 * sp_beam_solve_beam_force (with the normal force) in its order, so the
 * same bits, without clearing and scattering into a vector first. */
static void S_beam_residual(const sp_beam_work_t *b, const double *u, double *r)
{
	double cw = 0.0, ct = 0.0; /* node e's forces from element e - 1 */
	int n = b->n;
	for (int e = 0; e + 1 < n; e++) {
		double L = b->elen[e], c = b->ecoef[e];
		const double *t = b->eterm[e]; /* c L, 6 L, 4 L, 2 L */
		const double *ue = &u[2 * e];
		double dw = ue[0] - ue[2], ts = ue[1] + ue[3];
		double v = c * (12 * dw + t[1] * ts);
		double fw = cw + v, ft = ct + t[0] * (6 * dw + t[2] * ue[1] + t[3] * ue[3]);
		double nw = -v, nt = t[0] * (6 * dw + t[3] * ue[1] + t[2] * ue[3]);
		if (b->normal && b->etension[e] != 0.0) {
			double g = b->etension[e] / (30.0 * L);
			double vg = g * (36 * dw + 3 * L * ts);
			fw += vg;
			ft += g * L * (3 * dw + 4 * L * ue[1] - L * ue[3]);
			nw -= vg;
			nt += g * L * (3 * dw - L * ue[1] + 4 * L * ue[3]);
		}
		r[2 * e] = b->f_ext[2 * e] - fw;
		r[2 * e + 1] = b->f_ext[2 * e + 1] - ft;
		cw = nw, ct = nt;
	}
	r[2 * n - 2] = b->f_ext[2 * n - 2] - cw;
	r[2 * n - 1] = b->f_ext[2 * n - 1] - ct;
}

/* x . y (n even) in four partial sums: the additions do not wait for each
 * other. */
static double S_dot(const double *x, const double *y, int n)
{
	double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
	int i = 0;
	for (; i + 4 <= n; i += 4)
		s0 += x[i] * y[i], s1 += x[i + 1] * y[i + 1], s2 += x[i + 2] * y[i + 2], s3 += x[i + 3] * y[i + 3];
	for (; i < n; i++)
		s0 += x[i] * y[i];
	return (s0 + s1) + (s2 + s3);
}

/* Residual r = f_ext + soil, tie and support forces at u - K_beam u, zero at
 * the constrained dofs; returns its largest entry. want_k: the tangent
 * (b->tangent) at u too. */
static double S_residual(sp_beam_work_t *b, const sp_wall_stage_t *st, const double *u, double *r, int want_k)
{
	int n2 = 2 * b->n;
	S_beam_residual(b, u, r);
	sp_beam_spring_forces(b->spr, b->piece, b->n, u, r, want_k ? b->tangent : NULL);
	S_ties(b, st, u, r, want_k);
	S_supports(b, st, u, r);
	if (b->bend) /* plastic curvatures (beam_bending.h) */
		sp_beam_bending_add_load(b->bend, r);
	for (int k = 0; k < b->n_fixed; k++)
		r[b->fixed_list[k]] = 0.0;
	double m0 = 0, m1 = 0; /* two maxima: no chain of dependent comparisons */
	for (int i = 0; i < n2; i += 2) {
		if (fabs(r[i]) > m0)
			m0 = fabs(r[i]);
		if (fabs(r[i + 1]) > m1)
			m1 = fabs(r[i + 1]);
	}
	return m0 > m1 ? m0 : m1;
}

/* The line search's slope of the potential energy along dx, -r(u + t dx) . dx:
 * the beam, its supports and the loads are linear in t, so only the soil
 * and the ties are evaluated at u + t dx:
 * g(t) = g0 + t dx.K dx - (W(t) - W(0)), W the soil's and ties' work along dx. */
typedef struct {
	double g0;     /* the slope at t = 0 */
	double curv;   /* dx . K_band dx */
	double work0;  /* W(0) */
} S_line_t;

static double S_slope_along(sp_beam_work_t *b, const sp_wall_stage_t *st, const double *dx, double t, const S_line_t *ln)
{
	int n2 = 2 * b->n;
	for (int i = 0; i < n2; i++)
		b->u_trial[i] = b->u[i] + t * dx[i];
	return ln->g0 + t * ln->curv - (S_soil_ties_work(b, st, b->u_trial, dx) - ln->work0);
}

/* x . K x for the symmetric band k (n rows, lower storage). */
static double S_band_energy(const double *k, size_t n, const double *x)
{
	double sum = 0.0;
	for (size_t i = 0; i < n; i++) {
		const double *c = &k[i * S_TDA];
		double off = 0.0;
		for (size_t j = 1; j <= SP_BEAM_WORK_BAND && i + j < n; j++)
			off += c[j] * x[i + j];
		sum += x[i] * (c[0] * x[i] + 2.0 * off);
	}
	return sum;
}

/* The stage's band: bending and the normal force of the stage (b->etension,
 * set by sp_beam_load_stage), element by element, the spring supports, and
 * identity rows at the constrained dofs. */
static void S_beam_band(sp_beam_work_t *b, const sp_wall_stage_t *st)
{
	double *k = b->kbeam;
	const sp_wall_t *w = b->w;
	memset(k, 0, 2 * (size_t)b->n * S_TDA * sizeof *k);
	b->normal = 0;
	for (int e = 0; e + 1 < b->n; e++)
		b->normal |= b->etension[e] != 0.0;
	for (int e = 0; e + 1 < b->n; e++) {
		double ke[4][4];
		S_beam_element(b, e, ke);
		for (int p = 0; p < 4; p++)
			for (int q = 0; q <= p; q++)
				S_band_add(k, 2 * (size_t)e + (size_t)p, 2 * (size_t)e + (size_t)q, ke[p][q]);
	}
	for (int i = 0; i < w->n_spring_supports; i++) {
		if (!st->spring_support_on[i])
			continue;
		const sp_wall_support_t *s = &w->spring_supports[i];
		int node = sp_beam_work_node_at(b, s->level_m);
		double width = sp_beam_work_node_width(b, node);
		S_band_add(k, 2 * (size_t)node, 2 * (size_t)node, s->trans_stiffness_kN_per_m_per_m * width);
		S_band_add(k, 2 * (size_t)node + 1, 2 * (size_t)node + 1, s->rot_stiffness_kNm_per_rad_per_m * width);
	}
	int n2 = 2 * b->n;
	for (int f = 0; f < b->n_fixed; f++) {
		int i = b->fixed_list[f];
		for (int j = i - SP_BEAM_WORK_BAND; j <= i + SP_BEAM_WORK_BAND; j++) {
			if (j < 0 || j >= n2 || j == i)
				continue;
			size_t lo = (size_t)(i < j ? i : j), hi = (size_t)(i < j ? j : i);
			k[lo * S_TDA + (hi - lo)] = 0.0;
		}
		k[(size_t)i * S_TDA] = 1.0;
	}
}

/* The stage's band unless it is the band of the last stage: the same normal
 * forces (b->etension), spring supports and constraints. */
static void S_beam_band_for(sp_beam_work_t *b, const sp_wall_stage_t *st)
{
	const sp_wall_t *w = b->w;
	size_t n = (size_t)b->n;
	int n_sup = w->n_spring_supports < SP_WALL_MAX_ITEMS ? w->n_spring_supports : SP_WALL_MAX_ITEMS;
	if (b->kbeam_valid && b->kbeam_n_fixed == b->n_fixed &&
	    memcmp(b->kbeam_etension, b->etension, n * sizeof *b->etension) == 0 &&
	    memcmp(b->kbeam_fixed_list, b->fixed_list, (size_t)b->n_fixed * sizeof *b->fixed_list) == 0 &&
	    memcmp(b->kbeam_support_on, st->spring_support_on, (size_t)n_sup * sizeof *st->spring_support_on) == 0)
		return;
	S_beam_band(b, st);
	memcpy(b->kbeam_etension, b->etension, n * sizeof *b->etension);
	memcpy(b->kbeam_fixed_list, b->fixed_list, (size_t)b->n_fixed * sizeof *b->fixed_list);
	b->kbeam_n_fixed = b->n_fixed;
	memcpy(b->kbeam_support_on, st->spring_support_on, (size_t)n_sup * sizeof *st->spring_support_on);
	b->kbeam_valid = 1;
}

int sp_beam_solve_stage(sp_beam_work_t *b, const sp_wall_stage_t *st, sp_beam_stage_result_t *res)
{
	const sp_wall_t *w = b->w;
	int n2 = 2 * b->n;
	double *r = b->resid, *r2 = b->resid + n2;
	/* constraints */
	memset(b->fixed, 0, (size_t)n2 * sizeof *b->fixed);
	for (int i = 0; i < w->n_rigid_supports; i++) {
		if (!st->rigid_support_on[i])
			continue;
		int node = sp_beam_work_node_at(b, w->rigid_supports[i].level_m);
		if (w->rigid_supports[i].trans_fixed)
			b->fixed[2 * node] = 1, b->fixed_value[2 * node] = b->u[2 * node];
		if (w->rigid_supports[i].rot_fixed)
			b->fixed[2 * node + 1] = 1, b->fixed_value[2 * node + 1] = b->u[2 * node + 1];
	}
	if (st->use_top_displacement)
		b->fixed[0] = 1, b->fixed_value[0] = st->top_displacement_mm / 1000.0;
	b->n_fixed = 0;
	for (int i = 0; i < n2; i++)
		if (b->fixed[i])
			b->fixed_list[b->n_fixed++] = i;
	S_beam_band_for(b, st);
	/* a tie installed in this stage starts from the current displacement */
	for (int kind = 0; kind < 2; kind++) {
		for (int i = 0; i < S_n_ties(w, kind); i++) {
			S_tie_t tie = S_tie(b, st, kind, i);
			if (tie.on && !tie.t->installed) {
				tie.t->ref_elong = S_tie_stretch(b, tie.a, kind, b->u);
				tie.t->ref_force = 0.0;
			}
		}
	}
	for (int i = 0; i < n2; i++)
		if (b->fixed[i])
			b->u[i] = b->fixed_value[i];

	for (int i = 0; i < 4 * b->n; i++) /* the curves of the springs in use, prepared once */
		if (b->spr[i].on)
			sp_beam_spring_ready(&b->spr[i]);
	sp_beam_spring_pieces_reset(b->piece, b->n); /* new curves, shifts, turning points */
	res->status = SP_BEAM_NOT_CONVERGED;
	b->have_fact = 0; /* new stage: new constraints and beam */
	int it;
	double rnorm = S_residual(b, st, b->u, r, 1);
	double tol = w->tolerance_kPa > 0 ? w->tolerance_kPa : 1e-6;
	double force_tol = tol * (w->max_element_m > 0 ? w->max_element_m : 0.05);
	double stiff_max = 0.0; /* the largest 12 EI / L^3 of an element */
	for (int e = 0; e + 1 < b->n; e++)
		if (12.0 * b->ecoef[e] > stiff_max)
			stiff_max = 12.0 * b->ecoef[e];
	int max_it = w->max_iterations > 0 ? w->max_iterations : 500;
	if (b->bend)
		max_it = sp_beam_bending_max_iterations(max_it);
	for (it = 1; it <= max_it; it++) {
		double *dx = b->dx;
		memcpy(dx, r, (size_t)n2 * sizeof *dx);
		/* the tangent changes only when a spring or tie changes branch: the
		 * last factorisation serves again when it has not */
		size_t nt = (size_t)b->n + 2 * SP_WALL_MAX_ITEMS;
		int reuse = b->have_fact && memcmp(b->tangent, b->tangent_fact, nt * sizeof *b->tangent) == 0;
		if (!reuse) {
			S_diagonal(b, st);
			int twist = n2 >= S_TWIST_MIN;
			if ((twist ? S_twisted_decomp : S_ldlt_band_decomp)(b->kfact, b->kbeam, b->kdiag, (size_t)n2) == 0) {
				memcpy(b->tangent_fact, b->tangent, nt * sizeof *b->tangent);
				b->have_fact = 1;
			} else {
				b->have_fact = 0;
			}
		}
		if (b->have_fact)
			(n2 >= S_TWIST_MIN ? S_twisted_solve : S_ldlt_band_solve)(b->kfact, (size_t)n2, dx);
		else {
			res->status = SP_BEAM_NO_EQUILIBRIUM;
			snprintf(res->reason, sizeof res->reason, "the wall is not supported (singular stiffness)");
			break;
		}
		/* exact line search on the (convex, piecewise quadratic) potential
		 * energy: its slope along dx at step t is -r(u + t dx) . dx (r and
		 * dx are zero at the constrained dofs) */
		/* the largest displacement and step of the full step (the maxima
		 * below when it is taken) */
		double umax_full = 0.0, step_full = 0.0;
		for (int i = 0; i < n2; i += 2) {
			double wn = b->u[i] + dx[i];
			b->u_trial[i] = wn, b->u_trial[i + 1] = b->u[i + 1] + dx[i + 1];
			if (fabs(wn) > umax_full)
				umax_full = fabs(wn);
			if (fabs(dx[i]) > step_full)
				step_full = fabs(dx[i]);
		}
		double g0 = -S_dot(r, dx, n2);
		/* the full step, with the tangent assembled there: usually accepted */
		double rn_full = S_residual(b, st, b->u_trial, r2, 1);
		double t = 1.0, g1 = -S_dot(r2, dx, n2);
		int full = !(g0 < 0.0 && g1 > 0.0);
		if (!full) {
			double ta = 0.0, ga = g0, tb = 1.0, gb = g1;
			int last = 0;
			S_line_t ln = {g0, S_band_energy(b->kbeam, (size_t)n2, dx), S_soil_ties_work(b, st, b->u, dx)};
			for (int k = 0; k < 60; k++) { /* Illinois regula falsi */
				t = (ta * gb - tb * ga) / (gb - ga);
				double g = S_slope_along(b, st, dx, t, &ln);
				if (fabs(g) <= 1e-13 * fabs(g0) || tb - ta < 1e-15)
					break;
				if (g < 0.0) {
					ta = t, ga = g;
					if (last < 0)
						gb *= 0.5;
					last = -1;
				} else {
					tb = t, gb = g;
					if (last > 0)
						ga *= 0.5;
					last = 1;
				}
			}
		}
		if (full) {
			double *sw = b->u;
			b->u = b->u_trial, b->u_trial = sw;
			sw = r, r = r2, r2 = sw;
			rnorm = rn_full;
		} else {
			for (int i = 0; i < n2; i++)
				b->u[i] += t * dx[i];
			rnorm = S_residual(b, st, b->u, r, 1);
		}
		double umax = umax_full, step_max = step_full;
		if (!full) {
			umax = 0.0, step_max = 0.0;
			for (int i = 0; i < b->n; i++) {
				if (fabs(b->u[2 * i]) > umax)
					umax = fabs(b->u[2 * i]);
				if (fabs(t * dx[2 * i]) > step_max)
					step_max = fabs(t * dx[2 * i]);
			}
		}
		/* plastic curvatures mapped onto their laws at the new u */
		int bending = b->bend ? sp_beam_bending_update(b->bend, b, b->u) : 0;
		if (bending)
			rnorm = S_residual(b, st, b->u, r, 1);
		if (!isfinite(rnorm) || umax > S_MAX_DISPLACEMENT || bending < 0) {
			res->status = SP_BEAM_NO_EQUILIBRIUM;
			snprintf(res->reason, sizeof res->reason,
			         "no equilibrium: the soil and supports cannot carry the loads");
			break;
		}
		/* residuals below the round-off of K u (stiff walls) count as zero */
		double scale = stiff_max * (umax + 1e-3);
		if (rnorm <= force_tol || (!bending && step_max < 1e-10 && rnorm <= 1e-14 * scale)) {
			res->status = SP_BEAM_OK;
			break;
		}
	}
	res->iterations = it;
	if (res->status == SP_BEAM_NOT_CONVERGED)
		snprintf(res->reason, sizeof res->reason, "not converged in %d iterations (residual %.3g kN/m)",
		         it - 1, rnorm);
	if (b->bend)
		sp_beam_bending_explain(b->bend, b, res);
	return SP_OK;
}

void sp_beam_solve_commit(sp_beam_work_t *b, const sp_wall_stage_t *st)
{
	for (int kind = 0; kind < 2; kind++) {
		for (int i = 0; i < S_n_ties(b->w, kind); i++) {
			S_tie_t tie = S_tie(b, st, kind, i);
			tie.t->installed = tie.on != 0;
			if (tie.on) {
				tie.t->ref_elong = S_tie_stretch(b, tie.a, kind, b->u);
				tie.t->ref_force = tie.t->tension;
			}
		}
	}
	for (int i = 0; i < b->n; i++)
		for (int side = 0; side < 2; side++) {
			double s = side == SP_RIGHT ? b->u[2 * i] : -b->u[2 * i];
			for (int h = 0; h < 2; h++) {
				sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
				if (!sp->on)
					continue;
				sp_beam_spring_commit(sp, s);
				/* a merged lower half is off (read first: its first cache line) */
				sp_beam_spring_t *lo = SP_BEAM_WORK_SPR(b, i, side, 1);
				if (h == 0 && !lo->on && lo->merged) {
					lo->shift_m = sp->shift_m;
					lo->has_turn = sp->has_turn, lo->s_turn = sp->s_turn, lo->p_turn = sp->p_turn;
					lo->has_commit = sp->has_commit, lo->commit_on_line = sp->commit_on_line;
					lo->s_commit = sp->s_commit, lo->p_commit = sp->p_commit;
				}
			}
		}
}
