import {
  buildEscalatedBody,
  escalatedEventIdFor,
  escalatedNotificationIdFor,
  escalationDelayMs,
  nextEscalation,
} from './alert-escalation';
import { buildAlertNotification } from './alert-notification';
import { notificationContent } from './formats/notification-content';
import { escalationPolicyOf, parseRoute } from './routing/route-tree';

const labels = {
  agreementId: 'a1',
  milestoneId: 'm1',
  category: 'payment',
  severity: 'critical',
  offset: 'overdue',
  title: 'Pay the first instalment',
  party: [],
  binding: '',
};

describe('escalation policy in the route tree', () => {
  const parsed = parseRoute({
    receivers: ['ops'],
    escalateTo: ['lead'],
    routes: [
      {
        matchers: ['category="payment"'],
        receivers: ['finance'],
        escalateTo: [['cfo', 'treasury'], 'board'],
        escalateAfter: 'PT1H',
      },
      { matchers: ['category="meeting"'], escalateTo: [] },
    ],
  });

  it('takes the deepest matching node, names or lists of names per level', () => {
    expect(parsed.errors).toEqual([]);
    expect(escalationPolicyOf(parsed.route!, labels)).toEqual({
      levels: [['cfo', 'treasury'], ['board']],
      after: 'PT1H',
    });
  });

  it('inherits the parent’s levels, and [] turns escalation off', () => {
    expect(escalationPolicyOf(parsed.route!, { ...labels, category: 'report' })).toEqual({
      levels: [['lead']],
      after: null,
    });
    expect(escalationPolicyOf(parsed.route!, { ...labels, category: 'meeting' })).toBeNull();
  });

  it('reports bad levels and durations with their paths', () => {
    expect(
      parseRoute({ receivers: ['ops'], escalateTo: [[], 3], escalateAfter: 'four hours' }).errors,
    ).toEqual([
      'route.escalateTo[0]: must be a receiver name or a non-empty list of names',
      'route.escalateTo[1]: must be a receiver name or a non-empty list of names',
      'route.escalateAfter: must be a positive ISO 8601 duration such as PT4H',
    ]);
  });
});

describe('nextEscalation', () => {
  const at = new Date('2026-05-01T10:00:00Z');
  const levels = [['lead'], ['cfo', 'board']];

  it('goes one level at a time and plans the next while there is one', () => {
    expect(nextEscalation(levels, 0, at, 3_600_000)).toEqual({
      level: 1,
      receivers: ['lead'],
      nextAt: new Date('2026-05-01T11:00:00Z'),
    });
    expect(nextEscalation(levels, 1, at, 3_600_000)).toEqual({
      level: 2,
      receivers: ['cfo', 'board'],
      nextAt: null,
    });
    expect(nextEscalation(levels, 2, at, 3_600_000)).toBeNull();
  });

  it('waits the route’s time, or the default', () => {
    expect(escalationDelayMs({ after: 'PT30M' }, 'PT4H')).toBe(1_800_000);
    expect(escalationDelayMs({ after: null }, 'PT4H')).toBe(14_400_000);
  });
});

describe('the escalated notification', () => {
  const firing = buildAlertNotification({
    reminderId: '7d1f3a52-0b8e-4c1a-9f3e-2a4b6c8d0e1f',
    milestoneId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    agreementId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    title: 'Pay the first instalment',
    category: 'payment',
    offset: 'overdue',
    dueDate: '2026-04-28',
    scheduledFor: '2026-04-29T09:00:00.000Z',
    firedAt: '2026-04-29T09:00:00.000Z',
    late: false,
    agreementTitle: null,
    evidence: { text: 'within 30 days', span: null },
  }).body;

  it('is the firing alert with the level, said in every format', () => {
    const body = buildEscalatedBody(firing, {
      level: 1,
      receivers: ['lead'],
      escalatedAt: '2026-04-29T13:00:00.000Z',
      firingSince: '2026-04-29T09:00:00.000Z',
    });
    expect(body.type).toBe('milestone.escalated');
    expect(body.data.alertId).toBe(firing.data.alertId);
    expect(body.data.summary).toMatch(/^Escalated \(level 1, unacknowledged\): /);
    const content = notificationContent(body);
    expect(content.headline).toMatch(/^Escalated \(level 1\): /);
    expect(content.facts[0]).toEqual([
      'Escalated',
      'level 1, unacknowledged since 2026-04-29T09:00:00.000Z',
    ]);
    expect(content.resolved).toBe(false);
  });

  it('has stable ids of its own', () => {
    const alertId = firing.data.alertId;
    expect(escalatedNotificationIdFor(alertId)).not.toBe(alertId);
    expect(escalatedNotificationIdFor(alertId)).toBe(escalatedNotificationIdFor(alertId));
    expect(escalatedEventIdFor(alertId, 1)).not.toBe(escalatedEventIdFor(alertId, 2));
  });
});
