import type { EntityManager } from 'typeorm';

export interface DueReminder {
  reminderId: string;
  offset: string;
  fireAt: Date;
  milestoneId: string;
  /** The milestone's agreement, or the milestone itself for one entered by hand without one. */
  subject: string;
  title: string;
  category: string;
  agreementTitle: string | null;
  evidence: string;
  evidenceStart: number | null;
  evidenceEnd: number | null;
  dueDate: string;
}

interface DueReminderRow {
  reminder_id: string;
  offset: string;
  fire_at: Date;
  milestone_id: string;
  subject: string;
  title: string;
  category: string;
  agreement_title: string | null;
  evidence: string;
  evidence_start: number | null;
  evidence_end: number | null;
  due_date: string;
}

/**
 * The worker's claim: pending reminders whose time has come, oldest first (overdue after a reminder
 * due at the same instant), read off the partial index `reminders_pending_fire_at_idx`. Rows locked
 * by another scheduler instance are skipped rather than awaited, so instances share the work and
 * none fires a reminder twice.
 */
export const CLAIM_DUE_REMINDERS_SQL = `
  SELECT r.id AS reminder_id, r."offset", r.fire_at, m.id AS milestone_id,
         coalesce(m.agreement_id, m.id) AS subject, m.title, m.category, m.agreement_title,
         coalesce(m.evidence, '') AS evidence, m.evidence_start, m.evidence_end,
         to_char(m.due_date, 'YYYY-MM-DD') AS due_date
    FROM reminders r JOIN milestones m ON m.id = r.milestone_id
   WHERE r.status = 'pending' AND r.fire_at <= $1
   ORDER BY r.fire_at, r."offset" = 'overdue', r.id
   LIMIT $2
     FOR UPDATE OF r SKIP LOCKED`;

/**
 * Open milestones that time has moved on, in two claims so each reads its partial index in order
 * and stops at the limit whatever the backlog: pending ones past their due time, then pending or
 * due ones past their overdue time. Locked the same way as reminders.
 */
export const CLAIM_MILESTONES_PAST_DUE_SQL = `
  SELECT id FROM milestones
   WHERE status = 'pending' AND due_at <= $1
   ORDER BY due_at
   LIMIT $2
     FOR UPDATE SKIP LOCKED`;

export const CLAIM_MILESTONES_PAST_OVERDUE_SQL = `
  SELECT id FROM milestones
   WHERE status IN ('pending', 'due') AND overdue_at <= $1
   ORDER BY overdue_at
   LIMIT $2
     FOR UPDATE SKIP LOCKED`;

export async function claimDueReminders(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<DueReminder[]> {
  const rows: DueReminderRow[] = await manager.query(CLAIM_DUE_REMINDERS_SQL, [now, limit]);
  return rows.map((row) => ({
    reminderId: row.reminder_id,
    offset: row.offset,
    fireAt: row.fire_at,
    milestoneId: row.milestone_id,
    subject: row.subject,
    title: row.title,
    category: row.category,
    agreementTitle: row.agreement_title,
    evidence: row.evidence,
    evidenceStart: row.evidence_start,
    evidenceEnd: row.evidence_end,
    dueDate: row.due_date,
  }));
}

export async function markRemindersFired(
  manager: EntityManager,
  ids: string[],
  firedAt: Date,
): Promise<void> {
  await manager.query(
    `UPDATE reminders SET status = 'fired', fired_at = $2 WHERE id = ANY($1::uuid[])`,
    [ids, firedAt],
  );
}

/**
 * Ids of milestones whose status time has moved on, locked for this transaction; `full` when a claim
 * hit the limit and more may wait.
 */
export async function claimMilestonesToAdvance(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<{ ids: string[]; full: boolean }> {
  const pastDue: { id: string }[] = await manager.query(CLAIM_MILESTONES_PAST_DUE_SQL, [
    now,
    limit,
  ]);
  const pastOverdue: { id: string }[] = await manager.query(CLAIM_MILESTONES_PAST_OVERDUE_SQL, [
    now,
    limit,
  ]);
  const ids = [...new Set([...pastDue, ...pastOverdue].map((row) => row.id))];
  return { ids, full: pastDue.length === limit || pastOverdue.length === limit };
}

/** When the next reminder or status change is due, so the worker can sleep until then. */
export async function nextWakeTime(manager: EntityManager): Promise<Date | null> {
  const rows: { at: Date | null }[] = await manager.query(
    `SELECT least(
       (SELECT min(fire_at) FROM reminders WHERE status = 'pending'),
       (SELECT min(due_at) FROM milestones WHERE status = 'pending'),
       (SELECT min(overdue_at) FROM milestones WHERE status IN ('pending', 'due'))) AS at`,
  );
  return rows[0]?.at ?? null;
}
