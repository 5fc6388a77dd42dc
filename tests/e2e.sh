#!/usr/bin/env bash
# End-to-end tests of the sheetpile command line. Usage: e2e.sh PATH/TO/sheetpile
# Prints one line per check and closes with "N passed, N failed".
. "$(dirname "$0")/lib.sh"
cd "$WORK"

QUAY="$ROOT/designs/anchored-quay-wall.ini"
CANT="$ROOT/designs/cantilever-excavation-sand.ini"

# --- commands ---------------------------------------------------------------
"$SP" --version | grep -q '^sheetpile [0-9]'; ok $? "--version prints the version"
"$SP" --help | grep -q 'sheetpile run STUDY.ini'; ok $? "--help shows run"
"$SP" --help | grep -q 'sheetpile trust STUDY.ini' && "$SP" --help | grep -q -- '--trust-solver'; ok $? "--help shows trust and --trust-solver"
"$SP" >/dev/null 2>&1; [ $? = 64 ]; ok $? "no command exits 64"
"$SP" frobnicate >/dev/null 2>&1; [ $? = 64 ]; ok $? "unknown command exits 64"
"$SP" run "$QUAY" --threads x >/dev/null 2>&1; [ $? = 64 ]; ok $? "bad --threads exits 64"
"$SP" profiles | grep -q '^AZ 18-700 '; ok $? "profiles lists AZ 18-700"
n=$("$SP" profiles | grep -c '^\(AZ\|PU\|GU\|AU\|PZ\|JIS\)'); [ "$n" -ge 25 ]; ok $? "profiles lists >= 25 sections ($n)"
"$SP" check "$QUAY" | grep -q 'candidates'; ok $? "check prints the search space"
# the subgrade example: 21 profiles (21 EIs) x 21 lengths (12:0.5:22) x 2 anchor levels = 882 beam analyses
"$SP" check "$ROOT/designs/anchored-quay-wall-subgrade.ini" > sub-check.out
grep -q '^method: subgrade reaction' sub-check.out && grep -q '^analyses: 882 distinct' sub-check.out \
  && ! grep -q 'limit equilibrium\|cantilever method' sub-check.out
ok $? "check of a subgrade study names its method and its 882 beam analyses ($(grep '^analyses' sub-check.out))"

# --- determinism: threads and licences ----------------------------------------
"$SP" run "$QUAY" -o t1 --threads 1 --quiet; ok $? "run with 1 thread"
"$SP" run "$QUAY" -o t2 --threads 2 --quiet --no-plots; ok $? "run with 2 threads"
"$SP" run "$QUAY" -o l1 --threads 2 --licenses 1 --quiet --no-plots 2>/dev/null; ok $? "run with 1 licence"
"$SP" run "$QUAY" -o t8 --threads 8 --licenses 3 --quiet --no-plots 2>/dev/null; ok $? "run with 8 threads, 3 licences"
for d in t2 l1 t8; do
  for f in results.csv ranking.csv best_diagrams.csv; do
    cmp -s t1/$f $d/$f; ok $? "$f identical for t1 and $d"
  done
done
grep -q '"max_concurrent_evaluations": 1,' l1/run.json; ok $? "1 licence: never more than 1 evaluation at once"
mc=$(sed -n 's/.*"max_concurrent_evaluations": \([0-9]*\),/\1/p' t8/run.json); [ "$mc" -le 3 ]; ok $? "3 licences: at most 3 at once ($mc)"
grep -q '"threads": 3,' t8/run.json; ok $? "threads clamped to the licence count"
grep -q '"method": "le",' t8/run.json; ok $? "run.json names the limit-equilibrium method"
"$SP" run "$CANT" -o c1 --threads 1 --quiet --no-plots && "$SP" run "$CANT" -o c2 --threads 2 --quiet --no-plots
cmp -s c1/results.csv c2/results.csv && cmp -s c1/ranking.csv c2/ranking.csv; ok $? "cantilever study identical for 1 and 2 threads"

# --- progress on stderr ---------------------------------------------------------
# 21 profiles x 3 grades x 29 lengths x 4 anchor options = 7308 candidates (check output)
"$SP" run "$QUAY" -o pr --no-plots > pr.out 2> pr.err; ok $? "run with progress"
grep -q '^progress 7308/7308 candidates (100%)' pr.err; ok $? "not a terminal: plain progress lines end at 7308/7308"
[ "$(grep -c '^progress ' pr.err)" -ge 2 ]; ok $? "not a terminal: a progress line per step (7308 in chunks of 4096)"
grep -q $'\r' pr.err; [ $? = 1 ]; ok $? "not a terminal: no carriage returns"
"$SP" run "$QUAY" -o pq --no-plots --quiet > pq.out 2> pq.err
[ ! -s pq.out ] && ! grep -qv "^\[WARNING\] " pq.err; ok $? "--quiet: nothing on stdout, only warnings on stderr"
if command -v script >/dev/null 2>&1; then
  script -qec "'$SP' run '$QUAY' -o ptty --no-plots" /dev/null > tty.out 2>&1
  grep -q $'\r\[#*\.*\] [0-9]*/7308 candidates' tty.out && grep -q 'ETA' tty.out; ok $? "terminal: progress bar with done/total and ETA"
else
  echo "skip: no 'script' command, terminal progress bar not tested"
fi

# --- outputs ------------------------------------------------------------------
for f in results.csv ranking.csv best_diagrams.csv run.json plots/cost_vs_utilisation.png plots/cost_vs_utilisation.svg \
         plots/best_diagrams.png plots/best_diagrams.svg plots/cost_vs_length.png plots/cost_vs_length.svg; do
  [ -s t1/$f ]; ok $? "run writes $f"
done
ls -a t1 | grep -q '\.tmp$'; [ $? = 1 ]; ok $? "no temporary file left"
head -1 t1/results.csv | grep -q '^candidate_id,profile,grade,length_m,anchor_level_m,status,feasible,embedment_required_m,'; ok $? "results.csv stable columns"
for c in max_moment_kNm_per_m max_shear_kN_per_m max_displacement_mm anchor_force_kN_per_m util_bending util_embedment util_max mass_kg_per_m co2_kg_per_m cost_per_m; do
  head -1 t1/results.csv | tr -d '\r' | tr ',' '\n' | grep -qx "$c"; ok $? "results.csv has column $c"
done
rows=$(($(wc -l < t1/results.csv) - 1)); cand=$(sed -n 's/.*"candidates": \([0-9]*\),/\1/p' t1/run.json)
[ "$rows" = "$cand" ]; ok $? "results.csv has one row per candidate ($rows = $cand)"
grep -q '"analyses_run": 4,' t1/run.json; ok $? "LE analysis run once per anchor option (4)"
head -2 t1/ranking.csv | tail -1 | grep -q '^1,'; ok $? "ranking starts at rank 1"
grep -Eqiw 'nan|[-+]?inf(inity)?' t1/results.csv t1/ranking.csv t1/best_diagrams.csv; [ $? = 1 ]; ok $? "no NaN or inf in the CSVs"

# analyze prints the same row as results.csv
row=$(grep -m1 '"AZ 18-700","S355GP",14.000,1.000,' t1/results.csv)
out=$("$SP" analyze "$QUAY" --profile "AZ 18-700" --grade S355GP --length 14 --anchor-level 1.0 | tail -1)
[ "${out#*,}" = "${row#*,}" ]; ok $? "analyze prints the candidate's results row"
"$SP" analyze "$QUAY" --profile "AZ 18-700" >/dev/null 2>&1; [ $? = 64 ]; ok $? "analyze without a complete candidate exits 64"
"$SP" analyze "$QUAY" --profile "AZ 99" --grade S355GP --length 14 --anchor-level none >/dev/null 2>&1; [ $? = 65 ]; ok $? "analyze unknown profile exits 65"
"$SP" analyze "$QUAY" --profile "AZ 18-700" --grade S355GP --length 14 --anchor-level 1.0 -o an >/dev/null; [ -s an/diagrams.csv ]; ok $? "analyze -o writes diagrams.csv"

# --- without gnuplot: a warning, CSVs written, exit 0 ---------------------------
mkdir bin; ln -s "$SP" bin/sheetpile
PATH="$WORK/bin" "$SP" run "$QUAY" -o nognu --quiet 2> nognu.err; ok $? "no gnuplot: exit 0"
grep -q 'gnuplot not found' nognu.err; ok $? "no gnuplot: warning"
[ -s nognu/results.csv ] && [ -s nognu/ranking.csv ]; ok $? "no gnuplot: CSVs written"

# --- bad input: message, exit code, no output directory ---------------------------
# copies of the quay study, with the catalogue given by absolute path
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" "$QUAY" > quay.ini
QUAY=quay.ini
"$SP" check quay.ini > /dev/null; ok $? "copied study with absolute catalogue paths is valid"
bad() { # name expected-code message-part study...
  local name=$1 code=$2 part=$3; shift 3
  "$SP" run "$@" -o "out-$name" > "$name.out" 2> "$name.err"; local rc=$?
  [ $rc = "$code" ]; ok $? "$name: exit $code (got $rc)"
  grep -q -- "$part" "$name.err"; ok $? "$name: message has '$part'"
  [ ! -e "out-$name" ]; ok $? "$name: no output directory"
}
bad missing-file 66 "nothere.ini" nothere.ini
mkdir adir; bad directory 66 "adir" adir
sed 's/^phi_deg = 32.5/phi_deg = 55/' "$QUAY" > phi.ini; bad phi 65 "phi.ini:17: \[layer sand fill\] key 'phi_deg'" phi.ini
sed 's/^gamma_kN_m3 = 18$/gamma_kN_m3 = abc/' "$QUAY" > text.ini; bad text 65 "key 'gamma_kN_m3': expected a number" text.ini
sed 's/^excavation_level_m = -7.0 .*/excavation_level_m = 5/' "$QUAY" > exc.ini; bad excavation 65 "key 'excavation_level_m'" exc.ini
sed 's/^grades = S355GP, /grades = S355GP, S999, /' "$QUAY" > grade.ini; bad grade 65 "unknown steel grade 'S999'" grade.ini
sed 's/^profiles = AZ 13-700,/profiles = AZ 99-999,/' "$QUAY" > prof.ini; bad profile 65 "unknown profile 'AZ 99-999'" prof.ini
sed 's/^spacing_m = 2.4/spacing_m = 2.4\nspacng_m = 3/' "$QUAY" > key.ini; bad unknown-key 65 "unknown key 'spacng_m'" key.ini
sed 's/^top_level_m = -9.0/top_level_m = 0.0/' "$QUAY" > order.ini; bad layer-order 65 "top-down" order.ini
sed '/^\[search\]/,/^\[/s/^length_m = .*/length_m = 12:1:10/' "$QUAY" > len.ini; bad empty-range 65 "key 'length_m'" len.ini
sed '/^co2_kg_per_kg_steel/d' "$QUAY" > req.ini; bad required 65 "missing required key 'co2_kg_per_kg_steel'" req.ini

# --- subgrade reaction (beam engine) -------------------------------------------
SUB="$ROOT/designs/anchored-quay-wall-subgrade.ini"
"$SP" run "$SUB" -o s1 --threads 1 --quiet --no-plots; ok $? "subgrade study runs (1 thread)"
"$SP" run "$SUB" -o s2 --threads 2 --licenses 2 --quiet --no-plots; ok $? "subgrade study runs (2 threads)"
cmp -s s1/results.csv s2/results.csv && cmp -s s1/ranking.csv s2/ranking.csv && cmp -s s1/best_stages.csv s2/best_stages.csv
ok $? "subgrade results identical for 1 and 2 threads"
head -1 s1/best_stages.csv | grep -q '^stage,stage_name,level_m,displacement_mm,moment_kNm_per_m,shear_kN_per_m,'; ok $? "best_stages.csv has units in its header"
[ "$(cut -d, -f1 s1/best_stages.csv | sort -u | grep -c '^[0-9]')" = 2 ]; ok $? "best_stages.csv holds both construction stages"
head -1 s1/results.csv | grep -q 'top_displacement_mm,mobilised_passive_pct,util_deflection,util_mobilised'; ok $? "results.csv has the deflection and mobilisation columns"
grep -q '"method": "subgrade",' s1/run.json; ok $? "run.json names the subgrade method"
# the beam engine computes no required embedment: those columns stay empty, not 0
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
         $c["status"] == "\"ok\"" && ($c["embedment_required_m"] != "" || $c["util_embedment"] != "" || $c["embedment_available_m"] == "") { bad = 1 }
         END { exit bad }' s1/results.csv; ok $? "subgrade: embedment_required_m and util_embedment empty, embedment_available_m given"

# --- import-dsheet --------------------------------------------------------------
DS="$HERE/data/dsheet"
"$SP" import-dsheet "$DS/bm4-11a.shi" -o bm4.ini; ok $? "import-dsheet writes a study"
"$SP" check bm4.ini > bm4-check.out; ok $? "the imported study checks"
grep -q "^wall: the study's own, 20.00 m from 0.00 m, 1 elements, 4 stages; no search space" bm4-check.out \
  && ! grep -q '^search space' bm4-check.out
ok $? "check of an imported wall describes the wall (bm4-11a.shi: 20 m, 4 stages), not an empty search space"
grep -q '^method = subgrade' bm4.ini && grep -q '^\[anchor-item Pre-stressed anchor\]' bm4.ini; ok $? "imported study holds the anchor"
sed 's/^0 : Probabilistic = FALSE/1 : Probabilistic = TRUE/' "$DS/bm4-11a.shi" > probabilistic.shi
"$SP" import-dsheet probabilistic.shi -o probabilistic.ini 2>err.txt; [ $? = 65 ] && grep -q 'probabilistic' err.txt && [ ! -e probabilistic.ini ]
ok $? "unsupported feature named, exit 65, no output"
"$SP" import-dsheet "$DS/ComplexProjects24.shi" -o diaphragm.ini && grep -q '^diaphragm = yes$' diaphragm.ini &&
  grep -q '^diagram_moment_kNm_per_m = 44000, 44000, 44000$' diaphragm.ini && grep -q '^diagram_ei_kNm2_per_m = 0.001, 0.001$' diaphragm.ini
ok $? "a diaphragm wall (ComplexProjects24, a Latin-1 file) is imported with its moment-curvature diagram"
"$SP" import-dsheet "$DS/bm4-5b.shi" -o initial.ini && grep -q '^first_stage_initial = yes$' initial.ini
ok $? "the first stage as initial stage (bm4-5b) is imported"
"$SP" import-dsheet "$DS/bm4-4b.shi" -o slope.ini && grep -q '^left_surface_distances_m = 0.2, 0.4, 4$' slope.ini
ok $? "a sloping surface is imported as the stage's surface points"
"$SP" import-dsheet nothere.shi 2>/dev/null; [ $? = 66 ]; ok $? "missing .shi exits 66"

# a batch of many studies: each study's output directory (its descriptors and
# lock) is released when its run is over, so 40 studies fit in 64 descriptors
mkdir many
for i in $(seq 1 40); do sed "s#^catalogue = #catalogue = $ROOT/designs/#; s#^grades = \(.*\.csv\)#grades = $ROOT/designs/\1#" "$CANT" > many/s$i.ini; done
(ulimit -n 64; "$SP" batch many/*.ini -o many-out --no-plots --quiet 2>/dev/null); ok $? "a batch of 40 studies with 64 file descriptors"
[ "$(grep -c ',ok,' many-out/summary.csv)" = 40 ]; ok $? "every one of the 40 studies ok"

finish
