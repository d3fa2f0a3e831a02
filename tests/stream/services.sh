# Throwaway services for the stream tests, on loopback only, private ports and data folders under
# $tmp (sourced by scale_test.sh, serve_pg_test.sh, worker_alerts_test.sh and bench/scale/run.sh).
# A script starts with `services_begin [postgres]`: it makes $tmp, and on exit kills every pid in
# `worker_pids`, stops the services and removes $tmp; when a service is missing it says so and
# exits 77 (ctest's "skipped"), or $SERVICES_MISSING_EXIT.
#   services_begin [postgres]  -> $tmp, worker_pids=() ("postgres": only PostgreSQL is needed)
#   start_postgres         -> $PG_URL (a database "dragoman" owned by user "dragoman")
#   start_nats_cluster     -> $NATS_URLS (three nodes with JetStream), NATS_PIDS, NATS_CONF
#   kill_nats_node I / restart_nats_node I
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_RUN_AS=""
NATS_PIDS=()
NATS_CONF=()

# Ports are taken below the kernel's ephemeral range (ip_local_port_range): a port inside it can be
# taken at any moment as the source port of an outgoing connection (a route between two nodes, a
# client of a parallel test), and a node restarted on its old port would then fail to bind.
PORTS_GIVEN=" "
free_port() {  # a port nothing listens on, not handed out before by this script
  local p low=32768
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
  [ "$low" -gt 11000 ] || low=32768
  while true; do
    p=$((10000 + RANDOM % (low - 10000)))
    case "$PORTS_GIVEN" in *" $p "*) continue ;; esac
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    PORTS_GIVEN+="$p "
    echo "$p"
    return
  done
}

services_missing() {  # prints what is missing, if anything ("postgres": of PostgreSQL only)
  [ -x "$PG_BIN/initdb" ] || echo "PostgreSQL server (initdb)"
  command -v psql >/dev/null || echo "psql"
  [ "${1:-}" = postgres ] || command -v nats-server >/dev/null || echo "nats-server"
}

start_postgres() {
  local data="$tmp/pg" sock="$tmp/pgsock" port
  port=$(free_port)
  mkdir -p "$data" "$sock" "$tmp/pglog"
  # PostgreSQL refuses to run as root: as root, run it as an unprivileged user.
  if [ "$(id -u)" -eq 0 ]; then
    PG_RUN_AS="runuser -u nobody --"
    chmod 755 "$tmp"
    chown nobody "$data" "$sock" "$tmp/pglog"
  fi
  $PG_RUN_AS "$PG_BIN/initdb" -D "$data" -A trust -U dragoman --no-sync >"$tmp/pglog/initdb.log" 2>&1 ||
    { echo "initdb failed:"; cat "$tmp/pglog/initdb.log"; return 1; }
  $PG_RUN_AS "$PG_BIN/pg_ctl" -D "$data" -l "$tmp/pglog/server.log" -w -t 30 \
    -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { echo "pg_ctl start failed:"; cat "$tmp/pglog/server.log"; return 1; }
  PG_URL="postgresql://dragoman@127.0.0.1:$port/dragoman"
  psql -q "postgresql://dragoman@127.0.0.1:$port/postgres" -c "CREATE DATABASE dragoman" >/dev/null
}

stop_postgres() {
  [ -f "$tmp/pg/postmaster.pid" ] && $PG_RUN_AS "$PG_BIN/pg_ctl" -D "$tmp/pg" -m immediate stop >/dev/null 2>&1
  return 0
}

conf_ports() {  # the ports a node's config listens on (clients, then the cluster's routes)
  sed -n 's/^ *listen: 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$1"
}

start_nats_node() {  # start_nats_node I: returns once the node listens on all its ports (30 s at most)
  nats-server -c "${NATS_CONF[$1]}" >>"$tmp/nats$1.log" 2>&1 &
  NATS_PIDS[$1]=$!
  # A client given only nodes that do not listen yet fails at once ("no server available"): on a
  # loaded machine a node can take seconds to open its ports. The route port is opened after the
  # client port, and a node that cannot bind it exits: wait for both.
  local port
  for port in $(conf_ports "${NATS_CONF[$1]}"); do
    for _ in $(seq 300); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue 2
      kill -0 "${NATS_PIDS[$1]}" 2>/dev/null || break
      sleep 0.1
    done
    echo "nats node $1 does not listen on port $port:"
    tail -n 20 "$tmp/nats$1.log"
    kill -9 "${NATS_PIDS[$1]}" 2>/dev/null
    return 1
  done
}

start_nats_cluster() {  # three tries with fresh ports when a node cannot start (a port taken meanwhile)
  local try
  for try in 1 2 3; do
    try_nats_cluster && return 0
    echo "nats cluster did not start (try $try of 3)"
    stop_nats
  done
  return 1
}

try_nats_cluster() {
  local client=() route=() i
  for i in 0 1 2; do client[i]=$(free_port); route[i]=$(free_port); done
  NATS_URLS=""
  NATS_PIDS=()
  for i in 0 1 2; do
    rm -rf "$tmp/nats$i"
    mkdir -p "$tmp/nats$i"
    NATS_CONF[i]="$tmp/nats$i.conf"
    cat >"${NATS_CONF[i]}" <<CONF
server_name: n$i
listen: 127.0.0.1:${client[i]}
jetstream { store_dir: "$tmp/nats$i" }
cluster {
  name: dragoman-test
  listen: 127.0.0.1:${route[i]}
  routes: [nats-route://127.0.0.1:${route[0]}, nats-route://127.0.0.1:${route[1]}, nats-route://127.0.0.1:${route[2]}]
}
CONF
    start_nats_node "$i" || return 1
    NATS_URLS+="${NATS_URLS:+,}nats://127.0.0.1:${client[i]}"
  done
}

kill_nats_node() { kill -9 "${NATS_PIDS[$1]}" 2>/dev/null; wait "${NATS_PIDS[$1]}" 2>/dev/null; }
restart_nats_node() { start_nats_node "$1"; }

stop_nats() {
  local p
  for p in "${NATS_PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  return 0
}

stop_services() {
  stop_nats
  stop_postgres
}

services_cleanup() {
  local p
  for p in "${worker_pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  stop_services
  rm -rf "$tmp"
}

services_begin() {
  tmp=$(mktemp -d)
  worker_pids=()
  trap services_cleanup EXIT
  local missing
  missing=$(services_missing "${1:-}")
  if [ -n "$missing" ]; then
    echo "SKIP: not installed: $missing (scripts/deps.sh installs them)"
    exit "${SERVICES_MISSING_EXIT:-77}"
  fi
}

start_nats_single() {  # one node with JetStream (the bench): $NATS_URLS
  local port
  port=$(free_port)
  mkdir -p "$tmp/nats0"
  NATS_CONF[0]="$tmp/nats0.conf"
  printf 'server_name: n0\nlisten: 127.0.0.1:%s\njetstream { store_dir: "%s" }\n' "$port" "$tmp/nats0" >"${NATS_CONF[0]}"
  start_nats_node 0
  NATS_URLS="nats://127.0.0.1:$port"
}
