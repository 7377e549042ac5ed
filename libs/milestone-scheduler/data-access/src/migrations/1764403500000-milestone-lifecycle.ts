import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The milestone lifecycle: a status, tracked commitments without a date, due instants, milestones
 * entered by hand (no agreement, own reminder offsets, an owner), cancelled reminders and an audit
 * table with one row per change.
 */
export class MilestoneLifecycle1764403500000 implements MigrationInterface {
  name = 'MilestoneLifecycle1764403500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE milestones
        ADD COLUMN status text,
        ADD COLUMN due_kind text,
        ADD COLUMN due_at timestamptz,
        ADD COLUMN extracted_due_date date,
        ADD COLUMN reminder_offsets text[],
        ADD COLUMN owner text,
        ALTER COLUMN agreement_id DROP NOT NULL,
        ALTER COLUMN evidence DROP NOT NULL,
        ALTER COLUMN due_date DROP NOT NULL,
        ALTER COLUMN overdue_at DROP NOT NULL`);
    // Milestones so far were all calendar dates due at 09:00 in their zone; their status is what time
    // made of them, without an event for a change nobody saw happen.
    await runner.query(`
      UPDATE milestones
         SET due_kind = 'date',
             extracted_due_date = due_date,
             due_at = (due_date + time '09:00') AT TIME ZONE time_zone,
             status = CASE WHEN overdue_at <= now() THEN 'overdue'
                           WHEN (due_date + time '09:00') AT TIME ZONE time_zone <= now() THEN 'due'
                           ELSE 'pending' END`);
    await runner.query(`
      ALTER TABLE milestones
        ALTER COLUMN status SET NOT NULL,
        ADD CONSTRAINT milestones_status_ck
          CHECK (status IN ('tracked', 'pending', 'due', 'overdue', 'met', 'waived', 'cancelled')),
        ADD CONSTRAINT milestones_due_kind_ck CHECK (due_kind IN ('date', 'instant')),
        ADD CONSTRAINT milestones_due_complete_ck CHECK (
          (due_kind IS NULL) = (due_date IS NULL) AND (due_kind IS NULL) = (due_at IS NULL)
          AND (due_kind IS NULL) = (overdue_at IS NULL)),
        ADD CONSTRAINT milestones_dated_when_open_ck CHECK (
          (status <> 'tracked' OR due_kind IS NULL)
          AND (status NOT IN ('pending', 'due', 'overdue') OR due_kind IS NOT NULL))`);
    // The dispatcher's look for milestones that time moves on: pending -> due, then -> overdue.
    await runner.query(
      "CREATE INDEX milestones_pending_due_at_idx ON milestones (due_at) WHERE status = 'pending'",
    );
    await runner.query(
      "CREATE INDEX milestones_open_overdue_at_idx ON milestones (overdue_at) WHERE status IN ('pending', 'due')",
    );
    // Listing in due order with a keyset cursor.
    await runner.query('CREATE INDEX milestones_due_at_id_idx ON milestones (due_at, id)');

    await runner.query(`
      ALTER TABLE reminders
        DROP CONSTRAINT reminders_status_check,
        ADD CONSTRAINT reminders_status_ck
          CHECK (status IN ('pending', 'fired', 'skipped', 'cancelled'))`);

    await runner.query(`
      CREATE TABLE milestone_history (
        id bigserial PRIMARY KEY,
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        changed_at timestamptz NOT NULL,
        actor text NOT NULL,
        reason text,
        from_status text,
        to_status text NOT NULL,
        from_due_date date,
        to_due_date date,
        from_due_at timestamptz,
        to_due_at timestamptz,
        event_id uuid
      )`);
    await runner.query(
      'CREATE INDEX milestone_history_milestone_idx ON milestone_history (milestone_id, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE milestone_history');
    await runner.query(`DELETE FROM reminders WHERE status = 'cancelled'`);
    await runner.query(`
      ALTER TABLE reminders
        DROP CONSTRAINT reminders_status_ck,
        ADD CONSTRAINT reminders_status_check CHECK (status IN ('pending', 'fired', 'skipped'))`);
    await runner.query('DROP INDEX milestones_due_at_id_idx');
    await runner.query('DROP INDEX milestones_open_overdue_at_idx');
    await runner.query('DROP INDEX milestones_pending_due_at_idx');
    await runner.query('DELETE FROM milestones WHERE due_date IS NULL OR agreement_id IS NULL');
    await runner.query(`
      ALTER TABLE milestones
        DROP CONSTRAINT milestones_dated_when_open_ck,
        DROP CONSTRAINT milestones_due_complete_ck,
        DROP CONSTRAINT milestones_due_kind_ck,
        DROP CONSTRAINT milestones_status_ck,
        DROP COLUMN owner,
        DROP COLUMN reminder_offsets,
        DROP COLUMN extracted_due_date,
        DROP COLUMN due_at,
        DROP COLUMN due_kind,
        DROP COLUMN status,
        ALTER COLUMN overdue_at SET NOT NULL,
        ALTER COLUMN due_date SET NOT NULL,
        ALTER COLUMN evidence SET NOT NULL,
        ALTER COLUMN agreement_id SET NOT NULL`);
  }
}
