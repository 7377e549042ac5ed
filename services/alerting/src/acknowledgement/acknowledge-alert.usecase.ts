import { AlertRepository } from '@dealwatch/alerting/data-access';
import { acknowledgedEventIdFor, checkAckLink } from '@dealwatch/alerting/domain';
import { Topics } from '@dealwatch/contracts';
import type { AcknowledgementChannel } from '@dealwatch/contracts';
import { EventOutbox } from '@dealwatch/messaging';
import { CLOCK, ENV, LOGGER, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import {
  ConflictException,
  ForbiddenException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { Logger } from 'pino';

import { AlertingEnv } from '../alerting.env';
import { AlertHistoryUseCase } from '../alerts/alert-history.usecase';
import type { AlertView } from '../alerts/alert-history.usecase';

/** Who a one-click acknowledgement is recorded as: the link does not say who clicked it. */
export const LINK_ACKNOWLEDGER = 'one-click link';

/**
 * Acknowledges a firing alert, once, announcing it in the same transaction. Acknowledging it again
 * changes nothing and answers as the first time did; an alert that is silenced, inhibited or
 * resolved cannot be acknowledged.
 */
@Injectable()
export class AcknowledgeAlertUseCase {
  private readonly logger: Logger;
  private readonly linkKey: Buffer;

  constructor(
    private readonly alerts: AlertRepository,
    private readonly history: AlertHistoryUseCase,
    private readonly outbox: EventOutbox,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'acknowledgement' });
    this.linkKey = Buffer.from(env.ALERT_ACK_KEY, 'base64');
  }

  async byLink(id: string, exp: string, sig: string): Promise<AlertView> {
    switch (checkAckLink(id, exp, sig, this.linkKey, this.clock.now())) {
      case 'invalid':
        throw new ForbiddenException('this acknowledgement link is not valid');
      case 'expired':
        throw new GoneException('this acknowledgement link has expired');
      case 'valid':
        return this.acknowledge(id, LINK_ACKNOWLEDGER, null, 'link');
    }
  }

  async acknowledge(
    id: string,
    by: string,
    comment: string | null,
    via: AcknowledgementChannel,
  ): Promise<AlertView> {
    const at = this.clock.now();
    const result = await this.transactions.run(async (manager) => {
      const outcome = await this.alerts.acknowledge(manager, id, { by, comment, at });
      if (outcome?.acknowledged) {
        const { alert } = outcome;
        await this.outbox.append(
          manager,
          Topics.AlertAcknowledgedV1,
          {
            alertId: alert.id,
            reminderId: alert.reminderId,
            milestoneId: alert.milestoneId,
            agreementId: alert.agreementId,
            acknowledgedBy: by,
            comment,
            via,
            acknowledgedAt: at.toISOString(),
          },
          {
            subject: alert.agreementId,
            correlationId: alert.correlationId,
            causationId: alert.sourceEventId,
            eventId: acknowledgedEventIdFor(alert.id),
          },
        );
      }
      return outcome;
    });
    if (!result) throw new NotFoundException(`no alert ${id}`);
    if (!result.acknowledged && result.alert.state !== 'acknowledged') {
      throw new ConflictException(
        `the alert is ${result.alert.state}: only a firing alert can be acknowledged`,
      );
    }
    if (result.acknowledged) this.logger.info({ alertId: id, by, via }, 'alert acknowledged');
    const view = await this.history.get(id);
    if (!view) throw new NotFoundException(`no alert ${id}`);
    return view;
  }
}
