/* journal.h - journal.txt of engine exec (journal.c).
 *
 * The first line names the format, a fingerprint of what the analyses
 * depend on (the study, its catalogue, the solver's command and template)
 * and their number; then one line per finished analysis: its id, the
 * analysis' numbers printed with %.17g (read back bit for bit), the job's
 * attempts, slot and times, whether the solver failed, the reason (escaped)
 * and a checksum of the line, so that a torn last line (SIGKILL, power cut)
 * is recognised and dropped. */
#ifndef SP_JOURNAL_H
#define SP_JOURNAL_H

#include <stddef.h>
#include <stdio.h>
#include "engine.h"
#include "pool.h"
#include "study.h"

#define SP_JOURNAL_FILE "journal.txt"

/* What a journal line holds besides the analysis. */
typedef struct {
	int ok, has_displacement, attempts, slot, solver_failed;
	double v[9], start_s, end_s;
	char reason[SP_REASON_MAX];
} sp_journal_entry_t;

/* One journal line (with its newline) into buf (size bytes) for analysis
 * id, its result a and its job j. */
size_t sp_journal_line(char *buf, size_t size, size_t id, const sp_analysis_t *a, const sp_pool_job_t *j,
                       int solver_failed);
/* Parse a journal line (modified in place) of a journal of n_analyses: 0
 * when it is whole and its checksum is right (then *id and *e), else -1. */
int sp_journal_parse(char *line, size_t n_analyses, size_t *id, sp_journal_entry_t *e);
/* Open dir/journal.txt for n analyses of st: a fresh one, or (resume) the
 * old one with its whole lines loaded into out[], done[] and meta[] (their
 * count in *resumed), a torn tail cut off. NULL with *err when it cannot be
 * made or belongs to another study. */
FILE *sp_journal_open(const char *dir, const sp_study_t *st, size_t n, int resume, sp_analysis_t *out, char *done,
                      sp_journal_entry_t *meta, size_t *resumed, sp_err_t *err);

#endif
