import type { MilestoneReminderV1 } from '@dealwatch/contracts';

import { buildAlertNotification } from '../alert-notification';
import { buildResolvedBody, resolvedNotificationIdFor } from '../alert-resolution';
import { alertEmail } from './alert-email';
import { milestoneCalendar } from './milestone-calendar';
import { notificationContent } from './notification-content';
import { slackMessage } from './slack-message';
import { teamsMessage } from './teams-message';

const reminder = {
  reminderId: '0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a00',
  milestoneId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  agreementId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  title: 'Pay <b>& settle</b> the first instalment',
  category: 'payment',
  offset: 'overdue',
  dueDate: '2026-04-28',
  scheduledFor: '2026-04-29T00:00:00.000Z',
  firedAt: '2026-04-29T00:00:01.000Z',
  late: false,
  agreementTitle: 'Framework on Critical Minerals',
  evidence: { text: 'The Buyer shall pay\nwithin six months.', span: null },
} satisfies MilestoneReminderV1;

const content = (ackUrl: string | null = null) => {
  const { body } = buildAlertNotification(reminder);
  return notificationContent({ ...body, data: { ...body.data, ackUrl } });
};

describe('notificationContent', () => {
  it('gives every format the same headline, summary, facts and evidence', () => {
    expect(content()).toMatchObject({
      severity: 'critical',
      headline: 'Overdue since 2026-04-29: Pay <b>& settle</b> the first instalment',
      facts: [
        ['Due', '2026-04-28'],
        ['When', 'overdue since 2026-04-29'],
        ['Severity', 'critical'],
        ['Category', 'payment'],
        ['Agreement', 'Framework on Critical Minerals'],
      ],
      evidence: 'The Buyer shall pay within six months.',
      ackUrl: null,
    });
  });
});

describe('slackMessage', () => {
  it('has a text fallback and blocks, with agreement text escaped so it cannot become markup', () => {
    const message = slackMessage(content('https://alerts.example/v1/alerts/x/ack?sig=1'));
    expect(message.text).toMatch(/^Overdue since 2026-04-29 \(was due 2026-04-28\): Pay/);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: '🔴 Overdue since 2026-04-29: Pay <b>& settle</b> the first instalment',
        emoji: true,
      },
    });
    expect(JSON.stringify(message.blocks[1])).toContain('Pay &lt;b&gt;&amp; settle&lt;/b&gt;');
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ type: 'button', url: 'https://alerts.example/v1/alerts/x/ack?sig=1' }],
    });
  });

  it('keeps a header within Slack’s 150 characters', () => {
    const { body } = buildAlertNotification({ ...reminder, title: 'x'.repeat(400) });
    const header = slackMessage(notificationContent(body)).blocks[0] as {
      text: { text: string };
    };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
  });
});

describe('teamsMessage', () => {
  it('wraps an Adaptive Card in a message attachment, with the ack link as an action', () => {
    const message = teamsMessage(content('https://alerts.example/ack'));
    expect(message).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            version: '1.4',
            actions: [{ type: 'Action.OpenUrl', url: 'https://alerts.example/ack' }],
          },
        },
      ],
    });
    const card = message.attachments[0]!.content as { body: { type: string }[] };
    expect(card.body.map((element) => element.type)).toEqual([
      'TextBlock',
      'TextBlock',
      'FactSet',
      'TextBlock',
    ]);
  });
});

describe('alertEmail', () => {
  it('has a subject to triage from, and text and HTML with the same facts, HTML escaped', () => {
    const email = alertEmail(content());
    expect(email.subject).toBe(
      '[DealWatch critical] Overdue since 2026-04-29: Pay <b>& settle</b> the first instalment',
    );
    expect(email.text).toContain('Due: 2026-04-28\n');
    expect(email.html).toContain('Pay &lt;b&gt;&amp; settle&lt;/b&gt;');
    expect(email.html).not.toContain('<b>&');
  });
});

describe('milestoneCalendar', () => {
  it('is one all-day event on the due date, identified by the milestone', () => {
    const ics = milestoneCalendar(content(), new Date('2026-04-29T00:00:02.000Z'));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('UID:5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f@dealwatch');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260428');
    expect(ics).toContain('DTSTAMP:20260429T000002Z');
    expect(ics).toContain('SUMMARY:Pay <b>& settle</b> the first instalment');
  });
});

describe('resolved notifications', () => {
  const { body } = buildAlertNotification(reminder);
  const resolved = buildResolvedBody(
    { ...body, data: { ...body.data, ackUrl: 'https://alerts.example/ack' } },
    {
      milestoneStatus: 'met',
      actor: 'treasury@example.com',
      reason: 'paid on 2026-04-30',
      resolvedAt: '2026-04-30T10:00:00.000Z',
    },
  );

  it('say the same alert is closed, and how, without an ack link', () => {
    expect(resolved).toMatchObject({
      type: 'milestone.resolved',
      timestamp: '2026-04-30T10:00:00.000Z',
      data: {
        alertId: body.data.alertId,
        summary: 'Resolved (met): Pay <b>& settle</b> the first instalment',
        resolution: { milestoneStatus: 'met', actor: 'treasury@example.com' },
      },
    });
    expect(resolved.data).not.toHaveProperty('ackUrl');
    const content = notificationContent(resolved);
    expect(content).toMatchObject({
      resolved: true,
      ackUrl: null,
      headline: 'Resolved (met): Pay <b>& settle</b> the first instalment',
    });
    expect(content.facts[0]).toEqual(['Resolved', 'met by treasury@example.com']);
    expect(alertEmail(content).subject).toMatch(/^\[DealWatch resolved\] Resolved \(met\)/);
    expect(slackMessage(content).blocks[0]).toMatchObject({
      text: { text: expect.stringMatching(/^✅/) },
    });
  });

  it('carry their own stable webhook-id', () => {
    expect(resolvedNotificationIdFor(body.data.alertId)).toBe(
      resolvedNotificationIdFor(body.data.alertId),
    );
    expect(resolvedNotificationIdFor(body.data.alertId)).not.toBe(body.data.alertId);
  });
});
