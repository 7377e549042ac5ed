import { alertIdFor } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import type {
  ClausesExtractedV1,
  MilestoneScheduledV1,
  MilestoneStatusChangedV1,
} from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';
import {
  HostileMessageProbe,
  WebhookReceiver,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  expectedDeadLetter,
  hostileMessagesFor,
  requiredEnv,
} from '@dealwatch/testing';

import { Client } from 'pg';

import { getJson, reminder, startAlerting } from './testing/alerting-harness';
import type { RunningAlerting } from './testing/alerting-harness';

const namespace = createTestNamespace('alerting-hostile');
const group = `${namespace.topicPrefix}alerting`;
/** What alerting reads to label alerts with their agreement's parties and their binding. */
const labelTopics = [Topics.ClausesExtractedV1, Topics.MilestoneScheduledV1] as const;

describe('alerting facing hostile messages on each topic it consumes', () => {
  const receiver = new WebhookReceiver();
  let service: RunningAlerting;
  let probe: HostileMessageProbe;

  beforeAll(async () => {
    await receiver.start();
    service = await startAlerting(namespace, [receiver.url]);
    probe = await new HostileMessageProbe(
      requiredEnv('KAFKA_BROKERS').split(','),
      namespace.topicPrefix,
    ).start([...labelTopics, Topics.MilestoneReminderV1, Topics.MilestoneStatusChangedV1]);
  });

  afterAll(async () => {
    await probe.stop();
    await service.app.close();
    await receiver.stop();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const alertOf = (alertId: string, expected: Record<string, unknown>) =>
    expectEventually(async () => {
      const { status, body } = await getJson(`${service.base}/v1/alerts/${alertId}`);
      expect({ status, body }).toMatchObject({ status: 200, body: expected });
    });

  it('dead-letters each on milestone.reminder with its reason and alerts on the next valid reminder, then each on milestone.status-changed and resolves the alert on the next valid change', async () => {
    const due = reminder();
    const onReminders = hostileMessagesFor(Topics.MilestoneReminderV1, due);
    await probe.send(Topics.MilestoneReminderV1, onReminders, due, due.agreementId);
    await alertOf(alertIdFor(due.reminderId), { state: 'firing' });

    const met: MilestoneStatusChangedV1 = {
      milestoneId: due.milestoneId,
      agreementId: due.agreementId,
      previousStatus: 'due',
      status: 'met',
      dueDate: due.dueDate,
      previousDueDate: due.dueDate,
      changedAt: '2026-04-22T10:00:00.000Z',
      actor: 'treasury@example.com',
      reason: 'held on 22 April',
    };
    const onStatuses = hostileMessagesFor(Topics.MilestoneStatusChangedV1, met);
    await probe.send(Topics.MilestoneStatusChangedV1, onStatuses, met, due.agreementId);
    await alertOf(alertIdFor(due.reminderId), { state: 'resolved', resolution: 'met' });

    await expectEventually(() => {
      expect(probe.deadLetterOutcomes(Topics.MilestoneReminderV1, group, onReminders)).toEqual(
        onReminders.map(expectedDeadLetter),
      );
      expect(probe.deadLetterOutcomes(Topics.MilestoneStatusChangedV1, group, onStatuses)).toEqual(
        onStatuses.map(expectedDeadLetter),
      );
    });
  });

  /** A label's writes commit in the same transaction as the consumer's inbox row. */
  async function handled(eventId: string): Promise<boolean> {
    const database = new Client({ connectionString: requiredEnv('DATABASE_URL') });
    await database.connect();
    try {
      const { rowCount } = await database.query(
        `SELECT 1 FROM "${namespace.schemaPrefix}alerting".processed_events
          WHERE consumer_group = $1 AND event_id = $2`,
        [group, eventId],
      );
      return rowCount === 1;
    } finally {
      await database.end();
    }
  }

  it('dead-letters each on the label topics with its reason and takes the next valid event', async () => {
    const agreementId = reminder().agreementId;
    const extracted: ClausesExtractedV1 = {
      agreementId,
      extractionId: '5f0c6f7e-3c8b-4f55-9d5e-6a1f0b7c2d11',
      extractorVersion: 'test',
      extractedAt: '2025-10-28T10:00:00Z',
      title: 'A framework',
      publishedAt: '2025-10-28',
      signedAt: '2025-10-28',
      effectiveAt: null,
      parties: ['United States', 'Japan'],
      obligations: [],
    };
    const scheduled: MilestoneScheduledV1 = {
      milestoneId: '0d7f1c2a-9b3e-4c5d-8e6f-7a8b9c0d1e2f',
      agreementId,
      obligationKey: 'k1',
      title: 'hold a ministerial meeting',
      category: 'meeting',
      dueDate: '2026-04-26',
      overdueAt: '2026-04-27T00:00:00Z',
      evidence: 'The parties will hold a ministerial meeting within 180 days of signing.',
      reminders: [],
    };
    const onExtracted = hostileMessagesFor(Topics.ClausesExtractedV1, extracted);
    const extractedId = await probe.send(
      Topics.ClausesExtractedV1,
      onExtracted,
      extracted,
      agreementId,
    );
    const onScheduled = hostileMessagesFor(Topics.MilestoneScheduledV1, scheduled);
    const scheduledId = await probe.send(
      Topics.MilestoneScheduledV1,
      onScheduled,
      scheduled,
      agreementId,
    );

    await expectEventually(async () => {
      expect(await handled(extractedId)).toBe(true);
      expect(await handled(scheduledId)).toBe(true);
    });
    await expectEventually(() => {
      expect(probe.deadLetterOutcomes(Topics.ClausesExtractedV1, group, onExtracted)).toEqual(
        onExtracted.map(expectedDeadLetter),
      );
      expect(probe.deadLetterOutcomes(Topics.MilestoneScheduledV1, group, onScheduled)).toEqual(
        onScheduled.map(expectedDeadLetter),
      );
    });
  });

  it('covers every topic the service consumes', () => {
    expect(new Set(service.app.get(EventSubscriptions, { strict: false }).topics)).toEqual(
      new Set([...labelTopics, Topics.MilestoneReminderV1, Topics.MilestoneStatusChangedV1]),
    );
  });
});
