import { NUMBER_PATTERN, ORDINAL_PATTERN, parseNumber, parseOrdinal } from './numbers';

describe('numbers', () => {
  it.each([
    ['six', 6],
    ['6', 6],
    ['180', 180],
    ['twenty-four', 24],
    ['twenty four', 24],
    ['one hundred twenty', 120],
    ['one hundred and twenty', 120],
    ['Ninety', 90],
    ['a', 1],
    ['1,000', 1000],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('returns null for words that are not numbers', () => {
    expect(parseNumber('several')).toBeNull();
  });

  it('matches whole number phrases', () => {
    const re = new RegExp(`^${NUMBER_PATTERN}$`, 'i');
    expect(re.test('one hundred twenty')).toBe(true);
    expect(re.test('twenty-four')).toBe(true);
    expect(re.test('fifteen')).toBe(true);
  });
});

describe('ordinals', () => {
  it.each([
    ['fifth', 5],
    ['5th', 5],
    ['fifth (5th)', 5],
    ['fifth (5t h)', 5],
    ['twenty-fifth', 25],
    ['first', 1],
  ])('reads %s as %d', (text, value) => {
    expect(new RegExp(`^${ORDINAL_PATTERN}$`, 'i').test(text)).toBe(true);
    expect(parseOrdinal(text)).toBe(value);
  });
});
