/* cmd_check.c - sheetpile check STUDY.ini: validate a study and print its search space. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cli.h"
#include "corrosion.h"
#include "earth.h"
#include "plan.h"
#include "trust.h"

/* Whether run, batch and analyze will start the study's [solver] command. */
static void S_say_trusted(const char *study, const sp_solver_t *s)
{
	sp_trust_fp_t fp;
	sp_err_t why = {0, ""};
	char store[SP_PATH_MAX + 64] = "the trust store";
	sp_trust_store_path(store, sizeof store, NULL);
	int trusted = sp_trust_fingerprint(s, &fp, &why) == SP_OK ? sp_trust_lookup(&fp, &why) : -1;
	if (trusted == 1)
		sp_cli_printf(stdout, "solver trusted: yes, program %s (in %s)\n", fp.program, store);
	else if (why.code)
		sp_cli_printf(stdout, "solver trusted: no: %s\n", why.text);
	else
		sp_cli_printf(stdout, "solver trusted: no, program %s: run, batch and analyze exit 77 until `sheetpile "
		              "trust %s` (or with --trust-solver)\n", fp.program[0] ? fp.program : "(none)", study);
}

int sp_cmd_check(const sp_cli_opts_t *o)
{
	sp_err_t err = {0};
	sp_study_t *st = NULL;
	sp_catalogue_t *cat = NULL;
	int rc;
	if ((rc = sp_cli_load(o->study, &st, &cat, &err)) == SP_OK) {
		sp_cli_printf(stdout, "study %s: %s\n", o->study, st->name);
		sp_cli_printf(stdout, "geometry: top of wall %.2f m, retained ground %.2f m, excavation %.2f m (retained height %.2f m)\n",
		              st->top_of_wall_m, st->retained_level_m, st->excavation_level_m,
		              st->retained_level_m - st->excavation_level_m);
		sp_cli_printf(stdout, "layers (top-down):\n");
		for (size_t i = 0; i < st->n_layers; i++) {
			const sp_layer_t *L = &st->layers[i];
			sp_cli_printf(stdout, "  %-16s top %8.2f m  gamma %5.1f/%5.1f kN/m3  ", L->name, L->top_level_m, L->gamma_kN_m3,
			              L->gamma_sat_kN_m3);
			if (L->drainage == SP_UNDRAINED)
				sp_cli_printf(stdout, "undrained c_u %.1f kPa\n", L->cu_kPa);
			else
				sp_cli_printf(stdout, "phi' %.1f deg  c' %.1f kPa  delta %.1f deg\n", L->phi_deg, L->c_kPa, L->delta_deg);
		}
		sp_cli_printf(stdout, "water: retained side %.2f m, excavation side %.2f m; surcharge %.1f kPa\n", st->water_retained_m,
		              st->water_excavation_m, st->surcharge_kPa);
		if (sp_study_fixed_wall_only(st)) { /* no search, no analyses to count */
			sp_cli_printf(stdout, "wall: the study's own, %.2f m from %.2f m, %d elements, %d stages; no search space "
			              "(run analyses it, analyze prints its stages)\n",
			              st->wall->length_m, st->wall->top_level_m, st->wall->n_elements, st->wall->n_stages);
		} else {
			sp_cli_printf(stdout, "search space: %zu profiles x %zu grades x %zu lengths x %zu anchor options = %zu "
			              "candidates\nsearch strategy: %s\n",
			              st->n_profiles, st->n_grades, st->n_lengths, st->n_anchors, sp_study_n_candidates(st),
			              sp_search_name(st->search));
			if (st->solver) {
				sp_cli_printf(stdout, "analyses: %zu distinct, one solver run per (profile, length, anchor option), at "
				              "most %d at once (licences)\nsolver: %s\n",
				              st->n_profiles * st->n_lengths * st->n_anchors, st->licenses, st->solver->command);
				S_say_trusted(o->study, st->solver);
			} else if (st->method == SP_METHOD_SUBGRADE) {
				sp_plan_t plan;
				rc = sp_plan_init(&plan, st, cat, &err);
				if (rc == SP_OK)
					sp_cli_printf(stdout, "analyses: %zu distinct (the beam depends on the section's EI, the pile "
					              "length and the anchor option, not on the grade)\n", plan.n_analyses);
				sp_plan_clear(&plan);
				if (rc != SP_OK)
					goto out;
			} else {
				sp_cli_printf(stdout, "analyses: %zu distinct (limit equilibrium depends on the anchor option only)\n",
				              st->n_anchors);
			}
		}
		char cantilever[64] = ""; /* limit equilibrium only */
		if (st->method != SP_METHOD_SUBGRADE)
			snprintf(cantilever, sizeof cantilever, ", cantilever method %s", sp_cantilever_name(st->cantilever_method));
		sp_cli_printf(stdout, "method: %s, %s earth pressure, safety %s%s, objective %s\n",
		              sp_method_description(st->method), sp_earth_theory_name(st->earth_pressure),
		              sp_safety_name(st->safety), cantilever, sp_objective_name(st->objective));
		sp_cli_printf(stdout, "steel: EN 1993-5, %s bending resistance of class 1-2 sections, gamma_M0 %.2f, gamma_M1 %.2f\n",
		              st->resistance == SP_RESIST_PLASTIC ? "plastic" : "elastic", st->gamma_M0, st->gamma_M1);
		double loss[2], total = sp_corrosion_study_loss_mm(st, loss);
		if (!st->durability.enabled)
			sp_cli_printf(stdout, "corrosion: no corrosion allowance was made (no [durability] section)\n");
		else
			sp_cli_printf(stdout, "corrosion: %.3f mm per plate over %.0f years (retained face %.3f mm, excavation face "
			              "%.3f mm; EN 1993-5 4.4)\n", total, st->durability.design_life_years, loss[0], loss[1]);
		if (st->kranz_checked)
			sp_cli_printf(stdout, "kranz: anchorage %.2f m along the anchor, anchor wall %.2f m high, factor %.2f\n",
			              st->anchor_length_m, st->anchorage_height_m, st->kranz_factor);
		else
			sp_cli_printf(stdout, "kranz: not checked (no [anchor] length_m)\n");
		sp_cli_printf(stdout, "ok\n");
	}
out:
	sp_catalogue_free(cat);
	sp_study_free(st);
	return rc ? sp_cli_fail(&err) : 0;
}
