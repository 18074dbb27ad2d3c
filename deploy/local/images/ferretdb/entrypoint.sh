#!/bin/bash
# PostgreSQL (unix socket only, data in /data/db/postgres) and FerretDB on :27017 in one container.
# A new volume: the root user from MONGO_INITDB_ROOT_USERNAME / _PASSWORD_FILE, then every
# /docker-entrypoint-initdb.d/*.js run once by mongosh as that user, as the mongo image does.
# `command: [...]` arguments meant for mongod (e.g. --wiredTigerCacheSizeGB) have no FerretDB meaning
# and are ignored. SIGTERM stops FerretDB, then PostgreSQL.
set -euo pipefail
pgdata=/data/db/postgres socket_dir=/tmp/postgresql
# Written once the init scripts succeeded: a start interrupted before that runs them again (they
# are idempotent, as the mongo image's must be for a retried first start).
initialised=/data/db/.initdb-done
mkdir -p "$socket_dir"
if [ ! -s "$pgdata/PG_VERSION" ]; then
  initdb -D "$pgdata" --username=ferretdb --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
pg_ctl -D "$pgdata" -o "-c listen_addresses='' -c unix_socket_directories=$socket_dir" -w start >/dev/null
psql --host="$socket_dir" --username=ferretdb -d postgres -tAc "select 1 from pg_database where datname = 'ferretdb'" | grep -q 1 ||
  createdb --host="$socket_dir" --username=ferretdb ferretdb

root_user=${MONGO_INITDB_ROOT_USERNAME:-}
root_password=''
if [ -n "${MONGO_INITDB_ROOT_PASSWORD_FILE:-}" ]; then IFS= read -r root_password <"$MONGO_INITDB_ROOT_PASSWORD_FILE" || true; fi
setup=()
# FerretDB creates the root user itself when the admin database does not exist yet.
if [ -n "$root_user" ]; then
  setup=(--setup-database=admin --setup-username="$root_user")
  export FERRETDB_SETUP_PASSWORD=$root_password
fi
ferretdb --listen-addr=:27017 --state-dir=/data/db --postgresql-url="postgres://ferretdb@/ferretdb?host=$socket_dir" \
  --test-enable-new-auth "${setup[@]}" --telemetry=disable --log-level=error &
ferretdb_pid=$!

stop() {
  kill -TERM "$ferretdb_pid" 2>/dev/null || true
  wait "$ferretdb_pid" 2>/dev/null || true
  pg_ctl -D "$pgdata" -m fast -w stop >/dev/null || true
  exit 0
}
trap stop TERM INT

if [ ! -e "$initialised" ]; then
  until mongosh --quiet --eval 'quit(db.adminCommand({ ping: 1 }).ok ? 0 : 1)' >/dev/null 2>&1; do
    kill -0 "$ferretdb_pid" 2>/dev/null || { echo "ferretdb exited during initialisation" >&2; exit 1; }
    sleep 1
  done
  for script in /docker-entrypoint-initdb.d/*.js; do
    [ -e "$script" ] || continue
    echo "running $script"
    mongosh --quiet --username "$root_user" --password "$root_password" --authenticationDatabase admin "$script"
  done
  touch "$initialised"
fi
wait "$ferretdb_pid"
