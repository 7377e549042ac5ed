#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and Kafka answer on 127.0.0.1, starting whichever does not.
# Idempotent: services already running are left alone. Prints nothing else on success but one line
# per service.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"

wait_for() { # <what> <seconds> <command...>
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq $((seconds * 10))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "infra: $what did not come up within ${seconds}s" >&2
  return 1
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
    echo "infra: PostgreSQL answers on 127.0.0.1:$PG_PORT"
    return
  fi
  command -v pg_ctlcluster >/dev/null || { echo "infra: PostgreSQL is down and pg_ctlcluster is not installed" >&2; exit 1; }
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "infra: starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_for PostgreSQL 30 pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    echo "infra: Redis answers on 127.0.0.1:$REDIS_PORT"
    return
  fi
  command -v redis-server >/dev/null || { echo "infra: Redis is down and redis-server is not installed" >&2; exit 1; }
  echo "infra: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/dealwatch.log
  wait_for Redis 15 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
}

ensure_postgres
ensure_redis
bash infra/kafka/kafka.sh start
