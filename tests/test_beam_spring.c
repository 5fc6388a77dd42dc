/* test_beam_spring.c - the soil spring of the beam engine (beam_spring.h)
 * against the pressures D-Sheet Piling printed for its benchmark bm4-10a
 * (tests/data/dsheet/bm4-10a.shd, [PRESSURES] per side and stage, with the
 * displacements of [MOMENTS FORCES DISPLACEMENTS] at the same node; D-Sheet
 * Piling 24.1, from Deltares' GEOLib, MIT licence). The file's moduli, as
 * printed in its [MODULUS OF SUBGRADE REACTION] (shell factor applied):
 * Mat 1 7500 (unloading) and 3000/1200/750/150 kN/m3, Mat 2 20000 and
 * 12000/8000/4000/2000, Mat 3 37500 and 30000/15000/7500/4500; branches end
 * at 50, 80 and 90 % of the passive pressure. The displacements are printed
 * to 0.001 mm: the tolerances below are that rounding times the modulus. */
#include "beam_spring.h"
#include "harness.h"

#include <string.h>

/* A spring of one of the file's soils with the pressures of a node (kPa). */
static sp_beam_spring_t S_spring(int mat, double sig_a, double sig_n, double sig_p)
{
	static const double k[3][5] = {{7500, 3000, 1200, 750, 150},
	                               {20000, 12000, 8000, 4000, 2000},
	                               {37500, 30000, 15000, 7500, 4500}};
	sp_beam_spring_t sp;
	memset(&sp, 0, sizeof sp);
	sp.on = 1, sp.trib_m = 1.0, sp.nb = 4;
	for (int j = 0; j < 4; j++)
		sp.k[j] = k[mat - 1][j + 1];
	sp.lam[0] = 0.5, sp.lam[1] = 0.8, sp.lam[2] = 0.9;
	sp.k_unload = k[mat - 1][0];
	sp.sig_a = sig_a, sp.sig_n = sig_n, sp.sig_p = sig_p;
	sp_beam_spring_prepare(&sp);
	sp_beam_spring_ready(&sp);
	return sp;
}

/* A new stage: other pressures, the same shift and turning point. */
static void S_stage(sp_beam_spring_t *sp, double sig_a, double sig_n, double sig_p)
{
	sp->sig_a = sig_a, sp->sig_n = sig_n, sp->sig_p = sig_p;
	sp_beam_spring_prepare(sp);
	sp_beam_spring_ready(sp);
}

static double S_p(const sp_beam_spring_t *sp, double s_mm)
{
	double slope;
	return sp_beam_spring_pressure(sp, s_mm / 1000.0, &slope);
}

/* The branches end at a percentage of the passive pressure, not of the way
 * from the neutral to the passive pressure. */
static void test_branch_ends(void)
{
	/* stage 1, right side at -6.00 m (Mat 3): neutral 2.595, passive 38.925 kPa,
	 * 0.853 mm into the soil: printed 23.81860 kPa, "220" (branch 2), 61 % */
	sp_beam_spring_t sp = S_spring(3, 0.692, 2.595, 38.925);
	DBL_ABS(S_p(&sp, 0.853), 23.8186, 0.02, "bm4-10a stage 1, right, -6.00 m: 23.8186 kPa at 0.853 mm");
	/* stage 1, right side at -5.00 m (Mat 2): neutral 0, passive 24.4949 kPa,
	 * 1.941 mm: printed 19.60479 kPa, "330" (branch 3), 80 % */
	sp = S_spring(2, 0.0, 0.0, 24.4949);
	DBL_ABS(S_p(&sp, 1.941), 19.60479, 0.02, "bm4-10a stage 1, right, -5.00 m: 19.6048 kPa at 1.941 mm");
	/* stage 1, right side at -5.07 m (Mat 2): neutral 0.173, passive 26.5709,
	 * 1.853 mm: printed 19.36857 kPa (the way from the neutral pressure would
	 * give 19.396) */
	sp = S_spring(2, 0.0, 0.173, 26.5709);
	DBL_ABS(S_p(&sp, 1.853), 19.36857, 0.01, "bm4-10a stage 1, right, -5.07 m: 19.3686 kPa at 1.853 mm");
	/* towards the active side the same step: stage 1, left side at -4.20 m
	 * (Mat 1): neutral 13.704, passive 131.82128, active 4.205 kPa, 3.129 mm
	 * away: printed 4.31721 kPa on branch 1 ("110"), 99 % of the way down */
	sp = S_spring(1, 4.205, 13.704, 131.82128);
	DBL_ABS(S_p(&sp, -3.129), 4.31721, 0.01, "bm4-10a stage 1, left, -4.20 m: 4.3172 kPa at 3.129 mm away");
}

/* Reloading from a turning point on the active side: the unloading modulus
 * to the neutral pressure, then the virgin curve from there. */
static void test_reloading(void)
{
	/* left side at -9.38 m (Mat 3): neutral 35.185, passive 520.978 kPa;
	 * stage 1 ends 0.191 mm away (printed 29.460 kPa), stage 2 at 3.211 mm
	 * into the soil: printed 132.674 kPa (the virgin curve from the neutral
	 * pressure would give 131.52, the unloading line 157.0) */
	sp_beam_spring_t sp = S_spring(3, 9.383, 35.185, 520.978);
	DBL_ABS(S_p(&sp, -0.191), 29.460, 0.02, "bm4-10a stage 1, left, -9.38 m: 29.460 kPa at 0.191 mm away");
	sp_beam_spring_commit(&sp, -0.191e-3);
	S_stage(&sp, 9.383, 35.185, 527.772);
	DBL_ABS(S_p(&sp, 3.211), 132.674, 0.06, "bm4-10a stage 2, left, -9.38 m: 132.674 kPa at 3.211 mm");
	/* -9.47 m: stage 1 0.196 mm away at 29.758 kPa, neutral 35.638; stage 2
	 * 6.316 mm into the soil, passive 534.565: printed 226.289 kPa */
	sp = S_spring(3, 9.504, 35.638, 527.772);
	sp_beam_spring_commit(&sp, -0.196e-3);
	S_stage(&sp, 9.504, 35.638, 534.565);
	DBL_ABS(S_p(&sp, 6.316), 226.289, 0.06, "bm4-10a stage 2, left, -9.47 m: 226.289 kPa at 6.316 mm");
}

/* A turning point keeps its step from the neutral pressure when a load
 * changes the neutral pressure. */
static void test_neutral_step(void)
{
	/* right side at -5.00 m (Mat 2): stage 2 passive 24.495 kPa at 198.809 mm;
	 * stage 3 adds 50 kPa on the right: neutral 25.000, passive 324.495, and
	 * the wall moves back to 198.450 mm: printed 42.329 kPa ("100", 13 %) */
	sp_beam_spring_t sp = S_spring(2, 0.0, 0.0, 24.495);
	DBL_ABS(S_p(&sp, 198.809), 24.495, 1e-9, "bm4-10a stage 2, right, -5.00 m: at its passive pressure");
	sp_beam_spring_commit(&sp, 198.809e-3);
	S_stage(&sp, 4.25, 25.0, 324.495); /* active: Ka 1/6, c 5 kPa under 50 kPa */
	DBL_ABS(S_p(&sp, 198.450), 42.329, 0.03, "bm4-10a stage 3, right, -5.00 m: 42.329 kPa at 198.450 mm");
}

/* A single-branch spring (modulus k kN/m3) with D-Sheet's stage end: at s
 * mm into the soil with pressure p (kPa) on neutral n, limits a and pp. */
static sp_beam_spring_t S_one_branch(double k, double a, double n, double pp, double s_mm, double p)
{
	sp_beam_spring_t sp;
	memset(&sp, 0, sizeof sp);
	sp.on = 1, sp.trib_m = 1.0, sp.nb = 1, sp.k[0] = k;
	sp.sig_a = a, sp.sig_n = n, sp.sig_p = pp;
	sp_beam_spring_prepare(&sp);
	sp_beam_spring_ready(&sp);
	/* the virgin curve through (s, p), or its limit reached at s */
	double d = (p - n) / k * 1000.0;
	sp.shift_m = (s_mm - d) / 1000.0;
	return sp;
}

/* A stage that changes the soil profile (new soil, moduli, neutral pressure,
 * limits): D-Sheet restarts each spring at the last stage's pressure step
 * from the neutral pressure, within the new limits, and applies the new
 * modulus to the displacement since then,
 * p = clip(p_last + N - N_last, pa, pp) + k (s - s_last). */
static void test_restart(void)
{
	/* bm4-17d.shd, left side at -9.02 m (sand, 10000 -> 12500 kN/m3 in
	 * stage 3, excess pore pressure): stage 2 47.10125 kPa on neutral
	 * 22.57887, passive 254.75366, the wall 2.45224 mm into the soil (u
	 * -2.45224); stage 3 neutral 33.89891, passive 558.65809, u -12.4726 mm:
	 * printed 183.6758 kPa = 47.10125 + 33.89891 - 22.57887 + 12500 x
	 * 10.02036 mm (keeping the displacement from the curve's origin instead
	 * would give 33.899 + 12500 x 12.4726 mm = 189.8) */
	sp_beam_spring_t sp = S_one_branch(10000.0, 0.0, 22.57887, 254.75366, 2.45224, 47.10125);
	DBL_ABS(S_p(&sp, 2.45224), 47.10125, 1e-9, "bm4-17d stage 2, left, -9.02 m: 47.101 kPa");
	sp_beam_spring_commit(&sp, 2.45224e-3);
	sp.k[0] = 12500.0;
	S_stage(&sp, 0.0, 33.89891, 558.65809);
	DBL_ABS(S_p(&sp, 12.4726), 183.6758, 2e-3, "bm4-17d stage 3, left, -9.02 m: 183.676 kPa at 12.473 mm");
	/* bm4-17d.shd, right side at -0.40 m (clay, 2000 -> 2500 kN/m3): stage 2
	 * at its active pressure 0 on neutral 15.32307 (passive 110.30972), u
	 * -24.38446 mm; stage 3 neutral 8.51163, passive 86.59679, active 0 (c
	 * 6.25 kPa), u -0.52327 mm: printed 59.65297 kPa, the restart 0 - 15.323
	 * + 8.512 raised to the active 0, + 2500 x 23.86119 mm (the plastic shift
	 * kept in displacement gives 49.0) */
	sp = S_one_branch(2000.0, 0.0, 15.32307, 110.30972, -24.38446, 0.0);
	DBL_ABS(S_p(&sp, -24.38446), 0.0, 1e-9, "bm4-17d stage 2, right, -0.40 m: at its active pressure 0");
	sp_beam_spring_commit(&sp, -24.38446e-3);
	sp.k[0] = 2500.0;
	S_stage(&sp, 0.0, 8.51163, 86.59679);
	DBL_ABS(S_p(&sp, -0.52327), 59.65297, 1e-3, "bm4-17d stage 3, right, -0.40 m: 59.653 kPa at -0.523 mm");
	/* a stage that changes nothing keeps the spring exactly as it was */
	sp_beam_spring_t same = S_one_branch(3000.0, 4.205, 13.704, 131.82128, 3.129, 20.1);
	sp_beam_spring_commit(&same, 3.129e-3);
	sp_beam_spring_t before = same;
	S_stage(&same, 4.205, 13.704, 131.82128);
	OK(memcmp(&same, &before, sizeof same) == 0, "a stage with the same curve leaves the spring as it was");
}

int main(void)
{
	test_branch_ends();
	test_reloading();
	test_neutral_step();
	test_restart();
	return sp_test_done("beam_spring");
}
