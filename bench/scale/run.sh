#!/usr/bin/env bash
# Scale-out bench (a bench, not a test; doc/scale.md): documents/s with 1 and 2 `dragoman worker`s
# against one NATS JetStream node and one PostgreSQL on this machine, the ratio to `dragoman
# ingest` into SQLite (and the rate of ingest into PostgreSQL) on the same documents in the same
# run, and the latency from publish to stored (p50, p99) while documents arrive at about half the
# measured rate. Services are throwaway ones on loopback (tests/stream/services.sh), stopped on
# exit.
#   bench/scale/run.sh [DOCS]        (default 4000; DRAGOMAN=path to the binary)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
DRAGOMAN=${DRAGOMAN:-$root/build/src/cli/dragoman}
docs=${1:-4000}
# shellcheck source=../../tests/stream/services.sh
source "$root/tests/stream/services.sh"
SERVICES_MISSING_EXIT=1 services_begin
now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", n / (b - a) }'; }

# Invented articles of three sentences, each naming two countries.
countries=(Azerbaijan Iran Armenia Georgia Turkey Russia France Germany)
verbs=("met" "criticized" "praised" "accused" "thanked" "urged" "warned" "visited")
for ((i = 0; i < docs; i++)); do
  a=$((i % 8)) b=$(((i / 8 + 1 + i) % 8)) c=$(((i * 3 + 2) % 8))
  [ "$a" -eq "$b" ] && b=$(((b + 1) % 8))
  printf '{"id":"doc-%06d","date":"2024-%02d-%02d","text":"The foreign minister of %s %s the ambassador of %s on Monday, officials said in note %d. The president of %s did not meet the envoy of %s. Talks between %s and %s are expected to continue next week in the capital."}\n' \
    "$i" $((1 + (i / 28) % 12)) $((1 + i % 28)) "${countries[a]}" "${verbs[i % 8]}" \
    "${countries[b]}" "$i" "${countries[b]}" "${countries[a]}" "${countries[c]}" "${countries[a]}"
done >"$tmp/corpus.jsonl"
split -n l/8 -d "$tmp/corpus.jsonl" "$tmp/part-" --additional-suffix=.jsonl

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "documents: $docs ($(du -h "$tmp/corpus.jsonl" | cut -f1))"

t0=$(now)
"$DRAGOMAN" ingest --quiet --db "$tmp/ingest.db" "$tmp/corpus.jsonl"
t1=$(now)
ingest_rate=$(rate "$docs" "$t0" "$t1")
echo "ingest into SQLite: $ingest_rate docs/s"

start_postgres || exit 1
start_nats_single

# The same ingest into PostgreSQL (the store's write path alone: no stream, one process).
psql -q "${PG_URL%/dragoman}/postgres" -c "CREATE DATABASE ingest" >/dev/null
t0=$(now)
"$DRAGOMAN" ingest --quiet --db "${PG_URL%/dragoman}/ingest" "$tmp/corpus.jsonl"
t1=$(now)
echo "ingest into PostgreSQL: $(rate "$docs" "$t0" "$t1") docs/s"

run_workers() {  # run_workers N: throughput of N workers on the whole corpus, published first
  local n=$1 db="bench$1" i t_start t_end
  psql -q "${PG_URL%/dragoman}/postgres" -c "CREATE DATABASE $db" >/dev/null
  local url="${PG_URL%/dragoman}/$db"
  t_start=$(now)
  "$DRAGOMAN" publish --nats "$NATS_URLS" --stream "B$n" --subject "bench.$n" --quiet "$tmp/corpus.jsonl"
  t_end=$(now)
  echo "publish ($n): $(rate "$docs" "$t_start" "$t_end") docs/s" >&2
  worker_pids=()
  t_start=$(now)
  for ((i = 0; i < n; i++)); do
    "$DRAGOMAN" worker --nats "$NATS_URLS" --stream "B$n" --subject "bench.$n" --db "$url" \
      --threads $((2 / n > 0 ? 2 / n : 1)) --max-unacked 64 --idle-exit 1500 --quiet &
    worker_pids+=($!)
  done
  while [ "$(psql -At "$url" -c 'SELECT count(*) FROM documents' 2>/dev/null)" != "$docs" ]; do sleep 0.1; done
  t_end=$(now)
  for p in "${worker_pids[@]}"; do wait "$p"; done
  worker_pids=()
  rate "$docs" "$t_start" "$t_end"
}
w1=$(run_workers 1)
echo "1 worker  (2 coding threads): $w1 docs/s"
w2=$(run_workers 2)
echo "2 workers (1 coding thread each): $w2 docs/s"
awk -v a="$w1" -v b="$w2" -v i="$ingest_rate" \
  'BEGIN { printf "ratio to ingest: 1 worker %.2f, 2 workers %.2f\n", a / i, b / i }'

# Latency: two workers running, the corpus published in 8 parts at about half their rate.
psql -q "${PG_URL%/dragoman}/postgres" -c "CREATE DATABASE latency" >/dev/null
url="${PG_URL%/dragoman}/latency"
pause=$(awk -v n="$docs" -v r="$w2" 'BEGIN { printf "%.2f", (n / 8) / (r / 2) }')
idle=$(awk -v p="$pause" 'BEGIN { printf "%d", p * 1000 + 5000 }')  # outlasts each pause
for i in 0 1; do
  "$DRAGOMAN" worker --nats "$NATS_URLS" --stream L --subject bench.l --db "$url" --threads 1 \
    --max-unacked 16 --idle-exit "$idle" 2>"$tmp/latency$i.log" >/dev/null &
  worker_pids+=($!)
done
for f in "$tmp"/part-*.jsonl; do
  "$DRAGOMAN" publish --nats "$NATS_URLS" --stream L --subject bench.l --quiet "$f"
  sleep "$pause"
done
for p in "${worker_pids[@]}"; do wait "$p"; done
worker_pids=()
echo "latency publish -> stored, parts of $((docs / 8)) docs every ${pause}s:"
grep -h "stopped" "$tmp"/latency*.log | sed 's/^/  /'
