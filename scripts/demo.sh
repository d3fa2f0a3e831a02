#!/usr/bin/env bash
# The demo: installs dependencies, builds, codes the bundled example articles (and the seed
# articles in ../shared/seeds when present) to JSON Lines on stdout, stores them in a corpus
# (demo.db, or $DRAGOMAN_DEMO_DB) and ends by telling how to open the dashboard on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh >&2
scripts/build.sh release >&2
inputs=(examples/)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds/)
db=${DRAGOMAN_DEMO_DB:-demo.db}
build/src/cli/dragoman code "${inputs[@]}" "$@"
build/src/cli/dragoman ingest --db "$db" "${inputs[@]}" >&2
cat >&2 <<MSG

The dashboard and API over this corpus:
  build/src/cli/dragoman serve --db $db
then open http://127.0.0.1:8080/ (Ctrl-C stops the server; doc/server.md describes the API).
MSG
