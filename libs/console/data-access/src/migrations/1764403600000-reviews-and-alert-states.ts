import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reviews people make in the console (the console is their source of truth, and announces each
 * one), and what alerting says happened to an alert since it fired.
 */
export class ReviewsAndAlertStates1764403600000 implements MigrationInterface {
  name = 'ReviewsAndAlertStates1764403600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE obligation_reviews (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        obligation_key text NOT NULL,
        verdict text NOT NULL,
        due_date date,
        extracted_due_date date,
        confidence real NOT NULL,
        reviewed_by text NOT NULL,
        reason text NOT NULL,
        reviewed_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX obligation_reviews_obligation_uq ON obligation_reviews (agreement_id, obligation_key)',
    );
    await runner.query(
      'CREATE INDEX obligation_reviews_reviewed_at_idx ON obligation_reviews (reviewed_at)',
    );
    await runner.query(`
      CREATE TABLE alert_states (
        reminder_id uuid PRIMARY KEY,
        alert_id uuid NOT NULL,
        acknowledged_by text,
        acknowledged_at timestamptz,
        ack_comment text,
        resolved_at timestamptz,
        resolved_by text,
        escalation_level int NOT NULL DEFAULT 0
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE alert_states');
    await runner.query('DROP TABLE obligation_reviews');
  }
}
