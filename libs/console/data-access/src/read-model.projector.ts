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

import type { EntityManager } from 'typeorm';

/**
 * Folds public events into the console's tables. Topics are ordered per agreement but not across
 * topics, so each projection tolerates arriving before the one it would naturally follow.
 */
export const ReadModelProjector = {
  async agreementIngested(manager: EntityManager, event: AgreementIngestedV1): Promise<void> {
    await manager.query(
      `INSERT INTO agreement_views (id, title, text, published_at, signed_at, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, ingested_at = EXCLUDED.ingested_at,
         title = coalesce(agreement_views.title, EXCLUDED.title),
         published_at = coalesce(agreement_views.published_at, EXCLUDED.published_at),
         signed_at = coalesce(agreement_views.signed_at, EXCLUDED.signed_at)`,
      [
        event.agreementId,
        event.title,
        event.text,
        event.publishedAt,
        event.signedAt,
        event.ingestedAt,
      ],
    );
  },

  async clausesExtracted(manager: EntityManager, event: ClausesExtractedV1): Promise<void> {
    await manager.query(
      `INSERT INTO agreement_views (id, title, text, published_at, signed_at, parties, obligations,
         extractor_version, ingested_at)
       VALUES ($1, $2, '', $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, published_at = EXCLUDED.published_at,
         signed_at = EXCLUDED.signed_at, parties = EXCLUDED.parties, obligations = EXCLUDED.obligations,
         extractor_version = EXCLUDED.extractor_version`,
      [
        event.agreementId,
        event.title,
        event.publishedAt,
        event.signedAt,
        JSON.stringify(event.parties),
        JSON.stringify(event.obligations),
        event.extractorVersion,
        event.extractedAt,
      ],
    );
  },

  async milestoneScheduled(
    manager: EntityManager,
    event: MilestoneScheduledV1,
    at: string,
  ): Promise<void> {
    await lockMilestone(manager, event.milestoneId);
    await manager.query(
      `INSERT INTO milestone_views (id, agreement_id, obligation_key, title, category, evidence, due_date,
         status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
         -- The overdue reminder (another topic) may have been projected first.
         CASE WHEN EXISTS (SELECT 1 FROM alert_views WHERE milestone_id = $1 AND "offset" = 'overdue')
              THEN 'overdue' ELSE 'pending' END,
         $8)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, category = EXCLUDED.category,
         evidence = EXCLUDED.evidence, due_date = EXCLUDED.due_date, updated_at = EXCLUDED.updated_at`,
      [
        event.milestoneId,
        event.agreementId,
        event.obligationKey,
        event.title,
        event.category,
        event.evidence,
        event.dueDate,
        at,
      ],
    );
    // A newer status change that came first applies now.
    await manager.query(
      `WITH parked AS (DELETE FROM parked_milestone_statuses WHERE milestone_id = $1 RETURNING *)
       UPDATE milestone_views v SET status = p.status, due_date = coalesce(p.due_date, v.due_date),
         updated_at = p.changed_at
         FROM parked p WHERE v.id = p.milestone_id AND v.updated_at <= p.changed_at`,
      [event.milestoneId],
    );
  },

  async milestoneStatusChanged(
    manager: EntityManager,
    event: MilestoneStatusChangedV1,
  ): Promise<void> {
    await lockMilestone(manager, event.milestoneId);
    // One statement: applied to the milestone's view if it has one, else parked until it has.
    await manager.query(
      `WITH applied AS (
         UPDATE milestone_views SET status = $2, due_date = coalesce($3, due_date), updated_at = $4
          WHERE id = $1 AND updated_at <= $4)
       INSERT INTO parked_milestone_statuses (milestone_id, status, due_date, changed_at)
       SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM milestone_views WHERE id = $1)
       ON CONFLICT (milestone_id) DO UPDATE SET status = EXCLUDED.status,
         due_date = EXCLUDED.due_date, changed_at = EXCLUDED.changed_at
       WHERE parked_milestone_statuses.changed_at <= EXCLUDED.changed_at`,
      [event.milestoneId, event.status, event.dueDate, event.changedAt],
    );
  },

  async reminderFired(manager: EntityManager, event: MilestoneReminderV1): Promise<void> {
    await manager.query(
      `INSERT INTO alert_views (reminder_id, milestone_id, agreement_id, title, "offset", due_date, fired_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (reminder_id) DO NOTHING`,
      [
        event.reminderId,
        event.milestoneId,
        event.agreementId,
        event.title,
        event.offset,
        event.dueDate,
        event.firedAt,
      ],
    );
    if (event.offset === 'overdue') {
      await manager.query(
        `UPDATE milestone_views SET status = 'overdue' WHERE id = $1 AND status IN ('pending', 'due')`,
        [event.milestoneId],
      );
    }
  },

  async alertDelivered(manager: EntityManager, event: AlertDeliveredV1): Promise<void> {
    await manager.query(
      `UPDATE alert_views SET alert_id = $2, delivered_at = coalesce(delivered_at, $3),
         receivers = CASE WHEN receivers ? $4 THEN receivers ELSE receivers || to_jsonb($4::text) END
       WHERE reminder_id = $1`,
      [event.reminderId, event.alertId, event.deliveredAt, event.receiver],
    );
    await knowAlert(manager, event.reminderId, event.alertId);
  },

  async alertAcknowledged(manager: EntityManager, event: AlertAcknowledgedV1): Promise<void> {
    await knowAlert(manager, event.reminderId, event.alertId);
    await manager.query(
      `UPDATE alert_states SET acknowledged_by = $2, acknowledged_at = $3, ack_comment = $4
       WHERE reminder_id = $1 AND acknowledged_at IS NULL`,
      [event.reminderId, event.acknowledgedBy, event.acknowledgedAt, event.comment],
    );
  },

  async alertResolved(manager: EntityManager, event: AlertResolvedV1): Promise<void> {
    await knowAlert(manager, event.reminderId, event.alertId);
    await manager.query(
      `UPDATE alert_states SET resolved_at = $2, resolved_by = $3
       WHERE reminder_id = $1 AND resolved_at IS NULL`,
      [event.reminderId, event.resolvedAt, event.actor],
    );
  },

  async alertEscalated(manager: EntityManager, event: AlertEscalatedV1): Promise<void> {
    await knowAlert(manager, event.reminderId, event.alertId);
    await manager.query(
      `UPDATE alert_states SET escalation_level = greatest(escalation_level, $2) WHERE reminder_id = $1`,
      [event.reminderId, event.level],
    );
  },
};

/** Every alert event names the alert of its reminder; the first one seen records the pair. */
async function knowAlert(manager: EntityManager, reminderId: string, alertId: string) {
  await manager.query(
    `INSERT INTO alert_states (reminder_id, alert_id) VALUES ($1, $2) ON CONFLICT (reminder_id) DO NOTHING`,
    [reminderId, alertId],
  );
}

/**
 * The scheduling and the status changes of one milestone come on different topics, handled in
 * concurrent transactions: holding this lock, each sees whether the other has committed.
 */
async function lockMilestone(manager: EntityManager, milestoneId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [milestoneId]);
}
