import type { Obligation } from '@dealwatch/extraction';

import { addPair, emptyPairAgreement } from './pair-agreement';

const obligation = (deadline: Obligation['deadline']): Obligation => ({
  text: 'Seller shall deliver quarterly reports within 45 days after the end of each quarter',
  span: [0, 10],
  actors: ['Seller'],
  action: 'deliver quarterly reports',
  category: 'reporting',
  binding: true,
  confidence: 0.9,
  deadline,
});

const EVIDENCE =
  'Seller shall deliver quarterly reports within 45 days after the end of each quarter.';

describe('agreement on matched pairs', () => {
  it('compares category, binding, duration with relation, and recurrence period', () => {
    const into = emptyPairAgreement();
    addPair(
      into,
      {
        evidence: EVIDENCE,
        category: 'reporting',
        binding: false,
        deadline: { duration: 'P45D', relation: 'after', recurrence: 'R/2026-05-15/P3M' },
      },
      obligation({
        expression: 'within 45 days after the end of each quarter',
        kind: 'within',
        dueDate: '2026-05-15',
        duration: 'P45D',
        relation: 'after',
        recurrence: 'R/2026-05-15/P3M',
        rule: '',
        anchor: { type: 'event' },
      }),
    );
    expect(into).toEqual({
      evidence: [1, 1],
      category: [1, 1],
      binding: [0, 1],
      durationRelation: [1, 1],
      recurrencePeriod: [1, 1],
    });
  });

  it('counts five business days and five calendar days as different periods', () => {
    const into = emptyPairAgreement();
    addPair(
      into,
      {
        evidence: EVIDENCE,
        category: 'notice',
        binding: true,
        deadline: { businessDays: 5, relation: 'after' },
      },
      obligation({
        expression: 'within five (5) days',
        kind: 'within',
        dueDate: null,
        duration: 'P5D',
        relation: 'after',
        rule: '',
        anchor: { type: 'event' },
      }),
    );
    expect(into.durationRelation).toEqual([0, 1]);
  });

  it('takes a period on one side only as a disagreement, and P12M as P1Y', () => {
    const into = emptyPairAgreement();
    addPair(
      into,
      { evidence: EVIDENCE, category: 'other', binding: true, deadline: null },
      obligation(null),
    );
    expect(into.durationRelation).toEqual([0, 0]);
    addPair(
      into,
      { evidence: EVIDENCE, category: 'other', binding: true, deadline: { recurrence: 'R/P1Y' } },
      obligation({
        expression: 'annually',
        kind: 'recurring',
        dueDate: null,
        recurrence: 'R/P12M',
        rule: '',
        anchor: { type: 'signing' },
      }),
    );
    expect(into.recurrencePeriod).toEqual([1, 1]);
    addPair(
      into,
      {
        evidence: EVIDENCE,
        category: 'other',
        binding: true,
        deadline: { duration: 'P6M', relation: 'after' },
      },
      obligation(null),
    );
    expect(into.durationRelation).toEqual([0, 1]);
  });

  it('counts evidence quoted as the gold quotes it, its final stop aside, and no other', () => {
    const into = emptyPairAgreement();
    const gold = { evidence: EVIDENCE, category: 'reporting', binding: true, deadline: null };
    addPair(into, gold, obligation(null));
    addPair(into, gold, { ...obligation(null), text: `4.1 ${obligation(null).text}` });
    expect(into.evidence).toEqual([1, 2]);
  });
});
