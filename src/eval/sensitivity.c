/* sensitivity.c - the best designs under changed ground, water and loads. */
#include "sensitivity.h"
#include "csv_field.h"
#include "designs.h"
#include "workers.h"

#include <csv.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_PHI_MAX_DEG 49.9 /* the study file allows phi' < 50 deg */
#define S_GAMMA_MIN_KN_M3 1.0
#define S_CU_MIN_KPA 1.0

/* One design under one variation. */
typedef struct {
	double util[SP_SENS_NU];
	sp_cand_status status;
	int analysis_ok;
} S_out;

/* A thread's workspace: the modified study and its generator. */
typedef struct {
	sp_study_t st;
	sp_layer_t *layers;
	sp_wall_t *wall;
	gsl_rng *rng;
	sp_err_t err;
} S_ws;

typedef struct {
	const sp_study_t *st;
	const sp_catalogue_t *cat;
	const sp_result_t *best;
	size_t k;                 /* designs */
	int params[SP_SENS_N];    /* one at a time: the varied parameters */
	int n_params;
	S_ws *ws;
	S_out *out;               /* (variations + 1) x k */
	int *rc;                  /* per variation */
} S_job;

/* A seed for sample i that depends on (seed, i) only (splitmix64). */
static unsigned long S_seed(unsigned long seed, size_t i)
{
	uint64_t z = (uint64_t)seed * 0x9E3779B97F4A7C15u + (uint64_t)i + 1;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	z ^= z >> 31;
	return (unsigned long)(z & 0xffffffffu);
}

static double S_clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* phi' changed by d, delta in proportion */
static void S_phi(double *phi, double *delta, double d)
{
	double p = S_clamp(*phi + d, 0, S_PHI_MAX_DEG);
	*delta = *phi > 0 ? *delta * p / *phi : 0;
	*phi = p;
}

/* Changes of one variation: per layer (soil), per side (water) and surcharge. */
typedef struct {
	double *layer[4];         /* phi, c, gamma, cu: n_layers each */
	double water[2];          /* retained, excavation */
	double surcharge;
} S_delta;

static void S_apply(const sp_study_t *base, const S_delta *d, S_ws *w)
{
	sp_study_t *st = &w->st;
	*st = *base;
	memcpy(w->layers, base->layers, base->n_layers * sizeof *w->layers);
	st->layers = w->layers;
	for (size_t i = 0; i < base->n_layers; i++) {
		sp_layer_t *L = &w->layers[i];
		if (L->drainage == SP_DRAINED) {
			S_phi(&L->phi_deg, &L->delta_deg, d->layer[0][i]);
			L->c_kPa = fmax(0, L->c_kPa + d->layer[1][i]);
		} else {
			L->cu_kPa = fmax(S_CU_MIN_KPA, L->cu_kPa + d->layer[3][i]);
		}
		L->gamma_kN_m3 = fmax(S_GAMMA_MIN_KN_M3, L->gamma_kN_m3 + d->layer[2][i]);
		L->gamma_sat_kN_m3 = fmax(S_GAMMA_MIN_KN_M3, L->gamma_sat_kN_m3 + d->layer[2][i]);
	}
	st->water_retained_m += d->water[0];
	st->water_excavation_m += d->water[1];
	st->surcharge_kPa = fmax(0, st->surcharge_kPa + d->surcharge);
	if (base->wall == NULL)
		return;
	sp_wall_t *wl = w->wall;
	*wl = *base->wall;
	st->wall = wl;
	for (int i = 0; i < wl->n_soils; i++) {
		sp_wall_soil_t *s = &wl->soils[i];
		size_t li = (size_t)i < base->n_layers ? (size_t)i : base->n_layers - 1; /* soil i is layer i */
		S_phi(&s->phi_deg, &s->delta_deg, d->layer[0][li]);
		s->c_kPa = fmax(0, s->c_kPa + d->layer[1][li]);
		s->gamma_dry_kN_m3 = fmax(S_GAMMA_MIN_KN_M3, s->gamma_dry_kN_m3 + d->layer[2][li]);
		s->gamma_wet_kN_m3 = fmax(S_GAMMA_MIN_KN_M3, s->gamma_wet_kN_m3 + d->layer[2][li]);
	}
	for (int i = 0; i < wl->n_stages; i++) {
		wl->stages[i].water_m[SP_LEFT] += d->water[0];
		wl->stages[i].water_m[SP_RIGHT] += d->water[1];
	}
	for (int i = 0; i < wl->n_uniform_loads; i++)
		if (strcmp(wl->uniform_loads[i].name, "surcharge") == 0)
			wl->uniform_loads[i].left_kPa = fmax(0, wl->uniform_loads[i].left_kPa + d->surcharge);
}

/* Variation v: 0 the unchanged study; one at a time 1..2P (-, + per
 * parameter); Monte Carlo 1..samples. d's layer arrays hold n_layers each. */
static void S_variation(const S_job *j, size_t v, S_ws *w, S_delta *d)
{
	const sp_sensitivity_t *s = &j->st->sensitivity;
	size_t nl = j->st->n_layers;
	for (int p = 0; p < 4; p++)
		memset(d->layer[p], 0, nl * sizeof *d->layer[p]);
	d->water[0] = d->water[1] = d->surcharge = 0;
	if (v == 0)
		return;
	if (s->samples == 0) {
		int p = j->params[(v - 1) / 2];
		double x = ((v - 1) % 2 == 0 ? -1 : 1) * s->amount[p];
		switch (p) {
		case SP_SENS_PHI: case SP_SENS_C: case SP_SENS_GAMMA: case SP_SENS_CU:
			for (size_t i = 0; i < nl; i++)
				d->layer[p - SP_SENS_PHI][i] = x;
			break;
		case SP_SENS_WATER_RETAINED: d->water[0] = x; break;
		case SP_SENS_WATER_EXCAVATION: d->water[1] = x; break;
		case SP_SENS_SURCHARGE: d->surcharge = x; break;
		}
		return;
	}
	gsl_rng_set(w->rng, S_seed(s->seed, v - 1));
	for (size_t i = 0; i < nl; i++)
		for (int p = 0; p < 4; p++)
			d->layer[p][i] = gsl_ran_gaussian(w->rng, s->amount[SP_SENS_PHI + p]);
	d->water[0] = gsl_ran_gaussian(w->rng, s->amount[SP_SENS_WATER_RETAINED]);
	d->water[1] = gsl_ran_gaussian(w->rng, s->amount[SP_SENS_WATER_EXCAVATION]);
	d->surcharge = gsl_ran_gaussian(w->rng, s->amount[SP_SENS_SURCHARGE]);
}

static void S_run_one(void *data, size_t v, int tid)
{
	S_job *j = data;
	S_ws *w = &j->ws[tid];
	size_t nl = j->st->n_layers;
	double buf[4 * 64], *heap = NULL;
	double *mem = buf;
	if (4 * nl > sizeof buf / sizeof buf[0] && (mem = heap = malloc(4 * nl * sizeof *mem)) == NULL) {
		j->rc[v] = sp_err_set(&w->err, SP_ESOFTWARE, "out of memory");
		return;
	}
	S_delta d;
	for (int p = 0; p < 4; p++)
		d.layer[p] = mem + (size_t)p * nl;
	S_variation(j, v, w, &d);
	S_apply(j->st, &d, w);
	free(heap);
	for (size_t k = 0; k < j->k; k++) {
		sp_analysis_t a;
		sp_result_t r;
		memset(&a, 0, sizeof a);
		int rc = sp_designs_one(&w->st, j->cat, j->best[k].cand.id, 0.0, &a, &r, &w->err);
		sp_analysis_free(&a);
		if (rc != SP_OK) {
			j->rc[v] = rc;
			return;
		}
		S_out *o = &j->out[v * j->k + k];
		for (int u = 0; u < SP_CHECK_N; u++)
			o->util[u] = r.checks.util[u];
		o->util[SP_SENS_U_MAX] = r.checks.util_max;
		o->status = r.status;
		o->analysis_ok = r.status != SP_CAND_FAILED;
	}
}

/* Statistics of design k over variations [v0, v1), in variation order. */
static void S_row(const S_job *j, size_t k, size_t v0, size_t v1, sp_sens_row_t *row)
{
	const S_out *base = &j->out[k];
	size_t n_ok = 0, n_fail = 0, n_failed = 0;
	for (int u = 0; u < SP_SENS_NU; u++) {
		row->base[u] = base->util[u];
		row->min[u] = INFINITY;
		row->max[u] = -INFINITY;
		row->mean[u] = 0;
	}
	for (size_t v = v0; v < v1; v++) {
		const S_out *o = &j->out[v * j->k + k];
		n_fail += o->status != SP_CAND_OK;
		if (!o->analysis_ok) {
			n_failed++;
			continue;
		}
		n_ok++;
		for (int u = 0; u < SP_SENS_NU; u++) {
			row->min[u] = fmin(row->min[u], o->util[u]);
			row->max[u] = fmax(row->max[u], o->util[u]);
			row->mean[u] += o->util[u];
		}
	}
	for (int u = 0; u < SP_SENS_NU; u++) {
		if (n_ok)
			row->mean[u] /= (double)n_ok;
		else
			row->min[u] = row->mean[u] = row->max[u] = NAN;
	}
	row->design = k;
	row->samples = v1 - v0;
	row->fail_fraction = row->samples ? (double)n_fail / (double)row->samples : 0;
	row->failed_fraction = row->samples ? (double)n_failed / (double)row->samples : 0;
}

int sp_sens_run(const sp_study_t *st, const sp_catalogue_t *cat, const sp_result_t *best, size_t n_best,
                int n_threads, sp_sens_t *out, sp_err_t *err)
{
	memset(out, 0, sizeof *out);
	const sp_sensitivity_t *s = &st->sensitivity;
	if (!s->enabled || n_best == 0)
		return SP_OK;
	S_job j;
	memset(&j, 0, sizeof j);
	j.st = st;
	j.cat = cat;
	j.best = best;
	j.k = n_best < (size_t)s->top ? n_best : (size_t)s->top;
	for (int p = 0; p < SP_SENS_N; p++)
		if (s->amount[p] > 0)
			j.params[j.n_params++] = p;
	size_t nv = s->samples > 0 ? (size_t)s->samples : 2 * (size_t)j.n_params;
	if (n_threads < 1)
		n_threads = 1;
	if ((size_t)n_threads > nv + 1)
		n_threads = (int)(nv + 1);
	int rc = SP_OK;
	j.ws = calloc((size_t)n_threads, sizeof *j.ws);
	j.out = calloc((nv + 1) * j.k, sizeof *j.out);
	j.rc = calloc(nv + 1, sizeof *j.rc);
	if (!j.ws || !j.out || !j.rc) {
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto done;
	}
	for (int t = 0; t < n_threads; t++) {
		S_ws *w = &j.ws[t];
		w->layers = malloc(st->n_layers * sizeof *w->layers);
		w->wall = st->wall ? malloc(sizeof *w->wall) : NULL;
		w->rng = gsl_rng_alloc(gsl_rng_mt19937);
		if (!w->layers || (st->wall && !w->wall) || !w->rng) {
			rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
			goto done;
		}
	}
	/* each variation writes only its own rows: the numbers cannot depend on
	 * the thread count */
	sp_workers_for(n_threads, nv + 1, S_run_one, &j);
	for (size_t v = 0; v <= nv; v++)
		if (j.rc[v] != SP_OK) {
			for (int t = 0; t < n_threads; t++)
				if (j.ws[t].err.code) {
					*err = j.ws[t].err;
					break;
				}
			rc = j.rc[v];
			goto done;
		}
	/* rows: per design the unchanged study, each change (one at a time), and
	 * the summary over every variation */
	size_t per = 2 + (s->samples > 0 ? 0 : nv);
	out->rows = calloc(j.k * per, sizeof *out->rows);
	if (out->rows == NULL) {
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
		goto done;
	}
	for (size_t k = 0; k < j.k; k++) {
		sp_sens_row_t *row = &out->rows[out->n++];
		S_row(&j, k, 0, 1, row);
		snprintf(row->parameter, sizeof row->parameter, "none");
		if (s->samples == 0)
			for (size_t v = 1; v <= nv; v++) {
				row = &out->rows[out->n++];
				S_row(&j, k, v, v + 1, row);
				int p = j.params[(v - 1) / 2];
				snprintf(row->parameter, sizeof row->parameter, "%s", sp_sens_param_key((sp_sens_param)p));
				row->change = ((v - 1) % 2 == 0 ? -1 : 1) * s->amount[p];
			}
		row = &out->rows[out->n++];
		S_row(&j, k, 1, nv + 1, row);
		snprintf(row->parameter, sizeof row->parameter, "%s", s->samples > 0 ? "monte-carlo" : "all");
	}
	out->n_designs = j.k;
	out->analyses = (nv + 1) * j.k;
	out->monte_carlo = s->samples > 0;
done:
	if (j.ws)
		for (int t = 0; t < n_threads; t++) {
			free(j.ws[t].layers);
			free(j.ws[t].wall);
			gsl_rng_free(j.ws[t].rng);
		}
	free(j.ws);
	free(j.out);
	free(j.rc);
	if (rc != SP_OK)
		sp_sens_free(out);
	return rc;
}

void sp_sens_free(sp_sens_t *s)
{
	free(s->rows);
	memset(s, 0, sizeof *s);
}

static void S_num(FILE *fp, double v)
{
	if (isfinite(v))
		fprintf(fp, ",%.4f", v);
	else
		fputs(",", fp); /* no analysis found an equilibrium */
}

void sp_sens_write_csv(FILE *fp, const sp_study_t *st, const sp_result_t *best, const sp_sens_t *s)
{
	fputs("rank,candidate_id,profile,grade,length_m,anchor_level_m,parameter,change_in_parameter_unit,samples", fp);
	for (int i = 0; i < SP_SENS_NU; i++) {
		const char *u = i == SP_SENS_U_MAX ? "max" : sp_check_names[i];
		fprintf(fp, ",util_%s_base,util_%s_min,util_%s_mean,util_%s_max", u, u, u, u);
	}
	fputs(",fail_fraction,analysis_failed_fraction\r\n", fp);
	for (size_t i = 0; i < s->n; i++) {
		const sp_sens_row_t *r = &s->rows[i];
		const sp_candidate_t *c = &best[r->design].cand;
		const sp_anchor_option_t *an = &st->anchors[c->anchor];
		fprintf(fp, "%zu,%zu,", r->design + 1, c->id);
		sp_csv_field_text(fp, st->profiles[c->profile]);
		fputc(',', fp);
		sp_csv_field_text(fp, st->grades[c->grade]);
		fprintf(fp, ",%.3f,", st->lengths_m[c->length]);
		if (an->anchored)
			fprintf(fp, "%.3f", an->level_m);
		fprintf(fp, ",%s,", r->parameter);
		if (strcmp(r->parameter, "none") != 0 && strcmp(r->parameter, "all") != 0
		    && strcmp(r->parameter, "monte-carlo") != 0)
			fprintf(fp, "%.4f", r->change);
		fprintf(fp, ",%zu", r->samples);
		for (int k = 0; k < SP_SENS_NU; k++) {
			S_num(fp, r->base[k]);
			S_num(fp, r->min[k]);
			S_num(fp, r->mean[k]);
			S_num(fp, r->max[k]);
		}
		fprintf(fp, ",%.4f,%.4f\r\n", r->fail_fraction, r->failed_fraction);
	}
}
