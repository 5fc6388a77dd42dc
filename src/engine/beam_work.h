/* beam_work.h - the wall of the beam engine (beam.h) discretised, and the
 * state the stages pass on: nodes at every level that matters and equal beam
 * elements between them (no longer than max_element_m, or D-Sheet Piling's
 * own points for an imported wall: wall.h SP_WALL_MESH_DSHEET), four soil
 * springs per node (beam_spring.h), the ties, and the workspace of the
 * Newton solution (beam_solve.h). */
#ifndef SP_BEAM_WORK_H
#define SP_BEAM_WORK_H

#include "beam_spring.h"
#include "wall.h"
#include "wedge_cache.h"

#define SP_BEAM_WORK_BAND 3 /* lower bandwidth of the (w, theta) system */

/* An anchor or strut. */
typedef struct {
	double tension;            /* force along the item: tension (anchor) or compression (strut) */
	double ref_force, ref_elong; /* state at the end of its last pre-stressed stage */
	int installed;
} sp_beam_work_tie_t;

/* What a side's loading in a stage is computed from, besides the wall and
 * its nodes (beam_load.c): a later stage with the same key on that side sets
 * its springs again from the halves it kept (sp_beam_work_half_t). No
 * padding: compared as bytes. */
typedef struct {
	double q_kPa, surface_m, water_m; /* uniform load, surface and water levels of the side */
	double surface_distance_m[SP_WALL_MAX_SURFACE_POINTS], surface_level_m[SP_WALL_MAX_SURFACE_POINTS];
	const sp_wall_layer_t *layers; /* the side's soil profile */
	int kmethod, n_surface_points;
	unsigned char surcharge_on[SP_WALL_MAX_ITEMS];
} sp_beam_work_side_key_t;
_Static_assert(sizeof(sp_beam_work_side_key_t) ==
                   (3 + 2 * SP_WALL_MAX_SURFACE_POINTS) * sizeof(double) + sizeof(void *) + 2 * sizeof(int) +
                       SP_WALL_MAX_ITEMS,
               "a side key without padding");

/* A half spring as the loading of its side set it, before the halves of a
 * node merge and before an initial stage's offsets (beam_load.c, beam.c). */
typedef struct {
	double trib_m, sig_a, sig_n, sig_p;
	int on, layer;
} sp_beam_work_half_t;

typedef struct {
	const sp_wall_t *w;
	void *block;               /* the arrays below (but z) in one allocation (beam_work.c) */
	int n;                     /* nodes */
	double *z;                 /* levels, top-down */
	double *ei;                /* per element */
	double *width;             /* acting width per element */
	double *elen, *ecoef;      /* per element: length and EI / L^3 */
	double (*eterm)[4];        /* per element: c L, 6 L, 4 L, 2 L (c = ecoef, L = elen): the products K u
	                            * takes (beam_solve.c), the same bits computed once */
	double *etension;          /* per element: normal force of the stage (kN), see beam_load.c */
	int normal;                /* some element has one (beam_solve.c) */
	int *elayer;               /* per element: layer index (-1 above the top layer) */
	int *elayer_side;          /* the same for a side with a soil profile of its own (beam_load.c) */
	sp_beam_spring_t *spr;     /* [node][side][half], see SP_BEAM_WORK_SPR */
	const sp_wall_layer_t **spr_moduli_ls; /* per spring: the moduli (k, lam, k_unload, nb) were set for layer */
	int *spr_moduli_layer;     /* spr_moduli_layer of the profile spr_moduli_ls (NULL: not yet; beam_load.c) */
	sp_beam_spring_piece_t *piece; /* per node: the linear piece of its soil force (beam_spring.h) */
	double *u;                 /* 2n: w (m), theta (rad) */
	double *u_trial;
	double *f_ext;             /* 2n: loads of the stage (water, line loads, moments) */
	double *water[2];          /* water pressure per node and side (kPa) */
	double *kbeam;             /* 2n x (SP_BEAM_WORK_BAND+1): the stage's band in lower storage (row j: A(j,j),
	                            * A(j+1,j), ...): bending, normal force, spring supports, constrained dofs */
	/* what kbeam was built from (beam_solve.c): a stage with the same normal
	 * forces, spring supports and constraints keeps it */
	int kbeam_valid;
	double *kbeam_etension;    /* n: etension */
	int *kbeam_fixed_list, kbeam_n_fixed;
	int kbeam_support_on[SP_WALL_MAX_ITEMS];
	double *kfact;             /* the last LDL^T factorisation, as kbeam */
	double *kdiag;             /* 2n: the springs' and ties' stiffness the factorisation adds */
	double *resid;             /* 4n: the Newton loop's residuals (beam_solve.c) */
	double *dx;                /* 2n: its step */
	double *tangent, *tangent_fact; /* soil stiffness per node and tie stiffnesses: assembled, factorised */
	int have_fact;             /* kfact is the factorisation of tangent_fact (this stage) */
	int *fixed;                /* 2n: constrained dof */
	int *fixed_list, n_fixed;  /* the constrained dofs */
	double *fixed_value;
	sp_beam_work_tie_t anchors[SP_WALL_MAX_ITEMS], struts[SP_WALL_MAX_ITEMS];
	struct sp_beam_bending *bend; /* a wall with a nonlinear moment-curvature law: its plastic curvatures
	                            * (beam_bending.h, owned by beam.c), else NULL */
	sp_wedge_cache_t wedges;   /* the analysis' memo of Culmann's wedge forces (beam_load.c), 8 entries a node */
	struct sp_wedge_memo *layer_memo; /* the caller's memo of layered wedge searches across analyses
	                            * (wedge_memo.h, set by sp_beam_analyse_memo), NULL: none */
	sp_beam_work_side_key_t side_key[2]; /* each side's loading in the last stage (beam_load.c) */
	int side_key_valid[2];
	int side_kept[2];          /* that loading kept its halves (the next stage loads the side alike) */
	sp_beam_work_half_t *halves; /* 4n, as spr: the half springs that loading set */
	int keep_halves;           /* every loading keeps its halves (a memo of loadings records them, beam_loads.h) */
} sp_beam_work_t;

/* The spring of node i on side s (SP_LEFT, SP_RIGHT), half h (0 above the
 * node, 1 below); the four of a node follow each other. */
#define SP_BEAM_WORK_SPR(b, i, s, h) (&(b)->spr[((size_t)(i) * 2 + (size_t)(s)) * 2 + (size_t)(h)])

/* Discretise w (checked by sp_beam_analyse), the wall at rest. Returns NULL
 * when out of memory; free with sp_beam_work_free. b->w points to w. */
sp_beam_work_t *sp_beam_work_alloc(const sp_wall_t *w);
void sp_beam_work_free(sp_beam_work_t *b);

/* The node nearest to level. */
int sp_beam_work_node_at(const sp_beam_work_t *b, double level);
/* Acting width at a node: of the element below it (the lowest node: above);
 * 1 for a single pile, whose supports are its own. */
double sp_beam_work_node_width(const sp_beam_work_t *b, int node);

#endif
