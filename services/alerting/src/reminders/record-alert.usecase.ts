import { AlertRepository, DeliveryRepository } from '@dealwatch/alerting/data-access';
import { alertLabelsOf, buildAlertNotification, routeAlert } from '@dealwatch/alerting/domain';
import type { Topics } from '@dealwatch/contracts';
import type { DecodedEvent } from '@dealwatch/messaging';
import { CLOCK, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { ReceiverDirectory } from '../receivers/receiver-directory';
import { RoutingTable } from '../routes/routing-table';

/**
 * Turns a reminder into its alert and one pending delivery per receiver, in the consumer's
 * transaction. A reminder that already has its alert (a redelivery, or the scheduler firing it
 * again under a new event id) changes nothing.
 */
@Injectable()
export class RecordAlertUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly alerts: AlertRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly receivers: ReceiverDirectory,
    private readonly routing: RoutingTable,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'record-alert' });
  }

  async execute(
    event: DecodedEvent<typeof Topics.MilestoneReminderV1>,
    manager: EntityManager,
  ): Promise<void> {
    const reminder = event.payload;
    const notification = buildAlertNotification(reminder);
    const now = this.clock.now();
    const created = await this.alerts.insertIfNew(manager, {
      id: notification.alertId,
      reminderId: reminder.reminderId,
      milestoneId: reminder.milestoneId,
      agreementId: reminder.agreementId,
      agreementTitle: reminder.agreementTitle ?? null,
      title: reminder.title,
      category: reminder.category,
      offset: reminder.offset,
      dueDate: reminder.dueDate,
      severity: notification.severity,
      summary: notification.summary,
      body: JSON.stringify(notification.body),
      sourceEventId: event.envelope.id,
      correlationId: event.envelope.correlationId,
      createdAt: now,
    });
    const context = {
      alertId: notification.alertId,
      reminderId: reminder.reminderId,
      eventId: event.envelope.id,
    };
    if (!created) {
      this.logger.info(context, 'reminder already has its alert; nothing to do');
      return;
    }
    const known = await this.receivers.active(manager);
    const chosen = routeAlert(
      await this.routing.current(manager),
      alertLabelsOf(reminder, notification.severity),
      known.map((receiver) => receiver.name),
    );
    const receivers = known.filter((receiver) => chosen.includes(receiver.name));
    await this.deliveries.createFor(manager, notification.alertId, receivers, now);
    this.logger.info({ ...context, receivers: chosen }, 'alert recorded');
  }
}
