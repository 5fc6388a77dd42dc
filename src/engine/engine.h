/* engine.h - analysis engines: the type object of an engine and its result.
 *
 * An engine analyses one wall configuration (the anchor option and, for
 * engines that need them, the section stiffness and pile length) and returns
 * the embedment it requires, the extreme moment, shear and anchor force, and
 * optionally the depth-wise diagrams. Engines never print and never exit. */
#ifndef SP_ENGINE_H
#define SP_ENGINE_H

#include <signal.h>
#include <stddef.h>
#include "pool.h"
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
	sp_diagram_point_t *diagram;     /* owned; NULL unless requested */
	size_t n_diagram;
} sp_analysis_t;

typedef struct sp_batch sp_batch_t;

/* Engines that run analyses as jobs of a licence pool (exec): where and how. */
typedef struct {
	const char *outdir;          /* journal.txt, timeline.csv and work/ go here (it exists) */
	int resume;                  /* 1: analyses found in the journal are not run again */
	int licenses;                /* solver processes at once (the pool's slots) */
	volatile sig_atomic_t *stop; /* analyse_all only: non-zero (set by a signal handler): stop; may be NULL */
} sp_batch_opts_t;

typedef struct {
	size_t run;                  /* analyses run by this call */
	size_t resumed;              /* analyses taken from the journal */
	size_t solver_failed;        /* failed in the solver: crash, exit status, timeout, no or bad output, denied */
	int interrupted;             /* stopped through *stop: some analyses are missing */
	int max_running;             /* most solver processes at once (of the whole pool) */
	double makespan_s;           /* first start to last end of the analyses run now */
	double sum_s, max_s;         /* their total and longest time (every attempt) */
	double lower_bound_s;        /* max(sum_s / licences, max_s) */
	size_t leftovers_stopped;    /* solvers of an earlier, killed run still running at the start: stopped */
} sp_batch_stats_t;

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
	/* NULL, or (exec) the analyses are jobs of a licence pool, in batches:
	 * open: the journal (with o->resume the analyses found in it are loaded
	 *   into out[i] and done[i] is set), work directories; cases[i].id == i;
	 *   the batch's jobs go to pool, tagged with owner. NULL and *err on failure.
	 * submit: analysis id (not done) into the pool (its input written).
	 * finished: a job of this batch (job->owner == owner) has finished:
	 *   read or name its failure into out[*id], journal it. SP_OK also when
	 *   the solver failed (out[*id].ok = 0, counted in the stats).
	 * close: write the timeline, fill *stats (interrupted: stopped through
	 *   the pool's stop flag); free: the batch (after its jobs left the pool) */
	sp_batch_t *(*batch_open)(const sp_study_t *st, const sp_case_t *cases, size_t n, const sp_batch_opts_t *o,
	                          sp_pool_t *pool, void *owner, sp_analysis_t *out, unsigned char *done,
	                          sp_err_t *err);
	int (*batch_submit)(sp_batch_t *b, size_t id, sp_err_t *err);
	int (*batch_finished)(sp_batch_t *b, sp_pool_job_t *job, size_t *id, sp_err_t *err);
	int (*batch_close)(sp_batch_t *b, int interrupted, sp_batch_stats_t *stats, sp_err_t *err);
	void (*batch_free)(sp_batch_t *b); /* accepts NULL */
	/* NULL, or (exec, more than one MPI rank, collective): analyse every case
	 * at once over the ranks (cases[i].id == i), filling out[i] on every rank.
	 * SP_OK also when analyses failed (out[i].ok = 0, counted in stats) or
	 * when stopped (stats->interrupted); an SP_E* code on errors. */
	int (*analyse_all)(const sp_study_t *st, const sp_case_t *cases, size_t n, const sp_batch_opts_t *o,
	                   sp_analysis_t *out, sp_batch_stats_t *stats, sp_err_t *err);
} sp_engine_type;

extern const sp_engine_type *const sp_engine_le;
extern const sp_engine_type *const sp_engine_beam; /* method = subgrade */
extern const sp_engine_type *const sp_engine_exec; /* [solver]: an external program */

/* The engine a study asks for: exec when it has a [solver], else its built-in one. */
const sp_engine_type *sp_engine_for(const sp_study_t *st);
/* The built-in engine of [design] method, also for a study with a [solver]
 * (what `sheetpile evaluate` runs). */
const sp_engine_type *sp_engine_builtin(const sp_study_t *st);

/* Free the diagram of an analysis (accepts NULL). */
void sp_analysis_free(sp_analysis_t *a);

#endif
