#!/usr/bin/env python3
"""Counts the instructions each check adds to a clang-tidy run.

Wall times on a shared machine move by several per cent between runs;
instruction counts under callgrind do not. For every configuration below it
runs one clang-tidy process under `valgrind --tool=callgrind` over the same
files and prints the instructions executed and the ratio to the parse-only
run and to the cheap built-in check:
  parse    -checks=-*,misc-unused-alias-decls (the run is the parse)
  builtin  -checks=-*,bugprone-inaccurate-erase (a cheap upstream check)
  <check>  -checks=-*,<check>, for every safedelete check
  ours     -checks=-*,safedelete-*

Usage: instructions.py --tidy BIN [--load PLUGIN] [-p BUILD_DIR] FILE...
                       [-- compiler args]
"""
import re
import shutil
import subprocess
import sys
import tempfile

from run import command_line


def instructions(cmd):
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=" + out.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for line in open(out.name, encoding="utf-8", errors="replace"):
            m = re.match(r"(?:summary|totals): (\d+)", line)
            if m:
                return int(m.group(1))
    sys.exit("callgrind wrote no instruction count for: " + " ".join(cmd))


def main():
    opts, tidy, tail = command_line()
    if not shutil.which("valgrind"):
        print("instruction counts skipped: valgrind is not installed "
              "(apt-get install valgrind)")
        return
    listed = subprocess.run(tidy + ["-checks=-*,safedelete-*", "--list-checks"],
                            stdout=subprocess.PIPE, universal_newlines=True)
    checks = re.findall(r"^\s+(safedelete-[\w-]+)$", listed.stdout, re.M)
    configs = [("parse", "-*,misc-unused-alias-decls"),
               ("builtin", "-*,bugprone-inaccurate-erase")]
    configs += [(check, "-*," + check) for check in checks]
    configs.append(("ours", "-*,safedelete-*"))

    print("%d files, instructions under callgrind:" % len(opts.files))
    counts = {name: instructions(tidy + ["-checks=" + spec, "--quiet"] + tail)
              for name, spec in configs}
    for name, _ in configs:
        print("  %-36s %14d   to parse %.4f   to builtin %.4f"
              % (name, counts[name], counts[name] / counts["parse"],
                 counts[name] / counts["builtin"]))

if __name__ == "__main__":
    main()
