import { convertDocument, detectFormat } from './convert-document';
import { buildPdf } from './office-documents.fixture';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('detectFormat', () => {
  it.each([
    ['text/plain; charset=utf-8', 'text'],
    ['text/html', 'html'],
    ['application/xhtml+xml', 'html'],
    ['application/pdf', 'pdf'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ])('trusts a declared %s', (mediaType, format) => {
    expect(detectFormat(mediaType, bytes('anything'))).toBe(format);
  });

  it('refuses a declared type it cannot read', () => {
    expect(detectFormat('image/png', bytes('%PDF-1.7'))).toBeNull();
  });

  it('goes by the file name when the type is generic', () => {
    expect(detectFormat('application/octet-stream', bytes('x'), 'Framework.PDF')).toBe('pdf');
  });

  it.each([
    ['%PDF-1.7 ...', 'pdf'],
    ['PK\u0003\u0004...', 'docx'],
    ['\n<!DOCTYPE html><html>', 'html'],
    ['<html lang="en">', 'html'],
    ['The parties agree.', 'text'],
    ['\u0000\u0001binary', null],
  ])('recognises %j by its first bytes when nothing is declared', (head, format) => {
    expect(detectFormat(null, bytes(head))).toBe(format);
  });
});

describe('convertDocument', () => {
  it('normalises plain text, reads its metadata line and headline, and drops the metadata line', async () => {
    const converted = await convertDocument(
      'text',
      Buffer.from(' date 2025-10-28 https://example.org/a\r\n\r\nHeadline\r\n\r\nBody.\r\n'),
    );
    expect(converted).toEqual({
      text: 'Headline\n\nBody.',
      pages: null,
      metadata: {
        title: 'Headline',
        publishedAt: '2025-10-28',
        sourceUrl: 'https://example.org/a',
        language: null,
      },
    });
  });

  it('keeps page spans inside the normalised text', async () => {
    const converted = await convertDocument('pdf', await buildPdf({ pages: [[['One.']], []] }));
    expect(converted.text).toBe('One.');
    expect(converted.pages).toEqual([
      { page: 1, start: 0, end: 4 },
      { page: 2, start: 4, end: 4 },
    ]);
  });
});
