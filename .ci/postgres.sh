#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + PostGIS cluster for CI (Debian packages
# postgresql-15 and postgresql-15-postgis-3).
#
#   .ci/postgres.sh start <dir> <port>   creates and starts a cluster in <dir>,
#                                        prints its DATABASE_URL on stdout
#   .ci/postgres.sh stop <dir>           stops it and deletes <dir>
#
# The cluster belongs to the `postgres` OS user (initdb refuses root), listens
# on 127.0.0.1:<port> only (password auth) plus a Unix socket inside <dir>
# (peer auth, for the `postgres` superuser). It holds a superuser role
# `quartier` (password `quartier`) owning the database `quartier_test`:
# superuser because the first migration runs CREATE EXTENSION postgis and
# the test teardown drops it again. Durability is switched off: the data is
# thrown away.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_ROLE=${PG_ROLE:-quartier}
PG_PASSWORD=${PG_PASSWORD:-quartier}
PG_DATABASE=${PG_DATABASE:-quartier_test}

log() { echo "[postgres.sh] $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# Run a command as the postgres OS user, from a directory it can read.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

start() {
  local dir=$1 port=$2
  [[ -x $PG_BIN/initdb ]] || die "$PG_BIN/initdb not found: apt-get install postgresql-15"
  id postgres >/dev/null 2>&1 || die "no 'postgres' OS user (it comes with the postgresql-15 package)"
  [[ -e $dir/data ]] && die "$dir/data already exists"

  mkdir -p "$dir/data" "$dir/sock"
  chown -R postgres:postgres "$dir"
  chmod 700 "$dir" "$dir/data"

  log "initdb in $dir/data"
  as_postgres "$PG_BIN/initdb" --pgdata="$dir/data" --username=postgres \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 \
    --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  }

  log "starting on 127.0.0.1:$port"
  if ! as_postgres "$PG_BIN/pg_ctl" --pgdata="$dir/data" --log="$dir/postgres.log" \
    --wait --timeout=60 --silent start \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/sock \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c max_connections=100" >&2; then
    cat "$dir/postgres.log" >&2 || true
    die "the cluster did not start"
  fi

  log "creating role $PG_ROLE and database $PG_DATABASE"
  as_postgres "$PG_BIN/psql" --no-psqlrc --quiet -v ON_ERROR_STOP=1 \
    --host="$dir/sock" --port="$port" --username=postgres --dbname=postgres >&2 <<SQL
CREATE ROLE "$PG_ROLE" LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
CREATE DATABASE "$PG_DATABASE" OWNER "$PG_ROLE";
SQL

  local url="postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$port/$PG_DATABASE"

  # Over TCP with the password, as the app will connect: PostGIS must be
  # creatable. Rolled back, so the app's own migration creates it for real.
  log "checking that CREATE EXTENSION postgis works as $PG_ROLE"
  local version
  version=$("$PG_BIN/psql" --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 \
    "$url" 2>&1 <<'SQL'
BEGIN;
CREATE EXTENSION postgis;
SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version();
ROLLBACK;
SQL
  ) || die "PostGIS is not usable: $version (apt-get install postgresql-15-postgis-3)"
  log "ready: $version"

  echo "$url"
}

stop() {
  local dir=$1
  [[ -n $dir && -d $dir ]] || return 0
  if [[ -f $dir/data/postmaster.pid ]]; then
    log "stopping the cluster in $dir/data"
    as_postgres "$PG_BIN/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=30 --silent stop >&2 ||
      as_postgres "$PG_BIN/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --timeout=30 --silent stop >&2 ||
      log "WARNING: could not stop the cluster in $dir/data"
  fi
  rm -rf -- "$dir"
}

case ${1:-} in
  start)
    [[ $# -eq 3 ]] || die "usage: $0 start <dir> <port>"
    start "$2" "$3"
    ;;
  stop)
    [[ $# -eq 2 ]] || die "usage: $0 stop <dir>"
    stop "$2"
    ;;
  *) die "usage: $0 start <dir> <port> | stop <dir>" ;;
esac
