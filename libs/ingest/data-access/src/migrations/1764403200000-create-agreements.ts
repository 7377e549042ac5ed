import { createMessagingTables, dropMessagingTables } from '@dealwatch/messaging';

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgreements1764403200000 implements MigrationInterface {
  name = 'CreateAgreements1764403200000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
    await runner.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY,
        content_sha256 char(64) NOT NULL,
        title text,
        text text NOT NULL,
        source_url text,
        published_at date,
        signed_at date,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX agreements_content_sha256_uq ON agreements (content_sha256)',
    );
    await runner.query('CREATE INDEX agreements_received_at_idx ON agreements (received_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE agreements');
    await dropMessagingTables(runner);
  }
}
