// Preload for the services under load: `BENCH_NODE_OPTIONS="--require ./bench/pipeline/query-count.cjs"`.
// Counts the SQL statements each service sends through pg, by statement text, and the round trips
// they took (the server's ReadyForQuery answers; fewer than the statements where several go in
// one), and writes <service>.<pid>.json (pairs of text and count, the round trips first, then the
// most frequent statements) into BENCH_QUERY_DIR (default tmp/queries) when the service stops:
// comparable between runs.
const Module = require('node:module');
const path = require('node:path');

const writeOnStop = require('./write-on-stop.cjs');

const directory = path.resolve(process.env.BENCH_QUERY_DIR || 'tmp/queries');
const counts = new Map();
const load = Module._load;
let counting = false;
let roundTrips = 0;

// pg is loaded lazily by TypeORM; its Client is wrapped the first time anything requires it.
Module._load = function loadCounting(request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (!counting && request === 'pg' && loaded && loaded.Client) {
    counting = true;
    const query = loaded.Client.prototype.query;
    loaded.Client.prototype.query = function countedQuery(config, ...args) {
      const text = typeof config === 'string' ? config : config && config.text;
      if (text) {
        const key = text.replace(/\s+/g, ' ').trim().slice(0, 200);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      return query.call(this, config, ...args);
    };
    const answered = loaded.Client.prototype._handleReadyForQuery;
    loaded.Client.prototype._handleReadyForQuery = function countedAnswer(...args) {
      roundTrips++;
      return answered.apply(this, args);
    };
  }
  return loaded;
};

writeOnStop(directory, () =>
  JSON.stringify(
    [['(round trips)', roundTrips], ...[...counts].sort((a, b) => b[1] - a[1])],
    null,
    1,
  ),
);
