import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery can be announced before the reminder of its alert is projected (another topic): it
 * waits here until the reminder's row exists, instead of being lost.
 */
export class ParkedAlertDeliveries1764403800000 implements MigrationInterface {
  name = 'ParkedAlertDeliveries1764403800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE parked_alert_deliveries (
        -- Arrival order: the receivers are listed in the order their deliveries were announced.
        seq bigserial NOT NULL,
        reminder_id uuid NOT NULL,
        receiver text NOT NULL,
        alert_id uuid NOT NULL,
        delivered_at timestamptz NOT NULL,
        CONSTRAINT parked_alert_deliveries_pk PRIMARY KEY (reminder_id, receiver)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE parked_alert_deliveries');
  }
}
