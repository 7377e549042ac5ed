import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Digests1765200000000 implements MigrationInterface {
  name = 'Digests1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE receivers
        ADD COLUMN digest_at text,
        ADD COLUMN digest_time_zone text,
        ADD COLUMN digest_send_empty boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT receivers_digest_ck CHECK ((digest_at IS NULL) = (digest_time_zone IS NULL))`);
    await runner.query(`
      CREATE TABLE digests (
        id uuid PRIMARY KEY,
        receiver text NOT NULL,
        receiver_id uuid,
        due_at timestamptz NOT NULL,
        local_date date NOT NULL,
        time_zone text NOT NULL,
        since timestamptz NOT NULL,
        send_empty boolean NOT NULL,
        status text NOT NULL
          CONSTRAINT digests_status_ck
          CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead', 'empty')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        body text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX digests_receiver_due_at_uq ON digests (receiver, due_at)',
    );
    await runner.query(
      "CREATE INDEX digests_pending_due_idx ON digests (next_attempt_at) WHERE status = 'pending'",
    );
    await runner.query(
      "CREATE INDEX digests_in_flight_lease_idx ON digests (lease_until) WHERE status = 'in_flight'",
    );
    // An alert's delivery to a receiver in digest mode goes with that receiver's digest.
    await runner.query('ALTER TABLE deliveries ADD COLUMN digest_id uuid REFERENCES digests (id)');
    await runner.query(
      'CREATE INDEX deliveries_digest_id_idx ON deliveries (digest_id) WHERE digest_id IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX deliveries_digest_id_idx');
    await runner.query('ALTER TABLE deliveries DROP COLUMN digest_id');
    await runner.query('DROP TABLE digests');
    await runner.query(`
      ALTER TABLE receivers
        DROP CONSTRAINT receivers_digest_ck,
        DROP COLUMN digest_send_empty,
        DROP COLUMN digest_time_zone,
        DROP COLUMN digest_at`);
  }
}
