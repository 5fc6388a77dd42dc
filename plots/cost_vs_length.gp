# Cheapest feasible cost against pile length, one line per profile (the cheapest profiles).
# Data: length.dat, one block per profile (two blank lines apart), first line "# name",
#       columns length_m cost_per_m; nprofiles = number of blocks
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1100 px width (a character is about 0.6 x the font size wide)
tfs = int(1100 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1100,750 font ",11"; set output outdir.'/cost_vs_length.png' } \
  else { set terminal svg size 1100,750 dynamic font ",11"; set output outdir.'/cost_vs_length.svg' }
  set title sprintf("Cheapest feasible design per profile and length\n%s", subtitle) font sprintf(",%d", tfs)
  set xlabel "pile length (m)"
  set ylabel sprintf("cost per m of wall (%s/m)", currency)
  set grid
  set key outside right top
  plot for [i=0:nprofiles-1] datadir.'/length.dat' index i using 1:2 with linespoints pt 5+(i%6) ps 0.7 lw 1.5 dt 1+int(i/8) title columnheader(1)
  unset output
}
