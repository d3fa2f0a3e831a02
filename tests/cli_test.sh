#!/usr/bin/env bash
# End-to-end tests of the dragoman binary: flags, exit codes, bad input, output formats.
# Run by ctest (tests/CMakeLists.txt) with $DRAGOMAN and $DRAGOMAN_SOURCE_DIR set.
set -u
: "${DRAGOMAN:?path to the dragoman binary}" "${DRAGOMAN_SOURCE_DIR:?repo root}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() {  # check NAME CONDITION-COMMAND...
  local name=$1
  shift
  if "$@"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name"
  fi
}
run() {  # run ARGS... -> $out, $err, $rc
  "$DRAGOMAN" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}
one_line() { [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ]; }
ex="$DRAGOMAN_SOURCE_DIR/examples"

# Help and usage errors (exit 2).
run --help
check "top help" test "$rc" -eq 0 -a -n "$out"
run code --help
check "code help lists --format" grep -q -- "--format" "$tmp/out"
run code --fromat csv "$ex"
check "unknown flag exits 2" test "$rc" -eq 2
check "unknown flag one line naming it" bash -c "grep -q -- '--fromat' '$tmp/err' && [ \$(wc -l <'$tmp/err') -eq 1 ]"
run code --format xml "$ex"
check "bad --format exits 2" test "$rc" -eq 2
run code --date 2025-13-01 "$ex"
check "bad --date exits 2" test "$rc" -eq 2
run code
check "no input exits 2" test "$rc" -eq 2
run frobnicate
check "unknown command exits 2" test "$rc" -eq 2

# The examples code cleanly.
run code "$ex"
check "examples exit 0" test "$rc" -eq 0
check "examples give events" test "$(wc -l <"$tmp/out")" -gt 5
check "examples output is JSONL" bash -c "head -1 '$tmp/out' | grep -q '^{\"doc\":'"
run code --format csv "$ex"
check "csv header" bash -c "head -1 '$tmp/out' | grep -q '^doc,doc_date,sentence,'"
run code --format tsv "$ex"
check "tsv header" bash -c "head -1 '$tmp/out' | grep -q \$'^doc\tdoc_date\tsentence\t'"

# stdin.
"$DRAGOMAN" code - <"$ex/2025-08-08-washington-summit.txt" >"$tmp/out" 2>"$tmp/err"
check "stdin works" test $? -eq 0 -a -s "$tmp/out"

# A closed pipe is not an error.
"$DRAGOMAN" code "$ex" "$ex" "$ex" 2>"$tmp/err" | head -1 >/dev/null
check "closed pipe exits 0" test "${PIPESTATUS[0]}" -eq 0
check "closed pipe is silent" test ! -s "$tmp/err"

# Bad input: one line naming the file, exit 3, the other inputs still coded.
printf 'abc\0def' >"$tmp/binary.txt"
printf 'The minister met\xff the envoy.\n' >"$tmp/badutf8.txt"
: >"$tmp/empty.txt"
run code "$tmp/binary.txt" "$ex/2025-08-08-washington-summit.txt"
check "binary exits 3" test "$rc" -eq 3
check "binary named" bash -c "grep -q 'binary.txt' '$tmp/err'"
check "binary one line" one_line
check "other input still coded" test -n "$out"
run code "$tmp/badutf8.txt"
check "invalid utf-8 exits 3" test "$rc" -eq 3
check "invalid utf-8 names line:col" bash -c "grep -q 'badutf8.txt:1:17' '$tmp/err'"
run code "$tmp/empty.txt"
check "empty exits 3" test "$rc" -eq 3
check "empty named" bash -c "grep -q 'empty.txt' '$tmp/err' && grep -qi 'empty' '$tmp/err'"
run code "$tmp/does-not-exist.txt"
check "missing file exits 3" test "$rc" -eq 3
# A 200 MB line inside JSON Lines is refused with its line number; the next line is still coded.
{
  echo '{"id":"a","text":"Armenia and Azerbaijan signed an agreement."}'
  head -c 209715200 /dev/zero | tr '\0' 'x'
  echo
  echo '{"id":"b","text":"Iran and Azerbaijan signed an agreement."}'
} >"$tmp/huge.jsonl"
run code "$tmp/huge.jsonl"
check "200 MB line exits 3" test "$rc" -eq 3
check "200 MB line named with line" bash -c "grep -q 'huge.jsonl:2' '$tmp/err'"
check "200 MB line one line" one_line
check "lines around the huge one coded" bash -c "grep -q '\"doc\":\"b\"' '$tmp/out'"
rm -f "$tmp/huge.jsonl"

# A malformed dictionary entry: exit 4, file and line named.
cp -r "$DRAGOMAN_SOURCE_DIR/data" "$tmp/data"
printf 'this line is not a valid pattern \t\t\t 999x\n' >>"$tmp/data/events/verbs.txt"
run code --data "$tmp/data" "$ex"
check "bad dictionary exits 4" test "$rc" -eq 4
check "bad dictionary names file:line" bash -c "grep -q 'verbs.txt:[0-9]' '$tmp/err'"
check "bad dictionary one line" one_line
run code --data "$tmp/nowhere" "$ex"
check "missing data dir exits 4" test "$rc" -eq 4

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
