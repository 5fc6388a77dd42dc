#!/usr/bin/env bash
# End-to-end tests of the exec engine ([solver]): sheetpile evaluate as the
# solver, the licence bound, faults, licence denials, resume after SIGKILL and
# SIGINT, a torn journal, study-file errors. Usage: exec.sh PATH/TO/sheetpile
# No check depends on how long anything takes: runs are stopped once the
# journal shows progress, not after a fixed time.
. "$(dirname "$0")/lib.sh"
cd "$WORK"

# A small quay study: 2 profiles x 3 grades x 3 lengths x 2 anchor levels =
# 36 candidates; an external solver sees 2 x 3 x 2 = 12 analyses (the grade
# only changes the checks, done by sheetpile).
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = AZ 18-700, PU 22|' -e '/^    AZ 40/d' -e '/^    PU 18/d' \
    -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 12, 14, 16|' -e 's|^levels_m = .*|levels_m = 2.0, 1.0|' \
    "$ROOT/designs/anchored-quay-wall.ini" > base.ini
N=12 G=3
with_solver() { # out.ini licences [solver] lines...
  local out=$1 lic=$2; shift 2
  sed -e "s/^licenses = .*/licenses = $lic/" base.ini > "$out"
  printf '\n[solver]\n' >> "$out"
  for l in "$@"; do printf '%s\n' "$l" >> "$out"; done
}
json() { sed -n "s/.*\"$2\": \([0-9.]*\),*/\1/p" "$1/run.json" | head -1; }
same_csvs() { # dir1 dir2 what
  for f in results.csv ranking.csv best_diagrams.csv; do cmp -s "$1/$f" "$2/$f"; ok $? "$3: $f identical to the built-in run"; done
}
lines() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }

"$SP" run base.ini -o b --quiet --no-plots; ok $? "built-in run"

# --- sheetpile evaluate as the solver: the same results -------------------------------
with_solver ex.ini 3 'command = {sheetpile} evaluate {input} -o {output}'
"$SP" check ex.ini >/dev/null; ok $? "a [solver] study checks"
"$SP" run ex.ini --trust-solver -o e --quiet; ok $? "exec run exits 0"
same_csvs b e "exec"
[ "$(json e analyses_run)" = $N ]; ok $? "one solver run per (profile, length, anchor): $N"
grep -q '"engine": "exec"' e/run.json; ok $? "run.json names the exec engine"
mc=$(json e max_concurrent_solvers); [ "$mc" -ge 1 ] && [ "$mc" -le 3 ]; ok $? "at most 3 solvers at once ($mc)"
for k in makespan_s lower_bound_s makespan_over_lower_bound; do grep -q "\"$k\": [0-9]" e/run.json; ok $? "run.json has $k"; done
head -1 e/timeline.csv | grep -q '^analysis_id,slot,start_s,end_s,duration_s,attempts,status,'; ok $? "timeline.csv header"
[ "$(($(lines e/timeline.csv) - 1))" = $N ]; ok $? "timeline.csv: one row per analysis"
[ "$(($(lines e/journal.txt) - 1))" = $N ]; ok $? "journal.txt: one line per analysis"
[ -z "$(ls e/work)" ]; ok $? "work directories of successful analyses removed"
if command -v gnuplot >/dev/null; then
  for f in gantt.png gantt.svg case_times.png case_times.svg; do [ -s e/plots/$f ]; ok $? "plots/$f"; done
fi

# the subgrade (beam) engine through the solver: the same results too (2 x 4 x 2 = 16 analyses)
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = AZ 18-700, PU 22|' -e '/^    AZ 40/d' -e '/^    PU 18/d' -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 14:2:20|' \
    "$ROOT/designs/anchored-quay-wall-subgrade.ini" > sub.ini
{ cat sub.ini; printf '\n[solver]\ncommand = {sheetpile} evaluate {input} -o {output}\n'; } > subx.ini
"$SP" run sub.ini -o sb --quiet --no-plots && "$SP" run subx.ini --trust-solver -o sx --licenses 2 --quiet --no-plots; ok $? "subgrade: built-in and exec runs"
same_csvs sb sx "subgrade exec"
cmp -s sb/best_stages.csv sx/best_stages.csv; ok $? "subgrade exec: best_stages.csv identical"
[ "$(json sx analyses_run)" = 16 ]; ok $? "subgrade exec: 16 solver runs"

# --- the licence bound through the CLI: a lock-directory counter -----------------------
mkdir locks
cat > counted.sh <<EOF
k=1; while [ \$k -le 3 ]; do mkdir $WORK/locks/slot\$k 2>/dev/null && break; k=\$((k+1)); done
[ \$k -le 2 ] || touch $WORK/locks/over
"\$@"; rc=\$?
rmdir $WORK/locks/slot\$k 2>/dev/null
exit \$rc
EOF
with_solver lic.ini 2 "command = sh $WORK/counted.sh {sheetpile} evaluate {input} -o {output} --delay 0.05"
"$SP" run lic.ini --trust-solver -o lic --quiet --no-plots; ok $? "2 licences: run"
[ ! -e locks/over ]; ok $? "2 licences: never a third solver at once (lock-directory counter)"
same_csvs b lic "2 licences"

# --- faults: crash, exit status, hang, garbage, no output -------------------------------
cat > faulty.sh <<'EOF'
id=$1; shift
case $((id % 6)) in
  0) exec "$@" ;;
  1) echo "about to crash" >&2; kill -SEGV $$ ;;
  2) echo "cannot read input" >&2; exit 3 ;;
  3) sleep 60 ;;
  4) echo "garbage" > "$5"; echo "%%%" >> "$5" ;;
  5) exit 0 ;;
esac
EOF
with_solver faults.ini 2 "command = sh $WORK/faulty.sh {analysis_id} {sheetpile} evaluate {input} -o {output}" \
  'timeout_s = 4' 'retries = 0' 'kill_grace_s = 0.2'
"$SP" run faults.ini --trust-solver -o f --quiet --no-plots 2> f.err; rc=$?
[ $rc = 75 ]; ok $? "faults: exit status 75 (got $rc)"
grep -q 'the solver failed on 10 analyses' f.err; ok $? "faults: the warning counts 10 failed analyses"
# analyses with id % 6 = k: two of the 12, each shared by the 3 grades' candidates
for r in solver-signal-11 solver-exit-3 solver-timeout solver-bad-output solver-no-output; do
  n=$(grep -c "\"failed:$r\"" f/results.csv); [ "$n" = $((2 * G)) ]; ok $? "faults: $r on $((2 * G)) candidates ($n)"
done
n=$(grep -c '"ok"\|"infeasible"' f/results.csv); [ "$n" = $((2 * G)) ]; ok $? "faults: the others evaluated ($n)"
[ "$(($(lines f/journal.txt) - 1))" = $N ]; ok $? "faults: every analysis journaled"
grep -q 'about to crash' f/work/a1/stderr.txt && grep -q 'solver-signal-11' f/work/a1/failure.txt; ok $? "faults: stderr and the reason kept"
grep -q 'cannot read input' f/work/a2/stderr.txt; ok $? "faults: stderr of the non-zero exit kept"
[ ! -e f/work/a0 ] && [ ! -e f/work/a6 ]; ok $? "faults: successful work directories removed"
grep -q '"solver_failed": 10,' f/run.json; ok $? "faults: run.json counts them"

# --- licence denied: retried without counting as a failure ------------------------------
cat > denying.sh <<'EOF'
if [ ! -e denied-once ]; then touch denied-once; echo "Error: no license available" >&2; exit 9; fi
exec "$@"
EOF
with_solver den.ini 2 "command = sh $WORK/denying.sh {sheetpile} evaluate {input} -o {output}" \
  'retries = 0' 'retry_backoff_s = 0.01' 'licence_denied_exit_codes = 9'
"$SP" run den.ini --trust-solver -o den --quiet --no-plots; ok $? "denied by exit code: retried, exit 0"
same_csvs b den "denied by exit code"
[ "$(cut -d, -f6 den/timeline.csv | grep -c '^2$')" = $N ]; ok $? "denied by exit code: 2 attempts each"
with_solver den2.ini 2 "command = sh $WORK/denying.sh {sheetpile} evaluate {input} -o {output}" \
  'retries = 0' 'retry_backoff_s = 0.01' 'licence_denied_pattern = no licen[cs]e'
"$SP" run den2.ini --trust-solver -o den2 --quiet --no-plots; ok $? "denied by message: retried, exit 0"
same_csvs b den2 "denied by message"

# --- resume after SIGKILL and SIGINT -----------------------------------------------------
cat > slow.sh <<EOF
echo \$\$ > $WORK/pids/\$\$
exec "\$@" --delay 0.3
EOF
mkdir pids
with_solver slow.ini 2 "command = sh $WORK/slow.sh {sheetpile} evaluate {input} -o {output}"
stop_half_way() { # signal dir
  "$SP" run slow.ini --trust-solver -o "$2" --quiet --no-plots 2> "$2.err" & local pid=$!
  for _ in $(seq 1 600); do [ "$(lines "$2/journal.txt")" -ge 3 ] && break; sleep 0.05; done
  kill -"$1" $pid; wait $pid
}
stop_half_way KILL k; rc=$?
[ $rc = 137 ]; ok $? "SIGKILL: killed (status $rc)"
done_k=$(($(lines k/journal.txt) - 1)); [ $done_k -ge 2 ] && [ $done_k -lt $N ]; ok $? "SIGKILL: stopped half-way ($done_k of $N journaled)"
"$SP" run slow.ini --trust-solver -o k --resume --quiet --no-plots 2> k2.err; ok $? "SIGKILL: resume (the killed run's solvers stopped first)"
same_csvs b k "after SIGKILL and resume"
res=$(json k analyses_resumed); run=$(json k analyses_run)
[ "$res" -ge 2 ] && [ $((res + run)) = $N ]; ok $? "SIGKILL: resume ran only the missing analyses ($res resumed + $run run)"

# solvers a killed run leaves behind are stopped by the next run in the directory: two
# solvers hang (while the file hang exists), sheetpile is killed with SIGKILL, --resume
cat > hang.sh <<EOF
echo \$\$ > $WORK/hpids/\$\$
[ -e $WORK/hang ] && sleep 30
exec "\$@"
EOF
mkdir hpids; touch hang
with_solver hang.ini 2 "command = sh $WORK/hang.sh {sheetpile} evaluate {input} -o {output}"
"$SP" run hang.ini --trust-solver -o h --quiet --no-plots 2>/dev/null & hpid=$!
for _ in $(seq 1 200); do [ "$(ls hpids | wc -l)" -ge 2 ] && break; sleep 0.05; done
kill -KILL $hpid; wait $hpid 2>/dev/null
left=0; for p in $(ls hpids); do kill -0 "$p" 2>/dev/null && left=$((left + 1)); done
[ $left = 2 ]; ok $? "SIGKILL: the killed run left its 2 solvers running ($left)"
for f in h/work/a*/solver.pid; do # the record that proves them sheetpile's: its token in their environment
  p=$(sed -n 's/^pid //p' "$f"); t=$(sed -n 's/^token //p' "$f")
  tr '\0' '\n' < /proc/$p/environ | grep -qx "SHEETPILE_RUN_TOKEN=$t"; ok $? "SIGKILL: $f names a solver holding its token"
done
rm -f hang
"$SP" run hang.ini --trust-solver -o h --resume --quiet --no-plots 2> h.err; ok $? "leftover solvers: resume"
grep -q 'stopped 2 solver process group(s) that an earlier, killed run had left running' h.err; ok $? "leftover solvers: a warning names them"
[ "$(json h leftover_solvers_stopped)" = 2 ]; ok $? "leftover solvers: run.json counts 2"
alive=0; for p in $(ls hpids); do kill -0 "$p" 2>/dev/null && ! grep -q '^[^)]*) Z' /proc/$p/stat 2>/dev/null && alive=1; done
[ $alive = 0 ]; ok $? "leftover solvers: none left running"
same_csvs b h "after leftover solvers were stopped"
[ -z "$(find h/work -name solver.pid 2>/dev/null)" ]; ok $? "no solver.pid left in the work directories"

rm -f pids/*
stop_half_way INT i; rc=$?
[ $rc = 130 ]; ok $? "SIGINT: exit status 130 (got $rc)"
grep -q 'stopped by signal 2' i.err && grep -q -- '--resume -o i' i.err; ok $? "SIGINT: a clear message naming --resume"
alive=0; for p in $(ls pids); do kill -0 "$p" 2>/dev/null && ! grep -q '^[^)]*) Z' /proc/$p/stat 2>/dev/null && alive=1; done
[ $alive = 0 ]; ok $? "SIGINT: no solver left running"
done_i=$(($(lines i/journal.txt) - 1)); [ $done_i -ge 2 ] && [ $done_i -lt $N ]; ok $? "SIGINT: stopped half-way ($done_i of $N journaled)"
"$SP" run slow.ini --trust-solver -o i --resume --quiet --no-plots; ok $? "SIGINT: resume"
same_csvs b i "after SIGINT and resume"

# --- a torn last line (a crash while appending) is ignored --------------------------------
cp -r e torn
size=$(stat -c %s torn/journal.txt); truncate -s $((size - 9)) torn/journal.txt
"$SP" run ex.ini --trust-solver -o torn --resume --quiet --no-plots; ok $? "torn journal: resume"
[ "$(json torn analyses_run)" = 1 ] && [ "$(json torn analyses_resumed)" = $((N - 1)) ]; ok $? "torn journal: only the torn analysis runs again"
same_csvs b torn "torn journal"
# a line whose checksum does not match is not trusted either
cp -r e flip; sed -i '3s/ 1 0 / 1 1 /' flip/journal.txt
"$SP" run ex.ini --trust-solver -o flip --resume --quiet --no-plots; ok $? "bad checksum: resume"
[ "$(json flip analyses_run)" = $((N - 1)) ]; ok $? "bad checksum: that line and the ones after it run again"
same_csvs b flip "bad checksum"
# a journal of another study is refused
cp -r e other; "$SP" run slow.ini --trust-solver -o other --resume --quiet --no-plots 2> other.err; rc=$?
[ $rc = 65 ] && grep -q 'journal.txt: written for another' other.err; ok $? "journal of another solver command: exit 65"

# --- forged results: a journal and a solver output with numbers no solver gives ------------
# Every run here goes through attack_run (one place for an opt-in flag of the command line).
attack_run() { "$SP" run "$@" --quiet --no-plots --trust-solver; }
# The journal's checksum, as anyone can compute it (no key; tests/test_journal.c checks the
# formula): FNV-1a, 32 bits, of the header's fingerprint (16 hex digits) and then the line.
seal() { # fingerprint body -> the line with its checksum
  local s="$1$2" h=2166136261 i c
  for ((i = 0; i < ${#s}; i++)); do
    printf -v c '%d' "'${s:i:1}"
    h=$(( ((h ^ c) * 16777619) & 0xFFFFFFFF ))
  done
  printf '%s #%08x\n' "$2" "$h"
}
forge() { # dir line field value: field (1-based) of that journal line set to value, sealed
  local fp body
  fp=$(head -1 "$1/journal.txt" | cut -d' ' -f2)
  body=$(sed -n "$2p" "$1/journal.txt" | sed 's/ #[0-9a-f]*$//' | awk -v f="$3" -v v="$4" '{ $f = v; print }')
  { head -n $(($2 - 1)) "$1/journal.txt"; seal "$fp" "$body"; tail -n +$(($2 + 1)) "$1/journal.txt"; } > "$1/j"
  mv "$1/j" "$1/journal.txt"
}
# the forger's tool works: a line sealed again unchanged is taken, nothing runs again
cp -r e sealed; forge sealed 3 6 "$(sed -n 3p e/journal.txt | cut -d' ' -f6)"
cmp -s e/journal.txt sealed/journal.txt; ok $? "forged journal: the test's checksum is the journal's"
attack_run ex.ini -o sealed --resume; ok $? "forged journal: a line sealed by hand is taken"
[ "$(json sealed analyses_run)" = 0 ]; ok $? "forged journal: nothing ran again"
# a well-formed line (correct checksum) with numbers no solver gives: refused with its line
# number; fields: 1 id, 4 embedment_required_m, 6 max_moment_kNm_per_m (tests/test_journal.c)
while read -r what field value key; do
  rm -rf forged; cp -r e forged; forge forged 3 "$field" "$value"
  attack_run ex.ini -o forged --resume 2> forged.err; rc=$?
  [ $rc = 65 ] && grep -q "journal.txt:3: $key: expected" forged.err
  ok $? "forged journal, $what: exit 65 naming journal.txt:3 and $key (got $rc: $(head -c 300 forged.err))"
  [ ! -e forged/work/a0 ] && cmp -s e/results.csv forged/results.csv; ok $? "forged journal, $what: nothing ran or was written"
done <<'LINES'
NaN-moment 6 nan max_moment_kNm_per_m
infinite-moment 6 inf max_moment_kNm_per_m
moment-of-1e300 6 1e300 max_moment_kNm_per_m
negative-moment 6 -5000 max_moment_kNm_per_m
negative-embedment 4 -2.5 embedment_required_m
id-out-of-range 1 12 analysis.id
LINES
grep -q 'analyses from an earlier run (journal.txt)</th><td>'"$res"'<' k/report.html
ok $? "report.html: how many analyses came from the journal ($res)"
# a solver whose result file gives a NaN or an impossible moment: those candidates failed,
# never feasible (a negative moment once checked as 0, a NaN was dropped by fmax)
cat > liar.sh <<'LIAR'
out=$1 value=$2; shift 2
"$@" || exit
sed -i "s/^max_moment_kNm_per_m = .*/max_moment_kNm_per_m = $value/" "$out"
LIAR
for v in nan -1e300 1e300 -5000; do
  with_solver liar.ini 2 "command = sh $WORK/liar.sh {output} $v {sheetpile} evaluate {input} -o {output}"
  rm -rf liar; attack_run liar.ini -o liar 2> liar.err; rc=$?
  n=$(grep -c '"failed:solver-bad-output"' liar/results.csv)
  [ $rc = 75 ] && [ "$n" = $((N * G)) ] && [ "$(json liar feasible)" = 0 ]
  ok $? "lying solver, moment $v: exit 75, all $((N * G)) candidates failed:solver-bad-output, none feasible ($rc, $n)"
  grep -q ":7: key 'max_moment_kNm_per_m': expected" liar/work/a0/failure.txt
  ok $? "lying solver, moment $v: failure.txt names the file:line and the key"
done

# --- study-file errors ------------------------------------------------------------------
bad() { # name message-part [solver] lines...
  local name=$1 part=$2; shift 2
  with_solver "$name.ini" 2 "$@"
  "$SP" check "$name.ini" > /dev/null 2> "$name.err"; local rc=$?
  [ $rc = 65 ] && grep -q -- "$part" "$name.err"; ok $? "$name: exit 65 and '$part' (got $rc: $(head -c 200 "$name.err"))"
}
bad placeholder "placeholder.ini:[0-9]*: \[solver\] key 'command': unknown placeholder {candidate}" 'command = run {candidate}'
bad quote "key 'command': unbalanced" "command = run 'x"
bad format "key 'input_format': expected one of sheetpile, template" 'command = x' 'input_format = xml'
bad notemplate "missing required key 'input_template'" 'command = x' 'input_format = template'
bad codes "licence_denied_exit_codes" 'command = x' 'licence_denied_exit_codes = 0'
bad regex "not a POSIX extended regular expression" 'command = x' 'licence_denied_pattern = a('
bad nocommand "missing required key 'command'" 'timeout_s = 5'
bad filename "key 'output_file': expected a file name" 'command = x' 'output_file = ../out'
bad unknown "unknown key 'timout_s'" 'command = x' 'timout_s = 5'
bad sensitivity 'cannot be used with \[solver\]' 'command = x' '[sensitivity]' 'phi_deg = 2'

# --- input template: a template of the candidate file gives the same results -------------
cat > cand.tpl <<'EOF'
# a hand-made template of the candidate file
format = sheetpile-candidate-1
study = {study}
profile = {profile}
length_m = {length_m}
anchor_level_m = {anchor_level_m}
diagram_step_m = {diagram_step_m}
EOF
with_solver templ.ini 2 'command = {sheetpile} evaluate deck.txt -o {output}' \
  'input_format = template' 'input_template = cand.tpl' 'input_file = deck.txt' 'keep_work = all'
"$SP" run templ.ini --trust-solver -o templ --quiet --no-plots; ok $? "template: run"
grep -q '^profile = AZ 18-700$' templ/work/a0/deck.txt && grep -q '^length_m = 12$' templ/work/a0/deck.txt \
  && grep -q '^anchor_level_m = 2$' templ/work/a0/deck.txt; ok $? "template: placeholders filled in (work/a0/deck.txt kept)"
same_csvs b templ "template"

# --- sheetpile evaluate on its own ------------------------------------------------------------
"$SP" evaluate nothere.txt -o r.txt 2>/dev/null; [ $? = 66 ]; ok $? "evaluate: missing candidate exits 66"
echo "garbage" > g.txt; "$SP" evaluate g.txt -o r.txt 2> g.err; [ $? = 65 ] && grep -q 'g.txt:1:' g.err; ok $? "evaluate: bad candidate exits 65 with file:line"
"$SP" evaluate g.txt 2>/dev/null; [ $? = 64 ]; ok $? "evaluate without -o exits 64"
cat > c.txt <<EOF
format = sheetpile-candidate-1
study = $WORK/base.ini
profile = PU 22
length_m = 14
anchor_level_m = 1
EOF
"$SP" evaluate c.txt -o r.txt; ok $? "evaluate: a hand-written candidate"
head -2 r.txt | grep -q '^format = sheetpile-result-1' && tail -1 r.txt | grep -q '^end = sheetpile-result-1'; ok $? "evaluate: the result file has its format and end lines"
# its moment is the built-in analysis of that anchor level (limit equilibrium: same for any profile)
m=$(sed -n 's/^max_moment_kNm_per_m = //p' r.txt)
row=$(grep -m1 '"PU 22","S355GP",14.000,1.000,' b/results.csv | tr -d '\r')
[ -n "$m" ] && awk -v m="$m" -v r="$row" 'BEGIN { split(r, f, ","); d = m - f[12]; exit !(d < 0.01 && d > -0.01) }'
ok $? "evaluate: its moment matches results.csv"

# --- the example study -----------------------------------------------------------------------
"$SP" check "$ROOT/designs/licensed-solver.ini" > /dev/null; ok $? "designs/licensed-solver.ini checks"

finish
