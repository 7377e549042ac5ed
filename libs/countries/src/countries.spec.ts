import { COUNTRIES } from './countries';

const byName = (name: string) => COUNTRIES.find((country) => country.name === name);

describe('the states that sign agreements', () => {
  it('covers every member of the United Nations and the European Union', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(194);
    for (const name of ['Chile', 'Peru', 'Kenya', 'Mongolia', 'Fiji', 'European Union']) {
      expect(byName(name)).toBeDefined();
    }
  });

  it('includes states the data does not count as sovereign but which sign agreements', () => {
    expect(byName('Taiwan')).toBeDefined();
    expect(byName('Palestine')).toBeDefined();
  });

  it('knows the English usages beside the official names', () => {
    expect(byName('United States')?.names).toEqual(
      expect.arrayContaining(['United States of America', 'United States', 'U.S.', 'US']),
    );
    expect(byName('United Kingdom')?.names).toEqual(expect.arrayContaining(['Britain', 'UK']));
    expect(byName('Türkiye')?.names).toContain('Turkey');
    expect(byName('Myanmar')?.names).toContain('Burma');
  });

  it('keeps names that mean something else too apart, but the official name is safe', () => {
    const georgia = byName('Georgia');
    expect(georgia?.names).not.toContain('Georgia');
    expect(georgia?.ambiguousNames).toEqual(['Georgia']);
    expect(byName('Jordan')?.names).toContain('Hashemite Kingdom of Jordan');
  });

  it('places each state north or south of the equator, as its seasons follow', () => {
    for (const name of ['Australia', 'Chile', 'South Africa', 'New Zealand']) {
      expect(byName(name)?.latitude).toBeLessThan(0);
    }
    for (const name of ['United States', 'Japan', 'Malaysia', 'European Union']) {
      expect(byName(name)?.latitude).toBeGreaterThan(0);
    }
  });

  it('gives demonyms and capitals, Washington without its district', () => {
    expect(byName('Japan')).toMatchObject({ adjectives: ['Japanese'], capitals: ['Tokyo'] });
    expect(byName('United States')?.capitals).toContain('Washington');
    expect(byName('South Korea')?.adjectives).toEqual(
      expect.arrayContaining(['South Korean', 'Korean']),
    );
  });

  it('gives each state one entry with a distinct code', () => {
    const codes = COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
