import { Topics } from '@dealwatch/contracts';

import type { Kafka, Producer } from 'kafkajs';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';

import { TopicNaming } from '../kafka/topic-naming';
import { EventConsumer } from './event-consumer';

const CRASH = 'consumer.crash';

/** Stands in for kafkajs's consumer: records what was asked of it and lets a test crash it. */
class ConsumerStub {
  readonly events = { CRASH };
  connected = false;
  running = false;
  connectAttempts = 0;
  /** How many of the next connects fail, as they do while the broker is away. */
  failingConnects = 0;
  private crashListener: ((event: { payload: unknown }) => void) | null = null;

  on(event: string, listener: (event: { payload: unknown }) => void) {
    if (event === CRASH) this.crashListener = listener;
  }
  async connect() {
    await Promise.resolve();
    this.connectAttempts++;
    if (this.failingConnects > 0) {
      this.failingConnects--;
      throw new Error('broker unreachable');
    }
    this.connected = true;
  }
  async subscribe() {
    await Promise.resolve();
  }
  async run() {
    await Promise.resolve();
    this.running = true;
  }
  async disconnect() {
    await Promise.resolve();
    this.connected = false;
    this.running = false;
  }
  /** What kafkajs does on a crash: disconnect, then say whether it restarts by itself. */
  crash(restart: boolean) {
    this.connected = false;
    this.running = false;
    this.crashListener?.({
      payload: { error: new Error('Failed to find group coordinator'), restart },
    });
  }
}

describe('EventConsumer after a crash', () => {
  let created: ConsumerStub[];
  let consumer: EventConsumer;

  beforeEach(() => {
    jest.useFakeTimers();
    created = [];
    const kafka = {
      consumer: () => {
        const stub = new ConsumerStub();
        created.push(stub);
        return stub;
      },
    } as unknown as Kafka;
    consumer = new EventConsumer(
      kafka,
      {} as DataSource,
      {} as Producer,
      new TopicNaming('test.'),
      pino({ level: 'silent' }),
      { groupId: 'crash-test' },
    ).on(Topics.AgreementIngestedV1, async () => {});
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs a consumer that kafkajs gave up on again, the same kafkajs consumer', async () => {
    await consumer.start();
    created[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(1_000);

    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ connectAttempts: 2, connected: true, running: true });
  });

  it('leaves a consumer that kafkajs restarts itself alone', async () => {
    await consumer.start();
    created[0]!.crash(true);
    await jest.advanceTimersByTimeAsync(60_000);

    expect(created[0]).toMatchObject({ connectAttempts: 1, running: false });
  });

  it('keeps trying, with growing pauses, while the broker stays away', async () => {
    await consumer.start();
    const kafkajsConsumer = created[0]!;
    kafkajsConsumer.failingConnects = 2;
    kafkajsConsumer.crash(false);
    await jest.advanceTimersByTimeAsync(600);
    expect(kafkajsConsumer.connectAttempts).toBe(2);
    // The second try waits twice as long as the first.
    await jest.advanceTimersByTimeAsync(900);
    expect(kafkajsConsumer.connectAttempts).toBe(3);
    await jest.advanceTimersByTimeAsync(2_000);

    expect(kafkajsConsumer).toMatchObject({ connectAttempts: 4, connected: true, running: true });
  });

  it('starts nothing once it has been stopped', async () => {
    await consumer.start();
    created[0]!.crash(false);
    await consumer.stop();
    await jest.advanceTimersByTimeAsync(60_000);

    expect(created[0]).toMatchObject({ connectAttempts: 1, running: false });
  });
});
