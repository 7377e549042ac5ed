import { alertIdFor, escalatedNotificationIdFor } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import type { AlertEscalatedV1 } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import {
  TopicRecorder,
  WebhookReceiver,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { ReminderPublisher, getJson, reminder, startAlerting } from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';

interface EscalationJson {
  level: number;
  nextAt: string | null;
  history: { level: number; receivers: string[]; escalatedAt: string }[];
}

const namespace = createTestNamespace('alerting-escalation');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const HOUR = 3_600_000;
const t0 = new Date('2026-04-29T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms).toISOString();

describe('escalation of unacknowledged overdue alerts, on a controlled clock', () => {
  const clock = new ManualClock(t0);
  const oncall = new WebhookReceiver();
  const lead = new WebhookReceiver();
  const director = new WebhookReceiver();
  const reminders = new ReminderPublisher(brokers, namespace);
  const topic = `${namespace.topicPrefix}${Topics.AlertEscalatedV1}`;
  let recorder: TopicRecorder;
  let service: RunningAlerting;

  beforeAll(async () => {
    await Promise.all([oncall.start(), lead.start(), director.start(), reminders.start()]);
    service = await startAlerting(namespace, [], {}, { clock });
    for (const [name, sink] of [
      ['oncall', oncall],
      ['lead', lead],
      ['director', director],
    ] as const) {
      const created = await send('POST', '/v1/receivers', { name, kind: 'webhook', url: sink.url });
      expect(created.status).toBe(201);
    }
    const routes = await send('PUT', '/v1/routes', {
      receivers: ['oncall'],
      escalateTo: ['lead', 'director'],
      routes: [{ matchers: ['category="payment"'], escalateAfter: 'PT1H' }],
    });
    expect(routes.status).toBe(200);
    recorder = await new TopicRecorder(brokers).start([topic]);
  });

  afterAll(async () => {
    await recorder.stop();
    await service.app.close();
    await Promise.all([oncall.stop(), lead.stop(), director.stop(), reminders.stop()]);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function send(method: string, path: string, body?: unknown) {
    const response = await apiFetch(`${service.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  function escalationOf(alertId: string, expected: unknown): Promise<EscalationJson> {
    return expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      const { escalation } = body as { escalation: EscalationJson };
      expect(escalation).toMatchObject(expected as object);
      return escalation;
    });
  }

  const toAlert = (sink: WebhookReceiver, alertId: string) =>
    sink.requests.filter((request) => {
      const { data } = JSON.parse(request.body) as { data: { alertId: string } };
      return data.alertId === alertId;
    });

  const escalatedEvents = (alertId: string) =>
    recorder.messages
      .map((message) => JSON.parse(message.value ?? '{}') as AlertEscalatedV1)
      .filter((event) => event.alertId === alertId);

  it('names only existing receivers in escalateTo', async () => {
    const refused = await send('PUT', '/v1/routes', { receivers: ['oncall'], escalateTo: ['cto'] });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('no receiver is named \\"cto\\"');
  });

  it('escalates level by level after the policy time, each level once, with its history and event', async () => {
    const overdue = reminder({ offset: 'overdue', category: 'meeting' });
    const alertId = alertIdFor(overdue.reminderId);
    await reminders.publish(overdue);
    await expectEventually(() => expect(toAlert(oncall, alertId)).toHaveLength(1));
    await escalationOf(alertId, { level: 0, nextAt: at(4 * HOUR), history: [] });

    clock.set(new Date(t0.getTime() + 4 * HOUR - 1));
    const early = reminder({ offset: 'overdue', category: 'payment' });
    await reminders.publish(early);
    await expectEventually(() =>
      expect(toAlert(oncall, alertIdFor(early.reminderId))).toHaveLength(1),
    );
    // The payment route escalates after an hour: once it has, the worker has looked at both.
    clock.advance(HOUR + 1);
    await escalationOf(alertIdFor(early.reminderId), { level: 1 });
    await escalationOf(alertId, {
      level: 1,
      nextAt: at(9 * HOUR),
      history: [{ level: 1, receivers: ['lead'], escalatedAt: at(5 * HOUR) }],
    });
    await expectEventually(() => expect(toAlert(lead, alertId)).toHaveLength(1));
    const [escalated] = toAlert(lead, alertId);
    expect(escalated?.headers['webhook-id']).toBe(escalatedNotificationIdFor(alertId));
    expect(JSON.parse(escalated?.body ?? '{}')).toMatchObject({
      type: 'milestone.escalated',
      data: { alertId, escalation: { level: 1, receivers: ['lead'] } },
    });
    expect(toAlert(director, alertId)).toHaveLength(0);

    clock.advance(4 * HOUR);
    await escalationOf(alertId, { level: 2, nextAt: null });
    await expectEventually(() => expect(toAlert(director, alertId)).toHaveLength(1));
    await expectEventually(() =>
      expect(escalatedEvents(alertId).map((event) => [event.level, event.receivers])).toEqual([
        [1, ['lead']],
        [2, ['director']],
      ]),
    );

    clock.advance(24 * HOUR);
    const later = reminder({ offset: 'overdue', category: 'payment' });
    await reminders.publish(later);
    await expectEventually(() =>
      expect(toAlert(oncall, alertIdFor(later.reminderId))).toHaveLength(1),
    );
    clock.advance(HOUR);
    await escalationOf(alertIdFor(later.reminderId), { level: 1 });
    expect(toAlert(lead, alertId)).toHaveLength(1);
    expect(toAlert(director, alertId)).toHaveLength(1);
    expect(escalatedEvents(alertId)).toHaveLength(2);
  });

  it('does not escalate an acknowledged alert, nor one that is not overdue', async () => {
    const acked = reminder({ offset: 'overdue', category: 'payment' });
    const pending = reminder({ offset: 'P7D', category: 'payment' });
    const other = reminder({ offset: 'overdue', category: 'payment' });
    const ackedId = alertIdFor(acked.reminderId);
    await reminders.publish(acked);
    await reminders.publish(pending);
    await expectEventually(() => expect(toAlert(oncall, ackedId)).toHaveLength(1));
    const ack = await send('POST', `/v1/alerts/${ackedId}/ack`, { by: 'ana' });
    expect(ack.status).toBe(200);
    await reminders.publish(other);
    await expectEventually(() =>
      expect(toAlert(oncall, alertIdFor(other.reminderId))).toHaveLength(1),
    );

    clock.advance(2 * HOUR);
    await escalationOf(alertIdFor(other.reminderId), { level: 1 });
    await escalationOf(ackedId, { level: 0, nextAt: null, history: [] });
    const { body } = await getJson(`${service.base}/v1/alerts/${alertIdFor(pending.reminderId)}`);
    expect(body).toMatchObject({ escalation: null });
    expect(toAlert(lead, ackedId)).toHaveLength(0);
    expect(escalatedEvents(ackedId)).toHaveLength(0);
  });
});
