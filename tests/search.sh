#!/usr/bin/env bash
# Search strategies, objectives and the Pareto front, end to end, checked
# against an exhaustive run of the same study (the independent source):
#   - min-length finds, per (profile, grade, anchor), the same shortest
#     feasible length as a scan of the exhaustive results.csv, and the same
#     best design, with fewer evaluations (and fewer analyses with the beam);
#   - pareto.csv is exactly the set of feasible designs of results.csv that no
#     other feasible design dominates (an O(n x front) awk check);
#   - the weighted objective with only weight_co2 picks the lowest-CO2 design;
#   - everything is identical for 1 and 2 threads.
# Usage: search.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
D="$ROOT/designs"
AWKLIB=$(cat "$HERE/csvsplit.awk")

# a copy of a design study with extra [search]/[objective] lines, catalogue paths absolute
variant() { # design out.ini search-line [objective lines replacing "minimise = cost"]
  sed "s/^\[search\]/[search]\n$3/; s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#" "$D/$1.ini" > "$2"
  [ $# -gt 3 ] && sed -i "s/^minimise = cost/$4/" "$2"
  return 0
}
json() { sed -n "s/.*\"$2\": \([0-9]*\).*/\1/p" "$1" | head -1; }

# per group "profile,grade,anchor -> shortest feasible length" from an exhaustive results.csv
minlen_exhaustive() {
  awk "$AWKLIB"'
    { sub(/\r$/, "") } NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
    { csvsplit($0, f, q, ","); k = f[c["profile"]] "|" f[c["grade"]] "|" f[c["anchor_level_m"]]
      if (f[c["feasible"]] == 1 && (!(k in m) || f[c["length_m"]] + 0 < m[k] + 0)) m[k] = f[c["length_m"]] }
    END { for (k in m) print k "|" m[k] }' "$1" | sort
}
minlen_search() {
  awk "$AWKLIB"'{ sub(/\r$/, "") } NR > 1 { csvsplit($0, f, q, ","); if (f[4] != "") print f[1] "|" f[2] "|" f[3] "|" f[4] }' "$1" | sort
}

for design in anchored-quay-wall anchored-quay-wall-subgrade; do
  variant $design ex.ini "strategy = exhaustive"
  variant $design ml.ini "strategy = min-length"
  "$SP" run ex.ini -o ex --quiet --no-plots 2>/dev/null; ok $? "$design: exhaustive run"
  "$SP" run ml.ini -o ml1 --threads 1 --quiet 2>/dev/null; ok $? "$design: min-length, 1 thread"
  "$SP" run ml.ini -o ml2 --threads 2 --quiet --no-plots 2>/dev/null; ok $? "$design: min-length, 2 threads"
  for f in results.csv ranking.csv pareto.csv search.csv best_diagrams.csv; do
    cmp -s ml1/$f ml2/$f; ok $? "$design: min-length $f identical for 1 and 2 threads"
  done
  minlen_exhaustive ex/results.csv > a.txt; minlen_search ml1/search.csv > b.txt
  [ -s a.txt ] && cmp -s a.txt b.txt; ok $? "$design: shortest feasible length per group = exhaustive scan ($(wc -l < a.txt) groups)"
  groups=$(($(wc -l < ml1/search.csv) - 1)); want=$(awk -F, 'NR>1{print $2"|"$3"|"$5}' ex/results.csv | sort -u | wc -l)
  [ "$groups" = "$want" ]; ok $? "$design: search.csv has one row per group ($groups)"
  cmp -s <(sed -n 2p ex/ranking.csv) <(sed -n 2p ml1/ranking.csv); ok $? "$design: same best design as exhaustive"
  ev=$(json ml1/run.json candidates_evaluated); all=$(json ml1/run.json candidates_exhaustive)
  [ "$ev" -lt "$all" ]; ok $? "$design: min-length evaluates fewer candidates ($ev of $all)"
  rows=$(($(wc -l < ml1/results.csv) - 1)); [ "$rows" = "$ev" ]; ok $? "$design: results.csv holds the evaluated candidates ($rows)"
  grep -q '"strategy": "min-length"' ml1/run.json; ok $? "$design: run.json names the strategy"
  grep -q '"strategy": "exhaustive"' ex/run.json; ok $? "$design: exhaustive is the default"
  grep -q '"groups_full_scan": 0,' ml1/run.json; ok $? "$design: feasibility monotone in length, no full scan"
done
# the beam engine analyses per length: fewer analyses too
ar=$(json ml1/run.json analyses_run); ae=$(json ml1/run.json analyses_exhaustive)
[ "$ar" -lt "$ae" ]; ok $? "subgrade: min-length runs fewer analyses ($ar of $ae)"
[ -s ml1/plots/pareto.png ] && [ -s ml1/plots/pareto.svg ] || ! command -v gnuplot >/dev/null; ok $? "plots/pareto.png and .svg"

# --- Pareto front against the exhaustive results --------------------------------
front_check() { # results.csv pareto.csv third-column: prints "ok N" or the problem
  awk -v PARETO="$2" -v THIRD="$3" "$AWKLIB"'
    { sub(/\r$/, "") }
    NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
    { csvsplit($0, f, q, ","); if (f[c["feasible"]] != 1) next
      k++; id[k] = f[c["candidate_id"]] + 0; x[k] = f[c["cost_per_m"]] + 0; y[k] = f[c["co2_kg_per_m"]] + 0; z[k] = f[c[THIRD]] + 0 }
    function dom(i, j) { # i dominates j: no worse everywhere, better somewhere, or equal and smaller id
      if (x[i] > x[j] || y[i] > y[j] || z[i] > z[j]) return 0
      return x[i] < x[j] || y[i] < y[j] || z[i] < z[j] || id[i] < id[j] }
    END {
      while ((getline line < PARETO) > 0) {
        sub(/\r$/, "", line); r++
        if (r == 1) { if (line !~ /^chosen,candidate_id,profile,grade,length_m,anchor_level_m,status,feasible,/) { print "header " line; exit } continue }
        csvsplit(line, f, q, ","); onf[f[2] + 0] = 1; nf++
      }
      for (i = 1; i <= k; i++) if (id[i] in onf) front[++m] = i
      if (m != nf) { print "front rows not all feasible results: " m " of " nf; exit }
      for (a = 1; a <= m; a++) for (j = 1; j <= k; j++) if (dom(j, front[a])) { print "front id " id[front[a]] " dominated by " id[j]; exit }
      for (j = 1; j <= k; j++) if (!(id[j] in onf)) { d = 0; for (a = 1; a <= m && !d; a++) d = dom(front[a], j); if (!d) { print "id " id[j] " missing from the front"; exit } }
      print "ok " m
    }' "$1"
}
res=$(front_check ex/results.csv ex/pareto.csv max_displacement_mm)
case "$res" in ok*) ok 0 "subgrade pareto.csv";; *) ok 1 "subgrade pareto.csv is the front of results.csv: $res";; esac
variant anchored-quay-wall ex.ini "strategy = exhaustive"
"$SP" run ex.ini -o q1 --threads 1 --quiet --no-plots && "$SP" run ex.ini -o q2 --threads 2 --quiet --no-plots
cmp -s q1/pareto.csv q2/pareto.csv; ok $? "pareto.csv identical for 1 and 2 threads"
res=$(front_check q1/results.csv q1/pareto.csv util_max)
case "$res" in ok*) [ "${res#ok }" -ge 2 ]; ok $? "LE pareto.csv is the front of results.csv (${res#ok } designs)";; *) ok 1 "LE pareto.csv: $res";; esac

# --- objectives -------------------------------------------------------------------
# only CO2 weighted: the best is the feasible design of least CO2 (ties: smallest id)
variant anchored-quay-wall w.ini "strategy = exhaustive" "minimise = weighted\nweight_co2 = 3\nweight_cost = 0"
"$SP" run w.ini -o w --quiet --no-plots; ok $? "weighted objective run"
want=$(awk -F, 'NR==1 { for (i = 1; i <= NF; i++) if ($i == "co2_kg_per_m") c = i; next }
  $7==1 { if (!n || $c+0 < b+0) { b = $c; id = $1; n = 1 } } END { print id }' q1/results.csv)
got=$(sed -n 2p w/ranking.csv | cut -d, -f2)
[ -n "$want" ] && [ "$got" = "$want" ]; ok $? "weight_co2 only: best = least-CO2 feasible design ($got = $want)"
grep -q '"objective": "weighted"' w/run.json; ok $? "run.json names the weighted objective"
variant anchored-quay-wall m.ini "strategy = exhaustive" "minimise = mass"
"$SP" run m.ini -o m --quiet --no-plots; got=$(sed -n 2p m/ranking.csv | cut -d, -f2)
[ "$got" = "$want" ]; ok $? "minimise = mass: the same design as CO2 (CO2 is proportional to mass)"
variant anchored-quay-wall bad.ini "strategy = bisection"
"$SP" run bad.ini -o bad --quiet >/dev/null 2>err.txt; [ $? = 65 ]; ok $? "unknown strategy exits 65"
grep -q "bad.ini:[0-9]*:.*strategy" err.txt; ok $? "unknown strategy: message names file:line and key"

# --- continuous anchor level (refine_anchor, GSL Brent) ----------------------------
# anchors at 2.5 and -3.5 m: util_max of the best design is the larger of the
# embedment and anchor utilisations, which cross between the two levels; a scan
# with `analyze` every 0.1 m is the independent check
variant anchored-quay-wall ra.ini "strategy = exhaustive\nrefine_anchor = yes"
sed -i 's/^levels_m = .*/levels_m = 2.5, -3.5/' ra.ini
"$SP" run ra.ini -o ra --quiet --no-plots 2>/dev/null; ok $? "refine_anchor run"
jnum() { sed -n "/anchor_refinement/,/}/s/.*\"$2\": \(-*[0-9.]*\).*/\1/p" "$1" | head -1; }
lev=$(jnum ra/run.json anchor_level_m); util=$(jnum ra/run.json util_max)
grep -q '"note": "Brent"' ra/run.json; ok $? "refine_anchor: Brent ran (level $lev m, util_max $util)"
best=$(sed -n 2p ra/ranking.csv); prof=$(echo "$best" | cut -d, -f3 | tr -d '"'); grade=$(echo "$best" | cut -d, -f4 | tr -d '"'); len=$(echo "$best" | cut -d, -f5)
scan=$(for i in $(seq 0 60); do z=$(awk -v i=$i 'BEGIN { printf "%.2f", -3.5 + 0.1 * i }')
  "$SP" analyze ra.ini --profile "$prof" --grade "$grade" --length "$len" --anchor-level "$z" | tail -1 |
    awk -F, -v z=$z '$24 != "" { print z, $24 }'; done | sort -g -k2 | head -1)
awk -v s="$scan" -v l="$lev" -v u="$util" 'BEGIN { split(s, a, " "); d = l - a[1]; if (d < 0) d = -d
  exit !(u <= a[2] + 1e-4 && d <= 0.1 + 1e-9) }'; ok $? "refined util_max $util at $lev m <= the 0.1 m scan's best ($scan)"
at=$("$SP" analyze ra.ini --profile "$prof" --grade "$grade" --length "$len" --anchor-level "$lev" | tail -1 | cut -d, -f24)
awk -v a="$at" -v u="$util" 'BEGIN { d = a - u; exit !(d < 1e-3 && d > -1e-3) }'; ok $? "analyze at the refined level gives its util_max ($at)"

finish ""
