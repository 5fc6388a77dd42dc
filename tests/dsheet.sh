#!/usr/bin/env bash
# End-to-end checks of the D-Sheet Piling exchange: export-dsheet, the
# round trip import -> export -> import on the benchmarks, and the stand-in
# console. Usage: dsheet.sh PATH/TO/sheetpile PATH/TO/fake-dsheet-console
# Prints failures and closes with "N passed, N failed".
. "$(dirname "$0")/lib.sh"
FAKE=$(realpath "$2")
DS="$HERE/data/dsheet"
cd "$WORK"
export FAKE_DSHEET_DATA="$DS"

# --- round trip: the exported .shi of an imported benchmark re-imports to the
# same study (the first comment line names the source file, so it differs).
# test_shi_write does this for all 37 importable benchmarks in-process; here
# the command line, on benchmarks with every kind of item: supports and a
# moment, normal forces, a strut, a surcharge, a sloping surface, secant
# (Cur) moduli, a pre-stressed anchor over four stages
for b in bm1-3 bm1-5 bm3-5a bm3-5b bm3-7a bm4-5a bm4-6a bm4-11a; do
  "$SP" import-dsheet "$DS/$b.shi" -o "$b.ini"; ok $? "$b: import-dsheet"
  "$SP" export-dsheet "$b.ini" -o "$b-x.shi"; ok $? "$b: export-dsheet of the imported study"
  "$SP" import-dsheet "$b-x.shi" -o "$b-x.ini"; ok $? "$b: import-dsheet of the exported file"
  diff <(tail -n +2 "$b.ini") <(tail -n +2 "$b-x.ini") >/dev/null; ok $? "$b: the same study after the round trip"
done

# --- an imported project computes on D-Sheet's own points (mesh = dsheet):
# bm4-5a stage 3, the right side excavated to -1 m under a 10 kPa load, whose
# pressure rises over D-Sheet's first 0.20 m element below the surface
# (bm4-5a.shd: max M -27.97328 kNm/m, max u 3.23283 mm; 26.88 kNm/m on
# sheetpile's 0.05 m elements, mesh = uniform)
grep -q '^mesh = dsheet$' bm4-5a.ini; ok $? "bm4-5a: import-dsheet writes mesh = dsheet"
"$SP" analyze bm4-5a.ini > bm4-5a-an.csv; ok $? "bm4-5a: analyze the imported study"
awk -F, '$1 == 3 { m = $4 < 0 ? -$4 : $4; u = $6 < 0 ? -$6 : $6; found = 1
  good = m > 27.97328 * 0.99 && m < 27.97328 * 1.01 && u > 3.23283 * 0.99 && u < 3.23283 * 1.01 }
  END { exit !(found && good) }' bm4-5a-an.csv
ok $? "bm4-5a stage 3 from the command line: max M and u within 1 % of D-Sheet's 27.973 kNm/m, 3.233 mm ($(sed -n 4p bm4-5a-an.csv))"
sed '/^mesh = dsheet$/d' bm4-5a.ini > bm4-5a-uniform.ini
"$SP" analyze bm4-5a-uniform.ini > bm4-5a-uniform.csv; ok $? "bm4-5a without the mesh line (0.05 m elements)"
awk -F, '$1 == 3 { m = $4 < 0 ? -$4 : $4; found = 1; low = m < 27.97328 * 0.99 } END { exit !(found && low) }' \
  bm4-5a-uniform.csv
ok $? "bm4-5a on 0.05 m elements: stage 3 more than 1 % below D-Sheet's ($(sed -n 4p bm4-5a-uniform.csv))"

# --- run on an imported project (its fixed wall, no search space): no crash,
# every output file, no warning (it crashed on the empty search space once)
for b in bm1-3 bm4-11a; do
  "$SP" run "$b.ini" -o "$b-run" > "$b-run.out" 2> "$b-run.err"; rc=$?
  [ $rc = 0 ]; ok $? "$b: run on the imported study exits 0 (got $rc)"
  [ -s "$b-run/run.json" ] && [ -s "$b-run/report.html" ]; ok $? "$b: run writes run.json and report.html"
  ! grep -q '^\[WARNING\]' "$b-run.err"; ok $? "$b: no warning ($(head -c 200 "$b-run.err"))"
  grep -q "^best       none ranked: the study's own wall, no search space" "$b-run.out" && ! grep -q 'no feasible design' "$b-run.out"
  ok $? "$b: the summary says the wall is the study's own, not 'no feasible design'"
  ! grep -qi 'no feasible design' "$b-run/report.html"; ok $? "$b: report.html does not call the study's own wall infeasible"
  # the report describes the wall as imported, not an empty search space
  len=$(awk '/^\[wall\]/ { w = 1; next } /^\[/ { w = 0 } w && $1 == "length_m" { print $3 }' "$b.ini")
  grep -q "<tr><th>wall length</th><td>$(printf '%.2f' "$len") m</td></tr>" "$b-run/report.html"
  ok $? "$b: report.html gives the wall's length from the .shi ($len m)"
  nst=$(grep -c '^\[stage ' "$b.ini")
  [ "$(sed -n '/<h3>Construction stages<\/h3>/,/<\/table>/p' "$b-run/report.html" | grep -c '^<tr><td>[0-9]')" = "$nst" ]
  ok $? "$b: report.html lists the wall's $nst stages"
  ! grep -q 'inf m\|<h3>Search space</h3>\|<h3>Cost and objective</h3>' "$b-run/report.html"
  ok $? "$b: report.html has no search space, cost or infinite lengths for the study's own wall"
  grep -q 'Not applicable: the study.s own wall has no search space' "$b-run/report.html"
  ok $? "$b: report.html's 'Why not cheaper' says it does not apply"
  # the wall's stages: the summary's lines and best_stages.csv agree with analyze's rows
  "$SP" analyze "$b.ini" > "$b-an.csv"; ok $? "$b: analyze the imported study"
  stages=$(tail -n +2 "$b-an.csv" | wc -l)
  [ "$(grep -c '^Stage [0-9]*: ok, max moment' "$b-run.out")" = "$stages" ]; ok $? "$b: run prints one line per stage ($stages)"
  bad=$(awk -F, 'NR == FNR { if (FNR > 1) m[$1] = $4 < 0 ? -$4 : $4; next }
    FNR > 1 { v = $5 < 0 ? -$5 : $5; if (v > big[$1]) big[$1] = v }
    END { for (k in m) if (big[k] - m[k] > 0.01 || m[k] - big[k] > 0.01) n++; print n + 0 }' "$b-an.csv" "$b-run/best_stages.csv")
  [ "$bad" = 0 ]; ok $? "$b: best_stages.csv's largest moment per stage = analyze's ($bad stages differ)"
done

# --- issue 19, point 2: what real projects hold, through the command line -------
# Each feature on the development file that has it (../shared/dsheet-benchmarks/
# README.md): import-dsheet, then analyze of the imported study; the stage's
# max moment and max displacement within 1 % (or 0.5 kNm/m, 0.5 mm) of the
# .shd's [RESUME] row (D-Sheet Piling 24.1), the warning or note the issue asks
# for. Features no development file has: a copy of one, edited here.
# stage_within CSV STAGE M_kNm_per_m U_mm: analyze's row of that stage is ok and within 1 %
stage_within() {
  awk -F, -v s="$2" -v m="$3" -v u="$4" '
    function a(x) { return x < 0 ? -x : x }
    function near(x, y) { d = a(a(x) - a(y)); return d <= 0.01 * a(y) || d <= 0.5 }
    $1 == s { found = 1; good = $3 == "ok" && near($4, m) && near($6, u) }
    END { exit !(found && good) }' "$1"
}
# feature FILE STAGE M U TEXT: import, analyze, the stage within 1 %
feature() {
  "$SP" import-dsheet "$DS/$1.shi" -o "f-$1.ini" 2> "f-$1.imp"; ok $? "$1 ($5): import-dsheet"
  "$SP" analyze "f-$1.ini" > "f-$1.csv" 2> "f-$1.err"; ok $? "$1 ($5): analyze"
  stage_within "f-$1.csv" "$2" "$3" "$4"
  ok $? "$1 ($5): stage $2 max M, u within 1 % of D-Sheet's $3 kNm/m, $4 mm ($(grep "^$2," "f-$1.csv" | head -c 120))"
  ! grep -q 'failed' "f-$1.csv"; ok $? "$1 ($5): every stage computed"
}
# a soil profile per side and per stage (Tutorial-10: a profile with excess
# pore pressure on the left; bm3-11 and bm4-17d: profiles changed between stages)
feature Tutorial-10 1 379.73075 49.61731 "a soil profile per side"
feature bm3-11 2 19.87742 4.57276 "a soil profile per stage"
feature bm4-17d 3 224.33121 37.09036 "a soil profile per side and stage"
grep -q '^left_soil_profile\|^right_soil_profile' f-bm4-17d.ini; ok $? "bm4-17d: the study names each stage's profiles"
# bm4-17d also carries the "pile loaded by soil displacements" flags (unused in
# a Sheet piling model: its .shd holds the ordinary results, checked above), a
# passive side overrule (1) and StageVerify=1 without Verification = TRUE
grep -q '^1 : Pile loaded by soil displacements' "$DS/bm4-17d.shi" && grep -q '^ *1  *Passive side overrule' "$DS/bm4-17d.shi"
ok $? "bm4-17d holds the soil-displacement flags and a passive side overrule 1"
! grep -qi 'displacement' f-bm4-17d.imp; ok $? "bm4-17d: the unused flags give no warning ($(head -c 200 f-bm4-17d.imp))"
# CPT-interpreted profile: the layers stored in the file, the CPT named
feature Tutorial-2a 1 480.56140 1056.92245 "a profile interpreted from a CPT"
grep -q "CPT 'CPT 01'" f-Tutorial-2a.imp && grep -q "^note_[0-9]* = .*CPT 'CPT 01'" f-Tutorial-2a.ini
ok $? "Tutorial-2a: import-dsheet and the study's note name the CPT ($(head -c 200 f-Tutorial-2a.imp))"
# settlement by vibration: stage results computed, a warning that the settlement is not
feature Tutorial-16 4 497.77478 97.56945 "settlement by vibration"
grep -q 'warning: .*settlement by vibration.*not computed' f-Tutorial-16.imp
ok $? "Tutorial-16: import-dsheet warns that the settlement itself is not computed"
# a plastic wall: the plastic moment of its element in the study, factored
# as D-Sheet's "maximum allowed plastic moment including reduction factor"
# (bm4-44a.shd [SHEET PILE ELEMENTS]: 348.226 = 610.7 x 0.7 x 0.85 / 1.2 x
# 1.15); D-Sheet's moments stay below it (stages 1-2 within 1 %; stages 3-4
# are the known gap of test_dsheet_benchmarks)
"$SP" import-dsheet "$DS/bm4-44a.shi" -o f-bm4-44a.ini; ok $? "bm4-44a (plastic wall): import-dsheet"
mp_shd=$(awk '/^\[SHEET PILE ELEMENTS\]/ { t = 1 } t && /^\[DATA\]/ { getline; print $7; exit }' "$DS/bm4-44a.shd")
grep -q '^plastic = yes$' f-bm4-44a.ini &&
  awk -v a="$(sed -n 's/^plastic_moment_kNm_per_m = //p' f-bm4-44a.ini)" -v b="$mp_shd" 'BEGIN { d = a - b; exit !(b == 348.226 && d < 0.0005 && d > -0.0005) }'
ok $? "bm4-44a: plastic calculation with the element's plastic moment 348.226 kNm/m"
"$SP" analyze f-bm4-44a.ini > f-bm4-44a.csv; ok $? "bm4-44a: analyze"
stage_within f-bm4-44a.csv 2 23.92098 6.76983; ok $? "bm4-44a: stage 2 within 1 % of 23.921 kNm/m, 6.770 mm"
# ... and with the plastic moment lowered to 300 kNm/m stage 3 (D-Sheet's
# elastic 348.12) passes it: the plastic hinge forms (engine/beam_bending.h),
# every stage is computed and no moment goes beyond 300 kNm/m
sed 's/^plastic_moment_kNm_per_m = .*/plastic_moment_kNm_per_m = 300/' f-bm4-44a.ini > p300.ini
"$SP" analyze p300.ini > p300.csv 2> p300.err
ok $? "bm4-44a with a plastic moment of 300 kNm/m: analyze exits 0"
awk -F, 'NR > 1 { n++; if ($3 != "ok") bad = 1; m = $4 < 0 ? -$4 : $4; if (m > top) top = m }
  END { exit !(n == 4 && !bad && top <= 300.0005 && top >= 299.9995) }' p300.csv
ok $? "bm4-44a, 300 kNm/m: 4 stages ok, the largest moment 300 kNm/m ($(sed -n 4p p300.csv | head -c 120))"
# a user-defined wall material (EI as given)
feature bm4-33a 1 6.13356 228.77939 "a user-defined material"
# wood: no development file has it; bm4-33a's element as material 3 (GEOLib's
# SheetPilingElementMaterialType.Wood) is the same wall, EI as given
sed 's/^SheetPilingElementMaterialType=0/SheetPilingElementMaterialType=3/' "$DS/bm4-33a.shi" > wood.shi
grep -q '^SheetPilingElementMaterialType=3' wood.shi; ok $? "wood.shi: bm4-33a's element made of wood"
"$SP" import-dsheet wood.shi -o wood.ini && "$SP" analyze wood.ini > wood.csv; ok $? "an element of wood: import-dsheet and analyze"
stage_within wood.csv 1 6.13356 228.77939; ok $? "an element of wood: bm4-33a's results (EI as given)"
# the Wooden sheet piling option (stiffness and strength from the Eurocode 5
# wood properties) is not read: refused by name, exit 65
sed 's/^0 : Wooden sheet piling = FALSE/1 : Wooden sheet piling = TRUE/' "$DS/bm4-33a.shi" > woodopt.shi
"$SP" import-dsheet woodopt.shi -o woodopt.ini 2> woodopt.err; [ $? = 65 ] && grep -q 'woodopt.shi:[0-9]*: \[MODEL\] wooden sheet piling' woodopt.err && [ ! -e woodopt.ini ]
ok $? "the Wooden sheet piling option: exit 65, file:line and the option named ($(head -c 160 woodopt.err))"
# a diaphragm wall (its M-kappa diagram elastic to 44000 kNm/m): stage 17
# within 1 %; stages 1-15 are the known gap of test_dsheet_benchmarks
"$SP" import-dsheet "$DS/ComplexProjects24.shi" -o f-cp24.ini; ok $? "ComplexProjects24 (diaphragm wall): import-dsheet"
"$SP" analyze f-cp24.ini > f-cp24.csv; ok $? "ComplexProjects24: analyze"
[ "$(tail -n +2 f-cp24.csv | grep -c ',ok,')" = 17 ]; ok $? "ComplexProjects24: 17 stages computed"
stage_within f-cp24.csv 17 16314.63296 206.79578; ok $? "ComplexProjects24: stage 17 within 1 % of 16314.6 kNm/m, 206.80 mm"
# ... and with an elasto-plastic diagram (5000 kNm/m elastic, then EI 1e6 to
# 8000, then EI 2e5 to 9000, plastic): imported with it, stage 16 (D-Sheet's
# elastic 7031.96 kNm/m) goes into the diagram's elasto-plastic branch and
# is computed, its moment between the elastic and the plastic moment
sed -e 's/^\(DiaphragmWall...MomElastic\)=44000.00/\1=5000.00/' -e 's/^\(DiaphragmWall...MomElastoPlastic\)=44000.00/\1=8000.00/' \
  -e 's/^\(DiaphragmWall...MomPlastic\)=44000.00/\1=9000.00/' -e 's/^\(DiaphragmWall...EIElastoPlastic1\)=.*/\1=1.000000E+06/' \
  -e 's/^\(DiaphragmWall...EIElastoPlastic2\)=.*/\1=2.000000E+05/' "$DS/ComplexProjects24.shi" > cp24-ep.shi
[ "$(grep -c '^DiaphragmWall.*=\(5000\|8000\|9000\).00$' cp24-ep.shi)" = 6 ]; ok $? "cp24-ep.shi: ComplexProjects24 with an elasto-plastic diagram"
"$SP" import-dsheet cp24-ep.shi -o cp24-ep.ini 2> cp24-ep.imp; ok $? "an elasto-plastic diaphragm wall: import-dsheet ($(head -c 200 cp24-ep.imp))"
grep -q '^diagram_moment_kNm_per_m = 5000, 8000, 9000$' cp24-ep.ini && grep -q '^diagram_ei_kNm2_per_m = 1000000, 200000$' cp24-ep.ini
ok $? "an elasto-plastic diaphragm wall: its diagram in the study ($(grep '^diagram' cp24-ep.ini | tr '\n' ' '))"
"$SP" analyze cp24-ep.ini > cp24-ep.csv 2> cp24-ep.err; ok $? "an elasto-plastic diaphragm wall: analyze"
awk -F, '$1 == 16 { found = 1; m = $4 < 0 ? -$4 : $4; good = $3 == "ok" && m > 5000 && m <= 9000.0005 } END { exit !(found && good) }' cp24-ep.csv
ok $? "an elasto-plastic diaphragm wall: stage 16 computed within the diagram ($(grep '^16,' cp24-ep.csv | head -c 120))"
# given soil displacements ([SOIL DISPLACEMENTS])
feature bm4-15a 1 551.06315 229.36301 "given soil displacements"
# the counts: Tutorial-1's one AZ 13 element cut into 64 of the same EI (the
# same beam: Tutorial-1.shd max M 158.73075 kNm/m, u 193.89766 mm), and 65,
# one more than sheetpile holds (SP_WALL_MAX_ELEMENTS), refused by name
split_elements() {
  awk -v n="$1" '
    /^ *1 Number of elements/ { printf "%3d Number of elements\n", n; next }
    /^\[SHEET PILING ELEMENT\]/ { inel = 1 }
    inel { blk[++nb] = $0; if ($0 ~ /^\[END OF SHEET PILING ELEMENT\]/) {
        for (k = 1; k <= n; k++) for (i = 1; i <= nb; i++) {
          line = blk[i]
          if (line ~ /^SheetPilingElementLevel=/) line = sprintf("SheetPilingElementLevel=%.2f", -16.0 * k / n)
          if (i == 2) line = line " " k
          print line }
        inel = 0 }
      next }
    { print }' "$DS/Tutorial-1.shi"
}
split_elements 64 > e64.shi
[ "$(grep -c '^\[SHEET PILING ELEMENT\]' e64.shi)" = 64 ]; ok $? "e64.shi: Tutorial-1 with 64 elements"
"$SP" import-dsheet e64.shi -o e64.ini && "$SP" analyze e64.ini > e64.csv; ok $? "64 wall elements: import-dsheet and analyze"
stage_within e64.csv 1 158.73075 193.89766; ok $? "64 wall elements: Tutorial-1's results ($(sed -n 2p e64.csv))"
split_elements 65 > e65.shi
"$SP" import-dsheet e65.shi -o e65.ini 2> e65.err; [ $? = 65 ] && grep -q 'Number of elements: 65 is out of range 1..64' e65.err
ok $? "65 wall elements: exit 65, the count and the limit named ($(head -c 160 e65.err))"
# bm1-1's one stage repeated 64 times (the same line load on the same elastic
# beam: bm1-1.shd's [RESUME] 11.64788 kNm/m, 117.98290 mm in every stage), and 65 refused
split_stages() {
  awk -v n="$1" '
    /^ *1 Number of Construction stages/ { printf "%3d Number of Construction stages \n", n; inst = 1; next }
    inst && /^\[END OF CONSTRUCTION STAGES\]/ {
      for (k = 1; k <= n; k++) for (i = 1; i <= nb; i++) print (i == 1 ? blk[i] " " k : blk[i])
      inst = 0; print; next }
    inst { blk[++nb] = $0; next }
    /^1 = number of items$/ && !done { printf "%d = number of items\n", n; inopt = 1; next }
    inopt && /^\[END OF CALCULATION OPTIONS PER STAGE\]/ {
      for (k = 1; k <= n; k++) for (i = 1; i <= no; i++) print opt[i]
      inopt = 0; done = 1; print; next }
    inopt { opt[++no] = $0; next }
    { print }' "$DS/bm1-1.shi"
}
bm11_u=$(sed -n '/^\[RESUME\]/,/^\[END OF RESUME\]/p' "$DS/bm1-1.shd" | sed -n '/^\[DATA\]/{n;p;}' | awk '{print $3}')
bm11_m=$(sed -n '/^\[RESUME\]/,/^\[END OF RESUME\]/p' "$DS/bm1-1.shd" | sed -n '/^\[DATA\]/{n;p;}' | awk '{print $1}')
split_stages 64 > s64.shi
"$SP" import-dsheet s64.shi -o s64.ini && "$SP" analyze s64.ini > s64.csv; ok $? "64 stages: import-dsheet and analyze"
[ "$(tail -n +2 s64.csv | grep -c ',ok,')" = 64 ] && stage_within s64.csv 1 "$bm11_m" "$bm11_u" && stage_within s64.csv 64 "$bm11_m" "$bm11_u"
ok $? "64 stages: all computed, stages 1 and 64 bm1-1's $bm11_m kNm/m, $bm11_u mm ($(sed -n 65p s64.csv))"
split_stages 65 > s65.shi
"$SP" import-dsheet s65.shi -o s65.ini 2> s65.err; [ $? = 65 ] && grep -q 'Number of Construction stages: 65 is out of range 1..64' s65.err
ok $? "65 stages: exit 65, the count and the limit named ($(head -c 160 s65.err))"
# bm1-1's 10 kN/m line load as 32 loads of 10/32 kN/m at the same level (the
# same wall, bm1-1.shd's results), and 33 refused
split_loads() {
  awk -v n="$1" '
    /^ *1 Number of horizontal line loads/ { printf "%3d Number of horizontal line loads \n", n; next }
    /^  1       0.00      10.00      0          0     Line load$/ {
      for (k = 1; k <= n; k++) printf "%3d       0.00 %10.6f      0          0     Line load %d\n", k, 10.0 / n, k
      next }
    /^ *1              Horizontal line loads in stage/ {
      printf "%10d              Horizontal line loads in stage\n", n; getline
      for (k = 1; k <= n; k++) printf "%10d Line load %d\n", k, k
      next }
    { print }' "$DS/bm1-1.shi"
}
split_loads 32 > l32.shi
[ "$(grep -c '     Line load [0-9]' l32.shi)" = 32 ]; ok $? "l32.shi: bm1-1 with 32 line loads"
"$SP" import-dsheet l32.shi -o l32.ini && "$SP" analyze l32.ini > l32.csv; ok $? "32 line loads: import-dsheet and analyze"
stage_within l32.csv 1 "$bm11_m" "$bm11_u"; ok $? "32 line loads: bm1-1's results ($(sed -n 2p l32.csv))"
split_loads 33 > l33.shi
"$SP" import-dsheet l33.shi -o l33.ini 2> l33.err; [ $? = 65 ] && grep -q 'Number of horizontal line loads: 33 is out of range 0..32' l33.err
ok $? "33 line loads: exit 65, the count and the limit named ($(head -c 160 l33.err))"

# --- export-dsheet ------------------------------------------------------------
SUB="$ROOT/designs/anchored-quay-wall-subgrade.ini"
"$SP" export-dsheet "$SUB" --candidate 3 -o c3.shi; ok $? "export-dsheet --candidate"
head -1 c3.shi | grep -q '^INPUT FILE FOR D-SHEET PILING'; ok $? "export-dsheet writes a D-Sheet Piling input file"
grep -q 'candidate 3' c3.shi; ok $? "the banner names the candidate"
"$SP" export-dsheet "$SUB" --candidate 3 > c3-stdout.shi; cmp -s c3.shi c3-stdout.shi; ok $? "without -o: the same file on stdout"
# candidate 3 = profile 0, grade 0, length 1, anchor option 1 (mixed radix,
# anchor fastest: 3 = 1*2 + 1); the same candidate by its axes
prof=$(sed -n 's/^profiles *= *\([^,]*\),.*/\1/p' "$SUB" | head -1)
"$SP" export-dsheet "$SUB" --profile "$prof" --grade "$(sed -n 's/^grades *= *\([^,]*\).*/\1/p' "$SUB" | head -1)" \
  --length 12.5 --anchor-level 1 -o axes.shi 2>axes.err
ok $? "export-dsheet by --profile/--grade/--length/--anchor-level"
diff <(grep -v FILENAME c3.shi) <(grep -v FILENAME axes.shi) >/dev/null; ok $? "the same wall as --candidate 3"
"$SP" import-dsheet c3.shi -o c3.ini; ok $? "the exported candidate imports"
grep -q '^\[anchor-item anchor\]' c3.ini; ok $? "with its anchor"
grep -q '^\[stage excavation for the anchor\]' c3.ini; ok $? "and the stage that excavates for it"
"$SP" export-dsheet "$ROOT/designs/anchored-quay-wall.ini" -o le.shi 2>err.txt; [ $? = 65 ] && grep -q 'method = subgrade' err.txt && [ ! -e le.shi ]
ok $? "export-dsheet of a limit-equilibrium study exits 65, names the reason, writes nothing"
"$SP" export-dsheet "$SUB" --candidate 999999 -o x.shi 2>/dev/null; [ $? = 64 ] && [ ! -e x.shi ]; ok $? "a candidate id out of range exits 64"
"$SP" export-dsheet "$SUB" --candidate 1 --length 12 -o x.shi 2>/dev/null; [ $? = 64 ]; ok $? "--candidate with --length exits 64"
"$SP" export-dsheet bm3-5a.ini --candidate 0 -o x.shi 2>/dev/null; [ $? = 64 ]; ok $? "a fixed wall has no candidates to choose (64)"
"$SP" export-dsheet nothere.ini 2>/dev/null; [ $? = 66 ]; ok $? "missing study exits 66"
"$SP" export-dsheet "$SUB" --candidate 3 -o nodir/x.shi 2>/dev/null; [ $? = 73 ]; ok $? "unwritable output exits 73"
"$SP" analyze "$SUB" --candidate 3 >/dev/null 2>&1; [ $? = 64 ]; ok $? "--candidate belongs to export-dsheet only"

# --- the stand-in console -------------------------------------------------------
"$FAKE" /b bm3-5a-x.shi; ok $? "stand-in console answers an exported benchmark"
cmp -s bm3-5a-x.shd "$DS/bm3-5a.shd"; ok $? "with that benchmark's .shd, next to the input"
rm -f bm3-5a-x.shd; FAKE_DSHEET_DELAY_S=0.1 "$FAKE" bm3-5a-x.shi && cmp -s bm3-5a-x.shd "$DS/bm3-5a.shd"; ok $? "FAKE_DSHEET_DELAY_S: the same answer, later"
cp "$DS/bm4-11a.shi" own.shi && "$FAKE" own.shi && cmp -s own.shd "$DS/bm4-11a.shd"; ok $? "and a benchmark as D-Sheet Piling wrote it"
"$FAKE" c3.shi 2>err.txt; [ $? = 1 ] && [ ! -e c3.shd ] && grep -q 'not a known benchmark' err.txt
ok $? "an unknown model: exit 1, a message, no .shd"
printf 'garbage\n' > bad.shi; "$FAKE" bad.shi 2>/dev/null; [ $? = 1 ] && [ ! -e bad.shd ]; ok $? "an unreadable input: exit 1, no .shd"
mkdir extra && cp c3.shi extra/c3.shi && cp "$DS/bm3-5a.shd" extra/c3.shd
FAKE_DSHEET_DATA="$DS:$WORK/extra" "$FAKE" c3.shi && cmp -s c3.shd "$DS/bm3-5a.shd"; ok $? "FAKE_DSHEET_DATA adds directories of answers"

# --- the element's moment capacity, the importer's notes, a failed stage ------
# (issue 19 point 2 leftovers) The allowable moment of an element is D-Sheet
# Piling's "Maximum allowed elastic moment including reduction factor"
# ([SHEET PILE ELEMENTS] of the .shd: SheetPilingElementMaxCharacteristicMoment
# x acting width x kmod / material factor x reduction factor); analyze checks
# each stage's moment against it. col CSV NAME: the column's number in the header
col() { head -1 "$1" | tr ',' '\n' | grep -n "^$2\$" | cut -d: -f1; }
# shd_allowed FILE: the .shd's allowed elastic moment of the first element
shd_allowed() { awk '/^\[SHEET PILE ELEMENTS\]/ { t = 1 } t && /^\[DATA\]/ { getline; print $6; exit }' "$DS/$1.shd"; }
# bm4-44a: a user-defined material with every factor: 610.6 x 0.7 x 0.85 / 1.2 x 1.15
want=$(shd_allowed bm4-44a)
[ "$want" = 348.169 ]; ok $? "bm4-44a.shd: allowed elastic moment 348.169 kNm/m (got '$want')"
grep -q '^allowable_moment_kNm_per_m = 348.169' f-bm4-44a.ini; ok $? "bm4-44a: the study's element holds it ($(grep allowable f-bm4-44a.ini))"
c=$(col f-bm4-44a.csv allowable_moment_kNm_per_m)
[ -n "$c" ] && [ "$(awk -F, -v c="$c" 'NR == 2 { print $c }' f-bm4-44a.csv)" = "$want" ]
ok $? "bm4-44a: analyze's allowable_moment_kNm_per_m = the .shd's $want"
# Tutorial-2a: D-Sheet's own stage-1 moment 480.56140 kNm/m passes its 312.000
# (the .shd's [WARNINGS] has a stage-1 warning); the unity check 480.56140 / 312
# = 1.5403 within 1 %, the warning says so; the CPT note on stderr, once
"$SP" analyze f-Tutorial-2a.ini > cap-2a.csv 2> cap-2a.err; ok $? "Tutorial-2a: analyze"
[ "$(shd_allowed Tutorial-2a)" = 312.000 ]; ok $? "Tutorial-2a.shd: allowed elastic moment 312.000 kNm/m"
awk -F, -v a="$(col cap-2a.csv allowable_moment_kNm_per_m)" -v u="$(col cap-2a.csv util_moment)" '
  $1 == 1 { found = 1; w = 480.56140 / 312; good = $a == "312.000" && $u > w * 0.99 && $u < w * 1.01 }
  END { exit !(found && good) }' cap-2a.csv
ok $? "Tutorial-2a: stage 1 unity check within 1 % of D-Sheet's 480.561 / 312 = 1.540 ($(sed -n 2p cap-2a.csv))"
grep -q "stage 1 'New Stage': allowable moment exceeded: .* > 312.000 kNm/m of element 'AZ 13'" cap-2a.err
ok $? "Tutorial-2a: analyze warns that the allowable moment is exceeded ($(grep -m1 allowable cap-2a.err | head -c 200))"
[ "$(grep -c "CPT 'CPT 01'" cap-2a.err)" = 1 ] && grep -q "^\[WARNING\] f-Tutorial-2a.ini: soil layers interpreted from CPT 'CPT 01'" cap-2a.err
ok $? "Tutorial-2a: analyze repeats the importer's CPT note once"
grep -q "^\[dsheet\]" f-Tutorial-2a.ini && grep -q "^note_1 = soil layers interpreted from CPT" f-Tutorial-2a.ini
ok $? "Tutorial-2a: the note is the study's [dsheet] note_1"
# Tutorial-1: D-Sheet's 158.72755 kNm/m under 312: 0.5087 within 1 %, no warning
"$SP" import-dsheet "$DS/Tutorial-1.shi" -o cap-t1.ini && "$SP" analyze cap-t1.ini > cap-t1.csv 2> cap-t1.err
ok $? "Tutorial-1: import-dsheet and analyze"
awk -F, -v u="$(col cap-t1.csv util_moment)" '$1 == 1 { found = 1; w = 158.72755 / 312; good = $u > w * 0.99 && $u < w * 1.01 }
  END { exit !(found && good) }' cap-t1.csv
ok $? "Tutorial-1: unity check within 1 % of D-Sheet's 158.728 / 312 = 0.509 ($(sed -n 2p cap-t1.csv))"
! grep -q 'WARNING' cap-t1.err; ok $? "Tutorial-1: no warning ($(head -c 160 cap-t1.err))"
# a file without a characteristic moment: no capacity columns
! grep -q allowable_moment bm1-3.ini && ! head -1 bm1-3-an.csv | grep -q util_moment
ok $? "bm1-3 (no characteristic moment): no allowable moment, no unity check columns"
# a copy of Tutorial-1 with the characteristic moment lowered to 150 kNm/m:
# the element's capacity follows the file (158.73 / 150 = 1.058, exceeded)
sed 's/^SheetPilingElementMaxCharacteristicMoment=312.00/SheetPilingElementMaxCharacteristicMoment=150.00/' \
  "$DS/Tutorial-1.shi" > cap150.shi
"$SP" import-dsheet cap150.shi -o cap150.ini && "$SP" analyze cap150.ini > cap150.csv 2> cap150.err
awk -F, -v a="$(col cap150.csv allowable_moment_kNm_per_m)" -v u="$(col cap150.csv util_moment)" '
  $1 == 1 { found = 1; w = 158.72755 / 150; good = $a == "150.000" && $u > w * 0.99 && $u < w * 1.01 }
  END { exit !(found && good) }' cap150.csv && grep -q 'allowable moment exceeded' cap150.err
ok $? "Tutorial-1 at 150 kNm/m: 150.000, unity check 1.058 within 1 %, the warning ($(sed -n 2p cap150.csv))"
# Tutorial-16: the settlement-by-vibration note from analyze and run, once each
"$SP" analyze f-Tutorial-16.ini > /dev/null 2> cap-16.err
[ "$(grep -c 'settlement by vibration.*not computed' cap-16.err)" = 1 ]
ok $? "Tutorial-16: analyze repeats the settlement-by-vibration note once ($(head -c 200 cap-16.err))"
"$SP" run f-Tutorial-16.ini -o cap-16-run > cap-16-run.out 2> cap-16-run.err; ok $? "Tutorial-16: run"
[ "$(grep -c 'settlement by vibration.*not computed' cap-16-run.err)" = 1 ]
ok $? "Tutorial-16: run repeats the note once"
grep -q '^Stage 4: ok, max moment .*; moment unity check 0.59[0-9] (allowable moment 834.00 kNm/m)' cap-16-run.out
ok $? "Tutorial-16: run's summary has stage 4's unity check, D-Sheet's 497.775 / 834 = 0.597 ($(grep '^Stage 4' cap-16-run.out | head -c 200))"
# a failed stage: bm4-44a at a plastic moment of 250 kNm/m, below what stage 3
# needs (its collapse lies between 250 and 300 kNm/m: hinges make a mechanism):
# no numbers in its row, the warning names the plastic moment; run writes no
# rows for it and says so without numbers
sed 's/^plastic_moment_kNm_per_m = .*/plastic_moment_kNm_per_m = 250/' f-bm4-44a.ini > p250.ini
"$SP" analyze p250.ini > p250.csv 2> p250.err
ok $? "bm4-44a at 250 kNm/m: analyze exits 0"
awk -F, '$1 == 3 || $1 == 4 { n++; if ($3 != "failed") bad = 1; for (i = 4; i <= NF; i++) if ($i != "") bad = 1 }
  END { exit !(n == 2 && !bad) }' p250.csv
ok $? "bm4-44a at 250 kNm/m: stages 3 and 4 'failed' with empty numbers ($(sed -n 4p p250.csv))"
grep "stage 3 '" p250.err | grep -q "not computed: .*mechanism (250.0 kNm/m at "
ok $? "bm4-44a at 250 kNm/m: why stage 3 failed: a mechanism at the plastic moment ($(grep "stage 3 '" p250.err | head -c 200))"
"$SP" run p250.ini -o p250-run > p250-run.out 2> p250-run.err; ok $? "bm4-44a at 250 kNm/m: run exits 0"
! awk -F, 'NR > 1 && ($1 == 3 || $1 == 4)' p250-run/best_stages.csv | grep -q .
ok $? "bm4-44a at 250 kNm/m: best_stages.csv has no rows of stages 3 and 4"
awk -F, 'NR > 1 && $1 == 2' p250-run/best_stages.csv | grep -q .; ok $? "... and the rows of stage 2"
grep -q '^Stage 3: failed, not computed: no equilibrium: plastic hinges make a mechanism' p250-run.out && ! grep '^Stage [34]:' p250-run.out | grep -q 'max moment'
ok $? "bm4-44a at 250 kNm/m: run's summary says stage 3 failed, no max moment ($(grep '^Stage 3' p250-run.out | head -c 160))"
# the same for an imported design of the length: Tutorial-15a.shd's [DESIGN
# LENGTH CALCULATION] stops at 14.000 m (13 m is not computed by D-Sheet
# either); our 13 m row says "failed" with no numbers
"$SP" import-dsheet "$DS/Tutorial-15a.shi" -o cap-15a.ini && "$SP" analyze cap-15a.ini > cap-15a.csv 2>/dev/null
ok $? "Tutorial-15a: import-dsheet and analyze"
grep -q '^14.000,-1[0-9.]*,.*,ok$' cap-15a.csv && grep -q '^13.000,,,,,,failed$' cap-15a.csv
ok $? "Tutorial-15a: 14 m ok with its numbers, 13 m failed without ($(grep '^13.000' cap-15a.csv))"


# --- the last refusals of issue 19, exact: D-Sheet computes a combined wall
# (element material 5) and the Wooden sheet piling option, but how it turns
# their properties into the beam's EI and moments is not in the sources at
# hand (EN 1995-1-1 2.3.2.2 / 2.4.1 give E_mean,fin and f_m,d, not which
# second moment of area nor what kmod,E does). The refusal names the feature,
# its line, the element, and what to give instead; nothing is written
sed 's/^SheetPilingElementMaterialType=0/SheetPilingElementMaterialType=5/' "$DS/bm4-33a.shi" > combined.shi
grep -q '^SheetPilingElementMaterialType=5' combined.shi; ok $? "combined.shi: bm4-33a's element made a combined wall"
"$SP" import-dsheet combined.shi -o combined.ini 2> combined.err; [ $? = 65 ] && [ ! -e combined.ini ] &&
  grep -q "combined.shi:153: \[SHEET PILING\] element 'Length 6000 x Thickness 60 (D50)': material type 5, a combined wall, is not supported" combined.err &&
  grep -q 'from the piles and the sheet piles of \[COMBINED WALL\]' combined.err && grep -q 'user-defined elements (0)' combined.err
ok $? "a combined wall: exit 65, the element's line, the feature and what to give instead ($(head -c 200 combined.err))"
"$SP" import-dsheet woodopt.shi -o woodopt2.ini 2> woodopt2.err; [ $? = 65 ] && [ ! -e woodopt2.ini ] &&
  grep -q "woodopt.shi:140: \[MODEL\] wooden sheet piling is not supported" woodopt2.err &&
  grep -q "element 'Length 6000 x Thickness 60 (D50)', line 153: WoodenSheetPilingElementE=100000, CharacFlexuralStrength=0, KSys=1.15, KDef=2, Psi2Eff=1, MaterialFactor=1.3, KModFShort=0.65, KModFLong=0.5, KModE=0.8" woodopt2.err &&
  grep -q 'give each element its EI and moment as material wood (3)' woodopt2.err
ok $? "the Wooden sheet piling option: exit 65 at the option's line, the element's wood properties named ($(head -c 200 woodopt2.err))"
# what the refusal asks for runs: the option off, the element of wood with its EI
# (bm4-33a.shd: 6.13356 kNm/m, 228.77939 mm, as above)
sed 's/^1 : Wooden sheet piling = TRUE/0 : Wooden sheet piling = FALSE/; s/^SheetPilingElementMaterialType=0/SheetPilingElementMaterialType=3/' woodopt.shi > woodoff.shi
"$SP" import-dsheet woodoff.shi -o woodoff.ini && "$SP" analyze woodoff.ini > woodoff.csv; ok $? "the option switched off, material wood: import-dsheet and analyze"
stage_within woodoff.csv 1 6.13356 228.77939; ok $? "the option switched off, material wood: bm4-33a's results"
finish "dsheet.sh: "
