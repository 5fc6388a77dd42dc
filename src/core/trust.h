/* trust.h - the user's consent to a study's external solver: a study file
 * can name any program in its [solver] command, so `run`, `batch` and
 * `analyze` start one only when the user has agreed to that exact command
 * (`sheetpile trust STUDY.ini`, or --trust-solver for one invocation).
 *
 * What is agreed to is a fingerprint, the SHA-256 of
 *   - the [solver] command as the study file writes it ({placeholders} not
 *     filled in: they change with every analysis),
 *   - the absolute path of the program it names ({sheetpile}: this
 *     executable; a bare name: where PATH finds it),
 *   - the input format and, for input_format = template, the template's
 *     contents (the solver reads them too),
 * kept one per line in the user's trust store,
 * $XDG_CONFIG_HOME/sheetpile/trusted-solvers (~/.config/... when
 * XDG_CONFIG_HOME is unset or not absolute). The store is a file of mode
 * 0600 in a folder of mode 0700; a store or folder that is a symbolic link,
 * is not the user's or is writable by others is refused (SP_ENOPERM), as ssh
 * refuses such a ~/.ssh. Never prints, never exits. */
#ifndef SP_TRUST_H
#define SP_TRUST_H

#include "sha256.h"
#include "study.h"

typedef struct {
	char program[SP_PATH_MAX];   /* the program the command names: absolute when found */
	char hex[SP_SHA256_HEX];     /* the fingerprint, lowercase hex */
} sp_trust_fp_t;

/* The fingerprint of a [solver] section. SP_ENOINPUT when its input
 * template cannot be read. */
int sp_trust_fingerprint(const sp_solver_t *s, sp_trust_fp_t *fp, sp_err_t *err);

/* The trust store's path into buf; SP_ENOINPUT when there is no home
 * folder to put it in. */
int sp_trust_store_path(char *buf, size_t size, sp_err_t *err);

/* 1 when the store holds fp, 0 when it does not (or there is no store
 * yet), -1 when the store cannot be used (*err: SP_ENOPERM for a store that
 * is refused, SP_EIO, SP_ENOINPUT). */
int sp_trust_lookup(const sp_trust_fp_t *fp, sp_err_t *err);

/* Record fp in the store, with the command and the study for a reader,
 * creating the store (0600) and its folder (0700) when missing. *added: 1
 * when written, 0 when the store already held it. SP_OK, SP_ENOPERM (store
 * refused), SP_ECANTCREAT, SP_EIO. */
int sp_trust_add(const sp_trust_fp_t *fp, const char *command, const char *study, int *added, sp_err_t *err);

#endif
