#!/usr/bin/env bash
# Starts/stops the server the integration tests run against (bin/atrium with the test's ports and data dir),
# on H2 or on PostgreSQL. On PostgreSQL the run uses a schema of its own, created fresh and dropped afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)   # ear/
home=$(cd "$here/.." && pwd)
export ATRIUM_SKIP_BUILD=1 ATRIUM_CONF=/dev/null ATRIUM_DATA_DIR=$ATRIUM_VAR/data
schema=atrium_it
pg() { psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U postgres -d "${IT_PG_URL##*/}" -c "$1"; }
case "$1" in
  start)
    "$home/bin/atrium" stop >/dev/null 2>&1 || true
    rm -rf "$ATRIUM_VAR"
    if [[ $IT_DB == postgresql ]]; then
      pg "DROP SCHEMA IF EXISTS $schema CASCADE"
      export ATRIUM_DB_DRIVER=postgresql ATRIUM_DB_URL="$IT_PG_URL?currentSchema=$schema" \
        ATRIUM_DB_USER=postgres ATRIUM_DB_PASSWORD=postgres ATRIUM_DB_SCHEMA=$schema
    fi
    mkdir -p "$ATRIUM_VAR"
    # Every setting of this server, so that a test restarting it (kill -9, CLI tests) uses exactly the same ones.
    env | grep '^ATRIUM_' > "$ATRIUM_VAR/server.env" || true
    "$home/bin/atrium" start
    ;;
  stop)
    "$home/bin/atrium" stop || true
    if [[ $IT_DB == postgresql ]]; then pg "DROP SCHEMA IF EXISTS $schema CASCADE" || true; fi
    ;;
esac
