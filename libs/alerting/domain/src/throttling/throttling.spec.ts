import { buildAlertNotification } from '../alert-notification';
import { slackMessage } from '../formats/slack-message';
import { breakerView, opensAfterFailure } from './circuit-breaker';
import { buildGroupedBody, groupedContent, groupedNotificationIdFor } from './grouped-notification';
import { rateWindowAt, rateWindowMs } from './rate-limit';

describe('rate windows', () => {
  it('reads durations from a second to a day', () => {
    expect(rateWindowMs('PT1M')).toBe(60_000);
    expect(rateWindowMs('P1D')).toBe(86_400_000);
    expect(rateWindowMs('PT0.5S')).toBeNull();
    expect(rateWindowMs('P2D')).toBeNull();
    expect(rateWindowMs('a minute')).toBeNull();
  });

  it('aligns windows on the epoch, so every instance counts in the same one', () => {
    const window = rateWindowAt(new Date('2026-04-29T09:00:42.000Z'), 60_000);
    expect(window.opensNextAt).toEqual(new Date('2026-04-29T09:01:00.000Z'));
    expect(rateWindowAt(new Date('2026-04-29T09:00:59.999Z'), 60_000).index).toBe(window.index);
    expect(rateWindowAt(new Date('2026-04-29T09:01:00.000Z'), 60_000).index).toBe(window.index + 1);
  });
});

describe('circuit breaker', () => {
  const now = new Date('2026-04-29T09:00:00.000Z');
  const policy = { failureThreshold: 3, cooldownMs: 60_000 };

  it('opens at the threshold of failures in a row, and a failed trial reopens it', () => {
    expect(opensAfterFailure({ consecutiveFailures: 1, openUntil: null }, policy)).toBe(false);
    expect(opensAfterFailure({ consecutiveFailures: 2, openUntil: null }, policy)).toBe(true);
    expect(opensAfterFailure({ consecutiveFailures: 3, openUntil: now.getTime() }, policy)).toBe(
      true,
    );
  });

  it('is open during the cool-down, then half-open', () => {
    const openUntil = now.getTime() + 60_000;
    expect(breakerView({ consecutiveFailures: 0, openUntil: null }, now).state).toBe('closed');
    expect(breakerView({ consecutiveFailures: 3, openUntil }, now)).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      openUntil: new Date(openUntil),
    });
    expect(breakerView({ consecutiveFailures: 3, openUntil }, new Date(openUntil)).state).toBe(
      'half-open',
    );
  });
});

describe('grouped notification', () => {
  const bodies = (['P7D', 'overdue'] as const).map(
    (offset, index) =>
      buildAlertNotification({
        reminderId: `7d1f3a52-0b8e-4c1a-9f3e-2a4b6c8d0e1${index}`,
        milestoneId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        agreementId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
        title: `Milestone ${index + 1}`,
        category: 'payment',
        offset,
        dueDate: '2026-04-28',
        scheduledFor: '2026-04-21T09:00:00.000Z',
        firedAt: '2026-04-21T09:00:00.000Z',
        late: false,
        agreementTitle: null,
        evidence: { text: 'within 30 days', span: null },
      }).body,
  );

  it('lists every alert as it would have gone alone', () => {
    const body = buildGroupedBody(bodies, 'rate limit', new Date('2026-04-29T09:01:00.000Z'));
    expect(body.type).toBe('milestone.reminders');
    expect(body.data.count).toBe(2);
    expect(body.data.alerts.map((alert) => [alert.type, alert.title])).toEqual([
      ['milestone.reminder', 'Milestone 1'],
      ['milestone.reminder', 'Milestone 2'],
    ]);
  });

  it('renders for chat with the most urgent severity and a line per alert', () => {
    const content = groupedContent(buildGroupedBody(bodies, 'rate limit', new Date()));
    expect(content.severity).toBe('critical');
    expect(content.headline).toBe('2 alerts (rate limit)');
    expect(content.summary.split('\n')).toHaveLength(2);
    expect(JSON.stringify(slackMessage(content))).toContain('Milestone 2');
  });

  it('has one id for the same deliveries, in any order', () => {
    expect(groupedNotificationIdFor(['b', 'a'])).toBe(groupedNotificationIdFor(['a', 'b']));
    expect(groupedNotificationIdFor(['a'])).not.toBe(groupedNotificationIdFor(['a', 'b']));
  });
});
