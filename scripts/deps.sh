#!/usr/bin/env bash
# Installs everything dragoman needs to build and test, from Debian's packages only.
# Safe to run again: apt-get skips what is already there. Needs root (or sudo).
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config
  libicu-dev          # Unicode normalisation, sentence breaks
  libhyperscan-dev    # multi-literal matching
  libsqlite3-dev      # the embedded store (FTS5)
  nlohmann-json3-dev  # JSON Lines in and out
  libgumbo-dev        # HTML text extraction
  liblink-grammar-dev # English parser
  wordnet-base        # WordNet 3.0 data files (lemmas)
  iso-codes           # ISO 3166-1 country names and codes
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev  # libFuzzer, ASan and UBSan runtimes for the fuzz targets (fuzz/)
  time                # /usr/bin/time: peak memory and CPU time in the fault suite and fuzz.sh
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
