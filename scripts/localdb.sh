#!/usr/bin/env bash
# The project-local PostGIS cluster: var/postgres, socket in var/run, TCP on 127.0.0.1:$PGPORT.
# usage: scripts/localdb.sh start|stop|status
# initdb and postgres refuse to run as root, so as root the server runs as the `postgres`
# system user (created by Debian's postgresql package).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
PGPORT=${GEOMEKONG_PG_PORT:-5433}
DBNAME=${GEOMEKONG_DB_NAME:-geomekong}
DBUSER=${GEOMEKONG_DB_USER:-geomekong}
data=$top/var/postgres
rundir=$top/var/run
logfile=$top/var/postgres.log

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (make system-deps)" >&2; exit 1; }

if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "no 'postgres' system user: install Debian's postgresql package" >&2; exit 1; }
  # (from /: the checkout may be a folder the server user cannot enter)
  as_server() { (cd / && runuser -u postgres -- "$@"); }
  # The server user must reach var/; a checkout under a private home (e.g. /root) is not
  # reachable, so the cluster then lives in /var/tmp and var/postgres links to it.
  if ! runuser -u postgres -- test -x "$top"; then
    away=/var/tmp/geomekong-pg-$(echo "$top" | cksum | cut -d' ' -f1)
    mkdir -p "$away/data" "$away/run" && chown -R postgres: "$away"
    mkdir -p "$top/var"
    [ -L "$data" ] || ln -sfn "$away/data" "$data"
    data=$away/data; rundir=$away/run; logfile=$away/postgres.log
  fi
  mkdir -p "$top/var" "$rundir"
  chown postgres: "$rundir"
  [ -d "$data" ] || { mkdir -p "$data"; chown postgres: "$data"; }
  touch "$logfile"; chown postgres: "$logfile"
else
  as_server() { "$@"; }
  mkdir -p "$data" "$rundir"
fi

running() { as_server "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating the local PostGIS cluster in $data"
    as_server "$bindir/initdb" -D "$data" -U "$DBUSER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if running; then
    echo "Local PostGIS already running on 127.0.0.1:$PGPORT"
  else
    # A pid file left by a crash would stop the server from starting: drop it when its
    # process is gone.
    if [ -f "$data/postmaster.pid" ]; then
      pid=$(head -1 "$data/postmaster.pid")
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "Removing stale pid file (process $pid is gone)"
        rm -f "$data/postmaster.pid"
      fi
    fi
    if ! as_server "$bindir/pg_ctl" -D "$data" -l "$logfile" -w -t 60 \
      -o "-p $PGPORT -k $rundir -c listen_addresses=127.0.0.1" start >/dev/null; then
      echo "The local PostGIS did not start; the end of $logfile says:" >&2
      tail -5 "$logfile" >&2
      echo "(Another server on port $PGPORT? Choose another with GEOMEKONG_PG_PORT=5434 make ...)" >&2
      exit 1
    fi
    echo "Local PostGIS started on 127.0.0.1:$PGPORT (socket in $rundir)"
  fi
  psql_local() { "$bindir/psql" -h 127.0.0.1 -p "$PGPORT" -U "$DBUSER" -v ON_ERROR_STOP=1 -qAt "$@"; }
  if [ -z "$(psql_local -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DBNAME'")" ]; then
    psql_local -d postgres -c "CREATE DATABASE $DBNAME"
  fi
  psql_local -d "$DBNAME" -c "CREATE EXTENSION IF NOT EXISTS postgis" 2>/dev/null
  # New databases (pytest-django's test databases) inherit PostGIS from template1.
  psql_local -d template1 -c "CREATE EXTENSION IF NOT EXISTS postgis" 2>/dev/null
}

stop() {
  if running; then
    as_server "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "Local PostGIS stopped"
  else
    echo "Local PostGIS is not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running && echo "running on 127.0.0.1:$PGPORT" || { echo "stopped"; exit 3; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
