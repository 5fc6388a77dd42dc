# Each analysis's time, then the whole study in parallel (the makespan with the
# licences of the run) and in series (the sum): the gain of the licence pool.
# Data: timeline (timeline.csv): analysis_id,slot,start_s,end_s,duration_s,attempts,status,...
set datafile separator comma
stats timeline using 5 skip 1 nooutput name "D"
stats timeline using 3 skip 1 nooutput name "S"
stats timeline using 4 skip 1 nooutput name "E"
stats timeline using 2 skip 1 nooutput name "SLOT"
par = E_max - S_min
parlabel = sprintf("parallel, %d lic.", SLOT_max)
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1100 px width (a character is about 0.6 x the font size wide)
tfs = int(1100 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1100,600 font ",11"; set output outdir.'/case_times.png' } \
  else { set terminal svg size 1100,600 dynamic font ",11"; set output outdir.'/case_times.svg' }
  set title sprintf("Time of each analysis and of the whole study\n%s", subtitle) font sprintf(",%d", tfs)
  set xlabel "each analysis (by id), then the whole study in parallel and in series"
  set ylabel "time (s)"
  set yrange [0:*]
  set xrange [0:D_records + 8]
  set xtics nomirror font ",10"
  set grid y
  set key outside right top
  set boxwidth 0.8
  set style fill solid 0.7 border lc rgb "black"
  plot timeline skip 1 using ($0 + 1):5 with boxes lc rgb "#3b75af" title "each analysis", \
       '+' every ::0::0 using (D_records + 3):(par):xtic(parlabel) with boxes lc rgb "#e08a1e" title "whole study", \
       '+' every ::0::0 using (D_records + 6):(D_sum):xtic("series") with boxes lc rgb "#e08a1e" notitle, \
       '+' every ::0::0 using (D_records + 3):(par):(sprintf("%.2f s", par)) with labels offset 0,1 notitle, \
       '+' every ::0::0 using (D_records + 6):(D_sum):(sprintf("%.2f s", D_sum)) with labels offset 0,1 notitle
  unset output
}
