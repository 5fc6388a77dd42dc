/* spreadsheet.c - --results and the row limit of spreadsheets (spreadsheet.h). */
#define _POSIX_C_SOURCE 200809L
#include "spreadsheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sp_spreadsheet_results_choice(const char *word, sp_results_choice *choice)
{
	static const char *const words[] = {"all", "feasible", "none"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(word, words[i]) == 0) {
			*choice = (sp_results_choice)i;
			return 0;
		}
	return -1;
}

size_t sp_spreadsheet_max_rows(void)
{
	const char *t = getenv("SHEETPILE_TEST_SPREADSHEET_ROWS"); /* tests only (docs/spreadsheets.md) */
	char *end;
	unsigned long long v = t && *t ? strtoull(t, &end, 10) : 0;
	return v >= 2 && v < SP_SPREADSHEET_MAX_ROWS && *end == '\0' ? (size_t)v : SP_SPREADSHEET_MAX_ROWS;
}

int sp_spreadsheet_warning(char *buf, size_t size, size_t rows, sp_results_choice choice)
{
	size_t max = sp_spreadsheet_max_rows();
	buf[0] = '\0';
	if (choice == SP_RESULTS_NONE || rows <= max)
		return 0;
	snprintf(buf, size,
	         "results.csv has %zu rows (header included), more than the %zu rows a spreadsheet opens: Excel and "
	         "LibreOffice Calc drop the rest without a word. Open ranking.csv, pareto.csv or search.csv in a "
	         "spreadsheet instead, or run with --results feasible (only the feasible candidates) or --results none "
	         "(no results.csv)%s",
	         rows, max, choice == SP_RESULTS_FEASIBLE ? "; this run already had --results feasible" : "");
	return 1;
}
