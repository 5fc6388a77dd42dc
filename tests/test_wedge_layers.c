/* test_wedge_layers.c - Culmann's wedge through layers (wedge_layers.c)
 * against D-Sheet Piling's [SLIDE PLANE] tables: Q min (the passive force)
 * and theta min (90 deg less the plane's angle from the horizontal).
 * Sources: tests/data/dsheet/bm4-13b.shd, right side (surface 0, water
 * -1 m, 10 kPa uniform load; layers 0 / -5 / -8 m: gamma 15, c 15 kPa, phi
 * 30 / 35 / 38 deg, delta 24 / 16.6 / 17.2 deg), and bm4-13i.shd, left side
 * (surface -4 m, water -6 m, no load; delta 24 / -33 / -36 deg). */
#include "harness.h"
#include "layered_side.h"

/* D-Sheet's passive Q at level z and its theta */
static void check(const side_t *s, const char *name, double z, double q_want, double theta_want)
{
	sp_wedge_layer_t sl[3];
	int n = layered_slices(s, z, sl, NULL);
	double alpha;
	double q = sp_wedge_layers_force(sl, n, NULL, 0, 1, &alpha);
	char label[160];
	snprintf(label, sizeof label, "%s: passive Q at %.1f m %.5f vs D-Sheet %.5f kN/m", name, z, q, q_want);
	DBL_REL(q, q_want, 2e-6, label);
	snprintf(label, sizeof label, "%s: theta at %.1f m %.3f vs D-Sheet %.3f deg", name, z, 90.0 - alpha, theta_want);
	DBL_ABS(90.0 - alpha, theta_want, 0.002, label);
	/* from a plane's angle 2 deg off (the last level's, in beam_load.c):
	 * the same Q and theta by Newton's method */
	double alpha_near, q_near = sp_wedge_layers_force_near(sl, n, NULL, 0, 1, alpha + 2.0, &alpha_near);
	snprintf(label, sizeof label, "%s: passive Q at %.1f m from a near angle %.5f vs D-Sheet %.5f kN/m", name, z,
	         q_near, q_want);
	DBL_REL(q_near, q_want, 2e-6, label);
	snprintf(label, sizeof label, "%s: theta at %.1f m from a near angle %.3f vs D-Sheet %.3f deg", name, z,
	         90.0 - alpha_near, theta_want);
	DBL_ABS(90.0 - alpha_near, theta_want, 0.002, label);
}

/* bm4-16a.shd, stage 3 (characteristic), left side: surface -7 m, water
 * -10 m, 20 kPa uniform load, the surcharge 60 kPa from 2 to 5 m; peat to
 * -8 m (gamma 10, c 5 kPa, phi 24.5, delta 18), sand 1 to -11 m (gamma 17 /
 * 19, phi 31, delta 24: 16.6 reduced), sand 2 (phi 37, delta 24: 17.2) with
 * an excess pore pressure 0 to 20 kPa from -10 to -11 m and 20 to 80 kPa
 * from -11 to -14 m ("Profile add. pressure"). Q min with the reduced
 * deltas, Q max with the given ones. */
static double sv_16a(double z)
{
	double s = 20.0 + 10.0 * (-7.0 - (z > -8.0 ? z : -8.0));
	if (z < -8.0)
		s += 17.0 * (-8.0 - (z > -10.0 ? z : -10.0));
	if (z < -10.0)
		s += 19.0 * (-10.0 - z) - 10.0 * (-10.0 - z);
	if (z < -10.0 && z >= -11.0)
		s -= 20.0 * (-10.0 - z);
	else if (z < -11.0)
		s -= 20.0 + 20.0 * (-11.0 - z);
	return s;
}

static double integral_16a(double z0, double z1)
{
	int n = 4000;
	double h = (z0 - z1) / n, f = sv_16a(z0) + sv_16a(z1);
	for (int i = 1; i < n; i++)
		f += (i % 2 ? 4.0 : 2.0) * sv_16a(z0 - i * h);
	return f * h / 3.0;
}

static void check_16a(double z, int passive, double q_want, double theta_want)
{
	static const double top[] = {-7.0, -8.0, -10.0, -11.0}, phi[] = {24.5, 31, 31, 37}, c[] = {5, 0, 0, 0};
	const double delta_p[] = {18, 16.6, 16.6, 17.2}, delta_a[] = {18, 24, 24, 24};
	sp_wedge_layer_t sl[4];
	int n = 0;
	for (int k = 0; k < 4 && top[k] > z; k++) {
		double bot = k + 1 < 4 && top[k + 1] > z ? top[k + 1] : z;
		sl[n].height_m = top[k] - bot;
		sl[n].weight_integral_kN_per_m = integral_16a(top[k], bot);
		sl[n].phi_deg = phi[k], sl[n].delta_deg = passive ? delta_p[k] : delta_a[k], sl[n].c_kPa = c[k];
		n++;
	}
	sp_wall_surcharge_t load = {0};
	load.n_points = 2;
	load.distance_m[0] = 2.0, load.distance_m[1] = 5.0;
	load.value_kPa[0] = load.value_kPa[1] = 60.0;
	const sp_wall_surcharge_t *loads[1] = {&load};
	double alpha, q = sp_wedge_layers_force(sl, n, loads, 1, passive, &alpha);
	char label[160];
	snprintf(label, sizeof label, "bm4-16a stage 3 left: %s Q at %.2f m %.5f vs D-Sheet %.5f kN/m",
	         passive ? "passive" : "active", z, q, q_want);
	DBL_REL(q, q_want, 1e-5, label); /* 0.0004 kN/m at most */
	snprintf(label, sizeof label, "bm4-16a stage 3 left: %s theta at %.2f m %.3f vs D-Sheet %.3f deg",
	         passive ? "passive" : "active", z, 90.0 - alpha, theta_want);
	DBL_ABS(90.0 - alpha, theta_want, 0.002, label);
}

int main(void)
{
	check_16a(-9.33333, 1, 711.25138, 76.212);
	check_16a(-9.33333, 0, 22.63555, 48.782);
	check_16a(-14.0, 1, 2235.16969, 74.528);
	check_16a(-14.0, 0, 134.37767, 35.537);
	side_t b13 = {0.0, -1.0, 10.0, {0, -5, -8}, {30, 35, 38}, {24, 16.6, 17.2}};
	check(&b13, "bm4-13b right", -5.0, 1680.53547, 73.082); /* one layer */
	check(&b13, "bm4-13b right", -5.5, 1892.28991, 72.950);
	check(&b13, "bm4-13b right", -8.0, 3076.10239, 72.541);
	check(&b13, "bm4-13b right", -11.0, 5152.33496, 72.938);
	side_t b13i = {-4.0, -6.0, 0.0, {0, -5, -8}, {30, 35, 38}, {24, -33, -36}};
	check(&b13i, "bm4-13i left", -5.5, 212.77314, 71.089);
	check(&b13i, "bm4-13i left", -8.0, 450.44958, 66.618);
	check(&b13i, "bm4-13i left", -11.0, 775.12062, 63.969);
	/* no slices: no force */
	DBL_ABS(sp_wedge_layers_force(NULL, 0, NULL, 0, 1, NULL), 0.0, 0.0, "no slices: 0");
	return sp_test_done("wedge_layers");
}
