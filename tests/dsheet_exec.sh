#!/usr/bin/env bash
# A subgrade study run end to end through engine exec with D-Sheet Piling as
# the solver ([solver] input_format = dsheet, output_format = dsheet), the
# console being the stand-in tests/fake_dsheet_console.c behind a licence
# pool of 3. Usage: dsheet_exec.sh PATH/TO/sheetpile PATH/TO/fake-dsheet-console
#
# The stand-in answers a model with the .shd of the benchmark it was given
# for that model: each of the study's six candidates (cantilevers, one
# construction stage) is exported with export-dsheet and paired with the
# .shd of a different one-stage benchmark without anchors. The results of
# every candidate must then be those of its benchmark's .shd (read here with
# sed from [MAXIMUM SUMMARY RESULTS], not through sheetpile; to the two
# decimals results.csv prints), whatever the order in which the pool ran them; a seventh candidate without an answer
# fails like a refused input, and the study goes on.
. "$(dirname "$0")/lib.sh"
FAKE=$(realpath "$2")
DS="$HERE/data/dsheet"
cd "$WORK"

# a cantilever search of 7 candidates (1 profile x 1 grade x 7 lengths) in
# the ground of designs/anchored-quay-wall-subgrade.ini, solved by the stand-in
cat > study.ini <<INI
[study]
name = Cantilever, D-Sheet Piling stand-in

[geometry]
top_of_wall_m = 3.0
retained_level_m = 3.0
excavation_level_m = -1.0

[layer sand fill]
top_level_m = 3.0
gamma_kN_m3 = 18
gamma_sat_kN_m3 = 20
phi_deg = 32.5
delta_deg = 21.7
kh_kN_m3 = 12000, 6000, 3000
kh_bottom_kN_m3 = 20000, 10000, 5000

[layer dense sand]
top_level_m = -4.0
gamma_kN_m3 = 19
gamma_sat_kN_m3 = 21
phi_deg = 35
delta_deg = 23.3
kh_kN_m3 = 30000, 15000, 7500
kh_bottom_kN_m3 = 40000, 20000, 10000

[water]
level_retained_m = 0.0
level_excavation_m = -1.0

[search]
profiles = AZ 18-700
grades = S355GP
length_m = 12:1:18

[design]
method = subgrade

[subgrade]
branches = 3

[cost]
steel_price_per_kg = 1.15
co2_kg_per_kg_steel = 0.8

[run]
licenses = 3
catalogue = $ROOT/designs/profiles.csv
grades = $ROOT/designs/grades.csv

[solver]
command = $FAKE /b {input}
input_format = dsheet
output_format = dsheet
input_file = wall.shi
output_file = wall.shd
retries = 0
INI
"$SP" check study.ini >/dev/null; ok $? "the study with a dsheet [solver] is valid"

# answers: candidate i -> benchmark BM[i]; the last candidate gets none
BM=(bm1-1 bm1-2 bm3-6 bm3-7a bm4-1a bm4-2a)
mkdir answers
for i in 0 1 2 3 4 5; do
  "$SP" export-dsheet study.ini --candidate $i -o answers/c$i.shi; ok $? "candidate $i exported"
  cp "$DS/${BM[$i]}.shd" answers/c$i.shd
done
export FAKE_DSHEET_DATA="$WORK/answers"

"$SP" run study.ini -o out --quiet --no-plots --trust-solver 2>err.txt
rc=$?
[ $rc = 75 ]; ok $? "a candidate without an answer fails the run with exit 75 ($rc)"
[ -s out/results.csv ]; ok $? "results.csv written"

# column of a results.csv header name
col() { head -1 out/results.csv | tr ',' '\n' | grep -n "^\"\?$1\"\?\$" | cut -d: -f1; }
cm=$(col max_moment_kNm_per_m); cv=$(col max_shear_kN_per_m); cu=$(col max_displacement_mm); cs=$(col status)
for i in 0 1 2 3 4 5; do
  shd="$DS/${BM[$i]}.shd"
  want_m=$(tr -d '\r' < "$shd" | sed -n 's/^MaximumMoment=//p')
  want_v=$(tr -d '\r' < "$shd" | sed -n 's/^MaximumShearForce=//p')
  want_u=$(tr -d '\r' < "$shd" | sed -n 's/^MaximumDisplacement=//p')
  row=$(awk -F, -v id=$i 'NR > 1 && $1 == id' out/results.csv)
  got_m=$(echo "$row" | cut -d, -f$cm); got_v=$(echo "$row" | cut -d, -f$cv); got_u=$(echo "$row" | cut -d, -f$cu)
  awk -v g="$got_m" -v w="$want_m" 'BEGIN { d = g - (w < 0 ? -w : w); exit !(d <= 0.0051 && d >= -0.0051) }'
  ok $? "candidate $i: max moment $got_m = |$want_m| of ${BM[$i]}.shd"
  awk -v g="$got_v" -v w="$want_v" 'BEGIN { d = g - (w < 0 ? -w : w); exit !(d <= 0.0051 && d >= -0.0051) }'
  ok $? "candidate $i: max shear $got_v = |$want_v| of ${BM[$i]}.shd"
  awk -v g="$got_u" -v w="$want_u" 'BEGIN { d = g - (w < 0 ? -w : w); exit !(d <= 0.0051 && d >= -0.0051) }'
  ok $? "candidate $i: max displacement $got_u = |$want_u| of ${BM[$i]}.shd"
done
st6=$(awk -F, 'NR > 1 && $1 == 6' out/results.csv | cut -d, -f$cs)
case "$st6" in *failed*) true ;; *) false ;; esac; ok $? "candidate 6 (no answer) has status failed ($st6)"
n_ok=$(awk -F, -v c=$cs 'NR > 1 && $c !~ /failed/' out/results.csv | wc -l)
[ "$n_ok" = 6 ]; ok $? "the other six candidates are not failed ($n_ok)"
ls out/work 2>/dev/null | grep -q . ; ok $? "the failed job's work directory is kept"
grep -rq 'not a known benchmark' out/work 2>/dev/null; ok $? "with the stand-in's message in its stderr"

# the D-Sheet Piling formats need the subgrade model
sed -e 's/^method = subgrade/method = le/' -e '/^kh_/d' -e '/^\[subgrade\]/,/^$/d' study.ini > le.ini
"$SP" check le.ini >/dev/null 2>err.txt; [ $? = 65 ] && grep -q "input_format.*dsheet.*method = subgrade" err.txt
ok $? "input_format = dsheet in a method = le study exits 65 naming the reason"

finish "dsheet_exec.sh: "
