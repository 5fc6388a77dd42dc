/* test_dsheet_benchmarks.c - the beam engine against D-Sheet Piling's own
 * benchmark results.
 *
 * Source of every expected value: the .shd result files that D-Sheet Piling
 * 24.1 wrote for its benchmarks (tests/data/dsheet, from Deltares' GEOLib,
 * MIT licence). Each supported benchmark goes the way an engineer's would:
 * .shi -> sp_shi_read -> study file (sp_study_write_wall) -> sp_study_read ->
 * beam engine, and is compared stage by stage:
 * - maximum moment, shear force and displacement within 1 % (or 0.5 kNm/m,
 *   0.5 kN/m, 0.5 mm near zero),
 * - anchor and strut forces within 1 % (or 0.5 kN/m),
 * - moment and displacement at every D-Sheet point within 2 % of the stage's
 *   peak (or the absolute floors above).
 * Benchmarks the importer refuses are listed with its reason. With -v the
 * table of docs/validation.md is printed. Diagnosis: SP_BENCH_DUMP=name
 * prints every D-Sheet point against ours, with SP_BENCH_DUMP_NEUTRAL=1 our
 * neutral and passive pressures at those points, with SP_BENCH_DUMP_NODES=1
 * every beam node (moment, shear, displacement, effective, active, neutral
 * and passive pressures); SP_BENCH_ONLY=name,name runs only those. */
#include "beam.h"
#include "harness.h"
#include "shd.h"
#include "shi.h"
#include "study.h"
#include "study_wall.h"
#include "study_read.h"

#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DIR "data/dsheet/"

static const char *const BENCHMARKS[] = {
	"bm1-1", "bm1-2", "bm1-3", "bm1-4", "bm1-5", "bm1-7", "bm1-8", "bm1-9", "bm1-10", "bm1-11", "bm1-12",
	"bm2-1", "bm3-1a", "bm3-2a", "bm3-3", "bm3-4", "bm3-5a", "bm3-5b", "bm3-6", "bm3-7a", "bm3-7b", "bm3-9",
	"bm3-11", "bm4-1a", "bm4-1b", "bm4-2a", "bm4-2b", "bm4-4a", "bm4-4b", "bm4-4c", "bm4-5a", "bm4-5b",
	"bm4-6a", "bm4-6b", "bm4-8a", "bm4-8b", "bm4-9a", "bm4-9b", "bm4-10a", "bm4-11a", "bm4-11b", "bm4-12a",
	"bm4-12b", "bm4-13a", "bm4-13b", "bm4-13i", "bm4-15a", "bm4-16a", "bm4-17a", "bm4-17d", "bm4-19a",
	"bm4-20a", "bm4-21a", "bm4-25a", "bm4-33a", "bm4-44a", "Tutorial-1", "Tutorial-2a", "Tutorial-10",
	"Tutorial-15a", "Tutorial-16", "ComplexProjects24", NULL};

static int verbose;

/* Benchmarks the importer accepts but the engine does not yet reproduce:
 * they are run and reported, not asserted (docs/validation.md says why). */
/* Moved out of the gaps: Tutorial-1 (Ka/K0/Kp of SoilLambdaType 1 at full
 * precision, src/dsheet/shi_soil.c): its .shd max M 158.73 kNm/m, max u
 * 193.90 mm, max V 53.65 kN/m; ours 158.65, 193.84, 53.64 (was 156.84,
 * 190.99, 53.26 with the file's rounded 0.48/0.71/2.33).
 * Moved out with D-Sheet's neutral pressure of surcharges and sloping ground
 * (sp_surcharge_neutral_stress: Flamant's sigma_x plus its mirror image
 * weighted 1 - x/L within the wall length L, the load beyond 5 L ignored;
 * test_surcharge checks the .shd neutral pressures level by level):
 * - bm3-7a: [PRESSURES] neutral 17.53529 kPa at -0.095 m, 4.54516 at -2.0,
 *   0.19398 at -9.905 (the doubled Flamant stress gave 17.84, 5.07, 0.226),
 *   effective resultant 27.23 kN/m per side; the wall does not move.
 * - bm4-4b (an embankment beside the wall): max M 26.91 / 26.93 kNm/m, max V
 *   15.09 / 15.09 kN/m, max u 33.39 / 33.41 mm (was 34.10 mm).
 * - bm3-1a (3 kPa to 100 m on a 7 m wall, the Allowable Anchor Force file's
 *   stage): anchor 17.98 / 17.86 kN/m (was 18.50), max M 8.26 / 8.08 kNm/m,
 *   max u 1.05 / 1.04 mm.
 * Moved out with the spring's restart across a change of soil profile
 * (beam_spring.h; restart_checks below names the .shd pressures it
 * reproduces): bm4-17d stage 3 max M 224.33 / 224.20 kNm/m, max u 37.09 /
 * 37.04 mm, anchor 37.82 / 37.83 kN/m (was 225.55, 34.21, 18.62); bm3-11
 * stage 2 max M 19.88 / 19.88, max u 4.57 / 4.52 (was 13.94, 3.32); the
 * characteristic stages of the verification files on the bm4-17d model,
 * bm4-16a, bm4-19a, bm4-21a and bm4-25a, stage 3 max M 216.51 / 216.55, max
 * u 35.63 / 35.65, anchor 32.12 / 32.16 (was 217.66, 34.17, 20.46). */
static const char *const KNOWN_GAPS[][2] = {
	{"ComplexProjects24", "diaphragm wall (its M-kappa diagram elastic to 44000 kNm/m, never reached), 17 stages, 3 pre-stressed anchors (compared by the study file's name, 'Tirant 7_75'), a left ground 3 m lower from 3.76 to 14.75 m with strip loads on it. Since h-cp24 the major segments' wedges go through the layers' bands and each load acts from its ground's level (feature_checks: stage 1 [LAMBDAS] and max M 210.85 vs 210.26 kNm/m, was 87.7). On D-Sheet's points (one 1.07-1.5 m element per segment) max M: stage 2 146.28 vs 145.06, 4 785.61 vs 777.71, 6 2242.64 vs 2264.65, 7 1634.16 vs 1658.13, 12 1061.33 vs 1085.38, 14 2561.52 vs 2599.59, 15 2422.24 vs 2460.10, 16 6886.93 vs 7031.96, 17 16236.94 vs 16314.63 (pass); max V 1-3 % low. Each node's two half springs carry D-Sheet's element-end pressures (stage 14 right, -1.03 m: passive 479.97 above, 167.97 below, ours their mean 323.96), but lumped at the node, where D-Sheet's element carries them linearly along its length: stage 14 M at -1.03 m -300.5 vs -198.9 under the clay's first 1.5 m element (0 to 190 kPa). On 0.05 m elements (mesh = uniform) stages 6-13, 16, 17 are within 0.3 % (2266.91, 1660.84, 1082.60, 7012.35, 16293.50) but stages 1-2 and 14-15 move away (216.16, 158.12, 2548.21, 2410.16): D-Sheet's coarse elements with element-linear pressure, not the continuous beam; matching it on its points needs the element's linear pressure with consistent nodal forces in the solver (beam_solve.c). Not done either: D-Sheet's passive planes that go down into the lower ground ([SLIDE PLANE] theta 115.198 deg, Q min 6.165 kN/m at 18.85 m; our planes rise: 76.65; no effect on the results, the top is active), its Q max 131.549 at 14.24 m (ours 133.976)"},
	{"bm4-44a", "plastic calculation (h-plastic-1: the hinge computed; its plastic moment 348.226 kNm/m as the .shd's [SHEET PILE ELEMENTS], factored like the allowable moment): stages 1-2 match; stage 3 max M 348.23 vs 348.12 kNm/m, but u 221.99 vs 181.76 mm, stage 4 338.70 vs 339.19, u 217.86 vs 178.01: D-Sheet's stage 3 is elastic (a smooth peak of 348.12 under its elastic limit 348.169), ours is not (its elastic peak 354.14, 1.7 % high, with the anchor at yield, 168 kN/m, in both), so the hinge's rotation moves the wall; the limit pressures match D-Sheet's [LAMBDAS] (feature_checks), the mesh is ruled out (354.14 elastic on D-Sheet's points, 354.24 on 0.05 m, 353.68 on 0.02 m elements); the elastic gap is not found"},
	{NULL, NULL}};

static const char *known_gap(const char *name)
{
	for (int i = 0; KNOWN_GAPS[i][0]; i++)
		if (strcmp(KNOWN_GAPS[i][0], name) == 0)
			return KNOWN_GAPS[i][1];
	return NULL;
}

static int close_enough(double got, double want, double rel, double floor_abs)
{
	return isfinite(got) && fabs(got - want) <= fmax(rel * fabs(want), floor_abs);
}

/* Linear interpolation of a node quantity at a level (nodes top-down): what
 * 0 moment, 1 displacement, 2 and 3 the left and right effective pressure, 4
 * the shear (the value just below each node). */
static double at_level(const sp_beam_stage_result_t *r, double level, int what)
{
	size_t n = r->n_nodes;
	const sp_beam_node_t *nd = r->nodes;
#define Q(i)                                                                                                 \
	(what == 0   ? nd[i].moment_kNm_per_m                                                                    \
	 : what == 1 ? nd[i].displacement_mm                                                                     \
	 : what == 4 ? nd[i].shear_kN_per_m                                                                      \
	             : nd[i].effective_kPa[what - 2])
	if (level >= nd[0].level_m)
		return Q(0);
	for (size_t i = 0; i + 1 < n; i++)
		if (level >= nd[i + 1].level_m) {
			double t = (nd[i].level_m - level) / (nd[i].level_m - nd[i + 1].level_m);
			return Q(i) + t * (Q(i + 1) - Q(i));
		}
	return Q(n - 1);
#undef Q
}

/* Whether a support's name in the study file is the .shd's name: the study
 * file writes ',', '@', ';', '[', ']', '#' and control characters as '_'
 * and drops leading spaces (study_wall.c), so 'Tirant 7,75' of
 * ComplexProjects24.shd is 'Tirant 7_75' in the wall. */
static int same_support_name(const char *study, const char *shd)
{
	while (*shd == ' ')
		shd++;
	for (; *study && *shd; study++, shd++) {
		unsigned char ch = (unsigned char)*shd;
		char want = (ch < 0x20 || ch == 0x7f || strchr(",@;[]#", ch)) ? '_' : (char)ch;
		if (*study != want)
			return 0;
	}
	return *study == *shd;
}

/* The passive limit pressure of one side at a level (kPa): linear between nodes. */
static double passive_at(const sp_beam_stage_result_t *r, double level, int side)
{
	for (size_t i = 0; i + 1 < r->n_nodes; i++)
		if (level <= r->nodes[i].level_m && level >= r->nodes[i + 1].level_m) {
			const sp_beam_node_t *a = &r->nodes[i], *b = &r->nodes[i + 1];
			double t = (a->level_m - level) / (a->level_m - b->level_m);
			return a->passive_kPa[side] + t * (b->passive_kPa[side] - a->passive_kPa[side]);
		}
	return NAN;
}

/* The active (passive = 0) or passive limit pressure of one side at a level (kPa): linear between nodes. */
static double limit_at(const sp_beam_stage_result_t *r, double level, int side, int passive)
{
	for (size_t i = 0; i + 1 < r->n_nodes; i++)
		if (level <= r->nodes[i].level_m && level >= r->nodes[i + 1].level_m) {
			const sp_beam_node_t *a = &r->nodes[i], *b = &r->nodes[i + 1];
			double t = (a->level_m - level) / (a->level_m - b->level_m);
			double pa = passive ? a->passive_kPa[side] : a->active_kPa[side];
			double pb = passive ? b->passive_kPa[side] : b->active_kPa[side];
			return pa + t * (pb - pa);
		}
	return NAN;
}

/* The neutral pressure of one side at a level (kPa): linear between nodes. */
static double neutral_at(const sp_beam_stage_result_t *r, double level, int side)
{
	for (size_t i = 0; i + 1 < r->n_nodes; i++)
		if (level <= r->nodes[i].level_m && level >= r->nodes[i + 1].level_m) {
			const sp_beam_node_t *a = &r->nodes[i], *b = &r->nodes[i + 1];
			double t = (a->level_m - level) / (a->level_m - b->level_m);
			return a->neutral_kPa[side] + t * (b->neutral_kPa[side] - a->neutral_kPa[side]);
		}
	return NAN;
}

/* Resultant of the effective horizontal pressure on one side from the top of
 * the wall down to level (kN/m): trapezoids over the nodes. */
static double resultant(const sp_beam_stage_result_t *r, int side, double level)
{
	double f = 0;
	for (size_t i = 1; i < r->n_nodes; i++) {
		const sp_beam_node_t *a = &r->nodes[i - 1], *b = &r->nodes[i];
		if (a->level_m <= level)
			break;
		double lo = b->level_m < level ? level : b->level_m;
		double pb = b->level_m < level ? at_level(r, level, 2 + side) : b->effective_kPa[side];
		f += (a->effective_kPa[side] + pb) / 2.0 * (a->level_m - lo);
	}
	return f;
}

/* Import through the study file, as `sheetpile import-dsheet` does. */
static int load_wall(const char *name, sp_wall_t *w, char *why, size_t why_size)
{
	char path[256];
	snprintf(path, sizeof path, DIR "%s.shi", name);
	sp_err_t err;
	sp_wall_t *raw = malloc(sizeof *raw);
	if (raw == NULL)
		return -1;
	sp_wall_init(raw);
	if (sp_shi_read(path, raw, &err) != SP_OK) {
		snprintf(why, why_size, "%s", err.text);
		free(raw);
		return 1;
	}
	char ini[64];
	snprintf(ini, sizeof ini, "/tmp/sp_bench_%d.ini", (int)getpid());
	FILE *fp = fopen(ini, "w");
	int rc = fp ? sp_study_write_wall(fp, raw, path, &err) : -1;
	if (fp)
		fclose(fp);
	free(raw);
	if (rc != SP_OK) {
		snprintf(why, why_size, "study writer: %.900s", fp ? err.text : "cannot write a temporary file");
		return -1;
	}
	sp_study_t *st = sp_study_read(ini, &err);
	remove(ini);
	if (st == NULL || st->wall == NULL) {
		snprintf(why, why_size, "study reader: %.900s", st ? "no wall" : err.text);
		sp_study_free(st);
		return -1;
	}
	*w = *st->wall;
	sp_study_free(st);
	return 0;
}

/* What one row of the -v table says about a file besides its numbers. */
typedef struct {
	const char *type;    /* the calculation type, short */
	const char *feature; /* what the file exercises */
	int known_gap;       /* listed in KNOWN_GAPS: run and shown, not asserted */
} row_info_t;

static void print_row_head(const char *name, const row_info_t *info, int first_row)
{
	if (first_row)
		printf("| %s | %s | %s ", name, info->type, info->feature);
	else
		printf("| %s | | ", name);
}

/* Compare every stage with the .shd; *within_1pc is 1 when every stage of
 * the file converged with its max moment and max displacement within 1 % (or
 * the 0.5 floors) of D-Sheet's and the stage counts agree. */
static void compare(const char *name, const sp_wall_t *w, const sp_shd_t *ref, int *n_pass, int *n_fail,
                    const row_info_t *info, int *within_1pc)
{
	*within_1pc = 0;
	sp_beam_result_t res;
	sp_err_t err;
	int rc = sp_beam_analyse(w, 1, &res, &err);
	char label[160];
	snprintf(label, sizeof label, "%s: beam engine runs", name);
	INT_EQ(rc, SP_OK, label);
	if (rc != SP_OK) {
		if (verbose) {
			print_row_head(name, info, 1);
			printf("| - | - | - | - | - | engine error: %s |\n", err.text);
		}
		(*n_fail)++;
		return;
	}
	int all_ok = 1, all_within = ref->n_stages == res.n_stages;
	for (int s = 0; s < ref->n_stages && s < res.n_stages; s++) {
		const sp_shd_stage_t *rs = &ref->stages[s];
		const sp_beam_stage_result_t *ms = &res.stage[s];
		int ok = ms->status == SP_BEAM_OK;
		snprintf(label, sizeof label, "%s stage %d: converged (%s)", name, s + 1, ms->reason);
		OK(ok, label);
		if (!ok) {
			all_ok = all_within = 0;
			if (verbose) {
				print_row_head(name, info, s == 0);
				printf("| %d | - | - | - | - | not computed: %s |\n", s + 1, ms->reason);
			}
			continue;
		}
		/* SP_BENCH_DUMP=name: every D-Sheet point against ours (diagnosis) */
		const char *dump = getenv("SP_BENCH_DUMP");
		if (dump && strcmp(dump, name) == 0) {
			printf("%s stage %d: level m | M kNm/m D-Sheet / ours | u mm | left kPa | right kPa | our passive "
			       "left, right kPa\n",
			       name, s + 1);
			for (size_t i = 0; i < rs->n_points; i++) {
				const sp_shd_point_t *p = &rs->points[i];
				printf("%7.2f | %9.3f %9.3f | %8.3f %8.3f | %8.3f %8.3f | %8.3f %8.3f | %8.3f %8.3f\n",
				       p->level_m, p->moment_kNm_per_m, at_level(ms, p->level_m, 0), p->displacement_mm,
				       at_level(ms, p->level_m, 1), p->effective_kPa[0], at_level(ms, p->level_m, 2),
				       p->effective_kPa[1], at_level(ms, p->level_m, 3), passive_at(ms, p->level_m, SP_LEFT),
				       passive_at(ms, p->level_m, SP_RIGHT));
				if (getenv("SP_BENCH_DUMP_NEUTRAL"))
					for (size_t k = 0; k < ms->n_nodes; k++)
						if (fabs(ms->nodes[k].level_m - p->level_m) < 6e-3)
							printf("        neutral L %8.3f R %8.3f passive L %8.3f R %8.3f\n",
							       ms->nodes[k].neutral_kPa[0], ms->nodes[k].neutral_kPa[1],
							       ms->nodes[k].passive_kPa[0], ms->nodes[k].passive_kPa[1]);
			}
		}
		if (dump && strcmp(dump, name) == 0 && getenv("SP_BENCH_DUMP_NODES"))
			for (size_t k = 0; k < ms->n_nodes; k++)
				printf("  node %8.3f M %9.3f V %9.3f u %8.3f eff %8.3f %8.3f | a n p L %8.3f %8.3f %8.3f R %8.3f %8.3f "
				       "%8.3f\n",
				       ms->nodes[k].level_m, ms->nodes[k].moment_kNm_per_m, ms->nodes[k].shear_kN_per_m,
				       ms->nodes[k].displacement_mm, ms->nodes[k].effective_kPa[0], ms->nodes[k].effective_kPa[1],
				       ms->nodes[k].active_kPa[0], ms->nodes[k].neutral_kPa[0], ms->nodes[k].passive_kPa[0],
				       ms->nodes[k].active_kPa[1], ms->nodes[k].neutral_kPa[1], ms->nodes[k].passive_kPa[1]);
		/* D-Sheet's extremes over its points, signed */
		double mref = 0, vref = 0, uref = 0;
		for (size_t i = 0; i < rs->n_points; i++) {
			const sp_shd_point_t *p = &rs->points[i];
			if (fabs(p->moment_kNm_per_m) > fabs(mref))
				mref = p->moment_kNm_per_m;
			if (fabs(p->shear_kN_per_m) > fabs(vref))
				vref = p->shear_kN_per_m;
			if (fabs(p->displacement_mm) > fabs(uref))
				uref = p->displacement_mm;
		}
		int okm = close_enough(fabs(ms->max_moment_kNm_per_m), fabs(mref), 0.01, 0.5);
		/* D-Sheet reports the shear at its points only (0.1 to 0.5 m apart);
		 * where the distributed load changes sign between two of them (the
		 * water and the passive soil starting from zero at a surface,
		 * bm4-13i at -4 m) the diagram peaks between them: then our largest
		 * shear at D-Sheet's points is the like-for-like value, and our peak
		 * may lie above it (by at most 5 %), never below */
		double vpts = 0.0;
		for (size_t i = 0; i < rs->n_points; i++) {
			double v = at_level(ms, rs->points[i].level_m, 4);
			if (fabs(v) > fabs(vpts))
				vpts = v;
		}
		int okv = close_enough(fabs(ms->max_shear_kN_per_m), fabs(vref), 0.01, 0.5) ||
		          (close_enough(fabs(vpts), fabs(vref), 0.01, 0.5) &&
		           fabs(ms->max_shear_kN_per_m) >= fabs(vref) - 0.5 &&
		           fabs(ms->max_shear_kN_per_m) <= 1.05 * fabs(vref) + 0.5);
		int oku = close_enough(fabs(ms->max_displacement_mm), fabs(uref), 0.01, 0.5);
		snprintf(label, sizeof label, "%s stage %d: max moment %.3f vs D-Sheet %.3f kNm/m", name, s + 1,
		         ms->max_moment_kNm_per_m, mref);
		OK(okm, label);
		snprintf(label, sizeof label, "%s stage %d: max shear %.3f (%.3f at D-Sheet's points) vs D-Sheet %.3f kN/m",
		         name, s + 1, ms->max_shear_kN_per_m, vpts, vref);
		OK(okv, label);
		snprintf(label, sizeof label, "%s stage %d: max displacement %.3f vs D-Sheet %.3f mm", name, s + 1,
		         ms->max_displacement_mm, uref);
		OK(oku, label);
		/* along the wall */
		double worst_m = 0, worst_u = 0;
		for (size_t i = 0; i < rs->n_points; i++) {
			const sp_shd_point_t *p = &rs->points[i];
			double dm = fabs(at_level(ms, p->level_m, 0) - p->moment_kNm_per_m);
			double du = fabs(at_level(ms, p->level_m, 1) - p->displacement_mm);
			if (dm > worst_m)
				worst_m = dm;
			if (du > worst_u)
				worst_u = du;
		}
		int okdm = worst_m <= fmax(0.02 * fabs(mref), 0.5);
		int okdu = worst_u <= fmax(0.02 * fabs(uref), 0.5);
		snprintf(label, sizeof label, "%s stage %d: moment along the wall within 2%% of peak (worst %.3f)",
		         name, s + 1, worst_m);
		OK(okdm, label);
		snprintf(label, sizeof label,
		         "%s stage %d: displacement along the wall within 2%% of peak (worst %.3f mm)", name, s + 1,
		         worst_u);
		OK(okdu, label);
		/* the horizontal effective pressure on each side: its resultant from
		 * the top down to each D-Sheet point (trapezoids over D-Sheet's points
		 * and over our nodes) within 2 % of the side's total. A resultant, not
		 * point values: D-Sheet evaluates its slide planes per segment, which
		 * puts steps at segment boundaries and no pressure on the surface point */
		int okp = 1;
		for (int side = 0; side < 2; side++) {
			double total = 0, worst = 0, worst_level = 0, f_ref = 0;
			for (size_t i = 1; i < rs->n_points; i++) {
				const sp_shd_point_t *a = &rs->points[i - 1], *b = &rs->points[i];
				total += fabs(a->effective_kPa[side] + b->effective_kPa[side]) / 2.0 * (a->level_m - b->level_m);
			}
			for (size_t i = 1; i < rs->n_points; i++) {
				const sp_shd_point_t *a = &rs->points[i - 1], *b = &rs->points[i];
				f_ref += (a->effective_kPa[side] + b->effective_kPa[side]) / 2.0 * (a->level_m - b->level_m);
				double d = fabs(resultant(ms, side, b->level_m) - f_ref);
				if (d > worst)
					worst = d, worst_level = b->level_m;
			}
			int okside = worst <= fmax(0.02 * total, 0.5);
			snprintf(label, sizeof label,
			         "%s stage %d: %s earth pressure resultant along the wall within 2%% of %.2f kN/m (worst %.3f at %.2f)",
			         name, s + 1, side == 0 ? "left" : "right", total, worst, worst_level);
			OK(okside, label);
			okp = okp && okside;
		}
		/* anchors and struts, by name */
		int okf = 1;
		char forces[256] = "";
		for (int f = 0; f < rs->n_forces; f++) {
			const sp_shd_support_force_t *sf = &rs->forces[f];
			if (sf->kind == SP_SHD_SUPPORT)
				continue;
			double got = NAN;
			const sp_wall_anchor_t *list = sf->kind == SP_SHD_ANCHOR ? w->anchors : w->struts;
			int nl = sf->kind == SP_SHD_ANCHOR ? w->n_anchors : w->n_struts;
			for (int a = 0; a < nl; a++)
				if (same_support_name(list[a].name, sf->name))
					got = sf->kind == SP_SHD_ANCHOR ? ms->anchor_force_kN_per_m[a]
					                                : ms->strut_force_kN_per_m[a];
			int okone = close_enough(got, fabs(sf->force_kN_per_m), 0.01, 0.5);
			snprintf(label, sizeof label, "%s stage %d: %s force %.3f vs D-Sheet %.3f kN/m", name, s + 1,
			         sf->name, got, sf->force_kN_per_m);
			OK(okone, label);
			okf = okf && okone;
			size_t len = strlen(forces);
			snprintf(forces + len, sizeof forces - len, "%s%.2f / %.2f", len ? ", " : "", fabs(sf->force_kN_per_m),
			         got);
		}
		int stage_ok = okm && okv && oku && okdm && okdu && okp && okf;
		all_ok = all_ok && stage_ok;
		all_within = all_within && okm && oku;
		if (verbose) {
			print_row_head(name, info, s == 0);
			printf("| %d | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %s | %s%s |\n", s + 1, fabs(mref),
			       fabs(ms->max_moment_kNm_per_m), fabs(vref), fabs(ms->max_shear_kN_per_m), fabs(uref),
			       fabs(ms->max_displacement_mm), forces[0] ? forces : "-", stage_ok ? "pass" : "FAIL",
			       info->known_gap ? " (known gap)" : "");
		}
	}
	*within_1pc = all_within;
	if (all_ok)
		(*n_pass)++;
	else
		(*n_fail)++;
	sp_beam_result_free(&res);
}

/* bm4-5b, the first stage as initial stage (CalcFirstStageInitial=1,
 * engine/initial_stage.h): bm4-5a's project (phi 30, K0 0.5, gamma 10, a
 * 21 m wall; stage 1 a 1 m slope on the left and 20 kPa on the right, stage
 * 2 10 kPa on both sides, stage 3 the right excavated to -1 m). Its .shd:
 * - neutral pressures ([PRESSURES]): stage 1 both sides 46.80267 kPa at
 *   -6.60 m and 95.02981 at -16.60 (the soil without the wall); stage 2
 *   right 40.58112 / 90.55364, left unchanged 46.80267 / 95.02981; stage 3
 *   right 35.88899 / 85.66673;
 * - [RESUME]: stage 1 max M 0.00867 kNm/m, u -0.00015 mm (the wall placed in
 *   that soil does not move); stage 2 -12.91938 kNm/m, 4.07297 mm; stage 3
 *   -40.94818 kNm/m, 7.34245 mm.
 * The importer gives the wall D-Sheet's own points (mesh = dsheet, its .shd
 * points every 0.20 m here): the surcharge's pressure rises over D-Sheet's
 * first 0.20 m element below the surface, whose point carries none. With
 * the native 0.05 m elements (mesh = uniform) it rises within 0.05 m and
 * stage 3 gives max M 40.07 kNm/m (2.1 % off). */
static void bm4_5b_checks(sp_wall_t *w)
{
	char why[SP_MSG_MAX], label[160];
	sp_err_t err;
	if (!w || load_wall("bm4-5b", w, why, sizeof why) != 0) {
		OK(0, "bm4-5b: imported");
		return;
	}
	OK(w->first_stage_initial == 1, "bm4-5b: CalcFirstStageInitial=1 read as first_stage_initial");
	OK(w->mesh == SP_WALL_MESH_DSHEET, "bm4-5b: imported with D-Sheet's points (mesh = dsheet)");
	sp_beam_result_t res;
	if (sp_beam_analyse(w, 1, &res, &err) != SP_OK || res.n_stages != 3) {
		OK(0, "bm4-5b: beam engine runs");
		return;
	}
	static const struct {
		int stage, side;
		double level_m, neutral_kPa;
	} N[] = {{1, SP_LEFT, -6.6, 46.80267},  {1, SP_RIGHT, -6.6, 46.80267}, {1, SP_LEFT, -16.6, 95.02981},
	         {1, SP_RIGHT, -16.6, 95.02981}, {2, SP_RIGHT, -6.6, 40.58112}, {2, SP_RIGHT, -16.6, 90.55364},
	         {2, SP_LEFT, -6.6, 46.80267},  {2, SP_LEFT, -16.6, 95.02981},  {3, SP_RIGHT, -6.6, 35.88899},
	         {3, SP_RIGHT, -16.6, 85.66673}, {3, SP_LEFT, -16.6, 95.02981}};
	for (size_t k = 0; k < sizeof N / sizeof N[0]; k++) {
		double got = neutral_at(&res.stage[N[k].stage - 1], N[k].level_m, N[k].side);
		snprintf(label, sizeof label, "bm4-5b stage %d: %s neutral pressure at %.2f m %.5f vs D-Sheet %.5f kPa",
		         N[k].stage, N[k].side == SP_LEFT ? "left" : "right", N[k].level_m, got, N[k].neutral_kPa);
		OK(fabs(got - N[k].neutral_kPa) <= 1e-3, label);
	}
	const double m_ref[3] = {0.00867, -12.91938, -40.94818}, u_ref[3] = {-0.00015, 4.07297, 7.34245};
	for (int s = 0; s < 3; s++) {
		const sp_beam_stage_result_t *ms = &res.stage[s];
		snprintf(label, sizeof label, "bm4-5b stage %d: max moment %.3f vs D-Sheet %.3f kNm/m", s + 1,
		         ms->max_moment_kNm_per_m, m_ref[s]);
		OK(ms->status == SP_BEAM_OK && fabs(ms->max_moment_kNm_per_m - m_ref[s]) <= fmax(0.01 * fabs(m_ref[s]), 0.05),
		   label);
		snprintf(label, sizeof label, "bm4-5b stage %d: max displacement %.4f vs D-Sheet %.4f mm", s + 1,
		         ms->max_displacement_mm, u_ref[s]);
		OK(fabs(ms->max_displacement_mm - u_ref[s]) <= fmax(0.01 * fabs(u_ref[s]), 0.01), label);
	}
	sp_beam_result_free(&res);
}

/* Features of the known-gap files that do match D-Sheet, asserted on their
 * own: the importer's notes and the quantities named (source: each file's .shd). */
/* The spring across a change of soil profile (beam_spring.h,
 * sp_beam_spring_ready): D-Sheet restarts each spring at the last stage's
 * pressure step from the neutral pressure, within the new limits, and applies
 * the new modulus to the displacement since then,
 * p = clip(p_last + N - N_last, pa, pp) + k (u - u_last). Effective
 * pressures of the .shd at its points (ours linear between nodes, within
 * 1 % or 0.1 kPa: our displacements differ by up to 0.04 mm there) and the
 * stage's anchor force and maximum moment:
 * - bm4-17d stage 3 (a profile per side: sand 10000 -> 12500 kN/m3 with
 *   excess pore pressure on the left, clay 2000 -> 2500 on the right, which
 *   was at its active pressure 0 in stage 2): left -9.02 m 183.676 kPa
 *   (47.101 + 33.899 - 22.579 + 12500 x 10.021 mm), right -0.40 m 59.653
 *   (0 + 2500 x 23.861 mm), -0.70 m 52.993, -1.40 m 37.372 (the restart
 *   raised to the new active pressure), anchor 37.818 kN/m (18.62 when the
 *   plastic shift was kept in displacement), max M 224.331 kNm/m;
 * - bm3-11 stage 2 (an excess pore pressure profile on the right; 3
 *   branches): right 1.00 m 13.833 kPa and 0.00 m 21.164 (restarts raised
 *   to the new active pressure, then 12000 kN/m3), left -4.364 m 60.809
 *   (80.898 - 65.365 + 53.655 - 2000 x 4.190 mm), max M 19.880 kNm/m (13.94
 *   before). */
static void restart_checks(sp_wall_t *w)
{
	static const struct {
		const char *name;
		int stage, side;
		double level_m, kPa;
	} P[] = {{"bm4-17d", 3, SP_LEFT, -9.02, 183.6758},   {"bm4-17d", 3, SP_RIGHT, -0.40, 59.65297},
	         {"bm4-17d", 3, SP_RIGHT, -0.70, 52.993},    {"bm4-17d", 3, SP_RIGHT, -1.40, 37.37166},
	         {"bm3-11", 2, SP_RIGHT, 1.00, 13.833},      {"bm3-11", 2, SP_RIGHT, -0.001, 21.164},
	         {"bm3-11", 2, SP_LEFT, -4.363, 60.809}};
	static const struct {
		const char *name;
		int stage;
		double m, anchor; /* anchor < 0: none */
	} S[] = {{"bm4-17d", 3, 224.331, 37.818}, {"bm3-11", 2, 19.880, -1}};
	char why[SP_MSG_MAX], label[200];
	sp_err_t err;
	for (size_t f = 0; w && f < sizeof S / sizeof *S; f++) {
		sp_beam_result_t res;
		if (load_wall(S[f].name, w, why, sizeof why) != 0 || sp_beam_analyse(w, 1, &res, &err) != SP_OK) {
			snprintf(label, sizeof label, "%s: imported and analysed", S[f].name);
			OK(0, label);
			continue;
		}
		const sp_beam_stage_result_t *ms = &res.stage[S[f].stage - 1];
		snprintf(label, sizeof label, "%s stage %d (restart): max moment %.3f vs D-Sheet %.3f kNm/m", S[f].name,
		         S[f].stage, fabs(ms->max_moment_kNm_per_m), S[f].m);
		OK(ms->status == SP_BEAM_OK && close_enough(fabs(ms->max_moment_kNm_per_m), S[f].m, 0.01, 0), label);
		if (S[f].anchor >= 0) {
			snprintf(label, sizeof label, "%s stage %d (restart): anchor %.3f vs D-Sheet %.3f kN/m", S[f].name,
			         S[f].stage, ms->anchor_force_kN_per_m[0], S[f].anchor);
			OK(close_enough(ms->anchor_force_kN_per_m[0], S[f].anchor, 0.01, 0), label);
		}
		for (size_t k = 0; k < sizeof P / sizeof *P; k++) {
			if (strcmp(P[k].name, S[f].name) != 0)
				continue;
			const sp_beam_stage_result_t *ps = &res.stage[P[k].stage - 1];
			double got = at_level(ps, P[k].level_m, 2 + P[k].side);
			snprintf(label, sizeof label, "%s stage %d (restart): %s pressure at %.2f m %.3f vs D-Sheet %.3f kPa",
			         P[k].name, P[k].stage, P[k].side == SP_LEFT ? "left" : "right", P[k].level_m, got, P[k].kPa);
			OK(close_enough(got, P[k].kPa, 0.01, 0.1), label);
		}
		sp_beam_result_free(&res);
	}
}

static void feature_checks(void)
{
	sp_wall_t *w = malloc(sizeof *w);
	char why[SP_MSG_MAX];
	sp_err_t err;
	/* the notes of the importer (sp_shi_read; import-dsheet prints them and
	 * writes them as comments of the study) */
	if (w) {
		sp_wall_init(w);
		OK(sp_shi_read(DIR "Tutorial-16.shi", w, &err) == SP_OK && strstr(w->notes, "Trildens") != NULL,
		   "Tutorial-16: Trildens project read with a note that the settlement is not computed");
		sp_wall_init(w);
		OK(sp_shi_read(DIR "Tutorial-2a.shi", w, &err) == SP_OK && strstr(w->notes, "CPT 'CPT 01'") != NULL,
		   "Tutorial-2a: the CPT is named in a note");
	}
	/* Tutorial-2a: CPT 'CPT 01' named in a note; its interpreted profile gives
	 * D-Sheet's max moment 480.561 kNm/m within 1 %, and the cohesive active
	 * wedge force clipped at zero as a force leaves no pressure on the retained
	 * side (c 2.5 kPa, phi 15) down to -0.93 m (.shd: 0.000 kPa at -0.80 and
	 * -0.93; a pressure clipped point by point would be 1.8 and 2.8 kPa) */
	if (w && load_wall("Tutorial-2a", w, why, sizeof why) == 0) {
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[160];
			snprintf(label, sizeof label, "Tutorial-2a: max moment %.3f vs D-Sheet 480.561 kNm/m",
			         fabs(ms->max_moment_kNm_per_m));
			OK(close_enough(fabs(ms->max_moment_kNm_per_m), 480.561, 0.01, 0), label);
			double p08 = at_level(ms, -0.80, 3), p093 = at_level(ms, -0.93, 3);
			snprintf(label, sizeof label, "Tutorial-2a: right pressure at -0.80/-0.93 m %.3f/%.3f vs 0 kPa",
			         p08, p093);
			OK(fabs(p08) < 0.05 && fabs(p093) < 0.05, label);
			/* the right side's active limit in the loam (c 0, phi 27.5) under
			 * the cohesive peat and clay, its surface falling 1.5 m from 2 to 4
			 * m: dQ/dz of one plane through the layers above and the sloping
			 * ground ([LAMBDAS] active hor pressure; ours with the loam's own
			 * wedge were 11.9 to 19.2 kPa; these are within 0.1 %), and with
			 * them the cantilever's max displacement 1056.92 mm */
			static const double act[][2] = {{-12.17920, 6.39112}, {-12.49760, 6.87444}, {-12.65680, 7.09863},
			                                {-13.13440, 7.74127}, {-13.45280, 8.14847}};
			for (size_t k = 0; k < sizeof act / sizeof *act; k++) {
				double got = limit_at(ms, act[k][0], SP_RIGHT, 0);
				snprintf(label, sizeof label, "Tutorial-2a: right active pressure at %.5f m %.3f vs D-Sheet %.5f kPa",
				         act[k][0], got, act[k][1]);
				OK(close_enough(got, act[k][1], 0.01, 0), label);
			}
			snprintf(label, sizeof label, "Tutorial-2a: max displacement %.2f vs D-Sheet 1056.92 mm",
			         fabs(ms->max_displacement_mm));
			OK(close_enough(fabs(ms->max_displacement_mm), 1056.92, 0.01, 0), label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "Tutorial-2a: beam engine runs");
		}
	} else {
		OK(0, "Tutorial-2a: imported");
	}
	/* bm4-13b, slide planes at the major nodes only (CalcMinorNodesOn=0) on
	 * c-phi-delta sides with cohesion (c 15 kPa in all three layers): one
	 * lambda per major segment (every 0.5 m here), the pressure lambda
	 * sigma_v'(z) in it. bm4-13b.shd: max moment 152.071 kNm/m, max
	 * displacement 61.363 mm; right side [PRESSURES] passive 205.08281 kPa at
	 * -0.2 m (lambda 15.77560 x 13 kPa) and 257.88352 at -0.7 m (12.57968 x
	 * 20.5); left side at its passive limit 107.44577 kPa at -5.2 m (lambda
	 * 35.81526 x 3 kPa) and 148.09500 at -5.6 m (16.45500 x 9). */
	if (w && load_wall("bm4-13b", w, why, sizeof why) == 0) {
		OK(!w->minor_nodes, "bm4-13b: CalcMinorNodesOn=0 imported as minor_nodes = no");
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[200];
			snprintf(label, sizeof label, "bm4-13b: max moment %.3f vs D-Sheet 152.071 kNm/m",
			         fabs(ms->max_moment_kNm_per_m));
			OK(close_enough(fabs(ms->max_moment_kNm_per_m), 152.071, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-13b: max displacement %.3f vs D-Sheet 61.363 mm",
			         fabs(ms->max_displacement_mm));
			OK(close_enough(fabs(ms->max_displacement_mm), 61.363, 0.01, 0), label);
			static const struct {
				double level, want;
				int side, passive;
			} pts[] = {{-0.2, 205.08281, SP_RIGHT, 1},
			           {-0.7, 257.88352, SP_RIGHT, 1},
			           {-5.2, 107.44577, SP_LEFT, 0},
			           {-5.6, 148.09500, SP_LEFT, 0}};
			for (size_t k = 0; k < sizeof pts / sizeof *pts; k++) {
				double got = pts[k].passive ? passive_at(ms, pts[k].level, pts[k].side)
				                            : at_level(ms, pts[k].level, 2 + pts[k].side);
				snprintf(label, sizeof label, "bm4-13b: %s %s pressure at %.1f m %.3f vs D-Sheet %.3f kPa",
				         pts[k].side == SP_LEFT ? "left" : "right", pts[k].passive ? "passive" : "effective",
				         pts[k].level, got, pts[k].want);
				OK(close_enough(got, pts[k].want, 0.01, 0), label);
			}
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-13b: beam engine runs");
		}
	} else {
		OK(0, "bm4-13b: imported");
	}
	/* bm4-44a stage 3, slide planes at the major nodes only on a layered
	 * c-phi-delta side: the passive limit of the sand (c 0, phi 30) under the
	 * clay (c 10, phi 17) on the left, excavated to -7 m, is the layered
	 * wedge's lambda x sigma_v' per major segment, not Kp sigma_v' of the
	 * sand. bm4-44a.shd stage 3 left side [LAMBDAS] passive hor pressure at
	 * the segments' middles: 80.14639 kPa at -10.07895 m (clay), 275.46400
	 * at -13.07895, 267.14187 at -13.55263, 282.79672 at -14.02632,
	 * 303.10201 at -14.50000 (sand; ours were 216 to 270 with Kp). */
	if (w && load_wall("bm4-44a", w, why, sizeof why) == 0) {
		sp_beam_result_t res;
		/* On D-Sheet's points (one element per major segment of this plastic
		 * wall) the node at -13 m, the clay over the sand, is shared by both
		 * segments and a value between nodes mixes them; the uniform mesh's
		 * 0.05 m elements give each segment's middle its own lambda. */
		w->mesh = SP_WALL_MESH_UNIFORM;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK && res.n_stages == 4) {
			const sp_beam_stage_result_t *ms = &res.stage[2];
			static const double pts[][2] = {{-10.07895, 80.14639},
			                                {-13.07895, 275.46400},
			                                {-13.55263, 267.14187},
			                                {-14.02632, 282.79672},
			                                {-14.50000, 303.10201}};
			for (size_t k = 0; k < sizeof pts / sizeof *pts; k++) {
				char label[160];
				double got = passive_at(ms, pts[k][0], SP_LEFT);
				snprintf(label, sizeof label, "bm4-44a stage 3: left passive pressure at %.5f m %.3f vs D-Sheet %.5f kPa",
				         pts[k][0], got, pts[k][1]);
				OK(close_enough(got, pts[k][1], 0.01, 0), label);
			}
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-44a: beam engine runs");
		}
	} else {
		OK(0, "bm4-44a: imported");
	}
	/* ComplexProjects24 stage 1, slide planes at the major nodes only under
	 * a sloping ground with strip loads: the left ground is 3 m lower from
	 * 3.76 to 14.75 m, where strip loads of 12.5 to 490 kPa stand on it, and
	 * fill (phi 27) lies over clay (c 19.8, phi 0) from 16 m and sand (phi
	 * 33) from 14 m. The wedges go through the layers' bands, each with its
	 * own soil (the segment's soil alone gave 145.14 and 236.16 kN/m for Q
	 * max and Q min at 15.12 m); a load acts from the ground's level where it
	 * starts. ComplexProjects24.shd stage 1 left side [LAMBDAS]: active hor
	 * pressure 31.65361 kPa at 15.56 m, 99.39361 at 13.895, 100.97821 at
	 * 11.15625; passive hor pressure 96.47133 at 15.56, 54.15183 at 14.68,
	 * 803.50076 at 11.15625, 1142.53230 at 8.43125; Lambda neutral x
	 * Vertical stress 0.51283 x 174.07400 = 89.27 kPa at 6.0 m, 0.94876 x
	 * 241.31452 = 228.95 at -1.77357 (ours were 81.48 and 226.07 with every
	 * load from the wall's level); [RESUME] of the stage: max moment
	 * 210.25913 kNm/m at 11.8375 m (ours 87.7 before both rules). */
	if (w && load_wall("ComplexProjects24", w, why, sizeof why) == 0) {
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 0, &res, &err) == SP_OK && res.n_stages == 17 && res.stage[0].status == SP_BEAM_OK) {
			char label[160];
			double got = res.stage[0].max_moment_kNm_per_m;
			snprintf(label, sizeof label, "ComplexProjects24 stage 1: max moment %.3f vs D-Sheet 210.259 kNm/m", got);
			OK(close_enough(got, 210.25913, 0.01, 0), label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "ComplexProjects24: beam engine runs stage 1");
		}
		/* a segment's middle has its own lambda on the uniform mesh (D-Sheet's
		 * points are the segments' ends) */
		w->mesh = SP_WALL_MESH_UNIFORM;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK && res.n_stages == 17) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			static const struct {
				double level_m, kPa;
				int what; /* 0 active, 1 passive, 2 neutral */
			} P[] = {{15.56, 31.65361, 0},    {13.895, 99.39361, 0},   {11.15625, 100.97821, 0},
			         {15.56, 96.47133, 1},    {14.68, 54.15183, 1},    {11.15625, 803.50076, 1},
			         {8.43125, 1142.53230, 1}, {6.0, 89.27037, 2},      {-1.77357, 228.95000, 2}};
			for (size_t k = 0; k < sizeof P / sizeof *P; k++) {
				char label[200];
				double got = P[k].what == 2 ? neutral_at(ms, P[k].level_m, SP_LEFT)
				                            : limit_at(ms, P[k].level_m, SP_LEFT, P[k].what);
				snprintf(label, sizeof label, "ComplexProjects24 stage 1: left %s pressure at %.5f m %.3f vs D-Sheet %.5f kPa",
				         P[k].what == 0 ? "active" : P[k].what == 1 ? "passive" : "neutral", P[k].level_m, got,
				         P[k].kPa);
				OK(close_enough(got, P[k].kPa, 0.01, 0), label);
			}
			sp_beam_result_free(&res);
		} else {
			OK(0, "ComplexProjects24: beam engine runs (uniform mesh)");
		}
	} else {
		OK(0, "ComplexProjects24: imported");
	}
	/* Tutorial-16 stage 3, slide planes at every node (CalcMinorNodesOn=1)
	 * on a layered c-phi-delta side: the limit pressures are dQ/dz of one
	 * plane through the layers above (clay c 10, peat c 2, clay, sand).
	 * Tutorial-16.shd stage 3 [LAMBDAS]: left (excavated to -7 m) passive
	 * 50.68437 kPa at -8.05 m, 94.22101 at -11.05 (clay), 313.95786 at -13.60,
	 * 331.99962 at -14.05 (sand under the clay); right active 13.56415 at
	 * -7.75 (clay under peat), 18.04187 at -9.25, 19.79727 at -13.75 (sand).
	 * With each layer's own wedge they were 288.2, 316.2, 13.71 and 20.72. */
	if (w && load_wall("Tutorial-16", w, why, sizeof why) == 0) {
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK && res.n_stages == 4) {
			const sp_beam_stage_result_t *ms = &res.stage[2];
			static const struct {
				double level, want;
				int side;
			} pts[] = {{-8.05, 50.68437, SP_LEFT},   {-11.05, 94.22101, SP_LEFT}, {-13.60, 313.95786, SP_LEFT},
			           {-14.05, 331.99962, SP_LEFT}, {-7.75, 13.56415, SP_RIGHT}, {-9.25, 18.04187, SP_RIGHT},
			           {-13.75, 19.79727, SP_RIGHT}};
			for (size_t k = 0; k < sizeof pts / sizeof *pts; k++) {
				char label[160];
				int passive = pts[k].side == SP_LEFT;
				double got = limit_at(ms, pts[k].level, pts[k].side, passive);
				snprintf(label, sizeof label, "Tutorial-16 stage 3: %s %s pressure at %.2f m %.3f vs D-Sheet %.5f kPa",
				         passive ? "left" : "right", passive ? "passive" : "active", pts[k].level, got, pts[k].want);
				OK(close_enough(got, pts[k].want, 0.01, 0), label);
			}
			sp_beam_result_free(&res);
		} else {
			OK(0, "Tutorial-16: beam engine runs");
		}
		/* with D-Sheet's 0.15 m elements (its surface point carries no
		 * pressure, so the retained clay's pressure rises over its first
		 * element, ours over 0.05 m; as bm4-5b) stages 2 and 3 are
		 * D-Sheet's: Tutorial-16.shd max moment
		 * 33.71434 and 368.66282 kNm/m, max displacement 3.47704 and 69.46114
		 * mm (ours with 0.05 m: 33.06, 364.91; 3.32, 68.85) */
		w->max_element_m = 0.15;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK && res.n_stages == 4) {
			const double m_ref[2] = {33.71434, 368.66282}, u_ref[2] = {3.47704, 69.46114};
			for (int k = 0; k < 2; k++) {
				const sp_beam_stage_result_t *ms = &res.stage[k + 1];
				char label[160];
				snprintf(label, sizeof label, "Tutorial-16 stage %d, 0.15 m elements: max moment %.3f vs D-Sheet %.3f kNm/m",
				         k + 2, fabs(ms->max_moment_kNm_per_m), m_ref[k]);
				OK(close_enough(fabs(ms->max_moment_kNm_per_m), m_ref[k], 0.01, 0), label);
				snprintf(label, sizeof label, "Tutorial-16 stage %d, 0.15 m elements: max displacement %.3f vs D-Sheet %.3f mm",
				         k + 2, fabs(ms->max_displacement_mm), u_ref[k]);
				OK(close_enough(fabs(ms->max_displacement_mm), u_ref[k], 0.01, 0), label);
			}
			sp_beam_result_free(&res);
		} else {
			OK(0, "Tutorial-16 (0.15 m elements): beam engine runs");
		}
	} else {
		OK(0, "Tutorial-16: imported");
	}
	/* bm4-5a, the neutral pressure at the major nodes only (CalcMinorNodesOn=0):
	 * one lambda_n = N(middle) / sigma_v(middle) per major segment (1 m here),
	 * N = lambda_n sigma_v(z) at every node of it, sigma_v with the surcharges'
	 * vertical stress. bm4-5a.shd stage 1 [LAMBDAS]: right side (20 kPa from
	 * the wall to 500 m) lambda_n 1.41031 and 0.97847 for the segments 0..-1
	 * and -1..-2 m, vertical stress 15.0 and 25.0 kPa at their middles; left
	 * side (the ground rising 1 m at 0.01 m) 1.18892 and 0.79987, 9.94281 and
	 * 19.97905 kPa. [PRESSURES] neutral: right 16.92375 kPa at -0.2 m (1.41031
	 * x 12), 25.38562 at -0.8, 21.52635 at -1.2 (0.97847 x 22); left 8.20448 at
	 * -0.2, 15.41070 at -0.8, 13.57697 at -1.2. Each node's own neutral
	 * pressure (the rule before) gave max moment 12.28 against 12.80 kNm/m in
	 * stage 1 and 0.98 against 0.00 in stage 2 (10 kPa on both sides, level:
	 * symmetric, the wall does not bend). */
	if (w && load_wall("bm4-5a", w, why, sizeof why) == 0) {
		OK(!w->minor_nodes, "bm4-5a: CalcMinorNodesOn=0 imported as minor_nodes = no");
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[200];
			static const struct {
				double level, want;
				int side;
			} pts[] = {{-0.2, 16.92375, SP_RIGHT}, {-0.8, 25.38562, SP_RIGHT}, {-1.2, 21.52635, SP_RIGHT},
			           {-0.2, 8.20448, SP_LEFT},   {-0.8, 15.41070, SP_LEFT},   {-1.2, 13.57697, SP_LEFT}};
			for (size_t k = 0; k < sizeof pts / sizeof *pts; k++) {
				double got = neutral_at(ms, pts[k].level, pts[k].side);
				snprintf(label, sizeof label, "bm4-5a stage 1: %s neutral pressure at %.1f m %.3f vs D-Sheet %.3f kPa",
				         pts[k].side == SP_LEFT ? "left" : "right", pts[k].level, got, pts[k].want);
				OK(close_enough(got, pts[k].want, 0.01, 0), label);
			}
			snprintf(label, sizeof label, "bm4-5a stage 1: max moment %.3f vs D-Sheet 12.80 kNm/m",
			         fabs(ms->max_moment_kNm_per_m));
			OK(close_enough(fabs(ms->max_moment_kNm_per_m), 12.80, 0.02, 0), label);
			snprintf(label, sizeof label, "bm4-5a stage 2: max moment %.3f vs D-Sheet 0.00 kNm/m",
			         fabs(res.stage[1].max_moment_kNm_per_m));
			OK(fabs(res.stage[1].max_moment_kNm_per_m) < 0.05, label);
			/* stage 3 (the right side excavated to -1 m under its 10 kPa
			 * load), on D-Sheet's points (mesh = dsheet): the load's vertical
			 * stress rises over D-Sheet's first 0.20 m element below the
			 * surface. bm4-5a.shd: max M -27.97328 kNm/m, max V -9.13336 kN/m,
			 * max u 3.23283 mm (26.88 kNm/m, 3.19 mm on 0.05 m elements) */
			const sp_beam_stage_result_t *m3 = &res.stage[2];
			snprintf(label, sizeof label, "bm4-5a stage 3: max moment %.3f vs D-Sheet -27.97328 kNm/m",
			         m3->max_moment_kNm_per_m);
			OK(close_enough(m3->max_moment_kNm_per_m, -27.97328, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-5a stage 3: max shear %.3f vs D-Sheet -9.13336 kN/m",
			         m3->max_shear_kN_per_m);
			OK(close_enough(m3->max_shear_kN_per_m, -9.13336, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-5a stage 3: max displacement %.4f vs D-Sheet 3.23283 mm",
			         m3->max_displacement_mm);
			OK(close_enough(m3->max_displacement_mm, 3.23283, 0.01, 0), label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-5a: beam engine runs");
		}
	} else {
		OK(0, "bm4-5a: imported");
	}
	/* bm4-13i, wedges through several layers at the major nodes: bm4-13i.shd
	 * max moment 67.89 kNm/m, max displacement 23.90 mm; its largest shear,
	 * 45.00 kN/m at -4.0 m (the left surface: water on the wall, the passive
	 * soil starting from zero), is the largest at its points 0.1 m apart:
	 * 45.00285 at -4.1, 40.16908 at -4.2, 21.78729 at -4.5 m. Between -4.0 and
	 * -4.1 m the load changes sign and the diagram peaks (ours 45.77 at -4.05
	 * m, where D-Sheet has no point: the water's 29.5 kPa less the soil's
	 * pressure rising from zero over 0.1 m), so the shear is compared at
	 * D-Sheet's points, within 2 % of the peak as the moments are. */
	if (w && load_wall("bm4-13i", w, why, sizeof why) == 0) {
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[200];
			snprintf(label, sizeof label, "bm4-13i: max moment %.3f vs D-Sheet 67.886 kNm/m",
			         fabs(ms->max_moment_kNm_per_m));
			OK(close_enough(fabs(ms->max_moment_kNm_per_m), 67.886, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-13i: max displacement %.3f vs D-Sheet 23.90 mm",
			         fabs(ms->max_displacement_mm));
			OK(close_enough(fabs(ms->max_displacement_mm), 23.90, 0.01, 0), label);
			static const double lev[] = {-4.0, -4.1, -4.2, -4.5}, want[] = {45.0, 45.00285, 40.16908, 21.78729};
			for (size_t k = 0; k < 4; k++) {
				double got = at_level(ms, lev[k], 4);
				snprintf(label, sizeof label, "bm4-13i: shear at %.1f m %.3f vs D-Sheet %.3f kN/m", lev[k], got,
				         want[k]);
				OK(fabs(fabs(got) - want[k]) <= 0.02 * 45.0, label);
			}
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-13i: beam engine runs");
		}
	} else {
		OK(0, "bm4-13i: imported");
	}
	/* bm4-13a: bm4-13b with deltas 33 and 36 deg and CalcReduceDeltas=1; D-Sheet
	 * reduces them to 16.6 and 17.2 (bm4-13a.shd "Angle of wall friction
	 * (reduced)") and prints bm4-13b's results: max moment 152.071 kNm/m, max
	 * displacement 61.363 mm. Without the reduction our max moment is 142.3. */
	if (w && load_wall("bm4-13a", w, why, sizeof why) == 0) {
		OK(w->reduce_delta && fabs(w->soils[1].delta_deg - 33.0) < 1e-12,
		   "bm4-13a: delta 33 deg kept as given, reduce_delta = yes");
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[160];
			snprintf(label, sizeof label, "bm4-13a: max moment %.3f vs D-Sheet 152.071 kNm/m",
			         fabs(ms->max_moment_kNm_per_m));
			OK(close_enough(fabs(ms->max_moment_kNm_per_m), 152.071, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-13a: max displacement %.3f vs D-Sheet 61.363 mm",
			         fabs(ms->max_displacement_mm));
			OK(close_enough(fabs(ms->max_displacement_mm), 61.363, 0.01, 0), label);
			/* [PRESSURES] left side, at the passive limit in the phi 35 layer (delta 33
			 * reduced to 16.6): 148.09500 kPa at -5.6 m */
			double p = at_level(ms, -5.6, 2);
			snprintf(label, sizeof label, "bm4-13a: left pressure at -5.6 m %.3f vs D-Sheet 148.095 kPa", p);
			OK(close_enough(p, 148.095, 0.01, 0), label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-13a: beam engine runs");
		}
	} else {
		OK(0, "bm4-13a: imported");
	}
	/* bm4-13i: wedges through several layers (wedge_layers.h): on the left
	 * (surface -4 m) the planes below -5 m pass through the delta 24 deg layer
	 * and the delta -33 deg one. bm4-13i.shd: max moment 67.890 kNm/m, max
	 * displacement 23.901 mm, the left pressure at its passive limit 66.715
	 * kPa at -5.1 m ([LAMBDAS] lambda 4.04333 x 16.5 kPa; with the plane in
	 * the -33 deg layer alone it would be 43.3 / 18.75 x 16.5 = 38.1). */
	if (w && load_wall("bm4-13i", w, why, sizeof why) == 0) {
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[160];
			snprintf(label, sizeof label, "bm4-13i: max moment %.3f vs D-Sheet 67.890 kNm/m",
			         fabs(ms->max_moment_kNm_per_m));
			OK(close_enough(fabs(ms->max_moment_kNm_per_m), 67.890, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-13i: max displacement %.3f vs D-Sheet 23.901 mm",
			         fabs(ms->max_displacement_mm));
			OK(close_enough(fabs(ms->max_displacement_mm), 23.901, 0.01, 0), label);
			double p = at_level(ms, -5.1, 2);
			snprintf(label, sizeof label, "bm4-13i: left pressure at -5.1 m %.3f vs D-Sheet 66.715 kPa", p);
			OK(close_enough(p, 66.715, 0.01, 0), label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-13i: beam engine runs");
		}
	} else {
		OK(0, "bm4-13i: imported");
	}
	/* Moduli of subgrade reaction with several branches (beam_spring.c: a
	 * branch ends at SoilLam % of the passive pressure; tests/test_beam_spring.c
	 * checks the pressures node by node). The stages with several branches that
	 * match, each .shd's extremes over its points:
	 * - bm4-10a (4 branches, unloading curve) stage 1: max M 27.636 kNm/m,
	 *   max V 14.521 kN/m, max u 10.712 mm; stages 2-3 (reloading past the
	 *   neutral pressure, a 50 kPa load on a side at its passive pressure):
	 *   max M 321.270 and 319.714 kNm/m, max V 253.147 and 251.288 kN/m,
 *   max u 492.856 and 493.148 mm, with Ka = 1 / Kp (dsheet/shi_soil.c; the
 *   typed 0.22, 0.17, 0.13 gave 484.6 and 484.8 mm);
	 * - Tutorial-16 (3 Cur branches) stage 1: 11.647 kNm/m, 17.116 kN/m, 3.371 mm;
	 * - bm3-11 (3 branches) stage 1: 39.942 kNm/m, 43.885 kN/m, 9.875 mm. */
	static const struct {
		const char *name;
		int stage;
		double m, v, u; /* u <= 0: not checked */
	} branches[] = {{"bm4-10a", 1, 27.636, 14.521, 10.712}, {"bm4-10a", 2, 321.270, 253.147, 492.856},
	                {"bm4-10a", 3, 319.714, 251.288, 493.148},     {"Tutorial-16", 1, 11.647, 17.116, 3.371},
	                {"bm3-11", 1, 39.942, 43.885, 9.875}};
	for (size_t k = 0; w && k < sizeof branches / sizeof *branches; k++) {
		char label[200];
		if (load_wall(branches[k].name, w, why, sizeof why) != 0) {
			snprintf(label, sizeof label, "%s: imported", branches[k].name);
			OK(0, label);
			continue;
		}
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) != SP_OK || res.n_stages < branches[k].stage) {
			snprintf(label, sizeof label, "%s: beam engine runs", branches[k].name);
			OK(0, label);
			continue;
		}
		const sp_beam_stage_result_t *ms = &res.stage[branches[k].stage - 1];
		snprintf(label, sizeof label, "%s stage %d (branches): converged (%s)", branches[k].name,
		         branches[k].stage, ms->reason);
		OK(ms->status == SP_BEAM_OK, label);
		snprintf(label, sizeof label, "%s stage %d (branches): max moment %.3f vs D-Sheet %.3f kNm/m",
		         branches[k].name, branches[k].stage, fabs(ms->max_moment_kNm_per_m), branches[k].m);
		OK(close_enough(fabs(ms->max_moment_kNm_per_m), branches[k].m, 0.01, 0), label);
		snprintf(label, sizeof label, "%s stage %d (branches): max shear %.3f vs D-Sheet %.3f kN/m",
		         branches[k].name, branches[k].stage, fabs(ms->max_shear_kN_per_m), branches[k].v);
		OK(close_enough(fabs(ms->max_shear_kN_per_m), branches[k].v, 0.01, 0), label);
		if (branches[k].u > 0) {
			snprintf(label, sizeof label, "%s stage %d (branches): max displacement %.3f vs D-Sheet %.3f mm",
			         branches[k].name, branches[k].stage, fabs(ms->max_displacement_mm), branches[k].u);
			OK(close_enough(fabs(ms->max_displacement_mm), branches[k].u, 0.01, 0), label);
		}
		sp_beam_result_free(&res);
	}
	/* bm4-44a, plastic calculation (Elastic calculation = FALSE): each
	 * element's plastic moment is D-Sheet's "maximum allowed plastic moment
	 * including reduction factor" (.shd [SHEET PILE ELEMENTS]: 348.226 kNm/m
	 * = SheetPilingElementMaxPlasticCharacteristicMoment 610.7 x the acting
	 * width 0.7 x kmod 0.85 / material factor 1.2 x 1.15). D-Sheet's stage
	 * moments stay below it (.shd: 348.12 kNm/m in stage 3, a smooth peak);
	 * ours reach it in stage 3 (the known gap: our elastic peak is 354.14),
	 * so stages 1-2 must be the elastic wall's to the bit. With a plastic
	 * moment of 300 kNm/m the plastic hinge forms (the D-Sheet Piling
	 * manual's plastic calculation: the moment cannot exceed the plastic
	 * moment, the wall's curvature there is permanent), the moment goes to
	 * the soil (the anchor is at its yield force, 240 kN/m over the acting
	 * width 0.70: 168 kN, in both): every stage is computed with no moment
	 * beyond 300 kNm/m, the wall moving more than elastically (about 1 m in
	 * stage 3: the plastic moment is close to collapse, which a plastic
	 * moment of 250 kNm/m passes: a mechanism, no equilibrium). */
	if (w && load_wall("bm4-44a", w, why, sizeof why) == 0) {
		OK(w->plastic && fabs(w->elements[0].plastic_moment_kNm_per_m - 348.226) < 0.0005,
		   "bm4-44a: plastic calculation with the element's plastic moment 348.226 kNm/m (.shd)");
		sp_beam_result_t res, el;
		/* its own plastic moment is not reached in stages 1-2: their results
		 * are those of the elastic wall (no plastic moment: no law, the
		 * engine's elastic path) to the bit */
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			for (int k = 0; k < w->n_elements; k++)
				w->elements[k].plastic_moment_kNm_per_m = 0.0;
			int same = sp_beam_analyse(w, 1, &el, &err) == SP_OK;
			for (int s = 0; same && s < 2 && s < res.n_stages; s++)
				for (size_t i = 0; i < res.stage[s].n_nodes; i++)
					same &= res.stage[s].nodes[i].moment_kNm_per_m == el.stage[s].nodes[i].moment_kNm_per_m &&
					        res.stage[s].nodes[i].displacement_mm == el.stage[s].nodes[i].displacement_mm &&
					        res.stage[s].nodes[i].shear_kN_per_m == el.stage[s].nodes[i].shear_kN_per_m;
			OK(same, "bm4-44a: its plastic moment not reached in stages 1-2, every node's moment, shear and "
			         "displacement as the elastic wall's, to the bit");
			sp_beam_result_free(&res);
			sp_beam_result_free(&el);
		}
		int rc_el = sp_beam_analyse(w, 0, &el, &err);
		for (int k = 0; k < w->n_elements; k++)
			w->elements[k].plastic_moment_kNm_per_m = 300.0;
		if (rc_el == SP_OK && sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			int all = 1;
			double worst = 0.0;
			for (int s = 0; s < res.n_stages; s++) {
				all &= res.stage[s].status == SP_BEAM_OK;
				for (size_t i = 0; i < res.stage[s].n_nodes; i++)
					if (fabs(res.stage[s].nodes[i].moment_kNm_per_m) > worst)
						worst = fabs(res.stage[s].nodes[i].moment_kNm_per_m);
			}
			char label[400];
			snprintf(label, sizeof label,
			         "bm4-44a, plastic moment 300 kNm/m: every stage computed (%s), largest moment %.3f kNm/m = 300",
			         res.stage[2].reason, worst);
			OK(all && worst <= 300.0 * (1 + 1e-6) && worst >= 300.0 * (1 - 1e-6), label);
			snprintf(label, sizeof label,
			         "bm4-44a, plastic moment 300 kNm/m: stage 3 moves %.2f mm, more than elastically (%.2f mm)",
			         fabs(res.stage[2].max_displacement_mm), fabs(el.stage[2].max_displacement_mm));
			OK(fabs(res.stage[2].max_displacement_mm) > fabs(el.stage[2].max_displacement_mm), label);
			snprintf(label, sizeof label, "bm4-44a, plastic moment 300 kNm/m: stages 1-2 stay elastic (%.3f vs %.3f)",
			         res.stage[1].max_moment_kNm_per_m, el.stage[1].max_moment_kNm_per_m);
			OK(res.stage[1].max_moment_kNm_per_m == el.stage[1].max_moment_kNm_per_m, label);
			sp_beam_result_free(&res);
			sp_beam_result_free(&el);
		} else {
			OK(0, "bm4-44a: beam engine runs");
		}
		for (int k = 0; k < w->n_elements; k++)
			w->elements[k].plastic_moment_kNm_per_m = 250.0;
		if (sp_beam_analyse(w, 0, &res, &err) == SP_OK) {
			char label[400];
			snprintf(label, sizeof label, "bm4-44a, plastic moment 250 kNm/m: stage 3 a failed stage with its reason (%s)",
			         res.stage[2].reason);
			OK(res.stage[1].status == SP_BEAM_OK && res.stage[2].status == SP_BEAM_NO_EQUILIBRIUM &&
			       strstr(res.stage[2].reason, "mechanism") != NULL,
			   label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-44a: beam engine runs (250 kNm/m)");
		}
	} else {
		OK(0, "bm4-44a: imported");
	}
	bm4_5b_checks(w);
	restart_checks(w);
	/* ComplexProjects24, a diaphragm wall (Diepwand calculation = TRUE,
	 * material 2): its M-kappa diagram elastic (EI 5.3e6 kNm2/m) up to 44000
	 * kNm/m for both signs, elasto-plastic and plastic at the same moment
	 * (EI 1e-3 between them); the file is Latin-1 ("Mur embou\xe9"). Its
	 * .shd [RESUME], stage 17: max M -16314.63296 kNm/m, u 206.79578 mm
	 * (within 1 %; stages 1-15: KNOWN_GAPS). With a diagram of 5000 kNm/m
	 * elastic, 8000 elasto-plastic (EI 1e6) and 9000 plastic (EI 2e5), stage
	 * 16 (.shd 7031.96 kNm/m elastic; stage 15 2460.10) goes into the
	 * elasto-plastic branch: computed, its moment within the plastic one,
	 * the wall softer than elastic. */
	if (w && load_wall("ComplexProjects24", w, why, sizeof why) == 0) {
		const sp_wall_element_t *e0 = &w->elements[0];
		OK(w->diaphragm && w->n_elements == 1 && e0->diagram_moment_kNm_per_m[0][0] == 44000 &&
		       e0->diagram_moment_kNm_per_m[1][2] == 44000 && e0->diagram_ei_kNm2_per_m[1][1] == 1e-3 &&
		       fabs(e0->ei_kNm2_per_m - 5.3e6) < 1e-3 && strstr(e0->name, "Mur embou\xc3\xa9"),
		   "ComplexProjects24: diaphragm wall, elastic to 44000 kNm/m, EI 5.3e6, its Latin-1 name as UTF-8");
		sp_beam_result_t res, el;
		if (sp_beam_analyse(w, 0, &el, &err) == SP_OK && el.n_stages == 17 && el.stage[16].status == SP_BEAM_OK) {
			const sp_beam_stage_result_t *ms = &el.stage[16];
			char label[160];
			snprintf(label, sizeof label, "ComplexProjects24 stage 17: max moment %.2f vs D-Sheet -16314.63 kNm/m",
			         ms->max_moment_kNm_per_m);
			OK(close_enough(ms->max_moment_kNm_per_m, -16314.63296, 0.01, 0), label);
			snprintf(label, sizeof label, "ComplexProjects24 stage 17: max displacement %.2f vs D-Sheet 206.80 mm",
			         ms->max_displacement_mm);
			OK(close_enough(ms->max_displacement_mm, 206.79578, 0.01, 0), label);
		} else {
			OK(0, "ComplexProjects24: beam engine runs its 17 stages");
		}
		for (int s = 0; s < 2; s++) {
			w->elements[0].diagram_moment_kNm_per_m[s][0] = 5000.0;
			w->elements[0].diagram_moment_kNm_per_m[s][1] = 8000.0;
			w->elements[0].diagram_moment_kNm_per_m[s][2] = 9000.0;
			w->elements[0].diagram_ei_kNm2_per_m[s][0] = 1e6;
			w->elements[0].diagram_ei_kNm2_per_m[s][1] = 2e5;
		}
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK) {
			double worst = 0.0;
			for (size_t i = 0; i < res.stage[15].n_nodes; i++)
				if (fabs(res.stage[15].nodes[i].moment_kNm_per_m) > worst)
					worst = fabs(res.stage[15].nodes[i].moment_kNm_per_m);
			char label[400];
			snprintf(label, sizeof label,
			         "ComplexProjects24 with a 5000/8000/9000 kNm/m diagram: stage 15 as elastic, stage 16 "
			         "computed (%s), max moment %.1f in 5000..9000 kNm/m, u %.2f > elastic %.2f mm",
			         res.stage[15].reason, worst, fabs(res.stage[15].max_displacement_mm),
			         fabs(el.stage[15].max_displacement_mm));
			OK(res.stage[14].status == SP_BEAM_OK &&
			       res.stage[14].max_moment_kNm_per_m == el.stage[14].max_moment_kNm_per_m &&
			       res.stage[15].status == SP_BEAM_OK && worst > 5000.0 && worst <= 9000.0 * (1 + 1e-9) &&
			       fabs(res.stage[15].max_displacement_mm) > fabs(el.stage[15].max_displacement_mm),
			   label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "ComplexProjects24: beam engine runs (5000 kNm/m)");
		}
		sp_beam_result_free(&el);
	} else {
		OK(0, "ComplexProjects24: imported");
	}
	/* bm4-15a, a wall loaded by given soil displacements ([SOIL DISPLACEMENTS],
	 * in m: 0.299 at -4.00 m, 10 points from 0 to -10 m; the soil of both
	 * sides moves, each spring's rest position with it): its .shd [RESUME]
	 * max M -551.06315 kNm/m, V -324.05548 kN/m, u 229.36301 mm; [PRESSURES]
	 * left (the soil pushing the wall) 339.63456 kPa at -3.93 m, right 0 there
	 * (the wall, 116 mm, lags the soil's 0.30 m: active, Ka 0) */
	if (w && load_wall("bm4-15a", w, why, sizeof why) == 0) {
		OK(w->n_soil_displacements == 10 && fabs(w->soil_displacement_level_m[5] - -4.0) < 1e-9 &&
		       fabs(w->soil_displacement_mm[5] - 299.0) < 1e-9,
		   "bm4-15a: 10 soil displacements read, 299 mm at -4.00 m");
		sp_beam_result_t res;
		if (sp_beam_analyse(w, 1, &res, &err) == SP_OK && res.stage[0].status == SP_BEAM_OK) {
			const sp_beam_stage_result_t *ms = &res.stage[0];
			char label[160];
			snprintf(label, sizeof label, "bm4-15a: max moment %.3f vs D-Sheet -551.063 kNm/m", ms->max_moment_kNm_per_m);
			OK(close_enough(ms->max_moment_kNm_per_m, -551.06315, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-15a: max shear %.3f vs D-Sheet -324.055 kN/m", ms->max_shear_kN_per_m);
			OK(close_enough(ms->max_shear_kN_per_m, -324.05548, 0.01, 0), label);
			snprintf(label, sizeof label, "bm4-15a: max displacement %.3f vs D-Sheet 229.363 mm", ms->max_displacement_mm);
			OK(close_enough(ms->max_displacement_mm, 229.36301, 0.01, 0), label);
			double pl = at_level(ms, -3.93333, 2), pr = at_level(ms, -3.93333, 3);
			snprintf(label, sizeof label, "bm4-15a: pressure at -3.93 m left %.3f vs 339.635 kPa, right %.3f vs 0", pl, pr);
			OK(close_enough(pl, 339.63456, 0.02, 0) && fabs(pr) < 0.05, label);
			sp_beam_result_free(&res);
		} else {
			OK(0, "bm4-15a: beam engine runs");
		}
	} else {
		OK(0, "bm4-15a: imported");
	}
	free(w);
}

/* SP_BENCH_ONLY=a,b,c: run only these benchmarks (diagnosis; the count then fails) */
static int S_selected(const char *name)
{
	const char *only = getenv("SP_BENCH_ONLY");
	if (!only || !*only)
		return 1;
	size_t n = strlen(name);
	for (const char *p = only; (p = strstr(p, name)) != NULL; p += n)
		if ((p == only || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

/* What each development file exercises, for the -v table: the benchmark
 * descriptions of D-Sheet Piling's benchmark report (the older files) and the
 * features table of ../shared/dsheet-benchmarks/README.md (the newer ones). */
static const char *const FEATURES[][2] = {
	{"bm1-1", "finite beam on elastic springs, line load"},
	{"bm1-2", "prescribed top displacement"},
	{"bm1-3", "beam on a spring and a rigid support, moment load"},
	{"bm1-4", "non-uniform distributed load (water), 2 stages"},
	{"bm1-5", "normal force"},
	{"bm1-7", "line load in stratified soil"},
	{"bm1-8", "Ka, Kp after Müller-Breslau (given), shell factor"},
	{"bm1-9", "K after Kötter (given), shell factor"},
	{"bm1-10", "single pile, Ménard modulus, two acting widths"},
	{"bm1-11", "single pile, horizontal force"},
	{"bm1-12", "single pile, Brinch-Hansen"},
	{"bm2-1", "different water tables, 4 stages"},
	{"bm3-1a", "Kranz, short anchor (stage result)"},
	{"bm3-2a", "Kranz, long anchor (stage result)"},
	{"bm3-3", "4 branches of the subgrade modulus"},
	{"bm3-4", "unloading and reloading"},
	{"bm3-5a", "anchor"},
	{"bm3-5b", "strut"},
	{"bm3-6", "uniform load"},
	{"bm3-7a", "surcharge load (c-φ-δ)"},
	{"bm3-7b", "surcharge load (c-φ-δ)"},
	{"bm3-9", "stratified soil, excess pore pressures"},
	{"bm3-11", "a soil profile per side and per stage; 3 modulus branches"},
	{"bm4-1a", "uniform load on the lower side"},
	{"bm4-1b", "uniform load on the lower side, c-φ-δ"},
	{"bm4-2a", "uniform load on the higher side"},
	{"bm4-2b", "uniform load on the higher side, c-φ-δ"},
	{"bm4-4a", "soil against the wall (c-φ-δ)"},
	{"bm4-4b", "sloping surface"},
	{"bm4-4c", "surcharge, mixed model"},
	{"bm4-5a", "initial equilibrium, sloping surface, major nodes only"},
	{"bm4-5b", "first stage initial, sloping surface"},
	{"bm4-6a", "secant moduli (CUR)"},
	{"bm4-6b", "tangent moduli"},
	{"bm4-8a", "symmetry: top layer left (c-φ-δ)"},
	{"bm4-8b", "symmetry: top layer right"},
	{"bm4-9a", "acting width 1 m, anchor, normal force"},
	{"bm4-9b", "acting width, anchor, normal force"},
	{"bm4-10a", "modulus branches, unloading and reloading"},
	{"bm4-11a", "pre-stressed anchor, 4 stages"},
	{"bm4-11b", "line loads, 4 stages"},
	{"bm4-12a", "pre-compressed strut, 4 stages"},
	{"bm4-12b", "line loads, 4 stages"},
	{"bm4-13a", "major-node slide planes (c-φ-δ), CUR 166 δ reduction"},
	{"bm4-13b", "major-node slide planes (c-φ-δ)"},
	{"bm4-13i", "wedges through several layers"},
	{"bm4-15a", "wall loaded by given soil displacements"},
	{"bm4-16a", "EC7 verification, bm4-17d's model (characteristic stages)"},
	{"bm4-17a", "CUR method B, bm4-17d's model"},
	{"bm4-17d", "a soil profile per stage; soil-displacement flags unused"},
	{"bm4-19a", "CUR method A, bm4-17d's model (characteristic stages)"},
	{"bm4-20a", "design sheet piling length"},
	{"bm4-21a", "EC7 verification, bm4-17d's model (characteristic stages)"},
	{"bm4-25a", "ANB method A, bm4-17d's model (characteristic stages)"},
	{"bm4-33a", "user-defined wall material"},
	{"bm4-44a", "plastic wall (Elastic calculation = FALSE)"},
	{"Tutorial-1", "Ka, K0, Kp derived by D-Sheet from φ, δ"},
	{"Tutorial-2a", "soil profile interpreted from a CPT"},
	{"Tutorial-10", "a soil profile per side (excess pore pressure), struts"},
	{"Tutorial-15a", "design sheet piling length"},
	{"Tutorial-16", "settlement by vibration (Trildens), 3 Cur branches"},
	{"ComplexProjects24", "diaphragm wall (Diepwand), 17 stages"},
	{NULL, NULL}};

static const char *feature_of(const char *name)
{
	for (int i = 0; FEATURES[i][0]; i++)
		if (strcmp(FEATURES[i][0], name) == 0)
			return FEATURES[i][1];
	return "?";
}

/* D-Sheet's [CALCULATION TYPE], short; from the model when the .shd is not read. */
static const char *type_of(const sp_shd_t *ref, const sp_wall_t *w)
{
	static const char *const SHORT[][2] = {{"Standard", "standard"},
	                                       {"Design Sheet Piling Length", "design length"},
	                                       {"Verify Sheet Piling according to Eurocode", "verify EC7"},
	                                       {"Verify Sheet Piling according to CUR Method A", "verify CUR A"},
	                                       {"Verify Sheet Piling according to CUR Method B", "verify CUR B"},
	                                       {"Verify Sheet Piling according to ANB Method A", "verify ANB A"},
	                                       {"Allowable Anchor Force", "allowable anchor force"},
	                                       {NULL, NULL}};
	if (ref && ref->calculation_type[0]) {
		for (int i = 0; SHORT[i][0]; i++)
			if (strcmp(SHORT[i][0], ref->calculation_type) == 0)
				return SHORT[i][1];
		return ref->calculation_type;
	}
	if (w == NULL)
		return "?";
	switch (w->calc.type) {
	case SP_CALC_STANDARD:
		return "standard";
	case SP_CALC_DESIGN_LENGTH:
		return "design length";
	case SP_CALC_VERIFY:
		return w->calc.method_b ? "verify CUR B" : "verify";
	case SP_CALC_ANCHOR_FORCE:
		return "allowable anchor force";
	default:
		return "?";
	}
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off();
	verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	int n_pass = 0, n_fail = 0, n_unsupported = 0, n_gap = 0;
	/* the tally of issue 19: the files D-Sheet computed as a standard
	 * calculation ([CALCULATION TYPE] Standard in the .shd) whose every stage
	 * is within 1 % on max moment and max displacement */
	int n_standard = 0, n_standard_within = 0;
	char standard_off[512] = "";
	if (verbose)
		printf("| file | calculation type | feature | stage | max M kNm/m D-Sheet / ours | max V kN/m D-Sheet / ours "
		       "| max u mm D-Sheet / ours | anchor/strut kN/m D-Sheet / ours | result |\n"
		       "|---|---|---|---|---|---|---|---|---|\n");
	for (int b = 0; BENCHMARKS[b]; b++) {
		const char *name = BENCHMARKS[b];
		if (!S_selected(name))
			continue;
		char path[256];
		snprintf(path, sizeof path, DIR "%s.shd", name);
		sp_shd_t ref;
		sp_err_t err;
		int rc_shd = sp_shd_read(path, &ref, &err);
		int standard = rc_shd == SP_OK && strcmp(ref.calculation_type, "Standard") == 0;
		n_standard += standard;
		sp_wall_t *w = malloc(sizeof *w);
		char why[SP_MSG_MAX];
		int rc = w ? load_wall(name, w, why, sizeof why) : -1;
		row_info_t info = {type_of(rc_shd == SP_OK ? &ref : NULL, rc == 0 ? w : NULL), feature_of(name),
		                   known_gap(name) != NULL};
		int within = 0;
		if (rc == 1) {
			n_unsupported++;
			if (verbose) {
				print_row_head(name, &info, 1);
				printf("| - | - | - | - | - | refused: %s |\n", why);
			}
		} else {
			char label[1200];
			snprintf(label, sizeof label, "%s: imported through the study file (%.1000s)", name, rc ? why : "ok");
			OK(rc == 0, label);
			if (rc != 0) {
				n_fail++;
			} else if (w->calc.type == SP_CALC_DESIGN_LENGTH) {
				/* its .shd holds the lengths tried, no stage results: tests/dsheet_calc.sh */
				if (verbose) {
					print_row_head(name, &info, 1);
					printf("| - | - | - | - | - | the lengths tried: tests/dsheet_calc.sh |\n");
				}
			} else if (w->calc.type == SP_CALC_VERIFY && w->calc.method_b) {
				/* CUR method B: its .shd holds the verified stage's steps only
				 * (bm4-17a: stage 3): tests/dsheet_calc.sh */
				if (verbose) {
					print_row_head(name, &info, 1);
					printf("| - | - | - | - | - | the verified stages' steps: tests/dsheet_calc.sh |\n");
				}
			} else {
				snprintf(label, sizeof label, "%s: D-Sheet results read", name);
				INT_EQ(rc_shd, SP_OK, label);
				if (rc_shd == SP_OK && info.known_gap) {
					/* run and show, but do not count its checks */
					int saved_pass = sp_test_pass, saved_fail = sp_test_fail, p = 0, f = 0;
					compare(name, w, &ref, &p, &f, &info, &within);
					sp_test_pass = saved_pass, sp_test_fail = saved_fail;
					n_gap++;
				} else if (rc_shd == SP_OK) {
					compare(name, w, &ref, &n_pass, &n_fail, &info, &within);
				}
			}
		}
		if (standard && within) {
			n_standard_within++;
		} else if (standard) {
			size_t len = strlen(standard_off);
			snprintf(standard_off + len, sizeof standard_off - len, "%s%s", len ? ", " : "", name);
		}
		sp_shd_free(&ref);
		free(w);
	}
	feature_checks();
	printf("D-Sheet Piling benchmarks: %d pass, %d fail, %d known gaps, %d unsupported\n", n_pass, n_fail, n_gap,
	       n_unsupported);
	printf("Standard-calculation files within 1 %% on max moment and max displacement in every stage: %d of %d "
	       "(%.0f %%); off: %s\n",
	       n_standard_within, n_standard, n_standard ? 100.0 * n_standard_within / n_standard : 0.0,
	       standard_off[0] ? standard_off : "none");
	if (verbose)
		for (int i = 0; KNOWN_GAPS[i][0]; i++)
			printf("- %s: %s\n", KNOWN_GAPS[i][0], KNOWN_GAPS[i][1]);
	/* issue 19, point 4: at least 95 % of the standard files within 1 % (the
	 * whole set only: SP_BENCH_ONLY selects a few) */
	const char *only = getenv("SP_BENCH_ONLY");
	if (!only || !*only) {
		char label[160];
		snprintf(label, sizeof label, "issue 19: %d of %d standard files within 1 %% (at least 95 %%)",
		         n_standard_within, n_standard);
		OK(n_standard > 0 && 100 * n_standard_within >= 95 * n_standard, label);
	}
	return sp_test_done("dsheet_benchmarks");
}
