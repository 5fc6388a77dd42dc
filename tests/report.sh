#!/usr/bin/env bash
# report.html, sensitivity.csv and batch, end to end.
# Usage: report.sh PATH/TO/sheetpile [--no-browser]
# The HTML is checked as text (every plot inline, nothing external, no script,
# balanced elements, unique ids); with Debian's chromium installed it is also
# rendered headless (DOM dump, screenshot, PDF), else that part is skipped
# with a message (and with --no-browser: the sanitizer build writes the same
# HTML, one rendering is enough). Prints one line per failure and closes with "N passed, N failed".
. "$(dirname "$0")/lib.sh"
cd "$WORK"

# the quay study with absolute catalogue paths, and a one-at-a-time sensitivity
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    "$ROOT/designs/anchored-quay-wall.ini" > quay.ini
cp quay.ini quay-sens.ini
printf '\n[sensitivity]\ntop = 2\nphi_deg = 2\nsurcharge_kPa = 10\n' >> quay-sens.ini

# --- report.html: text checks ---------------------------------------------------
"$SP" run quay-sens.ini -o r1 --quiet; ok $? "run with [sensitivity]"
R=r1/report.html
[ -s $R ]; ok $? "run writes report.html"
nplots=$(ls r1/plots/*.svg 2>/dev/null | wc -l)
[ "$nplots" -ge 3 ]; ok $? "the run drew at least 3 SVG plots ($nplots)"
[ "$(grep -o '<svg' $R | wc -l)" = "$nplots" ]; ok $? "report: one inline <svg> per plot of the run ($nplots)"
[ "$(grep -o '</svg>' $R | wc -l)" = "$nplots" ]; ok $? "report: every <svg> closed"
for p in r1/plots/*.svg; do
  grep -q "(plots/$(basename "$p"))" $R; ok $? "report shows $(basename "$p")"
done
grep -qi '<script' $R; [ $? = 1 ]; ok $? "report: no <script>"
grep -qiE '<(link|iframe|object|embed|img)[ >]' $R; [ $? = 1 ]; ok $? "report: no link, iframe, object, embed or img"
grep -qiE '\bsrc=' $R; [ $? = 1 ]; ok $? "report: no src="
grep -oiE "href=[\"'][^\"']*" $R | grep -qv "href=[\"']#"; [ $? = 1 ]; ok $? "report: every href is internal (#...)"
grep -qiE "url\([^#]|@import" $R; [ $? = 1 ]; ok $? "report: no external url() or @import"
grep -q '<?xml\|<!DOCTYPE svg' $R; [ $? = 1 ]; ok $? "report: no XML declaration or SVG doctype inside the page"
dups=$(grep -oE " id=[\"'][^\"']*[\"']" $R | sed "s/ id=[\"']//; s/[\"']$//" | sort | uniq -d | head -3)
[ -z "$dups" ]; ok $? "report: ids unique across the inline plots ($dups)"
for t in table thead tbody figure section ul h2 h3 main; do
  [ "$(grep -o "<$t[ >]" $R | wc -l)" = "$(grep -o "</$t>" $R | wc -l)" ]; ok $? "report: <$t> elements balanced"
done
tail -1 $R | grep -q '^</html>$'; ok $? "report ends with </html>"
grep -q '@media print' $R && grep -q 'page-break-before' $R && grep -q 'page-break-inside:avoid' $R; ok $? "report: print CSS with page breaks"
for id in summary study best plots sensitivity warnings run; do
  grep -q "id=\"$id\"" $R; ok $? "report has the section #$id"
done
for text in "sand fill" "soft clay" "dense sand" "kp-factor" "Soil layers" "Search space" "Run statistics" "licences"; do
  grep -q "$text" $R; ok $? "report echoes '$text'"
done
best=$(sed -n '2p' r1/ranking.csv | cut -d, -f3 | tr -d '"')
grep -q "<b>$best " $R; ok $? "report names the best design of ranking.csv ($best)"
rows=$(($(wc -l < r1/ranking.csv) - 1))
[ "$(sed -n '/id="best"/,/<\/table>/p' $R | grep -c '^<tr')" = "$rows" ]; ok $? "best designs table has the $rows rows of ranking.csv"
sed 's/^top_k = .*/top_k = 60/' quay.ini > top60.ini
"$SP" run top60.ini -o t60 --quiet --no-plots
[ "$(sed -n '/id="best"/,/<\/table>/p' t60/report.html | grep -c '^<tr')" = 50 ] && grep -q 'ranking.csv holds all 60' t60/report.html
ok $? "top_k = 60: the report lists 50 designs and points to ranking.csv"
grep -q 'Pareto front' $R; has_pareto=$?
if [ -e r1/plots/pareto.svg ]; then [ $has_pareto = 0 ]; else [ $has_pareto = 1 ]; fi
ok $? "Pareto section exactly when plots/pareto.svg exists"

# --- sensitivity.csv ------------------------------------------------------------
S=r1/sensitivity.csv
[ -s $S ]; ok $? "run writes sensitivity.csv"
head -1 $S | grep -q '^rank,candidate_id,profile,grade,length_m,anchor_level_m,parameter,change_in_parameter_unit,samples,util_bending_base,'; ok $? "sensitivity.csv header"
# 2 designs x (none + 2 parameters x 2 signs + all) = 12 rows
[ "$(($(wc -l < $S) - 1))" = 12 ]; ok $? "sensitivity.csv: 12 rows"
col() { head -1 $S | tr -d '\r' | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
cb=$(col util_bending_mean)
base=$(awk -F, 'NR>1 && $1==1 && $7=="none" {print $'"$cb"'}' $S)
up=$(awk -F, 'NR>1 && $1==1 && $7=="phi_deg" && $8>0 {print $'"$cb"'}' $S)
down=$(awk -F, 'NR>1 && $1==1 && $7=="phi_deg" && $8<0 {print $'"$cb"'}' $S)
# a larger phi' lowers Ka and raises Kp: less load, more resistance, a smaller moment
awk -v a="$up" -v b="$base" -v c="$down" 'BEGIN{exit !(a < b && b < c)}'; ok $? "phi' +2 < as ranked < phi' -2 for util_bending ($up < $base < $down)"
"$SP" run quay-sens.ini -o r2 --quiet --threads 1 --no-plots; cmp -s $S r2/sensitivity.csv; ok $? "sensitivity.csv identical on 1 thread"
sed 's/^phi_deg = 2$/phi_deg = 2\nsamples = 40\nseed = 9/' quay-sens.ini > mc.ini
"$SP" run mc.ini -o m1 --quiet --threads 1 --no-plots && "$SP" run mc.ini -o m2 --quiet --threads 2 --no-plots
cmp -s m1/sensitivity.csv m2/sensitivity.csv; ok $? "Monte Carlo sensitivity.csv identical on 1 and 2 threads"
grep -q ',monte-carlo,,40,' m1/sensitivity.csv; ok $? "Monte Carlo row with 40 samples"
cat quay.ini > nosens.ini; printf '\n[sensitivity]\ntop = 2\n' >> nosens.ini
"$SP" run nosens.ini -o bad1 --quiet 2> bad1.err; [ $? = 65 ] && grep -q 'nosens.ini:[0-9]*: \[sensitivity\]: give at least one amount' bad1.err
ok $? "[sensitivity] without an amount: exit 65 with file:line"

# --- --no-plots: a report without plots -------------------------------------------
"$SP" run quay.ini -o np --quiet --no-plots; ok $? "run --no-plots"
grep -q '<svg' np/report.html; [ $? = 1 ]; ok $? "--no-plots: report without plots"
grep -q 'not drawn' np/report.html; ok $? "--no-plots: the report says so"
grep -q 'id="sensitivity"' np/report.html; [ $? = 1 ]; ok $? "no [sensitivity]: no sensitivity section"

# --- batch ------------------------------------------------------------------------
mkdir other; cp quay.ini other/quay.ini; printf 'not an ini file\n' > broken.ini
"$SP" batch quay.ini other/quay.ini broken.ini "$ROOT/designs/cantilever-excavation-sand.ini" -o B --quiet --no-plots 2> batch.err
[ $? = 65 ]; ok $? "batch with a broken study exits 65 (its exit status)"
grep -q 'broken.ini:1:' batch.err; ok $? "batch: the broken study's error on stderr"
for d in quay quay-2 cantilever-excavation-sand; do
  [ -s B/$d/results.csv ] && [ -s B/$d/report.html ]; ok $? "batch: $d/ holds results.csv and report.html"
done
[ ! -e B/broken ]; ok $? "batch: no directory for the broken study"
[ "$(($(wc -l < B/summary.csv) - 1))" = 4 ]; ok $? "summary.csv: one row per study (4)"
head -1 B/summary.csv | grep -q '^study,study_file,status,exit_code,message,output_dir,candidates,feasible,profile,grade,length_m,anchor_level_m,cost_per_m,'
ok $? "summary.csv header"
grep -q '^"broken.ini","broken.ini",failed,65,"broken.ini:1: ' B/summary.csv; ok $? "summary.csv: the broken study failed with 65 and its message"
q1=$(sed -n '2p' B/summary.csv | cut -d, -f9-); q2=$(sed -n '3p' B/summary.csv | cut -d, -f9-)
[ -n "$q1" ] && [ "$q1" = "$q2" ]; ok $? "summary.csv: the same study twice gives the same best design"
best=$(sed -n '2p' B/quay/ranking.csv | cut -d, -f3,4)
sed -n '2p' B/summary.csv | grep -q ",ok,0,\"\",\"quay\",7308,[0-9]*,$best,"; ok $? "summary.csv: the best design of the study's ranking.csv"
cant=$(sed -n '2p' B/cantilever-excavation-sand/ranking.csv | cut -d, -f3,4)
grep -q ",$cant," B/summary.csv; ok $? "summary.csv: cantilever row from its ranking.csv"
for d in quay quay-2 cantilever-excavation-sand; do
  grep -q "href=\"$d/report.html\"" B/index.html; ok $? "index.html links $d/report.html"
done
[ "$(grep -c 'report.html' B/index.html)" = 3 ]; ok $? "index.html: no link for the failed study"
grep -q 'broken.ini' B/index.html; ok $? "index.html lists the failed study"
"$SP" batch quay.ini --quiet >/dev/null 2>&1; [ $? = 64 ]; ok $? "batch without -o exits 64"
"$SP" batch -o X --quiet >/dev/null 2>&1; [ $? = 64 ]; ok $? "batch without studies exits 64"
"$SP" batch quay.ini -o Q --quiet --no-plots > q.out 2> q.err; ok $? "batch of one good study exits 0"
[ ! -s q.out ] && ! grep -qv "^\[WARNING\] " q.err; ok $? "batch --quiet prints only warnings"

# --- headless Chromium ------------------------------------------------------------
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ "${2:-}" = --no-browser ]; then
  echo "skip: --no-browser: report not rendered in this build"
elif [ -z "$CHROME" ]; then
  # tests/run installs chromium (Debian's package): only a machine that cannot have it gets here
  finish >/dev/null || { finish; exit 1; }
  echo "skipped: chromium is not installed (apt-get install --no-install-recommends chromium; tests/run does): report.html not rendered ($pass text checks passed)"
  exit 77
else
  # no background traffic: this machine's network is closed (.library/env); console messages logged to stderr
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
         --disable-component-update --disable-sync --user-data-dir="$WORK/chrome" --enable-logging=stderr --v=0
         --virtual-time-budget=5000)
  timeout 180 "$CHROME" "${flags[@]}" --dump-dom "file://$WORK/$R" > dom.html 2> chrome.err; ok $? "chromium loads report.html"
  grep -q 'id="end"' dom.html; ok $? "chromium: the page loaded to its end"
  [ "$(grep -o '<svg' dom.html | wc -l)" = "$nplots" ]; ok $? "chromium: $nplots svg elements in the DOM"
  grep -qiE 'Uncaught|:CONSOLE|Refused to|net::ERR|Failed to load' chrome.err; [ $? = 1 ]; ok $? "chromium: no console, load or network errors"
  # every plot drawn: each inline svg has its plotted paths, not an empty frame
  [ "$(grep -o '<svg' dom.html | wc -l)" -ge 4 ]; ok $? "chromium: at least 4 plots"
  awk 'BEGIN { RS = "</svg>" } /<svg/ { n++; if (gsub(/<path/, "&") >= 3) good++ } END { exit !(n > 0 && n == good) }' dom.html
  ok $? "chromium: every svg holds drawn paths"
  # a screenshot to look at: build/tests/report-screenshot.png
  shot="$(dirname "$SP")/../tests/report-screenshot.png"
  rm -f "$shot"
  timeout 180 "$CHROME" "${flags[@]}" --hide-scrollbars --window-size=1280,6000 --screenshot="$shot" "file://$WORK/$R" >/dev/null 2>shot.err
  [ "$(head -c 8 "$shot" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$shot")" -gt 50000 ]
  ok $? "chromium: a PNG screenshot of report.html ($shot)"
  timeout 180 "$CHROME" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$WORK/r.pdf" "file://$WORK/$R" >/dev/null 2>&1
  pages=$(grep -ac '/Type */Page\b' r.pdf)
  [ "$pages" -ge 4 ]; ok $? "chromium: prints to PDF over several pages ($pages)"
  timeout 180 "$CHROME" "${flags[@]}" --dump-dom "file://$WORK/B/index.html" > idx.html 2>/dev/null
  [ "$(grep -c 'report.html' idx.html)" = 3 ]; ok $? "chromium: index.html loads with its 3 links"
fi

finish
