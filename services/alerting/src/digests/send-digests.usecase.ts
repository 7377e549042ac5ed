import { DigestRepository } from '@dealwatch/alerting/data-access';
import type { AlertEntity, DigestEntity } from '@dealwatch/alerting/data-access';
import {
  ackLink,
  buildDigestBody,
  decideAfterAttempt,
  digestSchedules,
  isEmptyDigest,
} from '@dealwatch/alerting/domain';
import type {
  AlertWebhookBody,
  DeliveryDecision,
  DigestAlert,
  DigestAlertState,
  DigestWebhookBody,
} from '@dealwatch/alerting/domain';
import { CLOCK, ENV, LOGGER, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';

import { AlertingEnv } from '../alerting.env';
import { DeliveryEvents } from '../delivery/delivery-events';
import { NotificationSender } from '../delivery/notification-sender';
import { ReceiverGate } from '../delivery/receiver-gate';
import { ReceiverDirectory } from '../receivers/receiver-directory';
import { RoutingTable } from '../routes/routing-table';

/** As for deliveries: past the request timeout, enough to write the outcome. */
const LEASE_MARGIN_MS = 10_000;
const SHOWN_STATES: readonly string[] = ['firing', 'acknowledged', 'resolved'];

/**
 * Sends the daily digests that are due. Each receiver in digest mode has its next digest planned;
 * a due one is claimed with a lease (committed first), its body fixed at the first attempt from the
 * alerts collected for it (as they stand then) and the overdue alerts still open, then sent under
 * its own id and retried with backoff like any delivery. The alerts' deliveries it carries are
 * marked with its outcome, each announced as delivered or failed.
 */
@Injectable()
export class SendDigestsUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly digests: DigestRepository,
    private readonly receivers: ReceiverDirectory,
    private readonly routing: RoutingTable,
    private readonly sender: NotificationSender,
    private readonly gate: ReceiverGate,
    private readonly events: DeliveryEvents,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'digest' });
  }

  /** Returns how many digests it claimed. */
  async sendDue(limit: number): Promise<number> {
    const now = this.clock.now();
    await this.planNext(now);
    const leaseUntil = new Date(
      now.getTime() + this.env.ALERT_DELIVERY_TIMEOUT_MS + LEASE_MARGIN_MS,
    );
    const claimed = await this.digests.claimDue(now, leaseUntil, limit);
    await Promise.all(claimed.map((digest) => this.sendOne(digest)));
    return claimed.length;
  }

  private async planNext(now: Date): Promise<void> {
    const known = await this.receivers.active();
    const schedules = digestSchedules(await this.routing.current(), known);
    await this.digests.plan(
      known.flatMap((receiver) => {
        const schedule = schedules.get(receiver.name);
        return schedule ? [{ name: receiver.name, receiverId: receiver.receiverId, schedule }] : [];
      }),
      now,
    );
  }

  private async sendOne(digest: DigestEntity): Promise<void> {
    const context = { digestId: digest.id, receiver: digest.receiver, attempt: digest.attempts };
    try {
      const body = digest.body ?? (await this.digests.freeze(digest.id, await this.build(digest)));
      if (isEmptyDigest(JSON.parse(body) as DigestWebhookBody) && !digest.sendEmpty) {
        await this.digests.markEmpty(digest, this.clock.now());
        this.logger.info(context, 'nothing to tell: no digest sent');
        return;
      }
      const waitUntil = await this.gate.breakerWait(digest.receiver);
      if (waitUntil) {
        const reason = `circuit open: nothing goes to ${digest.receiver} until ${waitUntil.toISOString()}`;
        await this.digests.release(digest, waitUntil, reason, this.clock.now());
        return;
      }
      const sent = await this.sender.sendDigest(digest, digest.id, body);
      await this.gate.outcome(digest.receiver, sent.verdict);
      const finishedAt = this.clock.now();
      const decision = decideAfterAttempt(
        sent.verdict,
        digest.attempts,
        {
          maxAttempts: this.env.ALERT_DELIVERY_MAX_ATTEMPTS,
          baseMs: this.env.ALERT_RETRY_BASE_MS,
          maxMs: this.env.ALERT_RETRY_MAX_MS,
        },
        finishedAt,
        Math.random,
      );
      await this.record(digest, decision, finishedAt);
    } catch (error) {
      // The lease runs out and the digest is taken again; nothing is lost.
      this.logger.error({ err: error, ...context }, 'could not complete a digest attempt');
    }
  }

  /** The digest as it goes: what was collected for it, and the overdue alerts still open. */
  private async build(digest: DigestEntity): Promise<string> {
    const [items, stillOpen] = await Promise.all([
      this.digests.itemsOf(digest.id),
      this.digests.stillOpenOverdue(digest),
    ]);
    const body = buildDigestBody({
      digestId: digest.id,
      receiver: digest.receiver,
      date: digest.localDate,
      timeZone: digest.timeZone,
      since: digest.since,
      until: digest.dueAt,
      // Silenced and inhibited alerts were never to be sent; they stay out.
      alerts: items.filter((alert) => SHOWN_STATES.includes(alert.state)).map(this.asDigestAlert),
      stillOpen: stillOpen.map(this.asDigestAlert),
    });
    return JSON.stringify(body);
  }

  /** An alert as it stands, with a fresh ack link while nobody acknowledged it. */
  private readonly asDigestAlert = (alert: AlertEntity): DigestAlert => {
    const { data } = JSON.parse(alert.body) as AlertWebhookBody;
    const state = alert.state as DigestAlertState;
    const now = this.clock.now();
    return {
      ...data,
      ackUrl:
        state === 'firing'
          ? ackLink(
              this.env.ALERT_PUBLIC_URL,
              alert.id,
              new Date(now.getTime() + this.env.ALERT_ACK_LINK_TTL_MS),
              Buffer.from(this.env.ALERT_ACK_KEY, 'base64'),
            )
          : null,
      state,
      firedAt: alert.createdAt.toISOString(),
      acknowledgedBy: alert.acknowledgedBy,
      acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
      resolution: alert.resolution,
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    };
  };

  private async record(
    digest: DigestEntity,
    decision: DeliveryDecision,
    finishedAt: Date,
  ): Promise<void> {
    const settled = await this.transactions.run(async (manager) => {
      const items = await this.digests.recordOutcome(manager, digest, decision, finishedAt);
      for (const item of items ?? []) {
        const delivery = {
          ...item,
          receiver: digest.receiver,
          notification: 'firing' as const,
          attempts: digest.attempts,
        };
        await this.events.announce(manager, delivery, decision, finishedAt);
      }
      return items;
    });
    const context = {
      digestId: digest.id,
      receiver: digest.receiver,
      attempt: digest.attempts,
      status: decision.status,
      alerts: settled?.length,
    };
    if (!settled) this.logger.warn(context, 'lease lost before the digest outcome was recorded');
    else if (decision.status === 'delivered') this.logger.info(context, 'digest delivered');
    else this.logger.warn({ ...context, reason: decision.reason }, 'digest delivery failed');
  }
}
