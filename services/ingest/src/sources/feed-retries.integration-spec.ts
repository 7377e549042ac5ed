import {
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startIngest } from '../testing/start-ingest';

const namespace = createTestNamespace('ingest-feed-retries');

interface Item {
  key: string;
  status: string;
  reason: string | null;
  attempts: number;
  agreementId: string | null;
}

describe('feed sources, when the server fails the first requests', () => {
  let app: INestApplication;
  let base: string;
  let server: Server;
  let origin: string;
  const hits = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '';
      const hit = (hits.get(path) ?? 0) + 1;
      hits.set(path, hit);
      if (path === '/feed.xml') {
        if (hit === 1) return void response.writeHead(503, { 'retry-after': '2' }).end();
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        return void response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
          <item><title>Flaky</title><link>${origin}/story/flaky</link><guid>flaky</guid></item>
          <item><title>Gone</title><link>${origin}/story/gone</link><guid>gone</guid></item>
          <item><title>Missing</title><link>${origin}/story/missing</link><guid>missing</guid></item>
        </channel></rss>`);
      }
      if (path === '/story/flaky') {
        if (hit <= 2) return void response.writeHead(hit === 1 ? 503 : 429).end();
        response.writeHead(200, { 'content-type': 'text/html' });
        return void response.end(`<!doctype html><html><head><title>Port treaty</title></head><body>
          <article><h1>Norvania and Esterland sign a port access treaty</h1>
          <p>The two governments signed a treaty on port access on Monday; a joint committee will be
          set up within sixty days and will review harbour dues before the end of the year.</p>
          </article></body></html>`);
      }
      if (path === '/story/gone') return void response.writeHead(500).end();
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    ({ app, base } = await startIngest(namespace, {
      OUTBOUND_ALLOWLIST: '127.0.0.1',
      INGEST_FEED_POLL_MS: '20',
      INGEST_FEED_HOST_INTERVAL_MS: '0',
      INGEST_FEED_RETRY_BUDGET: '3',
      INGEST_FEED_RETRY_BASE_MS: '1',
    }));
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const call = (path: string, init: RequestInit = {}) =>
    apiFetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json' } });

  it('backs the source off after a 503 (Retry-After), retries pages with a budget, and gives up on a 404 at once', async () => {
    const created = await call('/v1/sources', {
      method: 'POST',
      body: JSON.stringify({ url: `${origin}/feed.xml`, name: 'Wire', intervalSeconds: 1 }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // Interval 1 s, first failure: 1 s; Retry-After says 2 s, which wins.
    const backedOff = await expectEventually(async () => {
      const source = (await (await call(`/v1/sources/${id}`)).json()) as {
        failures: number;
        lastResult: string;
        lastPolledAt: string;
        backedOffUntil: string;
      };
      expect(source).toMatchObject({ failures: 1, lastResult: 'failed: answered 503' });
      return source;
    });
    expect(Date.parse(backedOff.backedOffUntil) - Date.parse(backedOff.lastPolledAt)).toBe(2_000);

    const items = await expectEventually(
      async () => {
        const listed = (await (await call(`/v1/sources/${id}/items`)).json()) as Item[];
        expect(listed.map((item) => item.status).sort()).toEqual(['failed', 'failed', 'ingested']);
        return new Map(listed.map((item) => [item.key, item]));
      },
      { timeoutMs: 10_000 },
    );
    // 503, 429, then 200: ingested on the third attempt.
    expect(items.get('flaky')).toMatchObject({ status: 'ingested', attempts: 3 });
    expect(items.get('flaky')!.agreementId).toEqual(expect.any(String));
    // 500 three times: the budget of 3 is spent.
    expect(items.get('gone')).toMatchObject({
      status: 'failed',
      attempts: 3,
      reason: 'could not fetch the page: answered 500 (after 3 attempts)',
    });
    // 404 is permanent: one attempt.
    expect(items.get('missing')).toMatchObject({
      status: 'failed',
      attempts: 1,
      reason: 'the page answered 404',
    });
    expect(hits.get('/story/gone')).toBe(3);
    expect(hits.get('/story/missing')).toBe(1);

    const recovered = (await (await call(`/v1/sources/${id}`)).json()) as {
      failures: number;
      backedOffUntil: string | null;
    };
    expect(recovered).toMatchObject({ failures: 0, backedOffUntil: null });
  });
});
