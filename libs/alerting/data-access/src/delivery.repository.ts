import { groupDueAt } from '@dealwatch/alerting/domain';
import type { AlertGrouping, DeliveryDecision } from '@dealwatch/alerting/domain';
import { distinctRounds, insertRows, timeOrderedUuid } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { toClaimed } from './claimed-delivery';
import type { ClaimedDelivery, ClaimedRow } from './claimed-delivery';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import type { AttemptOutcome } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { returningRows } from './returning-rows';

export interface FinishedAttempt {
  outcome: Exclude<AttemptOutcome, 'in_flight' | 'abandoned'>;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  finishedAt: Date;
}

/** Who a delivery goes to: a name, and the id of a receiver managed through the API. */
export interface DeliveryTarget {
  name: string;
  receiverId: string | null;
  /** Set when the alert's route groups what it sends this receiver. */
  group?: AlertGrouping | null;
  /** Set when the receiver gets it in its digest: it waits for that digest, and goes with it. */
  digest?: { id: string; dueAt: Date } | null;
}

const ABANDONED =
  'no answer recorded: the instance sending it stopped before the outcome was written';

@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One pending delivery per alert and receiver, in one statement: due at once, or, for a receiver
   * its route groups for, when the group goes (joining a group still waiting, or an interval after
   * the group was last sent).
   */
  async createFor(
    manager: EntityManager,
    alerts: readonly { alertId: string; receivers: readonly DeliveryTarget[] }[],
    now: Date,
  ): Promise<void> {
    const rows = [];
    // A group's later alerts of the same call join the wait of its first, as they would one by one.
    const groupsDue = new Map<string, Date>();
    const dueOf = async (receiver: string, group: AlertGrouping) => {
      const key = `${receiver}/${group.key}`;
      const due = groupsDue.get(key) ?? (await this.groupDueAt(manager, receiver, group, now));
      groupsDue.set(key, due);
      return due;
    };
    for (const { alertId, receivers } of alerts)
      for (const receiver of receivers) {
        const digest = receiver.digest ?? null;
        const group = digest ? null : (receiver.group ?? null);
        rows.push({
          id: timeOrderedUuid(),
          alertId,
          receiver: receiver.name,
          receiverId: receiver.receiverId,
          notification: 'firing' as const,
          body: null,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: digest ? digest.dueAt : group ? await dueOf(receiver.name, group) : now,
          leaseUntil: null,
          lastError: null,
          held: false,
          groupKey: group?.key ?? null,
          digestId: digest?.id ?? null,
          deliveredAt: null,
          createdAt: now,
          updatedAt: now,
        });
      }
    await insertRows(manager, DeliveryEntity, rows);
  }

  /** Serialised per group (an advisory lock until commit), so alerts arriving together agree. */
  private async groupDueAt(
    manager: EntityManager,
    receiver: string,
    group: AlertGrouping,
    now: Date,
  ): Promise<Date> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${receiver}/${group.key}`]);
    const [state] = await manager.query<
      { waiting_until: Date | null; last_sent_at: Date | null }[]
    >(
      `SELECT MIN(next_attempt_at) FILTER (WHERE status = 'pending') AS waiting_until,
              MAX(COALESCE(delivered_at, updated_at))
                FILTER (WHERE status IN ('in_flight', 'delivered', 'dead')) AS last_sent_at
       FROM deliveries WHERE receiver = $1 AND group_key = $2`,
      [receiver, group.key],
    );
    return groupDueAt(
      group,
      { waitingUntil: state?.waiting_until ?? null, lastSentAt: state?.last_sent_at ?? null },
      now,
    );
  }

  /**
   * Closes the firing deliveries of resolved alerts that were not sent yet (suppressed, with the
   * reason), and queues a resolved notification, with its own body, for each receiver in
   * `resolvedTo` that got the firing one.
   */
  async settleResolved(
    manager: EntityManager,
    alertId: string,
    reason: string,
    resolved: { body: string; receivers: readonly string[] },
    now: Date,
  ): Promise<string[]> {
    await manager.query(
      `UPDATE deliveries SET status = 'suppressed', last_error = $2, updated_at = $3
       WHERE alert_id = $1 AND notification = 'firing' AND status = 'pending'`,
      [alertId, reason, now],
    );
    if (resolved.receivers.length === 0) return [];
    const rows = await returningRows<{ receiver: string }>(
      manager,
      `INSERT INTO deliveries (id, alert_id, receiver, receiver_id, status, notification, body,
         attempts, next_attempt_at, created_at, updated_at)
       SELECT gen_random_uuid(), d.alert_id, d.receiver, d.receiver_id, 'pending', 'resolved', $3,
         0, $4, $4, $4
       FROM deliveries d
       WHERE d.alert_id = $1 AND d.notification = 'firing' AND d.status = 'delivered'
         AND d.receiver = ANY($2::text[])
       ON CONFLICT (alert_id, receiver, notification) DO NOTHING
       RETURNING receiver`,
      [alertId, resolved.receivers, resolved.body, now],
    );
    return rows.map((row) => row.receiver);
  }

  async findForAlerts(
    alertIds: readonly string[],
  ): Promise<{ deliveries: DeliveryEntity[]; attempts: DeliveryAttemptEntity[] }> {
    if (alertIds.length === 0) return { deliveries: [], attempts: [] };
    const deliveries = await this.dataSource.getRepository(DeliveryEntity).find({
      where: { alertId: In([...alertIds]) },
      order: { receiver: 'ASC' },
    });
    const attempts =
      deliveries.length === 0
        ? []
        : await this.dataSource.getRepository(DeliveryAttemptEntity).find({
            where: { deliveryId: In(deliveries.map((delivery) => delivery.id)) },
            order: { attemptNumber: 'ASC' },
          });
    return { deliveries, attempts };
  }

  /** When the next delivery falls due or the next lease runs out: what `claimDue` would take next. */
  async nextDueAt(): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ at: Date | null }[]>(
      `SELECT least(
         (SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending' AND digest_id IS NULL),
         (SELECT min(lease_until) FROM deliveries WHERE status = 'in_flight')) AS at`,
    );
    return row?.at ?? null;
  }

  /**
   * Takes up to `limit` deliveries that are due, or whose lease expired (their sender stopped
   * mid-flight), and leases them until `leaseUntil`. Committed before any request goes out, so a
   * crash after sending leaves an expired lease, never a lost delivery; several workers skip each
   * other's rows. Each claimed delivery gets an attempt row in flight.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    // One statement, so one round trip and no transaction to open: the claim, the attempt it
    // abandons (a sender stopped mid-flight) and the attempt it starts. The sub-statements share
    // a snapshot, so the abandoning update never sees the attempts being started.
    const rows = await this.dataSource.query<ClaimedRow[]>(
      `WITH batch AS (
         SELECT id, receiver, group_key FROM deliveries
         -- What waits for a digest goes with it (see DigestRepository), never alone.
         WHERE (status = 'pending' AND next_attempt_at <= $1 AND digest_id IS NULL)
            OR (status = 'in_flight' AND lease_until <= $1)
         ORDER BY next_attempt_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       ),
       -- A group goes out whole, however the batch limit fell.
       rest_of_groups AS (
         SELECT d.id FROM deliveries d
         JOIN (SELECT DISTINCT receiver, group_key FROM batch WHERE group_key IS NOT NULL) g
           ON d.receiver = g.receiver AND d.group_key = g.group_key
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
           AND d.id NOT IN (SELECT id FROM batch)
         FOR UPDATE OF d SKIP LOCKED
       ),
       due AS (SELECT id FROM batch UNION SELECT id FROM rest_of_groups),
       claimed AS (
         UPDATE deliveries d
         SET status = 'in_flight', lease_until = $2, attempts = d.attempts + 1, updated_at = $1
         FROM due, alerts a
         WHERE d.id = due.id AND a.id = d.alert_id
         RETURNING d.id AS delivery_id, d.alert_id, d.receiver, d.receiver_id, d.notification,
           d.attempts AS attempt, d.held, d.group_key, COALESCE(d.body, a.body) AS body,
           a.reminder_id, a.milestone_id, a.agreement_id, a.source_event_id, a.correlation_id
       ),
       abandoned AS (
         UPDATE delivery_attempts t SET outcome = 'abandoned', error = $4
         FROM claimed c
         WHERE t.delivery_id = c.delivery_id AND t.outcome = 'in_flight'
       ),
       started AS (
         INSERT INTO delivery_attempts (delivery_id, attempt_number, started_at, outcome)
         SELECT delivery_id, attempt, $1, 'in_flight' FROM claimed
       )
       SELECT * FROM claimed`,
      [now, leaseUntil, limit, ABANDONED],
    );
    return rows.map(toClaimed);
  }

  /**
   * Gives claimed deliveries back unsent, as if never taken: the attempt is not counted (the
   * receiver's breaker or rate limit kept it back, not a failure), and it is due again at `until`.
   * `held` marks those the rate limit held, to go out together (null leaves the mark as it is).
   */
  release(
    claimed: readonly ClaimedDelivery[],
    until: Date,
    reason: string,
    held: boolean | null,
    now: Date,
  ): Promise<void> {
    if (claimed.length === 0) return Promise.resolve();
    return this.dataSource.transaction(async (manager) => {
      const ids = claimed.map((delivery) => delivery.deliveryId);
      const attempts = claimed.map((delivery) => delivery.attempt);
      await manager.query(
        `DELETE FROM delivery_attempts a
         USING unnest($1::uuid[], $2::int[]) AS c (delivery_id, attempt_number)
         WHERE a.delivery_id = c.delivery_id AND a.attempt_number = c.attempt_number
           AND a.outcome = 'in_flight'`,
        [ids, attempts],
      );
      await manager.query(
        `UPDATE deliveries d
         SET status = 'pending', attempts = d.attempts - 1, next_attempt_at = $3,
             lease_until = NULL, last_error = $4, held = COALESCE($5, d.held), updated_at = $6
         FROM unnest($1::uuid[], $2::int[]) AS c (id, attempt)
         WHERE d.id = c.id AND d.status = 'in_flight' AND d.attempts = c.attempt`,
        [ids, attempts, until, reason, held, now],
      );
    });
  }

  /**
   * Records finished attempts, two statements for all of them: for each, whether the delivery was
   * still this sender's (in flight at that attempt) and so took its next state. The ids repeated
   * as an array tell the planner the batch is small (it takes a JSON array for 100 rows), so it
   * finds the rows by index rather than reading both tables whole.
   */
  async recordAttempts(
    manager: EntityManager,
    outcomes: readonly FinishedDelivery[],
  ): Promise<boolean[]> {
    const kept = new Set<string>();
    for (const round of distinctRounds(outcomes, ({ claimed }) => claimed.deliveryId)) {
      const rows = round.map(({ claimed, attempt, decision }) => ({
        delivery_id: claimed.deliveryId,
        attempt_number: claimed.attempt,
        outcome: attempt.outcome,
        status_code: attempt.statusCode,
        error: attempt.error,
        duration_ms: attempt.durationMs,
        finished_at: attempt.finishedAt,
        ...nextColumns(decision, attempt.finishedAt),
      }));
      const updated = await returningRows<{ id: string; attempt_number: number }>(
        manager,
        `WITH outcome AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS o (delivery_id uuid, attempt_number int,
             outcome text, status_code int, error text, duration_ms int, finished_at timestamptz,
             status text, next_attempt_at timestamptz, last_error text, delivered_at timestamptz)),
         attempts AS (
           UPDATE delivery_attempts a SET outcome = o.outcome, status_code = o.status_code,
             error = o.error, duration_ms = o.duration_ms, finished_at = o.finished_at
             FROM outcome o
            WHERE a.delivery_id = o.delivery_id AND a.attempt_number = o.attempt_number
              AND a.delivery_id = ANY($2::uuid[]))
         UPDATE deliveries d
            SET status = o.status, next_attempt_at = COALESCE(o.next_attempt_at, d.next_attempt_at),
                lease_until = NULL, last_error = o.last_error, delivered_at = o.delivered_at,
                updated_at = o.finished_at
           FROM outcome o
          WHERE d.id = o.delivery_id AND d.status = 'in_flight' AND d.attempts = o.attempt_number
            AND d.id = ANY($2::uuid[])
          RETURNING d.id, o.attempt_number`,
        [JSON.stringify(rows), rows.map((row) => row.delivery_id)],
      );
      for (const row of updated) kept.add(`${row.id}/${row.attempt_number}`);
    }
    return outcomes.map(({ claimed }) => kept.has(`${claimed.deliveryId}/${claimed.attempt}`));
  }
}

/** A finished attempt of a claimed delivery and what comes next for it. */
export interface FinishedDelivery {
  claimed: ClaimedDelivery;
  attempt: FinishedAttempt;
  decision: DeliveryDecision;
}

function nextColumns(decision: DeliveryDecision, now: Date) {
  const next = nextState(decision, now);
  return {
    status: next.status,
    next_attempt_at: next.nextAttemptAt,
    last_error: next.lastError,
    delivered_at: next.deliveredAt,
  };
}

function nextState(decision: DeliveryDecision, now: Date) {
  switch (decision.status) {
    case 'delivered':
      return { status: 'delivered', nextAttemptAt: null, lastError: null, deliveredAt: now };
    case 'pending':
      return {
        status: 'pending',
        nextAttemptAt: decision.nextAttemptAt,
        lastError: decision.reason,
        deliveredAt: null,
      };
    case 'dead':
      return { status: 'dead', nextAttemptAt: null, lastError: decision.reason, deliveredAt: null };
  }
}
