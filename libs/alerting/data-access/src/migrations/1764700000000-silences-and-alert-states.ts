import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SilencesAndAlertStates1764700000000 implements MigrationInterface {
  name = 'SilencesAndAlertStates1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE alerts
        ADD COLUMN state text NOT NULL DEFAULT 'firing'
          CONSTRAINT alerts_state_ck
          CHECK (state IN ('firing', 'silenced', 'inhibited', 'acknowledged', 'resolved')),
        ADD COLUMN silence_id uuid,
        ADD COLUMN inhibited_by uuid`);
    await runner.query(`
      ALTER TABLE deliveries
        DROP CONSTRAINT deliveries_status_ck,
        ADD CONSTRAINT deliveries_status_ck
          CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead', 'suppressed'))`);
    await runner.query(`
      CREATE TABLE silences (
        id uuid PRIMARY KEY,
        matchers jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by text NOT NULL,
        comment text NOT NULL,
        created_at timestamptz NOT NULL,
        expired_at timestamptz,
        CONSTRAINT silences_window_ck CHECK (ends_at > starts_at)
      )`);
    await runner.query('CREATE INDEX silences_ends_at_idx ON silences (ends_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE silences');
    await runner.query("DELETE FROM deliveries WHERE status = 'suppressed'");
    await runner.query(`
      ALTER TABLE deliveries
        DROP CONSTRAINT deliveries_status_ck,
        ADD CONSTRAINT deliveries_status_ck
          CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead'))`);
    await runner.query(
      'ALTER TABLE alerts DROP COLUMN inhibited_by, DROP COLUMN silence_id, DROP COLUMN state',
    );
  }
}
