import { MAX_TITLE_LENGTH, milestoneTitle } from './milestone-title';

describe('milestoneTitle', () => {
  it('uses the action when it reads as one', () => {
    expect(
      milestoneTitle({
        action: 'select priority projects',
        text: 'The two countries will jointly select priority projects, provide financing within six months',
      }),
    ).toBe('select priority projects');
  });

  it('falls back to the sentence when the action starts with the deadline’s number', () => {
    expect(
      milestoneTitle({
        action: '180 days to set investment priorities',
        text: 'A bilateral ministerial meeting is scheduled within 180 days to set investment priorities',
      }),
    ).toBe(
      'A bilateral ministerial meeting is scheduled within 180 days to set investment priorities',
    );
  });

  it('falls back when the action starts with a number in words', () => {
    expect(
      milestoneTitle({
        action: 'six months after signing the parties report',
        text: 'Within six months after signing, the parties will report on progress.',
      }),
    ).toBe('Within six months after signing, the parties will report on progress');
  });

  it('falls back when the action has fewer than three words', () => {
    expect(
      milestoneTitle({ action: 'convene', text: 'The Parties shall convene a joint committee.' }),
    ).toBe('The Parties shall convene a joint committee');
  });

  it('drops a leading conjunction left over from a list', () => {
    expect(
      milestoneTitle({
        action: 'and create new mechanisms to attract private investment',
        text: 'and create new mechanisms to attract private investment',
      }),
    ).toBe('create new mechanisms to attract private investment');
  });

  it('cuts a long sentence at a word boundary with an ellipsis', () => {
    const text = `The Parties shall ${'cooperate closely on the supply of critical minerals '.repeat(6)}`;
    const title = milestoneTitle({ action: '90 days', text });
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title.endsWith('…')).toBe(true);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).not.toMatch(/\s$/);
  });

  it('collapses line breaks and repeated spaces', () => {
    expect(milestoneTitle({ action: 'hold  a\nministerial   meeting', text: '' })).toBe(
      'hold a ministerial meeting',
    );
  });

  it('keeps a short action when there is no sentence to fall back to', () => {
    expect(milestoneTitle({ action: 'pay', text: '  ' })).toBe('pay');
  });
});
