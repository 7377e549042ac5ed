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
    ['The EU will remove duties on Indian textiles within 12 months.', 'trade-measure'],
    ['India will cut import duties on wine.', 'trade-measure'],
    ['Germany will provide up to EUR 300 million through its programme.', 'financing'],
    ['The partners will mobilise USD 2 billion for new mines.', 'financing'],
    ['The two governments will hold annual energy dialogues.', 'meeting'],
    ['The two sides will hold trade talks by 2027.', 'meeting'],
    ['Licensee shall deliver an audited statement of Net Sales.', 'reporting'],
    ['Seller shall deliver the first additional cargo by June.', 'delivery'],
    ['Japan will buy 100 Boeing aircraft.', 'delivery'],
    ['Chile will also meet its 2025 emission targets.', 'other'],
    ['Vietnam will provide preferential market access for U.S. exports.', 'trade-measure'],
    // Duties of a party are its obligations, not a trade measure.
    ['The Agent shall perform its duties with reasonable care.', 'other'],
    ['Halvorsen intends to finance the transaction.', 'financing'],
    ['give each other early notice of projects and tenders', 'notice'],
    ['The two bodies are expected to conclude a separate agreement.', 'other'],
  ])('%s -> %s', (clause, category) => {
    expect(of(clause)).toBe(category);
  });

  it('files a clause spanning three or more areas under "other" when its verb names none', () => {
    expect(
      categorise(
        'step up efforts, leveraging financial support, trade measures, and stockpiling',
        'step up efforts',
      ),
    ).toBe('other');
  });

  it('files a clause spanning two areas under the one its verb phrase names', () => {
    // body-establishment ("establish ... Council") and meeting ("meet").
    const clause =
      'The parties shall establish a Trade Council, which will meet for the first time within one year.';
    expect(categorise(clause, 'establish a Trade Council')).toBe('body-establishment');
    // A verb phrase naming neither keeps the first area's rule.
    expect(categorise(clause, 'do so')).toBe('meeting');
  });

  it('files a clause spanning three or more areas by what its verb phrase does', () => {
    // closing ("expected to close"), payment ("tranche") and meeting ("general meeting").
    const clause =
      'The second tranche is expected to close within ten days after the annual general meeting.';
    expect(categorise(clause, 'close the second tranche')).toBe('closing');
  });

  it.each([
    [
      'The Participants intend to establish a U.S.-Japan Rapid Response Group, led by the Secretary of Energy.',
      'body-establishment',
    ],
    [
      'For ten years the fund will pay no dividends, and its income will be reinvested.',
      'investment',
    ],
    ['The Licensee shall disclose each Improvement to the Licensor in writing.', 'notice'],
    [
      'coordinate against unfair trade practices, including marketplaces in which those meeting the standards may trade',
      'trade-measure',
    ],
  ])('%s -> %s', (clause, category) => {
    expect(of(clause)).toBe(category);
  });

  it('does not take keeping information confidential for a notice', () => {
    expect(of('The Licensee shall not disclose the Know-How to any third party.')).toBe('other');
  });
});
