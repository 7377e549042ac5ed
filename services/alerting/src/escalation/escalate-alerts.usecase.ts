import { AlertEscalationRepository } from '@dealwatch/alerting/data-access';
import type { AlertEntity } from '@dealwatch/alerting/data-access';
import {
  buildEscalatedBody,
  escalatedEventIdFor,
  escalationDelayMs,
  nextEscalation,
} from '@dealwatch/alerting/domain';
import type { AlertWebhookBody } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import { EventOutbox } from '@dealwatch/messaging';
import { CLOCK, ENV, LOGGER, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { AlertingEnv } from '../alerting.env';
import { ReceiverDirectory } from '../receivers/receiver-directory';

/**
 * Escalates the firing alerts whose time came, one level each: the level's receivers get an
 * escalated notification, the level goes into the alert's history, the next one is planned and
 * `dealwatch.alert.escalated.v1` announces it, all in one transaction. An acknowledged or resolved
 * alert is no longer firing, so it is never taken.
 */
@Injectable()
export class EscalateAlertsUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly escalations: AlertEscalationRepository,
    private readonly receivers: ReceiverDirectory,
    private readonly outbox: EventOutbox,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'escalation' });
  }

  /** Returns how many alerts escalated a level. */
  escalateDue(limit: number): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const due = await this.escalations.claimDue(manager, now, limit);
      for (const alert of due) await this.escalate(manager, alert, now);
      return due.length;
    });
  }

  private async escalate(manager: EntityManager, alert: AlertEntity, now: Date): Promise<void> {
    const levels = alert.escalationLevels ?? [];
    const delayMs = escalationDelayMs(
      { after: alert.escalateAfter },
      this.env.ALERT_ESCALATE_AFTER,
    );
    const next = nextEscalation(levels, alert.escalationLevel, now, delayMs);
    if (!next) {
      // Its levels ran out (they are planned never to): nothing more to escalate to.
      await this.escalations.stop(manager, alert.id);
      return;
    }
    const targets = (await this.receivers.active(manager)).filter((receiver) =>
      next.receivers.includes(receiver.name),
    );
    const names = targets.map((target) => target.name);
    const escalation = {
      level: next.level,
      receivers: names,
      escalatedAt: now.toISOString(),
      firingSince: alert.createdAt.toISOString(),
    };
    const body = buildEscalatedBody(JSON.parse(alert.body) as AlertWebhookBody, escalation);
    await this.escalations.queueNotifications(
      manager,
      alert.id,
      targets,
      JSON.stringify(body),
      now,
    );
    await this.escalations.record(manager, alert.id, {
      level: next.level,
      receivers: names,
      at: now,
      nextAt: next.nextAt,
    });
    const context = { alertId: alert.id, level: next.level, receivers: names };
    if (names.length === 0) {
      this.logger.warn(
        { ...context, named: next.receivers },
        'no receiver of this escalation level exists: nobody was told',
      );
      return;
    }
    await this.outbox.append(
      manager,
      Topics.AlertEscalatedV1,
      {
        alertId: alert.id,
        reminderId: alert.reminderId,
        milestoneId: alert.milestoneId,
        agreementId: alert.agreementId,
        ...escalation,
      },
      {
        subject: alert.agreementId,
        correlationId: alert.correlationId,
        causationId: alert.sourceEventId,
        eventId: escalatedEventIdFor(alert.id, next.level),
      },
    );
    this.logger.info(context, 'alert escalated');
  }
}
