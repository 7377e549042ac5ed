import { alertIdFor, webhookReceiverName } from '@dealwatch/alerting/domain';
import { DeadLetterHeaders, Topics } from '@dealwatch/contracts';
import type { AlertDeliveredV1, AlertFailedV1 } from '@dealwatch/contracts';
import {
  TopicRecorder,
  WebhookReceiver,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import {
  ReminderPublisher,
  cloudEventHeaders,
  getJson,
  reminder,
  requestsFor,
  scriptedAnswers,
  startAlerting,
  verifyWebhook,
} from './testing/alerting-harness';
import type { RunningAlerting } from './testing/alerting-harness';

interface AlertPage {
  items: AlertJson[];
  total: number;
  limit: number;
  offset: number;
}

interface AlertJson {
  id: string;
  reminderId: string;
  summary: string;
  deliveries: {
    receiver: string;
    status: string;
    attemptCount: number;
    lastError: string | null;
    attempts: { number: number; outcome: string; statusCode: number | null }[];
  }[];
}

const namespace = createTestNamespace('alerting');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

describe('alerting on real Kafka and PostgreSQL, delivering to real webhook receivers', () => {
  const first = new WebhookReceiver();
  const second = new WebhookReceiver();
  const scripts = new Map<string, number[]>();
  const publisher = new ReminderPublisher(brokers, namespace);
  let service: RunningAlerting;
  let recorder: TopicRecorder;
  let firstName: string;
  let secondName: string;

  beforeAll(async () => {
    await Promise.all([first.start(), second.start()]);
    first.respondWith = scriptedAnswers(scripts);
    firstName = webhookReceiverName(first.url);
    secondName = webhookReceiverName(second.url);
    service = await startAlerting(namespace, [first.url, second.url], {
      ALERT_DELIVERY_MAX_ATTEMPTS: '4',
    });
    await publisher.start();
    recorder = await new TopicRecorder(brokers).start([
      `${publisher.topic}.dlq`,
      `${namespace.topicPrefix}${Topics.AlertDeliveredV1}`,
      `${namespace.topicPrefix}${Topics.AlertFailedV1}`,
    ]);
  });

  afterAll(async () => {
    await recorder.stop();
    await publisher.stop();
    await service.app.close();
    await Promise.all([first.stop(), second.stop()]);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function alert(alertId: string): Promise<AlertJson> {
    const { status, body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
    expect(status).toBe(200);
    return body as AlertJson;
  }

  async function listAlerts(query: string): Promise<AlertPage> {
    const { status, body } = await getJson(`${service.base}/v1/alerts?${query}`);
    expect(status).toBe(200);
    return body as AlertPage;
  }

  /** Waits until every delivery of the alert is delivered or dead; returns the alert. */
  function settled(alertId: string): Promise<AlertJson> {
    return expectEventually(async () => {
      const found = await alert(alertId);
      expect(found.deliveries).toHaveLength(2);
      for (const delivery of found.deliveries)
        expect(['delivered', 'dead']).toContain(delivery.status);
      return found;
    });
  }

  function deliveryTo(found: AlertJson, receiver: string) {
    const delivery = found.deliveries.find((candidate) => candidate.receiver === receiver);
    expect(delivery).toBeDefined();
    return delivery!;
  }

  it('posts a reminder once to each receiver, signed, with the alert id as webhook-id', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    await publisher.publish(due);

    await settled(alertId);
    for (const receiver of [first, second]) {
      const requests = requestsFor(receiver, alertId);
      expect(requests).toHaveLength(1);
      expect(requests[0]!.status).toBe(204);
      expect(verifyWebhook(requests[0]!)).toMatchObject({
        type: 'milestone.reminder',
        data: {
          alertId,
          reminderId: due.reminderId,
          agreementId: due.agreementId,
          title: due.title,
          when: 'due in 7 days',
          dueDate: '2026-04-28',
          evidence: { text: due.evidence.text },
          summary:
            'Due in 7 days (2026-04-28): Hold the first meeting of the Joint Committee — ' +
            '"Framework on Critical Minerals".',
        },
      });
    }
    const announced = await expectEventually(() => {
      const events = recorder
        .on(`${namespace.topicPrefix}${Topics.AlertDeliveredV1}`)
        .map((message) => JSON.parse(message.value!) as AlertDeliveredV1)
        .filter((event) => event.alertId === alertId);
      expect(events).toHaveLength(2);
      return events;
    });
    expect(announced.map((event) => event.receiver).sort()).toEqual([firstName, secondName].sort());
    expect(announced[0]).toMatchObject({ reminderId: due.reminderId, attempts: 1 });
  });

  it('makes one alert of a redelivered event and of the same reminder fired again', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    const eventId = await publisher.publish(due);
    await publisher.publish(due, eventId);
    await publisher.publish(due);
    // Same key, same partition: once this one is in, the three before it have been consumed.
    const marker = reminder({ agreementId: due.agreementId });
    await publisher.publish(marker);

    await settled(alertIdFor(marker.reminderId));
    const found = await settled(alertId);
    expect(found.deliveries.map((delivery) => delivery.attemptCount)).toEqual([1, 1]);
    expect(requestsFor(first, alertId)).toHaveLength(1);
    expect(requestsFor(second, alertId)).toHaveLength(1);
    expect((await listAlerts(`agreementId=${due.agreementId}`)).total).toBe(2);
  });

  it('retries a receiver that fails twice, with the same webhook-id, and records each attempt', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    scripts.set(due.reminderId, [500, 500]);
    await publisher.publish(due);

    const found = await settled(alertId);
    const requests = requestsFor(first, alertId);
    expect(requests.map((request) => request.status)).toEqual([500, 500, 204]);
    for (const request of requests) expect(() => verifyWebhook(request)).not.toThrow();
    expect(deliveryTo(found, firstName)).toMatchObject({
      status: 'delivered',
      attemptCount: 3,
      lastError: null,
      attempts: [
        { number: 1, outcome: 'retry', statusCode: 500 },
        { number: 2, outcome: 'retry', statusCode: 500 },
        { number: 3, outcome: 'delivered', statusCode: 204 },
      ],
    });
    expect(deliveryTo(found, secondName)).toMatchObject({ status: 'delivered', attemptCount: 1 });
  });

  it('gives up at once on a 400, with the reason, and does not retry', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    scripts.set(due.reminderId, [400]);
    await publisher.publish(due);

    const found = await settled(alertId);
    expect(deliveryTo(found, firstName)).toMatchObject({
      status: 'dead',
      attemptCount: 1,
      lastError: 'rejected: HTTP 400',
      attempts: [{ number: 1, outcome: 'permanent', statusCode: 400 }],
    });
    expect(requestsFor(first, alertId)).toHaveLength(1);
    expect(deliveryTo(found, secondName).status).toBe('delivered');
  });

  it('gives up after the retry budget when a receiver keeps failing', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    scripts.set(due.reminderId, [503, 503, 503, 503]);
    await publisher.publish(due);

    const found = await settled(alertId);
    expect(deliveryTo(found, firstName)).toMatchObject({
      status: 'dead',
      attemptCount: 4,
      lastError: 'gave up after 4 attempts: HTTP 503',
    });
    expect(requestsFor(first, alertId)).toHaveLength(4);

    const failed = await expectEventually(() => {
      const events = recorder
        .on(`${namespace.topicPrefix}${Topics.AlertFailedV1}`)
        .map((message) => JSON.parse(message.value!) as AlertFailedV1)
        .filter((event) => event.alertId === alertId);
      expect(events).toHaveLength(1);
      return events[0]!;
    });
    expect(failed).toMatchObject({
      reminderId: due.reminderId,
      receiver: firstName,
      notification: 'firing',
      attempts: 4,
      reason: 'gave up after 4 attempts: HTTP 503',
    });
    const dead = await listAlerts('deliveryStatus=dead');
    expect(dead.items.map((item) => item.id)).toContain(alertId);
    expect(dead.items.every((item) => item.deliveries.some((d) => d.status === 'dead'))).toBe(true);
  });

  it('dead-letters a malformed reminder with the reason and delivers the next one', async () => {
    const agreementId = randomUUID();
    await publisher.publishRaw({
      key: agreementId,
      value: JSON.stringify(reminder({ agreementId, dueDate: 'next Tuesday' })),
      headers: cloudEventHeaders(randomUUID(), agreementId),
    });
    const next = reminder({ agreementId });
    await publisher.publish(next);

    const dead = await expectEventually(() => {
      const found = recorder.on(`${publisher.topic}.dlq`).find((m) => m.key === agreementId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.headers[DeadLetterHeaders.error]).toMatch(/invalid payload: dueDate/);
    await settled(alertIdFor(next.reminderId));
    expect(requestsFor(first, alertIdFor(next.reminderId))).toHaveLength(1);
  });

  it('lists the history newest first, filtered by agreement or milestone and paged', async () => {
    const agreementId = randomUUID();
    const older = reminder({ agreementId, offset: 'P30D' });
    const newer = reminder({ agreementId, offset: 'overdue' });
    await publisher.publish(older);
    await settled(alertIdFor(older.reminderId));
    await publisher.publish(newer);
    await settled(alertIdFor(newer.reminderId));

    const page = await listAlerts(`agreementId=${agreementId}&limit=1`);
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.items.map((item) => item.reminderId)).toEqual([newer.reminderId]);
    expect(page.items[0]!.summary).toMatch(/^Overdue since 2026-04-29 \(was due 2026-04-28\)/);
    expect(page.items[0]!.deliveries.map((delivery) => delivery.status)).toEqual([
      'delivered',
      'delivered',
    ]);

    const page2 = await listAlerts(`agreementId=${agreementId}&limit=1&offset=1`);
    expect(page2.items.map((item) => item.reminderId)).toEqual([older.reminderId]);
    const byMilestone = await listAlerts(`milestoneId=${older.milestoneId}`);
    expect(byMilestone.items.map((item) => item.reminderId)).toEqual([older.reminderId]);
  });

  it.each([
    ['limit=0', /limit must not be less than 1/],
    ['limit=101', /limit must not be greater than 100/],
    ['limit=ten', /limit must be an integer/],
    ['offset=-1', /offset must not be less than 0/],
    ['agreementId=42', /agreementId must be a UUID/],
    ['deliveryStatus=lost', /deliveryStatus must be one of the following values/],
    ['colour=blue', /property colour should not exist/],
  ])('answers 400 with the reason for a bad query (%s)', async (query, reason) => {
    const { status, body } = await getJson(`${service.base}/v1/alerts?${query}`);
    expect(status).toBe(400);
    expect((body as { detail: string }).detail).toMatch(reason);
  });

  it('answers 404 for an unknown alert and 400 for an id that is not a UUID', async () => {
    expect((await getJson(`${service.base}/v1/alerts/${randomUUID()}`)).status).toBe(404);
    expect((await getJson(`${service.base}/v1/alerts/not-a-uuid`)).status).toBe(400);
  });
});
