/* shi_stage.h - the construction stages of a .shi file: the surfaces and
 * water levels they refer to by name, [CONSTRUCTION STAGES] into w->stages
 * (what each applies: surfaces, water levels, anchors, supports, loads) and
 * [CALCULATION OPTIONS PER STAGE]. Each reader reads its section after the
 * [NAME] line, up to and including [END OF NAME], and returns SP_OK or
 * SP_EDATA with "file:line: [SECTION] message" (shi_scan.h). */
#ifndef SP_SHI_STAGE_H
#define SP_SHI_STAGE_H

#include "shi_scan.h"
#include "shi_soil.h"
#include "wall.h"

#define SP_SHI_STAGE_MAX_NAMED 64 /* surfaces, water levels */

/* A surface or a water level. */
typedef struct {
	char name[SP_NAME_MAX];
	double level_m;
	int sloping;
	int line;
	int n_points;               /* surfaces: the points after the first */
	double x_m[SP_WALL_MAX_SURFACE_POINTS], z_m[SP_WALL_MAX_SURFACE_POINTS];
} sp_shi_stage_named_t;

enum { SP_SHI_STAGE_CUR = 0, SP_SHI_STAGE_NL = 1, SP_SHI_STAGE_BE = 2 };

/* What the stages refer to, read so far (zero it before the first section). */
typedef struct {
	sp_shi_stage_named_t surfaces[SP_SHI_STAGE_MAX_NAMED];
	int n_surfaces;
	sp_shi_stage_named_t water[SP_SHI_STAGE_MAX_NAMED];
	int n_water;
	int n_options, options_line; /* [CALCULATION OPTIONS PER STAGE]: items, and its line (0: absent) */
	/* the first stage that asks for a verification (StageVerify*=1): its
	 * line (0: none) and message; it matters only with [MODEL]
	 * "Verification = TRUE" (shi.c) */
	int verify_line;
	char verify_what[120];
	/* per stage, for method B (shi_calc.c), by rule (SP_SHI_STAGE_CUR,
	 * _NL, _BE): StageVerify, StageVerifyEC7NADNL, StageVerifyEC7NADBE; the
	 * set StagePartialFactorSetCUR (0 = CUR I), StagePartialFactorSetEC7NADNL,
	 * StageRiskClassEC7NADBE (0-based); StageAnchorFactor,
	 * StageAnchorFactorEC7NADNL (the Belgian annex has none: 0); the
	 * [STAGE]'s line */
	int stage_verify[3][SP_WALL_MAX_STAGES], stage_set[3][SP_WALL_MAX_STAGES];
	double stage_anchor_factor[3][SP_WALL_MAX_STAGES];
	int stage_line[SP_WALL_MAX_STAGES];
} sp_shi_stage_t;

/* [SURFACES]: level at the wall, and the points beyond it of a sloping one. */
int sp_shi_stage_read_surfaces(sp_shi_stage_t *sg, sp_shi_scan_t *in);
/* [WATERLEVELS] */
int sp_shi_stage_read_water_levels(sp_shi_stage_t *sg, sp_shi_scan_t *in);
/* [CONSTRUCTION STAGES], after the surfaces, water levels and soil profiles
 * (soil) and every item the stages name. method: the earth pressure method
 * of [MODEL] (0 Ka Ko Kp, 1 c phi delta, 2 mixed). */
int sp_shi_stage_read(const sp_shi_stage_t *sg, sp_shi_scan_t *in, sp_wall_t *w, int method,
		      const sp_shi_soil_t *soil);
/* [CALCULATION OPTIONS PER STAGE]: refuses design verification. */
int sp_shi_stage_read_options(sp_shi_stage_t *sg, sp_shi_scan_t *in);

#endif
