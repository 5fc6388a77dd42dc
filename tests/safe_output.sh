#!/usr/bin/env bash
# Safe output: the output directory rule (-o, --force, the .sheetpile-run
# marker), full disks and unwritable places (exit 73/74, clear message, no
# partial file left). Usage: safe_output.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
# the unwritable directories below must be writable again to be removed
sp_cleanup 'chmod -R u+w "$WORK" 2>/dev/null'
cd "$WORK"
CANT="$ROOT/designs/cantilever-excavation-sand.ini"
SHI="$HERE/data/dsheet/bm4-11a.shi"
run() { "$SP" run "$CANT" --quiet --no-plots --threads 2 "$@"; }
no_tmp() { [ -z "$(find "$1" -name '.*.tmp' 2>/dev/null)" ]; }

# --- the output directory rule ---------------------------------------------------
run -o new; ok $? "run into a new directory"
[ -f new/.sheetpile-run ] && [ -s new/results.csv ]; ok $? "new directory: marker and results.csv"
cp new/results.csv good.csv
run -o new; ok $? "a directory sheetpile made is reused (rerun)"
cmp -s good.csv new/results.csv; ok $? "rerun gives the same results.csv"
mkdir empty; run -o empty; ok $? "an existing empty directory is used"
[ -f empty/.sheetpile-run ]; ok $? "the empty directory gets the marker"
mkdir mine; echo "my notes" > mine/notes.txt
run -o mine 2> mine.err; rc=$?
[ $rc = 73 ]; ok $? "a non-empty directory sheetpile did not make: exit 73 (got $rc)"
grep -q -- "mine: the output directory is not empty.*--force" mine.err; ok $? "refusal names the directory and --force"
[ "$(ls -A mine)" = "notes.txt" ]; ok $? "refused directory left untouched"
run -o mine --force; ok $? "--force writes into it"
[ -s mine/results.csv ] && grep -q "my notes" mine/notes.txt; ok $? "--force: results written, the user's file kept"
"$SP" analyze "$CANT" --profile "AZ 18-700" --grade S355GP --length 12 -o mine2 >/dev/null 2>&1; ok $? "analyze -o into a new directory"
mkdir other; touch other/x
"$SP" analyze "$CANT" --profile "AZ 18-700" --grade S355GP --length 12 -o other >/dev/null 2>other.err; rc=$?
[ $rc = 73 ] && grep -q -- "--force" other.err; ok $? "analyze -o: a foreign non-empty directory is refused (73, got $rc)"
echo x > afile; run -o afile 2>afile.err; rc=$?
[ $rc = 73 ] && grep -q "afile: exists and is not a directory" afile.err; ok $? "-o a file: exit 73 (got $rc)"

# plots: gnuplot draws into a scratch folder, sheetpile renames what it drew
"$SP" run "$CANT" --quiet --threads 2 -o plotted 2>/dev/null; ok $? "run with plots"
[ -z "$(find plotted -name '.gnuplot-*' -o -name '*.tmp')" ]; ok $? "plots: no scratch folder or temporary file left"
if command -v gnuplot >/dev/null; then
  [ -s plotted/plots/cost_vs_utilisation.png ] && [ -s plotted/plots/best_diagrams.svg ]; ok $? "plots renamed into plots/"
fi

# --- places that cannot be written -------------------------------------------------
if [ "$(id -u)" = 0 ]; then # root writes everywhere a mode allows: use /proc
  run -o /proc/sheetpile-test 2>proc.err; rc=$?
  [ $rc = 73 ] && grep -q "cannot create the output directory" proc.err; ok $? "uncreatable directory: exit 73 (got $rc)"
  run -o /proc --force 2>proc2.err; rc=$?
  [ $rc = 73 ] && grep -q "cannot create" proc2.err; ok $? "unwritable directory: exit 73 (got $rc)"
else
  mkdir ro; chmod 555 ro
  run -o ro/sub 2>proc.err; rc=$?
  [ $rc = 73 ] && grep -q "cannot create the output directory" proc.err; ok $? "uncreatable directory: exit 73 (got $rc)"
  mkdir ro2; touch ro2/.sheetpile-run; chmod 555 ro2
  run -o ro2 2>proc2.err; rc=$?
  [ $rc = 73 ] && grep -q "cannot create" proc2.err; ok $? "unwritable directory: exit 73 (got $rc)"
fi

# --- full disk -----------------------------------------------------------------------
if [ -c /dev/full ]; then
  # in an output directory a link is replaced, never written through (tests/outdir_attack.sh)
  mkdir full; touch full/.sheetpile-run; ln -s /dev/full full/results.csv
  run -o full 2>full.err; rc=$?
  [ $rc = 0 ] && [ -f full/results.csv ] && [ ! -L full/results.csv ] && no_tmp full; ok $? "a link results.csv -> /dev/full in the output directory: replaced by the file (got $rc)"
  "$SP" import-dsheet "$SHI" -o /dev/full 2>imp.err; rc=$?
  [ $rc = 74 ] && grep -q "/dev/full: write error: No space left on device" imp.err; ok $? "import-dsheet -o /dev/full: exit 74 (got $rc)"
  [ -c /dev/full ] && [ -z "$(ls -A /dev | grep '^\.full\.tmp$')" ]; ok $? "import-dsheet -o /dev/full: the device is untouched"
  "$SP" import-dsheet "$SHI" > /dev/full 2>imp2.err; rc=$?
  [ $rc = 74 ] && grep -q "standard output: write error" imp2.err; ok $? "import-dsheet > /dev/full: exit 74 (got $rc)"
else
  echo "skipped: no /dev/full"
fi
# a file size limit stops the write half-way (as a disk filling up would):
# the good results.csv of the previous run stays as it was
(trap '' XFSZ; ulimit -f 4; run -o new 2>fsz.err); rc=$?
[ $rc = 74 ] && grep -q "new/results.csv: write error" fsz.err; ok $? "write error half-way: exit 74 (got $rc)"
cmp -s good.csv new/results.csv && no_tmp new; ok $? "write error half-way: the previous results.csv kept, no temporary file"
(trap '' XFSZ; ulimit -f 4; "$SP" import-dsheet "$HERE/data/dsheet/bm1-10.shi" -o big.ini 2>/dev/null); rc=$?
if [ "$(wc -c < <("$SP" import-dsheet "$HERE/data/dsheet/bm1-10.shi" 2>/dev/null))" -gt 4096 ]; then
  [ $rc = 74 ] && [ ! -e big.ini ] && no_tmp .; ok $? "import-dsheet write error: exit 74, no partial study (got $rc)"
fi
mkdir adir; "$SP" import-dsheet "$SHI" -o adir 2>adir.err; rc=$?
[ $rc = 73 ] && grep -q "it is a directory" adir.err; ok $? "import-dsheet -o DIR: exit 73 (got $rc)"

finish
