import { parseMatcher } from './matcher';
import type { AlertLabels } from './matcher';
import { defaultRoute, parseRoute, receiversNamedIn, routeAlert, routeToPlain } from './route-tree';
import type { Route } from './route-tree';

const all = ['ops-slack', 'finance-mail', 'legal-webhook', 'pager'];

function labels(overrides: Partial<AlertLabels> = {}): AlertLabels {
  return {
    agreementId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    milestoneId: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    category: 'meeting',
    severity: 'low',
    offset: 'P7D',
    title: 'Hold the first meeting',
    party: [],
    binding: '',
    ...overrides,
  };
}

function tree(input: unknown): Route {
  const parsed = parseRoute(input);
  if (!parsed.route) throw new Error(parsed.errors.join('; '));
  return parsed.route;
}

describe('parseMatcher', () => {
  it('reads quoted and bare values with each operator', () => {
    expect(parseMatcher('severity="critical"')).toEqual({
      label: 'severity',
      operator: '=',
      value: 'critical',
    });
    expect(parseMatcher(' category != payment ')).toEqual({
      label: 'category',
      operator: '!=',
      value: 'payment',
    });
    expect(parseMatcher('title=~"(?i)pay.*"').operator).toBe('=~');
    expect(parseMatcher('offset!~"P30D|P7D"').operator).toBe('!~');
  });

  it('refuses labels the reminder does not carry, and broken regular expressions', () => {
    expect(() => parseMatcher('country="Japan"')).toThrow(/"country" is not a label an alert has/);
    expect(() => parseMatcher('actor="Buyer"')).toThrow(/not a label/);
    expect(() => parseMatcher('title=~"("')).toThrow(/not a valid regular expression/);
    expect(() => parseMatcher('severity')).toThrow(/is not a matcher/);
  });
});

describe('routeAlert', () => {
  it('sends everything everywhere by default', () => {
    expect(routeAlert(defaultRoute, labels(), all)).toEqual(all);
  });

  it('takes the first matching child, and the root’s receivers when none matches', () => {
    const route = tree({
      receivers: ['ops-slack'],
      routes: [
        { matchers: ['category="payment"'], receivers: ['finance-mail'] },
        { matchers: ['severity=~"high|critical"'], receivers: ['pager'] },
        { matchers: ['category="payment"'], receivers: ['legal-webhook'] },
      ],
    });
    expect(routeAlert(route, labels({ category: 'payment', severity: 'critical' }), all)).toEqual([
      'finance-mail',
    ]);
    expect(routeAlert(route, labels({ severity: 'critical' }), all)).toEqual(['pager']);
    expect(routeAlert(route, labels(), all)).toEqual(['ops-slack']);
  });

  it('goes on past a child with continue, collecting each match', () => {
    const route = tree({
      receivers: ['ops-slack'],
      routes: [
        { matchers: ['severity="critical"'], receivers: ['pager'], continue: true },
        { matchers: ['category="payment"'], receivers: ['finance-mail'] },
        { matchers: ['agreementId!=""'], receivers: ['legal-webhook'] },
      ],
    });
    expect(routeAlert(route, labels({ severity: 'critical', category: 'payment' }), all)).toEqual([
      'pager',
      'finance-mail',
    ]);
    expect(routeAlert(route, labels({ severity: 'critical' }), all)).toEqual([
      'pager',
      'legal-webhook',
    ]);
  });

  it('descends into nested routes, which inherit receivers they do not name', () => {
    const route = tree({
      receivers: ['*'],
      routes: [
        {
          matchers: ['category="payment"'],
          receivers: ['finance-mail'],
          routes: [
            { matchers: ['offset="overdue"'], receivers: ['pager', 'finance-mail'] },
            { matchers: ['title=~"(?i).*instalment.*"'] },
          ],
        },
      ],
    });
    const payment = labels({ category: 'payment' });
    expect(routeAlert(route, { ...payment, offset: 'overdue' }, all)).toEqual([
      'pager',
      'finance-mail',
    ]);
    expect(routeAlert(route, { ...payment, title: 'Pay the first Instalment' }, all)).toEqual([
      'finance-mail',
    ]);
    expect(routeAlert(route, payment, all)).toEqual(['finance-mail']);
    expect(routeAlert(route, labels(), all)).toEqual(all);
  });

  it('anchors regular expressions at both ends', () => {
    const route = tree({
      receivers: ['ops-slack'],
      routes: [{ matchers: ['category=~"pay"'], receivers: ['finance-mail'] }],
    });
    expect(routeAlert(route, labels({ category: 'repayment' }), all)).toEqual(['ops-slack']);
    expect(routeAlert(route, labels({ category: 'pay' }), all)).toEqual(['finance-mail']);
  });

  it('matches party on any of the agreement’s parties, and binding as true or false', () => {
    const route = tree({
      receivers: ['ops-slack'],
      routes: [
        { matchers: ['party=~"(?i)acme.*"', 'binding="true"'], receivers: ['legal-webhook'] },
        { matchers: ['party!="Republic of Kenya"'], receivers: ['finance-mail'] },
      ],
    });
    const kenyaAndAcme = { party: ['Republic of Kenya', 'ACME Mining Ltd'] };
    expect(routeAlert(route, labels({ ...kenyaAndAcme, binding: 'true' }), all)).toEqual([
      'legal-webhook',
    ]);
    expect(routeAlert(route, labels({ ...kenyaAndAcme, binding: 'false' }), all)).toEqual([
      'ops-slack',
    ]);
    expect(routeAlert(route, labels({ party: ['Japan'], binding: '' }), all)).toEqual([
      'finance-mail',
    ]);
    // Before an extraction is known, an alert has no party: `!=` holds, `=~` does not.
    expect(routeAlert(route, labels({ party: [], binding: 'true' }), all)).toEqual([
      'finance-mail',
    ]);
  });

  it('drops receivers that do not exist (any more) rather than failing the alert', () => {
    const route = tree({ receivers: ['ops-slack', 'gone'] });
    expect(routeAlert(route, labels(), all)).toEqual(['ops-slack']);
  });
});

describe('parseRoute', () => {
  it('reports every problem with its path', () => {
    const parsed = parseRoute({
      matchers: ['severity="low"'],
      routes: [
        { matchers: 'severity="low"', receivers: [] },
        { matchers: ['country="x"'], continue: 'yes', colour: 'blue' },
        'not a route',
      ],
    });
    expect(parsed.route).toBeNull();
    expect(parsed.errors).toEqual([
      'route.routes[0].matchers: must be a list of matchers such as \'severity="critical"\'',
      'route.routes[0].receivers: must be a non-empty list of receiver names (or "*")',
      'route.routes[1].colour: unknown field',
      'route.routes[1].matchers[0]: "country" is not a label an alert has: agreementId, milestoneId, category, severity, offset, title, party, binding',
      'route.routes[1].continue: must be true or false',
      'route.routes[2]: must be an object',
      'route: the root matches every alert: no matchers',
      'route.receivers: the root must name receivers',
    ]);
  });

  it('round-trips through its plain form and lists the receivers it names', () => {
    const input = {
      matchers: [],
      receivers: ['*'],
      continue: false,
      routes: [
        {
          matchers: ['severity="critical"'],
          receivers: ['pager'],
          continue: true,
          routes: [],
        },
      ],
    };
    const route = tree(input);
    expect(routeToPlain(route)).toEqual(input);
    expect(tree(routeToPlain(route))).toEqual(route);
    expect(receiversNamedIn(route)).toEqual(['pager']);
  });
});
