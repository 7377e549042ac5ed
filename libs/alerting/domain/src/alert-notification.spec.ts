import type { MilestoneReminderV1 } from '@dealwatch/contracts';

import { alertIdFor } from './alert-identity';
import { buildAlertNotification } from './alert-notification';

function reminder(overrides: Partial<MilestoneReminderV1> = {}): MilestoneReminderV1 {
  return {
    reminderId: '0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a00',
    milestoneId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    agreementId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    title: 'Submit the first implementation report',
    category: 'reporting',
    offset: 'P7D',
    dueDate: '2026-04-28',
    scheduledFor: '2026-04-21T09:00:00.000Z',
    firedAt: '2026-04-21T09:00:01.000Z',
    late: false,
    agreementTitle: 'Framework on Critical Minerals',
    evidence: {
      text: 'The Participants shall submit a first report within six months.',
      span: [120, 184],
    },
    ...overrides,
  };
}

describe('buildAlertNotification', () => {
  it('tells a person what is due, when, and from which agreement', () => {
    expect(buildAlertNotification(reminder()).summary).toBe(
      'Due in 7 days (2026-04-28): Submit the first implementation report — ' +
        '"Framework on Critical Minerals".',
    );
  });

  it('lays the body out as Standard Webhooks suggests, with everything a receiver needs', () => {
    const notification = buildAlertNotification(reminder());
    expect(notification.body).toEqual({
      type: 'milestone.reminder',
      timestamp: '2026-04-21T09:00:01.000Z',
      data: {
        alertId: alertIdFor('0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a00'),
        reminderId: '0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a00',
        milestoneId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
        agreementId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        agreementTitle: 'Framework on Critical Minerals',
        title: 'Submit the first implementation report',
        category: 'reporting',
        severity: 'low',
        offset: 'P7D',
        when: 'due in 7 days',
        dueDate: '2026-04-28',
        summary: notification.summary,
        late: false,
        scheduledFor: '2026-04-21T09:00:00.000Z',
        evidence: {
          text: 'The Participants shall submit a first report within six months.',
          span: [120, 184],
        },
      },
    });
    expect(notification.alertId).toBe(notification.body.data.alertId);
  });

  it('gives the same reminder the same alert, byte for byte', () => {
    expect(JSON.stringify(buildAlertNotification(reminder()).body)).toBe(
      JSON.stringify(buildAlertNotification(reminder()).body),
    );
  });

  it('says an overdue milestone is overdue from the day after its due date', () => {
    const notification = buildAlertNotification(reminder({ offset: 'overdue' }));
    expect(notification.when).toBe('overdue since 2026-04-29');
    expect(notification.severity).toBe('critical');
    expect(notification.summary).toBe(
      'Overdue since 2026-04-29 (was due 2026-04-28): Submit the first implementation report — ' +
        '"Framework on Critical Minerals".',
    );
  });

  it('rolls the overdue day over month and year ends', () => {
    expect(
      buildAlertNotification(reminder({ offset: 'overdue', dueDate: '2026-12-31' })).when,
    ).toBe('overdue since 2027-01-01');
    expect(
      buildAlertNotification(reminder({ offset: 'overdue', dueDate: '2028-02-28' })).when,
    ).toBe('overdue since 2028-02-29');
  });

  it('says "today" and "tomorrow" for the last reminders', () => {
    expect(buildAlertNotification(reminder({ offset: 'PT0S' })).summary).toMatch(
      /^Due today \(2026-04-28\): /,
    );
    expect(buildAlertNotification(reminder({ offset: 'P1D' })).summary).toMatch(
      /^Due tomorrow \(2026-04-28\): /,
    );
  });

  it('names the agreement by id when it has no title', () => {
    expect(buildAlertNotification(reminder({ agreementTitle: null })).summary).toBe(
      'Due in 7 days (2026-04-28): Submit the first implementation report — ' +
        'agreement 7c9e6679-7425-40de-944b-e07fc1f90ae7.',
    );
  });

  it('says when a reminder went out late', () => {
    expect(buildAlertNotification(reminder({ late: true })).summary).toMatch(
      / Sent late: planned for 2026-04-21T09:00:00\.000Z\.$/,
    );
  });

  it('falls back to the due date for an offset it cannot put in words', () => {
    const notification = buildAlertNotification(reminder({ offset: 'at some point' }));
    expect(notification.when).toBe('due on 2026-04-28');
    expect(notification.summary).toMatch(/^Due on 2026-04-28: Submit/);
  });

  it('keeps the summary on one line when titles carry line breaks', () => {
    const notification = buildAlertNotification(
      reminder({ title: 'Submit\nthe  report', agreementTitle: 'Framework\r\non Minerals' }),
    );
    expect(notification.summary).toBe(
      'Due in 7 days (2026-04-28): Submit the report — "Framework on Minerals".',
    );
  });

  it('sends a null span when the evidence has none', () => {
    const notification = buildAlertNotification(
      reminder({ evidence: { text: 'Within six months.', span: null } }),
    );
    expect(notification.body.data.evidence).toEqual({ text: 'Within six months.', span: null });
  });
});
