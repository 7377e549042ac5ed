import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import type { Consumer } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';

import { createTestTopic, severableConsumer } from './test-bed';
import type { SeverableConnections } from './test-bed';

const namespace = createTestNamespace('rejoin');
const topic = `${namespace.topicPrefix}rejoin`;
const SESSION_TIMEOUT_MS = 6_000;

interface GroupJoin {
  memberId: string;
}

/**
 * kafkajs runs a consumer again (its own restart after a crash, or ours) as it runs it here: the
 * consumer is stopped, as a crash stops it, and run once more.
 */
describe('a kafkajs consumer run again after it stopped', () => {
  beforeAll(() => createTestTopic(topic, 1, silent()));

  function silent() {
    return pino({ level: 'silent' });
  }

  function consumerIn(group: string) {
    const { consumer, connections } = severableConsumer(
      `${namespace.topicPrefix}${group}`,
      SESSION_TIMEOUT_MS,
      silent(),
    );
    const joins: GroupJoin[] = [];
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => joins.push(payload));
    return { consumer, connections, joins };
  }

  async function run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachMessage: () => Promise.resolve() });
  }

  /**
   * After a pause, as kafkajs and EventConsumer restart a consumer: a connection that kafkajs
   * closed and reopens at once gets the old socket's end, and fails.
   */
  async function runAgain(consumer: Consumer): Promise<void> {
    await delay(500);
    await run(consumer);
  }

  function joined(joins: GroupJoin[], count: number): Promise<GroupJoin> {
    return expectEventually(
      () => {
        const join = joins[count - 1];
        if (!join) throw new Error(`the consumer joined ${joins.length} times, not ${count}`);
        return join;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  }

  /** The consumer's group joins before and after what happens between its two runs. */
  async function joinsAround(
    group: string,
    between: (consumer: Consumer, connections: SeverableConnections) => Promise<void>,
  ): Promise<[GroupJoin, GroupJoin]> {
    const { consumer, connections, joins } = consumerIn(group);
    try {
      await run(consumer);
      const first = await joined(joins, 1);
      await between(consumer, connections);
      await runAgain(consumer);
      return [first, await joined(joins, 2)];
    } finally {
      await consumer.disconnect();
    }
  }

  it('joins as the member it was when its leave could not reach the broker', async () => {
    const [first, second] = await joinsAround('unreachable', async (consumer, connections) => {
      connections.sever();
      await consumer.disconnect();
      connections.restore();
    });
    // A new member would wait for the old one's session to run out before the group is back.
    expect(second.memberId).toBe(first.memberId);
  }, 60_000);

  it('joins as a new member after it left its group', async () => {
    const [first, second] = await joinsAround('left', (consumer) => consumer.disconnect());
    expect(second.memberId).not.toBe(first.memberId);
  }, 60_000);

  it('joins as a new member when the broker has let the old one go', async () => {
    const [first, second] = await joinsAround('expired', async (consumer, connections) => {
      connections.sever();
      await consumer.disconnect();
      await delay(SESSION_TIMEOUT_MS + 2_000);
      connections.restore();
    });
    expect(second.memberId).not.toBe(first.memberId);
  }, 60_000);
});
