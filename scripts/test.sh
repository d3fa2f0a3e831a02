#!/usr/bin/env bash
# The test command: installs dependencies, builds, runs every test (unit, golden, CLI, and the
# peer suites when ../shared/peers exists).
#   scripts/test.sh            release build, all tests
#   scripts/test.sh sanitize   the same under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
variant=${1:-release}
scripts/deps.sh
scripts/build.sh "$variant"
dir=build
[ "$variant" = sanitize ] && dir=build-sanitize
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
