#!/usr/bin/env bash
# Installs everything dragoman needs to build and test: Debian's packages, then the dashboard's
# npm packages (web/, pinned by web/package-lock.json) with `npm ci`.
# Safe to run again: apt-get skips what is already there, and `npm ci` runs only when
# web/node_modules does not match the lockfile. Needs root (or sudo) for apt-get.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config
  libicu-dev          # Unicode normalisation, sentence breaks
  libsqlite3-dev      # the embedded store (FTS5)
  libssl-dev          # libcrypto: SHA-256 content hashes
  nlohmann-json3-dev  # JSON Lines in and out
  libgumbo-dev        # HTML text extraction
  liblinear-dev       # trains the event-type classifier (dragoman train-types)
  wordnet-base        # WordNet 3.0 data files (lemmas)
  iso-codes           # ISO 3166-1 country names and codes
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev  # libFuzzer, ASan and UBSan runtimes for the fuzz targets (fuzz/)
  time                # /usr/bin/time: peak memory and CPU time in the fault suite and fuzz.sh
  jq                  # scripts/classify-ablation.sh reads `dragoman eval --json`
  libcpp-httplib-dev  # dragoman serve: HTTP/1.1 server
  chromium            # the dashboard's browser tests (headless, driven by playwright-core)
  wrk                 # bench/server: HTTP load generator (a bench, not a test)
  libpq-dev postgresql  # the PostgreSQL store of `dragoman worker`; a throwaway server in tests
  libnats-dev nats-server  # NATS JetStream: `dragoman publish` / `worker` (doc/scale.md)
  sqlite3             # tests/stream: the watch test reads the store it writes
)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js builds the dashboard (web/) at build time; nothing runs it at run time. The machines
# come with Node 20 (Vite 7 needs 20.19 or later); Debian's packages are the fallback.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "deps: installing nodejs npm"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# The dashboard's packages: exactly the lockfile's versions, from npm's cache when they are there
# (--prefer-offline). Skipped while node_modules is newer than the lockfile (npm's own record).
web="$(dirname "$0")/../web"
if ! [ "$web/node_modules/.package-lock.json" -nt "$web/package-lock.json" ]; then
  echo "deps: npm ci in web/"
  (cd "$web" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
fi
