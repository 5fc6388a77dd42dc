/* study_checks.h - checks shared by the study-file tests (test_study.c,
 * test_study_wall.c): a study that must parse, a message that must hold a
 * piece, and a fixture that must fail naming file:line and key. Include after
 * harness.h and define FIX (the fixture folder) first. */
#ifndef SP_STUDY_CHECKS_H
#define SP_STUDY_CHECKS_H

#include <stdio.h>
#include <string.h>
#include "harness.h"
#include "study.h"
#include "study_read.h"

/* Read a study that must parse; NULL (and a printed message) otherwise. */
static sp_study_t *read_ok(const char *file, const char *what)
{
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read(file, &err);
	char name[256];
	snprintf(name, sizeof name, "%s: %s parses", what, file);
	OK(st != NULL, name);
	if (st == NULL)
		printf("     error %d: %s\n", err.code, err.text);
	return st;
}

static void has(const char *text, const char *want, const char *what)
{
	char name[320];
	snprintf(name, sizeof name, "%s: message has \"%s\"", what, want);
	OK(strstr(text, want) != NULL, name);
	if (strstr(text, want) == NULL)
		printf("     message was: %s\n", text);
}

/* Read FIX/fixture, which must fail with `code`; the message must name the
 * file, "file:LINE:" when line > 0, and the given pieces (key, section...). */
static void expect_err_code(const char *fixture, int code, int line, const char *s1, const char *s2,
                            const char *what)
{
	char path[256], name[320];
	snprintf(path, sizeof path, FIX "%s", fixture);
	sp_err_t err = {0, ""};
	sp_study_t *st = sp_study_read(path, &err);
	snprintf(name, sizeof name, "%s (%s): read fails", what, fixture);
	OK(st == NULL, name);
	snprintf(name, sizeof name, "%s (%s): status code", what, fixture);
	INT_EQ(err.code, code, name);
	if (st != NULL) { /* accepted: no message to check */
		sp_study_free(st);
		return;
	}
	snprintf(name, sizeof name, "%s (%s)", what, fixture);
	has(err.text, path, name);
	if (line > 0) {
		char at[300];
		snprintf(at, sizeof at, "%s:%d:", path, line);
		has(err.text, at, name);
	}
	if (s1)
		has(err.text, s1, name);
	if (s2)
		has(err.text, s2, name);
}

#endif
