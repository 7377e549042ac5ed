import { findCompanyParties, findCountryParties } from './parties';
import { splitLines } from './sentences';

const companies = (text: string) => findCompanyParties(text, splitLines(text));

describe('parties', () => {
  it('reads legal names before their defined short names', () => {
    expect(
      companies(
        '(1) HEDDON SEPARATION TECHNOLOGIES LIMITED, a company incorporated in England and Wales, whose registered office is at Unit 4 (the "Licensor"); and\n(2) NORRLAND MAGNET RECYCLING AB, a company incorporated in Sweden (the "Licensee").',
      ),
    ).toEqual(['Heddon Separation Technologies Limited', 'Norrland Magnet Recycling AB']);
  });

  it('reads facility-agreement parties written as "NAME / as Borrower"', () => {
    expect(
      companies(
        'between\n\nKESTREL BAY LITHIUM CORP.\nas Borrower\n\nand\n\nOSTRANDER BANK\nas Lender',
      ),
    ).toEqual(['Kestrel Bay Lithium Corp.', 'Ostrander Bank']);
  });

  it('folds country aliases and reads "Government of the Republic of X"', () => {
    expect(findCountryParties(['US, Japan Sign Framework Deal'])).toEqual([
      'United States',
      'Japan',
    ]);
    expect(
      findCountryParties([
        'Agreement between the Government of the Republic of Norvania and the Government of the Kingdom of Esterland',
      ]),
    ).toEqual(['Norvania', 'Esterland']);
  });

  it('takes a capital as a party only where it acts, not where it is a place', () => {
    expect(findCountryParties(['US sets quarterly talks with Kuala Lumpur'])).toEqual([
      'United States',
      'Malaysia',
    ]);
    expect(findCountryParties(['signing ceremony in Tokyo'])).toEqual([]);
  });
});
