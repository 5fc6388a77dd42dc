/* csv_dialect.c - RFC 4180 -> excel-eu. */
#include "csv_dialect.h"

#include <string.h>

static const char *const S_names[] = {"rfc4180", "excel-eu"};

int sp_csv_dialect_from_name(const char *name, sp_csv_dialect_t *d)
{
	for (int i = 0; i < 2; i++)
		if (strcmp(name, S_names[i]) == 0) {
			*d = (sp_csv_dialect_t)i;
			return 0;
		}
	return -1;
}

const char *sp_csv_dialect_name(sp_csv_dialect_t d)
{
	return S_names[d];
}

/* [+-]digits[.digits][(e|E)[+-]digits] */
static int S_is_number(const char *s, size_t n)
{
	size_t i = 0, d = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (i < n && s[i] == '.') {
		i++;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	}
	if (d == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = 0;
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			e++;
		if (e == 0)
			return 0;
	}
	return i == n;
}

/* an unquoted field of the input, in dialect form */
static void S_field(FILE *out, const char *s, size_t n)
{
	if (S_is_number(s, n)) {
		for (size_t i = 0; i < n; i++)
			fputc(s[i] == '.' ? ',' : s[i], out);
	} else if (memchr(s, ';', n) || memchr(s, '"', n)) {
		fputc('"', out);
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"')
				fputc('"', out);
			fputc(s[i], out);
		}
		fputc('"', out);
	} else {
		fwrite(s, 1, n, out);
	}
}

int sp_csv_convert(FILE *in, FILE *out, sp_csv_dialect_t d)
{
	int ch;
	if (d == SP_CSV_RFC4180) {
		while ((ch = getc(in)) != EOF)
			putc(ch, out);
		return ferror(in) || ferror(out) ? SP_EIO : SP_OK;
	}
	fputs("\xEF\xBB\xBF", out);
	char buf[4096];
	size_t n = 0;
	int quoted = 0, in_quotes = 0, start = 1; /* start: at the first character of a field */
	while ((ch = getc(in)) != EOF) {
		if (in_quotes) {
			putc(ch, out);
			if (ch == '"') {
				int next = getc(in);
				if (next == '"')
					putc(next, out); /* an escaped quote, still inside */
				else {
					in_quotes = 0;
					if (next != EOF)
						ungetc(next, in);
				}
			}
			continue;
		}
		if (start && ch == '"') {
			putc(ch, out);
			quoted = in_quotes = 1;
			start = 0;
			continue;
		}
		if (ch == ',' || ch == '\r' || ch == '\n') {
			if (!quoted)
				S_field(out, buf, n);
			n = 0;
			quoted = 0;
			start = 1;
			putc(ch == ',' ? ';' : ch, out);
			continue;
		}
		start = 0;
		if (quoted) { /* text after a closing quote: not RFC 4180, copied */
			putc(ch, out);
		} else if (n == sizeof buf) { /* a very long unquoted field is text: copy it as it is */
			fwrite(buf, 1, n, out);
			n = 0;
			quoted = 1;
			putc(ch, out);
		} else {
			buf[n++] = (char)ch;
		}
	}
	if (!quoted && n)
		S_field(out, buf, n);
	return ferror(in) || ferror(out) ? SP_EIO : SP_OK;
}
