import { Topics } from '@dealwatch/contracts';
import {
  EventPublisher,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { AssignerProtocol } from 'kafkajs';
import type { Consumer, Kafka, PartitionAssigner } from 'kafkajs';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';

import { EventConsumer, OutboxMessageEntity, ProcessedEventEntity, TopicNaming } from './index';
import type { IdempotentProducer } from './index';
import { connectTestKafka, ingestedPayload, openTestSchema } from './test-bed';

const logger = pino({ level: 'silent' });
const namespace = createTestNamespace('consumer-crash');
const naming = new TopicNaming(namespace.topicPrefix);
const ingested = naming.physical(Topics.AgreementIngestedV1);
const group = 'crash';

/**
 * An assigner no EventConsumer speaks: while a member using it holds the group, the broker refuses
 * any other member ("inconsistent group protocol"), and kafkajs gives that consumer up for good.
 */
const foreignAssigner: PartitionAssigner = () => ({
  name: 'foreign',
  version: 1,
  protocol: ({ topics }) => ({
    name: 'foreign',
    metadata: AssignerProtocol.MemberMetadata.encode({
      version: 1,
      topics,
      userData: Buffer.alloc(0),
    }),
  }),
  assign: ({ members }) =>
    Promise.resolve(
      members.map(({ memberId }) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 1,
          assignment: {},
          userData: Buffer.alloc(0),
        }),
      })),
    ),
});

describe('a consumer that kafkajs gives up on', () => {
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: IdempotentProducer;
  let publisher: EventPublisher;

  beforeAll(async () => {
    dataSource = await openTestSchema(`${namespace.schemaPrefix}messaging`, [
      OutboxMessageEntity,
      ProcessedEventEntity,
    ]);
    ({ kafka, producer } = await connectTestKafka(naming, 'consumer-crash-test', logger));
    publisher = await new EventPublisher(
      requiredEnv('KAFKA_BROKERS').split(','),
      namespace.topicPrefix,
    ).start();
  });

  afterAll(async () => {
    await publisher.stop();
    await producer.disconnect();
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function foreignMember(): Promise<Consumer> {
    const consumer = kafka.consumer({
      groupId: naming.consumerGroup(group),
      partitionAssigners: [foreignAssigner],
      sessionTimeout: 6_000,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [ingested] });
    await consumer.run({ eachMessage: () => Promise.resolve() });
    return consumer;
  }

  it('says why it takes no events while it is out of its group, and is replaced', async () => {
    const foreign = await foreignMember();
    const handled: string[] = [];
    const consumer = new EventConsumer(kafka, dataSource, producer, naming, logger, {
      groupId: group,
    }).on(Topics.AgreementIngestedV1, ({ payload }) => {
      handled.push(payload.agreementId);
      return Promise.resolve();
    });
    expect(consumer.problem).toBeNull();
    try {
      await consumer.start();
      await expectEventually(() => {
        expect(consumer.problem).toMatch(/out of its consumer group since a crash .*protocol/i);
      });

      await foreign.disconnect();
      const event = ingestedPayload();
      await publisher.publish(Topics.AgreementIngestedV1, event, { key: event.agreementId });
      await expectEventually(
        () => {
          expect(handled).toContain(event.agreementId);
        },
        { timeoutMs: 20_000 },
      );
      expect(consumer.problem).toBeNull();
    } finally {
      await foreign.disconnect();
      await consumer.stop();
    }
  }, 40_000);
});
