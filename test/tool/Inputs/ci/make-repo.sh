#!/bin/sh
# Makes a throwaway git repository in $1 for the safedelete-ci and pre-commit
# tests: a base commit whose old.cpp has an old bug, then a working change
# (staged, not committed) that adds new.cpp with a bug, touches old.cpp away
# from its bug and changes a header that only a translation unit includes.
# Usage: make-repo.sh DIR   (then `git -C DIR commit -qam change` for a PR)
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
cp "$here/old.cpp" old.cpp
cp "$here/user.cpp" user.cpp
cp "$here/cache.h" cache.h
cat > compile_commands.json <<JSON
[
  {"directory": "$PWD", "file": "old.cpp", "command": "clang++ -std=c++17 -c old.cpp"},
  {"directory": "$PWD", "file": "new.cpp", "command": "clang++ -std=c++17 -c new.cpp"},
  {"directory": "$PWD", "file": "user.cpp", "command": "clang++ -std=c++17 -c user.cpp"},
  {"directory": "$PWD", "file": "with space.cpp", "command": "clang++ -std=c++17 -c 'with space.cpp'"}
]
JSON
git add -A
git commit -qm base
# The change: old.cpp gets a comment away from its bug, new.cpp a new bug.
sed -i 's|^// old file$|// old file, touched by the change|' old.cpp
cp "$here/new.cpp" new.cpp
git add -A
