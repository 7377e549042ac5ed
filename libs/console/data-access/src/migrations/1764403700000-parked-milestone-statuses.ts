import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A status change can arrive before the scheduling of its milestone (another topic): it waits here
 * until the milestone is projected, instead of being lost.
 */
export class ParkedMilestoneStatuses1764403700000 implements MigrationInterface {
  name = 'ParkedMilestoneStatuses1764403700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE parked_milestone_statuses (
        milestone_id uuid PRIMARY KEY,
        status text NOT NULL,
        due_date date,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE parked_milestone_statuses');
  }
}
