#!/usr/bin/env bash
# The whole suite: static checks, unit tests, integration tests on real Kafka/PostgreSQL/Redis,
# then the built services end to end. Starts whatever infrastructure is not running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0

# Each step's time is kept and printed at the end: the whole suite should stay well under 20 min.
timings=()
current=""
step_started=$SECONDS
finish_step() {
  if [[ -n "$current" ]]; then timings+=("$(printf '%6d s  %s' $((SECONDS - step_started)) "$current")"); fi
  return 0
}
step() {
  finish_step
  current="$*"
  step_started=$SECONDS
  echo
  echo "=== $*"
}

step "dependencies and infrastructure"
bash scripts/ensure-deps.sh
bash infra/up.sh

export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

results=$(mktemp -d)

step "lint (module boundaries, type-aware rules) and format"
npx nx run-many -t lint --outputStyle=static
npx eslint bench tools --max-warnings 0
npx prettier --check . --log-level warn

step "typecheck"
npx tsc -p tsconfig.json --noEmit

step "unit tests"
npx jest -c jest.config.js --json --outputFile="$results/unit.json"

step "integration tests (real Kafka, PostgreSQL, Redis)"
npx jest -c jest.integration.config.js --json --outputFile="$results/integration.json"

step "build and end-to-end tests (services as processes, the console in Chromium)"
bash scripts/ensure-browser.sh
npx nx run-many -t build --projects='tag:type:app' --outputStyle=static
npx jest -c e2e/jest.config.js --json --outputFile="$results/e2e.json"

node -e '
  const files = process.argv.slice(1);
  const totals = files.map((file) => require(file)).reduce(
    (sum, run) => ({ passed: sum.passed + run.numPassedTests, failed: sum.failed + run.numFailedTests, skipped: sum.skipped + run.numPendingTests }),
    { passed: 0, failed: 0, skipped: 0 });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
' "$results/unit.json" "$results/integration.json" "$results/e2e.json"
finish_step
echo
echo "=== time per step"
printf '%s\n' "${timings[@]}"
printf '%6d s  in all\n' "$SECONDS"
