import { loadEnv } from '@dealwatch/config';
import { startInProcess } from '@dealwatch/platform/testing';
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
import { randomUUID } from 'node:crypto';

import { AppModule } from './app.module';
import { ExtractionEnv } from './extraction.env';

const namespace = createTestNamespace('extraction-auth');

describe('clause-extraction: who may call what', () => {
  let app: INestApplication;
  let base: string;
  let keys: TestApiKeys;

  beforeAll(async () => {
    const env = loadEnv(ExtractionEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}extraction`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      REDIS_KEY_PREFIX: namespace.topicPrefix,
    });
    ({ app, base } = await startInProcess(AppModule.register(env)));
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
    expect(report.adminOperations).toEqual([]);
    expect(report.viewerWrites).toEqual([]);
    expect(report.anonymous.length).toBeGreaterThan(0);
    expect(report.anonymous.filter((answer) => !isProblem(answer, 401))).toEqual([]);
    expect(report.viewerAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
  });

  it('answers its health probes without credentials', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('refuses a key scoped to other services, and a revoked key from the next request on', async () => {
    const url = `${base}/v1/agreements/${randomUUID()}/extraction`;
    const robot = await keys.create('operator', { scopes: ['ingest'] });
    const scoped = await apiFetch(url, {}, robot.key);
    expect(scoped.status).toBe(403);
    expect(await scoped.json()).toMatchObject({
      type: 'https://dealwatch.dev/problems/forbidden',
      detail: 'test-operator may call ingest only, not clause-extraction',
    });

    const viewer = await keys.create('viewer');
    expect((await apiFetch(url, {}, viewer.key)).status).toBe(404);
    await keys.registry.revoke(viewer.record.id);
    const revoked = await apiFetch(url, {}, viewer.key);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    expect(await revoked.json()).toMatchObject({
      type: 'https://dealwatch.dev/problems/unauthenticated',
      detail: 'the API key was revoked',
      instance: new URL(url).pathname,
    });
  });

  it('says why a credential is refused', async () => {
    const url = `${base}/v1/agreements/${randomUUID()}/extraction`;
    const detailOf = async (authorization: string) =>
      ((await (await fetch(url, { headers: { authorization } })).json()) as { detail: string })
        .detail;
    expect(await detailOf('Basic dXNlcjpwYXNz')).toBe(
      'the Authorization header must be Bearer <API key or token>',
    );
    expect(await detailOf(`Bearer dwk_0123456789abcdef_${'x'.repeat(43)}`)).toBe(
      'the API key is not known',
    );
    expect(await detailOf('Bearer dwk_nope')).toMatch(/^the API key is malformed/);
    expect(await detailOf('Bearer a.b.c')).toBe(
      'bearer tokens are not accepted: no OIDC issuer is configured (AUTH_JWT_ISSUER)',
    );
    expect(await detailOf('Bearer hunter2')).toMatch(/neither a DealWatch API key .* nor a JWT/);
  });
});
