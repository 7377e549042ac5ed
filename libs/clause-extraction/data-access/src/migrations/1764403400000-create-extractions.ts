import { createMessagingTables, dropMessagingTables } from '@dealwatch/messaging';

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExtractions1764403400000 implements MigrationInterface {
  name = 'CreateExtractions1764403400000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
    await runner.query(`
      CREATE TABLE extractions (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        extractor_version text NOT NULL,
        content_sha256 char(64) NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX extractions_agreement_version_text_uq ON extractions (agreement_id, extractor_version, content_sha256)',
    );
    await runner.query('CREATE INDEX extractions_agreement_idx ON extractions (agreement_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE extractions');
    await dropMessagingTables(runner);
  }
}
