import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unique index on (agreement_id, extractor_version, content_sha256) serves every lookup by
 * agreement, its first column: one on agreement_id alone only cost every extraction another index
 * entry.
 */
export class DropRedundantAgreementIndex1767100000000 implements MigrationInterface {
  name = 'DropRedundantAgreementIndex1767100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX extractions_agreement_idx');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX extractions_agreement_idx ON extractions (agreement_id)');
  }
}
