import { byteSizeOf, loadEnv } from '@dealwatch/config';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  createTestNamespace,
  dropTestSchemas,
  fuzzCase,
  itAnswersFuzzedRequests,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { AppModule } from './app.module';
import { ExtractionEnv } from './extraction.env';

const namespace = createTestNamespace('extraction-http-fuzz');

describe('clause-extraction: fuzzed HTTP requests', () => {
  let app: INestApplication;
  let base: string;
  const env = loadEnv(ExtractionEnv, {
    ...process.env,
    ...testAuthEnv(namespace),
    AUTH_FAILED_ATTEMPTS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'silent',
    DATABASE_SCHEMA: `${namespace.schemaPrefix}extraction`,
    KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
  });

  beforeAll(async () => {
    ({ app, base } = await startInProcess(AppModule.register(env)));
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  itAnswersFuzzedRequests({
    base: () => base,
    options: () => ({ bodyLimit: byteSizeOf(env.HTTP_MAX_BODY) }),
    operations: ['GET /v1/agreements/{agreementId}/extraction'],
    regressions: [
      [
        'a malformed agreement id is a 400 naming agreementId',
        fuzzCase({
          label: 'path: agreementId',
          method: 'GET',
          target: '/v1/agreements/not-a-uuid/extraction',
          field: 'agreementId',
          expectStatus: [400],
        }),
      ],
      [
        'headers over 16 KB are a 431 problem, not a bare status line',
        fuzzCase({
          label: 'headers over the server limit',
          method: 'GET',
          target: '/health/live',
          headers: { 'x-padding': 'x'.repeat(20_000) },
          expectStatus: [431],
        }),
      ],
    ],
  });
});
