# The Pareto front of the feasible designs over cost, embodied CO2 and the
# third criterion (maximum displacement when the engine gives it, else util_max),
# drawn as two projections, with the chosen design (ranked first) marked.
# Called by sheetpile as: gnuplot -e "datadir='...'; currency='EUR'; third='...'" pareto.gp
# Data: candidates.dat (cost_per_m util_max feasible co2_kg_per_m third),
#       pareto.dat (cost_per_m co2_kg_per_m third), best.dat (cost_per_m util_max co2_kg_per_m third)
set datafile missing "?"   # sheetpile writes ? where a value is missing
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1400 px width (a character is about 0.6 x the font size wide)
tfs = int(1400 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1400,650 font ",11"; set output outdir.'/pareto.png' } \
  else { set terminal svg size 1400,650 dynamic font ",11"; set output outdir.'/pareto.svg' }
  set multiplot layout 1,2 title sprintf("Pareto front of the feasible designs\n%s", subtitle) font sprintf(",%d", tfs)
  set grid
  set key top right
  set xlabel sprintf("cost per m of wall (%s/m)", currency)
  set ylabel "embodied CO2 per m of wall (kg CO2e/m)"
  plot datadir.'/candidates.dat' using ($3 == 1 ? $1 : 1/0):4 with points pt 7 ps 0.4 lc rgb "#bbbbbb" title "feasible", \
       datadir.'/pareto.dat' using 1:2 with points pt 7 ps 0.9 lc rgb "#1f77b4" title "Pareto front", \
       datadir.'/best.dat' using 1:3 with points pt 3 ps 3 lw 2 lc rgb "#d62728" title "chosen design"
  set ylabel third
  plot datadir.'/candidates.dat' using ($3 == 1 ? $1 : 1/0):5 with points pt 7 ps 0.4 lc rgb "#bbbbbb" title "feasible", \
       datadir.'/pareto.dat' using 1:3 with points pt 7 ps 0.9 lc rgb "#1f77b4" title "Pareto front", \
       datadir.'/best.dat' using 1:4 with points pt 3 ps 3 lw 2 lc rgb "#d62728" title "chosen design"
  unset multiplot
  unset output
}
