import { UnreadableDocumentError } from './converted-document';
import { buildPdf, buildScannedPdf } from './office-documents.fixture';
import { convertPdf } from './pdf-to-text';

describe('convertPdf', () => {
  it('reads the text layer page by page, keeping lines and paragraph breaks', async () => {
    const bytes = await buildPdf({
      pages: [
        [
          ['Framework on Critical Minerals'],
          ['Section 1.', 'The Participants will meet within', '180 days.'],
        ],
        [['Section 2.', 'Financing within six months.']],
      ],
    });
    const { text } = await convertPdf(bytes);
    expect(text).toBe(
      'Framework on Critical Minerals\n\nSection 1.\nThe Participants will meet within\n180 days.' +
        '\n\nSection 2.\nFinancing within six months.',
    );
  });

  it('maps every page to its span of the text, so evidence can be cited by page', async () => {
    const { text, pages } = await convertPdf(
      await buildPdf({ pages: [[['First page.']], [['Second page.']], [['Third page.']]] }),
    );
    expect(pages).toEqual([
      { page: 1, start: 0, end: 11 },
      { page: 2, start: 13, end: 25 },
      { page: 3, start: 27, end: 38 },
    ]);
    expect(pages?.map(({ start, end }) => text.slice(start, end))).toEqual([
      'First page.',
      'Second page.',
      'Third page.',
    ]);
  });

  it('reads title, language and creation date from the document information', async () => {
    const { metadata } = await convertPdf(
      await buildPdf({
        pages: [[['Text.']]],
        title: 'Memorandum of Cooperation',
        language: 'en-US',
        createdAt: new Date('2025-10-27T15:00:00Z'),
      }),
    );
    expect(metadata).toEqual({
      title: 'Memorandum of Cooperation',
      publishedAt: '2025-10-27',
      sourceUrl: null,
      language: 'en-US',
    });
  });

  it('refuses a PDF without a text layer, saying why', async () => {
    await expect(convertPdf(await buildScannedPdf())).rejects.toThrow(
      new UnreadableDocumentError(
        'the PDF has no text layer (a scanned image?); run it through OCR and send the result',
      ),
    );
  });

  it('refuses bytes that are not a PDF, saying why', async () => {
    await expect(convertPdf(Buffer.from('%PDF-1.7\nnot really'))).rejects.toThrow(
      /^not a readable PDF: /,
    );
  });
});
