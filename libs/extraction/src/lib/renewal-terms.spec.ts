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
});
