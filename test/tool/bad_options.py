#!/usr/bin/env python3
"""Runs one check over a table of bad option values and checks that each is
reported by a named [clang-tidy-config] message, and that nothing crashes.

Usage: bad_options.py TABLE CHECK INPUT TIDY-COMMAND... -- COMPILER-ARGS...

TABLE holds lines `ROW: Option | value => expected message` (other lines
are ignored). The value is a Python expression (so a huge value is written
`"::a;" * 20000`); an empty expected message means the value is valid and
nothing may be reported about the option. Rows are grouped into as few runs
as possible: one value per option and run. The options go into a
.clang-tidy file next to a copy of INPUT, as huge values do not fit on a
command line.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def read_table(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        for lead in ("#", "//"):
            if line.startswith(lead):
                line = line[len(lead):].strip()
        if not line.startswith("ROW:"):
            continue
        option, rest = line[4:].split("|", 1)
        value, expected = rest.split("=>", 1)
        option, expected = option.strip(), expected.strip()
        rows.append((option, eval(value, {"__builtins__": {"range": range}}), expected))
    return rows


def runs(rows):
    batches = []
    for row in rows:
        for batch in batches:
            if all(other[0] != row[0] for other in batch):
                batch.append(row)
                break
        else:
            batches.append([row])
    return batches


def main():
    table, check, source = sys.argv[1:4]
    rest = sys.argv[4:]
    split = rest.index("--")
    tidy, compile_args = rest[:split], rest[split:]
    rows = read_table(table)
    if not rows:
        sys.exit("bad_options.py: no ROW: lines in %s" % table)
    failures = []
    for batch in runs(rows):
        config = {"Checks": "-*," + check,
                  "CheckOptions": [{"key": "%s.%s" % (check, option), "value": value}
                                   for option, value, _ in batch]}
        with tempfile.TemporaryDirectory() as work:
            with open(os.path.join(work, ".clang-tidy"), "w") as f:
                json.dump(config, f)
            copy = os.path.join(work, os.path.basename(source))
            shutil.copy(source, copy)
            done = subprocess.run(tidy + [copy] + compile_args, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        output = done.stdout
        if done.returncode != 0 or "Stack dump" in output:
            failures.append("run with %s exited %d:\n%s" %
                            ([r[0] for r in batch], done.returncode, output[-3000:]))
            continue
        config_lines = [l for l in output.splitlines() if l.endswith("[clang-tidy-config]")]
        for option, value, expected in batch:
            about = [l for l in config_lines if "option '%s'" % option in l or
                     "option '%s.%s'" % (check, option) in l]
            shown = value if len(value) < 60 else value[:30] + "..." + value[-20:]
            if expected and not any(expected in l for l in about):
                failures.append("%s = %r: expected %r, got:\n  %s" %
                                (option, shown, expected, "\n  ".join(about) or "nothing"))
            if not expected and about:
                failures.append("%s = %r: expected nothing, got:\n  %s" %
                                (option, shown, "\n  ".join(about)))
    print("%d rows in %d runs" % (len(rows), len(runs(rows))))
    if failures:
        sys.exit("\n".join(failures))


if __name__ == "__main__":
    main()
