/* engine.h - analysis engines: the type object of an engine and its result.
 *
 * An engine analyses one wall configuration (the anchor option and, for
 * engines that need them, the section stiffness and pile length) and returns
 * the embedment it requires, the extreme moment, shear and anchor force, and
 * optionally the depth-wise diagrams. Engines never print and never exit. */
#ifndef SP_ENGINE_H
#define SP_ENGINE_H

#include <stddef.h>
#include "study.h"

/* One point of the depth-wise diagrams. Positive pressure, shear and moment act
 * towards the excavation side. */
typedef struct {
	double level_m;
	double net_pressure_kPa;
	double shear_kN_per_m;
	double moment_kNm_per_m;
} sp_diagram_point_t;

typedef struct {
	sp_anchor_option_t anchor;
	double ei_kNm2_per_m;        /* section stiffness (engines that depend on it) */
	double length_m;             /* pile length (engines that depend on it) */
	size_t profile;              /* study profile index (engine exec: per profile) */
	size_t id;                   /* analysis id within the run (engine exec) */
	/* the running thread's memo of layered wedge searches (wedge_memo.h,
	 * engine beam), kept across its analyses; NULL: none */
	struct sp_wedge_memo *wedge_memo;
	/* its memo of stage loadings (beam_loads.h, engine beam): the analyses of
	 * one study's evaluation only; NULL: none */
	struct sp_beam_loads *beam_loads;
} sp_case_t;

#define SP_REASON_MAX 64

typedef struct {
	int ok;                          /* 1: a design was found; 0: see reason */
	char reason[SP_REASON_MAX];      /* short machine-readable reason when !ok */
	double embedment_required_m;     /* below the excavation, safety convention applied */
	double embedment_equilibrium_m;  /* depth below the excavation of the equilibrium toe
	                                    (cantilever: of the point of rotation for Blum) */
	double max_moment_kNm_per_m;     /* largest |M| */
	double max_moment_level_m;
	double max_shear_kN_per_m;       /* largest |V| */
	double anchor_force_kN_per_m;    /* horizontal anchor force per m of wall; 0 without anchor */
	int has_displacement;            /* engines with a stiffness model */
	double max_displacement_mm;      /* largest |displacement| of any stage */
	double top_displacement_mm;      /* largest |displacement| of the top of the wall */
	double mobilised_passive_pct;    /* largest mobilised resistance of a side, any stage */
	/* Kranz's allowable anchor force, kN/m along the anchor, when the
	 * evaluator prepared it once for the analysis (sp_checks_kranz_prepare):
	 * kranz_state 1 ready, -1 the anchorage cannot be modelled, 0 not
	 * prepared (the checks compute it per candidate, to the same bits) */
	int kranz_state;
	double kranz_allowable_kN_per_m;
	sp_diagram_point_t *diagram;     /* owned; NULL unless requested */
	size_t n_diagram;
} sp_analysis_t;

typedef struct {
	const char *name;
	/* The analysis depends on: 0 the anchor option only; 1 the section's EI,
	 * the length and the anchor option; 2 the profile, the length and the
	 * anchor option (an external solver: a black box) */
	int uses_section;
	/* Analyse; fills *out. Returns SP_OK (also when the wall has no
	 * equilibrium: then out->ok = 0 with a reason) or SP_ESOFTWARE. */
	int (*analyse)(const sp_study_t *st, const sp_case_t *c, double diagram_step_m, int want_diagram,
	               sp_analysis_t *out);
	/* NULL for an engine that analyses in-process; an engine whose analyses
	 * are jobs of a licence pool (exec) points to its batch operations
	 * (exec/engine_exec.h). */
	const struct sp_engine_batch *batch;
} sp_engine_type;

extern const sp_engine_type *const sp_engine_le;
extern const sp_engine_type *const sp_engine_beam; /* method = subgrade */
/* The built-in engine of [design] method, also for a study with a [solver]
 * (what `sheetpile evaluate` runs). */
const sp_engine_type *sp_engine_builtin(const sp_study_t *st);

/* Free the diagram of an analysis (accepts NULL). */
void sp_analysis_free(sp_analysis_t *a);

#endif
