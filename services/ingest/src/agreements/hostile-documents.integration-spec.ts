import { MAX_EVENT_VALUE_BYTES } from '@dealwatch/contracts';
import { buildPdf, deeplyNestedHtml, zipBomb } from '@dealwatch/ingest/domain/testing';
import {
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  fuzzScale,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { startIngest } from '../testing/start-ingest';

const namespace = createTestNamespace('ingest-hostile');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MiB = 1024 * 1024;
const scale = fuzzScale();

interface StoredAgreement {
  text: string;
  pages: { page: number; start: number; end: number }[] | null;
}

describe('ingest facing hostile documents through POST /v1/agreements', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    ({ app, base } = await startIngest(namespace));
  });

  afterAll(async () => {
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

  it('takes a 500-page PDF and keeps where each page lies in its text', async () => {
    const pages = Array.from({ length: 500 }, (_, index) => [
      [`Page ${index + 1}`],
      [`The Parties shall report on Article ${index + 1} within 30 days.`],
    ]);
    const { status, body } = await post(await buildPdf({ pages }), 'application/pdf');
    expect(status).toBe(202);

    const agreement = await stored(body['id']);
    expect(agreement.pages).toHaveLength(500);
    const last = agreement.pages![499]!;
    expect(agreement.text.slice(last.start, last.end)).toBe(
      'Page 500\n\nThe Parties shall report on Article 500 within 30 days.',
    );
  }, 60_000);

  it('refuses a PDF of more pages than any agreement with 422 and why', async () => {
    const pages = Array.from({ length: 2_001 }, (_, index) => [[`p${index + 1}`]]);
    const { status, body } = await post(await buildPdf({ pages }), 'application/pdf');
    expect({ status, message: body['detail'] }).toEqual({
      status: 422,
      message: 'the PDF has 2001 pages, more than the 2000 a document may: send it in parts',
    });
  }, 60_000);

  it('refuses a zip bomb named .docx with 422 and why, without expanding it', async () => {
    const form = new FormData();
    const bomb = zipBomb((scale > 1 ? 4000 : 1024) * MiB);
    form.append('file', new Blob([bomb], { type: DOCX }), 'contract.docx');
    const { status, body } = await post(form);
    expect({ status, message: body['detail'] }).toEqual({
      status: 422,
      message: expect.stringMatching(
        /^the DOCX expands to \d+ bytes .* refused unread as a zip bomb$/,
      ),
    });
  });

  it('refuses a zip bomb that lies about its size with 422 and why', async () => {
    const { status, body } = await post(zipBomb(256 * MiB, 4_096), DOCX);
    expect({ status, message: body['detail'] }).toEqual({
      status: 422,
      message:
        'word/document.xml in the DOCX inflates past the 4096 bytes its archive declares: refused as a zip bomb',
    });
  });

  it('refuses HTML nested 100,000 deep with 422 naming the depth, and reads a normally nested page with scripts', async () => {
    const deep = await post(deeplyNestedHtml(100_000 * scale), 'text/html');
    expect({ status: deep.status, message: deep.body['detail'] }).toEqual({
      status: 422,
      message: expect.stringMatching(/^the HTML nests elements more than 256 deep/),
    });

    const normal = await post(deeplyNestedHtml(200), 'text/html');
    expect(normal.status).toBe(202);
    const { text } = await stored(normal.body['id']);
    expect(text).toContain('The Parties shall hold a ministerial meeting within 180 days');
    expect(text).not.toMatch(/while|document\.write/);
  });

  it('reads text in the charset it declares or its byte order mark says, in any script', async () => {
    const japanese = '両国は六か月以内に重要鉱物の供給について協議する。';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(japanese, 'utf16le')]);
    const fromUtf16 = await post(utf16, 'text/plain');
    expect(fromUtf16.status).toBe(202);
    expect((await stored(fromUtf16.body['id'])).text).toBe(japanese);

    const french = "Les Parties se réuniront à Genève avant l'été.";
    const windows1252 = await post(
      Buffer.from(french, 'latin1'),
      'text/plain; charset=windows-1252',
    );
    expect(windows1252.status).toBe(202);
    expect((await stored(windows1252.body['id'])).text).toBe(french);

    const quebec = 'Le Comité mixte se réunira à Québec chaque trimestre, dès la rentrée.';
    const inJson = await post(
      JSON.stringify({
        document: Buffer.from(quebec, 'latin1').toString('base64'),
        mediaType: 'text/plain; charset=windows-1252',
      }),
      'application/json',
    );
    expect(inJson.status).toBe(202);
    expect((await stored(inJson.body['id'])).text).toBe(quebec);

    const arabic = 'ستقدم الدولتان التمويل خلال ستة أشهر من توقيع الاتفاق.';
    const utf8 = await post(Buffer.from(arabic), 'text/plain');
    expect((await stored(utf8.body['id'])).text).toBe(arabic);
  });

  it('refuses bytes that are not UTF-8 when no charset is declared, with 422 saying where', async () => {
    const latin1 = Buffer.from('Les Parties se réuniront.', 'latin1');
    const { status, body } = await post(latin1, 'text/plain');
    expect({ status, message: body['detail'] }).toEqual({
      status: 422,
      message: expect.stringMatching(/^the document is not valid UTF-8 \(at byte 16\)/),
    });
  });

  it('refuses with 413 a text whose announcement would be over the event size limit', async () => {
    const text = 'The Parties shall meet within 30 days. '.repeat(
      Math.ceil(MAX_EVENT_VALUE_BYTES / 39) + 1,
    );
    const { status, body } = await post(Buffer.from(text), 'text/plain');
    expect({ status, message: body['detail'] }).toEqual({
      status: 413,
      message: expect.stringMatching(
        new RegExp(`over the ${MAX_EVENT_VALUE_BYTES} an event may carry: send it in parts$`),
      ),
    });
  });
});
