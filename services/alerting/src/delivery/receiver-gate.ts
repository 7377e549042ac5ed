import {
  DeliveryRepository,
  ReceiverRepository,
  ReceiverThrottleStore,
  rateLimitOf,
} from '@dealwatch/alerting/data-access';
import type { ClaimedDelivery } from '@dealwatch/alerting/data-access';
import { rateWindowAt, rateWindowMs } from '@dealwatch/alerting/domain';
import type { BreakerPolicy, DeliveryVerdict } from '@dealwatch/alerting/domain';
import { CLOCK, ENV, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';
import { approximateMs, parseIsoDuration } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';

import { AlertingEnv } from '../alerting.env';

/** What goes out as one notification: one delivery, or those the rate limit held, together. */
export interface SendUnit {
  deliveries: ClaimedDelivery[];
  /** Why they go together; null for a delivery that goes alone. */
  groupedBecause: string | null;
}

const HELD = 'held by the rate limit';
const GROUPED = 'grouped by route';

/**
 * Between claiming and sending: the receiver's circuit breaker decides whether anything goes (while
 * open nothing does; half-open only one trial), and its rate limit how much. What is kept back is
 * given back unsent, not counted as an attempt: held by the rate limit until the next window, when
 * it goes as one grouped notification; kept by the breaker until the cool-down ends.
 */
@Injectable()
export class ReceiverGate {
  private readonly logger: Logger;
  private readonly policy: BreakerPolicy;
  private readonly trialLeaseMs: number;

  constructor(
    private readonly throttle: ReceiverThrottleStore,
    private readonly deliveries: DeliveryRepository,
    private readonly receivers: ReceiverRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'receiver-gate' });
    this.policy = {
      failureThreshold: env.ALERT_BREAKER_FAILURES,
      cooldownMs: approximateMs(parseIsoDuration(env.ALERT_BREAKER_COOLDOWN)),
    };
    // A trial takes at most the request timeout; the others wait that long for its outcome.
    this.trialLeaseMs = env.ALERT_DELIVERY_TIMEOUT_MS + 1_000;
  }

  /** What of one receiver's claimed deliveries goes now; the rest is given back. */
  async admit(receiver: string, claimed: ClaimedDelivery[]): Promise<SendUnit[]> {
    const now = this.clock.now();
    const admission = await this.throttle.admit(receiver, now, this.trialLeaseMs);
    if (admission.kind === 'wait') {
      await this.deliveries.release(
        claimed,
        admission.until,
        `circuit open: nothing goes to ${receiver} until ${admission.until.toISOString()}`,
        null,
        now,
      );
      return [];
    }
    let units = unitsOf(claimed);
    if (admission.kind === 'trial') {
      const [trial, ...rest] = units;
      await this.deliveries.release(
        rest.flatMap((unit) => unit.deliveries),
        new Date(now.getTime() + this.trialLeaseMs),
        `circuit half-open: waiting for the trial to ${receiver}`,
        null,
        now,
      );
      units = trial ? [trial] : [];
    }
    return this.withinRate(receiver, claimed[0]?.receiverId ?? null, units, now);
  }

  /**
   * Whether one notification may go to the receiver now, as far as its breaker is concerned (a
   * digest: one a day, outside the rate limit): null when it may, else until when it waits.
   */
  async breakerWait(receiver: string): Promise<Date | null> {
    const admission = await this.throttle.admit(receiver, this.clock.now(), this.trialLeaseMs);
    return admission.kind === 'wait' ? admission.until : null;
  }

  /** Feeds an attempt's outcome to the breaker: only failures a retry may cure count. */
  async outcome(receiver: string, verdict: DeliveryVerdict): Promise<void> {
    if (verdict.kind === 'delivered') {
      await this.throttle.recordSuccess(receiver);
    } else if (verdict.kind === 'retry') {
      const now = this.clock.now();
      if (await this.throttle.recordFailure(receiver, now, this.policy)) {
        this.logger.warn({ receiver, reason: verdict.reason }, 'circuit open: receiver failing');
      }
    }
  }

  private async withinRate(
    receiver: string,
    receiverId: string | null,
    units: SendUnit[],
    now: Date,
  ): Promise<SendUnit[]> {
    const entity = receiverId === null ? null : await this.receivers.findActive(receiverId);
    const limit = entity ? rateLimitOf(entity) : null;
    const windowMs = limit ? rateWindowMs(limit.per) : null;
    if (!limit || windowMs === null) return units;
    const window = rateWindowAt(now, windowMs);
    const allowed: SendUnit[] = [];
    const over: ClaimedDelivery[] = [];
    for (const unit of units) {
      if (await this.throttle.takeRate(receiver, window.index, windowMs, limit.count)) {
        allowed.push(unit);
      } else {
        over.push(...unit.deliveries);
      }
    }
    if (over.length > 0) {
      await this.deliveries.release(
        over,
        window.opensNextAt,
        `held: over the rate limit of ${limit.count} per ${limit.per}; goes grouped when the window opens`,
        true,
        now,
      );
      this.logger.info({ receiver, held: over.length }, 'notifications held by the rate limit');
    }
    return allowed;
  }
}

/** Those held by the rate limit go as one; then each route group as one; the rest alone. */
function unitsOf(claimed: readonly ClaimedDelivery[]): SendUnit[] {
  const units = new Map<string, SendUnit>();
  for (const delivery of claimed) {
    const [key, because] = delivery.held
      ? ['held', HELD]
      : delivery.groupKey !== null
        ? [`group ${delivery.groupKey}`, GROUPED]
        : [`alone ${delivery.deliveryId}`, null];
    const unit = units.get(key);
    if (unit) unit.deliveries.push(delivery);
    else units.set(key, { deliveries: [delivery], groupedBecause: because });
  }
  return [...units.values()];
}
