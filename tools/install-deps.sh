#!/bin/sh
# Installs the Debian packages safedelete needs for one LLVM major, if any is
# missing. Usage: tools/install-deps.sh [MAJOR]   (default 19)
set -eu
major=${1:-19}
case "$major" in
  14|15|16|19|22) ;;
  *) echo "install-deps: LLVM $major is not supported (use 14, 15, 16, 19 or 22)" >&2; exit 2 ;;
esac
packages="cmake ninja-build g++ make python3 libgtest-dev
  clang-tidy-$major libclang-$major-dev llvm-$major-dev llvm-$major-tools clang-$major
  git python3-yaml python3-jsonschema pre-commit"
# clang's libFuzzer and sanitizer runtimes (the SQL scanner fuzzer, the
# sanitizer build): libclang-rt-N-dev, except for 15, whose runtimes Debian 12
# ships inside libclang-common-15-dev (a dependency of libclang-15-dev).
case "$major" in
  15) ;;
  *) packages="$packages libclang-rt-$major-dev" ;;
esac
# safedelete-clangd links clangd's libclangdMain.a, which libclang-N-dev ships
# from 19 on; clangd's remote index needs gRPC, protobuf and abseil.
case "$major" in
  19|22) packages="$packages libgrpc++-dev libprotobuf-dev libabsl-dev" ;;
esac
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done

# The SARIF 2.1.0 JSON schema for the safedelete-ci tests: the copy that the
# npm package @microsoft/jest-sarif (MIT) ships, checked against its hash.
schema_dir=/usr/local/share/sarif
schema=$schema_dir/sarif-2.1.0-rtm.5.json
schema_sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
fetch_schema() {
  command -v npm >/dev/null 2>&1 || { echo "install-deps: no npm, SARIF schema tests will be skipped" >&2; return 0; }
  tmp=$(mktemp -d)
  if (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
      tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json) &&
     echo "$schema_sha  $tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" | sha256sum -c --quiet; then
    $sudo mkdir -p "$schema_dir"
    $sudo cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
  else
    echo "install-deps: could not fetch the SARIF schema, its tests will be skipped" >&2
  fi
  rm -rf "$tmp"
}

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  sudo=none
fi
[ -f "$schema" ] || [ "$sudo" = none ] || fetch_schema

[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing"
if [ "$sudo" = none ]; then
  echo "install-deps: run as root, or install:$missing" >&2
  exit 1
fi
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
