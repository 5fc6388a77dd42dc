/* test_shd.c - the D-Sheet Piling result reader (shd.c) on the benchmark
 * result files, and on damaged copies of them.
 *
 * Every expected number below is copied from the literal text of the .shd file
 * named next to it (line numbers are those of the file as distributed); the
 * consistency checks compare two places of the same file with each other. */
#define _POSIX_C_SOURCE 200809L
#include "shd.h"
#include "harness.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DIR_SHD "data/dsheet"
/* until tests/data/dsheet is in place, the shared copy of the benchmarks */
#define DIR_SHARED "../../shared/dsheet-benchmarks"

static const char *g_dir = DIR_SHD;

/* dir/name in a static buffer */
static const char *bm(const char *name)
{
	static char path[4][600];
	static int k;
	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/%s", g_dir, name);
	return path[k];
}
#define TOL 1e-9

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	size_t cap = 1 << 20, n = 0;
	char *b = malloc(cap);
	size_t got;
	while (b != NULL && (got = fread(b + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(b, cap *= 2);
			if (nb == NULL)
				free(b);
			b = nb;
		}
	}
	fclose(fp);
	*len = n;
	return b;
}

/* Write len bytes to a fresh temporary file; its name goes to name. */
static int spill(const char *text, size_t len, char *name, size_t size)
{
	snprintf(name, size, "/tmp/test_shd_XXXXXX");
	int fd = mkstemp(name);
	if (fd < 0)
		return 0;
	FILE *fp = fdopen(fd, "wb");
	if (fp == NULL) {
		close(fd);
		return 0;
	}
	fwrite(text, 1, len, fp);
	fclose(fp);
	return 1;
}

/* Read text as if it were a file; returns the status, message in err. */
static int read_text(const char *text, size_t len, sp_err_t *err, char *name, size_t size)
{
	sp_shd_t r;
	if (!spill(text, len, name, size))
		return -1;
	int rc = sp_shd_read(name, &r, err);
	sp_shd_free(&r);
	remove(name);
	return rc;
}

/* text with the first occurrence of from replaced by to (caller frees) */
static char *replace(const char *text, size_t len, const char *from, const char *to,
		     size_t *out_len)
{
	const char *at = strstr(text, from);
	if (at == NULL)
		return NULL;
	size_t a = (size_t)(at - text), nf = strlen(from), nt = strlen(to);
	char *s = malloc(len - nf + nt + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, text, a);
	memcpy(s + a, to, nt);
	memcpy(s + a + nt, at + nf, len - a - nf);
	*out_len = len - nf + nt;
	s[*out_len] = '\0';
	return s;
}

static int has(const char *text, const char *part)
{
	return strstr(text, part) != NULL;
}

/* ---- every benchmark ----------------------------------------------------- */

static void check_consistency(const char *file, const sp_shd_t *r)
{
	char name[512];
	snprintf(name, sizeof name, "%s: stage count of the input", file);
	INT_EQ(r->n_stages, r->n_stages_input, name);
	double all_max = 0;
	for (int s = 0; s < r->n_stages; s++) {
		const sp_shd_stage_t *st = &r->stages[s];
		snprintf(name, sizeof name, "%s stage %d: number", file, s + 1);
		INT_EQ(st->number, s + 1, name);
		snprintf(name, sizeof name, "%s stage %d: one result set", file, st->number);
		INT_EQ(st->n_result_sets, 1, name);
		snprintf(name, sizeof name, "%s stage %d: has points", file, st->number);
		OK(st->n_points > 1, name);
		double mmax = 0, vmax = 0, dmax = 0;
		int finite = 1;
		for (size_t k = 0; k < st->n_points; k++) {
			const sp_shd_point_t *q = &st->points[k];
			mmax = fmax(mmax, fabs(q->moment_kNm_per_m));
			vmax = fmax(vmax, fabs(q->shear_kN_per_m));
			dmax = fmax(dmax, fabs(q->displacement_mm));
			for (int side = 0; side < 2; side++)
				finite &= isfinite(q->effective_kPa[side]) && isfinite(q->water_kPa[side]) &&
					  isfinite(q->passive_kPa[side]) && isfinite(q->neutral_kPa[side]);
			finite &= isfinite(q->level_m) && isfinite(q->moment_kNm_per_m) &&
				  isfinite(q->shear_kN_per_m) && isfinite(q->displacement_mm);
			if (k > 0)
				finite &= q->level_m <= st->points[k - 1].level_m; /* top down */
		}
		snprintf(name, sizeof name, "%s stage %d: every point value read, levels descend",
			 file, st->number);
		OK(finite, name);
		snprintf(name, sizeof name, "%s stage %d: max |moment| = [RESUME] Moment", file,
			 st->number);
		DBL_ABS(mmax, fabs(st->max_moment), 1e-4, name);
		snprintf(name, sizeof name, "%s stage %d: max |shear| = [RESUME] ShearForce", file,
			 st->number);
		DBL_ABS(vmax, fabs(st->max_shear), 1e-4, name);
		snprintf(name, sizeof name, "%s stage %d: max |displ.| = [RESUME] Displacement",
			 file, st->number);
		DBL_ABS(dmax, fabs(st->max_displacement), 1e-4, name);
		all_max = fmax(all_max, fabs(st->max_moment));
	}
	snprintf(name, sizeof name, "%s: MaximumMoment = largest [RESUME] Moment", file);
	DBL_ABS(fabs(r->max_moment_kNm_per_m), all_max, 1e-9, name);
	snprintf(name, sizeof name, "%s: no errors", file);
	INT_EQ(r->n_errors, 0, name);
	snprintf(name, sizeof name, "%s: calculation type", file);
	OK(strcmp(r->calculation_type, "Standard") == 0 ||
	   (strcmp(r->calculation_type, "Allowable Anchor Force") == 0 && strncmp(file, "bm3-", 4) == 0), name);
}

static void test_all(void)
{
	DIR *d = opendir(g_dir);
	OK(d != NULL, "benchmark directory");
	if (d == NULL)
		return;
	int n_files = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".shd") != 0)
			continue;
		/* the files added for issue 19 (other calculation types, features the
		 * reader's checks here do not cover): test_dsheet_benchmarks reads them */
		static const char *const added[] = {"Tutorial", "ComplexProjects", "bm3-11",
						    "bm4-10a", "bm4-13", "bm4-15a", "bm4-16a", "bm4-17", "bm4-19a",
						    "bm4-20a", "bm4-21a", "bm4-25a", "bm4-33a", "bm4-44a", NULL};
		int skip = 0;
		for (int k = 0; added[k] && !skip; k++)
			skip = strncmp(e->d_name, added[k], strlen(added[k])) == 0;
		if (skip)
			continue;
		char path[600];
		snprintf(path, sizeof path, "%s/%s", g_dir, e->d_name);
		sp_shd_t r;
		sp_err_t err = {0, ""};
		int rc = sp_shd_read(path, &r, &err);
		if (rc != SP_OK)
			printf("%s\n", err.text);
		OK(rc == SP_OK, path);
		if (rc == SP_OK)
			check_consistency(e->d_name, &r);
		sp_shd_free(&r);
		n_files++;
	}
	closedir(d);
	INT_EQ(n_files, 41, "number of benchmark result files");
}

/* ---- literal values ------------------------------------------------------ */

static void test_bm1_1(void)
{
	sp_shd_t r;
	sp_err_t err = {0, ""};
	INT_EQ(sp_shd_read(bm("bm1-1.shd"), &r, &err), SP_OK, "bm1-1 read");
	if (r.n_stages == 1 && r.stages[0].n_points == 132) {
		const sp_shd_stage_t *st = &r.stages[0];
		INT_EQ(st->number, 1, "bm1-1 StageNumber");
		INT_EQ(st->status, 0, "bm1-1 CalculationStatus");
		INT_EQ(st->iterations, 2, "bm1-1 IterationCount");
		DBL_REL(st->points[0].level_m, 10.0, TOL, "bm1-1 first level (l. 851)");
		DBL_REL(st->points[131].level_m, -10.0, TOL, "bm1-1 last level");
		DBL_REL(st->points[0].moment_kNm_per_m, 0.00003, TOL, "bm1-1 moment point 0 (l. 1041)");
		DBL_REL(st->points[0].shear_kN_per_m, -0.00042, TOL, "bm1-1 shear point 0");
		DBL_REL(st->points[0].displacement_mm, -30.62877, TOL, "bm1-1 displacement point 0");
		DBL_REL(st->points[131].displacement_mm, -30.04828, TOL, "bm1-1 last displacement");
		/* [SIDE] Rightside comes first in the file (l. 1176) */
		DBL_REL(st->points[1].effective_kPa[SP_SHD_RIGHT], 1.22459, TOL, "bm1-1 right p'(1)");
		DBL_REL(st->points[1].passive_kPa[SP_SHD_RIGHT], 829.25749, TOL, "bm1-1 right pp(1)");
		DBL_REL(st->points[1].neutral_kPa[SP_SHD_RIGHT], 1.36364, TOL, "bm1-1 right p0(1)");
		DBL_REL(st->mobilised_pct[SP_SHD_LEFT], 6.92, TOL, "bm1-1 mobilised left");
		DBL_REL(st->mobilised_pct[SP_SHD_RIGHT], 6.97, TOL, "bm1-1 mobilised right");
		DBL_REL(st->max_moment, 11.64788, TOL, "bm1-1 [RESUME] Moment");
		INT_EQ(st->n_forces, 0, "bm1-1 no supports");
	} else {
		OK(0, "bm1-1: 1 stage of 132 points");
	}
	INT_EQ(r.has_summary, 1, "bm1-1 has summary");
	DBL_REL(r.max_moment_kNm_per_m, 11.64788, TOL, "bm1-1 MaximumMoment");
	DBL_REL(r.max_shear_kN_per_m, -5.00187, TOL, "bm1-1 MaximumShearForce");
	DBL_REL(r.max_displacement_mm, 117.98290, TOL, "bm1-1 MaximumDisplacement");
	INT_EQ(r.all_stable, 1, "bm1-1 AllStagesAreStable");
	INT_EQ(r.n_warnings, 0, "bm1-1 no warnings");
	sp_shd_free(&r);
}

static void test_bm3_3(void)
{
	sp_shd_t r;
	sp_err_t err = {0, ""};
	INT_EQ(sp_shd_read(bm("bm3-3.shd"), &r, &err), SP_OK, "bm3-3 read");
	INT_EQ(r.n_stages, 4, "bm3-3 stages");
	const sp_shd_stage_t *st = sp_shd_stage(&r, 2);
	if (st != NULL && st->n_points == 132) {
		const sp_shd_point_t *q = &st->points[20];
		DBL_REL(q->level_m, 6.90909, TOL, "bm3-3 stage 2 node 20 level (l. 1771)");
		DBL_REL(q->moment_kNm_per_m, 19.10257, TOL, "bm3-3 stage 2 node 20 moment (l. 1962)");
		DBL_REL(q->shear_kN_per_m, 12.36107, TOL, "bm3-3 stage 2 node 20 shear");
		DBL_REL(q->displacement_mm, 23.99948, TOL, "bm3-3 stage 2 node 20 displacement");
		DBL_REL(q->effective_kPa[SP_SHD_RIGHT], 3.99974, TOL,
			"bm3-3 stage 2 node 20 right horizontal pressure (l. 2182)");
		DBL_REL(q->passive_kPa[SP_SHD_RIGHT], 8.0, TOL, "bm3-3 stage 2 node 20 right passive");
		DBL_ABS(q->effective_kPa[SP_SHD_LEFT], 0.0, TOL,
			"bm3-3 stage 2 node 20 left horizontal pressure (l. 2416)");
	} else {
		OK(0, "bm3-3 stage 2 with 132 points");
	}
	sp_shd_free(&r);
}

static void test_anchors(void)
{
	sp_shd_t r;
	sp_err_t err = {0, ""};
	INT_EQ(sp_shd_read(bm("bm4-11a.shd"), &r, &err), SP_OK, "bm4-11a read");
	INT_EQ(r.n_stages, 4, "bm4-11a stages");
	DBL_REL(r.max_moment_kNm_per_m, -30.02016, TOL, "bm4-11a MaximumMoment");
	for (int s = 0; s < r.n_stages; s++) {
		const sp_shd_stage_t *st = &r.stages[s];
		INT_EQ(st->n_forces, 1, "bm4-11a one anchor per stage");
		if (st->n_forces < 1)
			continue;
		OK(strcmp(st->forces[0].name, "Pre-stressed anchor") == 0, "bm4-11a anchor name");
		INT_EQ(st->forces[0].kind, SP_SHD_ANCHOR, "bm4-11a anchor kind");
		DBL_REL(st->forces[0].force_kN_per_m, 200.0, TOL, "bm4-11a anchor force");
		DBL_REL(st->forces[0].level_m, -10.0, TOL, "bm4-11a anchor level");
	}
	DBL_REL(r.stages[2].max_moment, -0.00027, TOL, "bm4-11a stage 3 [RESUME] Moment");
	sp_shd_free(&r);

	INT_EQ(sp_shd_read(bm("bm4-12a.shd"), &r, &err), SP_OK, "bm4-12a read");
	if (r.n_stages > 0 && r.stages[0].n_forces == 1) {
		INT_EQ(r.stages[0].forces[0].kind, SP_SHD_STRUT, "bm4-12a strut kind");
		DBL_REL(r.stages[0].forces[0].force_kN_per_m, 200.0, TOL, "bm4-12a strut force");
		OK(strcmp(r.stages[0].forces[0].name, "Strut") == 0, "bm4-12a strut name");
	} else {
		OK(0, "bm4-12a one strut in stage 1");
	}
	sp_shd_free(&r);

	INT_EQ(sp_shd_read(bm("bm3-5a.shd"), &r, &err), SP_OK, "bm3-5a read");
	if (r.n_stages == 1 && r.stages[0].n_forces == 1)
		DBL_REL(r.stages[0].forces[0].force_kN_per_m, 23.08822, TOL, "bm3-5a anchor force");
	else
		OK(0, "bm3-5a one anchor");
	sp_shd_free(&r);

	INT_EQ(sp_shd_read(bm("bm4-9a.shd"), &r, &err), SP_OK, "bm4-9a read");
	if (r.n_stages == 1 && r.stages[0].n_forces == 1) {
		DBL_REL(r.stages[0].forces[0].force_kN_per_m, 33.26245, TOL, "bm4-9a anchor force");
		DBL_REL(r.stages[0].forces[0].level_m, -1.5, TOL, "bm4-9a anchor level");
	} else {
		OK(0, "bm4-9a one anchor");
	}
	sp_shd_free(&r);

	INT_EQ(sp_shd_read(bm("bm1-3.shd"), &r, &err), SP_OK, "bm1-3 read");
	if (r.n_stages == 1 && r.stages[0].n_forces == 2) {
		const sp_shd_support_force_t *f = r.stages[0].forces;
		OK(strcmp(f[0].name, "Spring support") == 0, "bm1-3 spring support name");
		INT_EQ(f[0].kind, SP_SHD_SUPPORT, "bm1-3 support kind");
		DBL_REL(f[0].force_kN_per_m, 0.19667, TOL, "bm1-3 spring support force");
		DBL_REL(f[1].force_kN_per_m, -0.19904, TOL, "bm1-3 rigid support force");
		DBL_REL(f[1].level_m, -10.0, TOL, "bm1-3 rigid support level");
	} else {
		OK(0, "bm1-3 two supports");
	}
	INT_EQ(r.n_warnings, 1, "bm1-3 one warning");
	sp_shd_free(&r);
}

static void test_single_pile(void)
{
	sp_shd_t r;
	sp_err_t err = {0, ""};
	INT_EQ(sp_shd_read(bm("bm1-10.shd"), &r, &err), SP_OK, "bm1-10 read");
	INT_EQ(r.has_summary, 0, "bm1-10 (single pile) has no [MAXIMUM SUMMARY RESULTS]");
	INT_EQ(r.all_stable, -1, "bm1-10 stability not reported");
	DBL_REL(r.max_moment_kNm_per_m, 8.72266, TOL, "bm1-10 max moment from [RESUME]");
	DBL_REL(r.max_displacement_mm, 54.56111, TOL, "bm1-10 max displacement from [RESUME]");
	if (r.n_stages == 1) {
		INT_EQ(r.stages[0].n_points, 180, "bm1-10 points");
		OK(isnan(r.stages[0].mobilised_pct[0]), "bm1-10 no soil collapse data");
	}
	sp_shd_free(&r);
}

/* ---- damaged files ------------------------------------------------------- */

static void expect_edata(const char *text, size_t len, const char *where, const char *what,
			 const char *name)
{
	sp_err_t err = {0, ""};
	char tmp[64], want[96];
	int rc = read_text(text, len, &err, tmp, sizeof tmp);
	INT_EQ(rc, SP_EDATA, name);
	snprintf(want, sizeof want, "%s:%s", tmp, where);
	if (!has(err.text, want) || !has(err.text, what))
		printf("FAIL %s: message '%s' lacks '%s' or '%s'\n", name, err.text, want, what);
	OK(has(err.text, want) && has(err.text, what), name);
}

static void test_damaged(void)
{
	size_t len, n2;
	char *text = slurp(bm("bm1-1.shd"), &len);
	OK(text != NULL && len > 10000, "bm1-1 loaded");
	if (text == NULL)
		return;
	char *t;

	expect_edata(text, len / 2, "", "truncated", "truncated file");
	expect_edata(text, 3000, "", "no [OUTPUT DATA]", "input part only");

	t = replace(text, len, "DataCount=132", "DataCount=140", &n2);
	expect_edata(t, n2, "845:", "DataCount=140 but the table has 132 data rows",
		     "DataCount larger than the rows");
	free(t);

	t = replace(text, len, "     0.00003     -0.00042", "     0.0x003     -0.00042", &n2);
	expect_edata(t, n2, "1041:", "'0.0x003' is not a number (column 'Moment')",
		     "non-numeric moment");
	free(t);

	t = replace(text, len, "6.97007     1    12", "6.97007     1", &n2);
	expect_edata(t, n2, "1626:", "row has 10 fields but [COLUMN INDICATION] names 11",
		     "short [RESUME] row");
	free(t);

	t = replace(text, len, "[END OF SIDE]", "[END OF PRESSURES]", &n2);
	expect_edata(t, n2, "1391:", "does not close", "mismatched section end");
	free(t);

	t = replace(text, len, "Rightside", "Upside", &n2);
	expect_edata(t, n2, "1177:", "Leftside or Rightside", "unknown side");
	free(t);

	t = replace(text, len, "MaximumMoment=11.64788", "MaximumMoment=big", &n2);
	expect_edata(t, n2, "1631:", "not a number", "non-numeric summary");
	free(t);

	/* CRLF and LF read alike */
	size_t nc = 0;
	char *crlf = malloc(2 * len + 1);
	for (size_t k = 0; crlf != NULL && k < len; k++) {
		if (text[k] == '\n')
			crlf[nc++] = '\r';
		crlf[nc++] = text[k];
	}
	char tmp[64];
	sp_shd_t r;
	sp_err_t err = {0, ""};
	if (crlf != NULL && spill(crlf, nc, tmp, sizeof tmp)) {
		INT_EQ(sp_shd_read(tmp, &r, &err), SP_OK, "bm1-1 with CRLF");
		DBL_REL(r.n_stages == 1 ? r.stages[0].points[0].displacement_mm : 0, -30.62877, TOL,
			"bm1-1 with CRLF displacement");
		sp_shd_free(&r);
		remove(tmp);
	}
	free(crlf);

	/* cut anywhere: never a crash, never success */
	int all_edata = 1;
	for (size_t cut = 0; cut < len - 30; cut += len / 97 + 1) {
		int rc = read_text(text, cut, &err, tmp, sizeof tmp);
		all_edata &= rc == SP_EDATA;
	}
	OK(all_edata, "cut at 98 places: SP_EDATA each time");

	/* garbage */
	char junk[4096];
	unsigned x = 12345;
	for (size_t k = 0; k < sizeof junk; k++) {
		x = x * 1103515245u + 12345u;
		junk[k] = (char)(x >> 16);
	}
	INT_EQ(read_text(junk, sizeof junk, &err, tmp, sizeof tmp), SP_EDATA, "random bytes");
	INT_EQ(read_text("", 0, &err, tmp, sizeof tmp), SP_EDATA, "empty file");
	const char *bad = "[OUTPUT DATA]\n[POINTS ON SHEETPILE]\n[TABLE]\nDataCount=99999999999\n";
	INT_EQ(read_text(bad, strlen(bad), &err, tmp, sizeof tmp), SP_EDATA, "huge DataCount");

	INT_EQ(sp_shd_read("data/dsheet/no-such-file.shd", &r, &err), SP_ENOINPUT, "missing file");
	OK(has(err.text, "no-such-file.shd"), "missing file named");
	sp_shd_free(&r);
	free(text);
}

int main(void)
{
	DIR *d = opendir(DIR_SHD);
	if (d != NULL) {
		closedir(d);
	} else {
		g_dir = DIR_SHARED;
		printf("note: %s missing, reading %s\n", DIR_SHD, DIR_SHARED);
	}
	test_all();
	test_bm1_1();
	test_bm3_3();
	test_anchors();
	test_single_pile();
	test_damaged();
	return sp_test_done("shd");
}
