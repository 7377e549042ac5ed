import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Escalation1764900000000 implements MigrationInterface {
  name = 'Escalation1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    // The policy is kept as it was when the alert was recorded: a later change of routes does not
    // move an escalation already planned.
    await runner.query(`
      ALTER TABLE alerts
        ADD COLUMN escalation_levels jsonb,
        ADD COLUMN escalate_after text,
        ADD COLUMN escalation_level int NOT NULL DEFAULT 0,
        ADD COLUMN escalate_at timestamptz`);
    await runner.query(
      "CREATE INDEX alerts_escalate_at_due_idx ON alerts (escalate_at) WHERE state = 'firing' AND escalate_at IS NOT NULL",
    );
    await runner.query(`
      CREATE TABLE alert_escalations (
        alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        level int NOT NULL,
        receivers text[] NOT NULL,
        escalated_at timestamptz NOT NULL,
        CONSTRAINT alert_escalations_pkey PRIMARY KEY (alert_id, level)
      )`);
    await runner.query(`
      ALTER TABLE deliveries
        DROP CONSTRAINT deliveries_notification_ck,
        ADD CONSTRAINT deliveries_notification_ck
          CHECK (notification IN ('firing', 'resolved', 'escalated'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM deliveries WHERE notification = 'escalated'");
    await runner.query(`
      ALTER TABLE deliveries
        DROP CONSTRAINT deliveries_notification_ck,
        ADD CONSTRAINT deliveries_notification_ck CHECK (notification IN ('firing', 'resolved'))`);
    await runner.query('DROP TABLE alert_escalations');
    await runner.query('DROP INDEX alerts_escalate_at_due_idx');
    await runner.query(`
      ALTER TABLE alerts
        DROP COLUMN escalate_at, DROP COLUMN escalation_level,
        DROP COLUMN escalate_after, DROP COLUMN escalation_levels`);
  }
}
