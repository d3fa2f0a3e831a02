#!/usr/bin/env bash
# Retrains the event-type classifier (doc/classify.md) on the tune parts of the development sets
# in ../shared and writes data/classify/types.model (or OUT). Run it, and commit the model, after
# any change that alters what the rules code on those sets: the test classify_model_reproducible
# compares the committed model with what this makes.
#   scripts/train-types.sh [OUT] [path/to/dragoman]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-data/classify/types.model}
bin=${2:-build/src/cli/dragoman}
[ -d ../shared ] || { echo "train-types: ../shared is missing" >&2; exit 77; }
exec "$bin" train-types --data data --out "$out" \
  ../shared/peers/plv/plv_train.jsonl ../shared/news/a/gold.jsonl ../shared/news/b/gold.jsonl \
  ../shared/peers/plover/plover_gsr_cameo.jsonl data/gold/seeds.jsonl
