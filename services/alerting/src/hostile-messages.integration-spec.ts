import { alertIdFor } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import type { MilestoneStatusChangedV1 } from '@dealwatch/contracts';
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

import { getJson, reminder, startAlerting } from './testing/alerting-harness';
import type { RunningAlerting } from './testing/alerting-harness';

const namespace = createTestNamespace('alerting-hostile');
const group = `${namespace.topicPrefix}alerting`;

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
    ).start([Topics.MilestoneReminderV1, Topics.MilestoneStatusChangedV1]);
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

  it('covers every topic the service consumes', () => {
    expect(new Set(service.app.get(EventSubscriptions, { strict: false }).topics)).toEqual(
      new Set([Topics.MilestoneReminderV1, Topics.MilestoneStatusChangedV1]),
    );
  });
});
