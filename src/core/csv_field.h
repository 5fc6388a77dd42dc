/* csv_field.h - one text field of a CSV file (csv_field.c), for every CSV
 * sheetpile writes: quoted through libcsv ("" for a quote inside), and text
 * a spreadsheet would take for a formula (OWASP "CSV injection": = + - @,
 * tab or CR first) written with a ' before it, which spreadsheets show as
 * text. */
#ifndef SP_CSV_FIELD_H
#define SP_CSV_FIELD_H

#include <stdio.h>

/* 1 when s starts with = + - @, a tab or a carriage return. */
int sp_csv_field_formula_like(const char *s);
/* s as one quoted field (neutralised when formula-like) to fp. */
void sp_csv_field_text(FILE *fp, const char *s);

#endif
