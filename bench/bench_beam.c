/* bench_beam.c - analyses per second of the beam engine on a realistic
 * three-stage anchored wall (just over 200 nodes), on 1 and 2 threads, and the
 * speedup measured in the same run.
 * Usage: bench_beam [analyses] [culmann]
 * culmann: the same wall with the earth pressures from c, phi, delta (delta
 * 2/3 phi) on both sides and a 20 kPa strip load 1.5 to 4.5 m behind the
 * wall, so that every stage searches Culmann's wedges (surcharge.h). */
#define _POSIX_C_SOURCE 200809L
#include "beam.h"
#include "evaluate.h"

#include <gsl/gsl_errno.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* CPU time of the calling thread: on a shared machine, time the thread waits
 * for a core does not count */
static double cpu_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void soil(sp_wall_soil_t *s, const char *name, double gd, double gw, double c, double phi, double ka,
                 double k0, double kp, double kh)
{
	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, "%s", name);
	s->gamma_dry_kN_m3 = gd, s->gamma_wet_kN_m3 = gw, s->c_kPa = c, s->phi_deg = phi;
	s->ka = ka, s->k0 = k0, s->kp = kp, s->ocr = 1.0;
	double k[4] = {kh, kh / 2, kh / 4, kh / 8};
	for (int i = 0; i < 4; i++)
		s->kh_top_kN_m3[i] = k[i], s->kh_bottom_kN_m3[i] = 2 * k[i];
	s->branch_end_pct[0] = 50, s->branch_end_pct[1] = 80, s->branch_end_pct[2] = 90;
}

/* A 14 m AZ 26-like wall (EI 1.1e5 kNm2/m), sand over clay over sand, water
 * at -2 m behind and lowered in front, an anchor at -1.5 m pre-stressed to
 * 150 kN/m: excavate to -2.0, anchor and excavate to -5.5, excavate to -8. */
static void wall(sp_wall_t *w, int culmann)
{
	sp_wall_init(w);
	w->top_level_m = 0.0, w->length_m = 14.0, w->max_element_m = 0.07;
	w->n_elements = 1;
	snprintf(w->elements[0].name, SP_NAME_MAX, "AZ 26");
	w->elements[0].bottom_level_m = -14.0, w->elements[0].ei_kNm2_per_m = 1.1e5, w->elements[0].acting_width_m = 1;
	w->n_branches = 4;
	w->n_soils = 3;
	soil(&w->soils[0], "sand", 18, 20, 0, 32.5, 0.28, 0.46, 4.5, 12000);
	soil(&w->soils[1], "clay", 17, 17, 5, 22.5, 0.42, 0.62, 2.6, 4000);
	soil(&w->soils[2], "dense sand", 19, 21, 0, 35, 0.24, 0.43, 6.0, 30000);
	w->n_layers = 3;
	w->layers[0].top_level_m = 0.0, w->layers[0].soil = 0;
	w->layers[1].top_level_m = -4.0, w->layers[1].soil = 1;
	w->layers[2].top_level_m = -7.0, w->layers[2].soil = 2;
	w->n_anchors = 1;
	sp_wall_anchor_t *a = &w->anchors[0];
	snprintf(a->name, SP_NAME_MAX, "grout anchor");
	a->level_m = -1.5, a->e_kPa = 2.1e8, a->area_m2_per_m = 4e-4, a->length_m = 12, a->yield_force_kN_per_m = 600;
	a->angle_deg = 30, a->side = SP_LEFT;
	w->n_uniform_loads = 1;
	w->uniform_loads[0].left_kPa = 10.0;
	w->n_stages = 3;
	double exc[3] = {-2.0, -5.5, -8.0}, wat[3] = {-2.0, -5.5, -8.0};
	for (int s = 0; s < 3; s++) {
		sp_wall_stage_t *st = &w->stages[s];
		snprintf(st->name, SP_NAME_MAX, "stage %d", s + 1);
		st->surface_m[SP_LEFT] = 0.0, st->surface_m[SP_RIGHT] = exc[s];
		st->water_m[SP_LEFT] = -2.0, st->water_m[SP_RIGHT] = wat[s];
		st->uniform_load_on[0] = 1;
		st->anchor_on[0] = s >= 1;
		st->anchor_prestress_kN_per_m[0] = s == 1 ? 150.0 : 0.0;
	}
	if (!culmann)
		return;
	for (int i = 0; i < w->n_soils; i++)
		w->soils[i].delta_deg = w->soils[i].phi_deg * 2.0 / 3.0;
	w->n_surcharges = 1;
	sp_wall_surcharge_t *q = &w->surcharges[0];
	snprintf(q->name, SP_NAME_MAX, "crane track");
	q->n_points = 2, q->distance_m[0] = 1.5, q->distance_m[1] = 4.5, q->value_kPa[0] = q->value_kPa[1] = 20.0;
	for (int s = 0; s < w->n_stages; s++) {
		w->stages[s].kmethod[SP_LEFT] = w->stages[s].kmethod[SP_RIGHT] = SP_KMETHOD_CPHID;
		w->stages[s].surcharge_on[SP_LEFT][0] = 1;
	}
}

static int iterations[SP_WALL_MAX_STAGES]; /* Newton iterations per stage of the analysis */

static double run(const sp_wall_t *w, int threads, int n, int *nodes, double *check)
{
	double t0 = now_s(), sum = 0.0;
	int bad = 0, nn = 0;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 4) reduction(+ : bad) reduction(max : sum)
	for (int i = 0; i < n; i++) {
		sp_beam_result_t r;
		sp_err_t err;
		if (sp_beam_analyse(w, 0, &r, &err) != SP_OK || r.stage[2].status != SP_BEAM_OK) {
			bad++;
			continue;
		}
		if (r.stage[2].max_moment_kNm_per_m > sum)
			sum = r.stage[2].max_moment_kNm_per_m;
		sp_beam_result_free(&r);
	}
	sp_beam_result_t r;
	sp_err_t err;
	if (sp_beam_analyse(w, 1, &r, &err) == SP_OK) {
		nn = (int)r.stage[0].n_nodes;
		for (int s = 0; s < r.n_stages; s++)
			iterations[s] = r.stage[s].iterations;
		sp_beam_result_free(&r);
	}
	*nodes = nn;
	*check = sum; /* every analysis gives the same value: max() is order-free */
	if (bad)
		fprintf(stderr, "bench_beam: %d analyses failed\n", bad);
	return now_s() - t0;
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off();
	sp_eval_tune_memory();
	int n = argc > 1 ? atoi(argv[1]) : 4000;
	int culmann = argc > 2 && strcmp(argv[2], "culmann") == 0;
	static sp_wall_t w;
	wall(&w, culmann);
	int nodes;
	double m1, m2;
	run(&w, 1, n / 10 + 1, &nodes, &m1); /* warm-up */
	double c0 = cpu_s();
	double t1 = run(&w, 1, n, &nodes, &m1);
	double c1 = cpu_s() - c0; /* the serial loop runs on this thread (num_threads(1)) */
	double t2 = run(&w, 2, n, &nodes, &m2);
	printf("beam engine: three-stage anchored wall%s, %d nodes, %d analyses\n",
	       culmann ? " (c, phi, delta; Culmann's wedges under a strip load)" : "", nodes, n);
	printf("  max moment of the last stage: %.3f kNm/m (same on 1 and 2 threads: %s)\n", m1,
	       m1 == m2 ? "yes" : "NO");
	printf("  Newton iterations per stage:");
	for (int s = 0; s < w.n_stages; s++)
		printf(" %d", iterations[s]);
	printf("\n");
	printf("  1 thread : %8.0f analyses/s per core\n", n / t1);
	printf("  1 thread : %8.0f analyses per CPU second (this thread's CPU time)\n", n / c1);
	printf("  2 threads: %8.0f analyses/s in total, %8.0f per core, speedup %.2fx\n", n / t2, n / t2 / 2,
	       t1 / t2);
	return 0;
}
