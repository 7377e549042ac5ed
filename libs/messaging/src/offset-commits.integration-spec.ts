import { Topics } from '@dealwatch/contracts';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import type { Admin } from 'kafkajs';
import { pino } from 'pino';

import { EventConsumer } from './index';
import { ingestedPayload, openConsumerTestBed } from './test-bed';
import type { ConsumerTestBed } from './test-bed';

const logger = pino({ level: 'silent' });
const namespace = createTestNamespace('offset-commits');

describe('a consumer committing the offsets of what it applied', () => {
  let bed: ConsumerTestBed;
  let admin: Admin;
  let ingested: string;

  beforeAll(async () => {
    bed = await openConsumerTestBed(namespace, logger);
    ingested = bed.naming.physical(Topics.AgreementIngestedV1);
    admin = bed.kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
    await bed.close();
  });

  function consumerIn(group: string, handled: string[]): EventConsumer {
    return new EventConsumer(bed.kafka, bed.dataSource, bed.producer, bed.naming, logger, {
      groupId: group,
    }).on(Topics.AgreementIngestedV1, ({ payload }) => {
      handled.push(payload.agreementId);
      return Promise.resolve();
    });
  }

  async function publish(count: number): Promise<string[]> {
    const payloads = Array.from({ length: count }, () => ingestedPayload());
    await bed.publisher.publishAll(
      Topics.AgreementIngestedV1,
      payloads.map((payload) => ({ payload, key: payload.agreementId })),
    );
    return payloads.map((payload) => payload.agreementId);
  }

  /** Events of the topic the group has not committed past. */
  async function uncommitted(group: string): Promise<number> {
    const ends = await admin.fetchTopicOffsets(ingested);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [ingested] });
    return ends.reduce((sum, { partition, offset }) => {
      const at = committed!.partitions.find((entry) => entry.partition === partition)!.offset;
      return sum + Number(offset) - Math.max(Number(at), 0);
    }, 0);
  }

  it('commits soon after the last event although no more come', async () => {
    const handled: string[] = [];
    const consumer = consumerIn('quiet-after', handled);
    await consumer.start();
    try {
      const first = await publish(1);
      await expectEventually(() => expect(handled).toEqual(first));
      // Within the commit interval of the first: only a commit after the last event covers these.
      const rest = await publish(3);
      await expectEventually(() => expect(handled).toEqual(expect.arrayContaining(rest)));

      await expectEventually(async () => expect(await uncommitted(consumer.groupId)).toBe(0));
    } finally {
      await consumer.stop();
    }
  });

  it('commits what it applied before it leaves the group', async () => {
    const handled: string[] = [];
    const first = consumerIn('stopping', handled);
    await first.start();
    const sent = await publish(3);
    await expectEventually(() => expect(handled).toEqual(expect.arrayContaining(sent)));
    await first.stop();

    expect(await uncommitted(first.groupId)).toBe(0);
  });
});
