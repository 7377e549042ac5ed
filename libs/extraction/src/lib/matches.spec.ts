import { allMatches, escapeRegExp, firstMatch } from './matches';

/** What the built-in gives, as plain data to compare. */
const shapeOf = (matches: Iterable<RegExpExecArray | RegExpMatchArray>) =>
  [...matches].map((m) => ({ index: m.index, groups: [...m] }));

describe('allMatches', () => {
  it.each([
    ['words', /\b(\w)(\w*)\b/g, 'Deliver within 30 days of signing.'],
    ['no match', /\d+/g, 'no digits here'],
    ['empty matches', /x*/g, 'axxbx'],
    ['lookarounds', /(?<=\.)\s+(?=[A-Z])/g, 'One. Two. three. Four'],
    ['case-insensitive', /\bshall\b/gi, 'Shall, SHALL and shall'],
    ['unicode pairs with empty matches', /(?:)/gu, 'a\u{1F600}b'],
    ['multiline anchors', /^\w+/gm, 'first line\nsecond line\nthird'],
  ])('finds what matchAll finds: %s', (_name, pattern, text) => {
    expect(shapeOf(allMatches(pattern, text))).toEqual(shapeOf(text.matchAll(pattern)));
  });

  it('starts from the beginning whatever the pattern was last used for', () => {
    const pattern = /\d/g;
    pattern.exec('a1b2');
    expect(allMatches(pattern, '9x8').map((m) => m[0])).toEqual(['9', '8']);
    expect(pattern.lastIndex).toBe(0);
  });

  it('lets the caller use the same pattern again while going through the matches', () => {
    const pattern = /\d+/g;
    const pairs = allMatches(pattern, '1 22').map((m) => [m[0], allMatches(pattern, '7 8').length]);
    expect(pairs).toEqual([
      ['1', 2],
      ['22', 2],
    ]);
  });

  it('refuses a pattern without the global flag, as matchAll does', () => {
    expect(() => allMatches(/\d/, '1')).toThrow(/global/);
  });
});

describe('firstMatch', () => {
  it('gives the first match the caller takes, and leaves the pattern to start again', () => {
    const pattern = /\d+/g;
    const seen: string[] = [];
    const match = firstMatch(pattern, '1 22 333 4444', (m) => {
      seen.push(m[0]);
      return m[0].length === 3;
    });
    expect(match?.index).toBe(5);
    expect(seen).toEqual(['1', '22', '333']);
    expect(pattern.lastIndex).toBe(0);
  });

  it('gives null when the caller takes none', () => {
    expect(firstMatch(/\d/g, 'a1b2', () => false)).toBeNull();
  });
});

describe('escapeRegExp', () => {
  it('makes a pattern that matches the text as written', () => {
    const text = 'S.p.A. (Italy) [a+b]*?^$|\\';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('S.A')).test('SxA')).toBe(false);
  });
});
