import { convertHtml } from './html-to-text';
import { newsPageHtml } from './news-page.fixture';

describe('convertHtml', () => {
  const page = convertHtml(newsPageHtml());

  it('keeps the headline and the article paragraphs, separated by blank lines', () => {
    expect(page.text).toBe(
      [
        'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals',
        'US President Donald Trump and Japanese Prime Minister Sanae Takaichi signed on Tuesday a framework agreement aimed at ensuring a stable supply of critical minerals and rare earth elements.',
        'The two countries will jointly select priority projects, provide financing within six months, and create new mechanisms to attract private investment, the agreement read.',
        'A bilateral ministerial meeting is scheduled within 180 days to set investment priorities, while both nations aim to simplify and speed up the permitting process for mining and processing.',
      ].join('\n\n'),
    );
  });

  it.each([
    ['navigation', 'Opinion'],
    ['the byline', 'Jane Reporter'],
    ['image URLs', 'cdn.example.org'],
    ['tag lists', 'rare-earth metals'],
    ['share bars', 'Share on'],
    ['related links', 'Asia tour'],
    ['the footer', 'All rights reserved'],
  ])('drops %s', (_noise, fragment) => {
    expect(page.text).not.toContain(fragment);
  });

  it('reads the title, publication date, canonical URL and language from the page', () => {
    expect(page.metadata).toEqual({
      title: 'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals',
      publishedAt: '2025-10-28',
      sourceUrl: 'https://news.example.org/20251028/us-japan-framework.html',
      language: 'en',
    });
    expect(page.pages).toBeNull();
  });

  it('falls back to <title> and leaves missing metadata empty', () => {
    const bare = convertHtml(
      '<html><head><title> Memorandum  of Understanding </title></head><body><p>The Parties shall meet within 30 days of signature, and shall exchange the lists of projects they intend to support before that meeting takes place in the capital.</p></body></html>',
    );
    expect(bare.metadata).toEqual({
      title: 'Memorandum of Understanding',
      publishedAt: null,
      sourceUrl: null,
      language: null,
    });
    expect(bare.text).toBe(
      'Memorandum of Understanding\n\nThe Parties shall meet within 30 days of signature, and shall exchange the lists of projects they intend to support before that meeting takes place in the capital.',
    );
  });

  it('collapses the spacing and line breaks of the markup inside a paragraph', () => {
    const text = convertHtml(
      newsPageHtml({ paragraphs: ['Financing  will be\n   provided <b>within six months</b>.'] }),
    ).text;
    expect(text).toContain('\n\nFinancing will be provided within six months.');
  });

  it("keeps a table row's cells apart, a row a paragraph", () => {
    const { text } = convertHtml(
      `<html><body><article><h1>Milestones</h1><p>${'The grant funds a refinery and its milestones are listed below. '.repeat(4)}</p><table><tr><th>Milestone</th><th>Target date</th></tr><tr><td>Financial close</td><td> 30 June 2026 </td></tr></table></article></body></html>`,
    );
    expect(text.split('\n\n').slice(-2)).toEqual([
      'Milestone | Target date',
      'Financial close | 30 June 2026',
    ]);
  });

  it('drops a paragraph that is only a URL, as scraped image captions are', () => {
    const text = convertHtml(
      newsPageHtml({
        paragraphs: [
          'The Participants will meet within 180 days of signature to choose the projects they finance.',
          'https://cdn.example.org/img/07e9/0a/0d/1122955493.jpg',
          'Financing follows within six months of signature, with grants, loans and guarantees.',
        ],
      }),
    ).text;
    expect(text).not.toContain('cdn.example.org');
    expect(text).toContain('signature to choose the projects they finance.\n\nFinancing follows');
  });

  it('ignores a date that is not a calendar date', () => {
    const page = convertHtml(
      '<html><head><meta property="article:published_time" content="2025-02-30"></head><body><p>x</p></body></html>',
    );
    expect(page.metadata.publishedAt).toBeNull();
  });
});
