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

import { randomUUID } from 'node:crypto';

import { ReminderPublisher, getJson, reminder, startAlerting } from '../testing/alerting-harness';

interface GroupedJson {
  type: string;
  data: { count: number; reason: string; alerts: { alertId: string; agreementId: string }[] };
}

const namespace = createTestNamespace('alerting-grouping');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const t0 = new Date('2026-04-29T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms).toISOString();

describe('grouping by route, on a controlled clock', () => {
  const clock = new ManualClock(t0);
  const hook = new WebhookReceiver();
  const slack = new WebhookReceiver();
  const reminders = new ReminderPublisher(brokers, namespace);
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    await Promise.all([hook.start(), slack.start(), reminders.start()]);
    const service = await startAlerting(namespace, [], {}, { clock });
    base = service.base;
    close = () => service.app.close();
    await send('POST', '/v1/receivers', { name: 'hook', kind: 'webhook', url: hook.url });
    await send('POST', '/v1/receivers', { name: 'team-chat', kind: 'slack', url: slack.url });
    const routes = await send('PUT', '/v1/routes', {
      receivers: ['hook', 'team-chat'],
      groupBy: ['agreementId'],
      groupWait: 'PT30S',
      groupInterval: 'PT5M',
    });
    expect(routes.status).toBe(200);
  });

  afterAll(async () => {
    await close();
    await Promise.all([hook.stop(), slack.stop(), reminders.stop()]);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function send(method: string, path: string, body: unknown) {
    const response = await apiFetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  async function expectWaiting(alertIds: string[], until: string): Promise<void> {
    await expectEventually(async () => {
      for (const alertId of alertIds) {
        const { body } = await getJson(`${base}/v1/alerts/${alertId}`);
        const { deliveries } = body as { deliveries: { status: string; nextAttemptAt: string }[] };
        expect(deliveries).toHaveLength(2);
        for (const delivery of deliveries) {
          expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: until });
        }
      }
    });
  }

  const grouped = () => hook.requests.map((request) => JSON.parse(request.body) as GroupedJson);

  it('sends alerts of one group key that fire close together as one notification listing them', async () => {
    const agreementA = randomUUID();
    const agreementB = randomUUID();
    const burst = [
      reminder({ agreementId: agreementA, title: 'First instalment' }),
      reminder({ agreementId: agreementA, title: 'Second instalment' }),
      reminder({ agreementId: agreementA, title: 'Annual report' }),
      reminder({ agreementId: agreementB, title: 'Joint committee' }),
    ];
    for (const each of burst) await reminders.publish(each);
    const alertIds = burst.map((each) => alertIdFor(each.reminderId));
    await expectWaiting(alertIds, at(30_000));
    expect(hook.requests).toHaveLength(0);

    clock.advance(30_000);
    await expectEventually(() => expect(hook.requests).toHaveLength(2));
    const byAgreement = new Map(
      grouped().map((body) => [body.data.alerts[0]?.agreementId, body] as const),
    );
    expect(byAgreement.get(agreementA)).toMatchObject({
      type: 'milestone.reminders',
      data: { count: 3, reason: 'grouped by route' },
    });
    expect(
      byAgreement
        .get(agreementA)
        ?.data.alerts.map((alert) => alert.alertId)
        .sort(),
    ).toEqual(alertIds.slice(0, 3).sort());
    expect(byAgreement.get(agreementB)?.data.count).toBe(1);
    await expectEventually(() => expect(slack.requests).toHaveLength(2));
    const slackA = slack.requests
      .map((request) => request.body)
      .find((b) => b.includes('3 alerts'));
    for (const title of ['First instalment', 'Second instalment', 'Annual report']) {
      expect(slackA).toContain(title);
    }

    // A receiver has the request before its sender records the send, which dates the group's
    // interval: wait for the records before the clock moves on.
    await expectEventually(async () => {
      for (const alertId of alertIds) {
        const { body } = await getJson(`${base}/v1/alerts/${alertId}`);
        const { deliveries } = body as { deliveries: { status: string }[] };
        expect(deliveries.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered']);
      }
    });

    // A later alert of a group already sent waits the group interval from that send.
    clock.advance(10_000);
    const late = reminder({ agreementId: agreementA, title: 'Audit' });
    await reminders.publish(late);
    await expectWaiting([alertIdFor(late.reminderId)], at(330_000));
    clock.set(new Date(at(330_000)));
    await expectEventually(() => expect(hook.requests).toHaveLength(3));
    expect(grouped()[2]?.data.alerts.map((alert) => alert.alertId)).toEqual([
      alertIdFor(late.reminderId),
    ]);
  });
});
