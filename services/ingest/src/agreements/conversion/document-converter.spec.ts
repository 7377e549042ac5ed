import { UnreadableDocumentError, convertDocument } from '@dealwatch/ingest/domain';
import { buildPdf, longPdf } from '@dealwatch/ingest/domain/testing';

import { DocumentConverter, INLINE_TEXT_BYTES, TextTooLongError } from './document-converter';

function converterWith(heapMb: number, timeoutMs: number): DocumentConverter {
  return new DocumentConverter({
    INGEST_CONVERSION_HEAP_MB: heapMb,
    INGEST_CONVERSION_TIMEOUT_MS: timeoutMs,
  });
}

async function refusal(converting: Promise<unknown>): Promise<string> {
  const error: unknown = await converting.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  return (error as UnreadableDocumentError).reason;
}

const agreementPdf = () =>
  buildPdf({
    pages: [[['The Parties shall meet within 180 days.']], [['Financing within six months.']]],
    title: 'Framework',
  });

describe('DocumentConverter', () => {
  const converters: DocumentConverter[] = [];
  const converter = (heapMb = 256, timeoutMs = 30_000) => {
    const made = converterWith(heapMb, timeoutMs);
    converters.push(made);
    return made;
  };

  afterAll(async () => {
    await Promise.all(converters.map((made) => made.onModuleDestroy()));
  });

  // Tests with threads, a 2,000-page PDF or a heap filled to its cap take seconds, more on a busy
  // machine (over Jest's 5 s default in a CI run): they hold the answer, not the time, so wait.
  it('converts in a thread exactly as in place', async () => {
    const pdf = await agreementPdf();
    const html = Buffer.from(
      '<html lang="en"><body><h1>Deal</h1><p>Pay within 30 days.</p></body></html>',
    );
    const largeText = Buffer.from('The Parties shall report within 30 days.\n'.repeat(10_000));
    expect(largeText.byteLength).toBeGreaterThan(INLINE_TEXT_BYTES);
    const threads = converter();

    expect(await threads.convert('pdf', pdf, 'application/pdf')).toEqual(
      await convertDocument('pdf', pdf),
    );
    expect(await threads.convert('html', html, 'text/html')).toEqual(
      await convertDocument('html', html, 'text/html'),
    );
    expect(await threads.convert('text', largeText, 'text/plain')).toEqual(
      await convertDocument('text', largeText, 'text/plain'),
    );
  }, 30_000);

  it('passes a thread’s refusal on with its reason', async () => {
    const reason = await refusal(
      converter().convert('pdf', Buffer.from('%PDF-1.7 not really'), 'application/pdf'),
    );
    expect(reason).toMatch(/PDF/);
  });

  it('refuses a document that needs more memory than a conversion may use, and goes on', async () => {
    const threads = converter(64);
    const reason = await refusal(threads.convert('pdf', await longPdf(2_000), 'application/pdf'));
    expect(reason).toBe(
      'converting the document needs more than the 64 MB of memory a document may use: send it in parts',
    );

    const text = Buffer.from('The Parties shall meet within 180 days.\n'.repeat(10_000));
    expect(text.byteLength).toBeGreaterThan(INLINE_TEXT_BYTES);
    const after = await threads.convert('text', text, 'text/plain');
    expect(after.text).toContain('The Parties shall meet within 180 days.');
  }, 30_000);

  it('refuses a document that takes longer than allowed', async () => {
    // Starting a thread alone takes longer than 1 ms.
    const reason = await refusal(
      converter(256, 1).convert('pdf', await agreementPdf(), 'application/pdf'),
    );
    expect(reason).toBe(
      'converting the document takes longer than the 0.001 s a document may: send it in parts',
    );
  });

  it.each([
    ['in place', 'The Parties shall report within 30 days.\n'.repeat(100)],
    ['in a thread', 'The Parties shall report within 30 days.\n'.repeat(10_000)],
  ])('refuses a text longer than the caller can use, converted %s', async (_where, text) => {
    const bytes = Buffer.from(text);
    const error: unknown = await converter()
      .convert('text', bytes, 'text/plain', { maxTextBytes: 1_000 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TextTooLongError);
    expect((error as TextTooLongError).textBytes).toBe(
      Buffer.byteLength((await convertDocument('text', bytes, 'text/plain')).text),
    );
  });

  it('converts small plain text in place, without waiting for a thread', async () => {
    const text = Buffer.from('The Parties shall meet within 180 days.');
    expect(await converter(256, 1).convert('text', text, 'text/plain')).toEqual(
      await convertDocument('text', text, 'text/plain'),
    );
  });
});
