import { CloudEventHeaders, DeadLetterHeaders, Topics } from '@dealwatch/contracts';
import type { AgreementIngestedV1 } from '@dealwatch/contracts';
import {
  TopicRecorder,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';

import {
  EventConsumer,
  EventOutbox,
  OutboxMessageEntity,
  OutboxRelay,
  ProcessedEventEntity,
  TopicNaming,
} from './index';
import type { IdempotentProducer } from './index';
import { connectTestKafka, ingestedPayload, openTestSchema } from './test-bed';

const logger = pino({ level: 'silent' });
const namespace = createTestNamespace('messaging');
const naming = new TopicNaming(namespace.topicPrefix);
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const ingested = naming.physical(Topics.AgreementIngestedV1);

describe('outbox, relay, idempotent consumer and dead letters on real Kafka and PostgreSQL', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: IdempotentProducer;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let recorder: TopicRecorder;
  const outbox = new EventOutbox('/dealwatch/test');
  const handled: string[] = [];
  let failNextFor: string | null = null;

  beforeAll(async () => {
    dataSource = await openTestSchema(
      `${namespace.schemaPrefix}messaging`,
      [OutboxMessageEntity, ProcessedEventEntity],
      ['CREATE TABLE applied (event_id text NOT NULL, agreement_id uuid NOT NULL)'],
    );
    ({ kafka, producer } = await connectTestKafka(naming, 'messaging-test', logger));
    // Commits wake the relay through PostgreSQL notifications; the poll is a safety net no test needs.
    relay = new OutboxRelay(dataSource, producer, naming, logger, { pollIntervalMs: 60_000 });
    relay.start();
    recorder = await new TopicRecorder(brokers).start([ingested, `${ingested}.dlq`]);
    consumer = new EventConsumer(kafka, dataSource, producer, naming, logger, {
      groupId: 'test-consumer',
      retryBackoffMs: 10,
    }).on(Topics.AgreementIngestedV1, async (event, manager) => {
      if (failNextFor === event.payload.agreementId)
        throw new Error('handler refuses this agreement');
      await manager.query('INSERT INTO applied (event_id, agreement_id) VALUES ($1, $2)', [
        event.envelope.id,
        event.payload.agreementId,
      ]);
      handled.push(event.payload.agreementId);
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await recorder.stop();
    await relay.stop();
    await producer.disconnect();
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  /** Appends the event in a transaction of its own and waits for it on Kafka. */
  async function appendedAndPublished(payload: AgreementIngestedV1) {
    const eventId = await dataSource.transaction((manager) =>
      outbox.append(manager, Topics.AgreementIngestedV1, payload, { subject: payload.agreementId }),
    );
    return expectEventually(() => {
      const found = recorder.on(ingested).find((m) => m.headers[CloudEventHeaders.id] === eventId);
      expect(found).toBeDefined();
      return found!;
    });
  }

  it('publishes a committed event with CloudEvents headers, keyed by its subject', async () => {
    const payload = ingestedPayload();
    const message = await appendedAndPublished(payload);
    expect(message.key).toBe(payload.agreementId);
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: Topics.AgreementIngestedV1,
      ce_source: '/dealwatch/test',
      ce_subject: payload.agreementId,
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value!)).toEqual(payload);
    await expectEventually(() => expect(handled).toContain(payload.agreementId));
  });

  it('publishes a text exactly as appended: quotes, backslashes, escapes, other scripts, a lone surrogate', async () => {
    const payload = ingestedPayload();
    payload.title = 'The "Framework" \\ \u0000-free';
    payload.text =
      'She said "within 180 days" \\n; path C:\\deals\\; \\ud800 as text; 日本語, русский, 🙂; lone \ud800 end';
    const message = await appendedAndPublished(payload);
    // The event as JSON.stringify wrote it: a lone surrogate travels as its escape.
    expect(message.value).toBe(JSON.stringify(payload));
  });

  it('publishes the events of one appendMany in their order, and an event appended again once', async () => {
    const agreementId = randomUUID();
    const events = [ingestedPayload(agreementId), ingestedPayload(agreementId)].map((payload) => ({
      topic: Topics.AgreementIngestedV1,
      payload,
      metadata: { subject: agreementId, eventId: randomUUID() },
    }));
    const [first, second] = await dataSource.transaction((manager) =>
      outbox.appendMany(manager, events),
    );
    await dataSource.transaction((manager) => outbox.appendMany(manager, events.slice(0, 1)));
    const marker = ingestedPayload(agreementId);
    const markerId = await dataSource.transaction((manager) =>
      outbox.append(manager, Topics.AgreementIngestedV1, marker, { subject: agreementId }),
    );

    // One key, one partition: the duplicate, had it gone out, would sit before the marker.
    const published = await expectEventually(() => {
      const ids = recorder
        .on(ingested)
        .filter((message) => message.key === agreementId)
        .map((message) => message.headers[CloudEventHeaders.id]);
      expect(ids).toHaveLength(3);
      return ids;
    });
    expect(published).toEqual([first, second, markerId]);
  });

  it('publishes nothing from a transaction that rolled back', async () => {
    const payload = ingestedPayload();
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.append(manager, Topics.AgreementIngestedV1, payload, {
          subject: payload.agreementId,
        });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    const marker = ingestedPayload();
    await dataSource.transaction((manager) =>
      outbox.append(manager, Topics.AgreementIngestedV1, marker, { subject: marker.agreementId }),
    );

    await expectEventually(() => expect(handled).toContain(marker.agreementId));
    expect(recorder.on(ingested).some((m) => m.key === payload.agreementId)).toBe(false);
  });

  it('applies a redelivered event once', async () => {
    const payload = ingestedPayload();
    const eventId = randomUUID();
    const message = {
      key: payload.agreementId,
      value: JSON.stringify(payload),
      headers: {
        ce_specversion: '1.0',
        ce_id: eventId,
        ce_type: Topics.AgreementIngestedV1,
        ce_source: '/elsewhere',
        ce_time: new Date().toISOString(),
      },
    };
    await producer.send({ topic: ingested, messages: [message, message] });
    const marker = ingestedPayload();
    await producer.send({
      topic: ingested,
      messages: [
        {
          ...message,
          key: marker.agreementId,
          value: JSON.stringify(marker),
          headers: { ...message.headers, ce_id: randomUUID() },
        },
      ],
    });

    await expectEventually(() => expect(handled).toContain(marker.agreementId));
    expect(handled.filter((id) => id === payload.agreementId)).toHaveLength(1);
    const rows: unknown[] = await dataSource.query('SELECT 1 FROM applied WHERE event_id = $1', [
      eventId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['garbage bytes', { value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) }, /not valid UTF-8/],
    ['text that is not JSON', { value: 'agreement ingested' }, /not JSON/],
    [
      'valid JSON of the wrong shape',
      { value: JSON.stringify({ hello: 'world' }) },
      /invalid payload: agreementId/,
    ],
    [
      'a message without CloudEvents headers',
      { value: JSON.stringify(ingestedPayload()), headers: {} },
      /missing CloudEvents headers/,
    ],
    [
      'a future schema version',
      { value: JSON.stringify(ingestedPayload()), type: 'dealwatch.agreement.ingested.v2' },
      /unsupported ce_type/,
    ],
  ])('dead-letters %s with the reason and keeps consuming', async (_label, bad, reason) => {
    const badKey = randomUUID();
    const headers =
      'headers' in bad
        ? bad.headers
        : {
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_type: 'type' in bad ? bad.type : Topics.AgreementIngestedV1,
            ce_source: '/test',
            ce_time: new Date().toISOString(),
          };
    await producer.send({
      topic: ingested,
      messages: [{ key: badKey, value: bad.value, headers }],
    });
    const next = ingestedPayload();
    await dataSource.transaction((manager) =>
      outbox.append(manager, Topics.AgreementIngestedV1, next, { subject: next.agreementId }),
    );

    const dead = await expectEventually(() => {
      const found = recorder.on(`${ingested}.dlq`).find((m) => m.key === badKey);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.headers[DeadLetterHeaders.error]).toMatch(reason);
    expect(dead.headers[DeadLetterHeaders.originalTopic]).toBe(ingested);
    await expectEventually(() => expect(handled).toContain(next.agreementId));
  });

  it('applies the events of one batch once each, though one among them is dead-lettered', async () => {
    const [before, poison, after] = [ingestedPayload(), ingestedPayload(), ingestedPayload()];
    failNextFor = poison.agreementId;
    const eventOf = (payload: AgreementIngestedV1) => ({
      // One key, so one partition and one fetch: the three arrive in one batch, in this order.
      key: 'one-partition',
      value: JSON.stringify(payload),
      headers: {
        ce_specversion: '1.0',
        ce_id: randomUUID(),
        ce_type: Topics.AgreementIngestedV1,
        ce_source: '/test',
        ce_time: new Date().toISOString(),
      },
    });
    await producer.send({
      topic: ingested,
      messages: [eventOf(before), eventOf(poison), eventOf(after)],
    });

    const dead = await expectEventually(() => {
      const found = recorder
        .on(`${ingested}.dlq`)
        .filter((m) => m.headers[DeadLetterHeaders.originalTopic] === ingested)
        .filter((m) => m.key === 'one-partition');
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(JSON.parse(dead.value!)).toEqual(poison);
    const applied = async (payload: AgreementIngestedV1) =>
      (
        await dataSource.query<unknown[]>('SELECT 1 FROM applied WHERE agreement_id = $1', [
          payload.agreementId,
        ])
      ).length;
    await expectEventually(async () => expect(await applied(after)).toBe(1));
    expect(await applied(before)).toBe(1);
    expect(await applied(poison)).toBe(0);
  });

  it('dead-letters an event whose handler keeps failing, and its effects are rolled back', async () => {
    const payload = ingestedPayload();
    failNextFor = payload.agreementId;
    await dataSource.transaction((manager) =>
      outbox.append(manager, Topics.AgreementIngestedV1, payload, { subject: payload.agreementId }),
    );

    const dead = await expectEventually(() => {
      const found = recorder.on(`${ingested}.dlq`).find((m) => m.key === payload.agreementId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.headers[DeadLetterHeaders.error]).toMatch(
      /handler failed 3 times: Error: handler refuses/,
    );
    const rows: unknown[] = await dataSource.query(
      'SELECT 1 FROM applied WHERE agreement_id = $1',
      [payload.agreementId],
    );
    expect(rows).toHaveLength(0);
  });
});

describe('the outbox relay when Kafka refuses a batch', () => {
  const schema = `${namespace.schemaPrefix}relay_refused`;
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: IdempotentProducer;
  let recorder: TopicRecorder;
  const outbox = new EventOutbox('/dealwatch/test');

  beforeAll(async () => {
    dataSource = await openTestSchema(schema, [OutboxMessageEntity, ProcessedEventEntity]);
    ({ kafka, producer } = await connectTestKafka(naming, 'relay-refused-test', logger));
    recorder = await new TopicRecorder(brokers).start([ingested]);
  });

  afterAll(async () => {
    await recorder.stop();
    await producer.disconnect();
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('keeps the batch, unlocked, and sends it first and in order once Kafka takes it', async () => {
    const agreementId = randomUUID();
    const ids = await dataSource.transaction((manager) =>
      outbox.appendMany(
        manager,
        [1, 2, 3].map(() => ({
          topic: Topics.AgreementIngestedV1,
          payload: ingestedPayload(agreementId),
          metadata: { subject: agreementId },
        })),
      ),
    );
    // A producer never connected: kafkajs refuses to send, as with the broker gone.
    const refused = new OutboxRelay(dataSource, kafka.producer(), naming, logger, {
      pollIntervalMs: 60_000,
    });
    await expect(refused.publishBatch()).rejects.toThrow();

    // Seen from another session, so a transaction left open on a pooled one would show.
    const other = new Client({ connectionString: requiredEnv('DATABASE_URL') });
    await other.connect();
    try {
      const unlocked = await other.query(
        `SELECT seq FROM "${schema}".outbox_messages FOR UPDATE SKIP LOCKED`,
      );
      expect(unlocked.rows).toHaveLength(3);
    } finally {
      await other.end();
    }
    const relay = new OutboxRelay(dataSource, producer, naming, logger, { pollIntervalMs: 60_000 });
    expect(await relay.publishBatch()).toBe(3);
    await expectEventually(() =>
      expect(
        recorder
          .on(ingested)
          .filter((message) => message.key === agreementId)
          .map((message) => message.headers[CloudEventHeaders.id]),
      ).toEqual(ids),
    );
    expect(await dataSource.query('SELECT seq FROM outbox_messages')).toEqual([]);
  });

  it('sends in separate requests two large events for one partition, which Kafka refuses together', async () => {
    const agreementId = randomUUID();
    const large = () => {
      const payload = ingestedPayload(agreementId);
      payload.text = 'The parties will meet. '.repeat(26_000);
      return payload;
    };
    const ids = await dataSource.transaction((manager) =>
      outbox.appendMany(
        manager,
        [large(), large()].map((payload) => ({
          topic: Topics.AgreementIngestedV1,
          payload,
          metadata: { subject: agreementId },
        })),
      ),
    );
    const relay = new OutboxRelay(dataSource, producer, naming, logger, { pollIntervalMs: 60_000 });
    expect(await relay.publishBatch()).toBe(2);
    const published = await expectEventually(() => {
      const found = recorder.on(ingested).filter((message) => message.key === agreementId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(published.map((message) => message.headers[CloudEventHeaders.id])).toEqual(ids);
    expect(Math.min(...published.map((message) => message.value!.length))).toBeGreaterThan(550_000);
  }, 30_000);
});
