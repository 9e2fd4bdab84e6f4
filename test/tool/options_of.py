#!/usr/bin/env python3
"""Prints the safedelete-* options of a `clang-tidy --dump-config` as sorted
`key: value` lines, whichever YAML form this LLVM writes (LLVM 14 writes a
list of key/value pairs, later majors a mapping)."""
import re
import sys

text = sys.stdin.read()
options = dict(re.findall(r"^\s*-\s*key:\s*(safedelete-\S+)\s*\n\s*value:\s*(.*)$",
                          text, re.M))
options.update(re.findall(r"^\s*(safedelete-[\w.-]+):\s*(.*)$", text, re.M))
for key in sorted(options):
    print("%s: %s" % (key, options[key].strip()))
