/* beam_result.h - the results of the beam engine (beam.h): per stage its
 * status, extremes, tie forces and mobilised resistance, and per node (on
 * request) the displacement, moment, shear and pressures; and their free.
 * beam.h includes this header: its users need not. */
#ifndef SP_BEAM_RESULT_H
#define SP_BEAM_RESULT_H

#include <stddef.h>
#include "wall.h"

typedef enum {
	SP_BEAM_OK = 0,
	SP_BEAM_NOT_CONVERGED = 1,  /* iteration limit reached */
	SP_BEAM_NO_EQUILIBRIUM = 2, /* the soil and supports cannot carry the loads (mechanism) */
	SP_BEAM_PLASTIC_HINGE = 3   /* no longer set: plastic hinges are computed (beam_bending.h), a mechanism of
	                               them is SP_BEAM_NO_EQUILIBRIUM; kept for the numbering */
} sp_beam_status;

/* Results at one node (levels top-down). */
typedef struct {
	double level_m;
	double displacement_mm;
	double moment_kNm_per_m;
	double shear_kN_per_m;
	double effective_kPa[2];    /* horizontal effective earth pressure, left and right */
	double water_kPa[2];        /* water pressure, left and right */
	double active_kPa[2], neutral_kPa[2], passive_kPa[2]; /* effective limits and neutral */
} sp_beam_node_t;

typedef struct {
	sp_beam_status status;
	char reason[128];
	int iterations;
	/* Extremes: the signed value of largest magnitude. */
	double max_moment_kNm_per_m, max_moment_level_m;
	double max_shear_kN_per_m;
	double max_displacement_mm, top_displacement_mm;
	double anchor_force_kN_per_m[SP_WALL_MAX_ITEMS]; /* along the anchor, tension positive */
	double strut_force_kN_per_m[SP_WALL_MAX_ITEMS];  /* along the strut, compression positive */
	/* Mobilised passive resistance: sum of effective pressure over the sum of
	 * the passive pressure, per side, in percent. */
	double mobilised_pct[2];
	sp_beam_node_t *nodes;      /* owned; NULL unless requested */
	size_t n_nodes;
} sp_beam_stage_result_t;

typedef struct {
	int n_stages;
	sp_beam_stage_result_t stage[SP_WALL_MAX_STAGES];
} sp_beam_result_t;

/* Free the per-node results of every stage (r may be NULL); r itself
 * belongs to the caller. */
void sp_beam_result_free(sp_beam_result_t *r);

/* What a stage's status says in a candidate's reason: "no equilibrium",
 * "plastic hinge (not computed)" or "not converged". */
const char *sp_beam_status_name(sp_beam_status status);

#endif
