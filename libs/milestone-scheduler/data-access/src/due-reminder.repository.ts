import type { EntityManager } from 'typeorm';

export interface DueReminder {
  reminderId: string;
  offset: string;
  fireAt: Date;
  milestoneId: string;
  agreementId: string;
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
  agreement_id: string;
  title: string;
  category: string;
  agreement_title: string | null;
  evidence: string;
  evidence_start: number | null;
  evidence_end: number | null;
  due_date: string;
}

/**
 * Claims reminders whose time has come, oldest first. Rows locked by another scheduler instance are
 * skipped rather than awaited, so instances share the work and none fires a reminder twice.
 */
export async function claimDueReminders(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<DueReminder[]> {
  const rows: DueReminderRow[] = await manager.query(
    `SELECT r.id AS reminder_id, r."offset", r.fire_at, m.id AS milestone_id, m.agreement_id, m.title,
            m.category, m.agreement_title, m.evidence, m.evidence_start, m.evidence_end,
            to_char(m.due_date, 'YYYY-MM-DD') AS due_date
       FROM reminders r JOIN milestones m ON m.id = r.milestone_id
      WHERE r.status = 'pending' AND r.fire_at <= $1
      ORDER BY r.fire_at, r.id
      LIMIT $2
      FOR UPDATE OF r SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((row) => ({
    reminderId: row.reminder_id,
    offset: row.offset,
    fireAt: row.fire_at,
    milestoneId: row.milestone_id,
    agreementId: row.agreement_id,
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

/** When the next pending reminder is due, so the worker can sleep until then. */
export async function nextReminderTime(manager: EntityManager): Promise<Date | null> {
  const rows: { fire_at: Date | null }[] = await manager.query(
    `SELECT min(fire_at) AS fire_at FROM reminders WHERE status = 'pending'`,
  );
  return rows[0]?.fire_at ?? null;
}
