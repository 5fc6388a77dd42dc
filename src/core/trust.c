/* trust.c - the fingerprint of a [solver] and the user's trust store. */
#define _POSIX_C_SOURCE 200809L
#include "trust.h"
#include "solver_command.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define S_STORE_DIR "sheetpile"
#define S_STORE_FILE "trusted-solvers"
#define S_FORMAT "sheetpile trusted solver 1\n" /* what the fingerprint hashes, version 1 */

/* ---- the fingerprint -------------------------------------------------------- */

typedef struct {
	char word[SP_PATH_MAX];
	int got;
} S_first;

static int S_first_word(void *user, const char *w)
{
	S_first *f = user;
	sp_strlcpy(f->word, w, sizeof f->word);
	f->got = 1;
	return 1; /* the program is all we need */
}

/* An executable regular file. */
static int S_runnable(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && access(path, X_OK) == 0;
}

/* The program of the command's first word, as the pool will start it
 * (posix_spawnp): {sheetpile} is this executable, a bare name is looked up
 * in PATH (its absolute folders), a path is kept as written (a relative one
 * is relative to the job's work directory). */
static void S_program(const char *command, char *out, size_t size)
{
	S_first f = {"", 0};
	sp_solver_command_split(command, S_first_word, &f, NULL);
	sp_strlcpy(out, f.word, size);
	if (strcmp(f.word, "{sheetpile}") == 0) {
		ssize_t n = readlink("/proc/self/exe", out, size - 1);
		out[n > 0 ? n : 0] = '\0';
		return;
	}
	if (f.word[0] == '\0' || strchr(f.word, '/') || strchr(f.word, '{'))
		return;
	const char *path = getenv("PATH");
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, ":");
		char cand[SP_PATH_MAX];
		if (n > 0 && p[0] == '/' && snprintf(cand, sizeof cand, "%.*s/%s", (int)n, p, f.word) < (int)sizeof cand
		    && S_runnable(cand)) {
			sp_strlcpy(out, cand, size);
			return;
		}
		p += n + (p[n] == ':');
	}
}

/* One field of what is hashed: its name, its length, its bytes. */
static void S_field(sp_sha256_t *h, const char *name, const char *data, size_t n)
{
	char head[128];
	int k = snprintf(head, sizeof head, "%s %zu\n", name, n);
	sp_sha256_update(h, head, (size_t)k);
	sp_sha256_update(h, data, n);
	sp_sha256_update(h, "\n", 1);
}

int sp_trust_fingerprint(const sp_solver_t *s, sp_trust_fp_t *fp, sp_err_t *err)
{
	S_program(s->command, fp->program, sizeof fp->program);
	sp_sha256_t h;
	sp_sha256_init(&h);
	sp_sha256_update(&h, S_FORMAT, strlen(S_FORMAT));
	S_field(&h, "command", s->command, strlen(s->command));
	S_field(&h, "program", fp->program, strlen(fp->program));
	S_field(&h, "input_format", s->input_format, strlen(s->input_format));
	if (strcmp(s->input_format, "template") == 0) {
		size_t len;
		char *text = sp_solver_command_template_read(s->input_template, &len);
		if (text == NULL)
			return sp_err_set(err, SP_ENOINPUT, "%s: cannot read the input template: %s", s->input_template,
			                  strerror(errno));
		S_field(&h, "input_template", text, len);
		free(text);
	}
	unsigned char d[SP_SHA256_BYTES];
	sp_sha256_final(&h, d);
	sp_sha256_to_hex(d, fp->hex);
	return SP_OK;
}

/* ---- the store ------------------------------------------------------------------ */

/* The folder that holds the store's folder: $XDG_CONFIG_HOME, else ~/.config. */
static int S_config_home(char *buf, size_t size, sp_err_t *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && xdg[0] == '/') { /* the XDG rule: a relative one is ignored */
		snprintf(buf, size, "%s", xdg);
		return SP_OK;
	}
	const char *home = getenv("HOME");
	if (home == NULL || home[0] != '/') {
		struct passwd *pw = getpwuid(geteuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (home == NULL || home[0] != '/')
		return sp_err_set(err, SP_ENOINPUT, "no home folder for the trust store: set HOME or XDG_CONFIG_HOME");
	snprintf(buf, size, "%s/.config", home);
	return SP_OK;
}

int sp_trust_store_path(char *buf, size_t size, sp_err_t *err)
{
	char base[SP_PATH_MAX];
	int rc = S_config_home(base, sizeof base, err);
	if (rc == SP_OK)
		snprintf(buf, size, "%s/" S_STORE_DIR "/" S_STORE_FILE, base);
	return rc;
}

/* The file open as fd (path for messages) is a directory (dir) or a regular
 * file, the user's, and not writable by group or others. */
static int S_check(int fd, const char *path, int dir, sp_err_t *err)
{
	struct stat sb;
	if (fstat(fd, &sb) != 0)
		return sp_err_set(err, SP_EIO, "%s: %s", path, strerror(errno));
	if (dir ? !S_ISDIR(sb.st_mode) : !S_ISREG(sb.st_mode))
		return sp_err_set(err, SP_ENOPERM, "the trust store %s is refused: not a %s", path,
		                  dir ? "folder" : "regular file");
	if (sb.st_uid != geteuid())
		return sp_err_set(err, SP_ENOPERM, "the trust store %s is refused: it belongs to user id %ld, not to you "
		                  "(%ld)", path, (long)sb.st_uid, (long)geteuid());
	if (sb.st_mode & (S_IWGRP | S_IWOTH))
		return sp_err_set(err, SP_ENOPERM, "the trust store %s is refused: others may write to it (chmod go-w "
		                  "it, or remove it and trust again)", path);
	return SP_OK;
}

/* Open the store's folder (make: create it, 0700, and the folders above it)
 * without following a symbolic link; -1 with *err, or -2 when it does not
 * exist and make is 0. */
static int S_open_dir(char *dir, size_t size, int make, sp_err_t *err)
{
	char base[SP_PATH_MAX];
	if (S_config_home(base, sizeof base, err) != SP_OK)
		return -1;
	snprintf(dir, size, "%s/" S_STORE_DIR, base);
	if (make) { /* mkdir -p, 0700 */
		for (char *p = dir + 1;; p++) {
			if (*p != '/' && *p != '\0')
				continue;
			char keep = *p;
			*p = '\0';
			int bad = mkdir(dir, 0700) != 0 && errno != EEXIST;
			*p = keep;
			if (bad) {
				sp_err_set(err, SP_ECANTCREAT, "cannot create the trust store's folder %s: %s", dir,
				           strerror(errno));
				return -1;
			}
			if (keep == '\0')
				break;
		}
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && !make)
		return -2;
	if (fd < 0) {
		if (errno == ELOOP || errno == ENOTDIR)
			sp_err_set(err, SP_ENOPERM, "the trust store %s is refused: a symbolic link or not a folder", dir);
		else
			sp_err_set(err, SP_EIO, "the trust store %s: %s", dir, strerror(errno));
		return -1;
	}
	if (S_check(fd, dir, 1, err) != SP_OK) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Open the store in its folder dfd (flags: O_RDONLY, or O_RDWR | O_CREAT
 * | O_APPEND), refusing a link; NULL with *err, or NULL with err->code 0
 * when it does not exist and may not be created. */
static FILE *S_open_store(int dfd, const char *dir, int flags, sp_err_t *err)
{
	char path[SP_PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/" S_STORE_FILE, dir);
	int fd = openat(dfd, S_STORE_FILE, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
	if (fd < 0) {
		if (errno == ENOENT && !(flags & O_CREAT))
			err->code = 0;
		else if (errno == ELOOP)
			sp_err_set(err, SP_ENOPERM, "the trust store %s is refused: a symbolic link", path);
		else
			sp_err_set(err, (flags & O_CREAT) ? SP_ECANTCREAT : SP_EIO, "the trust store %s: %s", path,
			           strerror(errno));
		return NULL;
	}
	FILE *fp = S_check(fd, path, 0, err) == SP_OK ? fdopen(fd, (flags & O_CREAT) ? "a+" : "r") : NULL;
	if (fp == NULL) {
		if (err->code == 0)
			sp_err_set(err, SP_EIO, "the trust store %s: %s", path, strerror(errno));
		close(fd);
	}
	return fp;
}

/* 1 when the open store holds fp (a line starting with its hex digits). */
static int S_holds(FILE *fp, const sp_trust_fp_t *fp_)
{
	char line[512];
	size_t n = strlen(fp_->hex);
	int found = 0, start = 1;
	while (!found && fgets(line, sizeof line, fp)) {
		if (start && strncmp(line, fp_->hex, n) == 0 && (line[n] == ' ' || line[n] == '\n' || line[n] == '\0'))
			found = 1;
		start = strchr(line, '\n') != NULL; /* a long line's rest is no line start */
	}
	return found;
}

int sp_trust_lookup(const sp_trust_fp_t *fp, sp_err_t *err)
{
	char dir[SP_PATH_MAX + 16];
	sp_err_t e = {0, ""};
	int dfd = S_open_dir(dir, sizeof dir, 0, &e);
	if (dfd == -2)
		return 0;
	FILE *store = dfd >= 0 ? S_open_store(dfd, dir, O_RDONLY, &e) : NULL;
	if (dfd >= 0)
		close(dfd);
	if (store == NULL && e.code == 0)
		return 0; /* no store yet */
	if (store == NULL) {
		if (err)
			*err = e;
		return -1;
	}
	int found = S_holds(store, fp);
	int bad = ferror(store);
	fclose(store);
	if (bad) {
		sp_err_set(err, SP_EIO, "the trust store %s/" S_STORE_FILE ": read error", dir);
		return -1;
	}
	return found;
}

/* text for a reader of the store: one line, control characters as '?' */
static void S_put_line_text(FILE *fp, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, fp);
}

int sp_trust_add(const sp_trust_fp_t *fp, const char *command, const char *study, int *added, sp_err_t *err)
{
	*added = 0;
	char dir[SP_PATH_MAX + 16];
	sp_err_t e = {0, ""};
	int dfd = S_open_dir(dir, sizeof dir, 1, &e);
	FILE *store = dfd >= 0 ? S_open_store(dfd, dir, O_RDWR | O_CREAT | O_APPEND, &e) : NULL;
	if (dfd >= 0)
		close(dfd);
	if (store == NULL) {
		if (err)
			*err = e;
		return e.code;
	}
	if (S_holds(store, fp)) {
		fclose(store);
		return SP_OK;
	}
	fseek(store, 0, SEEK_END);
	if (ftell(store) == 0)
		fputs("# sheetpile: the [solver] commands you trusted (sheetpile trust STUDY.ini), one per line:\n"
		      "# SHA-256 of the command, its program and input template; then, for reading, the program,\n"
		      "# the command, the study and the date. Delete a line to withdraw the trust.\n", store);
	char date[32] = "";
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm))
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
	fprintf(store, "%s program=", fp->hex);
	S_put_line_text(store, fp->program);
	fputs(" command=", store);
	S_put_line_text(store, command);
	fputs(" study=", store);
	S_put_line_text(store, study);
	fprintf(store, " date=%s\n", date);
	int bad = fflush(store) != 0 || ferror(store) || fsync(fileno(store)) != 0;
	if (fclose(store) != 0)
		bad = 1;
	if (bad)
		return sp_err_set(err, SP_EIO, "the trust store %s/" S_STORE_FILE ": write error: %s", dir, strerror(errno));
	*added = 1;
	return SP_OK;
}
