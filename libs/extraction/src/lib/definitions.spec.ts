import { formatIsoDate } from './calendar-date';
import { findDefinitions } from './definitions';

describe('definitions', () => {
  it('reads a date defined inline by a bracketed term', () => {
    const defs = findDefinitions(
      'is entered into as of the 15th day of January, 2026 (the "Effective Date"), by and between',
      null,
    );
    expect(formatIsoDate(defs.dates.get('effective date')!)).toBe('2026-01-15');
  });

  it('reads "means" definitions, with the date when the meaning is a date', () => {
    const defs = findDefinitions(
      '"Effective Date" means 31 August 2025.\n"Quarter" means each period of three months ending on 31 March.',
      null,
    );
    expect(formatIsoDate(defs.dates.get('effective date')!)).toBe('2025-08-31');
    expect(defs.dates.has('quarter')).toBe(false);
    expect(defs.meanings.get('quarter')).toContain('three months');
  });

  it('reads the date of a definition whose words the text has used before', () => {
    const defs = findDefinitions(
      'The notice period ends 31 August 2025.\n"Expiry Date" means 31 August 2025.',
      null,
    );
    expect(formatIsoDate(defs.dates.get('expiry date')!)).toBe('2025-08-31');
  });

  it('reads a definition whose opening quote was cut off at the start of the line', () => {
    const defs = findDefinitions('Effective Date" shall mean December 5, 2014.', null);
    expect(formatIsoDate(defs.dates.get('effective date')!)).toBe('2014-12-05');
  });

  it('reads a date named "such date" before the bracketed term', () => {
    const defs = findDefinitions(
      'by the FDA no later than September 2, 2019 (such date, the "Effective Date")',
      null,
    );
    expect(formatIsoDate(defs.dates.get('effective date')!)).toBe('2019-09-02');
  });
});

describe('date labels', () => {
  it('reads a cover-page label as the date it names', () => {
    const defs = findDefinitions(
      'Effective Date: January 1, 2019\nTermination Date: December 31, 2023',
      null,
    );
    expect(formatIsoDate(defs.dates.get('termination date')!)).toBe('2023-12-31');
    expect(formatIsoDate(defs.dates.get('effective date')!)).toBe('2019-01-01');
  });

  it('reads the date set beside a term, after a comma or in brackets', () => {
    const defs = findDefinitions(
      'repay the Loan on the Final Maturity Date, being 10 February 2031. Close by the Longstop Date (being 30 June 2026).',
      null,
    );
    expect(formatIsoDate(defs.dates.get('final maturity date')!)).toBe('2031-02-10');
    expect(formatIsoDate(defs.dates.get('longstop date')!)).toBe('2026-06-30');
  });

  it('reads no date beside a term that is not a date', () => {
    const defs = findDefinitions('the Purchase Price, being USD 10 million, on 1 May 2026', null);
    expect(defs.dates.size).toBe(0);
  });
});
