import type { AgreementIngestedV1 } from '@dealwatch/contracts';
import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';
import { EventPublisher, dropTestSchemas, requiredEnv } from '@dealwatch/testing';
import type { TestNamespace } from '@dealwatch/testing';

import type { Consumer, ISocketFactory, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Socket, connect } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

import { ProcessedEventEntity } from './inbox/processed-event.entity';
import type { IdempotentProducer } from './kafka/idempotent-producer';
import { createIdempotentProducer, createKafka, ensureTopics } from './kafka/kafka-client';
import { TopicNaming } from './kafka/topic-naming';
import { createMessagingTables } from './messaging-tables';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** A valid `agreement.ingested` payload, about its own new agreement unless one is given. */
export function ingestedPayload(agreementId: string = randomUUID()): AgreementIngestedV1 {
  return {
    agreementId,
    title: 'A framework',
    text: 'The parties will meet within 180 days.',
    contentSha256: 'b'.repeat(64),
    sourceUrl: null,
    publishedAt: '2025-10-28',
    signedAt: null,
    ingestedAt: new Date().toISOString(),
  };
}

/**
 * For this library's integration specs: a schema holding the messaging tables and a spec's own
 * (`CREATE TABLE` statements), opened as a service opens its own.
 */
export function openTestSchema(
  schema: string,
  entities: (new () => object)[],
  ownTables: string[] = [],
): Promise<DataSource> {
  class CreateTestTables1700000000000 implements MigrationInterface {
    async up(runner: QueryRunner): Promise<void> {
      await createMessagingTables(runner);
      for (const table of ownTables) await runner.query(table);
    }
    async down(): Promise<void> {}
  }
  return openServiceDataSource(
    createServiceDataSource({
      url: requiredEnv('DATABASE_URL'),
      schema,
      entities,
      migrations: [CreateTestTables1700000000000],
      applicationName: schema,
    }),
  );
}

/** Kafka with every contract topic of the run created, and an idempotent producer connected. */
export async function connectTestKafka(
  naming: TopicNaming,
  clientId: string,
  logger: Logger,
): Promise<{ kafka: Kafka; producer: IdempotentProducer }> {
  const kafka = createKafka({ brokers: requiredEnv('KAFKA_BROKERS').split(','), clientId, logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, naming);
  await admin.disconnect();
  const producer = createIdempotentProducer(kafka, logger);
  await producer.connect();
  return { kafka, producer };
}

/** Creates a topic of the spec's own (its name under the spec's namespace). */
export async function createTestTopic(
  topic: string,
  numPartitions: number,
  logger: Logger,
): Promise<void> {
  const kafka = createKafka({
    brokers: requiredEnv('KAFKA_BROKERS').split(','),
    clientId: 'test-topic',
    logger,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions }] });
  await admin.disconnect();
}

/** What a spec of consumers needs: its own schema and topics, a producer and a publisher. */
export interface ConsumerTestBed {
  naming: TopicNaming;
  dataSource: DataSource;
  kafka: Kafka;
  producer: IdempotentProducer;
  publisher: EventPublisher;
  close(): Promise<void>;
}

export async function openConsumerTestBed(
  namespace: TestNamespace,
  logger: Logger,
): Promise<ConsumerTestBed> {
  const naming = new TopicNaming(namespace.topicPrefix);
  const dataSource = await openTestSchema(`${namespace.schemaPrefix}messaging`, [
    OutboxMessageEntity,
    ProcessedEventEntity,
  ]);
  const { kafka, producer } = await connectTestKafka(naming, 'consumer-test-bed', logger);
  const publisher = await new EventPublisher(
    requiredEnv('KAFKA_BROKERS').split(','),
    namespace.topicPrefix,
  ).start();
  return {
    naming,
    dataSource,
    kafka,
    producer,
    publisher,
    close: async () => {
      await publisher.stop();
      await producer.disconnect();
      await dataSource.destroy();
      await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
    },
  };
}

/** Connections to the broker that a spec can take away, as a broker that stopped would. */
export class SeverableConnections {
  private readonly open = new Set<Socket>();
  private refusing = false;

  readonly factory: ISocketFactory = ({ host, port, onConnect }) => {
    if (this.refusing) {
      const refused = new Socket();
      setImmediate(() => refused.destroy(connectionError('ECONNREFUSED')));
      return refused;
    }
    const socket = connect({ host, port }, onConnect);
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    return socket;
  };

  /** Breaks every open connection and refuses new ones until `restore`. */
  sever(): void {
    this.refusing = true;
    for (const socket of this.open) socket.destroy(connectionError('ECONNRESET'));
  }

  restore(): void {
    this.refusing = false;
  }
}

function connectionError(code: 'ECONNRESET' | 'ECONNREFUSED'): Error {
  return Object.assign(new Error(`${code} (the spec took the broker away)`), { code });
}

/** A kafkajs consumer in `groupId`, on connections to the broker that the spec can take away. */
export function severableConsumer(
  groupId: string,
  sessionTimeout: number,
  logger: Logger,
): { consumer: Consumer; connections: SeverableConnections } {
  const connections = new SeverableConnections();
  const kafka = createKafka({
    brokers: requiredEnv('KAFKA_BROKERS').split(','),
    clientId: `severable-${groupId}`,
    logger,
    socketFactory: connections.factory,
  });
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 500,
  });
  return { consumer, connections };
}
