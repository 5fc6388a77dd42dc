/* shi_calc.c - [CALCULATION OPTIONS] of a design or verification
 * calculation and the partial factor set it uses (see shi_calc.h).
 *
 * Which set: D-Sheet Piling names them [PARTIAL FACTORS CUR I|II|III],
 * [... EUROCODE DA1 SET1|SET2|DA2|DA3], [... EC7 NL 0..3] and
 * [... EC7 BE <risk class> SET1|SET2]. A verification (InputCalculationType=2)
 * takes VerifyType (0 CUR, 1 EC7, 2 EC7 NL, 3 EC7 BE) and the set of that
 * rule: CUROverallPartialFactorSet (0 = CUR I), EuroCodePartialFactorSet
 * (0 DA1 = both sets, 1 DA2, 2 DA3), EC7NLOverallPartialFactorSet,
 * EC7BEOverallRiskClass (both sets; 0-based: bm4-25a's EC7BEOverallRiskClass=1
 * runs sets 12 and 13 whose printed factors, c 2.000, FactorOnEffect 0.800,
 * LoadTempUnfav 0.600, and c 1.250, LoadTempUnfav 1.100, dry 0.30, are those
 * of [PARTIAL FACTORS EC7 BE 2 SET1|SET2]); CURMethod 0 = A, 1 = B. A design of
 * the length (InputCalculationType=1) takes DesignType (GEOLib's enum: 1
 * CUR, 2 EC7, 3 EC7 NL, 4 EC7 BE; 0, representative values, refused) and
 * the one set it names (S_design_set), DesignCURMethod,
 * DesignStage (0-based), DesignPileLengthFrom/To/Decrement. The numbers of
 * the set actually used are those the .shd prints in [FACTORS FOR
 * VERIFICATION] (bm4-16a, bm4-19a, bm4-21a, bm4-25a). */
#include "shi_calc.h"
#include "sp_ini.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the value of Key= in lines first..last-1 outside nested sections, or NAN */
static double S_key(sp_shi_scan_t *in, int first, int last, const char *key, int *line)
{
	size_t n = strlen(key);
	int depth = 0;
	for (int i = first; i < last; i++) {
		const char *s = in->lines[i];
		if (s[0] == '[') {
			depth += strncmp(s, "[END OF ", 8) == 0 ? -1 : 1;
			continue;
		}
		if (depth == 0 && strncmp(s, key, n) == 0 && s[n] == '=') {
			double v;
			if (sp_ini_to_double(s + n + 1, &v) == 0) {
				*line = i + 1;
				return v;
			}
		}
	}
	return NAN;
}

/* the line index of "[PARTIAL FACTORS name]", or -1 */
static int S_find_set(sp_shi_scan_t *in, int first, int last, const char *name)
{
	char want[96];
	snprintf(want, sizeof want, "[PARTIAL FACTORS %s]", name);
	for (int i = first; i < last; i++)
		if (strcmp(in->lines[i], want) == 0)
			return i;
	return -1;
}

static int S_read_set(sp_shi_scan_t *in, int first, int last, int line, const char *name, sp_factor_set_t *f)
{
	int at = S_find_set(in, first, last, name);
	if (at < 0)
		return sp_shi_scan_fail(in, line, "the partial factor set [PARTIAL FACTORS %s] is missing", name);
	int end = at + 1;
	while (end < last && strncmp(in->lines[end], "[END OF PARTIAL FACTORS", 23) != 0)
		end++;
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	struct {
		const char *key;
		double *dst;
	} keys[] = {
		{"LoadFactorPermUnfav", &f->load_perm_unfav},
		{"LoadFactorPermFav", &f->load_perm_fav},
		{"LoadFactorVarUnfav", &f->load_var_unfav},
		{"LoadFactorVarFav", &f->load_var_fav},
		{"EffectFactor", &f->effect_factor},
		{"EffectFactorVarUnfav", &f->effect_factor_var_unfav},
		{"MaterialFactorCohesion", &f->cohesion_factor},
		{"MaterialFactorTgPhi", &f->tan_phi_factor},
		{"MaterialFactorSubgradeReaction", &f->subgrade_factor},
		{"ResistanceFactor", &f->resistance_factor},
		{"GeometryIncRetainingHeight", &f->retaining_height_inc_pct},
		{"GeometryMaxIncRetainingHeight", &f->retaining_height_inc_max_m},
		{"GeometryIncRetainingHeightDry", &f->retaining_height_inc_dry_m},
		{"GeometryDeltaPassiveSurfaceLevel", &f->passive_surface_drop_m},
		{"GeometryDeltaPassivePhreaticLine", &f->passive_water_delta_m},
		{"GeometryDeltaActivePhreaticLine", &f->active_water_rise_m},
		{"FactorRepValuesMDPmax", &f->representative_factor},
	};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		int l = 0;
		double v = S_key(in, at + 1, end, keys[k].key, &l);
		if (isnan(v))
			return sp_shi_scan_fail(in, at + 1, "[PARTIAL FACTORS %s]: missing %s", name, keys[k].key);
		*keys[k].dst = v;
	}
	if (!(f->cohesion_factor > 0 && f->tan_phi_factor > 0 && f->subgrade_factor > 0 && f->effect_factor > 0))
		return sp_shi_scan_fail(in, at + 1, "[PARTIAL FACTORS %s]: material and effect factors must be positive",
		                        name);
	return SP_OK;
}

/* The one set a design of the length uses (GEOLib's enums): CUR 0..2 =
 * CUR I..III (DesignPartialFactorSet), EC7 0..3 = DA1 SET1, DA1 SET2, DA2,
 * DA3 (DesignEuroCodePartialFactorSet: one set, not both of DA1), EC7 NL
 * 0..3 (DesignPartialFactorSetEC7NADNL; 4, SLS, refused), EC7 BE 0..5 =
 * risk class 1 SET1, 1 SET2, 2 SET1 ... (DesignEC7BEPartialFactorSet). */
static int S_design_set(sp_shi_scan_t *in, int first, int last, int line, int s, sp_wall_calc_t *c)
{
	static const char *const ec7[] = {"EUROCODE DA1 SET1", "EUROCODE DA1 SET2", "EUROCODE DA2", "EUROCODE DA3"};
	static const int n_sets[SP_VERIFY_N] = {3, 4, 4, 6};
	char name[48];
	if (s < 0 || s >= n_sets[c->verify])
		return sp_shi_scan_fail(in, line, "the design's partial factor set %d is not 0..%d", s,
		                        n_sets[c->verify] - 1);
	switch (c->verify) {
	case SP_VERIFY_CUR:
		snprintf(name, sizeof name, "CUR %s", s == 0 ? "I" : s == 1 ? "II" : "III");
		break;
	case SP_VERIFY_EC7:
		snprintf(name, sizeof name, "%s", ec7[s]);
		break;
	case SP_VERIFY_EC7_NL:
		snprintf(name, sizeof name, "EC7 NL %d", s);
		break;
	default:
		snprintf(name, sizeof name, "EC7 BE %d SET%d", s / 2 + 1, s % 2 + 1);
		break;
	}
	c->n_sets = 1;
	return S_read_set(in, first, last, line, name, &c->sets[0]);
}

/* The set name of rule (SP_VERIFY_CUR, _EC7_NL, _EC7_BE) number s for
 * method B, and which of the two Belgian sets; 0, or -1 when s is out of
 * range. */
static int S_stage_set_name(int rule, int s, int which, char *name, size_t size)
{
	if (rule == SP_VERIFY_CUR && s >= 0 && s <= 2)
		snprintf(name, size, "CUR %s", s == 0 ? "I" : s == 1 ? "II" : "III");
	else if (rule == SP_VERIFY_EC7_NL && s >= 0 && s <= 3)
		snprintf(name, size, "EC7 NL %d", s);
	else if (rule == SP_VERIFY_EC7_BE && s >= 0 && s <= 2)
		snprintf(name, size, "EC7 BE %d SET%d", s + 1, which + 1);
	else
		return -1;
	return 0;
}

/* Method B of a verification (CURMethod, EC7NLMethod, EC7BEMethod = 1):
 * the stages whose StageVerify* = 1, each verified under the set its stage
 * names with the stages before it characteristic (bm4-17a, CUR: stage 3,
 * StagePartialFactorSetCUR=0 printed as CUR I in [FACTORS FOR
 * VERIFICATION] with FactorRepValuesMDPmax 1.200 = its StageAnchorFactor,
 * not CUROverallPartialFactorSet 2 nor CUROverallAnchorFactor 1.400; the
 * .shd has results of stage 3 only). The Dutch and Belgian annexes name
 * their stage keys the same way (StageVerifyEC7NADNL,
 * StagePartialFactorSetEC7NADNL, StageAnchorFactorEC7NADNL;
 * StageVerifyEC7NADBE, StageRiskClassEC7NADBE: both sets of the class);
 * no development file has them. One set (class) for all verified stages. */
static int S_method_b(sp_shi_scan_t *in, int first, int last, int line, const sp_shi_stage_t *sg, sp_wall_t *w)
{
	sp_wall_calc_t *c = &w->calc;
	static const char *const keys[3][2] = {{"StageVerify", "StagePartialFactorSetCUR"},
	                                       {"StageVerifyEC7NADNL", "StagePartialFactorSetEC7NADNL"},
	                                       {"StageVerifyEC7NADBE", "StageRiskClassEC7NADBE"}};
	const int r = c->verify == SP_VERIFY_CUR ? SP_SHI_STAGE_CUR : c->verify == SP_VERIFY_EC7_NL ? SP_SHI_STAGE_NL
	            : c->verify == SP_VERIFY_EC7_BE ? SP_SHI_STAGE_BE : -1;
	if (r < 0)
		return sp_shi_scan_fail(in, line, "method B is CUR 166's and the Dutch and Belgian annexes'; the general "
		                        "Eurocode 7 verification has none");
	if (sg->n_options != w->n_stages)
		return sp_shi_scan_fail(in, line, "method B needs [CALCULATION OPTIONS PER STAGE] with each stage's %s "
		                        "(%d stages, %d options)", keys[r][0], w->n_stages, sg->n_options);
	int set = -1, first_stage = -1;
	char name[48];
	for (int s = 0; s < w->n_stages; s++) {
		if (!sg->stage_verify[r][s])
			continue;
		const int k = sg->stage_set[r][s];
		if (S_stage_set_name(c->verify, k, 0, name, sizeof name) < 0)
			return sp_shi_scan_fail(in, sg->stage_line[s], "stage %d: %s=%d is not a set of this verification",
			                        s + 1, keys[r][1], k);
		if (set >= 0 && k != set)
			return sp_shi_scan_fail(in, sg->stage_line[s], "method B: stage %d is verified with %s=%d and stage %d "
			                        "with %d; one set for all verified stages is supported",
			                        first_stage + 1, keys[r][1], set, s + 1, k);
		if (set < 0)
			set = k, first_stage = s;
		c->stage_verified[s] = 1;
		/* step 6.5 x factor: CUR's and the Dutch annex's (CUR 166's
		 * procedure); the Belgian annex has none */
		c->stage_rep_factor[s] = sg->stage_anchor_factor[r][s];
	}
	if (set < 0)
		return sp_shi_scan_fail(in, line, "method B verifies the stages with %s=1, and no stage has it", keys[r][0]);
	c->n_sets = r == SP_SHI_STAGE_BE ? 2 : 1;
	int rc = SP_OK;
	for (int k = 0; k < c->n_sets && rc == SP_OK; k++) {
		S_stage_set_name(c->verify, set, k, name, sizeof name);
		rc = S_read_set(in, first, last, line, name, &c->sets[k]);
		c->sets[k].representative_factor = 0; /* per stage: stage_rep_factor */
	}
	return rc;
}

int sp_shi_calc_read(sp_shi_scan_t *in, int first, int last, int type, const sp_shi_stage_t *sg, sp_wall_t *w)
{
	sp_wall_calc_t *c = &w->calc;
	c->type = type;
	int line = first, l = 0;
#define KEY(name) S_key(in, first, last, name, &l)
	double rule, set, method;
	if (type == SP_CALC_DESIGN_LENGTH) {
		double dt = KEY("DesignType");
		/* GEOLib's DesignType: 0 representative values, 1 CUR, 2 EC7
		 * general, 3 EC7 NL, 4 EC7 BE (Tutorial-15a's DesignType=2 is
		 * EC7 with DesignEuroCodePartialFactorSet=0, EUROCODE DA1 SET1:
		 * its rows are that set's, docs/dsheet-verification.md) */
		static const int design_rule[] = {-1, SP_VERIFY_CUR, SP_VERIFY_EC7, SP_VERIFY_EC7_NL, SP_VERIFY_EC7_BE};
		if (isnan(dt) || dt < 0 || dt > 4 || dt != (int)dt)
			return sp_shi_scan_fail(in, line, "DesignType missing or not 0..4");
		if (dt == 0)
			return sp_shi_scan_fail(in, l, "DesignType=0, a design of the length with representative values, "
			                        "is not supported (only 1 CUR, 2 EC7, 3 EC7 NL, 4 EC7 BE)");
		rule = design_rule[(int)dt];
		set = rule == SP_VERIFY_CUR      ? KEY("DesignPartialFactorSet")
		      : rule == SP_VERIFY_EC7    ? KEY("DesignEuroCodePartialFactorSet")
		      : rule == SP_VERIFY_EC7_NL ? KEY("DesignPartialFactorSetEC7NADNL")
		                                 : KEY("DesignEC7BEPartialFactorSet");
		method = rule == SP_VERIFY_CUR      ? KEY("DesignCURMethod")
		         : rule == SP_VERIFY_EC7_NL ? KEY("DesignEC7NLMethod")
		         : rule == SP_VERIFY_EC7_BE ? KEY("DesignEC7BEMethod")
		                                    : 0;
		if (isnan(method) && rule != SP_VERIFY_CUR)
			method = 0;
		double st = KEY("DesignStage"), from = KEY("DesignPileLengthFrom"), to = KEY("DesignPileLengthTo"),
		       step = KEY("DesignPileLengthDecrement");
		if (isnan(st) || isnan(from) || isnan(to) || isnan(step))
			return sp_shi_scan_fail(in, line, "DesignStage and DesignPileLength From, To and Decrement are needed");
		if (st < 0 || st >= w->n_stages)
			return sp_shi_scan_fail(in, l, "DesignStage=%g: the model has %d stages", st, w->n_stages);
		if (!(step > 0) || !(to > 0) || from < to)
			return sp_shi_scan_fail(in, line,
			                        "design lengths from %g to %g by %g: need From >= To > 0 and Decrement > 0",
			                        from, to, step);
		c->design_stage = (int)st;
		c->design_from_m = from;
		c->design_to_m = to;
		c->design_step_m = step;
	} else {
		rule = KEY("VerifyType");
		if (isnan(rule) || rule < 0 || rule > 3)
			return sp_shi_scan_fail(in, line, "VerifyType missing or not 0..3");
		set = rule == SP_VERIFY_CUR      ? KEY("CUROverallPartialFactorSet")
		      : rule == SP_VERIFY_EC7    ? KEY("EuroCodePartialFactorSet")
		      : rule == SP_VERIFY_EC7_NL ? KEY("EC7NLOverallPartialFactorSet")
		                                 : KEY("EC7BEOverallRiskClass");
		method = rule == SP_VERIFY_CUR      ? KEY("CURMethod")
		         : rule == SP_VERIFY_EC7_NL ? KEY("EC7NLMethod")
		         : rule == SP_VERIFY_EC7_BE ? KEY("EC7BEMethod")
		                                    : 0;
		if (isnan(method) && rule != SP_VERIFY_CUR)
			method = 0; /* the annexes' method key absent: D-Sheet's default, A */
	}
#undef KEY
	if (isnan(set) || isnan(method))
		return sp_shi_scan_fail(in, line, "the partial factor set or the method of the verification is missing");
	c->verify = (int)rule;
	c->method_b = method != 0;
	if (type == SP_CALC_DESIGN_LENGTH) {
		/* method B: the design stage verified, the stages before it
		 * characteristic, under the design's set */
		if (c->method_b)
			c->stage_verified[c->design_stage] = 1;
		return S_design_set(in, first, last, line, (int)set, c);
	}
	if (c->method_b)
		return S_method_b(in, first, last, line, sg, w);
	int s = (int)set, rc = SP_OK;
	char name[48];
	switch (c->verify) {
	case SP_VERIFY_CUR:
		if (s < 0 || s > 2)
			return sp_shi_scan_fail(in, line, "CUR partial factor set %d is not 0..2", s);
		snprintf(name, sizeof name, "CUR %s", s == 0 ? "I" : s == 1 ? "II" : "III");
		rc = S_read_set(in, first, last, line, name, &c->sets[0]);
		c->n_sets = 1;
		/* CUR step 6.5 x factor: the set's FactorRepValuesMDPmax, else
		 * CUROverallAnchorFactor (bm4-19a: the set holds 0.000, the
		 * options 1.200; the .shd prints FactorRepValuesMDPmax 1.200 and
		 * the "6.5 multiplied by factor" rows at 1.2 x step 6.5) */
		if (rc == SP_OK && !(c->sets[0].representative_factor > 0)) {
			double a = S_key(in, first, last, "CUROverallAnchorFactor", &l);
			if (a > 0)
				c->sets[0].representative_factor = a;
		}
		break;
	case SP_VERIFY_EC7:
		if (s < 0 || s > 2)
			return sp_shi_scan_fail(in, line, "Eurocode 7 design approach %d is not 0..2 (DA1, DA2, DA3)", s);
		if (s == 0) {
			rc = S_read_set(in, first, last, line, "EUROCODE DA1 SET1", &c->sets[0]);
			if (rc == SP_OK)
				rc = S_read_set(in, first, last, line, "EUROCODE DA1 SET2", &c->sets[1]);
			c->n_sets = 2;
		} else {
			rc = S_read_set(in, first, last, line, s == 1 ? "EUROCODE DA2" : "EUROCODE DA3", &c->sets[0]);
			c->n_sets = 1;
		}
		break;
	case SP_VERIFY_EC7_NL:
		if (s < 0 || s > 3)
			return sp_shi_scan_fail(in, line, "EC7 NL partial factor set %d is not 0..3", s);
		snprintf(name, sizeof name, "EC7 NL %d", s);
		rc = S_read_set(in, first, last, line, name, &c->sets[0]);
		c->n_sets = 1;
		/* CUR 166's procedure: 6.5 x the set's FactorRepValuesMDPmax, else
		 * EC7NLOverallAnchorFactor (as CUR's; no development file) */
		if (rc == SP_OK && !(c->sets[0].representative_factor > 0)) {
			double a = S_key(in, first, last, "EC7NLOverallAnchorFactor", &l);
			if (a > 0)
				c->sets[0].representative_factor = a;
		}
		break;
	default:
		if (s < 0 || s > 2)
			return sp_shi_scan_fail(in, line, "EC7 BE risk class %d is not 0..2 (risk class 1..3)", s);
		snprintf(name, sizeof name, "EC7 BE %d SET1", s + 1);
		rc = S_read_set(in, first, last, line, name, &c->sets[0]);
		snprintf(name, sizeof name, "EC7 BE %d SET2", s + 1);
		if (rc == SP_OK)
			rc = S_read_set(in, first, last, line, name, &c->sets[1]);
		c->n_sets = 2;
		break;
	}
	return rc;
}
