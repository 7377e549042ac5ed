import {
  AgreementLabelsRepository,
  AlertRepository,
  DeliveryRepository,
  DigestRepository,
  SilenceRepository,
} from '@dealwatch/alerting/data-access';
import type { AlertEntity, DeliveryTarget, KnownLabels } from '@dealwatch/alerting/data-access';
import {
  OVERDUE,
  ackLink,
  alertIdFor,
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
import type { AlertGrouping, AlertLabels, DigestSchedule, Route } from '@dealwatch/alerting/domain';
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

type ReminderEvent = DecodedEvent<typeof Topics.MilestoneReminderV1>;

/** A reminder's alert as it is to be stored, and the receivers it goes to if it is sent. */
interface AlertDraft {
  event: ReminderEvent;
  alert: AlertEntity;
  receivers: {
    receiver: KnownReceiver;
    group: AlertGrouping | null;
    digest: DigestSchedule | null;
  }[];
}

/** What an alert is checked against: the alert an overdue reminder of its milestone makes. */
interface OverdueAlert {
  id: string;
  offset: string;
  milestoneId: string;
}

const NOTHING_KNOWN: KnownLabels = { parties: [], binding: null };

/**
 * Turns reminders into their alerts, a consumer's whole run of them in its transaction, with one
 * statement per step for the run instead of one per reminder. An overdue alert inhibits the earlier,
 * unsent alerts of its milestone; a matching silence, or an overdue alert of its milestone (recorded
 * before, or made by this run), keeps an alert from being sent; otherwise the routes choose its
 * receivers and each gets a pending delivery, which for a receiver in digest mode waits for (and
 * goes with) its next digest. A reminder that already has its alert (a redelivery, or the scheduler
 * firing it again under a new event id) changes nothing.
 */
@Injectable()
export class RecordAlertUseCase {
  private readonly logger: Logger;
  private readonly ackKey: Buffer;
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
    private readonly silences: SilenceRepository,
    private readonly receivers: ReceiverDirectory,
    private readonly routing: RoutingTable,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'record-alert' });
    this.ackKey = Buffer.from(env.ALERT_ACK_KEY, 'base64');
  }

  async execute(events: readonly ReminderEvent[], manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    const drafts = await this.decide(manager, events, now);
    const created = await this.alerts.insertNew(
      manager,
      drafts.map((draft) => draft.alert),
    );
    const recorded: AlertDraft[] = [];
    for (const draft of drafts) {
      // A reminder given twice in the run is recorded for its first event only.
      if (created.delete(draft.alert.id)) recorded.push(draft);
      else this.logger.info(contextOf(draft), 'reminder already has its alert; nothing to do');
    }
    const overdue = recorded.filter((draft) => draft.alert.offset === OVERDUE);
    const inhibited = await this.alerts.inhibitEarlier(
      manager,
      overdue.map((draft) => draft.alert),
      now,
    );
    for (const [alertId, inhibitedBy] of inhibited)
      this.logger.info({ alertId, inhibitedBy }, 'earlier alert inhibited');

    const deliveries = [];
    for (const draft of recorded)
      if (draft.alert.state === 'firing')
        deliveries.push({
          alertId: draft.alert.id,
          receivers: await this.targets(manager, draft, now),
        });
    await this.deliveries.createFor(manager, deliveries, now);
    for (const draft of recorded) this.logRecorded(draft);
  }

  /** Each reminder's alert with its state, receivers and escalation settled before it is stored. */
  private async decide(
    manager: EntityManager,
    events: readonly ReminderEvent[],
    now: Date,
  ): Promise<AlertDraft[]> {
    const reminders = events.map((event) => event.payload);
    const known = await this.agreementLabels.labelsOfEach(manager, reminders);
    const overdue = await this.overdueAlerts(manager, reminders);
    const silences = (await this.silencesNotEnded.get(manager)).map(silenceOf);
    const receivers = await this.receivers.active(manager);
    const route = await this.routing.current(manager);
    return events.map((event, index) => {
      const reminder = event.payload;
      const draft: AlertDraft = { event, alert: this.alertOf(event, now), receivers: [] };
      const labels = alertLabelsOf(reminder, draft.alert.severity, known[index] ?? NOTHING_KNOWN);
      const silence = silencing(silences, labels, now);
      const inhibitor = overdue.get(reminder.milestoneId);
      if (silence) {
        draft.alert.state = 'silenced';
        draft.alert.silenceId = silence.id;
      } else if (inhibitor && inhibits(inhibitor, reminder)) {
        draft.alert.state = 'inhibited';
        draft.alert.inhibitedBy = inhibitor.id;
      } else this.route(draft, labels, route, receivers, now);
      return draft;
    });
  }

  /**
   * The overdue alert of each milestone the reminders are about: one recorded before, or one this
   * run makes (one by one, an earlier reminder of the run would have been inhibited by it too).
   */
  private async overdueAlerts(
    manager: EntityManager,
    reminders: readonly MilestoneReminderV1[],
  ): Promise<Map<string, OverdueAlert>> {
    const earlier = reminders.filter((reminder) => reminder.offset !== OVERDUE);
    const found = new Map<string, OverdueAlert>(
      await this.alerts.overdueOf(
        manager,
        earlier.map((reminder) => reminder.milestoneId),
      ),
    );
    for (const { offset, milestoneId, reminderId } of reminders)
      if (offset === OVERDUE && !found.has(milestoneId))
        found.set(milestoneId, { id: alertIdFor(reminderId), offset, milestoneId });
    return found;
  }

  /** The routes' receivers, grouping and digests for an alert sent, and its escalation if overdue. */
  private route(
    draft: AlertDraft,
    labels: AlertLabels,
    route: Route,
    known: readonly KnownReceiver[],
    now: Date,
  ): void {
    const chosen = routeAlert(
      route,
      labels,
      known.map((receiver) => receiver.name),
    );
    const grouping = groupingByReceiver(route, labels, chosen);
    const targets = known.filter((receiver) => chosen.includes(receiver.name));
    const digested = digestedReceivers(route, labels, targets);
    const schedules = digestSchedules(route, known);
    draft.receivers = targets.map((receiver) => ({
      receiver,
      group: grouping.get(receiver.name) ?? null,
      digest: digested.has(receiver.name) ? (schedules.get(receiver.name) ?? null) : null,
    }));
    const policy = draft.alert.offset === OVERDUE ? escalationPolicyOf(route, labels) : null;
    if (!policy) return;
    // Only an overdue alert escalates: the earlier ones still leave time to act.
    const after = policy.after ?? this.env.ALERT_ESCALATE_AFTER;
    draft.alert.escalationLevels = policy.levels;
    draft.alert.escalateAfter = after;
    draft.alert.escalateAt = new Date(now.getTime() + escalationDelayMs(policy, after));
  }

  /** Where an alert's deliveries go; a receiver in digest mode joins (or opens) its next digest. */
  private async targets(
    manager: EntityManager,
    draft: AlertDraft,
    now: Date,
  ): Promise<DeliveryTarget[]> {
    const targets: DeliveryTarget[] = [];
    for (const { receiver, group, digest } of draft.receivers)
      targets.push({
        ...receiver,
        group,
        digest: digest ? await this.joinDigest(manager, receiver, digest, now) : null,
      });
    return targets;
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

  private alertOf(event: ReminderEvent, now: Date): AlertEntity {
    const reminder = event.payload;
    const notification = buildAlertNotification(reminder);
    const expires = new Date(now.getTime() + this.env.ALERT_ACK_LINK_TTL_MS);
    notification.body.data.ackUrl = ackLink(
      this.env.ALERT_PUBLIC_URL,
      notification.alertId,
      expires,
      this.ackKey,
    );
    return {
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
    };
  }

  private logRecorded({ alert, receivers, event }: AlertDraft): void {
    const context = contextOf({ alert, event });
    if (alert.state === 'silenced')
      this.logger.info({ ...context, silenceId: alert.silenceId }, 'alert silenced: not sent');
    else if (alert.state === 'inhibited')
      this.logger.info({ ...context, inhibitedBy: alert.inhibitedBy }, 'alert inhibited: not sent');
    else
      this.logger.info(
        {
          ...context,
          receivers: receivers.map(({ receiver }) => receiver.name),
          inDigest: receivers.filter(({ digest }) => digest).map(({ receiver }) => receiver.name),
          escalates: alert.escalationLevels !== null,
        },
        'alert recorded',
      );
  }
}

function contextOf({ alert, event }: Pick<AlertDraft, 'alert' | 'event'>): Record<string, string> {
  return { alertId: alert.id, reminderId: alert.reminderId, eventId: event.envelope.id };
}
