/* sp_err.c - error reports. */
#include "sp.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int sp_err_set(sp_err_t *err, int code, const char *fmt, ...)
{
	if (err == NULL)
		return code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof err->text, fmt, ap);
	va_end(ap);
	err->code = code;
	return code;
}

void sp_strlcpy(char *dst, const char *src, size_t size)
{
	if (size == 0)
		return;
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}
