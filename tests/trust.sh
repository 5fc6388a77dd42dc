#!/usr/bin/env bash
# A study file handed over by someone else cannot run a program the user did
# not agree to, nor drive the user's terminal (issue 14, findings 3, 7, 10).
# Each check performs the attack against a bystander file this script makes
# in $WORK ($WORK/pwned: a [solver] command that would `touch` it) and shows
# that it fails:
#   - a [solver] study runs nothing without consent: run, batch and analyze
#     exit 77 before the output directory is touched, saying the command and
#     how to trust it; `check` says whether it is trusted;
#   - it runs after `sheetpile trust STUDY.ini`, or with --trust-solver once;
#   - trusting one command does not trust a changed one: an edited command,
#     an edited input template, the same name found elsewhere on PATH;
#   - a trust store that is a symbolic link, writable by others or another
#     user's is refused (and never written through);
#   - a catalogue profile named $(touch ...) inside sh -c '...' stays a name;
#   - control characters in names are refused with file:line, and a study
#     whose name or file name holds ESC[2J is shown escaped, never raw.
# The trust store is private to this test (XDG_CONFIG_HOME under $WORK).
# Usage: trust.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
export XDG_CONFIG_HOME=$WORK/config
STORE=$XDG_CONFIG_HOME/sheetpile/trusted-solvers
ESC=$(printf '\033')

# one analysis (PU 22, 12 m, anchor at 2 m; 3 grades = 3 candidates)
sed -e "s|^catalogue = .*|catalogue = $ROOT/designs/profiles.csv|" -e "s|^grades = grades.csv|grades = $ROOT/designs/grades.csv|" \
    -e 's|^profiles = .*|profiles = PU 22|' -e '/^    AZ/d' -e '/^    PU/d' \
    -e '/^\[search\]/,/^\[/s|^length_m = .*|length_m = 12|' -e 's|^levels_m = .*|levels_m = 2.0|' \
    "$ROOT/designs/anchored-quay-wall.ini" > base.ini
solver_study() { # out.ini [solver] lines...
  local out=$1; shift
  { cat base.ini; printf '\n[solver]\n'; printf '%s\n' "$@"; } > "$out"
}
EVIL="command = sh -c 'touch $WORK/pwned; exec {sheetpile} evaluate {input} -o {output}'"
solver_study evil.ini "$EVIL"
no_pwned() { [ ! -e pwned ]; }
has_esc() { grep -q "$ESC" "$@"; }

# --- no consent: nothing runs, nothing is written -------------------------------------------
"$SP" run evil.ini -o out --quiet 2> run.err; rc=$?
[ $rc = 77 ]; ok $? "run without consent: exit 77 (got $rc)"
no_pwned; ok $? "run without consent: the command did not run"
[ ! -e out ]; ok $? "run without consent: the output directory is not touched"
grep -q "touch $WORK/pwned; exec {sheetpile} evaluate" run.err && grep -q 'sheetpile trust evil.ini' run.err \
  && grep -q -- '--trust-solver' run.err; ok $? "run without consent: the command and how to trust it are said"
"$SP" batch base.ini evil.ini -o B --quiet 2> batch.err; rc=$?
[ $rc = 77 ] && no_pwned && [ ! -e B ]; ok $? "batch with an untrusted study: exit 77 (got $rc), nothing run, B not made"
"$SP" analyze evil.ini --profile "PU 22" --grade S355GP --length 12 --anchor-level 2 -o an > an.out 2> an.err; rc=$?
[ $rc = 77 ] && no_pwned && [ ! -e an ] && [ ! -s an.out ]; ok $? "analyze without consent: exit 77 (got $rc), nothing run"
rm -f pwned
"$SP" check evil.ini > check.out; ok $? "check of an untrusted study exits 0"
grep -q '^solver trusted: no' check.out; ok $? "check says the command is not trusted"
no_pwned; ok $? "check runs nothing"
[ ! -e "$XDG_CONFIG_HOME" ]; ok $? "nothing created a trust store"

# --- consent: --trust-solver once, or sheetpile trust ----------------------------------------
"$SP" run evil.ini -o once --quiet --no-plots --trust-solver; rc=$?
[ $rc = 0 ] && [ -e pwned ]; ok $? "--trust-solver: the command runs (exit $rc)"
rm -f pwned
"$SP" run evil.ini -o again --quiet 2>/dev/null; [ $? = 77 ] && no_pwned; ok $? "--trust-solver is for one invocation"
"$SP" trust evil.ini > trust.out; ok $? "sheetpile trust exits 0"
grep -q "^trusted: the \[solver\] command of evil.ini" trust.out && grep -q "touch $WORK/pwned" trust.out
ok $? "trust prints the command it trusts"
[ "$(stat -c %a "$STORE")" = 600 ] && [ "$(stat -c %a "$(dirname "$STORE")")" = 700 ]; ok $? "the store is 0600 in a 0700 folder"
"$SP" check evil.ini | grep -q '^solver trusted: yes'; ok $? "check says the command is trusted"
"$SP" run evil.ini -o trusted --quiet --no-plots; rc=$?
[ $rc = 0 ] && [ -e pwned ]; ok $? "after sheetpile trust: the command runs (exit $rc)"
rm -f pwned
"$SP" analyze evil.ini --profile "PU 22" --grade S355GP --length 12 --anchor-level 2 > an2.out; rc=$?
[ $rc = 0 ] && [ -e pwned ] && [ "$(wc -l < an2.out)" = 2 ]; ok $? "after sheetpile trust: analyze runs it (exit $rc)"
rm -f pwned
"$SP" trust evil.ini | grep -q '^already trusted'; ok $? "trusting again: already trusted"
[ "$(grep -c '^[0-9a-f]\{64\} ' "$STORE")" = 1 ]; ok $? "trusting again adds no line"

# --- a changed command is another command ---------------------------------------------------
solver_study changed.ini "command = sh -c 'touch $WORK/pwned;  exec {sheetpile} evaluate {input} -o {output}'"
"$SP" run changed.ini -o changed --quiet 2>/dev/null; rc=$?
[ $rc = 77 ] && no_pwned && [ ! -e changed ]; ok $? "an edited command (one more blank): exit 77 again (got $rc)"
"$SP" check changed.ini | grep -q '^solver trusted: no'; ok $? "check: the edited command is not trusted"
printf 'format = sheetpile-candidate-1\n' > deck.tpl
for k in study profile length_m anchor_level_m diagram_step_m; do printf '%s = {%s}\n' $k $k >> deck.tpl; done
solver_study templ.ini "command = sh -c 'touch $WORK/pwned; exec {sheetpile} evaluate deck.txt -o {output}'" \
  'input_format = template' 'input_template = deck.tpl' 'input_file = deck.txt'
"$SP" trust templ.ini > /dev/null && "$SP" run templ.ini -o t1 --quiet --no-plots && [ -e pwned ]
ok $? "a template study: trusted, it runs"
rm -f pwned
printf '# an edited template\n' >> deck.tpl
"$SP" run templ.ini -o t2 --quiet 2> t2.err; rc=$?
[ $rc = 77 ] && no_pwned && grep -q 'deck.tpl' t2.err; ok $? "an edited input template: exit 77 again (got $rc)"
mkdir bin1 bin2
printf '#!/bin/sh\nexec "$@"\n' > bin1/mysolver
printf '#!/bin/sh\ntouch %s/pwned\nexec "$@"\n' "$WORK" > bin2/mysolver
chmod +x bin1/mysolver bin2/mysolver
solver_study path.ini 'command = mysolver {sheetpile} evaluate {input} -o {output}'
PATH=$WORK/bin1:$PATH "$SP" trust path.ini | grep -q "program  $WORK/bin1/mysolver"; ok $? "trust names the program PATH finds"
PATH=$WORK/bin1:$PATH "$SP" run path.ini -o p1 --quiet --no-plots; ok $? "the trusted program runs"
PATH=$WORK/bin2:$PATH "$SP" run path.ini -o p2 --quiet 2>/dev/null; rc=$?
[ $rc = 77 ] && no_pwned; ok $? "the same name found elsewhere on PATH: exit 77 (got $rc)"

# --- a trust store that is not safely the user's is refused ---------------------------------
cp "$STORE" store.bak
refused() { # what
  "$SP" run evil.ini -o refused --quiet 2> refused.err; local rc=$?
  [ $rc = 77 ] && no_pwned && grep -q 'trust store .* is refused' refused.err; ok $? "$1: refused, exit 77 (got $rc)"
  "$SP" check evil.ini | grep -q '^solver trusted: no: the trust store'; ok $? "$1: check says why"
}
chmod 620 "$STORE"; refused "a group-writable store"
chmod 600 "$STORE"; chmod 770 "$(dirname "$STORE")"; refused "a group-writable store folder"
chmod 700 "$(dirname "$STORE")"
mv "$STORE" elsewhere; ln -s "$WORK/elsewhere" "$STORE"; refused "a store that is a symbolic link"
cp elsewhere elsewhere.before
"$SP" trust changed.ini > /dev/null 2> tl.err; rc=$?
[ $rc = 77 ] && cmp -s elsewhere elsewhere.before; ok $? "trust does not write through a symbolic link (exit $rc)"
rm "$STORE"; mv "$(dirname "$STORE")" storedir; ln -s "$WORK/storedir" "$(dirname "$STORE")"; cp store.bak storedir/trusted-solvers
refused "a store folder that is a symbolic link"
rm "$(dirname "$STORE")"; mv storedir "$(dirname "$STORE")"
"$SP" run evil.ini -o back --quiet --no-plots && [ -e pwned ]; ok $? "the store restored: trusted again"
rm -f pwned
if [ "$(id -u)" = 0 ]; then
  chown 12345 "$STORE"; refused "a store of another user"
  chown 0 "$STORE"
fi

# --- a profile named $(touch ...) inside sh -c '...' stays a name ---------------------------
{ head -1 "$ROOT/designs/profiles.csv"; grep '^PU 22,' "$ROOT/designs/profiles.csv" | sed "s|^PU 22|\$(touch $WORK/pwned)|"; } > evil.csv
sed -e "s|^catalogue = .*|catalogue = $WORK/evil.csv|" -e "s|^profiles = .*|profiles = \$(touch $WORK/pwned)|" base.ini > evilcat.ini
{ printf '\n[solver]\n'
  printf '%s\n' "command = sh -c 'echo {profile} \"{profile}\" \"\$(echo {profile})\" > names.txt; exec {sheetpile} evaluate {input} -o {output}'"
  printf 'keep_work = all\n'; } >> evilcat.ini
rm -f pwned
"$SP" trust evilcat.ini > /dev/null
"$SP" run evilcat.ini -o cat --quiet --no-plots; ok $? "a catalogue profile named \$(touch ...): the trusted run succeeds"
no_pwned; ok $? "a catalogue profile named \$(touch ...) inside sh -c: touch did not run"
n="\$(touch $WORK/pwned)"
[ "$(cat cat/work/a0/names.txt 2>/dev/null)" = "$n $n $n" ]; ok $? "the script saw the name as text, three times"

# --- control characters: refused in names, shown escaped in messages ------------------------
sed -e "s|^name = .*|name = Quay ${ESC}[2J wall|" base.ini > esc.ini
"$SP" run esc.ini -o esc --quiet > esc.out 2> esc.err; rc=$?
[ $rc = 65 ] && grep -q 'esc.ini:[0-9]*: \[study\] key .name.: .*control character' esc.err; ok $? "a study name with ESC[2J: exit 65 with file:line (got $rc)"
! has_esc esc.out esc.err && grep -qi 'Quay \\x1b\[2J wall' esc.err; ok $? "a study name with ESC[2J: shown escaped, never raw"
sed -e "s|^\[layer soft clay\]|[layer soft${ESC}[2Jclay]|" base.ini > layer.ini
"$SP" check layer.ini > layer.out 2> layer.err; rc=$?
[ $rc = 65 ] && grep -q 'layer.ini:[0-9]*: ' layer.err && ! has_esc layer.out layer.err; ok $? "a layer name with ESC: exit 65 with file:line, escaped (got $rc)"
sed -e "s|^grades = S355GP.*|grades = S355GP, S43${ESC}[2J0GP|" base.ini > grade.ini
"$SP" check grade.ini > grade.out 2> grade.err; rc=$?
[ $rc = 65 ] && grep -q 'grade.ini:[0-9]*: ' grade.err && ! has_esc grade.out grade.err; ok $? "a grade name with ESC: exit 65 with file:line, escaped (got $rc)"
sed -e "s|^profiles = .*|profiles = PU${ESC}[2J22|" base.ini > prof.ini
"$SP" check prof.ini > prof.out 2> prof.err; rc=$?
[ $rc = 65 ] && grep -q 'prof.ini:[0-9]*: ' prof.err && ! has_esc prof.out prof.err; ok $? "a profile name with ESC: exit 65 with file:line, escaped (got $rc)"
{ head -1 "$ROOT/designs/profiles.csv"; grep '^PU 22,' "$ROOT/designs/profiles.csv" | sed "s|^PU 22|PU${ESC}[2J22|"; } > esc.csv
sed -e "s|^catalogue = .*|catalogue = $WORK/esc.csv|" -e "s|^profiles = .*|profiles = all|" base.ini > esccat.ini
"$SP" check esccat.ini > esccat.out 2> esccat.err; rc=$?
[ $rc = 65 ] && grep -q 'esc.csv:2: ' esccat.err && ! has_esc esccat.out esccat.err; ok $? "a catalogue name with ESC: exit 65 with file:line (got $rc)"
# a study file whose *file name* holds ESC[2J: the summary and messages show it escaped
cp base.ini "q${ESC}[2J.ini"
"$SP" run "q${ESC}[2J.ini" -o qout --no-plots > q.out 2> q.err; rc=$?
[ $rc = 0 ] && ! has_esc q.out q.err && grep -qi 'q\\x1b\[2J.ini' q.out; ok $? "a study file named with ESC[2J: the summary shows it escaped (exit $rc)"
"$SP" check "q${ESC}[2J.ini" --bogus > qb.out 2> qb.err
! has_esc qb.out qb.err; ok $? "a usage error naming it: escaped"

finish
