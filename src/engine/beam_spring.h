/* beam_spring.h - the soil spring of the beam engine (beam.h): one half
 * element's soil on one side of a node, elastoplastic. Its effective pressure
 * follows the multi-linear curve of the modulus of subgrade reaction from the
 * neutral pressure towards the passive (wall moving into the soil) or active
 * pressure (moving away), a branch ending where the pressure has moved from
 * the neutral one by branch_end_pct % of the passive pressure less the
 * neutral (D-Sheet's percentage of the passive pressure, the same step
 * towards the active side), and stays at the limit beyond it. Plastic displacement shifts the curve
 * (kinematic); with an unloading curve, moving back from the last turning
 * point follows k_unload down to the neutral pressure, then the virgin curve
 * of the other direction from there; the turning point keeps its step from
 * the neutral pressure when a stage changes it. A stage that changes the
 * curve (soil, moduli, limits, neutral pressure) restarts the spring where
 * the last one left it, as D-Sheet Piling does: at the displacement of the
 * last stage's end with that stage's pressure step from the neutral
 * pressure, brought within the new limits, and the new curve from there
 * (sp_beam_spring_ready). Displacements s are into the spring's soil (m),
 * pressures in kPa. */
#ifndef SP_BEAM_SPRING_H
#define SP_BEAM_SPRING_H

#include "wall.h"

typedef struct {
	/* what the Newton loop reads, first (one or two cache lines) */
	int on;                    /* soil present on this half */
	int has_turn;              /* unloading/reloading: see s_turn */
	int nseg[2];               /* the curve's branches per direction, see reach */
	double trib_m;             /* tributary length */
	double shift_m;            /* plastic shift of the curve (displacement into the soil) */
	double sig_a, sig_n, sig_p;/* effective active, neutral, passive pressure (kPa) */
	double k_first;
	/* unloading/reloading (wall->unloading_curve): the last turning point on
	 * the virgin curve, its pressure p_turn as a step from the neutral
	 * pressure sig_n; moving back from it follows k_unload */
	double s_turn, p_turn, k_unload;
	/* the end of the last stage (sp_beam_spring_commit): the displacement
	 * s_commit, the pressure there as a step p_commit from that stage's
	 * neutral pressure, and whether the spring was on the unloading line
	 * from its turning point (otherwise on its virgin curve) */
	int has_commit, commit_on_line;
	double s_commit, p_commit;
	/* the curve, prepared per stage: per direction (0 active, 1 passive) the
	 * reach, pressure offset and slope at the end of each branch */
	double reach[2][SP_WALL_BRANCHES], offset[2][SP_WALL_BRANCHES], slope[2][SP_WALL_BRANCHES];
	/* the input of the curve */
	double k[SP_WALL_BRANCHES];/* branch moduli (kPa/m) */
	double lam[SP_WALL_BRANCHES - 1];
	int nb;
	int layer;                 /* layer index of this half */
	int merged;                /* 1: this lower half is carried by the upper half (same layer) */
	/* the input the curve was last prepared from (sp_beam_spring_prepare):
	 * a stage that leaves it as it was keeps the curve */
	int prepared;
	int dirty;                 /* the input differs from the prep_* bits: prepare before use */
	int prep_nb;
	double prep_sig[3], prep_k[SP_WALL_BRANCHES], prep_lam[SP_WALL_BRANCHES - 1];
} sp_beam_spring_t;

/* The curve of a spring is to follow its pressures and moduli (sig_*, k,
 * lam, nb): nothing to do when they are the bits it was last prepared from,
 * otherwise the curve is prepared by sp_beam_spring_ready, once, from the
 * input of the last call (a stage may set a spring's input twice: the
 * halves' own pressures, then their mean). */
void sp_beam_spring_prepare(sp_beam_spring_t *sp);

/* Prepare the curve if sp_beam_spring_prepare found its input changed
 * (before the spring is used: sp_beam_solve_stage), and restart a spring
 * that ended a stage on the new curve: the pressure at the displacement of
 * the last stage's end is that stage's step from the neutral pressure on
 * the new neutral pressure, clipped at the new active and passive
 * pressures, p = clip(p_last + N - N_last, pa, pp), and the new moduli
 * apply to the displacement from there (D-Sheet Piling, bm4-17d.shd stage 3
 * and bm3-11.shd stage 2: docs/validation.md, "The spring across a change of
 * soil profile"). Where the spring's state already gives that pressure (the
 * same moduli, within the limits) it is kept as it is. */
void sp_beam_spring_ready(sp_beam_spring_t *sp);

/* Pressure of a spring at displacement s into the soil; *slope = dp/ds. */
double sp_beam_spring_pressure(const sp_beam_spring_t *sp, double s, double *slope);

/* The soil force of one node as a linear function of its displacement w
 * (to the right): f = f0 + f1 w and tangent stiffness k while w stays in
 * [w_lo, w_hi], where none of the node's springs changes branch. The curves
 * are piecewise linear, so a Newton iteration usually finds most nodes in the
 * piece of the last one; w_lo > w_hi marks a piece not known yet. */
typedef struct {
	double w_lo, w_hi;
	double f0, f1;
	double k;
} sp_beam_spring_piece_t;

/* Forget the pieces of n nodes (the curves, shifts or turning points changed:
 * a new stage). */
void sp_beam_spring_pieces_reset(sp_beam_spring_piece_t *pc, int n);

/* Soil forces at displacement u of n nodes (u[2 i]: node i's, to the right)
 * from their springs, spr[4 i + 2 side + half] (side SP_LEFT, SP_RIGHT;
 * half 0 above the node, 1 below): adds the sum of pressure x tributary
 * length, positive to the right, to f[2 i]. k (unless NULL): k[i] = the
 * node's tangent stiffness (a plastic spring keeps 1e-9 of its first
 * branch's, so that the stiffness matrix stays positive definite). pc: the
 * nodes' pieces (above), found again where u left them. The force is that of
 * sp_beam_spring_pressure within the round-off of a linear function's
 * evaluation. */
void sp_beam_spring_forces(const sp_beam_spring_t *spr, sp_beam_spring_piece_t *pc, int n, const double *u, double *f,
                           double *k);

/* The work of the soil forces at u along dx: sum over the n nodes of their
 * force (as sp_beam_spring_forces) times dx[2 i]. */
double sp_beam_spring_work(const sp_beam_spring_t *spr, sp_beam_spring_piece_t *pc, int n, const double *u,
                           const double *dx);

/* The soil of this spring moves by ds (m, into the spring's soil positive,
 * i.e. towards the wall): its curve and turning point move with it, so the
 * spring pushes as the displacement of the wall relative to the soil says
 * (given soil displacements, wall.h). */
void sp_beam_spring_move_soil(sp_beam_spring_t *sp, double ds);

/* End of a stage at displacement s: the spring keeps its plastic shift, its
 * turning point and the pressure step at s (the next stage's restart). */
void sp_beam_spring_commit(sp_beam_spring_t *sp, double s);

#endif
