import { byteSizeOf, loadEnv } from '@dealwatch/config';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  WebhookReceiver,
  createTestNamespace,
  deepJson,
  dropTestSchemas,
  fuzzCase,
  itAnswersFuzzedRequests,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { AppModule } from './app.module';
import { ConsoleEnv } from './console.env';

const namespace = createTestNamespace('console-http-fuzz');

describe('console: fuzzed HTTP requests', () => {
  let app: INestApplication;
  let base: string;
  let env: ConsoleEnv;
  // Stands in for ingest and alerting: what the console relays is theirs to judge.
  const upstream = new WebhookReceiver();

  beforeAll(async () => {
    await upstream.start();
    upstream.respondWith = () => 202;
    const origin = new URL(upstream.url).origin;
    env = loadEnv(ConsoleEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      AUTH_FAILED_ATTEMPTS_PER_MINUTE: '1000000',
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}console`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      INGEST_URL: origin,
      ALERTING_URL: origin,
      CONSOLE_UPLOAD_MAX_BODY: '2mb',
    });
    ({ app, base } = await startInProcess(AppModule.register(env), {
      bodyLimit: env.CONSOLE_UPLOAD_MAX_BODY,
    }));
  });

  afterAll(async () => {
    await app.close();
    await upstream.stop();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  itAnswersFuzzedRequests({
    base: () => base,
    options: () => ({
      bodyLimit: byteSizeOf(env.CONSOLE_UPLOAD_MAX_BODY),
    }),
    operations: ['POST /api/agreements', 'POST /v1/api-keys', 'GET /assets/{name}'],
    regressions: [
      [
        'a __proto__ key is refused as an unknown field',
        fuzzCase({
          label: 'body: unknown field',
          method: 'POST',
          target: '/api/alerts/7d3c1c2e-4d4b-4f7e-9a57-8a2f3b5c6d7e/ack',
          body: '{"by":"ana","__proto__":1}',
          field: '__proto__',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a JSON body nested 10 000 deep is a 400, not a 500',
        fuzzCase({
          label: 'any body: JSON nested 10000 deep',
          method: 'POST',
          target: '/api/silences',
          body: deepJson(10_000),
          expectStatus: [400],
        }),
      ],
      [
        'an API key name nested 2 000 deep is a 400 naming it, not a 500',
        fuzzCase({
          label: 'body: deep',
          method: 'POST',
          target: '/v1/api-keys',
          body: `{"role":"viewer","name":${deepJson(2_000)}}`,
          field: 'name',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a malformed alert id is a 400 naming id',
        fuzzCase({
          label: 'path: id',
          method: 'POST',
          target: '/api/alerts/not-a-uuid/ack',
          body: '{"by":"ana"}',
          field: 'id',
          expectStatus: [400],
        }),
      ],
    ],
  });
});
