import { convertDocx } from './docx-to-text';
import { buildDocx } from './office-documents.fixture';

describe('convertDocx', () => {
  it('reads each paragraph, separated by blank lines, and the title from the core properties', async () => {
    const converted = await convertDocx(
      await buildDocx({
        title: 'Draft Memorandum',
        paragraphs: ['Draft Memorandum', 'The Parties shall  meet within 30 days.', '', 'End.'],
      }),
    );
    expect(converted).toEqual({
      text: 'Draft Memorandum\n\nThe Parties shall meet within 30 days.\n\nEnd.',
      pages: null,
      metadata: { title: 'Draft Memorandum', publishedAt: null, sourceUrl: null, language: null },
    });
  });

  it('leaves the title empty when the document has none', async () => {
    const converted = await convertDocx(await buildDocx({ paragraphs: ['Only text.'] }));
    expect(converted.metadata.title).toBeNull();
  });

  it('refuses a ZIP that is not a Word document, saying why', async () => {
    await expect(convertDocx(Buffer.from('PK\u0003\u0004 broken'))).rejects.toThrow(
      /^not a readable DOCX: /,
    );
  });
});
