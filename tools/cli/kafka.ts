import { Kafka, Partitioners, logLevel } from 'kafkajs';
import type { Admin, Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

import type { KafkaTarget } from './args';
import { CliError } from './cli-error';
import { messageLine, replayHeaders, replayRanges } from './kafka-messages';
import type { ReplayRange } from './kafka-messages';

/** Without progress for this long, a replay is stuck (a partition offline, a gap kafkajs skips). */
const REPLAY_STALL_MS = 30_000;

function kafkaOf(target: KafkaTarget): Kafka {
  return new Kafka({
    clientId: 'dealwatch-cli',
    brokers: target.brokers,
    connectionTimeout: 3_000,
    // A CLI should say the broker is down within seconds, not retry for a minute.
    retry: { retries: 2, initialRetryTime: 300 },
    // kafkajs logs JSON to the console; failures reach the user as one CliError line instead.
    logLevel: logLevel.NOTHING,
  });
}

/**
 * Groups that commit nothing and carry a random suffix: the CLI never moves a service's offsets,
 * and the broker forgets the group once it is empty.
 */
function consumerOf(kafka: Kafka, purpose: string): Consumer {
  return kafka.consumer({ groupId: `dealwatch-cli-${purpose}-${randomUUID()}` });
}

async function withBroker<T>(target: KafkaTarget, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`Kafka at ${target.brokers.join(',')}: ${message}`);
  }
}

async function requireTopics(admin: Admin, topics: string[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length > 0) throw new CliError(`no topic ${missing.join(', ')} on the broker`);
}

/** Prints each record of `topic` as one line until `stop` resolves (Ctrl-C), then disconnects. */
export async function tail(
  options: { topic: string; fromBeginning: boolean; kafka: KafkaTarget },
  print: (line: string) => void,
  stop: Promise<void>,
): Promise<void> {
  const topic = `${options.kafka.prefix}${options.topic}`;
  const kafka = kafkaOf(options.kafka);
  const admin = kafka.admin();
  const consumer = consumerOf(kafka, 'tail');
  await withBroker(options.kafka, async () => {
    try {
      await admin.connect();
      await requireTopics(admin, [topic]);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning });
      const crashed = new Promise<never>((_, reject) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          reject(payload.error);
        });
      });
      await consumer.run({
        autoCommit: false,
        eachMessage: ({ message }) => {
          print(messageLine(message));
          return Promise.resolve();
        },
      });
      await Promise.race([stop, crashed]);
    } finally {
      await consumer.disconnect();
      await admin.disconnect();
    }
  });
}

/**
 * Republishes the records of `topic` from `fromOffset` (value, key and headers; dead-letter
 * headers dropped) to `to`, in offset order per partition, and returns how many it sent.
 */
export async function replay(options: {
  topic: string;
  to: string;
  fromOffset: string;
  partition: number | null;
  kafka: KafkaTarget;
}): Promise<{ replayed: number; ranges: ReplayRange[] }> {
  const source = `${options.kafka.prefix}${options.topic}`;
  const target = `${options.kafka.prefix}${options.to}`;
  const kafka = kafkaOf(options.kafka);
  const admin = kafka.admin();
  const consumer = consumerOf(kafka, 'replay');
  // The default partitioner hashes keys like Java's, so one agreement's records stay together.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  return withBroker(options.kafka, async () => {
    try {
      await admin.connect();
      await requireTopics(admin, [source, target]);
      const ranges = replayRanges(
        await admin.fetchTopicOffsets(source),
        options.fromOffset,
        options.partition,
      );
      if (ranges.length === 0) return { replayed: 0, ranges };
      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topic: source });
      const replayed = await copyRanges(consumer, source, ranges, async (messages) => {
        await producer.send({ topic: target, messages });
      });
      return { replayed, ranges };
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.disconnect();
    }
  });
}

type Outgoing = {
  key: Buffer | null;
  value: Buffer | null;
  headers: ReturnType<typeof replayHeaders>;
};

async function copyRanges(
  consumer: Consumer,
  topic: string,
  ranges: ReplayRange[],
  send: (messages: Outgoing[]) => Promise<void>,
): Promise<number> {
  const starts = new Map(ranges.map((range) => [range.partition, BigInt(range.start)]));
  const next = new Map(starts);
  const ends = new Map(ranges.map((range) => [range.partition, BigInt(range.end)]));
  const finished = () =>
    [...next].every(([partition, offset]) => offset >= (ends.get(partition) ?? 0n));
  let replayed = 0;
  let progressAt = Date.now();
  let done!: () => void;
  let failed!: (error: unknown) => void;
  const outcome = new Promise<void>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    failed(payload.error);
  });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      const end = ends.get(batch.partition);
      const from = starts.get(batch.partition);
      if (end === undefined || from === undefined) return;
      // Before the seek lands the consumer may fetch from the log end: those records are not ours.
      const wanted = batch.messages.filter((message) => {
        const offset = BigInt(message.offset);
        return offset >= from && offset < end;
      });
      if (wanted.length > 0) {
        await send(
          wanted.map((message) => ({
            key: message.key,
            value: message.value,
            headers: replayHeaders(message.headers),
          })),
        );
        replayed += wanted.length;
      }
      const last = wanted.at(-1);
      if (last) next.set(batch.partition, BigInt(last.offset) + 1n);
      progressAt = Date.now();
      if (finished()) done();
    },
  });
  // Seeking is only allowed once the consumer runs; it starts each partition at its range.
  for (const range of ranges) {
    consumer.seek({ topic, partition: range.partition, offset: range.start });
  }
  const watchdog = setInterval(() => {
    if (Date.now() - progressAt > REPLAY_STALL_MS) {
      const at = [...next].map(([partition, offset]) => `${partition}@${offset}`).join(', ');
      failed(new CliError(`replay made no progress for ${REPLAY_STALL_MS / 1000} s (at ${at})`));
    }
  }, 1_000);
  try {
    await outcome;
  } finally {
    clearInterval(watchdog);
  }
  return replayed;
}
