import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A milestone follows a named reminder policy, may override its time of day, and has a jurisdiction. */
export class ReminderPolicies1764403800000 implements MigrationInterface {
  name = 'ReminderPolicies1764403800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE milestones
        ADD COLUMN policy text,
        ADD COLUMN time_of_day text,
        ADD COLUMN jurisdiction text,
        ADD CONSTRAINT milestones_time_of_day_ck
          CHECK (time_of_day IS NULL OR time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE milestones
        DROP CONSTRAINT milestones_time_of_day_ck,
        DROP COLUMN jurisdiction,
        DROP COLUMN time_of_day,
        DROP COLUMN policy`);
  }
}
