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

/* The Unicode Standard's table 3-7, well-formed UTF-8 byte sequences: a
 * lead byte from first to last, the number of bytes that follow it and the
 * range of the first of them (the others are 80..BF). */
static const struct {
	unsigned char first, last, follow, lo, hi;
} S_utf8_leads[] = {
	{0xC2, 0xDF, 1, 0x80, 0xBF}, {0xE0, 0xE0, 2, 0xA0, 0xBF}, {0xE1, 0xEC, 2, 0x80, 0xBF},
	{0xED, 0xED, 2, 0x80, 0x9F}, {0xEE, 0xEF, 2, 0x80, 0xBF}, {0xF0, 0xF0, 3, 0x90, 0xBF},
	{0xF1, 0xF3, 3, 0x80, 0xBF}, {0xF4, 0xF4, 3, 0x80, 0x8F},
};

/* 1 when s[0..n) is valid UTF-8 (no overlong forms, surrogates or code
 * points above U+10FFFF), 2 when it is but for a character cut at its end,
 * 0 otherwise */
int sp_utf8_check(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	const size_t n_leads = sizeof S_utf8_leads / sizeof S_utf8_leads[0];
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t t = 0;
		while (t < n_leads && (c < S_utf8_leads[t].first || c > S_utf8_leads[t].last))
			t++;
		if (t == n_leads)
			return 0;
		size_t k = S_utf8_leads[t].follow;
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n)
				return 2;
			unsigned d = s[i + j];
			unsigned lo = j == 1 ? S_utf8_leads[t].lo : 0x80, hi = j == 1 ? S_utf8_leads[t].hi : 0xBF;
			if (d < lo || d > hi)
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
