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
  failConnect = false;
  private crashListener: ((event: { payload: unknown }) => void) | null = null;

  on(event: string, listener: (event: { payload: unknown }) => void) {
    if (event === CRASH) this.crashListener = listener;
  }
  async connect() {
    await Promise.resolve();
    if (this.failConnect) throw new Error('broker unreachable');
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
  let failNextConnects: number;
  let consumer: EventConsumer;

  beforeEach(() => {
    jest.useFakeTimers();
    created = [];
    failNextConnects = 0;
    const kafka = {
      consumer: () => {
        const stub = new ConsumerStub();
        if (failNextConnects > 0) {
          failNextConnects--;
          stub.failConnect = true;
        }
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

  it('replaces a consumer that kafkajs gave up on', async () => {
    await consumer.start();
    created[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(1_000);

    expect(created).toHaveLength(2);
    expect(created[1]).toMatchObject({ connected: true, running: true });
  });

  it('leaves a consumer that kafkajs restarts itself alone', async () => {
    await consumer.start();
    created[0]!.crash(true);
    await jest.advanceTimersByTimeAsync(60_000);

    expect(created).toHaveLength(1);
  });

  it('keeps trying, with growing pauses, while the broker stays away', async () => {
    await consumer.start();
    failNextConnects = 2;
    created[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(600);
    expect(created).toHaveLength(2);
    // The second try waits twice as long as the first.
    await jest.advanceTimersByTimeAsync(900);
    expect(created).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(2_000);

    expect(created).toHaveLength(4);
    expect(created[3]).toMatchObject({ connected: true, running: true });
  });

  it('starts nothing once it has been stopped', async () => {
    await consumer.start();
    created[0]!.crash(false);
    await consumer.stop();
    await jest.advanceTimersByTimeAsync(60_000);

    expect(created).toHaveLength(1);
  });
});
