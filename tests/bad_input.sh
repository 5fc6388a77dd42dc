#!/usr/bin/env bash
# The bad-input corpus (tests/bad-input/cases.tsv) through the real command
# line: each case's exit code and a part of its message; no crash (signal,
# sanitizer report); no output written by a failing case; the accepted
# variants (CRLF, UTF-8 BOM, UTF-8 names) give base.ini's results byte for
# byte. Usage: bad_input.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
DIR="$HERE/bad-input"
n=0

# a 10^6-line study: base.ini, comment lines, and a bad last line (line 10^6)
million="$WORK/million.ini"
{ cat "$DIR/base.ini"
  yes '; padding' | head -n $((1000000 - 1 - $(wc -l < "$DIR/base.ini")))
  echo 'this line is not INI'
} > "$million"
[ "$(wc -l < "$million")" = 1000000 ]; ok $? "the generated study has 10^6 lines"
mkdir "$WORK/adir"

while IFS=$'\t' read -r name code part cmd file; do
  case $name in ''|'#'*) continue ;; esac
  n=$((n+1))
  case $file in
    @missing) f="$WORK/nothere.ini" ;;
    @dir) f="$WORK/adir" ;;
    @million) f=$million ;;
    @zero) f=/dev/zero ;;
    *) f="$DIR/$file" ;;
  esac
  out="$WORK/out-$name"
  case $cmd in
    run) args=(run "$f" -o "$out" --no-plots --quiet --threads 2) ;;
    check) args=(check "$f") ;;
    import) out="$out.ini"; args=(import-dsheet "$f" -o "$out") ;;
    catalogue) args=(profiles --catalogue "$f") ;;
    grades) args=(profiles --grades "$f") ;;
    *) ok 1 "$name: unknown command '$cmd' in cases.tsv"; continue ;;
  esac
  "$SP" "${args[@]}" > "$WORK/$name.out" 2> "$WORK/$name.err" < /dev/null; rc=$?
  [ "$rc" = "$code" ]; ok $? "$name: exit $code (got $rc: $(head -c 300 "$WORK/$name.err"))"
  [ $rc -lt 128 ] && ! grep -q 'Sanitizer\|runtime error:' "$WORK/$name.err"; ok $? "$name: no crash"
  if [ "$part" != - ]; then
    grep -qF -- "$part" "$WORK/$name.err"; ok $? "$name: message has '$part'"
  fi
  if [ "$code" != 0 ]; then
    [ ! -e "$out" ]; ok $? "$name: no output written"
  elif [ "$cmd" = run ] && [ "$name" != base ]; then
    for x in results.csv ranking.csv best_diagrams.csv; do
      cmp -s "$WORK/out-base/$x" "$out/$x"; ok $? "$name: $x identical to base.ini's"
    done
  fi
done < "$DIR/cases.tsv"
[ "$n" -ge 40 ]; ok $? "at least 40 cases ($n)"
finish "bad_input: $n cases, "
