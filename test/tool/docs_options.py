#!/usr/bin/env python3
"""Compares the options each check's docs page lists (`.. option:: Name` in
docs/checks/<check>.rst) with the options `clang-tidy --dump-config` prints
for it, read from stdin as options_of.py prints them (`key: value` lines).
Prints one line per check, `<check>: <options>` when both agree and the
difference otherwise, and fails on any difference.

Usage: clang-tidy --dump-config ... | options_of.py | docs_options.py DOCS_DIR
"""
import os
import re
import sys

docs = sys.argv[1]
dumped = {}
for line in sys.stdin:
    m = re.match(r"safedelete-([\w-]+)\.(\w+):", line)
    if m:
        dumped.setdefault(m.group(1), set()).add(m.group(2))
pages = sorted(name[:-len(".rst")] for name in os.listdir(docs)
               if name.endswith(".rst"))
ok = True
for check in sorted(set(pages) | set(dumped)):
    path = os.path.join(docs, check + ".rst")
    listed = set(re.findall(r"^\.\. option:: (\w+)\s*$",
                            open(path).read(), re.M)) \
        if os.path.exists(path) else set()
    shown = dumped.get(check, set())
    if listed == shown:
        print("%s: %s" % (check, " ".join(sorted(listed))))
        continue
    ok = False
    for name in sorted(shown - listed):
        print("%s: %s is printed by --dump-config but not documented"
              % (check, name))
    for name in sorted(listed - shown):
        print("%s: %s is documented but not printed by --dump-config"
              % (check, name))
sys.exit(0 if ok else 1)
