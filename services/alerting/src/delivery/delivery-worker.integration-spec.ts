import { alertIdFor } from '@dealwatch/alerting/domain';
import {
  WebhookReceiver,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { Client } from 'pg';

import {
  ReminderPublisher,
  getJson,
  reminder,
  requestsFor,
  startAlerting,
  verifyWebhook,
} from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';

interface DeliveryJson {
  status: string;
  attemptCount: number;
  attempts: { number: number; outcome: string; statusCode: number | null; error: string | null }[];
}

const namespace = createTestNamespace('alerting-restart');
const schema = `${namespace.schemaPrefix}alerting`;

describe('the delivery worker across instances', () => {
  const receiver = new WebhookReceiver();
  const publisher = new ReminderPublisher(requiredEnv('KAFKA_BROKERS').split(','), namespace);
  const db = new Client({ connectionString: requiredEnv('DATABASE_URL') });
  /** The instance that takes over; it polls once a minute, so only a wake-up is fast. */
  let second: RunningAlerting | undefined;

  beforeAll(async () => {
    await Promise.all([receiver.start(), publisher.start(), db.connect()]);
  });

  afterAll(async () => {
    await second?.app.close();
    await Promise.all([receiver.stop(), publisher.stop()]);
    await db.end();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  /** What a crash between sending and recording leaves: an expired lease, an open attempt. */
  async function crashMidFlight(alertId: string): Promise<void> {
    await db.query(
      `UPDATE "${schema}".deliveries
       SET status = 'in_flight', attempts = attempts + 1, lease_until = now() - interval '1 second'
       WHERE alert_id = $1`,
      [alertId],
    );
    await db.query(
      `INSERT INTO "${schema}".delivery_attempts (delivery_id, attempt_number, started_at, outcome)
       SELECT id, attempts, now() - interval '16 seconds', 'in_flight'
       FROM "${schema}".deliveries WHERE alert_id = $1`,
      [alertId],
    );
  }

  it('leaves a delivery in flight at a crash to the next instance, under the same webhook-id', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    receiver.respondWith = () => 503;
    const first = await startAlerting(namespace, [receiver.url], {
      ALERT_DELIVERY_MAX_ATTEMPTS: '100',
    });
    await publisher.publish(due);
    await expectEventually(() => expect(requestsFor(receiver, alertId).length).toBeGreaterThan(0));
    await first.app.close();
    const refusedBefore = requestsFor(receiver, alertId).length;

    await crashMidFlight(alertId);
    receiver.respondWith = () => 204;
    second = await startAlerting(namespace, [receiver.url], { ALERT_DELIVERY_POLL_MS: '60000' });
    const { base } = second;
    await expectEventually(() =>
      expect(receiver.accepted.filter((r) => r.headers['webhook-id'] === alertId)).toHaveLength(1),
    );
    const requests = requestsFor(receiver, alertId);
    expect(requests).toHaveLength(refusedBefore + 1);
    expect(receiver.requests.every((r) => r.headers['webhook-id'] === alertId)).toBe(true);
    expect(() => verifyWebhook(requests.at(-1)!)).not.toThrow();

    const delivery = await expectEventually(async () => {
      const { body } = await getJson(`${base}/v1/alerts/${alertId}`);
      const [found] = (body as { deliveries: DeliveryJson[] }).deliveries;
      expect(found?.status).toBe('delivered');
      return found!;
    });
    expect(delivery.attemptCount).toBe(refusedBefore + 2);
    expect(delivery.attempts.map((attempt) => attempt.outcome)).toEqual([
      ...Array<string>(refusedBefore).fill('retry'),
      'abandoned',
      'delivered',
    ]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${schema}".alerts`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('sends a new alert as soon as its reminder commits, without waiting for the next poll', async () => {
    // Runs on the instance the test above started, which polls once a minute.
    expect(second).toBeDefined();
    const due = reminder();
    await publisher.publish(due);

    await expectEventually(
      () => expect(requestsFor(receiver, alertIdFor(due.reminderId))).toHaveLength(1),
      { timeoutMs: 10_000 },
    );
  });

  it('retries a refused delivery when its retry falls due, without waiting for the next poll', async () => {
    // On the instance that polls once a minute: only the retry's own due time can wake it.
    expect(second).toBeDefined();
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    const refusedAt = receiver.requests.length;
    receiver.respondWith = ({ index }) => (index === refusedAt ? 503 : 204);
    await publisher.publish(due);

    await expectEventually(
      () =>
        expect(requestsFor(receiver, alertId).map((request) => request.status)).toEqual([503, 204]),
      { timeoutMs: 10_000 },
    );
    receiver.respondWith = () => 204;
  });

  it('delivers, once each, the reminders published while no instance ran', async () => {
    await second!.app.close();
    const missed = [reminder(), reminder(), reminder()];
    for (const due of missed) await publisher.publish(due);
    second = await startAlerting(namespace, [receiver.url]);

    for (const due of missed) {
      await expectEventually(() =>
        expect(requestsFor(receiver, alertIdFor(due.reminderId))).toHaveLength(1),
      );
    }
    await expectEventually(async () => {
      const { rows } = await db.query<{ status: string; n: number }>(
        `SELECT d.status, count(*)::int AS n FROM "${schema}".deliveries d
         JOIN "${schema}".alerts a ON a.id = d.alert_id
         WHERE a.reminder_id = ANY($1::uuid[]) GROUP BY d.status`,
        [missed.map((due) => due.reminderId)],
      );
      expect(rows).toEqual([{ status: 'delivered', n: 3 }]);
    });
  });
});
