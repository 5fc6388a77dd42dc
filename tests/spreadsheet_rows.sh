#!/usr/bin/env bash
# The row limit of spreadsheets and --results (issue 17). Excel and
# LibreOffice Calc open at most 1,048,576 rows (2^20) of a CSV: Microsoft,
# "Excel specifications and limits" (worksheet size 1,048,576 rows by 16,384
# columns); LibreOffice 7.4 release notes / Calc "Tools - Options - Calc -
# Defaults" (1,048,576 rows since LibreOffice 7.4's jumbo-sheet default).
# A study of over 10^6 candidates writes ~300 MB and takes too long for a
# test, so the limit is lowered with SHEETPILE_TEST_SPREADSHEET_ROWS (tests
# only, docs/spreadsheets.md): the warning's logic is the same, and the
# number it names is checked against the real limit in the message text.
# Usage: spreadsheet_rows.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
D="$ROOT/designs"
sed "s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#" \
  "$D/cantilever-excavation-sand.ini" > cant.ini

"$SP" run cant.ini -o all --quiet --no-plots 2>all.err; ok $? "run, --results all (the default)"
rows=$(wc -l < all/results.csv)                       # header included
cands=$(sed -n 's/.*"candidates": *\([0-9]*\).*/\1/p' all/run.json | head -1)
[ "$rows" = $((cands + 1)) ]; ok $? "results.csv: one row per candidate and the header ($rows, $cands candidates)"
! grep -q 'spreadsheet' all.err; ok $? "no warning below the limit (1048576 rows)"
feasible=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "feasible") s = i; next } $s == 1 { n++ } END { print n + 0 }' all/results.csv)
[ "$feasible" -gt 0 ] && [ "$feasible" -lt "$cands" ]; ok $? "the study has feasible and infeasible candidates ($feasible of $cands)"

# the limit exactly reached: no warning; one row more: the warning
SHEETPILE_TEST_SPREADSHEET_ROWS=$rows "$SP" run cant.ini -o at --quiet --no-plots 2>at.err
! grep -q 'spreadsheet' at.err; ok $? "results.csv of exactly the limit ($rows rows): no warning"
SHEETPILE_TEST_SPREADSHEET_ROWS=$((rows - 1)) "$SP" run cant.ini -o over --quiet --no-plots 2>over.err; ok $? "one row over the limit: the run succeeds"
[ "$(grep -c 'spreadsheet opens' over.err)" = 1 ]; ok $? "warned once on stderr"
grep -q "results.csv has $rows rows (header included), more than the $((rows - 1)) rows" over.err; ok $? "the warning names the rows and the limit"
grep -q -- '--results feasible' over.err && grep -q -- '--results none' over.err && grep -q 'ranking.csv' over.err
ok $? "the warning names the options and the file to open instead"
[ "$(grep -c 'spreadsheet opens' over/report.html)" = 1 ]; ok $? "warned once in report.html"
[ "$(wc -l < over/results.csv)" = "$rows" ]; ok $? "results.csv still whole"
SHEETPILE_TEST_SPREADSHEET_ROWS=garbage "$SP" run cant.ini -o junk --quiet --no-plots 2>junk.err
! grep -q 'spreadsheet' junk.err; ok $? "a malformed test limit is ignored (the real one: 1048576)"
grep -q 'SP_SPREADSHEET_MAX_ROWS ((size_t)1048576)' "$ROOT/src/cli/spreadsheet.h"; ok $? "the real limit is 1048576 rows"

# --results feasible: only the feasible rows, the same bytes as in results.csv of all
"$SP" run cant.ini -o feas --results feasible --quiet --no-plots 2>/dev/null; ok $? "run --results feasible"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "feasible") s = i; print; next } $s == 1' all/results.csv > expect.csv
cmp -s expect.csv feas/results.csv; ok $? "results.csv holds the feasible rows of --results all, unchanged ($feasible)"
SHEETPILE_TEST_SPREADSHEET_ROWS=$feasible "$SP" run cant.ini -o feas2 --results feasible --quiet --no-plots 2>f2.err
grep -q "has $((feasible + 1)) rows.*already had --results feasible" f2.err; ok $? "feasible rows over the limit: warned, saying so"
for f in ranking.csv pareto.csv run.json report.html; do
  cmp -s all/$f feas/$f || [ $f = run.json ] || [ $f = report.html ]; ok $? "--results feasible: $f as with all"
done

# --results none: no results.csv, everything else written
"$SP" run cant.ini -o none --results none --no-plots > none.out 2>none.err; ok $? "run --results none"
[ ! -e none/results.csv ] && [ -s none/ranking.csv ] && [ -s none/pareto.csv ] && [ -s none/report.html ]
ok $? "no results.csv; ranking.csv, pareto.csv, report.html written"
cmp -s all/ranking.csv none/ranking.csv && cmp -s all/pareto.csv none/pareto.csv; ok $? "ranking.csv and pareto.csv as with all"
! grep -q 'results.csv' none.out; ok $? "the summary does not name a results.csv"
SHEETPILE_TEST_SPREADSHEET_ROWS=2 "$SP" run cant.ini -o none2 --results none --quiet --no-plots 2>n2.err
! grep -q spreadsheet n2.err; ok $? "--results none: no warning"

# min-length: search.csv is written whatever --results says
sed 's/^\[search\]/[search]\nstrategy = min-length/' cant.ini > minl.ini
"$SP" run minl.ini -o ml --results none --quiet --no-plots 2>/dev/null; ok $? "min-length, --results none"
[ -s ml/search.csv ] && [ -s ml/ranking.csv ] && [ ! -e ml/results.csv ]; ok $? "search.csv and ranking.csv written"

"$SP" run cant.ini -o bad --results some >/dev/null 2>bad.err; [ $? = 64 ] && grep -q 'all, feasible or none' bad.err
ok $? "--results some: usage error 64"
"$SP" batch cant.ini -o b --results feasible --quiet --no-plots 2>/dev/null; ok $? "batch --results feasible"
cmp -s expect.csv b/cant/results.csv; ok $? "batch: the feasible rows"

# batch's summary.csv leaves empty what results.csv leaves empty (issue 17 item 5):
# the subgrade engine computes no required embedment (util_embedment)
sed "s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#" \
  "$D/anchored-quay-wall-subgrade.ini" > sub.ini
sed -i -e '/^profiles = /,/^grades = /{/^grades = /!d}' -e 's/^grades = S/profiles = AZ 17-700\ngrades = S/' \
  -e 's/^length_m = 12:0.5:22/length_m = 14:2:18/' sub.ini
"$SP" batch sub.ini cant.ini -o sb --quiet --no-plots 2>/dev/null; ok $? "batch of a subgrade and a limit-equilibrium study"
field() { # file row column-name: the field, by the RFC 4180 splitter (names may hold commas)
  awk -v ROW="$2" -v NAME="$3" "$(cat "$HERE/csvsplit.awk")"'
    { sub(/\r$/, ""); n = csvsplit($0, f, q, ",") }
    NR == 1 { for (i = 1; i <= n; i++) if (f[i] == NAME) c = i }
    NR == ROW { print (c ? f[c] : "NO-COLUMN"); exit }' "$1"
}
s_sub=$(field sb/summary.csv 2 util_embedment); r_sub=$(field sb/sub/ranking.csv 2 util_embedment)
[ -z "$r_sub" ] && [ -z "$s_sub" ]; ok $? "subgrade: util_embedment empty in ranking.csv and summary.csv ('$r_sub', '$s_sub')"
s_le=$(field sb/summary.csv 3 util_embedment); r_le=$(field sb/cant/ranking.csv 2 util_embedment)
[ -n "$r_le" ] && [ "$s_le" = "$r_le" ]; ok $? "limit equilibrium: the same util_embedment ($r_le, $s_le)"
finish
