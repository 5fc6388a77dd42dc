/* main.c - the sheetpile command line: the command table. Each command is
 * its own file (cmd_<name>.c, cmd.h); what they share is cli.h. Only the
 * command line prints freely or exits. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "cmd.h"
#include "datadir.h"
#include "dist.h"
#include "evaluate.h"
#include "pool.h"

#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <string.h>

static void help(FILE *fp)
{
	fputs("sheetpile " SP_VERSION " - find the best steel sheet pile wall for an excavation or quay\n"
	      "\n"
	      "Usage:\n"
	      "  sheetpile run STUDY.ini [-o OUTDIR] [--licenses N] [--threads N] [--results all|feasible|none]\n"
	      "                [--resume] [--no-plots] [--quiet] [--trust-solver]\n"
	      "      evaluate every candidate of the study; write results.csv, ranking.csv,\n"
	      "      best_diagrams.csv, run.json, report.html, plots/ (and sensitivity.csv with a\n"
	      "      [sensitivity] section) into OUTDIR [STUDY-results]; a study with a [solver]\n"
	      "      also journal.txt, timeline.csv and work/\n"
	      "  sheetpile batch STUDY.ini... -o OUTDIR [--licenses N] [--threads N] [--csv-dialect D] [--no-plots] [--quiet]\n"
	      "                [--trust-solver]\n"
	      "      run every study into OUTDIR/<study>/; write OUTDIR/summary.csv (one row per study)\n"
	      "      and OUTDIR/index.html (links to each report.html); exit status of the first failing study\n"
	      "  sheetpile check STUDY.ini\n"
	      "      validate the study and print a summary of its search space (and whether its\n"
	      "      [solver] command is trusted)\n"
	      "  sheetpile trust STUDY.ini\n"
	      "      agree to run the study's [solver] command: its fingerprint (the command, its\n"
	      "      program, its input template) goes into ~/.config/sheetpile/trusted-solvers\n"
	      "  sheetpile analyze STUDY.ini [--profile P --grade G --length L [--anchor-level Z|none]] [-o DIR]\n"
	      "                [--trust-solver]\n"
	      "      one candidate: prints its results.csv header and row; with -o also its diagrams\n"
	      "      (no flags needed when the study holds a single candidate)\n"
	      "  sheetpile import-dsheet FILE.shi [-o STUDY.ini]\n"
	      "      convert a D-Sheet Piling input file into a study file (stdout without -o)\n"
	      "  sheetpile export-dsheet STUDY.ini [--candidate ID | --profile P --grade G --length L\n"
	      "                         [--anchor-level Z|none]] [-o FILE.shi]\n"
	      "      write the D-Sheet Piling input file of one candidate of a subgrade study\n"
	      "      (stdout without -o; no candidate options for a study with a [wall])\n"
	      "  sheetpile evaluate CANDIDATE -o RESULT [--delay SECONDS]\n"
	      "      one analysis from a candidate file written by a [solver] run, with the study's\n"
	      "      built-in engine; writes the result file the run reads back (sheetpile as a solver)\n"
	      "  sheetpile profiles [--catalogue FILE] [--grades FILE]\n"
	      "      list the sheet pile sections and steel grades of a catalogue\n"
	      "  sheetpile --help | --version\n"
	      "\n"
	      "Options:\n"
	      "  -o DIR          output directory\n"
	      "  --licenses N    evaluations allowed at once [study's [run] licenses]\n"
	      "  --threads N     worker threads, 0 = all cores [study's [run] threads]\n"
	      "  --csv-dialect D rfc4180 (comma, decimal point) or excel-eu (UTF-8 BOM, ';',\n"
	      "                  decimal comma) for every CSV written [rfc4180]\n"
	      "  --results R     what results.csv holds: all, feasible or none (no file) [all];\n"
	      "                  a spreadsheet opens 1,048,576 rows: open ranking.csv for large studies\n"
	      "  --resume        [solver] studies: keep the analyses in OUTDIR/journal.txt, run the rest\n"
	      "  --delay S       evaluate: wait S seconds first (a stand-in for a slow licensed solver)\n"
	      "  --no-plots      do not run gnuplot\n"
	      "  --quiet         no summary on stdout, no progress on stderr\n"
	      "  --force         write into an existing non-empty directory that sheetpile did not make\n"
	      "                  (never one that is a link, another user's or writable by others)\n"
	      "  --trust-solver  run the study's [solver] command this once without `sheetpile trust`\n"
	      "\n"
	      "Exit codes (sysexits.h): 0 ok, 64 usage, 65 bad input data, 66 missing input,\n"
	      "70 internal error, 73 cannot create output, 74 I/O error (disk full), 75 the run finished but the\n"
	      "external solver failed on some analyses, or another run is writing into the output directory,\n"
	      "77 the [solver] command is not trusted (nothing ran),\n"
	      "128+N stopped by signal N (--resume continues).\n"
	      "The study file is described in docs/study-file.md (man sheetpile; sheetpile --version\n"
	      "names the folder of the catalogue and plot templates; SHEETPILE_DATA_DIR overrides it).\n",
	      fp);
}

/* A command on options (run) gets them parsed here: with `needs`, its usage
 * message when the study file is missing, by sp_cli_parse_study (which
 * takes --candidate only where candidate_ok); without, by sp_cli_parse_opts.
 * A command on arguments (run_args) reads argv itself. */
static const struct {
	const char *name;
	int (*run)(const sp_cli_opts_t *o);
	const char *needs;
	int candidate_ok;
	int (*run_args)(int argc, char **argv);
} S_commands[] = {
	{"run", sp_cmd_run, "run needs a study file: sheetpile run STUDY.ini", 0, NULL},
	{"check", sp_cmd_check, "check needs a study file: sheetpile check STUDY.ini", 1, NULL},
	{"batch", NULL, NULL, 0, sp_cmd_batch},
	{"analyze", sp_cmd_analyze, "analyze needs a study file: sheetpile analyze STUDY.ini --profile P ...", 0, NULL},
	{"analyse", sp_cmd_analyze, "analyze needs a study file: sheetpile analyze STUDY.ini --profile P ...", 0, NULL},
	{"profiles", sp_cmd_profiles, NULL, 0, NULL},
	{"import-dsheet", NULL, NULL, 0, sp_cmd_import_dsheet},
	{"export-dsheet", sp_cmd_export_dsheet,
	 "export-dsheet needs a study file: sheetpile export-dsheet STUDY.ini "
	 "[--candidate ID | --profile P --grade G --length L] [-o FILE.shi]", 1, NULL},
	{"evaluate", sp_cmd_evaluate, NULL, 0, NULL},
	{"trust", sp_cmd_trust, "trust needs a study file: sheetpile trust STUDY.ini", 0, NULL},
};

static int S_dispatch(int argc, char **argv)
{
	if (argc < 2) {
		help(stderr);
		return SP_EUSAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		help(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		char dir[SP_PATH_MAX];
		sp_datadir_origin from = sp_datadir_find(dir, sizeof dir);
		printf("sheetpile %s\n", SP_VERSION);
		sp_cli_printf(stdout, "data: %s (%s)\n", dir, sp_datadir_origin_text(from));
		return 0;
	}
	for (size_t i = 0; i < sizeof S_commands / sizeof S_commands[0]; i++) {
		if (strcmp(cmd, S_commands[i].name) != 0)
			continue;
		if (S_commands[i].run_args)
			return S_commands[i].run_args(argc, argv);
		sp_cli_opts_t o;
		int rc = S_commands[i].needs
		             ? sp_cli_parse_study(argc, argv, &o, S_commands[i].needs, S_commands[i].candidate_ok)
		             : sp_cli_parse_opts(argc, argv, 2, &o);
		return rc ? rc : S_commands[i].run(&o);
	}
	return sp_cli_usage("unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off(); /* every GSL status is checked */
	sp_pool_set_log(stderr);     /* which leftover solvers are stopped, said before the signal */
	sp_eval_tune_memory();
	/* MPI (cmake -DSHEETPILE_MPI=ON) for run and batch only: `sheetpile
	 * evaluate`, started as a solver by a rank, must not join the MPI job */
	int mpi = argc >= 2 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "batch") == 0);
	if (mpi) {
		sp_err_t err = {0, ""};
		if (sp_dist_init(&argc, &argv, &err) != SP_OK) {
			fprintf(stderr, "[ERROR] %s\n", err.text);
			return err.code;
		}
		if (!sp_dist_is_root())
			sp_cli_quiet = 1;
	}
	int rc = S_dispatch(argc, argv);
	if (mpi) {
		if (rc == SP_ESOFTWARE || rc == SP_EIO) { /* this rank's own failure: the others may wait for it */
			fflush(NULL);
			sp_dist_abort(rc);
		}
		sp_dist_finalize();
	}
	return rc;
}
