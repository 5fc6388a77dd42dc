#!/usr/bin/env bash
# Every output sheetpile writes for the project's own inputs, into one folder,
# so that two builds can be compared byte for byte (tests/tools/same_outputs.sh):
# each example study (run, both CSV dialects, check, analyze), a batch of them,
# the benchmark study, profiles, and every D-Sheet Piling benchmark (import,
# analyze of the imported study, export). Figures that depend on the clock
# (wall times, rates) are blanked; nothing else is touched.
# Usage: snapshot.sh PATH/TO/sheetpile OUTDIR
set -u
SP=$(realpath "$1")
OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DSB="$ROOT/../shared/dsheet-benchmarks"
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
cd "$OUT" || exit 1

# record: NAME COMMAND... -> NAME.out (stdout), NAME.err (stderr), NAME.rc
record() {
  local name=$1; shift
  "$@" >"$name.out" 2>"$name.err"
  echo $? >"$name.rc"
}

# a [solver] study runs only with the user's consent: the examples' commands
# are trusted in a private trust store (not the user's; outside OUT, since it
# names this build's path). A build without `trust` runs them anyway.
XDG_CONFIG_HOME=$(mktemp -d "${TMPDIR:-/tmp}/sheetpile-trust.XXXXXX")
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
for study in "$ROOT"/designs/*.ini; do "$SP" trust "$study" >/dev/null 2>&1; done

record profiles "$SP" profiles
for study in "$ROOT"/designs/*.ini; do
  s=$(basename "$study" .ini)
  record "$s.check" "$SP" check "$study"
  record "$s.run" "$SP" run "$study" -o "$s" --threads 2
  record "$s.run-eu" "$SP" run "$study" -o "$s-eu" --threads 1 --csv-dialect excel-eu --no-plots
  best=$(sed -n 2p "$s/ranking.csv" | tr -d '"')
  IFS=, read -r _ _ profile grade length anchor _ <<<"$best"
  record "$s.analyze" "$SP" analyze "$study" --profile "$profile" --grade "$grade" --length "$length" \
    --anchor-level "${anchor:-none}" -o "$s-analyze"
done
record batch "$SP" batch "$ROOT"/designs/anchored-quay-wall.ini "$ROOT"/designs/cantilever-excavation-sand.ini \
  "$ROOT"/designs/does-not-exist.ini -o batch --no-plots
record large-quay "$SP" run "$ROOT/bench/data/large-quay.ini" -o large-quay --no-plots

if [ -d "$DSB" ]; then
  mkdir -p dsheet
  for shi in "$DSB"/*.shi; do
    b=$(basename "$shi" .shi)
    record "dsheet/$b.import" "$SP" import-dsheet "$shi" -o "dsheet/$b.ini"
    [ -f "dsheet/$b.ini" ] || continue
    record "dsheet/$b.run" "$SP" run "dsheet/$b.ini" -o "dsheet/$b" --no-plots
    record "dsheet/$b.export" "$SP" export-dsheet "dsheet/$b.ini" -o "dsheet/$b-x.shi"
  done
fi

# the clock: wall times and rates in run.json, report.html, summaries and messages
find . -type f \( -name '*.json' -o -name '*.html' -o -name '*.out' -o -name '*.err' -o -name '*.csv' \) -print0 |
  xargs -0 sed -i -E \
    -e 's/("(wall_time_s|evaluations_per_s|makespan[a-z_]*|lower_bound_s|[a-z_]*time[a-z_]*)": *)[0-9.e+-]+/\1T/g' \
    -e 's/[0-9]+(\.[0-9]+)? ?(s|ms|µs)\b/T/g' \
    -e 's/[0-9]+(\.[0-9]+)?(k|M)?\/s/R/g' \
    -e 's/[0-9.]+ (evaluations|candidates|analyses)\/s/R/g' \
    -e 's/(evaluations per second<\/th><td>)[0-9.]+/\1R/' \
    -e 's/("max_concurrent_evaluations": *)[0-9]+/\1N/' \
    -e 's/(most evaluations at once<\/th><td>)[0-9]+/\1N/'
# the licensed solver's timeline is the clock itself (and its report draws it)
rm -f licensed-solver*/report.html
rm -f ./*/journal.txt ./*/timeline.csv ./*/plots/gantt.* ./*/plots/case_times.* ./*/plots/timeline.dat ./*/plots/case_times.dat
sed -i -E -e '/^progress /d' ./*.err
# whether a [solver] command is trusted depends on the user's trust store, not the build
sed -i -e '/^solver trusted: /d' ./*.check.out
# the output folders' absolute paths are the same in both snapshots only if OUTDIR is
sed -i "s#$OUT#OUT#g" $(grep -rl "$OUT" . 2>/dev/null) 2>/dev/null
exit 0
