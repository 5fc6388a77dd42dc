#!/usr/bin/env bash
# Attacks on the output directory (issue 14, findings 2, 5 and 6): a results
# folder handed over by someone else, or shared with other users, holds links
# where sheetpile writes, directories of another user or that others can
# write, planted plots; and a second run starts into a directory in use.
# Each check performs the attack against files and directories this script
# makes in $WORK (a "victim" file must stay as it is) and shows it fails.
# Usage: outdir_attack.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
sp_cleanup 'chmod -R u+w "$WORK" 2>/dev/null; [ -n "${first:-}" ] && kill "$first" 2>/dev/null'
cd "$WORK"
CANT="$ROOT/designs/cantilever-excavation-sand.ini"
# what a [solver] study needs on the command line for its command to run
SOLVER_OPTS=(--trust-solver)
run() { "$SP" run "$CANT" --quiet --threads 2 "$@"; }
srun() { local ini=$1; shift; "$SP" run "$ini" --quiet --no-plots ${SOLVER_OPTS[@]+"${SOLVER_OPTS[@]}"} "$@"; }
victim() { printf 'precious %s\n' "$1" > "$1"; }    # victim FILE: a file of the user's
intact() { [ "$(cat "$1" 2>/dev/null)" = "precious $1" ] && [ ! -L "$1" ]; }
tree() { (cd "$1" && find . -printf '%p %y %s\n' | sort && find . -type f -exec cat {} +); }
lines() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
sheetpile_dir() { mkdir "$1" && echo "sheetpile output directory" > "$1/.sheetpile-run"; }
refused() { # err-file path-part message-part: exit 73, the message names the path
  [ "$rc" = 73 ] && grep -q -- "$2.*$3" "$1"
}

# A small [solver] study: 12 analyses of `sheetpile evaluate`
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = AZ 18-700, PU 22|' -e '/^    AZ 40/d' -e '/^    PU 18/d' \
    -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 12, 14, 16|' -e 's|^levels_m = .*|levels_m = 2.0, 1.0|' \
    "$ROOT/designs/anchored-quay-wall.ini" > base.ini
N=12
solver_study() { # out.ini licences extra-arguments-of-evaluate
  sed -e "s/^licenses = .*/licenses = $2/" base.ini > "$1"
  printf '\n[solver]\ncommand = {sheetpile} evaluate {input} -o {output}%s\n' "$3" >> "$1"
}
solver_study solver.ini 2 ''
solver_study slow.ini 1 ' --delay 0.5'

# --- finding 2: links in the output directory -------------------------------------------
# temporary files: a link under every name a fixed temporary name could have
sheetpile_dir tmpl; mkdir tmpl/plots; victim "$WORK/v-tmp"
for f in results.csv ranking.csv pareto.csv best_diagrams.csv run.json report.html .sheetpile-run \
         plots/candidates.dat plots/pareto.dat plots/best.dat plots/length.dat plots/pareto.gp; do
  d=$(dirname "$f") b=$(basename "$f")
  for t in ".$b.tmp" ".$b.tmp.conv" ".$b.tmp.tmp"; do ln -s "$WORK/v-tmp" "tmpl/$d/$t"; done
done
run -o tmpl 2>tmpl.err; rc=$?
intact "$WORK/v-tmp"; ok $? "links OUT/.results.csv.tmp (and every other temporary name) -> a victim: the victim is unchanged"
[ $rc = 0 ] && [ -f tmpl/results.csv ] && [ ! -L tmpl/results.csv ]; ok $? "  and the run wrote results.csv as a file of its own (exit $rc)"
run -o tmpl --csv-dialect excel-eu --no-plots 2>>tmpl.err; rc=$?
intact "$WORK/v-tmp" && [ $rc = 0 ]; ok $? "  the same with the excel-eu CSV dialect (its conversion's temporary file too)"
[ -z "$(find tmpl -name '.*.tmp' ! -type l)" ]; ok $? "  no temporary file of the run left"

# a link in place of an output is replaced, never written through
sheetpile_dir repl; victim "$WORK/v-repl"; ln -s "$WORK/v-repl" repl/results.csv; ln -s "$WORK/v-repl" repl/run.json
run -o repl --no-plots 2>/dev/null; rc=$?
intact "$WORK/v-repl" && [ $rc = 0 ] && [ -f repl/results.csv ] && [ ! -L repl/run.json ]; ok $? "links OUT/results.csv and run.json -> a victim: replaced, the victim unchanged"

# the plot scratch directory: a link .gnuplot-tmp -> a directory of the user's files
if command -v gnuplot >/dev/null; then
  mkdir docs; for f in thesis.txt cost_vs_utilisation.png pareto.svg; do victim "$WORK/docs/$f"; done
  tree docs > docs.before
  sheetpile_dir gp; mkdir gp/plots; ln -s "$WORK/docs" gp/plots/.gnuplot-tmp
  run -o gp 2>gp.err; rc=$?
  tree docs > docs.after
  cmp -s docs.before docs.after; ok $? "link OUT/plots/.gnuplot-tmp -> a directory: nothing in it moved, deleted or changed"
  [ ! -e gp/plots/thesis.txt ] && [ $rc = 0 ] && [ -s gp/plots/pareto.svg ] && ! grep -q precious gp/plots/pareto.svg
  ok $? "  the run drew its own plots into plots/ and took nothing of the directory's (exit $rc)"
  [ -z "$(find gp/plots -name '.gnuplot-*' ! -name .gnuplot-tmp)" ]; ok $? "  no scratch directory of the run left"
  # gnuplot.log: a link -> a victim; the templates make gnuplot say something
  mkdir tpl; cp "$ROOT"/plots/*.gp tpl/; echo 'print "gnuplot says something"' >> tpl/pareto.gp
  sheetpile_dir glog; mkdir glog/plots; victim "$WORK/v-log"; ln -s "$WORK/v-log" glog/plots/gnuplot.log
  SHEETPILE_PLOTS_DIR=$WORK/tpl "$SP" run "$CANT" --quiet --threads 2 -o glog 2>/dev/null; rc=$?
  intact "$WORK/v-log"; ok $? "link OUT/plots/gnuplot.log -> a victim: the victim unchanged"
  [ $rc = 0 ] && [ ! -L glog/plots/gnuplot.log ] && grep -q "gnuplot says something" glog/plots/gnuplot.log
  ok $? "  gnuplot's messages in a gnuplot.log of the run's own (exit $rc)"
else
  echo "skipped: gnuplot is not installed (the plot scratch directory and gnuplot.log)"
fi

# the output directory itself, its marker, plots/, work/, the journal: a link is refused
mkdir -p mine; victim "$WORK/mine/notes.txt"; echo "sheetpile output directory" > mine/.sheetpile-run
tree mine > mine.before
ln -s "$WORK/mine" lout
run -o lout --no-plots 2>lout.err; rc=$?
refused lout.err "lout" "symbolic link"; ok $? "-o a link to a directory: exit 73 naming it (got $rc)"
ln -s "$WORK/nowhere" dangling
run -o dangling --no-plots 2>dangling.err; rc=$?
refused dangling.err "dangling" "symbolic link" && [ ! -e nowhere ]; ok $? "-o a dangling link: exit 73, nothing made where it points (got $rc)"
sheetpile_dir lmark; rm lmark/.sheetpile-run; victim "$WORK/v-mark"; ln -s "$WORK/v-mark" lmark/.sheetpile-run
run -o lmark --no-plots 2>lmark.err; rc=$?
refused lmark.err "lmark/.sheetpile-run" "symbolic link" && intact "$WORK/v-mark"; ok $? "link OUT/.sheetpile-run: exit 73, the victim unchanged (got $rc)"
sheetpile_dir lplots; ln -s "$WORK/mine" lplots/plots
run -o lplots 2>lplots.err; rc=$?
refused lplots.err "lplots/plots" "symbolic link"; ok $? "link OUT/plots -> a directory: exit 73 (got $rc)"
sheetpile_dir lwork; ln -s "$WORK/mine" lwork/work
srun solver.ini -o lwork 2>lwork.err; rc=$?
refused lwork.err "lwork/work" "symbolic link"; ok $? "link OUT/work -> a directory: exit 73 (got $rc)"
sheetpile_dir ljour; victim "$WORK/v-jour"; ln -s "$WORK/v-jour" ljour/journal.txt
srun solver.ini -o ljour 2>ljour.err; rc=$?
refused ljour.err "ljour/journal.txt" "symbolic link" && intact "$WORK/v-jour"; ok $? "link OUT/journal.txt: exit 73, the victim unchanged (got $rc)"
srun solver.ini -o ljour --resume 2>ljour2.err; rc=$?
refused ljour2.err "ljour/journal.txt" "symbolic link" && intact "$WORK/v-jour"; ok $? "link OUT/journal.txt with --resume: exit 73 (got $rc)"
run -o lplots --force 2>force.err; rc=$?
refused force.err "lplots/plots" "symbolic link"; ok $? "--force does not override the link rule (got $rc)"
tree mine > mine.after
cmp -s mine.before mine.after; ok $? "the directory the links pointed to is unchanged"

# links planted in a work directory: work/a0/{stdout.txt,input.txt,failure.txt} -> victims
sheetpile_dir lwa; mkdir -p lwa/work/a0
for f in stdout.txt stderr.txt input.txt output.txt failure.txt; do victim "$WORK/v-$f"; ln -s "$WORK/v-$f" "lwa/work/a0/$f"; done
srun solver.ini -o lwa 2>lwa.err; rc=$?
all=0; for f in stdout.txt stderr.txt input.txt output.txt failure.txt; do intact "$WORK/v-$f" || all=1; done
[ $all = 0 ]; ok $? "links OUT/work/a0/stdout.txt, input.txt, ... -> victims: every victim unchanged"
[ $rc = 0 ] && [ "$(grep -c ',"ok",' lwa/timeline.csv)" = $N ]; ok $? "  the run used a new work directory and finished (exit $rc)"
sheetpile_dir ltl; victim "$WORK/v-tl"; ln -s "$WORK/v-tl" ltl/timeline.csv
srun solver.ini -o ltl 2>/dev/null; rc=$?
intact "$WORK/v-tl" && [ $rc = 0 ] && [ ! -L ltl/timeline.csv ]; ok $? "link OUT/timeline.csv -> a victim: replaced, the victim unchanged"

# --- finding 2: directories of another user, or that others can write ---------------------
mkdir open; chmod 0777 open
run -o open --no-plots 2>open.err; rc=$?
refused open.err "open" "writable by its group or by others (mode 0777)"; ok $? "an empty output directory of mode 0777: exit 73 (got $rc)"
run -o open --no-plots --force 2>open2.err; rc=$?
refused open2.err "open" "writable by"; ok $? "  --force does not override it (got $rc)"
[ -z "$(ls -A open)" ]; ok $? "  nothing written into it"
sheetpile_dir gw; chmod 0775 gw
run -o gw --no-plots 2>gw.err; rc=$?
refused gw.err "gw" "writable by its group"; ok $? "a sheetpile directory writable by its group: exit 73 (got $rc)"
sheetpile_dir pw; mkdir pw/plots; chmod 0777 pw/plots
run -o pw 2>pw.err; rc=$?
refused pw.err "pw/plots" "writable by"; ok $? "OUT/plots of mode 0777: exit 73 (got $rc)"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  mkdir nob; chown nobody nob
  run -o nob --no-plots --force 2>nob.err; rc=$?
  refused nob.err "nob" "belongs to another user"; ok $? "an output directory owned by nobody: exit 73, --force or not (got $rc)"
  sheetpile_dir nobm; chown nobody nobm/.sheetpile-run
  run -o nobm --no-plots 2>nobm.err; rc=$?
  refused nobm.err "nobm/.sheetpile-run" "belongs to another user"; ok $? "a marker owned by nobody: exit 73 (got $rc)"
  sheetpile_dir nobj; echo x > nobj/journal.txt; chown nobody nobj/journal.txt
  srun solver.ini -o nobj --resume 2>nobj.err; rc=$?
  refused nobj.err "nobj/journal.txt" "belongs to another user"; ok $? "a journal owned by nobody: exit 73 (got $rc)"
else
  run -o / --no-plots --force 2>root.err; rc=$?
  refused root.err "/" "belongs to another user"; ok $? "an output directory of another user (/): exit 73 (got $rc)"
fi
# what sheetpile makes is private whatever the umask, so that a rerun accepts it
(umask 002; run -o um 2>/dev/null && run -o um 2>/dev/null); rc=$?
[ $rc = 0 ] && [ "$(stat -c %a um um/plots um/.sheetpile-run)" = "$(printf '755\n755\n644')" ]; ok $? "umask 002: the directories made are 0755, the marker 0644, a rerun works (got $rc)"

# --- finding 5: only the plots this run drew go into report.html --------------------------
evil='<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="http://evil.example/x.png"/></svg>'
for plots in "" --no-plots; do
  rm -rf ev; sheetpile_dir ev; mkdir ev/plots
  for f in evil.svg gantt.svg case_times.svg; do echo "$evil" > "ev/plots/$f"; done
  run -o ev $plots 2>/dev/null; rc=$?
  [ $rc = 0 ] && ! grep -q -e '<script' -e 'evil.example' -e 'evil.svg' ev/report.html; ok $? "planted plots/evil.svg, gantt.svg with <script>: not in report.html (${plots:-with plots})"
done
if command -v gnuplot >/dev/null; then
  [ "$(grep -c '<figure>' ev/report.html)" = 0 ] && run -o ev && [ "$(grep -c '<figure>' ev/report.html)" = 5 ]
  ok $? "  the report shows the 5 plots the run drew"
fi

# --- finding 6: one run at a time in an output directory -----------------------------------
"$SP" run slow.ini --quiet --no-plots ${SOLVER_OPTS[@]+"${SOLVER_OPTS[@]}"} -o busy & first=$!
for _ in $(seq 1 400); do [ "$(lines busy/journal.txt)" -ge 2 ] && break; sleep 0.05; done
t0=$(date +%s%N)
srun slow.ini -o busy 2>busy.err; rc=$?
t1=$(date +%s%N)
[ $rc = 75 ] && grep -q "busy: another sheetpile (pid $first) is writing into this output directory" busy.err
ok $? "a second [solver] run into a directory in use: exit 75 naming the directory and pid $first (got $rc: $(head -c 300 busy.err))"
[ $(((t1 - t0) / 1000000)) -lt 2000 ] && kill -0 "$first" 2>/dev/null; ok $? "  at once, while the first still runs"
srun slow.ini -o busy --resume 2>busy2.err; rc2=$?
run -o busy --no-plots 2>busy3.err; rc3=$?
"$SP" batch "$CANT" -o busy --quiet --no-plots 2>busy4.err; rc4=$?
[ $rc2 = 75 ] && [ $rc3 = 75 ] && [ $rc4 = 75 ] && grep -q "pid $first" busy3.err; ok $? "  --resume, a built-in run and a batch into it: exit 75 too ($rc2, $rc3, $rc4)"
wait "$first"; rc=$?; first=
[ $rc = 0 ] && [ "$(grep -c ',"ok",' busy/timeline.csv)" = $N ]; ok $? "the first run finished every analysis: none of its solvers was stopped (exit $rc)"
! grep -q "stopped .* solver process group" busy3.err busy.err busy2.err; ok $? "  no run stopped its solvers as leftovers"
srun slow.ini -o busy --resume 2>/dev/null; ok $? "once it has finished, the directory can be used again"

finish
