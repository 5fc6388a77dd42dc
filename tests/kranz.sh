#!/usr/bin/env bash
# The Kranz check from the command line: import-dsheet of D-Sheet Piling's
# "Allowable Anchor Force" benchmarks bm3-1a (short anchorage) and bm3-2a
# (long anchorage), then analyze of the imported study. Expected values:
# [KRANZ CALCULATION] of the .shd files D-Sheet Piling 24.1 wrote
# (tests/data/dsheet, from Deltares' GEOLib, MIT licence), within 1 %.
. "$(dirname "$0")/lib.sh"
DS="$HERE/data/dsheet"
cd "$WORK"

# within NAME GOT WANT: |GOT - WANT| <= 1 % of WANT
within() { awk -v g="$2" -v w="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; a = w < 0 ? -w : w; exit !(g != "" && d <= 0.01 * a) }'; ok $? "$1: $2 (D-Sheet $3)"; }
col() { awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } NR == 2 { print $c }' "$2"; }

# name, AllowableAnchorForceKranz, AllowableAnchorForceLong, AllowableAnchorForceDecisive, IsShortAnchor
while read -r b kranz long decisive short; do
  "$SP" import-dsheet "$DS/$b.shi" -o "$b.ini"; ok $? "$b: import-dsheet accepts the Allowable Anchor Force type"
  grep -q '^anchorage_height_m = 1$' "$b.ini"; ok $? "$b: the study carries the anchor wall's height"
  "$SP" analyze "$b.ini" > "$b.csv"; ok $? "$b: analyze of the imported study"
  within "$b kranz_allowable_short_kN_per_m" "$(col kranz_allowable_short_kN_per_m "$b.csv")" "$kranz"
  within "$b kranz_allowable_long_kN_per_m" "$(col kranz_allowable_long_kN_per_m "$b.csv")" "$long"
  within "$b kranz_allowable_anchor_force_kN_per_m" "$(col kranz_allowable_anchor_force_kN_per_m "$b.csv")" "$decisive"
  [ "$(col kranz_is_short "$b.csv")" = "$short" ]; ok $? "$b: kranz_is_short = $short (IsShortAnchor)"
  [ "$(col kranz_slip_start_level_m "$b.csv")" = "-7.000" ]; ok $? "$b: the slip plane starts at the toe (ClashAxis -7.000)"
  # the round trip keeps the height: export, import again, the same study
  "$SP" export-dsheet "$b.ini" -o "$b-x.shi" && "$SP" import-dsheet "$b-x.shi" -o "$b-x.ini"
  diff <(tail -n +2 "$b.ini") <(tail -n +2 "$b-x.ini") >/dev/null; ok $? "$b: the same study after export and import"
done <<'T'
bm3-1a 11.867 106.006 11.867 1
bm3-2a 85.120 129.909 85.120 0
T

# a study file with a bad anchorage height names file:line, section and key
sed 's/^anchorage_height_m = 1$/anchorage_height_m = -1/' bm3-1a.ini > bad.ini
"$SP" analyze bad.ini 2>err.txt; [ $? = 65 ] && grep -q "bad.ini:[0-9]*: \[anchor-item Short anchor\] key 'anchorage_height_m'" err.txt
ok $? "a negative anchorage_height_m exits 65 and names file:line [section] key"

finish "kranz.sh: "
