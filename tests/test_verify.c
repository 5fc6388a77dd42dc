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
 *   retained -> 0.50 m. */
#include "harness.h"
#include "verify.h"

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
	sp_verify_wall(&w, &m2, SP_STEP_FACTORED, &f);
	DBL_REL(f.soils[0].phi_deg, 24.79, 5e-4, "EN 1997-1 M2: phi'_d = atan(tan 30 / 1.25) = 24.79 deg");
	DBL_REL(f.soils[0].c_kPa, 8.0, 1e-9, "EN 1997-1 M2: c'_d = 10 / 1.25 = 8 kPa");
	DBL_REL(f.stages[0].surface_m[0], -7.0, 1e-12, "no allowance in the set: the passive surface stays");

	sp_factor_set_t da2 = {.cohesion_factor = 1, .tan_phi_factor = 1, .subgrade_factor = 1, .effect_factor = 1.35,
	                       .retaining_height_inc_pct = 10, .retaining_height_inc_max_m = 0.5};
	sp_verify_wall(&w, &da2, SP_STEP_FACTORED, &f);
	DBL_REL(f.stages[0].surface_m[0], -7.5, 1e-12, "EN 1997-1 9.3.2.2: 10 % of 7 m, at most 0.5 m: -7.50");
	DBL_REL(f.stages[0].surface_m[1], 0.0, 1e-12, "the active surface stays");
	DBL_REL(f.soils[0].phi_deg, 30.0, 1e-12, "DA2: gamma_phi 1, phi unchanged");

	sp_factor_set_t cur1 = {.cohesion_factor = 2, .tan_phi_factor = 0.8, .subgrade_factor = 0.8,
	                        .effect_factor = 1, .passive_surface_drop_m = 0.25, .passive_water_delta_m = 0.30,
	                        .active_water_rise_m = 0.20};
	sp_verify_wall(&w, &cur1, SP_STEP_LOW_K_LOW_WATER, &f);
	DBL_REL(f.stages[0].surface_m[0], -7.25, 1e-12, "bm4-19a CUR I: the passive surface 0.25 m lower");
	DBL_REL(f.stages[0].water_m[1], -1.80, 1e-12, "bm4-19a CUR I: the active water level 0.20 m higher");
	DBL_REL(f.stages[0].water_m[0], -10.30, 1e-12, "bm4-19a CUR I step 6.3: passive water 0.30 m lower");
	DBL_REL(f.soils[0].kh_top_kN_m3[0], 800, 1e-12, "step 6.3, low modulus: k x min(0.8, 1/0.8)");
	sp_verify_wall(&w, &cur1, SP_STEP_HIGH_K_HIGH_WATER, &f);
	DBL_REL(f.stages[0].water_m[0], -9.70, 1e-12, "bm4-19a CUR I step 6.2: passive water 0.30 m higher");
	DBL_REL(f.soils[0].kh_top_kN_m3[0], 1250, 1e-12, "step 6.2, high modulus: k / 0.8");
	DBL_REL(f.soils[0].c_kPa, 5.0, 1e-12, "CUR I of bm4-19a: c / 2");

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
	return sp_test_done("test_verify");
}
