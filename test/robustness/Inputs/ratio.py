#!/usr/bin/env python3
"""Times every safedelete check against a cheap built-in check on one input
and fails when the ratio exceeds a bound: a wide margin that catches a
quadratic blow-up without depending on the machine's speed.

Usage: ratio.py MAX INPUT TIDY-COMMAND... -- COMPILER-ARGS...
"""
import subprocess
import sys
import time


def timed(command):
    start = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    took = time.monotonic() - start
    if done.returncode != 0:
        sys.exit("ratio.py: %s failed (%d):\n%s" %
                 (" ".join(command), done.returncode, done.stderr[-2000:]))
    return took


def main():
    bound, source = float(sys.argv[1]), sys.argv[2]
    rest = sys.argv[3:]
    split = rest.index("--")
    tidy, compile_args = rest[:split], rest[split:]
    ours = timed(tidy + ["-checks=-*,safedelete-*", "--quiet", source] + compile_args)
    builtin = timed(tidy + ["-checks=-*,bugprone-inaccurate-erase", "--quiet", source] +
                    compile_args)
    ratio = ours / max(builtin, 0.01)
    print("safedelete-* %.2fs, bugprone-inaccurate-erase %.2fs, ratio %.2f (bound %g)" %
          (ours, builtin, ratio, bound))
    if ratio > bound:
        sys.exit("ratio.py: safedelete-* takes %.1fx the time of a built-in check "
                 "on %s (bound %g)" % (ratio, source, bound))


if __name__ == "__main__":
    main()
