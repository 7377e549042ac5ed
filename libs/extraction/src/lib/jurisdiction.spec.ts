import { holidayCountry } from './jurisdiction';

describe('whose holidays a business-day count skips', () => {
  it('takes a US state named as the governing law as the United States', () => {
    expect(
      holidayCountry('This Agreement is governed by the laws of the State of New York.', []),
    ).toBe('US');
  });

  it('takes England and Wales as the United Kingdom', () => {
    expect(holidayCountry('This Licence is governed by the laws of England and Wales.', [])).toBe(
      'GB',
    );
  });

  it('takes the first party country when no law is stated', () => {
    expect(holidayCountry('The Participants will meet.', ['Japan', 'United States'])).toBe('JP');
  });

  it('takes the place a company is incorporated in when no law is stated', () => {
    expect(
      holidayCountry('Alpha Minerals Ltd, a company incorporated in Australia, shall deliver.', [
        'Alpha Minerals Ltd',
      ]),
    ).toBe('AU');
  });

  it('takes the country of the one national currency the text counts in', () => {
    expect(holidayCountry('The Funder will pay a grant of up to GBP 12,500,000.', [])).toBe('GB');
    expect(holidayCountry('A$50 million and GBP 10 million will be paid.', [])).toBe('US');
  });

  it('falls back to the United States', () => {
    expect(holidayCountry('Either party may terminate.', [])).toBe('US');
  });

  it('knows the holidays of any state named as the governing law', () => {
    expect(
      holidayCountry('This Agreement is governed by the laws of the Republic of Chile.', []),
    ).toBe('CL');
  });

  it('does not read a state inside a longer name (Niger is not Nigeria)', () => {
    expect(holidayCountry('This Agreement is governed by the laws of Nigeria.', [])).toBe('NG');
  });

  it("takes a province's law and a province party for its federation, not a state in its name", () => {
    expect(holidayCountry('This Agreement is governed by the laws of British Columbia.', [])).toBe(
      'CA',
    );
    expect(holidayCountry('The Participants will meet.', ['Queensland', 'South Korea'])).toBe('AU');
  });
});
