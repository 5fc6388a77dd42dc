#!/usr/bin/env bash
# MPI build (cmake -DSHEETPILE_MPI=ON): `mpirun -np 2` and `-np 3` give
# results.csv, ranking.csv and pareto.csv byte-identical to one process (the
# design rule: results never depend on how the work is spread); an external
# solver under MPI never runs more solvers at once than the licence count over
# all ranks (a lock-directory counter kept by the solvers themselves, so the
# check does not trust sheetpile's own count); --resume under MPI runs only
# the analyses missing from the journal. Usage: mpi.sh PATH/TO/sheetpile MPIRUN
. "$(dirname "$0")/lib.sh"
MPIRUN=$2
cd "$WORK"
# as root OpenMPI asks for these; --oversubscribe: 3 ranks on 2 cores
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
mpi() { local np=$1; shift; "$MPIRUN" --oversubscribe -np "$np" "$SP" "$@"; }
json() { sed -n "s/.*\"$2\": \([0-9.]*\),*/\1/p" "$1/run.json" | head -1; }
same() { # dir1 dir2 what
  for f in results.csv ranking.csv pareto.csv; do cmp -s "$1/$f" "$2/$f"; ok $? "$3: $f identical to one process"; done
}
abs() { sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" \
            -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" "$@"; }

# --- limit equilibrium: 7308 candidates, small chunks so that every rank takes some
abs "$ROOT/designs/anchored-quay-wall.ini" > le.ini
"$SP" run le.ini -o le1 --quiet --no-plots; ok $? "LE: one process"
for np in 2 3; do
  mpi $np run le.ini -o le$np --quiet --no-plots --threads 1; ok $? "LE: mpirun -np $np"
  same le1 le$np "LE np=$np"
  [ "$(json le$np mpi_ranks)" = $np ]; ok $? "LE np=$np: run.json mpi_ranks"
done
# only rank 0 writes: a single summary on stdout
[ "$(mpi 2 run le.ini -o le2b --no-plots --threads 1 | grep -c '^best ')" = 1 ]; ok $? "LE np=2: one summary (rank 0 prints)"

# --- licences split over the ranks: 2 licences on 3 ranks (one rank evaluates nothing)
mpi 3 run le.ini -o lel --quiet --no-plots --licenses 2; ok $? "LE np=3, 2 licences"
same le1 lel "LE np=3 2 licences"
# the plot data too (the ranks keep their own plot accumulators, merged by rank 0)
"$SP" run le.ini -o lep1 --quiet; ok $? "LE with plots: one process"
mpi 3 run le.ini -o lep3 --quiet --licenses 2 --threads 1; ok $? "LE with plots: np=3, 2 licences"
n_dat=0 bad_dat=0
for f in lep1/plots/*.dat; do
  n_dat=$((n_dat + 1)); cmp -s "$f" "lep3/plots/$(basename "$f")" || bad_dat=1
done
[ $n_dat -ge 3 ] && [ $bad_dat = 0 ]; ok $? "LE np=3: the $n_dat plot data files identical to one process"

# --- min-length search (the same bisection on every rank, analyses shared)
{ abs "$ROOT/designs/anchored-quay-wall.ini"; printf '\n'; } | sed -e 's/^\[search\]/[search]\nstrategy = min-length/' > ml.ini
"$SP" run ml.ini -o ml1 --quiet --no-plots; ok $? "min-length: one process"
mpi 2 run ml.ini -o ml2 --quiet --no-plots --threads 1; ok $? "min-length: np=2"
same ml1 ml2 "min-length np=2"
cmp -s ml1/search.csv ml2/search.csv; ok $? "min-length np=2: search.csv identical"

# --- subgrade (beam): the distinct analyses spread over the ranks
abs "$ROOT/designs/anchored-quay-wall-subgrade.ini" \
  | sed -e 's|^profiles = .*|profiles = AZ 18-700, PU 22|' -e '/^    AZ 40/d' -e '/^    PU 18/d' \
        -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 14:2:20|' > sub.ini
"$SP" run sub.ini -o sub1 --quiet --no-plots; ok $? "subgrade: one process"
mpi 3 run sub.ini -o sub3 --quiet --no-plots --threads 1; ok $? "subgrade: np=3"
same sub1 sub3 "subgrade np=3"

# --- best-first: the front spread over the ranks, ranking.csv as exhaustive ------
abs "$ROOT/designs/anchored-quay-wall-subgrade.ini" | sed 's/^\[search\]/[search]\nstrategy = best-first/' > bf.ini
"$SP" run bf.ini -o bf1 --quiet --no-plots; ok $? "best-first: one process"
abs "$ROOT/designs/anchored-quay-wall-subgrade.ini" > bfex.ini
"$SP" run bfex.ini -o bfex --quiet --no-plots; ok $? "best-first: the exhaustive run"
for np in 2 3; do
  mpi $np run bf.ini -o bf$np --quiet --no-plots --threads 1; ok $? "best-first: mpirun -np $np"
  same bf1 bf$np "best-first np=$np"
  cmp -s bfex/ranking.csv bf$np/ranking.csv; ok $? "best-first np=$np: ranking.csv identical to exhaustive"
done

# --- an external solver: 2 licences over 3 ranks, counted by the solvers ----------
mkdir locks
cat > counted.sh <<EOF
k=1; while [ \$k -le 3 ]; do mkdir $WORK/locks/slot\$k 2>/dev/null && break; k=\$((k+1)); done
[ \$k -le 2 ] || touch $WORK/locks/over
"\$@"; rc=\$?
rmdir $WORK/locks/slot\$k 2>/dev/null
exit \$rc
EOF
abs "$ROOT/designs/licensed-solver.ini" \
  | sed -e "s|^command = .*|command = sh $WORK/counted.sh {sheetpile} evaluate {input} -o {output} --delay 0.05|" \
        -e 's/^licenses = .*/licenses = 2/' > ex.ini
abs "$ROOT/designs/licensed-solver.ini" | sed -e '/^\[solver\]/,$d' > builtin.ini
"$SP" run builtin.ini -o ex1 --quiet --no-plots; ok $? "exec: the built-in run"
mpi 2 run ex.ini -o ex-untrusted --quiet 2> untrusted.err; rc=$?
[ $rc = 77 ] && [ ! -e ex-untrusted ] && [ "$(grep -c '^\[ERROR\]' untrusted.err)" = 1 ]
ok $? "exec np=2 without consent: exit 77 ($rc), nothing written, one message"
sed 's/^\[search\]/[search]\nstrategy = best-first/' ex.ini > exbf.ini
mpi 2 run exbf.ini -o exbf --quiet --no-plots --trust-solver; ok $? "exec best-first: np=2"
cmp -s ex1/ranking.csv exbf/ranking.csv; ok $? "exec best-first np=2: ranking.csv identical to the built-in exhaustive run"
mpi 3 run ex.ini -o ex3 --quiet --no-plots --trust-solver; ok $? "exec: np=3, 2 licences"
[ ! -e locks/over ]; ok $? "exec np=3: never a third solver at once over all ranks (lock-directory counter)"
mc=$(json ex3 max_concurrent_solvers); [ "$mc" -ge 1 ] && [ "$mc" -le 2 ]; ok $? "exec np=3: run.json max_concurrent_solvers <= 2 ($mc)"
same ex1 ex3 "exec np=3"
[ "$(json ex3 analyses_run)" = 24 ]; ok $? "exec np=3: 24 solver runs"
[ "$(($(wc -l < ex3/journal.txt) - 1))" = 24 ]; ok $? "exec np=3: rank 0 journals every analysis"
[ "$(($(wc -l < ex3/timeline.csv) - 1))" = 24 ]; ok $? "exec np=3: timeline.csv has every analysis"

# --- --resume under MPI: a journal cut to its first 10 analyses --------------------
head -11 ex3/journal.txt > j && mv j ex3/journal.txt
mpi 2 run ex.ini -o ex3 --resume --quiet --no-plots --trust-solver; ok $? "exec np=2 --resume"
[ "$(json ex3 analyses_run)" = 14 ]; ok $? "exec np=2 --resume: only the 14 missing analyses run"
same ex1 ex3 "exec np=2 --resume"
[ "$(($(wc -l < ex3/journal.txt) - 1))" = 24 ]; ok $? "exec np=2 --resume: the journal is whole again"
# timeline.csv after --resume: every analysis, the 10 kept in the journal marked as an
# earlier invocation's (earlier_run, the last column, = 1), the 14 run now with 0
[ "$(($(wc -l < ex3/timeline.csv) - 1))" = 24 ]; ok $? "exec np=2 --resume: timeline.csv has every analysis"
[ "$(tail -n +2 ex3/timeline.csv | tr -d '\r' | awk -F, '$NF == 1' | wc -l)" = 10 ]; ok $? "exec np=2 --resume: 10 earlier_run rows"

# --- errors: one message, the sysexits code ------------------------------------
mpi 2 run missing.ini -o miss --quiet 2> err.txt; rc=$?
[ $rc = 66 ]; ok $? "missing study under MPI: exit 66 ($rc)"
[ "$(grep -c '^\[ERROR\]' err.txt)" = 1 ]; ok $? "missing study under MPI: one [ERROR] line"

finish "mpi.sh: "
