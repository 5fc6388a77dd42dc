#!/usr/bin/env bash
# The layout rules of docs/architecture.md, checked on src/:
#  - no module cycle: module A (A.c, A.h) includes B.h, B includes ... A;
#  - no upward include: a folder includes only its own headers and those of
#    the folders below it (core < engine < dsheet < exec < eval < out < cli);
#  - one header per module, named like it: every .c but a command's has its .h
#    (or, for an implementation of a family's type object, the family's);
#  - a thin command line: cli/main.c under 400 lines, no file over 1,200.
# The build enforces the second (per-layer include paths) too; this test says
# which include breaks it. Usage: layout.sh PATH/TO/sheetpile [SRC] (default
# SRC: the repository's src/). Prints one line per failure and closes with
# "N passed, N failed".
. "$(dirname "$0")/lib.sh"
SRC=${2:-$ROOT/src}
LAYERS=(core engine dsheet exec eval out cli)
rank() { local i; for i in "${!LAYERS[@]}"; do [ "${LAYERS[$i]}" = "$1" ] && echo "$i" && return; done; echo 99; }

declare -A layer_of
for f in "$SRC"/*/*.[ch]; do
  d=$(basename "$(dirname "$f")"); m=$(basename "$f"); m=${m%.*}
  layer_of[$m]=$d
done
ok $([ $(ls "$SRC"/*.[ch] 2>/dev/null | wc -l) = 0 ]; echo $?) "no source file at the top of src/ (each lives in its layer's folder)"
for d in "$SRC"/*/; do
  d=$(basename "$d"); [ "$(rank "$d")" != 99 ]; ok $? "src/$d/ is a layer of docs/architecture.md"
done

# edges "A B": module A includes B.h (project headers only)
edges=$(for f in "$SRC"/*/*.[ch]; do
  m=$(basename "$f"); m=${m%.*}
  sed -n 's/^#include "\([a-z_0-9]*\)\.h".*/\1/p' "$f" | while read -r h; do
    [ "$h" != "$m" ] && [ -n "${layer_of[$h]:-}" ] && echo "$m $h"
  done
done | sort -u)

# cycles: tsort reports every loop it finds
loops=$(echo "$edges" | tsort 2>&1 >/dev/null | grep -v 'input contains a loop')
[ -z "$loops" ]; ok $? "no module cycle${loops:+: $(echo $loops)}"

# upward includes
while read -r a b; do
  [ -z "$a" ] && continue
  ra=$(rank "${layer_of[$a]}"); rb=$(rank "${layer_of[$b]}")
  [ "$rb" -le "$ra" ]; ok $? "$a (${layer_of[$a]}/) includes $b.h of ${layer_of[$b]}/, a layer above it"
done <<<"$edges"

# one header per module (the commands of cli/ have none); an implementation
# of a family's type object is declared in the family's header
declare -A family=([sp_err]=sp [engine_le]=engine [engine_beam]=engine [solver_dsheet]=solver_io)
for f in "$SRC"/*/*.c; do
  case "$f" in */cli/*) continue ;; esac
  m=$(basename "$f" .c); h=${family[$m]:-$m}
  [ -f "$(dirname "$f")/$h.h" ]; ok $? "${f#$SRC/} has its header $h.h"
done

# sizes
n=$(wc -l <"$SRC/cli/main.c"); [ "$n" -lt 400 ]; ok $? "cli/main.c is under 400 lines ($n)"
for f in "$SRC"/*/*.[ch]; do
  n=$(wc -l <"$f"); [ "$n" -le 1200 ]; ok $? "${f#$SRC/} is at most 1,200 lines ($n)"
done

finish
