import { groupDueAt, groupingByReceiver } from './route-grouping';
import { parseRoute } from './route-tree';

const labels = {
  agreementId: 'a1',
  milestoneId: 'm1',
  category: 'payment',
  severity: 'high',
  offset: 'PT0S',
  title: 'Pay',
  party: [],
  binding: '',
};

describe('grouping by route', () => {
  const parsed = parseRoute({
    receivers: ['ops'],
    groupBy: ['agreementId'],
    routes: [
      {
        matchers: ['category="payment"'],
        receivers: ['finance', 'ops'],
        groupBy: ['agreementId', 'category'],
        groupWait: 'PT10S',
        groupInterval: 'PT1M',
      },
      { matchers: ['category="meeting"'], groupBy: [] },
    ],
  });

  it('keys a group by the node and its labels, per receiver, with its times', () => {
    expect(parsed.errors).toEqual([]);
    const grouping = groupingByReceiver(parsed.route!, labels, ['ops', 'finance', 'chat']);
    expect(grouping.get('finance')).toEqual({
      key: 'route.routes[0]{agreementId="a1",category="payment"}',
      waitMs: 10_000,
      intervalMs: 60_000,
    });
    expect(grouping.get('ops')?.key).toBe(grouping.get('finance')?.key);
    expect(grouping.has('chat')).toBe(false);
  });

  it('inherits groupBy with Alertmanager’s default times, and [] stops grouping', () => {
    const other = groupingByReceiver(parsed.route!, { ...labels, category: 'report' }, ['ops']);
    expect(other.get('ops')).toEqual({
      key: 'route{agreementId="a1"}',
      waitMs: 30_000,
      intervalMs: 300_000,
    });
    expect(
      groupingByReceiver(parsed.route!, { ...labels, category: 'meeting' }, ['ops']).size,
    ).toBe(0);
  });

  it('reports unknown labels and bad times with their paths', () => {
    expect(
      parseRoute({
        receivers: ['ops'],
        groupBy: ['country'],
        groupWait: 'soon',
        groupInterval: 'PT0S',
      }).errors,
    ).toEqual([
      'route.groupBy: must be a list of labels: agreementId, milestoneId, category, severity, offset, title, party, binding',
      'route.groupWait: must be an ISO 8601 duration such as PT4H',
      'route.groupInterval: must be a positive ISO 8601 duration such as PT4H',
    ]);
  });
});

describe('groupDueAt', () => {
  const now = new Date('2026-04-29T09:00:00.000Z');
  const group = { waitMs: 30_000, intervalMs: 300_000 };

  it('waits for a new group, joins a waiting one, and keeps the interval after a send', () => {
    expect(groupDueAt(group, { waitingUntil: null, lastSentAt: null }, now)).toEqual(
      new Date('2026-04-29T09:00:30.000Z'),
    );
    const waiting = new Date('2026-04-29T09:00:12.000Z');
    expect(groupDueAt(group, { waitingUntil: waiting, lastSentAt: null }, now)).toBe(waiting);
    expect(
      groupDueAt(
        group,
        { waitingUntil: null, lastSentAt: new Date('2026-04-29T08:58:00.000Z') },
        now,
      ),
    ).toEqual(new Date('2026-04-29T09:03:00.000Z'));
    expect(
      groupDueAt(
        group,
        { waitingUntil: null, lastSentAt: new Date('2026-04-29T08:00:00.000Z') },
        now,
      ),
    ).toEqual(now);
  });
});
