import {
  TopicRecorder,
  createTestNamespace,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { Admin, Kafka, Producer } from 'kafkajs';
import { pino } from 'pino';

import { IDEMPOTENT_PRODUCER_CONFIG, createIdempotentProducer, createKafka } from './index';

const namespace = createTestNamespace('idempotent-producer');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
/** Small enough that one message of `tooLarge` is refused while the rest of its request is written. */
const SMALL_TOPIC_MAX_BYTES = 1_024;
const tooLarge = 'x'.repeat(4 * SMALL_TOPIC_MAX_BYTES);

type Connectable = Pick<Producer, 'connect' | 'disconnect'>;

/**
 * kafkajs takes back the sequence numbers of every partition of a produce request that failed in
 * part, including those the broker wrote. The broker then refuses the next batch for a written
 * partition for good. A topic that refuses large messages makes a request fail in part on demand.
 */
describe('the idempotent producer after the broker refused part of a request', () => {
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  let kafka: Kafka;
  let admin: Admin;
  let topicCount = 0;

  beforeAll(async () => {
    kafka = createKafka({ brokers, clientId: 'idempotent-producer-test', logger });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
  });

  beforeEach(() => {
    warnings.length = 0;
  });

  /** A topic of one partition that takes any message, and one that refuses `tooLarge`. */
  async function createTopics(): Promise<{ written: string; small: string }> {
    topicCount++;
    const written = `${namespace.topicPrefix}written-${topicCount}`;
    const small = `${namespace.topicPrefix}small-${topicCount}`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: written, numPartitions: 1 },
        {
          topic: small,
          numPartitions: 1,
          configEntries: [{ name: 'max.message.bytes', value: String(SMALL_TOPIC_MAX_BYTES) }],
        },
      ],
    });
    return { written, small };
  }

  /** Writes `first` to `written` in a request the broker refuses in part. */
  async function failInPart(
    producer: Pick<Producer, 'sendBatch'>,
    topics: { written: string; small: string },
    first: string,
  ): Promise<void> {
    await expect(
      producer.sendBatch({
        acks: -1,
        topicMessages: [
          { topic: topics.written, messages: [{ value: first }] },
          { topic: topics.small, messages: [{ value: tooLarge }] },
        ],
      }),
    ).rejects.toThrow();
  }

  async function valuesOn(topic: string, count: number): Promise<(string | null)[]> {
    const recorder = await new TopicRecorder(brokers).start([topic]);
    try {
      return await expectEventually(() => {
        const values = recorder.on(topic).map((message) => message.value);
        expect(values).toHaveLength(count);
        return values;
      });
    } finally {
      await recorder.stop();
    }
  }

  /** Connects the producer, has the broker refuse part of a request, then hands it over. */
  async function afterPartRefused<P extends Pick<Producer, 'sendBatch'> & Connectable>(
    producer: P,
    topics: { written: string; small: string },
    then: (producer: P) => Promise<void>,
  ): Promise<void> {
    await producer.connect();
    try {
      await failInPart(producer, topics, 'first');
      await then(producer);
    } finally {
      await producer.disconnect();
    }
  }

  /** The producer renewals logged since the test began. */
  function renewals(): string[] {
    return warnings.filter((line) => line.includes('OUT_OF_ORDER_SEQUENCE_NUMBER'));
  }

  it('is refused for good when it is a plain kafkajs producer', async () => {
    const topics = await createTopics();
    await afterPartRefused(kafka.producer(IDEMPOTENT_PRODUCER_CONFIG), topics, async (producer) => {
      for (let attempt = 0; attempt < 2; attempt++) {
        await expect(
          producer.send({ topic: topics.written, messages: [{ value: 'a' }, { value: 'b' }] }),
        ).rejects.toMatchObject({ type: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
      }
    });
  });

  it('starts over under a new producer id and delivers the next send', async () => {
    const topics = await createTopics();
    await afterPartRefused(createIdempotentProducer(kafka, logger), topics, async (producer) => {
      await producer.send({ topic: topics.written, messages: [{ value: 'a' }, { value: 'b' }] });
      await producer.send({ topic: topics.written, messages: [{ value: 'c' }] });
    });
    expect(await valuesOn(topics.written, 4)).toEqual(['first', 'a', 'b', 'c']);
    expect(renewals()).toHaveLength(1);
  });

  it('starts over once when several sends meet the refusal at the same time', async () => {
    const topics = await createTopics();
    await afterPartRefused(createIdempotentProducer(kafka, logger), topics, async (producer) => {
      await Promise.all(
        ['a', 'b', 'c'].map((value) =>
          producer.send({ topic: topics.written, messages: [{ value }, { value }] }),
        ),
      );
    });
    const values = await valuesOn(topics.written, 7);
    expect(values[0]).toBe('first');
    expect(values.slice(1).sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
    expect(renewals()).toHaveLength(1);
  });
});
