import { CloudEventHeaders, Topics } from '@dealwatch/contracts';
import {
  TopicRecorder,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';

import {
  EventOutbox,
  OutboxMessageEntity,
  OutboxRelay,
  TopicNaming,
  createIdempotentProducer,
  createKafka,
} from './index';
import type { IdempotentProducer } from './index';
import { ingestedPayload, openTestSchema } from './test-bed';

const logger = pino({ level: 'silent' });
const namespace = createTestNamespace('outbox-notify');
const naming = new TopicNaming(namespace.topicPrefix);
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const ingested = naming.physical(Topics.AgreementIngestedV1);
const schema = `${namespace.schemaPrefix}outbox`;
// Unique to this run, so the test can only ever terminate its own listener.
const listenerName = `${schema}-outbox-listener`;
// No poll comes round while a test waits: whatever is published in time was woken by PostgreSQL.
const pollIntervalMs = 60_000;
// Long enough that a commit made just after the listener dropped lands while nobody listens.
const reconnectBackoffMs = 2_000;
const promptly = { timeoutMs: 5_000, intervalMs: 20 };

function openInstanceDataSource(): Promise<DataSource> {
  return openTestSchema(schema, [OutboxMessageEntity]);
}

describe('the outbox relay, woken by PostgreSQL notifications', () => {
  let relayDataSource: DataSource;
  /** Another instance of the same service: same schema, its own pool, no relay of its own. */
  let otherInstance: DataSource;
  let producer: IdempotentProducer;
  let relay: OutboxRelay;
  let recorder: TopicRecorder;
  const outbox = new EventOutbox('/dealwatch/test');

  async function listenerBackends(): Promise<number[]> {
    const rows = await otherInstance.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN %'`,
      [listenerName],
    );
    return rows.map((row) => row.pid);
  }

  async function listeningBackend(other: number | null = null): Promise<number> {
    return expectEventually(async () => {
      const pids = (await listenerBackends()).filter((pid) => pid !== other);
      expect(pids).toHaveLength(1);
      return pids[0]!;
    });
  }

  /** Appends an event and commits it on the other instance; answers the event's id. */
  async function commitElsewhere(): Promise<string> {
    const agreementId = randomUUID();
    return otherInstance.transaction((manager) =>
      outbox.append(manager, Topics.AgreementIngestedV1, ingestedPayload(agreementId), {
        subject: agreementId,
      }),
    );
  }

  function expectPublished(eventId: string): void {
    const ids = recorder.on(ingested).map((message) => message.headers[CloudEventHeaders.id]);
    expect(ids).toContain(eventId);
  }

  beforeAll(async () => {
    relayDataSource = await openInstanceDataSource();
    otherInstance = await openInstanceDataSource();
    recorder = await new TopicRecorder(brokers).start([ingested]);
    producer = createIdempotentProducer(
      createKafka({ brokers, clientId: 'notify-test', logger }),
      logger,
    );
    await producer.connect();
    relay = new OutboxRelay(relayDataSource, producer, naming, logger, {
      pollIntervalMs,
      reconnectBackoffMs,
    });
    relay.start();
    await listeningBackend();
  });

  afterAll(async () => {
    await relay.stop();
    await recorder.stop();
    await producer.disconnect();
    await otherInstance.destroy();
    await relayDataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('publishes at once an event another instance committed, though the next poll is a minute away', async () => {
    const eventId = await commitElsewhere();

    await expectEventually(() => expectPublished(eventId), promptly);
  });

  it('after its session is terminated, reconnects and publishes what was committed meanwhile', async () => {
    const terminated = await listeningBackend();
    await otherInstance.query('SELECT pg_terminate_backend($1)', [terminated]);
    await expectEventually(async () => expect(await listenerBackends()).toEqual([]));

    const eventId = await commitElsewhere();

    await expectEventually(() => expectPublished(eventId), {
      ...promptly,
      timeoutMs: reconnectBackoffMs + promptly.timeoutMs,
    });
  });

  it('hears later commits on its new session', async () => {
    const terminated = await listeningBackend();
    await otherInstance.query('SELECT pg_terminate_backend($1)', [terminated]);
    await listeningBackend(terminated);

    const eventId = await commitElsewhere();

    await expectEventually(() => expectPublished(eventId), promptly);
  });

  it('stops at once, even while its session is still connecting', async () => {
    const another = new OutboxRelay(relayDataSource, producer, naming, logger, { pollIntervalMs });
    another.start();

    const outcome = await Promise.race([
      another.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(resolve, 3_000, 'still stopping')),
    ]);

    expect(outcome).toBe('stopped');
  });
});
