# csvsplit.awk - a CSV field splitter for the shell tests, written from the
# RFC 4180 rules (not from sheetpile's code): fields separated by `sep`,
# quoted fields may hold the separator and doubled quotes. Fills f[1..n]
# with the field text and quoted[1..n] with 1 for quoted fields; returns n.
# The line must not end with CR (strip it first).
function csvsplit(s, f, quoted, sep,    n, i, c, q, v, wasq, len) {
  n = 0; v = ""; q = 0; wasq = 0; len = length(s)
  for (i = 1; i <= len; i++) {
    c = substr(s, i, 1)
    if (q) {
      if (c == "\"") {
        if (substr(s, i + 1, 1) == "\"") { v = v c; i++ } else q = 0
      } else v = v c
    } else if (c == "\"") { q = 1; wasq = 1 }
    else if (c == sep) { n++; f[n] = v; quoted[n] = wasq; v = ""; wasq = 0 }
    else v = v c
  }
  n++; f[n] = v; quoted[n] = wasq
  return n
}
