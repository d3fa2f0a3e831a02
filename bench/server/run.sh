#!/usr/bin/env bash
# Load bench for `dragoman serve` (a bench, not a test: it prints figures).
#   bench/server/run.sh [BUILD_DIR] [DOCS] [SECONDS]      defaults: build 10000 60
# Builds a corpus of DOCS documents from examples/ (and ../shared/seeds when present) by
# replication with new ids and dates (make_corpus), ingests it, starts the server on a free
# loopback port and runs wrk against
#   /api/events?dyad=AZE,IRN&limit=50     (SECONDS, RSS sampled every 5 s: memory must stay flat)
#   /api/timeline?dyad=AZE,IRN&by=month   (SECONDS)
# first with the answer cache (the default), then with --cache-mb 0 (every request queries
# SQLite). Everything runs on loopback; the server is stopped at the end.
# With $DRAGOMAN_BENCH_DB set, the corpus is kept in that file and reused when it exists (building
# it takes minutes: ingest codes every document).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
docs=${2:-10000}
secs=${3:-60}
bin=$build/src/cli/dragoman
command -v wrk >/dev/null || { echo "bench/server: wrk is not installed (scripts/deps.sh)"; exit 1; }
work=$(mktemp -d /tmp/dragoman-server-bench.XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

inputs=(examples/)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds/)
db=${DRAGOMAN_BENCH_DB:-$work/corpus.db}
if [ ! -f "$db" ]; then
  "$build/bench/server/make_corpus" "$docs" "${inputs[@]}" > "$work/corpus.jsonl"
  start=$(date +%s.%N)
  "$bin" ingest --quiet --db "$db" "$work/corpus.jsonl"
  echo "corpus: $docs documents from ${inputs[*]}; ingest $(echo "$(date +%s.%N) - $start" | bc) s"
fi
echo "corpus file: $(stat -c %s "$db") bytes"
stats=$("$bin" events --db "$db" --dyad AZE,IRN --format jsonl | wc -l)
echo "AZE-IRN events in the corpus: $stats"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

serve() {  # serve EXTRA_FLAGS... ; sets $server and $port
  "$bin" serve --db "$db" --quiet --listen 127.0.0.1:0 "$@" 2> "$work/serve.log" &
  server=$!
  port=""
  for _ in $(seq 100); do
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f3 || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$work/serve.log"; exit 1; }
}

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

load() {  # load NAME URL SECONDS
  local name=$1 url=$2 s=$3
  curl -s -o /dev/null "$url"  # warm: the first answer fills the cache
  local samples=()
  ( for _ in $(seq $((s / 5))); do sleep 5; echo "$(rss)"; done ) > "$work/rss.txt" &
  local sampler=$!
  local before
  before=$(rss)
  wrk -t2 -c32 -d"${s}s" --latency "$url" > "$work/wrk.txt"
  wait $sampler || true
  local req p50 p99
  req=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  local errors
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" | tr '\n' ' ' || true)
  mapfile -t samples < "$work/rss.txt"
  printf '%-34s %9s req/s  p50 %8s  p99 %8s  RSS KiB: before %s, every 5 s: %s %s\n' \
    "$name" "$req" "$p50" "$p99" "$before" "${samples[*]}" "$errors"
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "wrk -t2 -c32, $secs s each, on loopback"
serve
load "events dyad limit=50 (cached)" "http://127.0.0.1:$port/api/events?dyad=AZE,IRN&limit=50" "$secs"
load "timeline by month (cached)" "http://127.0.0.1:$port/api/timeline?dyad=AZE,IRN&by=month" "$secs"
kill -TERM "$server"; wait "$server" || true; server=""
serve --cache-mb 0
load "events dyad limit=50 (no cache)" "http://127.0.0.1:$port/api/events?dyad=AZE,IRN&limit=50" $((secs / 3))
load "timeline by month (no cache)" "http://127.0.0.1:$port/api/timeline?dyad=AZE,IRN&by=month" $((secs / 3))
