#!/usr/bin/env python3
"""Measures what safedelete costs on top of a clang-tidy run.

Runs one clang-tidy process over the same files in three configurations,
interleaved, several times, and prints median wall times and ratios:
  parse    -checks=-*,misc-unused-alias-decls (a check that matches only
           namespace aliases: the run is the parse; clang-tidy refuses to run
           with no check at all)
  builtin  -checks=-*,bugprone-inaccurate-erase (a cheap upstream check)
  ours     -checks=-*,safedelete-*
then one --enable-check-profile run with ours and the built-in check together.
Ratios, not absolute times, are the result: they hold across machines.

Usage: run.py --tidy BIN [--load PLUGIN] [--runs N] [-p BUILD_DIR] FILE...
              [-- compiler args]
"""
import argparse
import re
import statistics
import subprocess
import sys
import time

CONFIGS = [("parse", "-*,misc-unused-alias-decls"),
           ("builtin", "-*,bugprone-inaccurate-erase"),
           ("ours", "-*,safedelete-*")]


def command_line(add_arguments=None):
    """Reads `--tidy BIN [--load PLUGIN] [-p BUILD_DIR] FILE... [-- compiler
    args]` (and what add_arguments adds); returns the options, the clang-tidy
    command before -checks and the files and flags after it."""
    argv = sys.argv[1:]
    compiler = []
    if "--" in argv:
        cut = argv.index("--")
        argv, compiler = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--load")
    parser.add_argument("-p", dest="build_dir", help="compile_commands.json dir")
    parser.add_argument("files", nargs="+")
    if add_arguments:
        add_arguments(parser)
    opts = parser.parse_args(argv)
    tidy = [opts.tidy] + (["--load=" + opts.load] if opts.load else [])
    if opts.build_dir:
        tidy.append("-p=" + opts.build_dir)
    return opts, tidy, opts.files + (["--"] + compiler if compiler else [])


def main():
    opts, tidy, tail = command_line(
        lambda parser: parser.add_argument("--runs", type=int, default=5))

    times = {name: [] for name, _ in CONFIGS}
    for _ in range(opts.runs):
        for name, checks in CONFIGS:
            start = time.monotonic()
            subprocess.run(tidy + ["-checks=" + checks, "--quiet"] + tail,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.monotonic() - start)
    median = {name: statistics.median(t) for name, t in times.items()}
    print("%d files, %d runs each, median wall time:" % (len(opts.files), opts.runs))
    for name, checks in CONFIGS:
        print("  %-8s %7.3f s   (%s)" % (name, median[name], checks))
    print("ratio ours/parse   = %.3f" % (median["ours"] / median["parse"]))
    print("ratio ours/builtin = %.3f" % (median["ours"] / median["builtin"]))
    print("ratio builtin/parse = %.3f" % (median["builtin"] / median["parse"]))

    proc = subprocess.run(
        tidy + ["-checks=-*,safedelete-*,bugprone-inaccurate-erase",
                "--enable-check-profile", "--quiet"] + tail,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    totals = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"\s*[\d.]+ \(\s*[\d.]+%\)\s+[\d.]+ \(\s*[\d.]+%\)\s+"
                     r"[\d.]+ \(\s*[\d.]+%\)\s+([\d.]+) \(\s*[\d.]+%\)\s+(\S+)$", line)
        if m:
            totals[m.group(2)] = totals.get(m.group(2), 0.0) + float(m.group(1))
    print("check profile (wall seconds summed over files, matchers + callbacks):")
    for check in sorted(totals):
        print("  %-40s %8.4f s  (%.2f%% of the parse-only run)"
              % (check, totals[check], 100 * totals[check] / median["parse"]))


if __name__ == "__main__":
    main()
