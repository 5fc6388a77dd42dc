#!/usr/bin/env bash
# A forged work/a<ID>/solver.pid cannot make `sheetpile run` signal a process
# that sheetpile did not start (issue 14, finding 1). Every attack is made
# against bystander processes this script starts itself (sleep, each in its
# own process group); the values that would signal every process, PID 1 or
# sheetpile's own group run only inside a private PID namespace (unshare, as
# root; skipped elsewhere), never against the machine.
# Each forged file is written in the format of the pool's record and in the
# old "PGID STARTTIME" one. Usage: leftovers_attack.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"

# how every run of the [solver] study is made (an opt-in flag goes here)
RUN_OPTS=(--quiet --no-plots --trust-solver)
sprun() { "$SP" run "$@" "${RUN_OPTS[@]}"; }

# a one-analysis [solver] study: sheetpile evaluate as the solver
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = AZ 18-700|' -e '/^    AZ 40/d' -e '/^    PU 18/d' \
    -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 14|' -e 's|^levels_m = .*|levels_m = 2.0|' \
    "$ROOT/designs/anchored-quay-wall.ini" > study.ini
printf '\n[solver]\ncommand = {sheetpile} evaluate {input} -o {output}\n' >> study.ini

ME=$(id -u) HOST=$(uname -n) BOOT=$(cat /proc/sys/kernel/random/boot_id)
field() { sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f"$(($2 - 2))"; } # field N of /proc/PID/stat
alive() { [ -e "/proc/$1" ] && [ "$(field "$1" 3)" != Z ]; }
token() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
record() { # pid-text start [token] [uid]: the pool's format
  printf 'sheetpile-solver 1\npid %s\nstart %s\nuid %s\nhost %s\nboot %s\ntoken %s\n' \
    "$1" "$2" "${4:-$ME}" "$HOST" "$BOOT" "${3:-$(token)}"
}
# a bystander: sleep in a process group of its own (setsid), with the token $1
# in its environment if given; its pid in BY, its start time in BT
bystander() {
  env ${1:+SHEETPILE_RUN_TOKEN=$1} setsid sleep 300 > /dev/null 2>&1 & BY=$!
  disown $BY
  sp_cleanup "kill -9 $BY 2>/dev/null"
  for _ in $(seq 1 100); do
    [ "$(field $BY 5 2>/dev/null)" = $BY ] && [ "$(cat /proc/$BY/comm)" = sleep ] && break; sleep 0.02
  done
  BT=$(field $BY 22)
}
# an output directory of an earlier run with one forged work/a0/solver.pid
outdir() { # name text
  mkdir -p "$1/work/a0"; : > "$1/.sheetpile-run"; printf '%s\n' "$2" > "$1/work/a0/solver.pid"
}

# --- (a) a forged solver.pid naming a bystander, its pid in every spelling ---------------------
bystander; B=$BY T=$BT
[ "$(field $B 5)" = $B ] && [ "$T" -gt 0 ]; ok $? "bystander $B leads its own process group (start time $T)"
n=0
# the pid as it is, wrapping to it (+2^32, +2^33), wrapping to its negative
# (2^32-pid: the old reader signalled -(pid_t)that = the pid), and misspelt
spell() { # how pid
  case $1 in
    as-is) echo $2 ;; plus-2^32) echo $(($2 + 4294967296)) ;; plus-2^33) echo $(($2 + 8589934592)) ;;
    2^32-minus) echo $((4294967296 - $2)) ;; negative) echo -$2 ;; zero-first) echo 0$2 ;;
    space-after) echo "$2 " ;; plus-sign) echo +$2 ;; hex) printf '0x%x' $2 ;; decimal-point) echo $2.0 ;;
  esac
}
for how in as-is plus-2^32 plus-2^33 2^32-minus negative zero-first space-after plus-sign hex decimal-point; do
  for fmt in old new; do
    n=$((n + 1)); d=a$n pid=$(spell $how $B)
    if [ $fmt = old ]; then outdir $d "$pid $T"; else outdir $d "$(record "$pid" $T)"; fi
    sprun study.ini -o $d 2> $d.err; rc=$?
    alive $B; a=$?
    ok $a "($fmt format, pid '$pid') the bystander survives a run into the forged directory"
    [ $rc = 0 ]; ok $? "($fmt format, pid '$pid') the run succeeds (exit $rc)"
    ! grep -q 'stopping solver process group' $d.err; ok $? "($fmt format, pid '$pid') nothing said to be stopped"
    if [ $fmt = new ] && [ "$pid" = $B ]; then why="process $B left alone: its environment does not hold the token"
    elif [ $fmt = new ]; then why="solver.pid ignored: line 2: bad value for 'pid'"
    else why="solver.pid ignored: line 1: expected 'sheetpile-solver 1'"; fi
    grep -q "$why" $d.err; ok $? "($fmt format, pid '$pid') refused: $why ($(head -c 300 $d.err))"
    [ $a = 0 ] || { bystander; B=$BY T=$BT; } # a new one for the next case
  done
done

# --- (b) a valid record in a place that is not the user's: ignored -----------------------------
# a stand-in for a live solver: a bystander with a token in its environment and a
# record that is right in every field, so that only where it lies decides
K=$(token); bystander $K; V=$BY TV=$BT
case_b() { # what setup-command warning [root]
  local what=$1 setup=$2 warning=$3 d=b$((++n)) # (setup runs in $d/work and stays in $d)
  if [ "${4-}" = root ] && [ "$ME" != 0 ]; then echo "note: not root: '$what' not tried"; return; fi
  for fmt in old new; do
    if [ $fmt = old ]; then outdir $d "$V $TV"; else outdir $d "$(record $V $TV $K)"; fi
    (cd $d/work && eval "$setup") || ok 1 "$what: setup"
    sprun study.ini -o $d 2> $d.err; local rc=$?
    alive $V; ok $? "($fmt format) $what: the process survives the run"
    # (or the run refuses such an output directory altogether: EX_CANTCREAT, EX_NOPERM)
    grep -q "$warning" $d.err || [ $rc = 73 ] || [ $rc = 77 ]
    ok $? "($fmt format) $what: a warning says why ($(head -c 300 $d.err))"
    alive $V || { K=$(token); bystander $K; V=$BY TV=$BT; }
    rm -rf $d
  done
}
case_b "a0 a symbolic link" 'mv a0 a0.real && ln -s a0.real a0' 'a0: a symbolic link'
case_b "solver.pid a symbolic link" 'mv a0/solver.pid real.pid && ln -s ../real.pid a0/solver.pid' \
  'solver.pid ignored: a symbolic link'
case_b "work a symbolic link" 'cd .. && mv work work.real && ln -s work.real work' 'work: a symbolic link'
case_b "a0 owned by nobody" 'chown nobody a0' 'a0: owned by another user' root
case_b "solver.pid owned by nobody" 'chown nobody a0/solver.pid' 'solver.pid ignored: owned by another user' root
case_b "work owned by nobody" 'chown nobody .' 'work: owned by another user' root
# the same record where the pool writes it: stopped, and said before (the control)
outdir ctl "$(record $V $TV $K)"
sprun study.ini -o ctl 2> ctl.err; rc=$?
[ $rc = 0 ]; ok $? "control: the run succeeds (exit $rc)"
for _ in $(seq 1 100); do alive $V || break; sleep 0.02; done
! alive $V; ok $? "control: the same record in the user's own directory stops that process"
grep -q "ctl/work/a0: stopping solver process group $V" ctl.err
ok $? "control: the warning names its group and directory ($(head -c 300 ctl.err))"

# --- values that would reach every process, PID 1 or sheetpile's own group: in a PID namespace --
cat > ns.sh <<'EOF'
# PID 1 of a private PID namespace: traps TERM (so that a signal to PID 1 shows),
# runs sheetpile on each forged value, writes "ok|FAIL text" lines to $2
[ $$ = 1 ] || exit 3 # never outside the namespace
SP=$1 OUT=$2; shift 2
trap 'echo "FAIL PID 1 got SIGTERM" >> "$OUT"' TERM
field() { sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f"$(($2 - 2))"; }
alive() { [ -e "/proc/$1" ] && [ "$(field "$1" 3)" != Z ]; }
for pid in 4294967297 4294967295 4294967296 2147483648 -1 -2147483648 0 1; do
  for fmt in old new; do
    setsid sleep 300 > /dev/null 2>&1 & b=$!
    for _ in $(seq 1 100); do [ "$(field $b 5)" = $b ] && break; sleep 0.02; done
    t=$(field 1 22) # the old reader compared the start time of (pid_t)pid: 4294967297 is 1
    d=ns-$fmt-$pid; mkdir -p $d/work/a0; : > $d/.sheetpile-run
    if [ $fmt = old ]; then printf '%s %s\n' "$pid" "$t" > $d/work/a0/solver.pid
    else printf 'sheetpile-solver 1\npid %s\nstart %s\nuid %s\nhost %s\nboot %s\ntoken %s\n' "$pid" "$t" "$(id -u)" \
      "$(uname -n)" "$(cat /proc/sys/kernel/random/boot_id)" "$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" > $d/work/a0/solver.pid
    fi
    "$SP" run "$@" -o $d 2> $d.err; rc=$?
    if alive $b; then echo "ok ($fmt format, pid $pid) the bystander in the namespace survives" >> "$OUT"
    else echo "FAIL ($fmt format, pid $pid) the bystander in the namespace was killed" >> "$OUT"; fi
    if [ $rc = 0 ]; then echo "ok ($fmt format, pid $pid) the run succeeds" >> "$OUT"
    else echo "FAIL ($fmt format, pid $pid) the run exits $rc" >> "$OUT"; fi
    kill -9 $b 2>/dev/null; wait $b 2>/dev/null
  done
done
echo done >> "$OUT"
EOF
: > ns.out
if [ "$ME" = 0 ] && unshare --pid --fork --mount-proc true 2>/dev/null; then
  # setsid: sheetpile's own process group is the namespace's, not this script's
  unshare --pid --fork --mount-proc setsid bash ns.sh "$SP" "$WORK/ns.out" study.ini "${RUN_OPTS[@]}"
  grep -qx done ns.out; ok $? "namespace: every value tried"
  while read -r word text; do
    case $word in ok) ok 0 "namespace: $text" ;; FAIL) ok 1 "namespace: $text" ;; esac
  done < ns.out
else
  echo "note: no private PID namespace (unshare needs root): the values 4294967297, 4294967295,"
  echo "      4294967296, 2147483648 and -1 are checked by test_pool's parser tests only"
fi

finish
