#!/bin/sh
# The benchmark: safedelete-tidy over the bundled examples plus a generated
# corpus (bench/gen_corpus.py), against a parse-only run and a cheap built-in
# check. Usage: bench/run.sh BUILD_DIR [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: bench/run.sh BUILD_DIR [RUNS]}" && pwd)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
python3 "$root/bench/gen_corpus.py" "$corpus"
cp "$root"/examples/*.cpp "$root"/examples/*.h "$corpus/"
python3 "$root/bench/run.py" --tidy "$build/safedelete-tidy" --runs "${2:-5}" \
  "$corpus"/*.cpp -- -std=c++17 -I"$root/examples/include"
# Instruction counts (deterministic, unlike wall times) over one generated TU.
python3 "$root/bench/instructions.py" --tidy "$build/safedelete-tidy" \
  "$corpus/tu00.cpp" -- -std=c++17 -I"$root/examples/include"
