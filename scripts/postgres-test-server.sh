#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, in a temporary folder of its own, on a free loopback port, trusting local
# connections. Used by scripts/test.sh, and by the test projects when ATTRACT_TEST_POSTGRES is not set.
#
#   scripts/postgres-test-server.sh start      prints two shell assignments, for eval:
#                                              ATTRACT_TEST_POSTGRES='Host=127.0.0.1;Port=…;Username=postgres'
#                                              ATTRACT_TEST_POSTGRES_DIR='/tmp/attract-pg.…'
#   scripts/postgres-test-server.sh stop DIR   stops that server and deletes its folder
#
# Needs Debian's postgresql package (the server binaries in /usr/lib/postgresql/<version>/bin). As root, the cluster
# belongs to the postgres user, because PostgreSQL refuses to run as root.
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL server binaries not found in /usr/lib/postgresql/<version>/bin (apt-get install postgresql)" >&2
    exit 2
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}

case "${1:-}" in
  start)
    BIN=$(bindir)
    DIR=$(mktemp -d /tmp/attract-pg.XXXXXX)
    chmod 755 "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    for attempt in 1 2 3; do
      PORT=$(free_port)
      # Durability is off (fsync, synchronous commit, full-page writes): the data is thrown away after the run.
      if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
          -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
          start >/dev/null; then
        echo "ATTRACT_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres'"
        echo "ATTRACT_TEST_POSTGRES_DIR='$DIR'"
        exit 0
      fi
      echo "PostgreSQL did not start on port $PORT (attempt $attempt):" >&2
      tail -5 "$DIR/server.log" >&2 || true
    done
    rm -rf "$DIR"
    exit 1
    ;;
  stop)
    DIR="${2:?usage: $0 stop DIR}"
    case "$DIR" in /tmp/attract-pg.*) ;; *) echo "refusing to remove $DIR" >&2; exit 2 ;; esac
    if [ -f "$DIR/data/postmaster.pid" ]; then
      as_owner "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
