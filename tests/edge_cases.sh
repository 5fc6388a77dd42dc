#!/usr/bin/env bash
# Numerical edge cases (tests/data/edge): extreme but valid studies must give
# a result or a named failure status, and no NaN or inf may reach any output
# file (whole tokens, any case). Usage: edge_cases.sh PATH/TO/sheetpile
. "$(dirname "$0")/lib.sh"
EDGE="$HERE/data/edge"
cd "$WORK"
nonfinite='nan|[-+]?inf|[-+]?infinity'

# study, expectation (by reasoning, stated per case):
#   some-ok   at least one design is feasible
#   no-ok     no design can be feasible
#   failed:X  every candidate fails with the named reason X
#   any       a result or a named failure, nothing more is known
cases="
le-undrained-phi0 failed:no-driving-pressure
le-drained-phi0 failed:no-equilibrium-within-max-embedment
le-phi45-ec7 some-ok
le-phi45-coulomb any
le-retained-0.5 some-ok
le-retained-25 any
le-no-embedment no-ok
subgrade-soft any
subgrade-stiff some-ok
subgrade-no-embedment no-ok
"
# le-undrained-phi0: c_u = 40 kPa, gamma = 18 kN/m3, 10 kPa surcharge: the total
#   active pressure 18 z + 10 - 2*40 stays negative (a tension crack, taken as 0) down
#   to z = 70/18 = 3.9 m, below the 3.5 m excavation: nothing pushes the wall above the
#   excavation (the cut stands unsupported, H < 4 c_u / gamma = 8.9 m), for every
#   candidate, anchored or not.
# le-drained-phi0: K_a = K_p = 1 in the lower layer (phi' = 0, c' = 10 kPa):
#   at a depth d below the excavation the passive side gives (19 d + 2*10) / 1.5
#   (kp-factor 1.5), the active side 19 (3.5 + d) + 10 - 2*10 on the same level:
#   12.7 d + 13.3 < 19 d + 56.5 for every d >= 0, so no embedment balances it.
# le-phi45-ec7: phi' = 45 (K_a ~ 0.17, K_p > 10) for a 3.5 m cantilever with
#   8-12 m piles, 4.5 m or more of embedment: stable, small moments.
# le-retained-0.5: a 0.5 m step in sand; 3.5 m of embedment (4 m pile) holds it.
# le-no-embedment / subgrade-no-embedment: toes above, at or 1-5 cm below the
#   excavation level: nothing resists the retained earth below the anchor.
# subgrade-stiff: k_h = 10^8 kN/m3 makes the springs rigid-plastic; the quay
#   wall design still has feasible AZ 52-700 walls of 18 m.
while read -r name expect; do
  [ -z "$name" ] && continue
  "$SP" run "$EDGE/$name.ini" -o "$name" --threads 2 --quiet > "$name.out" 2> "$name.err"; rc=$?
  [ $rc = 0 ]; ok $? "$name: run exits 0 (got $rc: $(head -c 300 "$name.err"))"
  [ -s "$name/results.csv" ] || continue
  st=$(tail -n +2 "$name/results.csv" | cut -d, -f6 | tr -d '"\r' | sort -u)
  bad=$(echo "$st" | grep -Ev '^(ok|infeasible|failed:[a-z0-9 :_-]+)$')
  [ -z "$bad" ]; ok $? "$name: every status is ok, infeasible or failed:<reason> (got: $bad)"
  case $expect in
    some-ok) echo "$st" | grep -qx ok; ok $? "$name: some design is feasible" ;;
    no-ok) echo "$st" | grep -qx ok; [ $? = 1 ]; ok $? "$name: no design is feasible" ;;
    failed:*) [ "$st" = "$expect" ]; ok $? "$name: every candidate $expect (got: $st)" ;;
  esac
  # every output file (text, and the SVG plots), the messages included
  files=$(find "$name" -type f ! -name '*.png'; echo "$name.out"; echo "$name.err")
  hits=$(grep -Eilw "$nonfinite" $files)
  [ -z "$hits" ]; ok $? "$name: no NaN or inf in any output ($hits)"
  n=$(find "$name" -type f | wc -l)
  [ "$n" -ge 4 ]; ok $? "$name: outputs written ($n files)"
done <<< "$cases"

# one candidate analysed on its own, with its diagrams
"$SP" analyze "$EDGE/le-phi45-coulomb.ini" --profile "AZ 18-700" --grade S355GP --length 10 -o an > an.out 2> an.err
rc=$?; [ $rc = 0 ]; ok $? "analyze phi' = delta = 45 (Coulomb): exit 0 (got $rc)"
hits=$(grep -Eilw "$nonfinite" an.out an.err an/*); [ -z "$hits" ]; ok $? "analyze: no NaN or inf ($hits)"
finish
