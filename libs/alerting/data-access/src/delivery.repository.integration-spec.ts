import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';
import { createTestNamespace, dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { AlertEntity } from './alert.entity';
import { AlertRepository } from './alert.repository';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import type { FinishedAttempt } from './delivery.repository';
import { alertingMigrations } from './index';

const namespace = createTestNamespace('alerting-store');
const t0 = new Date('2026-04-21T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function alert(): AlertEntity {
  const id = randomUUID();
  return {
    id,
    reminderId: randomUUID(),
    milestoneId: randomUUID(),
    agreementId: randomUUID(),
    agreementTitle: null,
    title: 'Submit the report',
    category: 'reporting',
    offset: 'P7D',
    dueDate: '2026-04-28',
    severity: 'low',
    summary: 'Due in 7 days (2026-04-28): Submit the report.',
    body: JSON.stringify({ alertId: id }),
    sourceEventId: randomUUID(),
    correlationId: randomUUID(),
    createdAt: t0,
    state: 'firing',
    silenceId: null,
    inhibitedBy: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    ackComment: null,
    resolvedAt: null,
    resolution: null,
    resolvedBy: null,
    escalationLevels: null,
    escalateAfter: null,
    escalationLevel: 0,
    escalateAt: null,
  };
}

function failed(finishedAt: Date): FinishedAttempt {
  return { outcome: 'retry', statusCode: 500, error: 'HTTP 500', durationMs: 3, finishedAt };
}

describe('alert and delivery storage on real PostgreSQL', () => {
  let dataSource: DataSource;
  let alerts: AlertRepository;
  let deliveries: DeliveryRepository;

  beforeAll(async () => {
    dataSource = await openServiceDataSource(
      createServiceDataSource({
        url: requiredEnv('DATABASE_URL'),
        schema: `${namespace.schemaPrefix}alerting`,
        entities: [AlertEntity, DeliveryEntity, DeliveryAttemptEntity],
        migrations: alertingMigrations,
        applicationName: 'alerting-store-test',
      }),
    );
    alerts = new AlertRepository(dataSource);
    deliveries = new DeliveryRepository(dataSource);
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE alerts CASCADE');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function stored(receivers: string[] = ['a.example#1']): Promise<AlertEntity> {
    const row = alert();
    await dataSource.transaction(async (manager) => {
      await alerts.insertNew(manager, [row]);
      await deliveries.createFor(
        manager,
        [{ alertId: row.id, receivers: receivers.map((name) => ({ name, receiverId: null })) }],
        t0,
      );
    });
    return row;
  }

  async function statusOf(alertId: string) {
    const { deliveries: rows, attempts } = await deliveries.findForAlerts([alertId]);
    return { rows, attempts };
  }

  it('keeps one alert per reminder', async () => {
    const first = alert();
    const again = { ...alert(), reminderId: first.reminderId };
    const givenTwice = alert();
    const inserted = await dataSource.transaction(async (manager) => [
      await alerts.insertNew(manager, [first]),
      await alerts.insertNew(manager, [again, givenTwice, givenTwice]),
    ]);
    expect(inserted).toEqual([new Set([first.id]), new Set([givenTwice.id])]);
    expect((await alerts.list({}, { limit: 10, offset: 0 })).total).toBe(2);
  });

  it('claims what is due with a lease and an attempt in flight, and nothing that is not', async () => {
    const row = await stored(['a.example#1', 'b.example#2']);

    expect(await deliveries.claimDue(at(-1), at(5_000), 10)).toEqual([]);
    const claimed = await deliveries.claimDue(t0, at(5_000), 10);

    expect(claimed.map((c) => [c.receiver, c.attempt, c.body])).toEqual(
      expect.arrayContaining([
        ['a.example#1', 1, row.body],
        ['b.example#2', 1, row.body],
      ]),
    );
    const { rows, attempts } = await statusOf(row.id);
    expect(rows.map((r) => [r.status, r.leaseUntil])).toEqual([
      ['in_flight', at(5_000)],
      ['in_flight', at(5_000)],
    ]);
    expect(attempts.map((a) => [a.attemptNumber, a.outcome, a.startedAt])).toEqual([
      [1, 'in_flight', t0],
      [1, 'in_flight', t0],
    ]);
    expect(await deliveries.claimDue(at(4_999), at(10_000), 10)).toEqual([]);
  });

  it('lets concurrent workers share the due deliveries without claiming one twice', async () => {
    const receivers = Array.from({ length: 12 }, (_, i) => `r${i}.example#${i}`);
    await stored(receivers);

    const batches = await Promise.all(
      Array.from({ length: 4 }, () => deliveries.claimDue(t0, at(5_000), 5)),
    );
    const claimedIds = batches.flat().map((c) => c.deliveryId);
    expect(claimedIds).toHaveLength(12);
    expect(new Set(claimedIds).size).toBe(12);
  });

  it('takes back a delivery whose lease expired, marking the lost attempt abandoned', async () => {
    const row = await stored();
    const [first] = await deliveries.claimDue(t0, at(5_000), 10);

    const [again] = await deliveries.claimDue(at(5_000), at(10_000), 10);
    expect(again).toMatchObject({ deliveryId: first!.deliveryId, attempt: 2 });
    const { attempts } = await statusOf(row.id);
    expect(attempts.map((a) => [a.attemptNumber, a.outcome])).toEqual([
      [1, 'abandoned'],
      [2, 'in_flight'],
    ]);
    expect(attempts[0]!.error).toMatch(/stopped before the outcome was written/);
  });

  it('records a failure and schedules the next attempt', async () => {
    const row = await stored();
    const [claimed] = await deliveries.claimDue(t0, at(5_000), 10);

    const [kept] = await dataSource.transaction((manager) =>
      deliveries.recordAttempts(manager, [
        {
          claimed: claimed!,
          attempt: failed(at(10)),
          decision: { status: 'pending', nextAttemptAt: at(1_000), reason: 'HTTP 500' },
        },
      ]),
    );

    expect(kept).toBe(true);
    const { rows, attempts } = await statusOf(row.id);
    expect(rows[0]).toMatchObject({
      status: 'pending',
      nextAttemptAt: at(1_000),
      leaseUntil: null,
      lastError: 'HTTP 500',
      attempts: 1,
    });
    expect(attempts[0]).toMatchObject({
      outcome: 'retry',
      statusCode: 500,
      error: 'HTTP 500',
      durationMs: 3,
      finishedAt: at(10),
    });
    expect(await deliveries.claimDue(at(999), at(6_000), 10)).toEqual([]);
    expect(await deliveries.claimDue(at(1_000), at(6_000), 10)).toHaveLength(1);
  });

  it('does not let a worker that lost its lease overwrite the delivery', async () => {
    const row = await stored();
    const [stale] = await deliveries.claimDue(t0, at(5_000), 10);
    await deliveries.claimDue(at(5_000), at(10_000), 10);

    const [kept] = await dataSource.transaction((manager) =>
      deliveries.recordAttempts(manager, [
        {
          claimed: stale!,
          attempt: {
            outcome: 'delivered',
            statusCode: 204,
            error: null,
            durationMs: 6_000,
            finishedAt: at(6_000),
          },
          decision: { status: 'delivered' },
        },
      ]),
    );

    expect(kept).toBe(false);
    const { rows, attempts } = await statusOf(row.id);
    expect(rows[0]).toMatchObject({ status: 'in_flight', attempts: 2 });
    // What really happened to the stale attempt is still worth knowing.
    expect(attempts.map((a) => [a.attemptNumber, a.outcome])).toEqual([
      [1, 'delivered'],
      [2, 'in_flight'],
    ]);
  });

  it('records several outcomes at once, each taking effect only while its lease holds', async () => {
    const lost = await stored();
    const [stale] = await deliveries.claimDue(t0, at(5_000), 10);
    await deliveries.claimDue(at(5_000), at(10_000), 10);
    const ours = await stored();
    const [current] = await deliveries.claimDue(at(5_000), at(10_000), 10);
    const delivered = (finishedAt: Date) => ({
      attempt: {
        outcome: 'delivered' as const,
        statusCode: 204,
        error: null,
        durationMs: 5,
        finishedAt,
      },
      decision: { status: 'delivered' as const },
    });

    const kept = await dataSource.transaction((manager) =>
      deliveries.recordAttempts(manager, [
        { claimed: stale!, ...delivered(at(6_000)) },
        { claimed: current!, ...delivered(at(6_001)) },
      ]),
    );

    expect(kept).toEqual([false, true]);
    expect((await statusOf(lost.id)).rows[0]).toMatchObject({ status: 'in_flight', attempts: 2 });
    expect((await statusOf(ours.id)).rows[0]).toMatchObject({
      status: 'delivered',
      deliveredAt: at(6_001),
      leaseUntil: null,
    });
    expect((await statusOf(ours.id)).attempts[0]).toMatchObject({
      outcome: 'delivered',
      statusCode: 204,
      finishedAt: at(6_001),
    });
  });

  it('marks a delivery delivered or dead, and neither is claimed again', async () => {
    const row = await stored(['a.example#1', 'b.example#2']);
    const claimed = await deliveries.claimDue(t0, at(5_000), 10);
    await dataSource.transaction(async (manager) => {
      await deliveries.recordAttempts(manager, [
        {
          claimed: claimed[0]!,
          attempt: {
            outcome: 'delivered',
            statusCode: 200,
            error: null,
            durationMs: 4,
            finishedAt: at(4),
          },
          decision: { status: 'delivered' },
        },
      ]);
      await deliveries.recordAttempts(manager, [
        {
          claimed: claimed[1]!,
          attempt: {
            outcome: 'permanent',
            statusCode: 400,
            error: 'HTTP 400',
            durationMs: 4,
            finishedAt: at(4),
          },
          decision: { status: 'dead', reason: 'rejected: HTTP 400' },
        },
      ]);
    });

    const { rows } = await statusOf(row.id);
    expect(rows.map((r) => r.status).sort()).toEqual(['dead', 'delivered']);
    expect(rows.find((r) => r.status === 'delivered')!.deliveredAt).toEqual(at(4));
    expect(rows.find((r) => r.status === 'dead')!.lastError).toBe('rejected: HTTP 400');
    expect(await deliveries.claimDue(at(3_600_000), at(3_605_000), 10)).toEqual([]);
  });

  it('lists alerts newest first, filtered and paged', async () => {
    const older = { ...alert(), createdAt: at(-60_000) };
    const newer = { ...alert(), agreementId: older.agreementId };
    const other = alert();
    await dataSource.transaction(async (manager) => {
      await alerts.insertNew(manager, [older, newer, other]);
    });

    const page = await alerts.list({ agreementId: older.agreementId }, { limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.alerts.map((a) => a.id)).toEqual([newer.id]);
    const next = await alerts.list({ agreementId: older.agreementId }, { limit: 1, offset: 1 });
    expect(next.alerts.map((a) => a.id)).toEqual([older.id]);
    expect(
      (await alerts.list({ milestoneId: other.milestoneId }, { limit: 10, offset: 0 })).alerts,
    ).toEqual([other]);
  });
});
