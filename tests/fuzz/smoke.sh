#!/usr/bin/env bash
# A few seconds of one libFuzzer harness: the seed corpus, then mutations.
# Usage: smoke.sh FUZZER SEED_DIR [SECONDS]. New inputs go to a scratch
# corpus (the seed directory is only read); a crashing input is kept in
# the build directory as crash-* and the test fails.
set -u
fuzzer=$1 seeds=$2 secs=${3:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$fuzzer" -max_total_time="$secs" -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$PWD/" "$work" "$seeds" 2>"$work/log"
rc=$?
grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$work/log"
if [ $rc != 0 ]; then
  tail -40 "$work/log"
  echo "FAIL $(basename "$fuzzer") exited $rc"
fi
exit $rc
