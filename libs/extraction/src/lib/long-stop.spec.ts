import { extractAgreement } from './extract-agreement';

const milestones = (text: string) =>
  extractAgreement(`This Agreement is made on 2 February 2027.\n\n${text}`, {
    referenceDate: '2026-12-05',
  }).obligations.map((o) => [o.action, o.binding, o.deadline?.dueDate]);

describe('the date by which the conditions of a deal are to be met', () => {
  it('is a milestone where missing it lets a party end the deal, binding no one', () => {
    expect(
      milestones(
        'If the Regulatory Conditions are not fulfilled by 31 August 2027 (the "Longstop Date"), the Buyer may terminate this Agreement.',
      ),
    ).toEqual([['satisfy the Regulatory Conditions', false, '2027-08-31']]);
  });

  it('takes the date a proviso names by the term the text defines for it, once', () => {
    expect(
      milestones(
        [
          'If the Conditions are not satisfied by 15 October 2027 (the "Cut-off Date"), either party may terminate.',
          'Closing shall take place on the third Business Day after the Conditions are satisfied, provided that the Conditions have been satisfied on or before the Cut-off Date.',
        ].join('\n'),
      ).filter(([action]) => String(action).startsWith('satisfy')),
    ).toEqual([['satisfy the Conditions', false, '2027-10-15']]);
    expect(
      milestones(
        'The "Cut-off Date" means 15 October 2027.\nClosing shall take place on the third Business Day after the Conditions are satisfied, provided that the Conditions have been satisfied on or before the Cut-off Date.',
      ),
    ).toContainEqual(['satisfy the Conditions', false, '2027-10-15']);
  });

  it('is no milestone where the conditions have no date, or where the text is not about conditions', () => {
    expect(
      milestones('If the Conditions are not satisfied, either party may terminate this Agreement.'),
    ).toEqual([]);
    expect(
      milestones('If the goods are not delivered by 31 August 2027, the Buyer may terminate.'),
    ).toEqual([]);
  });
});
