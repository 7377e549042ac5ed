import { alertIdFor } from '@dealwatch/alerting/domain';
import {
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ReminderPublisher, getJson, reminder, startAlerting } from '../testing/alerting-harness';
import type { RunningAlerting } from '../testing/alerting-harness';

interface AlertJson {
  state: string;
  silenceId: string | null;
  inhibitedBy: string | null;
  deliveries: { status: string; lastError: string | null; attemptCount: number }[];
}

const namespace = createTestNamespace('alerting-silences');
const HOUR_MS = 3_600_000;

describe('silences and inhibition', () => {
  const publisher = new ReminderPublisher(requiredEnv('KAFKA_BROKERS').split(','), namespace);
  /** Reminder ids whose webhooks the receiver puts off for an hour (503 with Retry-After). */
  const putOff = new Set<string>();
  const received: string[] = [];
  let server: Server;
  let service: RunningAlerting;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          data: { reminderId: string };
        };
        if (putOff.has(data.reminderId)) {
          response.writeHead(503, { 'retry-after': '3600' }).end();
          return;
        }
        received.push(data.reminderId);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await publisher.start();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    service = await startAlerting(namespace, [url], {
      ALERT_RETRY_MAX_MS: String(HOUR_MS),
      ALERT_DELIVERY_MAX_ATTEMPTS: '10',
    });
  });

  afterAll(async () => {
    await service.app.close();
    await publisher.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
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

  /** Waits until the alert of `reminderId` is recorded and matches `expected`. */
  function alertOf(reminderId: string, expected: Record<string, unknown>): Promise<AlertJson> {
    return expectEventually(async () => {
      const { status, body } = await getJson(`${service.base}/v1/alerts/${alertIdFor(reminderId)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject(expected);
      return body as AlertJson;
    });
  }

  const inAnHour = () => new Date(Date.now() + HOUR_MS).toISOString();

  it('records a matching alert as silenced and sends nothing, until the silence is expired', async () => {
    const agreementId = randomUUID();
    const created = await send('POST', '/v1/silences', {
      matchers: [`agreementId="${agreementId}"`, 'category=~"meeting|report"'],
      endsAt: inAnHour(),
      createdBy: 'ops@example.com',
      comment: 'Committee meetings are being rescheduled',
    });
    expect(created.status).toBe(201);
    const silence = created.body as { id: string; status: string };
    expect(silence.status).toBe('active');

    const muted = reminder({ agreementId, category: 'meeting' });
    const other = reminder({ agreementId, category: 'payment' });
    await publisher.publish(muted);
    await publisher.publish(other);
    await alertOf(other.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
    const silenced = await alertOf(muted.reminderId, {
      state: 'silenced',
      silenceId: silence.id,
    });
    expect(silenced.deliveries).toEqual([]);
    expect(received).not.toContain(muted.reminderId);
    const listed = await getJson(`${service.base}/v1/alerts?state=silenced`);
    expect(
      (listed.body as { items: { reminderId: string }[] }).items.map((a) => a.reminderId),
    ).toEqual([muted.reminderId]);

    expect((await send('DELETE', `/v1/silences/${silence.id}`)).status).toBe(204);
    expect((await send('GET', `/v1/silences/${silence.id}`)).body).toMatchObject({
      status: 'expired',
      createdBy: 'ops@example.com',
    });
    expect((await send('DELETE', `/v1/silences/${silence.id}`)).status).toBe(404);
    const after = reminder({ agreementId, category: 'meeting' });
    await publisher.publish(after);
    await alertOf(after.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
  });

  it('does not silence before a silence starts', async () => {
    const agreementId = randomUUID();
    await send('POST', '/v1/silences', {
      matchers: [`agreementId="${agreementId}"`],
      startsAt: new Date(Date.now() + HOUR_MS / 2).toISOString(),
      endsAt: inAnHour(),
      createdBy: 'ops@example.com',
      comment: 'maintenance window later today',
    });
    const due = reminder({ agreementId });
    await publisher.publish(due);
    await alertOf(due.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
  });

  it.each([
    [{ matchers: ['country="Japan"'] }, /"country" is not a label/],
    [{ matchers: [] }, /matchers must contain at least 1 elements/],
    [{ endsAt: '2020-01-01T00:00:00Z' }, /endsAt: must be in the future/],
    [{ startsAt: '2099-01-02T00:00:00Z', endsAt: '2099-01-01T00:00:00Z' }, /after startsAt/],
    [{ createdBy: '' }, /createdBy should not be empty/],
  ])('answers 400 with the reason for a bad silence (%j)', async (change, reason) => {
    const answer = await send('POST', '/v1/silences', {
      matchers: ['category="meeting"'],
      endsAt: inAnHour(),
      createdBy: 'ops@example.com',
      comment: 'test',
      ...change,
    });
    expect(answer.status).toBe(400);
    expect((answer.body as { detail: string }).detail).toMatch(reason);
  });

  it('lets an overdue alert suppress the unsent earlier alerts of its milestone, and later ones', async () => {
    const milestoneId = randomUUID();
    const agreementId = randomUUID();
    const weekBefore = reminder({ milestoneId, agreementId, offset: 'P7D' });
    putOff.add(weekBefore.reminderId);
    await publisher.publish(weekBefore);
    // The receiver put it off for an hour: pending, after one attempt, not sent.
    await alertOf(weekBefore.reminderId, {
      state: 'firing',
      deliveries: [{ status: 'pending', attemptCount: 1 }],
    });

    const overdue = reminder({ milestoneId, agreementId, offset: 'overdue' });
    await publisher.publish(overdue);
    await alertOf(overdue.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
    const overdueId = alertIdFor(overdue.reminderId);
    const inhibited = await alertOf(weekBefore.reminderId, {
      state: 'inhibited',
      inhibitedBy: overdueId,
    });
    expect(inhibited.deliveries).toEqual([
      expect.objectContaining({
        status: 'suppressed',
        lastError: `inhibited by overdue alert ${overdueId}`,
      }),
    ]);

    // A reminder of the same milestone that fires late, after the overdue one, is not sent either.
    const late = reminder({ milestoneId, agreementId, offset: 'P1D', late: true });
    await publisher.publish(late);
    const lateAlert = await alertOf(late.reminderId, {
      state: 'inhibited',
      inhibitedBy: overdueId,
    });
    expect(lateAlert.deliveries).toEqual([]);
    expect(received).not.toContain(late.reminderId);

    // Another milestone's alerts are not touched.
    const unrelated = reminder({ agreementId, offset: 'P7D' });
    await publisher.publish(unrelated);
    await alertOf(unrelated.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
  });

  it('applies the same rules to reminders that arrive together as to reminders one by one', async () => {
    const milestoneId = randomUUID();
    const agreementId = randomUUID();
    const weekBefore = reminder({ milestoneId, agreementId, offset: 'P7D' });
    const overdue = reminder({ milestoneId, agreementId, offset: 'overdue' });
    const dayBefore = reminder({ milestoneId, agreementId, offset: 'P1D', late: true });
    const other = reminder({ agreementId, offset: 'P7D' });
    // The day-before reminder comes twice, under two event ids, as a scheduler firing it again would.
    await publisher.publishAll([weekBefore, overdue, dayBefore, other, dayBefore]);

    const overdueId = alertIdFor(overdue.reminderId);
    await alertOf(overdue.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
    await alertOf(other.reminderId, { state: 'firing', deliveries: [{ status: 'delivered' }] });
    for (const earlier of [weekBefore, dayBefore]) {
      const alert = await alertOf(earlier.reminderId, {
        state: 'inhibited',
        inhibitedBy: overdueId,
      });
      expect(alert.deliveries.filter((delivery) => delivery.status !== 'suppressed')).toEqual([]);
      expect(received).not.toContain(earlier.reminderId);
    }
    const { body } = await getJson(`${service.base}/v1/alerts?milestoneId=${milestoneId}`);
    expect((body as { total: number }).total).toBe(3);
  });
});
