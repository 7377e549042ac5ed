import { loadEnv } from '@dealwatch/config';
import { runService } from '@dealwatch/platform';
import {
  TestApiKeys,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  isProblem,
  probeProtection,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { AppModule } from './app.module';
import { IngestEnv } from './ingest.env';

const namespace = createTestNamespace('ingest-auth');

describe('ingest: who may call what', () => {
  let app: INestApplication;
  let base: string;
  let keys: TestApiKeys;

  beforeAll(async () => {
    const env = loadEnv(IngestEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}ingest`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      REDIS_KEY_PREFIX: namespace.topicPrefix,
    });
    app = await runService(AppModule.register(env), { port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    keys = await TestApiKeys.open(requiredEnv('DATABASE_URL'), namespace);
  });

  afterAll(async () => {
    await keys.close();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('refuses every documented operation without credentials, and above the caller’s role', async () => {
    const report = await probeProtection(base, {
      viewer: (await keys.create('viewer')).key,
      operator: (await keys.create('operator')).key,
    });
    expect(report.publicOperations.sort()).toEqual(['GET /health', 'GET /health/live']);
    // Feed sources configure what the system reads: admins only.
    expect(report.adminOperations.sort()).toEqual(['DELETE /v1/sources/{id}', 'POST /v1/sources']);
    expect(report.viewerWrites).toEqual([]);
    expect(report.anonymous.length).toBeGreaterThan(5);
    expect(report.anonymous.filter((answer) => !isProblem(answer, 401))).toEqual([]);
    expect(report.viewerAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
    expect(report.operatorAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
  });

  it('answers its health probes without credentials', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('lets a key scoped to ingest upload, as a robot that only uploads would', async () => {
    const robot = await keys.create('operator', { name: 'upload-robot', scopes: ['ingest'] });
    const response = await apiFetch(
      `${base}/v1/agreements`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'The Parties will meet within 30 days of signature.',
      },
      robot.key,
    );
    expect(response.status).toBe(202);
  });
});
