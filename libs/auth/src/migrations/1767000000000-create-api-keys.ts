import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1767000000000 implements MigrationInterface {
  name = 'CreateApiKeys1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        scopes text[] NOT NULL DEFAULT '{}',
        hash text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await runner.query('CREATE INDEX api_keys_created_at_idx ON api_keys (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE api_keys');
  }
}
