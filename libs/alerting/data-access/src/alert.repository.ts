import { OVERDUE } from '@dealwatch/alerting/domain';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

  /** Inserts the alert unless its reminder already has one; returns whether it was new. */
  async insertIfNew(manager: EntityManager, alert: AlertEntity): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(AlertEntity)
      .values(alert)
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Records why an alert is not sent: a silence matched, or an overdue alert inhibits it. */
  async setState(
    manager: EntityManager,
    id: string,
    change: Pick<AlertEntity, 'state'> & Partial<Pick<AlertEntity, 'silenceId' | 'inhibitedBy'>>,
  ): Promise<void> {
    await manager.getRepository(AlertEntity).update({ id }, change);
  }

  /** The overdue alert of a milestone, if it has one (see the domain's `inhibits`). */
  findOverdueOf(manager: EntityManager, milestoneId: string): Promise<AlertEntity | null> {
    return manager.getRepository(AlertEntity).findOneBy({ milestoneId, offset: OVERDUE });
  }

  /**
   * Applies the domain's `inhibits` to what is recorded: the earlier alerts of the milestone stop
   * waiting to be sent (their pending deliveries become suppressed), and those of them that reached
   * no receiver at all become `inhibited`. Deliveries in flight or delivered are left as they are.
   * Returns the ids of the alerts that had deliveries suppressed.
   */
  async inhibitEarlier(
    manager: EntityManager,
    overdue: { id: string; milestoneId: string },
    now: Date,
  ): Promise<string[]> {
    const suppressed = await returningRows<{ alert_id: string }>(
      manager,
      `UPDATE deliveries d
       SET status = 'suppressed', last_error = $3, lease_until = NULL, updated_at = $4
       FROM alerts a
       WHERE d.alert_id = a.id AND a.milestone_id = $1 AND a.id <> $2
         AND a.reminder_offset <> '${OVERDUE}' AND d.status = 'pending'
       RETURNING d.alert_id`,
      [overdue.milestoneId, overdue.id, `inhibited by overdue alert ${overdue.id}`, now],
    );
    const alertIds = [...new Set(suppressed.map((row) => row.alert_id))];
    if (alertIds.length === 0) return [];
    await manager.query(
      `UPDATE alerts a SET state = 'inhibited', inhibited_by = $2
       WHERE a.id = ANY($1::uuid[]) AND a.state = 'firing'
         AND NOT EXISTS (
           SELECT 1 FROM deliveries d
           WHERE d.alert_id = a.id AND d.status IN ('in_flight', 'delivered')
         )`,
      [alertIds, overdue.id],
    );
    return alertIds;
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
