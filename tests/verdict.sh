#!/usr/bin/env bash
# Every candidate's verdict (issue 15, point 6), end to end on the command line,
# checked row by row in results.csv by an independent awk:
#   - governing_check names the largest of the eight utilisations, and a
#     candidate is feasible exactly when every one is a number <= 1;
#   - heave (designs/excavation-below-water-table.ini, one gravel layer in the
#     prism, the excavation pumped to its floor): util_heave is the smaller of
#     EN 1997-1 (2.9a) and (2.9b) on Terzaghi's prism D x D/2 with the mean
#     excess head h_a = 0.353961 H of Harr's flow around a sheet pile
#     (docs/heave.md), by hand from each row's embedment; heave governs the
#     short walls and the chosen design;
#   - Kranz (designs/anchored-quay-wall.ini, [anchor] length_m): util_kranz =
#     design anchor force along the anchor x kranz_factor 1.5 / the allowable
#     force in the row; without [anchor] length_m both columns are empty.
# Usage: verdict.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
cd "$WORK"
D="$ROOT/designs"
AWKLIB=$(cat "$HERE/csvsplit.awk")
copy() { sed "s#^catalogue *= *#catalogue = $D/#; s#^grades *= *grades.csv#grades = $D/grades.csv#; ${3:-}" "$D/$1.ini" > "$2"; }
# awk over results.csv with the columns by name: c["name"]
rows() { awk "$AWKLIB"'{ sub(/\r$/, "") } NR == 1 { n = csvsplit($0, h, q, ","); for (i = 1; i <= n; i++) c[h[i]] = i; next }
  { csvsplit($0, f, q, ",") } '"$2" "$1"; }
UTILS='split("bending shear embedment anchor kranz heave deflection mobilised", k, " ")'

for s in excavation-below-water-table anchored-quay-wall; do
  copy $s $s.ini
  "$SP" run $s.ini -o $s --no-plots >/dev/null 2>&1; ok $? "$s: run"
  bad=$(rows $s/results.csv '
    f[c["status"]] !~ /^failed/ { '"$UTILS"'; gov = ""; top = -1; all = 1
      for (j = 1; j <= 8; j++) { u = f[c["util_" k[j]]]; if (u == "") u = 0
        if (u + 0 > top) { top = u + 0; gov = k[j] }; if (u + 0 > 1) all = 0 }
      if (gov != f[c["governing_check"]] || all != f[c["feasible"]] + 0) bad_n++ }
    END { print bad_n + 0 }')
  [ "$bad" = 0 ]; ok $? "$s: governing_check is the largest utilisation and feasible = all <= 1 ($bad rows differ)"
done

# heave by hand: gamma_w 9.81, H = 0 - (-6) = 6 m, gamma_sat 19 in the prism
bad=$(rows excavation-below-water-table/results.csv '
  f[c["status"]] !~ /^failed/ { D = f[c["embedment_available_m"]]; ha = 0.353961 * 6; gw = 9.81
    ua = 1.35 * gw * (D + ha) / (0.9 * 19 * D); ub = 1.35 * gw * ha / (0.9 * (19 - gw) * D)
    u = ua < ub ? ua : ub; if (u > 999) u = 999
    if ((f[c["util_heave"]] - u) > 5e-5 || (u - f[c["util_heave"]]) > 5e-5) bad_n++; m++ }
  END { print bad_n + 0, m + 0 }')
[ "${bad% *}" = 0 ] && [ "${bad#* }" -gt 1000 ]; ok $? "heave: util_heave = min(2.9a, 2.9b) by hand on every row ($bad: differing, rows)"
heave=$(rows excavation-below-water-table/results.csv '$0 ~ /,heave,/ || f[c["governing_check"]] == "heave" { bad_n++ } END { print bad_n + 0 }')
[ "$heave" -gt 100 ]; ok $? "heave governs the short walls ($heave candidates)"
gov=$(rows excavation-below-water-table/ranking.csv 'NR == 2 { print f[c["governing_check"]] }')
[ "$gov" = heave ]; ok $? "heave governs the chosen design ($gov)"

# Kranz: util = design force along the anchor (force per anchor / spacing 2.4) x 1.5 / allowable
bad=$(rows anchored-quay-wall/results.csv '
  f[c["status"]] !~ /^failed/ && f[c["anchor_level_m"]] != "" { m++
    a = f[c["kranz_allowable_anchor_force_kN_per_m"]]; F = f[c["anchor_force_per_anchor_kN"]] / 2.4
    u = a > 0 ? F * 1.5 / a : 999; if (u > 999) u = 999
    if (a == "" || (f[c["util_kranz"]] - u) > 2e-3 * u + 1e-4 || (u - f[c["util_kranz"]]) > 2e-3 * u + 1e-4) bad_n++ }
  END { print bad_n + 0, m + 0 }')
[ "${bad% *}" = 0 ] && [ "${bad#* }" -gt 1000 ]; ok $? "Kranz: util_kranz = force x 1.5 / allowable on every anchored row ($bad: differing, rows)"
copy anchored-quay-wall nolen.ini '/^length_m = 20 /d'
"$SP" run nolen.ini -o nolen --no-plots >/dev/null 2>&1; ok $? "the quay without [anchor] length_m runs"
n=$(rows nolen/results.csv 'f[c["kranz_allowable_anchor_force_kN_per_m"]] != "" || f[c["util_kranz"]] != "" { bad_n++ } END { print bad_n + 0 }')
[ "$n" = 0 ]; ok $? "without [anchor] length_m the Kranz columns are empty ($n rows filled)"
grep -q 'Kranz was not checked (no \[anchor\] length_m)' nolen/report.html; ok $? "the report says Kranz was not checked"
"$SP" check nolen.ini | grep -q '^kranz: not checked (no \[anchor\] length_m)$'; ok $? "sheetpile check says so too"
"$SP" check anchored-quay-wall.ini | grep -q '^kranz: anchorage 20.00 m along the anchor'; ok $? "check names the anchorage when given"
grep -q '<th>util Kranz</th><th>util heave</th>' anchored-quay-wall/report.html; ok $? "the report's best designs show util Kranz and util heave"

# an anchorage the Kranz check cannot model (its foot at the ground surface:
# anchor at the top, horizontal): util_kranz is no number, the candidate fails
# by kranz, and run.json stays JSON (null, never nan)
copy anchored-quay-wall top.ini 's/^levels_m = .*/levels_m = 3.0/; s/^inclination_deg = .*/inclination_deg = 0/'
"$SP" run top.ini -o top --no-plots > top.out 2>&1; ok $? "the quay anchored at its top, horizontally, runs"
n=$(rows top/results.csv 'f[c["status"]] !~ /^failed/ && f[c["util_kranz"]] == "" && f[c["governing_check"]] == "kranz" { bad_n++ } END { print bad_n + 0 }')
[ "$n" -gt 0 ]; ok $? "an anchorage that cannot be modelled: util_kranz empty (NaN) and kranz governs ($n rows)"
! grep -qi 'nan' top/run.json; ok $? "run.json holds no nan"
grep -q '"check": "kranz", "util_max": null' top/run.json; ok $? "the cheapest infeasible: util_max null"
grep -q "kranz could not be computed (the anchorage's foot is not below the retained surface)" top.out; ok $? "the summary says why"

finish
