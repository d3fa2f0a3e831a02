#!/usr/bin/env bash
# Issue 12's table, re-run through the dragoman binary: each row's input gets the right one-line
# error and exit code, or the right result (doc/cli.md). Rows 5-8 need an unprivileged user and
# live in faults_test.sh; rows 11 and 12 are covered by the query tests.
# Run by ctest with $DRAGOMAN and $DRAGOMAN_SOURCE_DIR set; prints "N passed, N failed".
#   ISSUE12_BIG_MB=N   size of the row 10 article (default 50; 0 skips it)
set -u
: "${DRAGOMAN:?path to the dragoman binary}" "${DRAGOMAN_SOURCE_DIR:?repo root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() {
  local name=$1
  shift
  if "$@"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name"
  fi
}
one_line() { [ "$(wc -l <"$1")" -eq 1 ]; }
ex="$DRAGOMAN_SOURCE_DIR/examples"
sentence="The foreign minister of Azerbaijan met the ambassador of Iran in Baku on Monday."

# Row 1: a JSONL record holding 1e400 aborted the process (134) and lost what was coded.
{
  printf '{"id":"r1","text":"%s"}\n' "$sentence"
  printf '{"id":"r2","text":"%s Again.","weight":1e400}\n' "$sentence"
  printf '{"id":"r3","text":"%s Once more.","date":"2024-03-08"}\n' "$sentence"
} >"$tmp/row1.jsonl"
"$DRAGOMAN" code "$tmp/row1.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 1: code exits 3 (bad input), got $rc" test "$rc" -eq 3
check "row 1: one line naming the record" grep -q "^dragoman: $tmp/row1.jsonl:2: invalid JSON: " "$tmp/err"
check "row 1: one line only" one_line "$tmp/err"
check "row 1: the records around it are coded" \
  test "$(grep -c '"doc":"r1"' "$tmp/out")" -ge 1 -a "$(grep -c '"doc":"r3"' "$tmp/out")" -ge 1
mkdir -p "$tmp/row1"
cp "$tmp/row1.jsonl" "$tmp/row1/"
for run in 1 2; do
  "$DRAGOMAN" ingest --quiet --db "$tmp/row1.db" "$tmp/row1" 2>"$tmp/err"
  rc=$?
  check "row 1: ingest of the folder finishes (run $run) with exit 3, got $rc" test "$rc" -eq 3
done
n=$("$DRAGOMAN" export --db "$tmp/row1.db" --format jsonl | grep -c '"doc":"r[13]"')
check "row 1: ingest stored the other records" test "$n" -ge 2

# Row 2 is a unit test (DocDate.Issue12Row2...) and a fuzz regression input; through the CLI:
printf 'Published 99999999999-07-01\n\n%s\n' "$sentence" >"$tmp/row2.txt"
"$DRAGOMAN" code "$tmp/row2.txt" >"$tmp/out" 2>"$tmp/err"
check "row 2: an overflowing byline date codes with exit 0 and no date from it" \
  bash -c "[ $? -eq 0 ] && grep -q '\"doc_date\":null' '$tmp/out'"

# Row 3: a 2,000-word search query ran for minutes; 400 ORs took 2.8 s.
"$DRAGOMAN" ingest --quiet --db "$tmp/q.db" "$ex" 2>/dev/null
words=$(for i in $(seq 2000); do printf 'word%d ' "$i"; done)
# shellcheck disable=SC2086
timeout 30 "$DRAGOMAN" search --db "$tmp/q.db" $words >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 3: a 2,000-word query is refused at once with exit 2, got $rc" test "$rc" -eq 2
check "row 3: one line naming the limit" \
  grep -qx "dragoman search: search query has 2000 words; at most 32 are allowed (--max-query-terms)" "$tmp/err"
ors=$(for i in $(seq 400); do printf 'term%d OR ' "$i"; done)
timeout 30 "$DRAGOMAN" search --db "$tmp/q.db" "${ors}minister" >/dev/null 2>"$tmp/err"
check "row 3: 400 ORs are refused with exit 2" test $? -eq 2
timeout 30 "$DRAGOMAN" events --db "$tmp/q.db" --text "$words" >/dev/null 2>"$tmp/err"
check "row 3: events --text with 2,000 words is refused with exit 2" test $? -eq 2
q32=$(for i in $(seq 31); do printf 'w%d OR ' "$i"; done)
timeout 30 "$DRAGOMAN" search --db "$tmp/q.db" --format jsonl "${q32}minister" >"$tmp/out" 2>"$tmp/err"
check "row 3: a 32-word query runs (exit 0) and finds the minister" \
  bash -c "[ $? -eq 0 ] && [ -s '$tmp/out' ]"
timeout 30 "$DRAGOMAN" search --db "$tmp/q.db" --max-query-terms 500 --max-query-bytes 8000 \
  "${ors}minister" >/dev/null 2>&1
check "row 3: the limits are configuration (--max-query-terms/--max-query-bytes let 400 ORs run)" \
  test $? -eq 0

# Row 4 is StoreTest.Issue12Row4... and faults_test.sh (three rounds of two processes).

# Row 9: a non-ISO code, a line without fields and a duplicate in countries.txt, a Goldstein
# weight of nan in cameo.tsv, an empty verbs.txt were all accepted (null weights, or no events
# and exit 0); a missing verbs.txt gave 3. Each is now exit 4 and one line naming file:line, and
# check-data lists them all at once.
row9() {  # a fresh copy of the data directory in $tmp/row9
  rm -rf "$tmp/row9"
  cp -r "$DRAGOMAN_SOURCE_DIR/data" "$tmp/row9"
}
row9
printf 'ABC | Nowhere | | |\n' >>"$tmp/row9/actors/countries.txt"
"$DRAGOMAN" code --data "$tmp/row9" "$ex" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 9: a non-ISO country code exits 4, got $rc" test "$rc" -eq 4
check "row 9: the non-ISO code is named with file:line" \
  grep -q "countries.txt:[0-9]*: country code 'ABC' is not in ISO 3166-1" "$tmp/err"
check "row 9: one line" one_line "$tmp/err"
row9
printf 'AZE | | | |\n' >>"$tmp/row9/actors/countries.txt"
"$DRAGOMAN" code --data "$tmp/row9" "$ex" >"$tmp/out" 2>"$tmp/err"
check "row 9: a duplicate country exits 4" test $? -eq 4
check "row 9: the duplicate is named" grep -q "countries.txt:[0-9]*: duplicate country AZE (first on line [0-9]*)" "$tmp/err"
row9
sed -i 's/^010\t[^\t]*\t/010\tnan\t/' "$tmp/row9/events/cameo.tsv"
"$DRAGOMAN" code --data "$tmp/row9" "$ex" >"$tmp/out" 2>"$tmp/err"
check "row 9: a Goldstein nan exits 4" test $? -eq 4
check "row 9: the weight is named" grep -q "cameo.tsv:[0-9]*: bad Goldstein weight 'nan'" "$tmp/err"
row9
: >"$tmp/row9/events/verbs.txt"
"$DRAGOMAN" code --data "$tmp/row9" "$ex" >"$tmp/out" 2>"$tmp/err"
check "row 9: an empty verbs.txt exits 4" test $? -eq 4
check "row 9: the empty file is named" grep -q "verbs.txt: no patterns" "$tmp/err"
rm "$tmp/row9/events/verbs.txt"
"$DRAGOMAN" code --data "$tmp/row9" "$ex" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 9: a missing verbs.txt exits 4 (was 3), got $rc" test "$rc" -eq 4
check "row 9: the missing file is named" grep -q "verbs.txt: no such data file" "$tmp/err"
# check-data: every problem at once, one line each, then the count; exit 4.
row9
printf 'ABC | Nowhere | | |\nAZE | | | |\n' >>"$tmp/row9/actors/countries.txt"
sed -i 's/^010\t[^\t]*\t/010\tnan\t/' "$tmp/row9/events/cameo.tsv"
"$DRAGOMAN" check-data --data "$tmp/row9" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 9: check-data exits 4, got $rc" test "$rc" -eq 4
check "row 9: check-data lists all three problems and the count" \
  test "$(grep -c "countries.txt:[0-9]*: \|cameo.tsv:[0-9]*: " "$tmp/err")" -eq 3 -a \
  "$(tail -1 "$tmp/err")" = "dragoman check-data: 3 problems in $tmp/row9"
"$DRAGOMAN" check-data "$DRAGOMAN_SOURCE_DIR/data" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 9: check-data on the shipped data exits 0, got $rc" test "$rc" -eq 0
check "row 9: and says so" grep -q "no problems" "$tmp/out"
rm -rf "$tmp/row9"

# Row 10: a 50 MB article took 2.2 GB (44x). Peak memory must stay within 10x its size, whether
# the article is coded (a news-like density of events) or refused whole because it codes to more
# events than --max-events-per-document (an article where every sentence is an event).
mb=${ISSUE12_BIG_MB:-50}
# make_article FILE EVENTFUL_EVERY: MB megabytes of invented paragraphs, one in EVENTFUL_EVERY of
# them an event.
make_article() {
  local file=$1 every=$2 i chunk=""
  local events=(
    "The foreign minister of Azerbaijan met the ambassador of Iran in Baku on Monday to discuss transit."
    "Armenia's prime minister did not attend the summit, a spokesman said in Yerevan on Tuesday."
    "Georgian officials criticized the decision and urged Russia to withdraw its troops from the border."
    "Turkey offered to host new talks, and the two delegations agreed to meet again next month."
  )
  for i in $(seq 400); do
    if [ $((i % every)) -eq 0 ]; then
      chunk+="${events[i % 4]} Item $i of the record."$'\n\n'
    else
      chunk+="The weather stayed mild for most of the week and the harbour reopened after repairs, line $i."$'\n\n'
    fi
  done
  printf '%s' "$chunk" >"$file"
  while [ "$(stat -c %s "$file")" -lt $((mb * 1000 * 1000)) ]; do
    cat "$file" "$file" >"$file.2" && mv "$file.2" "$file"
  done
  truncate -s $((mb * 1000 * 1000)) "$file"
}
# peak RSS of `dragoman code ARGS...` as a multiple of FILE's size -> $ratio, $rc
measure() {
  local file=$1
  shift
  /usr/bin/time -f '%M' -o "$tmp/rss" "$DRAGOMAN" code "$@" "$file" >"$tmp/big.out" 2>"$tmp/err"
  rc=$?
  local rss_kb size
  rss_kb=$(tail -1 "$tmp/rss")
  size=$(stat -c %s "$file")
  ratio=$(awk -v r="$rss_kb" -v s="$size" 'BEGIN { printf "%.1f", r * 1024 / s }')
  echo "row 10: $((size / 1000000)) MB article: peak RSS $((rss_kb / 1024)) MiB = ${ratio}x its size, exit $rc, $(wc -l <"$tmp/big.out") events"
}
if [ "$mb" -gt 0 ] && [ -x /usr/bin/time ]; then
  make_article "$tmp/news.txt" 100
  measure "$tmp/news.txt"
  check "row 10: a ${mb} MB news-like article is coded (exit 0), got $rc: $(head -c 200 "$tmp/err")" test "$rc" -eq 0
  check "row 10: ... within 10x its size in memory (${ratio}x)" awk -v r="$ratio" 'BEGIN { exit !(r <= 10) }'
  rm -f "$tmp/news.txt"
  make_article "$tmp/dense.txt" 1
  measure "$tmp/dense.txt"
  check "row 10: a ${mb} MB article of events only is refused whole (exit 3), got $rc" test "$rc" -eq 3
  check "row 10: ... with one line and no event written" \
    bash -c "grep -q 'events, more than --max-events-per-document 10000; none written' '$tmp/err' && [ \$(wc -l <'$tmp/err') -eq 1 ] && [ ! -s '$tmp/big.out' ]"
  check "row 10: ... within 10x its size in memory (${ratio}x)" awk -v r="$ratio" 'BEGIN { exit !(r <= 10) }'
  "$DRAGOMAN" code --max-document-bytes 1000000 "$tmp/dense.txt" >"$tmp/big.out" 2>"$tmp/err"
  check "row 10: over --max-document-bytes: exit 3 and one line" \
    bash -c "[ $? -eq 3 ] && grep -qx 'dragoman: $tmp/dense.txt: document larger than 1000000 bytes' '$tmp/err'"
  rm -f "$tmp/dense.txt" "$tmp/big.out"
fi

# Row 13: ids over 2^64 became floats, so two ids could collide.
{
  printf '{"id":18446744073709551616,"text":"%s"}\n' "$sentence"
  printf '{"id":18446744073709551617,"text":"%s"}\n' "$sentence"
  printf '{"id":18446744073709551615,"text":"%s"}\n' "$sentence"
} >"$tmp/row13.jsonl"
"$DRAGOMAN" code "$tmp/row13.jsonl" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "row 13: ids over 64 bits are refused with exit 3, got $rc" test "$rc" -eq 3
check "row 13: one line each" test "$(wc -l <"$tmp/err")" -eq 2
check "row 13: the message says to give the id as a string" \
  grep -q "row13.jsonl:1: \"id\" 1.8446744073709552e+19 is not an integer of at most 64 bits; give it as a string" "$tmp/err"
check "row 13: a 64-bit id keeps its digits" grep -q '"doc":"18446744073709551615"' "$tmp/out"

echo "issue 12: $pass passed, $fail failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
