import { createTestNamespace, expectEventually, requiredEnv } from '@dealwatch/testing';

import { pino } from 'pino';

import { createKafka } from './index';
import { joinAsInstance } from './kafka/static-membership';
import { createTestTopic, severableConsumer } from './test-bed';

const namespace = createTestNamespace('static-member');
const topic = `${namespace.topicPrefix}static`;
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const logger = pino({ level: 'silent' });
/** Long, so that a join that waited for a dead member's session would run past the spec's wait. */
const SESSION_TIMEOUT_MS = 45_000;
const JOIN_WAIT_MS = 20_000;

describe('a consumer group joined as an instance (static membership)', () => {
  beforeAll(() => createTestTopic(topic, 2, logger));

  function consumerIn(group: string) {
    const { consumer, connections } = severableConsumer(
      `${namespace.topicPrefix}${group}`,
      SESSION_TIMEOUT_MS,
      logger,
    );
    const received: string[] = [];
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    const run = async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic] });
      await consumer.run({
        eachMessage: ({ message }) => {
          received.push(message.value?.toString() ?? '');
          return Promise.resolve();
        },
      });
    };
    return { consumer, connections, received, run, joined: () => joined };
  }

  function until(condition: () => boolean, what: string): Promise<void> {
    return expectEventually(
      () => {
        if (!condition()) throw new Error(`not within ${JOIN_WAIT_MS} ms: ${what}`);
      },
      { timeoutMs: JOIN_WAIT_MS, intervalMs: 50 },
    );
  }

  it("takes a dead instance's place in its group without waiting out its session", async () => {
    const group = 'replaced';
    joinAsInstance(`${namespace.topicPrefix}${group}`, 'instance-1');
    const dead = consumerIn(group);
    const successor = consumerIn(group);
    const producer = createKafka({ brokers, clientId: 'static-producer', logger }).producer();
    try {
      await dead.run();
      await until(dead.joined, 'the first instance joins');
      // As a killed process: its connections go, and it never leaves its group.
      dead.connections.sever();

      // `run` returns once the consumer has joined, which a new member does only after the session.
      const running = successor.run();
      await until(successor.joined, 'its successor joins');
      await running;
      await producer.connect();
      await producer.send({ topic, messages: [{ value: 'after the kill' }] });
      await until(() => successor.received.includes('after the kill'), 'the successor consumes');
    } finally {
      await producer.disconnect();
      await successor.consumer.disconnect();
      // Unreachable, it would retry its requests for some 23 s before it stopped.
      dead.connections.restore();
      await dead.consumer.disconnect();
    }
  }, 60_000);

  it('lets another instance in at once after an instance leaves cleanly', async () => {
    // As a container replaced by one of another name: the first stops, then the second starts.
    const group = `${namespace.topicPrefix}handed-over`;
    joinAsInstance(group, 'instance-a');
    const leaving = consumerIn('handed-over');
    const next = consumerIn('handed-over');
    try {
      await leaving.run();
      await until(leaving.joined, 'the first instance joins');
      await leaving.consumer.disconnect();

      joinAsInstance(group, 'instance-b');
      const running = next.run();
      await until(next.joined, 'the next instance joins');
      await running;
    } finally {
      await next.consumer.disconnect();
    }
  }, 60_000);
});
