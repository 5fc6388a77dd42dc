/* pressure.c - depth-wise limit pressures on both faces of the wall. */
#include "pressure.h"
#include "earth.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_DEG (SP_PI / 180.0)

/* EN 1997-1 factors of one combination: a set of factors on actions (g on
 * permanent, q on variable), M2 on the strengths or not (M1), and gamma_R;e. */
static sp_factors_t S_ec7(const sp_study_t *st, double g, double q, int m2, double r_e)
{
	sp_factors_t f = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
	if (m2) {
		f.tan_phi_divisor = st->gamma_phi;
		f.c_divisor = st->gamma_c;
		f.cu_divisor = st->gamma_cu;
		f.weight_divisor = st->gamma_gamma;
	}
	f.surcharge_factor = (st->surcharge_variable ? q : g) / g;
	f.resistance_divisor = g * r_e;
	f.effect_factor = g;
	return f;
}

size_t sp_factors_n(const sp_study_t *st)
{
	return st->safety == SP_SAFETY_EC7_DA1 ? 2 : 1;
}

sp_factors_t sp_factors_at(const sp_study_t *st, size_t i)
{
	sp_factors_t f = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
	switch (st->safety) {
	case SP_SAFETY_KP_FACTOR:
		f.passive_divisor = st->kp_factor;
		break;
	case SP_SAFETY_EMBEDMENT_FACTOR:
		break;
	case SP_SAFETY_EC7_DA1:
		if (i == 0)
			return S_ec7(st, st->gamma_g, st->gamma_q_a1, 0, st->gamma_r_e_r1);
		return S_ec7(st, st->gamma_g_a2, st->gamma_q, 1, st->gamma_r_e_r1);
	case SP_SAFETY_EC7_DA1_C1: /* A1 + M1 + R1 */
		return S_ec7(st, st->gamma_g, st->gamma_q_a1, 0, st->gamma_r_e_r1);
	case SP_SAFETY_EC7_DA1_C2: /* A2 + M2 + R1 */
		return S_ec7(st, st->gamma_g_a2, st->gamma_q, 1, st->gamma_r_e_r1);
	case SP_SAFETY_EC7_DA2: /* A1 + M1 + R2 */
		return S_ec7(st, st->gamma_g, st->gamma_q_a1, 0, st->gamma_r_e);
	case SP_SAFETY_EC7_DA3: /* A2 (geotechnical actions) + M2 + R3 */
		return S_ec7(st, st->gamma_g_a2, st->gamma_q, 1, st->gamma_r_e_r3);
	}
	return f;
}

sp_factors_t sp_factors_of(const sp_study_t *st)
{
	return sp_factors_at(st, 0);
}

/* One face of the wall: its ground level, water level and surcharge. */
typedef struct {
	double ground_m, water_m, surcharge_kPa;
} S_side;

/* Vertical effective and total stress at level z (z <= ground). Soil between
 * z and the ground, split at the water level; free water above the ground adds
 * to the total stress only. */
static void S_stress(const sp_study_t *st, const sp_factors_t *f, const S_side *sd, double z, double *eff,
                     double *tot)
{
	double se = sd->surcharge_kPa;
	double zs = se + st->gamma_w_kN_m3 * fmax(0.0, sd->water_m - sd->ground_m);
	for (size_t i = 0; i < st->n_layers; i++) {
		double top = fmin(st->layers[i].top_level_m, sd->ground_m);
		double bot = (i + 1 < st->n_layers) ? st->layers[i + 1].top_level_m : -INFINITY;
		bot = fmax(bot, z);
		if (top <= bot)
			continue;
		/* dry part above the water level, saturated part below */
		double dry = fmax(0.0, top - fmax(bot, sd->water_m));
		double wet = (top - bot) - dry;
		const sp_layer_t *L = &st->layers[i];
		double g = L->gamma_kN_m3 / f->weight_divisor, gs = L->gamma_sat_kN_m3 / f->weight_divisor;
		se += g * dry + (gs - st->gamma_w_kN_m3) * wet;
		zs += g * dry + gs * wet;
	}
	*eff = se;
	*tot = zs;
}

static double S_water(const sp_study_t *st, const S_side *sd, double z)
{
	return st->gamma_w_kN_m3 * fmax(0.0, sd->water_m - z);
}

/* Coefficients of a layer under the factors. */
typedef struct {
	double ka, kp, kac, kpc, c, cu;
	int undrained;
} S_coef;

static S_coef S_coef_of(const sp_study_t *st, const sp_factors_t *f, const sp_layer_t *L)
{
	S_coef k;
	memset(&k, 0, sizeof k);
	k.undrained = L->drainage == SP_UNDRAINED;
	k.cu = L->cu_kPa / f->cu_divisor;
	k.c = L->c_kPa / f->c_divisor;
	double phi = atan(tan(L->phi_deg * S_DEG) / f->tan_phi_divisor) / S_DEG;
	double delta = atan(tan(L->delta_deg * S_DEG) / f->tan_phi_divisor) / S_DEG;
	if (delta > phi)
		delta = phi;
	k.ka = L->ka_given > 0 ? L->ka_given : sp_ka(st->earth_pressure, phi, delta);
	k.kp = L->kp_given > 0 ? L->kp_given : sp_kp(st->earth_pressure, phi, delta);
	k.kac = L->ka_given > 0 ? 2.0 * sqrt(k.ka) : sp_kac(st->earth_pressure, phi, delta);
	k.kpc = L->kp_given > 0 ? 2.0 * sqrt(k.kp) : sp_kpc(st->earth_pressure, phi, delta);
	return k;
}

/* Pressures at level z on one side: unclamped active soil part, passive, water. */
static void S_eval(const sp_study_t *st, const sp_factors_t *f, const S_coef *k, const S_side *sd, double z,
                   double *active_soil, double *passive, double *water)
{
	double u = S_water(st, sd, z);
	*water = u;
	if (k == NULL || z > sd->ground_m + 1e-12) { /* no soil on this face here */
		*active_soil = 0.0;
		*passive = u;
		return;
	}
	double eff, tot;
	S_stress(st, f, sd, z, &eff, &tot);
	if (k->undrained) { /* total stress: water is inside sigma_v */
		*active_soil = tot - 2.0 * k->cu - u;
		/* the earth resistance is the strength term, as for kp_factor: the
		 * total overburden acts on both faces (one source, its net effect
		 * factored); dividing it too would leave the passive weight term
		 * below the active one, and no embedment would balance */
		*passive = tot + 2.0 * k->cu / f->passive_divisor / f->resistance_divisor;
	} else {
		*active_soil = k->ka * eff - k->kac * k->c;
		*passive = (k->kp * eff + k->kpc * k->c) / f->passive_divisor / f->resistance_divisor + u;
	}
}

static int S_push(sp_pressure_t *pr, const sp_segment_t *s)
{
	if (sp_grow(&pr->seg, &pr->cap, pr->n, sizeof *pr->seg, 32) != 0)
		return SP_ESOFTWARE;
	pr->seg[pr->n++] = *s;
	return SP_OK;
}

/* Fill one segment [zt, zb] in layer L (NULL: above all soil); split where an
 * active pressure crosses zero (tension cut-off), so that every stored segment
 * is exactly linear. */
static int S_segment(sp_pressure_t *pr, const sp_study_t *st, const sp_factors_t *f, const S_coef *k,
                     const S_side *ret, const S_side *exc, double zt, double zb)
{
	for (;;) {
		double ar[2], pr_[2], ur[2], ae[2], pe[2], ue[2];
		double z[2] = {zt, zb};
		/* evaluate each face just inside the segment so a ground level at an end
		 * belongs to the side of the segment's midpoint */
		double mid = 0.5 * (zt + zb);
		for (int j = 0; j < 2; j++) {
			const S_coef *kr = mid < ret->ground_m ? k : NULL;
			const S_coef *ke = mid < exc->ground_m ? k : NULL;
			S_eval(st, f, kr, ret, kr ? fmin(z[j], ret->ground_m) : z[j], &ar[j], &pr_[j], &ur[j]);
			S_eval(st, f, ke, exc, ke ? fmin(z[j], exc->ground_m) : z[j], &ae[j], &pe[j], &ue[j]);
			ur[j] = S_water(st, ret, z[j]);
			ue[j] = S_water(st, exc, z[j]);
		}
		/* first zero crossing of an active soil pressure strictly inside */
		double zc = -INFINITY;
		const double *act[2] = {ar, ae};
		for (int s = 0; s < 2; s++) {
			const double *a = act[s];
			if ((a[0] < 0 && a[1] > 0) || (a[0] > 0 && a[1] < 0)) {
				double t = a[0] / (a[0] - a[1]);
				double zz = zt + t * (zb - zt);
				if (zz < zt - 1e-9 && zz > zb + 1e-9 && zz > zc)
					zc = zz;
			}
		}
		if (zc > -INFINITY) {
			int rc = S_segment(pr, st, f, k, ret, exc, zt, zc);
			if (rc)
				return rc;
			zt = zc;
			continue;
		}
		sp_segment_t s;
		s.z_top_m = zt;
		s.z_bot_m = zb;
		for (int j = 0; j < 2; j++) {
			/* tension cut-off on the soil part (unless the study turns it
			 * off, as Das's net-pressure method for clay does); for undrained
			 * layers, whose water is inside sigma_v, the cut-off keeps at
			 * least the water pressure (a water-filled tension crack) */
			s.active_ret[j] = (st->tension_cut_off ? fmax(ar[j], 0.0) : ar[j]) + ur[j];
			s.active_exc[j] = (st->tension_cut_off ? fmax(ae[j], 0.0) : ae[j]) + ue[j];
			s.passive_ret[j] = pr_[j];
			s.passive_exc[j] = pe[j];
			s.water_ret[j] = ur[j];
			s.water_exc[j] = ue[j];
		}
		return S_push(pr, &s);
	}
}

static int S_cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

int sp_pressure_build(sp_pressure_t *pr, const sp_study_t *st, const sp_factors_t *f, double bottom_level_m,
                     double extra_level_m)
{
	memset(pr, 0, sizeof *pr);
	size_t nb = 0, cap = st->n_layers + 8;
	double *b = malloc(cap * sizeof *b);
	if (b == NULL)
		return SP_ESOFTWARE;
	double top = st->top_of_wall_m;
	double cand[7] = {top, st->retained_level_m, st->excavation_level_m, st->water_retained_m,
	                  st->water_excavation_m, extra_level_m, bottom_level_m};
	for (int i = 0; i < 7; i++)
		if (isfinite(cand[i]) && cand[i] <= top && cand[i] >= bottom_level_m)
			b[nb++] = cand[i];
	for (size_t i = 0; i < st->n_layers; i++)
		if (st->layers[i].top_level_m < top && st->layers[i].top_level_m > bottom_level_m)
			b[nb++] = st->layers[i].top_level_m;
	qsort(b, nb, sizeof *b, S_cmp_desc);

	S_side ret = {st->retained_level_m, st->water_retained_m, st->surcharge_kPa * f->surcharge_factor};
	S_side exc = {st->excavation_level_m, st->water_excavation_m, 0.0};
	int rc = SP_OK;
	for (size_t i = 0; i + 1 < nb && rc == SP_OK; i++) {
		double zt = b[i], zb = b[i + 1];
		if (zt - zb < 1e-9)
			continue;
		double mid = 0.5 * (zt + zb);
		const sp_layer_t *L = NULL;
		for (size_t j = 0; j < st->n_layers; j++)
			if (st->layers[j].top_level_m >= mid)
				L = &st->layers[j];
		S_coef k;
		if (L)
			k = S_coef_of(st, f, L);
		rc = S_segment(pr, st, f, L ? &k : NULL, &ret, &exc, zt, zb);
	}
	free(b);
	if (rc)
		sp_pressure_free(pr);
	return rc;
}

void sp_pressure_free(sp_pressure_t *pr)
{
	if (pr == NULL)
		return;
	free(pr->seg);
	pr->seg = NULL;
	pr->n = pr->cap = 0;
}
