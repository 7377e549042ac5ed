import { Topics } from '@dealwatch/contracts';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { AssignerProtocol } from 'kafkajs';
import type { Consumer, PartitionAssigner } from 'kafkajs';
import { pino } from 'pino';

import { EventConsumer } from './index';
import { ingestedPayload, openConsumerTestBed } from './test-bed';
import type { ConsumerTestBed } from './test-bed';

const logger = pino({ level: 'silent' });
const namespace = createTestNamespace('consumer-crash');
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
  let bed: ConsumerTestBed;

  beforeAll(async () => {
    bed = await openConsumerTestBed(namespace, logger);
  });

  afterAll(async () => {
    await bed.close();
  });

  async function foreignMember(): Promise<Consumer> {
    const consumer = bed.kafka.consumer({
      groupId: bed.naming.consumerGroup(group),
      partitionAssigners: [foreignAssigner],
      sessionTimeout: 6_000,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [bed.naming.physical(Topics.AgreementIngestedV1)] });
    await consumer.run({ eachMessage: () => Promise.resolve() });
    return consumer;
  }

  it('says why it takes no events while it is out of its group, and is replaced', async () => {
    const foreign = await foreignMember();
    const handled: string[] = [];
    const consumer = new EventConsumer(
      bed.kafka,
      bed.dataSource,
      bed.producer,
      bed.naming,
      logger,
      {
        groupId: group,
      },
    ).on(Topics.AgreementIngestedV1, ({ payload }) => {
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
      await bed.publisher.publish(Topics.AgreementIngestedV1, event, { key: event.agreementId });
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
