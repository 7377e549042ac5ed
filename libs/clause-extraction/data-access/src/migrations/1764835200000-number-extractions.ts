import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers extractions in the order they are stored: those of one transaction share `created_at`,
 * so an agreement read twice in one run needs the number to tell its latest. Rows stored before
 * are numbered in no particular order, as they were already told apart by `created_at`.
 */
export class NumberExtractions1764835200000 implements MigrationInterface {
  name = 'NumberExtractions1764835200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE extractions ADD COLUMN seq bigserial NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE extractions DROP COLUMN seq');
  }
}
