/* solver_command.h - what a [solver] section may say, checked without
 * running anything: the command's words (split on blanks, '...' and "..."
 * group, no shell), the {placeholders} of the command and of an input
 * template, and the names of the input and output formats.
 *
 * The study reader checks a command with these; the exec engine
 * (exec/solver_io.c) fills the placeholders in with one analysis' values
 * through the same splitter and expander. Never prints, never exits. */
#ifndef SP_SOLVER_COMMAND_H
#define SP_SOLVER_COMMAND_H

#include <stddef.h>
#include "sp.h"

/* The placeholders, in the order of their index k (docs/study-file.md). */
enum {
	SP_PH_SHEETPILE, SP_PH_STUDY, SP_PH_INPUT, SP_PH_OUTPUT, SP_PH_WORKDIR, SP_PH_ANALYSIS_ID, SP_PH_PROFILE,
	SP_PH_EI, SP_PH_LENGTH, SP_PH_TOE_LEVEL, SP_PH_ANCHOR_LEVEL, SP_PH_ANCHORED, SP_PH_DIAGRAM_STEP
};

/* The value of placeholder k: a string, or written into buf (size bytes). */
typedef const char *(*sp_solver_command_value_fn)(void *user, int k, char *buf, size_t size);

/* Fill the placeholders of text into out (size bytes) with value(user, k);
 * value NULL: only check that every placeholder is known (out may be NULL).
 * SP_EDATA when a placeholder is unknown or the result is too long. */
int sp_solver_command_expand(const char *text, sp_solver_command_value_fn value, void *user, char *out,
                             size_t size, sp_err_t *err);

/* Split a command into words: blanks separate, '...' and "..." group. Calls
 * word(user, w) per word (a NUL-terminated copy); stops at its first
 * non-zero. Returns the number of words, or -1 (unbalanced quote: *err; or
 * word's failure). */
int sp_solver_command_split(const char *command, int (*word)(void *user, const char *w), void *user,
                            sp_err_t *err);

/* A command that splits into at least one word and names known placeholders only. */
int sp_solver_command_check(const char *command, sp_err_t *err);
/* A whole template file into a NUL-terminated buffer (the caller frees it),
 * its length in *len (may be NULL); NULL with errno set. */
char *sp_solver_command_template_read(const char *path, size_t *len);
/* A readable template naming known placeholders only (SP_ENOINPUT / SP_EDATA). */
int sp_solver_command_check_template(const char *path, sp_err_t *err);

/* The input and output formats the exec engine knows, NULL-terminated
 * (exec/solver_io.c has a writer or a reader for each, in this order). */
extern const char *const sp_solver_command_inputs[];
extern const char *const sp_solver_command_outputs[];
/* Index of name in a NULL-terminated list, -1 if absent; the list as "a, b, c". */
int sp_solver_command_format(const char *const *formats, const char *name);
const char *sp_solver_command_format_names(const char *const *formats, char *buf, size_t size);

#endif
