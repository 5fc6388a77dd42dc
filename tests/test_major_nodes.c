/* test_major_nodes.c - D-Sheet Piling's major nodes (major_nodes.c) against
 * the [POINTS ON SHEETPILE] of the development .shd files: D-Sheet prints
 * every major node twice (the end of one major segment and the start of the
 * next), so the major nodes are the first point, the repeated points and the
 * last point. Source: tests/data/dsheet/<name>.shd, written by D-Sheet
 * Piling 24.1 (GEOLib test data); the imported wall: <name>.shi. */
#define _POSIX_C_SOURCE 200809L
#include "beam_work.h"
#include "harness.h"
#include "major_nodes.h"
#include "shd.h"
#include "shi.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#define DSHEET_DIR "data/dsheet/"
#define CAP 1024

/* Major levels of stage 1 of a .shd; returns their count (0: no points). */
static int shd_major(const sp_shd_t *r, double *lev)
{
	const sp_shd_stage_t *st = r->n_stages > 0 ? &r->stages[0] : NULL;
	if (st == NULL || st->points == NULL || st->n_points < 2)
		return 0;
	int n = 0;
	lev[n++] = st->points[0].level_m;
	for (size_t k = 1; k < st->n_points && n < CAP; k++)
		if (st->points[k].level_m == st->points[k - 1].level_m)
			lev[n++] = st->points[k].level_m;
	if (n < CAP)
		lev[n++] = st->points[st->n_points - 1].level_m;
	return n;
}

/* 1 when the wall's major levels are the .shd's (to its 5 printed decimals). */
static int same_levels(const double *a, int na, const double *b, int nb)
{
	if (na != nb)
		return 0;
	for (int i = 0; i < na; i++)
		if (fabs(a[i] - b[i]) > 1.0e-5)
			return 0;
	return 1;
}

static int read_wall(const char *name, sp_wall_t *w)
{
	char path[256];
	sp_err_t err;
	snprintf(path, sizeof path, DSHEET_DIR "%s.shi", name);
	sp_wall_init(w);
	return sp_shi_read(path, w, &err);
}

static int read_shd(const char *name, sp_shd_t *r)
{
	char path[256];
	sp_err_t err;
	snprintf(path, sizeof path, DSHEET_DIR "%s.shd", name);
	return sp_shd_read(path, r, &err);
}

/* D-Sheet's points of stage 1 of a .shd, each level once (a major node is
 * printed twice); returns their count (0: no points). */
static int shd_points(const sp_shd_t *r, double *lev)
{
	const sp_shd_stage_t *st = r->n_stages > 0 ? &r->stages[0] : NULL;
	if (st == NULL || st->points == NULL || st->n_points < 2)
		return 0;
	int n = 0;
	for (size_t k = 0; k < st->n_points && n < CAP; k++)
		if (k == 0 || st->points[k].level_m != st->points[k - 1].level_m)
			lev[n++] = st->points[k].level_m;
	return n;
}

/* The development files the importer reads and whose .shd prints stage 1's
 * points (the design-length files print none), each .shi and .shd read once:
 * fn(name, wall, results, ctx) for each. Returns how many, -1 when the
 * directory cannot be opened. */
typedef void (*file_fn)(const char *name, sp_wall_t *w, const sp_shd_t *r, void *ctx);

static int each_development_file(file_fn fn, void *ctx)
{
	DIR *d = opendir("data/dsheet");
	if (d == NULL)
		return -1;
	sp_wall_t *w = malloc(sizeof *w);
	int n = 0;
	struct dirent *e;
	while (w != NULL && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".shi") != 0)
			continue;
		char name[128];
		snprintf(name, sizeof name, "%.*s", (int)(len - 4), e->d_name);
		if (read_wall(name, w) != SP_OK)
			continue; /* refused by the importer: test_dsheet_benchmarks says why */
		sp_shd_t r;
		int rc = read_shd(name, &r);
		const sp_shd_stage_t *st = rc == SP_OK && r.n_stages > 0 ? &r.stages[0] : NULL;
		if (st != NULL && st->points != NULL && st->n_points >= 2) {
			fn(name, w, &r, ctx);
			n++;
		}
		sp_shd_free(&r); /* freed even on failure (shd.h) */
	}
	closedir(d);
	free(w);
	return n;
}

/* The tallies of the two comparisons over the development files. */
typedef struct {
	double mine[CAP], theirs[CAP];
	int major_compared, major_same;                     /* major nodes */
	int points_compared, points_same, points_five, points_one; /* beam nodes */
} tally_t;

/* The wall's major nodes against the .shd's. */
static void major_nodes_of(const char *name, sp_wall_t *w, const sp_shd_t *r, tally_t *t)
{
	int nt = shd_major(r, t->theirs);
	int nm = sp_major_nodes_levels(w, t->mine, CAP);
	/* bm4-15a (Ka, K0, Kp given, so its major nodes set only its
	 * beam's nodes): the intervals from the top (0) to the water level
	 * (-0.50 m) and on to -1.00 m are exactly one target length (L/20 =
	 * 0.50 m) each: D-Sheet makes one segment of each (27 major nodes;
	 * floor(d/h) + 1 made two, 29) */
	if (strcmp(name, "bm4-15a") == 0)
		INT_EQ(nm, 27, "bm4-15a: 27 major nodes, an interval of exactly h in one segment");
	t->major_compared++;
	if (same_levels(t->mine, nm, t->theirs, nt)) {
		t->major_same++;
	} else {
		char label[200];
		snprintf(label, sizeof label, "%s: %d major nodes, D-Sheet %d (first %.5f / %.5f)", name, nm, nt,
		         t->mine[0], t->theirs[0]);
		OK(0, label);
	}
}

/* The beam's nodes of an imported wall (mesh = dsheet, engine/beam_work.c)
 * against the [POINTS ON SHEETPILE]: the major nodes, each major segment
 * cut into 5 equal minor ones, 1 for a plastic (bm4-44a) or a diaphragm
 * wall (ComplexProjects24). */
static void points_of(const char *name, sp_wall_t *w, const sp_shd_t *r, tally_t *t)
{
	int nt = shd_points(r, t->theirs);
	char label[200];
	snprintf(label, sizeof label, "%s: imported with mesh = dsheet", name);
	OK(w->mesh == SP_WALL_MESH_DSHEET, label);
	sp_beam_work_t *b = sp_beam_work_alloc(w);
	OK(b != NULL, "sp_beam_work_alloc");
	if (b == NULL)
		return;
	t->points_compared++;
	if (same_levels(b->z, b->n, t->theirs, nt)) {
		t->points_same++;
		if (w->plastic || w->diaphragm)
			t->points_one++;
		else
			t->points_five++;
	} else {
		snprintf(label, sizeof label, "%s: %d beam nodes, D-Sheet %d points", name, b->n, nt);
		OK(0, label);
	}
	sp_beam_work_free(b);
}

static void both_of(const char *name, sp_wall_t *w, const sp_shd_t *r, void *ctx)
{
	major_nodes_of(name, w, r, ctx);
	points_of(name, w, r, ctx);
}

/* Every development file the importer reads and whose .shd prints its
 * points: its major nodes and its beam nodes against D-Sheet's. */
static void test_all_files(void)
{
	tally_t *t = calloc(1, sizeof *t);
	OK(t != NULL, "tallies allocated");
	if (t == NULL)
		return;
	int n = each_development_file(both_of, t);
	OK(n >= 0, "data/dsheet");
	/* the development files the importer reads, less the design-length files
	 * without stage points (bm4-20a, Tutorial-15a) */
	OK(t->major_compared >= 50, "at least 50 development files compared (major nodes)");
	INT_EQ(t->major_same, t->major_compared, "development files whose major nodes are D-Sheet's");
	printf("major nodes: %d of %d development files as D-Sheet Piling places them\n", t->major_same,
	       t->major_compared);
	OK(t->points_compared >= 50, "at least 50 development files compared (beam nodes)");
	INT_EQ(t->points_same, t->points_compared, "development files whose beam nodes are D-Sheet's points");
	OK(t->points_one == 2,
	   "2 of them (bm4-44a plastic, ComplexProjects24 diaphragm) with 1 element per major segment");
	printf("beam nodes: %d of %d development files on D-Sheet Piling's points (%d with 5 elements per major "
	       "segment, %d with 1)\n",
	       t->points_same, t->points_compared, t->points_five, t->points_one);
	free(t);
}

/* The files named in issue 19, with their levels as bm4-16a.shd and
 * bm4-17d.shd print them ([POINTS ON SHEETPILE], stage 1). */
static void test_named(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	double lev[CAP];
	/* bm4-16a.shd: -2..-4 m in 3, the peat -6..-8 m in 4 (a key at -7: the stage-3 surface) */
	static const double bm4_16a[] = {0, -0.5, -1, -1.5, -2, -2.66667, -3.33333, -4, -4.66667, -5.33333, -6, -6.5, -7,
	                                 -7.5, -8, -8.66667, -9.33333, -10, -10.5, -11, -11.6, -12.2, -12.8, -13.4, -14};
	OK(read_wall("bm4-16a", w) == SP_OK, "bm4-16a read");
	int n = sp_major_nodes_levels(w, lev, CAP);
	OK(same_levels(lev, n, bm4_16a, (int)(sizeof bm4_16a / sizeof *bm4_16a)), "bm4-16a: its 25 major nodes");
	/* bm4-17d.shd: -6..-7.25 m in 2, -7.25..-8 in 2, -8..-9.7 in 3 */
	static const double bm4_17d[] = {0,   -0.5,     -1,       -1.5,     -1.8,     -2,   -2.66667, -3.33333, -4,
	                                 -4.66667, -5.33333, -6, -6.625, -7.25, -7.625, -8, -8.56667, -9.13333,
	                                 -9.7, -10, -10.5, -11, -11.6, -12.2, -12.8, -13.4, -14};
	OK(read_wall("bm4-17d", w) == SP_OK, "bm4-17d read");
	n = sp_major_nodes_levels(w, lev, CAP);
	OK(same_levels(lev, n, bm4_17d, (int)(sizeof bm4_17d / sizeof *bm4_17d)), "bm4-17d: its 27 major nodes");
	/* bm4-13a.shd: every 0.5 m over the 11 m wall (keys 0, -1, -5, -6, -8, -11) */
	OK(read_wall("bm4-13a", w) == SP_OK, "bm4-13a read");
	n = sp_major_nodes_levels(w, lev, CAP);
	INT_EQ(n, 23, "bm4-13a: 23 major nodes");
	DBL_ABS(lev[3], -1.5, 1e-12, "bm4-13a: the 4th at -1.5 m");
	/* an interval that is an exact multiple of L/20 gets one segment more:
	 * bm1-2.shd, a 20 m wall, 21 segments of 0.95238 m */
	OK(read_wall("bm1-2", w) == SP_OK, "bm1-2 read");
	n = sp_major_nodes_levels(w, lev, CAP);
	INT_EQ(n, 22, "bm1-2: 22 major nodes");
	DBL_ABS(lev[1], -0.95238, 1e-5, "bm1-2: the second at -0.95238 m");
	/* a plastic calculation: L/100 (bm4-44a.shd: 0..-1.5 m in 10, 104 segments in all) */
	OK(read_wall("bm4-44a", w) == SP_OK, "bm4-44a read");
	n = sp_major_nodes_levels(w, lev, CAP);
	INT_EQ(n, 105, "bm4-44a: 105 major nodes");
	DBL_ABS(lev[1], -0.15, 1e-12, "bm4-44a: the second at -0.15 m");
	INT_EQ(sp_major_nodes_parts(2.0, 14.0 / 20), 3, "2 m with h = 0.7 m: 3 parts (bm4-16a -2..-4 m)");
	INT_EQ(sp_major_nodes_parts(1.0, 14.0 / 20), 2, "1 m with h = 0.7 m: 2 parts (bm4-16a -6..-7 m)");
	/* bm4-15a.shd (a 10 m wall, h = 0.5 m): 0..-0.5 m in 1, -2..-3 m in 3 */
	INT_EQ(sp_major_nodes_parts(0.5, 10.0 / 20), 1, "0.5 m with h = 0.5 m: 1 part (bm4-15a 0..-0.5 m)");
	INT_EQ(sp_major_nodes_parts(1.0, 10.0 / 20), 3, "1 m with h = 0.5 m: 3 parts (bm4-15a -2..-3 m)");
	free(w);
}

/* A native study keeps its uniform mesh: equal elements no longer than
 * max_element_m between the key levels (the wall of bm4-5a: 21 m, key
 * levels every 1 m down to -2 m, then -2..-21 m: 20 + 20 + 380 elements of
 * 0.05 m). */
static void test_uniform(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	OK(read_wall("bm4-5a", w) == SP_OK, "bm4-5a read");
	w->mesh = SP_WALL_MESH_UNIFORM;
	sp_beam_work_t *b = sp_beam_work_alloc(w);
	OK(b != NULL, "uniform mesh allocated");
	if (b) {
		double longest = 0;
		for (int i = 0; i + 1 < b->n; i++)
			longest = fmax(longest, b->z[i] - b->z[i + 1]);
		DBL_ABS(longest, 0.05, 1e-9, "uniform mesh: elements of at most max_element_m 0.05 m");
		INT_EQ(b->n, 421, "uniform mesh of a 21 m wall: 420 elements of 0.05 m");
		sp_beam_work_free(b);
	}
	w->mesh = SP_WALL_MESH_DSHEET;
	b = sp_beam_work_alloc(w);
	if (b) {
		INT_EQ(b->n, 106, "bm4-5a on D-Sheet's points: 21 major segments of 5 elements, 106 nodes");
		DBL_ABS(b->z[1], -0.2, 1e-9, "bm4-5a: the first element below the surface 0.20 m long");
		sp_beam_work_free(b);
	}
	free(w);
}

int main(void)
{
	test_named();
	test_all_files();
	test_uniform();
	return sp_test_done("major_nodes");
}
