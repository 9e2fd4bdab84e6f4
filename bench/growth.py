#!/usr/bin/env python3
"""How safedelete's cost grows (issue 17, item 3): its extra cost over a
cheap built-in check must stay flat per function and per file.

  functions  one generated file (gen_corpus.py) with F functions, for each F
             of --funcs: instructions under callgrind (deterministic) of
             -checks=-*,bugprone-inaccurate-erase and -*,safedelete-*, and
             the extra instructions per function
  files      N files of --file-funcs functions each, for each N of --files,
             in ONE clang-tidy process per configuration (per-process state
             that grew with the files would show here): CPU time, and the
             extra CPU per file

Usage: growth.py --tidy BIN [--funcs 10,100,1000] [--files 10,100,1000]
                 [--file-funcs 10] [-- compiler args]
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile

import gen_corpus
from instructions import instructions

CONFIGS = [("builtin", "-*,bugprone-inaccurate-erase"), ("ours", "-*,safedelete-*")]


def write_files(out, count, funcs):
    paths = []
    for n in range(count):
        parts = [gen_corpus.HEADER % {"n": n}]
        parts += [gen_corpus.BODIES[i % len(gen_corpus.BODIES)] % {"i": i}
                  for i in range(funcs)]
        parts.append(gen_corpus.FOOTER % {"n": n})
        path = os.path.join(out, "g%04d.cpp" % n)
        with open(path, "w") as f:
            f.write("".join(parts))
        paths.append(path)
    return paths


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def by_functions(opts, compiler, work):
    print("functions per file (one file), instructions under callgrind:")
    print("  %6s %16s %16s %14s %12s" % ("F", "builtin", "ours", "extra", "extra/F"))
    for funcs in opts.funcs:
        out = os.path.join(work, "f%d" % funcs)
        os.makedirs(out)
        path = write_files(out, 1, funcs)[0]
        counts = {name: instructions([opts.tidy, "-checks=" + spec, "--quiet", path, "--"]
                                     + compiler) for name, spec in CONFIGS}
        extra = counts["ours"] - counts["builtin"]
        print("  %6d %16d %16d %14d %12d" % (funcs, counts["builtin"], counts["ours"],
                                             extra, extra // funcs))
        sys.stdout.flush()


def by_files(opts, compiler, work):
    print("files (%d functions each) in one process, CPU seconds:" % opts.file_funcs)
    print("  %6s %10s %10s %10s %14s" % ("N", "builtin", "ours", "ratio", "extra/file ms"))
    for count in opts.files:
        out = os.path.join(work, "n%d" % count)
        os.makedirs(out)
        paths = write_files(out, count, opts.file_funcs)
        cpu = {name: cpu_seconds([opts.tidy, "-checks=" + spec, "--quiet"] + paths
                                 + ["--"] + compiler) for name, spec in CONFIGS}
        print("  %6d %10.2f %10.2f %10.4f %14.1f" % (
            count, cpu["builtin"], cpu["ours"], cpu["ours"] / cpu["builtin"],
            1000 * (cpu["ours"] - cpu["builtin"]) / count))
        sys.stdout.flush()


def counts(text):
    return [int(x) for x in text.split(",") if x]


def main():
    argv = sys.argv[1:]
    compiler = ["-std=c++17"]
    if "--" in argv:
        cut = argv.index("--")
        argv, compiler = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--funcs", type=counts, default=[10, 100, 1000])
    parser.add_argument("--files", type=counts, default=[10, 100, 1000])
    parser.add_argument("--file-funcs", type=int, default=10)
    opts = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="safedelete-growth.")
    try:
        if opts.funcs and shutil.which("valgrind"):
            by_functions(opts, compiler, work)
        elif opts.funcs:
            print("functions per file skipped: valgrind is not installed")
        if opts.files:
            by_files(opts, compiler, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
