import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReceivers1764500000000 implements MigrationInterface {
  name = 'CreateReceivers1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE receivers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL
          CONSTRAINT receivers_kind_ck CHECK (kind IN ('webhook', 'slack', 'teams', 'email')),
        target text NOT NULL,
        email_to text[] NOT NULL DEFAULT '{}',
        sealed_url text,
        sealed_secret text,
        send_resolved boolean NOT NULL DEFAULT true,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX receivers_name_uq ON receivers (name) WHERE deleted_at IS NULL',
    );
    // Null for the receivers of ALERT_WEBHOOK_URLS, which live in the environment.
    await runner.query(
      'ALTER TABLE deliveries ADD COLUMN receiver_id uuid CONSTRAINT deliveries_receiver_id_fk REFERENCES receivers (id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN receiver_id');
    await runner.query('DROP TABLE receivers');
  }
}
