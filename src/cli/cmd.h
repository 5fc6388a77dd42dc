/* cmd.h - the commands of the command line, one file each (cmd_<name>.c);
 * cli/main.c dispatches to them from its command table. Each takes main's
 * argc and argv (argv[1] is the command) and returns the exit status, its
 * messages printed. */
#ifndef SP_CMD_H
#define SP_CMD_H

int sp_cmd_run(int argc, char **argv);
int sp_cmd_batch(int argc, char **argv);
int sp_cmd_check(int argc, char **argv);
int sp_cmd_analyze(int argc, char **argv);
int sp_cmd_profiles(int argc, char **argv);
int sp_cmd_import_dsheet(int argc, char **argv);
int sp_cmd_evaluate(int argc, char **argv);
int sp_cmd_export_dsheet(int argc, char **argv);
int sp_cmd_trust(int argc, char **argv);

#endif
