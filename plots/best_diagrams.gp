# Net pressure, shear force and bending moment against level for the best design.
# Data: best_diagram.dat (level_m net_pressure_kPa shear_kN_per_m moment_kNm_per_m),
#       levels.dat (excavation level, anchor level or ?)
set datafile missing "?"   # sheetpile writes ? where a value is missing
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1200 px width (a character is about 0.6 x the font size wide)
tfs = int(1200 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1200,750 font ",11"; set output outdir.'/best_diagrams.png' } \
  else { set terminal svg size 1200,750 dynamic font ",11"; set output outdir.'/best_diagrams.svg' }
  set multiplot layout 1,3 title sprintf("Best design\n%s", subtitle) font sprintf(",%d", tfs)
  set grid
  set ylabel "level (m)"
  set key bottom right
  set xzeroaxis; set yzeroaxis
  set xlabel "net pressure (kPa)"
  plot datadir.'/best_diagram.dat' using 2:1 with lines lw 2 lc rgb "#1f77b4" title "net pressure"
  set xlabel "shear force (kN/m)"
  set ylabel ""
  plot datadir.'/best_diagram.dat' using 3:1 with lines lw 2 lc rgb "#2ca02c" title "shear"
  set xlabel "bending moment (kNm/m)"
  plot datadir.'/best_diagram.dat' using 4:1 with lines lw 2 lc rgb "#d62728" title "moment"
  unset multiplot
  unset output
}
