/* test_shi_elements.c - a wall of more than 16 elements (issue 19 point 2:
 * "up to the element, stage and item counts D-Sheet allows").
 *
 * Source: Tutorial-1.shi and its .shd, written by D-Sheet Piling 24.1
 * (tests/data/dsheet, Deltares' GEOLib, MIT licence): a 16 m AZ 13
 * cantilever of ONE element, .shd max moment 158.73 kNm/m, max displacement
 * 193.90 mm, max shear 53.65 kN/m (its [RESUME]).
 *
 * The synthetic file is the same project with that element split into 20
 * elements of 0.80 m, each with the element's own EI, width and name suffix.
 * Closed form: a beam whose EI is the same on every piece is the same beam,
 * so the 20-element wall must give D-Sheet's one-element results (the
 * benchmark criteria: 1 %, or 0.5 kNm/m / mm / kN/m near zero) and our own
 * one-element results to round-off. The file goes the way an engineer's
 * would: .shi -> sp_shi_read -> study file -> sp_study_read -> beam engine;
 * the .shi writer writes the 20 elements back. Over the limit
 * (SP_WALL_MAX_ELEMENTS) the importer refuses by name. */
#include "beam.h"
#include "harness.h"
#include "shd.h"
#include "shi.h"
#include "shi_write.h"
#include "study.h"
#include "study_read.h"
#include "study_wall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DIR "data/dsheet/"
#define N_SPLIT 20

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(fp);
	return s;
}

/* Tutorial-1.shi with its one [SHEET PILING ELEMENT] (top 0.00, length
 * 16.00) written n times, the k-th ending at -16 (k + 1) / n; 0 on success. */
static int write_split(const char *out_path, int n)
{
	char *src = slurp(DIR "Tutorial-1.shi");
	if (src == NULL)
		return -1;
	const char *count = strstr(src, "  1 Number of elements");
	const char *b0 = strstr(src, "[SHEET PILING ELEMENT]");
	const char *e0 = strstr(src, "[END OF SHEET PILING ELEMENT]");
	const char *lev = b0 ? strstr(b0, "SheetPilingElementLevel=-16.00") : NULL;
	FILE *fp = fopen(out_path, "w");
	if (!count || !b0 || !e0 || !lev || lev > e0 || !fp) {
		free(src);
		if (fp)
			fclose(fp);
		return -1;
	}
	e0 += strlen("[END OF SHEET PILING ELEMENT]\n");
	const char *name_end = strchr(b0 + strlen("[SHEET PILING ELEMENT]\n"), '\n'); /* "AZ 13" */
	const char *lev_end = lev + strlen("SheetPilingElementLevel=-16.00");
	fwrite(src, 1, (size_t)(count - src), fp);
	fprintf(fp, "%3d Number of elements", n);
	const char *after_count = count + strlen("  1 Number of elements");
	fwrite(after_count, 1, (size_t)(b0 - after_count), fp);
	for (int k = 0; k < n; k++) {
		fwrite(b0, 1, (size_t)(name_end - b0), fp); /* header and name */
		fprintf(fp, " part %d", k + 1);
		fwrite(name_end, 1, (size_t)(lev - name_end), fp);
		fprintf(fp, "SheetPilingElementLevel=%.2f", -16.0 * (k + 1) / n);
		fwrite(lev_end, 1, (size_t)(e0 - lev_end), fp);
	}
	fputs(e0, fp);
	fclose(fp);
	free(src);
	return 0;
}

/* .shi -> wall -> study file -> wall (as import-dsheet and analyze). */
static int import(const char *shi, sp_wall_t *w, sp_err_t *err)
{
	sp_wall_t *raw = malloc(sizeof *raw);
	if (raw == NULL)
		return -1;
	sp_wall_init(raw);
	int rc = sp_shi_read(shi, raw, err);
	if (rc != SP_OK) {
		free(raw);
		return rc;
	}
	char ini[64];
	snprintf(ini, sizeof ini, "/tmp/sp_elements_%d.ini", (int)getpid());
	FILE *fp = fopen(ini, "w");
	rc = fp ? sp_study_write_wall(fp, raw, shi, err) : -1;
	if (fp)
		fclose(fp);
	free(raw);
	if (rc != SP_OK)
		return rc;
	sp_study_t *st = sp_study_read(ini, err);
	remove(ini);
	if (st == NULL || st->wall == NULL) {
		sp_study_free(st);
		return -1;
	}
	*w = *st->wall;
	sp_study_free(st);
	return SP_OK;
}

int main(void)
{
	char split[64], over[64], back[64];
	snprintf(split, sizeof split, "/tmp/sp_split20_%d.shi", (int)getpid());
	snprintf(over, sizeof over, "/tmp/sp_split_over_%d.shi", (int)getpid());
	snprintf(back, sizeof back, "/tmp/sp_split_back_%d.shi", (int)getpid());
	sp_wall_t *one = malloc(sizeof *one), *many = malloc(sizeof *many), *again = malloc(sizeof *again);
	sp_shd_t ref;
	sp_err_t err;
	if (!one || !many || !again || write_split(split, N_SPLIT) != 0) {
		printf("FAIL setup\n");
		return 1;
	}
	INT_EQ(sp_shd_read(DIR "Tutorial-1.shd", &ref, &err), SP_OK, "Tutorial-1.shd reads");
	INT_EQ(import(DIR "Tutorial-1.shi", one, &err), SP_OK, "Tutorial-1 (one element) imports");
	int rc = import(split, many, &err);
	INT_EQ(rc, SP_OK, "Tutorial-1 split into 20 elements imports");
	if (rc != SP_OK)
		printf("  %s\n", err.text);
	INT_EQ(many->n_elements, N_SPLIT, "20 elements read");
	OK(many->n_elements == N_SPLIT && fabs(many->elements[7].bottom_level_m - -6.4) < 1e-9 &&
	       many->elements[7].ei_kNm2_per_m == one->elements[0].ei_kNm2_per_m,
	   "element 8 ends at -6.40 m with the one element's EI");

	/* D-Sheet's one-element results, by the 20-element wall */
	sp_beam_result_t r1, r20;
	INT_EQ(sp_beam_analyse(one, 0, &r1, &err), SP_OK, "one element: beam runs");
	INT_EQ(sp_beam_analyse(many, 0, &r20, &err), SP_OK, "20 elements: beam runs");
	INT_EQ(r20.n_stages, ref.n_stages, "stages as in the .shd");
	for (int s = 0; s < r20.n_stages && s < ref.n_stages; s++) {
		const sp_shd_stage_t *rs = &ref.stages[s];
		double mref = 0, uref = 0, vref = 0;
		for (size_t i = 0; i < rs->n_points; i++) {
			if (fabs(rs->points[i].moment_kNm_per_m) > mref)
				mref = fabs(rs->points[i].moment_kNm_per_m);
			if (fabs(rs->points[i].displacement_mm) > uref)
				uref = fabs(rs->points[i].displacement_mm);
			if (fabs(rs->points[i].shear_kN_per_m) > vref)
				vref = fabs(rs->points[i].shear_kN_per_m);
		}
		const sp_beam_stage_result_t *a = &r20.stage[s], *b = &r1.stage[s];
		char label[160];
		snprintf(label, sizeof label, "stage %d, 20 elements: max moment %.3f vs D-Sheet %.3f kNm/m", s + 1,
		         fabs(a->max_moment_kNm_per_m), mref);
		OK(fabs(fabs(a->max_moment_kNm_per_m) - mref) <= fmax(0.01 * mref, 0.5), label);
		snprintf(label, sizeof label, "stage %d, 20 elements: max displacement %.3f vs D-Sheet %.3f mm", s + 1,
		         fabs(a->max_displacement_mm), uref);
		OK(fabs(fabs(a->max_displacement_mm) - uref) <= fmax(0.01 * uref, 0.5), label);
		snprintf(label, sizeof label, "stage %d, 20 elements: max shear %.3f vs D-Sheet %.3f kN/m", s + 1,
		         fabs(a->max_shear_kN_per_m), vref);
		OK(fabs(fabs(a->max_shear_kN_per_m) - vref) <= fmax(0.01 * vref, 0.5), label);
		/* and ours with one element: the same beam (the split adds nodes at
		 * 0.8 m steps, which a 0.05 m mesh already nearly has) */
		DBL_REL(a->max_moment_kNm_per_m, b->max_moment_kNm_per_m, 1e-3, "20 elements: max moment as one element's");
		DBL_REL(a->max_displacement_mm, b->max_displacement_mm, 1e-3, "20 elements: max displacement as one element's");
	}
	/* D-Sheet's published numbers of its [RESUME] (Tutorial-1.shd) */
	if (r20.n_stages >= 1) {
		DBL_REL(fabs(r20.stage[r20.n_stages - 1].max_moment_kNm_per_m), 158.73, 0.01,
		        "Tutorial-1.shd max moment 158.73 kNm/m with 20 elements");
	}
	sp_beam_result_free(&r1);
	sp_beam_result_free(&r20);

	/* the .shi writer writes the 20 elements back */
	FILE *fp = fopen(back, "w");
	rc = fp ? sp_shi_write(fp, many, "split", &err) : -1;
	if (fp)
		fclose(fp);
	INT_EQ(rc, SP_OK, "20 elements written as .shi");
	sp_wall_init(again);
	INT_EQ(sp_shi_read(back, again, &err), SP_OK, "the written .shi reads back");
	INT_EQ(again->n_elements, N_SPLIT, "20 elements read back");

	/* over the limit: refused by name */
	OK(write_split(over, SP_WALL_MAX_ELEMENTS + 1) == 0, "over-limit file written");
	sp_wall_init(again);
	rc = sp_shi_read(over, again, &err);
	INT_EQ(rc, SP_EDATA, "more elements than SP_WALL_MAX_ELEMENTS: refused");
	OK(strstr(err.text, "Number of elements") != NULL, "the refusal names the element count");

	remove(split);
	remove(over);
	remove(back);
	sp_shd_free(&ref);
	free(one);
	free(many);
	free(again);
	return sp_test_done("shi_elements");
}
