/* test_partial_factors.c - the built-in partial factor sets of [design]
 * verification (core/partial_factors.c) against the sets D-Sheet Piling
 * writes into its project files.
 *
 * Source: D-Sheet Piling 24.1's [PARTIAL FACTORS <name>] sections of
 * tests/data/dsheet/bm1-1.shi and Tutorial-1.shi (Deltares' GEOLib, MIT
 * licence; 53 of the 62 development files hold these same default sets):
 * every set the table gives for every verification and class, compared key
 * by key with the file's, to the three decimals D-Sheet writes. Also EN
 * 1997-1:2004 Annex A where the sets are its recommended values: DA1 set 2
 * gamma_Q 1.3 (Table A.3, A2), gamma_phi' = gamma_c' = 1.25 (Table A.4,
 * M2); DA2 gamma_R;e 1.4 (Table A.13, R2) and the effects x 1.35 (A1
 * gamma_G); 9.3.2.2 (2) the allowance 10 %, at most 0.5 m. */
#include "harness.h"
#include "partial_factors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR "data/dsheet/"

/* D-Sheet's key of each sp_factor_set_t member, in the struct's order */
static const char *const S_keys[] = {
    "LoadFactorPermUnfav", "LoadFactorPermFav", "LoadFactorVarUnfav", "LoadFactorVarFav",
    "EffectFactor", "EffectFactorVarUnfav", "MaterialFactorCohesion", "MaterialFactorTgPhi",
    "MaterialFactorSubgradeReaction", "ResistanceFactor", "GeometryIncRetainingHeight",
    "GeometryMaxIncRetainingHeight", "GeometryIncRetainingHeightDry", "GeometryDeltaPassiveSurfaceLevel",
    "GeometryDeltaPassivePhreaticLine", "GeometryDeltaActivePhreaticLine", "FactorRepValuesMDPmax",
};
#define S_N_KEYS (sizeof S_keys / sizeof S_keys[0])

static double *S_member(sp_factor_set_t *f, size_t i)
{
	return &f->load_perm_unfav + i; /* the members after the name are these doubles, in order */
}

/* The set [PARTIAL FACTORS name] of the file into *f; 1 found, 0 not. */
static int S_file_set(const char *path, const char *name, sp_factor_set_t *f)
{
	FILE *fp = fopen(path, "r");
	if (fp == NULL)
		return 0;
	char want[128], line[256];
	snprintf(want, sizeof want, "[PARTIAL FACTORS %.60s]", name);
	int in = 0, found = 0;
	size_t got = 0;
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!in) {
			in = found = strcmp(line, want) == 0;
			continue;
		}
		if (strncmp(line, "[END OF PARTIAL FACTORS", 23) == 0)
			break;
		char *eq = strchr(line, '=');
		if (eq == NULL)
			continue;
		*eq = '\0';
		for (size_t i = 0; i < S_N_KEYS; i++)
			if (strcmp(line, S_keys[i]) == 0) {
				*S_member(f, i) = strtod(eq + 1, NULL);
				got++;
			}
	}
	fclose(fp);
	return found && got == S_N_KEYS;
}

static void S_compare(const char *file, int v, int cls)
{
	sp_factor_set_t sets[SP_CALC_MAX_SETS];
	int n = sp_partial_factors_sets(v, cls, sets);
	char what[320];
	snprintf(what, sizeof what, "%s class %d: sets", sp_partial_factors_words[v], cls);
	OK(n == 1 || n == 2, what);
	for (int s = 0; s < n; s++) {
		sp_factor_set_t f;
		memset(&f, 0, sizeof f);
		snprintf(what, sizeof what, "%s: [PARTIAL FACTORS %.60s] in %.100s", sp_partial_factors_words[v], sets[s].name, file);
		OK(S_file_set(file, sets[s].name, &f), what);
		for (size_t i = 0; i < S_N_KEYS; i++) {
			snprintf(what, sizeof what, "%s %.60s %s (%.100s)", sp_partial_factors_words[v], sets[s].name, S_keys[i], file);
			DBL_ABS(*S_member(&sets[s], i), *S_member(&f, i), 5e-4, what);
		}
	}
}

int main(void)
{
	const char *files[] = {DIR "bm1-1.shi", DIR "Tutorial-1.shi"};
	for (size_t k = 0; k < 2; k++)
		for (int v = SP_VERIFICATION_EC7_NL; v < SP_VERIFICATION_N; v++) {
			const char *const *classes = sp_partial_factors_classes(v);
			int n = 0;
			while (classes && classes[n])
				n++;
			for (int c = 0; c < (n ? n : 1); c++)
				S_compare(files[k], v, c);
		}

	/* which sets each verification takes (D-Sheet's names) */
	sp_factor_set_t s[SP_CALC_MAX_SETS];
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_DA1, 0, s), 2, "DA1: sets 1 and 2");
	OK(strcmp(s[0].name, "EUROCODE DA1 SET1") == 0 && strcmp(s[1].name, "EUROCODE DA1 SET2") == 0, "DA1 names");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_DA2, 0, s), 1, "DA2: one set");
	DBL_ABS(s[0].resistance_factor, 1.4, 1e-12, "DA2 gamma_R;e = 1.4 (EN 1997-1 Table A.13, R2)");
	DBL_ABS(s[0].effect_factor, 1.35, 1e-12, "DA2 effects x 1.35 (Table A.3, A1 gamma_G)");
	DBL_ABS(s[0].retaining_height_inc_pct, 10, 1e-12, "allowance 10 % (9.3.2.2 (2))");
	DBL_ABS(s[0].retaining_height_inc_max_m, 0.5, 1e-12, "at most 0.5 m (9.3.2.2 (2))");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_DA3, 0, s), 1, "DA3: one set");
	DBL_ABS(s[0].tan_phi_factor, 1.25, 1e-12, "DA3 gamma_phi' = 1.25 (Table A.4, M2)");
	DBL_ABS(s[0].load_var_unfav, 1.3, 1e-12, "DA3 gamma_Q = 1.3 (Table A.3, A2)");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_NL, 2, s), 1, "NL RC2: one set");
	OK(strcmp(s[0].name, "EC7 NL 2") == 0, "NL rc2 is D-Sheet's EC7 NL 2");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_BE, 1, s), 2, "BE risk class 2: two sets");
	OK(strcmp(s[0].name, "EC7 BE 2 SET1") == 0 && strcmp(s[1].name, "EC7 BE 2 SET2") == 0, "BE rc2 names");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_CUR_A, 2, s), 1, "CUR III: one set");
	OK(strcmp(s[0].name, "CUR III") == 0, "cur iii is CUR III");
	/* classes out of range and no verification: no set */
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_NL, 4, s), 0, "NL: no class 4");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_EC7_BE, 3, s), 0, "BE: no risk class 4");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_CUR_A, -1, s), 0, "CUR: no class -1");
	INT_EQ(sp_partial_factors_sets(SP_VERIFICATION_NONE, 0, s), 0, "none: no set");
	OK(sp_partial_factors_classes(SP_VERIFICATION_EC7_DA2) == NULL, "DA2 has no class");
	/* the Dutch annex verifies by CUR 166's design procedure (GEOLib's
	 * VerifyCalculationOptions.ec7_nl_method), the Eurocode and Belgian
	 * sets by one factored run each (bm4-16a, bm4-21a, bm4-25a) */
	OK(sp_partial_factors_cur(SP_VERIFICATION_CUR_A) && sp_partial_factors_cur(SP_VERIFICATION_CUR_B) &&
	       sp_partial_factors_cur(SP_VERIFICATION_EC7_NL) && !sp_partial_factors_cur(SP_VERIFICATION_EC7_BE) &&
	       !sp_partial_factors_cur(SP_VERIFICATION_EC7_DA1),
	   "CUR and EC7 NL run the four steps, EC7 and EC7 BE one factored run per set");
	return sp_test_done("partial_factors");
}
