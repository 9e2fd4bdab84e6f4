#!/usr/bin/env python3
"""Runs the lit cases of one check through other analyzers, case by case.

A case is one function of a lit file (test/checkers/<check>*.cpp); it is
"flagged" when the file expects a warning of ours in it (a CHECK-MESSAGES
warning line), "silent" otherwise. For every case the script says which
tools report something inside it:
  ours      safedelete-tidy -checks=-*,<check>
  csa       clang++ --analyze with alpha.cplusplus.InvalidatedIterator
  cppcheck  cppcheck --enable=all (iterator and lifetime ids only)
A file runs on the mock headers unless its RUN line says -real-stdlib.

Usage: side_by_side.py --tidy BIN --clangxx BIN CHECK FILE...
"""
import argparse
import collections
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MOCKS = os.path.join(HERE, "..", "test", "checkers", "Inputs", "Headers")
WARNING = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*?)(?: \[([\w.,-]+)\])?$")
EXPECTED = re.compile(r"CHECK-MESSAGES[\w-]*: :\[\[@LINE(-\d+)?\]\]:\d+: warning:")
FUNCTION = re.compile(r"^(  )?(template <[^>]*> )?(?!using |typedef |struct |class |"
                      r"namespace |return |#|//|\}|case |default:|(?:for|while|if|switch)\b)"
                      r"[A-Za-z_][^;=]*\(")
CPPCHECK_IDS = {"eraseDereference", "invalidContainer", "invalidContainerLoop",
                "invalidIterator1", "invalidIterator2", "derefInvalidIterator",
                "danglingReference", "danglingLifetime", "danglingTempReference",
                "invalidLifetime", "iterators1", "iterators2", "iterators3",
                "mismatchingContainers", "invalidContainerReference"}


def cases_of(lines):
    """(first line, last line, name) of each function, by indentation."""
    starts = []
    for number, line in enumerate(lines, 1):
        if FUNCTION.match(line):
            rest = "".join(lines[number - 1:number + 3])
            brace, semi = rest.find("{"), rest.find(";")
            if brace >= 0 and (semi < 0 or brace < semi):
                name = re.search(r"([\w~]+)\s*\(", line).group(1)
                starts.append((number, name))
    spans = []
    for index, (start, name) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        spans.append((start, end, name))
    return spans


def expected_lines(lines):
    found = set()
    for number, line in enumerate(lines, 1):
        m = EXPECTED.search(line)
        if m:
            found.add(number + int(m.group(1) or 0))
    return found


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    return p.stdout


def reported_lines(output, path, accept):
    lines = set()
    for line in output.splitlines():
        m = WARNING.match(line)
        if m and os.path.basename(m.group(1)).startswith(os.path.basename(path)[:-4]) \
                and accept(m.group(5), m.group(6) or ""):
            lines.add(int(m.group(2)))
    return lines


def tools(opts, check, path, flags):
    cleaned = tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False)
    with open(path, encoding="utf-8") as f:
        cleaned.write(re.sub(r"//\s*(CHECK|RUN)[^\n]*", "//", f.read()))
    cleaned.close()
    name = cleaned.name
    try:
        ours = run([opts.tidy, name, "--checks=-*," + check, "--quiet", "--"] + flags)
        csa = run([opts.clangxx, "--analyze", "-o", "/dev/null",
                   "-Xclang", "-analyzer-checker=alpha.cplusplus.InvalidatedIterator",
                   "-Xclang", "-analyzer-config",
                   "-Xclang", "aggressive-binary-operation-simplification=true",
                   name] + flags)
        cpp = run(["cppcheck", "--enable=all", "--inconclusive", "--std=c++17",
                   "--language=c++", "--library=std", "--quiet",
                   "--template={file}:{line}:{column}: warning: {message} [{id}]",
                   name])
        return {
            "ours": reported_lines(ours, name, lambda m, c: c.startswith("safedelete")),
            "csa": reported_lines(csa, name, lambda m, c: "InvalidatedIterator" in c),
            "cppcheck": reported_lines(cpp, name, lambda m, c: c in CPPCHECK_IDS),
        }, {"csa-crash": "PLEASE submit a bug report" in csa or "Stack dump" in csa}
    finally:
        os.unlink(name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("check")
    parser.add_argument("files", nargs="+")
    opts = parser.parse_args()
    names = ("ours", "csa", "cppcheck")
    total = collections.Counter()
    for path in opts.files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.splitlines(True)
        run_lines = "".join(l for l in lines if "RUN:" in l)
        std = "c++20" if "-std=c++20" in run_lines else "c++17"
        flags = ["-std=" + std, "-w"]
        if "-real-stdlib" not in run_lines:
            flags = ["-nostdinc++", "-isystem", MOCKS] + flags
        found, extra = tools(opts, opts.check, path, flags)
        expected = expected_lines(lines)
        print("== %s%s" % (os.path.basename(path),
                           "  (csa crashed)" if extra["csa-crash"] else ""))
        for start, end, name in cases_of(lines):
            flagged = any(start <= l <= end for l in expected)
            kind = "flagged" if flagged else "silent"
            hits = [t for t in names if any(start <= l <= end for l in found[t])]
            print("  %-7s %-40s %s" % (kind, name, " ".join(hits) or "-"))
            total[kind] += 1
            for t in hits:
                total[(kind, t)] += 1
    print("\ncases: %d flagged, %d silent" % (total["flagged"], total["silent"]))
    for t in names:
        print("  %-9s finds %3d of %d flagged, reports on %3d of %d silent"
              % (t, total[("flagged", t)], total["flagged"],
                 total[("silent", t)], total["silent"]))


if __name__ == "__main__":
    main()
