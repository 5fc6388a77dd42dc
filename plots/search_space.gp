# The search space at the chosen design's grade and anchor option: every
# profile (by its mass per m2 of wall) at every length, the feasible designs
# in one colour and the others by the check that excludes them (the governing
# failed check, a failed analysis, or not analysed by the search), with the
# chosen design marked.
# Called by sheetpile as: gnuplot -e "datadir='...'; subtitle='...'" search_space.gp
# Data: search_space.dat (one block per class, its title first: length_m mass_kg_per_m2),
#       search_chosen.dat (length_m mass_kg_per_m2 of the chosen design)
set datafile missing "?"   # sheetpile writes ? where a value is missing
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
stats datafile = datadir.'/search_space.dat' using 1 nooutput
nblocks = STATS_blocks
# the title: the study and design on a line of their own, in a font that fits
# the 1000 px width (a character is about 0.6 x the font size wide)
tfs = int(1000 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1000,650 font ",11"; set output outdir.'/search_space.png' } \
  else { set terminal svg size 1000,650 dynamic font ",11"; set output outdir.'/search_space.svg' }
  set title sprintf("Search space at the chosen grade and anchor option, by governing check\n%s", subtitle) font sprintf(",%d", tfs)
  set grid
  set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
  set key outside right top
  set xlabel "pile length (m)"
  set ylabel "profile mass per m2 of wall (kg/m2)"
  plot for [i=0:nblocks-1] datadir.'/search_space.dat' index i using 1:2 with points pt 7 ps 0.8 title columnheader(1), \
       datadir.'/search_chosen.dat' using 1:2 with points pt 3 ps 3 lw 2 lc rgb "#000000" title "chosen design"
  unset output
}
