/* partial_factors.c - the built-in partial factor sets (partial_factors.h).
 *
 * Source of every number: D-Sheet Piling 24.1's default sets, the
 * [PARTIAL FACTORS <name>] sections D-Sheet writes into every project file;
 * 53 of the 62 development files hold exactly these (tests/data/dsheet,
 * e.g. bm1-1.shi lines 316-791, Tutorial-15a.shi; the verification files
 * bm4-16a, bm4-19a, bm4-21a, bm4-25a, bm4-17a were saved with other values,
 * and tests/test_partial_factors.c compares this table with bm1-1.shi and
 * Tutorial-1.shi). The columns are D-Sheet's keys, in sp_factor_set_t's order:
 *   LoadFactorPermUnfav LoadFactorPermFav LoadFactorVarUnfav LoadFactorVarFav
 *   EffectFactor EffectFactorVarUnfav MaterialFactorCohesion MaterialFactorTgPhi
 *   MaterialFactorSubgradeReaction ResistanceFactor GeometryIncRetainingHeight (%)
 *   GeometryMaxIncRetainingHeight (m) GeometryIncRetainingHeightDry (m)
 *   GeometryDeltaPassiveSurfaceLevel (m) GeometryDeltaPassivePhreaticLine (m)
 *   GeometryDeltaActivePhreaticLine (m) FactorRepValuesMDPmax
 * Where they are EN 1997-1:2004 Annex A's recommended values: DA1 set 2 and
 * DA3 are A2 (gamma_Q 1.3) with M2 (gamma_phi' = gamma_c' = 1.25, Table
 * A.4); DA2 is A1 on the effects (gamma_G 1.35, Table A.3; variable actions
 * 1.5 = 1.35 x 1.111) with R2 (gamma_R;e 1.4, Table A.13); DA1 set 1 is A1
 * on the effects with M1 and R1; the excavation allowance 10 % at most
 * 0.50 m is 9.3.2.2 (2). The EC7 NL sets 0..3 are reliability classes
 * RC0..RC3 of NEN 9997-1 (their construction-load factors, not applied
 * here, are NEN-EN 1990's 1.215/1.35, 1.35/1.5, 1.485/1.65 for RC1..RC3);
 * EC7 BE n is the Belgian annex's risk class n; CUR I..III the safety
 * classes of CUR 166 (passive surface 0.20/0.30/0.35 m lower, passive
 * water 0.15/0.20/0.25 m). */
#include "partial_factors.h"

#include <stddef.h>

const char *const sp_partial_factors_words[] = {"none",    "ec7-nl",  "ec7-be", "ec7-da1",
                                                "ec7-da2", "ec7-da3", "cur-a",  "cur-b", NULL};

static const char *const S_nl[] = {"rc0", "rc1", "rc2", "rc3", NULL};
static const char *const S_be[] = {"rc1", "rc2", "rc3", NULL};
static const char *const S_cur[] = {"i", "ii", "iii", NULL};

/* D-Sheet Piling's default sets (see the top), in D-Sheet's order */
static const sp_factor_set_t S_sets[] = {
    {"EUROCODE DA1 SET1", 1.0, 1.0, 1.0, 0.0, 1.35, 1.111, 1.0, 1.0, 1.0, 1.0, 10, 0.5, 0, 0, 0, 0, 1.0},
    {"EUROCODE DA1 SET2", 1.0, 1.0, 1.3, 0.0, 1.0, 1.0, 1.25, 1.25, 1.0, 1.0, 10, 0.5, 0, 0, 0, 0, 1.0},
    {"EUROCODE DA2", 1.0, 1.0, 1.0, 0.0, 1.35, 1.111, 1.0, 1.0, 1.0, 1.4, 10, 0.5, 0, 0, 0, 0, 1.0},
    {"EUROCODE DA3", 1.0, 1.0, 1.3, 0.0, 1.0, 1.0, 1.25, 1.25, 1.0, 1.0, 10, 0.5, 0, 0, 0, 0, 1.0},
    {"EC7 NL 0", 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.05, 1.3, 1.0, 10, 0.5, 0, 0, 0.15, 0.05, 1.2},
    {"EC7 NL 1", 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.15, 1.15, 1.3, 1.0, 10, 0.5, 0, 0, 0.20, 0.05, 1.2},
    {"EC7 NL 2", 1.0, 1.0, 1.1, 0.0, 1.0, 1.0, 1.25, 1.175, 1.3, 1.0, 10, 0.5, 0, 0, 0.25, 0.05, 1.2},
    {"EC7 NL 3", 1.0, 1.0, 1.25, 0.0, 1.0, 1.0, 1.4, 1.2, 1.3, 1.0, 10, 0.5, 0, 0, 0.25, 0.05, 1.35},
    {"EC7 BE 1 SET1", 1.0, 1.0, 1.0, 0.0, 1.2, 1.083, 1.0, 1.0, 1.0, 1.0, 0, 0, 0, 0, 0, 0, 1.0},
    {"EC7 BE 1 SET2", 1.0, 1.0, 1.1, 0.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 10, 0.5, 0.3, 0, 0, 0, 1.0},
    {"EC7 BE 2 SET1", 1.0, 1.0, 1.0, 0.0, 1.35, 1.111, 1.0, 1.0, 1.0, 1.0, 0, 0, 0, 0, 0, 0, 1.0},
    {"EC7 BE 2 SET2", 1.0, 1.0, 1.1, 0.0, 1.0, 1.0, 1.25, 1.25, 1.0, 1.0, 10, 0.5, 0.3, 0, 0, 0, 1.0},
    {"EC7 BE 3 SET1", 1.0, 1.0, 1.0, 0.0, 1.5, 1.2, 1.0, 1.0, 1.0, 1.0, 0, 0, 0, 0, 0, 0, 1.0},
    {"EC7 BE 3 SET2", 1.0, 1.0, 1.2, 0.0, 1.0, 1.0, 1.4, 1.4, 1.0, 1.0, 10, 0.5, 0.3, 0, 0, 0, 1.0},
    {"CUR I", 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.05, 1.3, 1.0, 0, 0, 0, 0.20, 0.15, 0.05, 1.0},
    {"CUR II", 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.15, 1.3, 1.0, 0, 0, 0, 0.30, 0.20, 0.05, 1.0},
    {"CUR III", 1.0, 1.0, 1.25, 0.0, 1.0, 1.0, 1.1, 1.2, 1.3, 1.0, 0, 0, 0, 0.35, 0.25, 0.05, 1.0},
};
enum { S_DA1 = 0, S_DA2 = 2, S_DA3 = 3, S_NL = 4, S_BE = 8, S_CUR = 14 };

const char *const *sp_partial_factors_classes(int v)
{
	switch (v) {
	case SP_VERIFICATION_EC7_NL:
		return S_nl;
	case SP_VERIFICATION_EC7_BE:
		return S_be;
	case SP_VERIFICATION_CUR_A:
	case SP_VERIFICATION_CUR_B:
		return S_cur;
	default:
		return NULL;
	}
}

int sp_partial_factors_sets(int v, int cls, sp_factor_set_t sets[SP_CALC_MAX_SETS])
{
	int first, n = 1, n_classes = 1;
	switch (v) {
	case SP_VERIFICATION_EC7_DA1:
		first = S_DA1, n = 2;
		break;
	case SP_VERIFICATION_EC7_DA2:
		first = S_DA2;
		break;
	case SP_VERIFICATION_EC7_DA3:
		first = S_DA3;
		break;
	case SP_VERIFICATION_EC7_NL:
		first = S_NL + cls, n_classes = 4;
		break;
	case SP_VERIFICATION_EC7_BE:
		first = S_BE + 2 * cls, n = 2, n_classes = 3;
		break;
	case SP_VERIFICATION_CUR_A:
	case SP_VERIFICATION_CUR_B:
		first = S_CUR + cls, n_classes = 3;
		break;
	default:
		return 0;
	}
	if (n_classes > 1 && (cls < 0 || cls >= n_classes))
		return 0;
	for (int i = 0; i < n; i++)
		sets[i] = S_sets[first + i];
	return n;
}

int sp_partial_factors_cur(int v)
{
	return v == SP_VERIFICATION_CUR_A || v == SP_VERIFICATION_CUR_B || v == SP_VERIFICATION_EC7_NL;
}
