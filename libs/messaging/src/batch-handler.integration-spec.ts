import { CloudEventHeaders, DeadLetterHeaders, Topics } from '@dealwatch/contracts';
import {
  TopicRecorder,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { Kafka, Message } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';

import { EventConsumer, ProcessedEventEntity, TopicNaming } from './index';
import type { BatchEventHandler, IdempotentProducer } from './index';
import { connectTestKafka, ingestedPayload, openTestSchema } from './test-bed';

const logger = pino({ level: 'silent' });
const namespace = createTestNamespace('batch-handler');
const naming = new TopicNaming(namespace.topicPrefix);
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const ingested = naming.physical(Topics.AgreementIngestedV1);

function ingestedMessage(agreementId: string, eventId = randomUUID()): Message {
  const payload = ingestedPayload(agreementId);
  return {
    // One key: one partition, so the messages of one send come in one fetched batch.
    key: 'one-deal',
    value: JSON.stringify(payload),
    headers: {
      [CloudEventHeaders.specVersion]: '1.0',
      [CloudEventHeaders.id]: eventId,
      [CloudEventHeaders.type]: Topics.AgreementIngestedV1,
      [CloudEventHeaders.source]: '/dealwatch/test',
      [CloudEventHeaders.time]: new Date().toISOString(),
    },
  };
}

describe('a batch handler on real Kafka and PostgreSQL', () => {
  let dataSource: DataSource;
  let producer: IdempotentProducer;
  let kafka: Kafka;
  let consumer: EventConsumer;
  let recorder: TopicRecorder;
  /** The agreement ids of each call, in the order the handler saw them. */
  const calls: string[][] = [];
  let poisoned: string | null = null;

  beforeAll(async () => {
    dataSource = await openTestSchema(
      `${namespace.schemaPrefix}messaging`,
      [ProcessedEventEntity],
      ['CREATE TABLE applied (agreement_id uuid NOT NULL)'],
    );
    ({ kafka, producer } = await connectTestKafka(naming, 'batch-test', logger));
    recorder = await new TopicRecorder(brokers).start([`${ingested}.dlq`]);
    consumer = new EventConsumer(kafka, dataSource, producer, naming, logger, {
      groupId: 'batch-consumer',
      retryBackoffMs: 10,
    }).onBatch(Topics.AgreementIngestedV1, async (events, manager) => {
      const ids = events.map(({ payload }) => payload.agreementId);
      calls.push(ids);
      await manager.query('INSERT INTO applied (agreement_id) SELECT unnest($1::uuid[])', [ids]);
      if (poisoned && ids.includes(poisoned)) throw new Error('handler refuses this agreement');
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await recorder.stop();
    await producer.disconnect();
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function appliedCount(agreementId: string): Promise<number> {
    const rows: { count: number }[] = await dataSource.query(
      'SELECT count(*)::int AS count FROM applied WHERE agreement_id = $1',
      [agreementId],
    );
    return rows[0]?.count ?? 0;
  }

  it('takes the events of one fetched batch in one call, in their order, each event once', async () => {
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const repeatedId = randomUUID();
    await producer.send({
      topic: ingested,
      messages: [
        ingestedMessage(first, repeatedId),
        ingestedMessage(second),
        // A producer retry: the same event id again.
        ingestedMessage(first, repeatedId),
        ingestedMessage(third),
      ],
    });

    await expectEventually(() => expect(calls.flat()).toContain(third));
    expect(calls).toContainEqual([first, second, third]);
    expect(calls.flat().filter((id) => id === first)).toHaveLength(1);
    expect(await appliedCount(first)).toBe(1);
  });

  it('applies a failing run event by event: the others once, the failing one to the DLQ', async () => {
    const [before, bad, after] = [randomUUID(), randomUUID(), randomUUID()];
    poisoned = bad;
    await producer.send({
      topic: ingested,
      messages: [ingestedMessage(before), ingestedMessage(bad), ingestedMessage(after)],
    });

    const dead = await expectEventually(() => {
      const found = recorder.on(`${ingested}.dlq`).find((message) => message.value?.includes(bad));
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.headers[DeadLetterHeaders.error]).toMatch('handler refuses this agreement');
    await expectEventually(async () => expect(await appliedCount(after)).toBe(1));
    expect(await appliedCount(before)).toBe(1);
    expect(await appliedCount(bad)).toBe(0);
    expect(calls).toContainEqual([before]);
    expect(calls).toContainEqual([after]);
  });

  it('applies the batches of every partition one fetch brings in one transaction, each partition in order', async () => {
    const calls: { transaction: string; ids: string[] }[] = [];
    const handler: BatchEventHandler<typeof Topics.AgreementIngestedV1> = async (
      events,
      manager,
    ) => {
      const [row] = await manager.query<{ transaction: string }[]>(
        'SELECT txid_current()::text AS transaction',
      );
      calls.push({ transaction: row!.transaction, ids: events.map((e) => e.payload.agreementId) });
    };
    await whileGathering('merging-consumer', handler, async () => {
      const byPartition = [0, 1, 2].map((): string[] => [randomUUID(), randomUUID()]);
      await producer.send({
        topic: ingested,
        messages: byPartition.flatMap((ids, partition) =>
          ids.map((id) => ({ ...ingestedMessage(id), partition })),
        ),
      });
      const sent = byPartition.flat();
      const withThem = () => calls.filter(({ ids }) => ids.some((id) => sent.includes(id)));
      await expectEventually(
        () => expect(withThem().flatMap(({ ids }) => ids)).toEqual(expect.arrayContaining(sent)),
        { timeoutMs: 20_000 },
      );
      expect(new Set(withThem().map(({ transaction }) => transaction)).size).toBe(1);
      const seen = withThem().flatMap(({ ids }) => ids);
      for (const [first, second] of byPartition)
        expect(seen.indexOf(first!)).toBeLessThan(seen.indexOf(second!));
    });
  });

  it('gathers events sent apart into fewer runs when it may wait for them (gatherMs)', async () => {
    const runs: string[][] = [];
    const handler: BatchEventHandler<typeof Topics.AgreementIngestedV1> = (events) => {
      runs.push(events.map(({ payload }) => payload.agreementId));
      return Promise.resolve();
    };
    await whileGathering('gathering-consumer', handler, async () => {
      const sent: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      // One send each, 100 ms apart: a consumer that takes each event at once sees five runs.
      for (const agreementId of sent) {
        await producer.send({ topic: ingested, messages: [ingestedMessage(agreementId)] });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await expectEventually(() => expect(runs.flat()).toEqual(expect.arrayContaining(sent)), {
        timeoutMs: 20_000,
      });
      const runsWithThem = runs.filter((run) => run.some((id) => sent.includes(id)));
      expect(runsWithThem.length).toBeLessThan(sent.length);
      expect(runsWithThem.flat().filter((id) => sent.includes(id))).toEqual(sent);
    });
  });

  /** Runs `body` while a consumer of its own, which lets events gather for up to 2 s, takes them. */
  async function whileGathering(
    groupId: string,
    handler: BatchEventHandler<typeof Topics.AgreementIngestedV1>,
    body: () => Promise<void>,
  ): Promise<void> {
    const gathering = new EventConsumer(kafka, dataSource, producer, naming, logger, {
      groupId,
      gatherMs: 2_000,
    }).onBatch(Topics.AgreementIngestedV1, handler);
    await gathering.start();
    try {
      await body();
    } finally {
      await gathering.stop();
    }
  }
});
