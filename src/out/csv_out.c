/* csv_out.c - CSV writers. */
#include "csv_out.h"
#include "csv_field.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_RESULT_COLUMNS                                                                                     \
	"candidate_id,profile,grade,length_m,anchor_level_m,status,feasible,embedment_required_m,"          \
	"embedment_available_m,embedment_equilibrium_m,toe_level_m,max_moment_kNm_per_m,max_moment_level_m," \
	"design_moment_kNm_per_m,moment_resistance_kNm_per_m,beta_B,max_shear_kN_per_m,max_displacement_mm," \
	"anchor_force_kN_per_m,anchor_force_per_anchor_kN,util_bending,util_embedment,util_anchor,util_max,"  \
	"mass_kg_per_m,co2_kg_per_m,cost_per_m,top_displacement_mm,mobilised_passive_pct,util_deflection,"   \
	"util_mobilised,thickness_loss_mm,section_class,axial_force_kN_per_m,shear_resistance_kN_per_m,util_shear,"  \
	"governing_check,kranz_allowable_anchor_force_kN_per_m,util_kranz,util_heave"

void sp_csv_results_header(FILE *fp)
{
	fputs(S_RESULT_COLUMNS "\r\n", fp);
}

void sp_csv_ranking_header(FILE *fp)
{
	fputs("rank," S_RESULT_COLUMNS "\r\n", fp);
}

/* Fixed-point number with `decimals` digits (|v| < 9e15 / 10^decimals). The
 * same text for the same double on every thread and run. Not a number or
 * infinite: an empty field; larger: %.17g (at most 24 bytes), never a
 * conversion to an integer it does not fit. */
static char *S_num(char *p, double v, int decimals)
{
	static const double scale[] = {1, 10, 100, 1000, 10000};
	double x = v * scale[decimals];
	if (!isfinite(v))
		return p;
	if (!(fabs(x) < 9e15))
		return p + snprintf(p, 25, "%.17g", v);
	int neg = x < 0;
	unsigned long long u = (unsigned long long)((neg ? -x : x) + 0.5);
	if (neg && u == 0)
		neg = 0; /* no "-0.000" */
	char tmp[32];
	int n = 0;
	for (int d = 0; d < decimals; d++, u /= 10)
		tmp[n++] = (char)('0' + (int)(u % 10));
	if (decimals)
		tmp[n++] = '.';
	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	if (neg)
		*p++ = '-';
	while (n)
		*p++ = tmp[--n];
	return p;
}

static char *S_int(char *p, size_t v)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

#define S_TEXT_MAX (2 * SP_NAME_MAX + 2) /* a text field's bytes in a row, quotes included */

/* a text field, always quoted, through libcsv: at most S_TEXT_MAX bytes
 * (the text cut short, never a quote cut in half) */
static char *S_text(char *p, const char *s)
{
	char buf[S_TEXT_MAX];
	size_t len = strlen(s);
	if (sp_csv_field_formula_like(s)) {
		buf[0] = '\'';
		len = len < sizeof buf - 2 ? len : sizeof buf - 2;
		memcpy(buf + 1, s, len);
		buf[++len] = '\0';
		s = buf;
	}
	if (2 * len + 2 > S_TEXT_MAX) /* could be too long quoted: csv_write says what it needs, writes what it has */
		while (csv_write(NULL, 0, s, len) > S_TEXT_MAX)
			len--;
	return p + csv_write(p, S_TEXT_MAX, s, len);
}

#define S_SEP(p) (*(p)++ = ',')

/* A field that is there only when `has` (else empty), then the separator. */
static char *S_field(char *p, int has, double v, int decimals)
{
	if (has)
		p = S_num(p, v, decimals);
	S_SEP(p);
	return p;
}

/* A candidate skipped by best-first: no analysis, so only its axes, its
 * status, feasible 0 and its mass, CO2 and cost (they need none). */
static size_t S_skipped_format(char *buf, const sp_study_t *st, const sp_result_t *r)
{
	char *p = buf, status[32];
	const sp_anchor_option_t *an = &st->anchors[r->cand.anchor];
	p = S_int(p, r->cand.id), S_SEP(p);
	p = S_text(p, st->profiles[r->cand.profile]), S_SEP(p);
	p = S_text(p, st->grades[r->cand.grade]), S_SEP(p);
	p = S_num(p, st->lengths_m[r->cand.length], 3), S_SEP(p);
	if (an->anchored)
		p = S_num(p, an->level_m, 3);
	S_SEP(p);
	sp_result_status(r, status, sizeof status);
	p = S_text(p, status), S_SEP(p);
	*p++ = '0';
	for (int i = 7; i < 24; i++) /* embedment_required_m .. util_max */
		S_SEP(p);
	S_SEP(p), p = S_num(p, r->cost.mass_kg_per_m, 1);
	S_SEP(p), p = S_num(p, r->cost.co2_kg_per_m, 1);
	S_SEP(p), p = S_num(p, r->cost.cost_per_m, 2);
	for (int i = 27; i < 40; i++) /* top_displacement_mm .. util_heave */
		S_SEP(p);
	*p++ = '\r';
	*p++ = '\n';
	return (size_t)(p - buf);
}

size_t sp_csv_results_format(char *buf, const sp_study_t *st, const sp_result_t *r)
{
	if (r->status == SP_CAND_SKIPPED_DOMINATED || r->status == SP_CAND_SKIPPED_BOUND)
		return S_skipped_format(buf, st, r);
	char *p = buf, status[SP_REASON_MAX + 16];
	const sp_anchor_option_t *an = &st->anchors[r->cand.anchor];
	const sp_checks_t *k = &r->checks;
	const sp_analysis_t *a = r->analysis;
	int ok = a->ok;
	p = S_int(p, r->cand.id), S_SEP(p);
	p = S_text(p, st->profiles[r->cand.profile]), S_SEP(p);
	p = S_text(p, st->grades[r->cand.grade]), S_SEP(p);
	p = S_num(p, st->lengths_m[r->cand.length], 3), S_SEP(p);
	p = S_field(p, an->anchored, an->level_m, 3);
	sp_result_status(r, status, sizeof status);
	p = S_text(p, status), S_SEP(p);
	*p++ = r->status == SP_CAND_OK ? '1' : '0', S_SEP(p);
	/* a required embedment comes from limit equilibrium only; the engines
	 * with a stiffness model check the mobilised resistance instead */
	int embedment = ok && !a->has_displacement;
	p = S_field(p, embedment, a->embedment_required_m, 3);
	p = S_num(p, k->embedment_available_m, 3), S_SEP(p);
	p = S_field(p, embedment, a->embedment_equilibrium_m, 3);
	p = S_num(p, k->toe_level_m, 3), S_SEP(p);
	if (ok) {
		p = S_num(p, a->max_moment_kNm_per_m, 2), S_SEP(p);
		p = S_num(p, a->max_moment_level_m, 3), S_SEP(p);
		p = S_num(p, k->design_moment_kNm_per_m, 2), S_SEP(p);
	} else {
		S_SEP(p), S_SEP(p), S_SEP(p);
	}
	p = S_num(p, k->moment_resistance_kNm_per_m, 2), S_SEP(p);
	p = S_num(p, k->beta_b, 3), S_SEP(p);
	p = S_field(p, ok, a->max_shear_kN_per_m, 2);
	p = S_field(p, ok && a->has_displacement, a->max_displacement_mm, 2);
	if (ok) {
		/* the design's anchor, or a fixed wall's own anchors and struts
		 * (0 for a cantilever); per anchor only for the design's anchor,
		 * whose spacing is known */
		p = S_num(p, a->anchor_force_kN_per_m, 2), S_SEP(p);
		if (an->anchored || !(a->anchor_force_kN_per_m > 0.0))
			p = S_num(p, an->anchored ? k->anchor_force_per_anchor_kN : 0.0, 2);
		S_SEP(p);
		p = S_num(p, k->util_bending, 4), S_SEP(p);
		if (embedment)
			p = S_num(p, k->util_embedment, 4);
		S_SEP(p);
		p = S_num(p, k->util_anchor, 4), S_SEP(p);
		p = S_num(p, k->util_max, 4), S_SEP(p);
	} else {
		for (int i = 0; i < 6; i++)
			S_SEP(p);
	}
	p = S_num(p, r->cost.mass_kg_per_m, 1), S_SEP(p);
	p = S_num(p, r->cost.co2_kg_per_m, 1), S_SEP(p);
	p = S_num(p, r->cost.cost_per_m, 2), S_SEP(p);
	/* displacement-producing engines only; empty otherwise */
	if (ok && a->has_displacement) {
		p = S_num(p, a->top_displacement_mm, 2), S_SEP(p);
		p = S_num(p, a->mobilised_passive_pct, 2), S_SEP(p);
		p = S_num(p, k->util_deflection, 4), S_SEP(p);
		p = S_num(p, k->util_mobilised, 4);
	} else {
		S_SEP(p), S_SEP(p), S_SEP(p);
	}
	S_SEP(p);
	/* EN 1993-5: corrosion, class, axial force, shear; the governing check */
	p = S_num(p, k->thickness_loss_mm, 3), S_SEP(p);
	p = S_int(p, (size_t)k->section_class), S_SEP(p);
	p = S_field(p, ok, k->axial_force_kN_per_m, 2);
	p = S_num(p, k->shear_resistance_kN_per_m, 2), S_SEP(p);
	p = S_field(p, ok, k->util_shear, 4);
	p = S_text(p, sp_checks_governing_name(k)), S_SEP(p);
	/* Kranz (empty when not checked) and heave */
	p = S_field(p, ok && !isnan(k->kranz_allowable_anchor_force_kN_per_m), k->kranz_allowable_anchor_force_kN_per_m, 2);
	p = S_field(p, ok && !isnan(k->kranz_allowable_anchor_force_kN_per_m), k->util_kranz, 4);
	if (ok)
		p = S_num(p, k->util_heave, 4);
	*p++ = '\r';
	*p++ = '\n';
	return (size_t)(p - buf);
}

void sp_csv_results_row(FILE *fp, const sp_study_t *st, const sp_result_t *r)
{
	char buf[SP_CSV_ROW_MAX];
	fwrite(buf, 1, sp_csv_results_format(buf, st, r), fp);
}

size_t sp_csv_results_format_rows(char *text, const sp_study_t *st, const sp_result_t *rows, size_t n)
{
	char *p = text;
	for (size_t i = 0; i < n; i++)
		p += sp_csv_results_format(p, st, &rows[i]);
	return (size_t)(p - text);
}

void sp_csv_ranking_row(FILE *fp, const sp_study_t *st, size_t rank, const sp_result_t *r)
{
	char buf[SP_CSV_ROW_MAX];
	fprintf(fp, "%zu,", rank);
	fwrite(buf, 1, sp_csv_results_format(buf, st, r), fp);
}

void sp_csv_pareto_header(FILE *fp)
{
	fputs("chosen," S_RESULT_COLUMNS "\r\n", fp);
}

void sp_csv_pareto_row(FILE *fp, const sp_study_t *st, int chosen, const sp_result_t *r)
{
	char buf[SP_CSV_ROW_MAX];
	fputs(chosen ? "1," : "0,", fp);
	fwrite(buf, 1, sp_csv_results_format(buf, st, r), fp);
}

void sp_csv_diagram_header(FILE *fp)
{
	fputs("rank,candidate_id,level_m,net_pressure_kPa,shear_kN_per_m,moment_kNm_per_m\r\n", fp);
}

void sp_csv_diagram_rows(FILE *fp, size_t rank, size_t candidate_id, const sp_analysis_t *a)
{
	for (size_t i = 0; i < a->n_diagram; i++) {
		const sp_diagram_point_t *d = &a->diagram[i];
		fprintf(fp, "%zu,%zu,%.3f,%.3f,%.3f,%.3f\r\n", rank, candidate_id, d->level_m, d->net_pressure_kPa,
		        d->shear_kN_per_m, d->moment_kNm_per_m);
	}
}

void sp_csv_stages_header(FILE *fp)
{
	fputs("stage,stage_name,level_m,displacement_mm,moment_kNm_per_m,shear_kN_per_m,"
	      "effective_left_kPa,water_left_kPa,active_left_kPa,passive_left_kPa,"
	      "effective_right_kPa,water_right_kPa,active_right_kPa,passive_right_kPa\r\n",
	      fp);
}

void sp_csv_stage_rows(FILE *fp, int stage, const char *stage_name, const sp_beam_node_t *nodes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const sp_beam_node_t *d = &nodes[i];
		fprintf(fp, "%d,", stage);
		sp_csv_field_text(fp, stage_name);
		fprintf(fp, ",%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\r\n",
		        d->level_m, d->displacement_mm, d->moment_kNm_per_m, d->shear_kN_per_m, d->effective_kPa[SP_LEFT],
		        d->water_kPa[SP_LEFT], d->active_kPa[SP_LEFT], d->passive_kPa[SP_LEFT], d->effective_kPa[SP_RIGHT],
		        d->water_kPa[SP_RIGHT], d->active_kPa[SP_RIGHT], d->passive_kPa[SP_RIGHT]);
	}
}

void sp_csv_search(FILE *fp, const sp_study_t *st, const sp_search_t *s)
{
	fputs("profile,grade,anchor_level_m,min_length_m,candidates_evaluated,lengths_in_grid,full_scan,note\r\n", fp);
	char buf[4 * SP_NAME_MAX + 16], *p;
	for (size_t g = 0; g < sp_search_n_groups(s); g++) {
		sp_search_group_t q;
		sp_search_group(s, g, &q);
		const sp_anchor_option_t *an = &st->anchors[q.anchor];
		p = S_text(buf, st->profiles[q.profile]), S_SEP(p);
		p = S_text(p, st->grades[q.grade]), S_SEP(p);
		*p = '\0';
		fputs(buf, fp);
		if (an->anchored)
			fprintf(fp, "%.3f", an->level_m);
		fputc(',', fp);
		if (q.min_length >= 0)
			fprintf(fp, "%.3f", st->lengths_m[q.min_length]);
		fprintf(fp, ",%zu,%zu,%d,%s\r\n", q.evaluated, st->n_lengths, q.scanned,
		        q.scanned ? "\"not monotone in length: every length evaluated\""
		        : q.min_length < 0 ? "\"no feasible length (longest infeasible)\"" : "\"bisection\"");
	}
}
