#!/usr/bin/env bash
# valgrind memcheck on small runs of the real command line: no invalid
# access, no use of uninitialised values, no leak (libgomp's thread pool is
# suppressed, tests/valgrind.supp). Usage: valgrind.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
if ! command -v valgrind >/dev/null; then
  echo "skipped: valgrind is not installed"
  exit 77
fi
cd "$WORK"
vg() { # name command...
  local name=$1; shift
  valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
    --suppressions="$HERE/valgrind.supp" --log-file="$name.vg" "$SP" "$@" > "$name.out" 2> "$name.err"
  local rc=$?
  [ $rc != 99 ] && grep -q 'ERROR SUMMARY: 0 errors' "$name.vg"; ok $? "$name: valgrind clean"
  if [ $rc = 99 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$name.vg"; then cat "$name.vg"; fi
  return $rc
}
vg run-le run "$HERE/bad-input/base.ini" -o le --threads 2 --quiet --no-plots; ok $? "LE study runs under valgrind"
[ -s le/results.csv ]; ok $? "LE study wrote results.csv"
# the beam engine: one candidate of the subgrade design, with its diagrams
vg analyze-subgrade analyze "$HERE/../designs/anchored-quay-wall-subgrade.ini" --profile "AZ 18-700" \
  --grade S355GP --length 16 --anchor-level 1.0 -o bm --threads 2
ok $? "subgrade analysis runs under valgrind"
vg bad-study check "$HERE/bad-input/duplicate-section.ini"; [ $? = 65 ]; ok $? "a bad study: exit 65 under valgrind"
vg import import-dsheet "$HERE/data/dsheet/bm4-11a.shi" -o imp.ini; ok $? "import-dsheet runs under valgrind"
finish
