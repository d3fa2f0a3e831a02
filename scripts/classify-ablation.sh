#!/usr/bin/env bash
# The classifier's ablation (doc/classify.md, doc/eval.md): `dragoman eval` on every development
# set and part, with the rules alone (the default coder) and with the classifier (--dictionaries
# classify), as a Markdown table. Needs ../shared beside the checkout and a built dragoman.
#   scripts/classify-ablation.sh [path/to/dragoman]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/src/cli/dragoman}
shared=../shared
[ -d "$shared" ] || { echo "classify-ablation: $shared is missing" >&2; exit 77; }
sets=(
  "PLV|$shared/peers/plv/plv_train.jsonl|tune measure"
  "news a/|$shared/news/a/gold.jsonl|tune measure"
  "news b/|$shared/news/b/gold.jsonl|tune measure"
  "PLOVER|$shared/peers/plover/plover_gsr_cameo.jsonl|tune measure"
  "seeds|data/gold/seeds.jsonl|all"
)
f1() { jq -r ".levels[\"$2\"].f1 | .*1000 | round / 1000" <<<"$1"; }
echo "| set | part | coder | coded / gold | type F1 | typed F1 (PLV: full) | source+type F1 | over-gen |"
echo "|---|---|---|---|---|---|---|---|"
for row in "${sets[@]}"; do
  IFS='|' read -r name gold parts <<<"$row"
  for part in $parts; do
    for coder in rules classify; do
      j=$("$bin" eval --data data --dictionaries "$coder" --part "$part" --json "$gold")
      label=$([ "$coder" = rules ] && echo "rules alone" || echo "+ classifier")
      echo "| $name | $part | $label | $(jq -r '.levels.typed.coded' <<<"$j") / $(jq -r '.gold_events' <<<"$j") | $(f1 "$j" type) | $(f1 "$j" typed) | $(f1 "$j" source+type) | $(jq -r '.over_generation*100 | round / 100' <<<"$j") |"
    done
  done
done
