/* test_wedge_layers.c - Culmann's wedge through layers (wedge_layers.c)
 * against D-Sheet Piling's [SLIDE PLANE] tables: Q min (the passive force)
 * and theta min (90 deg less the plane's angle from the horizontal).
 * Sources: tests/data/dsheet/bm4-13b.shd, right side (surface 0, water
 * -1 m, 10 kPa uniform load; layers 0 / -5 / -8 m: gamma 15, c 15 kPa, phi
 * 30 / 35 / 38 deg, delta 24 / 16.6 / 17.2 deg), and bm4-13i.shd, left side
 * (surface -4 m, water -6 m, no load; delta 24 / -33 / -36 deg). */
#include "harness.h"
#include "wedge_layers.h"

typedef struct {
	double surface, water, q;
	double top[3], phi[3], delta[3];
} side_t;

static double sigma_v(const side_t *s, double z)
{
	double d = s->surface - z;
	return d < 0 ? 0 : s->q + 15.0 * d - 10.0 * (z < s->water ? s->water - z : 0.0);
}

/* integral of sigma_v' from z0 down to z1 (Simpson, fine enough for the kink at the water level) */
static double integral(const side_t *s, double z0, double z1)
{
	int n = 4000;
	double h = (z0 - z1) / n, f = sigma_v(s, z0) + sigma_v(s, z1);
	for (int i = 1; i < n; i++)
		f += (i % 2 ? 4.0 : 2.0) * sigma_v(s, z0 - i * h);
	return f * h / 3.0;
}

/* D-Sheet's passive Q at level z and its theta */
static void check(const side_t *s, const char *name, double z, double q_want, double theta_want)
{
	sp_wedge_layer_t sl[3];
	int n = 0;
	for (int k = 0; k < 3; k++) {
		double top = s->top[k] < s->surface ? s->top[k] : s->surface;
		double bot = k + 1 < 3 ? s->top[k + 1] : -1e9;
		if (bot < z)
			bot = z;
		if (top <= bot)
			continue;
		sl[n].height_m = top - bot;
		sl[n].weight_integral_kN_per_m = integral(s, top, bot);
		sl[n].phi_deg = s->phi[k], sl[n].delta_deg = s->delta[k], sl[n].c_kPa = 15.0;
		n++;
	}
	double alpha;
	double q = sp_wedge_layers_force(sl, n, NULL, 0, 1, &alpha);
	char label[160];
	snprintf(label, sizeof label, "%s: passive Q at %.1f m %.5f vs D-Sheet %.5f kN/m", name, z, q, q_want);
	DBL_REL(q, q_want, 2e-6, label);
	snprintf(label, sizeof label, "%s: theta at %.1f m %.3f vs D-Sheet %.3f deg", name, z, 90.0 - alpha, theta_want);
	DBL_ABS(90.0 - alpha, theta_want, 0.002, label);
}

int main(void)
{
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
