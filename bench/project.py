#!/usr/bin/env python3
"""What safedelete costs on your own code.

Takes a build directory with a compile_commands.json (any project), samples N
of its translation units (deterministically: evenly spaced over the sorted
file names) and runs, over the same files in one run, interleaved:
  A   clang++ -fsyntax-only with each file's own flags
  B   clang-tidy with one cheap built-in check (misc-unused-alias-decls)
  C   clang-tidy --load=libSafeDeleteModule.so with safedelete-*
  B'  safedelete-tidy (the drop-in driver) with the same built-in check
  C'  safedelete-tidy with safedelete-*
and safedelete-tidy with each safedelete check alone. It prints CPU and wall
time medians with their spread over the runs, the peak RSS of the largest
translation unit, and with --instructions the instructions each
configuration executes under callgrind (slow, but they do not move with the
load of the machine). Ratios: C/A, C/B, C'/B', each check / B'.

Usage: project.py BUILD_DIR [-n N] [--runs R] [--jobs J] [--instructions]
                  [--alone CHECK,...|none] [--safedelete-build DIR]
                  [--extra-arg ARG]...
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

BUILTIN = "misc-unused-alias-decls"
SOURCE_SUFFIXES = (".cpp", ".cc", ".cxx", ".c++", ".C", ".cp")
# Compile-command arguments that write files (with their value) or compile.
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD"}


class Usage(Exception):
    """Bad input: reported as one line, exit status 2."""


def parse_arguments(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(
        description="Cost of safedelete on the translation units of a "
        "project, against clang++ -fsyntax-only and a cheap built-in check.")
    parser.add_argument("build_dir", help="directory with compile_commands.json")
    parser.add_argument("-n", type=int, default=20, dest="count",
                        help="translation units to sample (default 20)")
    parser.add_argument("--runs", type=int, default=3,
                        help="timed runs of every configuration (default 3)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes at once (default 1)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions under callgrind "
                        "(valgrind; about 50 times slower than a run)")
    parser.add_argument("--safedelete-build",
                        default=os.path.join(here, "..", "build", "llvm-19"),
                        help="safedelete's build directory (default "
                        "build/llvm-19)")
    parser.add_argument("--safedelete-tidy", help="safedelete-tidy (default: "
                        "in that build directory)")
    parser.add_argument("--plugin", help="libSafeDeleteModule.so (default: "
                        "in that build directory)")
    parser.add_argument("--clang-tidy", help="clang-tidy that loads the "
                        "plugin (default: the one it was built for)")
    parser.add_argument("--clangxx", help="clang++ for A (default: next to "
                        "that clang-tidy)")
    parser.add_argument("--builtin", default=BUILTIN,
                        help="the cheap built-in check of B (default %s)" % BUILTIN)
    parser.add_argument("--alone", default="all",
                        help="safedelete checks to run alone, comma-separated "
                        "names without 'safedelete-' (default all; 'none')")
    parser.add_argument("--extra-arg", action="append", default=[],
                        help="compiler argument added to every command")
    opts = parser.parse_args(argv)
    opts.build_dir = os.path.abspath(opts.build_dir)
    if opts.count < 1 or opts.runs < 1 or opts.jobs < 1:
        raise Usage("-n, --runs and --jobs must be at least 1")
    return opts


def read_database(build_dir):
    """The compile commands of C++ sources, one per file, sorted by file."""
    path = os.path.join(build_dir, "compile_commands.json")
    if not os.path.isfile(path):
        raise Usage("no compile_commands.json in '%s'" % build_dir)
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        raise Usage("cannot read '%s': %s" % (path, e))
    if not isinstance(entries, list):
        raise Usage("'%s' is not a list of compile commands" % path)
    commands = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) \
                or not isinstance(entry.get("directory"), str):
            raise Usage("'%s' has an entry without 'file' and 'directory'" % path)
        if "arguments" in entry and isinstance(entry["arguments"], list):
            args = [str(a) for a in entry["arguments"]]
        elif isinstance(entry.get("command"), str):
            args = shlex.split(entry["command"])
        else:
            raise Usage("'%s' has an entry without 'command' or 'arguments'" % path)
        file = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        if file.endswith(SOURCE_SUFFIXES) and os.path.isfile(file):
            commands.setdefault(file, (entry["directory"], args))
    if not commands:
        raise Usage("'%s' lists no existing C++ source file" % path)
    return commands


def sample(files, count):
    """count files evenly spaced over the sorted list: the same every run."""
    files = sorted(files)
    if count >= len(files):
        return files
    return [files[i * len(files) // count] for i in range(count)]


def syntax_only(clangxx, directory, args, file, extra):
    """The compile command of file as a clang++ -fsyntax-only command."""
    out = [clangxx]
    skip = False
    for arg in args[1:]:
        if skip:
            skip = False
        elif arg in DROP_WITH_VALUE:
            skip = True
        elif arg in DROP or (arg.startswith("-o") and len(arg) > 2):
            pass
        elif os.path.normpath(os.path.join(directory, arg)) == file:
            pass
        else:
            out.append(arg)
    return out + extra + ["-fsyntax-only", file]


def tools(opts):
    build = opts.safedelete_build
    tidy = opts.safedelete_tidy or os.path.join(build, "safedelete-tidy")
    plugin = opts.plugin or os.path.join(build, "libSafeDeleteModule.so")
    if not os.access(tidy, os.X_OK):
        raise Usage("no safedelete-tidy at '%s' (pass --safedelete-build)" % tidy)
    host = opts.clang_tidy
    if not host:
        cache = os.path.join(build, "CMakeCache.txt")
        if os.path.isfile(cache):
            with open(cache, encoding="utf-8", errors="replace") as f:
                m = re.search(r"^SAFEDELETE_CLANG_TIDY:\w+=(.+)$", f.read(), re.M)
            host = m.group(1).strip() if m else None
    if not host or not os.access(host, os.X_OK):
        raise Usage("no clang-tidy to load the plugin (pass --clang-tidy)")
    clangxx = opts.clangxx or os.path.join(os.path.dirname(host), "clang++")
    if not os.access(clangxx, os.X_OK):
        raise Usage("no clang++ at '%s' (pass --clangxx)" % clangxx)
    if opts.plugin and not os.path.isfile(plugin):
        raise Usage("no plugin at '%s'" % plugin)
    if not os.path.isfile(plugin):
        plugin = None  # built without one: C is left out
    return tidy, host, plugin, clangxx


def configurations(opts, tidy, host, plugin, clangxx, checks):
    """(label, description, command maker): the maker turns (directory, args,
    file) into the command line for that file."""
    def tidy_run(binary, load, spec):
        base = [binary] + (["--load=" + load] if load else []) + [
            "-p", opts.build_dir, "--quiet", "-checks=-*," + spec] + [
            "--extra-arg=" + a for a in opts.extra_arg]
        return lambda directory, args, file: base + [file]

    configs = [("A", "clang++ -fsyntax-only",
                lambda directory, args, file:
                syntax_only(clangxx, directory, args, file, opts.extra_arg)),
               ("B", "clang-tidy " + opts.builtin,
                tidy_run(host, None, opts.builtin))]
    if plugin:
        configs.append(("C", "clang-tidy --load safedelete-*",
                        tidy_run(host, plugin, "safedelete-*")))
    configs += [("B'", "safedelete-tidy " + opts.builtin,
                 tidy_run(tidy, None, opts.builtin)),
                ("C'", "safedelete-tidy safedelete-*",
                 tidy_run(tidy, None, "safedelete-*"))]
    configs += [(check[len("safedelete-"):], "(safedelete-tidy, alone)",
                 tidy_run(tidy, None, check)) for check in checks]
    return configs


def run_once(command, directory):
    """CPU seconds, wall seconds, peak RSS in MiB and exit status."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(command, cwd=directory, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    except OSError as e:
        raise Usage("cannot run '%s': %s" % (command[0], e))
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    return (usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024.0,
            proc.returncode)


def instructions(command, directory):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=" + out] + command,
                       cwd=directory, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        if os.path.isfile(out):
            with open(out, encoding="utf-8", errors="replace") as f:
                for line in f:
                    m = re.match(r"(?:summary|totals): (\d+)", line)
                    if m:
                        return int(m.group(1))
    raise Usage("callgrind counted nothing for: " + " ".join(command))


def spread(values):
    return "%.2f [%.2f-%.2f]" % (statistics.median(values), min(values),
                                 max(values))


def machine():
    model, cores = "unknown CPU", os.cpu_count()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
            model = m.group(1) if m else model
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return "%s, %d cores, load average %.1f at start" % (model, cores, load)


def measure(opts, configs, chosen, commands):
    """Per configuration: per-run CPU and wall sums, per-file peak RSS,
    failures."""
    cpu = {label: [] for label, _, _ in configs}
    wall = {label: [] for label, _, _ in configs}
    rss = {label: {} for label, _, _ in configs}
    failed = {label: set() for label, _, _ in configs}
    jobs = [(label, make, file) for file in chosen for label, _, make in configs]
    with ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        for _ in range(opts.runs):
            sums = {label: [0.0, 0.0] for label, _, _ in configs}
            results = pool.map(
                lambda job: (job, run_once(job[1](commands[job[2]][0],
                                                  commands[job[2]][1], job[2]),
                                           commands[job[2]][0])), jobs)
            for (label, _, file), (c, w, r, status) in results:
                sums[label][0] += c
                sums[label][1] += w
                rss[label][file] = max(rss[label].get(file, 0.0), r)
                if status != 0:
                    failed[label].add(file)
            for label in sums:
                cpu[label].append(sums[label][0])
                wall[label].append(sums[label][1])
    return cpu, wall, rss, failed


def report(opts, configs, chosen, total, cpu, wall, rss, failed, counts):
    print("safedelete cost on %s: %d of %d translation units, %d run(s), "
          "%d job(s)" % (opts.build_dir, len(chosen), total, opts.runs, opts.jobs))
    print("machine: " + machine())
    width = max(len(label) + 1 + len(description)
                for label, description, _ in configs)
    row = "%-" + str(width) + "s  %-24s %-24s %-12s %s"
    print(row % ("configuration", "CPU s median [min-max]",
                 "wall s median [min-max]", "peak RSS MiB", "instructions"))
    for label, description, _ in configs:
        print(row % (label + " " + description, spread(cpu[label]),
                     spread(wall[label]), "%.1f" % max(rss[label].values()),
                     "%d" % counts[label] if counts else "-"))
    for label, _, _ in configs:
        if failed[label]:
            print("note: %s exited non-zero on %d file(s), e.g. %s"
                  % (label, len(failed[label]), sorted(failed[label])[0]))
    med = {label: statistics.median(cpu[label]) for label in cpu}

    def ratio(a, b):
        line = "  %-30s CPU %.3f" % (a + " / " + b, med[a] / med[b])
        peak_a, peak_b = max(rss[a].values()), max(rss[b].values())
        line += "   peak RSS %.3f" % (peak_a / peak_b)
        if counts:
            line += "   instructions %.4f" % (counts[a] / counts[b])
        print(line)

    print("ratios:")
    labels = [label for label, _, _ in configs]
    if "C" in labels:
        ratio("C", "A")
        ratio("C", "B")
    ratio("C'", "A")
    ratio("C'", "B'")
    ratio("B", "A")
    for label in labels[labels.index("C'") + 1:]:
        ratio(label, "B'")


def main(argv):
    opts = parse_arguments(argv)
    commands = read_database(opts.build_dir)
    tidy, host, plugin, clangxx = tools(opts)
    listed = subprocess.run([tidy, "-checks=-*,safedelete-*", "--list-checks"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            universal_newlines=True)
    checks = re.findall(r"^\s+(safedelete-[\w-]+)$", listed.stdout, re.M)
    if not checks:
        raise Usage("'%s' lists no safedelete check" % tidy)
    if opts.alone != "all":
        wanted = [] if opts.alone == "none" else [
            "safedelete-" + name.strip() for name in opts.alone.split(",")]
        unknown = [name for name in wanted if name not in checks]
        if unknown:
            raise Usage("--alone: no check named '%s'" % unknown[0])
        checks = wanted
    if opts.instructions and not shutil.which("valgrind"):
        raise Usage("--instructions needs valgrind (apt-get install valgrind)")
    configs = configurations(opts, tidy, host, plugin, clangxx, checks)
    chosen = sample(commands, opts.count)
    cpu, wall, rss, failed = measure(opts, configs, chosen, commands)
    counts = None
    if opts.instructions:
        counts = {label: sum(instructions(make(*commands[file], file),
                                          commands[file][0])
                             for file in chosen)
                  for label, _, make in configs}
    report(opts, configs, chosen, len(commands), cpu, wall, rss, failed, counts)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Usage as e:
        print("error: %s" % e, file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
