/* wall_calc.h - the calculation type of a D-Sheet Piling model and the
 * partial factors of its verification (D-Sheet Piling [CALCULATION OPTIONS]
 * and [PARTIAL FACTORS ...]).
 *
 * Standard and allowable-anchor-force calculations analyse the wall as
 * given. A verification analyses it again with a partial factor set applied
 * (engine/verify.h); a design of the sheet piling length repeats that
 * verification on shorter and shorter walls. Plain data, copied with the
 * wall. */
#ifndef SP_WALL_CALC_H
#define SP_WALL_CALC_H

enum { SP_CALC_STANDARD = 0, SP_CALC_DESIGN_LENGTH = 1, SP_CALC_VERIFY = 2, SP_CALC_ANCHOR_FORCE = 3 };

/* the verification's rules (D-Sheet VerifyType) */
enum { SP_VERIFY_CUR = 0, SP_VERIFY_EC7 = 1, SP_VERIFY_EC7_NL = 2, SP_VERIFY_EC7_BE = 3, SP_VERIFY_N };

#define SP_CALC_MAX_SETS 2 /* EC7 DA1 and the Belgian annex verify with two sets */
#define SP_CALC_MAX_STAGES 64 /* = SP_WALL_MAX_STAGES (wall.h) */

/* One partial factor set, the names of D-Sheet Piling's [PARTIAL FACTORS]. */
typedef struct {
	char name[48];                   /* e.g. "CUR I", "EUROCODE DA2" */
	double load_perm_unfav, load_perm_fav, load_var_unfav, load_var_fav;
	double effect_factor;            /* on the effects (moments, forces) */
	double effect_factor_var_unfav;
	double cohesion_factor;          /* c_d = c / factor */
	double tan_phi_factor;           /* tan(phi_d) = tan(phi) / factor, delta in ratio */
	double subgrade_factor;          /* modulus of subgrade reaction f, g = min(f, 1/f): CUR
	                                  * low k/g, high k(1+g)/g; EC7 k/f */
	double resistance_factor;        /* FactorOnResistance: read, not applied (D-Sheet's
	                                  * pressures and mobilisation do not show it,
	                                  * docs/dsheet-verification.md) */
	double retaining_height_inc_pct; /* excavation allowance, % of the retained height */
	double retaining_height_inc_max_m;
	double retaining_height_inc_dry_m;
	double passive_surface_drop_m;   /* CUR: the passive surface lowered */
	double passive_water_delta_m;    /* CUR: the passive water level raised and lowered */
	double active_water_rise_m;      /* CUR: the active water level raised */
	double representative_factor;    /* CUR step 6.5 x this: the characteristic moments and
	                                  * anchor forces times it (FactorRepValuesMDPmax, else
	                                  * CUROverallAnchorFactor; 0: none) */
} sp_factor_set_t;

typedef struct {
	int type;          /* SP_CALC_* */
	int verify;        /* SP_VERIFY_*: rules of the verification (type 1 and 2) */
	int method_b;      /* CUR method B (1) or A (0) */
	/* CUR method B: the stages verified (D-Sheet's StageVerify=1), each
	 * with the stages before it characteristic and itself under sets[0]
	 * (engine/verify.h sp_verify_wall_b), and the factor of its step
	 * 6.5 x factor (StageAnchorFactor; 0: none) */
	unsigned char stage_verified[SP_CALC_MAX_STAGES];
	double stage_rep_factor[SP_CALC_MAX_STAGES];
	/* design of the sheet piling length (type 1) */
	int design_stage;  /* 0-based */
	double design_from_m, design_to_m, design_step_m;
	sp_factor_set_t sets[SP_CALC_MAX_SETS];
	int n_sets;
} sp_wall_calc_t;

/* 1 when rule verify runs CUR 166's design procedure (steps 6.1 .. 6.4, low
 * and high modulus x high and low passive water, and 6.5 x factor): CUR and
 * the Dutch annex, whose method is "according to CUR 166 design procedure"
 * (GEOLib's VerifyCalculationOptions.ec7_nl_method) and whose sets carry
 * CUR's passive-water change and representative factor; 0 when each set is
 * one factored run (EC7, the Belgian annex: bm4-16a, bm4-21a, bm4-25a). */
static inline int sp_calc_cur_procedure(int verify)
{
	return verify == SP_VERIFY_CUR || verify == SP_VERIFY_EC7_NL;
}

#endif
