import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { convertDocument } from './convert-document';
import { lineNoise, stripPageNoise } from './scraped-page';

const article =
  'The two governments signed on Tuesday a framework agreement on the supply of critical minerals.';

describe('lineNoise', () => {
  it.each([
    ['date 2025-10-28 https://example.org/story', 'metadata'],
    ['https://cdn.example.org/img/1122955493_0:103:3072:1830_1920x0.jpg', 'url'],
    ['www.example.org/related-story', 'url'],
    ['2025-10-28T04:44+0000', 'timestamp'],
    ['2025-10-28 04:44:00Z', 'timestamp'],
    ['Example News desk@example.org +44 20 7946 0958', 'contact'],
    ['rare-earth metals', 'fragment'],
    ['asia', 'fragment'],
    ['1920 1080 true', 'fragment'],
    ['en_EN', 'fragment'],
    ['rare earths, critical minerals, prime minister, bilateral relations', 'keyword-list'],
  ])('%s is %s', (line, kind) => {
    expect(lineNoise(line)).toBe(kind);
  });

  it.each([
    article,
    'Notices shall be sent to legal@example.org or by fax to +44 20 7946 0958.',
    'Signed.',
    'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals, Rare Earths',
  ])('reads "%s" as prose', (line) => {
    expect(lineNoise(line)).toBeNull();
  });
});

describe('stripPageNoise', () => {
  const page = [
    'date 2025-10-28 https://example.org/story',
    '',
    'Two States Sign a Minerals Framework',
    '',
    'Two States Sign a Minerals Framework',
    '',
    'Example News',
    '',
    article,
    '',
    '2025-10-28T04:44+0000',
    '',
    'minerals',
    '',
    'https://cdn.example.org/img/photo.jpg',
    '',
    'Financing will be provided within six months.',
    '',
    'https://example.org/related-story',
    '',
    'Example News desk@example.org +44 20 7946 0958',
    '',
    'minerals, trade, framework agreement',
  ].join('\n');

  it('keeps the headline once and the prose, one paragraph per line', () => {
    expect(stripPageNoise(page)).toBe(
      [
        'Two States Sign a Minerals Framework',
        article,
        'Financing will be provided within six months.',
      ].join('\n\n'),
    );
  });

  it('takes two scraper marks as a scraped page even without a metadata line', () => {
    const text = [article, 'Label', 'https://example.org/a', '2025-10-28'].join('\n');
    expect(stripPageNoise(text)).toBe(article);
  });

  it('leaves any other text exactly as it is, headings and repeated lines included', () => {
    const contract = [
      'SUPPLY AGREEMENT',
      '',
      'Article 1',
      'The Supplier shall deliver within 30 days.',
      '',
      'Article 1',
      'https://example.org/terms',
    ].join('\n');
    expect(stripPageNoise(contract)).toBe(contract);
  });

  it('gives the seed page nothing but its headline and its two paragraphs', async () => {
    const seed = readFileSync(resolve(__dirname, '../../../../../samples/seed-us-japan.txt'));
    const { text, metadata } = await convertDocument('text', seed);
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(metadata.title);
    expect(text).toContain('provide financing within six months');
    expect(text).toContain('scheduled within 180 days');
    expect(text).not.toMatch(/https?:|@|2025-10-28T|\n\n(asia|japan|tokyo)\n/);
    // The metadata line is gone from the text, but what it said is still read.
    expect(metadata).toMatchObject({ publishedAt: '2025-10-28', sourceUrl: expect.any(String) });
  });
});
