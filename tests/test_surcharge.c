/* test_surcharge.c - surcharge strips: resultant, wall stress, Culmann wedge.
 * Expected values: hand integration, the closed-form strip-load stress
 * (Boussinesq/Flamant, e.g. Poulos & Davis, Elastic Solutions for Soil and Rock
 * Mechanics, 1974, eq. 2.7), Coulomb's closed form, and the wedge forces D-Sheet
 * Piling printed for its benchmark bm4-4c ([SLIDE PLANE] table of
 * tests/data/dsheet/bm4-4c.shd). */
#include "harness.h"
#include "surcharge.h"

/* bm4-4c: 16 kPa from 0 to 0.2 m from the wall, falling to 0 at 0.4 m */
static const sp_wall_surcharge_t bm44c = {.n_points = 3, .distance_m = {0.0, 0.2, 0.4}, .value_kPa = {16.0, 16.0, 0.0}};

static void test_resultant(void)
{
	/* by hand: 16 * 0.1; 3.2 + the ramp 16 (0.4 - x) / 0.2 from 0.2 to 0.3 = 1.2; all = 3.2 + 1.6 */
	DBL_REL(sp_surcharge_resultant(&bm44c, 0.1), 1.6, 1e-12, "resultant over 0.1 m");
	DBL_REL(sp_surcharge_resultant(&bm44c, 0.3), 4.4, 1e-12, "resultant over 0.3 m");
	DBL_REL(sp_surcharge_resultant(&bm44c, 10.0), 4.8, 1e-12, "resultant of the whole load");
	DBL_REL(sp_surcharge_resultant(&bm44c, 0.0), 0.0, 1e-12, "nothing on zero width");
}

static void test_wall_stress(void)
{
	/* uniform strip q = 10 kPa, 0..2 m, at the edge, depth 1 m:
	 * sigma_x = q/pi (a - sin a cos(a + 2 b)), b = 0, a = atan(2/1); doubled by the wall */
	sp_wall_surcharge_t strip = {.n_points = 2, .distance_m = {0.0, 2.0}, .value_kPa = {10.0, 10.0}};
	double a = atan(2.0);
	double want = 2.0 * 10.0 / SP_PI * (a - sin(a) * cos(a));
	DBL_REL(sp_surcharge_wall_stress(&strip, 1.0), want, 1e-9, "strip load: doubled Flamant sigma_x at depth 1 m");
	DBL_REL(want, 4.5018, 1e-4, "the closed form itself (0.45018 q)");
	/* a very wide load: sigma_x -> q/2 at the edge, q on the wall */
	sp_wall_surcharge_t wide = {.n_points = 2, .distance_m = {0.0, 1e6}, .value_kPa = {10.0, 10.0}};
	DBL_REL(sp_surcharge_wall_stress(&wide, 1.0), 10.0, 1e-5, "wide load: horizontal stress q on the wall");
	/* a load 3..5 m away: sigma_x at depth 4 m by the same closed form (a from b) */
	sp_wall_surcharge_t far = {.n_points = 2, .distance_m = {3.0, 5.0}, .value_kPa = {10.0, 10.0}};
	double b1 = atan(3.0 / 4.0), b2 = atan(5.0 / 4.0);
	double alpha = b2 - b1;
	want = 2.0 * 10.0 / SP_PI * (alpha - sin(alpha) * cos(alpha + 2.0 * b1));
	DBL_REL(sp_surcharge_wall_stress(&far, 4.0), want, 1e-9, "distant strip: doubled Flamant sigma_x");
}

static void test_vertical_stress(void)
{
	/* uniform strip q = 10 kPa, 0..2 m, at the edge, depth 1 m: Poulos & Davis
	 * eq. 2.7, sigma_z = q/pi (a + sin a cos(a + 2 b)), b = 0, a = atan(2/1) */
	sp_wall_surcharge_t strip = {.n_points = 2, .distance_m = {0.0, 2.0}, .value_kPa = {10.0, 10.0}};
	double a = atan(2.0);
	DBL_REL(sp_surcharge_vertical_stress(&strip, 1.0), 10.0 / SP_PI * (a + sin(a) * cos(a)), 1e-9,
	        "strip load: Flamant sigma_z at the edge, depth 1 m");
	/* a load 3..5 m away, depth 4 m: the same closed form with b */
	sp_wall_surcharge_t far = {.n_points = 2, .distance_m = {3.0, 5.0}, .value_kPa = {10.0, 10.0}};
	double b1 = atan(3.0 / 4.0), alpha = atan(5.0 / 4.0) - b1;
	DBL_REL(sp_surcharge_vertical_stress(&far, 4.0), 10.0 / SP_PI * (alpha + sin(alpha) * cos(alpha + 2.0 * b1)),
	        1e-9, "distant strip: Flamant sigma_z");
	/* under the edge of a very wide load: q/2 at every depth */
	sp_wall_surcharge_t wide = {.n_points = 2, .distance_m = {0.0, 1e6}, .value_kPa = {10.0, 10.0}};
	DBL_REL(sp_surcharge_vertical_stress(&wide, 3.0), 5.0, 1e-5, "wide load: q/2 under its edge");
	/* D-Sheet Piling bm3-7b (.shd [PRESSURES], weightless c = phi = 0 soil, K = 1):
	 * 20 kPa at the wall falling to 0 at 5 m; 7.65545 kPa at 1.905 m, 4.23109 at
	 * 6.381 m (D-Sheet integrates numerically: 0.5 % near the top) */
	sp_wall_surcharge_t tri = {.n_points = 2, .distance_m = {0.0, 5.0}, .value_kPa = {20.0, 0.0}};
	DBL_REL(sp_surcharge_vertical_stress(&tri, 1.9048), 7.65545, 5e-3, "bm3-7b: sigma_z at 1.905 m (D-Sheet)");
	DBL_REL(sp_surcharge_vertical_stress(&tri, 6.3810), 4.23109, 5e-3, "bm3-7b: sigma_z at 6.381 m (D-Sheet)");
	/* D-Sheet Piling bm4-17d stage 1, right side (.shd [LAMBDAS] "Vertical
	 * stress", CalcMinorNodesOn=0): 40 kPa from 2 to 10 m on clay with a
	 * 10 kPa uniform load. Printed 13.76623 at 0.25 m, 52.43513 at 3.0 m,
	 * 127.72564 at 13.7 m; less the soil and uniform load (by hand from the
	 * .shi: 10 + 15 z above the water at 2 m, then 6, 1, 9, 9 kN/m3 submerged
	 * for clay, peat 6-8, sand 8-11, sand below) = 13.75, 46.0, 117.3 kPa, the
	 * surcharge's share is 0.01623, 6.43513, 10.42564 kPa: Flamant's sigma_z */
	sp_wall_surcharge_t b17 = {.n_points = 2, .distance_m = {2.0, 10.0}, .value_kPa = {40.0, 40.0}};
	DBL_REL(sp_surcharge_vertical_stress(&b17, 0.25), 0.01623, 2e-2, "bm4-17d: sigma_z at 0.25 m (D-Sheet)");
	DBL_REL(sp_surcharge_vertical_stress(&b17, 3.0), 6.43513, 2e-3, "bm4-17d: sigma_z at 3.0 m (D-Sheet)");
	DBL_REL(sp_surcharge_vertical_stress(&b17, 13.7), 10.42564, 2e-3, "bm4-17d: sigma_z at 13.7 m (D-Sheet)");
}

static void test_wedge(void)
{
	double alpha;
	/* no surcharge: Coulomb. phi 30, delta 0: Ka = 1/3, Kp = 3; weight integral
	 * of gamma 18 kN/m3 over 2 m = 36 kN/m */
	DBL_REL(sp_surcharge_wedge_force(2.0, 36.0, NULL, 0, 30.0, 0.0, 0.0, 0, &alpha), 12.0, 1e-9, "active: Ka 1/3");
	DBL_REL(alpha, 60.0, 1e-6, "active slide plane at 45 + phi/2");
	DBL_REL(sp_surcharge_wedge_force(2.0, 36.0, NULL, 0, 30.0, 0.0, 0.0, 1, &alpha), 108.0, 1e-9, "passive: Kp 3");
	DBL_REL(alpha, 30.0, 1e-6, "passive slide plane at 45 - phi/2");
	/* phi 30, delta 20: Coulomb Ka = 0.2973 (Das, Principles of Foundation
	 * Engineering, table of Coulomb's Ka), horizontal component * cos 20 */
	DBL_REL(sp_surcharge_wedge_force(2.0, 36.0, NULL, 0, 30.0, 20.0, 0.0, 0, NULL), 36.0 * 0.2973 * cos(20.0 * SP_PI / 180.0),
	        2e-4, "active with wall friction: Coulomb Ka 0.2973");
	/* a uniform load over a wide strip acts as q: P = Ka (36 + q z) */
	sp_wall_surcharge_t wide = {.n_points = 2, .distance_m = {0.0, 1e4}, .value_kPa = {10.0, 10.0}};
	const sp_wall_surcharge_t *w1[1] = {&wide};
	DBL_REL(sp_surcharge_wedge_force(2.0, 36.0, w1, 1, 30.0, 0.0, 0.0, 0, NULL), (36.0 + 20.0) / 3.0, 1e-9,
	        "wide uniform load: Ka (W + q z)");
	/* bm4-4c (gamma 16, phi 30, delta 0): D-Sheet Piling's Q max / Q min and theta */
	const sp_wall_surcharge_t *l[1] = {&bm44c};
	DBL_REL(sp_surcharge_wedge_force(1.0, 8.0, l, 1, 30.0, 0.0, 0.0, 0, &alpha), 6.46349, 2e-6, "bm4-4c: Q max at -1.00");
	DBL_REL(90.0 - alpha, 18.497, 1e-4, "bm4-4c: theta max at -1.00");
	DBL_REL(sp_surcharge_wedge_force(1.0, 8.0, l, 1, 30.0, 0.0, 0.0, 1, &alpha), 31.33679, 2e-6, "bm4-4c: Q min at -1.00");
	DBL_REL(90.0 - alpha, 65.811, 1e-4, "bm4-4c: theta min at -1.00");
	DBL_REL(sp_surcharge_wedge_force(2.0, 32.0, l, 1, 30.0, 0.0, 0.0, 0, NULL), 13.85403, 2e-6, "bm4-4c: Q max at -2.00");
	DBL_REL(sp_surcharge_wedge_force(2.0, 32.0, l, 1, 30.0, 0.0, 0.0, 1, NULL), 103.99417, 2e-6, "bm4-4c: Q min at -2.00");
	DBL_REL(sp_surcharge_wedge_force(0.1, 0.08, l, 1, 30.0, 0.0, 0.0, 0, NULL), 0.56000, 2e-5, "bm4-4c: Q max at -0.10");
	DBL_REL(sp_surcharge_wedge_force(0.1, 0.08, l, 1, 30.0, 0.0, 0.0, 1, NULL), 3.99722, 2e-6, "bm4-4c: Q min at -0.10");
	/* bm4-8a (left: 50 kPa uniform load, gamma 15, c 5 kPa, phi 30, delta 20):
	 * D-Sheet's Q max / Q min at the slide planes 1.97143 and 1.22857 (surface 2.00) */
	double z1 = 2.0 - 1.97143, z2 = 2.0 - 1.22857;
	DBL_REL(sp_surcharge_wedge_force(z1, 50 * z1 + 7.5 * z1 * z1, NULL, 0, 30.0, 20.0, 5.0, 0, &alpha), 0.26099, 2e-4,
	        "bm4-8a: Q max with cohesion at 1.97143");
	DBL_REL(90.0 - alpha, 32.314, 1e-4, "bm4-8a: theta max at 1.97143");
	DBL_REL(sp_surcharge_wedge_force(z1, 50 * z1 + 7.5 * z1 * z1, NULL, 0, 30.0, 20.0, 5.0, 1, &alpha), 9.23309, 2e-4,
	        "bm4-8a: Q min with cohesion at 1.97143");
	DBL_REL(90.0 - alpha, 71.656, 1e-4, "bm4-8a: theta min at 1.97143");
	DBL_REL(sp_surcharge_wedge_force(z2, 50 * z2 + 7.5 * z2 * z2, NULL, 0, 30.0, 20.0, 5.0, 0, NULL), 8.24465, 2e-5,
	        "bm4-8a: Q max with cohesion at 1.22857");
	DBL_REL(sp_surcharge_wedge_force(z2, 50 * z2 + 7.5 * z2 * z2, NULL, 0, 30.0, 20.0, 5.0, 1, NULL), 273.95427, 2e-5,
	        "bm4-8a: Q min with cohesion at 1.22857");
	/* the closed form (no loads) against the angle search (a load of zero) */
	sp_wall_surcharge_t zero = {.n_points = 2, .distance_m = {0.0, 1.0}, .value_kPa = {0.0, 0.0}};
	const sp_wall_surcharge_t *z0[1] = {&zero};
	const double cases[][4] = {{0.0, 0.0, 100.0, 3.0}, {35.0, 23.0, 12.0, 2.385}, {27.5, 0.0, 3.0, 0.4}, {30.0, 20.0, 5.0, 6.0}};
	for (int i = 0; i < 4; i++)
		for (int passive = 0; passive < 2; passive++) {
			double d = cases[i][3], wint = 9.0 * d * d + 20.0 * d;
			double closed = sp_surcharge_wedge_force(d, wint, NULL, 0, cases[i][0], cases[i][1], cases[i][2], passive, NULL);
			double search = sp_surcharge_wedge_force(d, wint, z0, 1, cases[i][0], cases[i][1], cases[i][2], passive, NULL);
			DBL_REL(closed, search, 1e-9, passive ? "closed form = angle search (passive)" : "closed form = angle search (active)");
		}
	/* sloping ground, bm4-5a stage 1 left side (surface 0 at the wall, +1 m from
	 * 0.01 m on; gamma 10, phi 30, delta 0): D-Sheet's Q max / Q min at -1 and -2 */
	double gd[] = {0.01, 1000.0}, gl[] = {1.0, 1.0}, bb[] = {-1e30}, gg[] = {10.0};
	sp_ground_t ground = {.wall_level_m = 0.0, .n_points = 2, .distance_m = gd, .level_m = gl, .n_bands = 1,
	                      .band_bottom_m = bb, .band_gamma_kN_m3 = gg};
	DBL_REL(sp_surcharge_ground_wedge_force(&ground, -1.0, NULL, 0, 30.0, 0.0, 0.0, 0, &alpha), 6.63786, 2e-6,
	        "bm4-5a: Q max at -1 under sloping ground");
	DBL_REL(90.0 - alpha, 30.107, 1e-4, "bm4-5a: theta max at -1");
	DBL_REL(sp_surcharge_ground_wedge_force(&ground, -2.0, NULL, 0, 30.0, 0.0, 0.0, 0, NULL), 14.97116, 2e-6,
	        "bm4-5a: Q max at -2");
	DBL_REL(sp_surcharge_ground_wedge_force(&ground, -1.0, NULL, 0, 30.0, 0.0, 0.0, 1, NULL), 59.91333, 2e-6,
	        "bm4-5a: Q min at -1");
	DBL_REL(sp_surcharge_ground_wedge_force(&ground, -2.0, NULL, 0, 30.0, 0.0, 0.0, 1, NULL), 134.91337, 2e-6,
	        "bm4-5a: Q min at -2");
	/* level ground in two bands (dry 18 kN/m3 above -1, submerged 9 below) with
	 * 7.5 kPa on it equals the level-ground wedge with the integral of sigma_v'
	 * over the 2.2 m from +0.5 to -1.7, added up by hand */
	double lb[] = {-1.0, -1e30}, lg[] = {18.0, 9.0};
	sp_ground_t level = {.wall_level_m = 0.5, .n_points = 0, .n_bands = 2, .band_bottom_m = lb, .band_gamma_kN_m3 = lg,
	                     .uniform_kPa = 7.5};
	double wint = 7.5 * 2.2 + 18.0 * 1.5 * 1.5 / 2.0 + (18.0 * 1.5) * 0.7 + 9.0 * 0.7 * 0.7 / 2.0;
	for (int passive = 0; passive < 2; passive++)
		DBL_REL(sp_surcharge_ground_wedge_force(&level, -1.7, NULL, 0, 32.5, 12.0, 4.0, passive, NULL),
		        sp_surcharge_wedge_force(2.2, wint, NULL, 0, 32.5, 12.0, 4.0, passive, NULL), 1e-9,
		        passive ? "level ground in bands = level wedge (passive)" : "level ground in bands = level wedge (active)");
	OK(sp_surcharge_wedge_force(0.0, 0.0, l, 1, 30.0, 0.0, 0.0, 0, NULL) == 0.0, "no depth, no force");
	/* the bands' own soils: Tutorial-2a.shd right side, the ground level
	 * to 2 m, falling to -1.5 m at 4 m, water -2 m (9.81 kN/m3), the
	 * CPT-interpreted layers (gamma dry = wet): peat 12 c 2.5 phi 15 delta 0
	 * to -3.90, peat 10 c 1 to -4.92, peat 12 c 2.5 to -6.94, clay 13 c 0
	 * phi 15 delta 10 to -9.50, clay 15 to -11.52, clay 18 c 5 phi 22.5 delta
	 * 15 to -12.02, loam 19 c 0 phi 27.5 delta 18.33: [SLIDE PLANE] Q max
	 * 118.16041 and Q min 487.10729 kN/m at -12.02 m, Q max 118.65403 at
	 * -12.0996 (to the printed digits) */
	{
		double sd[] = {2.0, 4.0}, sl[] = {0.0, -1.5};
		double bot[] = {-2.0, -3.90, -4.92, -6.94, -9.50, -11.52, -12.02, -1e30};
		double gam[] = {12.0, 12.0 - 9.81, 10.0 - 9.81, 12.0 - 9.81, 13.0 - 9.81, 15.0 - 9.81, 18.0 - 9.81, 19.0 - 9.81};
		double phi[] = {15, 15, 15, 15, 15, 15, 22.5, 27.5}, del[] = {0, 0, 0, 0, 10, 10, 15, 18.33};
		double coh[] = {2.5, 2.5, 1.0, 2.5, 0, 0, 5.0, 0};
		sp_ground_t cpt = {.wall_level_m = 0.0, .n_points = 2, .distance_m = sd, .level_m = sl, .n_bands = 8,
		                   .band_bottom_m = bot, .band_gamma_kN_m3 = gam, .band_phi_deg = phi, .band_delta_deg = del,
		                   .band_c_kPa = coh};
		DBL_REL(sp_surcharge_ground_wedge_force(&cpt, -12.02, NULL, 0, 0, 0, 0, 0, NULL), 118.16041, 2e-6,
		        "Tutorial-2a: Q max at -12.02 m through the layers under the falling ground");
		DBL_REL(sp_surcharge_ground_wedge_force(&cpt, -12.0996, NULL, 0, 0, 0, 0, 0, NULL), 118.65403, 2e-6,
		        "Tutorial-2a: Q max at -12.0996 m");
		DBL_REL(sp_surcharge_ground_wedge_force(&cpt, -12.02, NULL, 0, 0, 0, 0, 1, NULL), 487.10729, 2e-6,
		        "Tutorial-2a: Q min at -12.02 m");
	}
}

/* D-Sheet Piling's horizontal stress at rest of a surcharge (its neutral
 * pressure less K0 times the vertical stress of soil and uniform load), read
 * from the .shd files of the development set (../shared/dsheet-benchmarks):
 * Flamant's sigma_x plus its mirror image weighted 1 - x/L within a wall
 * length L, the load beyond 5 L ignored. */
static void test_neutral_stress(void)
{
	/* the rule itself against the closed forms: a load beyond L counts once
	 * (sigma_x), a load at the wall twice; 2..3 m on a 10 m wall: by the
	 * (2 - x/L) weights integrated with Simpson's rule on 2000 panels */
	sp_wall_surcharge_t far = {.n_points = 2, .distance_m = {3.0, 5.0}, .value_kPa = {10.0, 10.0}};
	DBL_REL(sp_surcharge_neutral_stress(&far, 4.0, 2.5), sp_surcharge_wall_stress(&far, 4.0) / 2.0, 1e-9,
	        "beyond one wall length: sigma_x of the load alone");
	DBL_REL(sp_surcharge_neutral_stress(&far, 4.0, 0.0), sp_surcharge_wall_stress(&far, 4.0), 1e-12,
	        "no wall length: the doubled Flamant stress");
	sp_wall_surcharge_t near = {.n_points = 2, .distance_m = {2.0, 3.0}, .value_kPa = {12.0, 6.0}};
	double z = 1.7, h = 1.0 / 2000, sum = 0.0;
	for (int i = 0; i <= 2000; i++) {
		double x = 2.0 + i * h, q = 12.0 - 6.0 * (x - 2.0);
		double f = (2.0 / SP_PI) * q * x * x * z / ((x * x + z * z) * (x * x + z * z)) * (2.0 - x / 10.0);
		sum += f * (i == 0 || i == 2000 ? 1 : i % 2 ? 4 : 2);
	}
	DBL_REL(sp_surcharge_neutral_stress(&near, z, 10.0), sum * h / 3.0, 1e-9, "within L: (2 - x/L) sigma_x");

	/* bm3-7a (10 m wall; 20 kPa at the wall falling to 0 at 5 m, on both
	 * sides; weightless soil c = 100 kPa, phi = 0, so the neutral pressure is
	 * the surcharge's alone): [PRESSURES] neutral 17.53529 kPa at 0.09524 m,
	 * 11.54675 at 0.57143, 4.54516 at 2.0, 1.08178 at 4.85714, 0.19398 at
	 * 9.90476 (twice Flamant's sigma_x: 17.84, 12.22, 5.07, 1.25, 0.226) */
	sp_wall_surcharge_t tri = {.n_points = 2, .distance_m = {0.0, 5.0}, .value_kPa = {20.0, 0.0}};
	DBL_REL(sp_surcharge_neutral_stress(&tri, 0.09524, 10.0), 17.53529, 5e-4, "bm3-7a: neutral at 0.095 m");
	DBL_REL(sp_surcharge_neutral_stress(&tri, 0.57143, 10.0), 11.54675, 5e-4, "bm3-7a: neutral at 0.571 m");
	DBL_REL(sp_surcharge_neutral_stress(&tri, 2.0, 10.0), 4.54516, 5e-4, "bm3-7a: neutral at 2.0 m");
	DBL_REL(sp_surcharge_neutral_stress(&tri, 4.85714, 10.0), 1.08178, 5e-4, "bm3-7a: neutral at 4.857 m");
	DBL_REL(sp_surcharge_neutral_stress(&tri, 9.90476, 10.0), 0.19398, 5e-4, "bm3-7a: neutral at 9.905 m");

	/* bm3-1a and bm3-2a (7 m wall; 3 kPa from the wall to 100 m, resp. to
	 * 10 000 m, and a 3 kPa uniform load on submerged soil, gamma' 5, phi 25,
	 * K0 = 1 - sin 25): identical [LAMBDAS], so the load ends at 5 L = 35 m.
	 * Vertical stress 38.71420 kPa at 6.84375 m = 3 + 5 z + sigma_z: sigma_z
	 * 1.49545 (Flamant of the whole load: 1.49955); lambda neutral 0.93966 at
	 * 0.16667 m (sigma_v 5.33333) and 0.58680 at 6.84375 m: less K0 (3 + 5 z)
	 * the surcharge's neutral stress is 2.79820 and 1.22810 kPa */
	double k0 = 1.0 - sin(25.0 * SP_PI / 180.0);
	for (int k = 0; k < 2; k++) {
		sp_wall_surcharge_t wide = {.n_points = 2, .distance_m = {0.0, k ? 1e4 : 100.0}, .value_kPa = {3.0, 3.0}};
		const char *nm = k ? "bm3-2a" : "bm3-1a";
		char what[96];
		snprintf(what, sizeof what, "%s: sigma_z of the load within 35 m at 6.84 m", nm);
		DBL_REL(sp_surcharge_vertical_stress_within(&wide, 6.84375, 7.0), 38.71420 - 3.0 - 5.0 * 6.84375, 1e-4, what);
		snprintf(what, sizeof what, "%s: neutral stress at 0.167 m", nm);
		DBL_REL(sp_surcharge_neutral_stress(&wide, 0.16667, 7.0), 0.93966 * 5.33333 - k0 * (3.0 + 5.0 * 0.16667),
		        5e-4, what);
		snprintf(what, sizeof what, "%s: neutral stress at 6.84 m", nm);
		DBL_REL(sp_surcharge_neutral_stress(&wide, 6.84375, 7.0), 0.58680 * 38.71420 - k0 * (3.0 + 5.0 * 6.84375),
		        5e-4, what);
	}

	/* bm4-17d stage 1, right side (14 m wall; 40 kPa from 2 to 10 m on clay,
	 * phi 21, below 6 m peat phi 24.5, below 8 m sand phi 31; K0 = 1 - sin phi):
	 * [LAMBDAS] at 3.0 m sigma_v 52.43513, lambda neutral 0.91014, sigma_z
	 * 6.43513 (test_vertical_stress); at 6.9375 m (peat) 76.21625, 0.62261,
	 * sigma_z 11.27799 (Flamant); at 9.85 m (sand) 94.07828, 0.48487, 11.42822.
	 * The surcharge's part lambda sigma_v - K0 (sigma_v - sigma_z) is 1.63,
	 * 1.54, 1.51 times Flamant's sigma_x there, not 2. */
	sp_wall_surcharge_t b17 = {.n_points = 2, .distance_m = {2.0, 10.0}, .value_kPa = {40.0, 40.0}};
	struct {
		double z, sv, lam, sz, phi;
	} r17[] = {{3.0, 52.43513, 0.91014, 6.43513, 21.0},
	           {6.9375, 76.21625, 0.62261, 11.27799, 24.5},
	           {9.85, 94.07828, 0.48487, 11.42822, 31.0}};
	for (int i = 0; i < 3; i++) {
		double k = 1.0 - sin(r17[i].phi * SP_PI / 180.0);
		char what[64];
		snprintf(what, sizeof what, "bm4-17d: neutral stress at %.2f m", r17[i].z);
		DBL_REL(sp_surcharge_neutral_stress(&b17, r17[i].z, 14.0),
		        r17[i].lam * r17[i].sv - k * (r17[i].sv - r17[i].sz), 2e-3, what);
	}

	/* L is the wall's length, not the depth of its toe below the loaded
	 * surface: bm4-17d stage 2, left side (surface -2 m, toe -14 m; 60 kPa from
	 * 2 to 5 m): [LAMBDAS] at -3.0 m sigma_v 7.12304, lambda neutral 2.79884,
	 * sigma_z 1.11841 (Flamant), clay phi 21; at -9.85 m 52.80158, 0.45667,
	 * 10.15166, sand phi 31: 16.0835 and 3.4292 kPa (with L = 12 m: 15.74, 3.34) */
	sp_wall_surcharge_t b17l = {.n_points = 2, .distance_m = {2.0, 5.0}, .value_kPa = {60.0, 60.0}};
	double k21 = 1.0 - sin(21.0 * SP_PI / 180.0), k31 = 1.0 - sin(31.0 * SP_PI / 180.0);
	DBL_REL(sp_surcharge_neutral_stress(&b17l, 1.0, 14.0), 2.79884 * 7.12304 - k21 * (7.12304 - 1.11841), 1e-3,
	        "bm4-17d stage 2 left: neutral stress 1 m below its surface (L the wall's 14 m)");
	DBL_REL(sp_surcharge_neutral_stress(&b17l, 7.85, 14.0), 0.45667 * 52.80158 - k31 * (52.80158 - 10.15166), 1e-3,
	        "bm4-17d stage 2 left: neutral stress 7.85 m below its surface");

	/* A sloping ground as the strip load of the ground above the wall's level
	 * (beam_load.c), the same rule: bm3-11 stage 1, right side (a 24.4 m wall,
	 * top +9.4, toe -15; surface +2.5 at the wall, +2.5 to 1 m, rising to
	 * +5.0 at 4 m, level beyond: dry sand 18 kN/m3 above the water at 0, so
	 * 45 kPa beyond 4 m; 7 kPa uniform; sand phi 30 down to -2, clay phi 20).
	 * [LAMBDAS] at +0.41667 sigma_v 48.32154, lambda neutral 1.01686 (sigma'_v
	 * of soil and uniform load 7 + 18 x 2.08333 = 44.5); at -6.13636 115.71934,
	 * 0.80271 (7 + 18 x 2.5 + 10 x 2 + 7 x 4.13636 = 100.95452). With L the
	 * toe's depth below the surface, 17.5 m, 3 % lower. */
	sp_wall_surcharge_t emb = {.n_points = 4, .distance_m = {0.0, 1.0, 4.0, 1e4}, .value_kPa = {0.0, 0.0, 45.0, 45.0}};
	double k20 = 1.0 - sin(20.0 * SP_PI / 180.0);
	DBL_REL(sp_surcharge_neutral_stress(&emb, 2.08333, 24.4), 1.01686 * 48.32154 - 0.5 * 44.5, 2e-3,
	        "bm3-11: neutral stress of the embankment at +0.42 m");
	DBL_REL(sp_surcharge_neutral_stress(&emb, 8.63636, 24.4), 0.80271 * 115.71934 - k20 * 100.95452, 2e-3,
	        "bm3-11: neutral stress of the embankment at -6.14 m");

	/* bm4-44a stage 3, right side (16 m wall; 30 kPa from 1 to 10 m on clay,
	 * phi 17): [LAMBDAS] at 1.425 m sigma_v 26.04225, lambda neutral 1.32868;
	 * sigma_z of the load 4.6487 (Flamant) */
	sp_wall_surcharge_t b44 = {.n_points = 2, .distance_m = {1.0, 10.0}, .value_kPa = {30.0, 30.0}};
	double k17 = 1.0 - sin(17.0 * SP_PI / 180.0);
	DBL_REL(sp_surcharge_neutral_stress(&b44, 1.425, 16.0), 1.32868 * 26.04225 - k17 * (26.04225 - 4.6487), 2e-3,
	        "bm4-44a: neutral stress at 1.425 m");
}

int main(void)
{
	test_resultant();
	test_wall_stress();
	test_vertical_stress();
	test_neutral_stress();
	test_wedge();
	return sp_test_done("surcharge");
}
