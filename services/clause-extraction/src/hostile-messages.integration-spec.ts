import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import type { AgreementIngestedV1 } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  HostileMessageProbe,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  expectedDeadLetter,
  hostileMessagesFor,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';

import { AppModule } from './app.module';
import { ExtractionEnv } from './extraction.env';

const namespace = createTestNamespace('extraction-hostile');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

function ingested(agreementId: string): AgreementIngestedV1 {
  const text = 'The Parties shall hold a ministerial meeting within 180 days of 28 October 2025.';
  return {
    agreementId,
    title: null,
    text,
    contentSha256: createHash('sha256').update(text).digest('hex'),
    sourceUrl: null,
    publishedAt: '2025-10-28',
    signedAt: null,
    ingestedAt: '2025-10-28T10:00:00Z',
  };
}

describe('clause-extraction facing hostile messages on agreement.ingested', () => {
  let app: INestApplication;
  let base: string;
  let probe: HostileMessageProbe;

  beforeAll(async () => {
    const env = loadEnv(ExtractionEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}extraction`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
    ({ app, base } = await startInProcess(AppModule.register(env)));
    probe = await new HostileMessageProbe(brokers, namespace.topicPrefix).start([
      Topics.AgreementIngestedV1,
    ]);
  });

  afterAll(async () => {
    await probe.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('dead-letters each with its reason and goes on to extract the next valid agreement', async () => {
    const agreementId = randomUUID();
    const valid = ingested(agreementId);
    const hostile = hostileMessagesFor(Topics.AgreementIngestedV1, valid);
    await probe.send(Topics.AgreementIngestedV1, hostile, valid, agreementId);

    await expectEventually(async () => {
      const response = await apiFetch(`${base}/v1/agreements/${agreementId}/extraction`);
      expect(response.status).toBe(200);
    });
    // The consumer dead-letters before it moves on; the recorder may read the DLQ a little later.
    await expectEventually(() =>
      expect(
        probe.deadLetterOutcomes(
          Topics.AgreementIngestedV1,
          `${namespace.topicPrefix}clause-extraction`,
          hostile,
        ),
      ).toEqual(hostile.map(expectedDeadLetter)),
    );
  });

  it('covers every topic the service consumes', () => {
    expect(new Set(app.get(EventSubscriptions, { strict: false }).topics)).toEqual(
      new Set([Topics.AgreementIngestedV1]),
    );
  });
});
