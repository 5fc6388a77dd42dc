/* spreadsheet.h - what results.csv holds (--results) and the row limit of
 * spreadsheets: Excel and LibreOffice Calc open at most 1,048,576 rows of a
 * CSV and drop the rest without a word. */
#ifndef SP_SPREADSHEET_H
#define SP_SPREADSHEET_H

#include <stddef.h>

#define SP_SPREADSHEET_MAX_ROWS ((size_t)1048576) /* 2^20: Excel 2007+, LibreOffice Calc 7.4 */

/* --results: which candidates results.csv holds */
typedef enum { SP_RESULTS_ALL = 0, SP_RESULTS_FEASIBLE, SP_RESULTS_NONE } sp_results_choice;

/* "all", "feasible" or "none" into *choice: 0, else -1. */
int sp_spreadsheet_results_choice(const char *word, sp_results_choice *choice);
/* The row limit: SP_SPREADSHEET_MAX_ROWS, or for the tests only a smaller
 * one from the environment variable SHEETPILE_TEST_SPREADSHEET_ROWS. */
size_t sp_spreadsheet_max_rows(void);
/* The warning (one line, no newline) when a results.csv of rows lines
 * (header included) is longer than a spreadsheet opens; "" otherwise.
 * Returns 1 when there is one. */
int sp_spreadsheet_warning(char *buf, size_t size, size_t rows, sp_results_choice choice);

#endif
