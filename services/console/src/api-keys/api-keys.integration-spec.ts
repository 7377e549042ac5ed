import { loadEnv } from '@dealwatch/config';
import { ManualClock } from '@dealwatch/platform';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  TEST_ADMIN_API_KEY,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  isProblem,
  probeProtection,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

import { AppModule } from '../app.module';
import { ConsoleEnv } from '../console.env';
import { LiveFeed } from '../read-model/live-feed';

const namespace = createTestNamespace('console-auth');

interface CreatedKey {
  id: string;
  key: string;
  name: string;
  role: string;
  scopes: string[];
  createdBy: string;
  revokedAt: string | null;
}

describe('console: API keys, and who may call what', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const env = loadEnv(ConsoleEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}console`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      REDIS_KEY_PREFIX: namespace.topicPrefix,
    });
    ({ app, base } = await startInProcess(
      AppModule.register(env, { clock: new ManualClock(new Date('2026-01-01T00:00:00Z')) }),
    ));
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function send(method: string, path: string, body?: unknown, key = TEST_ADMIN_API_KEY) {
    const response = await apiFetch(
      `${base}${path}`,
      {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      key,
    );
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (text ? JSON.parse(text) : null) as unknown,
    };
  }

  const createKey = async (body: object) => {
    const created = await send('POST', '/v1/api-keys', body);
    expect(created.status).toBe(201);
    return created.body as CreatedKey;
  };

  it('creates a key shown once, lists keys without secrets, and revokes one at once', async () => {
    const created = await createKey({ name: 'ops-laptop', role: 'operator' });
    expect(created).toMatchObject({
      name: 'ops-laptop',
      role: 'operator',
      scopes: [],
      createdBy: 'admin',
      revokedAt: null,
    });
    expect(created.key).toMatch(new RegExp(`^dwk_${created.id}_[A-Za-z0-9_-]{43}$`));

    const listed = await send('GET', '/v1/api-keys');
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: Record<string, unknown>[] }).items;
    expect(items.find((item) => item['id'] === created.id)).toEqual({
      id: created.id,
      name: 'ops-laptop',
      role: 'operator',
      scopes: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'admin',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.key.slice(22));

    expect((await send('GET', '/api/alerts', undefined, created.key)).status).toBe(200);
    expect((await send('DELETE', `/v1/api-keys/${created.id}`)).status).toBe(204);
    const refused = await send('GET', '/api/alerts', undefined, created.key);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ detail: 'the API key was revoked' });
    // Revoking again changes nothing; an unknown id is a 404.
    expect((await send('DELETE', `/v1/api-keys/${created.id}`)).status).toBe(204);
    expect((await send('DELETE', '/v1/api-keys/0123456789abcdef')).status).toBe(404);
    const after = (await send('GET', '/v1/api-keys')).body as { items: CreatedKey[] };
    expect(after.items.find((item) => item.id === created.id)?.revokedAt).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('lets a viewer read, but neither write nor manage keys', async () => {
    const viewer = await createKey({ name: 'wall-screen', role: 'viewer' });
    expect((await send('GET', '/api/timeline', undefined, viewer.key)).status).toBe(200);
    for (const [method, path] of [
      ['POST', '/api/agreements'],
      ['POST', '/v1/api-keys'],
      ['GET', '/v1/api-keys'],
      ['DELETE', `/v1/api-keys/${viewer.id}`],
    ] as const) {
      const answer = await send(method, path, method === 'GET' ? undefined : {}, viewer.key);
      expect({ method, path, status: answer.status, type: answer.type }).toEqual({
        method,
        path,
        status: 403,
        type: 'application/problem+json; charset=utf-8',
      });
    }
  });

  it('refuses a key scoped to other services', async () => {
    const robot = await createKey({ name: 'upload-robot', role: 'operator', scopes: ['ingest'] });
    expect(robot.scopes).toEqual(['ingest']);
    const answer = await send('GET', '/api/timeline', undefined, robot.key);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      type: 'https://dealwatch.dev/problems/forbidden',
      detail: 'upload-robot may call ingest only, not console',
    });
  });

  it('names every field a key request gets wrong', async () => {
    const answer = await send('POST', '/v1/api-keys', {
      name: ' ',
      role: 'root',
      scopes: ['ingest', 'mars'],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      type: 'https://dealwatch.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      instance: '/v1/api-keys',
      errors: [
        { field: 'name', message: 'name should not be empty' },
        { field: 'role', message: 'role must be one of viewer, operator, admin' },
        {
          field: 'scopes',
          message:
            'each scope must be one of ingest, clause-extraction, milestone-scheduler, alerting, console',
        },
      ],
    });
  });

  it('refuses every documented operation without credentials, and above the caller’s role', async () => {
    const report = await probeProtection(base, {
      viewer: (await createKey({ name: 'v', role: 'viewer' })).key,
      operator: (await createKey({ name: 'o', role: 'operator' })).key,
    });
    // The page shell holds no data; it asks for a key and sends it to /api.
    expect(report.publicOperations.sort()).toEqual([
      'GET /',
      'GET /assets/{name}',
      'GET /health',
      'GET /health/live',
    ]);
    expect(report.adminOperations.sort()).toEqual([
      'DELETE /v1/api-keys/{id}',
      'GET /v1/api-keys',
      'POST /v1/api-keys',
    ]);
    expect(report.viewerWrites).toEqual([]);
    expect(report.anonymous.map((answer) => answer.operation)).toContain('GET /api/events');
    expect(report.anonymous.filter((answer) => !isProblem(answer, 401))).toEqual([]);
    expect(report.viewerAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
    expect(report.operatorAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
  });

  it('ends the event stream of a key once it is revoked', async () => {
    const listener = await createKey({ name: 'listener', role: 'viewer' });
    const received: string[] = [];
    let ended = false;
    const stream = request(
      `${base}/api/events`,
      { headers: { accept: 'text/event-stream', authorization: `Bearer ${listener.key}` } },
      (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const match of chunk.matchAll(/^event: (\w+)$/gm)) received.push(match[1]!);
        });
        response.on('end', () => (ended = true));
      },
    );
    stream.end();
    const feed = app.get(LiveFeed);
    const change = () => {
      feed.queue({ kind: 'agreement', agreementId: randomUUID() });
      feed.releaseCommitted();
    };
    await expectEventually(() => {
      change();
      expect(received).toContain('agreement');
    });
    expect((await send('DELETE', `/v1/api-keys/${listener.id}`)).status).toBe(204);
    const before = received.length;
    change();
    await expectEventually(() => expect(ended).toBe(true));
    expect(received).toHaveLength(before);
    stream.destroy();
  });
});
