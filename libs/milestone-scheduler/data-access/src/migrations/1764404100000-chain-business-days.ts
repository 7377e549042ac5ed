import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A chained milestone may count its offset in business days of its jurisdiction. */
export class ChainBusinessDays1764404100000 implements MigrationInterface {
  name = 'ChainBusinessDays1764404100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE milestones ADD COLUMN anchor_business_days boolean NOT NULL DEFAULT false',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE milestones DROP COLUMN anchor_business_days');
  }
}
