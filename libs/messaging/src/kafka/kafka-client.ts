import { allTopics, topicMaxMessageBytes } from '@dealwatch/contracts';

import { ConfigResourceTypes, ConfigSource, Kafka, logLevel } from 'kafkajs';
import type { Admin, ISocketFactory, LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

import { IdempotentProducer } from './idempotent-producer';
import { rejoinAsSameMember } from './rejoin-as-same-member';
import { fixKafkaIdleRequestLoop } from './request-queue-idle-fix';
import type { TopicNaming } from './topic-naming';

/**
 * Retries a request to the broker for some 23 s, at least once a second: a restarted broker is
 * reached within a second of its return, where a pause doubling up to 5 s could wait that long.
 */
export const KAFKA_RETRY = { initialRetryTime: 200, maxRetryTime: 1_000, retries: 25 };

export function createKafka(options: {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** How connections to the broker are opened; kafkajs' own plain TCP unless given. */
  socketFactory?: ISocketFactory;
}): Kafka {
  fixKafkaIdleRequestLoop();
  rejoinAsSameMember();
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    retry: KAFKA_RETRY,
    ...(options.socketFactory ? { socketFactory: options.socketFactory } : {}),
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      logKafkaEntry(options.logger, entry);
    },
  });
}

function logKafkaEntry(logger: Logger, { level, namespace, log }: LogEntry): void {
  const { message, ...details } = log;
  // We promise at-least-once with idempotent consumers, not exactly-once, so bounded retries are intended.
  if (message.startsWith('Limiting retries for the idempotent producer')) return;
  const context = { kafka: namespace, ...details };
  if (level <= logLevel.ERROR) logger.error(context, message);
  else if (level === logLevel.WARN) logger.warn(context, message);
  else logger.debug(context, message);
}

/**
 * Idempotent: the broker drops a retried batch it already wrote, so a relay retry after a lost
 * acknowledgement does not duplicate events.
 */
export function createIdempotentProducer(kafka: Kafka, logger: Logger): IdempotentProducer {
  return new IdempotentProducer(kafka, logger.child({ component: 'producer' }));
}

/**
 * Creates every contract topic and its dead-letter topic; existing ones are left as they are, but
 * for the size of message a topic of large events takes (`topicMaxMessageBytes`). Then waits until
 * each partition answers for its offsets: a partition created moments ago (by this service or a
 * neighbour starting beside it) answers "not the leader" until its log is ready, and a consumer that
 * meets that refreshes its metadata and rejoins its group, a dozen times over while it starts.
 */
export async function ensureTopics(
  admin: Admin,
  naming: TopicNaming,
  partitions = 3,
): Promise<void> {
  const all = allTopics.flatMap((topic) => [naming.physical(topic), naming.deadLetter(topic)]);
  const largeMessages = largeMessageTopics(naming);
  const existing = new Set(await admin.listTopics());
  const wanted = all.filter((name) => !existing.has(name));
  if (wanted.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: wanted.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: 1,
        configEntries: largeMessages.has(topic)
          ? [{ name: MAX_MESSAGE_BYTES, value: String(largeMessages.get(topic)) }]
          : [],
      })),
    });
  }
  // Those just created have it already; only older ones are read.
  await allowLargeMessages(
    admin,
    new Map([...largeMessages].filter(([topic]) => existing.has(topic))),
  );
  const deadline = Date.now() + PARTITIONS_READY_TIMEOUT_MS;
  await Promise.all(all.map((topic) => untilOffsetsAnswer(admin, topic, deadline)));
}

const MAX_MESSAGE_BYTES = 'max.message.bytes';

/** The topics (and DLQs) whose events may be larger than the broker's default takes. */
function largeMessageTopics(naming: TopicNaming): Map<string, number> {
  const large = new Map<string, number>();
  for (const topic of allTopics) {
    const bytes = topicMaxMessageBytes(topic);
    if (bytes === null) continue;
    large.set(naming.physical(topic), bytes);
    large.set(naming.deadLetter(topic), bytes);
  }
  return large;
}

/**
 * Raises `max.message.bytes` on topics created before it was set. Kafka's AlterConfigs replaces a
 * topic's own settings as a whole, so those already set (a retention an operator chose) are sent
 * back with it.
 */
async function allowLargeMessages(admin: Admin, large: Map<string, number>): Promise<void> {
  if (large.size === 0) return;
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [...large.keys()].map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  const resources = described.resources.flatMap(({ resourceName, configEntries }) => {
    const wanted = String(large.get(resourceName));
    const current = configEntries.find((entry) => entry.configName === MAX_MESSAGE_BYTES);
    if (current?.configValue === wanted) return [];
    const own = configEntries
      .filter(
        (entry) =>
          entry.configSource === ConfigSource.TOPIC_CONFIG &&
          entry.configName !== MAX_MESSAGE_BYTES,
      )
      .map((entry) => ({ name: entry.configName, value: entry.configValue }));
    return [
      {
        type: ConfigResourceTypes.TOPIC,
        name: resourceName,
        configEntries: [...own, { name: MAX_MESSAGE_BYTES, value: wanted }],
      },
    ];
  });
  if (resources.length > 0) await admin.alterConfigs({ validateOnly: false, resources });
}

/** Past this, a partition still not ready is left to the consumers, which cope, only more slowly. */
const PARTITIONS_READY_TIMEOUT_MS = 10_000;

async function untilOffsetsAnswer(admin: Admin, topic: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await admin.fetchTopicOffsets(topic);
      return;
    } catch {
      if (Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
