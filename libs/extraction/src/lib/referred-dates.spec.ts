import { findReferredDate } from './referred-dates';
import type { TextSpan } from './sentences';

const sentence = (text: string): TextSpan => ({ text, start: 0, end: text.length });

/** The date "such date" refers to, as "YYYY-MM-DD" or "MM-DD" for one without a year. */
function referent(clause: string, before: string | null, lead = ''): string | null {
  const found = findReferredDate({
    clause,
    sentenceLead: lead,
    sentenceBefore: before === null ? null : sentence(before),
  });
  if (found?.shape.type !== 'referred-date') return null;
  const { year, month, day } = found.shape.mention;
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year === null ? md : `${year}-${md}`;
}

describe('a limit that refers back to a date', () => {
  it('takes the one date of the sentence before', () => {
    expect(
      referent(
        'The Tenant shall return the keys on or before that date.',
        'The lease ends on 30 September 2027.',
      ),
    ).toBe('2027-09-30');
    expect(
      referent('The Tenant shall vacate the unit by such date.', 'The lease ends on 30 September.'),
    ).toBe('09-30');
  });

  it('takes the one date of its own sentence, said before the limit', () => {
    expect(
      referent(
        'the Tenant shall return the keys no later than the said date.',
        'The lease ends on 30 September 2027.',
        'If the Landlord sells the unit on 1 August 2027, ',
      ),
    ).toBe('2027-08-01');
  });

  it('says "on" of "on such date" and "by" of the others', () => {
    const found = (clause: string) =>
      findReferredDate({
        clause,
        sentenceLead: '',
        sentenceBefore: sentence('The lease ends on 30 September 2027.'),
      });
    expect(found('The Tenant shall pay the rent on such date.')).toMatchObject({
      kind: 'on',
      text: 'on such date',
    });
    expect(found('The Tenant shall pay the rent prior to that date.')).toMatchObject({
      kind: 'by',
      text: 'prior to that date',
    });
  });

  it.each([
    // Two dates.
    ['The lease runs from 1 October 2026 to 30 September 2027.', ''],
    // A date named by a word, which "such date" may mean as well.
    ['The lease ends on 30 September 2027, the Expiry Date.', ''],
    ['The lease ends on the Expiry Date.', ''],
    // Another time.
    [
      'The lease ends on 30 September 2027 and the Tenant shall vacate within 5 days thereafter.',
      '',
    ],
    // Its own sentence sets a time of its own, or names a date by a word.
    ['The lease ends on 30 September 2027.', 'If the Landlord serves notice within 10 days, '],
    ['The lease ends on 30 September 2027.', 'If the Landlord fixes a date for the handover, '],
    // No sentence right before.
    [null, ''],
  ])('leaves a limit undated when the date it means is not clear: "%s" "%s"', (before, lead) => {
    expect(
      referent('the Tenant shall return the keys on or before such date.', before, lead),
    ).toBeNull();
  });

  it('reads no reference into a date the words after it name', () => {
    const before = 'The lease ends on 30 September 2027.';
    expect(
      referent('The Tenant shall pay on or before such date as the Landlord may notify.', before),
    ).toBeNull();
    expect(
      referent('The Tenant shall pay by that date on which the keys are returned.', before),
    ).toBeNull();
    expect(referent('The Tenant shall pay on or before such other date.', before)).toBeNull();
  });
});
