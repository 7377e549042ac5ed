import { createIdempotentProducer } from '@dealwatch/messaging';
import { ServiceProcess, expectEventually, serviceEntry } from '@dealwatch/testing';

import { Kafka, logLevel } from 'kafkajs';
import type { Consumer } from 'kafkajs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { pino } from 'pino';

import { ms, summary } from './stats';

const workspaceRoot = resolve(__dirname, '../..');
const REMINDER_TOPIC = 'dealwatch.milestone.reminder.v1';
const RAW_BATCH = 200;

export interface ServiceBenchOptions {
  databaseUrl: string;
  brokers: string[];
  port: number;
  /** Reminders due over one minute. */
  precisionCount: number;
  /** Reminders due at once, for the sustained rate. */
  throughputCount: number;
}

interface Arrival {
  scheduledFor: number;
  /** The record's timestamp: when the relay handed it to Kafka. */
  onKafka: number;
  /** When this consumer read it. */
  seen: number;
}

/**
 * The built service as a process, on its own schema and topic prefix, with production settings:
 * precision (lateness from due time to the event on Kafka for reminders spread over a minute) and
 * throughput (a backlog due at once, against kafkajs alone sending as many messages of that size).
 */
export async function benchService(options: ServiceBenchOptions): Promise<void> {
  console.log('\n== Service (built with nx, run as a process) ==');
  execFileSync('npx', ['nx', 'build', 'milestone-scheduler', '--outputStyle=static'], {
    cwd: workspaceRoot,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  const run = Date.now().toString(36);
  const schema = `bench_service_${run}`;
  const prefix = `bench.${run}.`;
  const service = new ServiceProcess({
    name: 'milestone-scheduler',
    entry: serviceEntry(workspaceRoot, 'milestone-scheduler'),
    port: options.port,
    env: {
      DATABASE_URL: options.databaseUrl,
      KAFKA_BROKERS: options.brokers.join(','),
      DATABASE_SCHEMA: schema,
      // Its own key registry, dropped with its schema (the bench calls no API but health).
      AUTH_DATABASE_SCHEMA: `${schema}_auth`,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    },
    logFile: join(workspaceRoot, 'tmp', 'bench-logs', `scheduler-${run}.log`),
  });
  const kafka = new Kafka({ brokers: options.brokers, logLevel: logLevel.NOTHING });
  const db = new Client({ connectionString: options.databaseUrl });
  const arrivals = new Map<string, Arrival>();
  let consumer: Consumer | null = null;
  try {
    await service.start();
    await db.connect();
    await db.query(`SET search_path = ${schema}`);
    consumer = await consume(kafka, `${prefix}${REMINDER_TOPIC}`, arrivals);

    await precision(db, arrivals, options.precisionCount);
    arrivals.clear();
    const fired = await throughput(db, arrivals, options.throughputCount);
    const raw = await rawKafkaRate(kafka, `${prefix}bench.raw`, options.throughputCount);
    console.log(
      `   throughput: ${options.throughputCount.toLocaleString('en')} reminders due at once fired at ${fired.toFixed(0)}/s; ` +
        `kafkajs alone sends the same messages at ${raw.toFixed(0)}/s; ratio ${(fired / raw).toFixed(2)}`,
    );
  } finally {
    await consumer?.disconnect();
    await service.stop();
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db.query(`DROP SCHEMA IF EXISTS "${schema}_auth" CASCADE`).catch(() => undefined);
    await db.end();
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
}

async function consume(
  kafka: Kafka,
  topic: string,
  arrivals: Map<string, Arrival>,
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: `bench-${topic}`, maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const seen = Date.now();
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        reminderId: string;
        scheduledFor: string;
      };
      arrivals.set(event.reminderId, {
        scheduledFor: Date.parse(event.scheduledFor),
        onKafka: Number(message.timestamp),
        seen,
      });
      await Promise.resolve();
    },
  });
  return consumer;
}

/**
 * `count` reminders due at even steps over one minute, starting 15 s from now, written straight into
 * the service's tables (the service finds them as it would ones the API planned).
 */
async function precision(db: Client, arrivals: Map<string, Arrival>, count: number) {
  const start = Date.now() + 15_000;
  await insertReminders(db, count, new Date(start), 60_000 / count);
  await expectEventually(
    () => {
      if (arrivals.size < count) throw new Error(`${arrivals.size} of ${count} arrived`);
    },
    { timeoutMs: 180_000, intervalMs: 200 },
  );
  const values = [...arrivals.values()];
  const onKafka = summary(values.map((a) => a.onKafka - a.scheduledFor));
  const seen = summary(values.map((a) => a.seen - a.scheduledFor));
  const overOneSecond = values.filter((a) => a.onKafka - a.scheduledFor > 1_000).length;
  console.log(
    `   precision: ${count.toLocaleString('en')} reminders due over one minute, lateness from due time\n` +
      `     to the event on Kafka (record timestamp): p50 ${ms(onKafka.p50)}  p99 ${ms(onKafka.p99)}  max ${ms(onKafka.max)}  (${overOneSecond} over 1 s)\n` +
      `     to a consumer reading it:                 p50 ${ms(seen.p50)}  p99 ${ms(seen.p99)}  max ${ms(seen.max)}`,
  );
}

/** `count` reminders all due already; returns reminders on Kafka per second, from commit to last. */
async function throughput(db: Client, arrivals: Map<string, Arrival>, count: number) {
  const committed = await insertReminders(db, count, new Date(Date.now() - 1_000), 0);
  await expectEventually(
    () => {
      if (arrivals.size < count) throw new Error(`${arrivals.size} of ${count} arrived`);
    },
    { timeoutMs: 300_000, intervalMs: 200 },
  );
  const last = Math.max(...[...arrivals.values()].map((a) => a.onKafka));
  return count / ((last - committed) / 1_000);
}

/** The same number of messages of a reminder's size, straight from kafkajs with the relay's settings. */
async function rawKafkaRate(kafka: Kafka, topic: string, count: number): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  await admin.disconnect();
  const producer = createIdempotentProducer(kafka, pino({ level: 'silent' }));
  await producer.connect();
  const value = JSON.stringify(sampleReminder());
  // The CloudEvents headers the relay sends with each event.
  const headers = {
    ce_specversion: '1.0',
    ce_type: REMINDER_TOPIC,
    ce_source: '/dealwatch/milestone-scheduler',
    ce_time: new Date().toISOString(),
    ce_subject: '00000000-0000-4000-8000-000000000002',
    ce_correlationid: '00000000-0000-4000-8000-000000000003',
    'content-type': 'application/json',
  };
  const started = performance.now();
  for (let sent = 0; sent < count; sent += RAW_BATCH) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        {
          topic,
          messages: Array.from({ length: Math.min(RAW_BATCH, count - sent) }, (_, i) => ({
            key: `agreement-${(sent + i) % 50}`,
            value,
            headers: { ...headers, ce_id: `${sent + i}` },
          })),
        },
      ],
    });
  }
  const rate = count / ((performance.now() - started) / 1_000);
  await producer.disconnect();
  return rate;
}

/**
 * `count` pending reminders, the i-th due at `first + i * stepMs`, four to a milestone whose own due
 * time is far off (so no status change competes with them). Returns when the insert committed.
 */
async function insertReminders(
  db: Client,
  count: number,
  first: Date,
  stepMs: number,
): Promise<number> {
  await db.query(
    `WITH m AS (
       INSERT INTO milestones (id, agreement_id, obligation_key, title, category, evidence, status,
                               due_kind, due_date, due_at, overdue_at, time_zone)
       SELECT gen_random_uuid(), gen_random_uuid(), 'bench:' || gen_random_uuid(), 'Bench milestone', 'other',
              'The parties will act within 180 days.', 'pending', 'instant', due::date, due, due, 'UTC'
         FROM generate_series(1, ceil($1::int / 4.0)::int) AS g, (SELECT now() + interval '1 year' AS due) AS d
       RETURNING id),
     numbered AS (SELECT id, row_number() OVER () - 1 AS k FROM m)
     INSERT INTO reminders (id, milestone_id, "offset", fire_at, status)
     SELECT gen_random_uuid(), numbered.id, 'PT' || (4 - slot) || 'S',
            $2::timestamptz + ((numbered.k * 4 + slot) * $3::float8) * interval '1 millisecond', 'pending'
       FROM numbered CROSS JOIN generate_series(0, 3) AS slot
      WHERE numbered.k * 4 + slot < $1::int`,
    [count, first, stepMs],
  );
  return Date.now();
}

function sampleReminder() {
  return {
    reminderId: '00000000-0000-4000-8000-000000000000',
    milestoneId: '00000000-0000-4000-8000-000000000001',
    agreementId: '00000000-0000-4000-8000-000000000002',
    title: 'Bench milestone',
    category: 'other',
    offset: 'PT4S',
    dueDate: '2027-11-29',
    scheduledFor: new Date().toISOString(),
    firedAt: new Date().toISOString(),
    late: false,
    agreementTitle: null,
    evidence: { text: 'The parties will act within 180 days.', span: null },
  };
}
