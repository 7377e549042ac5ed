import { digestIdFor, nextDigestAt, previousDigestAt } from '@dealwatch/alerting/domain';
import type { DeliveryDecision, DigestSchedule } from '@dealwatch/alerting/domain';
import { calendarDateIn } from '@dealwatch/time';

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';

import { AlertEntity } from './alert.entity';
import { DeliveryEntity } from './delivery.entity';
import { DigestEntity } from './digest.entity';
import type { DigestStatus } from './digest.entity';
import { returningRows } from './returning-rows';

/** A receiver in digest mode, and when its digest goes. */
export interface DigestTarget {
  name: string;
  receiverId: string | null;
  schedule: DigestSchedule;
}

/** An alert's delivery that went (or was given up) with its digest: what its event needs. */
export interface SettledDigestItem {
  deliveryId: string;
  alertId: string;
  reminderId: string;
  milestoneId: string;
  agreementId: string;
  sourceEventId: string;
  correlationId: string;
}

export interface DigestFilter {
  receiver?: string | undefined;
  status?: DigestStatus | undefined;
}

@Injectable()
export class DigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The digest an alert recorded now joins: the receiver's next one, unless that one is already
   * being sent (its time came while this alert was being recorded), then the one after. The upsert
   * locks the row, so joining and the worker taking the digest never cross.
   */
  async collect(manager: EntityManager, target: DigestTarget, now: Date): Promise<DigestEntity> {
    let after = now;
    for (;;) {
      const dueAt = nextDigestAt(target.schedule, after);
      const [row] = await returningRows<{ id: string; open: boolean }>(
        manager,
        `${INSERT_DIGEST}
         ON CONFLICT (receiver, due_at) DO UPDATE SET updated_at = digests.updated_at
         RETURNING id, (status = 'pending' AND body IS NULL) AS open`,
        digestRow(target, dueAt, now),
      );
      if (row?.open) return manager.getRepository(DigestEntity).findOneByOrFail({ id: row.id });
      after = dueAt;
    }
  }

  /**
   * Makes sure each receiver in digest mode has its next digest planned, so a day without new
   * alerts still lists the overdue ones open (or says it is empty, when the receiver asks).
   */
  async plan(targets: readonly DigestTarget[], now: Date): Promise<void> {
    for (const target of targets) {
      await this.dataSource.query(
        `${INSERT_DIGEST} ON CONFLICT (receiver, due_at) DO NOTHING`,
        digestRow(target, nextDigestAt(target.schedule, now), now),
      );
    }
  }

  /**
   * Takes up to `limit` digests that are due, or whose lease expired, and leases them. Committed
   * before anything is sent, so a crash leaves an expired lease, never a lost digest; several
   * workers skip each other's rows.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DigestEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await returningRows<{ id: string }>(
        manager,
        `UPDATE digests SET status = 'in_flight', lease_until = $2, attempts = attempts + 1,
           updated_at = $1
         WHERE id IN (
           SELECT id FROM digests
           WHERE (status = 'pending' AND next_attempt_at <= $1)
              OR (status = 'in_flight' AND lease_until <= $1)
           ORDER BY next_attempt_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [now, leaseUntil, limit],
      );
      if (rows.length === 0) return [];
      return manager.getRepository(DigestEntity).findBy({ id: In(rows.map((row) => row.id)) });
    });
  }

  /** The alerts collected for a digest, with where they stand now. */
  itemsOf(digestId: string): Promise<AlertEntity[]> {
    return this.dataSource
      .getRepository(AlertEntity)
      .createQueryBuilder('alert')
      .innerJoin(DeliveryEntity, 'delivery', 'delivery.alert_id = alert.id')
      .where('delivery.digest_id = :digestId', { digestId })
      .orderBy('alert.created_at', 'ASC')
      .getMany();
  }

  /** Overdue alerts this receiver was told of before (alone or in a digest), not yet resolved. */
  stillOpenOverdue(digest: Pick<DigestEntity, 'id' | 'receiver'>): Promise<AlertEntity[]> {
    return this.dataSource
      .getRepository(AlertEntity)
      .createQueryBuilder('alert')
      .where("alert.reminder_offset = 'overdue'")
      .andWhere("alert.state IN ('firing', 'acknowledged')")
      .andWhere(
        `EXISTS (SELECT 1 FROM deliveries d WHERE d.alert_id = alert.id AND d.receiver = :receiver
           AND d.notification = 'firing' AND d.status = 'delivered')`,
      )
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.alert_id = alert.id AND d.digest_id = :id)',
      )
      .setParameters({ receiver: digest.receiver, id: digest.id })
      .orderBy('alert.created_at', 'ASC')
      .getMany();
  }

  /** Fixes the body at the first attempt; returns the body every attempt sends. */
  async freeze(id: string, body: string): Promise<string> {
    await this.dataSource.query('UPDATE digests SET body = $2 WHERE id = $1 AND body IS NULL', [
      id,
      body,
    ]);
    const digest = await this.dataSource.getRepository(DigestEntity).findOneByOrFail({ id });
    return digest.body ?? body;
  }

  /** Nothing to tell and the receiver wants no empty digest: done without sending. */
  async markEmpty(claimed: DigestEntity, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE digests SET status = 'empty', lease_until = NULL, updated_at = $3
       WHERE id = $1 AND status = 'in_flight' AND attempts = $2`,
      [claimed.id, claimed.attempts, now],
    );
  }

  /** Gives a claimed digest back unsent and uncounted (the receiver's breaker is open). */
  async release(claimed: DigestEntity, until: Date, reason: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE digests SET status = 'pending', attempts = attempts - 1, next_attempt_at = $3,
         lease_until = NULL, last_error = $4, updated_at = $5
       WHERE id = $1 AND status = 'in_flight' AND attempts = $2`,
      [claimed.id, claimed.attempts, until, reason, now],
    );
  }

  /**
   * Records an attempt's outcome on the digest and on the alerts' deliveries it carries. Returns
   * null when the lease was lost, else the deliveries that became delivered or dead.
   */
  async recordOutcome(
    manager: EntityManager,
    claimed: DigestEntity,
    decision: DeliveryDecision,
    finishedAt: Date,
  ): Promise<SettledDigestItem[] | null> {
    const lastError = decision.status === 'delivered' ? null : decision.reason;
    const nextAttemptAt = decision.status === 'pending' ? decision.nextAttemptAt : null;
    const deliveredAt = decision.status === 'delivered' ? finishedAt : null;
    const updated = await returningRows<{ id: string }>(
      manager,
      `UPDATE digests SET status = $3, next_attempt_at = COALESCE($4, next_attempt_at),
         lease_until = NULL, last_error = $5, delivered_at = $6, updated_at = $7
       WHERE id = $1 AND status = 'in_flight' AND attempts = $2
       RETURNING id`,
      [
        claimed.id,
        claimed.attempts,
        decision.status,
        nextAttemptAt,
        lastError,
        deliveredAt,
        finishedAt,
      ],
    );
    if (updated.length === 0) return null;
    const rows = await returningRows<SettledRow>(
      manager,
      `UPDATE deliveries d SET status = $2, attempts = $3, last_error = $4, delivered_at = $5,
         next_attempt_at = COALESCE($6, d.next_attempt_at), updated_at = $7
       FROM alerts a
       WHERE d.digest_id = $1 AND d.status = 'pending' AND a.id = d.alert_id
       RETURNING d.id AS delivery_id, d.alert_id, a.reminder_id, a.milestone_id, a.agreement_id,
         a.source_event_id, a.correlation_id`,
      [
        claimed.id,
        decision.status,
        claimed.attempts,
        lastError,
        deliveredAt,
        nextAttemptAt,
        finishedAt,
      ],
    );
    return decision.status === 'pending' ? [] : rows.map(toSettled);
  }

  findById(id: string): Promise<DigestEntity | null> {
    return this.dataSource.getRepository(DigestEntity).findOneBy({ id });
  }

  /** Newest first. */
  async list(
    filter: DigestFilter,
    page: { limit: number; offset: number },
  ): Promise<{ digests: DigestEntity[]; total: number }> {
    const where: FindOptionsWhere<DigestEntity> = {};
    if (filter.receiver) where.receiver = filter.receiver;
    if (filter.status) where.status = filter.status;
    const [digests, total] = await this.dataSource.getRepository(DigestEntity).findAndCount({
      where,
      order: { dueAt: 'DESC', receiver: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { digests, total };
  }
}

const INSERT_DIGEST = `INSERT INTO digests (id, receiver, receiver_id, due_at, local_date, time_zone,
    since, send_empty, status, attempts, next_attempt_at, created_at, updated_at)
  VALUES ($9, $1, $2, $3, $4, $5, $6, $7, 'pending', 0, $3, $8, $8)`;

function digestRow(target: DigestTarget, dueAt: Date, now: Date): unknown[] {
  const { schedule } = target;
  return [
    target.name,
    target.receiverId,
    dueAt,
    calendarDateIn(dueAt, schedule.timeZone),
    schedule.timeZone,
    previousDigestAt(schedule, dueAt),
    schedule.sendEmpty,
    now,
    digestIdFor(target.name, dueAt),
  ];
}

interface SettledRow {
  delivery_id: string;
  alert_id: string;
  reminder_id: string;
  milestone_id: string;
  agreement_id: string;
  source_event_id: string;
  correlation_id: string;
}

function toSettled(row: SettledRow): SettledDigestItem {
  return {
    deliveryId: row.delivery_id,
    alertId: row.alert_id,
    reminderId: row.reminder_id,
    milestoneId: row.milestone_id,
    agreementId: row.agreement_id,
    sourceEventId: row.source_event_id,
    correlationId: row.correlation_id,
  };
}
