/* test_verify.c - the factored wall of a verification (engine/verify.c).
 *
 * Sources:
 * - EN 1997-1:2004 2.4.6.2 (2)P, eq. (2.2): X_d = X_k / gamma_M, applied to
 *   tan(phi'): with gamma_phi' = 1.25 (Annex A, Table A.4, set M2) a
 *   characteristic phi'_k = 30 deg gives phi'_d = atan(tan 30 / 1.25) =
 *   24.79 deg, and c'_k = 10 kPa with gamma_c' = 1.25 gives 8.00 kPa.
 * - D-Sheet Piling bm4-19a (CUR 166 method A, tests/data/dsheet, from
 *   Deltares' GEOLib, MIT licence): its [FACTORS FOR VERIFICATION] prints for
 *   CUR I the passive surface lowered by 0.25 m (DeltaSoilPassive), the active
 *   water level raised by 0.20 m and the passive one raised and lowered by
 *   0.30 m (IncreaseDeltaWaterLevelActiveSide, Decrease/IncreaseDeltaWater
 *   LevelPassiveSide); its stage 3 has the left surface at -7.00, the right at
 *   0.00, water -10.00 left, -2.00 right.
 * - EN 1997-1 9.3.2.2 (2): the excavation allowance Delta a = 10 % of the
 *   retained height, at most 0.5 m (the DA2 set of bm4-16a prints
 *   DeltaSoilPassivePerc 10.00 and DeltaSoilPassiveMax 0.50): 7.0 m
 *   retained -> 0.50 m; "for a supported wall, 10 % of the distance between
 *   the lowest support and the excavation level": bm4-16a.shd prints the
 *   passive surface -2.00 of its stage 2 (anchor at -1.50) as -2.05 in the
 *   DA2 run.
 * - The load factors D-Sheet applied in bm4-16a's DA2 run (.shd, stage 2 and
 *   3 of PartialFactorSet=7; [FACTORS FOR VERIFICATION]: LoadTempFav 0.000,
 *   LoadTempUnfav 1.100, LoadPermFav 1.000, LoadPermUnfav 1.000,
 *   FactorOnEffect 1.350), its loads all "Favourable=0" in the .shi and
 *   the left side passive: the variable surcharge of 40 kPa on the right
 *   printed as 44.00 "Is favorable 0"; the variable horizontal loads +150
 *   and -300 kN/m printed as 0.00 ("Is favorable 1") and -330.00 (0); the
 *   permanent +200 and -100 as 200.00 (1) and -100.00 (0); the permanent
 *   uniform load 10 kPa on the right as 10.00, on the left "Is favorable 1";
 *   the permanent surcharge of 60 kPa on the left as 60.00 (1). bm4-21a
 *   (DA1 set 1, EffectFactor 0.80, EffectFactorVarUnfav 0.60) prints
 *   LoadTempUnfav 0.600, LoadPermUnfav 1.000; bm4-19a (CUR I, no effect
 *   factor) its set's 0.900 and 0.800. */
#include "harness.h"
#include "verify.h"
#include "earth.h"

#include <math.h>
#include <string.h>

int main(void)
{
	static sp_wall_t w, f;
	sp_wall_init(&w);
	w.n_soils = 1;
	w.soils[0].phi_deg = 30;
	w.soils[0].delta_deg = 20;
	w.soils[0].c_kPa = 10;
	w.soils[0].kh_top_kN_m3[0] = w.soils[0].kh_bottom_kN_m3[0] = 1000;
	w.n_stages = 1;
	w.stages[0].surface_m[0] = -7.0;
	w.stages[0].surface_m[1] = 0.0;
	w.stages[0].water_m[0] = -10.0;
	w.stages[0].water_m[1] = -2.0;

	sp_factor_set_t m2 = {.cohesion_factor = 1.25, .tan_phi_factor = 1.25, .subgrade_factor = 1, .effect_factor = 1};
	sp_verify_wall(&w, &m2, SP_STEP_FACTORED, &f, NULL);
	DBL_REL(f.soils[0].phi_deg, 24.79, 5e-4, "EN 1997-1 M2: phi'_d = atan(tan 30 / 1.25) = 24.79 deg");
	DBL_REL(f.soils[0].c_kPa, 8.0, 1e-9, "EN 1997-1 M2: c'_d = 10 / 1.25 = 8 kPa");
	DBL_REL(f.stages[0].surface_m[0], -7.0, 1e-12, "no allowance in the set: the passive surface stays");

	sp_factor_set_t da2 = {.cohesion_factor = 1, .tan_phi_factor = 1, .subgrade_factor = 1, .effect_factor = 1.35,
	                       .retaining_height_inc_pct = 10, .retaining_height_inc_max_m = 0.5};
	sp_verify_wall(&w, &da2, SP_STEP_FACTORED, &f, NULL);
	DBL_REL(f.stages[0].surface_m[0], -7.5, 1e-12, "EN 1997-1 9.3.2.2: 10 % of 7 m, at most 0.5 m: -7.50");
	DBL_REL(f.stages[0].surface_m[1], 0.0, 1e-12, "the active surface stays");
	DBL_REL(f.soils[0].phi_deg, 30.0, 1e-12, "DA2: gamma_phi 1, phi unchanged");

	/* bm4-25a.shd, EC7 BE 2 SET2 (10 %, at most 0.50 m, dry 0.30 m): the
	 * stage-3 passive surface -7.00 with the passive water at -10.00 (dry)
	 * printed at -7.30 */
	sp_factor_set_t be2 = da2;
	be2.retaining_height_inc_dry_m = 0.30;
	sp_verify_wall(&w, &be2, SP_STEP_FACTORED, &f, NULL);
	DBL_REL(f.stages[0].surface_m[0], -7.30, 1e-12, "bm4-25a BE set 2: dry excavation, 0.30 m: -7.30");

	sp_factor_set_t cur1 = {.cohesion_factor = 2, .tan_phi_factor = 0.8, .subgrade_factor = 0.8,
	                        .effect_factor = 1, .passive_surface_drop_m = 0.25, .passive_water_delta_m = 0.30,
	                        .active_water_rise_m = 0.20};
	sp_verify_wall(&w, &cur1, SP_STEP_LOW_K_LOW_WATER, &f, NULL);
	DBL_REL(f.stages[0].surface_m[0], -7.25, 1e-12, "bm4-19a CUR I: the passive surface 0.25 m lower");
	DBL_REL(f.stages[0].water_m[1], -1.80, 1e-12, "bm4-19a CUR I: the active water level 0.20 m higher");
	DBL_REL(f.stages[0].water_m[0], -10.30, 1e-12, "bm4-19a CUR I step 6.3: passive water 0.30 m lower");
	DBL_REL(f.soils[0].kh_top_kN_m3[0], 1250, 1e-12, "step 6.3, low modulus: x 1.25 (bm4-19a.shd 6.3: 2000 -> 2500)");
	sp_verify_wall(&w, &cur1, SP_STEP_HIGH_K_HIGH_WATER, &f, NULL);
	DBL_REL(f.stages[0].water_m[0], -9.70, 1e-12, "bm4-19a CUR I step 6.2: passive water 0.30 m higher");
	DBL_REL(f.soils[0].kh_top_kN_m3[0], 2250, 1e-12, "step 6.2, high modulus: x 2.25 (bm4-19a.shd 6.2: 2000 -> 4500)");
	DBL_REL(f.soils[0].c_kPa, 5.0, 1e-12, "CUR I of bm4-19a: c / 2");

	/* bm4-19a.shd, stages 1-2 (both water levels at -2.00), step 6.1 (high
	 * passive water): active -1.80, passive -2.00 (+0.30 capped at the
	 * active level before its rise); step 6.3: passive -2.30. */
	static sp_wall_t lv;
	sp_wall_init(&lv);
	lv.n_soils = 1;
	lv.soils[0] = w.soils[0];
	lv.n_stages = 1;
	lv.stages[0].surface_m[0] = -2.0;
	lv.stages[0].water_m[0] = lv.stages[0].water_m[1] = -2.0;
	sp_verify_wall(&lv, &cur1, SP_STEP_LOW_K_HIGH_WATER, &f, NULL);
	DBL_REL(f.stages[0].water_m[1], -1.80, 1e-12, "bm4-19a 6.1 stage 1: active water -1.80");
	DBL_REL(f.stages[0].water_m[0], -2.00, 1e-12, "bm4-19a 6.1 stage 1: passive water -2.00, not -1.70 or -1.80");
	DBL_REL(f.stages[0].surface_m[0], -2.25, 1e-12, "bm4-19a 6.1 stage 1: passive surface -2.25");
	sp_verify_wall(&lv, &cur1, SP_STEP_LOW_K_LOW_WATER, &f, NULL);
	DBL_REL(f.stages[0].water_m[0], -2.30, 1e-12, "bm4-19a 6.3 stage 1: passive water -2.30");

	/* bm4-19a.shd, CUR I step 6.3, [SOIL PROFILE FOR SHEET PILING MODEL]:
	 * Clay (SoilLambdaType=1, Mueller-Breslau) phi 21, delta 14, Ka 0.41,
	 * K0 0.64, Kp 2.99 become phi 25.63, delta 17.09, Ka 0.34, K0 0.57, Kp
	 * 4.09 (printed to 2 decimals); typed-in coefficients stay. */
	lv.soils[0].phi_deg = 21;
	lv.soils[0].delta_deg = 14;
	lv.soils[0].ocr = 1;
	lv.soils[0].ka = sp_ka_coulomb(21, 14);
	lv.soils[0].kp = sp_kp_coulomb(21, 14);
	lv.soils[0].k0 = sp_k0_jaky(21);
	DBL_REL(lv.soils[0].kp, 2.99, 2e-3, "bm4-19a Clay: the characteristic Kp 2.99");
	sp_verify_wall(&lv, &cur1, SP_STEP_LOW_K_LOW_WATER, &f, NULL);
	DBL_REL(f.soils[0].phi_deg, 25.63, 2e-4, "bm4-19a Clay 6.3: phi 25.63");
	DBL_REL(f.soils[0].delta_deg, 17.09, 3e-4, "bm4-19a Clay 6.3: delta 17.09");
	DBL_REL(f.soils[0].ka, 0.34, 0.015, "bm4-19a Clay 6.3: Ka 0.34");
	DBL_REL(f.soils[0].k0, 0.57, 0.01, "bm4-19a Clay 6.3: K0 0.57");
	DBL_REL(f.soils[0].kp, 4.09, 2e-3, "bm4-19a Clay 6.3: Kp 4.09");
	lv.soils[0].ka = 0.36;
	lv.soils[0].k0 = 0.59;
	lv.soils[0].kp = 3.38;
	sp_verify_wall(&lv, &cur1, SP_STEP_LOW_K_LOW_WATER, &f, NULL);
	DBL_REL(f.soils[0].kp, 3.38, 1e-12, "typed-in Kp (not phi's) kept");

	/* the load factors (bm4-16a, DA2): passive left in stage 0, right in stage 1 */
	static sp_wall_t lw;
	sp_wall_init(&lw);
	lw.n_stages = 2;
	for (int i = 0; i < 2; i++) {
		lw.stages[i].surface_m[i] = -2.0; /* stage 0: left passive, stage 1: right */
		lw.stages[i].water_m[0] = lw.stages[i].water_m[1] = -2.0;
	}
	lw.n_line_loads = 4;
	const double hv[4] = {200, -100, 150, -300};
	for (int i = 0; i < 4; i++) {
		lw.line_loads[i].value = hv[i];
		lw.line_loads[i].kind.variable = i >= 2;
		lw.stages[0].line_load_on[i] = 1;
	}
	lw.n_uniform_loads = 1;
	lw.uniform_loads[0].left_kPa = 5;
	lw.uniform_loads[0].right_kPa = 10;
	lw.stages[0].uniform_load_on[0] = 1;
	lw.n_surcharges = 2;
	lw.surcharges[0].n_points = lw.surcharges[1].n_points = 1;
	lw.surcharges[0].value_kPa[0] = 40;
	lw.surcharges[0].kind.variable = 1;
	lw.surcharges[1].value_kPa[0] = 60;
	lw.stages[0].surcharge_on[SP_RIGHT][0] = 1;
	lw.stages[0].surcharge_on[SP_LEFT][1] = 1;
	lw.stages[1].surcharge_on[SP_RIGHT][0] = 1; /* stage 1: on the passive side, favourable: a copy */
	sp_factor_set_t da2l = da2;
	da2l.load_perm_unfav = 1.35, da2l.load_perm_fav = 1.0, da2l.load_var_unfav = 1.5, da2l.load_var_fav = 0;
	da2l.effect_factor_var_unfav = 1.10;
	INT_EQ(sp_verify_wall(&lw, &da2l, SP_STEP_FACTORED, &f, NULL), SP_OK, "the loads factored");
	DBL_REL(f.line_loads[0].value, 200, 1e-12, "bm4-16a DA2: permanent +200 favourable, x 1.000");
	DBL_REL(f.line_loads[1].value, -100, 1e-12, "bm4-16a DA2: permanent -100 unfavourable, x 1.000");
	DBL_ABS(f.line_loads[2].value, 0, 1e-12, "bm4-16a DA2: variable +150 favourable, x 0.000");
	DBL_REL(f.line_loads[3].value, -330, 1e-12, "bm4-16a DA2: variable -300 unfavourable, x 1.100");
	DBL_REL(f.uniform_loads[0].right_kPa, 10, 1e-12, "bm4-16a DA2: permanent 10 kPa on the right, x 1.000");
	DBL_REL(f.surcharges[0].value_kPa[0], 44, 1e-12, "bm4-16a DA2: variable 40 kPa on the right: 44.00");
	DBL_REL(f.surcharges[1].value_kPa[0], 60, 1e-12, "bm4-16a DA2: permanent 60 kPa on the left: 60.00");
	INT_EQ(f.n_surcharges, 3, "the variable surcharge on the passive side in stage 1: a copy");
	INT_EQ(f.stages[1].surcharge_on[SP_RIGHT][0], 0, "stage 1 uses the copy, not the original");
	INT_EQ(f.stages[1].surcharge_on[SP_RIGHT][2], 1, "stage 1 uses the copy");
	DBL_ABS(f.surcharges[2].value_kPa[0], 0, 1e-12, "variable favourable: x LoadTempFav 0.000");
	lw.line_loads[2].kind.favourable = SP_LOAD_UNFAVOURABLE;
	sp_factor_set_t da1 = da2l;
	da1.effect_factor = 0.8, da1.effect_factor_var_unfav = 0.6;
	sp_verify_wall(&lw, &da1, SP_STEP_FACTORED, &f, NULL);
	DBL_REL(f.line_loads[2].value, 90, 1e-12, "marked unfavourable (2): bm4-21a DA1 set 1 LoadTempUnfav 0.600");
	DBL_REL(f.line_loads[1].value, -100, 1e-12, "bm4-21a DA1 set 1: LoadPermUnfav 1.000");
	sp_factor_set_t cur = cur1;
	cur.load_perm_unfav = 0.9, cur.load_perm_fav = 1.1, cur.load_var_unfav = 0.8, cur.load_var_fav = 0;
	sp_verify_wall(&lw, &cur, SP_STEP_LOW_K_LOW_WATER, &f, NULL);
	DBL_REL(f.line_loads[1].value, -90, 1e-12, "bm4-19a CUR I: LoadPermUnfav 0.900");
	DBL_REL(f.line_loads[0].value, 220, 1e-12, "bm4-19a CUR I: LoadPermFav 1.100");
	DBL_REL(f.line_loads[3].value, -240, 1e-12, "bm4-19a CUR I: LoadTempUnfav 0.800");

	/* the excavation allowance of a supported stage */
	lw.n_anchors = 1;
	lw.anchors[0].level_m = -1.5;
	lw.stages[0].anchor_on[0] = 1;
	lw.stages[0].surface_m[1] = 0;
	sp_verify_wall(&lw, &da2l, SP_STEP_FACTORED, &f, NULL);
	DBL_REL(f.stages[0].surface_m[0], -2.05, 1e-12, "bm4-16a DA2 stage 2: anchor -1.50, passive -2.00 -> -2.05");
	lw.stages[0].anchor_on[0] = 0;
	sp_verify_wall(&lw, &da2l, SP_STEP_FACTORED, &f, NULL);
	DBL_REL(f.stages[0].surface_m[0], -2.20, 1e-12, "bm4-16a DA2 stage 1: no anchor, -2.00 -> -2.20");

	/* the design length: a 15 m wall of two elements cut to 13 m */
	w.top_level_m = 0;
	w.length_m = 15;
	w.n_elements = 2;
	w.elements[0].bottom_level_m = -10;
	w.elements[1].bottom_level_m = -15;
	f = w;
	sp_verify_wall_length(&f, 13);
	INT_EQ(f.n_elements, 2, "13 m: both elements kept");
	DBL_REL(f.elements[1].bottom_level_m, -13, 1e-12, "13 m: the toe at -13");
	f = w;
	sp_verify_wall_length(&f, 8);
	INT_EQ(f.n_elements, 1, "8 m: the second element dropped");
	DBL_REL(f.elements[0].bottom_level_m, -8, 1e-12, "8 m: the toe at -8");

	/* CUR 166 method B (bm4-17a.shd, CUR I, stage 3 verified): the stages
	 * before as they are, stage 3 with factored copies of its soils (its
	 * step 6.1 listing: Clay c 12.5 -> 6.25 kPa, phi 21 -> 25.63, delta
	 * 14 -> 17.09, modulus 2000 -> 2500), its passive surface -7.00 ->
	 * -7.25, water left -10.00 -> -9.70, right -2.00 -> -1.80, and its
	 * loads factored (CUR I LoadPermUnfav 0.900) while stage 1 keeps them */
	static sp_wall_t bw;
	sp_wall_init(&w);
	w.n_soils = 1;
	w.soils[0].phi_deg = 21;
	w.soils[0].delta_deg = 14;
	w.soils[0].c_kPa = 12.5;
	w.soils[0].kh_top_kN_m3[0] = w.soils[0].kh_bottom_kN_m3[0] = 2000;
	w.n_layers = 1;
	w.layers[0].top_level_m = 0;
	w.n_stages = 3;
	for (int s = 0; s < 3; s++) {
		w.stages[s].surface_m[0] = s < 2 ? -2.0 : -7.0;
		w.stages[s].water_m[0] = s < 2 ? -2.0 : -10.0;
		w.stages[s].water_m[1] = -2.0;
	}
	w.n_uniform_loads = 1;
	w.uniform_loads[0].right_kPa = 10;
	w.uniform_loads[0].kind.favourable = SP_LOAD_UNFAVOURABLE;
	w.stages[0].uniform_load_on[0] = w.stages[2].uniform_load_on[0] = 1;
	cur1.load_perm_unfav = 0.9;
	INT_EQ(sp_verify_wall_b(&w, &cur1, SP_STEP_LOW_K_HIGH_WATER, 2, &bw, NULL), SP_OK, "method B wall of stage 3");
	INT_EQ(bw.n_stages, 3, "method B: stages 1 to 3");
	INT_EQ(bw.n_soils, 2, "method B: the soil and its factored copy");
	DBL_REL(bw.soils[0].phi_deg, 21, 1e-12, "method B: the characteristic soil kept");
	OK(bw.stages[0].profile[0] == 0 && bw.stages[1].profile[1] == 0, "method B: stages 1-2 on the wall's layers");
	OK(bw.stages[2].profile[0] > 0 && bw.stages[2].profile[0] == bw.stages[2].profile[1],
	   "method B: stage 3 on a profile of factored soils, both sides");
	const sp_wall_layer_t *bl = bw.profiles[bw.stages[2].profile[0] - 1].layers;
	const sp_wall_soil_t *fs = &bw.soils[bl[0].soil];
	DBL_REL(fs->c_kPa, 6.25, 1e-12, "bm4-17a 6.1 stage 3: Clay c 6.25");
	DBL_REL(fs->phi_deg, 25.63, 2e-4, "bm4-17a 6.1 stage 3: Clay phi 25.63");
	DBL_REL(fs->delta_deg, 17.09, 3e-4, "bm4-17a 6.1 stage 3: Clay delta 17.09");
	DBL_REL(fs->kh_top_kN_m3[0], 2500, 1e-12, "bm4-17a 6.1 stage 3: Clay modulus 2500");
	DBL_REL(bw.stages[2].surface_m[0], -7.25, 1e-12, "bm4-17a 6.1 stage 3: passive surface -7.25");
	DBL_REL(bw.stages[2].water_m[0], -9.70, 1e-12, "bm4-17a 6.1 stage 3: passive water -9.70");
	DBL_REL(bw.stages[2].water_m[1], -1.80, 1e-12, "bm4-17a 6.1 stage 3: active water -1.80");
	DBL_REL(bw.stages[1].surface_m[0], -2.0, 1e-12, "method B: stage 2 characteristic, passive surface -2.00");
	DBL_REL(bw.stages[1].water_m[1], -2.0, 1e-12, "method B: stage 2 characteristic, water -2.00");
	INT_EQ(bw.n_uniform_loads, 2, "method B: the factored load appended");
	OK(bw.stages[0].uniform_load_on[0] && !bw.stages[0].uniform_load_on[1], "method B: stage 1 the characteristic load");
	OK(!bw.stages[2].uniform_load_on[0] && bw.stages[2].uniform_load_on[1], "method B: stage 3 the factored one");
	DBL_REL(bw.uniform_loads[0].right_kPa, 10, 1e-12, "method B: the characteristic load 10 kPa");
	DBL_REL(bw.uniform_loads[1].right_kPa, 9, 1e-12, "method B: CUR I LoadPermUnfav 0.900: 9 kPa");
	OK(sp_verify_wall_b(&w, &cur1, SP_STEP_LOW_K_HIGH_WATER, 3, &bw, NULL) == SP_EDATA, "method B: no stage 4");
	return sp_test_done("test_verify");
}
