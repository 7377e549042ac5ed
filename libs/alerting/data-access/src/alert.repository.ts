import { OVERDUE } from '@dealwatch/alerting/domain';
import { insertRows } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AlertEntity } from './alert.entity';
import type { AlertState } from './alert.entity';
import type { DeliveryStatus } from './delivery.entity';
import { returningRows } from './returning-rows';

export interface AlertFilter {
  agreementId?: string | undefined;
  milestoneId?: string | undefined;
  state?: AlertState | undefined;
  /** Alerts with at least one delivery in this status, e.g. `dead`: given up for a receiver. */
  deliveryStatus?: DeliveryStatus | undefined;
}

export interface Page {
  limit: number;
  offset: number;
}

@Injectable()
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the alerts whose reminders have none yet, in one statement; returns the ids of those it
   * inserted (a reminder given twice gets its alert once).
   */
  async insertNew(manager: EntityManager, alerts: readonly AlertEntity[]): Promise<Set<string>> {
    const inserted = await insertRows<AlertEntity, { id: string }>(manager, AlertEntity, alerts, {
      skipConflicts: true,
      returning: ['id'],
    });
    return new Set(inserted.map((row) => row.id));
  }

  /** The overdue alert of each milestone that has one (see the domain's `inhibits`). */
  async overdueOf(
    manager: EntityManager,
    milestoneIds: readonly string[],
  ): Promise<Map<string, AlertEntity>> {
    if (milestoneIds.length === 0) return new Map();
    const overdue = await manager
      .getRepository(AlertEntity)
      .findBy({ milestoneId: In([...new Set(milestoneIds)]), offset: OVERDUE });
    return new Map(overdue.map((alert) => [alert.milestoneId, alert]));
  }

  /**
   * Applies the domain's `inhibits` to what is recorded, for each overdue alert: the earlier alerts
   * of its milestone stop waiting to be sent (their pending deliveries become suppressed), and those
   * of them that reached no receiver at all become `inhibited`. Deliveries in flight or delivered
   * are left as they are. Returns the alerts that had deliveries suppressed, each with the overdue
   * alert that inhibits it.
   */
  async inhibitEarlier(
    manager: EntityManager,
    overdue: readonly { id: string; milestoneId: string }[],
    now: Date,
  ): Promise<Map<string, string>> {
    if (overdue.length === 0) return new Map();
    const suppressed = await returningRows<{ alert_id: string; inhibited_by: string }>(
      manager,
      `UPDATE deliveries d
       SET status = 'suppressed', last_error = 'inhibited by overdue alert ' || o.id,
         lease_until = NULL, updated_at = $3
       FROM alerts a
       JOIN unnest($1::uuid[], $2::uuid[]) AS o (id, milestone_id)
         ON a.milestone_id = o.milestone_id AND a.id <> o.id
       WHERE d.alert_id = a.id AND a.reminder_offset <> '${OVERDUE}' AND d.status = 'pending'
       RETURNING d.alert_id, o.id AS inhibited_by`,
      [overdue.map((alert) => alert.id), overdue.map((alert) => alert.milestoneId), now],
    );
    const inhibitorOf = new Map(suppressed.map((row) => [row.alert_id, row.inhibited_by]));
    if (inhibitorOf.size === 0) return inhibitorOf;
    await manager.query(
      `UPDATE alerts a SET state = 'inhibited', inhibited_by = i.inhibited_by
       FROM unnest($1::uuid[], $2::uuid[]) AS i (id, inhibited_by)
       WHERE a.id = i.id AND a.state = 'firing'
         AND NOT EXISTS (
           SELECT 1 FROM deliveries d
           WHERE d.alert_id = a.id AND d.status IN ('in_flight', 'delivered')
         )`,
      [[...inhibitorOf.keys()], [...inhibitorOf.values()]],
    );
    return inhibitorOf;
  }

  /**
   * Acknowledges a firing alert once. Returns the alert after the call and whether this call
   * acknowledged it; null when there is no such alert.
   */
  async acknowledge(
    manager: EntityManager,
    id: string,
    ack: { by: string; comment: string | null; at: Date },
  ): Promise<{ alert: AlertEntity; acknowledged: boolean } | null> {
    const changed = await returningRows<{ id: string }>(
      manager,
      `UPDATE alerts SET state = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3,
         ack_comment = $4
       WHERE id = $1 AND state = 'firing'
       RETURNING id`,
      [id, ack.at, ack.by, ack.comment],
    );
    const alert = await manager.getRepository(AlertEntity).findOneBy({ id });
    return alert ? { alert, acknowledged: changed.length > 0 } : null;
  }

  /** The alerts of a milestone not yet resolved, locked until the transaction ends. */
  openOf(manager: EntityManager, milestoneId: string): Promise<AlertEntity[]> {
    return manager
      .getRepository(AlertEntity)
      .createQueryBuilder('alert')
      .where('alert.milestone_id = :milestoneId', { milestoneId })
      .andWhere("alert.state IN ('firing', 'acknowledged', 'silenced', 'inhibited')")
      .orderBy('alert.created_at', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  async resolve(
    manager: EntityManager,
    id: string,
    resolution: { status: string; by: string; at: Date },
  ): Promise<void> {
    await manager.getRepository(AlertEntity).update(
      { id },
      {
        state: 'resolved',
        resolution: resolution.status,
        resolvedBy: resolution.by,
        resolvedAt: resolution.at,
      },
    );
  }

  findById(id: string): Promise<AlertEntity | null> {
    return this.dataSource.getRepository(AlertEntity).findOneBy({ id });
  }

  /** Newest first; `total` counts every alert the filter matches. */
  async list(filter: AlertFilter, page: Page): Promise<{ alerts: AlertEntity[]; total: number }> {
    const query = this.dataSource.getRepository(AlertEntity).createQueryBuilder('alert');
    if (filter.agreementId) {
      query.andWhere('alert.agreement_id = :agreementId', { agreementId: filter.agreementId });
    }
    if (filter.milestoneId) {
      query.andWhere('alert.milestone_id = :milestoneId', { milestoneId: filter.milestoneId });
    }
    if (filter.state) query.andWhere('alert.state = :state', { state: filter.state });
    if (filter.deliveryStatus) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM deliveries d WHERE d.alert_id = alert.id AND d.status = :status)',
        { status: filter.deliveryStatus },
      );
    }
    const [alerts, total] = await query
      .orderBy('alert.createdAt', 'DESC')
      .addOrderBy('alert.id', 'DESC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { alerts, total };
  }
}
