#!/usr/bin/env bash
# [search] strategy = best-first against an exhaustive run of the same study
# (the independent source: every candidate analysed and ranked), end to end:
#   - ranking.csv byte-identical to exhaustive, with the study's top_k and
#     with top_k = 1, on every example study and on the licensed-solver
#     example (licences 1 and 3), for 1 and 2 threads;
#   - results.csv holds every candidate once: each analysed row byte-identical
#     to the exhaustive row, each other one skipped:bound or skipped:dominated;
#     no row skipped by the bound ranks before the k-th ranked design (objective
#     cost: cost_per_m and candidate id), so the proof is checked from outside,
#     and every skipped:dominated row is not feasible in the exhaustive run;
#   - run.json search: analyses_run below analyses_exhaustive on the beam and
#     exec examples, candidates_skipped = the skipped rows, proof;
#   - results.csv identical for 1 and 2 threads (and 1 and 3 licences);
#   - --resume after SIGINT (licensed solver) gives the exhaustive ranking.
# Usage: bestfirst.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
D="$ROOT/designs"
AWKLIB=$(cat "$HERE/csvsplit.awk")

variant() { # design out.ini search-line [top_k]
  sed "s/^\[search\]/[search]\n$3/; s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#" "$D/$1.ini" > "$2"
  if [ $# -gt 3 ]; then
    if grep -q '^top_k' "$2"; then sed -i "s/^top_k *=.*/top_k = $4/" "$2"; else printf '\n[run]\ntop_k = %s\n' "$4" >> "$2"; fi
  fi
  return 0
}
json() { sed -n "s/.*\"$2\": \"*\([0-9a-z_.]*\).*/\1/p" "$1/run.json" | tail -1; }

# results.csv of best-first (B) against exhaustive (E) and B's ranking.csv:
# prints "ok ROWS" or the first problem
check_results() { # E/results.csv B/results.csv B/ranking.csv
  awk -v E="$1" -v R="$3" "$AWKLIB"'
    { sub(/\r$/, "") }
    BEGIN {
      while ((getline l < E) > 0) { sub(/\r$/, "", l); if (++ne == 1) continue; split(l, a, ","); ex[a[1]] = l }
      # the last ranked design: the bound every skipped:bound row must not beat
      while ((getline l < R) > 0) { sub(/\r$/, "", l); if (++nr == 1) { n = csvsplit(l, h, q, ","); for (i = 1; i <= n; i++) rc[h[i]] = i; continue }
        csvsplit(l, f, q, ","); kcost = f[rc["cost_per_m"]] + 0; kid = f[rc["candidate_id"]] + 0 }
    }
    NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
    { csvsplit($0, f, q, ","); id = f[1]
      if (id in seen) { print "candidate " id " twice"; bad = 1; exit } seen[id] = 1; rows++
      st = f[c["status"]]
      if (st == "skipped:bound" || st == "skipped:dominated") {
        skipped++
        if (f[c["feasible"]] != 0) { print "skipped " id " feasible"; bad = 1; exit }
        if (st == "skipped:bound" && nr > 1 && (f[c["cost_per_m"]] + 0 < kcost || (f[c["cost_per_m"]] + 0 == kcost && id + 0 < kid))) {
          print "skipped:bound " id " ranks before the k-th (" kcost ")"; bad = 1; exit }
        split(ex[id], e, ","); if (e[c["cost_per_m"]] != f[c["cost_per_m"]]) { print "cost of skipped " id " differs"; bad = 1; exit }
        # a dominated candidate must be one the exhaustive run finds not feasible (the rules are sound here)
        if (st == "skipped:dominated" && e[c["feasible"]] != 0) { print "skipped:dominated " id " is feasible in the exhaustive run"; bad = 1; exit }
        next }
      if ($0 != ex[id]) { print "analysed row " id " differs from exhaustive"; bad = 1; exit } }
    END { if (!bad) { if (rows != ne - 1) print "rows " rows " of " ne - 1; else print "ok " rows " " skipped + 0 } }' "$2"
}

for design in anchored-quay-wall anchored-quay-wall-subgrade cantilever-excavation-sand excavation-below-water-table licensed-solver; do
  trust=""; [ $design = licensed-solver ] && trust=--trust-solver
  for k in study 1; do
    if [ $k = study ]; then variant $design ex.ini "strategy = exhaustive"; variant $design bf.ini "strategy = best-first"
    else variant $design ex.ini "strategy = exhaustive" 1; variant $design bf.ini "strategy = best-first" 1; fi
    rm -rf ex b1 b2
    "$SP" run ex.ini -o ex --quiet --no-plots $trust 2>/dev/null; ok $? "$design top_k=$k: exhaustive run"
    if [ $design = licensed-solver ]; then
      "$SP" run bf.ini -o b1 --licenses 1 --quiet --no-plots $trust 2>/dev/null; ok $? "$design top_k=$k: best-first, 1 licence"
      "$SP" run bf.ini -o b2 --licenses 3 --quiet --no-plots $trust 2>/dev/null; ok $? "$design top_k=$k: best-first, 3 licences"
      what="1 and 3 licences"
    else
      "$SP" run bf.ini -o b1 --threads 1 --quiet 2>/dev/null; ok $? "$design top_k=$k: best-first, 1 thread"
      "$SP" run bf.ini -o b2 --threads 2 --quiet --no-plots 2>/dev/null; ok $? "$design top_k=$k: best-first, 2 threads"
      what="1 and 2 threads"
    fi
    for b in b1 b2; do
      [ -s ex/ranking.csv ] && cmp -s ex/ranking.csv $b/ranking.csv; ok $? "$design top_k=$k $b: ranking.csv byte-identical to exhaustive"
    done
    cmp -s b1/results.csv b2/results.csv; ok $? "$design top_k=$k: results.csv identical for $what"
    r=$(check_results ex/results.csv b1/results.csv b1/ranking.csv)
    [ "${r%% *}" = ok ]; ok $? "$design top_k=$k: results.csv rows against exhaustive ($r)"
    set -- $r
    [ "$(json b1 candidates_skipped)" = "${3:-x}" ]; ok $? "$design top_k=$k: run.json candidates_skipped = skipped rows (${3:-?})"
    grep -q '"strategy": "best-first"' b1/run.json && grep -q '"proof": "\(top_k\|exhausted\)"' b1/run.json
    ok $? "$design top_k=$k: run.json names the strategy and the proof"
    ar=$(json b1 analyses_run); ae=$(json b1 analyses_exhaustive)
    case $design in anchored-quay-wall-subgrade|licensed-solver)
      [ "$ar" -lt "$ae" ]; ok $? "$design top_k=$k: fewer analyses than exhaustive ($ar of $ae)";; esac
    if [ $design = anchored-quay-wall-subgrade ]; then
      [ "$(json b1 candidates_skipped_dominated)" -gt 0 ]; ok $? "$design top_k=$k: the equilibrium rule skipped candidates"
    fi
    echo "$design top_k=$k analyses $ar/$ae skipped ${3:-?}" >> "$WORK/figures"
  done
done
if [ -n "${VERBOSE:-}" ]; then cat "$WORK/figures"; fi

# --- --resume after SIGINT: the licensed solver, slowed down ----------------------------
variant licensed-solver slow.ini "strategy = best-first" 1
sed -i 's/--delay 0.3/--delay 0.6/' slow.ini
"$SP" run slow.ini -o s --licenses 1 --quiet --no-plots --trust-solver 2>/dev/null & pid=$!
sleep 1.6; kill -INT $pid; wait $pid; rc=$?
[ $rc -ne 0 ]; ok $? "SIGINT stops the best-first run (exit $rc)"
"$SP" run slow.ini -o s --licenses 1 --resume --quiet --no-plots --trust-solver 2>/dev/null; ok $? "best-first --resume"
variant licensed-solver ex.ini "strategy = exhaustive" 1
"$SP" run ex.ini -o e1 --quiet --no-plots --trust-solver 2>/dev/null
cmp -s e1/ranking.csv s/ranking.csv; ok $? "after --resume: ranking.csv byte-identical to exhaustive"
[ "$(sed -n 's/.*"analyses_resumed": \([0-9]*\).*/\1/p' s/run.json)" -gt 0 ]; ok $? "the resumed run took analyses from the journal"
finish
