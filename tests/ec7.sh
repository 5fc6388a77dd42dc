#!/usr/bin/env bash
# EN 1997-1 design approaches end to end: `sheetpile analyze` of one study with
# each [design] safety word runs, and the required embedments are ordered as
# the factors say (tests/data/ec7/anchored_sand_da1.ini; the values themselves
# are validated against hand calculations in tests/test_ec7.c).
# Usage: ec7.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
STUDY="$HERE/data/ec7/anchored_sand_da1.ini"

col() { # column $2 (by header name) of the one results row in file $1
  awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } NR == 2 { v = $c; gsub(/"/, "", v); print v }' "$1"
}

for w in kp-factor embedment-factor ec7-da1-c2 ec7-da1-c1 ec7-da1 ec7-da2 ec7-da3; do
  sed "s/^safety = .*/safety = $w/" "$STUDY" > "$w.ini"
  "$SP" analyze "$w.ini" > "$w.csv" 2> "$w.err"; ok $? "analyze with safety = $w runs"
  [ "$(col "$w.csv" status)" = ok ]; ok $? "safety = $w: status ok ($(col "$w.csv" status))"
done
"$SP" check ec7-da2.ini | grep -q 'safety ec7-da2'; ok $? "check names the approach"

D() { col "$1.csv" embedment_required_m; }
T() { col "$1.csv" anchor_force_kN_per_m; }
M() { col "$1.csv" max_moment_kNm_per_m; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 > b + 0) }'; }
eq() { [ "$1" = "$2" ]; }
ge "$(D ec7-da1)" "$(D ec7-da1-c1)"; ok $? "DA1 embedment >= DA1-C1 ($(D ec7-da1) >= $(D ec7-da1-c1))"
ge "$(D ec7-da1)" "$(D ec7-da1-c2)"; ok $? "DA1 embedment >= DA1-C2 ($(D ec7-da1) >= $(D ec7-da1-c2))"
ge "$(T ec7-da1)" "$(T ec7-da1-c1)" && ge "$(T ec7-da1)" "$(T ec7-da1-c2)"; ok $? "DA1 anchor force >= each combination"
ge "$(M ec7-da1)" "$(M ec7-da1-c1)" && ge "$(M ec7-da1)" "$(M ec7-da1-c2)"; ok $? "DA1 moment >= each combination"
# DA1 per quantity: each value is one of its combinations'
{ eq "$(D ec7-da1)" "$(D ec7-da1-c1)" || eq "$(D ec7-da1)" "$(D ec7-da1-c2)"; }; ok $? "DA1 embedment is a combination's"
{ eq "$(T ec7-da1)" "$(T ec7-da1-c1)" || eq "$(T ec7-da1)" "$(T ec7-da1-c2)"; }; ok $? "DA1 anchor force is a combination's"
gt "$(D ec7-da2)" "$(D ec7-da1-c1)"; ok $? "DA2 (gamma_R;e 1.4) needs more embedment than DA1-C1 ($(D ec7-da2) > $(D ec7-da1-c1))"
eq "$(D ec7-da3)" "$(D ec7-da1-c2)" && eq "$(M ec7-da3)" "$(M ec7-da1-c2)"; ok $? "DA3 = DA1-C2 with the recommended factors (no structural action)"
# a national annex value changes the answer: gamma_r_e = 1.6 needs more than 1.4
sed 's/^safety = .*/safety = ec7-da2\ngamma_r_e = 1.6/' "$STUDY" > r16.ini
"$SP" analyze r16.ini > r16.csv 2>/dev/null; ok $? "analyze with gamma_r_e = 1.6 runs"
gt "$(D r16)" "$(D ec7-da2)"; ok $? "gamma_r_e 1.6 needs more embedment than 1.4 ($(D r16) > $(D ec7-da2))"
# an unknown word: file:line, section, key, exit 65
sed 's/^safety = .*/safety = ec7-da4/' "$STUDY" > bad.ini
"$SP" analyze bad.ini > /dev/null 2> bad.err; [ $? = 65 ]; ok $? "safety = ec7-da4 exits 65"
grep -q "bad.ini:[0-9]*: \[design\] key 'safety'" bad.err; ok $? "safety = ec7-da4: file:line [design] key 'safety' ($(head -c 200 bad.err))"
finish
