import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';
import { createTestNamespace, dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { AgreementLabelsEntity } from './agreement-labels.entity';
import { AgreementLabelsRepository } from './agreement-labels.repository';
import { alertingMigrations } from './index';
import { MilestoneObligationEntity } from './milestone-obligation.entity';
import { ObligationLabelsEntity } from './obligation-labels.entity';

const namespace = createTestNamespace('alerting-labels');

describe('agreement labels on real PostgreSQL', () => {
  const labels = new AgreementLabelsRepository();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openServiceDataSource(
      createServiceDataSource({
        url: requiredEnv('DATABASE_URL'),
        schema: `${namespace.schemaPrefix}alerting`,
        entities: [AgreementLabelsEntity, ObligationLabelsEntity, MilestoneObligationEntity],
        migrations: alertingMigrations,
        applicationName: 'alerting-labels-test',
      }),
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('knows nothing before an extraction, then the newest extraction’s, whatever order they come in', async () => {
    const agreementId = randomUUID();
    const milestoneId = randomUUID();
    const alert = { agreementId, milestoneId };
    const of = async () => {
      const [known] = await dataSource.transaction((manager) =>
        labels.labelsOfEach(manager, [alert]),
      );
      return known;
    };
    expect(await of()).toEqual({ parties: [], binding: null });

    const extraction = (at: string, parties: string[], binding: boolean) =>
      dataSource.transaction((manager) =>
        labels.recordExtractions(manager, [
          {
            agreementId,
            extractedAt: new Date(at),
            parties,
            obligations: [{ obligationKey: 'pay', binding }],
          },
        ]),
      );
    await dataSource.transaction((manager) =>
      labels.recordMilestones(manager, [{ milestoneId, agreementId, obligationKey: 'pay' }]),
    );
    await extraction('2026-04-02T00:00:00Z', ['Kenya', 'ACME'], true);
    await extraction('2026-04-01T00:00:00Z', ['Kenya'], false);
    expect(await of()).toEqual({ parties: ['Kenya', 'ACME'], binding: true });
    await extraction('2026-04-03T00:00:00Z', ['Kenya', 'ACME', 'Bank'], false);
    expect(await of()).toEqual({ parties: ['Kenya', 'ACME', 'Bank'], binding: false });
  });

  it('records a run of milestones at once, the later record of a milestone winning, and reads labels in the order asked', async () => {
    const agreementId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    await dataSource.transaction(async (manager) => {
      await labels.recordExtractions(manager, [
        {
          agreementId,
          extractedAt: new Date('2026-04-01T00:00:00Z'),
          parties: ['Kenya'],
          obligations: [
            { obligationKey: 'pay', binding: true },
            { obligationKey: 'report', binding: false },
          ],
        },
      ]);
      await labels.recordMilestones(manager, [
        { milestoneId: first, agreementId, obligationKey: 'report' },
        { milestoneId: second, agreementId, obligationKey: 'report' },
        // Rescheduled onto another obligation later in the same run.
        { milestoneId: first, agreementId, obligationKey: 'pay' },
      ]);
    });
    const each = await dataSource.transaction((manager) =>
      labels.labelsOfEach(manager, [
        { agreementId, milestoneId: second },
        { agreementId: randomUUID(), milestoneId: randomUUID() },
        { agreementId, milestoneId: first },
      ]),
    );
    expect(each).toEqual([
      { parties: ['Kenya'], binding: false },
      { parties: [], binding: null },
      { parties: ['Kenya'], binding: true },
    ]);
  });

  it('records a run of extractions at once: an agreement extracted twice keeps the newer, whatever its place in the run', async () => {
    const [kenya, chile, empty] = [randomUUID(), randomUUID(), randomUUID()];
    const milestones = [
      { milestoneId: randomUUID(), agreementId: kenya, obligationKey: 'pay' },
      { milestoneId: randomUUID(), agreementId: chile, obligationKey: 'pay' },
      { milestoneId: randomUUID(), agreementId: chile, obligationKey: 'report' },
    ];
    const at = (day: number) => new Date(`2026-04-0${day}T00:00:00Z`);
    await dataSource.transaction(async (manager) => {
      await labels.recordMilestones(manager, milestones);
      await labels.recordExtractions(manager, [
        {
          agreementId: kenya,
          extractedAt: at(2),
          parties: ['Kenya', 'ACME'],
          // Listed twice: the last mention counts.
          obligations: [
            { obligationKey: 'pay', binding: false },
            { obligationKey: 'pay', binding: true },
          ],
        },
        {
          agreementId: chile,
          extractedAt: at(1),
          parties: ['Chile'],
          obligations: [
            { obligationKey: 'pay', binding: true },
            { obligationKey: 'report', binding: true },
          ],
        },
        { agreementId: empty, extractedAt: at(1), parties: ['Peru'], obligations: [] },
        // Older than the first extraction of the run: changes nothing.
        {
          agreementId: kenya,
          extractedAt: at(1),
          parties: ['Kenya'],
          obligations: [{ obligationKey: 'pay', binding: false }],
        },
        {
          agreementId: chile,
          extractedAt: at(3),
          parties: ['Chile', 'Bank'],
          obligations: [{ obligationKey: 'report', binding: false }],
        },
      ]);
    });
    const each = await dataSource.transaction((manager) =>
      labels.labelsOfEach(manager, [
        ...milestones,
        { milestoneId: randomUUID(), agreementId: empty },
      ]),
    );
    expect(each).toEqual([
      { parties: ['Kenya', 'ACME'], binding: true },
      { parties: ['Chile', 'Bank'], binding: true },
      { parties: ['Chile', 'Bank'], binding: false },
      { parties: ['Peru'], binding: null },
    ]);
  });
});
