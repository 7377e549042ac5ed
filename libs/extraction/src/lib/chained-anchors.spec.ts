import { resolveChainedAnchors } from './chained-anchors';
import { extractAgreement } from './extract-agreement';
import type { Deadline, Obligation } from './types';

function obligation(text: string, start: number, deadline: Partial<Deadline> | null): Obligation {
  return {
    text,
    span: [start, start + text.length],
    actors: [],
    action: '',
    category: 'other',
    binding: true,
    confidence: 0.9,
    deadline: deadline
      ? {
          expression: '',
          kind: 'within',
          dueDate: null,
          rule: '',
          anchor: { type: 'event' },
          ...deadline,
        }
      : null,
  };
}

/** An obligation due by a date the text names. */
const datedBy = (text: string, start: number, expression: string, dueDate: string) =>
  obligation(text, start, { expression, kind: 'by', dueDate, anchor: { type: 'date' } });

/** An obligation due a period after an event its text names, its date not known yet. */
const afterEvent = (
  text: string,
  start: number,
  expression: string,
  duration: string,
  ref: string,
) =>
  obligation(text, start, {
    expression,
    duration,
    relation: 'after',
    anchor: { type: 'event', ref },
  });

const meeting = obligation('The Parties shall hold a ministerial meeting within 180 days.', 0, {
  expression: 'within 180 days',
  dueDate: '2026-06-02',
  duration: 'P180D',
  relation: 'after',
  anchor: { type: 'signing' },
});

describe('deadlines counted from another commitment', () => {
  it('count from the due date of the commitment that is the event', () => {
    const plan = obligation(
      'The Parties shall adopt a work plan within 90 days after the ministerial meeting.',
      100,
      {
        expression: 'within 90 days after the ministerial meeting',
        duration: 'P90D',
        relation: 'after',
        anchor: { type: 'event', ref: 'ministerial meeting' },
      },
    );
    const [, resolved] = resolveChainedAnchors([meeting, plan], 'US');
    // 2 June 2026 + 90 days = 31 August 2026.
    expect(resolved?.deadline).toMatchObject({
      dueDate: '2026-08-31',
      anchor: { type: 'event', ref: 'ministerial meeting', date: '2026-06-02' },
    });
  });

  it('count from the receipt of a notice as from the day it is due to be given', () => {
    const notice = datedBy(
      'The Owner shall issue the Notice to Proceed no later than October 1, 2025.',
      0,
      'no later than October 1, 2025',
      '2025-10-01',
    );
    const mobilise = afterEvent(
      'The Contractor shall mobilize within fifteen (15) days following receipt of the Notice to Proceed.',
      80,
      'within fifteen (15) days following receipt of the Notice to Proceed',
      'P15D',
      'receipt of the Notice to Proceed',
    );
    const [, resolved] = resolveChainedAnchors([notice, mobilise], 'US');
    expect(resolved?.deadline?.dueDate).toBe('2025-10-16');
  });

  it('resolve a chain of events one after another', () => {
    const report = obligation(
      'Each Party shall submit a report within 30 days after the ministerial meeting.',
      100,
      {
        expression: 'within 30 days after the ministerial meeting',
        duration: 'P30D',
        relation: 'after',
        anchor: { type: 'event', ref: 'ministerial meeting' },
      },
    );
    const review = obligation(
      'The Parties shall review progress within 60 days after the report.',
      200,
      {
        expression: 'within 60 days after the report',
        duration: 'P60D',
        relation: 'after',
        anchor: { type: 'event', ref: 'the report' },
      },
    );
    const [, , resolved] = resolveChainedAnchors([meeting, report, review], 'US');
    // 2 June + 30 days = 2 July 2026; + 60 days = 31 August 2026.
    expect(resolved?.deadline?.dueDate).toBe('2026-08-31');
  });

  it('stay open when no commitment gives the event a date', () => {
    const pay = obligation('Buyer shall pay within 30 days after receipt of the invoice.', 100, {
      expression: 'within 30 days after receipt of the invoice',
      duration: 'P30D',
      relation: 'after',
      anchor: { type: 'event', ref: 'receipt of the invoice' },
    });
    const [, resolved] = resolveChainedAnchors([meeting, pay], 'US');
    expect(resolved?.deadline).toMatchObject({
      dueDate: null,
      anchor: { type: 'event', ref: 'receipt of the invoice' },
    });
  });

  it('do not take a forecast for the date of the event', () => {
    const completion = datedBy(
      'Completion is expected to occur by 31 March 2026.',
      0,
      'by 31 March 2026',
      '2026-03-31',
    );
    const study = afterEvent(
      'Caldera shall complete a study within nine months of completion.',
      100,
      'within nine months of completion',
      'P9M',
      'completion',
    );
    expect(resolveChainedAnchors([completion, study], 'US')[1]?.deadline?.dueDate).toBeNull();
  });

  it('do not take the event named in a deadline expression for the obligation itself', () => {
    const other = obligation(
      'The Parties shall exchange data within 10 days after the ministerial meeting.',
      0,
      {
        expression: 'within 10 days after the ministerial meeting',
        dueDate: '2026-07-01',
        duration: 'P10D',
        relation: 'after',
        anchor: { type: 'event', ref: 'ministerial meeting', date: '2026-06-21' },
      },
    );
    const plan = obligation(
      'The Parties shall adopt a plan within 90 days after the ministerial meeting.',
      100,
      {
        expression: 'within 90 days after the ministerial meeting',
        duration: 'P90D',
        relation: 'after',
        anchor: { type: 'event', ref: 'ministerial meeting' },
      },
    );
    expect(resolveChainedAnchors([other, plan], 'US')[1]?.deadline?.dueDate).toBeNull();
  });

  it('do not take a commitment that follows the event for the event itself', () => {
    const listing = datedBy(
      'Following the closing, Orion intends to list its shares by 31 March 2028.',
      0,
      'by 31 March 2028',
      '2028-03-31',
    );
    const synergies = afterEvent(
      'Orion expects to realise synergies within 24 months of closing.',
      100,
      'within 24 months of closing',
      'P24M',
      'closing',
    );
    expect(resolveChainedAnchors([listing, synergies], 'US')[1]?.deadline?.dueDate).toBeNull();
  });
});

describe('chained anchors in a whole text', () => {
  it('date a follow-up from the meeting the text schedules from signing', () => {
    const text = [
      'This Agreement is dated 1 March 2026.',
      'The Parties shall convene a ministerial meeting within 180 days of the signing of this Agreement.',
      'The Parties shall publish a joint work plan within 30 days after the ministerial meeting.',
    ].join('\n');
    const plan = extractAgreement(text).obligations.find((o) => o.text.includes('work plan'));
    // 1 March 2026 + 180 days = 28 August 2026; + 30 days = 27 September 2026.
    expect(plan?.deadline).toMatchObject({
      dueDate: '2026-09-27',
      anchor: { type: 'event', date: '2026-08-28' },
    });
  });

  it('date a follow-up from a meeting the text says will be held on a date', () => {
    const text = [
      'This Agreement is dated 1 March 2026.',
      'The ministerial meeting will be held in Tokyo on 15 March 2026.',
      'The Parties shall publish a joint work plan within 90 days after the ministerial meeting.',
    ].join('\n');
    const plan = extractAgreement(text).obligations.find((o) => o.text.includes('work plan'));
    // 15 March 2026 + 90 days = 13 June 2026.
    expect(plan?.deadline?.dueDate).toBe('2026-06-13');
  });
});
