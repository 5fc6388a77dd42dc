/* solver_command.c - the words, placeholders and formats of a [solver] section. */
#include "solver_command.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_LINE_MAX 8192

static const char *const S_names[] = {"sheetpile", "study", "input", "output", "workdir", "analysis_id",
                                      "profile", "ei_kNm2_per_m", "length_m", "toe_level_m", "anchor_level_m",
                                      "anchored", "diagram_step_m", NULL};

static int S_name_char(int ch)
{
	return islower(ch) || isdigit(ch) || ch == '_' || ch == 'N';
}

int sp_solver_command_expand(const char *text, sp_solver_command_value_fn value, void *user, char *out,
                             size_t size, sp_err_t *err)
{
	size_t n = 0;
	for (const char *p = text; *p;) {
		const char *q = p + 1;
		if (*p == '{')
			while (S_name_char((unsigned char)*q))
				q++;
		if (*p != '{' || q == p + 1 || *q != '}') { /* not a placeholder: copied as it is */
			if (out && n + 1 < size)
				out[n] = *p;
			n++, p++;
			continue;
		}
		size_t len = (size_t)(q - p - 1);
		int k = 0;
		while (S_names[k] && !(strlen(S_names[k]) == len && strncmp(S_names[k], p + 1, len) == 0))
			k++;
		if (S_names[k] == NULL)
			return sp_err_set(err, SP_EDATA,
			                  "unknown placeholder {%.*s} (known: {sheetpile} {study} {input} {output} {workdir} "
			                  "{analysis_id} {profile} {ei_kNm2_per_m} {length_m} {toe_level_m} "
			                  "{anchor_level_m} {anchored} {diagram_step_m})",
			                  (int)len, p + 1);
		if (value) {
			char buf[64];
			const char *v = value(user, k, buf, sizeof buf);
			size_t m = strlen(v);
			if (out && n + m < size)
				memcpy(out + n, v, m);
			n += m;
		}
		p = q + 1;
	}
	if (out) {
		if (n >= size)
			return sp_err_set(err, SP_EDATA, "text longer than %zu characters after filling in the placeholders",
			                  size - 1);
		out[n] = '\0';
	}
	return SP_OK;
}

int sp_solver_command_split(const char *cmd, int (*fn)(void *user, const char *word), void *user, sp_err_t *err)
{
	char word[S_LINE_MAX];
	int count = 0;
	const char *p = cmd;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return count;
		size_t n = 0;
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '\'' || *p == '"') {
				char quote = *p++;
				while (*p && *p != quote) {
					if (n + 1 < sizeof word)
						word[n++] = *p;
					p++;
				}
				if (*p != quote) {
					sp_err_set(err, SP_EDATA, "unbalanced %c quote", quote);
					return -1;
				}
				p++;
			} else {
				if (n + 1 < sizeof word)
					word[n++] = *p;
				p++;
			}
		}
		word[n] = '\0';
		if (fn(user, word) != 0)
			return -1;
		count++;
	}
}

static int S_check_word(void *user, const char *word)
{
	return sp_solver_command_expand(word, NULL, NULL, NULL, 0, user) != SP_OK;
}

int sp_solver_command_check(const char *command, sp_err_t *err)
{
	int n = sp_solver_command_split(command, S_check_word, err, err);
	if (n < 0)
		return err ? err->code : SP_EDATA;
	if (n == 0)
		return sp_err_set(err, SP_EDATA, "the command is empty");
	return SP_OK;
}

char *sp_solver_command_template_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n + 1 < cap)
			break;
		char *b = realloc(buf, 2 * cap);
		if (b == NULL) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = b;
		cap *= 2;
	}
	int bad = ferror(fp);
	fclose(fp);
	if (buf == NULL || bad) {
		free(buf);
		errno = bad ? EIO : ENOMEM;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int sp_solver_command_check_template(const char *path, sp_err_t *err)
{
	char *text = sp_solver_command_template_read(path, NULL);
	if (text == NULL)
		return sp_err_set(err, SP_ENOINPUT, "%s: cannot read the template: %s", path, strerror(errno));
	int rc = sp_solver_command_expand(text, NULL, NULL, NULL, 0, err);
	free(text);
	return rc;
}

const char *const sp_solver_command_inputs[] = {"sheetpile", "template", "dsheet", NULL};
const char *const sp_solver_command_outputs[] = {"sheetpile", "dsheet", NULL};

int sp_solver_command_format(const char *const *formats, const char *name)
{
	for (int i = 0; formats[i]; i++)
		if (strcmp(formats[i], name) == 0)
			return i;
	return -1;
}

const char *sp_solver_command_format_names(const char *const *formats, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; formats[i]; i++) {
		strncat(buf, i ? ", " : "", size - strlen(buf) - 1);
		strncat(buf, formats[i], size - strlen(buf) - 1);
	}
	return buf;
}
