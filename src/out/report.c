/* report.c - report.html: a self-contained page of the run. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"
#include "earth.h"
#include "html.h"
#include "describe.h"
#include "corrosion.h"
#include "partial_factors.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const sp_report_plot_t sp_report_plots[] = {
	{"best_diagrams.svg", "Diagrams of the best design"},
	{"best_stages.svg", "Construction stages of the best design"},
	{"cost_vs_utilisation.svg", "Cost against utilisation"},
	{"pareto.svg", "Pareto front"},
	{"cost_vs_length.svg", "Cost against length"},
	{"search_space.svg", "Search space by governing check"},
};
const size_t sp_report_n_plots = sizeof sp_report_plots / sizeof sp_report_plots[0];

static const char S_css[] =
	"body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#222;"
	"max-width:1200px;margin:0 auto;padding:0 16px 32px}\n"
	"h1{font-size:1.7em;margin:.8em 0 .2em}h2{font-size:1.3em;border-bottom:2px solid #1f77b4;margin-top:1.6em}\n"
	"h3{font-size:1.05em;margin:1.1em 0 .3em}p.sub{color:#555;margin:0 0 .8em}\n"
	"table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}\n"
	"th,td{border:1px solid #ccc;padding:2px 7px;text-align:right;vertical-align:top}\n"
	"th{background:#eef3f8}td.t,th.t{text-align:left}td.t{white-space:nowrap}table.kv td.t{white-space:normal}\n"
	"table.kv th{text-align:left;font-weight:normal;background:#f6f8fa}\n"
	"tr.best td{background:#fff6d5;font-weight:bold}\n"
	"figure{margin:.6em 0 1.4em}figure svg{width:100%;height:auto;display:block}\n"
	"figcaption{font-size:.9em;color:#444}\n"
	"nav{font-size:.92em;margin:.4em 0 1em}nav a{margin-right:1em}\n"
	".warn{color:#8a4b00}.fail{color:#b00000;font-weight:bold}.muted{color:#666}\n"
	"footer{margin-top:2em;font-size:.85em;color:#666}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@media print{body{font-size:9.5pt;max-width:none;padding:0}nav{display:none}"
	"h2.newpage{break-before:page;page-break-before:always}"
	"table,figure,tr,.keep{break-inside:avoid;page-break-inside:avoid}"
	"h2,h3{break-after:avoid;page-break-after:avoid}"
	"thead{display:table-header-group}figure svg{max-height:235mm}}\n";

static void S_kv(FILE *fp, const char *key, const char *fmt, double v, const char *unit)
{
	fprintf(fp, "<tr><th>%s</th><td>", key);
	fprintf(fp, fmt, v);
	fprintf(fp, "%s%s</td></tr>\n", unit[0] ? " " : "", unit);
}

static void S_kv_text(FILE *fp, const char *key, const char *text)
{
	fprintf(fp, "<tr><th>%s</th><td class=\"t\">", key);
	sp_html_text(fp, text);
	fputs("</td></tr>\n", fp);
}

/* The EN 1997-1 partial factors of the sets the study's approach uses. */
static void S_ec7_factors(FILE *fp, const sp_study_t *st)
{
	sp_safety s = st->safety;
	int a1 = s != SP_SAFETY_EC7_DA3, a2 = s == SP_SAFETY_EC7_DA1 || s == SP_SAFETY_EC7_DA3, m2 = a2;
	if (a1) {
		S_kv(fp, "&gamma;<sub>G</sub> (A1, on the effects of permanent actions)", "%.2f", st->gamma_g, "");
		S_kv(fp, "&gamma;<sub>Q</sub> (A1, on a variable surcharge)", "%.2f", st->gamma_q_a1, "");
	}
	if (a2) {
		S_kv(fp, "&gamma;<sub>G</sub> (A2, on the effects of permanent actions)", "%.2f", st->gamma_g_a2, "");
		S_kv(fp, "&gamma;<sub>Q</sub> (A2, on a variable surcharge)", "%.2f", st->gamma_q, "");
	}
	if (m2) {
		S_kv(fp, "&gamma;<sub>&phi;</sub> (M2, on tan &phi;&prime;)", "%.2f", st->gamma_phi, "");
		S_kv(fp, "&gamma;<sub>c</sub> (M2, on c&prime;)", "%.2f", st->gamma_c, "");
		S_kv(fp, "&gamma;<sub>cu</sub> (M2, on c<sub>u</sub>)", "%.2f", st->gamma_cu, "");
		S_kv(fp, "&gamma;<sub>&gamma;</sub> (M2, on the weight density)", "%.2f", st->gamma_gamma, "");
	}
	double r_e = s == SP_SAFETY_EC7_DA2 ? st->gamma_r_e : s == SP_SAFETY_EC7_DA3 ? st->gamma_r_e_r3 : st->gamma_r_e_r1;
	S_kv(fp, s == SP_SAFETY_EC7_DA2 ? "&gamma;<sub>R;e</sub> (R2, on earth resistance)"
	         : s == SP_SAFETY_EC7_DA3 ? "&gamma;<sub>R;e</sub> (R3, on earth resistance)"
	                                  : "&gamma;<sub>R;e</sub> (R1, on earth resistance)",
	     "%.2f", r_e, "");
}

static void S_anchor_text(char *buf, size_t size, const sp_anchor_option_t *a)
{
	if (a->anchored)
		snprintf(buf, size, "%.2f", a->level_m);
	else
		snprintf(buf, size, "cantilever");
}

static void S_summary(FILE *fp, const sp_report_t *r)
{
	const sp_study_t *st = r->st;
	fputs("<h2 id=\"summary\">Summary</h2>\n", fp);
	if (r->decision && r->decision[0]) { /* the decision in plain words, one sentence a line */
		fputs("<p class=\"decision\">", fp);
		for (const char *l = r->decision; *l;) {
			const char *e = strchr(l, '\n');
			size_t n = e ? (size_t)(e - l) : strlen(l);
			char line[1024];
			snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), l);
			sp_html_text(fp, line);
			l += n + (e != NULL);
			if (*l)
				fputs("<br>\n", fp);
		}
		fputs("</p>\n", fp);
	}
	if (r->n_best == 0) {
		fputs(sp_study_fixed_wall_only(st) ? "<p>The study's own wall: no search space, so no design is ranked.</p>\n"
		                       : "<p class=\"fail\">No feasible design in the search space.</p>\n",
		      fp);
		return;
	}
	const sp_result_t *b = &r->best[0];
	char design[3 * SP_NAME_MAX];
	sp_describe_design(design, sizeof design, st, &b->cand);
	fputs("<p>Best design (minimum ", fp);
	sp_html_text(fp, sp_objective_name(st->objective));
	fputs("): <b>", fp);
	sp_html_text(fp, design);
	fprintf(fp, "</b>: %.2f ", b->cost.cost_per_m);
	sp_html_text(fp, st->currency);
	fprintf(fp, " per m of wall, %.1f kg/m of steel, %.1f kg CO<sub>2</sub>e/m, largest utilisation %.3f.</p>\n",
	        b->cost.mass_kg_per_m, b->cost.co2_kg_per_m, b->checks.util_max);
	fprintf(fp, "<p>%zu of the %zu candidates were evaluated (search %s): %zu feasible, %zu infeasible, %zu failed.</p>\n",
	        r->stats->evaluated, r->stats->candidates, sp_search_name(r->st->search), r->stats->feasible,
	        r->stats->infeasible, r->stats->failed);
}

/* Why not cheaper: the candidates with a better objective than the best
 * design's, counted by the check that excludes each, and the cheapest few */
static void S_why(FILE *fp, const sp_report_t *r)
{
	const sp_explain_t *x = r->why;
	if (x == NULL)
		return;
	fputs("<h2 id=\"why\">Why not cheaper</h2>\n", fp);
	if (sp_study_fixed_wall_only(r->st)) {
		fputs("<p>Not applicable: the study's own wall has no search space, no candidate to compare.</p>\n", fp);
		return;
	}
	if (x->n_cheaper == 0) {
		fputs("<p>No candidate of the search space has a better objective than the chosen design.</p>\n", fp);
		return;
	}
	fprintf(fp, "<p>%zu candidates have a better objective than %s; each fails the check named "
	        "(its largest utilisation above 1), or its analysis failed, or the search did not analyse it.</p>\n",
	        x->n_cheaper, x->has_best ? "the chosen design" : "any feasible design (there is none)");
	fputs("<table>\n<tr><th>excluded by</th><th>candidates</th><th>share (%)</th></tr>\n", fp);
	for (int w = 0; w < SP_WHY_N; w++)
		if (x->by_why[w])
			fprintf(fp, "<tr><td>%s</td><td>%zu</td><td>%.1f</td></tr>\n", sp_why_name(w), x->by_why[w],
			        100.0 * (double)x->by_why[w] / (double)x->n_cheaper);
	fputs("</table>\n<p>The cheapest of them:</p>\n<table>\n<tr><th>candidate</th><th>design</th><th>cost (", fp);
	sp_html_text(fp, r->st->currency);
	fputs("/m)</th><th>fails by</th></tr>\n", fp);
	for (size_t i = 0; i < x->n_cheapest; i++) {
		const sp_result_t *c = &x->cheapest[i];
		char design[3 * SP_NAME_MAX], fail[128];
		sp_describe_design(design, sizeof design, r->st, &c->cand);
		sp_describe_failure(fail, sizeof fail, c, x->cheapest_why[i]);
		fprintf(fp, "<tr><td>%zu</td><td>", c->cand.id);
		sp_html_text(fp, design);
		fprintf(fp, "</td><td>%.2f</td><td>", c->cost.cost_per_m);
		sp_html_text(fp, fail);
		fputs("</td></tr>\n", fp);
	}
	fputs("</table>\n", fp);
}

/* The study's own wall (a [wall] without a search space: an imported D-Sheet
 * Piling project), in place of a search's site, water and search space: its
 * elements, anchors and struts, and its stages' levels as given. */
static void S_fixed_wall(FILE *fp, const sp_wall_t *w)
{
	fputs("<div class=\"keep\"><h3>The wall (the study's own: no search space)</h3>\n<table class=\"kv\">\n", fp);
	S_kv(fp, "top of wall", "%.2f", w->top_level_m, "m");
	S_kv(fp, "wall length", "%.2f", w->length_m, "m");
	S_kv(fp, "toe level", "%.2f", w->top_level_m - w->length_m, "m");
	fputs("</table></div>\n", fp);
	/* a single pile's EI and moments are the pile's own (wall.h), a sheet pile wall's per m run */
	fprintf(fp,
	        "<div class=\"keep\"><h3>Wall elements (top-down)</h3>\n<table>\n<thead><tr><th class=\"t\">element</th>"
	        "<th>down to level (m)</th><th>EI (kNm&sup2;%s)</th><th>allowable moment (kNm%s)</th></tr></thead>\n<tbody>\n",
	        w->single_pile ? "" : "/m", w->single_pile ? "" : "/m");
	for (int i = 0; i < w->n_elements && i < SP_WALL_MAX_ELEMENTS; i++) {
		const sp_wall_element_t *e = &w->elements[i];
		fputs("<tr><td class=\"t\">", fp);
		sp_html_text(fp, e->name);
		fprintf(fp, "</td><td>%.2f</td><td>%.0f</td><td>", e->bottom_level_m, e->ei_kNm2_per_m);
		if (e->allowable_moment_kNm_per_m > 0)
			fprintf(fp, "%.2f", e->allowable_moment_kNm_per_m);
		else
			fputs("not given", fp);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	if (w->n_anchors > 0 || w->n_struts > 0) {
		fputs("<div class=\"keep\"><h3>Anchors and struts</h3>\n<table>\n<thead><tr><th class=\"t\">kind</th>"
		      "<th class=\"t\">name</th><th>level (m)</th><th>angle (&deg;)</th><th class=\"t\">side</th></tr></thead>\n"
		      "<tbody>\n",
		      fp);
		for (int kind = 0; kind < 2; kind++) {
			const sp_wall_anchor_t *list = kind ? w->struts : w->anchors;
			int n = kind ? w->n_struts : w->n_anchors;
			for (int i = 0; i < n && i < SP_WALL_MAX_ITEMS; i++) {
				fprintf(fp, "<tr><td class=\"t\">%s</td><td class=\"t\">", kind ? "strut" : "anchor");
				sp_html_text(fp, list[i].name);
				fprintf(fp, "</td><td>%.2f</td><td>%.1f</td><td class=\"t\">%s</td></tr>\n", list[i].level_m,
				        list[i].angle_deg, list[i].side == SP_LEFT ? "left" : "right");
			}
		}
		fputs("</tbody></table></div>\n", fp);
	}
	fputs("<div class=\"keep\"><h3>Construction stages</h3>\n<table>\n<thead><tr><th>stage</th><th class=\"t\">name</th>"
	      "<th>surface left (m)</th><th>surface right (m)</th><th>water left (m)</th><th>water right (m)</th>"
	      "<th class=\"t\">anchors and struts in place</th></tr></thead>\n<tbody>\n",
	      fp);
	for (int s = 0; s < w->n_stages && s < SP_WALL_MAX_STAGES; s++) {
		const sp_wall_stage_t *g = &w->stages[s];
		fprintf(fp, "<tr><td>%d</td><td class=\"t\">", s + 1);
		sp_html_text(fp, g->name);
		fprintf(fp, "</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td class=\"t\">", g->surface_m[SP_LEFT],
		        g->surface_m[SP_RIGHT], g->water_m[SP_LEFT], g->water_m[SP_RIGHT]);
		int listed = 0;
		for (int i = 0; i < w->n_anchors && i < SP_WALL_MAX_ITEMS; i++)
			if (g->anchor_on[i]) {
				fputs(listed++ ? ", " : "", fp);
				sp_html_text(fp, w->anchors[i].name);
			}
		for (int i = 0; i < w->n_struts && i < SP_WALL_MAX_ITEMS; i++)
			if (g->strut_on[i]) {
				fputs(listed++ ? ", " : "", fp);
				sp_html_text(fp, w->struts[i].name);
			}
		fputs(listed ? "</td></tr>\n" : "none</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
}

static void S_study(FILE *fp, const sp_report_t *r)
{
	const sp_study_t *st = r->st;
	int fixed = sp_study_fixed_wall_only(st);
	fputs("<h2 id=\"study\" class=\"newpage\">Study</h2>\n", fp);
	if (fixed) {
		S_fixed_wall(fp, st->wall);
	} else {
		fputs("<div class=\"keep\"><h3>Geometry</h3>\n<table class=\"kv\">\n", fp);
		S_kv(fp, "top of wall", "%.2f", st->top_of_wall_m, "m");
		S_kv(fp, "retained ground level", "%.2f", st->retained_level_m, "m");
		S_kv(fp, "excavation level", "%.2f", st->excavation_level_m, "m");
		S_kv(fp, "retained height", "%.2f", st->retained_level_m - st->excavation_level_m, "m");
		fputs("</table></div>\n", fp);
	}

	fputs("<div class=\"keep\"><h3>Soil layers (top-down)</h3>\n<table>\n<thead><tr><th class=\"t\">layer</th>"
	      "<th>top level (m)</th><th>&gamma; (kN/m&sup3;)</th><th>&gamma;<sub>sat</sub> (kN/m&sup3;)</th>"
	      "<th class=\"t\">drainage</th><th>&phi;&prime; (&deg;)</th><th>c&prime; (kPa)</th><th>&delta; (&deg;)</th>"
	      "<th>c<sub>u</sub> (kPa)</th></tr></thead>\n<tbody>\n",
	      fp);
	for (size_t i = 0; i < st->n_layers; i++) {
		const sp_layer_t *L = &st->layers[i];
		fputs("<tr><td class=\"t\">", fp);
		sp_html_text(fp, L->name);
		fprintf(fp, "</td><td>%.2f</td><td>%.1f</td><td>%.1f</td>", L->top_level_m, L->gamma_kN_m3,
		        L->gamma_sat_kN_m3);
		if (L->drainage == SP_UNDRAINED)
			fprintf(fp, "<td class=\"t\">undrained</td><td></td><td></td><td></td><td>%.1f</td></tr>\n", L->cu_kPa);
		else
			fprintf(fp, "<td class=\"t\">drained</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td></td></tr>\n",
			        L->phi_deg, L->c_kPa, L->delta_deg);
	}
	fputs("</tbody></table></div>\n", fp);

	if (fixed) { /* the wall's stages hold its levels; no candidate for the rest */
		fputs("<div class=\"keep\"><h3>Analysis</h3>\n<table class=\"kv\">\n", fp);
		S_kv_text(fp, "method", sp_method_description(st->method));
		int calc = st->wall->calc.type;
		S_kv_text(fp, "D-Sheet Piling calculation",
		          calc == SP_CALC_VERIFY ? "verification: its factored runs are written by sheetpile analyze; "
		                                   "best_stages.csv holds the characteristic stages"
		          : calc == SP_CALC_DESIGN_LENGTH ? "design of the sheet piling length: dsheet_design_length.csv; "
		                                            "best_stages.csv holds the characteristic stages of the wall as given"
		          : calc == SP_CALC_ANCHOR_FORCE ? "allowable anchor force: the stages as given (analyze prints the Kranz "
		                                           "force)"
		                                         : "standard: the stages as given");
		S_kv_text(fp, "checks", "each stage's moment against the elements' allowable moments where the study gives "
		                        "them; the safety convention, cost, EN 1993-5 resistances, corrosion, Kranz and heave "
		                        "of a search need a candidate's profile and are not applied");
		fputs("</table></div>\n", fp);
		return;
	}
	fputs("<div class=\"keep\"><h3>Water and loads</h3>\n<table class=\"kv\">\n", fp);
	S_kv(fp, "water level, retained side", "%.2f", st->water_retained_m, "m");
	S_kv(fp, "water level, excavation side", "%.2f", st->water_excavation_m, "m");
	S_kv(fp, "unit weight of water", "%.2f", st->gamma_w_kN_m3, "kN/m&sup3;");
	S_kv(fp, "surcharge on the retained ground", "%.1f", st->surcharge_kPa, "kPa");
	S_kv_text(fp, "surcharge action", st->surcharge_variable ? "variable" : "permanent");
	fputs("</table></div>\n", fp);

	fputs("<div class=\"keep\"><h3>Search space</h3>\n<table class=\"kv\">\n", fp);
	fputs("<tr><th>profiles</th><td class=\"t\">", fp);
	for (size_t i = 0; i < st->n_profiles; i++) {
		fputs(i ? ", " : "", fp);
		sp_html_text(fp, st->profiles[i]);
	}
	fprintf(fp, " (%zu)</td></tr>\n<tr><th>steel grades</th><td class=\"t\">", st->n_profiles);
	for (size_t i = 0; i < st->n_grades; i++) {
		fputs(i ? ", " : "", fp);
		sp_html_text(fp, st->grades[i]);
	}
	double lmin = INFINITY, lmax = -INFINITY;
	for (size_t i = 0; i < st->n_lengths; i++) {
		lmin = fmin(lmin, st->lengths_m[i]);
		lmax = fmax(lmax, st->lengths_m[i]);
	}
	fprintf(fp, " (%zu)</td></tr>\n<tr><th>pile lengths</th><td class=\"t\">%zu lengths from %.2f m to %.2f m</td></tr>\n",
	        st->n_grades, st->n_lengths, lmin, lmax);
	fputs("<tr><th>anchor options (level, m)</th><td class=\"t\">", fp);
	for (size_t i = 0; i < st->n_anchors; i++) {
		char a[32];
		S_anchor_text(a, sizeof a, &st->anchors[i]);
		fprintf(fp, "%s%s", i ? ", " : "", a);
	}
	fprintf(fp, "</td></tr>\n<tr><th>candidates</th><td class=\"t\">%zu</td></tr>\n", sp_study_n_candidates(st));
	if (st->n_anchors > 1 || st->anchors[0].anchored) {
		S_kv(fp, "anchor inclination", "%.1f", st->anchor_inclination_deg, "&deg;");
		S_kv(fp, "anchor spacing", "%.2f", st->anchor_spacing_m, "m");
		S_kv(fp, "anchor capacity (0 = not checked)", "%.0f", st->anchor_capacity_kN, "kN");
	}
	fputs("</table></div>\n", fp);

	fputs("<div class=\"keep\"><h3>Analysis and safety convention</h3>\n<table class=\"kv\">\n", fp);
	S_kv_text(fp, "method", sp_method_description(st->method));
	S_kv_text(fp, "earth pressure", sp_earth_theory_name(st->earth_pressure));
	if (st->verification != SP_VERIFICATION_NONE) { /* [design] verification */
		const char *const *classes = sp_partial_factors_classes(st->verification);
		char text[256];
		int n = snprintf(text, sizeof text, "%s%s%s, D-Sheet Piling's set%s ", sp_partial_factors_words[st->verification],
		                 classes ? " " : "", classes ? classes[st->verification_class] : "",
		                 st->n_verification_sets > 1 ? "s" : "");
		for (int i = 0; i < st->n_verification_sets && n > 0 && (size_t)n < sizeof text; i++)
			n += snprintf(text + n, sizeof text - (size_t)n, "%s%s", i ? " and " : "", st->verification_sets[i].name);
		if (n > 0 && (size_t)n < sizeof text)
			snprintf(text + n, sizeof text - (size_t)n, ": moment, shear, anchor force and mobilised resistance "
			         "are the design values of the factored runs; displacements characteristic");
		S_kv_text(fp, "verification", text);
	}
	if (st->method == SP_METHOD_LE)
		S_kv_text(fp, "cantilever method", sp_cantilever_name(st->cantilever_method));
	S_kv_text(fp, "safety convention", sp_safety_name(st->safety));
	switch (st->safety) {
	case SP_SAFETY_KP_FACTOR:
		S_kv(fp, "factor on K<sub>p</sub>", "%.2f", st->kp_factor, "");
		break;
	case SP_SAFETY_EMBEDMENT_FACTOR:
		S_kv(fp, "factor on the embedment", "%.2f", st->embedment_factor, "");
		break;
	case SP_SAFETY_EC7_DA1_C2:
		S_kv(fp, "&gamma;<sub>&phi;</sub> (on tan &phi;&prime;)", "%.2f", st->gamma_phi, "");
		S_kv(fp, "&gamma;<sub>c</sub> (on c&prime;)", "%.2f", st->gamma_c, "");
		S_kv(fp, "&gamma;<sub>cu</sub> (on c<sub>u</sub>)", "%.2f", st->gamma_cu, "");
		S_kv(fp, "&gamma;<sub>Q</sub> (on a variable surcharge)", "%.2f", st->gamma_q, "");
		break;
	case SP_SAFETY_EC7_DA1_C1:
	case SP_SAFETY_EC7_DA1:
	case SP_SAFETY_EC7_DA2:
	case SP_SAFETY_EC7_DA3:
		S_ec7_factors(fp, st);
		break;
	}
	S_kv(fp, "moment factor", "%.2f", st->moment_factor, "");
	S_kv(fp, "anchor force factor", "%.2f", st->anchor_force_factor, "");
	S_kv(fp, "&gamma;<sub>M0</sub> (EN 1993-5)", "%.2f", st->gamma_M0, "");
	S_kv(fp, "&gamma;<sub>M1</sub> (EN 1993-5, buckling)", "%.2f", st->gamma_M1, "");
	S_kv_text(fp, "bending resistance of class 1&ndash;2 sections",
	          st->resistance == SP_RESIST_PLASTIC ? "plastic (W_pl)" : "elastic (W_el)");
	{
		double loss[2];
		char text[256];
		double total = sp_corrosion_study_loss_mm(st, loss);
		const sp_durability_t *d = &st->durability;
		if (!d->enabled)
			snprintf(text, sizeof text, "no corrosion allowance was made");
		else
			snprintf(text, sizeof text,
			         "%.2f mm per plate over %.0f years (EN 1993-5 4.4): retained face %.2f mm (%s), "
			         "excavation face %.2f mm (%s)",
			         total, d->design_life_years, loss[0],
			         d->exposure[0] >= 0 ? sp_study_exposure_words[d->exposure[0]] : "given", loss[1],
			         d->exposure[1] >= 0 ? sp_study_exposure_words[d->exposure[1]] : "given");
		S_kv_text(fp, "corrosion allowance", text);
		if (st->kranz_checked && st->anchorage_height_m > 0)
			snprintf(text, sizeof text, "anchorage %.2f m along the anchor, anchor wall %.2f m high; "
			         "util_kranz = design anchor force x %.2f / allowable force (docs/kranz.md)",
			         st->anchor_length_m, st->anchorage_height_m, st->kranz_factor);
		else if (st->kranz_checked)
			snprintf(text, sizeof text, "a point anchorage (a grout body's centre) %.2f m along the anchor; "
			         "util_kranz = design anchor force x %.2f / allowable force (docs/kranz.md)",
			         st->anchor_length_m, st->kranz_factor);
		else
			snprintf(text, sizeof text, "Kranz was not checked (no [anchor] length_m)");
		S_kv_text(fp, "Kranz (deep slip plane)", text);
		S_kv_text(fp, "hydraulic heave", st->water_retained_m > st->water_excavation_m
		                                     ? "EN 1997-1 HYD, (2.9a) or (2.9b) on Terzaghi's prism (docs/heave.md)"
		                                     : "no water level difference across the wall: nothing to check");
	}
	if (st->deflection_limit_mm > 0)
		S_kv(fp, "deflection limit", "%.1f", st->deflection_limit_mm, "mm");
	fputs("</table></div>\n", fp);

	fputs("<div class=\"keep\"><h3>Cost and objective</h3>\n<table class=\"kv\">\n", fp);
	char unit[64];
	snprintf(unit, sizeof unit, "%s/kg", st->currency);
	fputs("<tr><th>steel price</th><td class=\"t\">", fp);
	for (size_t i = 0; i < st->n_grades; i++) {
		fputs(i ? ", " : "", fp);
		sp_html_text(fp, st->grades[i]);
		fprintf(fp, " %.3f ", st->steel_price_per_kg[i]);
		sp_html_text(fp, unit);
	}
	fputs("</td></tr>\n", fp);
	snprintf(unit, sizeof unit, "%s/m&sup2;", st->currency);
	S_kv(fp, "installation", "%.2f", st->installation_per_m2, unit);
	snprintf(unit, sizeof unit, "%s", st->currency);
	S_kv(fp, "one anchor", "%.2f", st->anchor_cost_each, unit);
	S_kv(fp, "embodied carbon of the steel", "%.3f", st->co2_kg_per_kg_steel, "kg CO<sub>2</sub>e/kg");
	S_kv_text(fp, "objective (minimised)", sp_objective_name(st->objective));
	fputs("</table></div>\n", fp);
}

static void S_best(FILE *fp, const sp_report_t *r)
{
	const sp_study_t *st = r->st;
	fputs("<h2 id=\"best\" class=\"newpage\">Best designs</h2>\n", fp);
	if (r->n_best == 0) {
		fputs(sp_study_fixed_wall_only(st) ? "<p>None ranked: the study's own wall, its stages in best_stages.csv.</p>\n"
		                       : "<p class=\"fail\">No feasible design.</p>\n",
		      fp);
		return;
	}
	size_t shown = r->n_best < SP_REPORT_MAX_ROWS ? r->n_best : SP_REPORT_MAX_ROWS;
	if (shown == r->n_best)
		fprintf(fp, "<p class=\"sub\">The %zu best feasible designs by %s (ranking.csv holds the same rows).</p>\n",
		        r->n_best, sp_objective_name(st->objective));
	else
		fprintf(fp, "<p class=\"sub\">The %zu best feasible designs by %s; ranking.csv holds all %zu.</p>\n", shown,
		        sp_objective_name(st->objective), r->n_best);
	fputs("<table>\n<thead><tr><th>rank</th><th class=\"t\">profile</th><th class=\"t\">grade</th><th>length (m)</th>"
	      "<th>anchor level (m)</th><th>embedment required (m)</th><th>embedment available (m)</th>"
	      "<th>M<sub>Ed</sub> (kNm/m)</th><th>M<sub>c,Rd</sub> (kNm/m)</th><th>anchor force (kN/m)</th>",
	      fp);
	if (st->method == SP_METHOD_SUBGRADE)
		fputs("<th>max displacement (mm)</th>", fp);
	fputs("<th>class</th><th>util bending</th><th>util shear</th><th>util embedment</th><th>util anchor</th>"
	      "<th>util Kranz</th><th>util heave</th><th>util max</th><th class=\"t\">governing</th>"
	      "<th>mass (kg/m)</th><th>CO<sub>2</sub>e (kg/m)</th><th>cost (",
	      fp);
	sp_html_text(fp, r->st->currency);
	fputs("/m)</th></tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < shown; i++) {
		const sp_result_t *b = &r->best[i];
		char a[32];
		S_anchor_text(a, sizeof a, &st->anchors[b->cand.anchor]);
		fprintf(fp, "<tr%s><td>%zu</td><td class=\"t\">", i == 0 ? " class=\"best\"" : "", i + 1);
		sp_html_text(fp, st->profiles[b->cand.profile]);
		fputs("</td><td class=\"t\">", fp);
		sp_html_text(fp, st->grades[b->cand.grade]);
		/* a required embedment comes from limit equilibrium only (csv_out.c) */
		int embedment = !b->analysis->has_displacement;
		fprintf(fp, "</td><td>%.2f</td><td>%s</td>", st->lengths_m[b->cand.length], a);
		if (embedment)
			fprintf(fp, "<td>%.2f</td>", b->analysis->embedment_required_m);
		else
			fputs("<td>&ndash;</td>", fp);
		fprintf(fp, "<td>%.2f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>", b->checks.embedment_available_m,
		        b->checks.design_moment_kNm_per_m, b->checks.moment_resistance_kNm_per_m,
		        b->analysis->anchor_force_kN_per_m);
		if (st->method == SP_METHOD_SUBGRADE)
			fprintf(fp, "<td>%.1f</td>", b->analysis->max_displacement_mm);
		fprintf(fp, "<td>%d</td><td>%.3f</td><td>%.3f</td>", b->checks.section_class, b->checks.util_bending,
		        b->checks.util_shear);
		if (embedment)
			fprintf(fp, "<td>%.3f</td>", b->checks.util_embedment);
		else
			fputs("<td>&ndash;</td>", fp);
		fprintf(fp, "<td>%.3f</td>", b->checks.util_anchor);
		if (isnan(b->checks.kranz_allowable_anchor_force_kN_per_m))
			fputs("<td>&ndash;</td>", fp);
		else
			fprintf(fp, "<td>%.3f</td>", b->checks.util_kranz);
		fprintf(fp, "<td>%.3f</td><td>%.3f</td><td class=\"t\">%s</td><td>%.1f</td><td>%.1f</td><td>%.2f</td></tr>\n",
		        b->checks.util_heave, b->checks.util_max, sp_checks_governing_name(&b->checks),
		        b->cost.mass_kg_per_m, b->cost.co2_kg_per_m, b->cost.cost_per_m);
	}
	fputs("</tbody></table>\n", fp);
}

/* Copy an SVG file inline: from its <svg> element on (no XML declaration or
 * doctype), with every id and internal reference prefixed so that several
 * plots in one page do not share ids. */
static int S_svg(FILE *fp, const char *path, int index, sp_err_t *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC); /* never through a link */
	FILE *in = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (in == NULL) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return sp_err_set(err, SP_EIO, "%s: cannot read the plot: %s", path, strerror(e));
	}
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 65536 > cap) {
			cap = cap ? 2 * cap : 262144;
			char *b = realloc(buf, cap + 1);
			if (b == NULL) {
				free(buf);
				fclose(in);
				return sp_err_set(err, SP_ESOFTWARE, "out of memory");
			}
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, in);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(in);
	fclose(in);
	if (bad) {
		free(buf);
		return sp_err_set(err, SP_EIO, "%s: read error", path);
	}
	buf[n] = '\0';
	char *p = strstr(buf, "<svg");
	if (p == NULL) {
		free(buf);
		return sp_err_set(err, SP_EIO, "%s: not an SVG file", path);
	}
	char prefix[16];
	snprintf(prefix, sizeof prefix, "p%d-", index);
	static const char *const pat[] = {" id='", " id=\"", "\tid='", "\tid=\"", "\nid='", "\nid=\"",
	                                  "href='#", "href=\"#", "url(#"};
	while (*p) {
		size_t k, len = 0;
		for (k = 0; k < sizeof pat / sizeof pat[0]; k++) {
			len = strlen(pat[k]);
			if (strncmp(p, pat[k], len) == 0)
				break;
		}
		if (k < sizeof pat / sizeof pat[0]) {
			fwrite(p, 1, len, fp);
			fputs(prefix, fp);
			p += len;
		} else {
			fputc(*p++, fp);
		}
	}
	free(buf);
	return SP_OK;
}

static int S_exists(const char *dir, const char *file)
{
	char path[8192];
	struct stat sb;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	return lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0;
}

static int S_figure(FILE *fp, const char *dir, const char *file, const char *title, int index, sp_err_t *err)
{
	char path[8192];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	fputs("<figure>\n", fp);
	int rc = S_svg(fp, path, index, err);
	fputs("\n<figcaption>", fp);
	sp_html_text(fp, title);
	fputs(" (plots/", fp);
	sp_html_text(fp, file);
	fputs(")</figcaption>\n</figure>\n", fp);
	return rc;
}

static int S_cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int S_known_plot(const char *name)
{
	for (size_t i = 0; i < sp_report_n_plots; i++)
		if (strcmp(name, sp_report_plots[i].file) == 0)
			return 1;
	return 0;
}

static int S_drawn(const sp_report_t *r, const char *name)
{
	for (size_t i = 0; i < r->n_svgs; i++)
		if (strcmp(r->svgs[i], name) == 0)
			return 1;
	return 0;
}

static int S_plots(FILE *fp, const sp_report_t *r, size_t *count, sp_err_t *err)
{
	fputs("<h2 id=\"plots\" class=\"newpage\">Plots</h2>\n", fp);
	if (r->plots_dir == NULL) {
		fputs("<p class=\"muted\">Plots were not drawn for this run (--no-plots).</p>\n", fp);
		return SP_OK;
	}
	int rc = SP_OK;
	for (size_t i = 0; i < sp_report_n_plots && rc == SP_OK; i++)
		if (S_drawn(r, sp_report_plots[i].file) && S_exists(r->plots_dir, sp_report_plots[i].file)) {
			fprintf(fp, "<h3>%s</h3>\n", sp_report_plots[i].title);
			rc = S_figure(fp, r->plots_dir, sp_report_plots[i].file, sp_report_plots[i].title, (int)*count, err);
			(*count)++;
		}
	/* the run's other SVG plots, by name */
	const char **names = r->n_svgs ? malloc(r->n_svgs * sizeof *names) : NULL;
	size_t n = 0;
	for (size_t i = 0; names && i < r->n_svgs; i++)
		if (!S_known_plot(r->svgs[i]) && S_exists(r->plots_dir, r->svgs[i]))
			names[n++] = r->svgs[i];
	if (n > 0)
		qsort(names, n, sizeof *names, S_cmp_names);
	for (size_t i = 0; i < n && rc == SP_OK; i++) {
		fputs("<h3>", fp);
		sp_html_text(fp, names[i]);
		fputs("</h3>\n", fp);
		rc = S_figure(fp, r->plots_dir, names[i], names[i], (int)*count, err);
		(*count)++;
	}
	free(names);
	if (*count == 0 && rc == SP_OK)
		fputs("<p class=\"warn\">No plot was drawn (see the warnings).</p>\n", fp);
	return rc;
}

static void S_util(FILE *fp, double v)
{
	if (isfinite(v))
		fprintf(fp, "<td>%.3f</td>", v);
	else
		fputs("<td>&ndash;</td>", fp);
}

static void S_sensitivity(FILE *fp, const sp_report_t *r)
{
	const sp_study_t *st = r->st;
	const sp_sens_t *s = r->sens;
	if (s == NULL || s->n == 0)
		return;
	const sp_sensitivity_t *cfg = &st->sensitivity;
	fputs("<h2 id=\"sensitivity\" class=\"newpage\">Sensitivity of the best designs</h2>\n<p class=\"sub\">", fp);
	if (s->monte_carlo)
		fprintf(fp, "Monte Carlo, %d samples (seed %lu), normal distributions with standard deviations: ",
		        cfg->samples, cfg->seed);
	else
		fputs("One parameter at a time, changed by &minus; and + ", fp);
	int first = 1;
	for (int p = 0; p < SP_SENS_N; p++)
		if (cfg->amount[p] > 0) {
			fprintf(fp, "%s%s %g", first ? "" : ", ", sp_sens_param_key((sp_sens_param)p), cfg->amount[p]);
			first = 0;
		}
	fprintf(fp, ". %zu analyses; sensitivity.csv holds every row. &ldquo;fails&rdquo; is the fraction of "
	            "variations in which any check fails.</p>\n",
	        s->analyses);
	fputs("<table>\n<thead><tr><th>rank</th><th class=\"t\">design</th><th class=\"t\">variation</th>"
	      "<th>samples</th><th>util bending mean</th><th>util embedment mean</th><th>util max min</th>"
	      "<th>util max mean</th><th>util max max</th><th>fails</th></tr></thead>\n<tbody>\n",
	      fp);
	for (size_t i = 0; i < s->n; i++) {
		const sp_sens_row_t *row = &s->rows[i];
		const sp_result_t *b = &r->best[row->design];
		char design[3 * SP_NAME_MAX];
		sp_describe_design(design, sizeof design, st, &b->cand);
		fprintf(fp, "<tr><td>%zu</td><td class=\"t\">", row->design + 1);
		sp_html_text(fp, design);
		fputs("</td><td class=\"t\">", fp);
		if (strcmp(row->parameter, "none") == 0)
			fputs("as ranked", fp);
		else if (strcmp(row->parameter, "all") == 0)
			fputs("<b>all changes</b>", fp);
		else if (strcmp(row->parameter, "monte-carlo") == 0)
			fputs("<b>Monte Carlo</b>", fp);
		else
			fprintf(fp, "%s %+g", row->parameter, row->change);
		fprintf(fp, "</td><td>%zu</td>", row->samples);
		S_util(fp, row->mean[SP_SENS_U_BENDING]);
		S_util(fp, row->mean[SP_SENS_U_EMBEDMENT]);
		S_util(fp, row->min[SP_SENS_U_MAX]);
		S_util(fp, row->mean[SP_SENS_U_MAX]);
		S_util(fp, row->max[SP_SENS_U_MAX]);
		fprintf(fp, "<td%s>%.1f %%</td></tr>\n", row->fail_fraction > 0 ? " class=\"fail\"" : "",
		        100 * row->fail_fraction);
	}
	fputs("</tbody></table>\n", fp);
}

static void S_warnings(FILE *fp, const char *w)
{
	fputs("<h2 id=\"warnings\">Warnings</h2>\n", fp);
	if (w == NULL || *w == '\0') {
		fputs("<p>None.</p>\n", fp);
		return;
	}
	fputs("<ul class=\"warn\">\n", fp);
	while (*w) {
		const char *e = strchr(w, '\n');
		size_t n = e ? (size_t)(e - w) : strlen(w);
		char line[2048];
		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), w);
		if (line[0]) {
			fputs("<li>", fp);
			sp_html_text(fp, line);
			fputs("</li>\n", fp);
		}
		w += n + (e != NULL);
	}
	fputs("</ul>\n", fp);
}

static void S_stats(FILE *fp, const sp_report_t *r)
{
	const sp_eval_stats_t *s = r->stats;
	fputs("<h2 id=\"run\">Run statistics</h2>\n<table class=\"kv\">\n", fp);
	S_kv(fp, "candidates in the search space", "%.0f", (double)s->candidates, "");
	S_kv_text(fp, "search strategy", sp_search_name(r->st->search));
	S_kv(fp, "candidates evaluated", "%.0f", (double)(s->evaluated - s->skipped), "");
	S_kv(fp, "feasible", "%.0f", (double)s->feasible, "");
	S_kv(fp, "infeasible", "%.0f", (double)s->infeasible, "");
	S_kv(fp, "failed", "%.0f", (double)s->failed, "");
	S_kv(fp, "distinct analyses", "%.0f", (double)s->analyses_run, "");
	S_kv(fp, "distinct analyses of an exhaustive search", "%.0f", (double)s->analyses_exhaustive, "");
	if (r->st->search == SP_SEARCH_BEST_FIRST) { /* how the bound closed in */
		S_kv(fp, "best-first: candidates skipped by the bound", "%.0f", (double)s->bf_bound, "");
		S_kv(fp, "best-first: candidates skipped as dominated", "%.0f", (double)s->bf_dominated, "");
		S_kv(fp, "best-first: analyses cancelled at the proof", "%.0f", (double)s->bf_cancelled, "");
		if (s->bf_proof == 1) {
			S_kv(fp, "best-first: objective of the k-th feasible design", "%.6g", s->bf_kth_objective, "");
			S_kv(fp, "best-first: lowest objective not visited (the bound)", "%.6g", s->bf_bound_objective, "");
		}
		S_kv_text(fp, "best-first: proof", s->bf_proof == 1 ? "top_k feasible found; no candidate not visited is better"
		                                   : "every candidate visited (fewer than top_k feasible)");
	}
	if (s->exec) /* taken from journal.txt by --resume: checked, but not run by this invocation */
		S_kv(fp, "analyses from an earlier run (journal.txt)", "%.0f", (double)s->batch.resumed, "");
	if (r->sens && r->sens->n)
		S_kv(fp, "sensitivity analyses", "%.0f", (double)r->sens->analyses, "");
	S_kv(fp, "wall time of the evaluation", "%.3f", r->seconds, "s");
	S_kv(fp, "evaluations per second", "%.0f", r->seconds > 0 ? (double)s->evaluated / r->seconds : 0.0, "");
	S_kv(fp, "worker threads", "%.0f", (double)s->workers, "");
	S_kv(fp, "licences", "%.0f", (double)r->st->licenses, "");
	S_kv(fp, "most evaluations at once", "%.0f", (double)s->max_concurrent, "");
	fputs("</table>\n", fp);
}

int sp_report_write(FILE *fp, const sp_report_t *r, size_t *n_plots, sp_err_t *err)
{
	const sp_study_t *st = r->st;
	size_t count = 0;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	      fp);
	sp_html_text(fp, st->name);
	fputs(" &ndash; sheetpile report</title>\n<style>\n", fp);
	fputs(S_css, fp);
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>", fp);
	sp_html_text(fp, st->name);
	fputs("</h1>\n<p class=\"sub\">", fp);
	if (st->description[0]) {
		sp_html_text(fp, st->description);
		fputs("<br>", fp);
	}
	fputs("Study file ", fp);
	sp_html_text(fp, st->path);
	fprintf(fp, "; %s; sheetpile %s</p>\n</header>\n", sp_method_description(st->method), SP_VERSION);
	fputs("<nav><a href=\"#summary\">Summary</a><a href=\"#study\">Study</a><a href=\"#best\">Best designs</a>"
	      "<a href=\"#why\">Why not cheaper</a><a href=\"#plots\">Plots</a>",
	      fp);
	if (r->sens && r->sens->n)
		fputs("<a href=\"#sensitivity\">Sensitivity</a>", fp);
	fputs("<a href=\"#warnings\">Warnings</a><a href=\"#run\">Run statistics</a></nav>\n<main>\n", fp);
	S_summary(fp, r);
	S_study(fp, r);
	S_best(fp, r);
	S_why(fp, r);
	int rc = S_plots(fp, r, &count, err);
	if (rc == SP_OK) {
		S_sensitivity(fp, r);
		S_warnings(fp, r->warnings);
		S_stats(fp, r);
	}
	fprintf(fp, "</main>\n<footer id=\"end\">%zu plots. Written by sheetpile %s.</footer>\n</body>\n</html>\n", count,
	        SP_VERSION);
	if (n_plots)
		*n_plots = count;
	return rc;
}
