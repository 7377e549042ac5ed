import { alertIdFor } from '@dealwatch/alerting/domain';
import {
  WebhookReceiver,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import {
  ReminderPublisher,
  getJson,
  reminder,
  startAlerting,
  verifiesIndependently,
} from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';
import { SmtpSink } from '../testing/smtp-sink';

interface ReceiverJson {
  id: string;
  name: string;
  kind: string;
  target: string;
  secretSet: boolean;
  enabled: boolean;
}

interface DeliveryJson {
  receiver: string;
  status: string;
  lastError: string | null;
}

const namespace = createTestNamespace('alerting-receivers');
const schema = `${namespace.schemaPrefix}alerting`;
const ownSecret = `whsec_${Buffer.from('the secret of the ops webhook!!!').toString('base64')}`;

describe('receivers managed through the API, stored encrypted in PostgreSQL', () => {
  const webhook = new WebhookReceiver();
  const generated = new WebhookReceiver();
  const slack = new WebhookReceiver();
  const teams = new WebhookReceiver();
  const smtp = new SmtpSink();
  const publisher = new ReminderPublisher(requiredEnv('KAFKA_BROKERS').split(','), namespace);
  const db = new Client({ connectionString: requiredEnv('DATABASE_URL') });
  let service: RunningAlerting;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await Promise.all([
      webhook.start(),
      generated.start(),
      slack.start(),
      teams.start(),
      smtp.start(),
      publisher.start(),
      db.connect(),
    ]);
    service = await startAlerting(namespace, [], { SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await service.app.close();
    await Promise.all([
      webhook.stop(),
      generated.stop(),
      slack.stop(),
      teams.stop(),
      smtp.stop(),
      publisher.stop(),
    ]);
    await db.end();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function send(method: string, path: string, body?: unknown) {
    const response = await apiFetch(`${service.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async function deliveriesOf(alertId: string, count: number): Promise<DeliveryJson[]> {
    return expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      const found = (body as { deliveries?: DeliveryJson[] }).deliveries ?? [];
      expect(found).toHaveLength(count);
      for (const delivery of found) expect(['delivered', 'dead']).toContain(delivery.status);
      return found;
    });
  }

  it('creates one receiver of each kind and answers without URLs or secrets', async () => {
    const bodies = [
      { name: 'ops-webhook', kind: 'webhook', url: webhook.url, secret: ownSecret },
      { name: 'generated-webhook', kind: 'webhook', url: generated.url },
      { name: 'ops-slack', kind: 'slack', url: slack.url },
      { name: 'ops-teams', kind: 'teams', url: teams.url },
      { name: 'ops-email', kind: 'email', to: ['ops@example.com', 'legal@example.com'] },
    ];
    for (const body of bodies) {
      const created = await send('POST', '/v1/receivers', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: body.name,
        kind: body.kind,
        source: 'api',
        secretSet: body.kind === 'webhook',
        enabled: true,
      });
      expect(created.body).not.toHaveProperty('url');
      expect(created.body).not.toHaveProperty('secret');
      ids[body.name] = (created.body as ReceiverJson).id;
    }

    const listed = await send('GET', '/v1/receivers');
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: ReceiverJson[] }).items;
    expect(items.map((item) => item.name)).toEqual([
      'generated-webhook',
      'ops-email',
      'ops-slack',
      'ops-teams',
      'ops-webhook',
    ]);
    expect(items.find((item) => item.name === 'ops-email')).toMatchObject({
      target: 'ops@example.com, legal@example.com',
    });
    expect(listed.text).not.toContain(ownSecret.slice(6));
    expect(listed.text).not.toContain('/hook');
  });

  it('keeps URLs and secrets encrypted at rest', async () => {
    const { rows } = await db.query<{ sealed_url: string | null; sealed_secret: string | null }>(
      `SELECT sealed_url, sealed_secret FROM "${schema}".receivers`,
    );
    expect(rows).toHaveLength(5);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(ownSecret.slice(6));
    expect(stored).not.toContain('127.0.0.1');
    for (const row of rows) if (row.sealed_url) expect(row.sealed_url).toMatch(/^v1\./);
  });

  it('sends one alert to each in its own format', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    await publisher.publish(due);

    const deliveries = await deliveriesOf(alertId, 5);
    expect(deliveries.map((delivery) => [delivery.receiver, delivery.status]).sort()).toEqual([
      ['generated-webhook', 'delivered'],
      ['ops-email', 'delivered'],
      ['ops-slack', 'delivered'],
      ['ops-teams', 'delivered'],
      ['ops-webhook', 'delivered'],
    ]);

    const signed = webhook.requests.find((request) => request.headers['webhook-id'] === alertId)!;
    expect(verifiesIndependently(ownSecret, signed.headers, signed.body)).toBe(true);
    expect(verifiesIndependently(ownSecret, signed.headers, `${signed.body} `)).toBe(false);
    expect(JSON.parse(signed.body)).toMatchObject({
      type: 'milestone.reminder',
      data: { alertId },
    });
    const otherSigned = generated.requests.find((r) => r.headers['webhook-id'] === alertId)!;
    expect(String(otherSigned.headers['webhook-signature'])).toMatch(/^v1,/);
    expect(verifiesIndependently(ownSecret, otherSigned.headers, otherSigned.body)).toBe(false);

    const slackBody = JSON.parse(slack.requests.at(-1)!.body) as {
      text: string;
      blocks: { type: string }[];
    };
    expect(slackBody.text).toBe(
      'Due in 7 days (2026-04-28): Hold the first meeting of the Joint Committee — ' +
        '"Framework on Critical Minerals".',
    );
    expect(slackBody.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(slack.requests.at(-1)!.headers['webhook-signature']).toBeUndefined();

    const teamsBody = JSON.parse(teams.requests.at(-1)!.body) as {
      type: string;
      attachments: { contentType: string; content: { type: string; version: string } }[];
    };
    expect(teamsBody).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.4' },
        },
      ],
    });

    const mail = await expectEventually(() => {
      expect(smtp.messages).toHaveLength(1);
      return smtp.messages[0]!;
    });
    expect(mail.subject).toBe(
      '[DealWatch low] Due in 7 days: Hold the first meeting of the Joint Committee',
    );
    expect(mail.to).toMatchObject({
      value: [{ address: 'ops@example.com' }, { address: 'legal@example.com' }],
    });
    expect(mail.text).toContain('Due: 2026-04-28');
    expect(mail.html).toContain('<table>');
    expect(mail.messageId).toBe(`<${alertId}@dealwatch>`);
    const [ics] = mail.attachments;
    expect(ics).toMatchObject({ filename: 'milestone.ics', contentType: 'text/calendar' });
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain('DTSTART;VALUE=DATE:20260428');
    expect(calendar).toContain(`UID:${due.milestoneId}@dealwatch`);
    expect(calendar).toContain('SUMMARY:Hold the first meeting of the Joint Committee');
  });

  it('changes a receiver: a new secret signs from then on, and a disabled one gets nothing', async () => {
    const newSecret = `whsec_${Buffer.from('a rotated secret for the webhook').toString('base64')}`;
    const changed = await send('PATCH', `/v1/receivers/${ids['ops-webhook']}`, {
      secret: newSecret,
      name: 'ops-hook',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'ops-hook', secretSet: true });
    expect(changed.text).not.toContain(newSecret.slice(6));
    const disabled = await send('PATCH', `/v1/receivers/${ids['ops-teams']}`, { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false });

    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    await publisher.publish(due);
    const deliveries = await deliveriesOf(alertId, 4);
    expect(deliveries.map((delivery) => delivery.receiver).sort()).toEqual([
      'generated-webhook',
      'ops-email',
      'ops-hook',
      'ops-slack',
    ]);
    const signed = webhook.requests.find((request) => request.headers['webhook-id'] === alertId)!;
    expect(verifiesIndependently(newSecret, signed.headers, signed.body)).toBe(true);
    expect(verifiesIndependently(ownSecret, signed.headers, signed.body)).toBe(false);
  });

  it('gives up on an e-mail the SMTP server refuses for good, with its reply', async () => {
    smtp.answer = 550;
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    await publisher.publish(due);
    try {
      const deliveries = await deliveriesOf(alertId, 4);
      expect(deliveries.find((delivery) => delivery.receiver === 'ops-email')).toMatchObject({
        status: 'dead',
        lastError: expect.stringMatching(/^rejected: SMTP 550: /),
      });
    } finally {
      smtp.answer = 250;
    }
  });

  it('deletes a receiver: it is gone from the API, and a delivery still due to it is dead', async () => {
    slack.respondWith = () => 503;
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    await publisher.publish(due);
    await expectEventually(() =>
      expect(slack.requests.filter((r) => r.status === 503).length).toBeGreaterThan(0),
    );
    expect((await send('DELETE', `/v1/receivers/${ids['ops-slack']}`)).status).toBe(204);
    slack.respondWith = () => 204;

    const deliveries = await deliveriesOf(alertId, 4);
    expect(deliveries.find((delivery) => delivery.receiver === 'ops-slack')).toMatchObject({
      status: 'dead',
      lastError: 'rejected: receiver ops-slack was deleted or disabled',
    });
    expect((await send('GET', `/v1/receivers/${ids['ops-slack']}`)).status).toBe(404);
    expect((await send('DELETE', `/v1/receivers/${ids['ops-slack']}`)).status).toBe(404);
  });

  it.each([
    ['slack without url', { name: 'x', kind: 'slack' }, /a slack receiver needs url/],
    ['email without to', { name: 'x', kind: 'email' }, /an email receiver needs to/],
    ['a bad address', { name: 'x', kind: 'email', to: ['nobody'] }, /each of to must be an e-mail/],
    [
      'a secret for slack',
      { name: 'x', kind: 'slack', url: 'https://hooks.example/x', secret: ownSecret },
      /secret is only/,
    ],
    [
      'a secret without whsec_',
      { name: 'x', kind: 'webhook', url: 'https://hooks.example/x', secret: 'plain' },
      /whsec_/,
    ],
    [
      'an unknown kind',
      { name: 'x', kind: 'pager', url: 'https://h.example/' },
      /kind must be one/,
    ],
    ['a name with a space', { name: 'a b', kind: 'slack', url: 'https://h.example/' }, /name must/],
    ['an ftp URL', { name: 'x', kind: 'webhook', url: 'ftp://h.example/x' }, /url must be an http/],
    [
      'the metadata address',
      { name: 'x', kind: 'webhook', url: 'http://169.254.169.254/latest' },
      /url refused: 169\.254\.169\.254 is not a public address/,
    ],
  ])('answers 400 with the reason for %s', async (_label, body, reason) => {
    const answer = await send('POST', '/v1/receivers', body);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(reason);
  });

  it('answers 409 for a name in use and 404 for an unknown receiver', async () => {
    const taken = await send('POST', '/v1/receivers', {
      name: 'ops-email',
      kind: 'email',
      to: ['x@example.com'],
    });
    expect(taken.status).toBe(409);
    const renamed = await send('PATCH', `/v1/receivers/${ids['generated-webhook']}`, {
      name: 'ops-email',
    });
    expect(renamed.status).toBe(409);
    expect((await send('PATCH', `/v1/receivers/${randomUUID()}`, { enabled: true })).status).toBe(
      404,
    );
  });
});
