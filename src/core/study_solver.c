/* study_solver.c - the [solver] section: an external program does the
 * analyses (engine exec). Read through the look-ups of ini.h. */
#include "solver_command.h"
#include "study_solver.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

static const char *const S_keep_words[] = {"failed", "all", NULL};

/* A text key into a fixed buffer; 0 when absent (dst keeps def). */
static int S_text(sp_ini_t *c, const char *key, char *dst, size_t size, const char *def)
{
	int line;
	const char *v = sp_ini_value(c, "solver", key, &line);
	sp_strlcpy(dst, def, size);
	if (v == NULL)
		return 0;
	if (strlen(v) >= size)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver] key '%s': longer than %zu characters", sp_ini_path(c),
		                   line, key, size - 1);
	sp_strlcpy(dst, v, size);
	return line;
}

/* A plain file name: the solver's files live in the job's work directory. */
static void S_file_name(sp_ini_t *c, const char *key, char *dst, size_t size, const char *def)
{
	int line = S_text(c, key, dst, size, def);
	if (line && (dst[0] == '\0' || strchr(dst, '/') || strcmp(dst, ".") == 0 || strcmp(dst, "..") == 0
	             || strcmp(dst, "stdout.txt") == 0 || strcmp(dst, "stderr.txt") == 0))
		sp_ini_fail(c, SP_EDATA,
		            "%s:%d: [solver] key '%s': expected a file name without '/' (the file is in the job's "
		            "work directory; stdout.txt and stderr.txt are taken), got '%s'",
		            sp_ini_path(c), line, key, dst);
}

static int S_codes(sp_ini_t *c, sp_solver_t *s)
{
	int line;
	const char *v = sp_ini_value(c, "solver", "licence_denied_exit_codes", &line);
	if (v == NULL)
		return SP_OK;
	const char *p = v;
	while (*p) {
		char *end;
		while (isspace((unsigned char)*p) || *p == ',')
			p++;
		if (*p == '\0')
			break;
		long code = strtol(p, &end, 10);
		if (end == p || code < 1 || code > 255 || s->n_denied_codes == SP_SOLVER_MAX_CODES)
			return sp_ini_fail(c, SP_EDATA,
			                   "%s:%d: [solver] key 'licence_denied_exit_codes': expected up to %d exit codes "
			                   "in [1, 255], comma-separated, got '%s'",
			                   sp_ini_path(c), line, SP_SOLVER_MAX_CODES, v);
		s->denied_codes[s->n_denied_codes++] = (int)code;
		p = end;
		while (isspace((unsigned char)*p))
			p++;
		if (*p && *p != ',')
			return sp_ini_fail(c, SP_EDATA,
			                   "%s:%d: [solver] key 'licence_denied_exit_codes': expected exit codes "
			                   "separated by commas, got '%s'",
			                   sp_ini_path(c), line, v);
	}
	return SP_OK;
}

int sp_study_read_solver(sp_ini_t *c, sp_study_t *st)
{
	int header = sp_ini_section_line(c, "solver");
	if (header == 0)
		return SP_OK;
	sp_solver_t *s = calloc(1, sizeof *s);
	if (s == NULL)
		return sp_ini_fail(c, SP_ESOFTWARE, "out of memory");
	st->solver = s;
	s->line = header;
	const char *path = sp_ini_path(c);
	int line = S_text(c, "command", s->command, sizeof s->command, "");
	if (line == 0)
		return sp_ini_missing(c, "solver", "command",
		                      "the solver's command line, e.g. {sheetpile} evaluate {input} -o {output}");
	sp_err_t why = {0, ""};
	if (sp_solver_command_check(s->command, &why) != SP_OK)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver] key 'command': %s", path, line, why.text);

	int fline = S_text(c, "input_format", s->input_format, sizeof s->input_format, "sheetpile");
	char names[256];
	if (sp_solver_command_format(sp_solver_command_inputs, s->input_format) < 0)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver] key 'input_format': expected one of %s, got '%s'",
		                   path, fline, sp_solver_command_format_names(sp_solver_command_inputs, names, sizeof names), s->input_format);
	fline = S_text(c, "output_format", s->output_format, sizeof s->output_format, "sheetpile");
	if (sp_solver_command_format(sp_solver_command_outputs, s->output_format) < 0)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver] key 'output_format': expected one of %s, got '%s'",
		                   path, fline, sp_solver_command_format_names(sp_solver_command_outputs, names, sizeof names), s->output_format);
	/* the D-Sheet Piling formats write and read the subgrade model */
	for (int k = 0; k < 2; k++) {
		const char *key = k == 0 ? "input_format" : "output_format";
		if (strcmp(k == 0 ? s->input_format : s->output_format, "dsheet") == 0 && st->method != SP_METHOD_SUBGRADE) {
			int kline;
			sp_ini_value(c, "solver", key, &kline);
			return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver] key '%s': dsheet (D-Sheet Piling) needs [design] "
			                   "method = subgrade, the model it exchanges", path, kline, key);
		}
	}
	char rel[SP_PATH_MAX];
	int tline = S_text(c, "input_template", rel, sizeof rel, "");
	int templ = strcmp(s->input_format, "template") == 0;
	if (templ && tline == 0)
		return sp_ini_missing(c, "solver", "input_template", "the template of the solver's input file");
	if (!templ && tline)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver] key 'input_template': used only with input_format = "
		                   "template", path, tline);
	if (templ) {
		sp_ini_resolve_path(c, s->input_template, sizeof s->input_template, rel);
		if (sp_solver_command_check_template(s->input_template, &why) != SP_OK)
			return sp_ini_fail(c, why.code, "%s:%d: [solver] key 'input_template': %s", path, tline, why.text);
	}
	S_file_name(c, "input_file", s->input_file, sizeof s->input_file, "input.txt");
	S_file_name(c, "output_file", s->output_file, sizeof s->output_file, "output.txt");
	if (sp_ini_status(c) == SP_OK && strcmp(s->input_file, s->output_file) == 0)
		return sp_ini_fail(c, SP_EDATA, "%s:%d: [solver]: input_file and output_file must differ ('%s')", path,
		                   header, s->input_file);

	s->timeout_s = sp_ini_num(c, "solver", "timeout_s", 0, 0, 0, 0, 1e7, 0, "time limit of one attempt, s (0 = none)");
	s->retries = sp_ini_int(c, "solver", "retries", 1, 0, 100, "further attempts after a failed one");
	s->retry_backoff_s = sp_ini_num(c, "solver", "retry_backoff_s", 0, 1, 0, 0, 3600, 0, "wait before a retry, s");
	s->kill_grace_s = sp_ini_num(c, "solver", "kill_grace_s", 0, 2, 0, 0, 600, 0,
	                             "time between SIGTERM and SIGKILL, s");
	s->denied_retries = sp_ini_int(c, "solver", "licence_denied_retries", 100, 0, 1000000,
	                               "most licence-denied attempts of one analysis");
	s->keep_work = sp_ini_word(c, "solver", "keep_work", 0, S_keep_words);
	S_codes(c, s);
	int pline = S_text(c, "licence_denied_pattern", s->denied_pattern, sizeof s->denied_pattern, "");
	if (pline && s->denied_pattern[0]) {
		regex_t re;
		int e = regcomp(&re, s->denied_pattern, REG_EXTENDED | REG_NOSUB);
		if (e != 0) {
			char msg[200];
			regerror(e, &re, msg, sizeof msg);
			return sp_ini_fail(c, SP_EDATA,
			                   "%s:%d: [solver] key 'licence_denied_pattern': not a POSIX extended regular "
			                   "expression: %s",
			                   path, pline, msg);
		}
		regfree(&re);
	}
	/* the sensitivity study varies the study in memory, but a solver reads the file */
	if (st->sensitivity.enabled)
		return sp_ini_fail(c, SP_EDATA,
		                   "%s:%d: [sensitivity] cannot be used with [solver] (the solver reads the study file, "
		                   "not the varied values); run the sensitivity without [solver]",
		                   path, st->sensitivity.line);
	/* an external solver is wait-bound: without [run] licenses, one at a time */
	if (sp_ini_value(c, "run", "licenses", NULL) == NULL)
		st->licenses = 1;
	return sp_ini_status(c);
}
