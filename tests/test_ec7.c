/* test_ec7.c - the EN 1997-1 design approaches of [design] safety
 * (ec7-da1-c1, ec7-da1-c2, ec7-da1, ec7-da2, ec7-da3) in the limit-equilibrium
 * engine: the factors (pressure.c sp_factors_at) and the design embedment,
 * moment and anchor force (engine_le.c).
 *
 * No published worked example of an embedded wall with DA1/DA2/DA3 answers
 * was readable in the stored sources (docs/validation.md lists what was
 * looked at). Every expected value here is a hand calculation from a closed
 * form, written out below and evaluated in the test; none comes from running
 * the engine. The numbers in the comments are that hand calculation.
 *
 * Sources:
 *  [EC7]   EN 1997-1:2004, 2.4.7.3.2 (design effects of actions E_d =
 *          gamma_E E{F_rep; X_k/gamma_M; a_d}, eq. 2.6b), 2.4.7.3.3 (design
 *          resistance R_d = R_k / gamma_R, eq. 2.7b), 2.4.2(9) NOTE (single
 *          source), 2.4.7.3.4 (DA1: A1+M1+R1 and A2+M2+R1; DA2: A1+M1+R2;
 *          DA3: (A1 or A2)+M2+R3), Annex A Tables A.3 (A1: gamma_G 1.35,
 *          gamma_Q 1.5; A2: 1.0, 1.3), A.4 (M2: gamma_phi' 1.25, gamma_c'
 *          1.25, gamma_cu 1.4, gamma_gamma 1.0), A.13 (gamma_R;e 1.0 / 1.4 /
 *          1.0); text of Annex A as https://geotechnicaldesign.info/ec7p1/.
 *  [BH]    Bond & Harris, Decoding Eurocode 7 (Taylor & Francis 2008), 6.3
 *          (the design approaches: DA2 factors actions or effects and
 *          resistances, DA3 structural actions by A1 and geotechnical actions
 *          by A2), as https://www.eurocode.us/structural-design-eurocode-7/.
 *  [BLUM]  Blum (1931); Verruijt, Soil Mechanics, ch. "Sheet pile walls":
 *          cantilever in homogeneous soil, moment about the point of
 *          rotation, Ka (H + x)^3 = Kp x^3 in dry sand.
 *  [DAS]   Das, Principles of Foundation Engineering, 8th ed., 14.9: anchored
 *          wall in free earth support, moment about the anchor.
 *
 * With factors on effects the design equilibrium is
 *   gamma_G E_k(actions, q gamma_Q/gamma_G) = R_k / gamma_R;e
 * i.e. the characteristic analysis with the earth resistance divided by
 * F = gamma_G gamma_R;e and a variable surcharge times gamma_Q / gamma_G;
 * the design moment and anchor force are gamma_G times that analysis'. */
#include "engine.h"
#include "harness.h"
#include "rankine.h"
#include "pressure.h"
#include "study.h"
#include "study_read.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define STEP 0.05   /* diagram step, m */
#define CLOSED 0.01 /* closed form evaluated here */

/* design angle of M2: tan phi'_d = tan phi'_k / gamma_phi */
static double phi_m2(double phi_deg, double gamma_phi)
{
	return atan(tan(rad(phi_deg)) / gamma_phi) * (180.0 / acos(-1.0));
}

/* a root of f in [a, b] (f(a), f(b) of opposite signs), by bisection */
static double bisect(double (*f)(double, const void *), const void *p, double a, double b)
{
	double fa = f(a, p);
	for (int i = 0; i < 200; i++) {
		double m = 0.5 * (a + b), fm = f(m, p);
		if ((fm < 0) == (fa < 0))
			a = m, fa = fm;
		else
			b = m;
	}
	return 0.5 * (a + b);
}

static sp_study_t *load(const char *path)
{
	sp_err_t err;
	memset(&err, 0, sizeof err);
	sp_study_t *st = sp_study_read(path, &err);
	if (st == NULL)
		printf("cannot read %s: %s\n", path, err.text);
	OK(st != NULL, path);
	return st;
}

static int run(const sp_study_t *st, sp_analysis_t *a, const char *name)
{
	sp_case_t c;
	memset(&c, 0, sizeof c);
	c.anchor = st->anchors[0];
	int rc = sp_engine_le->analyse(st, &c, STEP, 1, a);
	INT_EQ(rc, SP_OK, name);
	if (rc != SP_OK)
		return -1;
	if (!a->ok)
		printf("%s: no design: %s\n", name, a->reason);
	INT_EQ(a->ok, 1, name);
	return a->ok ? 0 : -1;
}

static void report(const char *name, const char *what, double got, double want)
{
	printf("  %-34s %-10s ours %10.4f  hand %10.4f  (%+.3f %%)\n", name, what, got, want,
	       want != 0 ? 100.0 * (got - want) / want : 0.0);
}

/* ---- [EC7] the factors of each approach, Annex A recommended values ---- */

static void test_factors(void)
{
	sp_study_t *st = load("data/ec7/blum_sand_da2.ini");
	if (st == NULL)
		return;
	/* defaults read from the study file: Annex A Tables A.3, A.4, A.13 */
	DBL_ABS(st->gamma_g, 1.35, 0, "[EC7] A1 gamma_G default 1.35");
	DBL_ABS(st->gamma_q_a1, 1.5, 0, "[EC7] A1 gamma_Q default 1.5");
	DBL_ABS(st->gamma_g_a2, 1.0, 0, "[EC7] A2 gamma_G default 1.0");
	DBL_ABS(st->gamma_q, 1.3, 0, "[EC7] A2 gamma_Q default 1.3");
	DBL_ABS(st->gamma_phi, 1.25, 0, "[EC7] M2 gamma_phi default 1.25");
	DBL_ABS(st->gamma_c, 1.25, 0, "[EC7] M2 gamma_c default 1.25");
	DBL_ABS(st->gamma_cu, 1.4, 0, "[EC7] M2 gamma_cu default 1.4");
	DBL_ABS(st->gamma_gamma, 1.0, 0, "[EC7] M2 gamma_gamma default 1.0");
	DBL_ABS(st->gamma_r_e_r1, 1.0, 0, "[EC7] R1 gamma_R;e default 1.0");
	DBL_ABS(st->gamma_r_e, 1.4, 0, "[EC7] R2 gamma_R;e default 1.4");
	DBL_ABS(st->gamma_r_e_r3, 1.0, 0, "[EC7] R3 gamma_R;e default 1.0");
	INT_EQ(st->safety, SP_SAFETY_EC7_DA2, "safety = ec7-da2 read");

	st->surcharge_variable = 1;
	static const struct {
		sp_safety s;
		size_t n, i;
		double tan_phi, resistance, surcharge, effect;
		const char *name;
	} cs[] = {
		/* DA1-C1: A1 + M1 + R1: F = 1.35 x 1.0, q x 1.5/1.35 */
		{SP_SAFETY_EC7_DA1_C1, 1, 0, 1.0, 1.35, 1.5 / 1.35, 1.35, "DA1-C1"},
		/* DA1-C2: A2 + M2 + R1 */
		{SP_SAFETY_EC7_DA1_C2, 1, 0, 1.25, 1.0, 1.3, 1.0, "DA1-C2"},
		/* DA1: combination 1, then 2 */
		{SP_SAFETY_EC7_DA1, 2, 0, 1.0, 1.35, 1.5 / 1.35, 1.35, "DA1 (C1)"},
		{SP_SAFETY_EC7_DA1, 2, 1, 1.25, 1.0, 1.3, 1.0, "DA1 (C2)"},
		/* DA2: A1 + M1 + R2: F = 1.35 x 1.4 = 1.89 */
		{SP_SAFETY_EC7_DA2, 1, 0, 1.0, 1.89, 1.5 / 1.35, 1.35, "DA2"},
		/* DA3: A2 (geotechnical actions) + M2 + R3 */
		{SP_SAFETY_EC7_DA3, 1, 0, 1.25, 1.0, 1.3, 1.0, "DA3"},
	};
	for (size_t k = 0; k < sizeof cs / sizeof *cs; k++) {
		char n[128];
		st->safety = cs[k].s;
		sp_factors_t f = sp_factors_at(st, cs[k].i);
		snprintf(n, sizeof n, "[EC7] %s: combinations", cs[k].name);
		INT_EQ(sp_factors_n(st), cs[k].n, n);
		snprintf(n, sizeof n, "[EC7] %s: divisor of tan phi'", cs[k].name);
		DBL_REL(f.tan_phi_divisor, cs[k].tan_phi, 1e-12, n);
		snprintf(n, sizeof n, "[EC7] %s: divisor of the earth resistance", cs[k].name);
		DBL_REL(f.resistance_divisor, cs[k].resistance, 1e-12, n);
		snprintf(n, sizeof n, "[EC7] %s: factor on a variable surcharge in the analysis", cs[k].name);
		DBL_REL(f.surcharge_factor, cs[k].surcharge, 1e-12, n);
		snprintf(n, sizeof n, "[EC7] %s: factor on the effects", cs[k].name);
		DBL_REL(f.effect_factor, cs[k].effect, 1e-12, n);
		snprintf(n, sizeof n, "[EC7] %s: kp_factor not applied", cs[k].name);
		DBL_ABS(f.passive_divisor, 1.0, 0, n);
	}
	/* a permanent surcharge is a permanent action: gamma_G / gamma_G = 1 */
	st->surcharge_variable = 0;
	st->safety = SP_SAFETY_EC7_DA2;
	DBL_ABS(sp_factors_at(st, 0).surcharge_factor, 1.0, 1e-15, "[EC7] DA2: permanent surcharge x 1 in the analysis");
	sp_study_free(st);

	/* every key read (a national annex's values) */
	st = load("data/ec7/all_factors.ini");
	if (st) {
		DBL_ABS(st->gamma_phi, 1.2, 0, "all_factors: gamma_phi");
		DBL_ABS(st->gamma_c, 1.3, 0, "all_factors: gamma_c");
		DBL_ABS(st->gamma_cu, 1.5, 0, "all_factors: gamma_cu");
		DBL_ABS(st->gamma_gamma, 1.05, 0, "all_factors: gamma_gamma");
		DBL_ABS(st->gamma_g, 1.4, 0, "all_factors: gamma_g");
		DBL_ABS(st->gamma_q_a1, 1.6, 0, "all_factors: gamma_q_a1");
		DBL_ABS(st->gamma_g_a2, 1.1, 0, "all_factors: gamma_g_a2");
		DBL_ABS(st->gamma_q, 1.35, 0, "all_factors: gamma_q");
		DBL_ABS(st->gamma_r_e_r1, 1.05, 0, "all_factors: gamma_r_e_r1");
		DBL_ABS(st->gamma_r_e, 1.5, 0, "all_factors: gamma_r_e");
		DBL_ABS(st->gamma_r_e_r3, 1.1, 0, "all_factors: gamma_r_e_r3");
		INT_EQ(st->safety, SP_SAFETY_EC7_DA3, "all_factors: safety = ec7-da3");
		/* DA3 with them: F = gamma_G;A2 x gamma_R;e;R3 = 1.1 x 1.1 */
		sp_factors_t f = sp_factors_at(st, 0);
		DBL_REL(f.resistance_divisor, 1.21, 1e-12, "all_factors DA3: F = 1.1 x 1.1");
		DBL_REL(f.weight_divisor, 1.05, 1e-12, "all_factors DA3: gamma_gamma");
		DBL_REL(f.surcharge_factor, 1.35 / 1.1, 1e-12, "all_factors DA3: q x gamma_Q / gamma_G");
		DBL_REL(f.effect_factor, 1.1, 1e-12, "all_factors DA3: effects x gamma_G (A2)");
		sp_study_free(st);
	}
	/* a factor below 1 is refused with file:line, section and key */
	sp_err_t err;
	memset(&err, 0, sizeof err);
	st = sp_study_read("data/ec7/bad_gamma_r_e.ini", &err);
	OK(st == NULL, "gamma_r_e = 0.9 refused");
	INT_EQ(err.code, SP_EDATA, "gamma_r_e = 0.9: EX_DATAERR");
	OK(strstr(err.text, "bad_gamma_r_e.ini:24: [design] key 'gamma_r_e'") != NULL, "gamma_r_e = 0.9: file:line [design] key");
	if (strstr(err.text, "bad_gamma_r_e.ini:24: [design] key 'gamma_r_e'") == NULL)
		printf("  message: %s\n", err.text);
	sp_study_free(st);
}

/* ---- [BLUM] cantilever in dry sand, every approach ------------------------ */

/* Hand calculation, H = 4.35 m, phi' = 33.5 deg, gamma = 17.8 kN/m3, Rankine:
 *   Ka(33.5) = tan^2(28.25) = 0.28871, Kp(33.5) = 3.46365
 *   M2: phi'_d = atan(tan 33.5 / 1.25) = 27.902 deg, Ka = 0.36244, Kp = 2.75908
 *   x = H / ((Kp/(F Ka))^(1/3) - 1), required = 1.2 x,
 *   y = H / ((Kp/(F Ka))^(1/2) - 1) (zero shear),
 *   M_d = gamma_G gamma/6 [Ka (H + y)^3 - (Kp/F) y^3]
 *   DA1-C1 (F 1.35, gamma_G 1.35): x 4.0604, req 4.8725, M_d 1.35 x 159.643 = 215.518
 *   DA1-C2 = DA3 (F 1, M2):        x 4.4976, req 5.3972, M_d 217.736
 *   DA2 (F 1.89, gamma_G 1.35):    x 5.1083, req 6.1300, M_d 1.35 x 193.840 = 261.683
 *   DA1: req max(4.8725, 5.3972) = 5.3972 (C2), M_d max(215.518, 217.736) = 217.736 (C2) */
typedef struct {
	double req, M;
} blum_t;

static blum_t blum_hand(double phi, double F, double gamma_G, double weight_divisor)
{
	double H = 4.35, g = 17.8 / weight_divisor, Ka = ka_rankine(phi), Kp = kp_rankine(phi) / F;
	double x = H / (cbrt(Kp / Ka) - 1.0), y = H / (sqrt(Kp / Ka) - 1.0);
	blum_t b = {1.2 * x, gamma_G * g / 6.0 * (Ka * pow(H + y, 3) - Kp * pow(y, 3))};
	return b;
}

static void test_blum(void)
{
	sp_study_t *st = load("data/ec7/blum_sand_da2.ini");
	if (st == NULL)
		return;
	double phi2 = phi_m2(33.5, 1.25);
	blum_t c1 = blum_hand(33.5, 1.35, 1.35, 1.0), c2 = blum_hand(phi2, 1.0, 1.0, 1.0);
	blum_t da2 = blum_hand(33.5, 1.35 * 1.4, 1.35, 1.0);
	blum_t da1 = {fmax(c1.req, c2.req), fmax(c1.M, c2.M)};
	const struct {
		sp_safety s;
		blum_t want;
		const char *name;
	} cs[] = {{SP_SAFETY_EC7_DA1_C1, c1, "Blum sand DA1-C1"}, {SP_SAFETY_EC7_DA1_C2, c2, "Blum sand DA1-C2"},
	          {SP_SAFETY_EC7_DA1, da1, "Blum sand DA1"},        {SP_SAFETY_EC7_DA2, da2, "Blum sand DA2"},
	          {SP_SAFETY_EC7_DA3, c2, "Blum sand DA3"}};
	double req[5];
	for (size_t k = 0; k < 5; k++) {
		char n[160];
		sp_analysis_t a;
		st->safety = cs[k].s;
		req[k] = NAN;
		if (run(st, &a, cs[k].name) != 0)
			continue;
		req[k] = a.embedment_required_m;
		report(cs[k].name, "required", a.embedment_required_m, cs[k].want.req);
		report(cs[k].name, "M_d", a.max_moment_kNm_per_m, cs[k].want.M);
		snprintf(n, sizeof n, "[BLUM][EC7] %s: required embedment 1.2 x", cs[k].name);
		DBL_REL(a.embedment_required_m, cs[k].want.req, CLOSED, n);
		snprintf(n, sizeof n, "[BLUM][EC7] %s: design moment", cs[k].name);
		DBL_REL(a.max_moment_kNm_per_m, cs[k].want.M, CLOSED, n);
		/* the diagram carries design values: its largest |M| is the design moment */
		double m = 0;
		for (size_t i = 0; i < a.n_diagram; i++)
			m = fmax(m, fabs(a.diagram[i].moment_kNm_per_m));
		snprintf(n, sizeof n, "%s: diagram in design values", cs[k].name);
		DBL_REL(m, a.max_moment_kNm_per_m, 1e-3, n);
		sp_analysis_free(&a);
	}
	/* the ordering a designer expects: DA1 >= each combination, DA2 > DA1-C1
	 * (same actions, more factor on resistance) */
	OK(req[2] >= req[0] && req[2] >= req[1], "Blum sand: DA1 embedment >= C1 and C2");
	OK(req[3] > req[0], "Blum sand: DA2 embedment > DA1-C1");

	/* M2 gamma_gamma = 1.1 (DA3): x does not depend on gamma, M scales 1/1.1 */
	st->safety = SP_SAFETY_EC7_DA3;
	st->gamma_gamma = 1.1;
	blum_t w = blum_hand(phi2, 1.0, 1.0, 1.1);
	sp_analysis_t a;
	if (run(st, &a, "Blum sand DA3 gamma_gamma 1.1") == 0) {
		report("Blum sand DA3 gamma_gamma 1.1", "M_d", a.max_moment_kNm_per_m, w.M);
		DBL_REL(a.embedment_required_m, w.req, CLOSED, "[BLUM][EC7] DA3 gamma_gamma 1.1: embedment unchanged");
		DBL_REL(a.max_moment_kNm_per_m, w.M, CLOSED, "[BLUM][EC7] DA3 gamma_gamma 1.1: moment with gamma/1.1");
		sp_analysis_free(&a);
	}
	sp_study_free(st);
}

/* ---- [DAS] anchored wall, free earth support, variable surcharge ----------- */

typedef struct {
	double H, a, g, q, Ka, Kp; /* Kp already divided by F; q already times gamma_Q/gamma_G */
} anch_t;

/* moment about the anchor of the net pressure down to the toe D below the excavation */
static double anch_moment(double D, const void *p)
{
	const anch_t *s = p;
	double L = s->H + D;
	return 0.5 * s->Ka * s->g * L * L * (2.0 * L / 3.0 - s->a) + s->Ka * s->q * L * (L / 2.0 - s->a)
	       - 0.5 * s->Kp * s->g * D * D * (s->H + 2.0 * D / 3.0 - s->a);
}

typedef struct {
	double D, T, M;
} anch_res_t;

/* Hand calculation, H = 6.2 m, a = 1.1 m, phi' = 31 deg, gamma = 18.5 kN/m3,
 * q = 12.5 kPa variable, Rankine: Ka(31) = 0.32010, Kp(31) = 3.12403;
 * M2: phi'_d = 25.673 deg, Ka 0.39544, Kp 2.52880.
 *   D from the moment about the anchor = 0 (anch_moment);
 *   T = Ka gamma L^2/2 + Ka q' L - (Kp/F) gamma D^2/2, T_d = gamma_G T;
 *   zero shear z0 above the excavation: Ka gamma z0^2/2 + Ka q' z0 = T,
 *   M_d = gamma_G |Ka gamma z0^3/6 + Ka q' z0^2/2 - T (z0 - a)|
 *   DA1-C1 (F 1.35, q' = 12.5 x 1.5/1.35 = 13.889): D 3.0640, T_d 127.364, M_d 255.219
 *   DA1-C2 = DA3 (M2, q' = 16.25):                D 3.4324, T_d 125.699, M_d 257.542
 *   DA2 (F 1.89, q' 13.889):                       D 4.0700, T_d 141.323, M_d 310.973
 *   DA1 per quantity: D 3.4324 (C2), T_d 127.364 (C1), M_d 257.542 (C2) */
static anch_res_t anch_hand(double phi, double F, double gamma_G, double q_factor)
{
	anch_t s = {6.2, 1.1, 18.5, 12.5 * q_factor, ka_rankine(phi), kp_rankine(phi) / F};
	anch_res_t r;
	r.D = bisect(anch_moment, &s, 0.01, 30.0);
	double L = s.H + r.D;
	double T = 0.5 * s.Ka * s.g * L * L + s.Ka * s.q * L - 0.5 * s.Kp * s.g * r.D * r.D;
	double z0 = (-s.Ka * s.q + sqrt(s.Ka * s.q * s.Ka * s.q + 2.0 * s.Ka * s.g * T)) / (s.Ka * s.g);
	r.T = gamma_G * T;
	r.M = gamma_G * fabs(s.Ka * s.g * z0 * z0 * z0 / 6.0 + s.Ka * s.q * z0 * z0 / 2.0 - T * (z0 - s.a));
	return r;
}

static void test_anchored(void)
{
	sp_study_t *st = load("data/ec7/anchored_sand_da1.ini");
	if (st == NULL)
		return;
	INT_EQ(st->safety, SP_SAFETY_EC7_DA1, "safety = ec7-da1 read");
	anch_res_t c1 = anch_hand(31, 1.35, 1.35, 1.5 / 1.35);
	anch_res_t c2 = anch_hand(phi_m2(31, 1.25), 1.0, 1.0, 1.3);
	anch_res_t da2 = anch_hand(31, 1.35 * 1.4, 1.35, 1.5 / 1.35);
	anch_res_t da1 = {fmax(c1.D, c2.D), fmax(c1.T, c2.T), fmax(c1.M, c2.M)};
	/* the case is chosen so that DA1's governing combination differs per
	 * quantity: embedment and moment from C2, anchor force from C1 */
	OK(c2.D > c1.D && c1.T > c2.T && c2.M > c1.M, "anchored hand calc: C2 governs D and M, C1 governs T");
	const struct {
		sp_safety s;
		anch_res_t want;
		const char *name;
	} cs[] = {{SP_SAFETY_EC7_DA1_C1, c1, "anchored DA1-C1"}, {SP_SAFETY_EC7_DA1_C2, c2, "anchored DA1-C2"},
	          {SP_SAFETY_EC7_DA1, da1, "anchored DA1"},        {SP_SAFETY_EC7_DA2, da2, "anchored DA2"},
	          {SP_SAFETY_EC7_DA3, c2, "anchored DA3"}};
	for (size_t k = 0; k < 5; k++) {
		char n[160];
		sp_analysis_t a;
		st->safety = cs[k].s;
		if (run(st, &a, cs[k].name) != 0)
			continue;
		report(cs[k].name, "D", a.embedment_required_m, cs[k].want.D);
		report(cs[k].name, "T_d", a.anchor_force_kN_per_m, cs[k].want.T);
		report(cs[k].name, "M_d", a.max_moment_kNm_per_m, cs[k].want.M);
		snprintf(n, sizeof n, "[DAS][EC7] %s: embedment", cs[k].name);
		DBL_REL(a.embedment_required_m, cs[k].want.D, CLOSED, n);
		snprintf(n, sizeof n, "[DAS][EC7] %s: design anchor force", cs[k].name);
		DBL_REL(a.anchor_force_kN_per_m, cs[k].want.T, CLOSED, n);
		snprintf(n, sizeof n, "[DAS][EC7] %s: design moment", cs[k].name);
		DBL_REL(a.max_moment_kNm_per_m, cs[k].want.M, CLOSED, n);
		sp_analysis_free(&a);
	}
	sp_study_free(st);
}

/* ---- [BLUM] DA2 in undrained clay: gamma_R;e on the strength term --------- */

typedef struct {
	double H, g, cu, F;
} clay_t;

static double clay_moment(double x, const void *p)
{
	const clay_t *s = p;
	double zc = 2.0 * s->cu / s->g;
	return s->g * pow(s->H + x - zc, 3) / 6.0 - (s->g * x * x * x / 6.0 + s->cu * x * x / s->F);
}

static double clay_shear(double y, const void *p)
{
	const clay_t *s = p;
	double zc = 2.0 * s->cu / s->g;
	return s->g * pow(s->H + y - zc, 2) / 2.0 - (s->g * y * y / 2.0 + 2.0 * s->cu * y / s->F);
}

/* Hand calculation, H = 5.5 m, gamma = 19 kN/m3, c_u = 40 kPa, DA2 (F = 1.89,
 * gamma_G = 1.35): crack depth zc = 2 x 40/19 = 4.2105 m;
 *   gamma (H + x - zc)^3/6 = gamma x^3/6 + c_u x^2/F  ->  x = 2.1297 m, required 1.2 x = 2.5556 m;
 *   zero shear y: gamma (H + y - zc)^2/2 = gamma y^2/2 + 2 c_u y/F  ->  y = 0.8860 m,
 *   M_d = 1.35 x [gamma (H + y - zc)^3/6 - gamma y^3/6 - c_u y^2/F] = 1.35 x 13.787 = 18.613 kNm/m */
static void test_clay(void)
{
	sp_study_t *st = load("data/ec7/clay_blum_da2.ini");
	if (st == NULL)
		return;
	clay_t s = {5.5, 19.0, 40.0, 1.35 * 1.4};
	double x = bisect(clay_moment, &s, 0.01, 30.0);
	double y = bisect(clay_shear, &s, 0.0, x);
	double M = 1.35 * (s.g * pow(s.H + y - 2.0 * s.cu / s.g, 3) / 6.0 - s.g * y * y * y / 6.0 - s.cu * y * y / s.F);
	sp_analysis_t a;
	if (run(st, &a, "Blum clay DA2") == 0) {
		report("Blum clay DA2", "required", a.embedment_required_m, 1.2 * x);
		report("Blum clay DA2", "M_d", a.max_moment_kNm_per_m, M);
		DBL_REL(a.embedment_required_m, 1.2 * x, CLOSED, "[BLUM][EC7] clay DA2: required embedment");
		DBL_REL(a.max_moment_kNm_per_m, M, CLOSED, "[BLUM][EC7] clay DA2: design moment");
		sp_analysis_free(&a);
	}
	sp_study_free(st);
}

int main(void)
{
	test_factors();
	test_blum();
	test_anchored();
	test_clay();
	return sp_test_done("test_ec7");
}
