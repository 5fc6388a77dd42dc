#!/usr/bin/env python3
"""Shrink a D-Sheet Piling .shd into a small fuzz seed: the input part keeps
only its construction-stage count, every [DATA] table keeps its first rows
(DataCount adjusted). Usage: trim_shd.py IN.shd OUT.shd [ROWS]"""
import sys

src, dst = sys.argv[1], sys.argv[2]
keep = int(sys.argv[3]) if len(sys.argv) > 3 else 3
lines = open(src, encoding='latin-1', newline='').read().split('\n')
out, i, in_input = [], 0, False
while i < len(lines):
    s = lines[i]
    t = s.strip()
    if t == '[INPUT DATA]':
        in_input = True
        out.append(s)
    elif t == '[END OF INPUT DATA]':
        in_input = False
        out.append(s)
    elif in_input:
        if 'Number of Construction stages' in s:
            out.append(s)
    elif t.startswith('DataCount='):
        # rows sit between [DATA] and [END OF DATA] further down
        j = i
        while j < len(lines) and lines[j].strip() not in ('[DATA]', '[END OF TABLE]'):
            j += 1
        if j == len(lines) or lines[j].strip() != '[DATA]':  # an empty table
            out.append(s)
            i += 1
            continue
        k = j + 1
        while lines[k].strip() != '[END OF DATA]':
            k += 1
        n = min(keep, k - j - 1)
        out.append(s.split('=')[0] + '=' + str(n) + ('\r' if s.endswith('\r') else ''))
        out.extend(lines[i + 1:j + 1])
        out.extend(lines[j + 1:j + 1 + n])
        i = k
        continue
    else:
        out.append(s)
    i += 1
open(dst, 'w', encoding='latin-1', newline='').write('\n'.join(out))
