/* sp_err.c - error reports. */
#include "sp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sp_err_set(sp_err_t *err, int code, const char *fmt, ...)
{
	if (err == NULL)
		return code;
	char raw[SP_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* a message quotes the user's bytes: control characters and what is not
	 * UTF-8 (a Windows-1252 degree sign, binary garbage) are shown as \xNN */
	size_t n = strlen(raw), o = 0;
	for (size_t i = 0; i < n && o + 5 < sizeof err->text;) {
		unsigned char ch = (unsigned char)raw[i];
		size_t k = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
		if (ch >= 0x80 && (i + k > n || sp_utf8_check(raw + i, k) != 1))
			k = 0; /* not a whole UTF-8 character */
		if (k == 0 || (ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7F) {
			o += (size_t)snprintf(err->text + o, sizeof err->text - o, "\\x%02X", ch);
			i++;
		} else {
			if (o + k >= sizeof err->text)
				break;
			memcpy(err->text + o, raw + i, k);
			o += k;
			i += k;
		}
	}
	err->text[o] = '\0';
	err->code = code;
	return code;
}

/* 1 when s[0..n) is valid UTF-8 (no overlong forms, surrogates or code
 * points above U+10FFFF), 2 when it is but for a character cut at its end,
 * 0 otherwise */
int sp_utf8_check(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		unsigned lo = 0x80, hi = 0xBF;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			k = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			return 0;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n)
				return 2;
			unsigned d = s[i + j];
			if (j == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF))
				return 0;
		}
		i += k + 1;
	}
	return 1;
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

int sp_grow(void *array_ptr, size_t *cap, size_t n, size_t elem_size, size_t first)
{
	if (n < *cap)
		return 0;
	void *a;
	memcpy(&a, array_ptr, sizeof a);
	size_t c = *cap ? 2 * *cap : first;
	void *b = realloc(a, c * elem_size);
	if (b == NULL)
		return -1;
	memcpy(array_ptr, &b, sizeof b);
	*cap = c;
	return 0;
}
