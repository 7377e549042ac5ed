import { apiFetch, dropTestSchemas, requiredEnv, serviceNames } from '@dealwatch/testing';

import { Pipeline } from './pipeline';

/** A read every service answers to a viewer (an empty result or a 404 is fine: it got in). */
const READS = {
  ingest: '/v1/sources',
  'clause-extraction': '/v1/agreements/6e9ec511-33c6-4a08-b9e7-8347780d70a9/extraction',
  'milestone-scheduler': '/v1/milestones',
  alerting: '/v1/alerts',
  console: '/api/alerts',
} as const;

describe('one key registry for the whole system, checked by every service', () => {
  const pipeline = new Pipeline();

  beforeAll(async () => {
    await pipeline.start();
  });

  afterAll(async () => {
    await pipeline.stop();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), pipeline.namespace);
  });

  const url = (name: keyof typeof READS, path: string = READS[name]) =>
    `${pipeline.services[name].url}${path}`;

  it('answers nothing but health without credentials', async () => {
    for (const name of serviceNames) {
      const anonymous = await fetch(url(name));
      expect({ name, status: anonymous.status }).toEqual({ name, status: 401 });
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(url(name, '/health/live'))).status).toBe(200);
    }
  });

  it('lets a viewer read everywhere and write nowhere', async () => {
    const { key } = await pipeline.createKey('viewer');
    for (const name of serviceNames) {
      const read = await apiFetch(url(name), {}, key);
      expect({ name, status: read.status }).toEqual({
        name,
        status: name === 'clause-extraction' ? 404 : 200,
      });
    }
    const writes = [
      url('ingest', '/v1/agreements'),
      url('milestone-scheduler', '/v1/milestones'),
      url('console', '/api/agreements'),
    ];
    for (const target of writes) {
      const write = await apiFetch(
        target,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'A text.' },
        key,
      );
      expect({ target, status: write.status }).toEqual({ target, status: 403 });
    }
  });

  it('stops a key revoked on the console at once on every other service', async () => {
    const { id, key } = await pipeline.createKey('operator', { name: 'soon-revoked' });
    for (const name of serviceNames) {
      expect((await apiFetch(url(name), {}, key)).status).not.toBe(401);
    }
    const revoked = await apiFetch(url('console', `/v1/api-keys/${id}`), { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    for (const name of serviceNames) {
      const answer = await apiFetch(url(name), {}, key);
      expect({ name, status: answer.status }).toEqual({ name, status: 401 });
      expect(await answer.json()).toMatchObject({ detail: 'the API key was revoked' });
    }
  });

  it('refuses a key scoped to ingest everywhere but ingest, and the console forwards uploads', async () => {
    const robot = await pipeline.createKey('operator', {
      name: 'upload-robot',
      scopes: ['ingest'],
    });
    const upload = await apiFetch(
      url('ingest', '/v1/agreements'),
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'The Parties will meet within 90 days of signature.',
      },
      robot.key,
    );
    expect(upload.status).toBe(202);
    expect((await apiFetch(url('milestone-scheduler'), {}, robot.key)).status).toBe(403);
    expect((await apiFetch(url('console'), {}, robot.key)).status).toBe(403);

    // The console passes the caller's own key on to ingest, which decides for itself.
    const operator = await pipeline.createKey('operator', { name: 'uploader' });
    const viaConsole = await apiFetch(
      url('console', '/api/agreements'),
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'The Parties will report within 60 days of signature.',
      },
      operator.key,
    );
    expect(viaConsole.status).toBe(202);
    const consoleOnly = await pipeline.createKey('operator', { scopes: ['console'] });
    const refusedByIngest = await apiFetch(
      url('console', '/api/agreements'),
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Another text.' },
      consoleOnly.key,
    );
    expect(refusedByIngest.status).toBe(403);
    expect(await refusedByIngest.json()).toMatchObject({
      detail: expect.stringMatching(/not ingest/),
    });
  });
});
