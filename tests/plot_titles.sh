#!/usr/bin/env bash
# No plot title is cut off at the left or right (issue 17, point 4): the
# licensed-solver example (its timeline and case-time plots cut theirs before)
# and the anchored quay, both with the longest study name a study may have
# (63 characters), drawn by gnuplot; in every SVG, every centred text's
# extent (the characters x 0.55 x the font size, Arial's mean width of about
# 0.5 em plus a margin) lies within the SVG's width (rotated axis labels aside).
# Usage: plot_titles.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
if ! command -v gnuplot >/dev/null; then echo "skipped: gnuplot is not installed"; exit 77; fi
D="$ROOT/designs"
name="A long study name for the quay wall of a new container terminal"
[ ${#name} = 63 ] || { echo "the test's name should be 63 characters, is ${#name}"; exit 1; }
for s in licensed-solver anchored-quay-wall; do
  sed "s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#; s/^name = .*/name = $name/; s/--delay 0.3/--delay 0.01/" "$D/$s.ini" > $s.ini
  "$SP" run $s.ini -o $s --trust-solver >/dev/null 2>&1; ok $? "$s: run"
  n=0
  for svg in $s/plots/*.svg; do
    n=$((n + 1))
    bad=$(awk '
      /viewBox="0 0 [0-9.]+ [0-9.]+"/ && !W { match($0, /viewBox="0 0 [0-9.]+/); W = substr($0, RSTART + 13, RLENGTH - 13) + 0 }
      /<g transform="translate\(/ && /text-anchor="middle"/ && !/rotate/ {
        match($0, /translate\([0-9.]+,/); x = substr($0, RSTART + 10, RLENGTH - 11) + 0
        match($0, /font-size="[0-9.]+"/); f = substr($0, RSTART + 11, RLENGTH - 12) + 0; pending = 1; next }
      pending && /<text>/ { t = $0; gsub(/<[^>]*>/, "", t); gsub(/^[ \t]+|[ \t]+$/, "", t); gsub(/&[a-z]+;/, "x", t)
        half = 0.55 * f * length(t) / 2
        if (x - half < 0 || x + half > W) { printf "%s (%.0f px wide at x %.0f of %.0f) ", substr(t, 1, 40), 2 * half, x, W }
        pending = 0 }' "$svg")
    [ -z "$bad" ] && grep -q 'viewBox="0 0 [0-9]' "$svg"; ok $? "$svg: no centred text beyond the edges ${bad:+($bad)}"
  done
  [ $n -ge 5 ]; ok $? "$s: $n SVG plots checked"
done
finish
