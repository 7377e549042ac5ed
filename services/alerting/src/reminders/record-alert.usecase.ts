import {
  AgreementLabelsRepository,
  AlertEscalationRepository,
  AlertRepository,
  DeliveryRepository,
  DigestRepository,
  SilenceRepository,
} from '@dealwatch/alerting/data-access';
import {
  OVERDUE,
  ackLink,
  alertLabelsOf,
  buildAlertNotification,
  digestSchedules,
  digestedReceivers,
  escalationDelayMs,
  escalationPolicyOf,
  groupingByReceiver,
  inhibits,
  routeAlert,
  silencing,
} from '@dealwatch/alerting/domain';
import type { AlertLabels, DigestSchedule } from '@dealwatch/alerting/domain';
import type { MilestoneReminderV1, Topics } from '@dealwatch/contracts';
import type { DecodedEvent } from '@dealwatch/messaging';
import { TransactionMemo } from '@dealwatch/persistence';
import { CLOCK, ENV, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { AlertingEnv } from '../alerting.env';
import { ReceiverDirectory } from '../receivers/receiver-directory';
import type { KnownReceiver } from '../receivers/receiver-directory';
import { RoutingTable } from '../routes/routing-table';
import { silenceOf } from '../silences/silence-of';

/**
 * Turns a reminder into its alert, in the consumer's transaction: an overdue alert first inhibits the
 * earlier, unsent alerts of its milestone; then a matching silence, or an overdue alert already
 * there, keeps this one from being sent; otherwise the routes choose its receivers and each gets a
 * pending delivery, which for a receiver in digest mode waits for (and goes with) its next digest. A reminder that already has its alert (a redelivery, or the scheduler firing it
 * again under a new event id) changes nothing.
 */
@Injectable()
export class RecordAlertUseCase {
  private readonly logger: Logger;
  /**
   * Silences not over when a consumer transaction first asks, read once for all its alerts: each is
   * still checked against its own alert's time, and silences change only through the API.
   */
  private readonly silencesNotEnded = new TransactionMemo((manager) =>
    this.silences.notEndedAt(this.clock.now(), manager),
  );

  constructor(
    private readonly alerts: AlertRepository,
    private readonly agreementLabels: AgreementLabelsRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly digests: DigestRepository,
    private readonly escalations: AlertEscalationRepository,
    private readonly silences: SilenceRepository,
    private readonly receivers: ReceiverDirectory,
    private readonly routing: RoutingTable,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: AlertingEnv,
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
    const alertId = notification.alertId;
    notification.body.data.ackUrl = ackLink(
      this.env.ALERT_PUBLIC_URL,
      alertId,
      new Date(now.getTime() + this.env.ALERT_ACK_LINK_TTL_MS),
      Buffer.from(this.env.ALERT_ACK_KEY, 'base64'),
    );
    const created = await this.alerts.insertIfNew(manager, {
      id: alertId,
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
      state: 'firing',
      silenceId: null,
      inhibitedBy: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      ackComment: null,
      resolvedAt: null,
      resolution: null,
      resolvedBy: null,
      escalationLevels: null,
      escalateAfter: null,
      escalationLevel: 0,
      escalateAt: null,
    });
    const context = { alertId, reminderId: reminder.reminderId, eventId: event.envelope.id };
    if (!created) {
      this.logger.info(context, 'reminder already has its alert; nothing to do');
      return;
    }
    if (reminder.offset === OVERDUE) {
      const inhibited = await this.alerts.inhibitEarlier(
        manager,
        { id: alertId, milestoneId: reminder.milestoneId },
        now,
      );
      if (inhibited.length > 0)
        this.logger.info({ ...context, inhibited }, 'earlier alerts inhibited');
    }
    const labels = alertLabelsOf(
      reminder,
      notification.severity,
      await this.agreementLabels.labelsOf(manager, reminder),
    );
    if (await this.heldBack(manager, alertId, reminder, labels, now, context)) return;

    const known = await this.receivers.active(manager);
    const route = await this.routing.current(manager);
    const chosen = routeAlert(
      route,
      labels,
      known.map((receiver) => receiver.name),
    );
    const grouping = groupingByReceiver(route, labels, chosen);
    const targets = known.filter((receiver) => chosen.includes(receiver.name));
    const digested = digestedReceivers(route, labels, targets);
    const schedules = digestSchedules(route, known);
    const receivers = [];
    for (const receiver of targets) {
      const schedule = digested.has(receiver.name) ? schedules.get(receiver.name) : undefined;
      receivers.push({
        ...receiver,
        group: grouping.get(receiver.name) ?? null,
        digest: schedule ? await this.joinDigest(manager, receiver, schedule, now) : null,
      });
    }
    await this.deliveries.createFor(manager, alertId, receivers, now);
    const policy = reminder.offset === OVERDUE ? escalationPolicyOf(route, labels) : null;
    if (policy) {
      // Only an overdue alert escalates: the earlier ones still leave time to act.
      const after = policy.after ?? this.env.ALERT_ESCALATE_AFTER;
      const firstAt = new Date(now.getTime() + escalationDelayMs(policy, after));
      await this.escalations.plan(manager, alertId, { levels: policy.levels, after, firstAt });
    }
    this.logger.info(
      { ...context, receivers: chosen, inDigest: [...digested], escalates: policy !== null },
      'alert recorded',
    );
  }

  private async joinDigest(
    manager: EntityManager,
    receiver: KnownReceiver,
    schedule: DigestSchedule,
    now: Date,
  ): Promise<{ id: string; dueAt: Date }> {
    const digest = await this.digests.collect(
      manager,
      { name: receiver.name, receiverId: receiver.receiverId, schedule },
      now,
    );
    return { id: digest.id, dueAt: digest.dueAt };
  }

  /** Records the alert as silenced or inhibited when it is; true when it is not to be sent. */
  private async heldBack(
    manager: EntityManager,
    alertId: string,
    reminder: MilestoneReminderV1,
    labels: AlertLabels,
    now: Date,
    context: Record<string, string>,
  ): Promise<boolean> {
    const silences = (await this.silencesNotEnded.get(manager)).map(silenceOf);
    const silence = silencing(silences, labels, now);
    if (silence) {
      await this.alerts.setState(manager, alertId, { state: 'silenced', silenceId: silence.id });
      this.logger.info({ ...context, silenceId: silence.id }, 'alert silenced: not sent');
      return true;
    }
    const overdue =
      reminder.offset === OVERDUE
        ? null
        : await this.alerts.findOverdueOf(manager, reminder.milestoneId);
    if (overdue && inhibits(overdue, reminder)) {
      await this.alerts.setState(manager, alertId, { state: 'inhibited', inhibitedBy: overdue.id });
      this.logger.info({ ...context, inhibitedBy: overdue.id }, 'alert inhibited: not sent');
      return true;
    }
    return false;
  }
}
