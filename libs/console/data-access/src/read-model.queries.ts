import type { ExtractedObligationV1 } from '@dealwatch/contracts';

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { AgreementView, AlertStateView, AlertView, MilestoneView } from './read-model.entities';

/** Where an alert stands, as alerting's events tell it. */
export type AlertState = 'firing' | 'acknowledged' | 'resolved';

export interface AlertWithState extends AlertView {
  state: AlertState;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  ackComment: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  escalationLevel: number;
}

/** An extracted obligation waiting for a person's review, with its milestone if it has one. */
export interface ReviewQueueItem {
  agreementId: string;
  agreementTitle: string | null;
  obligation: ExtractedObligationV1;
  milestone: { id: string; dueDate: string | null; status: string } | null;
}

export interface TimelineWindow {
  from: string;
  to: string;
}

/** What the console's pages show; every query is bounded. */
@Injectable()
export class ReadModelQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Open milestones due in the window, and every overdue one whatever its date, overdue first. */
  timeline(window: TimelineWindow): Promise<MilestoneView[]> {
    return this.dataSource
      .getRepository(MilestoneView)
      .createQueryBuilder('m')
      .where(`(m.due_date BETWEEN :from AND :to) OR m.status = 'overdue'`, window)
      .orderBy(`CASE WHEN m.status = 'overdue' THEN 0 ELSE 1 END`)
      .addOrderBy('m.due_date', 'ASC')
      .limit(1000)
      .getMany();
  }

  agreements(
    limit = 100,
  ): Promise<Pick<AgreementView, 'id' | 'title' | 'publishedAt' | 'parties'>[]> {
    return this.dataSource.getRepository(AgreementView).find({
      select: {
        id: true,
        title: true,
        publishedAt: true,
        signedAt: true,
        parties: true,
        ingestedAt: true,
      },
      order: { ingestedAt: 'DESC' },
      take: limit,
    });
  }

  async agreement(
    id: string,
  ): Promise<{ agreement: AgreementView; milestones: MilestoneView[] } | null> {
    const agreement = await this.dataSource.getRepository(AgreementView).findOneBy({ id });
    if (!agreement) return null;
    const milestones = await this.dataSource
      .getRepository(MilestoneView)
      .find({ where: { agreementId: id }, order: { dueDate: 'ASC' } });
    return { agreement, milestones };
  }

  async alerts(limit = 200): Promise<AlertWithState[]> {
    const alerts = await this.dataSource
      .getRepository(AlertView)
      .find({ order: { firedAt: 'DESC' }, take: limit });
    const states = alerts.length
      ? await this.dataSource
          .getRepository(AlertStateView)
          .findBy({ reminderId: In(alerts.map((alert) => alert.reminderId)) })
      : [];
    const byReminder = new Map(states.map((state) => [state.reminderId, state]));
    return alerts.map((alert) => withState(alert, byReminder.get(alert.reminderId)));
  }

  /**
   * Obligations of the latest extractions whose confidence is below `threshold`, that nobody has
   * reviewed yet and whose milestone is not closed: the least certain first, then the newest
   * agreements.
   */
  async reviewQueue(threshold: number, limit = 200): Promise<ReviewQueueItem[]> {
    const rows: {
      agreementId: string;
      agreementTitle: string | null;
      obligation: ExtractedObligationV1;
      milestoneId: string | null;
      milestoneDueDate: string | null;
      milestoneStatus: string | null;
    }[] = await this.dataSource.query(
      `SELECT a.id AS "agreementId", a.title AS "agreementTitle", o AS obligation,
         m.id AS "milestoneId", m.due_date::text AS "milestoneDueDate", m.status AS "milestoneStatus"
       FROM agreement_views a
       CROSS JOIN LATERAL jsonb_array_elements(coalesce(a.obligations, '[]')) o
       LEFT JOIN milestone_views m ON m.agreement_id = a.id AND m.obligation_key = o->>'obligationKey'
       WHERE (o->>'confidence')::float8 < $1
         AND (m.status IS NULL OR m.status NOT IN ('met', 'waived', 'cancelled'))
         AND NOT EXISTS (SELECT 1 FROM obligation_reviews r
                         WHERE r.agreement_id = a.id AND r.obligation_key = o->>'obligationKey')
       ORDER BY (o->>'confidence')::float8, a.ingested_at DESC, o->>'obligationKey'
       LIMIT $2`,
      [threshold, limit],
    );
    return rows.map(({ milestoneId, milestoneDueDate, milestoneStatus, ...item }) => ({
      ...item,
      milestone:
        milestoneId && milestoneStatus
          ? { id: milestoneId, dueDate: milestoneDueDate, status: milestoneStatus }
          : null,
    }));
  }
}

function withState(alert: AlertView, state: AlertStateView | undefined): AlertWithState {
  return {
    ...alert,
    alertId: alert.alertId ?? state?.alertId ?? null,
    state: state?.resolvedAt ? 'resolved' : state?.acknowledgedAt ? 'acknowledged' : 'firing',
    acknowledgedBy: state?.acknowledgedBy ?? null,
    acknowledgedAt: state?.acknowledgedAt ?? null,
    ackComment: state?.ackComment ?? null,
    resolvedAt: state?.resolvedAt ?? null,
    resolvedBy: state?.resolvedBy ?? null,
    escalationLevel: state?.escalationLevel ?? 0,
  };
}
