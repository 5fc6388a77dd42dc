/* outfile.c - atomic output files; the output directory: its rule, its
 * safety and its lock.
 *
 * The output directories this process prepared are kept open (a descriptor
 * of the directory and one of its locked marker) until the process ends, in
 * a table looked up by device and inode; whatever is written into them or
 * into a directory directly inside them is created, renamed and removed
 * relative to that descriptor (openat, mkdirat, renameat, unlinkat), and no
 * link is followed. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_DIRECTORY, O_CLOEXEC, fdopendir, getrandom, flock */
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#define S_MARKER_TEXT "sheetpile " SP_VERSION " output directory: sheetpile may write into it again\n"
#define S_DIR_MODE 0755
#define S_FILE_MODE 0644
#define S_TMP_TRIES 100

static sp_csv_dialect_t S_dialect = SP_CSV_RFC4180;

void sp_outfile_set_csv_dialect(sp_csv_dialect_t d)
{
	S_dialect = d;
}

sp_csv_dialect_t sp_outfile_csv_dialect(void)
{
	return S_dialect;
}

/* ---- the prepared output directories ------------------------------------------ */

typedef struct {
	dev_t dev;
	ino_t ino;
	int fd;   /* the directory */
	int lock; /* its marker, locked */
} S_outdir;

static pthread_mutex_t S_mutex = PTHREAD_MUTEX_INITIALIZER; /* guards S_dirs */
static S_outdir *S_dirs;
static size_t S_n_dirs, S_cap_dirs;

/* the prepared directory of sb, or NULL; under S_mutex */
static const S_outdir *S_find_stat(const struct stat *sb)
{
	for (size_t i = 0; i < S_n_dirs; i++)
		if (S_dirs[i].dev == sb->st_dev && S_dirs[i].ino == sb->st_ino)
			return &S_dirs[i];
	return NULL;
}

/* the prepared directory dir is (by any path), or NULL; under S_mutex */
static const S_outdir *S_find(const char *dir)
{
	struct stat sb;
	return S_n_dirs && stat(dir, &sb) == 0 ? S_find_stat(&sb) : NULL;
}

/* ---- names, checks and messages -------------------------------------------------- */

/* dir without trailing slashes (a trailing slash would follow a link) */
static int S_strip(char *buf, size_t size, const char *dir)
{
	if ((size_t)snprintf(buf, size, "%s", dir) >= size)
		return -1;
	for (size_t n = strlen(buf); n > 1 && buf[n - 1] == '/'; n--)
		buf[n - 1] = '\0';
	return 0;
}

/* dir split into its parent (".": none) and its last name */
static void S_split(const char *dir, char *parent, size_t size, const char **base)
{
	const char *slash = strrchr(dir, '/');
	if (slash == NULL) {
		snprintf(parent, size, ".");
		*base = dir;
	} else {
		snprintf(parent, size, "%.*s", slash == dir ? 1 : (int)(slash - dir), dir);
		*base = slash + 1;
	}
}

/* a name that is not "", "." or ".." */
static int S_plain(const char *name)
{
	return *name && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static int S_link_error(sp_err_t *err, const char *path)
{
	return sp_err_set(err, SP_ECANTCREAT,
	                  "%s: is a symbolic link: sheetpile never follows a link in or as its output directory "
	                  "(give the directory it points to, or remove the link)", path);
}

/* sb (of path) is a directory (dir) or a regular file of this user that its
 * group and others cannot write; else SP_ECANTCREAT naming path */
static int S_check(const struct stat *sb, const char *path, int dir, sp_err_t *err)
{
	if (S_ISLNK(sb->st_mode))
		return S_link_error(err, path);
	if (dir && !S_ISDIR(sb->st_mode))
		return sp_err_set(err, SP_ECANTCREAT, "%s: exists and is not a directory", path);
	if (!dir && !S_ISREG(sb->st_mode))
		return sp_err_set(err, SP_ECANTCREAT, "%s: is not a regular file", path);
	if (sb->st_uid != geteuid())
		return sp_err_set(err, SP_ECANTCREAT,
		                  "%s: belongs to another user (uid %lu): sheetpile writes only into an output directory "
		                  "of your own (as ssh does for ~/.ssh); --force does not change that",
		                  path, (unsigned long)sb->st_uid);
	if (sb->st_mode & (S_IWGRP | S_IWOTH))
		return sp_err_set(err, SP_ECANTCREAT,
		                  "%s: is writable by its group or by others (mode %04o), who could plant links in it; "
		                  "make it private (chmod go-w) or choose another -o DIR; --force does not change that",
		                  path, (unsigned)(sb->st_mode & 07777));
	return SP_OK;
}

/* .name.XXXXXXXXXX.tmp with ten random letters and digits */
static void S_random_name(char *buf, size_t size, const char *name)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long counter;
	unsigned char r[10];
	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) { /* O_EXCL keeps it safe anyway */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		unsigned long long x = (unsigned long long)ts.tv_nsec * 2654435761u ^ (unsigned long long)getpid() << 32 ^
		                       __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED) * 0x9E3779B97F4A7C15ull;
		for (size_t i = 0; i < sizeof r; i++, x = x * 6364136223846793005ull + 1442695040888963407ull)
			r[i] = (unsigned char)(x >> 56);
	}
	char s[sizeof r + 1];
	for (size_t i = 0; i < sizeof r; i++)
		s[i] = digits[r[i] % (sizeof digits - 1)];
	s[sizeof r] = '\0';
	snprintf(buf, size, ".%.200s.%s.tmp", name, s);
}

/* A new file of a random name for name in dfd (O_CREAT|O_EXCL|O_NOFOLLOW):
 * its descriptor, its name in tmpname; -1 and errno when it cannot be made. */
static int S_create_tmp(int dfd, const char *name, int flags, mode_t mode, char *tmpname, size_t size)
{
	for (int i = 0; i < S_TMP_TRIES; i++) {
		S_random_name(tmpname, size, name);
		int fd = openat(dfd, tmpname, flags | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

/* ---- removing a tree without following links ---------------------------------------- */

static void S_remove_at(int dfd, const char *name, int depth)
{
	if (unlinkat(dfd, name, 0) == 0 || errno == ENOENT || depth > 64)
		return;
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return;
	}
	for (int pass = 0; pass < 2; pass++) { /* a second pass: entries a removal hid from readdir */
		struct dirent *e;
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				S_remove_at(fd, e->d_name, depth + 1);
		if (unlinkat(dfd, name, AT_REMOVEDIR) == 0)
			break;
		rewinddir(d);
	}
	closedir(d);
}

void sp_outdir_remove(const char *dir, const char *name)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return;
	S_remove_at(dfd, name, 0);
	close(dfd);
}

/* ---- opening directories ------------------------------------------------------------ */

/* Open (make: create) the directory path, relative to a prepared directory
 * when path is directly inside one; what names it in messages. The
 * descriptor, checked (S_check); -1 and *err. Under S_mutex. */
static int S_open_dir(const char *path, int make, const char *what, int *created, sp_err_t *err)
{
	char parent[4096];
	const char *base;
	S_split(path, parent, sizeof parent, &base);
	const S_outdir *p = S_plain(base) ? S_find(parent) : NULL;
	int pfd = p ? p->fd : AT_FDCWD;
	const char *name = p ? base : path;
	int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	*created = 0;
	int fd = openat(pfd, name, flags);
	if (fd < 0 && errno == ENOENT && make) {
		if (mkdirat(pfd, name, S_DIR_MODE) == 0)
			*created = 1;
		else if (errno != EEXIST) /* EEXIST: made meanwhile, or a dangling link (refused below) */
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create %s: %s", path, what, strerror(errno)), -1;
		fd = openat(pfd, name, flags);
	}
	struct stat sb;
	if (fd < 0) {
		int e = errno;
		if (e == ELOOP || (fstatat(pfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(sb.st_mode)))
			return S_link_error(err, path), -1;
		if (e == ENOTDIR)
			return sp_err_set(err, SP_ECANTCREAT, "%s: exists and is not a directory", path), -1;
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot open %s: %s", path, what, strerror(e)), -1;
	}
	int rc = fstat(fd, &sb) != 0 ? sp_err_set(err, SP_ECANTCREAT, "%s: %s", path, strerror(errno))
	                             : S_check(&sb, path, 1, err);
	if (rc != SP_OK) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The descriptor of dir when it is a prepared output directory or directly
 * inside one (*ours = 1; -1 and *err when it is unsafe); else -1 and
 * *ours = 0. Under S_mutex. */
static int S_our_dir(const char *dir, int *ours, sp_err_t *err)
{
	const S_outdir *o = S_find(dir);
	*ours = 1;
	if (o) {
		int fd = fcntl(o->fd, F_DUPFD_CLOEXEC, 0);
		if (fd < 0)
			sp_err_set(err, SP_ECANTCREAT, "%s: %s", dir, strerror(errno));
		return fd;
	}
	char parent[4096];
	const char *base;
	S_split(dir, parent, sizeof parent, &base);
	int created;
	if (S_plain(base) && S_find(parent))
		return S_open_dir(dir, 0, "the directory", &created, err);
	*ours = 0;
	return -1;
}

int sp_outdir_open(const char *dir, int make, sp_err_t *err)
{
	char d[4096];
	if (S_strip(d, sizeof d, dir) != 0)
		return sp_err_set(err, SP_ECANTCREAT, "%s: path too long", dir), -1;
	int created;
	pthread_mutex_lock(&S_mutex);
	const S_outdir *o = S_find(d);
	int fd = o ? fcntl(o->fd, F_DUPFD_CLOEXEC, 0) : S_open_dir(d, make, "the directory", &created, err);
	if (o && fd < 0)
		sp_err_set(err, SP_ECANTCREAT, "%s: %s", d, strerror(errno));
	pthread_mutex_unlock(&S_mutex);
	return fd;
}

int sp_outdir_fresh(const char *dir, const char *name, sp_err_t *err)
{
	int dfd = sp_outdir_open(dir, 1, err);
	if (dfd < 0)
		return err->code;
	S_remove_at(dfd, name, 0);
	int rc = SP_OK;
	if (mkdirat(dfd, name, S_DIR_MODE) != 0)
		rc = sp_err_set(err, SP_ECANTCREAT, "%s/%s: cannot create the directory: %s", dir, name, strerror(errno));
	close(dfd);
	return rc;
}

/* ---- opening files in a directory ------------------------------------------------------ */

int sp_outdir_openat(int dfd, const char *dir, const char *name, sp_outdir_how_t how, sp_err_t *err)
{
	static const int flags[] = {O_RDONLY, O_RDWR, O_WRONLY, O_WRONLY | O_APPEND};
	int f = flags[how] | O_NOFOLLOW | O_CLOEXEC, fd = -1, e = 0;
	struct stat sb;
	/* REPLACE: whatever has the name; APPEND: a link, fifo or device there */
	if ((how == SP_OUTDIR_REPLACE || (how == SP_OUTDIR_APPEND && fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0
	                                  && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)))
	    && unlinkat(dfd, name, 0) != 0 && errno != ENOENT) {
		e = errno;
		goto fail;
	}
	if (how != SP_OUTDIR_REPLACE)
		fd = openat(dfd, name, f | O_NONBLOCK); /* a fifo planted meanwhile does not block */
	if (fd < 0 && (how == SP_OUTDIR_REPLACE || (how == SP_OUTDIR_APPEND && errno == ENOENT)))
		fd = openat(dfd, name, f | O_CREAT | O_EXCL, S_FILE_MODE);
	if (fd < 0) {
		e = errno;
		goto fail;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		e = EINVAL;
		goto fail;
	}
	if (how == SP_OUTDIR_UPDATE) {
		char path[4400];
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (S_check(&sb, path, 0, err) != SP_OK) {
			close(fd);
			errno = EPERM;
			return -1;
		}
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	int code = how == SP_OUTDIR_READ ? SP_ENOINPUT : SP_ECANTCREAT;
	if (e == ELOOP)
		sp_err_set(err, code, "%s/%s: is a symbolic link: sheetpile never follows a link in its output directory",
		           dir, name);
	else if (e == EINVAL)
		sp_err_set(err, code, "%s/%s: is not a regular file", dir, name);
	else
		sp_err_set(err, code, "%s/%s: cannot %s: %s", dir, name,
		           how == SP_OUTDIR_READ || how == SP_OUTDIR_UPDATE ? "open" : "create", strerror(e));
	errno = e;
	return -1;
}

/* ---- output files ------------------------------------------------------------------------ */

/* f->tmpname (complete, closed) converted to the CSV dialect, as another
 * temporary file that takes its place in f->tmpname and f->tmp */
static int S_convert(sp_outfile_t *f, sp_err_t *err)
{
	char conv[sizeof f->tmpname];
	int in = openat(f->dirfd, f->tmpname, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	int out = in >= 0 ? S_create_tmp(f->dirfd, f->path + f->base, O_WRONLY, 0666, conv, sizeof conv) : -1;
	FILE *fin = in >= 0 ? fdopen(in, "rb") : NULL, *fout = out >= 0 ? fdopen(out, "wb") : NULL;
	int e = errno, rc = SP_EIO;
	if (fin && fout) {
		rc = sp_csv_convert(fin, fout, S_dialect);
		e = errno;
	}
	if (fout ? fclose(fout) != 0 : (out >= 0 && close(out) != 0)) {
		if (rc == SP_OK)
			e = errno;
		rc = SP_EIO;
	}
	if (fin)
		fclose(fin);
	else if (in >= 0)
		close(in);
	unlinkat(f->dirfd, f->tmpname, 0);
	if (rc != SP_OK) {
		if (out >= 0)
			unlinkat(f->dirfd, conv, 0);
		return sp_err_set(err, SP_EIO, "%s: cannot write the %s dialect: %s", f->path,
		                  sp_csv_dialect_name(S_dialect), strerror(e));
	}
	memcpy(f->tmpname, conv, sizeof conv);
	snprintf(f->tmp, sizeof f->tmp, "%.*s%s", (int)f->base, f->path, conv);
	return SP_OK;
}

static int S_is_csv(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && strcmp(path + n - 4, ".csv") == 0;
}

int sp_outfile_open(sp_outfile_t *f, const char *dir, const char *name, sp_err_t *err)
{
	memset(f, 0, sizeof *f);
	f->dirfd = -1;
	if ((size_t)snprintf(f->path, sizeof f->path, "%s/%s", dir, name) >= sizeof f->path)
		return sp_err_set(err, SP_ECANTCREAT, "%s/%s: path too long", dir, name);
	f->base = strlen(f->path) - strlen(name);
	int ours;
	pthread_mutex_lock(&S_mutex);
	int dfd = S_our_dir(dir, &ours, err);
	pthread_mutex_unlock(&S_mutex);
	if (ours && dfd < 0)
		return err->code;
	struct stat sb;
	if (ours ? fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(sb.st_mode)
	         : stat(f->path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		if (dfd >= 0)
			close(dfd);
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot write the file: it is a directory", f->path);
	}
	if (!ours && stat(f->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* a device or a pipe the user named cannot be replaced by a rename: write to it */
		if (S_dialect != SP_CSV_RFC4180 && S_is_csv(f->path))
			return sp_err_set(err, SP_ECANTCREAT, "%s: not a regular file: the %s CSV dialect cannot be "
			                  "written to it (use --csv-dialect rfc4180)", f->path, sp_csv_dialect_name(S_dialect));
		f->direct = 1;
		snprintf(f->tmp, sizeof f->tmp, "%s", f->path);
		f->fp = fopen(f->path, "wb");
		if (f->fp == NULL)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot open for writing: %s", f->path, strerror(errno));
		return SP_OK;
	}
	if (!ours && (dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", f->path, strerror(errno));
	int fd = S_create_tmp(dfd, name, O_WRONLY, 0666, f->tmpname, sizeof f->tmpname);
	snprintf(f->tmp, sizeof f->tmp, "%s/%s", dir, f->tmpname);
	if (fd < 0 || (f->fp = fdopen(fd, "wb")) == NULL) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlinkat(dfd, f->tmpname, 0);
		}
		close(dfd);
		return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", f->tmp, strerror(e));
	}
	f->dirfd = dfd;
	return SP_OK;
}

int sp_outfile_write(sp_outfile_t *f, const void *buf, size_t n)
{
	if (fwrite(buf, 1, n, f->fp) == n)
		return 0;
	if (f->write_errno == 0)
		f->write_errno = errno ? errno : EIO;
	return -1;
}

int sp_outfile_commit(sp_outfile_t *f, sp_err_t *err)
{
	int bad = f->write_errno || ferror(f->fp) || fflush(f->fp) != 0;
	int e = f->write_errno ? f->write_errno : errno;
	if (fclose(f->fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	f->fp = NULL;
	int rc = SP_OK, removed = 0;
	if (bad) {
		rc = sp_err_set(err, SP_EIO, "%s: write error: %s", f->path, e ? strerror(e) : "unknown error");
	} else if (!f->direct && S_dialect != SP_CSV_RFC4180 && S_is_csv(f->path)) {
		rc = S_convert(f, err);
		removed = rc != SP_OK; /* with its temporary files */
	}
	if (rc == SP_OK && !f->direct && renameat(f->dirfd, f->tmpname, f->dirfd, f->path + f->base) != 0)
		rc = sp_err_set(err, SP_EIO, "%s: cannot rename into place: %s", f->path, strerror(errno));
	if (rc != SP_OK && !f->direct && !removed)
		unlinkat(f->dirfd, f->tmpname, 0);
	if (f->dirfd >= 0)
		close(f->dirfd);
	f->dirfd = -1;
	return rc;
}

int sp_outfile_save(const char *dir, const char *name, sp_outfile_body_fn *body, const void *ctx, sp_err_t *err)
{
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, name, err);
	if (rc != SP_OK)
		return rc;
	body(f.fp, ctx);
	return sp_outfile_commit(&f, err);
}

void sp_outfile_abort(sp_outfile_t *f)
{
	if (f->fp) {
		fclose(f->fp);
		f->fp = NULL;
		if (!f->direct)
			unlinkat(f->dirfd, f->tmpname, 0);
		if (f->dirfd >= 0)
			close(f->dirfd);
		f->dirfd = -1;
	}
}

/* ---- the output directory: rule, safety, lock ---------------------------------------------- */

/* The pid of the process holding a flock on the file of sb, from
 * /proc/locks (0: not known) */
static long S_lock_holder(const struct stat *sb)
{
	FILE *fp = fopen("/proc/locks", "r");
	if (fp == NULL)
		return 0;
	char line[256];
	long pid = 0, any = 0; /* any: the inode alone (an overlay file system shows another device) */
	while (pid == 0 && fgets(line, sizeof line, fp)) {
		char kind[16];
		long p;
		unsigned maj, min;
		unsigned long long ino;
		if (sscanf(line, "%*d: %15s %*s %*s %ld %x:%x:%llu", kind, &p, &maj, &min, &ino) != 5
		    || strcmp(kind, "FLOCK") != 0 || ino != (unsigned long long)sb->st_ino)
			continue;
		if (maj == major(sb->st_dev) && min == minor(sb->st_dev))
			pid = p;
		else if (any == 0)
			any = p;
	}
	fclose(fp);
	return pid ? pid : any;
}

static int S_busy_error(sp_err_t *err, const char *dir, const struct stat *marker)
{
	long pid = S_lock_holder(marker);
	char who[48] = "pid unknown";
	if (pid > 0)
		snprintf(who, sizeof who, "pid %ld", pid);
	return sp_err_set(err, SP_ETEMPFAIL,
	                  "%s: another sheetpile (%s) is writing into this output directory; wait until it has "
	                  "finished or choose another -o DIR", dir, who);
}

/* 1 when directory dfd holds nothing but . and .., 0 otherwise, -1 when unreadable */
static int S_dir_empty(int dfd)
{
	int fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (d == NULL) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	int empty = 1;
	struct dirent *e;
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/* What in an output directory is refused when a link, another user's or
 * writable by others: the marker, work/, plots/ and the journal
 * (exec/journal.h's SP_JOURNAL_FILE); 1: a directory */
static const struct {
	const char *name;
	int dir;
} S_guarded[] = {{SP_OUTDIR_MARKER, 0}, {"work", 1}, {"plots", 1}, {"journal.txt", 0}};

static int S_check_guarded(int dfd, const char *dir, sp_err_t *err)
{
	for (size_t i = 0; i < sizeof S_guarded / sizeof *S_guarded; i++) {
		struct stat sb;
		char path[4400];
		snprintf(path, sizeof path, "%s/%s", dir, S_guarded[i].name);
		if (fstatat(dfd, S_guarded[i].name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
			if (errno == ENOENT)
				continue;
			return sp_err_set(err, SP_ECANTCREAT, "%s: %s", path, strerror(errno));
		}
		if (S_check(&sb, path, S_guarded[i].dir, err) != SP_OK)
			return err->code;
	}
	return SP_OK;
}

/* The marker of directory dfd (dir), locked, with its text: the existing
 * one, or a new one (the rule: dir was made now, is empty, or force) made
 * under a random name, locked, then linked into place so that it never
 * appears unlocked. Its descriptor, or -1 and *err. */
static int S_lock_marker(int dfd, const char *dir, int force, int created, sp_err_t *err)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s", dir, SP_OUTDIR_MARKER);
	for (int tries = 0; tries < S_TMP_TRIES; tries++) {
		int m = openat(dfd, SP_OUTDIR_MARKER, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		struct stat sb;
		if (m >= 0) {
			int rc = fstat(m, &sb) != 0 ? sp_err_set(err, SP_ECANTCREAT, "%s: %s", path, strerror(errno))
			                            : S_check(&sb, path, 0, err);
			if (rc == SP_OK && flock(m, LOCK_EX | LOCK_NB) != 0)
				rc = errno == EWOULDBLOCK ? S_busy_error(err, dir, &sb)
				                          : sp_err_set(err, SP_ECANTCREAT, "%s: cannot lock: %s", path, strerror(errno));
			if (rc == SP_OK && (ftruncate(m, 0) != 0 || pwrite(m, S_MARKER_TEXT, sizeof S_MARKER_TEXT - 1, 0)
			                                                != (ssize_t)sizeof S_MARKER_TEXT - 1))
				rc = sp_err_set(err, SP_ECANTCREAT, "%s: cannot write: %s", path, strerror(errno));
			if (rc == SP_OK) {
				fcntl(m, F_SETFL, fcntl(m, F_GETFL) & ~O_NONBLOCK);
				return m;
			}
			close(m);
			return -1;
		}
		if (errno == ELOOP)
			return S_link_error(err, path), -1;
		if (errno != ENOENT)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot open: %s", path, strerror(errno)), -1;
		int empty = created || force ? 1 : S_dir_empty(dfd);
		if (empty < 0)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot read the output directory: %s", dir,
			                  strerror(errno)), -1;
		if (!empty)
			return sp_err_set(err, SP_ECANTCREAT,
			                  "%s: the output directory is not empty and was not made by sheetpile "
			                  "(no %s in it); choose another -o DIR or add --force to write into it",
			                  dir, SP_OUTDIR_MARKER), -1;
		char tmp[256];
		m = S_create_tmp(dfd, SP_OUTDIR_MARKER, O_RDWR, S_FILE_MODE, tmp, sizeof tmp);
		if (m < 0)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", path, strerror(errno)), -1;
		int e = 0;
		if (flock(m, LOCK_EX | LOCK_NB) != 0 || write(m, S_MARKER_TEXT, sizeof S_MARKER_TEXT - 1)
		                                            != (ssize_t)sizeof S_MARKER_TEXT - 1)
			e = errno ? errno : EIO;
		else if (linkat(dfd, tmp, dfd, SP_OUTDIR_MARKER, 0) != 0)
			/* EEXIST: another run made it meanwhile (its lock decides); without hard
			 * links (some file systems) a rename, which cannot fail with EEXIST */
			e = errno == EEXIST || renameat(dfd, tmp, dfd, SP_OUTDIR_MARKER) != 0 ? errno : 0;
		else
			unlinkat(dfd, tmp, 0);
		if (e == 0)
			return m;
		unlinkat(dfd, tmp, 0);
		close(m);
		if (e != EEXIST)
			return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", path, strerror(e)), -1;
	}
	return sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: it keeps changing", path), -1;
}

int sp_outdir_prepare(const char *dir, int force, sp_err_t *err)
{
	char d[4096];
	if (S_strip(d, sizeof d, dir) != 0)
		return sp_err_set(err, SP_ECANTCREAT, "%s: path too long", dir);
	pthread_mutex_lock(&S_mutex);
	int created, rc = SP_OK, lock = -1;
	int fd = S_open_dir(d, 1, "the output directory", &created, err);
	struct stat sb;
	if (fd < 0) {
		rc = err->code;
	} else if (fstat(fd, &sb) != 0) {
		rc = sp_err_set(err, SP_ECANTCREAT, "%s: %s", d, strerror(errno));
	} else if (S_find_stat(&sb) != NULL) {
		close(fd); /* prepared before: locked already */
		fd = -1;
	} else if ((rc = S_check_guarded(fd, d, err)) == SP_OK && (lock = S_lock_marker(fd, d, force, created, err)) < 0) {
		rc = err->code;
	} else if (rc == SP_OK && sp_grow(&S_dirs, &S_cap_dirs, S_n_dirs, sizeof *S_dirs, 4) != 0) {
		rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
	} else if (rc == SP_OK) {
		S_dirs[S_n_dirs++] = (S_outdir){sb.st_dev, sb.st_ino, fd, lock};
		fd = lock = -1; /* kept until sp_outdir_release or the process ends: the lock with them */
	}
	if (lock >= 0)
		close(lock);
	if (fd >= 0)
		close(fd);
	pthread_mutex_unlock(&S_mutex);
	return rc;
}

void sp_outdir_release(const char *dir)
{
	char d[4096];
	if (S_strip(d, sizeof d, dir) != 0)
		return;
	pthread_mutex_lock(&S_mutex);
	const S_outdir *o = S_find(d);
	if (o) {
		size_t i = (size_t)(o - S_dirs);
		close(S_dirs[i].lock); /* the lock goes with it */
		close(S_dirs[i].fd);
		S_dirs[i] = S_dirs[--S_n_dirs];
	}
	pthread_mutex_unlock(&S_mutex);
}

int sp_outdir_busy(const char *dir, sp_err_t *err)
{
	char d[4096];
	if (S_strip(d, sizeof d, dir) != 0)
		return SP_OK;
	pthread_mutex_lock(&S_mutex);
	int ours = S_find(d) != NULL, rc = SP_OK;
	pthread_mutex_unlock(&S_mutex);
	int fd = ours ? -1 : open(d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int m = fd >= 0 ? openat(fd, SP_OUTDIR_MARKER, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) : -1;
	struct stat sb;
	if (m >= 0 && fstat(m, &sb) == 0 && S_ISREG(sb.st_mode) && flock(m, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK)
		rc = S_busy_error(err, d, &sb);
	if (m >= 0)
		close(m); /* with the shared lock, if it took one */
	if (fd >= 0)
		close(fd);
	return rc;
}
