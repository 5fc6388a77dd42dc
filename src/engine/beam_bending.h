/* beam_bending.h - nonlinear bending of the beam engine's wall (beam.h):
 * per element a moment-curvature law, elastic-perfectly plastic for a
 * plastic calculation (EI up to the element's plastic moment, then the
 * plastic moment) and multilinear for a diaphragm wall (its diagram as
 * given, wall.h), unloading elastic with EI.
 *
 * The method is the initial-strain one: every element carries a plastic
 * curvature, linear between its two end sections, which acts on the beam
 * as an imposed curvature (equivalent nodal forces added to the stage's
 * residual); the moment at a section is EI (kappa - kappa_p). The Newton
 * loop of a stage (beam_solve.c) keeps its factorisation of the elastic
 * beam and the springs and, after each step, maps every section's
 * curvature back onto its law (sp_beam_bending_update), until both the
 * springs and the plastic curvatures are in equilibrium. Plastic curvature
 * is permanent: a stage starts from the one the previous stage committed
 * (sp_beam_bending_commit).
 *
 * Only a wall with a nonlinear law gets this state (b->bend); an elastic
 * wall's solution is untouched. */
#ifndef SP_BEAM_BENDING_H
#define SP_BEAM_BENDING_H

#include "beam_result.h"
#include "beam_work.h"

/* A moment-curvature law per sign of the moment ([0] positive, [1]
 * negative) as the yield moment against the plastic curvature: points
 * (kappa_p[s][j], moment[s][j]), j < n[s], linear between them and constant
 * after the last; kappa_p[s][0] = 0, moment[s][0] the end of the elastic
 * branch. */
#define SP_BEAM_BENDING_POINTS 3
typedef struct {
	double ei_kNm2;                             /* the elastic branch */
	int n[2];
	double kappa_p_per_m[2][SP_BEAM_BENDING_POINTS];
	double moment_kNm[2][SP_BEAM_BENDING_POINTS];
} sp_beam_bending_law_t;

/* The law of a skeleton diagram (one sign): EI up to m[0], then ei_branch[0]
 * up to m[1], then ei_branch[1] up to m[2], then m[2] (perfectly plastic).
 * A branch of no moment (m[j+1] <= m[j]) is left out; a branch whose EI is
 * not below EI makes the moment jump at the same plastic curvature; a
 * branch whose EI is not positive is perfectly plastic at its start. */
void sp_beam_bending_law_set(sp_beam_bending_law_t *law, int sign, double ei_kNm2, const double m_kNm[3],
                             const double ei_branch_kNm2[2]);

/* The plastic curvature of a section at total curvature kappa that
 * started the stage with plastic curvature kappa_p_start: unchanged while
 * the moment EI (kappa - kappa_p_start) stays within the yield moments of
 * kappa_p_start, otherwise the one on the law (the return to the yield
 * moment). Its moment is EI (kappa - kappa_p). */
double sp_beam_bending_law_return(const sp_beam_bending_law_t *law, double kappa_per_m, double kappa_p_start_per_m);

/* 1 when some element of w has a nonlinear law (a plastic calculation
 * with a plastic moment, a diaphragm wall with a diagram). */
int sp_beam_bending_needed(const sp_wall_t *w);

typedef struct sp_beam_bending sp_beam_bending_t;

/* The laws of b's elements (b->w, discretised), no plastic curvature yet.
 * NULL when out of memory; free with sp_beam_bending_free (NULL accepted). */
sp_beam_bending_t *sp_beam_bending_alloc(const sp_beam_work_t *b);
void sp_beam_bending_free(sp_beam_bending_t *g);

/* r += the nodal forces of the plastic curvatures (2n entries); _remove:
 * r -= them (the beam's internal force K u less them, beam_diagram.c). */
void sp_beam_bending_add_load(const sp_beam_bending_t *g, double *r);
void sp_beam_bending_remove_load(const sp_beam_bending_t *g, double *r);

/* Map every section's curvature at u onto its law, from the plastic
 * curvature the stage started with. Returns 1 when a plastic curvature
 * moved by more than round-off (the residual changed), else 0. */
int sp_beam_bending_update(sp_beam_bending_t *g, const sp_beam_work_t *b, const double *u);

/* The plastic curvatures of a solved stage become the next one's start. */
void sp_beam_bending_commit(sp_beam_bending_t *g);

/* Bending iterations a stage may take, given the engine's limit: the
 * initial-strain method converges linearly. */
int sp_beam_bending_max_iterations(int engine_max);

/* After a stage that did not converge or found no equilibrium: when its
 * plastic curvatures were still growing, the status becomes
 * SP_BEAM_NO_EQUILIBRIUM and the reason names the mechanism of plastic
 * hinges (the section furthest past its law's first yield). */
void sp_beam_bending_explain(const sp_beam_bending_t *g, const sp_beam_work_t *b, sp_beam_stage_result_t *res);

#endif
