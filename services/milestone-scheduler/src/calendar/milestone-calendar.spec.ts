import type { MilestoneEntity, ReminderEntity } from '@dealwatch/milestone-scheduler/data-access';

import { milestoneCalendar } from './milestone-calendar';

function milestone(overrides: Partial<MilestoneEntity>): MilestoneEntity {
  return {
    id: '5b0f9f6e-1d2c-4b7a-9e61-0c6f3a2d8e11',
    agreementId: null,
    obligationKey: 'k',
    title: 'Adopt the joint work plan',
    category: 'meeting',
    owner: 'ops@example.org',
    status: 'pending',
    agreementTitle: 'US–Japan framework',
    evidence: 'The Parties shall adopt a joint work plan.',
    evidenceStart: null,
    evidenceEnd: null,
    deadlineExpression: null,
    dueKind: 'date',
    dueDate: '2026-04-28',
    dueAt: new Date('2026-04-28T13:00:00Z'),
    overdueAt: new Date('2026-04-29T04:00:00Z'),
    timeZone: 'America/New_York',
    extractedDueDate: null,
    reminderOffsets: null,
    policy: null,
    timeOfDay: null,
    jurisdiction: null,
    parties: [],
    anchorMilestoneId: null,
    anchorOffset: null,
    anchorBusinessDays: false,
    reviewVerdict: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-02T00:00:00Z'),
    ...overrides,
  };
}

function reminder(
  offset: string,
  fireAt: string,
  status: ReminderEntity['status'],
): ReminderEntity {
  return { id: offset, milestoneId: 'm', offset, fireAt: new Date(fireAt), status, firedAt: null };
}

/** Unfolds RFC 5545 line folding so assertions can read whole lines. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('milestoneCalendar', () => {
  it('writes a date milestone as an all-day event with an alarm per pending reminder', () => {
    const text = unfold(
      milestoneCalendar([
        {
          milestone: milestone({}),
          reminders: [
            reminder('P7D', '2026-04-21T13:00:00Z', 'fired'),
            reminder('P1D', '2026-04-27T13:00:00Z', 'pending'),
            reminder('overdue', '2026-04-29T04:00:00Z', 'pending'),
          ],
        },
      ]),
    );
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    expect(text).toContain('UID:5b0f9f6e-1d2c-4b7a-9e61-0c6f3a2d8e11@dealwatch');
    expect(text).toContain('DTSTART;VALUE=DATE:20260428');
    expect(text).toContain('SUMMARY:Adopt the joint work plan');
    expect(text.match(/BEGIN:VALARM/g)).toHaveLength(2);
    expect(text).toContain('TRIGGER;VALUE=DATE-TIME:20260427T130000Z');
    expect(text).toContain('TRIGGER;VALUE=DATE-TIME:20260429T040000Z');
    expect(text).toContain('CATEGORIES:meeting');
  });

  it('writes an instant milestone at its instant and marks an overdue one', () => {
    const text = unfold(
      milestoneCalendar([
        {
          milestone: milestone({
            dueKind: 'instant',
            dueAt: new Date('2026-03-01T12:00:00Z'),
            status: 'overdue',
          }),
          reminders: [],
        },
      ]),
    );
    expect(text).toContain('DTSTART:20260301T120000Z');
    expect(text).toContain('SUMMARY:Overdue: Adopt the joint work plan');
    expect(text).not.toContain('BEGIN:VALARM');
  });

  it('leaves out milestones without a date', () => {
    const text = milestoneCalendar([
      {
        milestone: milestone({ status: 'tracked', dueKind: null, dueDate: null, dueAt: null }),
        reminders: [],
      },
    ]);
    expect(text).not.toContain('BEGIN:VEVENT');
  });
});
