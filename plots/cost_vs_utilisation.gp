# Cost against the largest utilisation of every candidate.
# Called by sheetpile as: gnuplot -e "datadir='...'; currency='EUR'" cost_vs_utilisation.gp
# Data: candidates.dat (cost_per_m util_max feasible), best.dat (cost_per_m util_max)
set datafile missing "?"   # sheetpile writes ? where a value is missing
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1100 px width (a character is about 0.6 x the font size wide)
tfs = int(1100 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1100,750 font ",11"; set output outdir.'/cost_vs_utilisation.png' } \
  else { set terminal svg size 1100,750 dynamic font ",11"; set output outdir.'/cost_vs_utilisation.svg' }
  set title sprintf("Cost against maximum utilisation\n%s", subtitle) font sprintf(",%d", tfs)
  set xlabel "maximum utilisation util\\_max (-), values above 3 drawn at 3"
  set ylabel sprintf("cost per m of wall (%s/m)", currency)
  set grid
  set key outside right top
  # utilisations above 3 are drawn at 3 (walls far too weak or too short)
  set xrange [0:3.05]
  clip(u) = u > 3 ? 3 : u
  set arrow 1 from 1, graph 0 to 1, graph 1 nohead dt 2 lc rgb "#aa0000"
  plot datadir.'/candidates.dat' using ($3 == 0 ? clip($2) : 1/0):1 with points pt 7 ps 0.4 lc rgb "#bbbbbb" title "infeasible", \
       datadir.'/candidates.dat' using ($3 == 1 ? clip($2) : 1/0):1 with points pt 7 ps 0.5 lc rgb "#1f77b4" title "feasible", \
       datadir.'/best.dat' using 2:1 with points pt 3 ps 3 lw 2 lc rgb "#d62728" title "best design"
  unset output
}
