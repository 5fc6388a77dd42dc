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

/* Where branch k of the curve ends, as a pressure step from the neutral
 * pressure: at SoilLam[k] % of the passive pressure (D-Sheet's "percentage of
 * passive soil pressure", the mobilisation it prints as pressure / passive
 * pressure: bm4-10a stage 1, right side at -6.00 m, 23.8186 kPa at
 * 0.853 mm, passive 38.925, neutral 2.595 kPa on 30000/15000 kN/m3). The
 * same step bounds the branch towards the active side (bm4-10a stage 1,
 * left side at -4.2 m: 4.317 kPa, 3.129 mm from its neutral 13.704 kPa on
 * branch 1 of 3000 kN/m3, 99 % of the way to the active pressure). */
static double S_branch_end(const sp_beam_spring_t *sp, int k)
{
	return sp->lam[k] * sp->sig_p - sp->sig_n;
}

static void S_restart(sp_beam_spring_t *sp);

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
			double end = k + 1 < sp->nb ? S_branch_end(sp, k) : room;
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
	if (sp->has_commit)
		S_restart(sp);
}

/* Pressure on the virgin curve with its origin at displacement shift, at
 * displacement s into the soil; *slope = dp/ds. */
static inline double S_virgin_from(const sp_beam_spring_t *sp, double s, double shift, double *slope)
{
	double d = s - shift;
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

/* Pressure on the virgin curve (its origin at the plastic shift). */
static inline double S_virgin(const sp_beam_spring_t *sp, double s, double *slope)
{
	return S_virgin_from(sp, s, sp->shift_m, slope);
}

/* The pressure at the turning point: it keeps its step from the neutral
 * pressure when a later stage changes the neutral pressure (bm4-10a stage 3,
 * 50 kPa on the right side: at -5.00 m the passive 24.495 kPa of stage 2
 * becomes 24.495 + 25.000 less 20000 kN/m3 x 0.36 mm of unloading, the
 * printed 42.329 kPa). */
static inline double S_turn_pressure(const sp_beam_spring_t *sp)
{
	return sp->sig_n + sp->p_turn;
}

/* Where the unloading line from the turning point reaches the neutral
 * pressure: beyond it the spring follows the virgin curve of the other
 * direction from there (bm4-10a stage 2, left side at -9.38 m: from its
 * stage-1 turning point 0.191 mm away at 29.460 kPa, neutral 35.185, back on
 * 37500 kN/m3 to the neutral pressure 0.153 mm later, then 30000 kN/m3:
 * 132.674 kPa at 3.211 mm into the soil as printed; -9.47 m: 226.289). */
static inline double S_line_neutral(const sp_beam_spring_t *sp)
{
	return sp->s_turn - sp->p_turn / sp->k_unload;
}

/* 0: the spring is on its virgin curve at s; +1/-1: on the unloading line
 * from a turning point on the passive/active side; +2/-2: past the neutral
 * pressure of that line, on the virgin curve from there. */
static inline int S_regime(const sp_beam_spring_t *sp, double s)
{
	if (!sp->has_turn || sp->k_unload <= 0.0)
		return 0;
	if (sp->p_turn > 1e-9 && s < sp->s_turn)
		return s >= S_line_neutral(sp) ? 1 : 2;
	if (sp->p_turn < -1e-9 && s > sp->s_turn)
		return s <= S_line_neutral(sp) ? -1 : -2;
	return 0;
}

/* sp_beam_spring_pressure, inlined into the Newton loop's sp_beam_spring_forces */
static inline double S_pressure(const sp_beam_spring_t *sp, double s, double *slope)
{
	int regime = S_regime(sp, s);
	if (regime == 0)
		return S_virgin(sp, s, slope);
	if (regime == 2 || regime == -2)
		return S_virgin_from(sp, s, S_line_neutral(sp), slope);
	double p = S_turn_pressure(sp) + sp->k_unload * (s - sp->s_turn);
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

/* The piece of the virgin curve with its origin at shift that holds s:
 * p = a + b s for s in [lo, hi] (its branch). */
static void S_piece_virgin(const sp_beam_spring_t *sp, double s, double shift, double *lo, double *hi, double *a,
                           double *b)
{
	double d = s - shift;
	int dir = d >= 0;
	double ad = dir ? d : -d, sign = dir ? 1.0 : -1.0;
	int m = sp->nseg[dir], k = 0;
	while (k < m && !(ad <= sp->reach[dir][k]))
		k++;
	double r0 = k > 0 ? sp->reach[dir][k - 1] : 0.0, r1 = k < m ? sp->reach[dir][k] : INFINITY;
	if (k < m) {
		double slope = sp->slope[dir][k];
		*b = slope;
		*a = sp->sig_n + sign * (sp->offset[dir][k] - slope * r1) - slope * shift;
	} else {
		*b = 0.0;
		*a = dir ? sp->sig_p : sp->sig_a;
	}
	*lo = dir ? shift + r0 : shift - r1;
	*hi = dir ? shift + r1 : shift - r0;
}

/* The piece of the unloading line from the turning point that holds s,
 * between the limits: p = a + b s for s in [lo, hi]. */
static void S_piece_line(const sp_beam_spring_t *sp, double s, double *lo, double *hi, double *a, double *b)
{
	double l = -INFINITY, h = INFINITY;
	double pt = S_turn_pressure(sp), ku = sp->k_unload, p = pt + ku * (s - sp->s_turn);
	double s_a = sp->s_turn + (sp->sig_a - pt) / ku, s_p = sp->s_turn + (sp->sig_p - pt) / ku;
	if (p < sp->sig_a) {
		*b = 0.0, *a = sp->sig_a;
		h = s_a;
	} else if (p > sp->sig_p) {
		*b = 0.0, *a = sp->sig_p;
		l = s_p;
	} else {
		*b = ku, *a = pt - ku * sp->s_turn;
		l = s_a, h = s_p;
	}
	*lo = l, *hi = h;
}

/* The linear piece of the spring's curve that holds s: p = a + b s for s in
 * [lo, hi], and its tangent kt (1e-9 of the first branch's when plastic).
 * The piece is chosen as S_pressure chooses it at s; its ends are those of
 * the branch (within round-off, where the curve is continuous). */
static void S_piece(const sp_beam_spring_t *sp, double s, double *lo, double *hi, double *a, double *b, double *kt)
{
	double l = -INFINITY, h = INFINITY, pl, ph;
	int regime = S_regime(sp, s);
	if (regime == 0) {
		if (sp->has_turn && sp->k_unload > 0.0) { /* the virgin curve's side of the turning point */
			if (sp->p_turn > 1e-9)
				l = sp->s_turn;
			else if (sp->p_turn < -1e-9)
				h = sp->s_turn;
		}
		S_piece_virgin(sp, s, sp->shift_m, &pl, &ph, a, b);
	} else {
		double sn = S_line_neutral(sp);
		if (regime == 1)
			l = sn, h = sp->s_turn;
		else if (regime == -1)
			l = sp->s_turn, h = sn;
		else if (regime == 2)
			h = sn;
		else
			l = sn;
		if (regime == 1 || regime == -1)
			S_piece_line(sp, s, &pl, &ph, a, b);
		else
			S_piece_virgin(sp, s, sn, &pl, &ph, a, b);
	}
	if (pl > l)
		l = pl;
	if (ph < h)
		h = ph;
	*lo = l, *hi = h;
	*kt = *b > 0 ? *b : 1e-9 * sp->k_first;
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

/* The displacement from the origin of the virgin curve at which it reaches
 * the pressure step off from the neutral pressure (within the limits): the
 * inverse of S_virgin_from. */
static double S_virgin_inverse(const sp_beam_spring_t *sp, double off)
{
	int dir = off >= 0;
	double a = dir ? off : -off, sign = dir ? 1.0 : -1.0;
	int m = sp->nseg[dir];
	for (int k = 0; k < m; k++)
		if (a <= sp->offset[dir][k])
			return sign * (sp->reach[dir][k] - (sp->offset[dir][k] - a) / sp->slope[dir][k]);
	return m ? sign * sp->reach[dir][m - 1] : 0.0;
}

/* The restart of a spring on a new curve (sp_beam_spring_ready). */
static void S_restart(sp_beam_spring_t *sp)
{
	double target = sp->sig_n + sp->p_commit;
	if (target > sp->sig_p)
		target = sp->sig_p;
	if (target < sp->sig_a)
		target = sp->sig_a;
	double off = target - sp->sig_n, sc = sp->s_commit;
	if (sp->commit_on_line) {
		/* on the unloading line: it keeps its turning point, and turns
		 * about the restart where its modulus or the limits changed it */
		double line = sp->p_turn + sp->k_unload * (sc - sp->s_turn);
		if (fabs(line - off) > 1e-12 * (fabs(off) + fabs(sp->sig_n) + 1.0))
			sp->p_turn = off - sp->k_unload * (sc - sp->s_turn);
		return;
	}
	/* on the virgin curve (its turning point, if any, at the restart):
	 * today's origin where it already gives the restart and stays within
	 * the curve's elastic reach, else the origin from which the new curve
	 * reaches the restart's pressure step at s_commit */
	double slope, d = sc - sp->shift_m;
	double p = S_virgin(sp, sc, &slope);
	int within = d >= -S_reach(sp, 0) * (1.0 + 1e-12) && d <= S_reach(sp, 1) * (1.0 + 1e-12);
	if (!(within && fabs(p - target) <= 1e-12 * (fabs(target) + fabs(sp->sig_n) + 1.0)))
		sp->shift_m = sc - S_virgin_inverse(sp, off);
	if (sp->has_turn && target != sp->sig_n + sp->p_commit) /* clipped */
		sp->s_turn = sc, sp->p_turn = off;
}

void sp_beam_spring_commit(sp_beam_spring_t *sp, double s)
{
	double slope, p = sp_beam_spring_pressure(sp, s, &slope);
	sp->has_commit = 1, sp->s_commit = s, sp->p_commit = p - sp->sig_n;
	int regime = S_regime(sp, s);
	if (regime == 2 || regime == -2) { /* past the neutral pressure: on the virgin curve from there */
		sp->shift_m = S_line_neutral(sp);
		regime = 0;
	}
	double d = s - sp->shift_m;
	double rp = S_reach(sp, 1), ra = S_reach(sp, 0);
	if (regime == 0) {
		if (d > rp)
			sp->shift_m = s - rp;
		else if (d < -ra)
			sp->shift_m = s + ra;
		sp->has_turn = 1, sp->s_turn = s, sp->p_turn = p - sp->sig_n;
	} else if (p >= sp->sig_p || p <= sp->sig_a) {
		/* the unloading line reached a limit: back on the virgin curve there */
		sp->shift_m = p >= sp->sig_p ? s - rp : s + ra;
		sp->s_turn = s, sp->p_turn = p - sp->sig_n;
		regime = 0;
	}
	sp->commit_on_line = regime != 0;
}

void sp_beam_spring_move_soil(sp_beam_spring_t *sp, double ds)
{
	sp->shift_m -= ds;
	sp->s_turn -= ds;
	sp->s_commit -= ds;
}
