/* sp.h - shared types, units and status codes of sheetpile.
 *
 * Units everywhere: m, kN, kPa, kN/m3, degrees in files (radians never leave a
 * function), levels in m positive upwards (as D-Sheet Piling), forces per m of
 * wall, moments in kNm per m of wall.
 *
 * Status codes are the sysexits.h values, so main() can exit with them as they are. */
#ifndef SP_H
#define SP_H

#include <stddef.h>
#include <sysexits.h>

enum {
	SP_OK = 0,
	SP_EUSAGE = EX_USAGE,         /* 64 command line misuse */
	SP_EDATA = EX_DATAERR,        /* 65 bad input data */
	SP_ENOINPUT = EX_NOINPUT,     /* 66 input missing or unreadable */
	SP_ESOFTWARE = EX_SOFTWARE,   /* 70 internal error */
	SP_ECANTCREAT = EX_CANTCREAT, /* 73 cannot create output */
	SP_EIO = EX_IOERR,            /* 74 I/O error */
	SP_ETEMPFAIL = EX_TEMPFAIL,   /* 75 the run finished, but an external solver failed on some analyses */
	SP_ENOPERM = EX_NOPERM,       /* 77 not allowed: a [solver] command the user has not trusted */
	SP_ESTOPPED = 128             /* stopped by a signal: main exits with 128 + its number */
};

#define SP_NAME_MAX 64   /* profile, grade, layer names */
#define SP_MSG_MAX 1024
#define SP_PI 3.14159265358979323846

/* An error report: a status code and one message naming file:line and key where
 * a user's input is at fault. Filled by the library, printed by main(). */
typedef struct {
	int code;
	char text[SP_MSG_MAX];
} sp_err_t;

/* Fill *err (if not NULL) and return code. printf-like; control characters
 * and bytes that are not UTF-8 in the message are written as \xNN. */
int sp_err_set(sp_err_t *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 1 when text[0..n) is valid UTF-8, 2 when it is but for a character cut
 * at its end, 0 otherwise. */
int sp_utf8_check(const char *text, size_t n);

/* Copy a name into a fixed buffer, truncating safely. */
void sp_strlcpy(char *dst, const char *src, size_t size);
/* Room for one more element in a growing array: *array_ptr (a pointer to the
 * array's pointer, of elements of elem_size bytes) holds n of *cap; when full
 * it is reallocated to twice its capacity (first when empty). 0, or -1 when
 * out of memory (the array left as it was). */
int sp_grow(void *array_ptr, size_t *cap, size_t n, size_t elem_size, size_t first);

#endif
