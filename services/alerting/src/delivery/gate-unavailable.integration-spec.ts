import { alertIdFor, webhookReceiverName } from '@dealwatch/alerting/domain';
import {
  WebhookReceiver,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { Redis } from 'ioredis';
import { Client } from 'pg';

import {
  ReminderPublisher,
  reminder,
  requestsFor,
  startAlerting,
} from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';

const namespace = createTestNamespace('alerting-no-gate');
const schema = `${namespace.schemaPrefix}alerting`;

interface DeliveryRow {
  status: string;
  attempts: number;
  lease_until: Date | null;
  last_error: string | null;
  attempt_rows: number;
}

describe('deliveries while the receiver gate cannot be consulted', () => {
  const receiver = new WebhookReceiver();
  const publisher = new ReminderPublisher(requiredEnv('KAFKA_BROKERS').split(','), namespace);
  const db = new Client({ connectionString: requiredEnv('DATABASE_URL') });
  const redis = new Redis(requiredEnv('REDIS_URL'));
  let alerting: RunningAlerting;
  /** The receiver's breaker record, a hash; a value of another type makes every read of it fail. */
  let breakerKey: string;

  beforeAll(async () => {
    await Promise.all([receiver.start(), publisher.start(), db.connect()]);
    alerting = await startAlerting(namespace, [receiver.url]);
    breakerKey = `${namespace.topicPrefix}alerting:breaker:${webhookReceiverName(receiver.url)}`;
  });

  afterAll(async () => {
    await alerting.app.close();
    await redis.del(breakerKey);
    redis.disconnect();
    await Promise.all([receiver.stop(), publisher.stop()]);
    await db.end();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('gives them back unsent and uncounted, and sends them within seconds of the gate answering again', async () => {
    await redis.set(breakerKey, 'not a hash');
    const due = reminder();
    await publisher.publish(due);

    const delivery = await expectEventually(
      async () => {
        const { rows } = await db.query<DeliveryRow>(
          `SELECT d.status, d.attempts, d.lease_until, d.last_error,
                  (SELECT count(*)::int FROM "${schema}".delivery_attempts t
                    WHERE t.delivery_id = d.id) AS attempt_rows
             FROM "${schema}".deliveries d WHERE d.alert_id = $1`,
          [alertIdFor(due.reminderId)],
        );
        expect(rows[0]?.last_error).toMatch(/^the receiver gate could not be consulted/);
        return rows[0]!;
      },
      { timeoutMs: 15_000 },
    );

    expect(delivery).toMatchObject({ attempts: 0, attempt_rows: 0 });
    // Either waiting to be tried again, or taken again for the next try: never left behind a lease.
    expect(['pending', 'in_flight']).toContain(delivery.status);
    expect(requestsFor(receiver, alertIdFor(due.reminderId))).toEqual([]);

    await redis.del(breakerKey);
    // Well inside the lease (the request timeout and 10 s) a held-back delivery would wait out.
    await expectEventually(
      () => expect(requestsFor(receiver, alertIdFor(due.reminderId))).toHaveLength(1),
      { timeoutMs: 5_000 },
    );
  });
});
