/* beam.c - engine 'beam': the wall as Euler-Bernoulli beam elements on
 * elastoplastic soil springs, solved stage by stage (see beam.h, wall.h).
 *
 * Discretisation. Nodes at every level that matters (top and toe, element,
 * layer, surface and water levels, supports and loads of every stage), and
 * between them equal beam elements no longer than w->max_element_m. Two
 * degrees of freedom per node: displacement (to the right) and rotation.
 *
 * Soil. Each node carries, per side, two half springs: one for the half
 * element above it and one for the half below, each with the soil of its own
 * layer, so that pressures may jump at layer boundaries. A half spring's
 * effective pressure follows the multi-linear curve of the modulus of
 * subgrade reaction from the neutral pressure towards the passive (wall moving
 * into the soil) or active pressure (moving away), with branch ends at
 * branch_end_pct of the way, and stays at the limit beyond it. Plastic
 * displacement shifts the curve (kinematic): the shift is kept from stage to
 * stage, so each stage starts from the state the previous one left.
 *
 * Solution. Newton iterations with the tangent stiffness (a plastic spring
 * keeps 1e-9 of its first-branch stiffness so that the matrix stays positive
 * definite), GSL's banded LDL^T factorisation, and step halving when the
 * residual grows. The pressures are piecewise linear in the displacement, so
 * Newton ends exactly once the branch of every spring is right. */
#include "beam.h"
#include "surcharge.h"
#include "earth.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define B_EPS_LEVEL 1e-6       /* levels closer than this are the same node */
#define B_MIN(a, b) ((a) < (b) ? (a) : (b)) /* inline, unlike fmin without -ffast-math */
#define B_MAX(a, b) ((a) > (b) ? (a) : (b))
#define B_BAND 3               /* lower bandwidth of the (w, theta) system */
#define B_MAX_DISPLACEMENT 50.0 /* m: beyond this the wall has no equilibrium */

typedef struct {
	int on;                    /* soil present on this half */
	double trib_m;             /* tributary length */
	double sig_a, sig_n, sig_p;/* effective active, neutral, passive pressure (kPa) */
	double k[SP_WALL_BRANCHES];/* branch moduli (kPa/m) */
	double lam[SP_WALL_BRANCHES - 1];
	int nb;
	double shift_m;            /* plastic shift of the curve (displacement into the soil) */
	/* the curve, prepared per stage: per direction (0 active, 1 passive) the
	 * reach, pressure offset and slope at the end of each branch */
	int nseg[2];
	double reach[2][SP_WALL_BRANCHES], offset[2][SP_WALL_BRANCHES], slope[2][SP_WALL_BRANCHES];
	double k_first;
	int layer;                 /* layer index of this half */
	/* unloading/reloading (wall->unloading_curve): the last turning point on
	 * the virgin curve; moving back from it follows k_unload */
	int has_turn;
	double s_turn, p_turn, k_unload;
	int merged;                /* 1: this lower half is carried by the upper half (same layer) */
} B_spring;

typedef struct {
	double tension;            /* force along the item: tension (anchor) or compression (strut) */
	double ref_force, ref_elong; /* state at the end of its last pre-stressed stage */
	int installed;
} B_tie;

typedef struct {
	const sp_wall_t *w;
	int n;                     /* nodes */
	double *z;                 /* levels, top-down */
	double *ei;                /* per element */
	double *width;             /* acting width per element */
	double *elen, *ecoef;      /* per element: length and EI / L^3 */
	double *etension;          /* per element: normal force of the stage (kN), see B_normal_force */
	int *elayer;               /* per element: layer index (-1 above the top layer) */
	B_spring *spr;             /* [node][side][half] */
	double *u;                 /* 2n: w (m), theta (rad) */
	double *u_trial;
	double *f_ext;             /* 2n: loads of the stage (water, line loads, moments) */
	double *water[2];          /* water pressure per node and side (kPa) */
	gsl_matrix *kband;         /* n2 x (B_BAND+1) */
	gsl_matrix *kfact;         /* the last LDL^T factorisation */
	double *tangent, *tangent_fact; /* soil stiffness per node and tie stiffnesses: assembled, factorised */
	int have_fact;             /* kfact is the factorisation of tangent_fact (this stage) */
	gsl_vector *rhs;
	int *fixed;                /* 2n: constrained dof */
	double *fixed_value;
	B_tie anchors[SP_WALL_MAX_ITEMS], struts[SP_WALL_MAX_ITEMS];
} B_work;

#define SPR(b, i, s, h) (&(b)->spr[((size_t)(i) * 2 + (size_t)(s)) * 2 + (size_t)(h)])

/* ---- node levels ------------------------------------------------------- */

static int B_cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

static int B_levels(const sp_wall_t *w, double **out, int *n_out)
{
	double top = w->top_level_m, toe = w->top_level_m - w->length_m;
	size_t cap = 16 + (size_t)w->n_elements + (size_t)w->n_layers + 4u * (size_t)w->n_stages +
	             (size_t)(w->n_anchors + w->n_struts + w->n_spring_supports + w->n_rigid_supports +
	                      w->n_line_loads + w->n_moments);
	double *key = malloc(cap * sizeof *key);
	if (key == NULL)
		return -1;
	size_t nk = 0;
#define ADD(v)                                                                                                 \
	do {                                                                                                   \
		double v_ = (v);                                                                               \
		if (v_ < top - B_EPS_LEVEL && v_ > toe + B_EPS_LEVEL)                                          \
			key[nk++] = v_;                                                                        \
	} while (0)
	key[nk++] = top;
	key[nk++] = toe;
	for (int i = 0; i < w->n_elements; i++)
		ADD(w->elements[i].bottom_level_m);
	for (int i = 0; i < w->n_layers; i++)
		ADD(w->layers[i].top_level_m);
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++) {
			ADD(w->stages[s].surface_m[side]);
			ADD(w->stages[s].water_m[side]);
		}
	for (int i = 0; i < w->n_anchors; i++)
		ADD(w->anchors[i].level_m);
	for (int i = 0; i < w->n_struts; i++)
		ADD(w->struts[i].level_m);
	for (int i = 0; i < w->n_spring_supports; i++)
		ADD(w->spring_supports[i].level_m);
	for (int i = 0; i < w->n_rigid_supports; i++)
		ADD(w->rigid_supports[i].level_m);
	for (int i = 0; i < w->n_line_loads; i++)
		ADD(w->line_loads[i].level_m);
	for (int i = 0; i < w->n_moments; i++)
		ADD(w->moments[i].level_m);
#undef ADD
	qsort(key, nk, sizeof *key, B_cmp_desc);
	size_t m = 0;
	for (size_t i = 0; i < nk; i++)
		if (m == 0 || key[m - 1] - key[i] > B_EPS_LEVEL)
			key[m++] = key[i];
	/* subdivide */
	double hmax = w->max_element_m > 0 ? w->max_element_m : 0.05;
	size_t total = 1;
	for (size_t i = 0; i + 1 < m; i++)
		total += (size_t)ceil((key[i] - key[i + 1]) / hmax - 1e-9);
	double *z = malloc(total * sizeof *z);
	if (z == NULL) {
		free(key);
		return -1;
	}
	size_t k = 0;
	z[k++] = key[0];
	for (size_t i = 0; i + 1 < m; i++) {
		int parts = (int)ceil((key[i] - key[i + 1]) / hmax - 1e-9);
		if (parts < 1)
			parts = 1;
		for (int j = 1; j <= parts; j++)
			z[k++] = j == parts ? key[i + 1] : key[i] - (key[i] - key[i + 1]) * j / parts;
	}
	free(key);
	*out = z;
	*n_out = (int)k;
	return 0;
}

static int B_node_at(const B_work *b, double level)
{
	int lo = 0, hi = b->n - 1; /* levels descend */
	while (hi - lo > 1) {
		int mid = (lo + hi) / 2;
		if (b->z[mid] > level)
			lo = mid;
		else
			hi = mid;
	}
	return fabs(b->z[lo] - level) <= fabs(b->z[hi] - level) ? lo : hi;
}

static const sp_wall_element_t *B_element_at(const sp_wall_t *w, double level)
{
	for (int i = 0; i < w->n_elements; i++)
		if (level >= w->elements[i].bottom_level_m - B_EPS_LEVEL)
			return &w->elements[i];
	return &w->elements[w->n_elements - 1];
}

/* Index of the layer holding level (the lowest layer whose top is above it). */
static int B_layer_at(const sp_wall_t *w, double level)
{
	int li = -1;
	for (int i = 0; i < w->n_layers; i++)
		if (w->layers[i].top_level_m >= level - 1e-12)
			li = i;
	return li;
}

/* ---- earth pressure coefficients --------------------------------------- */

static void B_coefficients(const sp_wall_soil_t *so, sp_kmethod km, double *ka, double *k0, double *kp)
{
	if (km == SP_KMETHOD_GIVEN) {
		*ka = so->ka, *k0 = so->k0, *kp = so->kp;
		return;
	}
	/* c, phi, delta: Mueller-Breslau (Coulomb, horizontal components) and
	 * K0 = (1 - sin phi) OCR^sin phi */
	*ka = sp_ka_coulomb(so->phi_deg, so->delta_deg);
	*kp = sp_kp_coulomb(so->phi_deg, so->delta_deg);
	*k0 = sp_k0_jaky(so->phi_deg) * pow(so->ocr > 0 ? so->ocr : 1.0, sin(so->phi_deg * SP_PI / 180.0));
}

static void B_spring_prepare(B_spring *sp);
static double B_normal_force(const sp_wall_t *w, const sp_wall_stage_t *st, double z);

/* ---- one stage: loads and springs -------------------------------------- */

/* Excess pore pressure of the soil profile at level z (kPa): linear in each
 * layer from its top to its bottom value (D-Sheet Piling "Wosp"; bm3-9: the
 * pore pressure is hydrostatic plus this). */
static double B_excess_pore(const sp_wall_t *w, double z)
{
	for (int i = 0; i < w->n_layers; i++) {
		const sp_wall_layer_t *l = &w->layers[i];
		double top = l->top_level_m;
		double bottom = i + 1 < w->n_layers ? w->layers[i + 1].top_level_m : w->top_level_m - w->length_m;
		if (z > top && i == 0)
			return 0.0;
		if (z <= top && (z > bottom || i + 1 == w->n_layers)) {
			if (l->excess_pore_top_kPa == 0.0 && l->excess_pore_bottom_kPa == 0.0)
				return 0.0;
			double t = top - bottom > 1e-12 ? (top - z) / (top - bottom) : 0.0;
			return l->excess_pore_top_kPa + t * (l->excess_pore_bottom_kPa - l->excess_pore_top_kPa);
		}
	}
	return 0.0;
}

/* Vertical effective stress at level z on one side (kPa), water level zw,
 * surface zs, uniform load q; *water: the pore pressure, hydrostatic plus the
 * profile's excess pore pressure below the surface. */
static double B_sigma_v(const sp_wall_t *w, double z, double zs, double zw, double q, double *water)
{
	double sv = q, top = zs;
	*water = zw > z ? w->gamma_water_kN_m3 * (zw - z) : 0.0;
	double excess = z <= zs ? B_excess_pore(w, z) : 0.0;
	*water += excess;
	if (zw > zs) /* free water above the surface weighs on the soil */
		sv += w->gamma_water_kN_m3 * (zw - zs);
	if (z > zs)
		return 0.0;
	for (int i = 0; i < w->n_layers; i++) {
		double lt = w->layers[i].top_level_m;
		double lb = i + 1 < w->n_layers ? w->layers[i + 1].top_level_m : -1e30;
		double a = B_MIN(lt, top), bt = B_MAX(lb, z);
		if (a <= bt)
			continue;
		const sp_wall_soil_t *so = &w->soils[w->layers[i].soil];
		/* part above the water level dry, below wet */
		double dry_top = a, dry_bot = B_MAX(bt, B_MIN(a, zw));
		if (dry_top > dry_bot)
			sv += so->gamma_dry_kN_m3 * (dry_top - dry_bot);
		double wet_top = B_MIN(a, B_MAX(zw, bt)), wet_bot = bt;
		if (wet_top > wet_bot)
			sv += so->gamma_wet_kN_m3 * (wet_top - wet_bot);
	}
	return sv - *water;
}

/* Active >= 0, neutral between active and passive, passive >= active. */
static void B_order_pressures(double *sa, double *sn, double *spv)
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

/* Culmann's wedges on a c, phi, delta side with cohesion or surcharge loads
 * (D-Sheet Piling: pressure = dQ/dz between slide planes, its [SLIDE PLANE]
 * and [LAMBDAS] tables). On entry *sa, *sn, *spv hold the frictional values at
 * the node (K sigma_v, no cohesion). Cohesion alone: the pressure of the
 * critical wedge at the node (envelope theorem). With surcharges: the change of
 * the wedge force over the half spring between depths d_node and d_mid, less
 * the frictional K (wint_mid - wint). The neutral pressure gains twice the
 * Flamant stress of the loads. wint: integral of sigma_v' down to d_node,
 * sv_node the node's and sv_half the half's mean sigma_v'. */
static void B_culmann(sp_kmethod km, const sp_wall_soil_t *so, const sp_wall_surcharge_t *const *loads, int n_loads,
                      const sp_ground_t *ground, const sp_wall_surcharge_t *ground_load, double d_node, double d_mid,
                      double wint, double sv_node, double sv_half, double *sa, double *sn, double *spv)
{
	/* the node at the surface carries no wedge pressure (D-Sheet Piling
	 * bm4-4c, bm4-8a: (nearly) zero pressures at the surface point; the wedge
	 * force above the first slide plane is not applied) */
	if (d_node <= 1e-9) {
		if (km != SP_KMETHOD_GIVEN)
			*sa = *sn = *spv = 0.0;
		return;
	}
	for (int k = 0; k < n_loads; k++)
		*sn += sp_surcharge_wall_stress(loads[k], d_node);
	if (ground_load)
		*sn += sp_surcharge_wall_stress(ground_load, d_node);
	if (km == SP_KMETHOD_GIVEN)
		return;
	double phi = so->phi_deg, delta = so->delta_deg, c = so->c_kPa;
	double len = d_mid - d_node;
	for (int passive = 0; passive < 2; passive++) {
		double *p = passive ? spv : sa;
		if (!ground && n_loads == 0) {
			double alpha;
			sp_surcharge_wedge_force(d_node, wint, NULL, 0, phi, delta, c, passive, &alpha);
			*p = sp_surcharge_wedge_force_at(alpha, 1.0, sv_node, NULL, 0, phi, delta, c, passive);
			continue;
		}
		if (fabs(len) < 1e-12)
			continue;
		/* the change of the wedge force over the half, less the level ground's frictional part */
		double wint_mid = wint + sv_half * len, far, near;
		if (ground) {
			double zs = ground->wall_level_m;
			far = sp_surcharge_ground_wedge_force(ground, zs - d_mid, loads, n_loads, phi, delta, c, passive, NULL);
			near = sp_surcharge_ground_wedge_force(ground, zs - d_node, loads, n_loads, phi, delta, c, passive, NULL);
		} else {
			far = sp_surcharge_wedge_force(d_mid, wint_mid, loads, n_loads, phi, delta, c, passive, NULL);
			near = sp_surcharge_wedge_force(d_node, wint, loads, n_loads, phi, delta, c, passive, NULL);
		}
		double k = passive ? sp_kp_coulomb(phi, delta) : sp_ka_coulomb(phi, delta);
		*p += ((far - near) - k * (wint_mid - wint)) / len;
	}
	B_order_pressures(sa, sn, spv);
}

/* The ground of a side with a sloping surface: bands of effective unit
 * weight (the layers extend horizontally beyond the wall, the top layer also
 * upwards; dry above the water level, submerged below). */
static void B_ground(const sp_wall_t *w, const sp_wall_stage_t *st, int side, double q, double *band_bottom,
                     double *band_gamma, sp_ground_t *g)
{
	double zw = st->water_m[side];
	int nb = 0;
	for (int i = 0; i < w->n_layers; i++) {
		const sp_wall_soil_t *so = &w->soils[w->layers[i].soil];
		double top = i > 0 ? w->layers[i].top_level_m : INFINITY;
		double bottom = i + 1 < w->n_layers ? w->layers[i + 1].top_level_m : -INFINITY;
		if (zw < top && zw > bottom) { /* the water level splits the layer */
			band_gamma[nb] = so->gamma_dry_kN_m3, band_bottom[nb++] = zw;
			band_gamma[nb] = so->gamma_wet_kN_m3 - w->gamma_water_kN_m3, band_bottom[nb++] = bottom;
		} else {
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
}

/* The ground above the wall's surface level beyond the wall as a vertical
 * strip load on that level (negative where the surface is lower), for the
 * neutral pressure. */
static void B_ground_load(const sp_wall_t *w, const sp_wall_stage_t *st, int side, double q, sp_wall_surcharge_t *l)
{
	double zs = st->surface_m[side], zw = st->water_m[side], wp;
	double base = B_sigma_v(w, zs, zs, zw, q, &wp);
	int n = st->n_surface_points[side];
	memset(l, 0, sizeof *l);
	l->distance_m[l->n_points] = 0.0, l->value_kPa[l->n_points++] = 0.0;
	for (int j = 0; j < n && l->n_points < SP_WALL_MAX_SURCHARGE_POINTS - 1; j++) {
		double zj = st->surface_level_m[side][j], p;
		if (zj >= zs)
			p = B_sigma_v(w, zs, zj, zw, q, &wp) - base;
		else
			p = -(B_sigma_v(w, zj, zs, zw, q, &wp) - base);
		l->distance_m[l->n_points] = st->surface_distance_m[side][j], l->value_kPa[l->n_points++] = p;
	}
	/* level after the last point: far enough to act as unbounded */
	l->distance_m[l->n_points] = l->distance_m[l->n_points - 1] + 1e4;
	l->value_kPa[l->n_points] = l->value_kPa[l->n_points - 1];
	l->n_points++;
}

static void B_stage_setup(B_work *b, const sp_wall_stage_t *st)
{
	const sp_wall_t *w = b->w;
	int n = b->n;
	memset(b->f_ext, 0, 2 * (size_t)n * sizeof *b->f_ext);
	for (int side = 0; side < 2; side++) {
		double q = 0.0;
		for (int i = 0; i < w->n_uniform_loads; i++)
			if (st->uniform_load_on[i])
				q += side == SP_LEFT ? w->uniform_loads[i].left_kPa : w->uniform_loads[i].right_kPa;
		double zs = st->surface_m[side], zw = st->water_m[side];
		const sp_wall_surcharge_t *loads[SP_WALL_MAX_ITEMS];
		int n_loads = 0;
		for (int k = 0; k < w->n_surcharges; k++)
			if (st->surcharge_on[side][k])
				loads[n_loads++] = &w->surcharges[k];
		/* a sloping surface: the ground for the wedges (bands of effective unit
		 * weight from the layers and the water level) and, for the neutral
		 * pressure, the ground above (below) the wall's level as a strip load */
		sp_ground_t ground_store, *ground = NULL;
		sp_wall_surcharge_t ground_load_store, *ground_load = NULL;
		double band_bottom[2 * SP_WALL_MAX_LAYERS + 2], band_gamma[2 * SP_WALL_MAX_LAYERS + 2];
		if (st->n_surface_points[side] > 0 && st->kmethod[side] != SP_KMETHOD_GIVEN) {
			ground = &ground_store;
			B_ground(w, st, side, q, band_bottom, band_gamma, ground);
			ground_load = &ground_load_store;
			B_ground_load(w, st, side, q, ground_load);
		}
		double wint = 0.0, sv_prev = 0.0; /* integral of sigma_v' from the surface down to node i */
		for (int i = 0; i < n; i++) {
			double wp;
			const double sv_node = B_sigma_v(w, b->z[i], zs, zw, q, &wp);
			const double sv_pos = sv_node > 0.0 ? sv_node : 0.0;
			b->water[side][i] = wp;
			if (i > 0 && b->z[i] < zs) {
				double wq, top = b->z[i - 1], sv_top = sv_prev;
				if (top > zs) {
					top = zs;
					sv_top = B_MAX(B_sigma_v(w, zs, zs, zw, q, &wq), 0.0);
				}
				wint += (sv_top + sv_pos) / 2.0 * (top - b->z[i]);
			}
			sv_prev = sv_pos;
			int cached_layer = -1; /* wedge pressures at this node (no loads): the same for both halves of a layer */
			double cached[3] = {0, 0, 0};
			for (int h = 0; h < 2; h++) {
				B_spring *sp = SPR(b, i, side, h);
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
				int li = b->elayer[e];
				if (mid > zs || li < 0) {
					sp->on = 0;
					continue;
				}
				const sp_wall_soil_t *so = &w->soils[w->layers[li].soil];
				double ka, k0, kp;
				B_coefficients(so, st->kmethod[side], &ka, &k0, &kp);
				double sv = sv_node; /* continuous at layer boundaries; the coefficients are the half's layer's */
				/* c = phi = 0 (c, phi, delta; level ground): no slide planes, as in
				 * D-Sheet (bm3-7b): a surcharge adds the vertical stress it causes
				 * at the wall, K = 1 */
				int no_planes = st->kmethod[side] != SP_KMETHOD_GIVEN && so->phi_deg == 0.0 && so->c_kPa == 0.0
				                && !ground;
				if (no_planes)
					for (int k = 0; k < n_loads; k++)
						sv += sp_surcharge_vertical_stress(loads[k], zs - b->z[i]);
				/* c, phi, delta with cohesion or surcharges: Culmann's wedges (B_surcharge) */
				int culmann = st->kmethod[side] != SP_KMETHOD_GIVEN && !no_planes
				              && (n_loads > 0 || so->c_kPa > 0 || ground);
				double c = culmann ? 0.0 : so->c_kPa;
				if (sv < 0.0) /* unit weight below that of water: no effective stress */
					sv = 0.0;
				double sa = ka * sv - 2.0 * c * sqrt(B_MAX(ka, 0.0));
				double sn = k0 * sv;
				double spv = kp * sv + 2.0 * c * sqrt(B_MAX(kp, 0.0));
				B_order_pressures(&sa, &sn, &spv);
				if (n_loads == 0 && !ground && culmann && cached_layer == li) {
					sa = cached[0], sn = cached[1], spv = cached[2];
				} else if ((n_loads > 0 && !no_planes) || culmann) {
					B_culmann(st->kmethod[side], so, loads, n_loads, ground, ground_load, zs - b->z[i], zs - mid,
					          wint, sv, (sv + fmax(B_sigma_v(w, mid, zs, zw, q, &wp), 0.0)) / 2.0, &sa, &sn,
					          &spv);
					cached_layer = li, cached[0] = sa, cached[1] = sn, cached[2] = spv;
				}
				sp->on = 1;
				sp->layer = li;
				sp->sig_a = sa, sp->sig_n = sn, sp->sig_p = spv;
				/* modulus: linear between the top and bottom of the layer */
				double lt = w->layers[li].top_level_m;
				double lb = li + 1 < w->n_layers ? w->layers[li + 1].top_level_m
				                                 : w->top_level_m - w->length_m;
				double t = lt - lb > 1e-9 ? (lt - b->z[i]) / (lt - lb) : 0.0;
				if (t < 0)
					t = 0;
				if (t > 1)
					t = 1;
				sp->nb = w->n_branches < 1 ? 1 : w->n_branches;
				for (int k = 0; k < SP_WALL_BRANCHES; k++)
					sp->k[k] = so->kh_top_kN_m3[k] + t * (so->kh_bottom_kN_m3[k] - so->kh_top_kN_m3[k]);
				for (int k = 0; k < SP_WALL_BRANCHES - 1; k++)
					sp->lam[k] = so->branch_end_pct[k] / 100.0;
				sp->k_unload = w->unloading_curve ? so->kh_unload_top_kN_m3 +
				                                            t * (so->kh_unload_bottom_kN_m3 -
				                                                 so->kh_unload_top_kN_m3)
				                                  : 0.0;
				B_spring_prepare(sp);
			}
			/* both halves in the same layer: one spring with both lengths */
			B_spring *up = SPR(b, i, side, 0), *lo = SPR(b, i, side, 1);
			lo->merged = 0;
			if (up->on && lo->on && up->layer == lo->layer && up->shift_m == lo->shift_m &&
			    up->has_turn == lo->has_turn && up->s_turn == lo->s_turn && up->p_turn == lo->p_turn) {
				double tu = up->trib_m, tl = lo->trib_m, t = tu + tl;
				if (up->sig_a != lo->sig_a || up->sig_n != lo->sig_n || up->sig_p != lo->sig_p) {
					/* surcharges: the halves' pressures differ; the spring carries their mean */
					up->sig_a = (up->sig_a * tu + lo->sig_a * tl) / t;
					up->sig_n = (up->sig_n * tu + lo->sig_n * tl) / t;
					up->sig_p = (up->sig_p * tu + lo->sig_p * tl) / t;
					B_spring_prepare(up);
				}
				up->trib_m = t;
				lo->on = 0;
				lo->merged = 1;
			}
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
		b->etension[e] = -B_normal_force(w, st, (b->z[e] + b->z[e + 1]) / 2.0);
	for (int i = 0; i < w->n_line_loads; i++)
		if (st->line_load_on[i])
			b->f_ext[2 * B_node_at(b, w->line_loads[i].level_m)] += w->line_loads[i].value;
	for (int i = 0; i < w->n_moments; i++)
		if (st->moment_on[i])
			b->f_ext[2 * B_node_at(b, w->moments[i].level_m) + 1] += w->moments[i].value;
}

/* Prepare the curve of a spring from its pressures and moduli. */
static void B_spring_prepare(B_spring *sp)
{
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
static double B_spring_virgin(const B_spring *sp, double s, double *slope)
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
static int B_spring_regime(const B_spring *sp, double s)
{
	if (!sp->has_turn || sp->k_unload <= 0.0)
		return 0;
	if (sp->p_turn > sp->sig_n + 1e-9 && s < sp->s_turn)
		return 1;
	if (sp->p_turn < sp->sig_n - 1e-9 && s > sp->s_turn)
		return -1;
	return 0;
}

/* Pressure of a spring at displacement s into the soil; *slope = dp/ds. */
static double B_spring_pressure(const B_spring *sp, double s, double *slope)
{
	int regime = B_spring_regime(sp, s);
	if (regime == 0)
		return B_spring_virgin(sp, s, slope);
	double p = sp->p_turn + sp->k_unload * (s - sp->s_turn);
	*slope = sp->k_unload;
	if (p < sp->sig_a)
		p = sp->sig_a, *slope = 0.0;
	if (p > sp->sig_p)
		p = sp->sig_p, *slope = 0.0;
	return p;
}

/* Elastic reach of a spring on each side (displacement from the centre to the limit). */
static double B_spring_reach(const B_spring *sp, int passive)
{
	int m = sp->nseg[passive];
	return m ? sp->reach[passive][m - 1] : 0.0;
}

/* ---- assembly ---------------------------------------------------------- */

static void B_band_add(gsl_matrix *k, size_t i, size_t j, double v)
{
	if (j > i) {
		size_t t = i;
		i = j;
		j = t;
	}
	/* lower storage: AB(j, i - j) = A(i, j) with i >= j */
	k->data[j * k->tda + (i - j)] += v;
}

/* Element stiffness: bending (EI) plus, with a normal force T, the consistent
 * geometric stiffness T/(30 L) [36 3L -36 3L; 3L 4L^2 -3L -L^2; ...]
 * (second-order effect; Przemieniecki, Theory of Matrix Structural Analysis). */
static void B_beam_element(const B_work *b, int e, double ke[4][4])
{
	double L = b->elen[e], c = b->ecoef[e], g = b->etension[e] / (30.0 * L);
	double a = 12 * c + 36 * g, bb = 6 * L * c + 3 * L * g;
	double d4 = 4 * L * L * (c + g), d2 = 2 * L * L * c - L * L * g;
	ke[0][0] = a, ke[0][1] = bb, ke[0][2] = -a, ke[0][3] = bb;
	ke[1][0] = bb, ke[1][1] = d4, ke[1][2] = -bb, ke[1][3] = d2;
	ke[2][0] = -a, ke[2][1] = -bb, ke[2][2] = a, ke[2][3] = -bb;
	ke[3][0] = bb, ke[3][1] = d2, ke[3][2] = -bb, ke[3][3] = d4;
}

/* Normal force at level z of the stage, compression positive: D-Sheet Piling's
 * piecewise-linear distribution through the pile top, the two surfaces and the
 * toe. It enters the element stiffness as a tension of the opposite sign. Like
 * D-Sheet Piling, the stage is solved as the linear(ised) system even when the
 * compression exceeds the buckling load: bm1-5 (a 20 m pile, EI = 1042 kNm2,
 * 10 000 kN at the top and 8 000 kN at the toe, 100 kN at its head) moves
 * 223.2 mm *against* its head load = int 100/N(z) dz, the equilibrium of the
 * compressed string. */
static double B_normal_force(const sp_wall_t *w, const sp_wall_stage_t *st, double z)
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

/* Elongation of an anchor (kind 0) or shortening of a strut (kind 1) at
 * displacement u, along its axis: anchors lengthen when the wall moves away
 * from their side, struts shorten when it moves towards theirs. */
static double B_tie_stretch(const B_work *b, const sp_wall_anchor_t *a, int kind, const double *u)
{
	double side_sign = a->side == SP_LEFT ? -1.0 : 1.0;
	return (kind == 0 ? -side_sign : side_sign) * u[2 * B_node_at(b, a->level_m)] *
	       cos(a->angle_deg * SP_PI / 180.0);
}

/* Acting width at a node: of the element below it (the lowest node: above);
 * 1 for a single pile, whose supports are its own. */
static double B_node_width(const B_work *b, int node)
{
	if (b->w->single_pile)
		return 1.0;
	int e = node < b->n - 1 ? node : node - 1;
	return b->width[e] > 0 ? b->width[e] : 1.0;
}

/* Internal forces of ties at displacement u: adds to f and (if k) the stiffness. */
static void B_ties(B_work *b, const sp_wall_stage_t *st, const double *u, double *f, gsl_matrix *k)
{
	const sp_wall_t *w = b->w;
	for (int kind = 0; kind < 2; kind++) {
		int n = kind == 0 ? w->n_anchors : w->n_struts;
		for (int i = 0; i < n; i++) {
			const sp_wall_anchor_t *a = kind == 0 ? &w->anchors[i] : &w->struts[i];
			B_tie *t = kind == 0 ? &b->anchors[i] : &b->struts[i];
			int on = kind == 0 ? st->anchor_on[i] : st->strut_on[i];
			double pre = kind == 0 ? st->anchor_prestress_kN_per_m[i] : st->strut_precompression_kN_per_m[i];
			if (!on)
				continue;
			int node = B_node_at(b, a->level_m);
			double cs = cos(a->angle_deg * SP_PI / 180.0);
			/* D-Sheet Piling: the input is per m of wall, the wall acts over its
			 * acting width (bm4-9b: width 2 m, same displacement as bm4-9a) */
			double width = B_node_width(b, node);
			double yield = a->yield_force_kN_per_m * width;
			double force, stiff;
			pre *= width;
			if (pre > 0.0) {
				force = pre, stiff = 0.0;
			} else {
				/* from the state of its last stage, or of its installation */
				double kax = a->length_m > 0 ? a->e_kPa * a->area_m2_per_m / a->length_m : 0.0;
				kax *= width;
				force = t->ref_force + kax * (B_tie_stretch(b, a, kind, u) - t->ref_elong);
				stiff = kax;
				if (force < 0.0)
					force = 0.0, stiff = 0.0;
				if (yield > 0 && force > yield)
					force = yield, stiff = 0.0;
			}
			t->tension = force;
			if (k)
				b->tangent[b->n + kind * SP_WALL_MAX_ITEMS + i] = stiff;
			/* horizontal force on the wall: anchors pull towards their side, struts push away */
			double side_sign = a->side == SP_LEFT ? -1.0 : 1.0;
			f[2 * node] += (kind == 0 ? side_sign : -side_sign) * force * cs;
			if (k)
				B_band_add(k, 2 * (size_t)node, 2 * (size_t)node, stiff * cs * cs);
		}
	}
}

/* Soil force and stiffness at displacement u. */
static void B_soil(B_work *b, const double *u, double *f, gsl_matrix *k)
{
	for (int i = 0; i < b->n; i++) {
		double wi = u[2 * i], fi = 0.0, ki = 0.0;
		for (int side = 0; side < 2; side++) {
			double s = side == SP_RIGHT ? wi : -wi; /* displacement into this side's soil */
			double push = side == SP_RIGHT ? -1.0 : 1.0;
			for (int h = 0; h < 2; h++) {
				B_spring *sp = SPR(b, i, side, h);
				if (!sp->on)
					continue;
				double slope;
				double p = B_spring_pressure(sp, s, &slope);
				fi += push * p * sp->trib_m;
				double kt = slope > 0 ? slope : 1e-9 * sp->k_first;
				ki += kt * sp->trib_m;
			}
		}
		f[2 * i] += fi;
		if (k) {
			B_band_add(k, 2 * (size_t)i, 2 * (size_t)i, ki);
			b->tangent[i] = ki;
		}
	}
}

static void B_supports(B_work *b, const sp_wall_stage_t *st, const double *u, double *f, gsl_matrix *k)
{
	const sp_wall_t *w = b->w;
	for (int i = 0; i < w->n_spring_supports; i++) {
		if (!st->spring_support_on[i])
			continue;
		const sp_wall_support_t *s = &w->spring_supports[i];
		int node = B_node_at(b, s->level_m);
		double width = B_node_width(b, node);
		double kt = s->trans_stiffness_kN_per_m_per_m * width, kr = s->rot_stiffness_kNm_per_rad_per_m * width;
		f[2 * node] -= kt * u[2 * node];
		f[2 * node + 1] -= kr * u[2 * node + 1];
		if (k) {
			B_band_add(k, 2 * (size_t)node, 2 * (size_t)node, kt);
			B_band_add(k, 2 * (size_t)node + 1, 2 * (size_t)node + 1, kr);
		}
	}
}

/* Beam internal force K u (2n). */
static void B_beam_force(const B_work *b, const double *u, int with_normal, double *out)
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

/* Residual r = f_ext + soil, tie and support forces at u - K_beam u; returns
 * its largest free entry. */
static double B_residual(B_work *b, const sp_wall_stage_t *st, const double *u, double *r, gsl_matrix *k)
{
	int n2 = 2 * b->n;
	B_beam_force(b, u, 1, r);
	for (int i = 0; i < n2; i++)
		r[i] = b->f_ext[i] - r[i];
	if (k) {
		gsl_matrix_set_zero(k);
		for (int e = 0; e + 1 < b->n; e++) {
			double ke[4][4];
			B_beam_element(b, e, ke);
			for (int p = 0; p < 4; p++)
				for (int q = 0; q <= p; q++)
					B_band_add(k, 2 * (size_t)e + (size_t)p, 2 * (size_t)e + (size_t)q, ke[p][q]);
		}
	}
	B_soil(b, u, r, k);
	B_ties(b, st, u, r, k);
	B_supports(b, st, u, r, k);
	double m = 0;
	for (int i = 0; i < n2; i++)
		if (!b->fixed[i] && fabs(r[i]) > m)
			m = fabs(r[i]);
	return m;
}

/* Slope of the potential energy along dx at u + t dx (free dofs). */
static double B_slope_along(B_work *b, const sp_wall_stage_t *st, const double *dx, double t, double *r2)
{
	int n2 = 2 * b->n;
	for (int i = 0; i < n2; i++)
		b->u_trial[i] = b->u[i] + t * dx[i];
	B_residual(b, st, b->u_trial, r2, NULL);
	double g = 0.0;
	for (int i = 0; i < n2; i++)
		if (!b->fixed[i])
			g -= r2[i] * dx[i];
	return g;
}

static int B_solve_stage(B_work *b, const sp_wall_stage_t *st, sp_beam_stage_result_t *res)
{
	const sp_wall_t *w = b->w;
	int n2 = 2 * b->n;
	double *r = malloc(2 * (size_t)n2 * sizeof *r);
	if (r == NULL)
		return SP_ESOFTWARE;
	double *r2 = r + n2;
	/* constraints */
	memset(b->fixed, 0, (size_t)n2 * sizeof *b->fixed);
	for (int i = 0; i < w->n_rigid_supports; i++) {
		if (!st->rigid_support_on[i])
			continue;
		int node = B_node_at(b, w->rigid_supports[i].level_m);
		if (w->rigid_supports[i].trans_fixed)
			b->fixed[2 * node] = 1, b->fixed_value[2 * node] = b->u[2 * node];
		if (w->rigid_supports[i].rot_fixed)
			b->fixed[2 * node + 1] = 1, b->fixed_value[2 * node + 1] = b->u[2 * node + 1];
	}
	if (st->use_top_displacement)
		b->fixed[0] = 1, b->fixed_value[0] = st->top_displacement_mm / 1000.0;
	/* a tie installed in this stage starts from the current displacement */
	for (int kind = 0; kind < 2; kind++) {
		int n = kind == 0 ? w->n_anchors : w->n_struts;
		for (int i = 0; i < n; i++) {
			B_tie *t = kind == 0 ? &b->anchors[i] : &b->struts[i];
			const sp_wall_anchor_t *a = kind == 0 ? &w->anchors[i] : &w->struts[i];
			int on = kind == 0 ? st->anchor_on[i] : st->strut_on[i];
			if (on && !t->installed) {
				t->ref_elong = B_tie_stretch(b, a, kind, b->u);
				t->ref_force = 0.0;
			}
		}
	}
	for (int i = 0; i < n2; i++)
		if (b->fixed[i])
			b->u[i] = b->fixed_value[i];

	res->status = SP_BEAM_NOT_CONVERGED;
	b->have_fact = 0; /* new stage: new constraints and beam */
	int it;
	double rnorm = B_residual(b, st, b->u, r, b->kband);
	double tol = w->tolerance_kPa > 0 ? w->tolerance_kPa : 1e-6;
	double force_tol = tol * (w->max_element_m > 0 ? w->max_element_m : 0.05);
	for (it = 1; it <= (w->max_iterations > 0 ? w->max_iterations : 500); it++) {
		/* constrained dofs: identity rows */
		for (int i = 0; i < n2; i++) {
			if (!b->fixed[i])
				continue;
			for (int j = i - B_BAND; j <= i + B_BAND; j++) {
				if (j < 0 || j >= n2 || j == i)
					continue;
				size_t lo = (size_t)(i < j ? i : j), hi = (size_t)(i < j ? j : i);
				gsl_matrix_set(b->kband, lo, hi - lo, 0.0);
			}
			gsl_matrix_set(b->kband, (size_t)i, 0, 1.0);
			r[i] = 0.0;
		}
		double *dx = b->rhs->data; /* stride 1: allocated by gsl_vector_alloc */
		memcpy(dx, r, (size_t)n2 * sizeof *dx);
		/* the tangent changes only when a spring or tie changes branch: the
		 * last factorisation serves again when it has not */
		size_t nt = (size_t)b->n + 2 * SP_WALL_MAX_ITEMS;
		int reuse = b->have_fact && memcmp(b->tangent, b->tangent_fact, nt * sizeof *b->tangent) == 0;
		if (!reuse) {
			if (gsl_linalg_ldlt_band_decomp(b->kband) == GSL_SUCCESS) {
				gsl_matrix *t = b->kfact;
				b->kfact = b->kband, b->kband = t;
				memcpy(b->tangent_fact, b->tangent, nt * sizeof *b->tangent);
				b->have_fact = 1;
			} else {
				b->have_fact = 0;
			}
		}
		if (!b->have_fact || gsl_linalg_ldlt_band_svx(b->kfact, b->rhs) != GSL_SUCCESS) {
			res->status = SP_BEAM_NO_EQUILIBRIUM;
			snprintf(res->reason, sizeof res->reason, "the wall is not supported (singular stiffness)");
			break;
		}
		/* exact line search on the (convex, piecewise quadratic) potential
		 * energy: its slope along dx at step t is -r(u + t dx) . dx */
		double g0 = 0.0;
		for (int i = 0; i < n2; i++)
			if (!b->fixed[i])
				g0 -= r[i] * dx[i];
		/* the full step, with the tangent assembled there: usually accepted */
		for (int i = 0; i < n2; i++)
			b->u_trial[i] = b->u[i] + dx[i];
		double rn_full = B_residual(b, st, b->u_trial, r2, b->kband);
		double t = 1.0, g1 = 0.0;
		for (int i = 0; i < n2; i++)
			if (!b->fixed[i])
				g1 -= r2[i] * dx[i];
		int full = !(g0 < 0.0 && g1 > 0.0);
		if (!full) {
			double ta = 0.0, ga = g0, tb = 1.0, gb = g1;
			int last = 0;
			for (int k = 0; k < 60; k++) { /* Illinois regula falsi */
				t = (ta * gb - tb * ga) / (gb - ga);
				double g = B_slope_along(b, st, dx, t, r2);
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
			memcpy(b->u, b->u_trial, (size_t)n2 * sizeof *b->u);
			memcpy(r, r2, (size_t)n2 * sizeof *r);
			rnorm = rn_full;
		} else {
			for (int i = 0; i < n2; i++)
				b->u[i] += t * dx[i];
			rnorm = B_residual(b, st, b->u, r, b->kband);
		}
		double umax = 0;
		for (int i = 0; i < b->n; i++)
			if (fabs(b->u[2 * i]) > umax)
				umax = fabs(b->u[2 * i]);
		if (!isfinite(rnorm) || umax > B_MAX_DISPLACEMENT) {
			res->status = SP_BEAM_NO_EQUILIBRIUM;
			snprintf(res->reason, sizeof res->reason,
			         "no equilibrium: the soil and supports cannot carry the loads");
			break;
		}
		/* residuals below the round-off of K u (stiff walls) count as zero */
		double scale = 0.0;
		for (int e = 0; e + 1 < b->n; e++)
			if (12.0 * b->ecoef[e] > scale)
				scale = 12.0 * b->ecoef[e];
		scale *= umax + 1e-3;
		double step_max = 0.0;
		for (int i = 0; i < b->n; i++)
			if (fabs(t * dx[2 * i]) > step_max)
				step_max = fabs(t * dx[2 * i]);
		if (rnorm <= force_tol || (step_max < 1e-10 && rnorm <= 1e-14 * scale)) {
			res->status = SP_BEAM_OK;
			break;
		}
	}
	res->iterations = it;
	if (res->status == SP_BEAM_NOT_CONVERGED)
		snprintf(res->reason, sizeof res->reason, "not converged in %d iterations (residual %.3g kN/m)",
		         it - 1, rnorm);
	free(r);
	return SP_OK;
}

/* End of a stage: ties keep their force, springs keep their plastic shift. */
static void B_commit(B_work *b, const sp_wall_stage_t *st)
{
	const sp_wall_t *w = b->w;
	for (int kind = 0; kind < 2; kind++) {
		int n = kind == 0 ? w->n_anchors : w->n_struts;
		for (int i = 0; i < n; i++) {
			B_tie *t = kind == 0 ? &b->anchors[i] : &b->struts[i];
			const sp_wall_anchor_t *a = kind == 0 ? &w->anchors[i] : &w->struts[i];
			int on = kind == 0 ? st->anchor_on[i] : st->strut_on[i];
			if (!on) {
				t->installed = 0;
				continue;
			}
			t->ref_elong = B_tie_stretch(b, a, kind, b->u);
			t->ref_force = t->tension;
			t->installed = 1;
		}
	}
	for (int i = 0; i < b->n; i++)
		for (int side = 0; side < 2; side++) {
			double s = side == SP_RIGHT ? b->u[2 * i] : -b->u[2 * i];
			for (int h = 0; h < 2; h++) {
				B_spring *sp = SPR(b, i, side, h);
				if (!sp->on)
					continue;
				double d = s - sp->shift_m;
				double rp = B_spring_reach(sp, 1), ra = B_spring_reach(sp, 0);
				double slope, p = B_spring_pressure(sp, s, &slope);
				if (B_spring_regime(sp, s) == 0) {
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
				if (h == 0 && SPR(b, i, side, 1)->merged) {
					B_spring *lo = SPR(b, i, side, 1);
					lo->shift_m = sp->shift_m;
					lo->has_turn = sp->has_turn, lo->s_turn = sp->s_turn, lo->p_turn = sp->p_turn;
				}
			}
		}
}

/* Distributed force at node i from the half element above it and the one
 * below it: soil springs and water, as lumped in the solution. */
static void B_half_forces(const B_work *b, int i, double *up, double *down)
{
	const double *u = b->u;
	for (int side = 0; side < 2; side++) {
		double s = side == SP_RIGHT ? u[2 * i] : -u[2 * i];
		double push = side == SP_RIGHT ? -1.0 : 1.0;
		for (int h = 0; h < 2; h++) {
			const B_spring *sp = SPR(b, i, side, h);
			if (!sp->on)
				continue;
			double slope, f = push * B_spring_pressure(sp, s, &slope) * sp->trib_m;
			if (h == 1) {
				*down += f;
			} else if (SPR(b, i, side, 1)->merged) {
				double lu = b->elen[i - 1], ld = b->elen[i];
				*up += f * lu / (lu + ld);
				*down += f * ld / (lu + ld);
			} else {
				*up += f;
			}
		}
	}
	for (int h = 0; h < 2; h++) {
		int j = h == 0 ? i - 1 : i + 1;
		if (j < 0 || j >= b->n)
			continue;
		int e = h == 0 ? i - 1 : i;
		double width = b->width[e] > 0 ? b->width[e] : 1.0;
		double pl = (3.0 * b->water[SP_LEFT][i] + b->water[SP_LEFT][j]) / 4.0;
		double pr = (3.0 * b->water[SP_RIGHT][i] + b->water[SP_RIGHT][j]) / 4.0;
		double f = (pl - pr) * b->elen[e] / 2.0 * width;
		if (h == 0)
			*up += f;
		else
			*down += f;
	}
}

static int B_results(B_work *b, const sp_wall_stage_t *st, int want_nodes, sp_beam_stage_result_t *res)
{
	const sp_wall_t *w = b->w;
	int n = b->n, n2 = 2 * n;
	double *kf = malloc(2 * (size_t)n2 * sizeof *kf), *kb = kf + n2;
	if (kf == NULL)
		return SP_ESOFTWARE;
	/* total nodal force = K_beam u (equilibrium, reactions included): its sum
	 * above a section is the shear (horizontal); the moment comes from the
	 * bending part alone, so that it includes the second-order effect of a
	 * normal force */
	B_beam_force(b, b->u, 1, kf);
	B_beam_force(b, b->u, 0, kb);
	if (want_nodes) {
		res->nodes = calloc((size_t)n, sizeof *res->nodes);
		if (res->nodes == NULL) {
			free(kf);
			return SP_ESOFTWARE;
		}
		res->n_nodes = (size_t)n;
	}
	double sum_f = 0.0, sum_b = 0.0, sum_bz = 0.0, sum_m = 0.0;
	double mmax = 0, mlev = w->top_level_m, vmax = 0, umax = 0;
	double eff[2] = {0, 0}, pas[2] = {0, 0};
	for (int i = 0; i < n; i++) {
		double z = b->z[i];
		/* moment at node i from everything above it */
		sum_m += kb[2 * i + 1]; /* a moment at this node acts just above the section below it */
		double m = sum_b * z - sum_bz + sum_m;
		/* shear at the node's level: everything above it, with the distributed
		 * (soil, water) force of the half element above the node; point loads
		 * and reactions at the node make the jump to the value just below */
		double f_i = kf[2 * i], f_up = 0.0, f_down = 0.0;
		B_half_forces(b, i, &f_up, &f_down);
		double v_above = -(sum_f + f_up);
		double v_below = -(sum_f + f_i - f_down);
		sum_f += f_i;
		sum_b += kb[2 * i];
		sum_bz += kb[2 * i] * z;
		if (fabs(m) > fabs(mmax))
			mmax = m, mlev = z;
		if (fabs(v_above) > fabs(vmax))
			vmax = v_above;
		if (fabs(v_below) > fabs(vmax))
			vmax = v_below;
		double ui = b->u[2 * i] * 1000.0;
		if (fabs(ui) > fabs(umax))
			umax = ui;
		for (int side = 0; side < 2; side++) {
			double s = side == SP_RIGHT ? b->u[2 * i] : -b->u[2 * i];
			double pe = 0, pa = 0, pn = 0, pp = 0, trib = 0;
			for (int h = 0; h < 2; h++) {
				B_spring *sp = SPR(b, i, side, h);
				if (!sp->on)
					continue;
				double slope, p = B_spring_pressure(sp, s, &slope);
				eff[side] += p * sp->trib_m;
				pas[side] += sp->sig_p * sp->trib_m;
				pe += p * sp->trib_m, pa += sp->sig_a * sp->trib_m, pn += sp->sig_n * sp->trib_m,
				    pp += sp->sig_p * sp->trib_m, trib += sp->trib_m;
			}
			if (res->nodes) {
				sp_beam_node_t *nd = &res->nodes[i];
				if (trib > 0) {
					nd->effective_kPa[side] = pe / trib;
					nd->active_kPa[side] = pa / trib;
					nd->neutral_kPa[side] = pn / trib;
					nd->passive_kPa[side] = pp / trib;
				}
				nd->water_kPa[side] = b->water[side][i];
			}
		}
		if (res->nodes) {
			sp_beam_node_t *nd = &res->nodes[i];
			nd->level_m = z;
			nd->displacement_mm = ui;
			nd->moment_kNm_per_m = m;
			nd->shear_kN_per_m = v_below;
		}
	}
	res->max_moment_kNm_per_m = mmax;
	res->max_moment_level_m = mlev;
	res->max_shear_kN_per_m = vmax;
	res->max_displacement_mm = umax;
	res->top_displacement_mm = b->u[0] * 1000.0;
	for (int side = 0; side < 2; side++)
		res->mobilised_pct[side] = pas[side] > 0 ? 100.0 * eff[side] / pas[side] : 0.0;
	for (int i = 0; i < w->n_anchors; i++)
		res->anchor_force_kN_per_m[i] = st->anchor_on[i] ? b->anchors[i].tension : 0.0;
	for (int i = 0; i < w->n_struts; i++)
		res->strut_force_kN_per_m[i] = st->strut_on[i] ? b->struts[i].tension : 0.0;
	free(kf);
	return SP_OK;
}

static int B_check(const sp_wall_t *w, sp_err_t *err)
{
	if (!(w->length_m > 0) || !isfinite(w->top_level_m))
		return sp_err_set(err, SP_EDATA, "beam: the wall needs a top level and a positive length");
	if (w->n_elements < 1)
		return sp_err_set(err, SP_EDATA, "beam: the wall needs at least one element with its EI");
	for (int i = 0; i < w->n_elements; i++)
		if (!(w->elements[i].ei_kNm2_per_m > 0))
			return sp_err_set(err, SP_EDATA, "beam: element '%s' needs a positive EI",
			                  w->elements[i].name);
	if (w->n_stages < 1)
		return sp_err_set(err, SP_EDATA, "beam: the wall needs at least one construction stage");
	if (w->n_branches < 1 || w->n_branches > SP_WALL_BRANCHES)
		return sp_err_set(err, SP_EDATA, "beam: 1 to %d branches of the subgrade modulus, not %d",
		                  SP_WALL_BRANCHES, w->n_branches);
	for (int i = 0; i < w->n_layers; i++) {
		const sp_wall_soil_t *so = &w->soils[w->layers[i].soil];
		for (int k = 0; k < w->n_branches; k++)
			if (!(so->kh_top_kN_m3[k] > 0) || !(so->kh_bottom_kN_m3[k] > 0))
				return sp_err_set(err, SP_EDATA,
				                  "beam: soil '%s' needs a positive modulus of subgrade reaction for "
				                  "branch %d",
				                  so->name, k + 1);
	}
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			for (int k = 0; k < w->n_surcharges; k++)
				if (w->stages[s].surcharge_on[side][k] && w->stages[s].kmethod[side] == SP_KMETHOD_GIVEN)
					return sp_err_set(err, SP_EDATA,
					                  "beam: stage '%s': surcharge '%s' on the %s side needs the c, phi, "
					                  "delta method there (with Ka, K0, Kp given it is not supported)",
					                  w->stages[s].name, w->surcharges[k].name, side == SP_LEFT ? "left" : "right");
	return SP_OK;
}

int sp_beam_analyse(const sp_wall_t *w, int want_nodes, sp_beam_result_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	int rc = B_check(w, err);
	if (rc)
		return rc;
	B_work b;
	memset(&b, 0, sizeof b);
	b.w = w;
	if (B_levels(w, &b.z, &b.n) != 0)
		return sp_err_set(err, SP_ESOFTWARE, "beam: out of memory");
	int n = b.n, n2 = 2 * n;
	b.ei = malloc((size_t)n * sizeof *b.ei);
	b.width = malloc((size_t)n * sizeof *b.width);
	b.elen = malloc((size_t)n * sizeof *b.elen);
	b.ecoef = malloc((size_t)n * sizeof *b.ecoef);
	b.etension = calloc((size_t)n, sizeof *b.etension);
	b.elayer = malloc((size_t)n * sizeof *b.elayer);
	b.spr = calloc((size_t)n * 4, sizeof *b.spr);
	b.u = calloc((size_t)n2, sizeof *b.u);
	b.u_trial = calloc((size_t)n2, sizeof *b.u_trial);
	b.f_ext = calloc((size_t)n2, sizeof *b.f_ext);
	b.water[0] = calloc((size_t)n, sizeof(double));
	b.water[1] = calloc((size_t)n, sizeof(double));
	b.fixed = calloc((size_t)n2, sizeof *b.fixed);
	b.fixed_value = calloc((size_t)n2, sizeof *b.fixed_value);
	b.kband = gsl_matrix_alloc((size_t)n2, B_BAND + 1);
	b.kfact = gsl_matrix_alloc((size_t)n2, B_BAND + 1);
	b.tangent = calloc((size_t)n + 2 * SP_WALL_MAX_ITEMS, sizeof *b.tangent);
	b.tangent_fact = calloc((size_t)n + 2 * SP_WALL_MAX_ITEMS, sizeof *b.tangent_fact);
	b.rhs = gsl_vector_alloc((size_t)n2);
	if (!b.ei || !b.width || !b.elen || !b.ecoef || !b.etension || !b.elayer || !b.spr || !b.u || !b.u_trial || !b.f_ext || !b.water[0] || !b.water[1] ||
	    !b.fixed || !b.fixed_value || !b.kband || !b.kfact || !b.tangent || !b.tangent_fact || !b.rhs) {
		rc = sp_err_set(err, SP_ESOFTWARE, "beam: out of memory");
		goto done;
	}
	for (int e = 0; e + 1 < n; e++) {
		const sp_wall_element_t *el = B_element_at(w, (b.z[e] + b.z[e + 1]) / 2.0);
		b.ei[e] = el->ei_kNm2_per_m;
		b.width[e] = el->acting_width_m;
		b.elen[e] = b.z[e] - b.z[e + 1];
		/* sheet piling: EI per m of wall over the acting width; a single pile: its own EI
		 * (D-Sheet Piling bm4-9b and bm1-10) */
		double ei_width = w->single_pile ? 1.0 : (b.width[e] > 0 ? b.width[e] : 1.0);
		b.ecoef[e] = b.ei[e] * ei_width / (b.elen[e] * b.elen[e] * b.elen[e]);
		b.elayer[e] = B_layer_at(w, (b.z[e] + b.z[e + 1]) / 2.0);
	}
	out->n_stages = w->n_stages;
	for (int s = 0; s < w->n_stages; s++) {
		const sp_wall_stage_t *st = &w->stages[s];
		sp_beam_stage_result_t *res = &out->stage[s];
		B_stage_setup(&b, st);
		rc = B_solve_stage(&b, st, res);
		if (rc) {
			sp_err_set(err, rc, "beam: out of memory");
			goto done;
		}
		rc = B_results(&b, st, want_nodes, res);
		if (rc) {
			sp_err_set(err, rc, "beam: out of memory");
			goto done;
		}
		if (res->status != SP_BEAM_OK) {
			/* later stages cannot start from a state that does not exist */
			for (int t = s + 1; t < w->n_stages; t++) {
				out->stage[t].status = res->status;
				snprintf(out->stage[t].reason, sizeof out->stage[t].reason, "stage %d failed", s + 1);
			}
			break;
		}
		B_commit(&b, st);
	}
done:
	free(b.z);
	free(b.ei);
	free(b.width);
	free(b.elen);
	free(b.ecoef);
	free(b.etension);
	free(b.elayer);
	free(b.spr);
	free(b.u);
	free(b.u_trial);
	free(b.f_ext);
	free(b.water[0]);
	free(b.water[1]);
	free(b.fixed);
	free(b.fixed_value);
	if (b.kband)
		gsl_matrix_free(b.kband);
	if (b.kfact)
		gsl_matrix_free(b.kfact);
	free(b.tangent);
	free(b.tangent_fact);
	if (b.rhs)
		gsl_vector_free(b.rhs);
	if (rc)
		sp_beam_result_free(out);
	return rc;
}

void sp_beam_result_free(sp_beam_result_t *r)
{
	if (r == NULL)
		return;
	for (int s = 0; s < SP_WALL_MAX_STAGES; s++) {
		free(r->stage[s].nodes);
		r->stage[s].nodes = NULL;
		r->stage[s].n_nodes = 0;
	}
}
