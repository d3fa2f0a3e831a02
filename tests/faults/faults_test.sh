#!/usr/bin/env bash
# The fault suite (issue 12, doc/reliability.md): dragoman under kill -9, concurrent writers,
# queries during an ingest, a full disk, a read-only database, and unreadable, looping and oddly
# named inputs read as an unprivileged user. Each check compares with a clean run or expects the
# documented one-line error and exit code (doc/cli.md). Run by ctest with $DRAGOMAN and
# $DRAGOMAN_SOURCE_DIR set; prints "N passed, N failed".
#   FAULTS_DOCS=N   documents in the generated corpus (default 600)
set -u
: "${DRAGOMAN:?path to the dragoman binary}" "${DRAGOMAN_SOURCE_DIR:?repo root}"
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
skipped=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name"
  fi
}
skip() { skipped=$((skipped + 1)); echo "SKIP: $*"; }
lines() { wc -l <"$1"; }
one_line() { [ "$(wc -l <"$1")" -eq 1 ]; }

# --- A corpus of invented news items -----------------------------------------------------------
docs=${FAULTS_DOCS:-600}
corpus="$tmp/corpus"
mkdir -p "$corpus"
countries=(Azerbaijan Iran Armenia Georgia Turkey Russia)
cities=(Baku Tehran Yerevan Tbilisi Ankara Moscow)
verbs=("met" "criticized" "praised" "accused" "thanked" "urged")
for ((i = 0; i < docs; i++)); do
  a=$((i % 6)) b=$(((i / 6 + 1 + i) % 6))
  [ "$a" -eq "$b" ] && b=$(((b + 1) % 6))
  d=$((1 + i % 28)) m=$((1 + (i / 28) % 12))
  printf 'Published: %d %s 2024\n\nThe foreign minister of %s %s the ambassador of %s in %s on Monday, officials said in item %d.\n\nThe president of %s did not meet the envoy of %s.\n' \
    "$d" "$(date -d "2024-$m-01" +%B)" "${countries[a]}" "${verbs[i % 6]}" "${countries[b]}" \
    "${cities[a]}" "$i" "${countries[b]}" "${countries[a]}" >"$corpus/item$(printf %04d "$i").txt"
done

# The content of a store, independent of row ids and ingestion times: every event as exported,
# sorted, and the document count.
dump() {  # dump DB OUT
  "$DRAGOMAN" export --db "$1" --format jsonl 2>/dev/null |
    sed -E 's/,"(event_id|mention_id|added)":[^,}]*//g' | sort >"$2"
  "$DRAGOMAN" events --db "$1" --format jsonl --mentions 2>/dev/null | wc -l >>"$2"
}

# --- The clean run -----------------------------------------------------------------------------
"$DRAGOMAN" ingest --quiet --threads 1 --batch 8 --db "$tmp/clean.db" "$corpus" 2>"$tmp/err"
check "clean ingest exits 0" test $? -eq 0
dump "$tmp/clean.db" "$tmp/clean.dump"
check "clean run stored events" test "$(lines "$tmp/clean.dump")" -gt "$docs"

# --- kill -9 at random points, then resume: nothing lost, nothing doubled ----------------------
# Each round kills an ingest that resumes the previous rounds' work; at least one round must
# have been cut off part way for the check to mean anything.
# The clean store's size on disk: an interrupted ingest is killed once its database (main file
# plus write-ahead log) has grown to a random fraction of it, i.e. after some batches were
# committed and before all were, whatever the machine's speed.
clean_bytes=$(stat -c %s "$tmp/clean.db")
db_bytes() { local n=0 f; for f in "$1" "$1-wal"; do [ -f "$f" ] && n=$((n + $(stat -c %s "$f"))); done; echo "$n"; }
stored() { "$DRAGOMAN" export --db "$1" --format jsonl 2>/dev/null | grep -o '"doc":"[^"]*"' | sort -u | wc -l; }
db="$tmp/killed.db"
partial=0
for round in 1 2 3 4 5 6; do
  # Kill once the store has grown by a random share (up to 40%) of what it still lacks.
  cur=$(db_bytes "$db")
  want=$((cur + (clean_bytes - cur) * (RANDOM % 100 + 1) / 250))
  "$DRAGOMAN" ingest --quiet --threads 1 --batch 8 --db "$db" "$corpus" 2>/dev/null &
  pid=$!
  pids+=("$pid")
  while kill -0 "$pid" 2>/dev/null && [ "$(db_bytes "$db")" -lt "$want" ]; do sleep 0.005; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  n=$(stored "$db")
  echo "kill -9 round $round at $want of $clean_bytes bytes: documents with events stored: $n of $docs"
  [ "$n" -gt 0 ] && [ "$n" -lt "$docs" ] && partial=$((partial + 1))
done
check "at least one kill -9 landed part way through an ingest" test "$partial" -gt 0
"$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus" 2>"$tmp/err"
check "resume after kill -9 exits 0" test $? -eq 0
dump "$db" "$tmp/killed.dump"
check "after 6 kill -9s and a resume the store equals a clean run" cmp -s "$tmp/clean.dump" "$tmp/killed.dump"

# --- Concurrent ingests into a new database, then into an existing one ------------------------
for round in 1 2 3; do
  db="$tmp/new$round.db"
  "$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus" 2>"$tmp/c1.err" &
  p1=$!
  "$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus" 2>"$tmp/c2.err" &
  p2=$!
  pids+=("$p1" "$p2")
  wait "$p1"; r1=$?
  wait "$p2"; r2=$?
  check "two ingests creating database $round both exit 0 ($r1 $r2: $(cat "$tmp/c1.err" "$tmp/c2.err"))" \
    test "$r1" -eq 0 -a "$r2" -eq 0
  dump "$db" "$tmp/new.dump"
  check "two ingests into a new database store each document once (round $round)" \
    cmp -s "$tmp/clean.dump" "$tmp/new.dump"
done
db="$tmp/existing.db"
half=$((docs / 2))
ls "$corpus" | head -n "$half" | sed "s|^|$corpus/|" | xargs "$DRAGOMAN" ingest --quiet --db "$db" 2>/dev/null
"$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus" 2>"$tmp/c1.err" &
p1=$!
ls "$corpus" | tail -n +"$((half / 2))" | sed "s|^|$corpus/|" |
  xargs "$DRAGOMAN" ingest --quiet --threads 1 --db "$db" 2>"$tmp/c2.err" &
p2=$!
pids+=("$p1" "$p2")
wait "$p1"; r1=$?
wait "$p2"; r2=$?
check "two ingests into an existing database both exit 0" test "$r1" -eq 0 -a "$r2" -eq 0
dump "$db" "$tmp/existing.dump"
check "two overlapping ingests into an existing database equal a clean run" \
  cmp -s "$tmp/clean.dump" "$tmp/existing.dump"

# --- Queries during an ingest: never a busy error ---------------------------------------------
db="$tmp/busy.db"
"$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus/item0000.txt" 2>/dev/null
"$DRAGOMAN" ingest --quiet --threads 1 --batch 4 --db "$db" "$corpus" 2>/dev/null &
p1=$!
pids+=("$p1")
qfail=0
queries=0
while kill -0 "$p1" 2>/dev/null && [ "$queries" -lt 300 ]; do
  for q in "events --limit 3 --format jsonl" "search minister --limit 2 --format jsonl" "timeline AZE IRN --by year --format json" "actors --format jsonl"; do
    # shellcheck disable=SC2086
    "$DRAGOMAN" $q --db "$db" >/dev/null 2>"$tmp/q.err"
    rc=$?
    queries=$((queries + 1))
    if [ "$rc" -ne 0 ]; then
      qfail=$((qfail + 1))
      echo "query '$q' during ingest: exit $rc: $(cat "$tmp/q.err")"
    fi
  done
done
wait "$p1"
check "ingest with $queries concurrent queries exits 0" test $? -eq 0
check "$queries queries during an ingest all succeed" test "$qfail" -eq 0 -a "$queries" -gt 0

# --- A full disk ------------------------------------------------------------------------------
# A file-size limit makes writes fail with EFBIG, as a full disk fails them with ENOSPC; SIGXFSZ
# is ignored so that the write error reaches dragoman instead of killing it.
db="$tmp/full.db"
"$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus/item0000.txt" 2>/dev/null
(trap '' XFSZ; ulimit -f 200; exec "$DRAGOMAN" ingest --quiet --threads 1 --batch 4 --db "$db" "$corpus") \
  2>"$tmp/err"
rc=$?
check "ingest onto a full disk exits 5 (store error), got $rc" test "$rc" -eq 5
check "a full disk is one line on stderr: $(head -c 300 "$tmp/err")" one_line "$tmp/err"
"$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus" 2>"$tmp/err"
check "the ingest resumes once there is room" test $? -eq 0
dump "$db" "$tmp/full.dump"
check "after a full disk and a resume the store equals a clean run" cmp -s "$tmp/clean.dump" "$tmp/full.dump"
if [ -w /dev/full ]; then
  "$DRAGOMAN" code "$corpus/item0001.txt" >/dev/full 2>"$tmp/err"
  rc=$?
  check "code onto a full device exits 6" test "$rc" -eq 6
  check "an output failure is one line" one_line "$tmp/err"
fi

# --- The server under faults: queries while an ingest writes, writes killed with -9 ------------
# `dragoman serve` reads while `dragoman ingest` writes the same store (WAL): every answer is 200,
# never a busy error; the ingest ends with the clean run's store. Then writes through the server
# (POST /api/documents, all or nothing) are cut by kill -9 at random points, the server restarted
# and the same batches posted again: the store ends equal to an ingest of the same documents.
serve_start() {  # serve_start DB LOG [FLAGS...]; sets $srv and $port
  local db=$1 log=$2
  shift 2
  "$DRAGOMAN" serve --db "$db" --quiet --listen 127.0.0.1:0 "$@" 2>"$log" &
  srv=$!
  pids+=("$srv")
  port=""
  for _ in $(seq 150); do
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f3)
    [ -n "$port" ] && break
    kill -0 "$srv" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ]
}
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@"; }
if command -v curl >/dev/null; then
  db="$tmp/serve.db"
  "$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$corpus/item0000.txt" 2>/dev/null
  if serve_start "$db" "$tmp/serve.log" --cache-mb 0; then
    "$DRAGOMAN" ingest --quiet --threads 1 --batch 4 --db "$db" "$corpus" 2>/dev/null &
    p1=$!
    pids+=("$p1")
    bad=0
    asked=0
    while kill -0 "$p1" 2>/dev/null && [ "$asked" -lt 400 ]; do
      for route in "api/events?limit=5" "api/events?dyad=AZE,IRN&limit=20" \
        "api/timeline?dyad=AZE,IRN&by=month" "api/search?q=minister&limit=3" "api/stats" \
        "api/actors?limit=10"; do
        code=$(status "http://127.0.0.1:$port/$route")
        asked=$((asked + 1))
        if [ "$code" != 200 ]; then
          bad=$((bad + 1))
          echo "GET /$route during an ingest: status $code"
        fi
      done
    done
    wait "$p1"
    check "ingest beside a serving server exits 0" test $? -eq 0
    check "$asked requests to the server during an ingest all answer 200" \
      test "$bad" -eq 0 -a "$asked" -gt 0
    dump "$db" "$tmp/serve.dump"
    check "a store read by the server while written equals a clean run" \
      cmp -s "$tmp/clean.dump" "$tmp/serve.dump"
    kill -TERM "$srv"
    wait "$srv"
    check "serve stops with exit 0 on SIGTERM" test $? -eq 0
  else
    check "serve starts: $(head -c 300 "$tmp/serve.log")" false
  fi

  # Writes through the server, killed with -9 part way. The corpus as JSON Lines batches of 10,
  # posted one after another; each round kills the server 0-9 ms after its first answer, while
  # the next batches are being coded or written.
  wdocs=$((docs < 100 ? docs - 1 : 100))
  token="$tmp/token"
  printf 'faults-test-token-0123456789\n' >"$token"
  mkdir -p "$tmp/batches"
  for ((i = 0; i < wdocs; i++)); do
    f="$corpus/item$(printf %04d "$i").txt"
    jq -cn --arg id "item$(printf %04d "$i").txt" --rawfile text "$f" '{id: $id, text: $text}' \
      >>"$tmp/batches/b$(printf %02d $((i / 10)))"
  done
  cat "$tmp/batches"/b* >"$tmp/posted.jsonl"
  # Both stores start with one document ingested from a file, then get the same JSON Lines.
  last="$corpus/item$(printf %04d $((docs - 1))).txt"
  db="$tmp/post.db"
  "$DRAGOMAN" ingest --quiet --threads 1 --db "$db" "$last" 2>/dev/null
  "$DRAGOMAN" ingest --quiet --threads 1 --db "$tmp/post-clean.db" "$last" 2>/dev/null
  "$DRAGOMAN" ingest --quiet --threads 1 --db "$tmp/post-clean.db" "$tmp/posted.jsonl" 2>/dev/null
  dump "$tmp/post-clean.db" "$tmp/post-clean.dump"
  poster() {  # poster PORT ROUND: every batch in order; a file holds each answer's status
    local b code
    for b in "$tmp/batches"/b*; do
      code=$(status -X POST -H "Authorization: Bearer $(head -1 "$token")" \
        -H 'Content-Type: application/x-ndjson' --data-binary "@$b" \
        "http://127.0.0.1:$1/api/documents")
      echo "$code" >"$tmp/answer-$2-$(basename "$b")"
    done
  }
  killed=0
  partial=0
  for round in 1 2 3; do
    serve_start "$db" "$tmp/post$round.log" --token-file "$token" || break
    poster "$port" "$round" &
    poster_pid=$!
    for _ in $(seq 600); do
      [ -f "$tmp/answer-$round-b00" ] && break
      sleep 0.05
    done
    sleep "0.00$((RANDOM % 10))"
    kill -9 "$srv" 2>/dev/null && killed=$((killed + 1))
    wait "$srv" 2>/dev/null
    wait "$poster_pid"
    stored=$("$DRAGOMAN" export --db "$db" --format jsonl 2>/dev/null | jq -r .doc | sort -u | wc -l)
    echo "server kill -9 round $round: documents stored $stored of $((wdocs + 1))"
    [ "$stored" -lt $((wdocs + 1)) ] && partial=1
  done
  check "at least one kill -9 landed while the server's writes were unfinished" test "$partial" -eq 1
  serve_start "$db" "$tmp/post-final.log" --token-file "$token"
  for b in "$tmp/batches"/b*; do
    code=""
    for _ in $(seq 50); do  # one write at a time: 429 means try again
      code=$(status -X POST -H "Authorization: Bearer $(head -1 "$token")" \
        -H 'Content-Type: application/x-ndjson' --data-binary "@$b" \
        "http://127.0.0.1:$port/api/documents")
      [ "$code" = 429 ] || break
      sleep 0.2
    done
    check "POST $(basename "$b") after the kills answers 200 or 201, got $code" \
      test "$code" = 200 -o "$code" = 201
  done
  kill -TERM "$srv"
  wait "$srv"
  dump "$db" "$tmp/post.dump"
  check "server writes killed with -9 ($killed times) then posted again equal one ingest" \
    cmp -s "$tmp/post-clean.dump" "$tmp/post.dump"
else
  skip "curl is not installed: the server's fault checks"
fi

# --- As an unprivileged user: read-only database, unreadable inputs, links, odd names ----------
as_user=()
if [ "$(id -u)" -ne 0 ]; then
  as_user=(env)
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
elif command -v runuser >/dev/null && runuser -u nobody -- true 2>/dev/null; then
  as_user=(runuser -u nobody --)
fi
bin_ok=0
[ ${#as_user[@]} -gt 0 ] && "${as_user[@]}" "$DRAGOMAN" --version >/dev/null 2>&1 && bin_ok=1
if [ "$bin_ok" -eq 0 ]; then
  skip "no unprivileged user can run $DRAGOMAN here: permission checks not run"
else
  u="$tmp/user"
  mkdir -p "$u"
  cp "$tmp/clean.db" "$u/ro.db"
  chmod 444 "$u/ro.db"
  chmod 555 "$u"
  before=$(md5sum <"$u/ro.db")
  "${as_user[@]}" "$DRAGOMAN" ingest --quiet --db "$u/ro.db" "$corpus/item0001.txt" 2>"$tmp/err"
  rc=$?
  check "ingest into a read-only database exits 5, got $rc" test "$rc" -eq 5
  check "a read-only database is one line: $(cat "$tmp/err")" one_line "$tmp/err"
  check "a read-only database is left unchanged" test "$(md5sum <"$u/ro.db")" = "$before"
  chmod 755 "$u"
  [ "$(id -u)" -eq 0 ] && chown 65534:65534 "$u"

  # Issue 12 rows 5 to 8: an unreadable sub-folder and file, looping and dangling links, and a
  # name holding a newline, each reported on one line in its place with exit 3 (bad input); every
  # readable file beside them is still coded and stored.
  in="$u/in"
  mkdir -p "$in/b_locked" "$in/sub"
  cp "$corpus/item0001.txt" "$in/a.txt"
  cp "$corpus/item0002.txt" "$in/b_locked/x.txt"
  cp "$corpus/item0003.txt" "$in/c_locked.txt"
  cp "$corpus/item0004.txt" "$in/sub/z.txt"
  cp "$corpus/item0005.txt" "$in/e"$'\n'"name.txt"
  printf 'not text \x00 at all' >"$in/f"$'\n'"binary.txt"
  ln -s "$in" "$in/sub/up"
  ln -s "$in/missing.txt" "$in/d_dangling.txt"
  ln -s "$in/g_loop" "$in/g_loop"
  chmod 000 "$in/b_locked" "$in/c_locked.txt"
  "${as_user[@]}" "$DRAGOMAN" code "$in" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  check "issue 12 rows 5-7: code over a folder with unreadable and looping entries exits 3, got $rc" \
    test "$rc" -eq 3
  check "issue 12 row 5: an unreadable sub-folder is one line and its siblings are coded" \
    grep -qx "dragoman: $in/b_locked: cannot read folder: Permission denied" "$tmp/err"
  check "issue 12 row 6: an unreadable file is bad input, one line" \
    grep -qx "dragoman: $in/c_locked.txt: cannot open file: Permission denied" "$tmp/err"
  check "issue 12 row 7: a dangling link is reported" \
    grep -qx "dragoman: $in/d_dangling.txt: dangling symbolic link" "$tmp/err"
  check "issue 12 row 7: a self-referencing link is reported" \
    grep -qx "dragoman: $in/g_loop: symbolic link loop" "$tmp/err"
  check "issue 12 row 7: a link back up the tree is reported" \
    grep -q "^dragoman: $in/sub/up: symbolic link loop" "$tmp/err"
  check "issue 12 row 8: a name with a newline stays on one line" \
    grep -qx "dragoman: $in/f\\\\nbinary.txt: binary file (NUL byte at offset 9)" "$tmp/err"
  check "issue 12 rows 5-8: exactly one line per problem" test "$(lines "$tmp/err")" -eq 6
  for f in a.txt sub/z.txt e$'\n'name.txt; do
    id=$(basename "$f")
    check "issue 12 rows 5-8: the readable file ${id//$'\n'/\\n} is coded" \
      grep -qF "\"doc\":\"$(printf '%s' "$id" | sed 's/\n/\\n/')" "$tmp/out"
  done
  "${as_user[@]}" "$DRAGOMAN" ingest --quiet --db "$u/in.db" "$in" 2>"$tmp/err"
  rc=$?
  check "issue 12 rows 5-8: ingest exits 3 and stores the rest, got $rc" test "$rc" -eq 3
  n=$("$DRAGOMAN" export --db "$u/in.db" --format jsonl | grep -c '"doc":' || true)
  check "issue 12 rows 5-8: ingest stored the three readable documents' events" test "$n" -ge 3
  chmod 755 "$in/b_locked"
  chmod 644 "$in/c_locked.txt"
fi

echo "faults: $pass passed, $fail failed, $skipped skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
