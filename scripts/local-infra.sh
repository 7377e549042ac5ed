# Sourced by the test scripts: points the tests at KAFKA_BROKERS, DATABASE_URL and REDIS_URL when
# they are set, else installs what is missing and starts the local infrastructure on its defaults.
if [[ -z "${KAFKA_BROKERS:-}" || -z "${DATABASE_URL:-}" || -z "${REDIS_URL:-}" ]]; then
  bash scripts/ensure-deps.sh
  bash infra/up.sh
fi
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
