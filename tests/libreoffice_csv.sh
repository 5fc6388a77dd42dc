#!/usr/bin/env bash
# The excel-eu dialect opened by a real spreadsheet (issue 17): LibreOffice
# Calc, headless, imports excel-eu CSVs (UTF-8 with BOM, ';', decimal comma)
# with a German locale (--infilter CSV options: separator 59 ';', text
# delimiter 34 '"', character set 76 UTF-8, from line 1, language 1031
# de-DE; the LibreOffice wiki "Filter Options" for CSV), converts them back
# to comma-separated CSV with decimal points, and every field is compared with
# the rfc4180 file of the same run: numbers numerically equal, text equal,
# empty cells empty. A control imports the same file with language 1033
# (en-US), where ',' is a thousands separator: the numbers must then differ,
# so the comparison can fail.
# Usage: libreoffice_csv.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
  echo "skipped: LibreOffice is not installed (apt-get install --no-install-recommends libreoffice-calc-nogui; tests/run does)"
  exit 77
fi
D="$ROOT/designs"
sed "s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#" \
  "$D/cantilever-excavation-sand.ini" > cant.ini
"$SP" run cant.ini -o rfc --quiet --no-plots 2>/dev/null; ok $? "run, rfc4180"
"$SP" run cant.ini -o eu --csv-dialect excel-eu --quiet --no-plots 2>/dev/null; ok $? "run, excel-eu"
files="results.csv ranking.csv pareto.csv best_diagrams.csv"
# one soffice at a time per profile: a private one, removed with $WORK
lo() { # language out-dir files...
  local lang=$1 out=$2; shift 2
  timeout 300 "$SOFFICE" --headless --norestore -env:UserInstallation="file://$WORK/lo-profile" \
    --infilter="CSV:59,34,76,1,,$lang" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033' \
    --outdir "$out" "$@" > "$out.log" 2>&1
}
lo 1031 de $(for f in $files; do echo eu/$f; done); ok $? "LibreOffice converts the excel-eu files (German locale)"

compare() { # rfc-file lo-file: "ok N" (numbers compared) or the first difference
  awk -v LO="$2" "$(cat "$HERE/csvsplit.awk")"'
    { sub(/\r$/, ""); rfc[NR] = $0; nr = NR }
    function isnum(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
    END {
      r = 0; nums = 0
      while ((getline line < LO) > 0) {
        sub(/\r$/, ""); r++
        if (r == 1) sub(/^\xef\xbb\xbf/, "", line)
        n = csvsplit(rfc[r], a, qa, ","); m = csvsplit(line, b, qb, ",")
        if (n != m) { print "row " r ": " n " fields, LibreOffice " m; exit }
        for (i = 1; i <= n; i++) {
          if (isnum(a[i]) && !qa[i]) {
            if (!isnum(b[i]) || a[i] + 0 != b[i] + 0) { print "row " r " field " i ": " a[i] " read as " b[i]; exit }
            nums++
          } else if (a[i] != b[i]) { print "row " r " field " i ": \"" a[i] "\" read as \"" b[i] "\""; exit }
        }
      }
      if (r != nr) { print "rows: " nr ", LibreOffice " r; exit }
      print "ok " nums
    }' "$1"
}
for f in $files; do
  res=$(compare rfc/$f de/$f)
  [ "${res%% *}" = ok ] && [ "${res#ok }" -gt 0 ]; ok $? "$f: every number and text as in rfc4180 (${res})"
done
# the decimal comma really was read: the excel-eu file has commas in its numbers
grep -q ';3,564;' eu/ranking.csv; ok $? "the excel-eu file has decimal commas (3,564)"
lo 1033 us eu/ranking.csv; ok $? "LibreOffice converts it with an en-US locale (control)"
res=$(compare rfc/ranking.csv us/ranking.csv)
[ "${res%% *}" != ok ]; ok $? "control: en-US reads the numbers wrong ($res)"
finish
