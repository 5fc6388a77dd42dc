/* test_solver_command.c - the words, placeholders and formats of a [solver]
 * section (core/solver_command.c), and that the exec engine has a writer or
 * a reader for every format the study reader accepts (exec/solver_io.c).
 * Expected values: the rules of docs/study-file.md ([solver]). */
#include "harness.h"
#include "solver_command.h"
#include "solver_io.h"

#include <stdlib.h>

typedef struct {
	char words[8][64];
	int n;
} words_t;

static int add(void *user, const char *w)
{
	words_t *ws = user;
	if (ws->n < 8)
		snprintf(ws->words[ws->n++], 64, "%s", w);
	return 0;
}

static const char *value(void *user, int k, char *buf, size_t size)
{
	(void)user;
	if (k == SP_PH_LENGTH) {
		snprintf(buf, size, "%.10g", 12.5);
		return buf;
	}
	return k == SP_PH_PROFILE ? "AZ 18-700" : "?";
}

int main(void)
{
	sp_err_t err = {0, ""};
	words_t ws = {.n = 0};
	INT_EQ(sp_solver_command_split("  run  'a b'\t\"c d\"e f ", add, &ws, &err), 4, "four words");
	OK(strcmp(ws.words[1], "a b") == 0, "single quotes group");
	OK(strcmp(ws.words[2], "c de") == 0, "double quotes group inside a word");
	INT_EQ(sp_solver_command_split("run 'open", add, &ws, &err), -1, "an unbalanced quote fails");
	OK(strstr(err.text, "unbalanced ' quote") != NULL, "and says which quote");

	char out[64];
	INT_EQ(sp_solver_command_expand("{profile}-{length_m}m {x", value, NULL, out, sizeof out, &err), SP_OK,
	       "expand");
	OK(strcmp(out, "AZ 18-700-12.5m {x") == 0, "placeholders filled, a lone brace kept");
	INT_EQ(sp_solver_command_expand("{nope}", NULL, NULL, NULL, 0, &err), SP_EDATA, "an unknown placeholder");
	OK(strstr(err.text, "unknown placeholder {nope}") != NULL, "names the placeholder");
	INT_EQ(sp_solver_command_expand("{profile}{profile}", value, NULL, out, 12, &err), SP_EDATA, "too long");

	INT_EQ(sp_solver_command_check("{sheetpile} evaluate {input} -o {output}", &err), SP_OK, "a good command");
	INT_EQ(sp_solver_command_check("   ", &err), SP_EDATA, "an empty command");
	INT_EQ(sp_solver_command_check_template("/nonexistent/template.txt", &err), SP_ENOINPUT, "a missing template");

	/* every format the study accepts has its writer or reader, in the same order */
	size_t n = 0;
	for (; sp_solver_command_inputs[n]; n++) {
		const sp_solver_input_type *t = sp_solver_input_find(sp_solver_command_inputs[n]);
		OK(t != NULL && t == sp_solver_inputs[n], sp_solver_command_inputs[n]);
	}
	OK(sp_solver_inputs[n] == NULL, "no input writer without a name the study accepts");
	for (n = 0; sp_solver_command_outputs[n]; n++) {
		const sp_solver_output_type *t = sp_solver_output_find(sp_solver_command_outputs[n]);
		OK(t != NULL && t == sp_solver_outputs[n], sp_solver_command_outputs[n]);
	}
	OK(sp_solver_outputs[n] == NULL, "no output reader without a name the study accepts");
	char names[64];
	OK(strcmp(sp_solver_command_format_names(sp_solver_command_inputs, names, sizeof names),
	          "sheetpile, template, dsheet") == 0, "the names for messages");
	INT_EQ(sp_solver_command_format(sp_solver_command_outputs, "dsheet"), 1, "dsheet is an output format");
	INT_EQ(sp_solver_command_format(sp_solver_command_outputs, "template"), -1, "template is not");
	return sp_test_done("test_solver_command");
}
