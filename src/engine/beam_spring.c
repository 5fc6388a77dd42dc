/* beam_spring.c - the elastoplastic soil spring of the beam engine
 * (beam_spring.h): its multi-linear curve, prepared per stage, the pressure
 * and tangent at a displacement, and the plastic shift it keeps from stage
 * to stage. Part of the Newton loop of beam_solve.c (-O3, see
 * src/CMakeLists.txt). */
#include "beam_spring.h"

#include <math.h>
#include <string.h>

void sp_beam_spring_prepare(sp_beam_spring_t *sp)
{
	double sig[3] = {sp->sig_a, sp->sig_n, sp->sig_p};
	/* the same input, bit for bit: the same curve */
	sp->dirty = !(sp->prepared && sp->prep_nb == sp->nb && memcmp(sp->prep_sig, sig, sizeof sig) == 0 &&
	              memcmp(sp->prep_k, sp->k, sizeof sp->k) == 0 && memcmp(sp->prep_lam, sp->lam, sizeof sp->lam) == 0);
}

void sp_beam_spring_ready(sp_beam_spring_t *sp)
{
	if (!sp->dirty)
		return;
	sp->dirty = 0;
	double sig[3] = {sp->sig_a, sp->sig_n, sp->sig_p};
	sp->prepared = 1, sp->prep_nb = sp->nb;
	memcpy(sp->prep_sig, sig, sizeof sig);
	memcpy(sp->prep_k, sp->k, sizeof sp->k);
	memcpy(sp->prep_lam, sp->lam, sizeof sp->lam);
	sp->k_first = 1.0;
	for (int k = 0; k < sp->nb; k++)
		if (sp->k[k] > 0) {
			sp->k_first = sp->k[k];
			break;
		}
	for (int dir = 0; dir < 2; dir++) {
		double room = dir ? sp->sig_p - sp->sig_n : sp->sig_n - sp->sig_a;
		double prev = 0.0, reach = 0.0;
		int m = 0;
		for (int k = 0; k < sp->nb; k++) {
			double end = k + 1 < sp->nb ? sp->lam[k] * room : room;
			if (end > room)
				end = room;
			if (end <= prev || sp->k[k] <= 0.0)
				continue;
			reach += (end - prev) / sp->k[k];
			sp->reach[dir][m] = reach;
			sp->offset[dir][m] = end;
			sp->slope[dir][m] = sp->k[k];
			m++;
			prev = end;
		}
		sp->nseg[dir] = m;
	}
}

/* Pressure on the virgin curve at displacement s into the soil; *slope = dp/ds. */
static inline double S_virgin(const sp_beam_spring_t *sp, double s, double *slope)
{
	double d = s - sp->shift_m;
	int dir = d >= 0;
	double ad = dir ? d : -d, sign = dir ? 1.0 : -1.0;
	int m = sp->nseg[dir];
	for (int k = 0; k < m; k++)
		if (ad <= sp->reach[dir][k]) {
			*slope = sp->slope[dir][k];
			return sp->sig_n + sign * (sp->offset[dir][k] - sp->slope[dir][k] * (sp->reach[dir][k] - ad));
		}
	*slope = 0.0;
	return dir ? sp->sig_p : sp->sig_a;
}

/* 0: the spring is on its virgin curve at s; +1/-1: on the unloading line
 * from a turning point on the passive/active side. */
static inline int S_regime(const sp_beam_spring_t *sp, double s)
{
	if (!sp->has_turn || sp->k_unload <= 0.0)
		return 0;
	if (sp->p_turn > sp->sig_n + 1e-9 && s < sp->s_turn)
		return 1;
	if (sp->p_turn < sp->sig_n - 1e-9 && s > sp->s_turn)
		return -1;
	return 0;
}

/* sp_beam_spring_pressure, inlined into the Newton loop's sp_beam_spring_forces */
static inline double S_pressure(const sp_beam_spring_t *sp, double s, double *slope)
{
	int regime = S_regime(sp, s);
	if (regime == 0)
		return S_virgin(sp, s, slope);
	double p = sp->p_turn + sp->k_unload * (s - sp->s_turn);
	*slope = sp->k_unload;
	if (p < sp->sig_a)
		p = sp->sig_a, *slope = 0.0;
	if (p > sp->sig_p)
		p = sp->sig_p, *slope = 0.0;
	return p;
}

double sp_beam_spring_pressure(const sp_beam_spring_t *sp, double s, double *slope)
{
	return S_pressure(sp, s, slope);
}

/* Elastic reach of a spring on each side (displacement from the centre to the limit). */
static double S_reach(const sp_beam_spring_t *sp, int passive)
{
	int m = sp->nseg[passive];
	return m ? sp->reach[passive][m - 1] : 0.0;
}

/* The linear piece of the spring's curve that holds s: p = a + b s for s in
 * [lo, hi], and its tangent kt (1e-9 of the first branch's when plastic).
 * The piece is chosen as S_pressure chooses it at s; its ends are those of
 * the branch (within round-off, where the curve is continuous). */
static void S_piece(const sp_beam_spring_t *sp, double s, double *lo, double *hi, double *a, double *b, double *kt)
{
	double slope, l = -INFINITY, h = INFINITY;
	int regime = S_regime(sp, s);
	if (regime == 0) {
		if (sp->has_turn && sp->k_unload > 0.0) { /* the virgin curve's side of the turning point */
			if (sp->p_turn > sp->sig_n + 1e-9)
				l = sp->s_turn;
			else if (sp->p_turn < sp->sig_n - 1e-9)
				h = sp->s_turn;
		}
		double d = s - sp->shift_m;
		int dir = d >= 0;
		double ad = dir ? d : -d, sign = dir ? 1.0 : -1.0;
		int m = sp->nseg[dir], k = 0;
		while (k < m && !(ad <= sp->reach[dir][k]))
			k++;
		double r0 = k > 0 ? sp->reach[dir][k - 1] : 0.0, r1 = k < m ? sp->reach[dir][k] : INFINITY;
		if (k < m) {
			slope = sp->slope[dir][k];
			*b = slope;
			*a = sp->sig_n + sign * (sp->offset[dir][k] - slope * r1) - slope * sp->shift_m;
		} else {
			slope = 0.0;
			*b = 0.0;
			*a = dir ? sp->sig_p : sp->sig_a;
		}
		double bl = dir ? sp->shift_m + r0 : sp->shift_m - r1, bh = dir ? sp->shift_m + r1 : sp->shift_m - r0;
		if (bl > l)
			l = bl;
		if (bh < h)
			h = bh;
	} else {
		/* the unloading line from the turning point, between the limits */
		if (regime > 0)
			h = sp->s_turn;
		else
			l = sp->s_turn;
		double ku = sp->k_unload, p = sp->p_turn + ku * (s - sp->s_turn);
		double s_a = sp->s_turn + (sp->sig_a - sp->p_turn) / ku, s_p = sp->s_turn + (sp->sig_p - sp->p_turn) / ku;
		if (p < sp->sig_a) {
			slope = 0.0, *b = 0.0, *a = sp->sig_a;
			if (s_a < h)
				h = s_a;
		} else if (p > sp->sig_p) {
			slope = 0.0, *b = 0.0, *a = sp->sig_p;
			if (s_p > l)
				l = s_p;
		} else {
			slope = ku, *b = ku, *a = sp->p_turn - ku * sp->s_turn;
			if (s_a > l)
				l = s_a;
			if (s_p < h)
				h = s_p;
		}
	}
	*lo = l, *hi = h;
	*kt = slope > 0 ? slope : 1e-9 * sp->k_first;
}

void sp_beam_spring_pieces_reset(sp_beam_spring_piece_t *pc, int n)
{
	for (int i = 0; i < n; i++)
		pc[i].w_lo = INFINITY, pc[i].w_hi = -INFINITY;
}

/* The piece of node i at its displacement w: its springs' pieces summed
 * (f = push p trib with s = w on the right, -w on the left). */
static void S_node_piece(const sp_beam_spring_t *node, double w, sp_beam_spring_piece_t *pc)
{
	double lo = -INFINITY, hi = INFINITY, f0 = 0.0, f1 = 0.0, k = 0.0;
	for (int side = 0; side < 2; side++) {
		double s = side == SP_RIGHT ? w : -w;
		for (int h = 0; h < 2; h++) {
			const sp_beam_spring_t *sp = &node[side * 2 + h];
			if (!sp->on)
				continue;
			double sl, sh, a, b, kt;
			S_piece(sp, s, &sl, &sh, &a, &b, &kt);
			if (side == SP_RIGHT) { /* w = s, force -p trib */
				if (sl > lo)
					lo = sl;
				if (sh < hi)
					hi = sh;
				f0 -= a * sp->trib_m;
			} else { /* w = -s, force +p trib */
				if (-sh > lo)
					lo = -sh;
				if (-sl < hi)
					hi = -sl;
				f0 += a * sp->trib_m;
			}
			f1 -= b * sp->trib_m;
			k += kt * sp->trib_m;
		}
	}
	pc->w_lo = lo, pc->w_hi = hi, pc->f0 = f0, pc->f1 = f1, pc->k = k;
}

void sp_beam_spring_forces(const sp_beam_spring_t *spr, sp_beam_spring_piece_t *pc, int n, const double *u, double *f,
                           double *k)
{
	for (int i = 0; i < n; i++) {
		double wi = u[2 * i];
		sp_beam_spring_piece_t *p = &pc[i];
		if (!(wi >= p->w_lo && wi <= p->w_hi))
			S_node_piece(&spr[4 * (size_t)i], wi, p);
		f[2 * i] += p->f0 + p->f1 * wi;
		if (k)
			k[i] = p->k;
	}
}

double sp_beam_spring_work(const sp_beam_spring_t *spr, sp_beam_spring_piece_t *pc, int n, const double *u,
                           const double *dx)
{
	double sum = 0.0;
	for (int i = 0; i < n; i++) {
		double wi = u[2 * i];
		sp_beam_spring_piece_t *p = &pc[i];
		if (!(wi >= p->w_lo && wi <= p->w_hi))
			S_node_piece(&spr[4 * (size_t)i], wi, p);
		sum += (p->f0 + p->f1 * wi) * dx[2 * i];
	}
	return sum;
}

void sp_beam_spring_commit(sp_beam_spring_t *sp, double s)
{
	double d = s - sp->shift_m;
	double rp = S_reach(sp, 1), ra = S_reach(sp, 0);
	double slope, p = sp_beam_spring_pressure(sp, s, &slope);
	if (S_regime(sp, s) == 0) {
		if (d > rp)
			sp->shift_m = s - rp;
		else if (d < -ra)
			sp->shift_m = s + ra;
		sp->has_turn = 1, sp->s_turn = s, sp->p_turn = p;
	} else if (p >= sp->sig_p || p <= sp->sig_a) {
		/* the unloading line reached a limit: back on the virgin curve there */
		sp->shift_m = p >= sp->sig_p ? s - rp : s + ra;
		sp->s_turn = s, sp->p_turn = p;
	}
}

void sp_beam_spring_move_soil(sp_beam_spring_t *sp, double ds)
{
	sp->shift_m -= ds;
	sp->s_turn -= ds;
}
