import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unique index on (agreement_id, obligation_key) serves every lookup by agreement, its first
 * column: one on agreement_id alone only cost every new milestone another index entry.
 */
export class DropRedundantAgreementIndex1767100000000 implements MigrationInterface {
  name = 'DropRedundantAgreementIndex1767100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX milestones_agreement_idx');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX milestones_agreement_idx ON milestones (agreement_id)');
  }
}
