# Displacement, bending moment, shear force and the total horizontal pressure
# on each side (effective + water) against level, one curve per construction
# stage, for the best design of a subgrade-reaction (beam engine) study.
# Data: best_stages.dat, one block per stage (gnuplot index = stage - 1):
#   level_m displacement_mm moment_kNm_per_m shear_kN_per_m left_total_kPa right_total_kPa
set datafile missing "?"   # sheetpile writes ? where a value is missing
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1500 px width (a character is about 0.6 x the font size wide)
tfs = int(1500 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1500,800 font ",11"; set output outdir.'/best_stages.png' } \
  else { set terminal svg size 1500,800 dynamic font ",11"; set output outdir.'/best_stages.svg' }
  set multiplot layout 1,4 title sprintf("Construction stages\n%s", subtitle) font sprintf(",%d", tfs)
  set grid
  set xzeroaxis; set yzeroaxis
  set key bottom left font ",9"
  set ylabel "level (m)"
  set xlabel "displacement (mm, + to the right)"
  plot for [i=0:nstages-1] datadir.'/best_stages.dat' index i using 2:1 with lines lw 2 title sprintf("stage %d", i+1)
  set ylabel ""
  set xlabel "bending moment (kNm/m)"
  plot for [i=0:nstages-1] datadir.'/best_stages.dat' index i using 3:1 with lines lw 2 title sprintf("stage %d", i+1)
  set xlabel "shear force (kN/m)"
  plot for [i=0:nstages-1] datadir.'/best_stages.dat' index i using 4:1 with lines lw 2 title sprintf("stage %d", i+1)
  set xlabel "pressure (kPa): left -, right +"
  plot for [i=0:nstages-1] datadir.'/best_stages.dat' index i using (-$5):1 with lines lw 2 dt 1 title sprintf("left %d", i+1), \
       for [i=0:nstages-1] datadir.'/best_stages.dat' index i using 6:1 with lines lw 2 dt 2 title sprintf("right %d", i+1)
  unset multiplot
  unset output
}
