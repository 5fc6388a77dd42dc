/* test_csv_dialect.c - RFC 4180 -> excel-eu (csv_dialect.h) on a hand-made
 * sample whose conversion is written out by hand below: BOM, ';', decimal
 * comma in unquoted numbers only, quoted text untouched (commas, doubled
 * quotes, a line break inside quotes), unquoted text with ';' quoted. */
#include "harness.h"

#include "csv_dialect.h"

#include <stdlib.h>

static const char S_in[] =
	"id,name,length_m,x\r\n"
	"1,\"AZ 18-700, \"\"crimped\"\"\",14.500,-0.25\r\n"
	"2,\"two\nlines\",,1e-3\r\n"
	"3,a;b,1.5E+2,12\r\n"
	"4,text.with.dots,-.5,.\r\n";

/* by hand: BOM, separators ';', numbers 14,500 -0,25 1e-3 1,5E+2 12 -,5;
 * "." alone and text.with.dots are not numbers; a;b gets quotes */
static const char S_want[] =
	"\xEF\xBB\xBF"
	"id;name;length_m;x\r\n"
	"1;\"AZ 18-700, \"\"crimped\"\"\";14,500;-0,25\r\n"
	"2;\"two\nlines\";;1e-3\r\n"
	"3;\"a;b\";1,5E+2;12\r\n"
	"4;text.with.dots;-,5;.\r\n";

static char *S_convert(const char *text, sp_csv_dialect_t d, size_t *n)
{
	FILE *in = tmpfile(), *out = tmpfile();
	OK(in && out, "temporary files");
	if (!in || !out)
		return NULL;
	fputs(text, in);
	rewind(in);
	INT_EQ(sp_csv_convert(in, out, d), SP_OK, "convert");
	long size = ftell(out);
	char *buf = calloc((size_t)size + 1, 1);
	rewind(out);
	*n = buf ? fread(buf, 1, (size_t)size, out) : 0;
	fclose(in);
	fclose(out);
	return buf;
}

int main(void)
{
	size_t n;
	char *got = S_convert(S_in, SP_CSV_EXCEL_EU, &n);
	INT_EQ(n, sizeof S_want - 1, "excel-eu: length");
	OK(got && n == sizeof S_want - 1 && memcmp(got, S_want, n) == 0, "excel-eu: every byte as by hand");
	if (got && (n != sizeof S_want - 1 || memcmp(got, S_want, n) != 0))
		printf("     got: %s\n", got);
	free(got);
	got = S_convert(S_in, SP_CSV_RFC4180, &n);
	OK(got && n == sizeof S_in - 1 && memcmp(got, S_in, n) == 0, "rfc4180: copied unchanged");
	free(got);

	sp_csv_dialect_t d;
	OK(sp_csv_dialect_from_name("excel-eu", &d) == 0 && d == SP_CSV_EXCEL_EU, "name excel-eu");
	OK(sp_csv_dialect_from_name("rfc4180", &d) == 0 && d == SP_CSV_RFC4180, "name rfc4180");
	OK(sp_csv_dialect_from_name("excel", &d) != 0, "unknown name refused");
	OK(strcmp(sp_csv_dialect_name(SP_CSV_EXCEL_EU), "excel-eu") == 0, "name of excel-eu");
	return sp_test_done("csv_dialect");
}
