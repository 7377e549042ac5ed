import type { NotificationKind } from '@dealwatch/alerting/data-access';
import { deliveredEventIdFor, failedEventIdFor } from '@dealwatch/alerting/domain';
import type { DeliveryDecision } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import { EventOutbox } from '@dealwatch/messaging';
import type { OutboxEvent } from '@dealwatch/messaging';

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
    await this.announceAll(manager, [{ delivery, decision, at }]);
  }

  /** Announces several settled deliveries with one outbox write. */
  async announceAll(
    manager: EntityManager,
    settled: readonly { delivery: SettledDelivery; decision: DeliveryDecision; at: Date }[],
  ): Promise<void> {
    const events = settled.flatMap(({ delivery, decision, at }) => {
      const event = eventFor(delivery, decision, at);
      return event ? [event] : [];
    });
    await this.outbox.appendMany(manager, events);
  }
}

function eventFor(
  delivery: SettledDelivery,
  decision: DeliveryDecision,
  at: Date,
): OutboxEvent | null {
  const alert = {
    alertId: delivery.alertId,
    reminderId: delivery.reminderId,
    milestoneId: delivery.milestoneId,
    agreementId: delivery.agreementId,
    receiver: delivery.receiver,
    attempts: delivery.attempts,
  };
  const metadata = (eventId: string) => ({
    subject: delivery.agreementId,
    correlationId: delivery.correlationId,
    causationId: delivery.sourceEventId,
    eventId,
  });
  switch (decision.status) {
    case 'delivered':
      return {
        topic: Topics.AlertDeliveredV1,
        payload: { ...alert, deliveredAt: at.toISOString() },
        metadata: metadata(deliveredEventIdFor(delivery.deliveryId)),
      };
    case 'dead':
      return {
        topic: Topics.AlertFailedV1,
        payload: {
          ...alert,
          notification: delivery.notification,
          reason: decision.reason,
          failedAt: at.toISOString(),
        },
        metadata: metadata(failedEventIdFor(delivery.deliveryId)),
      };
    case 'pending':
      return null;
  }
}
