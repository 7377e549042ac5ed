import { byteSizeOf, loadEnv } from '@dealwatch/config';
import { runService } from '@dealwatch/platform';
import {
  check,
  createTestNamespace,
  dropTestSchemas,
  fuzzCase,
  fuzzHttpApi,
  fuzzScale,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';
import type { FuzzCase } from '@dealwatch/testing';

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
    app = await runService(AppModule.register(env), { port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it(
    'answers every documented operation with a success or a problem naming the fault, never a 5xx',
    async () => {
      const report = await fuzzHttpApi(base, { bodyLimit: byteSizeOf(env.HTTP_MAX_BODY) });
      expect(report.operations).toContain('GET /v1/agreements/{agreementId}/extraction');
      expect(report.failures).toEqual([]);
      expect(Object.values(report.aliveAfter).every((status) => status === 200)).toBe(true);
    },
    60_000 * fuzzScale(),
  );

  // Counterexamples fast-check found, kept as they were (each failed before its fix).
  it.each<[string, FuzzCase]>([
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
  ])('%s', async (_name, regression) => {
    expect(await check(base, regression)).toEqual([]);
  });
});
