import { DeliveryRepository } from '@dealwatch/alerting/data-access';
import type {
  ClaimedDelivery,
  FinishedAttempt,
  FinishedDelivery,
} from '@dealwatch/alerting/data-access';
import { decideAfterAttempt } from '@dealwatch/alerting/domain';
import type { DeliveryDecision } from '@dealwatch/alerting/domain';
import { CLOCK, ENV, GroupCommit, LOGGER, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { AlertingEnv } from '../alerting.env';
import { DeliveryEvents } from './delivery-events';
import { NotificationSender } from './notification-sender';
import type { SendResult } from './notification-sender';
import { ReceiverGate } from './receiver-gate';
import type { SendUnit } from './receiver-gate';

/**
 * Time past the request timeout before another worker may take a delivery over: enough to write the
 * outcome, so only a sender that really stopped loses its lease.
 */
const LEASE_MARGIN_MS = 10_000;
/** How soon deliveries given back for want of their receiver gate are due again. */
const GATE_RETRY_MS = 1_000;

/**
 * Sends one batch of due deliveries: claim with a lease (committed first), let each receiver's
 * breaker and rate limit decide what goes (see ReceiverGate), post, then record the attempt and the
 * next step in one transaction, announcing a delivery that went or was given up in that same one.
 * Deliveries held by a rate limit go out together, one grouped notification, each recorded with its
 * outcome. Outcomes that finish while others are being recorded share the next transaction.
 */
@Injectable()
export class DeliverAlertsUseCase {
  private readonly logger: Logger;
  private readonly outcomes = new GroupCommit<FinishedDelivery, boolean>({
    transaction: (work) => this.transactions.run(work),
    apply: (manager, finished) => this.recordAll(manager, finished),
    maxBatch: 64,
    concurrency: 2,
  });

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly sender: NotificationSender,
    private readonly gate: ReceiverGate,
    private readonly events: DeliveryEvents,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'delivery' });
  }

  /** Returns how many deliveries it claimed. */
  async deliverDue(limit: number): Promise<number> {
    const now = this.clock.now();
    const leaseUntil = new Date(
      now.getTime() + this.env.ALERT_DELIVERY_TIMEOUT_MS + LEASE_MARGIN_MS,
    );
    const claimed = await this.deliveries.claimDue(now, leaseUntil, limit);
    const byReceiver = new Map<string, ClaimedDelivery[]>();
    for (const delivery of claimed) {
      byReceiver.set(delivery.receiver, [...(byReceiver.get(delivery.receiver) ?? []), delivery]);
    }
    await Promise.all(
      [...byReceiver].map(async ([receiver, deliveries]) => {
        try {
          const units = await this.gate.admit(receiver, deliveries);
          await Promise.all(units.map((unit) => this.deliverUnit(receiver, unit)));
        } catch (error) {
          this.logger.error({ err: error, receiver }, 'could not gate deliveries to a receiver');
          await this.giveBack(deliveries, error, now);
        }
      }),
    );
    return claimed.length;
  }

  /**
   * Deliveries whose receiver gate could not be consulted (Redis away) go back unsent and uncounted,
   * due again shortly, instead of waiting out their lease: they leave within a second of its return.
   * If even that fails, their leases run out and they are taken again; nothing is lost.
   */
  private async giveBack(deliveries: ClaimedDelivery[], error: unknown, now: Date): Promise<void> {
    const reason = `the receiver gate could not be consulted: ${error instanceof Error ? error.message : String(error)}`;
    await this.deliveries
      .release(deliveries, new Date(now.getTime() + GATE_RETRY_MS), reason, null, now)
      .catch((releaseError: unknown) => {
        this.logger.warn({ err: releaseError }, 'could not give back ungated deliveries');
      });
  }

  private async deliverUnit(receiver: string, unit: SendUnit): Promise<void> {
    try {
      const sent =
        unit.groupedBecause === null
          ? await this.sendOne(unit.deliveries)
          : await this.sender.sendGroup(unit.deliveries, unit.groupedBecause);
      await this.gate.outcome(receiver, sent.verdict);
      const attempt = this.attemptOf(sent);
      // One decision for what went as one, so a group that failed is retried together.
      const decision = decideAfterAttempt(
        sent.verdict,
        Math.max(...unit.deliveries.map((claimed) => claimed.attempt)),
        {
          maxAttempts: this.env.ALERT_DELIVERY_MAX_ATTEMPTS,
          baseMs: this.env.ALERT_RETRY_BASE_MS,
          maxMs: this.env.ALERT_RETRY_MAX_MS,
        },
        attempt.finishedAt,
        Math.random,
      );
      await Promise.all(unit.deliveries.map((claimed) => this.record(claimed, attempt, decision)));
    } catch (error) {
      // The lease runs out and the delivery is taken again; nothing is lost.
      this.logger.error(
        { err: error, deliveryIds: unit.deliveries.map((claimed) => claimed.deliveryId) },
        'could not complete a delivery attempt; it will be retried when its lease expires',
      );
    }
  }

  private sendOne([claimed]: ClaimedDelivery[]): Promise<SendResult> {
    if (!claimed) throw new RangeError('a unit without a delivery');
    return this.sender.send(claimed);
  }

  private attemptOf(sent: SendResult): FinishedAttempt {
    const { verdict } = sent;
    return {
      outcome: verdict.kind,
      statusCode: sent.statusCode,
      error: verdict.kind === 'delivered' ? null : verdict.reason,
      durationMs: sent.durationMs,
      finishedAt: this.clock.now(),
    };
  }

  private async record(
    claimed: ClaimedDelivery,
    attempt: FinishedAttempt,
    decision: DeliveryDecision,
  ): Promise<void> {
    const kept = await this.outcomes.submit({ claimed, attempt, decision });
    const context = {
      deliveryId: claimed.deliveryId,
      alertId: claimed.alertId,
      receiver: claimed.receiver,
      attempt: claimed.attempt,
      status: decision.status,
    };
    if (!kept) this.logger.warn(context, 'lease lost before the outcome was recorded');
    else if (decision.status === 'delivered') this.logger.info(context, 'alert delivered');
    else this.logger.warn({ ...context, reason: decision.reason }, 'alert delivery failed');
  }

  /** Records attempts and announces, in the same transaction, the deliveries still ours. */
  private async recordAll(
    manager: EntityManager,
    finished: FinishedDelivery[],
  ): Promise<boolean[]> {
    const kept = await this.deliveries.recordAttempts(manager, finished);
    await this.events.announceAll(
      manager,
      finished
        .filter((_, index) => kept[index])
        .map(({ claimed, attempt, decision }) => ({
          delivery: { ...claimed, attempts: claimed.attempt },
          decision,
          at: attempt.finishedAt,
        })),
    );
    return kept;
  }
}
