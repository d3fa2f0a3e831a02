#!/usr/bin/env bash
# Alert rules evaluated by `dragoman worker` as it stores events (issue 13): two workers share a
# JetStream stream and a throwaway PostgreSQL, both with the same rules; each firing is stored
# once in the alerts table and reported once, by one of the two, however their batches
# interleave. The constructed sequence: an AZE-IRN criticism fires `aze-irn-first`; one a week
# later (within the 30-day gap) is its negative; one two months later starts a new episode and
# fires again. A rule with nothing to fire on (no assault) fires nothing. The same rules over
# the same documents in SQLite fire the same episodes. Exit 77 (skipped) when NATS or PostgreSQL
# is not installed.
set -u
: "${DRAGOMAN:?path to the dragoman binary}"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=services.sh
source "$here/services.sh"
services_begin
command -v jq >/dev/null || { echo "SKIP: not installed: jq"; exit 77; }
fail=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=1; fi
}

# Filler between other countries, with the constructed sequence spread through it, so that the
# three AZE-IRN documents land in different batches of the two workers.
countries=(Armenia Georgia Turkey Russia)
verbs=("met" "praised" "thanked" "urged")
{
  for ((i = 0; i < 120; i++)); do
    a=$((i % 4)) b=$(((i + 1 + i / 4) % 4))
    [ "$a" -eq "$b" ] && b=$(((b + 1) % 4))
    printf '{"id":"fill-%03d","date":"2025-%02d-%02d","text":"The foreign minister of %s %s the ambassador of %s on Monday, officials said in note %d."}\n' \
      "$i" $((1 + i % 6)) $((1 + i % 28)) "${countries[a]}" "${verbs[i % 4]}" "${countries[b]}" "$i"
    case $i in
      20) echo '{"id":"x1","date":"2025-03-03","text":"The foreign minister of Azerbaijan criticized the ambassador of Iran on Monday."}' ;;
      60) echo '{"id":"x2","date":"2025-03-10","text":"The foreign minister of Iran criticized the ambassador of Azerbaijan on Monday."}' ;;
      100) echo '{"id":"x3","date":"2025-05-20","text":"The foreign minister of Azerbaijan criticized the ambassador of Iran on Tuesday."}' ;;
    esac
  done
} >"$tmp/corpus.jsonl"
cat >"$tmp/rules.txt" <<'RULES'
# the first criticism between Azerbaijan and Iran in 30 days
aze-irn-first first dyad=AZE-IRN type=ACCUSE gap=30d
# never fires: no assault between Armenia and Georgia
arm-geo-assault first dyad=ARM-GEO type=ASSAULT gap=30d
RULES

start_postgres || exit 1
start_nats_single
"$DRAGOMAN" publish --nats "$NATS_URLS" --timeout 60000 --quiet "$tmp/corpus.jsonl"
check "publish exits 0" [ $? -eq 0 ]
for w in 0 1; do
  "$DRAGOMAN" worker --nats "$NATS_URLS" --db "$PG_URL" --max-unacked 4 --threads 1 \
    --idle-exit 4000 --alerts "$tmp/rules.txt" --alerts-out "$tmp/alerts$w.jsonl" \
    2>"$tmp/worker$w.log" &
  worker_pids[w]=$!
done
for w in 0 1; do
  wait "${worker_pids[w]}"
  check "worker $w exits 0" [ $? -eq 0 ]
done
worker_pids=()
grep -h "stopped" "$tmp"/worker*.log
docs=$(wc -l <"$tmp/corpus.jsonl")
check "every document stored once" \
  [ "$(psql -At "$PG_URL" -c "SELECT count(DISTINCT hash) || ' ' || count(*) FROM documents")" = "$docs $docs" ]

cat "$tmp"/alerts0.jsonl "$tmp"/alerts1.jsonl 2>/dev/null >"$tmp/reported.jsonl"
check "two firings reported in all, each by one worker" \
  [ "$(grep -c '"rule":"aze-irn-first"' "$tmp/reported.jsonl")" = 2 ]
check "the two are the two episodes (2025-03-03, 2025-05-20)" \
  [ "$(jq -r '.window.to' "$tmp/reported.jsonl" | sort | tr '\n' ' ')" = "2025-03-03 2025-05-20 " ]
check "the negative rule fired nothing" [ "$(grep -c arm-geo "$tmp/reported.jsonl")" = 0 ]
check "the alerts table holds each firing once" \
  [ "$(psql -At "$PG_URL" -c "SELECT count(*) || ' ' || count(DISTINCT key) FROM alerts")" = "2 2" ]
"$DRAGOMAN" alerts --db "$PG_URL" >"$tmp/listed.jsonl"
check "dragoman alerts --db postgresql:// lists them" [ "$(wc -l <"$tmp/listed.jsonl")" = 2 ]
"$DRAGOMAN" alerts --db "$PG_URL" --rules "$tmp/rules.txt" >"$tmp/again.jsonl"
check "evaluating again fires nothing new" [ "$(wc -l <"$tmp/again.jsonl")" = 2 ]

# The same rules over the same documents in SQLite: the same episodes.
"$DRAGOMAN" ingest --quiet --threads 1 --db "$tmp/corpus.db" "$tmp/corpus.jsonl"
"$DRAGOMAN" alerts --db "$tmp/corpus.db" --rules "$tmp/rules.txt" >"$tmp/sqlite.jsonl"
episodes() { jq -c '{rule, dyad, key: .window, value}' "$1" | sort; }
check "SQLite fires the same episodes" [ "$(episodes "$tmp/sqlite.jsonl")" = "$(episodes "$tmp/listed.jsonl")" ]

[ $fail -eq 0 ] && echo "worker_alerts_test: passed"
exit $fail
