#!/usr/bin/env bash
# Configures and builds one preset-like variant into build/ (release) or build-sanitize/.
#   scripts/build.sh [release|sanitize]
set -euo pipefail
cd "$(dirname "$0")/.."
variant=${1:-release}
case "$variant" in
  release)  dir=build;          flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  sanitize) dir=build-sanitize; flags=(-DCMAKE_BUILD_TYPE=Debug -DDRAGOMAN_SANITIZE=ON -DDRAGOMAN_BUILD_BENCH=OFF) ;;
  *) echo "usage: scripts/build.sh [release|sanitize]" >&2; exit 2 ;;
esac
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
if [ -f "$dir/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=${gen[1]:-Unix Makefiles}" "$dir/CMakeCache.txt"; then
  rm -rf "$dir"
fi
cmake -S . -B "$dir" "${gen[@]}" "${flags[@]}" -DDRAGOMAN_WERROR=${DRAGOMAN_WERROR:-OFF} >/dev/null
cmake --build "$dir" -j "$(nproc)"
