import { readRenewal } from './renewal-terms';

describe('renewal terms', () => {
  it('reads successive renewal periods', () => {
    expect(
      readRenewal([
        'Thereafter the term shall automatically renew for consecutive periods of two (2) years each.',
      ]).period,
    ).toBe('P2Y');
  });

  it('reads "from year to year thereafter" as a yearly renewal', () => {
    expect(
      readRenewal(['This Agreement shall continue for one year and from year to year thereafter.'])
        .period,
    ).toBe('P1Y');
  });

  it('reads a renewal counted in periods added ("two additional years", "one (1) further year")', () => {
    expect(
      readRenewal(['The Lease shall automatically renew for two additional years.']).period,
    ).toBe('P2Y');
    expect(
      readRenewal(["The term may be extended by one (1) further year at the tenant's option."])
        .period,
    ).toBe('P1Y');
  });

  it('reads a successor franchise as the renewal, with the notice before expiry to obtain it', () => {
    const reading = readRenewal([
      'On expiry the Franchisee may obtain a successor franchise for a term of seven (7) years by giving at least nine (9) months notice prior to the expiration of the term.',
    ]);
    expect(reading.period).toBe('P7Y');
    expect(reading.notice).toBe('P9M');
  });

  it('does not take "extend for a period of five years" for a renewal', () => {
    expect(
      readRenewal(['This Agreement shall extend for a period of five (5) years thereafter.'])
        .period,
    ).toBeNull();
  });

  it('reads the notice before expiry that stops a renewal', () => {
    expect(
      readRenewal([
        "Unless either party gives at least ninety days' prior written notice that it has elected not to extend the term, the term will be automatically extended.",
      ]).notice,
    ).toBe('P90D');
  });

  it('reads a notice to be given before the expiry date of the agreement as the one stopping renewal', () => {
    expect(
      readRenewal([
        'The Contract renews every year.',
        'Either party may end it before the expiry date of the Contract upon two months written notice.',
      ]).notice,
    ).toBe('P2M');
  });

  it('takes an automatic renewal that states no period for another term like the first', () => {
    expect(
      readRenewal(['The Lease runs for two years and renews automatically on the same conditions.'])
        .sameAsInitial,
    ).toBe(true);
  });

  it('calls an automatic renewal for an unlimited period after a fixed term evergreen', () => {
    const reading = readRenewal([
      'The Licence lasts for eight years and thereafter automatically renews for an unlimited period.',
    ]);
    expect(reading.evergreen).toBe(true);
    expect(reading.sameAsInitial).toBe(false);
  });

  it('needs a fixed term before "thereafter until terminated" to call it evergreen', () => {
    expect(
      readRenewal([
        'The Agreement shall continue for ten (10) years and thereafter until terminated by either party.',
      ]).evergreen,
    ).toBe(true);
    expect(
      readRenewal([
        '"Term" means the period commencing on the Effective Date and continuing thereafter indefinitely until terminated.',
      ]).evergreen,
    ).toBe(false);
  });

  it('reads "one or more annual periods" as a yearly renewal, not the notice beside it', () => {
    expect(
      readRenewal([
        'This Agreement will automatically renew for one or more annual periods unless either party gives notice of non-renewal at least one hundred eighty (180) days prior to the beginning of any Renewal Term.',
      ]),
    ).toMatchObject({ period: 'P1Y', notice: 'P180D' });
  });

  it('reads additional terms as renewals', () => {
    expect(
      readRenewal([
        'You will have the option to continue for two (2) additional terms of ten (10) years each.',
      ]).period,
    ).toBe('P10Y');
  });

  it('does not take a window to decide for the renewal period', () => {
    expect(
      readRenewal([
        'Unless Customer notifies Supplier of its intent not to renew within a period of three (3) months following the Renewal Notice, this Agreement shall automatically renew on the same terms for one (1) twelve-month period.',
      ]).period,
    ).toBe('P12M');
  });

  it('marks a renewal as long as the initial term', () => {
    expect(
      readRenewal([
        'This Agreement shall automatically renew for successive terms of the same duration.',
      ]).sameAsInitial,
    ).toBe(true);
  });

  it('prefers the notice of non-renewal to a notice to renew', () => {
    expect(
      readRenewal([
        'You must give us written notice of your desire to renew at least six (6) months but not more than twelve (12) months prior to the end of the term.',
        'We shall give you written notice of our election not to renew at least three (3) months prior to the expiration of the initial term.',
      ]).notice,
    ).toBe('P3M');
  });

  it('reads a notice due before the term ends, in a sentence of its own', () => {
    expect(
      readRenewal([
        'Such notice must be given ninety (90) days prior to expiration of the original term.',
      ]).notice,
    ).toBe('P90D');
  });
});
