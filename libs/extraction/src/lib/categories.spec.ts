import { categorise } from './categories';

const of = (clause: string) => categorise(clause, clause);

describe('categories', () => {
  it.each([
    ['Buyer shall pay each undisputed invoice within thirty (30) days.', 'payment'],
    ['A bilateral ministerial meeting is scheduled within 180 days.', 'meeting'],
    ['Seller shall deliver to Buyer quarterly reports on production.', 'reporting'],
    ['Seller shall deliver the first Shipment of Product to Buyer.', 'delivery'],
    ['The transaction is expected to close in the first half of 2026.', 'closing'],
    ['The Participants intend to establish a Joint Committee.', 'body-establishment'],
    ['exploring complementary stockpiling strategies', 'stockpiling'],
    ['Cooperation will also cover joint geological mapping', 'mapping'],
    ['The Borrower shall obtain the Environmental Authorisation.', 'permitting'],
    ['act together against unfair trade practices', 'trade-measure'],
    ['Halvorsen intends to finance the transaction.', 'financing'],
    ['give each other early notice of projects and tenders', 'notice'],
    ['The two bodies are expected to conclude a separate agreement.', 'other'],
  ])('%s -> %s', (clause, category) => {
    expect(of(clause)).toBe(category);
  });

  it('files a clause spanning three or more areas under "other"', () => {
    expect(
      of('step up efforts, leveraging financial support, trade measures, and stockpiling'),
    ).toBe('other');
  });
});
