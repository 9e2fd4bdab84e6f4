#!/bin/sh
# Runs safedelete-tidy on the bundled examples/: prints the findings, then the
# diff that applying its fixes would make (examples/ itself is not changed).
# Usage: tools/demo.sh BUILD_DIR
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: tools/demo.sh BUILD_DIR}" && pwd)
tidy="$build/safedelete-tidy"
checks='-*,safedelete-*'

echo "== safedelete findings on examples/ =="
# examples/compile_flags.txt gives the flags; findings do not fail the demo.
"$tidy" -checks="$checks" --quiet "$root"/examples/*.cpp 2>/dev/null || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples" "$work/examples"
"$tidy" -checks="$checks" --quiet -fix "$work"/examples/*.cpp >/dev/null 2>&1 || true
echo
echo "== the diff its fixes would make =="
(cd "$work" && cp -r "$root/examples" original &&
  diff -ru original examples | sed -e "s|^--- original/|--- a/examples/|" \
    -e "s|^+++ examples/|+++ b/examples/|") || true
