#!/usr/bin/env bash
# The answer explains itself (issue 18), end to end on the command line:
#   - search-space edges: each study below is built to put its best designs on
#     one edge; run.json's "search_edges", the [WARNING] lines and the report's
#     Warnings name it, and the test decides independently from ranking.csv,
#     the study and the catalogue whether the edge is really hit (the shortest
#     length of length_m; a profile with the least mass per m2 or W_el among
#     those offered while designs/profiles.csv has a lighter one; the lowest
#     f_y among the grades offered while grades.csv has a lower one; the
#     highest and lowest anchor level).
# Usage: explain.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
D="$ROOT/designs"
AWKLIB=$(cat "$HERE/csvsplit.awk")

variant() { # design out.ini sed-expression
  sed "s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#; $3" "$D/$1.ini" > "$2"
}
# column COL of ranking.csv's rows (top_k), one per line
col() { awk "$AWKLIB"'{ sub(/\r$/, "") } NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
  { csvsplit($0, f, q, ","); print f[c["'"$2"'"]] }' "$1"; }
# value of column COL of the catalogue row named NAME
cat_val() { awk "$AWKLIB"'{ sub(/\r$/, "") } NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
  { csvsplit($0, f, q, ","); if (f[c["name"]] == "'"$3"'") print f[c["'"$2"'"]] }' "$1"; }
has_edge() { grep -q "{\"axis\": \"$2\", \"edge\": \"$3\"" "$1/run.json"; }

# 1. shortest length: the cantilever example with lengths from 9 m (it needs 8.25 m)
variant cantilever-excavation-sand short.ini 's/^length_m = .*/length_m = 9:0.25:16/'
"$SP" run short.ini -o short >/dev/null 2>short.err; ok $? "run of the shortest-length study"
shortest=$(col short/ranking.csv length_m | sort -g | head -1)
[ "$shortest" = 9.000 ]; ok $? "independently: a best design is at the shortest length searched (9.000 m, got $shortest)"
has_edge short length_m shortest; ok $? "run.json names the shortest-length edge"
grep -q '^\[WARNING\] .*shortest length searched (9.00 m): try lengths below 9.00 m' short.err; ok $? "stderr warns: try lengths below 9.00 m"
grep -q 'try lengths below 9.00 m' short/report.html; ok $? "the report's Warnings say it"
# lengths from 6 m: the optimum (8.25 m) is inside, no length edge
variant cantilever-excavation-sand inside.ini ''
"$SP" run inside.ini -o inside >/dev/null 2>inside.err; ok $? "run of the example"
! has_edge inside length_m shortest; ok $? "no length edge when the optimum lies inside the range"

# 2. lightest profile: the example offers GU 8N and heavier; the catalogue has lighter GU profiles
best=$(col inside/ranking.csv profile | head -1)
mass=$(cat_val "$D/profiles.csv" mass_kg_per_m2 "$best")
lighter=$(awk -F, -v m="$mass" 'NR > 1 && $7 + 0 < m + 0' "$D/profiles.csv" | wc -l)
[ "$lighter" -gt 0 ]; ok $? "independently: the catalogue has $lighter profiles lighter than $best ($mass kg/m2)"
has_edge inside profiles "lightest or weakest"; ok $? "run.json names the lightest-profile edge ($best)"
grep -q "lightest or weakest profile searched ($best)" inside.err; ok $? "stderr names $best"
# with profiles = all no lighter profile is left out: no profile edge
variant cantilever-excavation-sand all.ini '/^profiles *=/,/^grades/{/^grades/!d}; s/^grades = S240GP/profiles = all\ngrades = S240GP/'
"$SP" run all.ini -o all >/dev/null 2>&1; ok $? "run with profiles = all"
! has_edge all profiles "lightest or weakest"; ok $? "profiles = all: no profile edge"

# 3. weakest grade and both anchor edges: the anchored quay offers S355GP and up (grades.csv has S240GP,
#    S270GP), anchors at 2.0 to 0.5 m
variant anchored-quay-wall quay.ini ''
"$SP" run quay.ini -o quay --threads 2 >/dev/null 2>quay.err; ok $? "run of the anchored quay (2 threads)"
g=$(col quay/ranking.csv grade | head -1)
fy=$(cat_val "$D/grades.csv" fy_MPa "$g")
weaker=$(awk "$AWKLIB"'NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
  { csvsplit($0, f, q, ","); if (f[c["fy_MPa"]] + 0 < '"$fy"') k++ } END { print k + 0 }' "$D/grades.csv")
[ "$weaker" -gt 0 ] && [ "$g" = S355GP ]; ok $? "independently: $g is the weakest grade offered and grades.csv has $weaker weaker"
has_edge quay grades weakest; ok $? "run.json names the weakest-grade edge"
levels=$(col quay/ranking.csv anchor_level_m | sort -gu)
hi=$(echo "$levels" | tail -1) lo=$(echo "$levels" | head -1)
[ "$hi" = 2.000 ]; has_hi=$?
[ "$lo" = 0.500 ]; has_lo=$?
if [ $has_hi = 0 ]; then has_edge quay levels_m highest; else ! has_edge quay levels_m highest; fi
ok $? "highest anchor edge named exactly when a best design is anchored at 2.0 m"
if [ $has_lo = 0 ]; then has_edge quay levels_m lowest; else ! has_edge quay levels_m lowest; fi
ok $? "lowest anchor edge named exactly when a best design is anchored at 0.5 m"
grep -q '"search_edges": \[' quay/run.json; ok $? "run.json has search_edges"

# 4. why not cheaper (point 2): run.json's counts against an independent count of
#    results.csv: candidates with a cost below the best design's (objective = cost),
#    not feasible, by governing_check; analysis-failed for a failed analysis
for s in quay short; do
  best=$(col $s/ranking.csv cost_per_m | head -1)
  want=$(awk "$AWKLIB"'{ sub(/\r$/, "") } NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
    { csvsplit($0, f, q, ","); if (f[c["cost_per_m"]] + 0 < '"$best"' && f[c["feasible"]] != 1) { m[f[c["governing_check"]]]++; t++ } }
    END { printf "%d", t; for (k in m) printf " %s=%d", k, m[k]; print "" }' $s/results.csv)
  total=${want%% *}
  got_total=$(sed -n 's/^  "cheaper_infeasible": \([0-9]*\),$/\1/p' $s/run.json)
  [ "$got_total" = "$total" ] && [ "$total" -gt 0 ]; ok $? "$s: cheaper_infeasible $got_total = $total counted from results.csv"
  good=0
  for kv in ${want#* }; do
    grep -q "\"cheaper_infeasible_by_check\": {.*\"${kv%=*}\": ${kv#*=}[,}]" $s/run.json || good=1
  done
  ok $good "$s: cheaper_infeasible_by_check = {$want} from results.csv"
done

# 5. the decision (point 3): three lines at the end of run's summary, the same in the report
"$SP" run quay.ini -o quay2 --threads 1 > quay2.out 2>/dev/null; ok $? "run on 1 thread"
tail -3 quay2.out | head -1 | grep -q '^Chosen: .* governs, utilisation 0\.[0-9]* (.* % margin)\.$'; ok $? "summary: the chosen design, its governing check and margin"
tail -2 quay2.out | head -1 | grep -q '^Alternatives: .*(another profile series: [+-][0-9.]* EUR/m'; ok $? "summary: an alternative of another series with its cost difference"
tail -1 quay2.out | grep -q '^Cheaper designs that fail: [0-9]* (.*); the cheapest, at [0-9.]* EUR/m: .*; [0-9]* warnings\.$'; ok $? "summary: why the cheaper designs fail"
grep -q '<p class="decision">Chosen: ' quay2/report.html && grep -q 'id="why">Why not cheaper' quay2/report.html; ok $? "report: the decision opens the summary; a 'Why not cheaper' table"
same=0
for k in cheaper_infeasible cheaper_infeasible_by_check decision; do
  [ "$(grep "\"$k\"" quay/run.json)" = "$(grep "\"$k\"" quay2/run.json)" ] || same=1
done
ok $same "run.json's explanation is the same on 1 and 2 threads"

# 6. the plot (point 4): search space by governing check, PNG and SVG, in the report
if command -v gnuplot >/dev/null; then
  [ -s quay2/plots/search_space.png ] && [ -s quay2/plots/search_space.svg ]; ok $? "search_space.png and .svg drawn"
  grep -q 'Search space by governing check' quay2/report.html; ok $? "the report shows it"
  # the data: every (profile, length) at the chosen grade and anchor, one block per class
  n=$(grep -c '^[0-9]' quay2/plots/search_space.dat)
  want=$(( $(grep -c '' "$ROOT/designs/anchored-quay-wall.ini" >/dev/null; awk -F'[ ,]+' '/^profiles =/{f=1} f&&/^grades/{exit} f{for(i=1;i<=NF;i++) if ($i ~ /^(AZ|PU|AU)$/) n++} END{print n}' quay.ini) * 29 ))
  [ "$n" = "$want" ]; ok $? "search_space.dat holds every profile x length ($n, want $want)"
fi

finish
