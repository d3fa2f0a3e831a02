#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, doc/reliability.md) into build-fuzz/ with clang, every
# library instrumented the same way (ASan + UBSan + coverage), and runs them.
#   scripts/fuzz.sh build                  configure and build only
#   scripts/fuzz.sh replay                 run every seed and regression input once (fuzz/corpus)
#   scripts/fuzz.sh ci [SECONDS]           replay, then fuzz each target SECONDS (default 15)
#   scripts/fuzz.sh run [SECONDS] [NAME..] fuzz each named target (default: all) SECONDS
#                                          (default 600), one at a time, at the lowest priority
# Fuzzing grows a working corpus in build-fuzz/corpus/NAME (seeded from fuzz/corpus/NAME);
# crashes are written to build-fuzz/crashes/NAME/ and make the script exit 1. Keep a crash as a
# regression input by copying it to fuzz/corpus/NAME/ once fixed. CPU seconds and the final
# coverage line of each run are appended to build-fuzz/fuzz-log.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-ci}
shift || true
dir=build-fuzz
CXX_FUZZ=${CXX_FUZZ:-clang++-14}
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Every target caps its input at 64 KiB (fuzz/fuzz_util.h kMaxInput). libFuzzer's -timeout is
# wall-clock time: on a loaded machine, at the lowest priority, a one-second input can take a
# minute, so the hang limit is generous (FUZZ_TIMEOUT seconds; a real hang still trips it).
FUZZ_FLAGS=(-max_len=65536 -timeout="${FUZZ_TIMEOUT:-120}" -rss_limit_mb=2560 -print_final_stats=1)

build() {
  scripts/deps.sh
  if ! command -v "$CXX_FUZZ" >/dev/null; then
    echo "fuzz: $CXX_FUZZ not found (scripts/deps.sh installs clang-14)" >&2
    exit 2
  fi
  local gen=()
  command -v ninja >/dev/null && gen=(-G Ninja)
  # Configured every time (cheap when nothing changed), so that new options get their fuzz-build
  # values in an existing build-fuzz/ too. No tests, benchmarks or dashboard: only fuzz_all.
  CXX=$CXX_FUZZ cmake -S . -B "$dir" "${gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDRAGOMAN_FUZZ=ON -DDRAGOMAN_BUILD_TESTS=OFF -DDRAGOMAN_BUILD_BENCH=OFF -DDRAGOMAN_WEB=OFF \
    -DDRAGOMAN_WERROR=${DRAGOMAN_WERROR:-OFF} >/dev/null
  cmake --build "$dir" --target fuzz_all -j "$(nproc)"
}

targets() { ls fuzz/corpus; }

replay() {
  local fail=0 n=0 t
  for t in $(targets); do
    local files=(fuzz/corpus/"$t"/*)
    if ! "$dir/fuzz/$t" "${FUZZ_FLAGS[@]}" -runs=1 "${files[@]}" >"$dir/replay-$t.log" 2>&1; then
      echo "fuzz replay: $t FAILED (log: $dir/replay-$t.log)"
      tail -30 "$dir/replay-$t.log"
      fail=$((fail + 1))
    else
      n=$((n + ${#files[@]}))
    fi
  done
  echo "fuzz replay: $n inputs replayed, $fail targets failed"
  return $((fail > 0))
}

fuzz_one() {  # fuzz_one NAME SECONDS
  local t=$1 secs=$2
  mkdir -p "$dir/corpus/$t" "$dir/crashes/$t"
  local log="$dir/fuzz-$t.log" rc=0

  /usr/bin/time -f '%U %S' -o "$dir/time-$t" nice -n 19 "$dir/fuzz/$t" "${FUZZ_FLAGS[@]}" \
    -max_total_time="$secs" -artifact_prefix="$dir/crashes/$t/" \
    "$dir/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1 || rc=$?
  local cpu cov
  cpu=$(tail -1 "$dir/time-$t" | awk '{printf "%.0f", $1 + $2}')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' || true)
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$secs" "$cpu" "$cov" >>"$dir/fuzz-log.tsv"
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $t found a problem after ${cpu}s CPU (log: $log, inputs: $dir/crashes/$t/)"
    grep -m5 -E 'ERROR|runtime error|fuzz check failed|SUMMARY' "$log" || tail -20 "$log"
    return 1
  fi
  echo "fuzz: $t ${cpu}s CPU, $cov"
}

case "$mode" in
  build) build ;;
  replay) build; replay ;;
  ci)
    secs=${1:-15}
    build
    replay
    ok=0 bad=0
    for t in $(targets); do
      if fuzz_one "$t" "$secs"; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
    done
    echo "fuzz targets: $ok passed, $bad failed"
    exit $((bad > 0))
    ;;
  run)
    secs=${1:-600}
    shift || true
    build
    names=("$@")
    ((${#names[@]})) || names=($(targets))
    fail=0
    for t in "${names[@]}"; do fuzz_one "$t" "$secs" || fail=1; done
    exit $fail
    ;;
  *) sed -n 2,12p "$0" >&2; exit 2 ;;
esac
