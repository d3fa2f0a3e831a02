#!/usr/bin/env bash
# `dragoman serve` on PostgreSQL answers every API route as it does on SQLite (issue 13): the same
# invented documents are ingested into a SQLite file and into a throwaway PostgreSQL, a server is
# started on each, and every route's answer (with filters, and every page of the paged lists) is
# compared. The only field allowed to differ is `added` (the ingest time). Search is compared as
# a set of hits: SQLite ranks by BM25, PostgreSQL by ts_rank (doc/scale.md). Also checks the
# query commands through the same interface (`events`, `actors`, `show`, `export` on both). Exit
# 77 (skipped) when the PostgreSQL server binaries are not installed.
set -u
: "${DRAGOMAN:?path to the dragoman binary}"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=services.sh
source "$here/services.sh"
services_begin postgres
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "SKIP: not installed: $tool"; exit 77; }
done
fail=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=1; fi
}

# --- Invented documents -----------------------------------------------------------------------
# Generated dyads over a year, plus hand-written ones: the same meeting reported by two outlets
# (one real-world event, two mentions), a negated event, an undated one, a year-only date, a
# place, a named minister, and a document replaced by a later version (same id).
countries=(Azerbaijan Iran Armenia Georgia Turkey Russia)
verbs=("met" "criticized" "praised" "accused" "thanked" "urged")
{
  for ((i = 0; i < 160; i++)); do
    a=$((i % 6)) b=$(((i / 6 + 1 + i) % 6))
    [ "$a" -eq "$b" ] && b=$(((b + 1) % 6))
    printf '{"id":"gen-%03d","source":"Outlet %d","date":"2024-%02d-%02d","text":"The foreign minister of %s %s the ambassador of %s on Monday, officials said in note %d."}\n' \
      "$i" $((i % 4)) $((1 + (i / 14) % 12)) $((1 + i % 28)) "${countries[a]}" "${verbs[i % 6]}" "${countries[b]}" "$i"
  done
  cat <<'JSONL'
{"id":"same-a","source":"Northern Wire","url":"https://north.example/a","date":"2024-05-06","text":"Armenia and Azerbaijan held talks in Geneva on Monday. The ministers agreed to meet again."}
{"id":"same-b","source":"Southern Post","url":"https://south.example/b","date":"2024-05-06","text":"Armenia and Azerbaijan held talks in Geneva on Monday, diplomats said."}
{"id":"neg","date":"2024-06-10","text":"Iran did not criticize Turkey over the border incident, a spokesman said."}
{"id":"undated","text":"Georgia praised Russia for reopening the crossing."}
{"id":"year","date":"2023","text":"Turkey accused Armenia of violating the agreement."}
{"id":"named","date":"2024-07-01","text":"Iranian Foreign Minister Abbas Araghchi met Azerbaijani President Ilham Aliyev in Baku on Tuesday."}
{"id":"replaced","date":"2024-08-01","text":"Russia criticized Georgia over the new law."}
{"id":"replaced","date":"2024-08-02","text":"Russia praised Georgia for the new law."}
JSONL
} >"$tmp/corpus.jsonl"

start_postgres || exit 1
"$DRAGOMAN" ingest --quiet --threads 1 --db "$tmp/corpus.db" "$tmp/corpus.jsonl"
check "ingest into SQLite" [ $? -eq 0 ]
"$DRAGOMAN" ingest --quiet --threads 1 --db "$PG_URL" "$tmp/corpus.jsonl"
check "ingest into PostgreSQL" [ $? -eq 0 ]

# --- The query commands on both ----------------------------------------------------------------
same_cli() {  # same_cli NAME ARGS... : the command's output is the same on both stores
  local name=$1
  shift
  "$DRAGOMAN" "$@" --db "$tmp/corpus.db" >"$tmp/cli.sqlite" 2>&1
  "$DRAGOMAN" "$@" --db "$PG_URL" >"$tmp/cli.pg" 2>&1
  # `added` (the ingest time) and DATEADDED (the same in CSV) differ by construction.
  local strip='s/"added":"[^"]*"/"added":""/g'
  if ! diff <(sed "$strip" "$tmp/cli.sqlite") <(sed "$strip" "$tmp/cli.pg") >"$tmp/cli.diff"; then
    echo "FAIL: $name differs (SQLite <, PostgreSQL >):"
    head -20 "$tmp/cli.diff"
    fail=1
  elif [ ! -s "$tmp/cli.sqlite" ]; then
    echo "FAIL: $name printed nothing"
    fail=1
  else
    echo "ok: $name ($(wc -l <"$tmp/cli.sqlite") lines)"
  fi
}
same_cli "events --format jsonl" events --format jsonl
same_cli "events --mentions" events --format jsonl --mentions
same_cli "events --actor Araghchi (a person's name)" events --format jsonl --actor araghchi
same_cli "events --actor AZE --type CONSULT" events --format jsonl --actor AZE --type CONSULT
same_cli "actors" actors --format jsonl
same_cli "show 1 (evidence)" show --format json 1
same_cli "timeline AZE IRN --by month" timeline AZE IRN --by month --format json
same_cli "export --format jsonl" export --format jsonl

# --- The server on both ----------------------------------------------------------------------
start_serve() {  # start_serve NAME DB -> port in $tmp/NAME.port
  "$DRAGOMAN" serve --quiet --db "$2" --listen 127.0.0.1:0 2>"$tmp/$1.serve.log" &
  worker_pids+=($!)
  local t
  for ((t = 0; t < 300; t++)); do
    if grep -q "http://" "$tmp/$1.serve.log"; then
      sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/$1.serve.log" >"$tmp/$1.port"
      return 0
    fi
    sleep 0.1
  done
  echo "FAIL: serve on $1 did not start:"
  cat "$tmp/$1.serve.log"
  return 1
}
start_serve sqlite "$tmp/corpus.db" || exit 1
start_serve pg "$PG_URL" || exit 1
sq="http://127.0.0.1:$(cat "$tmp/sqlite.port")"
pg="http://127.0.0.1:$(cat "$tmp/pg.port")"

normal='walk(if type == "object" then del(.added) else . end)'
get() {  # get BASE PATH -> the answer, normalised, on stdout; the status in $tmp/status
  curl -s -o "$tmp/body" -w '%{http_code}' "$1$2" >"$tmp/status"
  # CSV: the DATEADDED column (YYYYMMDDHHMMSS) is the ingest time.
  if jq -e . "$tmp/body" >/dev/null 2>&1; then jq -S "$normal" "$tmp/body"; else
    sed -E 's/,[0-9]{14},/,DATEADDED,/' "$tmp/body"
  fi
}
same_route() {  # same_route PATH [JQ FILTER applied to both]
  local path=$1 filter=${2:-.}
  get "$sq" "$path" | jq -S "$filter" >"$tmp/a" 2>/dev/null || get "$sq" "$path" >"$tmp/a"
  local sa
  sa=$(cat "$tmp/status")
  get "$pg" "$path" | jq -S "$filter" >"$tmp/b" 2>/dev/null || get "$pg" "$path" >"$tmp/b"
  local sb
  sb=$(cat "$tmp/status")
  if [ "$sa" != "$sb" ]; then
    echo "FAIL: $path: status $sa on SQLite, $sb on PostgreSQL"
    head -c 300 "$tmp/b"
    echo
    fail=1
  elif ! diff "$tmp/a" "$tmp/b" >"$tmp/route.diff"; then
    echo "FAIL: $path differs (SQLite <, PostgreSQL >):"
    head -20 "$tmp/route.diff"
    fail=1
  else
    echo "ok: $path ($sa, $(wc -c <"$tmp/a") bytes)"
  fi
}

routes=(
  "/api/events"
  "/api/events?mentions=true"
  "/api/events?dyad=AZE,IRN"
  "/api/events?dyad=AZE,IRN&directed=true"
  "/api/events?actor=IRN"
  "/api/events?actor=aliyev"
  "/api/events?type=CONSULT"
  "/api/events?type=04"
  "/api/events?type=verbal_conflict"
  "/api/events?since=2024-03&until=2024-06"
  "/api/events?until=2023"
  "/api/events?negated=true"
  "/api/events?location=geneva"
  "/api/events?text=held%20talks"
  "/api/events?format=csv&limit=20"
  "/api/events?dyad=ARM,AZE&type=CONSULT&since=2024"
  "/api/events/1"
  "/api/events/5"
  "/api/events/999999"
  "/api/timeline?dyad=AZE,IRN"
  "/api/timeline?dyad=ARM,AZE&by=day&all=true"
  "/api/timeline?dyad=TUR,ARM&by=year&format=csv"
  "/api/documents/same-a"
  "/api/documents/replaced"
  "/api/documents/no-such-document"
  "/api/actors"
  "/api/actors?country=IRN&limit=5"
  "/api/stats"
  "/api/stats?dyads=3"
  "/api/network"
  "/api/network?type=CONSULT&limit=4"
  "/api/places"
  "/api/places?dyad=ARM,AZE"
  "/api/openapi.json"
)
for r in "${routes[@]}"; do same_route "$r"; done
# Search: the same hits, whatever the ranking.
same_route "/api/search?q=held%20talks" '.hits | sort_by(.doc, .sentence)'
same_route "/api/search?q=ambassador%20Iran&limit=1000" '.hits | sort_by(.doc, .sentence)'

# Paging: every page of a listing, followed by its cursors, gives the same rows on both, and
# together the rows of one unpaged listing.
pages() {  # pages BASE QUERY -> every row, one JSON per line
  local cursor="" q
  while true; do
    q="$2&limit=7${cursor:+&cursor=$cursor}"
    get "$1" "/api/events?$q" >"$tmp/page"
    jq -c '.events[]' "$tmp/page"
    cursor=$(jq -r '.next // empty' "$tmp/page")
    [ -n "$cursor" ] || break
  done
}
for q in "dyad=AZE,IRN" "mentions=true" "since=2024-02"; do
  pages "$sq" "$q" >"$tmp/pages.sqlite"
  pages "$pg" "$q" >"$tmp/pages.pg"
  get "$sq" "/api/events?$q&limit=1000" | jq -c '.events[]' >"$tmp/all.sqlite"
  check "pages of $q: the same on both ($(wc -l <"$tmp/pages.pg") rows)" \
    cmp -s "$tmp/pages.sqlite" "$tmp/pages.pg"
  check "pages of $q: together the unpaged listing" cmp -s "$tmp/pages.sqlite" "$tmp/all.sqlite"
done

# A write through the other engine is seen by the PostgreSQL server (its cache follows the data
# version), and the answers stay equal.
before=$(get "$pg" "/api/stats" | jq .documents)
get "$pg" "/api/stats" >/dev/null  # cached now
printf '{"id":"late","date":"2024-09-09","text":"Georgia thanked Turkey for the aid."}\n' >"$tmp/late.jsonl"
# A database written by the previous schema version (5) is read as it is, and brought to the
# current version by the next writer.
schema_version() { psql -tAq "$PG_URL" -c "SELECT value FROM dragoman_meta WHERE key = 'schema_version'"; }
current_version=$(schema_version)
psql -q "$PG_URL" -c "UPDATE dragoman_meta SET value = '5' WHERE key = 'schema_version'" >/dev/null
"$DRAGOMAN" events --db "$PG_URL" >"$tmp/v5.jsonl" 2>"$tmp/v5.err"
check "a version 5 PostgreSQL database is read as it is" [ $? -eq 0 ]
"$DRAGOMAN" ingest --quiet --threads 1 --db "$PG_URL" "$tmp/late.jsonl"
check "the next writer brings it to version $current_version" [ "$(schema_version)" = "$current_version" ]
"$DRAGOMAN" ingest --quiet --threads 1 --db "$tmp/corpus.db" "$tmp/late.jsonl"
after=$(get "$pg" "/api/stats" | jq .documents)
check "the PostgreSQL server sees a new document ($before -> $after)" [ "$after" -eq $((before + 1)) ]
same_route "/api/events?since=2024-09"

# Re-coding (`ingest --recode`, after a dictionary change) replaces what each store holds of the
# same documents: as many documents as before, and the two stores still answer alike.
"$DRAGOMAN" ingest --quiet --threads 1 --recode --db "$PG_URL" "$tmp/corpus.jsonl"
check "ingest --recode into PostgreSQL" [ $? -eq 0 ]
"$DRAGOMAN" ingest --quiet --threads 1 --recode --db "$tmp/corpus.db" "$tmp/corpus.jsonl"
check "ingest --recode into SQLite" [ $? -eq 0 ]
check "re-coding keeps the document count" [ "$(get "$pg" "/api/stats" | jq .documents)" -eq "$after" ]
same_route "/api/events?mentions=true" 'walk(if type == "object" then del(.added) else . end)'

# Writes: POST /api/documents on a PostgreSQL server with a token goes through the same
# interface (coded, stored in one transaction), and the token-less server sees the document.
token=0123456789abcdef-test-token
DRAGOMAN_TOKEN=$token "$DRAGOMAN" serve --quiet --db "$PG_URL" --listen 127.0.0.1:0 \
  2>"$tmp/writer.serve.log" &
worker_pids+=($!)
for ((t = 0; t < 600; t++)); do grep -q "http://" "$tmp/writer.serve.log" && break; sleep 0.1; done
wport=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/writer.serve.log")
post='{"id":"posted","date":"2024-10-01","text":"Armenia thanked Georgia for the talks."}'
status=$(curl -s -o "$tmp/post.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data "$post" "http://127.0.0.1:$wport/api/documents")
check "POST /api/documents on PostgreSQL: 201, one added" \
  [ "$status" = 201 ] && [ "$(jq .added "$tmp/post.json")" = 1 ]
check "the posted document is served" \
  [ "$(get "$pg" /api/documents/posted | jq -r .id)" = posted ]
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data "$post" "http://127.0.0.1:$wport/api/documents")
check "posting it again stores nothing (200)" [ "$status" = 200 ]

[ $fail -eq 0 ] && echo "serve_pg_test: passed"
exit $fail
