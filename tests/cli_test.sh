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

# Issue 14: the output is the same whatever the number of coding threads (documents are coded in
# parallel and written in input order).
inputs=("$ex" "$ex/wire.jsonl")
[ -d "${DRAGOMAN_SHARED_DIR:-$DRAGOMAN_SOURCE_DIR/../shared}/seeds" ] &&
  inputs+=("${DRAGOMAN_SHARED_DIR:-$DRAGOMAN_SOURCE_DIR/../shared}/seeds")
"$DRAGOMAN" code --threads 1 "${inputs[@]}" "${inputs[@]}" >"$tmp/threads1" 2>"$tmp/err"
"$DRAGOMAN" code --threads 3 "${inputs[@]}" "${inputs[@]}" >"$tmp/threads3" 2>>"$tmp/err"
check "code --threads 1 codes events" test "$(wc -l <"$tmp/threads1")" -gt 10
check "code output identical on 1 and 3 threads" cmp -s "$tmp/threads1" "$tmp/threads3"
run code --threads 0 "$ex"
check "--threads 0 exits 2" test "$rc" -eq 2

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

# check-data: every problem of the broken copy above, then the count; usage errors exit 2.
printf 'AZE | | | |\n' >>"$tmp/data/actors/countries.txt"
run check-data "$tmp/data"
check "check-data on bad data exits 4" test "$rc" -eq 4
check "check-data names both problems" bash -c "grep -q 'countries.txt:[0-9]*: duplicate country AZE' '$tmp/err' && grep -q 'verbs.txt:[0-9]*: ' '$tmp/err'"
check "check-data ends with the count" bash -c "tail -1 '$tmp/err' | grep -qx 'dragoman check-data: 2 problems in $tmp/data'"
# A lexicon file is read by several stages; its bad line is still one line of the report.
cp -r "$DRAGOMAN_SOURCE_DIR/data" "$tmp/lexdata"
printf 'a line without its class\n' >>"$tmp/lexdata/lexicon/time.txt"
run check-data "$tmp/lexdata"
check "check-data lists a broken lexicon line once" \
  bash -c "test \"\$(grep -c 'lexicon/time.txt:[0-9]*: ' '$tmp/err')\" -eq 1"
check "check-data counts it once" bash -c "tail -1 '$tmp/err' | grep -qx 'dragoman check-data: 1 problem in $tmp/lexdata'"
run check-data --data "$DRAGOMAN_SOURCE_DIR/data" "$tmp/data"
check "check-data with DIR and --data exits 2" test "$rc" -eq 2
run check-data --dictionaries nonsense
check "check-data with a bad spec exits 2" test "$rc" -eq 2
run check-data --data "$DRAGOMAN_SOURCE_DIR/data"
check "check-data on the shipped data exits 0" test "$rc" -eq 0

# --dictionaries tabari:PROJECT: a TABARI project written here (invented entries), coded through
# dragoman's reader and sentences into the normal output contract, with the pattern as the rule.
mkdir -p "$tmp/tab"
printf 'AZERBAIJAN  [AZE]\nIRAN  [IRN]\nUNITED_NATIONS  [IGOUNO]\n' >"$tmp/tab/t.actors"
printf 'FOREIGN_MINISTER  [~GOV]\n' >"$tmp/tab/t.agents"
printf 'ACCUSE  [112]\n- * + OF SMUGGLING  [1121] ; a comment\nPRAISE  [051]\n' >"$tmp/tab/t.verbs"
printf '<actorsfile> t.actors\n<verbsfile> t.verbs\n<agentsfile> t.agents\n' >"$tmp/tab/t.project"
printf 'Iran'"'"'s foreign minister accused Azerbaijan of smuggling on Monday.\n' >"$tmp/tab/a.txt"
run code --date 2025-08-04 --dictionaries "tabari:$tmp/tab/t.project" "$tmp/tab/a.txt"
check "tabari dictionaries exit 0" test "$rc" -eq 0
check "tabari dictionaries one event" test "$(wc -l <"$tmp/out")" -eq 1
check "tabari event: actors split, code typed, dated" grep -qF '"source":{"text":"","code":"IRNGOV","country":"IRN","sector":"GOV","name":null,"span":[0,66]},"target":{"text":"","code":"AZE","country":"AZE","sector":null,"name":null,"span":[0,66]},"cameo":"1121","plover":"ACCUSE","goldstein":-2,"quad":"verbal_conflict","date":"2025-08-04","date_source":"document"' "$tmp/out"
check "tabari event: the pattern is the rule" grep -qF '"rule":"t.verbs:2 - * + OF SMUGGLING  [1121]"}' "$tmp/out"
run code --format csv --dictionaries "tabari:$tmp/tab/t.project" "$tmp/tab/a.txt"
check "tabari dictionaries csv" bash -c "grep -q '^a.txt,,0,0,66,,,IRNGOV,IRN,GOV,' '$tmp/out'"
run code --dictionaries dragoman "$tmp/tab/a.txt"
check "--dictionaries dragoman is the default coder" test "$rc" -eq 0
for spec in tabari "tabari:" petrarch "petrarch:" "$tmp/tab/t.project" dragoman:x; do
  run code --dictionaries "$spec" "$tmp/tab/a.txt"
  check "bad --dictionaries '$spec' exits 2" test "$rc" -eq 2
  check "bad --dictionaries '$spec' one line" one_line
done
run code --dictionaries "tabari:$tmp/tab/none.project" "$tmp/tab/a.txt"
check "missing project exits 4" test "$rc" -eq 4
check "missing project named" bash -c "grep -q 'none.project' '$tmp/err'"
run code --dictionaries "petrarch:$tmp/tab/nodir" "$tmp/tab/a.txt"
check "missing petrarch directory exits 4" test "$rc" -eq 4
check "missing petrarch directory named" bash -c "grep -q 'nodir' '$tmp/err'"

# --dictionaries petrarch:FILE,...: PETRARCH-1 files written here (invented entries).
printf 'IRAN [IRN]\nAZERBAIJAN [AZE]\n' >"$tmp/tab/p.actors.txt"
printf 'FOREIGN MINISTER [~GOV]\n' >"$tmp/tab/p.agents.txt"
printf -- '--- ACCUSE [112] ---\nACCUSE\n- * + OF SMUGGLING [1121]\n' >"$tmp/tab/p.verbs.txt"
run code --date 2025-08-04 \
  --dictionaries "petrarch:$tmp/tab/p.actors.txt,$tmp/tab/p.agents.txt,$tmp/tab/p.verbs.txt" \
  "$tmp/tab/a.txt"
check "petrarch dictionaries exit 0" test "$rc" -eq 0
check "petrarch dictionaries code the event" grep -qF '"code":"IRNGOV","country":"IRN","sector":"GOV"' "$tmp/out"
check "petrarch event: the pattern is the rule" grep -qF '"cameo":"1121"' "$tmp/out"
check "petrarch event names its verbs line" grep -qF '"rule":"p.verbs.txt:3 - * + OF SMUGGLING [1121]"' "$tmp/out"
printf 'PRAISE  [051]\n- * + [05\n' >"$tmp/tab/t.verbs"
run code --dictionaries "tabari:$tmp/tab/t.project" "$tmp/tab/a.txt"
check "malformed .verbs exits 4" test "$rc" -eq 4
check "malformed .verbs names file:line" bash -c "grep -q 't.verbs:2' '$tmp/err'"
check "malformed .verbs one line" one_line
printf 'ACCUSE  [112]\n- * + OF SMUGGLING  [1121]\n' >"$tmp/tab/t.verbs"
run ingest --quiet --db "$tmp/tab/t.db" --dictionaries "tabari:$tmp/tab/t.project" "$tmp/tab/a.txt"
check "ingest with tabari dictionaries exits 0" test "$rc" -eq 0
run events --db "$tmp/tab/t.db" --format jsonl
check "ingest stored the tabari event with its rule" grep -qF '"rule":"t.verbs:2 - * + OF SMUGGLING  [1121]"' "$tmp/out"
run ingest --quiet --db "$tmp/tab/t.db" --dictionaries tabari: "$tmp/tab/a.txt"
check "ingest bad --dictionaries exits 2" test "$rc" -eq 2
run eval --events "$tmp/out" --dictionaries "tabari:$tmp/tab/t.project" "$DRAGOMAN_SOURCE_DIR/data/gold/seeds.jsonl"
check "eval --events with --dictionaries exits 2" test "$rc" -eq 2
check "eval --events with --dictionaries one line" one_line
run eval --part held-out "$DRAGOMAN_SOURCE_DIR/data/gold/seeds.jsonl"
check "eval bad --part exits 2" test "$rc" -eq 2
run eval --max-over-generation x "$DRAGOMAN_SOURCE_DIR/data/gold/seeds.jsonl"
check "eval bad --max-over-generation exits 2" test "$rc" -eq 2
# Coverage: every shipped example sentence is coded right (--check), and the table lists codes.
run coverage --check --data "$DRAGOMAN_SOURCE_DIR/data"
check "coverage --check exits 0" test "$rc" -eq 0
check "coverage prints the summary" grep -q '^295 codes: ' "$tmp/out"
# train-types: usage errors, and a gold set with no tune/measure split is refused (doc/classify.md).
run train-types --data "$DRAGOMAN_SOURCE_DIR/data"
check "train-types without gold files exits 2" test "$rc" -eq 2
run train-types --data "$DRAGOMAN_SOURCE_DIR/data" --c zero x.jsonl
check "train-types --c zero exits 2" test "$rc" -eq 2
printf 'Chile met Peru in Lima on Monday.\n' > "$tmp/unsplit.txt"
printf '{"document":"unsplit.txt","path":"unsplit.txt"}\n' > "$tmp/unsplit.jsonl"
run train-types --data "$DRAGOMAN_SOURCE_DIR/data" "$tmp/unsplit.jsonl"
check "train-types refuses a set without a split (exit 2)" test "$rc" -eq 2
check "train-types names splits.txt" grep -q 'splits.txt names no split' "$tmp/err"
run code --dictionaries rules "$ex"
check "code --dictionaries rules exits 0" test "$rc" -eq 0
check "code --dictionaries rules adds no classify events" bash -c "! grep -q 'classify:' '$tmp/out'"
run code "$ex"
check "code (default: the rules alone) adds no classify events" bash -c "! grep -q 'classify:' '$tmp/out'"
# The classifier's hook, with a hand-made model (doc/classify.md, "Model file") so the check does
# not depend on what a retrained model scores: "gather" makes a consultation the rules do not code.
cp -r "$DRAGOMAN_SOURCE_DIR/data" "$tmp/cldata"
printf 'format\tdragoman-types\t1\nclass\tNONE\t-\t0\nclass\tCONSULT\t040\t-4\nthreshold\tretype\t0.9\nthreshold\tadd\t0.9\nw\tw=gather\tNONE:-4\tCONSULT:8\n' > "$tmp/cldata/classify/types.model"
printf 'Officials of Kenya and Uganda gathered in Kampala on Thursday.\n\nOfficials of Kenya and Uganda dined in Kampala on Thursday.\n' > "$tmp/classify.txt"
run code --data "$tmp/cldata" "$tmp/classify.txt"
check "code (rules alone) codes neither invented sentence" test ! -s "$tmp/out"
run code --data "$tmp/cldata" --dictionaries classify "$tmp/classify.txt"
check "code --dictionaries classify exits 0" test "$rc" -eq 0
check "code --dictionaries classify adds the model's event" grep -q '"cameo":"040".*"rule":"classify:CONSULT 0.98"' "$tmp/out"
check "code --dictionaries classify adds only it" test "$(wc -l < "$tmp/out")" -eq 1
run code --dictionaries classify "$ex"
check "code --dictionaries classify with the shipped model exits 0" test "$rc" -eq 0
run coverage --missing --code 14 --data "$DRAGOMAN_SOURCE_DIR/data"
check "coverage --missing --code lists only that prefix" bash -c "! grep -q '^1[^4]' '$tmp/out'"
# A set the split file does not name cannot be asked for a part.
printf 'other/gold.jsonl none\n' >"$tmp/splits.txt"
run eval --splits "$tmp/splits.txt" --part tune "$DRAGOMAN_SOURCE_DIR/data/gold/seeds.jsonl"
check "eval --part on an unsplit set exits 2" test "$rc" -eq 2
check "eval --part on an unsplit set says so" grep -q 'does not split' "$tmp/err"

# The TABARI suite's own dictionaries on some of its records as plain text (skipped without
# ../shared; the records are read from there at run time, never copied).
shared=${DRAGOMAN_SHARED_DIR:-$DRAGOMAN_SOURCE_DIR/../shared}
if [ -f "$shared/peers/tabari/Validate.project" ]; then
  # Record text only: header lines "YYMMDD  ID" start a record, its text runs to the expected
  # events' comment or a blank line.
  awk '/^[0-9][0-9][0-9][0-9][0-9][0-9]([0-9][0-9])?[ \t]+[A-Za-z]/ { n++; inrec = 1; print ""; next }
       inrec && (/^\/\*/ || /^[ \t]*$/) { inrec = 0 }
       inrec && n > 2 && n <= 42 { print }' "$shared/peers/tabari/Validate.text" >"$tmp/validate.txt"
  run code --date 1995-01-01 --dictionaries "tabari:$shared/peers/tabari/Validate.project" \
    "$tmp/validate.txt"
  check "Validate.project on Validate.text records exits 0" test "$rc" -eq 0
  check "Validate.project codes events" test "$(wc -l <"$tmp/out")" -ge 30
  check "Validate.project events name their pattern line" bash -c \
    "! grep -v '\"rule\":\"TABARI.Demo.verbs:[0-9][0-9]* ' '$tmp/out' | grep -q ."
  check "Validate.project codes are not CAMEO: untyped, with a note" bash -c \
    "grep -q '\"plover\":\"\"' '$tmp/out' && grep -q 'not a CAMEO code' '$tmp/err'"
  # eval scores another coder's dictionaries the same way (here PETRARCH-1's own, on PLOVER gold).
  pd="$shared/peers/petrarch/dictionaries"
  run eval --show 0 --dictionaries "petrarch:$pd/Phoenix.Countries.actors.txt,$pd/Phoenix.agents.txt,$pd/CAMEO.verbpatterns.150430.txt" \
    "$shared/peers/plover/plover_gsr_cameo.jsonl"
  check "eval --dictionaries petrarch: exits 0" test "$rc" -eq 0
  check "eval --dictionaries petrarch: reports source+type" grep -q '^  source+type' "$tmp/out"
  # Measure-only parts report figures, never sentences.
  run eval --show all --part measure "$shared/peers/plv/plv_train.jsonl"
  check "eval --part measure exits 0" test "$rc" -eq 0
  check "eval --part measure: 210 PLV sentences" grep -q '^gold: plv format, 210 documents' "$tmp/out"
  check "eval --part measure lists no sentence" bash -c \
    "! grep -q '^misses\|^false alarms\|^  \[' '$tmp/out' && grep -q '^not listed:' '$tmp/out'"
  run eval --show 0 --max-over-generation 0.01 "$shared/peers/plv/plv_train.jsonl"
  check "eval --max-over-generation fails when exceeded" test "$rc" -eq 1
else
  echo "SKIPPED: Validate.project checks ($shared/peers missing)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
