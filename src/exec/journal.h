/* journal.h - journal.txt of engine exec (journal.c).
 *
 * The first line names the format, a fingerprint of what the analyses
 * depend on (the study, its catalogue, the solver's command and template)
 * and their number; then one line per finished analysis: its id, the
 * analysis' numbers printed with %.17g (read back bit for bit), the job's
 * attempts, slot and times, whether the solver failed, the reason (escaped)
 * and a checksum of the header's fingerprint and the line, so that a torn
 * last line (SIGKILL, power cut) is recognised and dropped, and a line of
 * another study's journal is not taken.
 *
 * The checksum is no signature: whoever can write the output directory can
 * write lines that pass it. So --resume takes a whole line only when every
 * number in it is one a solver run can have written (sp_journal_parse), and
 * refuses the journal, naming the line, otherwise. */
#ifndef SP_JOURNAL_H
#define SP_JOURNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "checks.h"
#include "engine.h"
#include "pool.h"
#include "study.h"

#define SP_JOURNAL_FILE "journal.txt"

/* What a journal line holds besides the analysis. */
typedef struct {
	int ok, has_displacement, attempts, slot, solver_failed;
	double v[SP_CHECKS_N_NUMBERS], start_s, end_s; /* v: as sp_checks_number */
	char reason[SP_REASON_MAX];
} sp_journal_entry_t;

/* sp_journal_parse: a line to take; a torn one (no line end, a checksum that
 * does not match: it and what follows run again); a whole line that no
 * solver run writes (the journal is refused). */
enum { SP_JOURNAL_WHOLE = 0, SP_JOURNAL_TORN = 1, SP_JOURNAL_BAD = 2 };

/* One journal line (with its newline) into buf (size bytes) for analysis
 * id, its result a and its job j, in the journal whose header has this
 * fingerprint. */
size_t sp_journal_line(char *buf, size_t size, uint64_t fingerprint, size_t id, const sp_analysis_t *a,
                       const sp_pool_job_t *j, int solver_failed);
/* The checksum of the line's first n bytes (up to the " #" before it) in a
 * journal whose header has this fingerprint: FNV-1a, 32 bits, of the
 * fingerprint's 16 lowercase hex digits and then the line. No secret: it
 * finds torn lines and lines of another journal, nothing else. */
uint32_t sp_journal_checksum(uint64_t fingerprint, const char *line, size_t n);
/* Parse a journal line (modified in place) of a journal of n_analyses whose
 * header has this fingerprint: SP_JOURNAL_WHOLE (then *id and *e), or
 * SP_JOURNAL_TORN, or SP_JOURNAL_BAD with why (why_size bytes) naming the
 * field and the range it must lie in. The ranges: id < n_analyses; ok,
 * has_displacement and solver_failed 0 or 1, ok = 1 only without a solver
 * failure and with no reason; the nine numbers finite and within
 * sp_checks_number_range; attempts from 1 (0 for a solver never started) to
 * 1 + 100 + 1e6 (the most [solver] retries and licence_denied_retries allow);
 * slot from 0 to 999999 (licences are at most 1e6); times finite, from 0 to
 * 1e9 s, end >= start; the reason printable ASCII, %XX escapes, under
 * SP_REASON_MAX bytes. */
int sp_journal_parse(char *line, size_t n_analyses, uint64_t fingerprint, size_t *id, sp_journal_entry_t *e,
                     char *why, size_t why_size);
/* Open dir/journal.txt for n analyses of st: a fresh one, or (resume) the
 * old one with its whole lines loaded into out[], done[] and meta[] (their
 * count in *resumed), a torn tail cut off; *fingerprint is the header's, for
 * sp_journal_line. NULL with *err when it cannot be made, belongs to another
 * study or holds a line no solver run writes (SP_EDATA, "journal.txt:LINE: why"). */
FILE *sp_journal_open(const char *dir, const sp_study_t *st, size_t n, int resume, sp_analysis_t *out, char *done,
                      sp_journal_entry_t *meta, size_t *resumed, uint64_t *fingerprint, sp_err_t *err);

#endif
