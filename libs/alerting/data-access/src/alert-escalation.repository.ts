import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AlertEscalationEntity } from './alert-escalation.entity';
import { AlertEntity } from './alert.entity';
import type { DeliveryTarget } from './delivery.repository';

/** The escalation of unacknowledged alerts: what is planned, what is due, and what happened. */
@Injectable()
export class AlertEscalationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` firing alerts whose next level is due, locked until the transaction ends; other
   * instances skip them rather than wait, so each level is taken by one of them.
   */
  claimDue(manager: EntityManager, now: Date, limit: number): Promise<AlertEntity[]> {
    return manager
      .getRepository(AlertEntity)
      .createQueryBuilder('alert')
      .where("alert.state = 'firing'")
      .andWhere('alert.escalate_at IS NOT NULL')
      .andWhere('alert.escalate_at <= :now', { now })
      .orderBy('alert.escalate_at', 'ASC')
      .addOrderBy('alert.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Records a level reached and plans the next one (none when `nextAt` is null). */
  async record(
    manager: EntityManager,
    alertId: string,
    escalation: { level: number; receivers: string[]; at: Date; nextAt: Date | null },
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AlertEscalationEntity)
      .values({
        alertId,
        level: escalation.level,
        receivers: escalation.receivers,
        escalatedAt: escalation.at,
      })
      .orIgnore()
      .execute();
    await manager
      .getRepository(AlertEntity)
      .update(
        { id: alertId },
        { escalationLevel: escalation.level, escalateAt: escalation.nextAt },
      );
  }

  /** No further level: the alert is not taken again. */
  async stop(manager: EntityManager, alertId: string): Promise<void> {
    await manager.getRepository(AlertEntity).update({ id: alertId }, { escalateAt: null });
  }

  /** An escalated notification to each receiver of the level that has none for this alert yet. */
  async queueNotifications(
    manager: EntityManager,
    alertId: string,
    receivers: readonly DeliveryTarget[],
    body: string,
    now: Date,
  ): Promise<void> {
    if (receivers.length === 0) return;
    await manager.query(
      `INSERT INTO deliveries (id, alert_id, receiver, receiver_id, status, notification, body,
         attempts, next_attempt_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1, t.name, t.receiver_id, 'pending', 'escalated', $4, 0, $5, $5, $5
       FROM unnest($2::text[], $3::uuid[]) AS t (name, receiver_id)
       ON CONFLICT (alert_id, receiver, notification) DO NOTHING`,
      [
        alertId,
        receivers.map((receiver) => receiver.name),
        receivers.map((receiver) => receiver.receiverId),
        body,
        now,
      ],
    );
  }

  /** The levels each alert reached, in order. */
  historyOf(alertIds: readonly string[]): Promise<AlertEscalationEntity[]> {
    if (alertIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AlertEscalationEntity).find({
      where: { alertId: In([...alertIds]) },
      order: { level: 'ASC' },
    });
  }
}
