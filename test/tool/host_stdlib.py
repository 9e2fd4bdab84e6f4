#!/usr/bin/env python3
"""Checks that no compile command of a build searches LLVM's include directory
before the host C++ standard library.

That directory also receives cxxabi.h, __cxxabi_config.h and unwind.h from
libc++abi-N-dev and libunwind-N-dev. For every distinct set of flags in
compile_commands.json this script requires that LLVM_INCLUDE_DIR is not given
as -I or -isystem, and preprocesses a probe that includes the runtime headers
and an LLVM header with those flags: it must preprocess, and none of the
runtime headers it includes may resolve to LLVM_INCLUDE_DIR (which only bites
when libc++abi-N-dev or libunwind-N-dev is installed).
Usage: host_stdlib.py COMPILE_COMMANDS_JSON LLVM_INCLUDE_DIR
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

PROBE = "#include <cxxabi.h>\n#include <exception>\n#include <unwind.h>\n" \
        "#include \"llvm/Support/Compiler.h\"\n"
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD"}


def probe_flags(entry):
    """The compiler and flags of one compile command, without its input,
    output and dependency-file arguments."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    kept, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in DROP_WITH_VALUE:
            skip = True
        elif arg not in DROP and arg != entry["file"] and \
                os.path.join(entry["directory"], arg) != entry["file"]:
            kept.append(arg)
    return tuple(kept)


def include_dirs(flags):
    """(flag, directory) of every -I and -isystem in flags."""
    for i, arg in enumerate(flags):
        for flag in ("-isystem", "-I"):
            if arg.startswith(flag):
                value = arg[len(flag):] or (flags[i + 1] if i + 1 < len(flags) else "")
                yield flag, value
                break


def inside_of(path, directory):
    """The first component of path below directory, by name or by the file it
    links to, or None if path lies outside it."""
    for resolve in (os.path.normpath, os.path.realpath):
        relative = os.path.relpath(resolve(path), resolve(directory))
        if not relative.startswith(os.pardir):
            return relative.split(os.sep)[0]
    return None


def main():
    commands_file, llvm_include = sys.argv[1:3]
    with open(commands_file) as f:
        entries = json.load(f)
    problems = []
    flag_sets = {}
    for entry in entries:
        flag_sets.setdefault(probe_flags(entry), entry)
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.cpp")
        with open(probe, "w") as f:
            f.write(PROBE)
        for flags, entry in flag_sets.items():
            name = os.path.basename(entry["file"])
            problems += ["%s: %s %s" % (name, flag, value)
                         for flag, value in include_dirs(flags)
                         if inside_of(value, llvm_include) == os.curdir]
            # -H lists the headers included, not those only probed by
            # __has_include_next (clang's unwind.h probes LLVM's, and -M lists it).
            out = subprocess.run(list(flags) + ["-E", "-H", "-o", os.devnull, probe],
                                 cwd=entry["directory"], stderr=subprocess.PIPE,
                                 universal_newlines=True)
            if out.returncode != 0:
                problems.append("%s: probe fails:\n%s" % (name, out.stderr))
                continue
            headers = [os.path.join(entry["directory"], line.split(" ", 1)[1])
                       for line in out.stderr.splitlines() if line.startswith(". ")]
            problems += ["%s: %s comes from LLVM's include directory" % (name, h)
                         for h in headers
                         if inside_of(h, llvm_include) not in (None, "llvm")]
    for problem in problems:
        print(problem)
    print("%d compile commands, %d flag sets, %d problems" %
          (len(entries), len(flag_sets), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
