import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The verdict of a person's review of the extracted obligation, which re-extraction respects. */
export class MilestoneReview1764404200000 implements MigrationInterface {
  name = 'MilestoneReview1764404200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE milestones ADD COLUMN review_verdict text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE milestones DROP COLUMN review_verdict');
  }
}
