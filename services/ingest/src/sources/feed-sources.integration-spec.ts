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

const namespace = createTestNamespace('ingest-feeds');
const ETAG = '"v1"';

const page = (headline: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${headline}</title></head><body>
   <nav>Home | World | Markets</nav><article><h1>${headline}</h1><p>${body}</p><p>${body}</p></article>
   <footer>Contact us</footer></body></html>`;

describe('feed sources, polled from a local server', () => {
  let app: INestApplication;
  let base: string;
  let server: Server;
  let origin: string;
  const requests: { path: string; ifNoneMatch: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ path: request.url ?? '', ifNoneMatch: request.headers['if-none-match'] });
      if (request.url === '/feed.xml') {
        if (request.headers['if-none-match'] === ETAG) return void response.writeHead(304).end();
        response.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG });
        return void response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
          <item><title>Norvania and Esterland sign a port access treaty</title>
            <link>${origin}/story/port</link><guid>port</guid></item>
          <item><title>Local football results</title><link>${origin}/story/football</link></item>
        </channel></rss>`);
      }
      if (request.url === '/story/port') {
        response.writeHead(200, { 'content-type': 'text/html' });
        return void response.end(
          page(
            'Norvania and Esterland sign a port access treaty',
            'The two governments signed a treaty on port access on Monday; a joint committee will be set up within sixty days and will review harbour dues before the end of the year.',
          ),
        );
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    ({ app, base } = await startIngest(namespace, {
      OUTBOUND_ALLOWLIST: '127.0.0.1',
      INGEST_FEED_POLL_MS: '20',
      INGEST_FEED_HOST_INTERVAL_MS: '5',
    }));
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const call = (path: string, init: RequestInit = {}) =>
    apiFetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json' } });

  it('refuses a source without a usable url, naming the field', async () => {
    const response = await call('/v1/sources', {
      method: 'POST',
      body: JSON.stringify({ url: 'ftp://example.org/feed', name: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('url');
  });

  it('ingests the relevant item once, records why the other was skipped, and re-polls with If-None-Match', async () => {
    const created = await call('/v1/sources', {
      method: 'POST',
      body: JSON.stringify({
        url: `${origin}/feed.xml`,
        name: 'Wire',
        keywords: ['treaty', 'agreement'],
        intervalSeconds: 1,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const items = await expectEventually(async () => {
      const listed = (await (await call(`/v1/sources/${id}/items`)).json()) as {
        key: string;
        status: string;
        reason: string | null;
        agreementId: string | null;
      }[];
      expect(listed).toHaveLength(2);
      return listed;
    });
    expect(items.find((item) => item.key === 'port')).toMatchObject({ status: 'ingested' });
    expect(items.find((item) => item.key !== 'port')).toMatchObject({
      status: 'skipped',
      reason: 'mentions none of the keywords: treaty, agreement',
      agreementId: null,
    });
    const agreementId = items.find((item) => item.key === 'port')!.agreementId!;
    const agreement = (await (await call(`/v1/agreements/${agreementId}`)).json()) as {
      text: string;
      sourceUrl: string;
    };
    expect(agreement.sourceUrl).toBe(`${origin}/story/port`);
    expect(agreement.text).not.toContain('Contact us');

    // The next poll sends the validator it was given and is answered 304; nothing is taken again.
    await expectEventually(
      () => expect(requests.some((request) => request.ifNoneMatch === ETAG)).toBe(true),
      { timeoutMs: 10_000 },
    );
    await expectEventually(async () => {
      const polled = (await (await call(`/v1/sources/${id}`)).json()) as { lastResult: string };
      expect(polled.lastResult).toBe('not modified');
    });
    expect(requests.filter((request) => request.path === '/story/port')).toHaveLength(1);
    expect(requests.filter((request) => request.path === '/story/football')).toHaveLength(0);
  });

  it('lists and deletes sources', async () => {
    const listed = (await (await call('/v1/sources')).json()) as { id: string }[];
    expect(listed.length).toBeGreaterThan(0);
    const deleted = await call(`/v1/sources/${listed[0]!.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await call(`/v1/sources/${listed[0]!.id}`)).status).toBe(404);
  });
});
