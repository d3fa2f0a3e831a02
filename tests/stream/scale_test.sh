#!/usr/bin/env bash
# The scale-out fault test (issue 13): documents published on a 3-node NATS JetStream cluster, two
# `dragoman worker`s writing to a throwaway PostgreSQL; mid-run one NATS node and one worker are
# killed with kill -9 and restarted. Afterwards PostgreSQL must hold exactly the events one
# `dragoman code` run produces for the same documents: nothing lost, nothing doubled. Also checks
# `events`, `timeline` and `search` against PostgreSQL. Services run on loopback, on private ports
# and data folders, and are stopped on exit. Exit 77 (skipped) only when a service is not
# installed.
#   SCALE_DOCS=N   documents (default 2000)
set -u
: "${DRAGOMAN:?path to the dragoman binary}" "${DRAGOMAN_SOURCE_DIR:?repo root}"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=services.sh
source "$here/services.sh"
services_begin
fail=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=1; fi
}

# --- Invented documents, as JSON Lines ---------------------------------------------------------
docs=${SCALE_DOCS:-2000}
countries=(Azerbaijan Iran Armenia Georgia Turkey Russia)
verbs=("met" "criticized" "praised" "accused" "thanked" "urged")
for ((i = 0; i < docs; i++)); do
  a=$((i % 6)) b=$(((i / 6 + 1 + i) % 6))
  [ "$a" -eq "$b" ] && b=$(((b + 1) % 6))
  printf '{"id":"doc-%05d","date":"2024-%02d-%02d","text":"The foreign minister of %s %s the ambassador of %s on Monday, officials said in note %d."}\n' \
    "$i" $((1 + (i / 28) % 12)) $((1 + i % 28)) "${countries[a]}" "${verbs[i % 6]}" "${countries[b]}" "$i"
done >"$tmp/corpus.jsonl"
"$DRAGOMAN" code --format jsonl "$tmp/corpus.jsonl" 2>/dev/null | LC_ALL=C sort >"$tmp/expected.jsonl"
echo "expected: $(wc -l <"$tmp/expected.jsonl") events from $docs documents"

start_postgres || exit 1
start_nats_cluster || exit 1
pg_count() { psql -At "$PG_URL" -c "SELECT count(*) FROM documents" 2>/dev/null || echo 0; }

# A new cluster elects its JetStream leader first; on a loaded machine that can take a while.
"$DRAGOMAN" publish --nats "$NATS_URLS" --replicas 3 --timeout 120000 --quiet "$tmp/corpus.jsonl" \
  2>"$tmp/publish.err"
rc=$?
check "publish exits 0" [ $rc -eq 0 ]
if [ $rc -ne 0 ]; then
  cat "$tmp/publish.err"
  tail -n 5 "$tmp"/nats*.log
  exit 1
fi

start_worker() {  # start_worker N
  "$DRAGOMAN" worker --nats "$NATS_URLS" --db "$PG_URL" --max-unacked 16 --ack-wait 3000 \
    --threads 1 >>"$tmp/worker$1.log" 2>&1 &
  worker_pids[$1]=$!
}
start_worker 0
start_worker 1

# Mid-run: once a fifth of the documents are stored, kill -9 one NATS node and one worker.
for ((t = 0; t < 600; t++)); do
  [ "$(pg_count)" -ge $((docs / 5)) ] && break
  sleep 0.2
done
echo "at the kill: $(pg_count) documents stored"
kill_nats_node 0
kill -9 "${worker_pids[0]}"
wait "${worker_pids[0]}" 2>/dev/null
sleep 1
restart_nats_node 0
start_worker 0

for ((t = 0; t < 900; t++)); do
  [ "$(pg_count)" -ge "$docs" ] && break
  sleep 0.2
done
# Messages of the killed worker are redelivered after --ack-wait: give them time to arrive (and
# add nothing).
sleep 4
for p in "${worker_pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
for p in "${worker_pids[@]}"; do wait "$p" 2>/dev/null; done
worker_pids=()
grep -h "stopped" "$tmp"/worker*.log

check "every document stored once" \
  [ "$(psql -At "$PG_URL" -c "SELECT count(*) || ' ' || count(DISTINCT hash) FROM documents")" = "$docs $docs" ]
psql -At "$PG_URL" -c "SELECT json FROM events" | LC_ALL=C sort >"$tmp/stored.jsonl"
check "PostgreSQL holds exactly the events of one 'dragoman code' run" \
  cmp -s "$tmp/expected.jsonl" "$tmp/stored.jsonl"
if ! cmp -s "$tmp/expected.jsonl" "$tmp/stored.jsonl"; then
  echo "expected $(wc -l <"$tmp/expected.jsonl"), stored $(wc -l <"$tmp/stored.jsonl")"
  diff "$tmp/expected.jsonl" "$tmp/stored.jsonl" | head -5
  tail -n 3 "$tmp"/worker*.log
fi

# The queries against PostgreSQL agree with the same corpus in SQLite.
"$DRAGOMAN" ingest --quiet --db "$tmp/ref.db" "$tmp/corpus.jsonl"
q() { "$DRAGOMAN" "$@" 2>&1; }
# Every mention, not one row per event: the row shown for an event is its first stored mention,
# and with two workers which mention is stored first depends on delivery order (doc/scale.md).
check "events --mentions --dyad on PostgreSQL = on SQLite" \
  [ "$(q events --db "$PG_URL" --mentions --dyad AZE,IRN --format jsonl | sed -E 's/"(event_id|mention_id|added)":[^,}]*//g' | LC_ALL=C sort | md5sum)" = \
    "$(q events --db "$tmp/ref.db" --mentions --dyad AZE,IRN --format jsonl | sed -E 's/"(event_id|mention_id|added)":[^,}]*//g' | LC_ALL=C sort | md5sum)" ]
check "events --dyad: as many events on PostgreSQL as on SQLite" \
  [ "$(q events --db "$PG_URL" --dyad AZE,IRN --format jsonl | wc -l)" = "$(q events --db "$tmp/ref.db" --dyad AZE,IRN --format jsonl | wc -l)" ]
check "timeline on PostgreSQL = on SQLite" \
  [ "$(q timeline --db "$PG_URL" ARM TUR --by month --format csv)" = "$(q timeline --db "$tmp/ref.db" ARM TUR --by month --format csv)" ]
check "search on PostgreSQL finds the documents SQLite finds" \
  [ "$(q search --db "$PG_URL" --limit 1000 --format jsonl note $((docs / 2)) | wc -l)" = "$(q search --db "$tmp/ref.db" --limit 1000 --format jsonl note $((docs / 2)) | wc -l)" ]
check "search on PostgreSQL: one hit, marked" \
  grep -q "\\[$((docs / 2))\\]" <(q search --db "$PG_URL" --format jsonl note $((docs / 2)))

# watch --publish: a folder's files go to the stream (only positions are kept locally) and a
# worker stores them as `dragoman code` codes them.
mkdir -p "$tmp/inbox"
for i in 1 2 3; do
  printf 'Published: %d March 2025\n\nThe foreign minister of Iran met the ambassador of Georgia on Monday, officials said in item w%d.\n' "$i" "$i" >"$tmp/inbox/w$i.txt"
done
"$DRAGOMAN" watch --publish --once --nats "$NATS_URLS" --db "$tmp/positions.db" --settle 200 \
  --quiet "$tmp/inbox" 2>"$tmp/watch.err"
check "watch --publish --once exits 0" [ $? -eq 0 ]
start_worker 0
for ((t = 0; t < 300; t++)); do
  [ "$(pg_count)" -ge $((docs + 3)) ] && break
  sleep 0.2
done
kill -TERM "${worker_pids[0]}"
wait "${worker_pids[0]}" 2>/dev/null
worker_pids=()
"$DRAGOMAN" code --format jsonl "$tmp/inbox" 2>/dev/null | LC_ALL=C sort >"$tmp/expected-w.jsonl"
psql -At "$PG_URL" -c "SELECT e.json FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_key LIKE 'w_.txt'" |
  LC_ALL=C sort >"$tmp/stored-w.jsonl"
check "watch --publish: the worker stored the folder's events" \
  [ -s "$tmp/expected-w.jsonl" ] && cmp -s "$tmp/expected-w.jsonl" "$tmp/stored-w.jsonl"
check "watch --publish: positions kept locally" \
  [ "$(sqlite3 "$tmp/positions.db" 'SELECT sum(documents) FROM watch_files' 2>/dev/null)" = 3 ]
exit $fail
