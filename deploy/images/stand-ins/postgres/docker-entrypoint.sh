#!/bin/sh
# The official image's contract, as far as Embargo uses it: a cluster made with POSTGRES_PASSWORD for
# the superuser, trust on the local socket, passwords over TCP; `postgres <args>` starts the server.
set -e
if [ "$1" = postgres ]; then
  shift
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > /tmp/pwfile && chown postgres /tmp/pwfile
    runuser -u postgres -- initdb -D "$PGDATA" -U postgres --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f /tmp/pwfile
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  fi
  exec runuser -u postgres -- postgres -D "$PGDATA" "$@"
fi
exec "$@"
