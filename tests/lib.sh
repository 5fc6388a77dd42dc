# The preamble of every check script tests/NAME.sh, which sources it first:
#   . "$(dirname "$0")/lib.sh"
# (with no arguments: the script's own, $1 = PATH/TO/sheetpile, stay as they
# are, so a script reads its extra arguments from $2 on as before). It sets
#   SP    the sheetpile under test ($1, made absolute)
#   HERE  tests/, ROOT the repository
#   WORK  a scratch directory, removed on exit (a script that needs more done
#         before that adds a command with `sp_cleanup 'COMMAND'`)
#   XDG_CONFIG_HOME  $WORK/config (exported): a private trust store
#   pass, fail  the counters of `ok`
# and defines
#   ok STATUS TEXT  counts a check: passed when STATUS is 0, else prints
#                   "FAIL TEXT" (with VERBOSE set, "ok TEXT" when it passed)
#   finish [PREFIX] prints the closing line "NAME: N passed, N failed" (NAME:
#                   the script's file name without .sh; PREFIX, when given,
#                   stands instead of "NAME: ") and returns 0 when no check
#                   failed, 1 otherwise: the script's last command
set -u
SP=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SP_NAME=$(basename "$0" .sh)
WORK=$(mktemp -d)
# sheetpile's trust store ([solver] commands) lives under $XDG_CONFIG_HOME:
# a private one, so that no test reads or writes the user's
export XDG_CONFIG_HOME=$WORK/config
SP_CLEANUP=()
sp_cleanup() { SP_CLEANUP+=("$1"); }
sp_exit() {
  local c
  for c in ${SP_CLEANUP[@]+"${SP_CLEANUP[@]}"}; do eval "$c"; done
  rm -rf "$WORK"
}
trap sp_exit EXIT
pass=0 fail=0
ok() {
  if [ "$1" = 0 ]; then
    pass=$((pass+1))
    if [ -n "${VERBOSE:-}" ]; then echo "ok $2"; fi
  else
    fail=$((fail+1)); echo "FAIL $2"
  fi
}
finish() {
  echo "${1-$SP_NAME: }$pass passed, $fail failed"
  [ "$fail" = 0 ]
}
