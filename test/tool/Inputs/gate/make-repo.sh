#!/bin/sh
# Makes a throwaway git repository in $1 for ci-new-findings.test and
# ci-baseline.test: branch main, one commit with a clean service.cpp and an
# old bug in old.cpp, and a compilation database.
# Usage: make-repo.sh DIR
set -eu
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
git init -q -b main . 2>/dev/null || { git init -q . && git checkout -q -b main; }
git config user.email ci@example.invalid
git config user.name ci
git config commit.gpgsign false
cp "$here/service.cpp" "$here/old.cpp" .
cat > compile_commands.json <<JSON
[
  {"directory": "$PWD", "file": "service.cpp", "command": "clang++ -std=c++17 -c service.cpp"},
  {"directory": "$PWD", "file": "old.cpp", "command": "clang++ -std=c++17 -c old.cpp"}
]
JSON
git add -A
git commit -qm base
