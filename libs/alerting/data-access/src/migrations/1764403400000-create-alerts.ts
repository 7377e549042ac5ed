import { createMessagingTables, dropMessagingTables } from '@dealwatch/messaging';

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAlerts1764403400000 implements MigrationInterface {
  name = 'CreateAlerts1764403400000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
    await runner.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY,
        reminder_id uuid NOT NULL,
        milestone_id uuid NOT NULL,
        agreement_id uuid NOT NULL,
        agreement_title text,
        title text NOT NULL,
        category text NOT NULL,
        reminder_offset text NOT NULL,
        due_date date NOT NULL,
        severity text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        source_event_id text NOT NULL,
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE UNIQUE INDEX alerts_reminder_id_uq ON alerts (reminder_id)');
    await runner.query(
      'CREATE INDEX alerts_agreement_id_created_at_idx ON alerts (agreement_id, created_at)',
    );
    await runner.query(
      'CREATE INDEX alerts_milestone_id_created_at_idx ON alerts (milestone_id, created_at)',
    );
    await runner.query('CREATE INDEX alerts_created_at_idx ON alerts (created_at)');

    await runner.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        receiver text NOT NULL,
        status text NOT NULL
          CONSTRAINT deliveries_status_ck
          CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX deliveries_alert_id_receiver_uq ON deliveries (alert_id, receiver)',
    );
    await runner.query(
      "CREATE INDEX deliveries_pending_due_idx ON deliveries (next_attempt_at) WHERE status = 'pending'",
    );
    await runner.query(
      "CREATE INDEX deliveries_in_flight_lease_idx ON deliveries (lease_until) WHERE status = 'in_flight'",
    );

    await runner.query(`
      CREATE TABLE delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
        attempt_number int NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        duration_ms int,
        outcome text NOT NULL
          CONSTRAINT delivery_attempts_outcome_ck
          CHECK (outcome IN ('in_flight', 'delivered', 'retry', 'permanent', 'abandoned')),
        status_code int,
        error text,
        CONSTRAINT delivery_attempts_pk PRIMARY KEY (delivery_id, attempt_number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE delivery_attempts');
    await runner.query('DROP TABLE deliveries');
    await runner.query('DROP TABLE alerts');
    await dropMessagingTables(runner);
  }
}
