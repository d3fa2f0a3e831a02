#!/usr/bin/env bash
# dragoman watch end to end (issue 13): files dropped while it runs, files in a sub-folder, a
# half-written file, a JSON Lines file appended to (with a line written in two parts), a bad file,
# and a kill -9 in the middle with files arriving while it is down. Afterwards every document is
# stored once, read once (watch_files), and the store equals an `ingest` of the same folder; an
# alert rule fires once on a constructed sequence and not on its negative.
set -u
: "${DRAGOMAN:?path to the dragoman binary}"
tmp=$(mktemp -d)
watch_pid=""
cleanup() {
  [ -n "$watch_pid" ] && kill -9 "$watch_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
if ! command -v sqlite3 >/dev/null; then
  echo "SKIP: sqlite3 (the command-line shell) is not installed (scripts/deps.sh installs it)"
  exit 77
fi
fail=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=1; fi
}
inbox="$tmp/inbox"
db="$tmp/watch.db"
mkdir -p "$inbox/sub"
sql() { sqlite3 "$db" "$1" 2>/dev/null; }
article() {  # article DAY SOURCE VERB TARGET N
  printf 'Published: %d March 2025\n\nThe foreign minister of %s %s the ambassador of %s on Monday, officials said in item %s.\n' "$@"
}
wait_docs() {  # wait_docs N: until N documents are stored (at most 30 s)
  for ((t = 0; t < 150; t++)); do
    [ "$(sql 'SELECT count(*) FROM documents')" = "$1" ] && return 0
    sleep 0.2
  done
  echo "timed out waiting for $1 documents (have $(sql 'SELECT count(*) FROM documents'))"
  return 1
}
start_watch() {
  "$DRAGOMAN" watch --db "$db" --settle 1500 --poll 200 --threads 1 --quiet \
    --alerts "$tmp/rules.txt" --alerts-out "$tmp/alerts.jsonl" "$inbox" 2>>"$tmp/watch.err" &
  watch_pid=$!
}
cat >"$tmp/rules.txt" <<'RULES'
# the first criticism between Azerbaijan and Iran in 30 days
aze-irn-first first dyad=AZE-IRN type=ACCUSE gap=30d
RULES

# Present before it starts.
for i in 1 2 3; do article "$i" Armenia met Georgia "a$i" >"$inbox/a$i.txt"; done
start_watch
wait_docs 3 || fail=1

# Dropped while it runs: plain files, a sub-folder, a JSON Lines file, a bad file.
for i in 4 5 6; do article "$i" Georgia praised Turkey "b$i" >"$inbox/b$i.txt"; done
article 7 Turkey thanked Russia c1 >"$inbox/sub/c1.txt"
printf '{"id":"f1","date":"2025-03-08","text":"Russia urged Armenia to talk, officials said in item f1."}\n{"id":"f2","date":"2025-03-09","text":"Armenia met Georgia in item f2."}\n' >"$inbox/feed.jsonl"
printf 'bin\0ary' >"$inbox/bad.txt"
# Half-written: the second half arrives a second later (less than --settle), then it is closed.
{
  printf 'Published: 10 March 2025\n\nThe foreign minister of Turkey met'
  sleep 1
  printf ' the ambassador of Georgia on Monday, officials said in item half-complete.\n'
} >"$inbox/half.txt"
wait_docs 10 || fail=1

# kill -9 in the middle, files arriving while it is down, a JSON Lines line half-appended.
kill -9 "$watch_pid"
wait "$watch_pid" 2>/dev/null
for i in 11 12; do article "$i" Russia criticized Armenia "d$i" >"$inbox/d$i.txt"; done
printf '{"id":"f3","date":"2025-03-12","text":"Georgia thanked Turkey in item f3."}\n{"id":"f4","date":"2025-03-13",' >>"$inbox/feed.jsonl"
start_watch
wait_docs 13 || fail=1
printf '"text":"Turkey praised Georgia in item f4."}\n' >>"$inbox/feed.jsonl"
wait_docs 14 || fail=1

# The constructed alert sequence: a criticism between AZE and IRN fires the rule once; a second
# one 7 days later (within the 30-day gap) is its negative and fires nothing.
article 3 Azerbaijan criticized Iran x1 >"$inbox/x1.txt"
wait_docs 15 || fail=1
article 10 Iran criticized Azerbaijan x2 >"$inbox/x2.txt"
wait_docs 16 || fail=1
sleep 0.5
kill -TERM "$watch_pid"
wait "$watch_pid"
check "SIGTERM stops it with exit 0" [ $? -eq 0 ]
watch_pid=""

check "every document stored once" [ "$(sql 'SELECT count(DISTINCT doc_key) FROM documents')" = 16 ]
check "every document read once across the restart" \
  [ "$(sql 'SELECT sum(documents) FROM watch_files')" = 16 ]
check "the half-written file was waited for" \
  [ "$(sql "SELECT count(*) FROM documents WHERE doc_key = 'half.txt' AND text LIKE '%half-complete%'")" = 1 ]
check "the line appended in two parts is one document" \
  [ "$(sql "SELECT count(*) FROM documents WHERE doc_key = 'f4'")" = 1 ]
check "the bad file reported once, on one line" [ "$(grep -c 'bad.txt' "$tmp/watch.err")" = 1 ]
check "the bad file's position is stored" \
  [ "$(sql "SELECT errors FROM watch_files WHERE path LIKE '%bad.txt'")" = 1 ]
check "the rule fired once" [ "$(grep -c '"rule":"aze-irn-first"' "$tmp/alerts.jsonl")" = 1 ]
check "dragoman alerts lists the one firing" \
  [ "$("$DRAGOMAN" alerts --db "$db" | grep -c '"dyad":"AZE-IRN"')" = 1 ]
check "evaluating again fires nothing new" \
  [ "$("$DRAGOMAN" alerts --db "$db" --rules "$tmp/rules.txt" | wc -l)" = 1 ]

# The store equals an ingest of the same folder (events as exported, ids and times aside).
"$DRAGOMAN" ingest --quiet --db "$tmp/ingest.db" "$inbox" 2>/dev/null
dump() {
  "$DRAGOMAN" events --db "$1" --format jsonl --mentions 2>/dev/null |
    sed -E 's/"(event_id|mention_id|added)":[^,}]*//g' | LC_ALL=C sort
}
check "the store equals an ingest of the folder" [ "$(dump "$db")" = "$(dump "$tmp/ingest.db")" ]
check "some events were stored" [ "$(dump "$db" | wc -l)" -gt 5 ]

# Usage errors.
"$DRAGOMAN" watch --db "$db" --once "$tmp/missing" 2>"$tmp/err"
check "a missing folder: exit 3, one line" [ $? -eq 3 ] && [ "$(wc -l <"$tmp/err")" = 1 ]
printf 'x mean dyad=AZE>IRN\n' >"$tmp/bad-rules.txt"
"$DRAGOMAN" watch --db "$db" --once --alerts "$tmp/bad-rules.txt" "$inbox" 2>"$tmp/err"
check "a bad rules file: exit 4, FILE:LINE" [ $? -eq 4 ] && grep -q 'bad-rules.txt:1: ' "$tmp/err"
exit $fail
