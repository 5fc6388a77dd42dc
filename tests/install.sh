#!/usr/bin/env bash
# Installed like real software (issue 17): a copy of the source tree is built
# (the sheetpile target only) and installed into a temporary prefix; the
# prefix is moved, the build and the source copy deleted, and the installed
# sheetpile runs a study from another directory, finding its catalogue and
# plot templates next to itself (share/sheetpile). Then SHEETPILE_DATA_DIR,
# the man page (every command and option of the program), the bash
# completion, and the .deb of CPack (dpkg -c lists the files; as root, when
# no sheetpile package is installed, dpkg -i / run / dpkg -r).
# Usage: install.sh PATH/TO/sheetpile (only for lib.sh: the test builds its own)
. "$(dirname "$0")/lib.sh"
cd "$WORK"
jobs=2

# the source copy: the files git knows (a clean clone), else the folders CMake reads
mkdir src-copy
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  # the tracked files and those not yet committed (a developer's tree), as they are in the work tree
  (cd "$ROOT" && { git ls-files -z; git ls-files -z --others --exclude-standard; } | xargs -0 tar cf - --ignore-failed-read) \
    | tar xf - -C src-copy && [ -s src-copy/CMakeLists.txt ]
else
  (cd "$ROOT" && tar cf - CMakeLists.txt cmake src tests bench designs plots docs completions README.md) | tar xf - -C src-copy
fi
ok $? "source copied"
cmake -S src-copy -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX="$WORK/prefix" >cfg.log 2>&1; ok $? "configure"
cmake --build build -j $jobs --target sheetpile >build.log 2>&1; ok $? "build sheetpile"
cmake --install build >install.log 2>&1; ok $? "cmake --install"
P=$WORK/prefix
for f in bin/sheetpile share/sheetpile/profiles.csv share/sheetpile/grades.csv share/sheetpile/plots/pareto.gp \
         share/sheetpile/plots/case_times.gp share/sheetpile/examples/cantilever-excavation-sand.ini \
         share/man/man1/sheetpile.1 share/doc/sheetpile/README.md share/doc/sheetpile/study-file.md \
         share/doc/sheetpile/spreadsheets.md share/doc/sheetpile/README-catalogue.md \
         share/bash-completion/completions/sheetpile; do
  [ -s "$P/$f" ]; ok $? "installed: $f"
done
[ "$(ls "$P/share/sheetpile/plots" | wc -l)" = "$(ls "$ROOT/plots"/*.gp | wc -l)" ]; ok $? "every plot template installed"
cmp -s "$P/share/sheetpile/profiles.csv" "$ROOT/designs/profiles.csv"; ok $? "the catalogue installed as shipped"

# cpack from the same build, before it is deleted
(cd build && cpack -G DEB >cpack.log 2>&1); ok $? "cpack -G DEB"
deb=$(ls build/sheetpile_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] && cp "$deb" sheetpile.deb; ok $? "a .deb is made ($(basename "${deb:-none}"))"

# the prefix moved, the build and the source copy gone
mv prefix moved
rm -rf build src-copy
B=$WORK/moved/bin/sheetpile
mkdir elsewhere && cd elsewhere
# (the debug information names the sources, as any -g build's does: the
# program's own bytes must not)
objcopy --strip-debug "$B" stripped 2>/dev/null || cp "$B" stripped
! grep -q -a -e "$ROOT" -e "$WORK/src-copy" stripped; ok $? "no source tree path in the program (debug information aside)"
"$B" --version > version.txt; ok $? "--version"
grep -q "^data: $WORK/moved/share/sheetpile (next to the executable)$" version.txt; ok $? "--version: the data next to the moved executable"
cp "$WORK/moved/share/sheetpile/examples/cantilever-excavation-sand.ini" study.ini
! grep -q '^catalogue' study.ini; ok $? "the installed example uses the installed catalogue"
env -u SHEETPILE_PLOTS_DIR "$B" run study.ini -o out --threads 2 --quiet 2>run.err; ok $? "the installed sheetpile runs a study from another directory"
[ "$(wc -l < out/results.csv)" -gt 1000 ] && [ -s out/ranking.csv ] && [ -s out/report.html ]; ok $? "results written"
if command -v gnuplot >/dev/null; then
  [ -s out/plots/pareto.svg ] && [ -s out/plots/cost_vs_length.png ]; ok $? "plots drawn from the installed templates"
fi
"$B" profiles | grep -q 'AZ 18-800'; ok $? "profiles: the installed catalogue"

# SHEETPILE_DATA_DIR overrides: a catalogue without AZ 18-800
mkdir data && cp -r "$WORK/moved/share/sheetpile/plots" data/ && cp "$WORK/moved/share/sheetpile/grades.csv" data/
grep -v '^"\?AZ 18-800' "$WORK/moved/share/sheetpile/profiles.csv" > data/profiles.csv
SHEETPILE_DATA_DIR=$PWD/data "$B" --version | grep -q "^data: $PWD/data (SHEETPILE_DATA_DIR)$"; ok $? "--version names SHEETPILE_DATA_DIR"
SHEETPILE_DATA_DIR=$PWD/data "$B" profiles > p.txt && ! grep -q 'AZ 18-800' p.txt && grep -q 'AZ 20-800' p.txt
ok $? "SHEETPILE_DATA_DIR: its catalogue"
SHEETPILE_DATA_DIR=$PWD/nowhere "$B" run study.ini -o none --quiet 2>none.err; [ $? = 66 ] && grep -q "$PWD/nowhere/profiles.csv" none.err
ok $? "SHEETPILE_DATA_DIR without a catalogue: exit 66 naming the file"
mv "$WORK/moved/share/sheetpile" "$WORK/moved/share/gone"
"$B" --version | grep -q 'NOT FOUND'; ok $? "--version says when no data is found"
mv "$WORK/moved/share/gone" "$WORK/moved/share/sheetpile"

# the man page: every command of the command table, every option of the parser
M=$WORK/moved/share/man/man1/sheetpile.1
man -l "$M" > man.txt 2>man.err || groff -man -Tutf8 "$M" > man.txt 2>man.err; ok $? "the man page renders"
man_txt=$(sed 's/.\x08//g' man.txt)
cmds=$(sed -n '/^} S_commands\[\] = {/,/^};/p' "$ROOT/src/cli/main.c" | grep -o '{"[a-z-]*"' | tr -d '{"')
opts=$(sed -n '/} opts\[\] = {/,/};/p' "$ROOT/src/cli/cli.c" | grep -o '{"-[a-z-]*"' | tr -d '{"')
[ "$(echo $cmds | wc -w)" -ge 10 ] && [ "$(echo $opts | wc -w)" -ge 18 ]; ok $? "commands and options read from the source"
for w in $cmds $opts --help --version; do
  grep -q -- "$w" <<<"$man_txt"; ok $? "man page names $w"
done
for s in NAME SYNOPSIS COMMANDS OPTIONS FILES ENVIRONMENT 'EXIT STATUS' EXAMPLE SPREADSHEETS; do
  grep -q "^$s" <<<"$man_txt"; ok $? "man page section $s"
done
for code in 0 64 65 66 70 73 74 75 77 128+N; do
  grep -q "^ *$code\( \|\$\)" <<<"$man_txt"; ok $? "man page exit status $code"
done
for f in results.csv ranking.csv pareto.csv search.csv best_diagrams.csv best_stages.csv sensitivity.csv run.json \
         report.html summary.csv index.html journal.txt timeline.csv SHEETPILE_DATA_DIR; do
  grep -q "$f" <<<"$man_txt"; ok $? "man page names $f"
done

# bash completion
comp() { bash -c ". '$WORK/moved/share/bash-completion/completions/sheetpile'; COMP_WORDS=($1); COMP_CWORD=$2; _sheetpile; echo \"\${COMPREPLY[*]}\""; }
[ "$(comp 'sheetpile ru' 1)" = run ]; ok $? "completion: commands"
[ "$(comp 'sheetpile run x.ini --results ""' 4)" = "all feasible none" ]; ok $? "completion: --results"
comp 'sheetpile run x.ini --re' 3 | grep -q -- '--results'; ok $? "completion: run's options"

# the .deb
if [ -s "$WORK/sheetpile.deb" ]; then
  dpkg -c "$WORK/sheetpile.deb" > deb.txt; ok $? "dpkg -c"
  for f in ./usr/bin/sheetpile ./usr/share/sheetpile/profiles.csv ./usr/share/sheetpile/grades.csv \
           ./usr/share/sheetpile/plots/pareto.gp ./usr/share/man/man1/sheetpile.1 ./usr/share/doc/sheetpile/README.md \
           ./usr/share/bash-completion/completions/sheetpile; do
    grep -q " $f\$" deb.txt; ok $? "the .deb holds $f"
  done
  dpkg-deb -f "$WORK/sheetpile.deb" Depends | grep -q libgsl27; ok $? "the .deb depends on the libraries"
  if [ "$(id -u)" = 0 ] && ! dpkg -s sheetpile >/dev/null 2>&1 && [ ! -e /usr/bin/sheetpile ]; then
    sp_cleanup 'dpkg -r sheetpile >/dev/null 2>&1'
    dpkg -i "$WORK/sheetpile.deb" > dpkg.log 2>&1; ok $? "dpkg -i (root)"
    /usr/bin/sheetpile --version | grep -q '^data: /usr/share/sheetpile (next to the executable)$'; ok $? "installed .deb: its data"
    /usr/bin/sheetpile run study.ini -o debout --quiet --no-plots 2>/dev/null && cmp -s debout/ranking.csv out/ranking.csv
    ok $? "installed .deb: the same ranking"
    dpkg -r sheetpile > dpkg.log 2>&1; ok $? "dpkg -r"
  else
    echo "note: the .deb was not installed (not root, or a sheetpile package is already installed)"
  fi
fi
finish
