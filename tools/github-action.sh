#!/bin/sh
# The steps of action.yml, kept here so that the test suite runs them
# (test/tool/github-action.test). Inputs come from the environment, never
# from text pasted into a script:
#   SAFEDELETE_LLVM    LLVM major (14 15 16 19 22)
#   SAFEDELETE_BUILD   directory the action caches: bin/safedelete-tidy
#   SAFEDELETE_BASE, SAFEDELETE_BUILD_DIR, SAFEDELETE_FAIL_ON, SAFEDELETE_SARIF
#                      the gate's --base, -p, --fail-on and --sarif
#   GITHUB_OUTPUT      where step outputs go (key=..., sarif=...)
# Usage: github-action.sh key|build|gate
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
llvm=${SAFEDELETE_LLVM:-19}
output=${GITHUB_OUTPUT:-/dev/null}

say() { echo "safedelete-action: $*" >&2; }

# Runs apt-get as root, through sudo when there is one (a container job
# often runs as root without sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root or sudo to run: $*"; exit 2
  fi
}

# The cache key: the LLVM major and a hash of everything the build reads.
key() {
  hash=$(cd "$src" && find CMakeLists.txt checks -type f | LC_ALL=C sort |
    xargs sha256sum | sha256sum | cut -c1-16)
  echo "key=safedelete-llvm$llvm-$hash" >> "$output"
}

# Builds safedelete-tidy into $SAFEDELETE_BUILD/bin unless the cache
# restored it; on a hit only the runtime packages are installed.
build() {
  dest=${SAFEDELETE_BUILD:?SAFEDELETE_BUILD is not set}
  if [ -x "$dest/bin/safedelete-tidy" ]; then
    say "safedelete-tidy restored from the cache"
    missing=""
    for p in clang-tidy-"$llvm" python3-yaml git; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
    done
    if [ -n "$missing" ]; then
      as_root apt-get update -qq
      # shellcheck disable=SC2086
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
    fi
    return 0
  fi
  "$here/install-deps.sh" "$llvm"
  cmake -S "$src" -B "$dest/tree" -G Ninja -DLLVM_ROOT="/usr/lib/llvm-$llvm"
  cmake --build "$dest/tree" --target safedelete-tidy -j "$(nproc)"
  mkdir -p "$dest/bin"
  cp "$dest/tree/safedelete-tidy" "$dest/bin/"
  rm -rf "$dest/tree"
}

# A Python with PyYAML: actions/setup-python puts one without it first on
# PATH; the system's has it from python3-yaml.
python_with_yaml() {
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c "import yaml" 2>/dev/null; then
      echo "$py"
      return 0
    fi
  done
  say "no Python with PyYAML: apt-get install python3-yaml (or pip install pyyaml)"
  exit 2
}

gate() {
  py=$(python_with_yaml)
  sarif=${SAFEDELETE_SARIF:-safedelete.sarif}
  rm -f "$sarif"
  status=0
  "$py" "$here/safedelete-ci" --base "${SAFEDELETE_BASE:?SAFEDELETE_BASE is not set}" \
    --binary "${SAFEDELETE_BUILD:?SAFEDELETE_BUILD is not set}/bin/safedelete-tidy" \
    -p "${SAFEDELETE_BUILD_DIR:-build}" --fail-on "${SAFEDELETE_FAIL_ON:-error,warning}" \
    --sarif "$sarif" || status=$?
  if [ -f "$sarif" ]; then
    echo "sarif=$sarif" >> "$output"
  fi
  return "$status"
}

case "${1:-}" in
  key|build|gate) "$1" ;;
  *) say "usage: github-action.sh key|build|gate"; exit 2 ;;
esac
