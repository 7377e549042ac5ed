import { CloudEventHeaders, Topics } from '@dealwatch/contracts';
import {
  TopicRecorder,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { startIngest } from '../testing/start-ingest';

const seed = readFileSync(resolve(__dirname, '../../../../samples/seed-us-japan.txt'), 'utf8');
const namespace = createTestNamespace('ingest');

describe('ingest API on real PostgreSQL, Redis and Kafka', () => {
  let app: INestApplication;
  let base: string;
  let recorder: TopicRecorder;
  const ingested = `${namespace.topicPrefix}${Topics.AgreementIngestedV1}`;

  beforeAll(async () => {
    ({ app, base } = await startIngest(namespace, {
      LOG_LEVEL: 'warn',
      INGEST_MAX_BODY: '64kb',
    }));
    recorder = await new TopicRecorder(requiredEnv('KAFKA_BROKERS').split(',')).start([ingested]);
  });

  afterAll(async () => {
    await recorder.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  function post(body: string, headers: Record<string, string> = { 'content-type': 'text/plain' }) {
    return apiFetch(`${base}/v1/agreements`, { method: 'POST', headers, body });
  }

  it('accepts a raw document, reads its metadata line, and announces it with CloudEvents headers', async () => {
    const response = await post(seed);
    expect(response.status).toBe(202);
    const { id, status } = (await response.json()) as { id: string; status: string };
    expect(status).toBe('accepted');

    const stored = (await (await apiFetch(`${base}/v1/agreements/${id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({
      id,
      publishedAt: '2025-10-28',
      sourceUrl: expect.stringMatching(/^https:\/\/sputnikglobe\.com\/20251028\//),
      title: 'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals, Rare Earths',
    });

    const event = await expectEventually(() => {
      const found = recorder.on(ingested).find((message) => message.key === id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.headers[CloudEventHeaders.type]).toBe(Topics.AgreementIngestedV1);
    expect(event.headers[CloudEventHeaders.source]).toBe('/dealwatch/ingest');
    const payload = JSON.parse(event.value!) as { text: string; publishedAt: string };
    expect(payload.publishedAt).toBe('2025-10-28');
    expect((stored as { text: string }).text).toBe(payload.text);
    // Extraction reads the headline and the two paragraphs of prose, none of the page around them.
    const paragraphs = payload.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(stored['title']);
    expect(paragraphs[2]).toMatch(/^"Next document is .* the agreement said\.$/);
    expect(payload.text).not.toMatch(/https?:\/\/|feedback@|T04:44|^(asia|japan)$/m);
  });

  it('keeps the scraped page byte for byte as the document behind the agreement', async () => {
    const { id } = (await (await post(seed)).json()) as { id: string };
    const stored = (await (await apiFetch(`${base}/v1/agreements/${id}`)).json()) as {
      documents: { links: { original: string } }[];
    };
    const original = await apiFetch(`${base}${stored.documents[0]!.links.original}`);
    expect(await original.text()).toBe(seed);
  });

  it('lets caller-given metadata win over what the text says', async () => {
    const response = await post(
      JSON.stringify({
        text: ' date 2025-10-28 https://example.org/other\n\nOther Headline\n\nUnique text M.',
        publishedAt: '2025-10-29',
        title: 'Given',
      }),
      {
        'content-type': 'application/json',
      },
    );
    const { id } = (await response.json()) as { id: string };
    const stored = (await (await apiFetch(`${base}/v1/agreements/${id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({
      publishedAt: '2025-10-29',
      title: 'Given',
      sourceUrl: 'https://example.org/other',
    });
  });

  it('returns the same agreement for the same text and announces it once', async () => {
    const text = 'The parties shall meet within 30 days of signing. Unique text A.';
    const first = (await (await post(text)).json()) as { id: string };
    const second = await post(`${text}\r\n`);
    expect(second.status).toBe(202);
    expect(await second.json()).toMatchObject({ id: first.id, status: 'duplicate' });
    await expectEventually(() =>
      expect(recorder.on(ingested).some((m) => m.key === first.id)).toBe(true),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(recorder.on(ingested).filter((m) => m.key === first.id)).toHaveLength(1);
  });

  it('honours Idempotency-Key and refuses its reuse for another document', async () => {
    const headers = {
      'content-type': 'text/plain',
      'idempotency-key': `key-${namespace.topicPrefix}`,
    };
    const first = (await (
      await post('The parties will report annually. Unique text B.', headers)
    ).json()) as { id: string };
    const replay = await post('The parties will report annually. Unique text B.', headers);
    expect(await replay.json()).toMatchObject({ id: first.id });
    const reuse = await post('A different document. Unique text C.', headers);
    expect(reuse.status).toBe(409);
    expect(((await reuse.json()) as { detail: string }).detail).toMatch(/Idempotency-Key/);
  });

  it.each([
    [
      'an empty text',
      JSON.stringify({ text: '' }),
      'application/json',
      400,
      /text must not be empty/,
    ],
    ['a missing text', JSON.stringify({ title: 'x' }), 'application/json', 400, /text/],
    [
      'an unknown field',
      JSON.stringify({ text: 'x', colour: 'red' }),
      'application/json',
      400,
      /colour/,
    ],
    [
      'an impossible date',
      JSON.stringify({ text: 'x', signedAt: '2025-02-30' }),
      'application/json',
      400,
      /signedAt/,
    ],
    ['malformed JSON', '{"text": ', 'application/json', 400, /JSON|Unexpected|Expected/],
    ['a blank document', '   \n  ', 'text/plain', 400, /no text/],
    ['an unsupported type', '<a/>', 'application/xml', 415, /unsupported content type/],
  ])(
    'rejects %s with a 4xx status and a reason',
    async (_label, body, contentType, status, reason) => {
      const response = await post(body, { 'content-type': contentType });
      expect(response.status).toBe(status);
      expect(JSON.stringify(await response.json())).toMatch(reason);
    },
  );

  it('answers 413 for a document over the size limit', async () => {
    const response = await post('x'.repeat(70 * 1024));
    expect(response.status).toBe(413);
  });

  it('answers every error as RFC 9457 problem details', async () => {
    const json = { 'content-type': 'application/json' };
    const malformed = await post('{"text": ', json);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await malformed.json()).toMatchObject({
      type: 'https://dealwatch.dev/problems/malformed-body',
      title: 'Malformed request body',
      status: 400,
      detail: expect.stringMatching(/^the body is not valid JSON: .*JSON/),
      instance: '/v1/agreements',
    });

    const tooLarge = await post(JSON.stringify({ text: 'x'.repeat(70 * 1024) }), json);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({
      type: 'https://dealwatch.dev/problems/payload-too-large',
      detail: 'the request body is larger than 65536 bytes',
    });

    const invalid = await post(JSON.stringify({ text: 'x', signedAt: '2025-02-30' }), json);
    expect(await invalid.json()).toMatchObject({
      type: 'https://dealwatch.dev/problems/validation',
      status: 400,
      errors: [{ field: 'signedAt', message: expect.stringMatching(/signedAt/) }],
    });

    const unknown = await apiFetch(`${base}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /v1/nothing-here',
      instance: '/v1/nothing-here',
    });
  });

  it('answers 404 for an unknown agreement and 400 for a malformed id', async () => {
    expect(
      (await apiFetch(`${base}/v1/agreements/7d3f9a52-1b9c-4b9e-8d2a-6f4c0e7b9a10`)).status,
    ).toBe(404);
    expect((await apiFetch(`${base}/v1/agreements/not-a-uuid`)).status).toBe(400);
  });

  it('reports its dependencies as healthy', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});
