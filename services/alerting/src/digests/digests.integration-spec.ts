import { alertIdFor } from '@dealwatch/alerting/domain';
import type { DigestWebhookBody } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import type { AlertDeliveredV1, AlertFailedV1 } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import {
  EventPublisher,
  TopicRecorder,
  WebhookReceiver,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';
import type { ReceivedRequest } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import {
  ReminderPublisher,
  getJson,
  reminder,
  startAlerting,
  testSecret,
  verifiesIndependently,
} from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';
import { SmtpSink } from '../testing/smtp-sink';

interface DeliveryJson {
  receiver: string;
  status: string;
  nextAttemptAt: string | null;
  digestId: string | null;
}

interface DigestJson {
  id: string;
  receiver: string;
  dueAt: string;
  date: string;
  status: string;
  attemptCount: number;
  lastError: string | null;
  content: DigestWebhookBody | null;
}

const namespace = createTestNamespace('alerting-digests');
const schema = `${namespace.schemaPrefix}alerting`;
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
// A Saturday; Berlin moves to summer time (UTC+1 to UTC+2) in the night to Sunday 29 March.
const t0 = new Date('2026-03-28T10:00:00.000Z');
/** 08:00 in Berlin on each day: UTC+2 from the 29th on. */
const eight = (day: number) => new Date(`2026-03-${day}T06:00:00.000Z`);
const daily = { at: '08:00', timeZone: 'Europe/Berlin' };

describe('daily digests, on a controlled clock', () => {
  const clock = new ManualClock(t0);
  const hook = new WebhookReceiver();
  const live = new WebhookReceiver();
  const slack = new WebhookReceiver();
  const teams = new WebhookReceiver();
  const flaky = new WebhookReceiver();
  const broken = new WebhookReceiver();
  const crashing = new WebhookReceiver();
  const smtp = new SmtpSink();
  const reminders = new ReminderPublisher(brokers, namespace);
  const statuses = new EventPublisher(brokers, namespace.topicPrefix);
  let recorder: TopicRecorder;
  let service: RunningAlerting;
  const db = new Client({ connectionString: requiredEnv('DATABASE_URL') });
  const start = () =>
    startAlerting(
      namespace,
      [],
      {
        SMTP_URL: smtp.url,
        ALERT_PUBLIC_URL: 'http://alerts.example:3004',
        ALERT_DIGEST_POLL_MS: '50',
        ALERT_DELIVERY_MAX_ATTEMPTS: '3',
      },
      { clock },
    );

  beforeAll(async () => {
    await Promise.all(
      [hook, live, slack, teams, flaky, broken, crashing, smtp, reminders, statuses].map((each) =>
        each.start(),
      ),
    );
    await db.connect();
    service = await start();
    const receivers = [
      { name: 'daily-hook', kind: 'webhook', url: hook.url, secret: testSecret, digest: daily },
      { name: 'daily-mail', kind: 'email', to: ['legal@example.com'], digest: daily },
      { name: 'daily-slack', kind: 'slack', url: slack.url, digest: daily },
      { name: 'daily-teams', kind: 'teams', url: teams.url, digest: { ...daily, sendEmpty: true } },
      { name: 'live-hook', kind: 'webhook', url: live.url },
    ];
    for (const body of receivers)
      expect((await send('POST', '/v1/receivers', body)).status).toBe(201);
    recorder = await new TopicRecorder(brokers).start([
      `${namespace.topicPrefix}${Topics.AlertDeliveredV1}`,
      `${namespace.topicPrefix}${Topics.AlertFailedV1}`,
    ]);
  });

  afterAll(async () => {
    await recorder.stop();
    await service.app.close();
    await Promise.all(
      [hook, live, slack, teams, flaky, broken, crashing, smtp, reminders, statuses].map((each) =>
        each.stop(),
      ),
    );
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
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /**
   * The delivery of an alert to a receiver, once it exists and, given a status, once it has
   * that status: a receiver has its answer before the service records the outcome.
   */
  async function deliveryTo(
    receiver: string,
    alertId: string,
    status?: string,
  ): Promise<DeliveryJson> {
    return expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      const found = ((body as { deliveries?: DeliveryJson[] }).deliveries ?? []).find(
        (delivery) => delivery.receiver === receiver,
      );
      expect(found).toBeDefined();
      if (status) expect(found!.status).toBe(status);
      return found!;
    });
  }

  async function digest(id: string, status?: string): Promise<DigestJson> {
    return expectEventually(async () => {
      const found = (await getJson(`${service.base}/v1/digests/${id}`)).body as DigestJson;
      if (status) expect(found.status).toBe(status);
      return found;
    });
  }

  /** Digests only: a receiver also gets resolutions of what it was sent. */
  const digestsTo = (sink: WebhookReceiver): ReceivedRequest[] =>
    sink.requests.filter(
      (request) =>
        request.body.includes('DealWatch digest for') ||
        request.body.includes('"milestone.digest"'),
    );
  const bodyOf = (request: ReceivedRequest | undefined) =>
    JSON.parse(request?.body ?? '{}') as DigestWebhookBody;
  const eventsOn = <T>(topic: string, receiver: string) =>
    recorder
      .on(`${namespace.topicPrefix}${topic}`)
      .map((message) => JSON.parse(message.value!) as T & { receiver: string })
      .filter((event) => event.receiver === receiver);

  const overdue = reminder({ offset: 'overdue', title: 'Pay the first instalment' });
  const inAWeek = reminder({ offset: 'P7D', title: 'Hold the joint committee' });
  const inAMonth = reminder({ offset: 'P30D', title: 'File the annual report' });
  const tomorrow = reminder({ offset: 'P1D', title: 'Name the arbitrator' });
  const firstDay = [overdue, inAWeek, inAMonth, tomorrow];
  let firstDigestId: string;

  it('shows a receiver’s digest, takes it off with null, and refuses one it cannot keep, naming the field', async () => {
    const { body } = await getJson(`${service.base}/v1/receivers`);
    const views = (body as { items: { id: string; name: string; digest: unknown }[] }).items;
    expect(views.find((view) => view.name === 'daily-teams')?.digest).toEqual({
      ...daily,
      sendEmpty: true,
    });
    const liveId = views.find((view) => view.name === 'live-hook')!.id;
    const on = await send('PATCH', `/v1/receivers/${liveId}`, { digest: daily });
    expect(on.body).toMatchObject({ digest: { ...daily, sendEmpty: false } });
    const off = await send('PATCH', `/v1/receivers/${liveId}`, { digest: null });
    expect(off.body).toMatchObject({ digest: null });

    const refused = await send('POST', '/v1/receivers', {
      name: 'x',
      kind: 'webhook',
      url: hook.url,
      digest: { at: '8am', timeZone: 'Europe/Atlantis' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('digest.at must be a time of day as HH:MM');
    expect(JSON.stringify(refused.body)).toContain('digest.timeZone must be an IANA time zone');
  });

  it('collects the alerts of a digest receiver and sends them as one summary at 08:00 Berlin time, after the change to summer time', async () => {
    for (const each of firstDay) await reminders.publish(each);
    const alertIds = firstDay.map((each) => alertIdFor(each.reminderId));
    await expectEventually(() => expect(live.requests).toHaveLength(4));
    const waiting = await Promise.all(alertIds.map((id) => deliveryTo('daily-hook', id)));
    for (const delivery of waiting) {
      expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: eight(29).toISOString() });
    }
    firstDigestId = waiting[0]!.digestId!;
    expect(new Set(waiting.map((delivery) => delivery.digestId))).toEqual(new Set([firstDigestId]));
    expect(await digest(firstDigestId)).toMatchObject({
      receiver: 'daily-hook',
      dueAt: eight(29).toISOString(),
      date: '2026-03-29',
      status: 'pending',
      content: null,
    });
    const acked = await send('POST', `/v1/alerts/${alertIdFor(tomorrow.reminderId)}/ack`, {
      by: 'ana',
    });
    expect(acked.status).toBe(200);
    expect(hook.requests).toHaveLength(0);

    clock.set(eight(29));
    await expectEventually(() => expect(digestsTo(hook)).toHaveLength(1));
    const [request] = digestsTo(hook);
    expect(request?.headers['webhook-id']).toBe(firstDigestId);
    // Checked by hand: the standardwebhooks package refuses a timestamp this far from the real clock.
    expect(verifiesIndependently(testSecret, request!.headers, request!.body)).toBe(true);
    const { data } = bodyOf(request);
    expect(data).toMatchObject({ date: '2026-03-29', timeZone: 'Europe/Berlin', count: 4 });
    expect(data.since).toBe('2026-03-28T07:00:00.000Z');
    expect(data.alerts.map((alert) => [alert.title, alert.severity, alert.state])).toEqual([
      ['Pay the first instalment', 'critical', 'firing'],
      ['Name the arbitrator', 'medium', 'acknowledged'],
      ['Hold the joint committee', 'low', 'firing'],
      ['File the annual report', 'info', 'firing'],
    ]);
    expect(data.alerts[0]).toMatchObject({
      agreementTitle: 'Framework on Critical Minerals',
      dueDate: '2026-04-28',
      evidence: { text: 'The Participants will meet within 180 days.' },
    });
    expect(data.alerts[1]).toMatchObject({ acknowledgedBy: 'ana', ackUrl: null });
    expect(data.stillOpen).toEqual([]);

    // The link in the digest acknowledges its alert, as the one of a single notification does.
    const link = data.alerts[3]!.ackUrl!.replace('http://alerts.example:3004', service.base);
    expect((await fetch(link)).status).toBe(200);
    expect(
      (await getJson(`${service.base}/v1/alerts/${data.alerts[3]!.alertId}`)).body,
    ).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'one-click link' });

    for (const id of alertIds) {
      expect(await deliveryTo('daily-hook', id, 'delivered')).toMatchObject({
        status: 'delivered',
      });
    }
    await expectEventually(() =>
      expect(
        eventsOn<AlertDeliveredV1>(Topics.AlertDeliveredV1, 'daily-hook')
          .map((event) => event.alertId)
          .sort(),
      ).toEqual([...alertIds].sort()),
    );
  });

  it('renders the digest for e-mail (text and HTML), Slack and Teams', async () => {
    const mail = await expectEventually(() => {
      expect(smtp.messages).toHaveLength(1);
      return smtp.messages[0]!;
    });
    expect(mail.subject).toBe('DealWatch digest for 2026-03-29: 4 alerts');
    expect(mail.text).toContain('🔴 Critical (1)');
    expect(mail.text).toContain(
      'Name the arbitrator — Framework on Critical Minerals (due 2026-04-28) — acknowledged by ana',
    );
    expect(mail.text).toContain('/ack?exp=');
    expect(mail.html).toContain('<h3>🔴 Critical (1)</h3>');
    const mailDelivery = await deliveryTo('daily-mail', alertIdFor(overdue.reminderId));
    expect(mail.messageId).toBe(`<${mailDelivery.digestId}@dealwatch>`);

    await expectEventually(() => expect(digestsTo(slack)).toHaveLength(1));
    const slackBody = JSON.parse(digestsTo(slack)[0]!.body) as { text: string; blocks: unknown[] };
    expect(slackBody.text).toBe('DealWatch digest for 2026-03-29: 4 alerts');
    expect(JSON.stringify(slackBody.blocks)).toContain('Pay the first instalment');
    await expectEventually(() => expect(digestsTo(teams)).toHaveLength(1));
    expect(JSON.parse(digestsTo(teams)[0]!.body)).toMatchObject({
      type: 'message',
      attachments: [{ content: { type: 'AdaptiveCard' } }],
    });
  });

  it('puts what fires after a digest went into the next day’s, so a day’s digest goes once', async () => {
    clock.set(new Date(eight(29).getTime() + 3_600_000));
    const later = reminder({ offset: 'P7D', title: 'Deliver the samples' });
    await reminders.publish(later);
    const delivery = await deliveryTo('daily-hook', alertIdFor(later.reminderId));
    expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: eight(30).toISOString() });
    expect(delivery.digestId).not.toBe(firstDigestId);
    const { body } = await getJson(`${service.base}/v1/digests?receiver=daily-hook`);
    expect((body as { items: DigestJson[] }).items.map((each) => [each.date, each.status])).toEqual(
      [
        ['2026-03-30', 'pending'],
        ['2026-03-29', 'delivered'],
      ],
    );
    expect(digestsTo(hook)).toHaveLength(1);
  });

  it('lists the overdue alerts still open in the next digest, and sends nothing on an empty day unless asked', async () => {
    clock.set(eight(30));
    await expectEventually(() => expect(digestsTo(hook)).toHaveLength(2));
    const { data } = bodyOf(digestsTo(hook)[1]);
    expect(data.alerts.map((alert) => alert.title)).toEqual(['Deliver the samples']);
    expect(data.stillOpen.map((alert) => [alert.title, alert.state])).toEqual([
      ['Pay the first instalment', 'firing'],
    ]);

    await statuses.publish(
      Topics.MilestoneStatusChangedV1,
      {
        milestoneId: overdue.milestoneId,
        agreementId: overdue.agreementId,
        previousStatus: 'overdue',
        status: 'met',
        dueDate: overdue.dueDate,
        previousDueDate: overdue.dueDate,
        changedAt: eight(30).toISOString(),
        actor: 'treasury@example.com',
        reason: 'paid',
      },
      { key: overdue.agreementId, eventId: randomUUID() },
    );
    await expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/alerts/${alertIdFor(overdue.reminderId)}`);
      expect(body).toMatchObject({ state: 'resolved' });
    });

    clock.set(eight(31));
    await expectEventually(() => expect(digestsTo(teams)).toHaveLength(3));
    expect(digestsTo(teams)[2]!.body).toContain('Nothing fired since the last digest');
    const emptyDay = await expectEventually(async () => {
      const found = await getJson(`${service.base}/v1/digests?receiver=daily-hook`);
      const day = (found.body as { items: DigestJson[] }).items.find(
        (each) => each.date === '2026-03-31',
      );
      expect(day).toMatchObject({ status: 'empty' });
      return day!;
    });
    expect(emptyDay.content?.data).toMatchObject({
      alerts: [],
      stillOpen: [],
    });
    expect(digestsTo(hook)).toHaveLength(2);
  });

  it('retries a failing digest with the same webhook-id and bytes, and gives up after the budget: dead, listed and announced', async () => {
    flaky.respondWith = ({ index }) => (index < 2 ? 503 : 204);
    broken.respondWith = () => 503;
    for (const [name, sink] of [
      ['flaky-hook', flaky],
      ['broken-hook', broken],
    ] as const) {
      const created = await send('POST', '/v1/receivers', {
        name,
        kind: 'webhook',
        url: sink.url,
        digest: daily,
      });
      expect(created.status).toBe(201);
    }
    const due = reminder({ offset: 'P7D', title: 'Renew the guarantee' });
    const alertId = alertIdFor(due.reminderId);
    await reminders.publish(due);
    await deliveryTo('broken-hook', alertId);

    clock.set(new Date('2026-04-01T06:00:00.000Z'));
    // Retries wait (briefly) on the service's clock, so time has to move for them.
    await expectEventually(() => {
      clock.advance(500);
      expect(flaky.accepted).toHaveLength(1);
      expect(broken.requests).toHaveLength(3);
    });
    expect(new Set(flaky.requests.map((request) => request.headers['webhook-id'])).size).toBe(1);
    expect(new Set(flaky.requests.map((request) => request.body)).size).toBe(1);
    expect(flaky.requests).toHaveLength(3);

    const dead = await expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/digests?status=dead`);
      const items = (body as { items: DigestJson[] }).items;
      expect(items).toHaveLength(1);
      return items[0]!;
    });
    expect(dead).toMatchObject({
      receiver: 'broken-hook',
      attemptCount: 3,
      lastError: expect.stringMatching(/503/),
    });
    expect(await deliveryTo('broken-hook', alertId)).toMatchObject({
      status: 'dead',
      digestId: dead.id,
    });
    expect(await deliveryTo('flaky-hook', alertId, 'delivered')).toMatchObject({
      status: 'delivered',
    });
    await expectEventually(() =>
      expect(eventsOn<AlertFailedV1>(Topics.AlertFailedV1, 'broken-hook')).toMatchObject([
        { alertId, notification: 'firing', attempts: 3, reason: expect.stringMatching(/503/) },
      ]),
    );
  });

  it('leaves a digest in flight at a crash to the next instance, which sends the same bytes under the same webhook-id', async () => {
    crashing.respondWith = () => 503;
    const created = await send('POST', '/v1/receivers', {
      name: 'crash-hook',
      kind: 'webhook',
      url: crashing.url,
      digest: daily,
    });
    expect(created.status).toBe(201);
    const due = reminder({ offset: 'overdue', title: 'Return the deposit' });
    const alertId = alertIdFor(due.reminderId);
    await reminders.publish(due);
    const waiting = await deliveryTo('crash-hook', alertId);
    clock.set(new Date('2026-04-02T06:00:00.000Z'));
    await expectEventually(() => expect(crashing.requests.length).toBeGreaterThan(0));
    await service.app.close();

    // What an instance that died after claiming the digest leaves behind: a lease that ran out.
    await db.query(
      `UPDATE "${schema}".digests
       SET status = 'in_flight', attempts = attempts + 1, lease_until = $2
       WHERE id = $1`,
      [waiting.digestId, new Date(clock.now().getTime() - 1_000)],
    );
    crashing.respondWith = () => 204;
    service = await start();
    await expectEventually(() => expect(crashing.accepted).toHaveLength(1));
    expect(new Set(crashing.requests.map((request) => request.headers['webhook-id']))).toEqual(
      new Set([waiting.digestId]),
    );
    expect(new Set(crashing.requests.map((request) => request.body)).size).toBe(1);
    expect(bodyOf(crashing.requests[0]).data.alerts.map((alert) => alert.alertId)).toEqual([
      alertId,
    ]);
    expect(await deliveryTo('crash-hook', alertId, 'delivered')).toMatchObject({
      digestId: waiting.digestId,
    });
    expect((await digest(waiting.digestId!, 'delivered')).status).toBe('delivered');
  });

  it('collects for a digest what a route in digest mode sends, and sends the rest at once', async () => {
    const routes = await send('PUT', '/v1/routes', {
      receivers: ['live-hook'],
      routes: [{ matchers: ['category="report"'], digest: daily }],
    });
    expect(routes.status).toBe(200);
    expect(routes.body).toMatchObject({
      route: { routes: [{ digest: { ...daily, sendEmpty: false } }] },
    });
    const report = reminder({ category: 'report', title: 'Publish the progress report' });
    const payment = reminder({ category: 'payment', title: 'Pay the second instalment' });
    await reminders.publish(report);
    await reminders.publish(payment);
    await expectEventually(() =>
      expect(
        live.requests.filter((request) => request.body.includes(payment.reminderId)),
      ).toHaveLength(1),
    );
    const digested = await deliveryTo('live-hook', alertIdFor(report.reminderId));
    expect(digested).toMatchObject({
      status: 'pending',
      nextAttemptAt: new Date('2026-04-03T06:00:00.000Z').toISOString(),
    });
    expect(digested.digestId).not.toBeNull();
    expect(
      live.requests.filter((request) => request.body.includes(report.reminderId)),
    ).toHaveLength(0);
  });
});
