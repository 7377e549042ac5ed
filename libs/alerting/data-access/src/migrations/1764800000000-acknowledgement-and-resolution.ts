import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AcknowledgementAndResolution1764800000000 implements MigrationInterface {
  name = 'AcknowledgementAndResolution1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE alerts
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN acknowledged_by text,
        ADD COLUMN ack_comment text,
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolution text,
        ADD COLUMN resolved_by text`);
    // A receiver can now get two notifications of one alert: that it fires, and that it resolved.
    await runner.query(`
      ALTER TABLE deliveries
        ADD COLUMN notification text NOT NULL DEFAULT 'firing'
          CONSTRAINT deliveries_notification_ck CHECK (notification IN ('firing', 'resolved')),
        ADD COLUMN body text`);
    await runner.query('DROP INDEX deliveries_alert_id_receiver_uq');
    await runner.query(
      'CREATE UNIQUE INDEX deliveries_alert_id_receiver_notification_uq ON deliveries (alert_id, receiver, notification)',
    );
    await runner.query(
      "CREATE INDEX alerts_milestone_id_open_idx ON alerts (milestone_id) WHERE state IN ('firing', 'acknowledged', 'silenced', 'inhibited')",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX alerts_milestone_id_open_idx');
    await runner.query("DELETE FROM deliveries WHERE notification = 'resolved'");
    await runner.query('DROP INDEX deliveries_alert_id_receiver_notification_uq');
    await runner.query(
      'CREATE UNIQUE INDEX deliveries_alert_id_receiver_uq ON deliveries (alert_id, receiver)',
    );
    await runner.query('ALTER TABLE deliveries DROP COLUMN body, DROP COLUMN notification');
    await runner.query(`
      ALTER TABLE alerts
        DROP COLUMN resolved_by, DROP COLUMN resolution, DROP COLUMN resolved_at,
        DROP COLUMN ack_comment, DROP COLUMN acknowledged_by, DROP COLUMN acknowledged_at`);
  }
}
