#!/usr/bin/env bash
# Builds REV (default HEAD) and the working tree, writes every output of both
# with tests/tools/snapshot.sh and compares them byte for byte (KEEP=1 keeps
# both snapshots to look at): a refactoring changes
# nothing a user sees. Usage: tests/tools/same_outputs.sh [REV]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REV=${1:-HEAD}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sheetpile-same.XXXXXX")
trap 'git -C "$ROOT" worktree remove --force "$WORK/src" >/dev/null 2>&1; [ -n "${KEEP:-}" ] && echo "kept: $WORK" || rm -rf "$WORK"' EXIT
git -C "$ROOT" worktree add --detach "$WORK/src" "$REV" >/dev/null 2>&1
jobs=$(nproc 2>/dev/null || echo 2)
for side in before after; do
  src=$ROOT; [ $side = before ] && src=$WORK/src
  cmake -S "$src" -B "$WORK/build-$side" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$WORK/build-$side" -j "$jobs" --target sheetpile >/dev/null
  # the same absolute output path for both, so that echoed paths compare
  bin=$(find "$WORK/build-$side/src" -name sheetpile -type f -perm -u+x | head -1)
  rm -rf "$WORK/out"
  "$ROOT/tests/tools/snapshot.sh" "$bin" "$WORK/out" >/dev/null 2>&1
  mv "$WORK/out" "$WORK/snap-$side"
done
if diff -r "$WORK/snap-before" "$WORK/snap-after" >"$WORK/diff.txt"; then
  echo "same outputs: $(find "$WORK/snap-after" -type f | wc -l) files identical ($REV and the working tree)"
else
  head -40 "$WORK/diff.txt"
  echo "outputs differ between $REV and the working tree"
  exit 1
fi
