import { offsetInWords } from './offset-in-words';

describe('offsetInWords', () => {
  it.each([
    ['P30D', 'due in 30 days'],
    ['P7D', 'due in 7 days'],
    ['P2D', 'due in 2 days'],
    ['P1D', 'due tomorrow'],
    ['PT0S', 'due today'],
    ['P0D', 'due today'],
    ['overdue', 'overdue'],
  ])('says %s as "%s"', (offset, words) => {
    expect(offsetInWords(offset)).toBe(words);
  });

  it('names weeks, months and years in the singular when there is one', () => {
    expect(offsetInWords('P1W')).toBe('due in 1 week');
    expect(offsetInWords('P1M')).toBe('due in 1 month');
    expect(offsetInWords('P2Y')).toBe('due in 2 years');
  });

  it('says clock offsets in hours and minutes', () => {
    expect(offsetInWords('PT12H')).toBe('due in 12 hours');
    expect(offsetInWords('PT1H30M')).toBe('due in 1 hour and 30 minutes');
  });

  it('lists mixed offsets from the largest unit down', () => {
    expect(offsetInWords('P1M2DT3H')).toBe('due in 1 month, 2 days and 3 hours');
  });

  it('does not call one day and some hours "tomorrow"', () => {
    expect(offsetInWords('P1DT12H')).toBe('due in 1 day and 12 hours');
  });

  it('gives up on text that is neither a duration nor "overdue"', () => {
    expect(offsetInWords('soon')).toBeNull();
    expect(offsetInWords('P')).toBeNull();
    expect(offsetInWords('Overdue')).toBeNull();
  });
});
