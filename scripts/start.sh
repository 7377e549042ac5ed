#!/usr/bin/env bash
# `npm start`: installs what is missing, starts PostgreSQL/Redis/Kafka where they are down, builds and
# runs the five services on local defaults, and on Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

kafka_was_running=0 postgres_was_running=0 redis_was_running=0
bash infra/kafka/kafka.sh status >/dev/null 2>&1 && kafka_was_running=1
pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && postgres_was_running=1
redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG && redis_was_running=1

bash scripts/ensure-deps.sh
bash infra/up.sh
npx nx run-many -t build --projects='tag:type:app' --outputStyle=static

cleanup() {
  if [ "$kafka_was_running" = 0 ]; then bash infra/kafka/kafka.sh stop || true; fi
  if [ "$redis_was_running" = 0 ]; then redis-cli -h 127.0.0.1 shutdown nosave >/dev/null 2>&1 || true; fi
  if [ "$postgres_was_running" = 0 ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main stop || true
  fi
}
trap cleanup EXIT

# Run in the background and forward signals, so the trap above still runs after the services stop.
npx tsx tools/run-local.ts &
runner=$!
trap 'kill -TERM "$runner" 2>/dev/null || true' INT TERM
wait "$runner" || true
wait "$runner" 2>/dev/null || true
