#!/bin/sh
# One safedelete action of safedelete.bzl: runs safedelete-tidy on one source
# file and writes its --export-fixes YAML and its diagnostics with the paths
# relative to the execution root, which is the workspace's layout.
#   run_safedelete.sh TIDY REPORT TEXT FAIL_ON_FINDINGS TIDY-ARGS... -- FLAGS...
# Exits non-zero when safedelete-tidy cannot check the file (its errors are
# printed), or when FAIL_ON_FINDINGS is 1 and it reported something.
set -u
tidy=$1 report=$2 text=$3 fail=$4
shift 4
root=$(pwd)
errors=$("$tidy" "$@" 2>&1 > "$text")
status=$?
[ -f "$report" ] || : > "$report"
sed -i -e "s|$root/||g" -e '/^ *BuildDirectory:/d' "$report"
sed -i -e "s|$root/||g" "$text"
if [ "$status" -ne 0 ]; then
  cat "$text" >&2
  printf '%s\n' "$errors" >&2
  echo "safedelete: $tidy could not check this file (exit $status)" >&2
  exit 1
fi
if [ "$fail" = 1 ] && grep -q 'DiagnosticName:' "$report"; then
  cat "$text" >&2
  exit 1
fi
exit 0
