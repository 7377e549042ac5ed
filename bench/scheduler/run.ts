/**
 * Scheduler benchmarks, printing figures (nothing here is a pass/fail test):
 *   npx tsx bench/scheduler/run.ts [--sizes=10000,100000,1000000] [--precision=10000]
 *                                  [--throughput=20000] [--port=13931] [--only=claim|service]
 * - claim: the dispatcher's claim queries at each count of pending milestones (four reminders each),
 *   in a throwaway schema;
 * - service: the built service as a process: lateness of reminders due over one minute, and the
 *   rate it fires a backlog at against the rate kafkajs alone puts the same messages on Kafka.
 * Uses DATABASE_URL and KAFKA_BROKERS (default: the local ones `npm start` brings up).
 */
import { benchClaimQuery } from './claim-query';
import { benchService } from './service-bench';

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const only = option('only', 'all');
  if (only === 'all' || only === 'claim') {
    const sizes = option('sizes', '10000,100000,1000000').split(',').map(Number);
    await benchClaimQuery(databaseUrl, sizes);
  }
  if (only === 'all' || only === 'service') {
    await benchService({
      databaseUrl,
      brokers,
      port: Number(option('port', '13931')),
      precisionCount: Number(option('precision', '10000')),
      throughputCount: Number(option('throughput', '20000')),
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
