import { Topics } from '@dealwatch/contracts';
import { buildDocx, buildPdf, buildScannedPdf } from '@dealwatch/ingest/domain/testing';
import {
  TopicRecorder,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { startIngest } from '../testing/start-ingest';
import { newsPage } from './test-documents';

const namespace = createTestNamespace('ingest-formats');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface StoredAgreement {
  id: string;
  title: string | null;
  text: string;
  publishedAt: string | null;
  sourceUrl: string | null;
  language: string | null;
  pages: { page: number; start: number; end: number }[] | null;
  documents: {
    id: string;
    mediaType: string;
    fileName: string | null;
    byteSize: number;
    linkedBecause: { kind: string };
    links: { original: string };
  }[];
}

describe('ingest of HTML, PDF and DOCX on real PostgreSQL, Redis and Kafka', () => {
  let app: INestApplication;
  let base: string;
  let recorder: TopicRecorder;
  const ingested = `${namespace.topicPrefix}${Topics.AgreementIngestedV1}`;

  beforeAll(async () => {
    ({ app, base } = await startIngest(namespace, {
      INGEST_MAX_BODY: '256kb',
    }));
    recorder = await new TopicRecorder(requiredEnv('KAFKA_BROKERS').split(',')).start([ingested]);
  });

  afterAll(async () => {
    await recorder.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function post(body: string | Buffer | FormData, contentType?: string) {
    const response = await apiFetch(`${base}/v1/agreements`, {
      method: 'POST',
      body,
      ...(contentType ? { headers: { 'content-type': contentType } } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function stored(id: unknown): Promise<StoredAgreement> {
    return (await (
      await apiFetch(`${base}/v1/agreements/${String(id)}`)
    ).json()) as StoredAgreement;
  }

  const article = [
    'The United States and Japan signed a framework on critical minerals in Tokyo on Tuesday.',
    'The Participants will provide financing within six months and hold a ministerial meeting within 180 days.',
  ];

  it('takes the article of a web page and nothing of its page furniture to extraction', async () => {
    const html = newsPage('US and Japan Sign Minerals Framework', article);
    const { status, body } = await post(html, 'text/html; charset=utf-8');
    expect(status).toBe(202);

    const expectedText = ['US and Japan Sign Minerals Framework', ...article].join('\n\n');
    const agreement = await stored(body['id']);
    expect(agreement).toMatchObject({
      text: expectedText,
      title: 'US and Japan Sign Minerals Framework',
      publishedAt: '2025-10-28',
      sourceUrl: 'https://news.example.org/20251028/story.html',
      language: 'en',
      documents: [{ mediaType: 'text/html', linkedBecause: { kind: 'first' } }],
    });
    const event = await expectEventually(() => {
      const found = recorder.on(ingested).find((message) => message.key === body['id']);
      expect(found).toBeDefined();
      return found!;
    });
    expect(JSON.parse(event.value!)).toMatchObject({ text: expectedText });
  });

  it('keeps another rendering of the same article as a second document of the same agreement', async () => {
    const story = [
      'Norvania and Esterland agreed to exchange geological survey data every quarter.',
    ];
    const first = await post(newsPage('Same Story', story), 'text/html');
    const again = await post(newsPage('Same Story', story, 'Markets | Sport'), 'text/html');
    expect(again.body).toMatchObject({ id: first.body['id'], status: 'duplicate' });
    const agreement = await stored(first.body['id']);
    expect(agreement.documents.map((document) => document.linkedBecause.kind)).toEqual([
      'first',
      'identical-text',
    ]);
  });

  it('reads a PDF sent as a form with metadata fields, keeping pages and the original bytes', async () => {
    const pdf = await buildPdf({
      title: 'Framework (from the PDF)',
      createdAt: new Date('2025-10-27T12:00:00Z'),
      pages: [[['Framework on Critical Minerals']], [['Financing within six months.']]],
    });
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'framework.pdf');
    form.append('title', 'Given Title');
    const { status, body } = await post(form);
    expect(status).toBe(202);

    const agreement = await stored(body['id']);
    expect(agreement).toMatchObject({
      text: 'Framework on Critical Minerals\n\nFinancing within six months.',
      title: 'Given Title',
      publishedAt: '2025-10-27',
      pages: [
        { page: 1, start: 0, end: 30 },
        { page: 2, start: 32, end: 60 },
      ],
      documents: [
        { mediaType: 'application/pdf', fileName: 'framework.pdf', byteSize: pdf.length },
      ],
    });
    const original = await apiFetch(`${base}${agreement.documents[0]!.links.original}`);
    expect(original.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(Buffer.from(await original.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('reads a DOCX sent as base64 in JSON', async () => {
    const docx = await buildDocx({
      title: 'Draft Memorandum',
      paragraphs: ['Draft Memorandum', 'The Parties shall meet within 30 days.'],
    });
    const { status, body } = await post(
      JSON.stringify({
        document: docx.toString('base64'),
        mediaType: DOCX,
        fileName: 'draft.docx',
      }),
      'application/json',
    );
    expect(status).toBe(202);
    expect(await stored(body['id'])).toMatchObject({
      text: 'Draft Memorandum\n\nThe Parties shall meet within 30 days.',
      title: 'Draft Memorandum',
    });
  });

  it('refuses a PDF without a text layer with 422 and the reason', async () => {
    const { status, body } = await post(await buildScannedPdf(), 'application/pdf');
    expect(status).toBe(422);
    expect(body['detail']).toMatch(/no text layer/);
  });

  it.each([
    ['a type it cannot read', Buffer.from('\u0089PNG'), 'image/png', 415, /image\/png/],
    ['a corrupt PDF', Buffer.from('%PDF-1.7 broken'), 'application/pdf', 422, /not a readable PDF/],
    ['a PDF over the size limit', Buffer.alloc(300 * 1024, 32), 'application/pdf', 413, /large/],
  ])('answers %s with its status and reason', async (_label, bytes, type, status, reason) => {
    const response = await post(bytes, type);
    expect(response.status).toBe(status);
    expect(JSON.stringify(response.body)).toMatch(reason);
  });

  it('answers 413 to a form whose file is over the size limit', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(300 * 1024, 32)], { type: 'text/plain' }), 'a.txt');
    expect((await post(form)).status).toBe(413);
  });

  it('names the field a form got wrong', async () => {
    const form = new FormData();
    form.append('file', new Blob(['The parties agree.'], { type: 'text/plain' }), 'a.txt');
    form.append('publishedAt', '2025-02-30');
    const { status, body } = await post(form);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/publishedAt/);
  });
});
