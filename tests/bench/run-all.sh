#!/bin/sh
# Every benchmark in one run, on one sandbox, each beside its baseline (the benchmarks print
# both), with the machine's load before each: what docs/PERFORMANCE.md's tables are made from.
#
#   tests/bench/run-all.sh [--quick] [--build DIR] [--log FILE] [--only NAME[,NAME...]]
#
#   --quick  small sizes: minutes instead of the hour and more the documented sizes take
#            (for trying the script; its figures are not the documented ones)
#   --build  the build directory (default build/dev); the benchmarks and the CLI are built
#   --log    where the whole run is written as well (default bench-<date>.log here)
#   --only   these benchmarks alone (names without bench_: replay,cli,...)
#   --settle at most this many seconds (default 300) waited before each benchmark for the
#            one-minute load average to fall below 1 per core (bench_activity's 2,000 sessions
#            leave it far above); 0 starts each at once. The wait is logged.
#
# Run it on an otherwise idle machine: the figures are medians, but a baseline measured while
# a build runs moves as much as we do. Exit status: the number of benchmarks that failed.
set -eu

build=build/dev
quick=0
only=
settle=300
log=bench-$(date -u +%Y%m%dT%H%M%SZ).log
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --build) build=$2; shift ;;
        --log) log=$2; shift ;;
        --only) only=$2; shift ;;
        --settle) settle=$2; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-all.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
    esac
    shift
done
case "$settle" in ''|*[!0-9]*) echo "run-all.sh: --settle takes whole seconds, not $settle" >&2; exit 2 ;; esac

# name, then its arguments at the documented sizes, then at quick sizes ('|' between them).
benches='
replay||--plays 20000
replay_season|--season|--season --games 200
seed||--events 20000
events|--events 1000000 --drop|--events 20000 --page-reps 21 --export-reps 1 --drop
activity|--reps 11|--sessions 100 --tables 20 --lockers 5 --waiters 3 --reps 3
layouts|--rows 10000000 --tables 2000 --reps 31|--rows 100000 --tables 100 --partitions 1000 --databases 20 --reps 3
catalog||--partitions 500,1000 --tables 10,500 --reps 3 --processes 3
cli|--runs 21|--runs 5 --rows 10000
browse|--rows 10000000 --reps 101|--rows 100000 --reps 11
collect||--rows 20000 --reps 3
compare||--rows 100000 --weeks 8 --tables 200
metrics||--events 20000 --week-events 5000
payload||--mib 20 --runs 1
shards|--reps 31|--players 100000 --reps 11
find||--weeks 8 --events 20000 --runs 3
story||--events 100000 --snapshots 500 --player-events 10000 --runs 3
snapshots||--reps 3 --sizes 1
weekswitch||--events 20000 --reps 3
'

cli="$build/src/cli/statescope-cli"
targets=statescope-cli
for name in $(printf '%s\n' "$benches" | cut -d'|' -f1 | sed 's/_season$//' | sort -u); do
    targets="$targets bench_$name"
done
# shellcheck disable=SC2086
cmake --build "$build" --target $targets

# Waits until the one-minute load average is below the number of cores, at most $settle
# seconds, and says how long it waited and what the load was when it stopped waiting.
settle_load() {
    waited=0
    limit=$(nproc)
    while [ "$waited" -lt "$settle" ] &&
          awk -v l="$limit" '{ exit !($1 >= l) }' /proc/loadavg; do
        sleep 5
        waited=$((waited + 5))
    done
    [ "$waited" -gt 0 ] && echo "(waited $waited s for the load to settle: $(cut -d' ' -f1-3 /proc/loadavg))"
    return 0
}

box=$(mktemp -d /tmp/statescope-bench.XXXXXX)
"$cli" sandbox start --dir "$box" --tcp --no-fsync >/dev/null
trap '"$cli" sandbox stop --dir "$box" >/dev/null 2>&1 || true; rm -rf "$box"' EXIT INT TERM
export STATESCOPE_CLI="$PWD/$cli" STATESCOPE_TEST_SANDBOX="$box"

failed=0
{
    echo "run-all.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, git $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $( [ $quick = 1 ] && echo quick || echo documented) sizes"
    printf '%s\n' "$benches" | while IFS='|' read -r name full small; do
        [ -n "$name" ] || continue
        if [ -n "$only" ] && ! printf ',%s,' "$only" | grep -q ",$name,"; then
            continue
        fi
        args=$full
        [ $quick = 1 ] && args=$small
        program=bench_$(echo "$name" | sed 's/_season$//')
        echo
        settle_load
        echo "== $program $args   (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
        start=$(date +%s)
        # shellcheck disable=SC2086
        if "$build/tests/$program" $args 2>&1; then
            echo "== $program: $(( $(date +%s) - start )) s, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
        else
            echo "== $program FAILED (exit $?) after $(( $(date +%s) - start )) s"
            echo "$program" >> "$box/failed"
        fi
    done
} 2>&1 | tee "$log"
[ -f "$box/failed" ] && failed=$(wc -l < "$box/failed")
echo "run-all.sh: written to $log; $failed failed"
exit "$failed"
