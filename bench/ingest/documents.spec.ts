import { convertDocument, fingerprintOf, sameDeal } from '@dealwatch/ingest/domain';

import { agreementPdf, articleText, dealOf, newsPage, otherOutletText } from './documents';
import { quantile, throughput } from './figures';

describe('the bench documents', () => {
  it('are the same on every run', () => {
    expect(dealOf(7)).toEqual(dealOf(7));
    expect(newsPage(dealOf(7))).toBe(newsPage(dealOf(7)));
  });

  it('are news pages whose noise the HTML converter drops, so the bench times real work', async () => {
    const deal = dealOf(3);
    const { text } = await convertDocument('html', Buffer.from(newsPage(deal)));
    expect(text).toContain(`${deal.parties[0]} and ${deal.parties[1]} signed on ${deal.signed}`);
    for (const noise of [
      'Share on X',
      'world section 3',
      'about section 12',
      'All rights reserved',
      'Markets close mixed',
    ]) {
      expect(text).not.toContain(noise);
    }
  });

  it('include PDFs with a text layer on every page asked for', async () => {
    const converted = await convertDocument('pdf', Buffer.from(await agreementPdf(dealOf(5), 3)));
    expect(converted.pages?.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(converted.text).toContain('Page 3 of 3');
  });

  it('give two outlets’ reports of one deal that link, and reports of different deals that do not', () => {
    const deals = Array.from({ length: 20 }, (_, index) => dealOf(index + 1));
    const reports = deals.map((deal) => fingerprintOf(articleText(deal)));
    const others = deals.map((deal) => fingerprintOf(otherOutletText(deal)));
    const links: string[] = [];
    reports.forEach((report, i) => {
      others.forEach((other, j) => {
        if (sameDeal(report, other)) links.push(`${i + 1}~${j + 1}`);
      });
    });
    // Only each deal with itself: 1~1 .. 20~20.
    expect(links).toEqual(deals.map((_, index) => `${index + 1}~${index + 1}`));
  });
});

describe('figures', () => {
  it('takes quantiles by nearest rank', () => {
    // Sorted 1..5: the median is rank ceil(0.5 * 5) = 3, p99 rank ceil(4.95) = 5.
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.99)).toBe(5);
  });

  it('states throughput per second of documents and of megabytes', () => {
    // 100 documents, 2 MB in 0.5 s.
    expect(throughput(100, 2_000_000, 500)).toBe('200.0 documents/s, 4.00 MB/s');
  });
});
