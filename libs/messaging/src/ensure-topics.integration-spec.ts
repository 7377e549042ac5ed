import { Topics, topicMaxMessageBytes } from '@dealwatch/contracts';
import { createTestNamespace, requiredEnv } from '@dealwatch/testing';

import { ConfigResourceTypes } from 'kafkajs';
import type { Admin } from 'kafkajs';
import { pino } from 'pino';

import { TopicNaming, createKafka, ensureTopics } from './index';

const logger = pino({ level: 'silent' });
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

async function topicSettings(admin: Admin, topic: string): Promise<Record<string, string>> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
  });
  return Object.fromEntries(
    (resources[0]?.configEntries ?? []).map((entry) => [entry.configName, entry.configValue]),
  );
}

describe('the contract topics on a real broker', () => {
  let admin: Admin;
  const largeEnough = String(topicMaxMessageBytes(Topics.ClausesExtractedV1));

  beforeAll(async () => {
    admin = createKafka({ brokers, clientId: 'ensure-topics-test', logger }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
  });

  it('creates the extractions topic and its DLQ for messages over the broker default', async () => {
    const naming = new TopicNaming(createTestNamespace('topics-new').topicPrefix);
    await ensureTopics(admin, naming, 1);
    const extracted = naming.physical(Topics.ClausesExtractedV1);
    expect((await topicSettings(admin, extracted))['max.message.bytes']).toBe(largeEnough);
    expect(
      (await topicSettings(admin, naming.deadLetter(Topics.ClausesExtractedV1)))[
        'max.message.bytes'
      ],
    ).toBe(largeEnough);
    expect(
      (await topicSettings(admin, naming.physical(Topics.AgreementIngestedV1)))[
        'max.message.bytes'
      ],
    ).toBe('1048588');

    const producer = createKafka({ brokers, clientId: 'ensure-topics-test', logger }).producer();
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: extracted, messages: [{ value: 'x'.repeat(3_000_000) }] }),
      ).resolves.toHaveLength(1);
    } finally {
      await producer.disconnect();
    }
  }, 60_000);

  it('raises the limit of an extractions topic created before it, keeping its own settings', async () => {
    const naming = new TopicNaming(createTestNamespace('topics-old').topicPrefix);
    const extracted = naming.physical(Topics.ClausesExtractedV1);
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: extracted,
          numPartitions: 1,
          configEntries: [{ name: 'retention.ms', value: '3600000' }],
        },
      ],
    });
    await ensureTopics(admin, naming, 1);
    expect(await topicSettings(admin, extracted)).toMatchObject({
      'max.message.bytes': largeEnough,
      'retention.ms': '3600000',
    });
  }, 60_000);
});
