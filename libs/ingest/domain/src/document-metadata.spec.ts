import { readDocumentMetadata } from './document-metadata';

describe('readDocumentMetadata', () => {
  it('reads the publication date and source from a leading "date YYYY-MM-DD URL" line', () => {
    const text =
      ' date 2025-10-28 https://example.org/story-1\n\nUS, Japan Sign Framework Deal\n\nBody text.';
    expect(readDocumentMetadata(text)).toEqual({
      publishedAt: '2025-10-28',
      sourceUrl: 'https://example.org/story-1',
      title: 'US, Japan Sign Framework Deal',
    });
  });

  it('takes the first short line as the title when there is no metadata line', () => {
    expect(
      readDocumentMetadata(
        'Framework on Critical Minerals\n\nThe Participants intend to cooperate.',
      ),
    ).toEqual({
      publishedAt: null,
      sourceUrl: null,
      title: 'Framework on Critical Minerals',
    });
  });

  it('does not mistake a first sentence for a title', () => {
    expect(readDocumentMetadata('The parties shall meet within 30 days.').title).toBeNull();
  });

  it('does not mistake a date line without the keyword for metadata', () => {
    expect(readDocumentMetadata('2025-10-28\nHeadline').publishedAt).toBeNull();
  });

  it('handles an empty document', () => {
    expect(readDocumentMetadata('  \n ')).toEqual({
      title: null,
      publishedAt: null,
      sourceUrl: null,
    });
  });
});
