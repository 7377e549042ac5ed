import { alertIdFor, resolvedNotificationIdFor } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import type {
  AlertAcknowledgedV1,
  AlertResolvedV1,
  MilestoneStatusChangedV1,
} from '@dealwatch/contracts';
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

import { randomUUID } from 'node:crypto';

import {
  ReminderPublisher,
  getJson,
  reminder,
  requestsFor,
  startAlerting,
  verifyWebhook,
} from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';
import { SmtpSink } from '../testing/smtp-sink';

interface AlertJson {
  state: string;
  acknowledgedBy: string | null;
  ackComment: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  deliveries: {
    receiver: string;
    notification: string;
    status: string;
    lastError: string | null;
  }[];
}

const namespace = createTestNamespace('alerting-ack');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

describe('acknowledgement and resolution', () => {
  const receiver = new WebhookReceiver();
  const slack = new WebhookReceiver();
  const smtp = new SmtpSink();
  const reminders = new ReminderPublisher(brokers, namespace);
  const statuses = new EventPublisher(brokers, namespace.topicPrefix);
  let recorder: TopicRecorder;
  let service: RunningAlerting;

  beforeAll(async () => {
    await Promise.all([
      receiver.start(),
      slack.start(),
      smtp.start(),
      reminders.start(),
      statuses.start(),
    ]);
    service = await startAlerting(namespace, [receiver.url], {
      SMTP_URL: smtp.url,
      ALERT_PUBLIC_URL: 'http://alerts.example:3004',
    });
    const quiet = await send('POST', '/v1/receivers', {
      name: 'quiet-slack',
      kind: 'slack',
      url: slack.url,
      sendResolved: false,
    });
    expect(quiet.status).toBe(201);
    const mail = await send('POST', '/v1/receivers', {
      name: 'ops-email',
      kind: 'email',
      to: ['ops@example.com'],
    });
    expect(mail.status).toBe(201);
    recorder = await new TopicRecorder(brokers).start([
      `${namespace.topicPrefix}${Topics.AlertAcknowledgedV1}`,
      `${namespace.topicPrefix}${Topics.AlertResolvedV1}`,
    ]);
  });

  afterAll(async () => {
    await recorder.stop();
    await service.app.close();
    await Promise.all([
      receiver.stop(),
      slack.stop(),
      smtp.stop(),
      reminders.stop(),
      statuses.stop(),
    ]);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function send(method: string, path: string, body?: unknown) {
    const response = await apiFetch(`${service.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, text, body: json ? (JSON.parse(text) as unknown) : null };
  }

  function alertOf(alertId: string, expected: Record<string, unknown>): Promise<AlertJson> {
    return expectEventually(async () => {
      const { status, body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      expect(status).toBe(200);
      expect(body).toMatchObject(expected);
      return body as AlertJson;
    });
  }

  /** Publishes a reminder and waits until its three receivers have it. */
  async function delivered(due = reminder()): Promise<{ alertId: string; ackUrl: string }> {
    await reminders.publish(due);
    const alertId = alertIdFor(due.reminderId);
    await alertOf(alertId, {
      state: 'firing',
      deliveries: [{ status: 'delivered' }, { status: 'delivered' }, { status: 'delivered' }],
    });
    const [request] = requestsFor(receiver, alertId);
    const { data } = verifyWebhook(request!) as { data: { ackUrl: string } };
    return { alertId, ackUrl: data.ackUrl };
  }

  function statusChange(
    milestoneId: string,
    agreementId: string,
    status: MilestoneStatusChangedV1['status'],
  ): Promise<string> {
    return statuses.publish(
      Topics.MilestoneStatusChangedV1,
      {
        milestoneId,
        agreementId,
        previousStatus: 'overdue',
        status,
        dueDate: '2026-04-28',
        previousDueDate: '2026-04-28',
        changedAt: '2026-04-30T10:00:00.000Z',
        actor: 'treasury@example.com',
        reason: 'paid on 30 April',
      },
      { key: agreementId, eventId: randomUUID() },
    );
  }

  function eventsOn<T>(topic: string, alertId: string): T[] {
    return recorder
      .on(`${namespace.topicPrefix}${topic}`)
      .map((message) => JSON.parse(message.value!) as T & { alertId: string })
      .filter((event) => event.alertId === alertId);
  }

  it('acknowledges through the API once, announcing it once', async () => {
    const { alertId } = await delivered();
    const first = await send('POST', `/v1/alerts/${alertId}/ack`, {
      by: 'dana@example.com',
      comment: 'on it',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'dana@example.com',
      ackComment: 'on it',
    });
    const again = await send('POST', `/v1/alerts/${alertId}/ack`, { by: 'lee@example.com' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ acknowledgedBy: 'dana@example.com' });

    const announced = await expectEventually(() => {
      const events = eventsOn<AlertAcknowledgedV1>(Topics.AlertAcknowledgedV1, alertId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(announced[0]).toMatchObject({ acknowledgedBy: 'dana@example.com', via: 'api' });
    expect((await send('POST', `/v1/alerts/${alertId}/ack`, { by: '' })).status).toBe(400);
    expect((await send('POST', `/v1/alerts/${randomUUID()}/ack`, { by: 'x' })).status).toBe(404);
  });

  it('names the caller as the acknowledger when the body names no one', async () => {
    const { alertId } = await delivered();
    const acknowledged = await send('POST', `/v1/alerts/${alertId}/ack`, {});
    expect(acknowledged.status).toBe(200);
    // The harness calls with DEALWATCH_ADMIN_API_KEY, whose principal is `admin`.
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'admin' });
  });

  it('puts a signed one-click link in every notification, honoured for its alert only', async () => {
    const { alertId, ackUrl } = await delivered();
    const link = new URL(ackUrl);
    expect(`${link.origin}${link.pathname}`).toBe(
      `http://alerts.example:3004/v1/alerts/${alertId}/ack`,
    );
    const mail = smtp.messages.find((message) => message.messageId === `<${alertId}@dealwatch>`);
    expect(mail?.text).toContain(ackUrl);
    const slackBody = slack.requests
      .map((request) => request.body)
      .find((body) => body.includes(alertId));
    expect(slackBody).toContain(JSON.stringify(ackUrl).slice(1, -1));

    const { alertId: otherId } = await delivered();
    const forged = await send('GET', `/v1/alerts/${otherId}/ack${link.search}`);
    expect(forged.status).toBe(403);
    const tampered = await send(
      'GET',
      `/v1/alerts/${alertId}/ack?exp=${Number(link.searchParams.get('exp')) + 60}&sig=${link.searchParams.get('sig')}`,
    );
    expect(tampered.status).toBe(403);

    const clicked = await send('GET', `/v1/alerts/${alertId}/ack${link.search}`);
    expect(clicked.status).toBe(200);
    expect(clicked.text).toContain('<h1>Acknowledged</h1>');
    await alertOf(alertId, { state: 'acknowledged', acknowledgedBy: 'one-click link' });
    await expectEventually(() =>
      expect(eventsOn<AlertAcknowledgedV1>(Topics.AlertAcknowledgedV1, alertId)).toEqual([
        expect.objectContaining({ via: 'link' }),
      ]),
    );
  });

  it('resolves the open alerts of a milestone that is met, telling receivers that asked', async () => {
    const milestoneId = randomUUID();
    const agreementId = randomUUID();
    const { alertId } = await delivered(reminder({ milestoneId, agreementId, offset: 'P7D' }));
    const { alertId: acknowledgedId } = await delivered(
      reminder({ milestoneId, agreementId, offset: 'P1D' }),
    );
    await send('POST', `/v1/alerts/${acknowledgedId}/ack`, { by: 'dana@example.com' });
    const otherMilestone = await delivered(reminder({ agreementId }));

    // Not every change resolves: a reschedule or a status on the way does not.
    await statusChange(milestoneId, agreementId, 'due');
    await statusChange(milestoneId, agreementId, 'met');

    for (const id of [alertId, acknowledgedId]) {
      const resolved = await alertOf(id, {
        state: 'resolved',
        resolution: 'met',
        resolvedBy: 'treasury@example.com',
      });
      const resolvedDeliveries = resolved.deliveries.filter((d) => d.notification === 'resolved');
      expect(resolvedDeliveries.map((d) => d.receiver).sort()).toEqual([
        expect.stringMatching(/^127\.0\.0\.1:\d+#/),
        'ops-email',
      ]);
    }
    await expectEventually(() => {
      const [request] = requestsFor(receiver, resolvedNotificationIdFor(alertId));
      expect(verifyWebhook(request!)).toMatchObject({
        type: 'milestone.resolved',
        data: {
          alertId,
          summary: 'Resolved (met): Hold the first meeting of the Joint Committee',
          resolution: {
            milestoneStatus: 'met',
            actor: 'treasury@example.com',
            reason: 'paid on 30 April',
          },
        },
      });
      const mail = smtp.messages.find(
        (message) => message.messageId === `<${resolvedNotificationIdFor(alertId)}@dealwatch>`,
      );
      expect(mail?.subject).toMatch(/^\[DealWatch resolved\] Resolved \(met\)/);
      expect(mail?.attachments).toEqual([]);
    });
    expect(slack.requests.filter((r) => r.body.includes('Resolved (met)'))).toEqual([]);
    await expectEventually(() =>
      expect(eventsOn<AlertResolvedV1>(Topics.AlertResolvedV1, alertId)).toEqual([
        expect.objectContaining({ milestoneStatus: 'met', actor: 'treasury@example.com' }),
      ]),
    );
    await alertOf(otherMilestone.alertId, { state: 'firing' });
    const conflict = await send('POST', `/v1/alerts/${alertId}/ack`, { by: 'late@example.com' });
    expect(conflict.status).toBe(409);
  });

  it('resolves an alert still waiting to be sent without sending it', async () => {
    const milestoneId = randomUUID();
    const agreementId = randomUUID();
    const silence = await send('POST', '/v1/silences', {
      matchers: [`milestoneId="${milestoneId}"`],
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      createdBy: 'ops@example.com',
      comment: 'waived already',
    });
    expect(silence.status).toBe(201);
    const due = reminder({ milestoneId, agreementId });
    await reminders.publish(due);
    const alertId = alertIdFor(due.reminderId);
    await alertOf(alertId, { state: 'silenced' });

    await statusChange(milestoneId, agreementId, 'waived');
    const resolved = await alertOf(alertId, { state: 'resolved', resolution: 'waived' });
    expect(resolved.deliveries).toEqual([]);
    expect(requestsFor(receiver, resolvedNotificationIdFor(alertId))).toEqual([]);
  });
});
