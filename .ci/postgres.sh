#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server for the tests.
#   .ci/postgres.sh start DIR   -> starts a server with its data in DIR, prints its URL
#   .ci/postgres.sh stop DIR
# The server runs as a non-root user (PostgreSQL refuses root), listens on 127.0.0.1 only,
# and trusts local connections: it holds nothing but test data and dies with the run.
set -euo pipefail

action=${1:?start or stop}
dir=${2:?a directory for the server}
port=${DIARY_PG_PORT:-55432}
database=diary_test

pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$found" ] && [ "$(id -u)" = 0 ]; then
        apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
        found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    [ -n "$found" ] || { echo "PostgreSQL binaries not found; install Debian's postgresql" >&2; exit 1; }
    echo "$found"
}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then
        id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown -R postgres "$dir"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$action" in
start)
    # A second start on the same folder restarts the existing server (outage tests use it).
    bin=$(pg_bin)
    fresh=0
    if [ ! -d "$dir/data" ]; then
        fresh=1
        mkdir -p "$dir"
        chmod 700 "$dir"
        as_server_user "$bin/initdb" -D "$dir/data" -U diary -A trust --no-sync -E UTF8 >"$dir/initdb.log"
    fi
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
    if [ "$fresh" = 1 ]; then
        as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U diary "$database"
    fi
    echo "postgresql://diary@127.0.0.1:$port/$database"
    ;;
stop)
    bin=$(pg_bin)
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
