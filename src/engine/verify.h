/* verify.h - D-Sheet Piling's verification of a wall with a partial factor
 * set (docs/dsheet-verification.md): the wall analysed again with factored
 * soil parameters and geometry, and the design length's series of shorter
 * walls. Pure: the beam engine on copies of the wall. */
#ifndef SP_VERIFY_H
#define SP_VERIFY_H

#include "beam_result.h"
#include "wall.h"

/* A verification step: which modulus of subgrade reaction and which passive
 * water level (CUR 166 method A steps 6.1 .. 6.4), or the factored run of
 * a Eurocode set (SP_STEP_FACTORED). */
typedef enum {
	SP_STEP_LOW_K_HIGH_WATER = 0, /* CUR step 6.1 */
	SP_STEP_HIGH_K_HIGH_WATER,    /* 6.2 */
	SP_STEP_LOW_K_LOW_WATER,      /* 6.3 */
	SP_STEP_HIGH_K_LOW_WATER,     /* 6.4 */
	SP_STEP_FACTORED,             /* EC7: the set's factors, one run */
	SP_STEP_N
} sp_verify_step;

/* One stage's result of one verification step, signed as D-Sheet prints. */
typedef struct {
	int ok;                         /* the stage reached equilibrium */
	double max_moment_kNm_per_m;    /* largest positive moment (times the effect factor) */
	double min_moment_kNm_per_m;    /* most negative moment */
	double moment_kNm_per_m;        /* the signed moment of largest magnitude */
	double displacement_mm;         /* the signed displacement of largest magnitude */
	double anchor_force_kN_per_m;   /* the largest anchor or strut force (along it, as D-Sheet) */
	double mobilised_pct;           /* the larger of the two sides' mobilised resistance */
} sp_verify_stage_t;

/* The wall of a step: *out = *w with the set applied (see the .c file).
 * SP_OK, or SP_EDATA when a load needs a factored copy and there is no
 * room for it. */
int sp_verify_wall(const sp_wall_t *w, const sp_factor_set_t *f, sp_verify_step step, sp_wall_t *out, sp_err_t *err);

/* The wall shortened (or lengthened) to length_m: the toe moved, the
 * elements below it dropped, the last one ending at the toe. */
void sp_verify_wall_length(sp_wall_t *w, double length_m);

/* Analyse w under step of set f; out[s] for every stage. SP_OK, or the
 * beam engine's error. */
int sp_verify_run(const sp_wall_t *w, const sp_factor_set_t *f, sp_verify_step step,
                  sp_verify_stage_t out[SP_WALL_MAX_STAGES], sp_err_t *err);

/* CUR 166 method B (D-Sheet Piling's "Verify Sheet Piling according to
 * CUR Method B"): the stages before stage (0-based) characteristic, as in
 * w, and stage itself as step of set f makes it (sp_verify_wall: its
 * surfaces and water levels, its loads, and on each side a soil profile of
 * factored copies of its soils, so that the beam engine carries the
 * characteristic state of the stage before into the factored stage as at
 * any change of soil profile). *out has stage + 1 stages. SP_OK, or
 * SP_EDATA when the copies do not fit (soils, profiles, loads). */
int sp_verify_wall_b(const sp_wall_t *w, const sp_factor_set_t *f, sp_verify_step step, int stage, sp_wall_t *out,
                     sp_err_t *err);

/* Analyse sp_verify_wall_b's wall: out[0 .. stage], out[stage] the step's
 * result (times f's effect factor). */
int sp_verify_run_b(const sp_wall_t *w, const sp_factor_set_t *f, sp_verify_step step, int stage,
                    sp_verify_stage_t out[SP_WALL_MAX_STAGES], sp_err_t *err);

/* The characteristic run (no factors): the serviceability step 6.5 of CUR. */
int sp_verify_run_plain(const sp_wall_t *w, sp_verify_stage_t out[SP_WALL_MAX_STAGES], sp_err_t *err);

#endif
