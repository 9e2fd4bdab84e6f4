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
  clang-tidy-$major libclang-$major-dev llvm-$major-dev llvm-$major-tools clang-$major"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install-deps: run as root, or install:$missing" >&2
  exit 1
fi
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
