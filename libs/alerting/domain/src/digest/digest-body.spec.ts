import type { MilestoneReminderV1 } from '@dealwatch/contracts';

import { buildAlertNotification } from '../alert-notification';
import { buildDigestBody, isEmptyDigest } from './digest-body';
import type { DigestAlert } from './digest-body';
import { digestEmail, digestSlackMessage, digestTeamsMessage } from './digest-formats';

function digestAlert(
  offset: string,
  title: string,
  standing: Partial<DigestAlert> = {},
): DigestAlert {
  const reminder: MilestoneReminderV1 = {
    reminderId: `0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a${String(title.length).padStart(2, '0')}`,
    milestoneId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    agreementId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    title,
    category: 'payment',
    offset,
    dueDate: '2026-04-28',
    scheduledFor: '2026-04-21T09:00:00.000Z',
    firedAt: '2026-04-21T09:00:01.000Z',
    late: false,
    agreementTitle: 'Framework <on> Minerals',
    evidence: { text: 'The Buyer shall pay.', span: null },
  };
  const { body } = buildAlertNotification(reminder);
  return {
    ...body.data,
    ackUrl: `https://alerts.example/ack/${title.length}`,
    state: 'firing',
    firedAt: reminder.firedAt,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolution: null,
    resolvedAt: null,
    ...standing,
  };
}

const period = {
  digestId: '11111111-2222-4333-8444-555555555555',
  receiver: 'ops',
  date: '2026-04-29',
  timeZone: 'Europe/Berlin',
  since: new Date('2026-04-28T06:00:00.000Z'),
  until: new Date('2026-04-29T06:00:00.000Z'),
};

describe('buildDigestBody', () => {
  const upcoming = digestAlert('P30D', 'Annual report');
  const overdue = digestAlert('overdue', 'Pay the first instalment');
  const acked = digestAlert('P7D', 'Hold the meeting', {
    state: 'acknowledged',
    acknowledgedBy: 'ana',
  });
  const body = buildDigestBody({ ...period, alerts: [upcoming, acked, overdue], stillOpen: [] });

  it('lists what fired most urgent first, overdue at the top, with counts by severity', () => {
    expect(body.type).toBe('milestone.digest');
    expect(body.data.alerts.map((alert) => alert.title)).toEqual([
      'Pay the first instalment',
      'Hold the meeting',
      'Annual report',
    ]);
    expect(body.data).toMatchObject({
      count: 3,
      since: '2026-04-28T06:00:00.000Z',
      until: '2026-04-29T06:00:00.000Z',
      bySeverity: { critical: 1, high: 0, medium: 0, low: 1, info: 1 },
    });
    expect(isEmptyDigest(body)).toBe(false);
  });

  it('is empty only with nothing fired and nothing still open', () => {
    expect(isEmptyDigest(buildDigestBody({ ...period, alerts: [], stillOpen: [] }))).toBe(true);
    expect(isEmptyDigest(buildDigestBody({ ...period, alerts: [], stillOpen: [overdue] }))).toBe(
      false,
    );
  });

  it('renders an e-mail in sections by severity, with an ack link only for what nobody took on', () => {
    const email = digestEmail(body);
    expect(email.subject).toBe('DealWatch digest for 2026-04-29: 3 alerts');
    const critical = email.text.indexOf('🔴 Critical (1)');
    const low = email.text.indexOf('🔵 Low (1)');
    expect(critical).toBeGreaterThanOrEqual(0);
    expect(low).toBeGreaterThan(critical);
    expect(email.text).toContain(
      'Hold the meeting — Framework <on> Minerals (due 2026-04-28) — acknowledged by ana',
    );
    expect(email.text).toContain(`Acknowledge: ${overdue.ackUrl}`);
    expect(email.text).not.toContain(`Acknowledge: ${acked.ackUrl}`);
    expect(email.html).toContain('Framework &lt;on&gt; Minerals');
    expect(email.html).not.toContain('<on>');
  });

  it('shows the overdue alerts still open in a section of their own', () => {
    const withOpen = buildDigestBody({ ...period, alerts: [], stillOpen: [overdue] });
    const email = digestEmail(withOpen);
    expect(email.subject).toBe('DealWatch digest for 2026-04-29: 0 alerts, 1 overdue still open');
    expect(email.text).toContain('⏰ Overdue, still open (1)');
  });

  it('says so when a digest that lists nothing is sent', () => {
    const empty = buildDigestBody({ ...period, alerts: [], stillOpen: [] });
    expect(digestEmail(empty).text).toMatch(/^Nothing fired since the last digest/);
    expect(JSON.stringify(digestSlackMessage(empty))).toContain('Nothing fired');
  });

  it('renders Slack with a button per open alert and escapes agreement text', () => {
    const message = digestSlackMessage(body);
    expect(message.text).toBe('DealWatch digest for 2026-04-29: 3 alerts');
    const buttons = message.blocks.filter((block) => 'accessory' in block);
    expect(buttons).toHaveLength(2);
    expect(JSON.stringify(message.blocks)).toContain('Framework &lt;on&gt; Minerals');
  });

  it('keeps a long digest within the chat limits, saying how many are left out', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      digestAlert('P7D', 'x'.repeat(index + 1)),
    );
    const long = buildDigestBody({ ...period, alerts: many, stillOpen: [] });
    expect(digestSlackMessage(long).blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(digestSlackMessage(long))).toContain('…and 10 more');
    expect(JSON.stringify(digestTeamsMessage(long))).toContain('…and 10 more');
  });

  it('renders Teams as an Adaptive Card with an OpenUrl action per open alert', () => {
    const card = digestTeamsMessage(body).attachments[0]!.content as {
      body: { type: string }[];
    };
    expect(card.body.filter((element) => element.type === 'ActionSet')).toHaveLength(2);
  });
});
