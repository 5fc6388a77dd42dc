/* beam_bending.c - nonlinear bending of the beam engine's wall
 * (beam_bending.h): the moment-curvature laws, the plastic curvature of
 * every element's two end sections and its nodal forces.
 *
 * Element e (nodes e above, e + 1 below, length L, dofs w and theta =
 * dw/d(depth)) with the cubic of its nodal values has a linear curvature;
 * its end moments as the diagram reads them (beam_diagram.c: the moment at
 * a node is the one just below it, the forces of everything above) are
 *   M_top =  EI/L^2 (6 (w_top - w_bot) + 4 L theta_top + 2 L theta_bot)
 *   M_bot = -EI/L^2 (6 (w_top - w_bot) + 2 L theta_top + 4 L theta_bot),
 * EI kappa at the two ends. A plastic curvature linear between k0 (top)
 * and k1 (bottom) imposed on the element is the load
 *   f_p = EI ((k0 - k1)/L, k0, -(k0 - k1)/L, -k1)
 * (the virtual work of EI kappa_p on the curvature of each shape function:
 * the integrals of the cubic's second derivatives against a linear field
 * give exactly these), which makes the end moments of K u - f_p
 * EI (kappa - k0) and EI (kappa - k1): self-equilibrated, so the shear and
 * reactions stay those of the loads. */
#include "beam_bending.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MOVED_REL 1e-12     /* a plastic curvature change below this share of the first yield moment is round-off */
#define S_CHECK_EVERY 500     /* bending iterations between two checks for a mechanism */
#define S_STALL_RATIO 0.99999 /* the largest change not smaller than this share of the one a check before: a mechanism */
#define S_STALLED_CHECKS 6     /* that many checks in a row (a plastic zone spreading section by section
                                 * keeps its change for a while) */
#define S_MAX_ITERATIONS 50000
/* Bounds of Aitken's relaxation factor, from bm4-44a with Mp = 300 kNm/m
 * (stage 3, updates): a floor of 0.5 took 8636, of 1 5663 (the ceiling
 * 100); a ceiling of 100 11357, of 1000 4677; 1e6 overshoots into a false
 * mechanism at 320 kNm/m. */
#define S_OMEGA_MIN 1.0
#define S_OMEGA_MAX 1000.0

struct sp_beam_bending {
	int n_el;                       /* beam elements (nodes - 1) */
	sp_beam_bending_law_t *law;     /* per beam element */
	int *wall_el;                   /* per beam element: its wall element, -1 when elastic */
	double *kp, *kp_start;          /* per beam element, top and bottom section: plastic curvature (1/m) */
	double *load;                   /* 2n: the nodal forces of kp */
	double *r, *r_prev;             /* per section: the last two returns' changes, EI dkp (kNm) */
	double omega;                   /* Aitken's relaxation factor of the last update */
	int n2;
	long iterations;                /* updates in this stage */
	double change_at_check;         /* the largest change at the last check */
	int moving;                     /* the last update moved a plastic curvature */
	int stalled_checks;             /* checks in a row whose change did not shrink */
};

void sp_beam_bending_law_set(sp_beam_bending_law_t *law, int sign, double ei_kNm2, const double m_kNm[3],
                             const double ei_branch_kNm2[2])
{
	law->ei_kNm2 = ei_kNm2;
	law->n[sign] = 0;
	if (!(m_kNm[0] > 0) || !(ei_kNm2 > 0))
		return; /* no yield for this sign */
	double kp = 0.0, m = m_kNm[0];
	law->kappa_p_per_m[sign][0] = kp, law->moment_kNm[sign][0] = m;
	law->n[sign] = 1;
	for (int j = 1; j < 3; j++) {
		if (!(m_kNm[j] > m))
			continue; /* a branch of no moment */
		double eib = ei_branch_kNm2[j - 1];
		if (!(eib > 0))
			break; /* perfectly plastic from here */
		double dm = m_kNm[j] - m;
		if (eib < ei_kNm2)
			kp += dm / eib - dm / ei_kNm2;
		m = m_kNm[j];
		int k = law->n[sign]++;
		law->kappa_p_per_m[sign][k] = kp, law->moment_kNm[sign][k] = m;
	}
}

/* The yield moment of one sign at plastic curvature x (>= its own sign's
 * start): the moment of the last point at or before x, linear to the next. */
static double S_yield(const sp_beam_bending_law_t *law, int s, double x)
{
	const double *kp = law->kappa_p_per_m[s], *m = law->moment_kNm[s];
	int n = law->n[s], j = 0;
	for (int k = 1; k < n; k++)
		if (kp[k] <= x)
			j = k;
	if (x <= kp[0] || j + 1 >= n)
		return m[j];
	return m[j] + (m[j + 1] - m[j]) * (x - kp[j]) / (kp[j + 1] - kp[j]);
}

/* The plastic curvature x >= x0 where EI (kappa - x) meets the rising
 * yield moment of sign s, given EI (kappa - x0) beyond it: f(x) = EI
 * (kappa - x) - Y(x) decreases, linear between the law's points. */
static double S_return_one(const sp_beam_bending_law_t *law, int s, double kappa, double x0)
{
	double ei = law->ei_kNm2;
	double a = x0, fa = ei * (kappa - x0) - S_yield(law, s, x0);
	for (int k = 0; k < law->n[s]; k++) {
		double xk = law->kappa_p_per_m[s][k];
		if (xk <= a)
			continue;
		double fk = ei * (kappa - xk) - law->moment_kNm[s][k];
		if (fk <= 0.0)
			return a + (xk - a) * fa / (fa - fk);
		a = xk, fa = fk;
	}
	return kappa - law->moment_kNm[s][law->n[s] - 1] / ei; /* on the plastic branch */
}

double sp_beam_bending_law_return(const sp_beam_bending_law_t *law, double kappa_per_m, double kappa_p_start_per_m)
{
	double m = law->ei_kNm2 * (kappa_per_m - kappa_p_start_per_m);
	double xp = kappa_p_start_per_m > 0 ? kappa_p_start_per_m : 0.0;
	double xn = kappa_p_start_per_m < 0 ? -kappa_p_start_per_m : 0.0;
	if (law->n[0] > 0 && m > S_yield(law, 0, xp))
		return S_return_one(law, 0, kappa_per_m, kappa_p_start_per_m);
	if (law->n[1] > 0 && -m > S_yield(law, 1, xn))
		return -S_return_one(law, 1, -kappa_per_m, -kappa_p_start_per_m);
	return kappa_p_start_per_m;
}

/* The law of wall element el: its diagram in a diaphragm wall, its plastic
 * moment in a plastic calculation; 0 when it is elastic. Moments are per m
 * of wall. */
static int S_element_law(const sp_wall_t *w, const sp_wall_element_t *el, double m[2][3], double ei[2][2])
{
	memset(m, 0, 6 * sizeof **m);
	memset(ei, 0, 4 * sizeof **ei);
	if (w->diaphragm) {
		int any = 0;
		for (int s = 0; s < 2; s++)
			for (int j = 0; j < 3; j++) {
				m[s][j] = el->diagram_moment_kNm_per_m[s][j];
				any |= m[s][j] > 0;
			}
		for (int s = 0; s < 2; s++)
			for (int j = 0; j < 2; j++)
				ei[s][j] = el->diagram_ei_kNm2_per_m[s][j];
		return any;
	}
	if (w->plastic && el->plastic_moment_kNm_per_m > 0) {
		for (int s = 0; s < 2; s++)
			for (int j = 0; j < 3; j++)
				m[s][j] = el->plastic_moment_kNm_per_m;
		return 1;
	}
	return 0;
}

int sp_beam_bending_needed(const sp_wall_t *w)
{
	double m[2][3], ei[2][2];
	for (int e = 0; e < w->n_elements; e++)
		if (S_element_law(w, &w->elements[e], m, ei))
			return 1;
	return 0;
}

/* The wall element at level z (as beam_work.c assigns them). */
static int S_wall_element_at(const sp_wall_t *w, double z)
{
	for (int i = 0; i < w->n_elements; i++)
		if (z >= w->elements[i].bottom_level_m - 1e-6)
			return i;
	return w->n_elements - 1;
}

void sp_beam_bending_free(sp_beam_bending_t *g)
{
	if (g == NULL)
		return;
	free(g->law);
	free(g->wall_el);
	free(g->kp);
	free(g->kp_start);
	free(g->load);
	free(g->r);
	free(g->r_prev);
	free(g);
}

sp_beam_bending_t *sp_beam_bending_alloc(const sp_beam_work_t *b)
{
	sp_beam_bending_t *g = calloc(1, sizeof *g);
	if (g == NULL)
		return NULL;
	const sp_wall_t *w = b->w;
	int ne = b->n - 1 > 0 ? b->n - 1 : 0;
	g->n_el = ne;
	g->n2 = 2 * b->n;
	g->law = calloc((size_t)ne + 1, sizeof *g->law);
	g->wall_el = malloc(((size_t)ne + 1) * sizeof *g->wall_el);
	g->kp = calloc(2 * (size_t)ne + 1, sizeof *g->kp);
	g->kp_start = calloc(2 * (size_t)ne + 1, sizeof *g->kp_start);
	g->load = calloc((size_t)g->n2, sizeof *g->load);
	g->r = calloc(2 * (size_t)ne + 1, sizeof *g->r);
	g->r_prev = calloc(2 * (size_t)ne + 1, sizeof *g->r_prev);
	g->omega = 1.0;
	if (!g->law || !g->wall_el || !g->kp || !g->kp_start || !g->load || !g->r || !g->r_prev) {
		sp_beam_bending_free(g); /* exception in constructor, avoid memory leak */
		return NULL;
	}
	for (int e = 0; e < ne; e++) {
		int k = S_wall_element_at(w, (b->z[e] + b->z[e + 1]) / 2.0);
		double m[2][3], ei[2][2];
		g->wall_el[e] = -1;
		if (!S_element_law(w, &w->elements[k], m, ei))
			continue;
		/* the beam's EI (ecoef L^3) is the element's times the acting width
		 * of a sheet piling wall (beam_work.c), and so are the branches'; the
		 * moments bound the moment as the engine reports it (as D-Sheet's
		 * .shd prints it: bm4-44a, acting width 0.70) */
		double L = b->elen[e], ei_beam = b->ecoef[e] * L * L * L;
		double scale = ei_beam / w->elements[k].ei_kNm2_per_m;
		for (int s = 0; s < 2; s++) {
			double ms[3], eis[2];
			for (int j = 0; j < 3; j++)
				ms[j] = m[s][j];
			for (int j = 0; j < 2; j++)
				eis[j] = ei[s][j] * scale;
			sp_beam_bending_law_set(&g->law[e], s, ei_beam, ms, eis);
		}
		if (g->law[e].n[0] > 0 || g->law[e].n[1] > 0)
			g->wall_el[e] = k;
	}
	return g;
}

void sp_beam_bending_add_load(const sp_beam_bending_t *g, double *r)
{
	for (int i = 0; i < g->n2; i++)
		r[i] += g->load[i];
}

void sp_beam_bending_remove_load(const sp_beam_bending_t *g, double *r)
{
	for (int i = 0; i < g->n2; i++)
		r[i] -= g->load[i];
}

/* The first yield moment of a law (either sign), for the scale of its
 * round-off. */
static double S_first_yield(const sp_beam_bending_law_t *law)
{
	double m = 0.0;
	for (int s = 0; s < 2; s++)
		if (law->n[s] > 0 && law->moment_kNm[s][0] > m)
			m = law->moment_kNm[s][0];
	return m;
}

int sp_beam_bending_update(sp_beam_bending_t *g, const sp_beam_work_t *b, const double *u)
{
	/* the return of every section at u: its change r, in moments (EI r) */
	double change = 0.0; /* the largest |EI r| against its law's first yield */
	double rd = 0.0, dd = 0.0; /* of the change dr = r - r_prev: r_prev.dr, dr.dr */
	for (int e = 0; e < g->n_el; e++) {
		if (g->wall_el[e] < 0)
			continue;
		const sp_beam_bending_law_t *law = &g->law[e];
		double L = b->elen[e], c = b->ecoef[e], ei = law->ei_kNm2;
		const double *ue = &u[2 * e];
		double dw = ue[0] - ue[2];
		double m_el[2] = {c * L * (6 * dw + 4 * L * ue[1] + 2 * L * ue[3]),
		                  -c * L * (6 * dw + 2 * L * ue[1] + 4 * L * ue[3])};
		double ref = S_first_yield(law);
		for (int k = 0; k < 2; k++) {
			size_t i = 2 * (size_t)e + (size_t)k;
			double kp = sp_beam_bending_law_return(law, m_el[k] / ei, g->kp_start[i]);
			double r = (kp - g->kp[i]) * ei, d = r - g->r_prev[i];
			if (fabs(r) / ref > change)
				change = fabs(r) / ref;
			rd += g->r_prev[i] * d, dd += d * d;
			g->r[i] = r;
		}
	}
	/* Aitken's relaxation of the fixed point (Irons and Tuck's acceleration
	 * of the initial-strain method, in the form of Kuettler and Wall,
	 * Comput. Mech. 43, 2008): omega_n = -omega_(n-1) r_(n-1).(r_n -
	 * r_(n-1)) / |r_n - r_(n-1)|^2; a plastic zone that moves its
	 * curvature along a soft mode converges in a few steps instead of
	 * thousands */
	double omega = g->omega;
	if (g->iterations > 0 && dd > 0.0) {
		omega = -g->omega * rd / dd;
		if (!(omega >= S_OMEGA_MIN))
			omega = S_OMEGA_MIN;
		if (omega > S_OMEGA_MAX)
			omega = S_OMEGA_MAX;
	}
	g->omega = omega;
	memset(g->load, 0, (size_t)g->n2 * sizeof *g->load);
	for (int e = 0; e < g->n_el; e++) {
		if (g->wall_el[e] < 0)
			continue;
		double L = b->elen[e], ei = g->law[e].ei_kNm2;
		for (int k = 0; k < 2; k++) {
			size_t i = 2 * (size_t)e + (size_t)k;
			g->kp[i] += omega * g->r[i] / ei;
			g->r_prev[i] = g->r[i];
		}
		double k0 = g->kp[2 * e], k1 = g->kp[2 * e + 1];
		if (k0 == 0.0 && k1 == 0.0)
			continue;
		double *f = &g->load[2 * e];
		f[0] += ei * (k0 - k1) / L;
		f[1] += ei * k0;
		f[2] -= ei * (k0 - k1) / L;
		f[3] -= ei * k1;
	}
	g->iterations++;
	g->moving = change > S_MOVED_REL;
	if (g->iterations % S_CHECK_EVERY == 0) {
		/* a mechanism: the plastic curvatures keep growing by as much as
		 * before (a converging one shrinks its changes geometrically) */
		int stalled = g->iterations >= 2 * S_CHECK_EVERY && g->moving && change >= S_STALL_RATIO * g->change_at_check;
		g->change_at_check = change;
		g->stalled_checks = stalled ? g->stalled_checks + 1 : 0;
		if (g->stalled_checks >= S_STALLED_CHECKS)
			return -1;
	}
	return g->moving;
}

void sp_beam_bending_commit(sp_beam_bending_t *g)
{
	memcpy(g->kp_start, g->kp, 2 * (size_t)g->n_el * sizeof *g->kp);
	g->iterations = 0;
	g->change_at_check = 0.0;
	g->stalled_checks = 0;
	g->omega = 1.0;
	memset(g->r_prev, 0, 2 * (size_t)g->n_el * sizeof *g->r_prev);
	g->moving = 0;
}

int sp_beam_bending_max_iterations(int engine_max)
{
	return engine_max > S_MAX_ITERATIONS ? engine_max : S_MAX_ITERATIONS;
}

void sp_beam_bending_explain(const sp_beam_bending_t *g, const sp_beam_work_t *b, sp_beam_stage_result_t *res)
{
	if (res->status == SP_BEAM_OK || !g->moving)
		return;
	int worst = -1;
	double most = 0.0;
	for (int i = 0; i < 2 * g->n_el; i++) {
		int e = i / 2;
		if (g->wall_el[e] < 0)
			continue;
		double d = fabs(g->kp[i] - g->kp_start[i]) * g->law[e].ei_kNm2;
		if (d > most)
			most = d, worst = i;
	}
	if (worst < 0)
		return;
	int e = worst / 2, k = g->wall_el[e], side = g->kp[worst] >= g->kp_start[worst] ? 0 : 1;
	const sp_beam_bending_law_t *law = &g->law[e];
	double mp = law->n[side] > 0 ? law->moment_kNm[side][law->n[side] - 1] : 0.0;
	res->status = SP_BEAM_NO_EQUILIBRIUM;
	snprintf(res->reason, sizeof res->reason,
	         "no equilibrium: plastic hinges make a mechanism (%.1f kNm/m at %.2f m, '%.30s')", mp,
	         b->z[e + (worst % 2)], b->w->elements[k].name);
}
