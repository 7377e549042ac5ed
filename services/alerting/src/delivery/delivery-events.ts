import type { NotificationKind } from '@dealwatch/alerting/data-access';
import { deliveredEventIdFor, failedEventIdFor } from '@dealwatch/alerting/domain';
import type { DeliveryDecision } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import { EventOutbox } from '@dealwatch/messaging';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One alert's delivery to one receiver, settled by an attempt (alone, grouped or in a digest). */
export interface SettledDelivery {
  deliveryId: string;
  alertId: string;
  reminderId: string;
  milestoneId: string;
  agreementId: string;
  sourceEventId: string;
  correlationId: string;
  receiver: string;
  notification: NotificationKind;
  attempts: number;
}

/**
 * Announces, in the caller's transaction, what became of a delivery: `dealwatch.alert.delivered.v1`
 * once it went, `dealwatch.alert.failed.v1` once it was given up; nothing while it is retried. The
 * event ids derive from the delivery, so announcing twice is one event.
 */
@Injectable()
export class DeliveryEvents {
  constructor(private readonly outbox: EventOutbox) {}

  async announce(
    manager: EntityManager,
    delivery: SettledDelivery,
    decision: DeliveryDecision,
    at: Date,
  ): Promise<void> {
    const alert = {
      alertId: delivery.alertId,
      reminderId: delivery.reminderId,
      milestoneId: delivery.milestoneId,
      agreementId: delivery.agreementId,
      receiver: delivery.receiver,
      attempts: delivery.attempts,
    };
    const options = (eventId: string) => ({
      subject: delivery.agreementId,
      correlationId: delivery.correlationId,
      causationId: delivery.sourceEventId,
      eventId,
    });
    if (decision.status === 'delivered') {
      await this.outbox.append(
        manager,
        Topics.AlertDeliveredV1,
        { ...alert, deliveredAt: at.toISOString() },
        options(deliveredEventIdFor(delivery.deliveryId)),
      );
    } else if (decision.status === 'dead') {
      await this.outbox.append(
        manager,
        Topics.AlertFailedV1,
        {
          ...alert,
          notification: delivery.notification,
          reason: decision.reason,
          failedAt: at.toISOString(),
        },
        options(failedEventIdFor(delivery.deliveryId)),
      );
    }
  }
}
