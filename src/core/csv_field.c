/* csv_field.c - one text field of a CSV file. */
#include "csv_field.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

int sp_csv_field_formula_like(const char *s)
{
	return s[0] && strchr("=+-@\t\r", s[0]) != NULL;
}

void sp_csv_field_text(FILE *fp, const char *s)
{
	size_t len = strlen(s);
	char *t = sp_csv_field_formula_like(s) ? malloc(len + 2) : NULL;
	if (t) {
		t[0] = '\'';
		memcpy(t + 1, s, len + 1);
		s = t, len++;
	}
	csv_fwrite(fp, s, len);
	free(t);
}
