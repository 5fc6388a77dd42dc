/* solver_io.h - the files exchanged with an external solver (engine exec).
 *
 * The input writer and the output reader are chosen by name in [solver]
 * (input_format, output_format) from two tables of const type objects; a new
 * solver's format is one more entry (STYLE habit 4):
 *
 *   input_format   sheetpile  the candidate file that `sheetpile evaluate` reads
 *                  template   [solver] input_template with {placeholders} filled in
 *                  dsheet     the candidate's wall as a D-Sheet Piling .shi file
 *                             (solver_dsheet.c; method = subgrade)
 *   output_format  sheetpile  the result file that `sheetpile evaluate` writes
 *                  dsheet     the .shd results file of the D-Sheet Piling console
 *
 The command's words and placeholders are those of core/solver_command.h;
 * the tables hold one entry per name of sp_solver_command_inputs and
 * sp_solver_command_outputs, in the same order. Writers and readers never print and never exit. */
#ifndef SP_SOLVER_IO_H
#define SP_SOLVER_IO_H

#include <stdio.h>
#include "engine.h"
#include "solver_command.h"
#include "study.h"

/* One analysis as seen by a writer or reader. */
typedef struct {
	const sp_study_t *st;
	const sp_case_t *c;          /* anchor, EI, length, profile, id */
	const char *self;            /* this program's executable ({sheetpile}) */
	const char *study_path;      /* the study file, absolute ({study}) */
	const char *workdir;         /* the job's work directory, absolute */
	const char *input_path;      /* workdir/input_file */
	const char *output_path;     /* workdir/output_file */
	double diagram_step_m;       /* > 0: the diagrams are asked for */
} sp_solver_job_t;

typedef struct {
	const char *name;
	/* Write job->input_path. SP_OK, or SP_ECANTCREAT/SP_EIO/SP_ENOINPUT/SP_EDATA with *err. */
	int (*write)(const sp_solver_job_t *job, sp_err_t *err);
} sp_solver_input_type;

typedef struct {
	const char *name;
	/* Read job->output_path into *out (diagrams only when job->diagram_step_m
	 * > 0; free them with sp_analysis_free). SP_OK; SP_ENOINPUT when the file
	 * is missing or empty; SP_EDATA when it cannot be understood (*err says
	 * where and why). */
	int (*read)(const sp_solver_job_t *job, sp_analysis_t *out, sp_err_t *err);
} sp_solver_output_type;

extern const sp_solver_input_type *const sp_solver_inputs[];   /* NULL-terminated */
extern const sp_solver_output_type *const sp_solver_outputs[]; /* NULL-terminated */
const sp_solver_input_type *sp_solver_input_find(const char *name);   /* NULL if unknown */
const sp_solver_output_type *sp_solver_output_find(const char *name); /* NULL if unknown */

/* The command's words: split on blanks, '...' and "..." group (no shell),
 * then placeholders filled in. *argv is NULL-terminated; free it with
 * sp_solver_argv_free(). */
int sp_solver_argv(const sp_solver_job_t *job, const char *command, char ***argv, sp_err_t *err);
void sp_solver_argv_free(char **argv); /* accepts NULL */

/* The candidate file of input_format sheetpile, as `sheetpile evaluate` reads it. */
typedef struct {
	char study[SP_PATH_MAX];     /* study file (absolute when written by run) */
	size_t analysis_id;
	char profile[SP_NAME_MAX];
	double length_m;
	sp_anchor_option_t anchor;
	double diagram_step_m;       /* > 0: write the diagrams too */
} sp_solver_candidate_t;

/* SP_ENOINPUT (cannot open) or SP_EDATA (file:line: why). */
int sp_solver_candidate_read(const char *path, sp_solver_candidate_t *cand, sp_err_t *err);
/* The result file of output_format sheetpile; every number printed with
 * %.17g so that it reads back bit for bit. */
void sp_solver_result_write(FILE *fp, const sp_analysis_t *a);

/* solver_dsheet.c: input_format and output_format dsheet (the writer and
 * the reader of the two tables). The candidate's wall is the one the beam
 * engine analyses (sp_study_wall_for_case); SP_EDATA when the study is not
 * method = subgrade. The reader maps the .shd with sp_shd_summary: a
 * D-Sheet Piling error, an uncalculated or unstable stage gives ok = 0 with
 * the reason, and so do results of another model (stages, anchor names). */
int sp_solver_dsheet_write(const sp_solver_job_t *job, sp_err_t *err);
int sp_solver_dsheet_read(const sp_solver_job_t *job, sp_analysis_t *out, sp_err_t *err);

#endif
