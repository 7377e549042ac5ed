import { dateMatches, datePattern, expectedDate, expectedDuration } from './cuad-answers';

describe('CUAD answers', () => {
  it.each([
    ['2/10/2014', '2014-02-10'],
    ['[]/[]/2019', '2019-XX-XX'],
    ['09/[]/2019', '2019-09-XX'],
    ['9/14/200[]', '200X-09-14'],
    ['4/30/[][]', 'XXXX-04-30'],
    ['[ ]/[ ]/20[ ]', '20XX-XX-XX'],
  ])('writes the date answer %s as the pattern %s', (answer, pattern) => {
    expect(datePattern(answer)).toBe(pattern);
  });

  it('scores only the parts the contract writes', () => {
    expect(dateMatches('2019-XX-XX', '2019-09-XX')).toBe(true);
    expect(dateMatches('2019-XX-XX', '2019-03-05')).toBe(true);
    expect(dateMatches('2019-09-XX', '2019-10-XX')).toBe(false);
    // A blank in the engine's answer where the expert read a digit is a miss.
    expect(dateMatches('2019-09-15', '2019-09-XX')).toBe(false);
    expect(dateMatches('2019-09-15', null)).toBe(false);
  });

  it('leaves out an answer with every part blank, and expects nothing of an empty one', () => {
    expect(expectedDate('[]/[]/[][]')).toBeNull();
    expect(expectedDate('')).toEqual({ kind: 'nothing' });
    expect(expectedDuration('[]')).toBeNull();
  });

  it('accepts any listed form', () => {
    expect(expectedDate('09/05/2019; perpetual')).toEqual({
      kind: 'one-of',
      forms: ['2019-09-05', 'perpetual'],
    });
    expect(expectedDuration('180 days / 6 months')).toEqual({
      kind: 'one-of',
      forms: ['P180D', 'P6M'],
    });
    expect(expectedDuration('successive 12 months; successive 6 months;')).toEqual({
      kind: 'one-of',
      forms: ['P12M', 'P6M'],
    });
  });

  it('reads renewal terms with a count, misspelt or perpetual', () => {
    expect(expectedDuration('3 successive 1 year')).toEqual({ kind: 'one-of', forms: ['P1Y'] });
    expect(expectedDuration('sucessive 1 year')).toEqual({ kind: 'one-of', forms: ['P1Y'] });
    expect(expectedDuration('perpetual, 11/15/2014')).toEqual({
      kind: 'one-of',
      forms: ['perpetual'],
    });
    // Renewal answers given as dates are not a duration and are not scored.
    expect(expectedDuration('7/22/2019; 7/22/2022')).toBeNull();
  });
});
