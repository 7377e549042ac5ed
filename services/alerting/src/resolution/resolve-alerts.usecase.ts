import { AlertRepository, DeliveryRepository } from '@dealwatch/alerting/data-access';
import { buildResolvedBody, resolvedEventIdFor } from '@dealwatch/alerting/domain';
import type { AlertWebhookBody } from '@dealwatch/alerting/domain';
import { Topics, resolvingMilestoneStatuses } from '@dealwatch/contracts';
import type { ResolvingMilestoneStatus } from '@dealwatch/contracts';
import type { DecodedEvent } from '@dealwatch/messaging';
import { EventOutbox } from '@dealwatch/messaging';
import { CLOCK, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { ReceiverDirectory } from '../receivers/receiver-directory';

/**
 * When a milestone is met, waived or cancelled, its open alerts resolve, in the consumer's
 * transaction: what was not sent yet is not sent, receivers that got an alert and asked for it
 * (`sendResolved`) get a "resolved" notification, and each alert is announced resolved once.
 * Silenced and inhibited alerts, which reached no one, resolve without a notification.
 */
@Injectable()
export class ResolveAlertsUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly alerts: AlertRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly receivers: ReceiverDirectory,
    private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'resolution' });
  }

  async execute(
    event: DecodedEvent<typeof Topics.MilestoneStatusChangedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const change = event.payload;
    if (!isResolving(change.status)) return;
    const status = change.status;
    const open = await this.alerts.openOf(manager, change.milestoneId);
    if (open.length === 0) return;
    const now = this.clock.now();
    const wantResolved = (await this.receivers.active(manager))
      .filter((receiver) => receiver.sendResolved)
      .map((receiver) => receiver.name);
    for (const alert of open) {
      const reached = alert.state === 'firing' || alert.state === 'acknowledged';
      await this.alerts.resolve(manager, alert.id, { status, by: change.actor, at: now });
      const body = buildResolvedBody(JSON.parse(alert.body) as AlertWebhookBody, {
        milestoneStatus: status,
        actor: change.actor,
        reason: change.reason ?? null,
        resolvedAt: change.changedAt,
      });
      const notified = await this.deliveries.settleResolved(
        manager,
        alert.id,
        `resolved: the milestone was ${status}`,
        { body: JSON.stringify(body), receivers: reached ? wantResolved : [] },
        now,
      );
      await this.outbox.append(
        manager,
        Topics.AlertResolvedV1,
        {
          alertId: alert.id,
          reminderId: alert.reminderId,
          milestoneId: alert.milestoneId,
          agreementId: alert.agreementId,
          milestoneStatus: status,
          actor: change.actor,
          reason: change.reason ?? null,
          resolvedAt: now.toISOString(),
        },
        {
          subject: alert.agreementId,
          correlationId: event.envelope.correlationId,
          causationId: event.envelope.id,
          eventId: resolvedEventIdFor(alert.id),
        },
      );
      this.logger.info(
        { alertId: alert.id, milestoneId: alert.milestoneId, status, notified },
        'alert resolved',
      );
    }
  }
}

function isResolving(status: string): status is ResolvingMilestoneStatus {
  return (resolvingMilestoneStatuses as readonly string[]).includes(status);
}
