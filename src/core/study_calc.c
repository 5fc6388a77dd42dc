/* study_calc.c - [dsheet-calculation] and [partial-factors N] (study_calc.h). */
#include "study_calc.h"
#include "partial_factors.h"

#include <string.h>

static const char *const S_types[] = {"standard", "design-length", "verify", "allowable-anchor-force", NULL};
static const char *const S_rules[] = {"cur", "ec7", "ec7-nl", "ec7-be", NULL};
static const char *const S_methods[] = {"a", "b", NULL};

/* key, offset in sp_factor_set_t, bounds */
typedef struct {
	const char *key;
	size_t off;
	double lo, hi;
} S_factor_key;

#define F(k, m, lo, hi) {k, offsetof(sp_factor_set_t, m), lo, hi}
static const S_factor_key S_keys[] = {
	F("load_permanent_unfavourable", load_perm_unfav, 0, 10),
	F("load_permanent_favourable", load_perm_fav, 0, 10),
	F("load_variable_unfavourable", load_var_unfav, 0, 10),
	F("load_variable_favourable", load_var_fav, 0, 10),
	F("effect_factor", effect_factor, 0.01, 10),
	F("effect_factor_variable_unfavourable", effect_factor_var_unfav, 0, 10),
	F("cohesion_factor", cohesion_factor, 0.01, 10),
	F("tan_phi_factor", tan_phi_factor, 0.01, 10),
	F("subgrade_factor", subgrade_factor, 0.01, 10),
	F("resistance_factor", resistance_factor, 0, 10),
	F("retaining_height_increase_pct", retaining_height_inc_pct, 0, 100),
	F("retaining_height_increase_max_m", retaining_height_inc_max_m, 0, 100),
	F("retaining_height_increase_dry_m", retaining_height_inc_dry_m, 0, 100),
	F("passive_surface_drop_m", passive_surface_drop_m, 0, 100),
	F("passive_water_delta_m", passive_water_delta_m, 0, 100),
	F("active_water_rise_m", active_water_rise_m, 0, 100),
	F("representative_factor", representative_factor, 0, 10),
};
#undef F
#define S_N_KEYS (sizeof S_keys / sizeof S_keys[0])

int sp_study_calc_section(const char *section)
{
	return strcmp(section, "dsheet-calculation") == 0 || strcmp(section, "partial-factors 1") == 0 ||
	       strcmp(section, "partial-factors 2") == 0;
}

/* The numbers of the comma-separated list of key (at most n; 1 key
 * absent, 0 read, -1 failed). */
static int S_list(sp_ini_t *c, const char *g, const char *key, double *v, int n, int *count, int *line)
{
	const char *p = sp_ini_value(c, g, key, line);
	*count = 0;
	if (p == NULL)
		return 1;
	char item[64];
	while (p != NULL) {
		size_t len = sp_ini_list_next(&p, item, sizeof item, NULL);
		if (*count >= n) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': more than %d items", sp_ini_path(c), *line, g, key, n);
			return -1;
		}
		if (len >= sizeof item || sp_ini_to_double(item, &v[*count]) != 0) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': '%s' is not a number", sp_ini_path(c), *line, g, key,
			            item);
			return -1;
		}
		(*count)++;
	}
	return 0;
}

/* CUR method B: verified_stages (1-based stage numbers) and
 * representative_factors (one per verified stage: step 6.5 x factor, 0
 * none; D-Sheet's StageAnchorFactor). */
static void S_read_method_b(sp_ini_t *c, const char *g, sp_wall_t *w)
{
	sp_wall_calc_t *k = &w->calc;
	double st[SP_CALC_MAX_STAGES], rf[SP_CALC_MAX_STAGES];
	int n = 0, nf = 0, line = 0, fline = 0;
	int r = S_list(c, g, "verified_stages", st, SP_CALC_MAX_STAGES, &n, &line);
	if (r == 1 && k->type == SP_CALC_VERIFY) {
		sp_ini_missing(c, g, "verified_stages", "the stages CUR method B verifies, e.g. 3 (1 = first stage)");
		return;
	}
	if (r < 0 || S_list(c, g, "representative_factors", rf, SP_CALC_MAX_STAGES, &nf, &fline) < 0)
		return;
	if (nf != 0 && nf != n) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'representative_factors': %d factors for %d verified stages",
		            sp_ini_path(c), fline, g, nf, n);
		return;
	}
	for (int i = 0; i < n; i++) {
		int s = (int)st[i];
		if (s != st[i] || s < 1 || s > w->n_stages) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verified_stages': %g is not a stage (1 .. %d)",
			            sp_ini_path(c), line, g, st[i], w->n_stages);
			return;
		}
		if (nf > 0 && !(rf[i] >= 0 && rf[i] <= 10)) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'representative_factors': %g is not in [0, 10]",
			            sp_ini_path(c), fline, g, rf[i]);
			return;
		}
		k->stage_verified[s - 1] = 1;
		k->stage_rep_factor[s - 1] = nf > 0 ? rf[i] : 0;
	}
}

void sp_study_calc_read(sp_ini_t *c, sp_wall_t *w)
{
	sp_wall_calc_t *k = &w->calc;
	const char *g = "dsheet-calculation";
	memset(k, 0, sizeof *k);
	if (sp_ini_find_section(c, g) == NULL)
		return;
	k->type = sp_ini_word(c, g, "type", SP_CALC_STANDARD, S_types);
	if (k->type != SP_CALC_DESIGN_LENGTH && k->type != SP_CALC_VERIFY)
		return;
	k->verify = sp_ini_word(c, g, "verification", SP_VERIFY_CUR, S_rules);
	k->method_b = sp_ini_word(c, g, "method", 0, S_methods);
	if (k->method_b && !sp_ini_status(c))
		S_read_method_b(c, g, w);
	if (k->type == SP_CALC_DESIGN_LENGTH) {
		k->design_stage = sp_ini_int(c, g, "design_stage", 1, 1, w->n_stages > 0 ? w->n_stages : 1,
		                             "the stage designed (1 = first)") - 1;
		k->design_from_m = sp_ini_num(c, g, "design_from_m", 1, 0, 0, 1, 1000, 0, "longest length, m");
		k->design_to_m = sp_ini_num(c, g, "design_to_m", 1, 0, 0, 1, k->design_from_m, 0, "shortest length, m");
		k->design_step_m = sp_ini_num(c, g, "design_step_m", 1, 0, 0, 1, 1000, 0, "length decrement, m");
	}
	/* the Belgian verification runs two sets, a design of the length one */
	k->n_sets = ((k->verify == SP_VERIFY_EC7_BE && k->type == SP_CALC_VERIFY) ||
	             sp_ini_find_section(c, "partial-factors 2") != NULL) ? 2 : 1;
	for (int s = 0; s < k->n_sets; s++) {
		char sec[32];
		snprintf(sec, sizeof sec, "partial-factors %d", s + 1);
		sp_ini_text(c, sec, "name", k->sets[s].name, sizeof k->sets[s].name, sec);
		for (size_t i = 0; i < S_N_KEYS; i++)
			*(double *)((char *)&k->sets[s] + S_keys[i].off) =
			    sp_ini_num(c, sec, S_keys[i].key, 1, 0, S_keys[i].lo, 0, S_keys[i].hi, 0, "partial factor");
	}
}

void sp_study_calc_read_verification(sp_ini_t *c, sp_study_t *st)
{
	const char *d = "design", *path = sp_ini_path(c);
	static const char *const stages_words[] = {"all", "final", NULL};
	st->verification_class = -1;
	st->n_verification_sets = 0;
	st->verification_final_only = 0;
	int v = sp_ini_word(c, d, "verification", SP_VERIFICATION_NONE, sp_partial_factors_words);
	st->verification = v;
	int line = 0, cline = 0, sline = 0;
	sp_ini_value(c, d, "verification", &line);
	const char *cv = sp_ini_value(c, d, "verification_class", &cline);
	const char *sv_stages = sp_ini_value(c, d, "verification_stages", &sline);
	if (sp_ini_status(c))
		return;
	if (sv_stages != NULL && v != SP_VERIFICATION_CUR_B) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification_stages': only CUR 166 method B (verification = "
		            "cur-b) verifies chosen stages; %s verifies every stage", path, sline, d,
		            sp_partial_factors_words[v]);
		return;
	}
	st->verification_final_only = sp_ini_word(c, d, "verification_stages", 0, stages_words);
	if (v == SP_VERIFICATION_NONE) {
		if (cv != NULL)
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification_class': a class needs a verification "
			            "(verification = ec7-nl, ec7-be, cur-a or cur-b)", path, cline, d);
		return;
	}
	const char *word = sp_partial_factors_words[v];
	if (st->method != SP_METHOD_SUBGRADE) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification': %s verifies the wall on elastoplastic springs "
		            "as D-Sheet Piling does; it needs method = subgrade, not le", path, line, d, word);
		return;
	}
	int at = sp_ini_section_line(c, "dsheet-calculation");
	if (at > 0) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification': the study has an imported D-Sheet Piling "
		            "calculation already ([dsheet-calculation], line %d); keep one of them", path, line, d, at);
		return;
	}
	if (sp_ini_section_line(c, "wall") > 0 && sp_ini_find_section(c, "search") == NULL) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification': %s checks the candidates of a search; this "
		            "study has a [wall] and no [search] (add one with the wall's profile, grade and length)",
		            path, line, d, word);
		return;
	}
	int sv = sp_ini_section_line(c, "solver");
	if (sv > 0) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification': %s runs sheetpile's own beam engine, and this "
		            "study's candidates are analysed by its [solver] (line %d); verify in the solver instead",
		            path, line, d, word, sv);
		return;
	}
	const char *const *classes = sp_partial_factors_classes(v);
	int cls = 0;
	if (classes == NULL && cv != NULL) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'verification_class': %s has no class (only ec7-nl, ec7-be, "
		            "cur-a and cur-b have one)", path, cline, d, word);
		return;
	}
	if (classes != NULL && cv == NULL) {
		sp_ini_missing(c, d, "verification_class",
		               v == SP_VERIFICATION_EC7_NL   ? "NEN 9997-1 reliability class of ec7-nl: rc0, rc1, rc2 or rc3"
		               : v == SP_VERIFICATION_EC7_BE ? "risk class of ec7-be: rc1, rc2 or rc3"
		                                             : "CUR 166 safety class of cur-a or cur-b: i, ii or iii");
		return;
	}
	if (classes != NULL)
		cls = sp_ini_word(c, d, "verification_class", 0, classes);
	if (sp_ini_status(c))
		return;
	st->verification_class = classes ? cls : -1;
	st->n_verification_sets = sp_partial_factors_sets(v, cls, st->verification_sets);
	/* [partial-factors N]: the keys the importer writes, each overriding the table */
	for (int s = 0; s < SP_CALC_MAX_SETS && !sp_ini_status(c); s++) {
		char sec[32];
		snprintf(sec, sizeof sec, "partial-factors %d", s + 1);
		int sl = sp_ini_section_line(c, sec);
		if (sl == 0)
			continue;
		if (s >= st->n_verification_sets) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: %s verifies with %d partial factor set%s", path, sl, sec, word,
			            st->n_verification_sets, st->n_verification_sets == 1 ? "" : "s");
			return;
		}
		sp_factor_set_t *f = &st->verification_sets[s];
		char name[sizeof f->name];
		snprintf(name, sizeof name, "%s", f->name);
		sp_ini_text(c, sec, "name", f->name, sizeof f->name, name);
		for (size_t i = 0; i < S_N_KEYS; i++) {
			double *x = (double *)((char *)f + S_keys[i].off);
			*x = sp_ini_num(c, sec, S_keys[i].key, 0, *x, S_keys[i].lo, 0, S_keys[i].hi, 0, "partial factor");
		}
	}
}

static void S_num(FILE *fp, const char *key, double v)
{
	fprintf(fp, "%s = %.6g\n", key, v);
}

void sp_study_calc_write(FILE *fp, const sp_wall_t *w)
{
	const sp_wall_calc_t *k = &w->calc;
	if (k->type != SP_CALC_DESIGN_LENGTH && k->type != SP_CALC_VERIFY)
		return;
	fprintf(fp, "\n; D-Sheet Piling's calculation type and its partial factors (docs/dsheet-verification.md)\n"
	            "[dsheet-calculation]\ntype = %s\nverification = %s\nmethod = %s\n",
	        S_types[k->type], S_rules[k->verify], S_methods[k->method_b]);
	if (k->method_b) {
		const char *sep = "";
		fputs("verified_stages = ", fp);
		for (int s = 0; s < w->n_stages; s++)
			if (k->stage_verified[s])
				fprintf(fp, "%s%d", sep, s + 1), sep = ", ";
		fputs("\nrepresentative_factors = ", fp);
		sep = "";
		for (int s = 0; s < w->n_stages; s++)
			if (k->stage_verified[s])
				fprintf(fp, "%s%.6g", sep, k->stage_rep_factor[s]), sep = ", ";
		fputs("\n", fp);
	}
	if (k->type == SP_CALC_DESIGN_LENGTH) {
		fprintf(fp, "design_stage = %d\n", k->design_stage + 1);
		S_num(fp, "design_from_m", k->design_from_m);
		S_num(fp, "design_to_m", k->design_to_m);
		S_num(fp, "design_step_m", k->design_step_m);
	}
	for (int s = 0; s < k->n_sets; s++) {
		fprintf(fp, "\n[partial-factors %d]\nname = %s\n", s + 1, k->sets[s].name);
		for (size_t i = 0; i < S_N_KEYS; i++)
			S_num(fp, S_keys[i].key, *(const double *)((const char *)&k->sets[s] + S_keys[i].off));
	}
}
