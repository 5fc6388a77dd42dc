/* study.c - the study: its vocabulary (the words of its keys), the search
 * space against a catalogue, and freeing it. The reader is study_read.c. */
#include "study.h"
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

const char *const sp_study_sens_keys[SP_SENS_N] = {"phi_deg", "c_kPa", "gamma_kN_m3", "cu_kPa",
                                                   "water_retained_m", "water_excavation_m", "surcharge_kPa"};

const char *sp_sens_param_key(sp_sens_param p)
{
	return (unsigned)p < SP_SENS_N ? sp_study_sens_keys[p] : "?";
}


const char *const sp_study_safety_words[] = {"kp-factor", "embedment-factor", "ec7-da1-c2", "ec7-da1-c1",
                                                    "ec7-da1",   "ec7-da2",          "ec7-da3",    NULL};
const char *const sp_study_objective_words[] = {"cost", "mass", "co2", "weighted", NULL};
const char *const sp_study_search_words[] = {"exhaustive", "min-length", "best-first", NULL};
const char *const sp_study_cantilever_words[] = {"full", "blum", NULL};
const char *const sp_study_theory_words[] = {"rankine", "coulomb", "ec7", NULL};
const char *const sp_study_method_words[] = {"le", "subgrade", NULL};
const char *const sp_study_drainage_words[] = {"drained", "undrained", NULL};
const char *const sp_study_action_words[] = {"variable", "permanent", NULL};
const char *const sp_study_upile_words[] = {"singles", "crimped-doubles", NULL};
const char *const sp_study_yesno_words[] = {"no", "yes", NULL};
const char *const sp_study_condition_words[] = {"highly-unfavourable", "unfavourable", "favourable", NULL};
const char *const sp_study_resistance_words[] = {"elastic", "plastic", NULL};
const char *const sp_study_exposure_words[] = {
	"undisturbed-natural-soil", "polluted-natural-soil", "aggressive-natural-soil", "non-compacted-fill",
	"non-compacted-aggressive-fill", "compacted-fill", "compacted-aggressive-fill", "fresh-water-high-attack",
	"polluted-fresh-water-high-attack", "sea-water-temperate-high-attack", "sea-water-temperate-immersion", NULL};
_Static_assert(sizeof sp_study_exposure_words / sizeof *sp_study_exposure_words == SP_EXP_N + 1,
               "one word per exposure");

const char *sp_safety_name(sp_safety s) { return sp_study_safety_words[s]; }
const char *sp_objective_name(sp_objective o) { return sp_study_objective_words[o]; }
const char *sp_search_name(sp_search_strategy s) { return sp_study_search_words[s]; }
const char *sp_cantilever_name(sp_cantilever_method m) { return sp_study_cantilever_words[m]; }
const char *sp_method_description(sp_method m)
{
	return m == SP_METHOD_SUBGRADE ? "subgrade reaction (beam on elastoplastic springs, by stage)" : "limit equilibrium";
}


void sp_study_free(sp_study_t *st)
{
	if (st == NULL)
		return;
	free(st->layers);
	free(st->anchors);
	free(st->profiles);
	free(st->grades);
	free(st->lengths_m);
	free(st->steel_price_per_kg);
	free(st->wall);
	free(st->solver);
	free(st);
}

int sp_study_resolve(sp_study_t *st, const sp_catalogue_t *cat, sp_err_t *err)
{
	if (st->all_profiles) {
		size_t n = sp_catalogue_n_profiles(cat);
		free(st->profiles);
		st->profiles = calloc(n ? n : 1, sizeof *st->profiles);
		if (st->profiles == NULL)
			return sp_err_set(err, SP_ESOFTWARE, "out of memory");
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			const sp_profile_t *p = sp_catalogue_profile(cat, i);
			if (p->t_flange_mm > 0 && p->t_web_mm > 0)
				sp_strlcpy(st->profiles[k++], p->name, SP_NAME_MAX);
		}
		st->n_profiles = k;
	}
	for (size_t i = 0; i < st->n_profiles; i++)
		if (sp_catalogue_find_profile(cat, st->profiles[i]) < 0)
			return sp_err_set(err, SP_EDATA,
			                  "%s:%d: [search] key 'profiles': unknown profile '%s' (not in %s; "
			                  "'sheetpile profiles' lists them)",
			                  st->path, st->profiles_line, st->profiles[i], st->catalogue_path);
	for (size_t i = 0; i < st->n_profiles; i++) {
		const sp_profile_t *p = sp_catalogue_profile(cat, (size_t)sp_catalogue_find_profile(cat, st->profiles[i]));
		if (!(p->t_flange_mm > 0 && p->t_web_mm > 0))
			return sp_err_set(err, SP_EDATA,
			                  "%s:%d: [search] key 'profiles': profile '%s' has no %s in %s: the EN 1993-5 "
			                  "checks (shear, cross-section class%s) need the flange and web thickness",
			                  st->path, st->profiles_line, p->name, p->t_flange_mm > 0 ? "t_web_mm" : "t_flange_mm",
			                  st->catalogue_path, st->durability.enabled ? ", the corrosion of [durability]" : "");
	}
	for (size_t i = 0; i < st->n_grades; i++)
		if (sp_catalogue_find_grade(cat, st->grades[i]) < 0)
			return sp_err_set(err, SP_EDATA, "%s:%d: [search] key 'grades': unknown steel grade '%s' (not in %s)",
			                  st->path, st->grades_line, st->grades[i], st->grades_path);
	if (sp_study_n_candidates(st) == 0 && !st->wall_fixed) /* a fixed wall needs no search */
		return sp_err_set(err, SP_EDATA, "%s:%d: [search]: the search space is empty", st->path,
		                  st->profiles_line);
	return SP_OK;
}

size_t sp_study_n_candidates(const sp_study_t *st)
{
	return st->n_profiles * st->n_grades * st->n_lengths * st->n_anchors;
}

int sp_study_fixed_wall_only(const sp_study_t *st)
{
	return st->wall_fixed && st->wall && sp_study_n_candidates(st) == 0;
}
