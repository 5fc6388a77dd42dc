/* beam_load.c - a construction stage's loads on the beam (beam_load.h).
 *
 * Soil. Each node carries, per side, two half springs (beam_spring.h): one
 * for the half element above it and one for the half below, each with the
 * soil of its own layer, so that pressures may jump at layer boundaries. The
 * limit and neutral pressures come from the vertical effective stress and the
 * earth pressure coefficients, or from Culmann's wedges with cohesion,
 * surcharges or a sloping ground; the moduli vary linearly within a layer.
 * Water pressure is lumped at the nodes with the tributary lengths.
 * Compiled with -O3 like the Newton loop (src/CMakeLists.txt): run once per
 * stage, it still takes about a tenth of an analysis (bench/bench_beam). */
#include "beam_load.h"
#include "beam_side.h"
#include "earth.h"
#include "major_nodes.h"
#include "surcharge.h"
#include "wedge_cache.h"
#include "wedge_memo.h"
#include "wedge_layers.h"

#include <math.h>
#include <string.h>

#define S_MIN(a, b) ((a) < (b) ? (a) : (b)) /* inline, unlike fmin without -ffast-math */
#define S_MAX(a, b) ((a) > (b) ? (a) : (b))

static void S_coefficients(const sp_wall_soil_t *so, double delta_passive_deg, sp_kmethod km, double *ka, double *k0,
                           double *kp)
{
	if (km == SP_KMETHOD_GIVEN) {
		*ka = so->ka, *k0 = so->k0, *kp = so->kp;
		return;
	}
	/* c, phi, delta: Mueller-Breslau (Coulomb, horizontal components) and
	 * K0 = (1 - sin phi) OCR^sin phi */
	*ka = sp_ka_coulomb(so->phi_deg, so->delta_deg);
	*kp = sp_kp_coulomb(so->phi_deg, delta_passive_deg);
	*k0 = sp_k0_jaky(so->phi_deg) * pow(so->ocr > 0 ? so->ocr : 1.0, sin(so->phi_deg * SP_PI / 180.0));
}

/* Normal force at level z of the stage, compression positive: D-Sheet Piling's
 * piecewise-linear distribution through the pile top, the two surfaces and the
 * toe. It enters the element stiffness as a tension of the opposite sign. Like
 * D-Sheet Piling, the stage is solved as the linear(ised) system even when the
 * compression exceeds the buckling load: bm1-5 (a 20 m pile, EI = 1042 kNm2,
 * 10 000 kN at the top and 8 000 kN at the toe, 100 kN at its head) moves
 * 223.2 mm *against* its head load = int 100/N(z) dz, the equilibrium of the
 * compressed string. */
static double S_normal_force(const sp_wall_t *w, const sp_wall_stage_t *st, double z)
{
	double total = 0.0;
	double top = w->top_level_m, toe = w->top_level_m - w->length_m;
	for (int i = 0; i < w->n_normal_forces; i++) {
		if (!st->normal_force_on[i])
			continue;
		const sp_wall_normal_force_t *f = &w->normal_forces[i];
		double lev[4] = {top, st->surface_m[SP_LEFT], st->surface_m[SP_RIGHT], toe};
		double val[4] = {f->at_top_kN, f->at_surface_left_kN, f->at_surface_right_kN, f->at_toe_kN};
		for (int k = 1; k < 3; k++) { /* surfaces within the pile, higher first */
			if (lev[k] > top)
				lev[k] = top;
			if (lev[k] < toe)
				lev[k] = toe;
		}
		if (lev[2] > lev[1]) {
			double t = lev[1];
			lev[1] = lev[2], lev[2] = t;
			t = val[1], val[1] = val[2], val[2] = t;
		}
		double v = val[3];
		for (int k = 0; k < 3; k++) {
			if (z >= lev[k + 1]) {
				double h = lev[k] - lev[k + 1];
				v = h > 0 ? val[k + 1] + (val[k] - val[k + 1]) * (z - lev[k + 1]) / h : val[k + 1];
				break;
			}
		}
		total += v;
	}
	return total;
}

/* Excess pore pressure of the soil profile at level z (kPa): linear in each
 * layer from its top to its bottom value (D-Sheet Piling "Wosp"; bm3-9: the
 * pore pressure is hydrostatic plus this). */
static double S_excess_pore(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double z)
{
	for (int i = 0; i < nl; i++) {
		const sp_wall_layer_t *l = &ls[i];
		double top = l->top_level_m;
		double bottom = i + 1 < nl ? ls[i + 1].top_level_m : w->top_level_m - w->length_m;
		if (z > top && i == 0)
			return 0.0;
		if (z <= top && (z > bottom || i + 1 == nl)) {
			if (l->excess_pore_top_kPa == 0.0 && l->excess_pore_bottom_kPa == 0.0)
				return 0.0;
			double t = top - bottom > 1e-12 ? (top - z) / (top - bottom) : 0.0;
			return l->excess_pore_top_kPa + t * (l->excess_pore_bottom_kPa - l->excess_pore_top_kPa);
		}
	}
	return 0.0;
}

/* sv plus the weight of one layer's part from level a down to bt (a > bt):
 * dry above the water level zw, wet below. */
static double S_add_layer(double sv, const sp_wall_soil_t *so, double a, double bt, double zw)
{
	double dry_top = a, dry_bot = S_MAX(bt, S_MIN(a, zw));
	if (dry_top > dry_bot)
		sv += so->gamma_dry_kN_m3 * (dry_top - dry_bot);
	double wet_top = S_MIN(a, S_MAX(zw, bt)), wet_bot = bt;
	if (wet_top > wet_bot)
		sv += so->gamma_wet_kN_m3 * (wet_top - wet_bot);
	return sv;
}

/* Vertical effective stress at level z on one side (kPa), water level zw,
 * surface zs, uniform load q; *water: the pore pressure, hydrostatic plus the
 * profile's excess pore pressure below the surface. */
static double S_sigma_v(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double z, double zs, double zw, double q,
                        double *water)
{
	double sv = q, top = zs;
	*water = zw > z ? w->gamma_water_kN_m3 * (zw - z) : 0.0;
	double excess = z <= zs ? S_excess_pore(w, ls, nl, z) : 0.0;
	*water += excess;
	if (zw > zs) /* free water above the surface weighs on the soil */
		sv += w->gamma_water_kN_m3 * (zw - zs);
	if (z > zs)
		return 0.0;
	for (int i = 0; i < nl; i++) {
		double lt = ls[i].top_level_m;
		double lb = i + 1 < nl ? ls[i + 1].top_level_m : -1e30;
		double a = S_MIN(lt, top), bt = S_MAX(lb, z);
		if (a <= bt)
			continue;
		sv = S_add_layer(sv, &w->soils[ls[i].soil], a, bt, zw);
	}
	return sv - *water;
}

/* sigma_v' of one side for one surface zs, water level zw and uniform load q,
 * as S_sigma_v gives it, bit for bit, without summing the layers from the
 * surface at every level: the sum down to each layer's bottom is kept
 * (prefix_kPa[i]: S_sigma_v's running sum before layer i, the layers above
 * i taken whole), so a level adds only its own layer's part, in S_sigma_v's
 * order. Layers whose tops do not descend: S_sigma_v itself (sorted = 0). */
typedef struct {
	const sp_wall_t *w;
	const sp_wall_layer_t *ls;
	int nl, sorted, any_excess;
	int cursor;                             /* the layer of the last level asked: levels mostly descend */
	double zs, zw, q;
	double bottom_m[SP_WALL_MAX_LAYERS];    /* layer i's bottom, as S_sigma_v takes it (-1e30 for the last) */
	double prefix_kPa[SP_WALL_MAX_LAYERS];
} S_sv_profile_t;

/* Layer i's part of sigma_v' down to level z (z at or below the surface, at
 * or above the layer's bottom for a part of it): S_sigma_v's loop body. */
static double S_sv_layer_part(const S_sv_profile_t *p, int i, double z, double sv)
{
	double lt = p->ls[i].top_level_m, lb = p->bottom_m[i];
	double a = S_MIN(lt, p->zs), bt = S_MAX(lb, z);
	if (a <= bt)
		return sv;
	return S_add_layer(sv, &p->w->soils[p->ls[i].soil], a, bt, p->zw);
}

static void S_sv_profile_init(S_sv_profile_t *p, const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double zs,
                              double zw, double q)
{
	p->w = w, p->ls = ls, p->nl = nl, p->zs = zs, p->zw = zw, p->q = q, p->cursor = 0;
	p->sorted = nl >= 1 && nl <= SP_WALL_MAX_LAYERS, p->any_excess = 0;
	for (int i = 0; i < nl; i++) {
		if (ls[i].excess_pore_top_kPa != 0.0 || ls[i].excess_pore_bottom_kPa != 0.0)
			p->any_excess = 1;
		if (i + 1 < nl && !(ls[i + 1].top_level_m <= ls[i].top_level_m))
			p->sorted = 0;
	}
	if (!p->sorted)
		return;
	double sv = q;
	if (zw > zs)
		sv += w->gamma_water_kN_m3 * (zw - zs);
	for (int i = 0; i < nl; i++) {
		p->bottom_m[i] = i + 1 < nl ? ls[i + 1].top_level_m : -1e30;
		p->prefix_kPa[i] = sv;
		if (i + 1 < nl)
			sv = S_sv_layer_part(p, i, p->bottom_m[i], sv);
	}
}

/* S_sigma_v(w, ls, nl, z, zs, zw, q, water) of the profile's side. */
static double S_sv_at(S_sv_profile_t *p, double z, double *water)
{
	if (!p->sorted)
		return S_sigma_v(p->w, p->ls, p->nl, z, p->zs, p->zw, p->q, water);
	*water = p->zw > z ? p->w->gamma_water_kN_m3 * (p->zw - z) : 0.0;
	if (p->any_excess && z <= p->zs)
		*water += S_excess_pore(p->w, p->ls, p->nl, z);
	if (z > p->zs)
		return 0.0;
	/* the first layer whose bottom is below z: the layers above count whole */
	int m = p->cursor;
	while (m > 0 && p->bottom_m[m - 1] < z)
		m--;
	while (m + 1 < p->nl && !(p->bottom_m[m] < z))
		m++; /* the last layer's bottom is -1e30 */
	p->cursor = m;
	return S_sv_layer_part(p, m, z, p->prefix_kPa[m]) - *water;
}

/* Active >= 0, neutral between active and passive, passive >= active. */
static void S_order_pressures(double *sa, double *sn, double *spv)
{
	if (*sa < 0.0)
		*sa = 0.0;
	if (*sn < *sa)
		*sn = *sa;
	if (*spv < *sa)
		*spv = *sa;
	if (*sn > *spv)
		*sn = *spv;
}

/* How far below the wall's surface each load acts (m): 0 on level ground;
 * under a sloping surface the ground's level where the load starts (its
 * first point), linear between the surface's points and level after the
 * last: the load's vertical and neutral stresses at the wall are those of a
 * load on that level. ComplexProjects24.shd stage 1, left side (the ground
 * 3 m lower from 3.76 to 14.75 m, strip loads of 297.5 to 490 kPa on that
 * lower ground from 3.76 m, 20 kPa from 0.5 to 5.5 m on the higher):
 * [LAMBDAS] Lambda neutral x Vertical stress 0.51283 x 174.074 = 89.270 kPa
 * at 6.0 m (ours 89.35; 81.48 with every load from 20 m), 0.52645 x 60.179 =
 * 31.68 at 16.5 m (ours 31.02; 70.02), vertical stress 60.179 at 16.5 m
 * (ours 59.14; 71.35). */
static void S_load_drops(const sp_ground_t *g, const sp_wall_surcharge_t *const *loads, int n_loads, double *drop_m)
{
	for (int k = 0; k < n_loads; k++) {
		drop_m[k] = 0.0;
		if (!g || loads[k]->n_points < 1)
			continue;
		double x = loads[k]->distance_m[0], xa = 0.0, za = g->wall_level_m, level = za;
		int j = 0;
		for (; j < g->n_points; j++) {
			double xb = g->distance_m[j], zb = g->level_m[j];
			if (x <= xb) {
				level = xb > xa ? za + (zb - za) * (x - xa) / (xb - xa) : zb;
				break;
			}
			xa = xb, za = zb;
		}
		if (j == g->n_points)
			level = za;
		drop_m[k] = g->wall_level_m - level;
	}
}

/* The horizontal stress at rest of the surcharges (and of a sloping ground's
 * strip load) at depth d_node below the surface, added to the neutral
 * pressure K0 sigma_v' of the soil and the uniform load: D-Sheet Piling's
 * rule, sp_surcharge_neutral_stress (the mirror image of a load fading over
 * a wall length; bm3-7a, bm4-17d). The surface point carries none. Under
 * a sloping surface a load acts from the ground's level where it starts,
 * drop_m[k] below the wall's (S_load_drops). */
static double S_neutral_surcharge(const sp_wall_surcharge_t *const *loads, const double *drop_m, int n_loads,
                                  const sp_wall_surcharge_t *ground_load, double d_node, double wall_length_m)
{
	double s = 0.0;
	if (d_node <= 1e-9)
		return 0.0;
	for (int k = 0; k < n_loads; k++)
		if (d_node - drop_m[k] > 1e-9)
			s += sp_surcharge_neutral_stress(loads[k], d_node - drop_m[k], wall_length_m);
	if (ground_load)
		s += sp_surcharge_neutral_stress(ground_load, d_node, wall_length_m);
	return s;
}

/* Culmann's wedges on a c, phi, delta side with cohesion or surcharge loads
 * (D-Sheet Piling: pressure = dQ/dz between slide planes, its [SLIDE PLANE]
 * and [LAMBDAS] tables). On entry *sa, *sn, *spv hold the frictional values at
 * the node (K sigma_v, no cohesion). Cohesion alone: the pressure of the
 * critical wedge at the node (envelope theorem). With surcharges: the change of
 * the wedge force over the half spring between depths d_node and d_mid, less
 * the frictional K (wint_mid - wint). *sn holds the loads' neutral stress
 * already (S_neutral_surcharge). wint: integral of sigma_v' down to d_node,
 * sv_node the node's and sv_half the half's mean sigma_v'. Returns 1 when the
 * pressures are the half's own (not the node's: the cohesive active wedge
 * force clipped at zero), 0 otherwise. memo: the analysis's memo of wedge
 * forces (wedge_cache.h, its work area's: analyses do not share one). */
static int S_culmann(sp_wedge_cache_t *memo, sp_kmethod km, const sp_wall_soil_t *so, double delta_passive_deg,
                      const sp_wall_surcharge_t *const *loads, int n_loads,
                      const sp_ground_t *ground, const sp_wall_surcharge_t *ground_load, double d_node, double d_mid,
                      double wint, double sv_node, double sv_half, double *sa, double *sn, double *spv)
{
	/* the node at the surface carries no wedge pressure (D-Sheet Piling
	 * bm4-4c, bm4-8a: (nearly) zero pressures at the surface point; the wedge
	 * force above the first slide plane is not applied) */
	if (d_node <= 1e-9) {
		if (km != SP_KMETHOD_GIVEN)
			*sa = *sn = *spv = 0.0;
		return 0;
	}
	int half_dependent = 0;
	(void)ground_load; /* its neutral pressure: S_neutral_surcharge */
	if (km == SP_KMETHOD_GIVEN)
		return 0;
	double phi = so->phi_deg, c = so->c_kPa;
	double len = d_mid - d_node;
	for (int passive = 0; passive < 2; passive++) {
		double *p = passive ? spv : sa;
		double delta = passive ? delta_passive_deg : so->delta_deg;
		double wint_mid = wint + sv_half * len, far, near;
		if (!ground && n_loads == 0) {
			double alpha;
			near = sp_wedge_cache_force(memo, d_node, wint, NULL, 0, phi, delta, c, passive, &alpha);
			/* active with cohesion: the wedge force is clipped at zero as a
			 * force (D-Sheet: no pressure down to where the active force
			 * of the wedge above becomes positive, Tutorial-2a, Tutorial-16),
			 * not as a pressure point by point */
			if (!passive && fabs(len) > 1e-12) {
				far = sp_wedge_cache_force(memo, d_mid, wint_mid, NULL, 0, phi, delta, c, passive, NULL);
				if (near <= 0.0 || far <= 0.0) {
					*p = (S_MAX(far, 0.0) - S_MAX(near, 0.0)) / len;
					half_dependent = 1;
					continue;
				}
			}
			*p = sp_surcharge_wedge_force_at(alpha, 1.0, sv_node, NULL, 0, phi, delta, c, passive);
			continue;
		}
		if (fabs(len) < 1e-12)
			continue;
		/* the change of the wedge force over the half, less the level ground's frictional part */
		if (ground) {
			double zs = ground->wall_level_m;
			far = sp_wedge_cache_ground_force(memo, ground, zs - d_mid, loads, n_loads, phi, delta, c, passive, NULL);
			near = sp_wedge_cache_ground_force(memo, ground, zs - d_node, loads, n_loads, phi, delta, c, passive, NULL);
		} else {
			far = sp_wedge_cache_force(memo, d_mid, wint_mid, loads, n_loads, phi, delta, c, passive, NULL);
			near = sp_wedge_cache_force(memo, d_node, wint, loads, n_loads, phi, delta, c, passive, NULL);
		}
		if (!passive && c > 0.0 && (near <= 0.0 || far <= 0.0)) { /* clipped as a force, as above */
			*p = (S_MAX(far, 0.0) - S_MAX(near, 0.0)) / len;
			half_dependent = 1;
			continue;
		}
		double k = passive ? sp_kp_coulomb(phi, delta) : sp_ka_coulomb(phi, delta);
		*p += ((far - near) - k * (wint_mid - wint)) / len;
	}
	S_order_pressures(sa, sn, spv);
	return half_dependent;
}

/* The ground of a side with a sloping surface: bands of effective unit
 * weight (the layers extend horizontally beyond the wall, the top layer also
 * upwards; dry above the water level, submerged below). */
static void S_ground(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, const sp_wall_stage_t *st, int side, double q,
                     double *band_bottom, double *band_gamma, int *band_layer, sp_ground_t *g)
{
	double zw = st->water_m[side];
	int nb = 0;
	for (int i = 0; i < nl; i++) {
		const sp_wall_soil_t *so = &w->soils[ls[i].soil];
		double top = i > 0 ? ls[i].top_level_m : INFINITY;
		double bottom = i + 1 < nl ? ls[i + 1].top_level_m : -INFINITY;
		if (zw < top && zw > bottom) { /* the water level splits the layer */
			band_layer[nb] = i;
			band_gamma[nb] = so->gamma_dry_kN_m3, band_bottom[nb++] = zw;
			band_layer[nb] = i;
			band_gamma[nb] = so->gamma_wet_kN_m3 - w->gamma_water_kN_m3, band_bottom[nb++] = bottom;
		} else {
			band_layer[nb] = i;
			band_gamma[nb] = zw >= top ? so->gamma_wet_kN_m3 - w->gamma_water_kN_m3 : so->gamma_dry_kN_m3;
			band_bottom[nb++] = bottom;
		}
	}
	g->wall_level_m = st->surface_m[side];
	g->n_points = st->n_surface_points[side];
	g->distance_m = st->surface_distance_m[side];
	g->level_m = st->surface_level_m[side];
	g->n_bands = nb;
	g->band_bottom_m = band_bottom;
	g->band_gamma_kN_m3 = band_gamma;
	g->uniform_kPa = q;
	g->band_phi_deg = g->band_delta_deg = g->band_c_kPa = NULL; /* the soil given to each call */
}

/* The ground above the wall's surface level beyond the wall as a vertical
 * strip load on that level (negative where the surface is lower), for the
 * neutral pressure. */
static void S_ground_load(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, const sp_wall_stage_t *st, int side,
                          double q, sp_wall_surcharge_t *l)
{
	double zs = st->surface_m[side], zw = st->water_m[side], wp;
	double base = S_sigma_v(w, ls, nl, zs, zs, zw, q, &wp);
	int n = st->n_surface_points[side];
	memset(l, 0, sizeof *l);
	l->distance_m[l->n_points] = 0.0, l->value_kPa[l->n_points++] = 0.0;
	for (int j = 0; j < n && l->n_points < SP_WALL_MAX_SURCHARGE_POINTS - 1; j++) {
		double zj = st->surface_level_m[side][j], p;
		if (zj >= zs)
			p = S_sigma_v(w, ls, nl, zs, zj, zw, q, &wp) - base;
		else
			p = -(S_sigma_v(w, ls, nl, zj, zs, zw, q, &wp) - base);
		l->distance_m[l->n_points] = st->surface_distance_m[side][j], l->value_kPa[l->n_points++] = p;
	}
	/* level after the last point: far enough to act as unbounded */
	l->distance_m[l->n_points] = l->distance_m[l->n_points - 1] + 1e4;
	l->value_kPa[l->n_points] = l->value_kPa[l->n_points - 1];
	l->n_points++;
}

/* ---- slide planes at the major nodes only (CalcMinorNodesOn=0) ----------------
 *
 * D-Sheet Piling computes its slide planes at the major nodes (major_nodes.h)
 * and per major segment one coefficient for active and one for passive,
 * lambda = (Q(bottom) - Q(top)) / (dz sigma_v'(middle)), Q the wedge force of
 * the plane (the active one clipped at zero as a force); the pressure in the
 * segment is lambda sigma_v'(z): bm4-13b.shd [SLIDE PLANE], [LAMBDAS] and
 * [PRESSURES], right side: Q min 108.457 and 242.116 kN/m at -0.5 and -1 m,
 * segment -0.5..-1 m passive 267.318 kPa = 12.57968 x 21.25, the passive
 * pressure at 0 m 157.756 = 15.7756 x 10 kPa (the uniform load). On level
 * ground the planes go through the layers above (wedge_layers.h), under a
 * sloping surface through the bands of the layers, each slice with its own
 * soil (sp_surcharge_ground_wedge_force with the bands' soils):
 * ComplexProjects24.shd stage 1, left side (the ground 3 m lower from 3.76
 * to 14.75 m, strip loads, fill over clay c 19.8 phi 0 from 16 m over sand
 * from 14 m): [SLIDE PLANE] Q max 95.82801 and Q min 370.46833 kN/m at
 * 15.12 m, 1630.50764 (Q min) at 11.8375 m; the clay's own wedge gave
 * 145.14 and 236.16. The passive wedges take the CUR 166 delta
 * (S_reduced_soils), the active ones delta as given. */
#define S_MAJOR_CAP 512

typedef struct {
	int n;                       /* major levels (segments: n - 1); 0: not used on this side */
	double lev[S_MAJOR_CAP];
	double lam[2][S_MAJOR_CAP];  /* per segment: active, passive coefficient */
	double dqdz[2][S_MAJOR_CAP]; /* per segment: dQ/dz, the pressure where sigma_v'(middle) is 0 (lam NAN) */
	double lam_n[S_MAJOR_CAP];   /* per segment: neutral coefficient N(middle) / sigma_v(middle) */
	double n_mid[S_MAJOR_CAP];   /* per segment: the neutral pressure at the middle (where lam_n is NAN) */
	unsigned char on[S_MAJOR_CAP];
} S_major_t;

/* D-Sheet Piling's vertical stress of a major segment's coefficients: sigma_v'
 * of the soil and the uniform load plus the vertical stress of the surcharges
 * (and of a sloping ground's strip load) at depth d below the surface; the
 * surface point carries the uniform load only (bm4-5a.shd stage 1, [LAMBDAS]
 * and [PRESSURES], right side, 20 kPa from the wall to 500 m on soil of 10
 * kN/m3: vertical stress 15.0 at -0.5 m = 5 + 10 (Flamant's q/2 at the
 * load's edge), passive 60 = 5.0 x 12 kPa at -0.2 m, 0 at the surface point;
 * left side, the ground rising 1 m at 0.01 m: 9.94281 at -0.5 m). */
static double S_major_sigma_z(const sp_wall_surcharge_t *const *loads, const double *drop_m, int n_loads,
                              const sp_wall_surcharge_t *ground_load, double d, double wall_length_m)
{
	if (d <= 1e-9)
		return 0.0;
	double s = 0.0;
	for (int k = 0; k < n_loads; k++)
		if (d - drop_m[k] > 1e-9)
			s += sp_surcharge_vertical_stress_within(loads[k], d - drop_m[k], wall_length_m);
	if (ground_load)
		s += sp_surcharge_vertical_stress_within(ground_load, d, wall_length_m);
	return s;
}

static double S_major_sigma_v(double sv_pos, const sp_wall_surcharge_t *const *loads, const double *drop_m,
                              int n_loads, const sp_wall_surcharge_t *ground_load, double d, double wall_length_m)
{
	double s = sv_pos + S_major_sigma_z(loads, drop_m, n_loads, ground_load, d, wall_length_m);
	return s > 0.0 ? s : 0.0;
}

/* sigma_v' clipped at zero (beam nodes take the same) */
static double S_sv_pos(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double z, double zs, double zw, double q)
{
	double wp, sv = S_sigma_v(w, ls, nl, z, zs, zw, q, &wp);
	return sv > 0.0 ? sv : 0.0;
}

/* The layer holding level z (the lowest whose top is at or above it), -1 above the first. */
static int S_layer_of(const sp_wall_layer_t *ls, int nl, double z)
{
	int li = -1;
	for (int i = 0; i < nl; i++)
		if (ls[i].top_level_m >= z - 1e-9)
			li = i;
	return li;
}

/* S_sv_pos from the side's profile prof (S_sv_at: the same bits) when
 * there is one for these w, ls, nl, zs, zw, q. */
static double S_sv_pos_of(S_sv_profile_t *prof, const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double z,
                          double zs, double zw, double q)
{
	if (prof == NULL)
		return S_sv_pos(w, ls, nl, z, zs, zw, q);
	double wp, sv = S_sv_at(prof, z, &wp);
	return sv > 0.0 ? sv : 0.0;
}

/* Integral of sigma_v' (clipped at zero) from level top down to bot: Simpson
 * on each side of the water level, where sigma_v' is linear. prof: the side's
 * sigma_v' profile of the same w, ls, nl, zs, zw, q, or NULL. */
static double S_sv_integral(const sp_wall_t *w, const sp_wall_layer_t *ls, int nl, double zs, double zw, double q,
                            double top, double bot, S_sv_profile_t *prof)
{
	double cut[3] = {top, bot, bot};
	int np = 1;
	if (zw < top && zw > bot)
		cut[1] = zw, np = 2;
	double sum = 0.0;
	for (int k = 0; k < np; k++) {
		double a = cut[k], b = cut[k + 1], h = (a - b) / 4.0;
		double f = S_sv_pos_of(prof, w, ls, nl, a, zs, zw, q) + S_sv_pos_of(prof, w, ls, nl, b, zs, zw, q);
		for (int i = 1; i < 4; i++)
			f += (i % 2 ? 4.0 : 2.0) * S_sv_pos_of(prof, w, ls, nl, a - i * h, zs, zw, q);
		sum += f * h / 3.0;
	}
	return sum;
}

/* The wedge force through the wall at level z (kN/m), its plane through
 * the layers above (wedge_layers.h): level ground. */
/* The slices of the plane through the wall at level z in the layers
 * i_from <= i < i_to (appended to sl from *n on): the layers above z whole,
 * the layer of z down to z. prof: as S_sv_integral. layer_trig (or NULL):
 * the layers' angles (sp_wedge_layers_trig), copied to the slices' in trig. */
static void S_layered_slices(const sp_wall_t *w, const sp_wall_soil_t *soils, const sp_wall_layer_t *ls, int nl,
                             double zs, double zw, double q, double z, int i_from, int i_to, sp_wedge_layer_t *sl,
                             int *n, S_sv_profile_t *prof, const sp_wedge_trig_t *layer_trig, sp_wedge_trig_t *trig)
{
	for (int i = i_from; i < i_to; i++) {
		double top = i > 0 ? S_MIN(ls[i].top_level_m, zs) : zs;
		double bot = i + 1 < nl ? S_MAX(ls[i + 1].top_level_m, z) : z;
		if (top - bot <= 1e-9)
			continue;
		const sp_wall_soil_t *so = &soils[ls[i].soil];
		sl[*n].height_m = top - bot;
		sl[*n].weight_integral_kN_per_m = S_sv_integral(w, ls, nl, zs, zw, q, top, bot, prof);
		sl[*n].phi_deg = so->phi_deg, sl[*n].delta_deg = so->delta_deg, sl[*n].c_kPa = so->c_kPa;
		if (layer_trig)
			trig[*n] = layer_trig[i];
		(*n)++;
	}
}

static double S_major_layered_force(const sp_wall_t *w, const sp_wall_soil_t *soils, const sp_wall_layer_t *ls, int nl,
                                    double zs, double zw, double q, const sp_wall_surcharge_t *const *loads,
                                    int n_loads, double z, int passive)
{
	sp_wedge_layer_t sl[SP_WALL_MAX_LAYERS];
	int n = 0;
	S_layered_slices(w, soils, ls, nl, zs, zw, q, z, 0, nl, sl, &n, NULL, NULL, NULL);
	return sp_wedge_layers_force(sl, n, loads, n_loads, passive, NULL);
}

/* The wedge force through the wall at depth d below the surface (kN/m):
 * through the layers on level ground, through the bands of the layers under
 * a sloping one (the ground of S_banded_init). */
static double S_major_force(const sp_wall_t *w, const sp_wall_soil_t *soils, const sp_wall_layer_t *ls, int nl,
                            double zs, double zw, double q, const sp_wall_surcharge_t *const *loads, int n_loads,
                            const sp_ground_t *banded, double d, int passive)
{
	if (d <= 1e-9)
		return 0.0;
	double f = banded ? sp_surcharge_ground_wedge_force(banded, banded->wall_level_m - d, loads, n_loads, 0.0, 0.0, 0.0,
	                                                    passive, NULL)
	                  : S_major_layered_force(w, soils, ls, nl, zs, zw, q, loads, n_loads, zs - d, passive);
	return passive ? f : S_MAX(f, 0.0);
}

/* The neutral pressure at the middle of a major segment, depth d: K0 sigma_v'
 * of the soil and the uniform load plus the surcharges' horizontal stress at
 * rest (S_neutral_surcharge); D-Sheet Piling prints it as Lambda neutral x
 * Vertical stress in [LAMBDAS] (bm4-5a.shd stage 1: 1.41031 x 15.0 = 21.1547
 * kPa at -0.5 m). */
static double S_major_neutral(const sp_wall_soil_t *so, sp_kmethod km, double sv_soil,
                              const sp_wall_surcharge_t *const *loads, const double *drop_m, int n_loads,
                              const sp_wall_surcharge_t *ground_load, double d, double wall_length_m)
{
	double ka, k0, kp;
	S_coefficients(so, so->delta_deg, km, &ka, &k0, &kp);
	return k0 * sv_soil + S_neutral_surcharge(loads, drop_m, n_loads, ground_load, d, wall_length_m);
}

/* A sloping ground whose bands carry their layers' own soils: [0] active,
 * [1] passive (the wall friction reduced, S_reduced_soils). */
typedef struct {
	sp_ground_t ground[2];
	double phi[2 * SP_WALL_MAX_LAYERS + 2], c[2 * SP_WALL_MAX_LAYERS + 2];
	double delta[2][2 * SP_WALL_MAX_LAYERS + 2];
} S_banded_t;

static void S_banded_init(S_banded_t *g, const sp_ground_t *ground, const sp_wall_soil_t *const soils[2],
                          const sp_wall_layer_t *ls, const int *band_layer)
{
	for (int b = 0; b < ground->n_bands; b++) {
		const sp_wall_soil_t *sa = &soils[0][ls[band_layer[b]].soil], *sp = &soils[1][ls[band_layer[b]].soil];
		g->phi[b] = sa->phi_deg, g->c[b] = sa->c_kPa;
		g->delta[0][b] = sa->delta_deg, g->delta[1][b] = sp->delta_deg;
	}
	for (int passive = 0; passive < 2; passive++) {
		g->ground[passive] = *ground;
		g->ground[passive].band_phi_deg = g->phi;
		g->ground[passive].band_c_kPa = g->c;
		g->ground[passive].band_delta_deg = g->delta[passive];
	}
}

/* The coefficients of every major segment below the surface of one side. */
static void S_major_setup(S_major_t *m, const sp_wall_t *w, const sp_wall_soil_t *const soils[2], const sp_wall_layer_t *ls,
                          int nl, double zs, double zw, double q, sp_kmethod km, const sp_wall_surcharge_t *const *loads,
                          const double *drop_m, int n_loads, const sp_ground_t *ground,
                          const sp_wall_surcharge_t *ground_load, const int *band_layer)
{
	S_banded_t banded; /* a sloping ground: the wedges through its bands' own soils */
	if (ground)
		S_banded_init(&banded, ground, soils, ls, band_layer);
	m->n = sp_major_nodes_levels(w, m->lev, S_MAJOR_CAP);
	if (m->n > S_MAJOR_CAP || m->n < 2) {
		m->n = 0; /* not expected (at most 100 segments and the key levels): every node's own planes */
		return;
	}
	double qprev[2] = {0.0, 0.0}; /* the forces at the top of segment k: segment k - 1's at its bottom */
	for (int k = 0; k + 1 < m->n; k++) {
		double top = m->lev[k], bot = m->lev[k + 1];
		m->on[k] = 0;
		if (top > zs + 1e-9) /* above the surface (the surface is a major node) */
			continue;
		double mid = (top + bot) / 2.0, dz = top - bot;
		double sv_soil = S_sv_pos(w, ls, nl, mid, zs, zw, q);
		double s2 = S_major_sigma_v(sv_soil, loads, drop_m, n_loads, ground_load, zs - mid, w->length_m);
		int li = S_layer_of(ls, nl, mid);
		if (li >= 0) {
			m->n_mid[k] = S_major_neutral(&soils[0][ls[li].soil], km, sv_soil, loads, drop_m, n_loads, ground_load,
			                              zs - mid, w->length_m);
			m->lam_n[k] = s2 > 1e-9 ? m->n_mid[k] / s2 : NAN;
			for (int passive = 0; passive < 2; passive++) {
				double qa = qprev[passive];
				double qb = S_major_force(w, soils[passive], ls, nl, zs, zw, q, loads, n_loads,
				                          ground ? &banded.ground[passive] : NULL, zs - bot, passive);
				m->dqdz[passive][k] = (qb - qa) / dz;
				m->lam[passive][k] = s2 > 1e-9 ? m->dqdz[passive][k] / s2 : NAN;
				qprev[passive] = qb;
			}
			m->on[k] = 1;
		}
	}
}

/* The active, neutral and passive pressures at a node of a half spring whose
 * middle is at level zc, sv there the vertical stress of S_major_sigma_v: the
 * segment's lambda x sv (D-Sheet Piling: one lambda per major segment for the
 * neutral pressure as well, bm4-5a.shd stage 1 right side: neutral 16.92375 =
 * 1.41031 x 12 kPa at -0.2 m, 28.20624 = 1.41031 x 20 at -1 m above the
 * node, 19.56942 = 0.97847 x 20 below it); 0 (nothing set) outside the major
 * segments. */
static int S_major_pressures(const S_major_t *m, double zc, double sv, double *sa, double *sn, double *spv)
{
	if (m->n == 0)
		return 0;
	int lo = 0, hi = m->n - 1; /* levels descend: the segment k with lev[k] >= zc > lev[k + 1] */
	if (zc > m->lev[0] || zc < m->lev[hi])
		return 0;
	while (hi - lo > 1) {
		int mid = (lo + hi) / 2;
		if (m->lev[mid] >= zc)
			lo = mid;
		else
			hi = mid;
	}
	if (!m->on[lo])
		return 0;
	for (int passive = 0; passive < 2; passive++) {
		double *p = passive ? spv : sa;
		*p = isnan(m->lam[passive][lo]) ? m->dqdz[passive][lo] : m->lam[passive][lo] * sv;
	}
	*sn = isnan(m->lam_n[lo]) ? m->n_mid[lo] : m->lam_n[lo] * sv;
	return 1;
}

/* The soils with the wall friction angle D-Sheet Piling's CalcReduceDeltas
 * takes for the passive wedges (sp_delta_cur166; used by the c, phi, delta
 * sides only): w->soils
 * itself when the option is off, else reduced, filled. D-Sheet reduces the
 * factored angles of the CUR, EC7 and Belgian verifications (bm4-19a,
 * bm4-21a, bm4-25a print them) and of the CUR and EC7 designs of the length
 * (bm4-20a; Tutorial-15a, EUROCODE DA1 SET1: 29.02 / 29.01 % at 20 m, stops
 * after 14 m as its .shd). No development file verifies by the Dutch annex:
 * it is reduced like the others (the exception once fitted to Tutorial-15a,
 * misread as EC7 NL, is gone; docs/dsheet-verification.md). */
static const sp_wall_soil_t *S_reduced_soils(const sp_wall_t *w, sp_wall_soil_t *reduced)
{
	if (!w->reduce_delta)
		return w->soils;
	for (int k = 0; k < w->n_soils && k < SP_WALL_MAX_SOILS; k++) {
		reduced[k] = w->soils[k];
		reduced[k].delta_deg = sp_delta_cur166(w->soils[k].phi_deg, w->soils[k].delta_deg);
	}
	return reduced;
}

/* What a half spring of a layer takes from its soil on one side in a stage,
 * the same for every node of the layer: computed once per layer. */
typedef struct {
	const sp_wall_soil_t *so;
	double delta_p;                       /* passive wall friction: reduced (S_reduced_soils) */
	double ka, k0, kp;
	double cohesion_a_kPa, cohesion_p_kPa; /* 2 c sqrt(Ka), 2 c sqrt(Kp); c = 0 with Culmann's wedges */
	int no_planes, culmann;
} S_layer_coef_t;

/* Whether a half spring of a layer takes its major segment's lambdas: on a
 * side with slide planes at the major nodes (m->n > 0: c, phi, delta,
 * CalcMinorNodesOn=0) every layer with slide planes does, the frictional
 * ones too, for the plane through it crosses the layers above: bm4-44a.shd
 * stage 3, left side, sand (c 0, phi 30) under clay (c 10, phi 17) from
 * -13 m: [SLIDE PLANE] Q min 473.85853 and 517.35284 kN/m at -13.00 and
 * -13.15789 m, [LAMBDAS] passive 275.46400 kPa = 7.27480 x 37.86553 at
 * -13.07895 (Kp sigma_v' of the sand alone: 5.74 x 37.6 = 216 kPa at
 * -13.05), [PRESSURES] 270.18595 kPa at -13.00 below the boundary. In a
 * layer of one soil from the surface the lambda is K itself (Q = K times
 * the integral of sigma_v'). */
static int S_major_applies(const S_major_t *m, const S_layer_coef_t *lc)
{
	return m->n > 0 && (lc->culmann || !lc->no_planes);
}

/* The coefficients of the nl layers ls of a side (kmethod km, n_loads
 * surcharges on it, a sloping ground or not). */
static void S_layer_coefs(S_layer_coef_t *coef, const sp_wall_t *w, const sp_wall_soil_t *reduced,
                          const sp_wall_layer_t *ls, int nl, sp_kmethod km, int n_loads, int sloping)
{
	for (int li = 0; li < nl && li < SP_WALL_MAX_LAYERS; li++) {
		S_layer_coef_t *lc = &coef[li];
		const sp_wall_soil_t *so = &w->soils[ls[li].soil];
		lc->so = so;
		lc->delta_p = reduced[ls[li].soil].delta_deg;
		S_coefficients(so, lc->delta_p, km, &lc->ka, &lc->k0, &lc->kp);
		/* c = phi = 0 (c, phi, delta; level ground): no slide planes, as in
		 * D-Sheet (bm3-7b): a surcharge adds the vertical stress it causes
		 * at the wall, K = 1 */
		lc->no_planes = km != SP_KMETHOD_GIVEN && so->phi_deg == 0.0 && so->c_kPa == 0.0 && !sloping;
		/* c, phi, delta with cohesion or surcharges: Culmann's wedges (S_culmann) */
		lc->culmann = km != SP_KMETHOD_GIVEN && !lc->no_planes && (n_loads > 0 || so->c_kPa > 0 || sloping);
		double c = lc->culmann ? 0.0 : so->c_kPa;
		lc->cohesion_a_kPa = 2.0 * c * sqrt(S_MAX(lc->ka, 0.0));
		lc->cohesion_p_kPa = 2.0 * c * sqrt(S_MAX(lc->kp, 0.0));
	}
}

/* ---- slide planes at every node through the layers above (CalcMinorNodesOn=1) ----
 *
 * With slide planes at every node D-Sheet Piling takes, as at the major
 * nodes, the wedge force Q of one plane through all the layers above
 * (wedge_layers.h) and the pressure dQ/dz between planes: Tutorial-2a.shd,
 * right side, loam (c 0, phi 27.5) under peat and clay with cohesion:
 * [SLIDE PLANE] Q max 118.16041 and 118.65403 kN/m at -12.02 and -12.0996
 * m, [LAMBDAS] active 6.20121 kPa at -12.02 (their difference over 0.0796
 * m). A half spring takes (Q(middle) - Q(node)) / length, the active Q
 * clipped at zero as a force; the two halves of a node together
 * D-Sheet's difference between the planes around its node. Used where the
 * plane crosses a layer of another soil; a layer whose wedge stays in its
 * own soil keeps the single-soil wedge (S_culmann) or K sigma_v'. */
typedef struct {
	int on;
	unsigned char crosses[SP_WALL_MAX_LAYERS]; /* layer li's planes cross a layer of another soil */
	const sp_wall_t *w;
	const sp_wall_soil_t *const *soils;       /* [0] active, [1] passive (reduced delta) */
	const sp_wall_layer_t *ls;
	int nl;
	double zs, zw, q;
	S_sv_profile_t *prof;                      /* sigma_v' of this w, ls, nl, zs, zw, q (set by the loading) */
	const sp_wall_surcharge_t *const *loads;
	int n_loads;
	double lev[4], f[4][2];                    /* the last forces computed (levels repeat: node, middles) */
	int n_cached, next;
	S_banded_t banded; /* under a sloping surface: the ground with its bands' soils */
	int sloping;
	double alpha_deg[2]; /* the critical angles of the last plane (level ground): where the next search starts */
	int alpha_layer;     /* the layer of that plane's foot (-1: none yet) */
	/* level ground: the slices of the layers above the foot's layer above_layer, the same for its every level */
	sp_wedge_layer_t above[2][SP_WALL_MAX_LAYERS];
	int n_above, above_layer;
	/* the angles of each layer's soil [0] active, [1] passive, and of the slices above */
	sp_wedge_trig_t layer_trig[2][SP_WALL_MAX_LAYERS], above_trig[2][SP_WALL_MAX_LAYERS];
	sp_wedge_grid_t grid[2]; /* the last full search's grid of angles, [0] active, [1] passive */
	sp_wedge_memo_t *memo;   /* the worker's memo of searches across analyses (wedge_memo.h), NULL: none */
} S_minor_t;

static int S_same_soil(const sp_wall_soil_t *a, const sp_wall_soil_t *b)
{
	return a->phi_deg == b->phi_deg && a->c_kPa == b->c_kPa && a->delta_deg == b->delta_deg;
}

/* Whether the side takes layered wedges at every node, and for which layers. */
static void S_minor_setup(S_minor_t *m, const sp_wall_t *w, const sp_wall_soil_t *const soils[2],
                          const sp_wall_layer_t *ls, int nl, double zs, double zw, double q, sp_kmethod km,
                          const sp_wall_surcharge_t *const *loads, int n_loads, const sp_ground_t *ground,
                          const int *band_layer, const S_layer_coef_t *coef)
{
	m->on = 0, m->n_cached = 0, m->next = 0, m->alpha_layer = -1, m->above_layer = -1, m->n_above = 0;
	m->grid[0].set = m->grid[1].set = 0;
	memset(m->crosses, 0, sizeof m->crosses);
	if (!w->minor_nodes || km == SP_KMETHOD_GIVEN || nl > SP_WALL_MAX_LAYERS)
		return;
	m->w = w, m->soils = soils, m->ls = ls, m->nl = nl, m->zs = zs, m->zw = zw, m->q = q;
	m->loads = loads, m->n_loads = n_loads;
	m->sloping = ground != NULL;
	if (ground)
		S_banded_init(&m->banded, ground, soils, ls, band_layer);
	for (int passive = 0; passive < 2; passive++)
		for (int li = 0; li < nl; li++) {
			const sp_wall_soil_t *so = &soils[passive][ls[li].soil];
			m->layer_trig[passive][li] = sp_wedge_layers_trig(so->phi_deg, so->delta_deg);
		}
	int first = -1; /* the layer at the surface */
	for (int li = 0; li < nl; li++) {
		double bottom = li + 1 < nl ? ls[li + 1].top_level_m : -INFINITY;
		if (bottom >= zs)
			continue;
		if (coef[li].no_planes)
			return; /* c = phi = 0 below the surface: not this rule's */
		if (first < 0)
			first = li;
		for (int j = first; j < li; j++)
			for (int passive = 0; passive < 2; passive++)
				if (!S_same_soil(&soils[passive][ls[j].soil], &soils[passive][ls[li].soil]))
					m->crosses[li] = 1;
		if (m->crosses[li])
			m->on = 1;
	}
}

/* The wedge force through the wall at level z on level ground (kN/m): as
 * S_major_layered_force, the slices of the layers above z's layer kept. */
static double S_minor_level_force(S_minor_t *m, double z, int layer, int passive, int hint)
{
	int from = layer < 0 ? 0 : layer;
	if (m->above_layer != from) {
		for (int p = 0; p < 2; p++) {
			m->n_above = 0;
			S_layered_slices(m->w, m->soils[p], m->ls, m->nl, m->zs, m->zw, m->q, z, 0, from, m->above[p],
			                 &m->n_above, m->prof, m->layer_trig[p], m->above_trig[p]);
		}
		m->above_layer = from;
	}
	sp_wedge_layer_t sl[SP_WALL_MAX_LAYERS];
	sp_wedge_trig_t trig[SP_WALL_MAX_LAYERS];
	int n = m->n_above;
	memcpy(sl, m->above[passive], (size_t)n * sizeof sl[0]);
	memcpy(trig, m->above_trig[passive], (size_t)n * sizeof trig[0]);
	S_layered_slices(m->w, m->soils[passive], m->ls, m->nl, m->zs, m->zw, m->q, z, from, m->nl, sl, &n, m->prof,
	                 m->layer_trig[passive], trig);
	return sp_wedge_memo_force_near(m->memo, sl, trig, n, m->loads, m->n_loads, passive,
	                                hint ? m->alpha_deg[passive] : 0.0, &m->grid[passive], &m->alpha_deg[passive]);
}

/* The active and passive wedge forces through the wall at level z (kN/m),
 * the active one clipped at zero. */
static void S_minor_forces(S_minor_t *m, double z, double f[2])
{
	for (int k = 0; k < m->n_cached; k++)
		if (m->lev[k] == z) {
			f[0] = m->f[k][0], f[1] = m->f[k][1];
			return;
		}
	/* level ground: the search starts from the last plane's angles when
	 * its foot was in the same layer (sp_wedge_layers_force_near) */
	int layer = S_layer_of(m->ls, m->nl, z), hint = layer >= 0 && layer == m->alpha_layer;
	for (int passive = 0; passive < 2; passive++) {
		double v = !(z < m->zs) ? 0.0
		           : m->sloping ? sp_surcharge_ground_wedge_force(&m->banded.ground[passive], z, m->loads, m->n_loads, 0.0,
		                                                          0.0, 0.0, passive, NULL)
		                        : S_minor_level_force(m, z, layer, passive, hint);
		f[passive] = passive ? v : S_MAX(v, 0.0);
	}
	m->alpha_layer = z < m->zs && !m->sloping ? layer : -1;
	int k = m->next;
	m->lev[k] = z, m->f[k][0] = f[0], m->f[k][1] = f[1];
	m->next = (k + 1) % 4;
	if (m->n_cached < 4)
		m->n_cached++;
}

/* The active and passive pressures of a half spring of layer li between the
 * node at z_node and the half's middle z_mid; 0 when the layer's planes stay
 * in its own soil (nothing set). */
static int S_minor_pressures(S_minor_t *m, int li, double z_node, double z_mid, double *sa, double *spv)
{
	if (!m->on || li < 0 || li >= m->nl || !m->crosses[li] || fabs(z_node - z_mid) < 1e-12)
		return 0;
	double fn[2], fm[2];
	S_minor_forces(m, z_node, fn);
	S_minor_forces(m, z_mid, fm);
	*sa = (fm[0] - fn[0]) / (z_node - z_mid);
	*spv = (fm[1] - fn[1]) / (z_node - z_mid);
	return 1;
}

/* A spring's moduli (k, lam, k_unload, nb) in layer li of the profile ls (nl
 * layers) at node level z: linear between the top and bottom of the layer.
 * They depend on the spring's node, profile and layer only: set once per
 * analysis unless a stage gives the spring another profile or layer. */
static void S_spring_moduli(sp_beam_work_t *b, sp_beam_spring_t *sp, const sp_wall_layer_t *ls, int nl, int li,
                            double z)
{
	size_t at = (size_t)(sp - b->spr);
	if (b->spr_moduli_ls[at] == ls && b->spr_moduli_layer[at] == li)
		return;
	b->spr_moduli_ls[at] = ls, b->spr_moduli_layer[at] = li;
	const sp_wall_t *w = b->w;
	const sp_wall_soil_t *so = &w->soils[ls[li].soil];
	double lt = ls[li].top_level_m;
	double lb = li + 1 < nl ? ls[li + 1].top_level_m : w->top_level_m - w->length_m;
	double t = lt - lb > 1e-9 ? (lt - z) / (lt - lb) : 0.0;
	if (t < 0)
		t = 0;
	if (t > 1)
		t = 1;
	sp->nb = w->n_branches < 1 ? 1 : w->n_branches;
	for (int k = 0; k < SP_WALL_BRANCHES; k++)
		sp->k[k] = so->kh_top_kN_m3[k] + t * (so->kh_bottom_kN_m3[k] - so->kh_top_kN_m3[k]);
	for (int k = 0; k < SP_WALL_BRANCHES - 1; k++)
		sp->lam[k] = so->branch_end_pct[k] / 100.0;
	sp->k_unload = w->unloading_curve
	                       ? so->kh_unload_top_kN_m3 + t * (so->kh_unload_bottom_kN_m3 - so->kh_unload_top_kN_m3)
	                       : 0.0;
}

void sp_beam_load_stage(sp_beam_work_t *b, const sp_wall_stage_t *st)
{
	const sp_wall_t *w = b->w;
	int n = b->n;
	memset(b->f_ext, 0, 2 * (size_t)n * sizeof *b->f_ext);
	sp_wall_soil_t reduced[SP_WALL_MAX_SOILS];
	/* active wedges with the wall friction as given, passive ones with it
	 * reduced (bm4-16a.shd stage 3, left side: [SLIDE PLANE] Q max with delta
	 * 24 deg, Q min with 16.6, both to the printed digits) */
	const sp_wall_soil_t *soils[2] = {w->soils, S_reduced_soils(w, reduced)};
	for (int side = 0; side < 2; side++) {
		int nl;
		const sp_wall_layer_t *ls = sp_wall_side_layers(w, st, side, &nl);
		/* the layer of each element: the wall's, or found for the side's own profile */
		const int *elayer = b->elayer;
		if (ls != w->layers) {
			int li = -1;
			for (int e = 0; e + 1 < n; e++) {
				double mid = (b->z[e] + b->z[e + 1]) / 2.0;
				while (li + 1 < nl && ls[li + 1].top_level_m >= mid - 1e-12)
					li++;
				b->elayer_side[e] = li;
			}
			elayer = b->elayer_side;
		}
		double q = sp_beam_side_q_kPa(w, st, side);
		double zs = st->surface_m[side], zw = st->water_m[side];
		const sp_wall_surcharge_t *loads[SP_WALL_MAX_ITEMS];
		int n_loads = 0;
		for (int k = 0; k < w->n_surcharges; k++)
			if (st->surcharge_on[side][k])
				loads[n_loads++] = &w->surcharges[k];
		int keep; /* the next stage loads this side alike: keep the halves */
		if (sp_beam_side_unchanged(b, st, side, ls, q, &keep)) { /* the retained side of a later stage, usually */
			sp_beam_side_replay(b, side);
			continue;
		}
		/* a sloping surface: the ground for the wedges (bands of effective unit
		 * weight from the layers and the water level) and, for the neutral
		 * pressure, the ground above (below) the wall's level as a strip load */
		sp_ground_t ground_store, *ground = NULL;
		sp_wall_surcharge_t ground_load_store, *ground_load = NULL;
		double band_bottom[2 * SP_WALL_MAX_LAYERS + 2], band_gamma[2 * SP_WALL_MAX_LAYERS + 2];
		int band_layer[2 * SP_WALL_MAX_LAYERS + 2];
		if (st->n_surface_points[side] > 0 && st->kmethod[side] != SP_KMETHOD_GIVEN) {
			ground = &ground_store;
			S_ground(w, ls, nl, st, side, q, band_bottom, band_gamma, band_layer, ground);
			ground_load = &ground_load_store;
			S_ground_load(w, ls, nl, st, side, q, ground_load);
		}
		double drop[SP_WALL_MAX_ITEMS]; /* each load's ground below the wall's surface (S_load_drops) */
		S_load_drops(ground, loads, n_loads, drop);
		S_major_t major; /* slide planes at the major nodes only */
		major.n = 0;
		if (!w->minor_nodes && st->kmethod[side] != SP_KMETHOD_GIVEN)
			S_major_setup(&major, w, soils, ls, nl, zs, zw, q, st->kmethod[side], loads, drop, n_loads, ground,
			              ground_load, band_layer);
		S_layer_coef_t coef[SP_WALL_MAX_LAYERS];
		S_layer_coefs(coef, w, soils[1], ls, nl, st->kmethod[side], n_loads, ground != NULL);
		S_minor_t minor; /* slide planes at every node through the layers above */
		S_minor_setup(&minor, w, soils, ls, nl, zs, zw, q, st->kmethod[side], loads, n_loads, ground, band_layer,
		              coef);
		minor.memo = b->layer_memo;
		S_sv_profile_t prof; /* sigma_v' of this side */
		S_sv_profile_init(&prof, w, ls, nl, zs, zw, q);
		minor.prof = &prof; /* the weights of the slices of its planes */
		double wint = 0.0, sv_prev = 0.0; /* integral of sigma_v' from the surface down to node i */
		for (int i = 0; i < n; i++) {
			double wp;
			const double sv_node = S_sv_at(&prof, b->z[i], &wp);
			const double sv_pos = sv_node > 0.0 ? sv_node : 0.0;
			b->water[side][i] = wp;
			if (i > 0 && b->z[i] < zs) {
				double wq, top = b->z[i - 1], sv_top = sv_prev;
				if (top > zs) {
					top = zs;
					sv_top = S_MAX(S_sv_at(&prof, zs, &wq), 0.0);
				}
				wint += (sv_top + sv_pos) / 2.0 * (top - b->z[i]);
			}
			sv_prev = sv_pos;
			const double sv_major = major.n ? S_major_sigma_v(sv_pos, loads, drop, n_loads, ground_load, zs - b->z[i],
			                                                  w->length_m)
			                                : 0.0;
			int cached_layer = -1; /* wedge pressures at this node (no loads): the same for both halves of a layer */
			double cached[3] = {0, 0, 0};
			for (int h = 0; h < 2; h++) {
				sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
				int j = h == 0 ? i - 1 : i + 1;
				if (j < 0 || j >= n) {
					sp->on = 0;
					sp->trib_m = 0;
					continue;
				}
				int e = h == 0 ? i - 1 : i; /* the element of this half */
				double len = b->elen[e] / 2.0;
				double mid = (b->z[i] + b->z[j]) / 2.0;
				double width = b->width[e];
				sp->trib_m = len * (width > 0 ? width : 1.0);
				int li = elayer[e];
				if (mid > zs || li < 0) {
					sp->on = 0;
					continue;
				}
				const S_layer_coef_t *lc = &coef[li]; /* the layer's soil on this side (S_layer_coefs) */
				const sp_wall_soil_t *so = lc->so;
				double delta_p = lc->delta_p; /* passive: reduced */
				double ka = lc->ka, k0 = lc->k0, kp = lc->kp;
				double sv = sv_node; /* continuous at layer boundaries; the coefficients are the half's layer's */
				int no_planes = lc->no_planes;
				if (no_planes)
					for (int k = 0; k < n_loads; k++)
						if (zs - b->z[i] - drop[k] > 1e-9)
							sv += sp_surcharge_vertical_stress_within(loads[k], zs - b->z[i] - drop[k],
							                                          w->length_m);
				int culmann = lc->culmann;
				if (sv < 0.0) /* unit weight below that of water: no effective stress */
					sv = 0.0;
				double sa = ka * sv - lc->cohesion_a_kPa;
				double sn = k0 * sv;
				double spv = kp * sv + lc->cohesion_p_kPa;
				S_order_pressures(&sa, &sn, &spv);
				if (S_minor_pressures(&minor, li, b->z[i], mid, &sa, &spv)) {
					sn += S_neutral_surcharge(loads, drop, n_loads, ground_load, zs - b->z[i], w->length_m);
					S_order_pressures(&sa, &sn, &spv);
				} else if (n_loads == 0 && !ground && culmann && cached_layer == li) {
					sa = cached[0], sn = cached[1], spv = cached[2];
				} else if ((n_loads > 0 && !no_planes) || culmann) {
					sn += S_neutral_surcharge(loads, drop, n_loads, ground_load, zs - b->z[i], w->length_m);
					int halves = S_culmann(&b->wedges, st->kmethod[side], so, delta_p, loads, n_loads, ground, ground_load, zs - b->z[i],
					                       zs - mid, wint, sv,
					                       (sv + fmax(S_sv_at(&prof, mid, &wp), 0.0)) / 2.0,
					                       &sa, &sn, &spv);
					cached_layer = halves ? -1 : li, cached[0] = sa, cached[1] = sn, cached[2] = spv;
				}
				if (S_major_applies(&major, lc) && S_major_pressures(&major, (b->z[i] + mid) / 2.0, sv_major, &sa, &sn, &spv))
					S_order_pressures(&sa, &sn, &spv);
				sp->on = 1;
				sp->layer = li;
				sp->sig_a = sa, sp->sig_n = sn, sp->sig_p = spv;
				S_spring_moduli(b, sp, ls, nl, li, b->z[i]);
				sp_beam_spring_prepare(sp);
			}
			if (keep || b->keep_halves)
				sp_beam_side_keep(b, i, side);
			sp_beam_side_merge(b, i, side);
		}
	}
	/* water: lumped with the tributary lengths (trapezoid) */
	for (int i = 0; i < n; i++) {
		double f = 0.0;
		for (int h = 0; h < 2; h++) {
			int j = h == 0 ? i - 1 : i + 1;
			if (j < 0 || j >= n)
				continue;
			double len = fabs(b->z[i] - b->z[j]) / 2.0;
			double width = b->width[h == 0 ? i - 1 : i];
			if (width <= 0)
				width = 1.0;
			/* linear water pressure over the half: force at node = len (3 p_i + p_j) / 4 */
			double pl = (3.0 * b->water[SP_LEFT][i] + b->water[SP_LEFT][j]) / 4.0;
			double pr = (3.0 * b->water[SP_RIGHT][i] + b->water[SP_RIGHT][j]) / 4.0;
			f += (pl - pr) * len * width;
		}
		b->f_ext[2 * i] += f;
	}
	for (int e = 0; e + 1 < n; e++)
		b->etension[e] = -S_normal_force(w, st, (b->z[e] + b->z[e + 1]) / 2.0);
	for (int i = 0; i < w->n_line_loads; i++)
		if (st->line_load_on[i])
			b->f_ext[2 * sp_beam_work_node_at(b, w->line_loads[i].level_m)] += w->line_loads[i].value;
	for (int i = 0; i < w->n_moments; i++)
		if (st->moment_on[i])
			b->f_ext[2 * sp_beam_work_node_at(b, w->moments[i].level_m) + 1] += w->moments[i].value;
}
