/**
 * Alerting fan-out benchmark, printing figures (nothing here is a pass/fail test):
 *   npx tsx bench/alerting/run.ts [--reminders=10000] [--port=13941]
 * The service built with nx and run as a process, three local webhook sinks as its receivers
 * (ALERT_WEBHOOK_URLS). Reminder events go onto Kafka as the scheduler sends them; it reports
 * notifications per second and p50/p99 from each reminder's publication to its receipt at a sink,
 * then the same with one sink failing half its requests, and whether every sink got every reminder.
 * Uses DATABASE_URL, KAFKA_BROKERS and REDIS_URL (default: the local ones `npm start` brings up).
 */
import { Topics } from '@dealwatch/contracts';
import type { MilestoneReminderV1 } from '@dealwatch/contracts';
import { EventPublisher, ServiceProcess, expectEventually, serviceEntry } from '@dealwatch/testing';

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

import { ms, summary } from '../scheduler/stats';
import { Sink } from './sinks';

const workspaceRoot = resolve(__dirname, '..', '..');

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

function reminder(): MilestoneReminderV1 {
  return {
    reminderId: randomUUID(),
    milestoneId: randomUUID(),
    agreementId: randomUUID(),
    title: 'Submit the annual report to the Joint Committee',
    category: 'reporting',
    offset: 'P7D',
    dueDate: '2026-04-28',
    scheduledFor: '2026-04-21T09:00:00.000Z',
    firedAt: '2026-04-21T09:00:00.250Z',
    late: false,
    agreementTitle: 'Framework on Critical Minerals',
    evidence: { text: 'The Participants will report annually.', span: null },
  };
}

async function round(
  label: string,
  events: EventPublisher,
  sinks: Sink[],
  count: number,
): Promise<void> {
  const published = new Map<string, number>();
  const start = Date.now();
  const batch = Array.from({ length: count }, reminder);
  await Promise.all(
    batch.map(async (payload) => {
      await events.publish(Topics.MilestoneReminderV1, payload, { key: payload.agreementId });
      published.set(payload.reminderId, Date.now());
    }),
  );
  const ids = batch.map((payload) => payload.reminderId);
  await expectEventually(
    () => {
      const got = sinks.map((sink) => ids.filter((id) => sink.received.has(id)).length);
      if (got.some((n) => n < count)) throw new Error(`received ${got.join(' / ')} of ${count}`);
    },
    { timeoutMs: 600_000, intervalMs: 250 },
  );
  const latencies = sinks.flatMap((sink) =>
    ids.map((id) => (sink.received.get(id) ?? 0) - (published.get(id) ?? 0)),
  );
  const last = Math.max(...sinks.flatMap((sink) => ids.map((id) => sink.received.get(id) ?? 0)));
  const delivered = sinks.reduce(
    (n, sink) => n + ids.filter((id) => sink.received.has(id)).length,
    0,
  );
  const stats = summary(latencies);
  console.log(
    `${label}\n` +
      `   ${delivered.toLocaleString('en')} of ${(count * sinks.length).toLocaleString('en')} notifications delivered` +
      ` in ${ms(last - start)}: ${Math.round((delivered * 1000) / (last - start))} notifications/s\n` +
      `   reminder event to receipt: p50 ${ms(stats.p50)}  p99 ${ms(stats.p99)}  max ${ms(stats.max)}\n` +
      `   requests per sink: ${sinks.map((sink) => sink.requests).join(' / ')};` +
      ` duplicates: ${sinks.map((sink) => sink.duplicates).join(' / ')}`,
  );
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const count = Number(option('reminders', '10000'));
  execFileSync('npx', ['nx', 'build', 'alerting', '--outputStyle=static'], {
    cwd: workspaceRoot,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  const run = Date.now().toString(36);
  const schema = `bench_alerting_${run}`;
  const prefix = `bench.${run}.`;
  const sinks = await Promise.all([new Sink().start(), new Sink().start(), new Sink().start()]);
  const service = new ServiceProcess({
    name: 'alerting',
    entry: serviceEntry(workspaceRoot, 'alerting'),
    port: Number(option('port', '13941')),
    env: {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: brokers.join(','),
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      DATABASE_SCHEMA: schema,
      // Its own key registry, dropped with its schema (the bench calls no API but health).
      AUTH_DATABASE_SCHEMA: `${schema}_auth`,
      KAFKA_TOPIC_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      ALERT_WEBHOOK_URLS: sinks.map((sink) => sink.url).join(','),
      OUTBOUND_ALLOWLIST: '127.0.0.1',
      ALERT_RETRY_BASE_MS: '100',
      ALERT_RETRY_MAX_MS: '2000',
      ALERT_DELIVERY_MAX_ATTEMPTS: '30',
      // Half the requests failing is not a receiver to stop sending to.
      ALERT_BREAKER_FAILURES: '1000',
    },
    logFile: join(workspaceRoot, 'tmp', 'bench', `alerting-${run}.log`),
  });
  const events = await new EventPublisher(brokers, prefix).start();
  try {
    await service.start();
    console.log(`alerting fan-out: ${count.toLocaleString('en')} reminders to 3 webhook sinks`);
    await round(' all sinks healthy:', events, sinks, count);
    sinks[2].failHalf = true;
    await round(' one sink failing half its requests:', events, sinks, count);
  } finally {
    await events.stop();
    await service.stop();
    await Promise.all(sinks.map((sink) => sink.stop()));
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db.query(`DROP SCHEMA IF EXISTS "${schema}_auth" CASCADE`).catch(() => undefined);
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
