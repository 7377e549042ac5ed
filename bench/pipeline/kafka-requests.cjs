// Preload for the services under load: `BENCH_NODE_OPTIONS="--require ./bench/pipeline/kafka-requests.cjs"`.
// Counts the requests each service's kafkajs clients send to the broker, by API (Produce, Fetch,
// OffsetCommit, Heartbeat, ...), through kafkajs's own instrumentation events, and writes
// <service>.<pid>.json into BENCH_KAFKA_REQUEST_DIR (default tmp/kafka-requests) when the service
// stops: the broker's work per agreement, comparable between runs.
const path = require('node:path');

const writeOnStop = require('./write-on-stop.cjs');

const directory = path.resolve(process.env.BENCH_KAFKA_REQUEST_DIR || 'tmp/kafka-requests');
const counts = {};
const { Kafka } = require(require.resolve('kafkajs', { paths: [process.cwd()] }));

for (const kind of ['consumer', 'producer', 'admin']) {
  const create = Kafka.prototype[kind];
  Kafka.prototype[kind] = function counted(...args) {
    const client = create.apply(this, args);
    client.on(client.events.REQUEST, ({ payload }) => {
      const key = `${kind} ${payload.apiName}`;
      counts[key] = (counts[key] || 0) + 1;
    });
    return client;
  };
}

writeOnStop(directory, () => JSON.stringify(counts));
