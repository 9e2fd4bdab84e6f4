#!/usr/bin/env python3
"""Runs one clang-tidy check on a lit test file and verifies the result.

Our own small version of upstream's check_clang_tidy.py, with the same RUN
syntax:

  %check_clang_tidy [-std=c++17[-or-later]] [-check-suffix[es]=A,B]
                    [-fix-notes] [-real-stdlib] [-expect-clang-tidy-error]
                    [-strict-whitespace] <test.cpp> <check-name> <temp-file>
                    [-- <clang-tidy args> [-- <compiler args>]]

For every language standard it:
  1. copies the test (CHECK lines blanked, line numbers kept) and runs the
     check on the copy with -fix (and --fix-notes when asked);
  2. FileChecks the diagnostics against CHECK-MESSAGES (and CHECK-NOTES)
     lines, rejecting any other warning or error; with no such lines, any
     warning fails the test;
  3. FileChecks the fixed file against CHECK-FIXES (whole lines);
  4. compiles the fixed file with -fsyntax-only: a fix must compile;
  5. reruns the check on the fixed file: no warning whose fix was applied
     may come back.
The paths of clang-tidy (and the plugin), FileCheck and clang++ come from the
lit configuration.
"""

import argparse
import collections
import os
import re
import subprocess
import sys

STANDARDS = ["c++11", "c++14", "c++17", "c++20"]
CHECK_LINE = re.compile(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*")
DIAG_LINE = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<kind>warning|error|note): (?P<msg>.*?)(?: \[(?P<check>[^\]]+)\])?$")
FIX_APPLIED = "FIX-IT applied suggested code changes"


def fail(message, output=None):
    sys.stderr.write("check_clang_tidy: " + message + "\n")
    if output is not None:
        sys.stderr.write("------ output ------\n" + output + "--------------------\n")
    sys.exit(1)


def expand_standards(spec):
    result = []
    for item in spec.split(","):
        if item.endswith("-or-later"):
            first = item[: -len("-or-later")]
            if first not in STANDARDS:
                fail("unknown standard '%s'" % first)
            result += STANDARDS[STANDARDS.index(first):]
        else:
            result.append(item)
    return result


def run(args):
    proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return proc.returncode, proc.stdout


def parse_diagnostics(output):
    """Returns [(message, check, fixed)] for every warning in the output."""
    diags = []
    for line in output.splitlines():
        m = DIAG_LINE.match(line)
        if not m:
            continue
        if m.group("kind") == "warning":
            diags.append([m.group("msg"), m.group("check"), False])
        elif m.group("kind") == "note" and m.group("msg") == FIX_APPLIED and diags:
            diags[-1][2] = True
    return diags


def filecheck(opts, check_file, input_file, prefixes, extra):
    code, out = run([opts.filecheck, "-input-file=" + input_file, check_file,
                     "-check-prefixes=" + ",".join(prefixes)] + extra)
    if code != 0:
        fail("FileCheck failed for %s" % ",".join(prefixes), out)


def has_prefix(text, prefixes):
    return any(re.search(r"\b" + re.escape(p) + r":", text) for p in prefixes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--load")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--headers", required=True)
    parser.add_argument("-std", default="c++17")
    parser.add_argument("-check-suffix", "-check-suffixes", dest="suffixes", default="")
    parser.add_argument("-fix-notes", action="store_true")
    parser.add_argument("-real-stdlib", action="store_true")
    parser.add_argument("-expect-clang-tidy-error", action="store_true")
    # CHECK-FIXES lines then match indentation and spacing exactly.
    parser.add_argument("-strict-whitespace", action="store_true")
    parser.add_argument("input")
    parser.add_argument("check_name")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        cut = argv.index("--")
        argv, rest = argv[:cut], argv[cut + 1:]
    opts = parser.parse_args(argv)
    tidy_args, clang_args = rest, []
    if "--" in tidy_args:
        cut = tidy_args.index("--")
        tidy_args, clang_args = tidy_args[:cut], tidy_args[cut + 1:]

    with open(opts.input, encoding="utf-8") as f:
        original = f.read()

    suffixes = [s for s in opts.suffixes.split(",") if s]
    def prefixes(base):
        # Like upstream: a suffix need not have lines of every kind.
        if not suffixes:
            return [base]
        named = ["%s-%s" % (base, s) for s in suffixes]
        return [p for p in named if has_prefix(original, [p])] or named
    cleaned = CHECK_LINE.sub("//", original)
    has_messages = has_prefix(original, prefixes("CHECK-MESSAGES"))
    has_notes = has_prefix(original, prefixes("CHECK-NOTES"))
    has_fixes = has_prefix(original, prefixes("CHECK-FIXES"))

    tidy = [opts.clang_tidy] + (["--load=" + opts.load] if opts.load else [])
    for std in expand_standards(opts.std):
        flags = ["-std=" + std]
        if not opts.real_stdlib:
            flags += ["-nostdinc++", "-isystem", opts.headers]
        flags += clang_args
        temp = "%s-%s.cpp" % (opts.temp, std)
        with open(temp, "w", encoding="utf-8") as f:
            f.write(cleaned)

        command = tidy + [temp, "-fix", "--checks=-*," + opts.check_name]
        if opts.fix_notes:
            command.append("--fix-notes")
        code, output = run(command + tidy_args + ["--"] + flags)
        if code != 0 and not opts.expect_clang_tidy_error:
            fail("clang-tidy exited with %d (-std=%s)" % (code, std), output)
        if code == 0 and opts.expect_clang_tidy_error:
            fail("clang-tidy was expected to fail (-std=%s)" % std, output)

        output_file = temp + ".msg"
        with open(output_file, "w", encoding="utf-8") as f:
            f.write(output)
        if has_messages:
            filecheck(opts, opts.input, output_file, prefixes("CHECK-MESSAGES"),
                      ["-implicit-check-not={{warning|error}}:"])
        elif not opts.expect_clang_tidy_error and re.search(r"\b(warning|error):", output):
            fail("unexpected diagnostics (-std=%s); the test has no CHECK-MESSAGES" % std,
                 output)
        if has_notes:
            notes_file = temp + ".notes"
            with open(notes_file, "w", encoding="utf-8") as f:
                f.write("".join(l + "\n" for l in output.splitlines()
                                if FIX_APPLIED not in l))
            filecheck(opts, opts.input, notes_file, prefixes("CHECK-NOTES"),
                      ["-implicit-check-not={{note|warning|error}}:"])
        if has_fixes:
            filecheck(opts, opts.input, temp, prefixes("CHECK-FIXES"),
                      ["--match-full-lines"] +
                      (["--strict-whitespace"] if opts.strict_whitespace else []))
        if opts.expect_clang_tidy_error:
            continue

        code, out = run([opts.clangxx, "-fsyntax-only", "-w"] + flags + [temp])
        if code != 0:
            fail("the fixed file does not compile (-std=%s)" % std, out)

        diags = parse_diagnostics(output)
        unfixed = collections.Counter(d[0] for d in diags if not d[2])
        code, output = run(tidy + [temp, "--checks=-*," + opts.check_name]
                           + tidy_args + ["--"] + flags)
        if code != 0:
            fail("clang-tidy failed on the fixed file (-std=%s)" % std, output)
        again = collections.Counter(d[0] for d in parse_diagnostics(output))
        for message, count in again.items():
            if count > unfixed[message]:
                fail("a fixed site still warns after the fix (-std=%s): %s"
                     % (std, message), output)


if __name__ == "__main__":
    main()
