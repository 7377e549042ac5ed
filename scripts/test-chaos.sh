#!/usr/bin/env bash
# Faults at full size: under a steady load, each service SIGKILLed in turn (and two at once), the
# Kafka broker, PostgreSQL and Redis stopped and started again, the webhook receiver failing half
# its requests and then hanging for 30 s; prints a table of recovery time, lost work and duplicate
# alerts per fault. `npm test` runs the same spec at CHAOS_SCALE=reduced (fewer faults, shorter).
# The faults hit a Kafka, PostgreSQL and Redis of the test's own (on free ports, in a temporary
# directory), never the shared ones; those serve only Jest's setup, so they are started as for
# `npm test` unless KAFKA_BROKERS, DATABASE_URL and REDIS_URL already name them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0 CHAOS_SCALE="${CHAOS_SCALE:-full}"

source scripts/local-infra.sh
# The private broker runs from the jars of infra/kafka/.cache unless KAFKA_LIB_DIR names others.
if [[ -z "${KAFKA_LIB_DIR:-}" ]]; then bash infra/kafka/kafka.sh fetch; fi

echo "=== build the services"
npx nx run-many -t build --projects='tag:type:app' --outputStyle=static

echo "=== faults, CHAOS_SCALE=$CHAOS_SCALE"
npx jest -c e2e/jest.config.js --testPathPatterns 'chaos\.e2e-spec'
