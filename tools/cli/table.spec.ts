import { alignColumns, truncate } from './table';

describe('alignColumns', () => {
  it('pads every column but the last to its widest cell, two spaces apart', () => {
    expect(
      alignColumns([
        ['DUE', 'STATUS', 'TITLE'],
        ['2026-04-26', 'overdue', 'ministerial meeting'],
        ['-', 'tracked', 'x'],
      ]),
    ).toEqual([
      'DUE         STATUS   TITLE',
      '2026-04-26  overdue  ministerial meeting',
      '-           tracked  x',
    ]);
  });

  it('counts a character of several code points (e + combining accent) as one column', () => {
    expect(
      alignColumns([
        ['e\u0301', 'b'],
        ['cc', 'd'],
      ]),
    ).toEqual(['e\u0301   b', 'cc  d']);
  });
});

describe('truncate', () => {
  it('keeps text that fits and marks a cut with an ellipsis within the limit', () => {
    expect(truncate('financing', 9)).toBe('financing');
    expect(truncate('financing', 6)).toBe('finan…');
  });
});
