/* test_shd_summary.c - sp_shd_summary(): D-Sheet Piling results mapped to
 * what a study records for a candidate.
 *
 * Every expected value is read by eye from the .shd text (line numbers of
 * the files as distributed, CRLF counted as one line end) or worked out by
 * hand from it, as stated next to it. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "shd.h"
#include "shi.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DIR "data/dsheet/"

static void test_bm4_11a(void)
{
	sp_shd_t r;
	sp_err_t err;
	sp_wall_t *w = malloc(sizeof *w);
	sp_shd_summary_t *s = malloc(sizeof *s);
	OK(sp_shd_read(DIR "bm4-11a.shd", &r, &err) == SP_OK, "bm4-11a.shd read");
	sp_wall_init(w);
	OK(sp_shi_read(DIR "bm4-11a.shi", w, &err) == SP_OK, "bm4-11a.shi read");
	INT_EQ(sp_shd_summary(&r, w, s, &err), SP_OK, "bm4-11a summary");
	INT_EQ(s->ok, 1, "bm4-11a ok");
	INT_EQ(s->n_stages, 4, "bm4-11a: 4 stages");
	/* [RESUME], lines 4085-4088: Moment ShearForce Displacement ... per stage
	 *   -30.02016 49.95548 -20.77925 / -15.01008 24.97774 -10.38963 /
	 *   -0.00027 -0.00056 0.00060 / 30.02016 49.95548 20.77925 */
	DBL_ABS(s->stage[0].max_moment_kNm_per_m, 30.02016, 1e-9, "stage 1 |M|");
	DBL_ABS(s->stage[1].max_moment_kNm_per_m, 15.01008, 1e-9, "stage 2 |M|");
	DBL_ABS(s->stage[2].max_shear_kN_per_m, 0.00056, 1e-9, "stage 3 |V|");
	DBL_ABS(s->stage[3].max_displacement_mm, 20.77925, 1e-9, "stage 4 |u|");
	DBL_ABS(s->max_moment_kNm_per_m, 30.02016, 1e-9, "largest |M| over the stages");
	DBL_ABS(s->max_shear_kN_per_m, 49.95548, 1e-9, "largest |V|");
	DBL_ABS(s->max_displacement_mm, 20.77925, 1e-9, "largest |u|");
	/* stage 1: the 66th point of [POINTS ON SHEETPILE] (line 1023) is at
	 * -10.00000 and the 66th row of its moments (line 1216) is -30.02016,
	 * the largest; the first row (line 1151) displaces 0.00977 mm */
	DBL_ABS(s->stage[0].max_moment_level_m, -10.0, 1e-9, "stage 1: |M| largest at the anchor, -10 m");
	DBL_ABS(s->max_moment_level_m, -10.0, 1e-9, "level of the largest |M| (stage 1 comes first)");
	DBL_ABS(s->stage[0].top_displacement_mm, 0.00977, 1e-9, "stage 1: displacement of the top point");
	/* lines 1121-1122: 49.67 left, 48.55 right; 3470-3471: 48.55, 49.67 */
	DBL_ABS(s->stage[0].mobilised_pct, 49.67, 1e-9, "stage 1 mobilised resistance");
	DBL_ABS(s->mobilised_pct, 49.67, 1e-9, "largest mobilised resistance");
	/* [ANCHORS AND STRUTS RESUME]: 'Pre-stressed anchor' 200.00000 in each
	 * stage; the .shi (line 183) gives its angle, 60 deg: horizontal
	 * 200 cos 60 = 100 kN/m */
	DBL_ABS(s->stage[1].anchor_force_kN_per_m, 100.0, 1e-9, "stage 2 anchor force, horizontal");
	DBL_ABS(s->anchor_force_kN_per_m, 100.0, 1e-9, "largest anchor force, horizontal");
	/* without the model: the force along the anchor, as printed */
	INT_EQ(sp_shd_summary(&r, NULL, s, &err), SP_OK, "bm4-11a summary without the model");
	DBL_ABS(s->anchor_force_kN_per_m, 200.0, 1e-9, "anchor force as printed");
	/* the results of another model: stages and anchors must match */
	sp_wall_t *other = malloc(sizeof *other);
	sp_wall_init(other);
	OK(sp_shi_read(DIR "bm3-5a.shi", other, &err) == SP_OK, "bm3-5a.shi read");
	sp_shd_summary(&r, other, s, &err);
	INT_EQ(s->ok, 0, "results of another model are refused");
	OK(strstr(s->reason, "4 stages, the model 1") != NULL, "reason names both stage counts");
	*other = *w;
	snprintf(other->anchors[0].name, SP_NAME_MAX, "Tie rod");
	sp_shd_summary(&r, other, s, &err);
	INT_EQ(s->ok, 0, "an anchor the model does not have is refused");
	OK(strstr(s->reason, "'Pre-stressed anchor' is not in the model") != NULL, "reason names the anchor");
	free(other);
	sp_shd_free(&r);
	free(w);
	free(s);
}

static void test_bm3_5a(void)
{
	sp_shd_t r;
	sp_err_t err;
	sp_wall_t *w = malloc(sizeof *w);
	sp_shd_summary_t *s = malloc(sizeof *s);
	OK(sp_shd_read(DIR "bm3-5a.shd", &r, &err) == SP_OK, "bm3-5a.shd read");
	sp_wall_init(w);
	OK(sp_shi_read(DIR "bm3-5a.shi", w, &err) == SP_OK, "bm3-5a.shi read");
	INT_EQ(sp_shd_summary(&r, w, s, &err), SP_OK, "bm3-5a summary");
	INT_EQ(s->ok, 1, "bm3-5a ok");
	INT_EQ(s->n_stages, 1, "bm3-5a: 1 stage");
	/* [RESUME] line 1651: 0.01247 0.00251 12.69825 */
	DBL_ABS(s->max_moment_kNm_per_m, 0.01247, 1e-9, "bm3-5a |M|");
	DBL_ABS(s->max_shear_kN_per_m, 0.00251, 1e-9, "bm3-5a |V|");
	DBL_ABS(s->max_displacement_mm, 12.69825, 1e-9, "bm3-5a |u|");
	/* lines 1036-1037: 49.11 on both sides */
	DBL_ABS(s->mobilised_pct, 49.11, 1e-9, "bm3-5a mobilised resistance");
	/* 'Anchor' 23.08822 kN/m along an anchor at -30 deg (bm3-5a.shi):
	 * 23.08822 x cos 30 = 19.99499 kN/m horizontal, which carries the
	 * 20 kN/m line load at the anchor's level (the soil, 1e-2 kN/m3, almost
	 * nothing) */
	DBL_ABS(s->anchor_force_kN_per_m, 19.99499, 1e-5, "bm3-5a anchor force, horizontal");
	sp_shd_free(&r);
	free(w);
	free(s);
}

/* A copy of file with each text edits[2k] replaced by edits[2k + 1] (the
 * first of each; NULL ends the list), in a scratch file whose path is
 * returned (static). */
static const char *edited(const char *file, const char *const *edits, const char *label)
{
	static char path[64];
	FILE *in = fopen(file, "rb");
	char *text = malloc(1 << 20), *copy = malloc(1 << 20);
	size_t n = in ? fread(text, 1, (1 << 20) - 1, in) : 0;
	if (in)
		fclose(in);
	text[n] = '\0';
	for (size_t k = 0; edits[k] != NULL; k += 2) {
		char *at = strstr(text, edits[k]);
		OK(at != NULL, label);
		if (at == NULL)
			continue;
		snprintf(copy, 1 << 20, "%.*s%s%s", (int)(at - text), text, edits[k + 1], at + strlen(edits[k]));
		memcpy(text, copy, strlen(copy) + 1);
	}
	snprintf(path, sizeof path, "/tmp/test_shd_summary_%d.shd", (int)getpid());
	FILE *out = fopen(path, "wb");
	if (out) {
		fputs(text, out);
		fclose(out);
	}
	free(text);
	free(copy);
	return path;
}

/* A copy of bm3-5a.shd with one text replaced; the summary's verdict. */
static void damaged(const char *from, const char *to, const char *want, const char *label)
{
	const char *const edits[] = {from, to, NULL};
	const char *path = edited(DIR "bm3-5a.shd", edits, label);
	sp_shd_t r;
	sp_err_t err;
	sp_shd_summary_t *s = malloc(sizeof *s);
	int rc = sp_shd_read(path, &r, &err);
	INT_EQ(rc, SP_OK, label);
	if (rc == SP_OK) {
		sp_shd_summary(&r, NULL, s, &err);
		INT_EQ(s->ok, 0, label);
		OK(strstr(s->reason, want) != NULL, label);
		if (strstr(s->reason, want) == NULL)
			printf("  reason: %s\n", s->reason);
		OK(isfinite(s->max_moment_kNm_per_m) && isfinite(s->max_shear_kN_per_m)
		   && isfinite(s->max_displacement_mm), label);
	}
	sp_shd_free(&r);
	remove(path);
	free(s);
}

/* A stage whose points have no moments, shear forces or displacements (its
 * [MOMENTS FORCES DISPLACEMENTS] and the [RESUME] row gone): not a result,
 * and never a NaN moment (which once made a candidate feasible). */
static void test_no_moments(void)
{
	static const char *const edits[] = {
		"[MOMENTS FORCES DISPLACEMENTS]\n", "[NO MOMENTS]\n",
		"[END OF MOMENTS FORCES DISPLACEMENTS]\n", "[END OF NO MOMENTS]\n",
		"[RESUME]\n", "[NO RESUME]\n", "[END OF RESUME]\n", "[END OF NO RESUME]\n", NULL};
	const char *path = edited("fuzz/shd/bm1-1.shd", edits, "bm1-1 without moments: edited");
	sp_shd_t r;
	sp_err_t err;
	sp_shd_summary_t *s = malloc(sizeof *s);
	int rc = sp_shd_read(path, &r, &err);
	INT_EQ(rc, SP_OK, "bm1-1 without moments reads");
	if (rc == SP_OK) {
		OK(r.n_stages == 1 && isnan(r.stages[0].points[0].moment_kNm_per_m), "its points have no moment");
		sp_shd_summary(&r, NULL, s, &err);
		INT_EQ(s->ok, 0, "bm1-1 without moments: no design");
		OK(strstr(s->reason, "stage 1: no moments, shear forces and displacements") != NULL, s->reason);
		OK(isfinite(s->max_moment_kNm_per_m) && isfinite(s->stage[0].max_moment_kNm_per_m),
		   "bm1-1 without moments: no NaN moment");
		OK(isfinite(s->max_shear_kN_per_m) && isfinite(s->max_displacement_mm) && isfinite(s->top_displacement_mm),
		   "bm1-1 without moments: no NaN shear or displacement");
	}
	sp_shd_free(&r);
	remove(path);
	free(s);
}

/* Numbers out of range in the results: refused with file:line (a NaN or
 * 1e300 once became an int: undefined behaviour). */
static void out_of_range(const char *from, const char *to, const char *want, const char *label)
{
	const char *const edits[] = {from, to, NULL};
	const char *path = edited("fuzz/shd/bm1-1.shd", edits, label);
	sp_shd_t r;
	sp_err_t err = {0, ""};
	INT_EQ(sp_shd_read(path, &r, &err), SP_EDATA, label);
	char name[512];
	snprintf(name, sizeof name, "%.100s: '%.100s' in '%.200s'", label, want, err.text);
	OK(strstr(err.text, want) != NULL, name);
	sp_shd_free(&r);
	remove(path);
}

int main(void)
{
	test_bm4_11a();
	test_bm3_5a();
	damaged("[ERRORS]\r\n[TABLE]\r\nDataCount=0\r\n[END OF TABLE]",
	        "[ERRORS]\r\n[TABLE]\r\nDataCount=1\r\n[DATA]\r\nSoil collapse in stage 1\r\n[END OF DATA]\r\n[END OF TABLE]",
	        "D-Sheet Piling error: Soil collapse in stage 1", "an [ERRORS] row is the failure reason");
	damaged("CalculationStatus=0", "CalculationStatus=3", "stage 1: calculation status 3",
	        "a stage not calculated");
	damaged("AllStagesAreStable=1", "AllStagesAreStable=0", "not all stages are stable", "an unstable stage");
	test_no_moments();
	out_of_range("MaximumMoment=11.64788", "MaximumMoment=1e300", ".shd:317: out of range (|value| above 1e9): "
	             "MaximumMoment=1e300", "a maximum moment of 1e300");
	out_of_range("StageNumber=1", "StageNumber=1e300", ".shd:59: out of range", "a stage number of 1e300");
	out_of_range("CalculationStatus=0", "CalculationStatus=-4e9", ".shd:60: out of range", "a status of -4e9");
	out_of_range("    11.64788     -5.00187", "    1.0E+300     -5.00187",
	             "'1.0E+300' is out of range (|value| above 1e9) (column 'Moment')", "a [RESUME] moment of 1e300");
	out_of_range("    11.64788     -5.00187", "         nan     -5.00187", "'nan' is not a number (column 'Moment')",
	             "a [RESUME] moment nan");
	return sp_test_done("test_shd_summary");
}
