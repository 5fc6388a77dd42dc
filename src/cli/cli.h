/* cli.h - what the commands of the command line share (cli.c): options,
 * messages and exit codes (sysexits.h through sp.h), the study loaded with
 * its catalogue, the -o FILE of the commands that write one file, and the
 * stop signals. Only the command line (src/cli/) prints freely or exits. */
#ifndef SP_CLI_H
#define SP_CLI_H

#include <signal.h>
#include <stdio.h>
#include "catalogue.h"
#include "study.h"

#define SP_CLI_DIAGRAM_STEP_M 0.1 /* level step of the diagrams written */

/* --quiet (and every MPI rank but the first): no summary, no progress */
extern int sp_cli_quiet;
/* SIGINT or SIGTERM during a [solver] run (sp_cli_catch_stop_signals) */
extern volatile sig_atomic_t sp_cli_stop_signal;

/* The options of every command; NULL / -1 / 0 when not given. */
typedef struct {
	const char *study, *outdir, *profile, *grade, *length, *anchor, *catalogue, *grades, *csv_dialect, *delay, *candidate;
	int licenses, threads, no_plots, resume, force;
	int trust_solver; /* --trust-solver: run the study's [solver] command this once */
	int results;      /* --results all | feasible | none (sp_results_choice, spreadsheet.h) */
} sp_cli_opts_t;

/* Parse argv[first..]: the first plain argument is o->study; --csv-dialect
 * is applied at once; --quiet sets sp_cli_quiet. 0, or SP_EUSAGE (said). */
int sp_cli_parse_opts(int argc, char **argv, int first, sp_cli_opts_t *o);
/* The options of a command on STUDY.ini (argv[2..]): SP_EUSAGE (said) when
 * the study is missing (needs: the message) or, unless candidate_ok, with
 * --candidate (export-dsheet's only). */
int sp_cli_parse_study(int argc, char **argv, sp_cli_opts_t *o, const char *needs, int candidate_ok);
/* A finite number filling all of s: 0, else -1. */
int sp_cli_parse_real(const char *s, double *out);

/* Print "[ERROR] ..." for e (under MPI: rank 0, or another rank's own
 * internal and I/O errors only) and return its exit code. */
int sp_cli_fail(const sp_err_t *e);
/* Print a usage error (fmt with one %s for arg) and return SP_EUSAGE. */
int sp_cli_usage(const char *fmt, const char *arg);
/* printf to fp for a terminal: what a study, a catalogue or a file name
 * puts into the text cannot drive the terminal: control characters (but
 * newline and tab), DEL, the C1 controls U+0080..U+009F and bytes that are
 * not UTF-8 are written as \xNN. Every message of the command line goes
 * through it (sp_cli_fail, sp_cli_usage, warnings, summaries). */
void sp_cli_printf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The user's consent to run a study's [solver] command (core/trust.h):
 * SP_OK for a study without [solver], with --trust-solver (opt_in), or when
 * the user's trust store holds the command's fingerprint; else the command,
 * its program and how to trust it are printed and SP_ENOPERM (77) returned,
 * before anything has run or been written. Under MPI rank 0 decides for
 * every rank (a collective call). */
int sp_cli_trust_gate(const char *study, const sp_study_t *st, int opt_in);

/* The study at path with its catalogue, resolved (sp_study_resolve). The
 * caller sets *st and *cat to NULL first and frees both, also on failure
 * (*cat stays NULL when the study cannot be read). */
int sp_cli_load(const char *path, sp_study_t **st, sp_catalogue_t **cat, sp_err_t *err);
/* Narrow the study's axes to the one candidate of --profile, --grade,
 * --length and --anchor-level (analyze, export-dsheet). */
int sp_cli_narrow(sp_study_t *st, const sp_catalogue_t *cat, const sp_cli_opts_t *o, sp_err_t *err);

/* -o FILE of a command that writes one file: its folder into dir (size
 * bytes) and its name; SP_EUSAGE (said) when out names no file. */
int sp_cli_output_file(const char *out, char *dir, size_t size, const char **name);
/* A scratch file for reading and writing from the mkstemp template path
 * (its name written into path); NULL with *err when it cannot be made.
 * sp_cli_scratch_close closes and removes it (accepts NULL). */
FILE *sp_cli_scratch(char *path, sp_err_t *err);
void sp_cli_scratch_close(FILE *fp, const char *path);
/* Copy the file fp (opened for reading and writing, path for messages) from
 * its start to `to`; standard output is flushed and checked. */
int sp_cli_copy(FILE *fp, const char *path, FILE *to, sp_err_t *err);

/* Seconds of a monotonic clock. */
double sp_cli_now_s(void);
/* Ctrl-C and SIGTERM set sp_cli_stop_signal ([solver] studies stop their
 * solvers cleanly). */
void sp_cli_catch_stop_signals(void);

#endif
