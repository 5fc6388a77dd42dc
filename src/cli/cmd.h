/* cmd.h - the commands of the command line, one file each (cmd_<name>.c);
 * cli/main.c dispatches to them from its command table. Each returns the
 * exit status, its messages printed. Most take the options main's table
 * parsed for them (sp_cli_parse_study or sp_cli_parse_opts); batch and
 * import-dsheet read main's argc and argv themselves (argv[1] is the
 * command). */
#ifndef SP_CMD_H
#define SP_CMD_H

#include "cli.h"

int sp_cmd_run(const sp_cli_opts_t *o);
int sp_cmd_check(const sp_cli_opts_t *o);
int sp_cmd_analyze(const sp_cli_opts_t *o);
int sp_cmd_profiles(const sp_cli_opts_t *o);
int sp_cmd_evaluate(const sp_cli_opts_t *o);
int sp_cmd_export_dsheet(const sp_cli_opts_t *o);
int sp_cmd_trust(const sp_cli_opts_t *o);

int sp_cmd_batch(int argc, char **argv);
int sp_cmd_import_dsheet(int argc, char **argv);

#endif
