/* shi_wall.c - the wall of a .shi file (shi_wall.h): [SHEET PILING] and its
 * elements, [ANCHORS], [STRUTS], [SPRING SUPPORTS] and [RIGID SUPPORTS].
 *
 * Anchor/strut Side 1 = left, 2 = right (GEOLib Side enum; bm3-5a: a left
 * anchor at angle -30 carries the 20 kN/m line load to the right with
 * 23.09 = 20 / cos 30 kN/m). Anchor "Height" is the height of the anchor wall
 * for the Kranz stability check (engine/kranz.h): kept as anchorage_height_m;
 * a strut's is ignored. */
#include "shi_wall.h"

#include <math.h>
#include <string.h>

static int S_side(sp_shi_scan_t *in, int line, const char *name, double v, int *side)
{
	if (v == 1.0)
		*side = SP_LEFT;
	else if (v == 2.0)
		*side = SP_RIGHT;
	else
		return sp_shi_scan_fail(in, line, "'%s': Side %g is not supported (1 = left, 2 = right)", name, v);
	return SP_OK;
}

int sp_shi_wall_read_piling(sp_shi_scan_t *in, sp_wall_t *w, int wooden_line)
{
	double kind;
	int n, rc;
	if ((rc = sp_shi_scan_bare(in, "sheet piling type", &kind)) != SP_OK)
		return rc;
	if (kind != 0)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "sheet piling type %g is not supported", kind);
	if ((rc = sp_shi_scan_value(in, "Level top sheet piling", &w->top_level_m)) != SP_OK ||
	    (rc = sp_shi_scan_value(in, "Length", &w->length_m)) != SP_OK)
		return rc;
	if (!(w->length_m > 0))
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "length %g must be positive", w->length_m);
	if ((rc = sp_shi_scan_count(in, "Number of elements", 1, SP_WALL_MAX_ELEMENTS, &n)) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		sp_wall_element_t *el = &w->elements[k];
		double type = 0, ei = 0, factor = 1, mom[6] = {0}, epei[4] = {0}, mpl = 0;
		double mchar = 0, kmod = 1, gamma_m = 1, mfactor = 1;
		double wood[9] = {0}; /* the WoodenSheetPilingElement* keys, in S_wood_keys' order */
		if ((rc = sp_shi_scan_expect(in, "[SHEET PILING ELEMENT]")) != SP_OK)
			return rc;
		const char *s = sp_shi_scan_get(in);
		if (s == NULL)
			return sp_shi_scan_eof(in);
		int line = sp_shi_scan_lno(in);
		if ((rc = sp_shi_scan_name(in, line, s, el->name, "element")) != SP_OK)
			return rc;
		sp_shi_scan_key_t keys[] = {
			{"SheetPilingElementMaterialType", &type, 1, 0},
			{"SheetPilingElementEI", &ei, 1, 0},
			{"SheetPilingElementWidth", &el->acting_width_m, 1, 0},
			{"SheetPilingElementLevel", &el->bottom_level_m, 1, 0},
			{"SheetPilingElementReductionFactorEI", &factor, 0, 0},
			{"SheetPilingElementMaxPlasticCharacteristicMoment", &mpl, 0, 0},
			{"SheetPilingElementMaxCharacteristicMoment", &mchar, 0, 0},
			{"SheetPilingElementKMod", &kmod, 0, 0},
			{"SheetPilingElementMaterialFactor", &gamma_m, 0, 0},
			{"sSheetPilingElementReductionFactorMaxMoment", &mfactor, 0, 0},
			{"DiaphragmWallPosMomElastic", &mom[0], 0, 0},
			{"DiaphragmWallNegMomElastic", &mom[1], 0, 0},
			{"DiaphragmWallPosMomPlastic", &mom[2], 0, 0},
			{"DiaphragmWallNegMomPlastic", &mom[3], 0, 0},
			{"DiaphragmWallPosMomElastoPlastic", &mom[4], 0, 0},
			{"DiaphragmWallNegMomElastoPlastic", &mom[5], 0, 0},
			{"DiaphragmWallPosEIElastoPlastic1", &epei[0], 0, 0},
			{"DiaphragmWallPosEIElastoPlastic2", &epei[1], 0, 0},
			{"DiaphragmWallNegEIElastoPlastic1", &epei[2], 0, 0},
			{"DiaphragmWallNegEIElastoPlastic2", &epei[3], 0, 0},
			{"WoodenSheetPilingElementE", &wood[0], 0, 0},
			{"WoodenSheetPilingElementCharacFlexuralStrength", &wood[1], 0, 0},
			{"WoodenSheetPilingElementKSys", &wood[2], 0, 0},
			{"WoodenSheetPilingElementKDef", &wood[3], 0, 0},
			{"WoodenSheetPilingElementPsi2Eff", &wood[4], 0, 0},
			{"WoodenSheetPilingElementMaterialFactor", &wood[5], 0, 0},
			{"WoodenSheetPilingElementKModFShort", &wood[6], 0, 0},
			{"WoodenSheetPilingElementKModFLong", &wood[7], 0, 0},
			{"WoodenSheetPilingElementKModE", &wood[8], 0, 0},
		};
		if ((rc = sp_shi_scan_block(in, "[END OF SHEET PILING ELEMENT]", keys,
					    (int)(sizeof keys / sizeof keys[0]), 0)) != SP_OK)
			return rc;
		/* the "Wooden sheet piling" model option: D-Sheet Piling derives
		 * the element's stiffness and allowable moment from its wood
		 * properties (GEOLib's WoodenSheetPileProperties: the mean E,
		 * the characteristic flexural strength f_m,0,k, k_sys, k_def,
		 * psi_2,eff, gamma_M, the short- and long-term k_mod of the
		 * strength and k_mod,E of the stiffness). EN 1995-1-1 has E_mean,fin
		 * = E_mean / (1 + psi_2 k_def) for the distribution of internal
		 * forces (2.3.2.2) and f_m,d = k_sys k_mod f_m,k / gamma_M (2.4.1,
		 * 6.6), but neither the standard nor GEOLib says which second
		 * moment of area D-Sheet multiplies E by, how k_mod,E acts (the
		 * standard has no k_mod on E) or which k_mod bounds the moment;
		 * the D-Sheet Piling manual's text on it was not at hand, and no
		 * development file has the option. Refused, naming the values */
		if (wooden_line > 0) {
			in->sec = "MODEL"; /* the option's line: what to change */
			return sp_shi_scan_fail(
				in, wooden_line,
				"wooden sheet piling is not supported: D-Sheet Piling derives each element's EI and "
				"allowable moment from its Eurocode 5 wood properties (element '%s', line %d: "
				"WoodenSheetPilingElementE=%g, CharacFlexuralStrength=%g, KSys=%g, KDef=%g, Psi2Eff=%g, "
				"MaterialFactor=%g, KModFShort=%g, KModFLong=%g, KModE=%g); EN 1995-1-1 gives E_mean,fin = "
				"E_mean / (1 + psi2 kdef) (2.3.2.2) and f_m,d = ksys kmod f_m,k / gamma_M (2.4.1, 6.6), "
				"but how D-Sheet Piling turns these into the beam's EI and allowable moment (the second "
				"moment of area, kmod,E, the short- or long-term kmod) is not in the sources at hand; "
				"switch the option off and give each element its EI and moment as material wood (3)",
				el->name, line, wood[0], wood[1], wood[2], wood[3], wood[4], wood[5], wood[6], wood[7],
				wood[8]);
		}
		/* SheetPilingElementMaterialType (GEOLib's enum): 0 user defined,
		 * 1 steel, 2 concrete, 3 wood, 4 synthetic, 5 combined. For 0 to
		 * 4 the element's EI per running metre is the stiffness whatever
		 * the material (bm4-33a: user defined, EI 81.29 kNm2/m as given;
		 * ComplexProjects24: a diaphragm wall's concrete); the material
		 * sets only the partial factors of the allowable moment. A
		 * combined wall (5) takes its stiffness and moments from the piles
		 * and sheet piles of [COMBINED WALL] (GEOLib's CombinedWall* keys:
		 * each one's EI, width, bottom level, the piles' moments, the
		 * number of sheet piles, the neutral axes' distances to the system
		 * boundary); the rule by which D-Sheet Piling combines them (over
		 * which width, with or without the parallel-axis terms, below the
		 * sheet piles' bottom level) was not in the sources at hand (the
		 * manual's text on it could not be read, no development file has
		 * one): refused, naming what to do instead */
		if (type == 5)
			return sp_shi_scan_fail(
				in, line,
				"element '%s': material type 5, a combined wall, is not supported: D-Sheet Piling "
				"derives the wall's EI and moments per running metre from the piles and the sheet piles "
				"of [COMBINED WALL] (their EI, widths and bottom levels, the piles' moments, the number "
				"of sheet piles and the distances of the neutral axes), and how it combines them is not "
				"in the sources at hand; give the wall as user-defined elements (0) with the combined "
				"wall's EI and moment per running metre",
				el->name);
		if (type != 0 && type != 1 && type != 2 && type != 3 && type != 4)
			return sp_shi_scan_fail(in, line,
						"element '%s': material type %g is not one of D-Sheet Piling's (user "
						"defined 0, steel 1, concrete 2, wood 3, synthetic 4, combined 5)",
						el->name, type);
		/* the diaphragm wall's M-kappa diagram acts only in a Diepwand
		 * calculation (bm4-44a, a sheet piling wall, carries one unused),
		 * per sign of the moment: EI up to the elastic moment, then
		 * EIElastoPlastic1 up to the elasto-plastic moment, then
		 * EIElastoPlastic2 up to the plastic moment, which bounds the
		 * moment (engine/beam_bending.h; ComplexProjects24: 44000 kNm/m
		 * for all three, EI 1e-3 between them) */
		memset(el->diagram_moment_kNm_per_m, 0, sizeof el->diagram_moment_kNm_per_m);
		memset(el->diagram_ei_kNm2_per_m, 0, sizeof el->diagram_ei_kNm2_per_m);
		if (w->diaphragm) {
			/* per sign: elastic, elasto-plastic, plastic (mom[] as read: pos/neg pairs
			 * elastic 0/1, plastic 2/3, elasto-plastic 4/5) */
			static const int order[3] = {0, 4, 2};
			for (int sgn = 0; sgn < 2; sgn++) {
				double prev = 0.0;
				for (int j = 0; j < 3; j++) {
					double m = mom[order[j] + sgn];
					if (!(m >= prev))
						return sp_shi_scan_fail(in, line,
									"element '%s': diaphragm wall %s moments must not be "
									"negative or fall (elastic %g, elasto-plastic %g, "
									"plastic %g kNm/m)",
									el->name, sgn ? "negative" : "positive", mom[sgn],
									mom[4 + sgn], mom[2 + sgn]);
					el->diagram_moment_kNm_per_m[sgn][j] = prev = m;
				}
				for (int j = 0; j < 2; j++) {
					double e = epei[2 * sgn + j];
					if (!(e >= 0))
						return sp_shi_scan_fail(in, line,
									"element '%s': diaphragm wall EI of an elasto-plastic "
									"branch %g must not be negative",
									el->name, e);
					el->diagram_ei_kNm2_per_m[sgn][j] = e;
				}
			}
		}
		el->ei_kNm2_per_m = ei * factor;

		/* the allowable moment: D-Sheet Piling's "maximum allowed elastic
		 * moment including reduction factor" ([SHEET PILE ELEMENTS] of the
		 * .shd) is the characteristic moment x the acting width (sheet
		 * piling; a single pile's own, as its EI) x kmod / material factor
		 * x the reduction factor on the moment: bm4-44a 610.6 x 0.7 x 0.85 /
		 * 1.2 x 1.15 = 348.169 kNm/m, ComplexProjects24 44000 / 1.1 = 40000,
		 * Tutorial-1 312 as given. 0: none given */
		if (!(mchar >= 0) || !(kmod > 0) || !(gamma_m > 0) || !(mfactor > 0))
			return sp_shi_scan_fail(in, line,
						"element '%s': maximum characteristic moment %g must not be negative, kmod "
						"%g, material factor %g and reduction factor on the moment %g positive",
						el->name, mchar, kmod, gamma_m, mfactor);
		el->allowable_moment_kNm_per_m =
			mchar * (w->single_pile ? 1.0 : el->acting_width_m) * kmod / gamma_m * mfactor;
		/* the plastic moment the same way: D-Sheet's "maximum allowed
		 * plastic moment including reduction factor", bm4-44a 610.7 x 0.7
		 * x 0.85 / 1.2 x 1.15 = 348.226 kNm/m */
		if (w->plastic)
			el->plastic_moment_kNm_per_m = mpl * (w->single_pile ? 1.0 : el->acting_width_m) * kmod / gamma_m * mfactor;
		if (!(el->ei_kNm2_per_m > 0) || !(el->acting_width_m > 0))
			return sp_shi_scan_fail(in, line,
						"element '%s': EI x reduction factor and width must be positive",
						el->name);
		double above = k == 0 ? w->top_level_m : w->elements[k - 1].bottom_level_m;
		if (!(el->bottom_level_m < above))
			return sp_shi_scan_fail(in, line, "element '%s': level %g is not below %g", el->name,
						el->bottom_level_m, above);
		w->n_elements = k + 1;
	}
	double bottom = w->top_level_m - w->length_m;
	if (fabs(w->elements[n - 1].bottom_level_m - bottom) > 1e-6 * (1 + fabs(bottom)))
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "the last element ends at %g, but top - length = %g",
					w->elements[n - 1].bottom_level_m, bottom);
	return sp_shi_scan_expect_end(in);
}

/* Level E A Length Yield(anchor)/Buckling(strut) Angle Height Side; a
 * strut has no anchorage height */
static int S_anchor_or_strut(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, sp_wall_anchor_t *a,
                             int strut)
{
	a->level_m = t->v[k][0];
	a->e_kPa = t->v[k][1];
	a->area_m2_per_m = t->v[k][2];
	a->length_m = t->v[k][3];
	a->yield_force_kN_per_m = t->v[k][4];
	a->angle_deg = t->v[k][5];
	a->anchorage_height_m = strut ? 0.0 : t->v[k][6];
	int rc = S_side(in, t->line[k], t->name[k], t->v[k][7], &a->side);
	if (rc != SP_OK)
		return rc;
	if (!(a->e_kPa > 0) || !(a->area_m2_per_m > 0) || !(a->length_m > 0) || !(fabs(a->angle_deg) < 90) ||
	    !(a->anchorage_height_m >= 0))
		return sp_shi_scan_fail(in, t->line[k],
					"'%s': E, cross-section and length must be positive, |angle| < 90, height >= 0",
					t->name[k]);
	return SP_OK;
}

static int S_anchor_row(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item)
{
	return S_anchor_or_strut(in, t, k, item, 0);
}

static int S_strut_row(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item)
{
	return S_anchor_or_strut(in, t, k, item, 1);
}

int sp_shi_wall_read_anchors(sp_shi_scan_t *in, sp_wall_t *w, int struts)
{
	sp_wall_anchor_t *a = struts ? w->struts : w->anchors;
	return sp_shi_scan_items(in, struts ? "Number of struts" : "Number of anchors", 8, a, sizeof *a,
	                         struts ? &w->n_struts : &w->n_anchors, struts ? S_strut_row : S_anchor_row);
}

/* Level, then the rotation and translation fixed (0/1) */
static int S_rigid_row(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item)
{
	sp_wall_support_t *su = item;
	su->level_m = t->v[k][0];
	for (int j = 1; j <= 2; j++)
		if (t->v[k][j] != 0 && t->v[k][j] != 1)
			return sp_shi_scan_fail(in, t->line[k], "'%s': rigid support flags must be 0 or 1", t->name[k]);
	su->rot_fixed = (int)t->v[k][1];
	su->trans_fixed = (int)t->v[k][2];
	return SP_OK;
}

/* Level, then the rotational and translational stiffness */
static int S_spring_row(sp_shi_scan_t *in, const sp_shi_scan_table_t *t, int k, void *item)
{
	sp_wall_support_t *su = item;
	su->level_m = t->v[k][0];
	if (t->v[k][1] < 0 || t->v[k][2] < 0)
		return sp_shi_scan_fail(in, t->line[k], "'%s': negative stiffness", t->name[k]);
	su->rot_stiffness_kNm_per_rad_per_m = t->v[k][1];
	su->trans_stiffness_kN_per_m_per_m = t->v[k][2];
	return SP_OK;
}

int sp_shi_wall_read_supports(sp_shi_scan_t *in, sp_wall_t *w, int rigid)
{
	sp_wall_support_t *su = rigid ? w->rigid_supports : w->spring_supports;
	return sp_shi_scan_items(in, rigid ? "Number of rigid supports" : "Number of spring supports", 3, su, sizeof *su,
	                         rigid ? &w->n_rigid_supports : &w->n_spring_supports, rigid ? S_rigid_row : S_spring_row);
}

