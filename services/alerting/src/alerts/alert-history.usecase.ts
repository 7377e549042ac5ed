import {
  AlertEscalationRepository,
  AlertRepository,
  DeliveryRepository,
} from '@dealwatch/alerting/data-access';
import type {
  AlertEntity,
  AlertEscalationEntity,
  AlertFilter,
  AlertState,
  AttemptOutcome,
  DeliveryAttemptEntity,
  DeliveryEntity,
  DeliveryStatus,
  NotificationKind,
  Page,
} from '@dealwatch/alerting/data-access';

import { Injectable } from '@nestjs/common';

export interface AttemptView {
  number: number;
  outcome: AttemptOutcome;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  receiver: string;
  /** That the alert fires, or that it resolved. */
  notification: NotificationKind;
  status: DeliveryStatus;
  attemptCount: number;
  /** Only while another attempt is planned. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  /** Why the last attempt failed; for a dead delivery, why it was given up. */
  lastError: string | null;
  /** The receiver's digest it goes with (GET /v1/digests/:id); null when it goes alone. */
  digestId: string | null;
  attempts: AttemptView[];
}

export interface EscalationView {
  /** Levels reached so far; 0 before the first. */
  level: number;
  /** When the next level is due, while the alert fires unacknowledged and one is left. */
  nextAt: Date | null;
  /** Every level of the policy, in order: the receivers it names. */
  policy: string[][];
  /** The levels reached: who was told, and when. */
  history: { level: number; receivers: string[]; escalatedAt: Date }[];
}

export interface AlertView {
  id: string;
  reminderId: string;
  milestoneId: string;
  agreementId: string;
  agreementTitle: string | null;
  title: string;
  category: string;
  offset: string;
  dueDate: string;
  severity: string;
  summary: string;
  state: AlertState;
  /** The silence that kept it from being sent. */
  silenceId: string | null;
  /** The overdue alert that made it moot. */
  inhibitedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  ackComment: string | null;
  resolvedAt: Date | null;
  /** The milestone status that resolved it. */
  resolution: string | null;
  resolvedBy: string | null;
  createdAt: Date;
  /** Null for an alert that does not escalate. */
  escalation: EscalationView | null;
  deliveries: DeliveryView[];
}

/** Alerts with what became of each delivery, attempt by attempt. */
@Injectable()
export class AlertHistoryUseCase {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly escalations: AlertEscalationRepository,
  ) {}

  async list(
    filter: AlertFilter,
    page: Page,
  ): Promise<{ items: AlertView[]; total: number } & Page> {
    const { alerts, total } = await this.alerts.list(filter, page);
    return { items: await this.withDeliveries(alerts), total, ...page };
  }

  async get(id: string): Promise<AlertView | null> {
    const alert = await this.alerts.findById(id);
    if (!alert) return null;
    const [view] = await this.withDeliveries([alert]);
    return view ?? null;
  }

  private async withDeliveries(alerts: AlertEntity[]): Promise<AlertView[]> {
    const ids = alerts.map((alert) => alert.id);
    const { deliveries, attempts } = await this.deliveries.findForAlerts(ids);
    const escalations = await this.escalations.historyOf(ids);
    return alerts.map((alert) => ({
      id: alert.id,
      reminderId: alert.reminderId,
      milestoneId: alert.milestoneId,
      agreementId: alert.agreementId,
      agreementTitle: alert.agreementTitle,
      title: alert.title,
      category: alert.category,
      offset: alert.offset,
      dueDate: alert.dueDate,
      severity: alert.severity,
      summary: alert.summary,
      state: alert.state,
      silenceId: alert.silenceId,
      inhibitedBy: alert.inhibitedBy,
      acknowledgedAt: alert.acknowledgedAt,
      acknowledgedBy: alert.acknowledgedBy,
      ackComment: alert.ackComment,
      resolvedAt: alert.resolvedAt,
      resolution: alert.resolution,
      resolvedBy: alert.resolvedBy,
      createdAt: alert.createdAt,
      escalation: toEscalationView(alert, escalations),
      deliveries: deliveries
        .filter((delivery) => delivery.alertId === alert.id)
        .map((delivery) => toDeliveryView(delivery, attempts)),
    }));
  }
}

function toEscalationView(
  alert: AlertEntity,
  escalations: AlertEscalationEntity[],
): EscalationView | null {
  if (!alert.escalationLevels) return null;
  return {
    level: alert.escalationLevel,
    nextAt: alert.state === 'firing' ? alert.escalateAt : null,
    policy: alert.escalationLevels,
    history: escalations
      .filter((escalation) => escalation.alertId === alert.id)
      .map(({ level, receivers, escalatedAt }) => ({ level, receivers, escalatedAt })),
  };
}

function toDeliveryView(delivery: DeliveryEntity, attempts: DeliveryAttemptEntity[]): DeliveryView {
  return {
    id: delivery.id,
    receiver: delivery.receiver,
    notification: delivery.notification,
    status: delivery.status,
    attemptCount: delivery.attempts,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
    deliveredAt: delivery.deliveredAt,
    lastError: delivery.lastError,
    digestId: delivery.digestId,
    attempts: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map((attempt) => ({
        number: attempt.attemptNumber,
        outcome: attempt.outcome,
        startedAt: attempt.startedAt,
        finishedAt: attempt.finishedAt,
        durationMs: attempt.durationMs,
        statusCode: attempt.statusCode,
        error: attempt.error,
      })),
  };
}
