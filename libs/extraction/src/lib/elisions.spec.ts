import { blankElisions } from './elisions';

describe('elision marks', () => {
  it('turns a mark that interrupts a date into a gap between its parts', () => {
    expect(blankElisions('made on 4 July,<omitted>2011 by').replace(/\s+/g, ' ')).toBe(
      'made on 4 July, 2011 by',
    );
  });

  it('keeps every other character at its offset', () => {
    const text = 'the Term[...]shall run for two<omitted>years.';
    const blanked = blankElisions(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.indexOf('shall')).toBe(text.indexOf('shall'));
    expect(blanked.indexOf('years')).toBe(text.indexOf('years'));
  });

  it('leaves square brackets that hold a blank or a reference alone', () => {
    expect(blankElisions('dated [ ], 2020 under Section [4]')).toBe(
      'dated [ ], 2020 under Section [4]',
    );
  });
});
