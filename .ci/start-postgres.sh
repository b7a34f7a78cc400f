#!/bin/sh
# Start a throwaway PostgreSQL on 127.0.0.1 for the test suite and print its URL on stdout.
#   URL=$(.ci/start-postgres.sh [PORT])      default port 55432
#   JANJI_TEST_POSTGRES_URL=$URL make test
#   .ci/stop-postgres.sh [PORT]
# Installs Debian's postgresql package when initdb is missing. PostgreSQL refuses to run as
# root, so as root the server runs as the "postgres" user.
set -eu

PORT="${1:-55432}"
STATE="${TMPDIR:-/tmp}/janji-postgres-$PORT.dir"

find_bin() {
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return
        fi
    done
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
    echo "initdb not found: installing postgresql from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
fi
if [ -z "$BIN" ]; then
    echo "could not find initdb after installing postgresql" >&2
    exit 1
fi

if [ -f "$STATE" ]; then
    OLD="$(cat "$STATE")"
    if [ -f "$OLD/data/postmaster.pid" ]; then
        echo "a server on port $PORT is running already (data in $OLD):" \
            "run .ci/stop-postgres.sh $PORT first" >&2
        exit 1
    fi
    rm -rf "$OLD" "$STATE"  # left over from a machine that went down
fi

D="$(mktemp -d "${TMPDIR:-/tmp}/janji-pg.XXXXXX")"
chmod 755 "$D"
START="'$BIN/initdb' -D '$D/data' -A trust -U janji >'$D/initdb.log' 2>&1 && \
'$BIN/pg_ctl' -D '$D/data' -o '-p $PORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off' \
-l '$D/log' start -w >/dev/null"

if [ "$(id -u)" = "0" ]; then
    chown postgres "$D"
    su postgres -s /bin/sh -c "$START" || { cat "$D/initdb.log" "$D/log" >&2 2>/dev/null; exit 1; }
else
    sh -c "$START" || { cat "$D/initdb.log" "$D/log" >&2 2>/dev/null; exit 1; }
fi

echo "$D" >"$STATE"
echo "postgresql+asyncpg://janji@127.0.0.1:$PORT/postgres"
