#!/bin/bash
# A pg_auto_failover formation for the tests: a monitor and two PostgreSQL nodes with their
# keepers, on 127.0.0.1 and 127.0.0.2, trust authentication, no TLS, the monitor's health
# checks and timeouts shortened so that a failover takes seconds. Run as root, it runs
# everything as the postgres user (pg_autoctl refuses root).
#
#   formation.sh up BASE MONITOR_PORT NODE1_PORT NODE2_PORT OWNER_PID
#       (prints the monitor's URI, then the nodes' superuser: the user running them; when
#       process OWNER_PID ends, however it ends, the formation is taken down and BASE removed)
#   formation.sh down BASE
#   formation.sh kill BASE NODE       (kill -9 a node's keeper and its postgres: node1, node2)
#   formation.sh restart BASE NODE    (its keeper again; it rejoins as a secondary)
set -euo pipefail
if [ "$(id -u)" = 0 ]; then
  # A copy the postgres user can reach, whatever the permissions of the source tree.
  mkdir -p "$2" && cp "$0" "$2/formation.sh" && chown -R postgres: "$2"
  exec runuser -u postgres -- "$2/formation.sh" "$@"
fi
cmd=$1 BASE=$2
export XDG_CONFIG_HOME=$BASE/xdg/config XDG_DATA_HOME=$BASE/xdg/data XDG_RUNTIME_DIR=$BASE/run
export PATH=/usr/lib/postgresql/15/bin:/usr/bin:/bin
# The servers' unix sockets go under BASE: Debian's default directory, /var/run/postgresql, is
# writable only by the postgres user, and the tests may run as anyone. pg_autoctl passes this
# to postgres as -k and connects to its own node through it.
export PG_REGRESS_SOCK_DIR=$BASE/sock PGHOST=$BASE/sock
uri() { echo "postgres://autoctl_node@127.0.0.1:$1/pg_auto_failover?sslmode=disable"; }
wait_for() { # seconds, then a command
  local limit=$1; shift
  for _ in $(seq $((limit * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "formation.sh: timed out after ${limit}s waiting for: $*" >&2
  tail -n 20 "$BASE"/*.log >&2 || true
  return 1
}
settled() {
  [ "$(psql "$MON" -XAtc "select string_agg(current_group_state||'/'||assigned_group_state, ' '
      order by current_group_state) from pgautofailover.current_state('default')")" = "primary/primary secondary/secondary" ]
}
case "$cmd" in
up)
  MPORT=$3 P1=$4 P2=$5 OWNER=$6 MON=$(uri "$3")
  mkdir -p "$BASE/run" "$BASE/sock" && chmod 700 "$BASE/run" "$BASE/sock"
  setsid pg_autoctl create monitor --pgdata "$BASE/monitor" --pgport "$MPORT" --hostname 127.0.0.1 \
      --auth trust --no-ssl --run > "$BASE/monitor.log" 2>&1 < /dev/null &
  wait_for 120 psql "$MON" -XAtqc 'select 1'
  wait_for 60 grep -q 'Contacting the monitor to LISTEN' "$BASE/monitor.log"
  psql -h 127.0.0.1 -p "$MPORT" -U "$(id -un)" -d pg_auto_failover -XAtq \
    -c "alter system set pgautofailover.health_check_period = 1000" \
    -c "alter system set pgautofailover.health_check_timeout = 1000" \
    -c "alter system set pgautofailover.health_check_max_retries = 1" \
    -c "alter system set pgautofailover.health_check_retry_delay = 500" \
    -c "alter system set pgautofailover.node_considered_unhealthy_timeout = 3000" \
    -c "alter system set pgautofailover.primary_demote_timeout = 3000" \
    -c "alter system set pgautofailover.startup_grace_period = 2000" \
    -c "select pg_reload_conf()" > /dev/null
  # Each node on an address of its own (both loopback), so that a PgBouncer beside each may
  # listen at one port for both, as on separate hosts.
  i=1
  for port in "$P1" "$P2"; do
    setsid pg_autoctl create postgres --pgdata "$BASE/node$i" --pgport "$port" --hostname "127.0.0.$i" \
        --listen "127.0.0.$i" --name "node$i" --formation default --auth trust --no-ssl \
        --monitor "$MON" --run > "$BASE/node$i.log" 2>&1 < /dev/null &
    i=$((i + 1))
  done
  # A test that crashes or is killed never leaves a formation running: this watcher outlives
  # it (/proc, as the postgres user may not signal the owner), then takes it down.
  setsid bash -c 'while [ -d "/proc/$1" ]; do sleep 2; done; "$0" down "$2"; rm -rf "$2"' \
    "$0" "$OWNER" "$BASE" > /dev/null 2>&1 < /dev/null &
  wait_for 180 settled
  echo "$MON"
  id -un ;;
down)
  for d in node1 node2 monitor; do
    [ -d "$BASE/$d" ] && pg_autoctl stop --pgdata "$BASE/$d" >/dev/null 2>&1 || true
  done
  for _ in $(seq 120); do
    pgrep -u "$(id -un)" -f "pg_autoctl .*--pgdata $BASE/" >/dev/null \
      || pgrep -u "$(id -un)" -f "postgres -D $BASE/" >/dev/null || exit 0
    sleep 0.25
  done
  pkill -9 -u "$(id -un)" -f "pg_autoctl .*--pgdata $BASE/" || true
  pkill -9 -u "$(id -un)" -f "postgres -D $BASE/" || true ;;
kill)
  for pid in $(pgrep -u "$(id -un)" -f "pg_autoctl .*--pgdata $BASE/$3( |$)"); do
    kill -9 -- "-$(ps -o pgid= "$pid" | tr -d ' ')" 2>/dev/null || true
  done
  pkill -9 -u "$(id -un)" -f "postgres -D $BASE/$3( |$)" || true ;;
restart)
  setsid pg_autoctl run --pgdata "$BASE/$3" >> "$BASE/$3.log" 2>&1 < /dev/null & ;;
*) echo "usage: formation.sh up|down|kill|restart BASE ..." >&2; exit 2 ;;
esac
