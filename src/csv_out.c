/* csv_out.c - CSV writers. */
#include "csv_out.h"

#include <csv.h>
#include <string.h>

#define S_RESULT_COLUMNS                                                                                     \
	"candidate_id,profile,grade,length_m,anchor_level_m,status,feasible,embedment_required_m,"          \
	"embedment_available_m,embedment_equilibrium_m,toe_level_m,max_moment_kNm_per_m,max_moment_level_m," \
	"design_moment_kNm_per_m,moment_resistance_kNm_per_m,beta_B,max_shear_kN_per_m,max_displacement_mm," \
	"anchor_force_kN_per_m,anchor_force_per_anchor_kN,util_bending,util_embedment,util_anchor,util_max,"  \
	"mass_kg_per_m,co2_kg_per_m,cost_per_m"

void sp_csv_text(FILE *fp, const char *s)
{
	csv_fwrite(fp, s, strlen(s));
}

void sp_csv_results_header(FILE *fp)
{
	fputs(S_RESULT_COLUMNS "\r\n", fp);
}

void sp_csv_ranking_header(FILE *fp)
{
	fputs("rank," S_RESULT_COLUMNS "\r\n", fp);
}

static void S_fields(FILE *fp, const sp_study_t *st, const sp_result_t *r)
{
	char status[SP_REASON_MAX + 16];
	const sp_anchor_option_t *an = &st->anchors[r->cand.anchor];
	fprintf(fp, "%zu,", r->cand.id);
	sp_csv_text(fp, st->profiles[r->cand.profile]);
	fputc(',', fp);
	sp_csv_text(fp, st->grades[r->cand.grade]);
	fprintf(fp, ",%.3f,", st->lengths_m[r->cand.length]);
	if (an->anchored)
		fprintf(fp, "%.3f", an->level_m);
	sp_result_status(r, status, sizeof status);
	fputc(',', fp);
	sp_csv_text(fp, status);
	const sp_checks_t *k = &r->checks;
	const sp_analysis_t *a = r->analysis;
	fprintf(fp, ",%d,", r->status == SP_CAND_OK);
	if (a->ok)
		fprintf(fp, "%.3f,%.3f,%.3f,%.3f,%.2f,%.3f,%.2f,%.2f,%.3f,%.2f,", a->embedment_required_m,
		        k->embedment_available_m, a->embedment_equilibrium_m, k->toe_level_m, a->max_moment_kNm_per_m,
		        a->max_moment_level_m, k->design_moment_kNm_per_m, k->moment_resistance_kNm_per_m, k->beta_b,
		        a->max_shear_kN_per_m);
	else
		fprintf(fp, ",%.3f,,%.3f,,,,%.2f,%.3f,,", k->embedment_available_m, k->toe_level_m,
		        k->moment_resistance_kNm_per_m, k->beta_b);
	if (a->ok && a->has_displacement)
		fprintf(fp, "%.2f", a->max_displacement_mm);
	fputc(',', fp);
	if (a->ok && an->anchored)
		fprintf(fp, "%.2f,%.2f", a->anchor_force_kN_per_m, k->anchor_force_per_anchor_kN);
	else if (a->ok)
		fputs("0.00,0.00", fp);
	else
		fputc(',', fp);
	if (a->ok)
		fprintf(fp, ",%.4f,%.4f,%.4f,%.4f,", k->util_bending, k->util_embedment, k->util_anchor, k->util_max);
	else
		fputs(",,,,,", fp);
	fprintf(fp, "%.1f,%.1f,%.2f\r\n", r->cost.mass_kg_per_m, r->cost.co2_kg_per_m, r->cost.cost_per_m);
}

void sp_csv_results_row(FILE *fp, const sp_study_t *st, const sp_result_t *r)
{
	S_fields(fp, st, r);
}

void sp_csv_ranking_row(FILE *fp, const sp_study_t *st, size_t rank, const sp_result_t *r)
{
	fprintf(fp, "%zu,", rank);
	S_fields(fp, st, r);
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
