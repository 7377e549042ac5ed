import { alertIdFor } from '@dealwatch/alerting/domain';
import { ManualClock } from '@dealwatch/platform';
import {
  WebhookReceiver,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { ReminderPublisher, getJson, reminder, startAlerting } from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';

interface DeliveryJson {
  receiver: string;
  status: string;
  attemptCount: number;
  lastError: string | null;
}

const namespace = createTestNamespace('alerting-throttle');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
// Just after a window of a minute opens, so the test's steps stay inside one.
const t0 = new Date('2026-04-29T09:00:00.000Z');

describe('per-receiver rate limits and circuit breakers, on a controlled clock', () => {
  const clock = new ManualClock(t0);
  const chat = new WebhookReceiver();
  const flaky = new WebhookReceiver();
  const reminders = new ReminderPublisher(brokers, namespace);
  let service: RunningAlerting;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await Promise.all([chat.start(), flaky.start(), reminders.start()]);
    service = await startAlerting(
      namespace,
      [],
      { ALERT_BREAKER_FAILURES: '3', ALERT_BREAKER_COOLDOWN: 'PT1M', ALERT_RETRY_MAX_MS: '1000' },
      { clock },
    );
    const created = await send('POST', '/v1/receivers', {
      name: 'chat',
      kind: 'webhook',
      url: chat.url,
      rateLimit: { count: 2, per: 'PT1M' },
    });
    expect(created.status).toBe(201);
    ids['chat'] = (created.body as { id: string }).id;
    const other = await send('POST', '/v1/receivers', {
      name: 'flaky',
      kind: 'webhook',
      url: flaky.url,
    });
    ids['flaky'] = (other.body as { id: string }).id;
    const routes = await send('PUT', '/v1/routes', {
      receivers: ['chat'],
      routes: [{ matchers: ['category="flaky"'], receivers: ['flaky'] }],
    });
    expect(routes.status).toBe(200);
  });

  afterAll(async () => {
    await service.app.close();
    await Promise.all([chat.stop(), flaky.stop(), reminders.stop()]);
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

  async function deliveryOf(alertId: string): Promise<DeliveryJson> {
    const { body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
    const [delivery] = (body as { deliveries: DeliveryJson[] }).deliveries;
    if (!delivery) throw new Error(`alert ${alertId} has no delivery yet`);
    return delivery;
  }

  it('refuses a rate limit it cannot keep, naming the field', async () => {
    const refused = await send('POST', '/v1/receivers', {
      name: 'bad',
      kind: 'webhook',
      url: chat.url,
      rateLimit: { count: 0, per: 'a minute' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('rateLimit.per must be an ISO 8601 duration');
    expect((refused.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['rateLimit.count', 'rateLimit.per']),
    );
  });

  it('holds what exceeds the limit and sends it as one grouped notification when the window opens', async () => {
    const burst = Array.from({ length: 5 }, () => reminder({ category: 'meeting' }));
    for (const each of burst) await reminders.publish(each);
    const alertIds = burst.map((each) => alertIdFor(each.reminderId));
    await expectEventually(async () => {
      const deliveries = await Promise.all(alertIds.map(deliveryOf));
      expect(deliveries.filter((delivery) => delivery.status === 'delivered')).toHaveLength(2);
      const held = deliveries.filter((delivery) => delivery.status === 'pending');
      expect(held).toHaveLength(3);
      for (const delivery of held) {
        expect(delivery.lastError).toMatch(/^held: over the rate limit of 2 per PT1M/);
        expect(delivery.attemptCount).toBe(0);
      }
    });
    expect(chat.requests).toHaveLength(2);

    clock.advance(60_000);
    await expectEventually(async () => {
      const deliveries = await Promise.all(alertIds.map(deliveryOf));
      expect(deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true);
    });
    expect(chat.requests).toHaveLength(3);
    const grouped = JSON.parse(chat.requests[2]?.body ?? '{}') as {
      type: string;
      data: { count: number; alerts: { alertId: string }[] };
    };
    expect(grouped.type).toBe('milestone.reminders');
    expect(grouped.data.count).toBe(3);
    const sentAlone = chat.requests
      .slice(0, 2)
      .map((request) => (JSON.parse(request.body) as { data: { alertId: string } }).data.alertId);
    expect([...sentAlone, ...grouped.data.alerts.map((alert) => alert.alertId)].sort()).toEqual(
      [...alertIds].sort(),
    );
  });

  it('opens the breaker after failures in a row, then lets one trial through and closes', async () => {
    flaky.respondWith = () => 503;
    const failing = Array.from({ length: 3 }, () => reminder({ category: 'flaky' }));
    for (const each of failing) await reminders.publish(each);
    const alertIds = failing.map((each) => alertIdFor(each.reminderId));
    await expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/receivers/${ids['flaky']}`);
      expect(body).toMatchObject({ circuit: { state: 'open', consecutiveFailures: 3 } });
    });
    expect(flaky.requests).toHaveLength(3);

    // Their retries fall due while it is open: they are kept back, and nothing is sent.
    clock.advance(2_000);
    await expectEventually(async () => {
      for (const alertId of alertIds) {
        expect((await deliveryOf(alertId)).lastError).toMatch(
          /^circuit open: nothing goes to flaky/,
        );
      }
    });
    expect(flaky.requests).toHaveLength(3);

    flaky.respondWith = () => 204;
    clock.advance(60_000);
    await expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/receivers/${ids['flaky']}`);
      expect(body).toMatchObject({ circuit: { state: 'closed', consecutiveFailures: 0 } });
    });
    // The trial went alone; the others follow once its lease has passed.
    clock.advance(10_000);
    await expectEventually(async () => {
      for (const alertId of alertIds) expect((await deliveryOf(alertId)).status).toBe('delivered');
    });
    expect(flaky.requests).toHaveLength(6);
  });
});
