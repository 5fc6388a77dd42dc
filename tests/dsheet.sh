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
  # the wall's stages: the summary's lines and best_stages.csv agree with analyze's rows
  "$SP" analyze "$b.ini" > "$b-an.csv"; ok $? "$b: analyze the imported study"
  stages=$(tail -n +2 "$b-an.csv" | wc -l)
  [ "$(grep -c '^Stage [0-9]*: ok, max moment' "$b-run.out")" = "$stages" ]; ok $? "$b: run prints one line per stage ($stages)"
  bad=$(awk -F, 'NR == FNR { if (FNR > 1) m[$1] = $4 < 0 ? -$4 : $4; next }
    FNR > 1 { v = $5 < 0 ? -$5 : $5; if (v > big[$1]) big[$1] = v }
    END { for (k in m) if (big[k] - m[k] > 0.01 || m[k] - big[k] > 0.01) n++; print n + 0 }' "$b-an.csv" "$b-run/best_stages.csv")
  [ "$bad" = 0 ]; ok $? "$b: best_stages.csv's largest moment per stage = analyze's ($bad stages differ)"
done

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

finish "dsheet.sh: "
