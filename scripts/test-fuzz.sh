#!/usr/bin/env bash
# Hostile input at full size: every consumed Kafka topic gets garbage bytes, wrong-shaped JSON, a
# payload without CloudEvents headers, a v2 event, a 10 MB message and random byte strings; ingest
# gets a 500-page PDF, zip bombs named .docx (4 GB), HTML nested a million deep and text in other
# encodings; every documented HTTP operation of every service gets property-based cases (mutated
# and arbitrary bodies, queries, path parameters, headers, forms) from its OpenAPI document.
# `npm test` runs the same specs at FUZZ_SCALE=1 (smaller inputs, fewer random cases).
# Starts local infrastructure unless KAFKA_BROKERS, DATABASE_URL and REDIS_URL already name it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=UTC NX_DAEMON=false FORCE_COLOR=0 FUZZ_SCALE="${FUZZ_SCALE:-10}"

source scripts/local-infra.sh

echo "=== hostile input, FUZZ_SCALE=$FUZZ_SCALE: converters (unit)"
npx jest -c jest.config.js --testPathPatterns 'hostile-documents\.spec|parse-event-payload|dead-letter'

echo "=== hostile input, FUZZ_SCALE=$FUZZ_SCALE: services on real Kafka, PostgreSQL and Redis"
npx jest -c jest.integration.config.js --testPathPatterns 'hostile-(messages|documents)\.integration-spec|http-fuzz\.integration-spec'
