/* study.h - the study file (INI, libinih) -> a validated sp_study_t.
 *
 * sp_study_read() parses, applies defaults and checks every value; each error
 * names file:line, the section and key and what was expected. The key reference
 * is docs/study-file.md. */
#ifndef SP_STUDY_H
#define SP_STUDY_H

#include <stddef.h>
#include "sp.h"
#include "wall.h"

#define SP_PATH_MAX 4096

/* The earth pressure theory of [design] earth_pressure (engine/earth.h). */
typedef enum {
	SP_EARTH_RANKINE = 0, /* no wall friction: delta is ignored */
	SP_EARTH_COULOMB = 1, /* plane failure surface */
	SP_EARTH_EC7 = 2      /* EN 1997-1 Annex C.2, curved failure surface */
} sp_earth_theory;

typedef enum { SP_DRAINED = 0, SP_UNDRAINED = 1 } sp_drainage;

typedef struct {
	char name[SP_NAME_MAX];
	double top_level_m;        /* level of the top of the layer */
	double gamma_kN_m3;        /* unit weight above the water table */
	double gamma_sat_kN_m3;    /* saturated unit weight below the water table */
	double phi_deg;            /* effective angle of friction phi' */
	double c_kPa;              /* effective cohesion c' */
	double delta_deg;          /* wall friction angle delta */
	sp_drainage drainage;      /* drained (c'-phi') or undrained (total stress, c_u) */
	double cu_kPa;             /* undrained shear strength (undrained layers) */
	double kh_kN_m3;           /* modulus of subgrade reaction (beam engine); 0 = not given */
	double ka_given, kp_given; /* horizontal Ka / Kp given directly (override the theory); 0 = not given */
	int line;                  /* line of the [layer ...] header, for messages */
} sp_layer_t;

typedef enum {
	SP_SAFETY_KP_FACTOR = 0,        /* passive coefficient divided by kp_factor */
	SP_SAFETY_EMBEDMENT_FACTOR = 1, /* required embedment = embedment_factor x equilibrium depth */
	SP_SAFETY_EC7_DA1_C2 = 2,       /* EN 1997-1 DA1 combination 2: A2 + M2 + R1 */
	SP_SAFETY_EC7_DA1_C1 = 3,       /* EN 1997-1 DA1 combination 1: A1 + M1 + R1 */
	SP_SAFETY_EC7_DA1 = 4,          /* EN 1997-1 DA1: both combinations, the worse per quantity */
	SP_SAFETY_EC7_DA2 = 5,          /* EN 1997-1 DA2: A1 + M1 + R2 */
	SP_SAFETY_EC7_DA3 = 6           /* EN 1997-1 DA3: A2 + M2 + R3 (no structural actions) */
} sp_safety;

typedef enum { SP_CANTILEVER_FULL = 0, SP_CANTILEVER_BLUM = 1 } sp_cantilever_method;
typedef enum { SP_OBJ_COST = 0, SP_OBJ_MASS = 1, SP_OBJ_CO2 = 2, SP_OBJ_WEIGHTED = 3 } sp_objective;
/* exhaustive: every candidate; min-length: per (profile, grade, anchor option)
 * the shortest feasible length by bisection (eval/search.h) */
typedef enum { SP_SEARCH_EXHAUSTIVE = 0, SP_SEARCH_MIN_LENGTH = 1, SP_SEARCH_BEST_FIRST = 2 } sp_search_strategy;
typedef enum { SP_METHOD_LE = 0, SP_METHOD_SUBGRADE = 1 } sp_method;
typedef enum { SP_UPILE_SINGLES = 0, SP_UPILE_CRIMPED = 1 } sp_upile_unit;
typedef enum { SP_COND_HIGHLY_UNFAVOURABLE = 0, SP_COND_UNFAVOURABLE = 1, SP_COND_FAVOURABLE = 2 } sp_ground_condition;

/* [design] resistance: the bending resistance of class 1 and 2 sections
 * (EN 1993-5 5.2.2(2)); class 3 is always elastic. */
typedef enum { SP_RESIST_ELASTIC = 0, SP_RESIST_PLASTIC = 1 } sp_resistance;

/* [durability]: exposures of EN 1993-5 Tables 4.1 (soils) and 4.2 (water),
 * in the order of sp_study_exposure_words; the losses are in
 * engine/corrosion.h. Index 0 is the retained face, 1 the excavation face. */
typedef enum {
	SP_EXP_UNDISTURBED_SOIL = 0,
	SP_EXP_POLLUTED_SOIL,
	SP_EXP_AGGRESSIVE_SOIL,
	SP_EXP_NONCOMPACTED_FILL,
	SP_EXP_NONCOMPACTED_AGGRESSIVE_FILL,
	SP_EXP_COMPACTED_FILL,            /* the non-compacted value / 2 (note to Table 4.1) */
	SP_EXP_COMPACTED_AGGRESSIVE_FILL, /* idem */
	SP_EXP_FRESH_WATER,
	SP_EXP_POLLUTED_FRESH_WATER,
	SP_EXP_SEA_WATER_HIGH_ATTACK,
	SP_EXP_SEA_WATER_IMMERSION,
	SP_EXP_N
} sp_exposure;
enum { SP_FACE_RETAINED = 0, SP_FACE_EXCAVATION = 1 };

typedef struct {
	int enabled;               /* 1: the study has a [durability] section */
	double design_life_years;  /* 5 .. 100 (0 when both losses are given directly) */
	int exposure[2];           /* an sp_exposure per face, -1 when the loss is given */
	double loss_given_mm[2];   /* loss_retained_mm / loss_excavation_mm; -1 when from an exposure */
	int line;                  /* line of the [durability] header, for messages */
} sp_durability_t;

/* [sensitivity]: the parameters varied for the best designs. Amounts are
 * changes (one at a time, samples = 0) or standard deviations (Monte Carlo,
 * samples > 0), in the unit of the key named by sp_sens_param_key(). */
typedef enum {
	SP_SENS_PHI = 0,        /* phi_deg: phi' of every drained layer, deg */
	SP_SENS_C,              /* c_kPa: c' of every drained layer, kPa */
	SP_SENS_GAMMA,          /* gamma_kN_m3: both unit weights of every layer, kN/m3 */
	SP_SENS_CU,             /* cu_kPa: c_u of every undrained layer, kPa */
	SP_SENS_WATER_RETAINED, /* water_retained_m: water level, retained (left) side, m */
	SP_SENS_WATER_EXCAVATION, /* water_excavation_m: water level, excavation (right) side, m */
	SP_SENS_SURCHARGE,      /* surcharge_kPa: the surcharge on the retained ground, kPa */
	SP_SENS_N
} sp_sens_param;

typedef struct {
	int enabled;               /* 1: the study has a [sensitivity] section */
	int top;                   /* best designs studied */
	int samples;               /* 0: one parameter at a time, +-amount; > 0: Monte Carlo samples */
	unsigned long seed;        /* Monte Carlo: seed of sample i is derived from (seed, i) */
	double amount[SP_SENS_N];  /* change or standard deviation; 0 = not varied */
	int line;                  /* line of the [sensitivity] header, for messages */
} sp_sensitivity_t;

/* The study-file key (and CSV parameter name) of a parameter, e.g. "phi_deg". */
const char *sp_sens_param_key(sp_sens_param p);

/* [solver]: an external program does the analyses (engine exec). See
 * docs/study-file.md and solver_io.h for the placeholders and formats. */
#define SP_SOLVER_MAX_CODES 16
typedef struct {
	char command[2048];           /* words split on blanks (quotes group), then {placeholders} */
	int line;                     /* line of the [solver] header, for messages */
	char input_format[32];        /* a name of solver_io.h's input table */
	char output_format[32];       /* a name of solver_io.h's output table */
	char input_template[SP_PATH_MAX]; /* input_format = template: the file, resolved */
	char input_file[256];         /* name of the input file in the job's work directory */
	char output_file[256];        /* name of the output file in the job's work directory */
	double timeout_s;             /* per attempt; 0 = none */
	int retries;                  /* further attempts after a crash, non-zero exit or timeout */
	double retry_backoff_s;       /* wait before a retry, doubled after each */
	double kill_grace_s;          /* SIGTERM to SIGKILL */
	int denied_codes[SP_SOLVER_MAX_CODES]; /* exit codes meaning "licence denied" */
	size_t n_denied_codes;
	char denied_pattern[512];     /* POSIX extended regex on stdout/stderr; "" = none */
	int denied_retries;           /* most licence-denied attempts of one job */
	int keep_work;                /* 1: keep every work directory; 0: only failed ones */
} sp_solver_t;

/* One point of the anchor axis: no anchor (cantilever) or an anchor at a level. */
typedef struct {
	int anchored;              /* 0: cantilever */
	double level_m;            /* anchor level (only when anchored) */
} sp_anchor_option_t;

typedef struct {
	char path[SP_PATH_MAX];    /* the study file as given */
	char name[SP_NAME_MAX];    /* [study] name */
	char description[256];

	/* [geometry] */
	double top_of_wall_m;      /* level of the top of the wall */
	double retained_level_m;   /* ground level on the retained side */
	double excavation_level_m; /* ground level on the excavation (passive) side */

	/* [layer NAME] sections, top-down */
	sp_layer_t *layers;
	size_t n_layers;

	/* [water] */
	double water_retained_m;   /* water level on the retained side */
	double water_excavation_m; /* water level on the excavation side */
	double gamma_w_kN_m3;

	/* [loads] */
	double surcharge_kPa;      /* uniform surcharge on the retained side */
	int surcharge_variable;    /* 1: variable action (factored in EC7 DA1-C2) */

	/* [anchor] */
	sp_anchor_option_t *anchors;
	size_t n_anchors;
	double anchor_inclination_deg; /* below horizontal */
	double anchor_spacing_m;       /* horizontal spacing of anchors */
	double anchor_capacity_kN;     /* design resistance of one anchor; 0 = not checked */
	double anchor_area_m2_per_m;   /* subgrade: tendon cross-section per m run */
	double anchor_length_m;        /* free length of the tendon (subgrade); wall to anchorage (Kranz) */
	double anchorage_height_m;     /* Kranz: height of the anchor wall at the tendon's end; 0 = a point */
	int kranz_checked;             /* [anchor] length_m given: anchored candidates get the Kranz check */

	/* [search] */
	char (*profiles)[SP_NAME_MAX]; /* resolved names (after 'all' expansion by the caller) */
	size_t n_profiles;
	int all_profiles;              /* profiles = all */
	char (*grades)[SP_NAME_MAX];
	size_t n_grades;
	double *lengths_m;
	size_t n_lengths;
	int profiles_line, grades_line; /* for messages naming the key */
	sp_search_strategy search;     /* [search] strategy */
	int refine_anchor;             /* [search] refine_anchor: continuous anchor level of the best design */
	double refine_anchor_tol_m;    /* its tolerance on the level */

	/* [design] */
	sp_method method;
	sp_earth_theory earth_pressure;
	sp_cantilever_method cantilever_method;
	sp_safety safety;
	double kp_factor;           /* SP_SAFETY_KP_FACTOR */
	double embedment_factor;    /* SP_SAFETY_EMBEDMENT_FACTOR */
	double blum_toe_extension;  /* Blum: extra embedment below the point of rotation, fraction of it */
	/* EN 1997-1 Annex A partial factors of the ec7-* conventions (engine/pressure.h
	 * sp_factors_at applies them): M2 on tan phi', c', c_u and the weight
	 * density; A1 and A2 on permanent (G) and variable (Q) actions; gamma_R;e
	 * on earth resistance of the sets R1, R2 and R3 */
	double gamma_phi, gamma_c, gamma_cu, gamma_gamma; /* M2 */
	double gamma_g, gamma_q_a1;                       /* A1 */
	double gamma_g_a2, gamma_q;                       /* A2 */
	double gamma_r_e_r1, gamma_r_e, gamma_r_e_r3;     /* R1, R2, R3 */
	double moment_factor;       /* design bending moment = factor x analysed moment */
	double anchor_force_factor; /* design anchor force = factor x analysed force */
	double kranz_factor;        /* Kranz: util_kranz = design anchor force x factor / allowable force */
	double gamma_M0;            /* EN 1993-5 partial factor on steel resistance */
	double hyd_gamma_g_dst;     /* EN 1997-1 A.5 HYD: factor on destabilising permanent actions (heave) */
	double hyd_gamma_g_stb;     /* EN 1997-1 A.5 HYD: factor on stabilising permanent actions (heave) */
	double gamma_M1;            /* EN 1993-5 partial factor on member buckling (5.13) */
	/* [design] verification (subgrade only): D-Sheet Piling's verification of
	 * each candidate with these partial factor sets (core/partial_factors.h,
	 * engine/verify_design.h); the table's sets, [partial-factors N] keys
	 * overriding them */
	int verification;           /* sp_partial_factors_verification, 0 = none */
	int verification_class;     /* index into its class words; -1 when it has none */
	sp_factor_set_t verification_sets[SP_CALC_MAX_SETS];
	int n_verification_sets;
	int verification_final_only; /* cur-b: 1 verify the final stage only, 0 every stage */
	sp_resistance resistance;   /* elastic or plastic bending resistance of class 1-2 sections */
	sp_upile_unit upile_unit;
	sp_ground_condition upile_condition;
	int tension_cut_off;        /* 1: active earth pressure never below zero (default) */
	double deflection_limit_mm; /* used by displacement-producing engines */
	double mobilised_limit_pct; /* beam engine: largest mobilised passive resistance allowed */
	double max_embedment_m;     /* search limit for the embedment root */
	double embedment_tol_m;     /* root-finding tolerance on embedment */
	int max_iterations;

	/* [cost] */
	double *steel_price_per_kg; /* per grade, parallel to grades */
	double installation_per_m2; /* driving/installation cost per m2 of wall */
	double anchor_cost_each;    /* cost of one anchor */
	double co2_kg_per_kg_steel; /* embodied carbon of the steel */
	char currency[16];
	sp_objective objective;
	/* objective = weighted: weights of cost, mass and CO2, normalised to sum 1
	 * (each quantity is divided by its smallest value over the search space) */
	double weight_cost, weight_mass, weight_co2;

	/* [run] */
	int licenses;
	int threads;                /* 0 = all cores */
	int top_k;
	char catalogue_path[SP_PATH_MAX]; /* profiles CSV, resolved against the study's folder */
	char grades_path[SP_PATH_MAX];

	sp_sensitivity_t sensitivity; /* [sensitivity] */
	sp_durability_t durability;   /* [durability]; enabled = 0 when absent (no corrosion allowance) */

	/* method = subgrade: the wall model from [subgrade], the layers, [wall],
	 * the item sections and [stage] sections (see study_wall.h). Owned; NULL
	 * for other methods. Without [wall] it holds no elements: the adapter
	 * sets EI, length and the anchor per candidate (sp_study_wall_for_case). */
	sp_wall_t *wall;
	int wall_fixed;             /* 1: [wall] given, the study analyses exactly that wall */

	/* [solver]: owned; NULL when the built-in engine of [design] method
	 * does the analyses (then also by `sheetpile evaluate`) */
	sp_solver_t *solver;
} sp_study_t;

/* The reader is study_read.h (sp_study_read). */
void sp_study_free(sp_study_t *st); /* accepts NULL */

struct sp_catalogue;
/* Expand profiles = all and check every profile and grade name against the
 * catalogue; errors name the study file:line of the key. The EN 1993-5
 * checks (shear, class, corrosion) need a profile's flange and web
 * thickness: 'all' expands to the profiles that have both, and a profile
 * named without them is an error. */
int sp_study_resolve(sp_study_t *st, const struct sp_catalogue *cat, sp_err_t *err);

/* Number of candidates of the search space. */
size_t sp_study_n_candidates(const sp_study_t *st);

/* Whether the study is a fixed wall without a search space (an imported
 * D-Sheet Piling project): its stages are the answer, nothing is ranked. */
int sp_study_fixed_wall_only(const sp_study_t *st);

/* The words of the keys that take one, in the order of their enums
 * (NULL-terminated), and the keys of [sensitivity] (sp_sens_param order). */
extern const char *const sp_study_safety_words[], *const sp_study_objective_words[],
	*const sp_study_search_words[], *const sp_study_cantilever_words[], *const sp_study_theory_words[],
	*const sp_study_method_words[], *const sp_study_drainage_words[], *const sp_study_action_words[],
	*const sp_study_upile_words[], *const sp_study_yesno_words[], *const sp_study_condition_words[],
	*const sp_study_resistance_words[], *const sp_study_exposure_words[];
extern const char *const sp_study_sens_keys[];

const char *sp_safety_name(sp_safety s);
const char *sp_objective_name(sp_objective o);
const char *sp_search_name(sp_search_strategy s);
const char *sp_cantilever_name(sp_cantilever_method m);
/* The method in words, for the report and `check`. */
const char *sp_method_description(sp_method m);

#endif
