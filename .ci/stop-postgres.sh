#!/bin/sh
# Stop the throwaway PostgreSQL started by .ci/start-postgres.sh [PORT] and delete its data.
set -eu

PORT="${1:-55432}"
STATE="${TMPDIR:-/tmp}/janji-postgres-$PORT.dir"
if [ ! -f "$STATE" ]; then
    echo "no server started by .ci/start-postgres.sh on port $PORT" >&2
    exit 0
fi
D="$(cat "$STATE")"

PG_CTL="$(command -v pg_ctl || true)"
if [ -z "$PG_CTL" ]; then
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && PG_CTL="$dir/pg_ctl"
    done
fi

STOP="'$PG_CTL' -D '$D/data' stop -m fast -w >/dev/null"
if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/sh -c "$STOP" || true
else
    sh -c "$STOP" || true
fi
rm -rf "$D" "$STATE"
