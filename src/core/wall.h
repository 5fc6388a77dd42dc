/* wall.h - the subgrade-reaction model of one wall (the D-Sheet Piling model).
 *
 * A wall is a beam (Euler-Bernoulli, EI may change along it) with soil on its
 * left and right side. Each side's soil acts through elastoplastic springs
 * that start from the neutral (K0) pressure and are bounded by the active and
 * passive pressures; the modulus of subgrade reaction has 1 to 4 branches.
 * Construction stages change surfaces, water levels, loads and supports; each
 * stage starts from the state the previous one left.
 *
 * Conventions (those of D-Sheet Piling):
 * - levels in m, upwards positive; horizontal distances from the wall in m;
 * - a positive displacement, line load or pressure resultant points to the
 *   right (towards the right-hand soil);
 * - all forces per m run of wall (kN/m), moments kNm/m, stiffness kNm2/m;
 * - side 0 is left, side 1 is right.
 *
 * The model is plain data with fixed-size arrays, so it can be copied and
 * shared read-only between threads. */
#ifndef SP_WALL_H
#define SP_WALL_H

#include "sp.h"
#include "wall_calc.h"

#define SP_WALL_BRANCHES 4    /* branches of the modulus of subgrade reaction */
#define SP_WALL_MAX_SOILS 32
#define SP_WALL_MAX_LAYERS 64
#define SP_WALL_MAX_ELEMENTS 64
#define SP_WALL_MAX_ITEMS 32  /* anchors, struts, supports, loads of each kind */
#define SP_WALL_MAX_STAGES 64
#define SP_WALL_MAX_SURCHARGE_POINTS 16
#define SP_WALL_MAX_SURFACE_POINTS 16 /* points of a sloping surface beyond the wall */
#define SP_WALL_MAX_PROFILES 8  /* soil profiles besides the wall's own layers */
#define SP_WALL_MAX_SOIL_DISPLACEMENTS 64 /* points of the given soil displacements */
#define SP_WALL_NOTES_MAX 1024  /* notes of the importer (what it read but does not compute) */

enum { SP_LEFT = 0, SP_RIGHT = 1 };

/* The beam engine's nodes (engine/beam_work.c, study key [subgrade] mesh):
 * UNIFORM, every interval between two key levels cut into equal elements no
 * longer than max_element_m (native studies); DSHEET, D-Sheet Piling's own
 * points, its major nodes (engine/major_nodes.h) with every major segment cut
 * into 5 equal elements (1 for a plastic or a diaphragm wall), what the
 * importer sets (the pressure of a surcharge rises over D-Sheet's first
 * element below the surface, whose point carries none: bm4-5a, bm4-5b). */
enum { SP_WALL_MESH_UNIFORM = 0, SP_WALL_MESH_DSHEET = 1 };

/* How a side's earth pressure coefficients are obtained in a stage. */
typedef enum {
	SP_KMETHOD_GIVEN = 0,   /* Ka, K0, Kp as given per soil (D-Sheet "Ka, Ko, Kp") */
	SP_KMETHOD_CPHID = 1    /* from c, phi, delta (D-Sheet "C, phi, delta") */
} sp_kmethod;

typedef struct {
	char name[SP_NAME_MAX];
	double gamma_dry_kN_m3;     /* unit weight above the water level */
	double gamma_wet_kN_m3;     /* unit weight below the water level */
	double c_kPa;               /* cohesion */
	double phi_deg;             /* angle of internal friction */
	double delta_deg;           /* angle of wall friction */
	double ocr;                 /* over-consolidation ratio (K0 from c-phi-delta) */
	double ka, k0, kp;          /* horizontal coefficients (SP_KMETHOD_GIVEN) */
	/* Modulus of subgrade reaction per branch at the top and bottom of a
	 * layer of this soil (kN/m3); branches beyond the wall's n_branches are
	 * unused. */
	double kh_top_kN_m3[SP_WALL_BRANCHES];
	double kh_bottom_kN_m3[SP_WALL_BRANCHES];
	/* Unloading/reloading modulus (used when the wall has unloading_curve). */
	double kh_unload_top_kN_m3, kh_unload_bottom_kN_m3;
	/* End of branches 1..3 as a percentage of the way from neutral to the
	 * passive (or active) pressure, e.g. 50, 80, 90. */
	double branch_end_pct[SP_WALL_BRANCHES - 1];
} sp_wall_soil_t;

typedef struct {
	double top_level_m;
	int soil;                   /* index into soils */
	double excess_pore_top_kPa, excess_pore_bottom_kPa;
} sp_wall_layer_t;

/* A soil profile that a stage may put on one side instead of the wall's
 * layers (D-Sheet Piling: a profile per side and per stage, e.g. excess pore
 * pressure under one side, other soil on one side, soil replaced between
 * stages). Layers top-down, their soils indices into the wall's soils. */
typedef struct {
	char name[SP_NAME_MAX];
	sp_wall_layer_t layers[SP_WALL_MAX_LAYERS];
	int n_layers;
} sp_wall_profile_t;

/* A wall segment from the previous element's bottom (or the top of the
 * wall) down to bottom_level_m. */
typedef struct {
	char name[SP_NAME_MAX];
	double bottom_level_m;
	double ei_kNm2_per_m;       /* bending stiffness per m run (reduction factor applied) */
	double acting_width_m;      /* width over which the soil acts per m run (1 for sheet piling) */
	double plastic_moment_kNm_per_m; /* plastic calculation: the moment the element cannot exceed (0: elastic) */
	/* Diaphragm wall (wall diaphragm): the moment-curvature diagram, per sign
	 * of the moment ([0] positive, [1] negative): EI (ei_kNm2_per_m) up to
	 * diagram_moment[s][0] (elastic), then diagram_ei[s][0] up to
	 * diagram_moment[s][1] (elasto-plastic), then diagram_ei[s][1] up to
	 * diagram_moment[s][2] (plastic), which the moment cannot exceed; all 0:
	 * no diagram, elastic (engine/beam_bending.h). */
	double diagram_moment_kNm_per_m[2][3];
	double diagram_ei_kNm2_per_m[2][2];
	double allowable_moment_kNm_per_m; /* the moment the element may carry, per m run, factors applied
	                                      (D-Sheet Piling's "maximum allowed elastic moment including
	                                      reduction factor"); checked against each stage's moment by
	                                      analyze and run, not by the engine; 0: none given */
} sp_wall_element_t;

typedef struct {
	char name[SP_NAME_MAX];
	double level_m;
	double e_kPa;               /* Young's modulus of the tendon */
	double area_m2_per_m;       /* cross-section per m run */
	double length_m;            /* free length */
	double yield_force_kN_per_m;
	double angle_deg;           /* inclination to the horizontal (D-Sheet: negative = down into the soil) */
	double anchorage_height_m;  /* anchors: height of the anchor wall at the tendon's end, for the
	                               Kranz check (engine/kranz.h); 0 = not given */
	int side;                   /* SP_LEFT or SP_RIGHT: side where the anchor is */
} sp_wall_anchor_t;             /* also used for struts */

typedef struct {
	char name[SP_NAME_MAX];
	double level_m;
	double rot_stiffness_kNm_per_rad_per_m;
	double trans_stiffness_kN_per_m_per_m;
	int rot_fixed, trans_fixed; /* rigid supports */
} sp_wall_support_t;

/* How a verification factors a load (D-Sheet Piling's Permanent and
 * Favourable flags; the numbers are D-Sheet's). A characteristic analysis
 * ignores them. */
enum { SP_LOAD_AUTO = 0, SP_LOAD_FAVOURABLE = 1, SP_LOAD_UNFAVOURABLE = 2 };
typedef struct {
	int variable;               /* 0 permanent, 1 variable */
	int favourable;             /* SP_LOAD_*: AUTO lets the stage's passive side decide */
} sp_wall_load_kind_t;

typedef struct {
	char name[SP_NAME_MAX];
	double level_m;
	double value;               /* kN/m for line loads (to the right), kNm/m for moments */
	sp_wall_load_kind_t kind;
} sp_wall_point_load_t;

typedef struct {
	char name[SP_NAME_MAX];
	double left_kPa, right_kPa; /* uniform vertical load on each side's surface */
	sp_wall_load_kind_t kind;
} sp_wall_uniform_load_t;

typedef struct {
	char name[SP_NAME_MAX];
	int n_points;               /* piecewise-linear vertical load along the surface */
	double distance_m[SP_WALL_MAX_SURCHARGE_POINTS];
	double value_kPa[SP_WALL_MAX_SURCHARGE_POINTS];
	sp_wall_load_kind_t kind;
} sp_wall_surcharge_t;

typedef struct {
	char name[SP_NAME_MAX];
	double at_top_kN, at_surface_left_kN, at_surface_right_kN, at_toe_kN; /* compression positive */
	sp_wall_load_kind_t kind;
} sp_wall_normal_force_t;

typedef struct {
	char name[SP_NAME_MAX];
	double surface_m[2];        /* surface level at the wall, left and right */
	/* A sloping surface: from the wall's level, straight through these points
	 * (distances from the wall increasing, > 0), level after the last; none:
	 * horizontal. */
	int n_surface_points[2];
	double surface_distance_m[2][SP_WALL_MAX_SURFACE_POINTS];
	double surface_level_m[2][SP_WALL_MAX_SURFACE_POINTS];
	double water_m[2];          /* phreatic level, left and right */
	sp_kmethod kmethod[2];
	int profile[2];             /* soil profile per side: 0 the wall's layers, k > 0 the wall's profiles[k - 1] */
	/* Items present in this stage (1/0), indexed like the wall's lists. */
	int anchor_on[SP_WALL_MAX_ITEMS];
	double anchor_prestress_kN_per_m[SP_WALL_MAX_ITEMS]; /* 0 = none (along the anchor) */
	int strut_on[SP_WALL_MAX_ITEMS];
	double strut_precompression_kN_per_m[SP_WALL_MAX_ITEMS];
	int spring_support_on[SP_WALL_MAX_ITEMS];
	int rigid_support_on[SP_WALL_MAX_ITEMS];
	int uniform_load_on[SP_WALL_MAX_ITEMS];
	int surcharge_on[2][SP_WALL_MAX_ITEMS];   /* per side */
	int line_load_on[SP_WALL_MAX_ITEMS];
	int moment_on[SP_WALL_MAX_ITEMS];
	int normal_force_on[SP_WALL_MAX_ITEMS];
	int use_top_displacement;
	double top_displacement_mm;
} sp_wall_stage_t;

typedef struct {
	char name[SP_NAME_MAX];

	double top_level_m;         /* top of the wall */
	double length_m;            /* bottom = top - length */
	sp_wall_element_t elements[SP_WALL_MAX_ELEMENTS];
	int n_elements;

	sp_wall_soil_t soils[SP_WALL_MAX_SOILS];
	int n_soils;
	sp_wall_layer_t layers[SP_WALL_MAX_LAYERS]; /* top-down; both sides of every stage unless it names a profile */
	int n_layers;
	sp_wall_profile_t profiles[SP_WALL_MAX_PROFILES]; /* other soil profiles (sp_wall_stage_t profile) */
	int n_profiles;
	int n_branches;             /* 1..4 branches of the subgrade modulus */
	int unloading_curve;        /* 1: unload/reload with kh_unload */
	int plastic;                /* D-Sheet "Elastic calculation = FALSE": elements' plastic moments bound their moments */
	int diaphragm;              /* D-Sheet "Diepwand calculation": a diaphragm wall whose elements have a
	                               moment-curvature diagram (elements' diagram_moment_kNm_per_m) */
	int single_pile;            /* D-Sheet's single pile model: EI, supports and loads are the pile's own,
	                               only the soil acts over the acting width */
	double gamma_water_kN_m3;

	sp_wall_anchor_t anchors[SP_WALL_MAX_ITEMS];
	int n_anchors;
	sp_wall_anchor_t struts[SP_WALL_MAX_ITEMS];
	int n_struts;
	sp_wall_support_t spring_supports[SP_WALL_MAX_ITEMS];
	int n_spring_supports;
	sp_wall_support_t rigid_supports[SP_WALL_MAX_ITEMS];
	int n_rigid_supports;
	sp_wall_uniform_load_t uniform_loads[SP_WALL_MAX_ITEMS];
	int n_uniform_loads;
	sp_wall_surcharge_t surcharges[SP_WALL_MAX_ITEMS];
	int n_surcharges;
	sp_wall_point_load_t line_loads[SP_WALL_MAX_ITEMS];
	int n_line_loads;
	sp_wall_point_load_t moments[SP_WALL_MAX_ITEMS];
	int n_moments;
	sp_wall_normal_force_t normal_forces[SP_WALL_MAX_ITEMS];
	int n_normal_forces;

	sp_wall_stage_t stages[SP_WALL_MAX_STAGES];
	int n_stages;

	/* Given soil displacements (D-Sheet Piling [SOIL DISPLACEMENTS], "sheet
	 * piling loaded by soil displacements"): the soil of both sides moves
	 * horizontally by soil_displacement_mm (to the right positive) at the
	 * levels soil_displacement_level_m (decreasing), linear between them and
	 * 0 beyond the first and last; each spring's rest position moves with it
	 * before the first stage (beam_spring.h sp_beam_spring_move_soil). */
	int n_soil_displacements;
	double soil_displacement_level_m[SP_WALL_MAX_SOIL_DISPLACEMENTS];
	double soil_displacement_mm[SP_WALL_MAX_SOIL_DISPLACEMENTS];

	/* Calculation options. */
	int reduce_delta;           /* D-Sheet CalcReduceDeltas */
	int minor_nodes;            /* D-Sheet CalcMinorNodesOn: 1 the slide planes (wedge pressures) at every
	                               node; 0 at D-Sheet's major nodes only, one earth pressure coefficient
	                               per major segment (sp_major_levels, major_nodes.h) */
	int first_stage_initial;    /* D-Sheet CalcFirstStageInitial: the first stage is the soil before the
	                               wall (engine/initial_stage.h): its neutral pressure, the same on both
	                               sides, stays the base of every later stage's */
	int mesh;                   /* the beam's nodes: SP_WALL_MESH_UNIFORM or SP_WALL_MESH_DSHEET */
	double max_element_m;       /* longest beam element (discretisation, SP_WALL_MESH_UNIFORM) */
	int max_iterations;         /* per stage */
	double tolerance_kPa;       /* convergence: largest change of a spring pressure */
	sp_wall_calc_t calc;        /* calculation type and partial factors (wall_calc.h) */

	/* What the importer read but does not compute (e.g. the settlement of a
	 * settlement-by-vibration project): one note per line, no unit-bearing
	 * numbers; written as comments into the study file, printed as warnings
	 * by import-dsheet. */
	char notes[SP_WALL_NOTES_MAX];
} sp_wall_t;

_Static_assert(SP_CALC_MAX_STAGES == SP_WALL_MAX_STAGES, "a verified-stage flag per stage (wall_calc.h)");

/* Defaults for everything not read from a file (one branch, water 10 kN/m3,
 * 0.05 m elements, 500 iterations, 1e-4 kPa). */
void sp_wall_init(sp_wall_t *w);

/* Appends one line to w->notes (cut short if full). */
void sp_wall_note(sp_wall_t *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Most key levels a wall can have (sp_wall_key_levels). */
#define SP_WALL_MAX_KEY_LEVELS                                                                               \
	(2 + SP_WALL_MAX_ELEMENTS + SP_WALL_MAX_LAYERS * (1 + SP_WALL_MAX_PROFILES) + 4 * SP_WALL_MAX_STAGES +   \
	 6 * SP_WALL_MAX_ITEMS)

/* The levels where the wall's model changes, top-down and each once (levels
 * closer than 1e-6 m are one): its top and toe, element bottoms, the layer
 * tops of every soil profile, the surfaces and water levels of every stage
 * and side, anchors, struts, supports, line loads and moments within the
 * wall. Returns how many (at least 2). */
int sp_wall_key_levels(const sp_wall_t *w, double levels_m[SP_WALL_MAX_KEY_LEVELS]);

/* The layers on one side of a stage (its soil profile) and their count. */
const sp_wall_layer_t *sp_wall_side_layers(const sp_wall_t *w, const sp_wall_stage_t *st, int side, int *n_layers);

#endif
