#!/usr/bin/env bash
# --csv-dialect excel-eu against the default RFC 4180: every CSV of a run (and
# analyze's stdout) is written in both dialects, parsed back by an independent
# awk parser (csvsplit.awk), and compared field by field: same rows, same
# fields, text identical, numbers exactly equal once the decimal comma is read
# as a point. Usage: csv_dialect.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"

# subgrade study (text stage names in best_stages.csv), min-length to stay small
D="$ROOT/designs"
sed "s/^\[search\]/[search]\nstrategy = min-length/; s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#" \
  "$D/anchored-quay-wall-subgrade.ini" > sub.ini
# cut to 2 profiles and 5 lengths: the beam engine is the slow one
sed -i -e '/^profiles = /,/^grades = /{/^grades = /!d}' -e 's/^grades = S/profiles = AZ 17-700, PU 22\ngrades = S/' \
  -e 's/^length_m = 12:0.5:22/length_m = 12:2:20/' sub.ini
"$SP" run sub.ini -o rfc --quiet --no-plots 2>/dev/null; ok $? "run, default dialect"
"$SP" run sub.ini -o eu --csv-dialect excel-eu --quiet --no-plots 2>/dev/null; ok $? "run, excel-eu"
"$SP" run sub.ini -o rfc2 --csv-dialect rfc4180 --quiet --no-plots 2>/dev/null; ok $? "run, --csv-dialect rfc4180"
"$SP" analyze "$D/anchored-quay-wall.ini" --profile "AZ 18-700" --grade S355GP --length 14 --anchor-level 1 > rfc/analyze.csv; ok $? "analyze, default"
"$SP" analyze "$D/anchored-quay-wall.ini" --profile "AZ 18-700" --grade S355GP --length 14 --anchor-level 1 --csv-dialect excel-eu > eu/analyze.csv; ok $? "analyze, excel-eu"
"$SP" run sub.ini -o bad --csv-dialect excel >/dev/null 2>&1; [ $? = 64 ]; ok $? "unknown dialect exits 64"

compare() { # rfc-file eu-file: prints "ok" or the first difference
  awk -v FILE_EU="$2" "$(cat "$HERE/csvsplit.awk")"'
    BEGIN { bom = sprintf("%c%c%c", 239, 187, 191) }
    { sub(/\r$/, ""); rfc[NR] = $0; nr = NR }
    END {
      r = 0
      while ((getline line < FILE_EU) > 0) {
        r++; sub(/\r$/, "", line)
        if (r == 1) { if (substr(line, 1, 3) != bom) { print "no BOM"; exit } line = substr(line, 4) }
        if (r > nr) { print "extra row " r; exit }
        n = csvsplit(rfc[r], a, aq, ","); m = csvsplit(line, b, bq, ";")
        if (n != m) { print "row " r ": " n " fields, excel-eu " m; exit }
        for (i = 1; i <= n; i++) {
          if (aq[i] != bq[i]) { print "row " r " field " i ": quoting differs"; exit }
          x = a[i]; y = b[i]
          if (!aq[i] && x ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/) {
            if (y !~ /^[-+]?([0-9]+,?[0-9]*|,[0-9]+)([eE][-+]?[0-9]+)?$/) { print "row " r " field " i ": " y " is no decimal-comma number"; exit }
            gsub(/,/, ".", y)
            if (x + 0 != y + 0 || x != y) { print "row " r " field " i ": " a[i] " vs " b[i]; exit }
            nums++
          } else if (x != y) { print "row " r " field " i ": text " x " vs " y; exit }
        }
      }
      if (r != nr) { print "rows " nr " vs " r; exit }
      print "ok " nums
    }' "$1"
}
nfiles=0
for f in rfc/*.csv; do
  b=$(basename "$f")
  res=$(compare "$f" "eu/$b")
  case "$res" in ok*) [ "${res#ok }" -gt 0 ]; ok $? "$b: numbers exactly equal field by field (${res#ok } numbers)";; *) ok 1 "$b: $res";; esac
  cmp -s "$f" "rfc2/$b" 2>/dev/null || [ "$b" = analyze.csv ]; ok $? "$b: --csv-dialect rfc4180 is the default"
  head -c 3 "$f" | od -An -tx1 | grep -q 'ef bb bf'; [ $? = 1 ]; ok $? "$b: RFC 4180 has no BOM"
  nfiles=$((nfiles+1))
done
[ "$nfiles" -ge 6 ]; ok $? "every CSV compared ($nfiles files)"
ls eu | grep -q '\.tmp'; [ $? = 1 ]; ok $? "no temporary file left"

# LibreOffice is optional: convert when present, skip cleanly otherwise
if command -v soffice >/dev/null 2>&1; then
  timeout 120 soffice --headless --infilter="CSV:59,34,76,1" --convert-to ods --outdir lo eu/ranking.csv >/dev/null 2>&1
  [ -s lo/ranking.ods ]; ok $? "LibreOffice opens the excel-eu ranking.csv"
else
  echo "skip: soffice not found, LibreOffice check not run"
fi
finish ""
