#!/usr/bin/env bash
# The demo: installs dependencies, builds, codes the bundled example articles (and the seed
# articles in ../shared/seeds when present) to JSON Lines on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh >&2
scripts/build.sh release >&2
inputs=(examples/)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds/)
exec build/src/cli/dragoman code "${inputs[@]}" "$@"
