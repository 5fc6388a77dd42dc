/* ini_numbers.h - a study-file key holding a comma-separated list of numbers. */
#ifndef SP_INI_NUMBERS_H
#define SP_INI_NUMBERS_H

#include "sp_ini.h"

/* A list of 1..max numbers in [lo, hi] into out; returns the count, 0 when
 * absent (after an error recorded in c when required), -1 on an error
 * ("file:line: [section] key 'x': ..."). what describes the values. */
int sp_ini_numbers(sp_ini_t *c, const char *sec, const char *key, int required, double *out, int max, double lo,
                   double hi, const char *what);

#endif
