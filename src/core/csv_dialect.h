/* csv_dialect.h - the CSV dialects sheetpile writes. Every writer produces
 * RFC 4180 (comma separator, decimal point, text fields quoted, numbers
 * plain, CRLF); excel-eu is made from it by sp_csv_convert():
 *   - a UTF-8 byte order mark first (spreadsheets then read UTF-8),
 *   - ';' as the separator,
 *   - a decimal comma in every unquoted number (-12.345 -> -12,345),
 *   - quoted fields copied as they are (they hold text, where ',' is fine);
 *     an unquoted field that is not a number is copied too, quoted only
 *     when it holds a ';' or '"'.
 * Line ends are kept. Numbers therefore read back to exactly the same
 * values in both dialects. */
#ifndef SP_CSV_DIALECT_H
#define SP_CSV_DIALECT_H

#include <stdio.h>
#include "sp.h"

typedef enum { SP_CSV_RFC4180 = 0, SP_CSV_EXCEL_EU = 1 } sp_csv_dialect_t;

/* "rfc4180" or "excel-eu"; 0, or -1 for an unknown name. */
int sp_csv_dialect_from_name(const char *name, sp_csv_dialect_t *d);
const char *sp_csv_dialect_name(sp_csv_dialect_t d);

/* Copy RFC 4180 text from in to out in dialect d. SP_OK, or SP_EIO on a read
 * or write error (the caller names the file). */
int sp_csv_convert(FILE *in, FILE *out, sp_csv_dialect_t d);

#endif
