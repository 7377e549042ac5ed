import { PayloadTooLargeException } from '@nestjs/common';
import { Readable } from 'node:stream';

import { uploadBody } from './upload-body';

function request(chunks: Buffer[], body?: unknown): Readable & { body?: unknown } {
  return Object.assign(Readable.from(chunks), body === undefined ? {} : { body });
}

describe('the body an upload sends on to ingest', () => {
  it('is the bytes of a body no parser read, a PDF or text in its own charset, unchanged', async () => {
    const pdf = Buffer.from('%PDF-1.7\n\u00e2\u00e3\u00cf\u00d3\n', 'latin1');
    const windows1252 = Buffer.from("Les Parties se réuniront à Genève avant l'été.", 'latin1');
    expect(await uploadBody(request([pdf.subarray(0, 5), pdf.subarray(5)]))).toEqual(pdf);
    expect(await uploadBody(request([windows1252]))).toEqual(windows1252);
  });

  it('is the JSON the platform parsed, written out again', async () => {
    expect(await uploadBody(request([], { text: 'The Parties shall meet.' }))).toBe(
      '{"text":"The Parties shall meet."}',
    );
  });

  it('is refused with 413 past the limit', async () => {
    await expect(
      uploadBody(request([Buffer.alloc(600), Buffer.alloc(600)]), 1_000),
    ).rejects.toThrow(PayloadTooLargeException);
  });
});
