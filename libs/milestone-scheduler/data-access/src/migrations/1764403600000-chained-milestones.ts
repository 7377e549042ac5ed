import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A milestone may wait on another: due a set time after that one is met. */
export class ChainedMilestones1764403600000 implements MigrationInterface {
  name = 'ChainedMilestones1764403600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE milestones
        ADD COLUMN anchor_milestone_id uuid REFERENCES milestones (id) ON DELETE SET NULL,
        ADD COLUMN anchor_offset text,
        ADD CONSTRAINT milestones_anchor_complete_ck
          CHECK ((anchor_milestone_id IS NULL) = (anchor_offset IS NULL))`);
    await runner.query(
      'CREATE INDEX milestones_anchor_idx ON milestones (anchor_milestone_id) WHERE anchor_milestone_id IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX milestones_anchor_idx');
    await runner.query(`
      ALTER TABLE milestones
        DROP CONSTRAINT milestones_anchor_complete_ck,
        DROP COLUMN anchor_offset,
        DROP COLUMN anchor_milestone_id`);
  }
}
