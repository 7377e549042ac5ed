import type { ExtractedDeadlineV1, ExtractedObligationV1 } from '@dealwatch/contracts';

import { chainLinkOf, chainedDueDate } from './chained-deadline';

function obligation(
  key: string,
  text: string,
  start: number,
  deadline: Partial<ExtractedDeadlineV1> | null = null,
): ExtractedObligationV1 {
  return {
    obligationKey: key,
    text,
    span: [start, start + text.length],
    actors: [],
    action: '',
    category: 'other',
    binding: true,
    confidence: 0.9,
    deadline: deadline
      ? { expression: '', kind: 'within', dueDate: null, anchor: { type: 'signing' }, ...deadline }
      : null,
  };
}

const afterMeeting = (ref = 'ministerial meeting') => ({
  expression: `within 90 days after the ${ref}`,
  duration: 'P90D',
  relation: 'after' as const,
  anchor: { type: 'event' as const, ref },
});

const meeting = obligation(
  'meeting',
  'A bilateral Ministerial Meeting is scheduled within 180 days.',
  0,
  {
    expression: 'within 180 days',
    dueDate: '2026-04-26',
  },
);
const plan = obligation(
  'plan',
  'The Parties shall adopt a work plan within 90 days after the ministerial meeting.',
  200,
  afterMeeting(),
);

describe('chainLinkOf', () => {
  it('links a deadline counted from an event to the obligation that names it, case-insensitively', () => {
    expect(chainLinkOf(plan, [meeting, plan])).toEqual({
      anchorKey: 'meeting',
      offset: 'P90D',
      businessDays: false,
    });
  });

  it('reads the ref without its article and across line breaks', () => {
    const undated = obligation('meeting', 'The parties will hold a\nministerial  meeting.', 0);
    const withArticle = obligation('plan', 'A plan within 90 days after the meeting.', 100, {
      ...afterMeeting('the ministerial meeting'),
    });
    expect(chainLinkOf(withArticle, [undated, withArticle])?.anchorKey).toBe('meeting');
  });

  it('does not take an obligation that names the event only in its own deadline', () => {
    const exchange = obligation(
      'exchange',
      'The Parties shall exchange data within 10 days after the ministerial meeting.',
      100,
      { ...afterMeeting(), expression: 'within 10 days after the ministerial meeting' },
    );
    expect(chainLinkOf(plan, [exchange, plan])).toBeNull();
    expect(chainLinkOf(plan, [meeting, exchange, plan])?.anchorKey).toBe('meeting');
  });

  it('prefers the nearest obligation before it, else the first after', () => {
    const early = obligation('early', 'A first ministerial meeting will be held in Tokyo.', 0);
    const late = obligation(
      'late',
      'A second ministerial meeting will be held in Washington.',
      150,
    );
    const later = obligation('later', 'A third ministerial meeting will follow.', 400);
    expect(chainLinkOf(plan, [early, late, plan, later])?.anchorKey).toBe('late');
    expect(chainLinkOf(plan, [plan, later])?.anchorKey).toBe('later');
  });

  it('matches whole words only', () => {
    const report = obligation(
      'report',
      'Each Party shall submit a report within 30 days after the review.',
      300,
      {
        ...afterMeeting('review'),
        expression: 'within 30 days after the review',
        duration: 'P30D',
      },
    );
    const reviewer = obligation('reviewer', 'The reviewers shall be appointed by the Parties.', 0);
    expect(chainLinkOf(report, [reviewer, report])).toBeNull();
  });

  it('leaves dated, backwards, lengthless and unmatched deadlines alone', () => {
    const planText = plan.text;
    const dated = obligation('plan', planText, 200, { ...afterMeeting(), dueDate: '2026-07-25' });
    const before = obligation('plan', planText, 200, { ...afterMeeting(), relation: 'before' });
    const lengthless = obligation('plan', planText, 200, { ...afterMeeting(), duration: null });
    const invoice = obligation(
      'pay',
      'Buyer shall pay within 30 days after receipt of the invoice.',
      0,
      {
        ...afterMeeting('receipt of the invoice'),
      },
    );
    for (const chained of [dated, before, lengthless])
      expect(chainLinkOf(chained, [meeting, chained])).toBeNull();
    expect(chainLinkOf(invoice, [meeting, invoice])).toBeNull();
    expect(chainLinkOf(meeting, [meeting, plan])).toBeNull();
  });

  it('never links an obligation to itself', () => {
    const selfish = obligation(
      'self',
      'The ministerial meeting shall follow within 90 days after the ministerial meeting.',
      0,
      afterMeeting(),
    );
    expect(chainLinkOf(selfish, [selfish])).toBeNull();
  });
});

describe('chainedDueDate', () => {
  it('counts the offset on the calendar from the day the anchor was met', () => {
    expect(chainedDueDate('2026-05-04', 'P90D')).toBe('2026-08-02');
    expect(chainedDueDate('2026-05-04', 'P2W')).toBe('2026-05-18');
    expect(chainedDueDate('2026-08-31', 'P6M')).toBe('2027-02-28');
    expect(chainedDueDate('2026-05-04', 'P1Y')).toBe('2027-05-04');
  });

  it('rounds a time part up to whole days', () => {
    expect(chainedDueDate('2026-05-04', 'PT48H')).toBe('2026-05-06');
    expect(chainedDueDate('2026-05-04', 'P1DT1H')).toBe('2026-05-06');
  });

  it('counts business days from the day after, skipping weekends and the public holidays', () => {
    const us = { skipWeekends: true, holidays: 'US' };
    // Met Wednesday 1 July 2026: Thu 2 (1), Fri 3 observed Independence Day, weekend, Mon 6 (2) ...
    // Fri 10 (6), Mon 13 (7), Tue 14 (8), Wed 15 (9), Thu 16 (10).
    expect(chainedDueDate('2026-07-01', 'P10D', us)).toBe('2026-07-16');
    // Weekends alone: Fri 3 July counts, so ten business days end on Wednesday 15 July.
    expect(chainedDueDate('2026-07-01', 'P10D', { skipWeekends: true, holidays: null })).toBe(
      '2026-07-15',
    );
    // Only days count as business days; other offsets stay on the calendar.
    expect(chainedDueDate('2026-05-04', 'P2W', us)).toBe('2026-05-18');
  });

  it('reads business days from the extracted deadline', () => {
    const business = obligation('plan', plan.text, 200, { ...afterMeeting(), businessDays: true });
    expect(chainLinkOf(business, [meeting, business])).toMatchObject({ businessDays: true });
  });
});
