import { createMessagingTables, dropMessagingTables } from '@dealwatch/messaging';

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMilestones1764403300000 implements MigrationInterface {
  name = 'CreateMilestones1764403300000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
    await runner.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        obligation_key text NOT NULL,
        title text NOT NULL,
        category text NOT NULL,
        agreement_title text,
        evidence text NOT NULL,
        evidence_start int,
        evidence_end int,
        deadline_expression text,
        due_date date NOT NULL,
        time_zone text NOT NULL,
        overdue_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX milestones_agreement_obligation_uq ON milestones (agreement_id, obligation_key)',
    );
    await runner.query('CREATE INDEX milestones_agreement_idx ON milestones (agreement_id)');
    await runner.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY,
        milestone_id uuid NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
        "offset" text NOT NULL,
        fire_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'fired', 'skipped')),
        fired_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX reminders_milestone_offset_pending_uq ON reminders (milestone_id, "offset") WHERE status = 'pending'`,
    );
    await runner.query('CREATE INDEX reminders_milestone_idx ON reminders (milestone_id)');
    // The worker's only query: pending reminders in firing order.
    await runner.query(
      "CREATE INDEX reminders_pending_fire_at_idx ON reminders (fire_at) WHERE status = 'pending'",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reminders');
    await runner.query('DROP TABLE milestones');
    await dropMessagingTables(runner);
  }
}
