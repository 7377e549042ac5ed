import { alertIdFor } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import {
  EventPublisher,
  WebhookReceiver,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { ReminderPublisher, getJson, reminder, startAlerting } from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';

const namespace = createTestNamespace('alerting-routes');
const schema = `${namespace.schemaPrefix}alerting`;
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

const ROUTES_YAML = `
# Critical alerts page, and go on to the team of their category; the rest goes to ops.
receivers: [ops]
routes:
  - matchers: ['severity="critical"']
    receivers: [pager]
    continue: true
  - matchers: ['category=~"payment|financing"']
    receivers: [finance]
`;

/** The messages of a validation problem, in order. */
const messagesOf = (body: unknown) =>
  (body as { errors: { message: string }[] }).errors.map((error) => error.message);

describe('routes from a YAML file at start and from PUT /v1/routes', () => {
  const sinks = {
    ops: new WebhookReceiver(),
    finance: new WebhookReceiver(),
    pager: new WebhookReceiver(),
  };
  const publisher = new ReminderPublisher(brokers, namespace);
  const upstream = new EventPublisher(brokers, namespace.topicPrefix);
  const db = new Client({ connectionString: requiredEnv('DATABASE_URL') });
  let service: RunningAlerting;

  beforeAll(async () => {
    await Promise.all([
      ...Object.values(sinks).map((sink) => sink.start()),
      publisher.start(),
      upstream.start(),
      db.connect(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'alerting-routes-')), 'routes.yaml');
    writeFileSync(file, ROUTES_YAML);
    service = await startAlerting(namespace, [], { ALERT_ROUTES_FILE: file });
    for (const [name, sink] of Object.entries(sinks)) {
      const created = await send('POST', '/v1/receivers', { name, kind: 'webhook', url: sink.url });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await service.app.close();
    await Promise.all([
      ...Object.values(sinks).map((sink) => sink.stop()),
      publisher.stop(),
      upstream.stop(),
      db.end(),
    ]);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function send(method: string, path: string, body?: unknown) {
    const response = await apiFetch(`${service.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    return { status: response.status, body: answer };
  }

  /** The receivers the alert of `due` went to, once it is recorded and sent. */
  async function routedTo(due: ReturnType<typeof reminder>): Promise<string[]> {
    await publisher.publish(due);
    const alertId = alertIdFor(due.reminderId);
    return expectEventually(async () => {
      const { status, body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      expect(status).toBe(200);
      const deliveries = (body as { deliveries: { receiver: string; status: string }[] })
        .deliveries;
      for (const delivery of deliveries) expect(delivery.status).toBe('delivered');
      return deliveries.map((delivery) => delivery.receiver).sort();
    });
  }

  it('loads the file at start and shows it', async () => {
    const { status, body } = await send('GET', '/v1/routes');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      source: 'file',
      route: {
        receivers: ['ops'],
        routes: [
          { matchers: ['severity="critical"'], receivers: ['pager'], continue: true },
          { matchers: ['category=~"payment|financing"'], receivers: ['finance'], continue: false },
        ],
      },
    });
  });

  it('routes by severity and category, going on past a route with continue', async () => {
    expect(await routedTo(reminder({ offset: 'overdue', category: 'payment' }))).toEqual([
      'finance',
      'pager',
    ]);
    expect(await routedTo(reminder({ offset: 'overdue', category: 'meeting' }))).toEqual(['pager']);
    expect(await routedTo(reminder({ offset: 'P7D', category: 'financing' }))).toEqual(['finance']);
    expect(await routedTo(reminder({ offset: 'P30D', category: 'meeting' }))).toEqual(['ops']);
    const toPager = sinks.pager.requests.map(
      (request) => (JSON.parse(request.body) as { data: { severity: string } }).data.severity,
    );
    expect(new Set(toPager)).toEqual(new Set(['critical']));
  });

  it('refuses a tree that does not parse or names a receiver that does not exist, with reasons', async () => {
    const broken = await send('PUT', '/v1/routes', {
      matchers: ['severity="low"'],
      routes: [{ matchers: ['country="Japan"'], receivers: ['ops'] }],
    });
    expect(broken.status).toBe(400);
    expect(messagesOf(broken.body)).toEqual([
      'route.routes[0].matchers[0]: "country" is not a label an alert has: agreementId, milestoneId, category, severity, offset, title, party, binding',
      'route: the root matches every alert: no matchers',
      'route.receivers: the root must name receivers',
    ]);
    const unknown = await send('PUT', '/v1/routes', { receivers: ['ops', 'nobody'] });
    expect(unknown.status).toBe(400);
    expect(messagesOf(unknown.body)).toEqual(['no receiver is named "nobody"']);
    expect((await send('GET', '/v1/routes')).body).toMatchObject({ source: 'file' });
  });

  it('replaces the tree through the API, from the next alert on', async () => {
    const replaced = await send('PUT', '/v1/routes', {
      receivers: ['*'],
      routes: [
        { matchers: ['agreementId="00000000-0000-4000-8000-000000000000"'], receivers: ['ops'] },
      ],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ source: 'api', route: { receivers: ['*'] } });
    expect(await routedTo(reminder({ offset: 'P30D', category: 'meeting' }))).toEqual([
      'finance',
      'ops',
      'pager',
    ]);
    expect(
      await routedTo(reminder({ agreementId: '00000000-0000-4000-8000-000000000000' })),
    ).toEqual(['ops']);
  });

  it('routes by the parties of the agreement and whether the obligation binds, as extracted', async () => {
    const replaced = await send('PUT', '/v1/routes', {
      receivers: ['ops'],
      routes: [
        { matchers: ['party=~"(?i)acme.*"', 'binding="true"'], receivers: ['finance'] },
        { matchers: ['binding="false"'], receivers: ['pager'] },
      ],
    });
    expect(replaced.status).toBe(200);
    const agreementId = randomUUID();
    const [binds, mayAct] = [randomUUID(), randomUUID()];
    await upstream.publish(
      Topics.ClausesExtractedV1,
      {
        agreementId,
        extractionId: randomUUID(),
        extractorVersion: 'test',
        extractedAt: '2026-04-01T00:00:00.000Z',
        title: 'Offtake agreement',
        publishedAt: null,
        signedAt: null,
        effectiveAt: null,
        parties: ['Republic of Kenya', 'ACME Mining Ltd'],
        obligations: [obligation('pay', true), obligation('consult', false)],
      },
      { key: agreementId, eventId: randomUUID() },
    );
    for (const [milestoneId, obligationKey] of [
      [binds, 'pay'],
      [mayAct, 'consult'],
    ] as const) {
      await upstream.publish(
        Topics.MilestoneScheduledV1,
        {
          milestoneId,
          agreementId,
          obligationKey,
          title: obligationKey,
          category: 'payment',
          dueDate: '2026-04-28',
          overdueAt: '2026-04-29T00:00:00.000Z',
          evidence: null,
          reminders: [],
        },
        { key: agreementId, eventId: randomUUID() },
      );
    }
    // The labels must be known before the reminders come, as they are when a scheduler fires.
    await expectEventually(async () => {
      const { rows } = await db.query(
        `SELECT 1 FROM "${schema}".milestone_obligations m
         JOIN "${schema}".obligation_labels o USING (agreement_id, obligation_key)
         JOIN "${schema}".agreement_labels a USING (agreement_id)
         WHERE m.agreement_id = $1`,
        [agreementId],
      );
      expect(rows).toHaveLength(2);
    });

    expect(await routedTo(reminder({ agreementId, milestoneId: binds }))).toEqual(['finance']);
    expect(await routedTo(reminder({ agreementId, milestoneId: mayAct }))).toEqual(['pager']);
    // An agreement not extracted yet has no party and an empty binding: only the root takes it.
    expect(await routedTo(reminder())).toEqual(['ops']);
  });
});

function obligation(obligationKey: string, binding: boolean) {
  return {
    obligationKey,
    text: `The Buyer shall ${obligationKey}.`,
    span: [0, 10] as [number, number],
    actors: ['Buyer'],
    action: obligationKey,
    category: 'payment',
    binding,
    confidence: 0.9,
    deadline: null,
  };
}
