/* beam_work.c - the discretised wall of the beam engine and its state
 * (beam_work.h).
 *
 * Nodes at every level that matters (top and toe, element, layer (of every soil profile), surface
 * and water levels, supports and loads of every stage), and between them
 * equal beam elements no longer than w->max_element_m; or D-Sheet Piling's
 * own points (w->mesh, wall.h). Two degrees of
 * freedom per node: displacement (to the right) and rotation. */
#include "beam_work.h"
#include "major_nodes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_EPS_LEVEL 1e-6 /* levels closer than this are the same node */

/* D-Sheet Piling's points (SP_WALL_MESH_DSHEET, wall.h): its major nodes, every
 * major segment cut into 5 equal elements, 1 for a plastic or a diaphragm
 * wall. Read from the [POINTS ON SHEETPILE] of the 60 development .shd files
 * that print them: 58 hold 5 equal minor segments in every major segment
 * (bm1-2: 21 major segments, 126 points = 21 x 6), bm4-44a (plastic, 104
 * segments, 208 points) and ComplexProjects24 (diaphragm, 28 segments, 56
 * points) 1 (tests/test_major_nodes.c). */
static int S_levels_dsheet(const sp_wall_t *w, double **out, int *n_out)
{
	int n_major = sp_major_nodes_levels(w, NULL, 0);
	double *major = malloc((size_t)n_major * sizeof *major);
	if (major == NULL)
		return -1;
	sp_major_nodes_levels(w, major, n_major);
	int minor = w->plastic || w->diaphragm ? 1 : 5;
	double *z = malloc(((size_t)(n_major - 1) * (size_t)minor + 1) * sizeof *z);
	if (z == NULL) {
		free(major);
		return -1;
	}
	int k = 0;
	z[k++] = major[0];
	for (int i = 0; i + 1 < n_major; i++)
		for (int j = 1; j <= minor; j++)
			z[k++] = j == minor ? major[i + 1] : major[i] - (major[i] - major[i + 1]) * j / minor;
	free(major);
	*out = z;
	*n_out = k;
	return 0;
}

static int S_levels(const sp_wall_t *w, double **out, int *n_out)
{
	if (w->mesh == SP_WALL_MESH_DSHEET)
		return S_levels_dsheet(w, out, n_out);
	double key[SP_WALL_MAX_KEY_LEVELS];
	size_t m = (size_t)sp_wall_key_levels(w, key);
	/* subdivide */
	double hmax = w->max_element_m > 0 ? w->max_element_m : 0.05;
	size_t total = 1;
	for (size_t i = 0; i + 1 < m; i++)
		total += (size_t)ceil((key[i] - key[i + 1]) / hmax - 1e-9);
	double *z = malloc(total * sizeof *z);
	if (z == NULL)
		return -1;
	size_t k = 0;
	z[k++] = key[0];
	for (size_t i = 0; i + 1 < m; i++) {
		int parts = (int)ceil((key[i] - key[i + 1]) / hmax - 1e-9);
		if (parts < 1)
			parts = 1;
		for (int j = 1; j <= parts; j++)
			z[k++] = j == parts ? key[i + 1] : key[i] - (key[i] - key[i + 1]) * j / parts;
	}
	*out = z;
	*n_out = (int)k;
	return 0;
}

int sp_beam_work_node_at(const sp_beam_work_t *b, double level)
{
	int lo = 0, hi = b->n - 1; /* levels descend */
	while (hi - lo > 1) {
		int mid = (lo + hi) / 2;
		if (b->z[mid] > level)
			lo = mid;
		else
			hi = mid;
	}
	return fabs(b->z[lo] - level) <= fabs(b->z[hi] - level) ? lo : hi;
}

static const sp_wall_element_t *S_element_at(const sp_wall_t *w, double level)
{
	for (int i = 0; i < w->n_elements; i++)
		if (level >= w->elements[i].bottom_level_m - S_EPS_LEVEL)
			return &w->elements[i];
	return &w->elements[w->n_elements - 1];
}

/* Index of the layer holding level (the lowest layer whose top is above it). */
static int S_layer_at(const sp_wall_t *w, double level)
{
	int li = -1;
	for (int i = 0; i < w->n_layers; i++)
		if (w->layers[i].top_level_m >= level - 1e-12)
			li = i;
	return li;
}

double sp_beam_work_node_width(const sp_beam_work_t *b, int node)
{
	if (b->w->single_pile)
		return 1.0;
	int e = node < b->n - 1 ? node : node - 1;
	return b->width[e] > 0 ? b->width[e] : 1.0;
}

sp_beam_work_t *sp_beam_work_alloc(const sp_wall_t *w)
{
	sp_beam_work_t *b = calloc(1, sizeof *b);
	if (b == NULL)
		return NULL;
	b->w = w;
	if (S_levels(w, &b->z, &b->n) != 0) {
		free(b);
		return NULL;
	}
	int n = b->n, n2 = 2 * n;
	size_t nt = (size_t)n + 2 * SP_WALL_MAX_ITEMS, band = (size_t)n2 * (SP_BEAM_WORK_BAND + 1);
	/* every array but z in one block, each from a cache line of its own: one
	 * allocation per analysis, not thirty. X(array, elements, zeroed) */
#define S_ARRAYS(X)                                                                                                    \
	X(ei, n, 0) X(width, n, 0) X(elen, n, 0) X(ecoef, n, 0) X(eterm, n, 0) X(etension, n, 1) X(elayer, n, 0)          \
	X(elayer_side, n, 0) X(spr, 4 * n, 0) X(spr_moduli_ls, 4 * n, 1) X(spr_moduli_layer, 4 * n, 1) X(piece, n, 0)     \
	X(u, n2, 1) X(u_trial, n2, 1) X(f_ext, n2, 1) X(water[0], n, 1) X(water[1], n, 1) X(fixed, n2, 1)                \
	X(fixed_value, n2, 1) X(fixed_list, n2, 0) X(kbeam, band, 0) X(kbeam_etension, n, 0) X(kbeam_fixed_list, n2, 0) \
	X(kfact, band, 0) X(kdiag, n2, 0) X(resid, 2 * n2, 0) X(dx, n2, 0) X(tangent, nt, 1) X(tangent_fact, nt, 1)      \
	X(halves, 4 * n, 0)
#define S_LINE ((size_t)64)
#define S_LINES(bytes) (((bytes) + S_LINE - 1) / S_LINE * S_LINE)
#define S_SIZE(a, count, zero) total += S_LINES((size_t)(count) * sizeof *b->a);
#define S_CARVE(a, count, zero)                                                                                        \
	b->a = (void *)at;                                                                                                 \
	if (zero)                                                                                                          \
		memset(at, 0, (size_t)(count) * sizeof *b->a);                                                            \
	at += S_LINES((size_t)(count) * sizeof *b->a);
	size_t total = 0;
	S_ARRAYS(S_SIZE)
	char *at = b->block = aligned_alloc(S_LINE, total);
	if (at == NULL) {
		free(b->z);
		free(b);
		return NULL;
	}
	S_ARRAYS(S_CARVE)
#undef S_CARVE
#undef S_SIZE
#undef S_LINES
#undef S_LINE
#undef S_ARRAYS
	sp_wedge_cache_init(&b->wedges, 8 * n);
	/* the springs at rest, no curve prepared: the fields a stage does not set
	 * (sp_beam_load_stage sets the rest of a spring that is on) */
	for (size_t i = 0; i < (size_t)n * 4; i++) {
		sp_beam_spring_t *sp = &b->spr[i];
		sp->on = 0, sp->merged = 0, sp->prepared = 0, sp->dirty = 0, sp->has_turn = 0;
		sp->has_commit = 0, sp->commit_on_line = 0;
		sp->trib_m = 0.0, sp->shift_m = 0.0, sp->s_turn = 0.0, sp->p_turn = 0.0;
		sp->s_commit = 0.0, sp->p_commit = 0.0;
		/* the curve's input, set by the loading of a spring that is on: zero
		 * until then (a memo of loadings copies every spring's, beam_loads.c) */
		memset(sp->k, 0, sizeof sp->k);
		memset(sp->lam, 0, sizeof sp->lam);
		sp->k_unload = 0.0, sp->nb = 0, sp->layer = -1;
	}
	for (int e = 0; e + 1 < n; e++) {
		const sp_wall_element_t *el = S_element_at(w, (b->z[e] + b->z[e + 1]) / 2.0);
		b->ei[e] = el->ei_kNm2_per_m;
		b->width[e] = el->acting_width_m;
		b->elen[e] = b->z[e] - b->z[e + 1];
		/* sheet piling: EI per m of wall over the acting width; a single pile: its own EI
		 * (D-Sheet Piling bm4-9b and bm1-10) */
		double ei_width = w->single_pile ? 1.0 : (b->width[e] > 0 ? b->width[e] : 1.0);
		b->ecoef[e] = b->ei[e] * ei_width / (b->elen[e] * b->elen[e] * b->elen[e]);
		double L = b->elen[e];
		b->eterm[e][0] = b->ecoef[e] * L, b->eterm[e][1] = 6 * L, b->eterm[e][2] = 4 * L, b->eterm[e][3] = 2 * L;
		b->elayer[e] = S_layer_at(w, (b->z[e] + b->z[e + 1]) / 2.0);
	}
	return b;
}

void sp_beam_work_free(sp_beam_work_t *b)
{
	if (b == NULL)
		return;
	free(b->z);
	free(b->block); /* every other array (sp_beam_work_alloc) */
	sp_wedge_cache_release(&b->wedges);
	free(b);
}
