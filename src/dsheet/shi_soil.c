/* shi_soil.c - the soils of a .shi file (shi_soil.h): [SOIL COLLECTION] and
 * [SOIL PROFILES], and, once the whole file is read, the soils' moduli of
 * subgrade reaction: the branches as given or from the Cur secant moduli,
 * times the shell factor, or after Menard, and Brinch Hansen's coefficients
 * in the single pile model.
 *
 * "Use Cur values" = 1 means the three SoilCurKb/Ko are secant moduli at 50,
 * 80 and 100 % of the way to the limit pressure; they are converted to the
 * tangent moduli of three branches (bm4-6a secant 1000/500/250 equals bm4-6b
 * tangent 1000/272.73/83.33).
 *
 * SoilLambdaType 1 (Mueller-Breslau): the file stores SoilLa/Ln/Lp rounded to
 * two decimals, D-Sheet computes with the coefficients of phi and delta at
 * full precision; so do we (Tutorial-1 .shd: its clay, phi 17, delta 11,
 * carries active pressures rising 2.99880 kPa/m over gamma' 6.19 = Ka
 * 0.48446, passive 14.44267 = Kp 2.33329, neutral 4.38020 = K0 0.70763,
 * where the file holds 0.48, 2.33, 0.71), when the stored value is the
 * rounding of the derived one (else typed in: S_full_precision). Type 0: as given. Type
 * 2 (Koetter): EN 1997-1 Annex C.2's Kn (curved slip surface), likewise at full
 * precision (Tutorial-1's sand, phi 35, delta 27: D-Sheet used Ka 0.22456 and
 * Kp 6.8396, Annex C.2 gives 0.22456 and 6.83958; bm4-19a's Peat, phi 24.5,
 * delta 18, stored 0.36 and 3.38: 0.35670 and 3.37651; its Sand 2, phi 37,
 * delta 24, 0.21 and 7.47: 0.21010 and 7.46813; and with CUR I's factored
 * phi and delta, bm4-19a.shd prints 0.29, 4.65 and 0.16, 12.54: 0.28601,
 * 4.64992 and 0.15623, 12.54482).
 * A Ka typed in under type 1 or 2 (not the derived one) that is the two-decimal
 * rounding of 1 / Kp is 1 / Kp at full precision: bm4-10a (Mueller-Breslau,
 * phi 30, delta 0, c 2 kPa, stored Ka 0.22 and Kp 4.50, 0.17 and 6.00, 0.13
 * and 7.50, none of them phi's) carries on its left side at -1.00 m (sigma_v'
 * 14 kPa) the active pressure 1.22549 kPa = 14 / 4.5 - 2 x 2 x sqrt(1 / 4.5)
 * (0.22 gives 1.2038), rising 0.93 kPa/m below the water (gamma' 4.19:
 * Ka 0.2222); its passive side uses the stored Kp 4.5 (71.48528 kPa = 4.5 x
 * 14 + 2 x 2 x sqrt(4.5)). Not so for a Ka that is no such rounding: bm1-12's
 * sand (type 1, delta 0, Ka 0.00, Kp 5.00) carries no active pressure, bm1-8
 * (0.14 with Kp 9.31) 0.14030 kPa at sigma_v' 1 kPa (no 1 / 9.31); nor under
 * type 0, as given: bm4-1a (Ka 0.33, Kp 3.00) carries 5.28 kPa at -1 m =
 * 0.33 x 16.
 * Ignored: SoilUseMenard, SoilUseBrinchHansen and SoilHorizontalBehaviourType in the
 * sheet piling model (they belong to the single pile model; bm1-1 has
 * SoilUseMenard=1 with explicit moduli); soil profile X/Y coordinates. */
#include "shi_soil.h"
#include "earth.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char name[SP_NAME_MAX];
	int n_layers;
	sp_wall_layer_t layers[SP_WALL_MAX_LAYERS];
} S_profile;

/* A coefficient the file holds rounded to two decimals: the derived value
 * when the stored one is its rounding, else the stored one, typed in (bm1-8,
 * bm1-10, bm4-10a carry SoilLambdaType=1 with values of their own, e.g. Ka
 * 0.14 for phi 25, delta 15; bm4-10a's Ka is then 1 / Kp, see the top). */
static void S_full_precision(double *stored, double derived)
{
	if (isfinite(derived) && fabs(derived - *stored) <= 0.005 + 1e-9)
		*stored = derived;
}

/* A coefficient typed in, to two decimals, that is the rounding of derived:
 * derived (S_full_precision less its tolerance: the stored value must be
 * the two-decimal rounding itself). */
static void S_full_precision_of_rounding(double *stored, double derived)
{
	if (isfinite(derived) && fabs(round(derived * 100.0) / 100.0 - *stored) <= 1e-9)
		*stored = derived;
}

int sp_shi_soil_read(sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w)
{
	int n, rc;
	if ((rc = sp_shi_scan_count(in, "= number of items", 1, SP_WALL_MAX_SOILS, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_wall_soil_t *so = &w->soils[k];
		sp_shi_soil_extra_t *x = &soil->x[k];
		if ((rc = sp_shi_scan_expect(in, "[SOIL]")) != SP_OK)
			return rc;
		const char *s = sp_shi_scan_get(in);
		if (s == NULL)
			return sp_shi_scan_eof(in);
		x->line = sp_shi_scan_lno(in);
		if ((rc = sp_shi_scan_new_name(in, x->line, s, w->soils, sizeof *so, k, so->name, "soil")) != SP_OK)
			return rc;
		so->ocr = 1.0;
		x->lam[0] = 50, x->lam[1] = 80, x->lam[2] = 90;
		x->shell_factor = 1.0;
		sp_shi_scan_key_t keys[] = {
			{"SoilShellFactor", &x->shell_factor, 0, 0},
			{"SoilGamDry", &so->gamma_dry_kN_m3, 1, 0},
			{"SoilGamWet", &so->gamma_wet_kN_m3, 1, 0},
			{"SoilCohesion", &so->c_kPa, 1, 0},
			{"SoilPhi", &so->phi_deg, 1, 0},
			{"SoilDelta", &so->delta_deg, 1, 0},
			{"SoilOCR", &so->ocr, 0, 0},
			{"SoilLa", &so->ka, 1, 0},
			{"SoilLn", &so->k0, 1, 0},
			{"SoilLp", &so->kp, 1, 0},
			{"SoilLam1", &x->lam[0], 0, 0},
			{"SoilLam2", &x->lam[1], 0, 0},
			{"SoilLam3", &x->lam[2], 0, 0},
			{"SoilKb0", &x->kb[0], 1, 0},
			{"SoilKb1", &x->kb[1], 1, 0},
			{"SoilKb2", &x->kb[2], 1, 0},
			{"SoilKb3", &x->kb[3], 1, 0},
			{"SoilKb4", &x->kb[4], 1, 0},
			{"SoilKo0", &x->ko[0], 1, 0},
			{"SoilKo1", &x->ko[1], 1, 0},
			{"SoilKo2", &x->ko[2], 1, 0},
			{"SoilKo3", &x->ko[3], 1, 0},
			{"SoilKo4", &x->ko[4], 1, 0},
			{"SoilCurKb1", &x->cur_kb[0], 0, 0},
			{"SoilCurKb2", &x->cur_kb[1], 0, 0},
			{"SoilCurKb3", &x->cur_kb[2], 0, 0},
			{"SoilCurKo1", &x->cur_ko[0], 0, 0},
			{"SoilCurKo2", &x->cur_ko[1], 0, 0},
			{"SoilCurKo3", &x->cur_ko[2], 0, 0},
			{"SoilUseMenard", &x->menard, 0, 0},
			{"SoilEModMenard", &x->e_menard, 0, 0},
			{"SoilSoilType", &x->soil_type, 0, 0},
			{"SoilUseBrinchHansen", &x->brinch_hansen, 0, 0},
			{"SoilLambdaType", &x->lambda_type, 0, 0},
		};
		if ((rc = sp_shi_scan_block(in, "[END OF SOIL]", keys, (int)(sizeof keys / sizeof keys[0]), 0)) !=
		    SP_OK)
			return rc;
		if (so->gamma_dry_kN_m3 < 0 || so->gamma_wet_kN_m3 < 0 || so->c_kPa < 0 || so->phi_deg < 0 ||
		    so->phi_deg >= 90 || so->ka < 0 || so->k0 < 0 || so->kp < 0)
			return sp_shi_scan_fail(in, x->line,
						"soil '%s': negative unit weight, cohesion or K, or phi outside 0..90",
						so->name);
		if (x->lambda_type == 1 || x->lambda_type == 2) { /* at full precision (see the top) */
			const int mb = x->lambda_type == 1;
			S_full_precision(&so->ka, mb ? sp_ka_coulomb(so->phi_deg, so->delta_deg)
			                             : sp_ka_ec7(so->phi_deg, so->delta_deg));
			S_full_precision(&so->kp, mb ? sp_kp_coulomb(so->phi_deg, so->delta_deg)
			                             : sp_kp_ec7(so->phi_deg, so->delta_deg));
			S_full_precision(&so->k0, sp_k0_jaky(so->phi_deg) * pow(so->ocr > 0 ? so->ocr : 1.0,
			                                                        sin(so->phi_deg * SP_PI / 180.0)));
			/* a Ka of its own that is the rounding of 1 / Kp: 1 / Kp (see the top, bm4-10a) */
			double ka_derived = mb ? sp_ka_coulomb(so->phi_deg, so->delta_deg) : sp_ka_ec7(so->phi_deg, so->delta_deg);
			if (so->kp > 0 && !(fabs(ka_derived - so->ka) <= 1e-9))
				S_full_precision_of_rounding(&so->ka, 1.0 / so->kp);
		}
		w->n_soils = k + 1;
	}
	return sp_shi_scan_expect_end(in);
}

static int S_profile_read(sp_shi_scan_t *in, const sp_wall_t *w, S_profile *pr)
{
	double xy;
	int rc;
	const char *s = sp_shi_scan_get_nonblank(in);
	if (s == NULL)
		return sp_shi_scan_eof(in);
	if ((rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), s, pr->name, "soil profile")) != SP_OK)
		return rc;
	if ((rc = sp_shi_scan_value(in, "X coordinate", &xy)) != SP_OK ||
	    (rc = sp_shi_scan_value(in, "Y coordinate", &xy)) != SP_OK)
		return rc;
	/* a profile interpreted from a CPT names it on the next line
	 * (Tutorial-2a: "CPT 01"); its layers follow as in any profile */
	int at = in->i;
	if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
		return sp_shi_scan_eof(in);
	const char *p0 = sp_shi_scan_skip_space(s);
	if ((*p0 >= '0' && *p0 <= '9') || *p0 == '-' || *p0 == '+')
		in->i = at;
	if ((rc = sp_shi_scan_count(in, "Number of soil layers per soil profile", 1, SP_WALL_MAX_LAYERS,
				    &pr->n_layers)) != SP_OK)
		return rc;
	if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
		return sp_shi_scan_eof(in);
	if (strncmp(sp_shi_scan_skip_space(s), "Nr", 2) != 0)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected the column header ' Nr ...', found '%.60s'",
					s);
	for (int k = 0; k < pr->n_layers; k++) {
		sp_wall_layer_t *l = &pr->layers[k];
		char name[SP_NAME_MAX];
		if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
			return sp_shi_scan_eof(in);
		const char *p = sp_shi_scan_skip_space(s);
		int nr;
		if (!sp_shi_scan_int(&p, &nr) ||
		    !sp_shi_scan_dbl((p = sp_shi_scan_skip_space(p), &p), &l->top_level_m) ||
		    !sp_shi_scan_dbl((p = sp_shi_scan_skip_space(p), &p), &l->excess_pore_top_kPa) ||
		    !sp_shi_scan_dbl((p = sp_shi_scan_skip_space(p), &p), &l->excess_pore_bottom_kPa))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"expected 'Nr Level WospTop WospBott Material', found '%.60s'", s);
		if ((rc = sp_shi_scan_name(in, sp_shi_scan_lno(in), p, name, "material")) != SP_OK)
			return rc;
		l->soil = sp_shi_scan_index(w->soils, sizeof w->soils[0], w->n_soils, name);
		if (l->soil < 0)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
						"unknown soil '%s' (not in [SOIL COLLECTION] before)", name);
		if (k > 0 && !(l->top_level_m < pr->layers[k - 1].top_level_m))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "layer levels must decrease downwards");
	}
	return SP_OK;
}

int sp_shi_soil_read_profiles(sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w)
{
	double curves, unload, cur;
	int n, rc;
	if ((rc = sp_shi_scan_value(in, "Number of spring characteristics curves", &curves)) != SP_OK ||
	    (rc = sp_shi_scan_value(in, "Unloading curve", &unload)) != SP_OK)
		return rc;
	if ((curves != 1 && curves != 2 && curves != 3 && curves != 4))
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in) - 1,
					"number of spring characteristics curves %g is out of range 1..4", curves);
	if (unload != 0 && unload != 1)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "unloading curve flag must be 0 or 1");
	if ((rc = sp_shi_scan_value(in, "Use Cur values", &cur)) != SP_OK)
		return rc;
	if (cur != 0 && cur != 1)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "Use Cur values flag must be 0 or 1");
	w->n_branches = (int)curves;
	w->unloading_curve = (int)unload;
	soil->use_cur = (int)cur;
	if ((rc = sp_shi_scan_count(in, "Number of soil profiles", 1, SP_SHI_SOIL_MAX_PROFILES, &n)) != SP_OK)
		return rc;
	S_profile *pr = malloc(sizeof *pr);
	if (pr == NULL)
		return sp_err_set(in->err, SP_ESOFTWARE, "%s: out of memory", in->path);
	for (int k = 0; k < n && rc == SP_OK; k++) {
		int line;
		if ((rc = S_profile_read(in, w, pr)) != SP_OK)
			break;
		line = sp_shi_scan_lno(in);
		if (sp_shi_scan_index(soil->profile_names, sizeof soil->profile_names[0], k, pr->name) >= 0) {
			rc = sp_shi_scan_fail(in, line, "duplicate soil profile name '%s'", pr->name);
			break;
		}
		sp_strlcpy(soil->profile_names[k], pr->name, SP_NAME_MAX);
		sp_wall_profile_t *wp = &soil->profiles[k];
		sp_strlcpy(wp->name, pr->name, SP_NAME_MAX);
		memcpy(wp->layers, pr->layers, (size_t)pr->n_layers * sizeof pr->layers[0]);
		wp->n_layers = pr->n_layers;
		soil->n_profiles = k + 1;
		if (k == 0) {
			memcpy(w->layers, pr->layers, (size_t)pr->n_layers * sizeof pr->layers[0]);
			w->n_layers = pr->n_layers;
		}
	}
	free(pr);
	if (rc != SP_OK)
		return rc;
	return sp_shi_scan_expect_end(in);
}

static int S_same_layers(const sp_wall_layer_t *a, int na, const sp_wall_layer_t *b, int nb)
{
	if (na != nb)
		return 0;
	for (int j = 0; j < na; j++)
		if (a[j].top_level_m != b[j].top_level_m || a[j].soil != b[j].soil ||
		    a[j].excess_pore_top_kPa != b[j].excess_pore_top_kPa ||
		    a[j].excess_pore_bottom_kPa != b[j].excess_pore_bottom_kPa)
			return 0;
	return 1;
}

int sp_shi_soil_assign_profiles(const sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w)
{
	if (w->n_stages < 1 || soil->n_profiles < 1)
		return SP_OK;
	const sp_wall_profile_t *first = &soil->profiles[w->stages[0].profile[SP_LEFT]];
	memcpy(w->layers, first->layers, (size_t)first->n_layers * sizeof first->layers[0]);
	w->n_layers = first->n_layers;
	int slot[SP_SHI_SOIL_MAX_PROFILES]; /* file profile -> 0 (the wall's layers) or k + 1 */
	for (int f = 0; f < soil->n_profiles; f++)
		slot[f] = -1;
	w->n_profiles = 0;
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++) {
			int f = w->stages[s].profile[side];
			const sp_wall_profile_t *p = &soil->profiles[f];
			if (slot[f] < 0) {
				if (S_same_layers(p->layers, p->n_layers, w->layers, w->n_layers)) {
					slot[f] = 0;
				} else {
					if (w->n_profiles == SP_WALL_MAX_PROFILES)
						return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
									"stage '%s': more than %d soil profiles in use",
									w->stages[s].name, SP_WALL_MAX_PROFILES + 1);
					w->profiles[w->n_profiles++] = *p;
					slot[f] = w->n_profiles;
				}
			}
			w->stages[s].profile[side] = slot[f];
		}
	return SP_OK;
}

/* Single pile, modulus of subgrade reaction after Ménard from the pressuremeter
 * modulus E_M and the rheological factor alpha of the soil type, with R half
 * the acting width of the pile where the soil lies and R0 = 0.3 m:
 *   R >= R0: kh = 3 E_M / (1.3 R0 (2.65 R / R0)^alpha + alpha R)
 *   R <  R0: kh = 3 E_M / ((4/3 2.65^alpha + alpha) R)
 * (D-Sheet Piling bm1-10 .shd: 6.749 for peat, E_M = 5, R = 0.5; 16.54 for
 * peat, R = 0.2). One branch; the same modulus on every branch. */
static int S_menard(sp_shi_scan_t *in, sp_wall_t *w, int k, const sp_shi_soil_extra_t *x)
{
	static const double alpha_of_type[5] = {1.0 / 4.0, 1.0 / 3.0, 1.0 / 2.0, 2.0 / 3.0, 1.0}; /* gravel .. peat */
	sp_wall_soil_t *so = &w->soils[k];
	int type = (int)x->soil_type;
	if (type != x->soil_type || type < 0 || type > 4)
		return sp_shi_scan_fail(in, x->line,
					"soil '%s': Menard needs SoilSoilType 0..4 (gravel, sand, loam, clay, peat)",
					so->name);
	if (!(x->e_menard > 0))
		return sp_shi_scan_fail(in, x->line, "soil '%s': Menard needs a positive SoilEModMenard", so->name);
	double width = -1.0;
	for (int i = 0; i < w->n_layers; i++) {
		if (w->layers[i].soil != k)
			continue;
		double top = w->layers[i].top_level_m;
		double bottom = i + 1 < w->n_layers ? w->layers[i + 1].top_level_m : w->top_level_m - w->length_m;
		double el_top = w->top_level_m;
		for (int e = 0; e < w->n_elements; e++) { /* every element the layer touches */
			double el_bottom = w->elements[e].bottom_level_m;
			if (el_bottom < top && el_top > bottom) {
				double b = w->elements[e].acting_width_m;
				if (width >= 0 && fabs(b - width) > 1e-12)
					return sp_shi_scan_fail(in, x->line,
								"soil '%s': Menard modulus for piles of different "
								"acting "
								"widths (%g and %g m) is not supported",
								so->name, width, b);
				width = b;
			}
			el_top = el_bottom;
		}
	}
	if (width < 0) /* the soil lies in no layer along the pile: any modulus will do */
		width = w->n_elements > 0 ? w->elements[0].acting_width_m : 1.0;
	double alpha = alpha_of_type[type], r = width / 2.0, r0 = 0.3;
	double denom = r >= r0 ? 1.3 * r0 * pow(2.65 * r / r0, alpha) + alpha * r
	                       : (4.0 / 3.0 * pow(2.65, alpha) + alpha) * r;
	double kh = 3.0 * x->e_menard / denom;
	for (int j = 0; j < SP_WALL_BRANCHES; j++)
		so->kh_top_kN_m3[j] = so->kh_bottom_kN_m3[j] = kh;
	return SP_OK;
}

/* SoilUseBrinchHansen in the single pile model: per layer, Brinch Hansen's
 * K_q and K_c (earth.h) at the middle of the layer's part between the
 * surface and the toe, over the pile's width there, become the given K_p =
 * K_q and the cohesion c K_c / (2 sqrt K_q), so that K_p sigma'_v +
 * 2 c' sqrt(K_p) = K_q sigma'_v + K_c c. D-Sheet prints the same per layer
 * (bm1-12: K_p 3.09, 10.65, 6.62; cohesion 35.38, 0, 104.58). A soil in
 * several such layers is copied per layer. It needs one level surface on
 * both sides in every stage and the Ka, Ko, Kp method. */
static int S_brinch_hansen(const sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w, int single_pile)
{
	int first = -1;
	for (int k = 0; k < w->n_soils && first < 0; k++)
		if (sp_shi_scan_flag(soil->x[k].brinch_hansen))
			first = k;
	if (first < 0 || !single_pile)
		return SP_OK;
	double zs = w->stages[0].surface_m[0], toe = w->top_level_m - w->length_m;
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			if (w->stages[s].surface_m[side] != zs || w->stages[s].n_surface_points[side] > 0
			    || w->stages[s].kmethod[side] != SP_KMETHOD_GIVEN)
				return sp_shi_scan_fail(in, soil->x[first].line,
							"soil '%s': Brinch-Hansen coefficients (single pile model) "
							"need one level surface at the same level on both sides in "
							"every stage and the Ka, Ko, Kp method",
							w->soils[first].name);
	sp_wall_soil_t orig[SP_WALL_MAX_SOILS];
	memcpy(orig, w->soils, sizeof orig);
	int n_orig = w->n_soils, used[SP_WALL_MAX_SOILS] = {0};
	for (int li = 0; li < w->n_layers; li++) {
		int k = w->layers[li].soil;
		if (k >= n_orig || !sp_shi_scan_flag(soil->x[k].brinch_hansen))
			continue;
		double top = fmin(w->layers[li].top_level_m, zs);
		double bot = fmax(li + 1 < w->n_layers ? w->layers[li + 1].top_level_m : toe, toe);
		if (!(top > bot))
			continue;
		if (used[k]++) { /* a copy of the soil for this layer */
			if (w->n_soils >= SP_WALL_MAX_SOILS)
				return sp_shi_scan_fail(in, soil->x[k].line,
							"soil '%s': more than %d soils with its copies per layer",
							orig[k].name, SP_WALL_MAX_SOILS);
			w->soils[w->n_soils] = orig[k];
			snprintf(w->soils[w->n_soils].name, sizeof w->soils[0].name, "%.*s %u", SP_NAME_MAX - 5,
				 orig[k].name, (unsigned)used[k] % 1000u);
			w->layers[li].soil = w->n_soils++;
		}
		sp_wall_soil_t *so = &w->soils[w->layers[li].soil];
		double mid = (top + bot) / 2.0, width = 1.0;
		for (int e = 0; e < w->n_elements; e++) {
			width = w->elements[e].acting_width_m;
			if (mid > w->elements[e].bottom_level_m)
				break;
		}
		double kq, kc;
		sp_brinch_hansen(orig[k].phi_deg, (zs - mid) / width, &kq, &kc);
		so->kp = kq;
		so->c_kPa = orig[k].c_kPa * kc / (2.0 * sqrt(kq));
	}
	return SP_OK;
}

/* Moduli of subgrade reaction of every soil, and Brinch Hansen's coefficients. */
int sp_shi_soil_finish(const sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w, int single_pile)
{
	if (soil->use_cur)
		w->n_branches = 3;
	for (int k = 0; k < w->n_soils; k++) {
		sp_wall_soil_t *so = &w->soils[k];
		const sp_shi_soil_extra_t *x = &soil->x[k];
		in->sec = "SOIL COLLECTION";
		int menard = single_pile && sp_shi_scan_flag(x->menard);
		so->kh_unload_top_kN_m3 = x->kb[0];
		so->kh_unload_bottom_kN_m3 = x->ko[0];
		if (soil->use_cur) {
			/* secant moduli at 50, 80, 100 % -> tangent moduli of 3 branches */
			static const double f[3] = {0.5, 0.8, 1.0};
			for (int side = 0; side < 2; side++) {
				const double *ks = side == 0 ? x->cur_kb : x->cur_ko;
				double *kt = side == 0 ? so->kh_top_kN_m3 : so->kh_bottom_kN_m3;
				double u_prev = 0, f_prev = 0;
				for (int j = 0; j < 3; j++) {
					double u = ks[j] > 0 ? f[j] / ks[j] : 0;
					if (!(ks[j] > 0) || !(u > u_prev))
						return sp_shi_scan_fail(in, x->line,
									"soil '%s': Cur secant moduli must be positive "
									"and give positive tangent moduli",
									so->name);
					kt[j] = (f[j] - f_prev) / (u - u_prev);
					u_prev = u, f_prev = f[j];
				}
				kt[3] = 0;
			}
			so->branch_end_pct[0] = 50, so->branch_end_pct[1] = 80, so->branch_end_pct[2] = 100;
		} else {
			for (int j = 0; j < SP_WALL_BRANCHES; j++) {
				so->kh_top_kN_m3[j] = x->kb[j + 1];
				so->kh_bottom_kN_m3[j] = x->ko[j + 1];
			}
			for (int j = 0; j < SP_WALL_BRANCHES - 1; j++)
				so->branch_end_pct[j] = x->lam[j];
		}
		if (!(x->shell_factor > 0))
			return sp_shi_scan_fail(in, x->line, "soil '%s': SoilShellFactor must be positive", so->name);
		int rc = menard ? S_menard(in, w, k, x) : SP_OK;
		if (rc != SP_OK)
			return rc;
		for (int j = 0; j < SP_WALL_BRANCHES; j++)
			so->kh_top_kN_m3[j] *= x->shell_factor, so->kh_bottom_kN_m3[j] *= x->shell_factor;
		so->kh_unload_top_kN_m3 *= x->shell_factor, so->kh_unload_bottom_kN_m3 *= x->shell_factor;
		for (int j = 0; j < w->n_branches; j++)
			if (!(so->kh_top_kN_m3[j] > 0) || !(so->kh_bottom_kN_m3[j] > 0))
				return sp_shi_scan_fail(in, x->line,
							"soil '%s': modulus of subgrade reaction of branch %d must be "
							"positive",
							so->name, j + 1);
		for (int j = 0; j + 1 < w->n_branches; j++)
			if (!(so->branch_end_pct[j] > (j > 0 ? so->branch_end_pct[j - 1] : 0)) ||
			    !(so->branch_end_pct[j] < 100))
				return sp_shi_scan_fail(in, x->line,
							"soil '%s': branch ends (SoilLam) must increase within 0..100",
							so->name);
	}
	return S_brinch_hansen(soil, in, w, single_pile);
}
