#!/usr/bin/env bash
# Throwaway Redis for CI (Debian package redis-server): the test suite's
# several-app-processes case runs Transmit's bus and the job queue on it.
#
#   .ci/redis.sh start <dir> <port>   starts redis-server with its files in
#                                     <dir>, prints its REDIS_URL on stdout
#   .ci/redis.sh stop <dir>           stops it and deletes <dir>
#
# It listens on 127.0.0.1:<port> only, keeps everything in memory (no RDB
# snapshot, no append-only file) and runs in the background (pid file and
# log in <dir>).
set -euo pipefail

REDIS_SERVER=${REDIS_SERVER:-/usr/bin/redis-server}

log() { echo "[redis.sh] $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# PING over bash's /dev/tcp (no redis-cli needed): true on +PONG.
# In a subshell: a failed connection closes nothing of ours.
ping_redis() {
  (
    reply=""
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || true
    [[ $reply == +PONG* ]]
  ) 2>/dev/null
}

start() {
  local dir=$1 port=$2 waited=0
  [[ -x $REDIS_SERVER ]] || die "$REDIS_SERVER not found: apt-get install redis-server"
  [[ -e $dir/redis.pid ]] && die "$dir/redis.pid already exists"
  mkdir -p "$dir"

  log "starting $("$REDIS_SERVER" --version | head -n 1) on 127.0.0.1:$port"
  "$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --protected-mode yes \
    --save '' --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" ||
    die "redis-server did not start"

  until ping_redis "$port"; do
    if ((waited >= 100)); then
      cat "$dir/redis.log" >&2 || true
      die "redis-server did not answer PING on port $port within 10s"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  log "ready"
  echo "redis://127.0.0.1:$port/0"
}

stop() {
  local dir=$1 pid waited=0
  [[ -n $dir && -d $dir ]] || return 0
  if [[ -f $dir/redis.pid ]]; then
    pid=$(cat "$dir/redis.pid")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping redis-server (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null && ((waited < 100)); do
        sleep 0.1
        waited=$((waited + 1))
      done
      if kill -0 "$pid" 2>/dev/null; then
        log "WARNING: redis-server still running 10s after SIGTERM: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
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
