import { digestIdFor } from '@dealwatch/alerting/domain';
import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';
import { createTestNamespace, dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { AlertEntity } from './alert.entity';
import { AlertRepository } from './alert.repository';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { DigestEntity } from './digest.entity';
import { DigestRepository } from './digest.repository';
import type { DigestTarget } from './digest.repository';
import { alertingMigrations } from './index';

const namespace = createTestNamespace('alerting-digest-store');
const schedule = { at: '08:00', timeZone: 'Europe/Berlin', sendEmpty: false };
const evening = new Date('2026-01-14T18:00:00.000Z');
const dueAt = new Date('2026-01-15T07:00:00.000Z');
const nextDay = new Date('2026-01-16T07:00:00.000Z');
const lease = new Date(dueAt.getTime() + 15_000);
const target = (name: string): DigestTarget => ({ name, receiverId: null, schedule });

describe('digest storage on real PostgreSQL', () => {
  let dataSource: DataSource;
  let digests: DigestRepository;
  let deliveries: DeliveryRepository;
  let alerts: AlertRepository;

  beforeAll(async () => {
    dataSource = await openServiceDataSource(
      createServiceDataSource({
        url: requiredEnv('DATABASE_URL'),
        schema: `${namespace.schemaPrefix}alerting`,
        entities: [AlertEntity, DeliveryEntity, DeliveryAttemptEntity, DigestEntity],
        migrations: alertingMigrations,
        applicationName: 'alerting-digest-store-test',
      }),
    );
    digests = new DigestRepository(dataSource);
    deliveries = new DeliveryRepository(dataSource);
    alerts = new AlertRepository(dataSource);
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE alerts, digests CASCADE');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const collect = (name: string, now: Date) =>
    dataSource.transaction((manager) => digests.collect(manager, target(name), now));

  it('keeps one digest per receiver and day, however often it is planned or joined', async () => {
    await digests.plan([target('ops'), target('ops')], evening);
    await digests.plan([target('ops')], evening);
    const joined = await collect('ops', evening);
    expect(joined).toMatchObject({
      id: digestIdFor('ops', dueAt),
      dueAt,
      localDate: '2026-01-15',
      since: new Date('2026-01-14T07:00:00.000Z'),
      status: 'pending',
    });
    expect(await dataSource.getRepository(DigestEntity).count()).toBe(1);
  });

  it('lets concurrent workers share the due digests without claiming one twice', async () => {
    const names = Array.from({ length: 9 }, (_, index) => `r${index}`);
    await digests.plan(names.map(target), evening);
    expect(await digests.claimDue(new Date(dueAt.getTime() - 1), lease, 10)).toEqual([]);
    const batches = await Promise.all(
      Array.from({ length: 3 }, () => digests.claimDue(dueAt, lease, 4)),
    );
    const ids = batches.flat().map((digest) => digest.id);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    expect(batches.flat().every((digest) => digest.attempts === 1)).toBe(true);
  });

  it('puts an alert recorded while its digest is being sent into the next day’s', async () => {
    await digests.plan([target('ops')], evening);
    const [claimed] = await digests.claimDue(dueAt, lease, 10);
    expect(claimed?.id).toBe(digestIdFor('ops', dueAt));
    const joined = await collect('ops', new Date(dueAt.getTime() - 1));
    expect(joined).toMatchObject({ id: digestIdFor('ops', nextDay), dueAt: nextDay });
  });

  it('never sends an alert waiting for a digest by itself, and settles it with the digest', async () => {
    const digest = await collect('ops', evening);
    const alert = await storedAlert();
    await dataSource.transaction((manager) =>
      deliveries.createFor(
        manager,
        [
          {
            alertId: alert.id,
            receivers: [
              { name: 'ops', receiverId: null, digest: { id: digest.id, dueAt: digest.dueAt } },
            ],
          },
        ],
        evening,
      ),
    );
    expect(await deliveries.claimDue(nextDay, lease, 10)).toEqual([]);
    expect((await digests.itemsOf(digest.id)).map((item) => item.id)).toEqual([alert.id]);

    const [claimed] = await digests.claimDue(dueAt, lease, 10);
    const delivered = { status: 'delivered' as const };
    const stale = { ...claimed!, attempts: claimed!.attempts - 1 };
    expect(
      await dataSource.transaction((m) => digests.recordOutcome(m, stale, delivered, dueAt)),
    ).toBeNull();
    const settled = await dataSource.transaction((manager) =>
      digests.recordOutcome(manager, claimed!, delivered, dueAt),
    );
    expect(settled?.map((item) => item.alertId)).toEqual([alert.id]);
    const { deliveries: rows } = await deliveries.findForAlerts([alert.id]);
    expect(rows.map((row) => [row.status, row.digestId, row.deliveredAt])).toEqual([
      ['delivered', digest.id, dueAt],
    ]);
  });

  async function storedAlert(): Promise<AlertEntity> {
    const id = randomUUID();
    const row: AlertEntity = {
      id,
      reminderId: randomUUID(),
      milestoneId: randomUUID(),
      agreementId: randomUUID(),
      agreementTitle: null,
      title: 'Submit the report',
      category: 'reporting',
      offset: 'P7D',
      dueDate: '2026-01-22',
      severity: 'low',
      summary: 'Due in 7 days (2026-01-22): Submit the report.',
      body: JSON.stringify({ data: { alertId: id } }),
      sourceEventId: randomUUID(),
      correlationId: randomUUID(),
      createdAt: evening,
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
    await dataSource.transaction((manager) => alerts.insertNew(manager, [row]));
    return row;
  }
});
