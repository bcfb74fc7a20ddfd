#!/usr/bin/env bash
# Run a command beside a throwaway PostgreSQL server on a local port; stop it afterwards.
# Sets NEWSFUSE_TEST_PG for the command. Without PostgreSQL's server binaries, runs the command as is.
set -uo pipefail
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "with-postgres: no PostgreSQL server binaries found; PostgreSQL tests will fail" >&2
    exec "$@"
fi
PORT="${NEWSFUSE_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DIR="$(mktemp -d /tmp/newsfuse-pg.XXXXXX)"
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
as_pg "$PGBIN/initdb" -D "$DIR/data" -U newsfuse --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$DIR/server.log"; exit 1; }
stop() { as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$DIR"; }
trap stop EXIT
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U newsfuse newsfuse_test
export NEWSFUSE_TEST_PG="postgresql://newsfuse@127.0.0.1:$PORT/newsfuse_test"
"$@"
