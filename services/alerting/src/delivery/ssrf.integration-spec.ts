import { alertIdFor, webhookReceiverName } from '@dealwatch/alerting/domain';
import {
  WebhookReceiver,
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
  attempts: { outcome: string; statusCode: number | null; error: string | null }[];
}

const namespace = createTestNamespace('alerting-ssrf');

describe('webhooks to destinations that are not public', () => {
  const receiver = new WebhookReceiver();
  const publisher = new ReminderPublisher(requiredEnv('KAFKA_BROKERS').split(','), namespace);
  let service: RunningAlerting;
  let urls: { loopback: string; metadata: string; named: string };

  beforeAll(async () => {
    await Promise.all([receiver.start(), publisher.start()]);
    urls = {
      loopback: receiver.url,
      metadata: 'http://169.254.169.254/latest/meta-data/iam',
      named: receiver.url.replace('127.0.0.1', 'localhost'),
    };
    // No OUTBOUND_ALLOWLIST: the harness's 127.0.0.1 entry is taken away.
    service = await startAlerting(namespace, Object.values(urls), { OUTBOUND_ALLOWLIST: '' });
  });

  afterAll(async () => {
    await service.app.close();
    await Promise.all([receiver.stop(), publisher.stop()]);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('refuses each one before sending, and records why on a delivery that is dead at once', async () => {
    const due = reminder();
    const alertId = alertIdFor(due.reminderId);
    await publisher.publish(due);

    const deliveries = await expectEventually(async () => {
      const { body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      const found = (body as { deliveries?: DeliveryJson[] }).deliveries ?? [];
      expect(found).toHaveLength(3);
      for (const delivery of found) expect(delivery.status).toBe('dead');
      return found;
    });
    const byUrl = (url: string) =>
      deliveries.find((delivery) => delivery.receiver === webhookReceiverName(url))!;

    expect(byUrl(urls.loopback)).toMatchObject({
      attemptCount: 1,
      lastError:
        'rejected: destination refused: 127.0.0.1 is not a public address and OUTBOUND_ALLOWLIST does not name it',
      attempts: [{ outcome: 'permanent', statusCode: null }],
    });
    expect(byUrl(urls.metadata)).toMatchObject({
      attemptCount: 1,
      lastError:
        'rejected: destination refused: 169.254.169.254 is not a public address and OUTBOUND_ALLOWLIST does not name it',
    });
    expect(byUrl(urls.named)).toMatchObject({
      attemptCount: 1,
      lastError: expect.stringMatching(
        /^rejected: destination refused: localhost resolves to (127\.0\.0\.1|::1), which is not public/,
      ),
    });
    expect(receiver.requests).toHaveLength(0);
  });
});
