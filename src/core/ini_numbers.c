/* ini_numbers.c - a study-file key holding a comma list of numbers (ini_numbers.h). */
#include "ini_numbers.h"

#include <string.h>

/* A list of 1..max numbers in [lo, hi]; returns the count, 0 when absent
 * (after an error when required), -1 on an error. */
int sp_ini_numbers(sp_ini_t *c, const char *sec, const char *key, int required, double *out, int max, double lo,
                     double hi, const char *what)
{
	int line;
	const char *v = sp_ini_value(c, sec, key, &line);
	if (v == NULL) {
		if (required)
			sp_ini_missing(c, sec, key, what);
		return required ? -1 : 0;
	}
	int n = 0;
	const char *p = v;
	for (;;) {
		const char *q = strchr(p, ',');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		char item[64];
		double x;
		if (n == max) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': more than %d values (%s)", sp_ini_path(c), line,
			            sec, key, max, what);
			return -1;
		}
		if (len >= sizeof item) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': expected numbers (%s), got '%s'", sp_ini_path(c),
			            line, sec, key, what, v);
			return -1;
		}
		memcpy(item, p, len);
		item[len] = '\0';
		if (sp_ini_to_double(item, &x) != 0) {
			sp_ini_fail(c, SP_EDATA,
			            "%s:%d: [%s] key '%s': expected a comma-separated list of 1 to %d numbers (%s), got '%s'",
			            sp_ini_path(c), line, sec, key, max, what, v);
			return -1;
		}
		if (x < lo || x > hi) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': %g is out of range; expected %s in [%g, %g]",
			            sp_ini_path(c), line, sec, key, x, what, lo, hi);
			return -1;
		}
		out[n++] = x;
		if (q == NULL)
			break;
		p = q + 1;
	}
	return n;
}

