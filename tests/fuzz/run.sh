#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time (seconds, default 60 each) from its seed
# corpus (copied: the repository is never written), after `cmake --preset fuzz &&
# cmake --build --preset fuzz`. Any crash, sanitizer report or broken invariant fails the
# run and leaves the input under build/fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
bin=build/fuzz/tests/fuzz
work=build/fuzz/work
findings=build/fuzz/findings
rm -rf "$work"
mkdir -p "$work" "$findings"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
status=0
for target in fuzz_json fuzz_event_filter fuzz_text_inputs; do
  corpus=$work/$target
  mkdir -p "$corpus"
  case $target in
    fuzz_json) cp tests/data/JSONTestSuite/test_parsing/* tests/fuzz/corpus/fuzz_json/* "$corpus"/ ;;
    *) cp tests/fuzz/corpus/$target/* "$corpus"/ ;;
  esac
  start=$SECONDS
  if "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/$target-" \
       "$corpus" > "$work/$target.log" 2>&1; then
    runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: ok: $target ($runs inputs in $((SECONDS - start)) s)"
  else
    echo "fuzz: FAILED: $target (after $((SECONDS - start)) s); last lines of its log:"
    tail -n 40 "$work/$target.log"
    status=1
  fi
done
exit $status
