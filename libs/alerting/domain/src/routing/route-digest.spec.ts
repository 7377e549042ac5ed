import { digestSchedules, digestedReceivers } from './route-digest';
import { parseRoute, routeToPlain } from './route-tree';

const labels = {
  agreementId: 'a1',
  milestoneId: 'm1',
  category: 'report',
  severity: 'info',
  offset: 'P30D',
  title: 'Annual report',
  party: [],
  binding: '',
};
const morning = { at: '08:00', timeZone: 'Europe/Berlin', sendEmpty: false };
const evening = { at: '18:00', timeZone: 'America/New_York', sendEmpty: true };

describe('digests by route', () => {
  const parsed = parseRoute({
    receivers: ['ops', 'legal'],
    routes: [
      { matchers: ['severity="info"'], digest: { at: '08:00', timeZone: 'Europe/Berlin' } },
      {
        matchers: ['category="report"'],
        receivers: ['*'],
        digest: { at: '08:00', timeZone: 'Europe/Berlin' },
        routes: [{ matchers: ['offset="P30D"'], digest: false }],
      },
    ],
  });
  const receivers = [
    { name: 'ops', digestSchedule: null },
    { name: 'legal', digestSchedule: null },
    { name: 'pager', digestSchedule: evening },
  ];

  it('reads a digest on a node, and shows it back', () => {
    expect(parsed.errors).toEqual([]);
    expect(routeToPlain(parsed.route!)['routes']).toMatchObject([{ digest: morning }, {}]);
  });

  it('gives each receiver one schedule: its own, else the first a node gives it', () => {
    const schedules = digestSchedules(parsed.route!, receivers);
    expect(schedules.get('ops')).toEqual(morning);
    expect(schedules.get('legal')).toEqual(morning);
    expect(schedules.get('pager')).toEqual(evening);
  });

  it('collects for a digest what a matching digest node sends, and all of a digest receiver', () => {
    const digested = digestedReceivers(parsed.route!, labels, receivers);
    expect([...digested].sort()).toEqual(['legal', 'ops', 'pager']);
    const urgent = { ...labels, severity: 'critical', category: 'payment', offset: 'overdue' };
    expect([...digestedReceivers(parsed.route!, urgent, receivers)]).toEqual(['pager']);
  });

  it('sends one by one below a node that says digest: false', () => {
    const onlyReport = parseRoute({
      receivers: ['ops'],
      routes: [
        {
          matchers: ['category="report"'],
          digest: { at: '08:00', timeZone: 'Europe/Berlin' },
          routes: [{ matchers: ['offset="P30D"'], digest: false }],
        },
      ],
    });
    const plain = [{ name: 'ops', digestSchedule: null }];
    expect(digestedReceivers(onlyReport.route!, labels, plain).size).toBe(0);
    expect(digestedReceivers(onlyReport.route!, { ...labels, offset: 'P7D' }, plain).size).toBe(1);
  });

  it('reports a digest it cannot keep, with its path', () => {
    expect(
      parseRoute({
        receivers: ['ops'],
        digest: { at: '8am', timeZone: 'Europe/Berlin' },
        routes: [
          { digest: { at: '08:00', timeZone: 'Berlin', every: 'day' } },
          { digest: 'daily' },
        ],
      }).errors,
    ).toEqual([
      'route.digest: at must be a time of day as HH:MM, such as 08:00',
      'route.routes[0].digest.every: unknown field',
      'route.routes[0].digest: timeZone must be an IANA time zone, such as Europe/Berlin',
      'route.routes[1].digest: must be { at: "08:00", timeZone: "Europe/Berlin" } or false',
    ]);
  });
});
