# Gantt chart of the licence slots of a [solver] run: one bar per analysis on the slot
# that ran it, from its start to its end (the last attempt), failed ones in red.
# Data: timeline (timeline.csv): analysis_id,slot,start_s,end_s,duration_s,attempts,status,...
set datafile separator comma
stats timeline using 2 skip 1 nooutput name "SLOT"
stats timeline using 4 skip 1 nooutput name "END"
if (!exists("outdir")) outdir = datadir   # sheetpile draws into a scratch folder, then renames
# the title: the study and design on a line of their own, in a font that fits
# the 1100 px width (a character is about 0.6 x the font size wide)
tfs = int(1100 / (0.6 * (strlen(subtitle) + 4))); tfs = tfs > 11 ? 11 : (tfs < 6 ? 6 : tfs)
do for [term in "pngcairo svg"] {
  if (term eq "pngcairo") { set terminal pngcairo size 1100,500 font ",11"; set output outdir.'/gantt.png' } \
  else { set terminal svg size 1100,500 dynamic font ",11"; set output outdir.'/gantt.svg' }
  set title sprintf("Licence slots: %d analyses, makespan %.2f s\n%s", SLOT_records, END_max, subtitle) font sprintf(",%d", tfs)
  set xlabel "time since the first start (s)"
  set ylabel "licence slot"
  set yrange [0.4:SLOT_max+0.6]
  set ytics 1
  set xrange [0:*]
  set grid x
  set key outside right top
  set style fill solid 0.7 border lc rgb "black"
  plot timeline skip 1 using (($3+$4)/2):2:(($4-$3)/2):(0.35):(strcol(7) eq "ok" ? 0x3b75af : 0xc03030) \
       with boxxyerror lc rgb variable title "analysis (red: failed)"
  unset output
}
