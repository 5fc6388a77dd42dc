/* engine_le.c - limit equilibrium: cantilever (full method with a linear
 * pressure transition above the toe, as Das, the USS manual and Bowles; or
 * Blum's simplified method with a concentrated counter-force) and anchored
 * walls in free earth support.
 *
 * Net pressures (towards the excavation positive):
 *   f1 = active(retained) - passive(excavation)   wall moving towards the excavation
 *   f2 = passive(retained) - active(excavation)   toe moving into the retained soil
 * both piecewise linear (pressure.h), so every integral is exact. Roots are
 * bracketed by a scan and refined with GSL's Brent solver. */
#include "engine.h"
#include "pressure.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

enum { S_F1 = 0, S_F2 = 1 };

typedef struct {
	const sp_pressure_t *pr;
	const sp_study_t *st;
	double z_anchor;       /* free earth support */
	double z_toe;          /* full method: current trial toe */
	double tol;
	int max_iter;
	int status;            /* GSL failure inside a nested solve */
} S_model;

static double S_value(const sp_segment_t *s, int which, int end)
{
	return which == S_F1 ? s->active_ret[end] - s->passive_exc[end] : s->passive_ret[end] - s->active_exc[end];
}

/* f at level z (inside the profile); on a breakpoint the segment below wins. */
static double S_at(const sp_pressure_t *pr, int which, double z)
{
	for (size_t i = 0; i < pr->n; i++) {
		const sp_segment_t *s = &pr->seg[i];
		if (z <= s->z_top_m && z >= s->z_bot_m && (z > s->z_bot_m || i + 1 == pr->n)) {
			double L = s->z_top_m - s->z_bot_m;
			double t = (s->z_top_m - z) / L;
			return S_value(s, which, 0) + t * (S_value(s, which, 1) - S_value(s, which, 0));
		}
	}
	return 0.0;
}

/* F = integral of f over [z_lo, z_hi]; M = integral of f (z - z_ref). */
static void S_integral(const sp_pressure_t *pr, int which, double z_hi, double z_lo, double z_ref, double *F,
                       double *M)
{
	double f = 0.0, fz = 0.0;
	for (size_t i = 0; i < pr->n; i++) {
		const sp_segment_t *s = &pr->seg[i];
		double b = fmin(s->z_top_m, z_hi), a = fmax(s->z_bot_m, z_lo);
		if (b <= a)
			continue;
		double L = s->z_top_m - s->z_bot_m;
		double v0 = S_value(s, which, 0), v1 = S_value(s, which, 1);
		double fb = v0 + (s->z_top_m - b) / L * (v1 - v0);
		double fa = v0 + (s->z_top_m - a) / L * (v1 - v0);
		f += 0.5 * (fa + fb) * (b - a);
		fz += (b - a) / 6.0 * (fa * (2 * a + b) + fb * (a + 2 * b));
	}
	*F = f;
	*M = fz - z_ref * f;
}

/* Find the first sign change of fn below z_start (scanning down in steps
 * no larger than step, and at every profile breakpoint), then refine with
 * Brent. Returns 0 and the root, or -1 when there is none above z_floor. */
static int S_root_below(double (*fn)(double, void *), void *params, double z_start, double z_floor, double step,
                        double tol, int max_iter, double *root)
{
	double za = z_start, fa = fn(za, params);
	if (fa == 0.0) {
		*root = za;
		return 0;
	}
	for (;;) {
		double zb = fmax(za - step, z_floor);
		if (zb >= za)
			return -1;
		double fb = fn(zb, params);
		if (!isfinite(fb))
			return -1;
		if (fb == 0.0) {
			*root = zb;
			return 0;
		}
		if ((fa < 0) != (fb < 0)) {
			gsl_function F = {fn, params};
			gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
			if (s == NULL)
				return -1;
			int status = gsl_root_fsolver_set(s, &F, zb, za);
			int iter = 0;
			double r = 0.5 * (za + zb);
			while (status == GSL_SUCCESS && iter++ < max_iter) {
				status = gsl_root_fsolver_iterate(s);
				if (status != GSL_SUCCESS)
					break;
				r = gsl_root_fsolver_root(s);
				double lo = gsl_root_fsolver_x_lower(s), hi = gsl_root_fsolver_x_upper(s);
				status = gsl_root_test_interval(lo, hi, tol, 0.0);
				if (status == GSL_SUCCESS)
					break;
				status = GSL_SUCCESS;
				if (iter >= max_iter)
					status = GSL_EMAXITER;
			}
			gsl_root_fsolver_free(s);
			if (status != GSL_SUCCESS)
				return -1;
			*root = r;
			return 0;
		}
		if (zb <= z_floor)
			return -1;
		za = zb;
		fa = fb;
	}
}

/* ---- the three models ------------------------------------------------- */

/* moment about the anchor of f1 above a trial toe */
static double S_free_earth(double z_toe, void *params)
{
	S_model *m = params;
	double F, M;
	S_integral(m->pr, S_F1, m->st->top_of_wall_m, z_toe, m->z_anchor, &F, &M);
	return M;
}

/* Blum: moment about the trial point of rotation */
static double S_blum(double z_rot, void *params)
{
	S_model *m = params;
	double F, M;
	S_integral(m->pr, S_F1, m->st->top_of_wall_m, z_rot, z_rot, &F, &M);
	return M;
}

/* full method, horizontal force for a trial transition level z_x (toe fixed) */
static void S_full_forces(S_model *m, double z_x, double *F, double *M_toe)
{
	double f1, m1;
	S_integral(m->pr, S_F1, m->st->top_of_wall_m, z_x, m->z_toe, &f1, &m1);
	double a = S_at(m->pr, S_F1, z_x), b = S_at(m->pr, S_F2, m->z_toe), h = z_x - m->z_toe;
	*F = f1 + 0.5 * (a + b) * h;
	*M_toe = m1 + h * h * (a / 3.0 + b / 6.0);
}

static double S_full_force(double z_x, void *params)
{
	double F, M;
	S_full_forces(params, z_x, &F, &M);
	return F;
}

static double S_net_force(double z, void *params)
{
	S_model *m = params;
	double F, M;
	S_integral(m->pr, S_F1, m->st->top_of_wall_m, z, 0.0, &F, &M);
	return F;
}

/* full method: moment about a trial toe once the transition balances forces */
static double S_full_moment(double z_toe, void *params)
{
	S_model *m = params;
	m->z_toe = z_toe;
	double z_x;
	/* F rises monotonically with z_x; its root lies between toe and excavation */
	double exc = m->st->excavation_level_m;
	if (S_root_below(S_full_force, m, exc, z_toe, exc - z_toe, m->tol * 0.1, m->max_iter, &z_x) != 0) {
		m->status = -1;
		return NAN;
	}
	double F, M;
	S_full_forces(m, z_x, &F, &M);
	return M;
}

/* ---- diagrams --------------------------------------------------------- */

/* A load: a linear pressure over [z_top, z_bot] or a point force at z_top. */
typedef struct {
	double z_top, z_bot, p_top, p_bot, point;
} S_load;

typedef struct {
	S_load *l;
	size_t n, cap;
} S_loads;

static int S_add(S_loads *L, double z_top, double z_bot, double p_top, double p_bot, double point)
{
	if (sp_grow(&L->l, &L->cap, L->n, sizeof *L->l, 64) != 0)
		return -1;
	L->l[L->n++] = (S_load){z_top, z_bot, p_top, p_bot, point};
	return 0;
}

/* f over [z_hi, z_lo] as loads, split at the profile's breakpoints */
static int S_add_profile(S_loads *L, const sp_pressure_t *pr, int which, double z_hi, double z_lo)
{
	for (size_t i = 0; i < pr->n; i++) {
		const sp_segment_t *s = &pr->seg[i];
		double b = fmin(s->z_top_m, z_hi), a = fmax(s->z_bot_m, z_lo);
		if (b <= a)
			continue;
		double Ls = s->z_top_m - s->z_bot_m, v0 = S_value(s, which, 0), v1 = S_value(s, which, 1);
		if (S_add(L, b, a, v0 + (s->z_top_m - b) / Ls * (v1 - v0), v0 + (s->z_top_m - a) / Ls * (v1 - v0), 0))
			return -1;
	}
	return 0;
}

static int S_push_point(sp_analysis_t *out, size_t *cap, double z, double p, double V, double M)
{
	if (sp_grow(&out->diagram, cap, out->n_diagram, sizeof *out->diagram, 256) != 0)
		return -1;
	out->diagram[out->n_diagram++] = (sp_diagram_point_t){z, p, V, M};
	return 0;
}

/* Integrate shear and moment down the loads (exact for linear pressure):
 * extreme values at segment ends, at zero shear and at zero pressure. */
static int S_diagram(const S_loads *L, double step, int want, sp_analysis_t *out)
{
	double V = 0.0, M = 0.0, mmax = 0.0, mlev = L->n ? L->l[0].z_top : 0.0, vmax = 0.0;
	size_t cap = 0;
	for (size_t i = 0; i < L->n; i++) {
		const S_load *ld = &L->l[i];
		if (ld->z_top == ld->z_bot) { /* point force */
			V += ld->point;
			vmax = fmax(vmax, fabs(V));
			continue;
		}
		double h = ld->z_top - ld->z_bot, p0 = ld->p_top, k = (ld->p_bot - ld->p_top) / h;
		double cand[4] = {0.0, h, -1.0, -1.0};
		/* a slope that is round-off of a constant pressure counts as zero */
		if (fabs(k) * h <= 1e-12 * (fabs(p0) + fabs(ld->p_bot) + 1.0))
			k = 0.0;
		if (k != 0.0) {
			/* zero pressure: extreme shear */
			double tp = -p0 / k;
			if (tp > 0 && tp < h)
				cand[2] = tp;
			/* zero shear: (k/2) t^2 + p0 t + V = 0, in the form that does not cancel */
			double disc = p0 * p0 - 2.0 * k * V;
			if (disc >= 0) {
				double q = -0.5 * (p0 + copysign(sqrt(disc), p0));
				double t1 = q != 0.0 ? q / (0.5 * k) : -1.0, t2 = q != 0.0 ? V / q : -1.0;
				if (t1 > 0 && t1 < h)
					cand[3] = t1;
				else if (t2 > 0 && t2 < h)
					cand[3] = t2;
			}
		} else if (p0 != 0.0) {
			double t = -V / p0;
			if (t > 0 && t < h)
				cand[3] = t;
		}
		for (int j = 0; j < 4; j++) {
			double t = cand[j];
			if (t < 0)
				continue;
			double v = V + p0 * t + 0.5 * k * t * t;
			double mm = M + V * t + 0.5 * p0 * t * t + k * t * t * t / 6.0;
			vmax = fmax(vmax, fabs(v));
			if (fabs(mm) > mmax) {
				mmax = fabs(mm);
				mlev = ld->z_top - t;
			}
		}
		if (want) {
			int n = (int)ceil(h / step - 1e-9);
			if (n < 1)
				n = 1;
			for (int j = 0; j <= n; j++) {
				double t = h * j / n;
				double v = V + p0 * t + 0.5 * k * t * t;
				double mm = M + V * t + 0.5 * p0 * t * t + k * t * t * t / 6.0;
				if (S_push_point(out, &cap, ld->z_top - t, p0 + k * t, v, mm))
					return -1;
			}
		}
		M += V * h + 0.5 * p0 * h * h + k * h * h * h / 6.0;
		V += p0 * h + 0.5 * k * h * h;
	}
	out->max_moment_kNm_per_m = mmax;
	out->max_moment_level_m = mlev;
	out->max_shear_kN_per_m = vmax;
	return 0;
}

/* 1 when the retained side pushes nothing above the excavation: f1 <= 0 from
 * the top of the wall down to the excavation level (undrained clay whose
 * 2 c_u exceeds the vertical stress there, nothing retained). The cut then
 * stands without the wall, and limit equilibrium has nothing to balance:
 * a design needs a minimum pressure (e.g. an equivalent fluid pressure)
 * that the study does not give. */
static int S_no_driving_pressure(const sp_pressure_t *pr, double excavation_level_m)
{
	for (size_t i = 0; i < pr->n && pr->seg[i].z_top_m > excavation_level_m; i++)
		for (int end = 0; end < 2; end++)
			if (S_value(&pr->seg[i], S_F1, end) > 0.0
			    && (end == 0 || pr->seg[i].z_bot_m >= excavation_level_m - 1e-9))
				return 0;
	return 1;
}

static void S_fail(sp_analysis_t *out, const char *reason)
{
	out->ok = 0;
	snprintf(out->reason, sizeof out->reason, "%s", reason);
}

/* Design values from the analysis: its effects times the factor on effects
 * (gamma_G of the EN 1997-1 conventions, 1 otherwise). */
static void S_scale_effects(sp_analysis_t *out, double factor)
{
	if (factor == 1.0)
		return;
	out->anchor_force_kN_per_m *= factor;
	out->max_moment_kNm_per_m *= factor;
	out->max_shear_kN_per_m *= factor;
	for (size_t i = 0; i < out->n_diagram; i++) {
		out->diagram[i].net_pressure_kPa *= factor;
		out->diagram[i].shear_kN_per_m *= factor;
		out->diagram[i].moment_kNm_per_m *= factor;
	}
}

/* The equilibrium level of fn below z_start (S_root_below with the model's
 * tolerances), or the failure "no-equilibrium-within-max-embedment" in out. */
static int S_equilibrium(double (*fn)(double, void *), S_model *m, double z_start, double z_floor, double step,
                         double tol, double *root, sp_analysis_t *out)
{
	if (S_root_below(fn, m, z_start, z_floor, step, tol, m->max_iter, root) != 0 || m->status) {
		S_fail(out, "no-equilibrium-within-max-embedment");
		return -1;
	}
	return 0;
}

/* One analysis under one combination of factors. */
static int S_analyse_with(const sp_study_t *st, const sp_factors_t *fp, const sp_case_t *c, double step, int want,
                          sp_analysis_t *out)
{
	memset(out, 0, sizeof *out);
	sp_factors_t f = *fp;
	double exc = st->excavation_level_m, top = st->top_of_wall_m;
	double floor_z = exc - st->max_embedment_m;
	sp_pressure_t pr;
	if (sp_pressure_build(&pr, st, &f, floor_z, c->anchor.anchored ? c->anchor.level_m : NAN) != SP_OK)
		return SP_ESOFTWARE;
	S_model m = {&pr, st, c->anchor.level_m, 0.0, st->embedment_tol_m, st->max_iterations, 0};
	double scan = 0.05; /* bracket scan step, m */
	S_loads L = {0};
	int rc = SP_OK;
	double factor = st->safety == SP_SAFETY_EMBEDMENT_FACTOR ? st->embedment_factor : 1.0;

	if (S_no_driving_pressure(&pr, exc)) {
		S_fail(out, "no-driving-pressure");
		goto done;
	}
	if (c->anchor.anchored) {
		double z_toe;
		if (S_free_earth(exc, &m) >= 0) {
			S_fail(out, "anchor-below-pressure-resultant");
			goto done;
		}
		if (S_equilibrium(S_free_earth, &m, exc, floor_z, scan, m.tol, &z_toe, out) != 0)
			goto done;
		double T, Mx;
		S_integral(&pr, S_F1, top, z_toe, 0.0, &T, &Mx);
		if (T < 0) {
			S_fail(out, "anchor-in-compression");
			goto done;
		}
		out->anchor_force_kN_per_m = T;
		out->embedment_equilibrium_m = exc - z_toe;
		out->embedment_required_m = factor * (exc - z_toe);
		if (S_add_profile(&L, &pr, S_F1, top, c->anchor.level_m) || S_add(&L, c->anchor.level_m, c->anchor.level_m, 0, 0, -T)
		    || S_add_profile(&L, &pr, S_F1, c->anchor.level_m, z_toe))
			rc = SP_ESOFTWARE;
	} else if (st->cantilever_method == SP_CANTILEVER_BLUM) {
		double z_rot;
		if (S_equilibrium(S_blum, &m, exc, floor_z, scan, m.tol, &z_rot, out) != 0)
			goto done;
		double F, Mx;
		S_integral(&pr, S_F1, top, z_rot, 0.0, &F, &Mx);
		out->embedment_equilibrium_m = exc - z_rot;
		out->embedment_required_m = factor * (1.0 + st->blum_toe_extension) * (exc - z_rot);
		if (S_add_profile(&L, &pr, S_F1, top, z_rot) || S_add(&L, z_rot, z_rot, 0, 0, -F))
			rc = SP_ESOFTWARE;
	} else {
		double z_f, z_toe;
		/* the toe lies below the level where f1 alone is in balance */
		if (S_equilibrium(S_net_force, &m, exc, floor_z, scan, m.tol, &z_f, out) != 0)
			goto done;
		double start = z_f - m.tol;
		if (S_equilibrium(S_full_moment, &m, start, floor_z, scan, m.tol, &z_toe, out) != 0)
			goto done;
		m.z_toe = z_toe;
		double z_x;
		if (S_equilibrium(S_full_force, &m, exc, z_toe, exc - z_toe, m.tol * 0.1, &z_x, out) != 0)
			goto done;
		out->embedment_equilibrium_m = exc - z_toe;
		out->embedment_required_m = factor * (exc - z_toe);
		if (S_add_profile(&L, &pr, S_F1, top, z_x)
		    || S_add(&L, z_x, z_toe, S_at(&pr, S_F1, z_x), S_at(&pr, S_F2, z_toe), 0))
			rc = SP_ESOFTWARE;
	}
	if (rc == SP_OK && S_diagram(&L, step, want, out) != 0)
		rc = SP_ESOFTWARE;
	if (rc == SP_OK) {
		out->ok = 1;
		S_scale_effects(out, f.effect_factor);
	}
done:
	free(L.l);
	sp_pressure_free(&pr);
	if (rc != SP_OK)
		sp_analysis_free(out);
	return rc;
}

/* EN 1997-1 DA1 (section 2.4.7.3.4.2): the design must satisfy both
 * combinations, and "different combinations may be critical to different
 * aspects of the same design" (its (3)), so each quantity is the worse of the
 * two: the larger required embedment (with its equilibrium depth), the larger
 * design moment (with its level and the diagram), shear and anchor force. A
 * design fails when either combination finds no equilibrium. */
static void S_worse(sp_analysis_t a[2], sp_analysis_t *out)
{
	size_t m = a[1].max_moment_kNm_per_m > a[0].max_moment_kNm_per_m ? 1 : 0;
	size_t e = a[1].embedment_required_m > a[0].embedment_required_m ? 1 : 0;
	*out = a[m];
	out->embedment_required_m = a[e].embedment_required_m;
	out->embedment_equilibrium_m = a[e].embedment_equilibrium_m;
	out->max_shear_kN_per_m = fmax(a[0].max_shear_kN_per_m, a[1].max_shear_kN_per_m);
	out->anchor_force_kN_per_m = fmax(a[0].anchor_force_kN_per_m, a[1].anchor_force_kN_per_m);
	sp_analysis_free(&a[1 - m]); /* the diagram of the other combination */
}

static int S_analyse(const sp_study_t *st, const sp_case_t *c, double step, int want, sp_analysis_t *out)
{
	size_t n = sp_factors_n(st);
	if (n == 1) {
		sp_factors_t f = sp_factors_at(st, 0);
		return S_analyse_with(st, &f, c, step, want, out);
	}
	sp_analysis_t a[2];
	for (size_t i = 0; i < 2; i++) {
		sp_factors_t f = sp_factors_at(st, i);
		int rc = S_analyse_with(st, &f, c, step, want, &a[i]);
		if (rc != SP_OK) {
			if (i == 1)
				sp_analysis_free(&a[0]);
			memset(out, 0, sizeof *out);
			return rc;
		}
	}
	if (!a[0].ok || !a[1].ok) {
		size_t bad = a[0].ok ? 1 : 0;
		*out = a[bad];
		sp_analysis_free(&a[1 - bad]);
		return SP_OK;
	}
	S_worse(a, out);
	return SP_OK;
}

static const sp_engine_type S_le_type = {"le", 0, S_analyse, NULL};
const sp_engine_type *const sp_engine_le = &S_le_type;
