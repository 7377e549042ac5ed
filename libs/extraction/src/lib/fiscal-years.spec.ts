import { deadlineContext } from './deadline-context.fixture';
import { extractDeadline } from './deadlines';
import { withActorsFiscalYear } from './fiscal-years';

const SIGNED = { year: 2025, month: 11, day: 6 };
const due = (actors: string[], stated = false) =>
  extractDeadline(
    'The commitment is to be met by the end of fiscal year 2027.',
    withActorsFiscalYear(deadlineContext(SIGNED, { fiscalYearStated: stated }), actors),
    null,
  )?.dueDate;

describe('the fiscal year of the state that commits', () => {
  it('ends a fiscal year of the United States on 30 September, of Australia on 30 June', () => {
    expect(due(['United States'])).toBe('2027-09-30');
    expect(due(['Australia'])).toBe('2027-06-30');
    expect(due(['India'])).toBe('2027-03-31');
  });

  it('keeps the calendar year for a state whose fiscal year is named otherwise, or for several', () => {
    expect(due(['Japan'])).toBe('2027-12-31');
    expect(due(['Kazakhstan'])).toBe('2027-12-31');
    expect(due(['United States', 'Kazakhstan'])).toBe('2027-12-31');
  });

  it('keeps the fiscal year the text defines', () => {
    expect(due(['United States'], true)).toBe('2027-12-31');
  });
});
