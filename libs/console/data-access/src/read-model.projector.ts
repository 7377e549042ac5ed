import type {
  AgreementIngestedV1,
  AlertAcknowledgedV1,
  AlertDeliveredV1,
  AlertEscalatedV1,
  AlertResolvedV1,
  ClausesExtractedV1,
  MilestoneReminderV1,
  MilestoneScheduledV1,
  MilestoneStatusChangedV1,
} from '@dealwatch/contracts';
import { distinctRounds } from '@dealwatch/persistence';

import type { EntityManager } from 'typeorm';

/**
 * Folds public events into the console's tables. Topics are ordered per agreement but not across
 * topics, so each projection tolerates arriving before the one it would naturally follow.
 *
 * The busy topics are folded a run of events at a time, a statement per table for the whole run
 * (rows travel as one JSON array): statements, not rows, are what the console and PostgreSQL spend
 * their time on. Two changes of one row in a run go into consecutive statements, in order.
 *
 * Statements that join a JSON run to a table also match the table's key against the run's keys as
 * an array (`= ANY`): the planner takes a JSON array for 100 rows and an array for 10, and for 100
 * it prefers reading a table of some 40,000 rows whole to that many index lookups. Runs taken from
 * a `DELETE ... WHERE key = ANY` are estimated from the array already.
 */
export const ReadModelProjector = {
  async agreementsIngested(manager: EntityManager, events: AgreementIngestedV1[]): Promise<void> {
    for (const round of distinctRounds(events, (event) => event.agreementId))
      await manager.query(
        `INSERT INTO agreement_views (id, title, text, published_at, signed_at, ingested_at)
         SELECT id, title, text, published_at, signed_at, ingested_at
           FROM jsonb_to_recordset($1::jsonb) AS e (id uuid, title text, text text,
             published_at date, signed_at date, ingested_at timestamptz)
         ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, ingested_at = EXCLUDED.ingested_at,
           title = coalesce(agreement_views.title, EXCLUDED.title),
           published_at = coalesce(agreement_views.published_at, EXCLUDED.published_at),
           signed_at = coalesce(agreement_views.signed_at, EXCLUDED.signed_at)`,
        [
          JSON.stringify(
            round.map((event) => ({
              id: event.agreementId,
              title: event.title,
              text: event.text,
              published_at: event.publishedAt,
              signed_at: event.signedAt,
              ingested_at: event.ingestedAt,
            })),
          ),
        ],
      );
  },

  async clausesExtracted(manager: EntityManager, events: ClausesExtractedV1[]): Promise<void> {
    for (const round of distinctRounds(events, (event) => event.agreementId))
      await manager.query(
        `INSERT INTO agreement_views (id, title, text, published_at, signed_at, parties, obligations,
           extractor_version, ingested_at)
         SELECT id, title, '', published_at, signed_at, parties, obligations, extractor_version,
             ingested_at
           FROM jsonb_to_recordset($1::jsonb) AS e (id uuid, title text, published_at date,
             signed_at date, parties jsonb, obligations jsonb, extractor_version text,
             ingested_at timestamptz)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, published_at = EXCLUDED.published_at,
           signed_at = EXCLUDED.signed_at, parties = EXCLUDED.parties,
           obligations = EXCLUDED.obligations, extractor_version = EXCLUDED.extractor_version`,
        [
          JSON.stringify(
            round.map((event) => ({
              id: event.agreementId,
              title: event.title,
              published_at: event.publishedAt,
              signed_at: event.signedAt,
              parties: event.parties,
              obligations: event.obligations,
              extractor_version: event.extractorVersion,
              ingested_at: event.extractedAt,
            })),
          ),
        ],
      );
  },

  async milestonesScheduled(
    manager: EntityManager,
    events: { payload: MilestoneScheduledV1; at: string }[],
  ): Promise<void> {
    await lockKeys(
      manager,
      events.map(({ payload }) => payload.milestoneId),
    );
    for (const round of distinctRounds(events, ({ payload }) => payload.milestoneId))
      await manager.query(
        `INSERT INTO milestone_views (id, agreement_id, obligation_key, title, category, evidence,
           due_date, status, updated_at)
         SELECT id, agreement_id, obligation_key, title, category, evidence, due_date,
             -- The overdue reminder (another topic) may have been projected first.
             CASE WHEN EXISTS (SELECT 1 FROM alert_views a
                                WHERE a.milestone_id = e.id AND a."offset" = 'overdue'
                                  AND a.milestone_id = ANY($2::uuid[]))
                  THEN 'overdue' ELSE 'pending' END,
             updated_at
           FROM jsonb_to_recordset($1::jsonb) AS e (id uuid, agreement_id uuid, obligation_key text,
             title text, category text, evidence text, due_date date, updated_at timestamptz)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, category = EXCLUDED.category,
           evidence = EXCLUDED.evidence, due_date = EXCLUDED.due_date,
           updated_at = EXCLUDED.updated_at`,
        [
          JSON.stringify(
            round.map(({ payload, at }) => ({
              id: payload.milestoneId,
              agreement_id: payload.agreementId,
              obligation_key: payload.obligationKey,
              title: payload.title,
              category: payload.category,
              evidence: payload.evidence,
              due_date: payload.dueDate,
              updated_at: at,
            })),
          ),
          round.map(({ payload }) => payload.milestoneId),
        ],
      );
    // A newer status change that came first applies now.
    await manager.query(
      `WITH parked AS (
         DELETE FROM parked_milestone_statuses WHERE milestone_id = ANY($1::uuid[]) RETURNING *)
       UPDATE milestone_views v SET status = p.status, due_date = coalesce(p.due_date, v.due_date),
         updated_at = p.changed_at
         FROM parked p WHERE v.id = p.milestone_id AND v.updated_at <= p.changed_at`,
      [events.map(({ payload }) => payload.milestoneId)],
    );
  },

  async milestoneStatusesChanged(
    manager: EntityManager,
    events: MilestoneStatusChangedV1[],
  ): Promise<void> {
    await lockKeys(
      manager,
      events.map((event) => event.milestoneId),
    );
    // One statement a round: each change applied to its milestone's view if it has one, else
    // parked until it has.
    for (const round of distinctRounds(events, (event) => event.milestoneId))
      await manager.query(
        `WITH changes AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS c (milestone_id uuid, status text, due_date date, changed_at timestamptz)),
         applied AS (
           UPDATE milestone_views v SET status = c.status, due_date = coalesce(c.due_date, v.due_date),
             updated_at = c.changed_at
             FROM changes c
            WHERE v.id = c.milestone_id AND v.updated_at <= c.changed_at AND v.id = ANY($2::uuid[]))
         INSERT INTO parked_milestone_statuses (milestone_id, status, due_date, changed_at)
         SELECT milestone_id, status, due_date, changed_at FROM changes c
          WHERE NOT EXISTS (SELECT 1 FROM milestone_views
                             WHERE id = c.milestone_id AND id = ANY($2::uuid[]))
         ON CONFLICT (milestone_id) DO UPDATE SET status = EXCLUDED.status,
           due_date = EXCLUDED.due_date, changed_at = EXCLUDED.changed_at
         WHERE parked_milestone_statuses.changed_at <= EXCLUDED.changed_at`,
        [
          JSON.stringify(
            round.map((event) => ({
              milestone_id: event.milestoneId,
              status: event.status,
              due_date: event.dueDate,
              changed_at: event.changedAt,
            })),
          ),
          round.map((event) => event.milestoneId),
        ],
      );
  },

  async remindersFired(manager: EntityManager, events: MilestoneReminderV1[]): Promise<void> {
    const reminderIds = events.map((event) => event.reminderId);
    await lockKeys(manager, reminderIds);
    await manager.query(
      `INSERT INTO alert_views (reminder_id, milestone_id, agreement_id, title, "offset", due_date,
         fired_at)
       SELECT reminder_id, milestone_id, agreement_id, title, "offset", due_date, fired_at
         FROM jsonb_to_recordset($1::jsonb) AS e (reminder_id uuid, milestone_id uuid,
           agreement_id uuid, title text, "offset" text, due_date date, fired_at timestamptz)
       ON CONFLICT (reminder_id) DO NOTHING`,
      [
        JSON.stringify(
          events.map((event) => ({
            reminder_id: event.reminderId,
            milestone_id: event.milestoneId,
            agreement_id: event.agreementId,
            title: event.title,
            offset: event.offset,
            due_date: event.dueDate,
            fired_at: event.firedAt,
          })),
        ),
      ],
    );
    // Deliveries announced before their reminder was projected apply now, in their order.
    await manager.query(
      `WITH parked AS (
         DELETE FROM parked_alert_deliveries WHERE reminder_id = ANY($1::uuid[]) RETURNING *),
       delivered AS (
         SELECT reminder_id, (array_agg(alert_id ORDER BY seq))[1] AS alert_id,
                min(delivered_at) AS delivered_at, array_agg(receiver ORDER BY seq) AS receivers
           FROM parked GROUP BY reminder_id)
       UPDATE alert_views v SET alert_id = d.alert_id,
         delivered_at = coalesce(v.delivered_at, d.delivered_at),
         receivers = v.receivers || coalesce(
           (SELECT jsonb_agg(r ORDER BY n) FROM unnest(d.receivers) WITH ORDINALITY AS u (r, n)
             WHERE NOT v.receivers ? r), '[]')
         FROM delivered d WHERE v.reminder_id = d.reminder_id`,
      [reminderIds],
    );
    const overdue = events.filter((event) => event.offset === 'overdue');
    if (overdue.length > 0)
      await manager.query(
        `UPDATE milestone_views SET status = 'overdue'
          WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'due')`,
        [overdue.map((event) => event.milestoneId)],
      );
  },

  async alertsDelivered(manager: EntityManager, events: AlertDeliveredV1[]): Promise<void> {
    await lockKeys(
      manager,
      events.map((event) => event.reminderId),
    );
    // One reminder's alert delivered to two receivers: two rounds, so both are listed. A delivery
    // whose reminder is not projected yet (another topic) is parked until it is.
    for (const round of distinctRounds(events, (event) => event.reminderId))
      await manager.query(
        `WITH delivered AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS d (reminder_id uuid, alert_id uuid, delivered_at timestamptz, receiver text)),
         applied AS (
           UPDATE alert_views v SET alert_id = d.alert_id,
             delivered_at = coalesce(v.delivered_at, d.delivered_at),
             receivers = CASE WHEN v.receivers ? d.receiver THEN v.receivers
                              ELSE v.receivers || to_jsonb(d.receiver) END
             FROM delivered d
            WHERE v.reminder_id = d.reminder_id AND v.reminder_id = ANY($2::uuid[]))
         INSERT INTO parked_alert_deliveries (reminder_id, receiver, alert_id, delivered_at)
         SELECT reminder_id, receiver, alert_id, delivered_at FROM delivered d
          WHERE NOT EXISTS (SELECT 1 FROM alert_views
                             WHERE reminder_id = d.reminder_id AND reminder_id = ANY($2::uuid[]))
         ON CONFLICT DO NOTHING`,
        [
          JSON.stringify(
            round.map((event) => ({
              reminder_id: event.reminderId,
              alert_id: event.alertId,
              delivered_at: event.deliveredAt,
              receiver: event.receiver,
            })),
          ),
          round.map((event) => event.reminderId),
        ],
      );
    await knowAlerts(manager, events);
  },

  async alertAcknowledged(manager: EntityManager, event: AlertAcknowledgedV1): Promise<void> {
    await knowAlerts(manager, [event]);
    await manager.query(
      `UPDATE alert_states SET acknowledged_by = $2, acknowledged_at = $3, ack_comment = $4
       WHERE reminder_id = $1 AND acknowledged_at IS NULL`,
      [event.reminderId, event.acknowledgedBy, event.acknowledgedAt, event.comment],
    );
  },

  async alertResolved(manager: EntityManager, event: AlertResolvedV1): Promise<void> {
    await knowAlerts(manager, [event]);
    await manager.query(
      `UPDATE alert_states SET resolved_at = $2, resolved_by = $3
       WHERE reminder_id = $1 AND resolved_at IS NULL`,
      [event.reminderId, event.resolvedAt, event.actor],
    );
  },

  async alertEscalated(manager: EntityManager, event: AlertEscalatedV1): Promise<void> {
    await knowAlerts(manager, [event]);
    await manager.query(
      `UPDATE alert_states SET escalation_level = greatest(escalation_level, $2) WHERE reminder_id = $1`,
      [event.reminderId, event.level],
    );
  },
};

/** Every alert event names the alert of its reminder; the first one seen records the pair. */
async function knowAlerts(
  manager: EntityManager,
  alerts: { reminderId: string; alertId: string }[],
): Promise<void> {
  await manager.query(
    `INSERT INTO alert_states (reminder_id, alert_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT (reminder_id) DO NOTHING`,
    [alerts.map((alert) => alert.reminderId), alerts.map((alert) => alert.alertId)],
  );
}

/**
 * The scheduling and the status changes of one milestone, or the reminder of an alert and its
 * deliveries, come on different topics, handled in concurrent transactions: holding the lock of
 * their id, each sees whether the other has committed. Locks are taken in one order, so two
 * transactions locking overlapping sets cannot deadlock.
 */
async function lockKeys(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(lock) FROM (
       SELECT DISTINCT hashtext(id) AS lock FROM unnest($1::text[]) AS id ORDER BY 1) AS locks`,
    [ids],
  );
}
