#!/usr/bin/env bash
# The licence pool beyond one exhaustive run, end to end:
#   - min-length with an external solver submits only what each round of the
#     bisection needs: fewer solver runs (counted by the solver itself) than
#     the exhaustive search, the same best design, the same files as the
#     built-in min-length run, for 1 and 3 licences, and after SIGKILL and
#     --resume;
#   - progress lines of the analysis phase on stderr when it is not a
#     terminal (exec and subgrade), nothing with --quiet;
#   - batch: the studies with a [solver] share one licence pool: never more
#     solvers than --licenses over all studies (lock-directory counter), jobs
#     of two studies run at once, every study's files equal its own run.
# No check depends on how long anything takes.
# Usage: exec_pool.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
json() { sed -n "s/.*\"$2\": \([0-9.]*\),*/\1/p" "$1/run.json" | head -1; }
lines() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
best() { sed -n '2p' "$1/ranking.csv" | cut -d, -f2-; } # the best design without its rank

# The quay study with 2 profiles x 1 grade x 6 lengths x 2 anchor levels: an
# external solver sees 2 x 6 x 2 = 24 analyses when exhaustive. Min-length
# probes 12, 22 (both ends) of each of the 4 (profile, anchor) groups, then
# bisects: at most 4 x 5 = 20, fewer when the shortest length is found early.
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = AZ 18-700, PU 22|' -e '/^    AZ 40/d' -e '/^    PU 18/d' -e 's|^grades = S.*|grades = S355GP|' -e '/^steel_price_per_kg\./d' \
    -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 12:2:22|' -e 's|^levels_m = .*|levels_m = 2.0, 1.0|' \
    -e '/^\[durability\]/,$d' \
    "$ROOT/designs/anchored-quay-wall.ini" > base.ini
# (without the quay's [durability]: its 8.7 mm of corrosion leaves AZ 18-700 and PU 22
# no feasible design, and this test is about the pool)
grep -q '^grades = S355GP$' base.ini; ok $? "fixture: one grade"
sed 's/^\[search\]/[search]\nstrategy = min-length/' base.ini > ml.ini

# a solver that counts its runs of the analysis phase (one line appended per
# run; the re-analyses of the best designs with diagrams are not counted) and
# the licences in use (lock directories slot1..slot4; a run that finds more than
# LIC taken marks over)
mkdir locks
cat > counted.sh <<EOF
tag=\$1; lic=\$2; step=\$3; shift 3
[ "\$step" = 0 ] && echo "\$tag" >> $WORK/runs.txt
[ "\$step" = 0 ] || echo "\$tag" >> $WORK/diagram_runs.txt
k=1; while [ \$k -le 4 ]; do mkdir $WORK/locks/slot\$k 2>/dev/null && break; k=\$((k+1)); done
[ \$k -le \$lic ] || touch $WORK/locks/over
"\$@"; rc=\$?
rmdir $WORK/locks/slot\$k 2>/dev/null
exit \$rc
EOF
with_solver() { # in.ini out.ini tag licences [extra words of the command]
  { sed -e "s/^licenses = .*/licenses = $4/" "$1"
    printf '\n[solver]\ncommand = sh %s/counted.sh %s %s {diagram_step_m} {sheetpile} evaluate {input} -o {output}%s\n' "$WORK" "$3" "$4" "${5:-}"; } > "$2"
}
runs() { grep -c "^$1\$" runs.txt 2>/dev/null || echo 0; }

# --- min-length through the licence pool -----------------------------------------------------
"$SP" run base.ini -o b --quiet --no-plots && "$SP" run ml.ini -o mb --quiet --no-plots; ok $? "built-in runs"
with_solver base.ini ex.ini ex 3
"$SP" run ex.ini --trust-solver -o ex --no-plots > /dev/null 2> ex.err; ok $? "exec exhaustive (with progress on stderr)"
with_solver ml.ini mlx.ini ml 3
"$SP" run mlx.ini --trust-solver -o ml --quiet --no-plots > ml.out 2> ml.err; ok $? "exec min-length (--quiet)"
n_ex=$(runs ex) n_ml=$(runs ml)
[ "$n_ex" = 24 ]; ok $? "exhaustive: 24 solver runs ($n_ex)"
# the diagrams of the 5 best designs: one solver run per distinct analysis among them
# (profile, length, anchor: a grade only changes the checks), all at once
n_diag=$(grep -c '^ex$' diagram_runs.txt 2>/dev/null || echo 0)
n_distinct=$(awk -F, 'NR > 1 && NR <= 6 { print $3 "|" $5 "|" $6 }' ex/ranking.csv | sort -u | wc -l)
[ "$n_distinct" -ge 1 ] && [ "$n_diag" = "$n_distinct" ]; ok $? "diagrams: $n_diag solver runs for the $n_distinct distinct analyses of the 5 best designs"
# with two grades the 5 best share analyses (the same wall in another grade): fewer runs
sed 's/^grades = S355GP$/grades = S355GP, S430GP/' base.ini > g2base.ini
with_solver g2base.ini g2.ini g2 3
"$SP" run g2.ini --trust-solver -o g2 --quiet --no-plots; ok $? "two grades: exec run"
"$SP" run g2base.ini -o g2b --quiet --no-plots; ok $? "two grades: built-in run"
n_diag=$(grep -c '^g2$' diagram_runs.txt 2>/dev/null || echo 0)
n_distinct=$(awk -F, 'NR > 1 && NR <= 6 { print $3 "|" $5 "|" $6 }' g2/ranking.csv | sort -u | wc -l)
[ "$n_distinct" -lt 5 ] && [ "$n_diag" = "$n_distinct" ]; ok $? "two grades: $n_diag diagram runs for the $n_distinct distinct analyses of the 5 best"
cmp -s g2/best_diagrams.csv g2b/best_diagrams.csv && cmp -s g2/ranking.csv g2b/ranking.csv; ok $? "two grades: diagrams and ranking identical to the built-in run"
[ "$n_ml" -lt "$n_ex" ] && [ "$n_ml" -le 20 ]; ok $? "min-length: fewer solver runs ($n_ml of $n_ex)"
[ "$(json ml analyses_run)" = "$n_ml" ]; ok $? "min-length: run.json analyses_run counts the solver runs"
[ "$(($(lines ml/timeline.csv) - 1))" = "$n_ml" ] && [ "$(($(lines ml/journal.txt) - 1))" = "$n_ml" ]; ok $? "min-length: timeline and journal list them"
[ -n "$(best b)" ] && [ "$(best ml)" = "$(best b)" ]; ok $? "min-length: the best design of the exhaustive built-in run"
for f in results.csv ranking.csv search.csv best_diagrams.csv; do
  cmp -s mb/$f ml/$f; ok $? "min-length: $f identical to the built-in min-length run"
done
[ ! -e locks/over ]; ok $? "min-length: never more than 3 solvers"
with_solver ml.ini ml1.ini ml1 1
"$SP" run ml1.ini --trust-solver -o ml1 --quiet --no-plots; ok $? "exec min-length, 1 licence"
[ "$(runs ml1)" = "$n_ml" ]; ok $? "1 licence: the same solver runs ($(runs ml1))"
for f in results.csv ranking.csv search.csv; do cmp -s ml/$f ml1/$f; ok $? "1 licence: $f identical"; done

# killed half-way, resumed: only the missing analyses run, the same files
with_solver ml.ini mlk.ini mlk 2 " --delay 0.2"
"$SP" run mlk.ini --trust-solver -o k --quiet --no-plots 2> /dev/null & pid=$!
for _ in $(seq 1 600); do [ "$(lines k/journal.txt)" -ge 4 ] && break; sleep 0.05; done
kill -KILL $pid; wait $pid 2>/dev/null
done_k=$(($(lines k/journal.txt) - 1)); [ $done_k -ge 3 ] && [ $done_k -lt "$n_ml" ]; ok $? "SIGKILL half-way ($done_k of $n_ml journaled)"
sleep 0.5 # the orphaned solvers of the killed run finish
"$SP" run mlk.ini --trust-solver -o k --resume --quiet --no-plots; ok $? "min-length: resume"
for f in results.csv ranking.csv search.csv; do cmp -s ml/$f k/$f; ok $? "resumed min-length: $f identical"; done
res=$(json k analyses_resumed) run=$(json k analyses_run)
[ "$res" -ge 3 ] && [ $((res + run)) = "$n_ml" ]; ok $? "resumed min-length: $res from the journal + $run run = $n_ml"
# the timeline covers the whole study: the earlier invocation's analyses (from
# the journal, earlier_run = 1) first, this invocation's after them in time
[ "$(($(lines k/timeline.csv) - 1))" = "$n_ml" ]; ok $? "resumed: timeline.csv lists all $n_ml analyses"
[ "$(tr -d '\r' < k/timeline.csv | awk -F, 'NR > 1 && $NF == 1' | wc -l)" = "$res" ]; ok $? "resumed: $res rows from the earlier run"
tr -d '\r' < k/timeline.csv | awk -F, 'NR > 1 { if ($NF == 1) { if ($4 > e) e = $4 } else if (s == "" || $3 < s) s = $3 }
  END { exit !(e > 0 && s >= e) }'; ok $? "resumed: this run's analyses start after the earlier run's end"

# --- progress of the analysis phase ------------------------------------------------------------
grep -q '^progress [0-9]*/24 analyses (' ex.err; ok $? "exec: progress lines of the analyses on stderr"
grep -q '^progress 24/24 analyses (100%), .*ETA ' ex.err; ok $? "exec: the last progress line of the analyses"
grep -q '^progress [0-9]*/[0-9]* candidates' ex.err; ok $? "exec: progress of the candidates follows"
! grep -qv "^\[WARNING\] " ml.err && [ ! -s ml.out ]; ok $? "--quiet: no progress (only warnings on stderr)"
# subgrade: 1 profile x 3 lengths x 2 anchor levels = 6 beam analyses
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = PU 22|' -e '/^    AZ 40/d' -e '/^    PU 18/d' -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 14:3:20|' \
    "$ROOT/designs/anchored-quay-wall-subgrade.ini" > sub.ini
na=$(( $(sed -n '/^\[anchor\]/,/^\[/s/^levels_m = //p' sub.ini | tr ',' '\n' | grep -c .) * 3 ))
"$SP" run sub.ini -o s --no-plots > /dev/null 2> s.err; ok $? "subgrade run with progress"
grep -q "^progress $na/$na analyses (100%)" s.err; ok $? "subgrade: progress of the $na beam analyses"

# --- batch: one licence pool for the studies ---------------------------------------------------
rm -f runs.txt locks/over
mkdir -p started
# the first solver job of each study marks it as started and waits (at most
# 30 s) until a job of the other study has started too: with one pool for the
# batch the other study's job gets the second licence meanwhile; studies run
# one after the other would never meet
cat > pair.sh <<EOF
me=\$1 other=\$2; shift 2
if mkdir $WORK/started/\$me 2>/dev/null; then
  for _ in \$(seq 1 300); do [ -d $WORK/started/\$other ] && { touch $WORK/started/both; break; }; sleep 0.1; done
fi
exec "\$@"
EOF
mk_batch() { # in.ini out.ini tag other
  { sed -e "s/^licenses = .*/licenses = 3/" "$1"
    printf '\n[solver]\ncommand = sh %s/counted.sh %s 2 {diagram_step_m} sh %s/pair.sh %s %s {sheetpile} evaluate {input} -o {output} --delay 0.05\n' \
      "$WORK" "$3" "$WORK" "$3" "$4"; } > "$2"
}
mkdir bt
mk_batch base.ini bt/one.ini one two
mk_batch ml.ini bt/two.ini two one
sed -e 's|^levels_m = .*|levels_m = 1.5|' base.ini > three0.ini
mk_batch three0.ini bt/three.ini three one
"$SP" batch bt/one.ini bt/two.ini bt/three.ini --trust-solver -o B --licenses 2 --quiet --no-plots; ok $? "batch of 3 exec studies, 2 licences"
[ ! -e locks/over ]; ok $? "batch: never more than 2 solvers over all studies (lock-directory counter)"
[ -e started/both ]; ok $? "batch: jobs of two studies ran at the same time (one pool)"
[ "$(runs one)" = 24 ] && [ "$(runs two)" = "$n_ml" ] && [ "$(runs three)" = 12 ]; ok $? "batch: each analysis run once ($(runs one) $(runs two) $(runs three))"
# the single runs: one = ex, two = ml (the same studies and solver; only the
# wrapper scripts differ), three run alone here
"$SP" run bt/three.ini --trust-solver -o single-three --quiet --no-plots; ok $? "three: single run"
for f in results.csv ranking.csv; do
  cmp -s B/one/$f ex/$f; ok $? "batch: one/$f identical to its single run"
  cmp -s B/two/$f ml/$f; ok $? "batch: two/$f (min-length) identical to its single run"
  cmp -s B/three/$f single-three/$f; ok $? "batch: three/$f identical to its single run"
done
[ "$(grep -c ',ok,0,' B/summary.csv)" = 3 ]; ok $? "batch: summary.csv says ok for the 3 studies"

finish
