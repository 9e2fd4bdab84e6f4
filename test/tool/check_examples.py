#!/usr/bin/env python3
"""Checks the findings on examples/ against its BUG markers.

Every statement in examples/ that a check must flag has the comment
`// BUG(safedelete-<check>): ...` on the line directly above it. For each check
the tool lists as registered, this script requires a warning of that check on
the line below each of its markers, and no warning of it anywhere else.
Usage: check_examples.py EXAMPLES_DIR CHECKS_LISTED DIAGNOSTICS
"""
import collections
import glob
import os
import re
import sys

BUG = re.compile(r"//\s*BUG\((safedelete-[a-z-]+)\)")
WARN = re.compile(r"^(.*?):(\d+):\d+: warning: .* \[(safedelete-[a-z-]+)\]$")


def main():
    examples, listed_file, diags_file = sys.argv[1:4]
    with open(listed_file) as f:
        registered = set(re.findall(r"safedelete-[a-z-]+", f.read()))
    expected = collections.Counter()
    for path in glob.glob(os.path.join(examples, "*.cpp")):
        with open(path) as f:
            for number, line in enumerate(f, start=1):
                m = BUG.search(line)
                if m and m.group(1) in registered:
                    expected[(os.path.basename(path), number + 1, m.group(1))] += 1
    found = collections.Counter()
    with open(diags_file) as f:
        for line in f:
            m = WARN.match(line.rstrip("\n"))
            if m:
                found[(os.path.basename(m.group(1)), int(m.group(2)), m.group(3))] += 1
    missed = sorted(set(expected) - set(found))
    spurious = sorted(set(found) - set(expected))
    for file, line, check in missed:
        print("missed: %s:%d %s" % (file, line, check))
    for file, line, check in spurious:
        print("false positive: %s:%d %s" % (file, line, check))
    print("%d BUG markers of %d registered checks, %d flagged, %d missed, "
          "%d false positives" % (sum(expected.values()), len(registered),
                                  len(set(expected) & set(found)), len(missed),
                                  len(spurious)))
    return 1 if missed or spurious else 0


if __name__ == "__main__":
    sys.exit(main())
